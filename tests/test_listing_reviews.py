"""Listing review: a new merchant's first products wait for an operator; customs-data changes of a live
product are reviewed before they apply; decisions are audited; rejection hides by moderation (appealable)."""

from __future__ import annotations

import pytest

from storefront.accounts.models import Role
from storefront.catalog import reviews, sheet_export, sheet_import
from storefront.catalog import spreadsheet as sheets
from storefront.catalog.models import Product
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from tests.backoffice_helpers import client_as
from tests.test_merchant_products import _form


@pytest.fixture
def first_two(app):
    app.config["LISTING_REVIEW_FIRST_N"] = 2
    yield
    app.config["LISTING_REVIEW_FIRST_N"] = 0


@pytest.fixture
def shop(app, make):
    merchant = make.merchant()
    category = make.category(cluster_slug="swimwear")
    make.city("xingcheng")
    make.rates()
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    return merchant, category, client_as(app, merchant.owner), client_as(app, operator)


def _product(sku):
    db.session.expire_all()
    return db.session.scalars(db.select(Product).where(Product.sku == sku)).one()


def test_first_products_wait_for_an_operator(first_two, shop):
    merchant, category, client, operator = shop
    for sku in ("SW-1", "SW-2", "SW-3"):
        assert client.post("/zh/merchant/products/new", data=_form(category, sku=sku)).status_code == 302
    held, also, free = _product("SW-1"), _product("SW-2"), _product("SW-3")
    assert held.hidden and also.hidden and not free.hidden  # only the first two
    assert client.get(f"/ru/p/{held.id}").status_code == 404
    page = client.get(f"/zh/merchant/products/{held.id}").get_data(as_text=True)
    assert 'data-review="new-open"' in page
    client.post(f"/zh/merchant/products/{held.id}/visibility", data={"hidden": "0"})
    assert _product("SW-1").hidden  # the merchant cannot show it before the review
    queue = operator.get("/zh/operator/moderation/reviews").get_data(as_text=True)
    assert "SW-1" in queue and "SW-2" in queue and "SW-3" not in queue
    [r1, r2] = reviews.queue()
    assert operator.post(f"/zh/operator/moderation/reviews/{r1.id}/approve").status_code == 302
    assert not _product("SW-1").hidden and client.get(f"/ru/p/{held.id}").status_code == 200
    operator.post(f"/zh/operator/moderation/reviews/{r2.id}/reject", data={"reason": "图片与商品不符"})
    rejected = _product("SW-2")
    assert rejected.hidden and rejected.moderation_reason == "图片与商品不符"  # the merchant may appeal
    actions = set(db.session.scalars(db.select(AuditEntry.action)))
    assert {"listing.approve", "listing.reject", "product.hide"} <= actions


def test_customs_change_of_a_live_product_is_reviewed(shop, make):
    merchant, category, client, operator = shop
    client.post("/zh/merchant/products/new", data=_form(category, sku="LIVE-1"))
    product = _product("LIVE-1")
    assert not product.hidden and reviews.queue() == []  # no first-N review configured
    edited = _form(category, sku="LIVE-1", hs_code="6112390000", customs_name="女式泳装", price="139.00")
    assert client.post(f"/zh/merchant/products/{product.id}", data=edited).status_code == 302
    product = _product("LIVE-1")
    assert (product.hs_code, product.customs_name, product.price_fen) == ("6112410000", "女式泳衣", 13900)
    [review] = reviews.queue()
    assert review.kind == "customs" and review.proposed == {"hs_code": "6112390000", "customs_name": "女式泳装"}
    page = client.get(f"/zh/merchant/products/{product.id}").get_data(as_text=True)
    assert 'data-review="customs-open"' in page
    operator.post(f"/zh/operator/moderation/reviews/{review.id}/approve")
    product = _product("LIVE-1")
    assert (product.hs_code, product.customs_name) == ("6112390000", "女式泳装")


def test_rejected_customs_change_keeps_the_live_values(shop):
    merchant, category, client, operator = shop
    client.post("/zh/merchant/products/new", data=_form(category, sku="LIVE-2"))
    product = _product("LIVE-2")
    client.post(f"/zh/merchant/products/{product.id}", data=_form(category, sku="LIVE-2", hs_code="9503000000"))
    [review] = reviews.queue()
    assert operator.post(f"/zh/operator/moderation/reviews/{review.id}/reject", data={"reason": ""}).status_code == 302
    assert reviews.queue() == [review]  # no reason, no decision
    operator.post(f"/zh/operator/moderation/reviews/{review.id}/reject", data={"reason": "泳衣不是玩具"})
    assert _product("LIVE-2").hs_code == "6112410000"
    assert "泳衣不是玩具" in client.get(f"/zh/merchant/products/{product.id}").get_data(as_text=True)


def test_spreadsheet_import_holds_the_first_products_too(first_two, shop, ctx):
    merchant, category, _client, _operator = shop
    rows = [dict(sheet_export.example_rows()[0], sku=f"IMP-{i}", category=f"swimwear/{category.slug}",
                 origin_city="xingcheng") for i in range(3)]  # fmt: skip
    report = sheet_import.import_sheet(merchant, sheets.write_csv(rows), "csv", dry_run=False)
    assert report.ok, report.lines()
    held = [p.sku for p in db.session.scalars(db.select(Product).order_by(Product.id)) if p.hidden]
    assert held == ["IMP-0", "IMP-1"] and len(reviews.queue()) == 2
