"""The price a buyer pays now (promotions applied) wherever a price is sorted, filtered or served: listings and
the REST APIs."""

from datetime import UTC, datetime, timedelta

import pytest
from flask import g
from sqlalchemy import select

from storefront.accounts import api_keys
from storefront.catalog import promotions, queries
from storefront.catalog.models import Product
from storefront.catalog.promotions import Promotion, list_price, price_now_sql, save
from storefront.extensions import db


def _promo(merchant, products=(), categories=(), *, percent=None, amount_fen=None, start=None, end=None):
    now = datetime.now(UTC)
    promotion = Promotion(
        merchant_id=merchant.id,
        name="Winter sale",
        percent=percent,
        amount_fen=amount_fen,
        starts_at=start or now - timedelta(days=1),
        ends_at=end or now + timedelta(days=7),
        active=True,
    )
    save(promotion, [p.id for p in products], [c.id for c in categories], actor=None)
    return promotion


def _named(make, merchant, cat, name: str, price_fen: int) -> Product:
    return make.product(merchant, category_=cat, price_fen=price_fen, texts={"en": {"name": name}})


def _order(page: str, *names: str) -> list[str]:
    """The names as they appear on the page, first to last."""
    assert all(n in page for n in names), names
    return sorted(names, key=page.index)


def _listing(client, url: str) -> str:
    for key in ("page_versions", "cache_versions"):
        g.pop(key, None)  # the ``ctx`` fixture shares ``g`` with the client's requests
    return client.get(url).get_data(as_text=True)


@pytest.fixture
def pair(make):
    """Two products of one category: Anchor chain ¥100, Buoy ¥90."""
    make.rates()
    m = make.merchant()
    cat = make.category()
    a = _named(make, m, cat, "Anchor chain", 10000)
    b = _named(make, m, cat, "Buoy", 9000)
    return a, b, cat, f"/en/c/{cat.cluster.slug}/{cat.slug}/"


def test_a_running_promotion_flips_the_listing_price_order(client, pair):
    a, b, _cat, url = pair
    _promo(a.merchant, [a], percent=20)  # ¥100 → ¥80, below the buoy's ¥90
    db.session.commit()
    assert _order(_listing(client, url + "?sort=price_asc"), "Anchor chain", "Buoy") == ["Anchor chain", "Buoy"]
    assert _order(_listing(client, url + "?sort=price_desc"), "Anchor chain", "Buoy") == ["Buoy", "Anchor chain"]


@pytest.mark.parametrize(
    ("start", "end"),
    [(timedelta(hours=1), timedelta(days=2)), (-timedelta(days=3), -timedelta(hours=1))],
    ids=["not-yet-started", "expired"],
)
def test_a_promotion_outside_its_window_leaves_the_order_alone(client, pair, start, end):
    a, b, _cat, url = pair
    now = datetime.now(UTC)
    _promo(a.merchant, [a], percent=20, start=now + start, end=now + end)
    db.session.commit()
    assert _order(_listing(client, url + "?sort=price_asc"), "Anchor chain", "Buoy") == ["Buoy", "Anchor chain"]


def test_an_ended_promotion_leaves_the_order_alone(client, pair):
    a, b, _cat, url = pair
    promo = _promo(a.merchant, [a], percent=20)
    promotions.end(promo, actor=None)
    db.session.commit()
    assert _order(_listing(client, url + "?sort=price_asc"), "Anchor chain", "Buoy") == ["Buoy", "Anchor chain"]


def test_the_price_range_filter_is_about_the_promoted_price(client, pair):
    a, b, cat, url = pair
    _promo(a.merchant, [a], percent=20)
    db.session.commit()
    client.post("/en/currency", data={"currency": "CNY"})
    page = _listing(client, url + "?max_price=85")
    assert "Anchor chain" in page and "Buoy" not in page  # ¥80 now (¥100 listed), the buoy ¥90
    page = _listing(client, url + "?min_price=85")
    assert "Buoy" in page and "Anchor chain" not in page


