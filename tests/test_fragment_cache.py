"""Per-product and per-category invalidation of cached pages and fragments (cards, page content)."""

import pytest
from flask import g
from sqlalchemy import event

from storefront.extensions import db
from tests.backoffice_helpers import client_as


@pytest.fixture
def shop(make):
    """Two products in one category and one in another category of another cluster."""
    make.rates()
    cat = make.category()
    other = make.category(cluster_slug="swimwear")
    a = make.product(category_=cat)
    b = make.product(category_=cat)
    c = make.product(category_=other)
    db.session.commit()
    return {"a": a, "b": b, "c": c, "cat": cat, "other": other}


def _listing(s, key):
    cat = s[key]
    return f"/en/c/{cat.cluster.slug}/{cat.slug}/"


def _etag(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.headers["ETag"]


def test_price_change_invalidates_its_product_and_listing_only(client, shop):
    urls = {
        "a": f"/en/p/{shop['a'].id}",
        "b": f"/en/p/{shop['b'].id}",
        "c": f"/en/p/{shop['c'].id}",
        "cat": _listing(shop, "cat"),
        "other": _listing(shop, "other"),
    }
    before = {k: _etag(client, u) for k, u in urls.items()}
    shop["a"].price_fen = 12345
    db.session.commit()
    after = {k: _etag(client, u) for k, u in urls.items()}
    assert after["a"] != before["a"] and after["cat"] != before["cat"]
    assert after["b"] != before["b"]  # b's page lists a among "More in this category"
    assert after["c"] == before["c"] and after["other"] == before["other"]


def test_stock_change_invalidates_the_product_page_not_listings(client, shop):
    from storefront.ordering import stock

    page, listing = f"/en/p/{shop['a'].id}", _listing(shop, "cat")
    before = _etag(client, page), _etag(client, listing)
    assert stock.take(shop["a"].default_variant.id, 7)
    db.session.commit()
    assert "93 pieces" in client.get(page).get_data(as_text=True)
    assert _etag(client, page) != before[0] and _etag(client, listing) == before[1]


def test_stock_change_invalidates_api_lists_that_show_stock(client, shop):
    from storefront.ordering import stock

    listing = "/api/v1/products?lang=en"
    before = _etag(client, listing)
    assert stock.take(shop["c"].default_variant.id, 5)
    db.session.commit()
    response = client.get(listing)
    assert response.headers["ETag"] != before
    assert {i["id"]: i["stock"] for i in response.json["items"]}[shop["c"].id] == 95


def test_rate_change_invalidates_everything(client, shop):
    from storefront.core.models import ExchangeRate

    urls = [f"/en/p/{shop['c'].id}", _listing(shop, "other"), "/en/"]
    before = [_etag(client, u) for u in urls]
    rate = db.session.query(ExchangeRate).first()
    rate.rate = rate.rate * 2
    db.session.commit()
    assert all(_etag(client, u) != e for u, e in zip(urls, before, strict=True))


@pytest.fixture
def uncached(app):
    """The page cache off, as for signed-in buyers: only fragments are cached."""
    cache = app.extensions["kuajing_page_cache"]
    size, cache.size = cache.size, 0
    yield
    cache.size = size


def test_renamed_product_shows_on_next_request_without_page_cache(client, shop, uncached):
    listing = _listing(shop, "cat")
    assert "Alloy steel bar" in client.get(listing).get_data(as_text=True)
    shop["a"].translations["en"].name = "Renamed round bar"
    db.session.commit()
    for url in (listing, f"/en/p/{shop['a'].id}", f"/en/p/{shop['b'].id}"):
        assert "Renamed round bar" in client.get(url).get_data(as_text=True), url


def test_hidden_product_leaves_cached_listing_and_page(client, shop, uncached):
    listing = _listing(shop, "cat")
    assert f"/en/p/{shop['a'].id}" in client.get(listing).get_data(as_text=True)
    shop["a"].hidden = True
    db.session.commit()
    assert f'/en/p/{shop["a"].id}"' not in client.get(listing).get_data(as_text=True)
    assert client.get(f"/en/p/{shop['a'].id}").status_code == 404


def test_fragments_follow_display_currency_and_csrf_per_session(app, shop, uncached):
    first, second = app.test_client(), app.test_client()
    url = f"/en/p/{shop['a'].id}"
    page_one = first.get(url).get_data(as_text=True)
    second.post("/en/currency", data={"currency": "EUR"})
    page_two = second.get(url).get_data(as_text=True)
    assert "€" in page_two and "€" not in page_one.split("<main", 1)[1].split("</main>", 1)[0]
    import re

    tokens = [re.search(r'name="csrf_token" value="([^"]+)"', p).group(1) for p in (page_one, page_two)]
    assert tokens[0] != tokens[1] and "__KJ_CSRF" not in page_one + page_two


def test_signed_in_buyer_gets_cached_content_with_own_chrome(client, make, shop):
    make.user(email="buyer@example.com")
    db.session.commit()
    url = f"/en/p/{shop['a'].id}"
    anonymous = client.get(url).get_data(as_text=True)
    client.post("/en/account/login", data={"email": "buyer@example.com", "password": "correct-horse-battery"})
    signed_in = client.get(url)
    assert "ETag" not in signed_in.headers  # never the page cache
    body = signed_in.get_data(as_text=True)
    assert "Alloy steel bar" in body and body != anonymous


def test_a_signed_in_page_holds_one_database_connection_at_a_time(app, shop, make):
    """A signed-in request loads its user through the ORM session; the page's versions query then reads
    through that connection instead of taking a second one. With two per request, as many concurrent
    requests as the pool has connections could each hold one and wait for another (the pool's timeout)."""
    buyer = make.user(email="reader@example.com")
    db.session.commit()
    client = client_as(app, buyer)
    urls = [f"/en/p/{shop['a'].id}", _listing(shop, "cat"), "/en/"]
    held, most = [0], [0]

    def checkout(*_args):
        held[0] += 1
        most[0] = max(most[0], held[0])

    def checkin(*_args):
        held[0] -= 1

    for url in urls:  # the index owes the shop's products until read (tests' SEARCH_INDEX_WRITES=read)
        g.pop("page_versions", None)
        client.get(url)
    db.session.remove()  # the test's own session gives its connection back first
    event.listen(db.engine, "checkout", checkout)
    event.listen(db.engine, "checkin", checkin)
    try:
        for url in urls:
            g.pop("page_versions", None)  # the ``ctx`` fixture shares ``g`` with the client's requests
            assert client.get(url).status_code == 200, url
            db.session.remove()
    finally:
        event.remove(db.engine, "checkout", checkout)
        event.remove(db.engine, "checkin", checkin)
    assert most[0] == 1


def _api_items(client, url="/api/v1/products?lang=en&per_page=100"):
    response = client.get(url)
    assert response.status_code == 200
    return {item["id"]: item for item in response.json["items"]}


def test_products_api_items_follow_stock_names_and_prices_without_page_cache(client, shop, uncached):
    from storefront.ordering import stock

    a, b, c = shop["a"].id, shop["b"].id, shop["c"].id
    before = _api_items(client)
    assert stock.take(shop["a"].default_variant.id, 7)
    shop["b"].translations["en"].name = "Renamed round bar"
    shop["c"].price_fen = 12345
    db.session.commit()
    after = _api_items(client)
    assert after[a]["stock"] == before[a]["stock"] - 7
    assert after[b]["name"] == "Renamed round bar" != before[b]["name"]
    assert after[c]["price"]["amount"] == "123.45" != before[c]["price"]["amount"]
    shop["c"].hidden = True
    db.session.commit()
    assert c not in _api_items(client)


def test_products_api_loads_only_the_products_it_has_not_built_in_this_version(app, client, shop, uncached):
    from storefront.extensions import cache
    from tests.test_query_count import count_queries

    def loads_products(statements):
        return [s for s in statements if "products.sku" in s]

    cache.clear()
    with count_queries(app) as cold:
        first = _api_items(client)
    with count_queries(app) as warm:
        second = _api_items(client)
    assert second == first and len(first) == 3
    assert loads_products(cold) and not loads_products(warm)
    assert len(warm) < len(cold)
