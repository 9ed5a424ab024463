"""The price a buyer pays now (promotions applied) wherever a price is sorted, filtered or served: listings and
the REST APIs."""

from datetime import UTC, datetime, timedelta

import pytest
from flask import g
from sqlalchemy import select

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
