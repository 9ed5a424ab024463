"""Catalogue pages: listings, filters, pagination, product page, fallback, visibility, garbage input."""

import pytest

from storefront.accounts.models import FilingStatus
from storefront.extensions import db


@pytest.fixture
def shop(make):
    make.rates()
    m = make.merchant()
    cat = make.category("bars")
    cheap = make.product(
        m,
        category_=cat,
        price_fen=5000,
        moq=1,
        texts={
            "zh": {"name": "合金工具钢圆钢", "description": "优质钢材。"},
            "en": {"name": "Alloy tool-steel bar", "description": "Quality steel."},
            "ru": {"name": "Пруток из инструментальной стали", "description": "Качественная сталь."},
        },
    )
    dear = make.product(m, category_=cat, price_fen=900000, moq=50, origin_city_slug="dalian")
    make.city("fushun")
    other_city = make.product(m, category_=cat, price_fen=20000, moq=5, origin_city_slug="fushun")
    pending = make.merchant(status=FilingStatus.PENDING.value)
    hidden_m = make.product(pending, category_=cat)
    hidden_p = make.product(m, category_=cat, hidden=True)
    db.session.commit()
    return {"cheap": cheap, "dear": dear, "fushun": other_city, "pending": hidden_m, "hidden": hidden_p, "cat": cat}


def test_listing_shows_only_public_products(client, shop):
    page = client.get("/en/c/steel/").get_data(as_text=True)
    assert "3 products" in page
    assert f'/en/p/{shop["pending"].id}"' not in page
    assert f'/en/p/{shop["hidden"].id}"' not in page


def test_hidden_and_unapproved_products_are_404(client, shop):
    assert client.get(f"/en/p/{shop['pending'].id}").status_code == 404
    assert client.get(f"/en/p/{shop['hidden'].id}").status_code == 404
    assert client.get(f"/en/p/{shop['cheap'].id}").status_code == 200


def test_filters_price_moq_city_and_sort(client, shop):
    # prices typed in the display currency (USD for en): 100 USD ≈ 720 CNY
    page = client.get("/en/c/steel/bars/?max_price=100&sort=price_asc").get_data(as_text=True)
    assert "2 products" in page
    assert page.index(f'/en/p/{shop["cheap"].id}"') < page.index(f'/en/p/{shop["fushun"].id}"')
    assert "1 product" in client.get("/en/c/steel/bars/?moq=2&max_price=100").get_data(as_text=True)
    assert "1 product" in client.get("/en/c/steel/?city=fushun").get_data(as_text=True)


def test_bad_filter_values_keep_input_and_explain(client, shop):
    response = client.get("/ru/c/steel/?min_price=foo&moq=-3")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'value="foo"' in page
    assert 'aria-invalid="true"' in page


@pytest.mark.parametrize("query", ["?page=-1", "?page=abc", "?page=0", "?page=99", "?page=1e3", "?page=" + "9" * 40])
def test_bad_page_numbers_are_404(client, shop, query):
    assert client.get("/en/c/steel/" + query).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/xx/",
        "/en/p/999999",
        "/en/c/nope/",
        "/en/c/steel/nope/",
        "/en/m/nope",
        "/ru/p/abc",
        "/en/c/steel/?min_price=" + "x" * 5000,
        "/en/c/steel/?sort=drop%20table",
        "/en/c/steel/?city=%00",
        "/en/c/steel/?q=" + "я" * 5000,
        "/api/v1/products?page=-1",
        "/api/v1/products/0",
        "/api/v1/products?lang=xx",
    ],
)
def test_garbage_never_500(client, shop, url):
    assert client.get(url).status_code in (200, 404)


def test_product_page_fallback_note(client, shop):
    page = client.get(f"/ko/p/{shop['cheap'].id}").get_data(as_text=True)
    assert "Alloy tool-steel bar" in page  # ko missing → en
    assert 'lang="en"' in page
    assert "fallback-note" in page
    ru = client.get(f"/ru/p/{shop['cheap'].id}").get_data(as_text=True)
    assert "Пруток из инструментальной стали" in ru
    assert "fallback-note" not in ru.split("<h1>")[1].split("</h1>")[0]


def test_prices_in_locale_currency_marked_approximate(client, shop):
    ru = client.get(f"/ru/p/{shop['cheap'].id}").get_data(as_text=True)
    assert "642,50\xa0₽" in ru  # 50 CNY × 12.85
    assert "≈" in ru and "¥50.00" in ru or "50,00\xa0¥" in ru or "CN¥" in ru
    ko = client.get(f"/ko/p/{shop['cheap'].id}").get_data(as_text=True)
    assert "₩9,620" in ko  # 50 × 192.40, no decimals
    assert "₩9,620." not in ko


def test_currency_choice_is_remembered(client, shop):
    response = client.post("/en/currency", data={"currency": "EUR", "next": "/en/c/steel/"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/en/c/steel/")
    assert "€" in client.get(f"/en/p/{shop['cheap'].id}").get_data(as_text=True)


def test_currency_next_cannot_redirect_offsite(client, shop):
    response = client.post("/en/currency", data={"currency": "EUR", "next": "https://evil.example/"})
    assert "evil" not in response.headers["Location"]


def test_merchant_page(client, shop):
    m = shop["cheap"].merchant
    page = client.get(f"/zh/m/{m.slug}").get_data(as_text=True)
    assert m.names["zh"] in page
    assert "3" in page


def test_unapproved_merchant_page_is_404(client, shop):
    assert client.get(f"/en/m/{shop['pending'].merchant.slug}").status_code == 404


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}