def test_the_sql_price_is_the_price_cards_show(make):
    """``price_now_sql`` is ``list_price`` for every product: percentages (rounded half up), fixed amounts,
    products and categories, the best of several, another merchant's products and a promotion not yet running."""
    m, other = make.merchant(), make.merchant()
    cat, cat2 = make.category(), make.category()
    products = [make.product(m, category_=cat, price_fen=fen) for fen in (10_001, 333, 99_999, 250)] + [
        make.product(m, category_=cat2, price_fen=7_777),
        make.product(other, category_=cat, price_fen=5_000),
    ]
    now = datetime.now(UTC)
    _promo(m, categories=[cat], percent=15)
    _promo(m, [products[0], products[4]], amount_fen=2_000)
    _promo(m, [products[1]], percent=33)
    _promo(m, [products[3]], percent=90, start=now + timedelta(days=1))
    stmt = select(Product.id, price_now_sql()).where(Product.merchant_id.in_([m.id, other.id]))
    rows = dict(db.session.execute(stmt).all())
    shown = {p.id: list_price(p, p.price_fen).fen for p in products}
    assert rows == shown
    assert shown[products[0].id] == 8_001 and shown[products[1].id] == 223 and shown[products[5].id] == 5_000


def test_listing_query_filters_and_sorts_without_loading_products(make, app):
    """The promoted price is computed by the database in the listing's one page query (no product loaded)."""
    a_price, b_price = 10000, 9000
    m = make.merchant()
    cat = make.category()
    a = _named(make, m, cat, "Anchor chain", a_price)
    b = _named(make, m, cat, "Buoy", b_price)
    _promo(m, [a], amount_fen=3000)
    f = queries.Filters(sort="price_asc", max_fen=8500)
    assert queries.listing([cat.id], f, 1, 10, ids=True).items == [a.id]
    f = queries.Filters(sort="price_desc")
    assert queries.listing([cat.id], f, 1, 10, ids=True).items == [b.id, a.id]


def test_public_api_shows_the_promoted_price_the_list_price_and_the_end(client, make):
    p = make.product(price_fen=10000, tiers=[(100, 8000)])
    other = make.product(price_fen=10000)
    promo = _promo(p.merchant, [p], percent=20)
    db.session.commit()
    items = {i["id"]: i for i in client.get("/api/v1/products?lang=en&per_page=100").json["items"]}
    item, plain = items[p.id], items[other.id]
    assert item["price"]["amount"] == "80.00" and item["list_price"]["amount"] == "100.00"
    assert item["promotion_ends_at"] == promo.ends_at.astimezone(UTC).isoformat()
    assert [(t["amount"], t["list_amount"]) for t in item["tiers"]] == [("64.00", "80.00")]
    assert plain["price"] == plain["list_price"] and plain["promotion_ends_at"] is None
    assert client.get(f"/api/v1/products/{p.id}?lang=ko").json["price"]["amount"] == "80.00"


def test_public_api_ignores_a_promotion_not_yet_started(client, make):
    p = make.product(price_fen=10000)
    _promo(p.merchant, [p], percent=20, start=datetime.now(UTC) + timedelta(hours=1))
    db.session.commit()
    item = client.get(f"/api/v1/products/{p.id}?lang=en").json
    assert item["price"]["amount"] == item["list_price"]["amount"] == "100.00"
    assert item["promotion_ends_at"] is None


