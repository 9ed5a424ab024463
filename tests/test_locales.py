"""Locale negotiation, URL prefixes, the switcher and translation loading."""

import pytest
from flask_babel import force_locale, gettext

from storefront.core.locales import negotiate


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-CN,zh;q=0.9", "zh"),
        ("ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        ("ko-KR", "ko"),
        ("pl-PL,pl;q=0.9", "en"),
        ("mn-MN, ru;q=0.5", "mn"),
        ("ru;q=0.5, mn", "mn"),
        ("mn_MN", "mn"),
        ("", "en"),
        (None, "en"),
        ("de;q=0.9, ko;q=0.1", "ko"),
        ("garbage;;;q=abc", "en"),
    ],
)
def test_negotiate(header, expected):
    assert negotiate(header) == expected


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("ko-KR", "/ko/"),
        ("zh-CN", "/zh/"),
        ("ru-RU", "/ru/"),
        ("pl", "/en/"),
        ("mn-MN,mn;q=0.9,ru;q=0.8", "/mn/"),
        ("mn", "/mn/"),
    ],
)
def test_root_redirects_by_accept_language(client, header, target):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(target)
    assert "Accept-Language" in response.headers["Vary"]


def test_unknown_locale_is_404(client):
    response = client.get("/xx/")
    assert response.status_code == 404
    assert b"<html" in response.data


@pytest.mark.parametrize(
    ("lang", "html_lang"), [("zh", "zh-Hans"), ("ru", "ru"), ("ko", "ko"), ("en", "en"), ("mn", "mn")]
)
def test_html_lang_and_hreflang(client, lang, html_lang):
    page = client.get(f"/{lang}/").get_data(as_text=True)
    assert f'<html lang="{html_lang}">' in page
    for other in ("zh-Hans", "ru", "ko", "en", "mn"):
        assert f'hreflang="{other}"' in page


def test_switcher_offers_mongolian(client):
    page = client.get("/ru/").get_data(as_text=True)
    assert 'href="/mn/" hreflang="mn" lang="mn" data-lang="mn">Монгол</a>' in page
    page = client.get("/mn/").get_data(as_text=True)
    assert '<span class="current" aria-current="true" lang="mn">Монгол</span>' in page


def test_switcher_keeps_page_and_query(client, make):
    p = make.product()
    from storefront.extensions import db

    db.session.commit()
    page = client.get(f"/ko/p/{p.id}").get_data(as_text=True)
    assert f'href="/ru/p/{p.id}"' in page
    listing = client.get("/ko/c/steel/?sort=price_asc").get_data(as_text=True)
    assert 'href="/ru/c/steel/?sort=price_asc"' in listing


@pytest.mark.parametrize(("lang", "expected"), [("zh", "登录"), ("ru", "Войти"), ("ko", "로그인"), ("mn", "Нэвтрэх")])
def test_translations_load_for_each_language(app, lang, expected):
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        assert gettext("Sign in") == expected


def test_dates_and_numbers_formatted_per_locale(app):
    from datetime import date

    from flask_babel import format_date, format_decimal

    with app.test_request_context("/"):
        with force_locale("ru"):
            assert format_decimal(1234567.5) == "1\xa0234\xa0567,5"
        with force_locale("de"):
            assert format_decimal(1234.5) == "1.234,5"
        with force_locale("ko"):
            assert "2026" in format_date(date(2026, 11, 27))


def test_content_fallback_for_mongolian_is_russian_then_english_then_chinese():
    from storefront.core.content import fallback_order, pick

    assert fallback_order("mn") == ["mn", "ru", "en", "zh"]
    assert fallback_order("ko") == ["ko", "en", "zh"]
    assert pick({"zh": "合金钢", "en": "Alloy steel", "ru": "Легированная сталь"}, "mn").lang == "ru"
    assert pick({"zh": "合金钢", "en": "Alloy steel"}, "mn").lang == "en"
    assert pick({"zh": "合金钢"}, "mn").lang == "zh"
    assert pick({"mn": "Хайлшин ган", "ru": "Легированная сталь"}, "mn").is_fallback is False


def test_mongolian_page_shows_russian_text_with_a_note_and_prices_in_tugrik(client, make):
    from storefront.extensions import db

    make.rates()
    ru_only = make.product(
        texts={
            "zh": {"name": "合金钢圆钢"},
            "en": {"name": "Alloy steel bar"},
            "ru": {"name": "Пруток из легированной стали"},
        },
        price_fen=10000,
    )
    own = make.product(
        texts={"zh": {"name": "合金钢圆钢"}, "en": {"name": "Alloy steel bar"}, "mn": {"name": "Хайлшин ган саваа"}},
        price_fen=10000,
    )
    db.session.commit()
    page = client.get(f"/mn/p/{ru_only.id}").get_data(as_text=True)
    assert '<h1><span lang="ru">Пруток из легированной стали</span></h1>' in page
    assert '<span class="fallback-note">Орчуулга хараахан байхгүй — Орос хэлээр харуулав</span>' in page
    assert "₮\xa047,250</span>" in page  # 100 CNY × 472.50, in whole tögrög without decimals
    page = client.get(f"/mn/p/{own.id}").get_data(as_text=True)
    assert "Хайлшин ган саваа" in page and "Орчуулга хараахан байхгүй" not in page


def test_mongolian_checkout_defaults_to_mongolia_with_mongolian_country_names():
    from storefront.ordering.shipping import DEFAULT_COUNTRY, country_choices, country_name

    assert DEFAULT_COUNTRY["mn"] == "MN"
    assert country_name("MN", "mn") == "Монгол"
    assert ("RU", "Орос") in country_choices("mn")
