"""Freight at checkout: the modes offered, terms that need a sea mode, DDP duty, the Korean customs code."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storefront.extensions import db
from storefront.ordering import operations as ops
from storefront.ordering.models import Order
from tests.test_checkout import ADDRESS, _fill_cart, _place

KOREA = dict(ADDRESS, country="KR", city="서울", region="", postal_code="04524", currency="KRW")


def _crate(make, **kw):
    make.rates()
    product = make.product(
        make.merchant(),
        price_fen=1_280_000,
        gross_weight_g=680_000,
        net_weight_g=620_000,
        hs_code="8425410000",
        package_kind="crate",
        package_length_mm=4150,
        package_width_mm=680,
        package_height_mm=760,
        texts={"ko": {"name": "차량 리프트"}, "en": {"name": "Car lift"}},
        **kw,
    )
    db.session.commit()
    return product


def _swimsuits(make):
    make.rates()
    product = make.product(
        make.merchant(),
        price_fen=10_900,
        gross_weight_g=300,
        net_weight_g=240,
        hs_code="6112410000",
        package_kind="bag",
        package_length_mm=250,
        package_width_mm=200,
        package_height_mm=30,
    )
    db.session.commit()
    return product


def test_checkout_offers_only_fitting_modes_with_price_transit_and_what_to_do(client, make):
    lift = _crate(make)
    _fill_cart(client, [(lift, 1)])
    page = client.post("/ru/checkout", data=dict(ADDRESS, action="update")).get_data(as_text=True)
    assert 'data-mode="rail"' in page and 'data-mode="sea_lcl"' in page and 'data-mode="road"' in page
    assert 'data-mode="parcel"' not in page and 'data-mode="express"' not in page
    assert "Manzhouli" in page or "Suifenhe" in page
    assert page.count('class="badge badge-ok"') == 2  # cheapest and fastest


def test_fob_needs_a_sea_mode_and_is_recorded_with_the_mode(client, make):
    lift = _crate(make)
    _fill_cart(client, [(lift, 1)])
    refused = _place(client, terms="FOB", mode="rail")
    assert refused.status_code == 200 and db.session.scalar(select(Order.id)) is None
    assert "FOB и CIF применяются только к морским перевозкам" in refused.get_data(as_text=True)
    assert 'id="freight-yours"' in refused.get_data(as_text=True)  # FOB: the buyer arranges the freight
    assert _place(client, terms="FOB", mode="sea_lcl").status_code == 302
    order = db.session.scalars(select(Order)).one()
    assert (order.delivery_terms, order.transport_mode, order.shipping_fen) == ("FOB", "sea_lcl", 0)
    assert order.sub_orders[0].rate_card == "platform-default" and order.transit_days_max == 55


def test_korean_parcel_needs_a_well_formed_customs_code_kept_masked(client, make):
    suits = _swimsuits(make)
    _fill_cart(client, [(suits, 10)], lang="ko")
    for bad in ("", "P12345", "X123456789012", "P12345678901A"):
        response = _place(client, lang="ko", **dict(KOREA, customs_id=bad, mode="parcel"))
        assert response.status_code == 200 and db.session.scalar(select(Order.id)) is None, bad
        assert "개인통관고유부호(P와 숫자 12자리)가 필요합니다" in response.get_data(as_text=True)
    assert _place(client, lang="ko", **dict(KOREA, customs_id="p123456789012", mode="parcel")).status_code == 302
    order = db.session.scalars(select(Order)).one()
    assert order.buyer_customs_id == "P123456789012" and order.masked_customs_id == "P********9012"
    page = client.get(f"/ko/orders/{order.number}").get_data(as_text=True)
    assert "P********9012" in page and "P123456789012" not in page


def test_seoul_checkout_shows_the_duty_rule_and_ddp_charges_duty_above_the_limit(client, make):
    suits = _swimsuits(make)
    _fill_cart(client, [(suits, 10)], lang="ko")  # 1,090 CNY ≈ 151 USD: over the 150 USD personal limit
    page = client.post("/ko/checkout", data=dict(KOREA, action="update", terms="DAP")).get_data(as_text=True)
    assert "Korea Customs Service" in page and "도착 시 구매자가 냅니다" in page
    assert _place(client, lang="ko", **dict(KOREA, terms="DDP", customs_id="P123456789012")).status_code == 302
    order = db.session.scalars(select(Order)).one()
    assert order.duty_fen > 0 and order.duty_rule == "kr-personal"
    assert order.total_minor == sum(sub.total_minor for sub in order.sub_orders)
    assert order.total_fen == order.goods_fen + order.shipping_fen + order.duty_fen


def test_seoul_checkout_under_the_limit_shows_no_duty(client, make):
    suits = _swimsuits(make)
    _fill_cart(client, [(suits, 5)], lang="ko")  # 545 CNY ≈ 76 USD
    page = client.post("/ko/checkout", data=dict(KOREA, action="update", terms="DDP")).get_data(as_text=True)
    assert "Korea Customs Service" in page and 'id="summary-duty"' not in page


def test_russian_express_needs_passport_or_inn_and_codes_are_forgotten_after_shipping(client, make, app):
    suits = _swimsuits(make)
    _fill_cart(client, [(suits, 10)])
    refused = _place(client, mode="express", customs_id="12345")
    assert refused.status_code == 200 and db.session.scalar(select(Order.id)) is None
    assert "паспорт" in refused.get_data(as_text=True)
    assert _place(client, mode="express", customs_id="4510 123456").status_code == 302
    order = db.session.scalars(select(Order)).one()
    assert order.buyer_customs_id == "4510123456" and order.masked_customs_id == "4*****3456"
    # a parcel by post needs no identity: none is kept
    assert ops.needs_customs_id("RU", "parcel") is False
    # shipped long ago: the nightly job forgets it; a fresh shipment keeps it
    order.status = "shipped"
    db.session.commit()
    assert ops.forget_customs_ids() == 0
    later = datetime.now(UTC) + timedelta(days=app.config["CUSTOMS_ID_KEEP_DAYS"] + 1)
    assert ops.forget_customs_ids(now=later) == 1
    db.session.expire_all()
    assert db.session.get(Order, order.id).buyer_customs_id == ""


def test_tracking_page_shows_carrier_link_mode_eta_customs_and_events_in_the_buyers_language(client, make):
    suits = _swimsuits(make)
    _fill_cart(client, [(suits, 10)])
    assert _place(client, mode="parcel").status_code == 302
    order = db.session.scalars(select(Order)).one()
    page = client.get(f"/ru/orders/{order.number}/tracking").get_data(as_text=True)
    assert "Почтовая посылка" in page and "Заказ оформлен" in page  # mode and the placed event, in Russian
    ops.mark_paid(order, payment_ref="pi_track", cause="payment_succeeded", actor="test")
    ops.ship_order(order.sub_orders[0], "China Post", "RR123456789CN", actor="merchant:1")
    db.session.commit()
    page = client.get(f"/ru/orders/{order.number}/tracking").get_data(as_text=True)
    assert 'href="https://global.cainiao.com/detail.htm?mailNoList=RR123456789CN"' in page
    shipped = order.sub_orders[0].shipped_at.date()
    assert "data-clearance-status" in page  # the customs status of the parcel's list
    eta = page.split('class="tracking-eta">', 1)[1].split("</dd>", 1)[0]
    assert str(shipped.year) in eta and "–" in eta
    # a stranger (another session, no token) cannot see it
    assert client.application.test_client().get(f"/ru/orders/{order.number}/tracking").status_code == 404


def test_ddp_is_refused_where_no_duty_rule_exists(client, make):
    suits = _swimsuits(make)
    _fill_cart(client, [(suits, 10)], lang="en")
    response = _place(client, lang="en", country="MN", terms="DDP", currency="USD")
    assert response.status_code == 200 and db.session.scalar(select(Order.id)) is None
    assert "DDP is offered where we can estimate" in response.get_data(as_text=True)
    assert _place(client, lang="en", country="MN", terms="DAP", currency="USD").status_code == 302