def test_merchant_api_shows_the_price_paid_now_beside_the_list_price(app, make):
    m = make.merchant()
    p = make.product(m, price_fen=10000)
    shirts = make.product(m, price_fen=5000)
    made = make.with_variants(shirts, {"size": ["S", "M"]}, prices={("M",): 6000})
    promo = _promo(m, [p, shirts], amount_fen=1000)
    _row, key = api_keys.create(m.id, "test", list(api_keys.SCOPES), m.owner)
    db.session.commit()
    api, headers = app.test_client(), {"Authorization": f"Bearer {key}"}
    items = {i["id"]: i for i in api.get("/api/merchant/v1/products", headers=headers).json["items"]}
    assert (items[p.id]["price_fen"], items[p.id]["price_now_fen"]) == (10000, 9000)
    assert items[p.id]["promotion_id"] == promo.id
    assert items[p.id]["promotion_ends_at"] == promo.ends_at.astimezone(UTC).isoformat()
    variants = api.get(f"/api/merchant/v1/products/{shirts.id}/variants", headers=headers).json["items"]
    prices = {v["id"]: (v["price_fen"], v["price_now_fen"], v["promotion_id"]) for v in variants}
    assert prices == {made[("S",)].id: (5000, 4000, promo.id), made[("M",)].id: (6000, 5000, promo.id)}
    promotions.end(promo, actor=None)
    db.session.commit()
    detail = api.get(f"/api/merchant/v1/products/{p.id}", headers=headers).json
    assert (detail["price_now_fen"], detail["promotion_id"], detail["promotion_ends_at"]) == (10000, None, None)
    assert all(v["price_now_fen"] == v["price_fen"] for v in detail["variants"])


def test_search_sorted_by_price_follows_the_promoted_price(client, make):
    make.rates()
    m = make.merchant()
    cat = make.category()
    a = make.product(m, category_=cat, price_fen=10000, texts={"en": {"name": "Anchor chain galvanised"}})
    b = make.product(m, category_=cat, price_fen=9000, texts={"en": {"name": "Anchor chain black"}})
    c = make.product(m, category_=cat, price_fen=9500, texts={"en": {"name": "Anchor chain stainless"}})
    db.session.commit()

    def ids(sort: str, **extra) -> list[int]:
        return [i["id"] for i in client.get(f"/api/v1/search?q=anchor&lang=en&sort={sort}", **extra).json["items"]]

    assert ids("price_asc") == [b.id, c.id, a.id]  # no promotion: list prices
    _promo(m, [a], percent=20)  # ¥100 → ¥80: now the cheapest
    _promo(m, [c], percent=10, start=datetime.now(UTC) + timedelta(hours=1))  # not yet
    db.session.commit()
    assert ids("price_asc") == [a.id, b.id, c.id]
    assert ids("price_desc") == [c.id, b.id, a.id]
    page = client.get("/en/search?q=anchor&sort=price_asc").get_data(as_text=True)
    assert page.index(f"/en/p/{a.id}") < page.index(f"/en/p/{b.id}") < page.index(f"/en/p/{c.id}")
    second = client.get("/api/v1/search?q=anchor&lang=en&sort=price_asc&per_page=2&page=2").json
    assert [i["id"] for i in second["items"]] == [c.id] and second["total"] == 3


def test_search_price_bands_count_and_filter_the_promoted_price(client, make):
    make.rates()
    m = make.merchant()
    cat = make.category()
    a = make.product(m, category_=cat, price_fen=12_000, texts={"en": {"name": "Anchor chain galvanised"}})
    b = make.product(m, category_=cat, price_fen=11_000, texts={"en": {"name": "Anchor chain black"}})
    _promo(m, [a], percent=20)  # ¥120 → ¥96: under ¥100 now
    db.session.commit()
    found = client.get("/api/v1/search?q=anchor&lang=en").json
    assert dict((f["value"], f["count"]) for f in found["facets"]["price"]) == {"0-100": 1, "100-500": 1}
    under = client.get("/api/v1/search?q=anchor&lang=en&price=0-100").json
    assert [i["id"] for i in under["items"]] == [a.id]
    over = client.get("/api/v1/search?q=anchor&lang=en&price=100-500").json
    assert [i["id"] for i in over["items"]] == [b.id]
