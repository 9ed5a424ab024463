"""Merchant promotions: the one pricing function, validation, cart/order/customs values and cached pages."""

from datetime import UTC, datetime, timedelta

import pytest
from flask import g

from storefront.catalog import promotions
from storefront.catalog.promotions import Promotion, PromotionError, save, unit_price
from storefront.catalog.variants import picker
from storefront.clearance.mapping import snapshot_line
from storefront.core.audit import AuditEntry
from storefront.core.money import price_for_display
from storefront.extensions import cache as shared_cache
from storefront.extensions import db
from tests.backoffice_helpers import client_as
from tests.fixtures import make_app
from tests.test_query_count import count_queries

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _promo(merchant, products=(), categories=(), *, percent=None, amount_fen=None, start=None, end=None, **kw):
    promotion = Promotion(
        merchant_id=merchant.id,
        name="Winter sale",
        percent=percent,
        amount_fen=amount_fen,
        starts_at=start or NOW - timedelta(days=1),
        ends_at=end or NOW + timedelta(days=7),
        active=True,
        **kw,
    )
    save(promotion, [p.id for p in products], [c.id for c in categories], actor=None)
    return promotion


def test_future_promotion_applies_only_from_its_start(make):
    p = make.product(price_fen=10000, tiers=[(100, 8000)])
    db.session.flush()
    _promo(p.merchant, [p], percent=20, start=NOW + timedelta(hours=1))
    v = p.default_variant
    assert unit_price(v, 1, now=NOW).fen == 10000
    later = NOW + timedelta(hours=1)
    price = unit_price(v, 1, now=later)
    assert (price.list_fen, price.fen, price.discounted) == (10000, 8000, True)
    assert unit_price(v, 100, now=later).fen == 6400  # tier first, then the promotion
    assert unit_price(v, 1, now=NOW + timedelta(days=8)).fen == 10000  # ended


def test_category_promotion_and_the_best_of_several(make):
    m = make.merchant()
    cat = make.category()
    a = make.product(m, category_=cat, price_fen=10000)
    b = make.product(m, price_fen=10000)  # another category
    other = make.product(make.merchant(), category_=cat, price_fen=10000)  # another merchant's
    db.session.flush()
    _promo(m, categories=[cat], percent=10)
    _promo(m, [a], amount_fen=1500)
    assert unit_price(a.default_variant, 1, now=NOW).fen == 8500  # the better of 10 % and ¥15
    assert unit_price(b.default_variant, 1, now=NOW).fen == 10000
    assert unit_price(other.default_variant, 1, now=NOW).fen == 10000


def test_ended_promotion_no_longer_applies(make):
    p = make.product(price_fen=10000)
    db.session.flush()
    promo = _promo(p.merchant, [p], percent=50)
    promo.active = False
    assert unit_price(p.default_variant, 1, now=NOW).fen == 10000


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"amount_fen": 5000}, "would make the price of"),  # the ¥40 tier would fall to zero or less
        ({"percent": 95}, "between 1 and 90"),
        ({"percent": 10, "end": NOW - timedelta(days=2)}, "end after it starts"),
    ],
)
def test_bad_promotions_are_refused_and_nothing_is_saved(make, kw, message):
    p = make.product(price_fen=10000, tiers=[(10, 4000)], sku="BAR-1")
    db.session.flush()
    with pytest.raises(PromotionError, match=message) as refused:
        _promo(p.merchant, [p], **kw)
    if "amount_fen" in kw:
        assert "BAR-1" in str(refused.value)
    assert db.session.query(Promotion).count() == 0
    assert db.session.query(AuditEntry).filter_by(action="promotion.save").count() == 0


def test_order_line_and_customs_list_carry_the_paid_price(make):
    make.rates()
    p = make.product(price_fen=10000)
    db.session.flush()
    promo = _promo(p.merchant, [p], percent=25, start=datetime.now(UTC) - timedelta(hours=1))
    order = make.order([(p, 3)], currency="CNY")
    line = order.sub_orders[0].lines[0]
    assert (line.unit_price_fen, line.list_price_fen, line.promotion_id) == (7500, 10000, promo.id)
    assert line.unit_price_minor == 7500
    assert snapshot_line(1, line).total_minor == 7500 * 3


