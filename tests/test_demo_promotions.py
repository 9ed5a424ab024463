"""Demo promotions: loaded from data/promotions.toml around the day the demo is seeded, shown on the storefront."""

import re

import pytest
from sqlalchemy import select

from storefront.catalog.models import Product
from storefront.catalog.promotions import Promotion, clock, list_price, running_promotions
from storefront.demo import promotion_seed
from storefront.demo.datafiles import DemoDataError
from storefront.extensions import db


def test_demo_promotions_are_named_in_every_demo_language():
    records = promotion_seed.records()
    assert len(records) >= 2
    for data in records:
        assert set(promotion_seed.NAME_LANGS) <= set(data["name"])
        assert re.search(r"[\u0400-\u04ff]", data["name"]["mn"]) and re.search(r"[\uac00-\ud7a3]", data["name"]["ko"])


def test_demo_promotions_are_seeded_around_today(demo_app):
    with demo_app.app_context():
        seeded = db.session.scalars(select(Promotion).order_by(Promotion.id)).all()
        assert len(seeded) == len(promotion_seed.records())
        now = clock()
        running = [p for p in seeded if p.running(now)]
        assert len(running) >= 2  # the running demo shows promoted prices
        assert any(p.starts_at.replace(tzinfo=now.tzinfo) > now for p in seeded if not p.running(now))  # one to come
        assert {r.id for r in running_promotions()} == {p.id for p in running}


def _bilan_trunks(demo_app) -> tuple[int, int, int]:
    """A demo product under the running swimwear promotion: (id, list fen, fen paid now)."""
    with demo_app.app_context():
        product = db.session.scalars(select(Product).where(Product.sku == "BL-SW-2001")).one()
        price = list_price(product, product.price_fen)
        return product.id, price.list_fen, price.fen


def test_demo_product_page_card_and_api_show_the_promoted_price(demo_app, demo_client):
    product_id, list_fen, fen = _bilan_trunks(demo_app)
    assert fen == list_fen - (list_fen * 15 + 50) // 100 < list_fen
    page = demo_client.get(f"/en/p/{product_id}").get_data(as_text=True)
    assert '<s class="price-old">' in page and "Old price:" in page
    listing = demo_client.get("/zh/c/swimwear/mens-swimwear/").get_data(as_text=True)
    assert '<s class="price-old">' in listing
    item = demo_client.get(f"/api/v1/products/{product_id}?lang=mn").json
    assert item["price"]["amount"] == f"{fen / 100:.2f}" and item["list_price"]["amount"] == f"{list_fen / 100:.2f}"
    assert item["promotion_ends_at"]


def test_demo_magnesium_ingots_are_sorted_by_the_price_per_tonne_paid_now(demo_app, demo_client):
    with demo_app.app_context():
        ingots = db.session.scalars(select(Product).join(Product.category).where(Product.sku.like("JY-MG-41%"))).all()
        paid = {p.id: list_price(p, p.price_fen).fen for p in ingots}
        assert all(paid[p.id] == p.price_fen - 30000 for p in ingots)
    api = demo_client.get("/api/v1/products?lang=ru&category=magnesium-metal&per_page=100").json["items"]
    shown = {i["id"]: round(float(i["price"]["amount"]) * 100) for i in api if i["id"] in paid}
    assert shown == paid


_GOOD = {
    "merchant": "xingcheng-bilan-beachwear",
    "name": dict.fromkeys(promotion_seed.NAME_LANGS, "Test sale"),
    "percent": 10,
    "categories": [],
    "products": ["BL-SW-2001"],
    "starts_days": -1,
    "ends_days": 5,
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ends_days": -1}, "'ends_days' must be after"),
        ({"amount_fen": 500}, "either 'percent' or 'amount_fen'"),
        ({"name": {"zh": "测试", "en": "Test"}}, "'name' needs"),
    ],
)
def test_a_bad_demo_promotion_stops_the_load(monkeypatch, change, message):
    monkeypatch.setattr(promotion_seed, "load", lambda path, key: [{**_GOOD, **change}])
    with pytest.raises(DemoDataError, match=message):
        promotion_seed.records()


def test_a_demo_promotion_naming_an_unknown_product_stops_the_seed(ctx, make, monkeypatch):
    make.merchant(slug="xingcheng-bilan-beachwear")
    monkeypatch.setattr(promotion_seed, "load", lambda path, key: [{**_GOOD, "products": ["NO-SUCH-SKU"]}])
    with pytest.raises(DemoDataError, match="not in the demo"):
        promotion_seed.seed_promotions()
