"""Merchant orders: list with filters, detail, shipping, printable documents, dashboard, platform charts."""

import pytest

from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.ordering import operations as order_ops
from storefront.ordering.models import OrderEvent, SubOrder
from tests.backoffice_helpers import client_as


def _paid(make, product, qty, country, currency):
    order = make.order([(product, qty)], country=country, currency=currency)
    order_ops.mark_paid(order, payment_ref=f"pi_{order.number}", cause="payment_succeeded", actor="test")
    return order


@pytest.fixture
def sales(app, make):
    """A merchant with paid Russian and Korean orders and an unpaid one; another merchant's order."""
    merchant = make.merchant()
    product = make.product(
        merchant,
        sku="SW-1",
        price_fen=12850,
        stock=100,
        texts={"zh": {"name": "女式泳衣"}, "en": {"name": "Swimsuit"}, "ru": {"name": "Купальник"}},
    )
    merchant.cluster_id = product.category.cluster_id
    ru = _paid(make, product, 3, "RU", "EUR")
    kr = _paid(make, product, 1, "KR", "KRW")
    unpaid = make.order([(product, 2)], country="MN", currency="USD")
    other = make.merchant()
    other_order = _paid(make, make.product(other, sku="OTHER-SKU"), 1, "RU", "USD")
    db.session.commit()
    subs = {key: o.sub_orders[0] for key, o in (("ru", ru), ("kr", kr), ("unpaid", unpaid), ("other", other_order))}
    return merchant, subs, client_as(app, merchant.owner)


def test_order_list_and_filters(sales):
    _merchant, subs, client = sales
    page = client.get("/en/merchant/orders").get_data(as_text=True)
    assert subs["ru"].number in page and subs["kr"].number in page and subs["unpaid"].number in page
    assert subs["other"].number not in page
    page = client.get("/en/merchant/orders?status=paid&country=RU").get_data(as_text=True)
    assert subs["ru"].number in page and subs["kr"].number not in page and subs["unpaid"].number not in page
    page = client.get("/en/merchant/orders?date_from=2999-01-01").get_data(as_text=True)
    assert subs["ru"].number not in page
    page = client.get("/en/merchant/orders?date_from=31/12/2026").get_data(as_text=True)
    assert "Enter a date like 2026-03-31" in page
    page = client.get(f"/en/merchant/orders?q={subs['kr'].number}").get_data(as_text=True)
    assert subs["kr"].number in page and subs["ru"].number not in page
    assert 'class="status clearance-declared"' in page  # clearance status from the clearance cases


def test_order_detail_ship_and_history(sales):
    merchant, subs, client = sales
    sub = subs["ru"]
    page = client.get(f"/en/merchant/orders/{sub.id}").get_data(as_text=True)
    assert "Ivan Petrov" in page and "7228300000" in page and "SW-1" in page
    assert 'name="tracking_no"' in page and 'data-clearance-status="declared"' in page
    assert (
        client.post(f"/en/merchant/orders/{sub.id}/ship", data={"carrier": "EMS", "tracking_no": ""}).status_code == 302
    )
    assert db.session.get(SubOrder, sub.id).status == "paid"
    client.post(
        f"/en/merchant/orders/{sub.id}/ship",
        data={"carrier": "China Post EMS", "tracking_no": "EA123456789CN"},
    )
    db.session.expire_all()
    shipped = db.session.get(SubOrder, sub.id)
    assert (shipped.status, shipped.carrier, shipped.tracking_no) == (
        "shipped",
        "China Post EMS",
        "EA123456789CN",
    )
    event = db.session.scalars(db.select(OrderEvent).where(OrderEvent.sub_order_id == sub.id)).one()
    assert event.actor == f"merchant:{merchant.id}" and "EA123456789CN" in event.detail
    page = client.get(f"/en/merchant/orders/{sub.id}").get_data(as_text=True)
    assert "EA123456789CN" in page and 'name="tracking_no"' not in page
    # shipping twice, or an unpaid order, is refused
    response = client.post(
        f"/en/merchant/orders/{sub.id}/ship", data={"carrier": "X", "tracking_no": "Y"}, follow_redirects=True
    )
    assert "Only paid orders" in response.get_data(as_text=True)
    client.post(f"/en/merchant/orders/{subs['unpaid'].id}/ship", data={"carrier": "X", "tracking_no": "Y"})
    assert db.session.get(SubOrder, subs["unpaid"].id).status != "shipped"
    assert (
        client.post(
            f"/en/merchant/orders/{subs['other'].id}/ship", data={"carrier": "X", "tracking_no": "Y"}
        ).status_code
        == 404
    )


@pytest.mark.parametrize("doc", ["packing-list", "invoice"])
def test_printable_documents_in_chinese_and_english(sales, doc):
    merchant, subs, client = sales
    sub = subs["ru"]
    zh = client.get(f"/zh/merchant/orders/{sub.id}/{doc}").get_data(as_text=True)
    en = client.get(f"/en/merchant/orders/{sub.id}/{doc}").get_data(as_text=True)
    for page in (zh, en):
        assert sub.number in page and "css/print.css" in page and "site-header" not in page
        assert merchant.uscc in page and merchant.names["zh"] in page and "Ivan Petrov" in page
        assert "女式泳衣" in page or "Swimsuit" in page
    assert '<html lang="zh-Hans">' in zh and '<html lang="en">' in en
    assert "女式泳衣" in zh and "Swimsuit" in en
    if doc == "invoice":
        assert "Commercial invoice" in en and "€" in en
    else:
        assert "Packing list" in en and "Gross weight" in en
    assert client.get(f"/en/merchant/orders/{subs['other'].id}/{doc}").status_code == 404


def test_dashboard_sales_charts(sales):
    _merchant, _subs, client = sales
    page = client.get("/en/merchant/").get_data(as_text=True)
    for chart_id in (
        "chart-sales-country",
        "chart-sales-month",
        "chart-top-products",
        "chart-coverage",
        "chart-clearance",
    ):
        assert f'id="{chart_id}"' in page
    assert "Russia" in page and "South Korea" in page and "SW-1" in page
    assert "<svg" in page and '<table class="bo-table chart-data">' in page  # the data beside the chart
    assert "OTHER-SKU" not in page


def test_platform_statistics(app, sales, make):
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    page = client_as(app, operator).get("/en/operator/stats").get_data(as_text=True)
    for chart_id in (
        "chart-gmv-country",
        "chart-gmv-cluster",
        "chart-gmv-month",
        "chart-orders-month",
        "chart-active-month",
    ):
        assert f'id="{chart_id}"' in page
    assert "Russia" in page and "Special steel" in page