def test_cart_shows_the_promoted_price(client, make):
    make.rates()
    p = make.product(price_fen=10000)
    db.session.flush()
    _promo(p.merchant, [p], percent=20, start=datetime.now(UTC) - timedelta(hours=1))
    db.session.commit()
    client.post("/en/cart/add", data={"product_id": p.id, "qty": 2}, follow_redirects=True)
    page = client.get("/en/cart/").get_data(as_text=True)
    assert "CN¥80.00" in page and "CN¥160.00" in page
    assert '<s class="price-old"><span class="visually-hidden">Old price:</span> <span class="price">' in page
    assert "CN¥100.00" in page.split('<s class="price-old">', 1)[1].split("</s>", 1)[0]


def test_cached_product_page_and_card_show_the_new_price_once_the_promotion_starts(client, make, monkeypatch):
    make.rates()
    cat = make.category()
    p = make.product(category_=cat, price_fen=10000)
    db.session.flush()
    start = datetime.now(UTC) + timedelta(hours=1)
    _promo(p.merchant, [p], percent=20, start=start)
    db.session.commit()
    product_url, listing_url = f"/en/p/{p.id}", f"/en/c/{cat.cluster.slug}/{cat.slug}/"
    for url in (product_url, listing_url):
        g.pop("page_versions", None)  # the ``ctx`` fixture shares ``g`` with the client's requests
        first = client.get(url)
        assert "CN¥80.00" not in first.get_data(as_text=True) and "price-old" not in first.get_data(as_text=True)
        g.pop("page_versions", None)
        assert client.get(url).headers["ETag"] == first.headers["ETag"]  # cached
    # Time passes: the start is now behind us, with no write at all (no version bump, the same process cache).
    monkeypatch.setattr(promotions, "clock", lambda: start + timedelta(minutes=1))
    assert unit_price(p.default_variant, 1).fen == 8000
    for url in (product_url, listing_url):
        g.pop("page_versions", None)
        page = client.get(url).get_data(as_text=True)
        assert "CN¥80.00" in page, url
        assert '<s class="price-old">' in page and "Old price:" in page


def test_product_page_says_until_when_the_promotional_price_holds(client, make):
    make.rates()
    p = make.product(price_fen=10000)
    db.session.flush()
    _promo(
        p.merchant,
        [p],
        percent=20,
        start=datetime.now(UTC) - timedelta(days=1),
        end=datetime(2031, 1, 15, 16, 0, tzinfo=UTC),
    )
    db.session.commit()
    page = _get(client, f"/en/p/{p.id}")
    # The shop's time zone (TIMEZONE, Asia/Shanghai by default) with its offset, in the reader's language.
    assert "Promotional price until January 16, 2031, 12:00:00\u202fAM +0800" in page
    assert "Акционная цена действует до 16 января 2031" in _get(client, f"/ru/p/{p.id}")
    other = make.product(merchant=p.merchant, price_fen=10000)
    db.session.commit()
    assert "promo-ends" not in _get(client, f"/en/p/{other.id}")


def _get(client, url: str) -> str:
    """A page as a new request sees it (the ``ctx`` fixture shares ``g`` with the client's requests)."""
    for key in ("page_versions", "cache_versions"):
        g.pop(key, None)
    return client.get(url).get_data(as_text=True)


def test_running_promotions_cost_no_query_on_a_warm_page(client, make):
    """The running promotions come from the process cache keyed by the catalogue version that the page's one
    versions query reads anyway: a cached fragment with a promotion on it still costs exactly that query."""
    make.rates()
    cat = make.category()
    p = make.product(category_=cat, price_fen=10000)
    db.session.flush()
    _promo(p.merchant, [p], percent=20, start=datetime.now(UTC) - timedelta(hours=1))
    db.session.commit()
    app = client.application
    url = f"/en/c/{cat.cluster.slug}/{cat.slug}/"
    cache = app.extensions["kuajing_page_cache"]
    size, cache.size = cache.size, 0  # the page cache off (signed-in buyers): the fragment and cards path
    try:
        assert "CN¥80.00" in _get(client, url)
        with count_queries(app) as statements:
            assert "CN¥80.00" in _get(client, url)
        shared_cache.clear()  # a cold render: fragments and cards rebuilt, the promotions still known
        with count_queries(app) as cold:
            assert "CN¥80.00" in _get(client, url)
    finally:
        cache.size = size
    assert len(statements) == 1, statements
    assert not [s for s in cold if "promotion" in s], cold


def test_a_promotion_saved_on_one_node_applies_on_the_others_next_request(app, make, tmp_path):
    """Two app nodes on one database, each with its own process cache: the save's version bump reaches B."""
    make.rates()
    cat = make.category()
    p = make.product(category_=cat, price_fen=10000)
    db.session.commit()
    node_b = make_app(tmp_path, app.config["SQLALCHEMY_DATABASE_URI"])
    browser = node_b.test_client()  # its requests run in node B's own app contexts
    url = f"/en/p/{p.id}"
    assert "CN¥100.00" in browser.get(url).get_data(as_text=True)  # B has loaded the promotions: none
    assert node_b.extensions["kj_promotion_rules"][2] == ()
    promo = _promo(p.merchant, [p], percent=20, start=datetime.now(UTC) - timedelta(hours=1))  # on node A
    db.session.commit()
    page = browser.get(url).get_data(as_text=True)
    assert "CN¥80.00" in page and '<s class="price-old">' in page
    assert [r.id for r in node_b.extensions["kj_promotion_rules"][2]] == [promo.id]


def _form(product, **changes):
    data = {
        "name": "Winter sale",
        "kind": "percent",
        "percent": "15",
        "amount": "",
        "starts": "2026-12-01",
        "ends": "2026-12-31",
        "products": [str(product.id)],
    }
    return {**data, **changes}


def test_merchant_creates_edits_and_ends_a_promotion(app, make):
    p = make.product(price_fen=10000, sku="BAR-9")
    db.session.commit()
    client = client_as(app, p.merchant.owner)
    assert client.get("/zh/merchant/promotions").status_code == 200
    assert client.post("/zh/merchant/promotions", data=_form(p)).status_code == 302
    promo = db.session.scalars(db.select(Promotion)).one()
    assert promo.percent == 15 and [x.id for x in promo.products] == [p.id]
    assert promo.starts_at.replace(tzinfo=UTC) == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)  # 00:00 China time
    edit = f"/zh/merchant/promotions/{promo.id}"
    assert 'value="Winter sale"' in client.get(edit).get_data(as_text=True)
    assert client.post(edit, data=_form(p, kind="amount", amount="12.50", percent="")).status_code == 302
    db.session.expire_all()
    assert (promo.percent, promo.amount_fen) == (None, 1250)
    assert client.post(f"{edit}/end").status_code == 302
    db.session.expire_all()
    assert promo.active is False
    actions = set(db.session.scalars(db.select(AuditEntry.action)))
    assert {"promotion.save", "promotion.end"} <= actions


def test_form_refuses_a_promotion_making_a_price_zero(app, make):
    p = make.product(price_fen=10000, sku="BAR-7")
    db.session.commit()
    client = client_as(app, p.merchant.owner)
    page = client.post("/zh/merchant/promotions", data=_form(p, kind="amount", amount="100"))
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    assert "此优惠会使 BAR-7 的价格变为零或更低。" in text
    assert db.session.scalars(db.select(Promotion)).first() is None


def test_another_merchant_cannot_edit_or_end_yours(app, make):
    p = make.product(price_fen=10000)
    other = make.merchant()
    db.session.flush()
    promo = _promo(p.merchant, [p], percent=10)
    db.session.commit()
    intruder = client_as(app, other.owner)
    assert intruder.get(f"/zh/merchant/promotions/{promo.id}").status_code == 404
    assert intruder.post(f"/zh/merchant/promotions/{promo.id}", data=_form(p)).status_code == 404
    assert intruder.post(f"/zh/merchant/promotions/{promo.id}/end").status_code == 404
    # nor aim a promotion of their own at your product
    assert intruder.post("/zh/merchant/promotions", data=_form(p)).status_code == 400
    db.session.expire_all()
    assert promo.active is True and db.session.scalars(db.select(Promotion)).all() == [promo]


def test_variant_picker_data_carries_the_price_paid(app, make):
    make.rates()
    p = make.product(price_fen=10000, tiers=[(10, 9000)])
    db.session.flush()
    _promo(p.merchant, [p], percent=50, start=datetime.now(UTC) - timedelta(hours=1))
    with app.test_request_context("/zh/"):
        data = picker(p, "zh")
    assert data["variants"][0]["price"]["shown"] == price_for_display(5000).shown.format()
    assert data["variants"][0]["tiers"][0][1]["shown"] == price_for_display(4500).shown.format()
