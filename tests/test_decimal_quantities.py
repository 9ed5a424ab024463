"""Decimal quantities for weight and length units: stored as integer steps of the unit's scale (2.5 t = 2500),
typed with a dot or a comma, shown per locale with the right plural form, priced half-up to the fen in one
function, refused for piece units with a translated message and nothing written."""

from decimal import Decimal

import pytest
from babel import Locale
from flask_babel import force_locale
from sqlalchemy import select

from storefront.catalog.models import Product
from storefront.catalog.units import (
    QuantityError,
    format_quantity,
    parse_quantity,
    plain,
    quantity,
    scale,
    to_decimal,
)
from storefront.core.money import line_amount, price_for_lines
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.ordering import stock
from storefront.ordering.models import CartItem, Order, OrderLine, StockReservation
from storefront.ordering.payable import KIND
from storefront.ordering.rfq_models import Quotation, Rfq
from tests.fake_stripe import FakeStripe
from tests.test_checkout import ADDRESS
from tests.test_ledger import pay_by_card
from tests.test_merchant_products import _form
from tests.test_merchant_products import shop as shop  # noqa: F401 - the signed-in merchant fixture

# -- parsing -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "stored"),
    [
        ("2.5", "tonne", 2500),
        ("2,5", "tonne", 2500),
        (" 12 ", "kg", 12000),
        ("12,5", "kg", 12500),
        ("0.001", "kg", 1),
        ("3.75", "metre", 375),
        ("3,7", "metre", 370),
        ("7", "piece", 7),
        ("1 000", "piece", 1000),
        ("2.500", "tonne", 2500),
    ],
)
def test_a_typed_quantity_becomes_integer_steps_of_the_unit(text, unit, stored):
    assert parse_quantity(text, unit) == stored


@pytest.mark.parametrize(
    ("text", "unit", "reason"),
    [
        ("2.5", "piece", "whole_units"),
        ("2,0", "pair", "whole_units"),
        ("1,000", "piece", "whole_units"),  # never silently 1 (an English thousands separator)
        ("3.755", "metre", "too_precise"),
        ("0.0005", "kg", "too_precise"),
        ("-2", "tonne", "not_a_number"),
        ("+2", "tonne", "not_a_number"),
        ("2e3", "kg", "not_a_number"),
        ("NaN", "kg", "not_a_number"),
        ("inf", "kg", "not_a_number"),
        ("", "kg", "not_a_number"),
        ("2.5.1", "kg", "not_a_number"),
        ("1234567890", "piece", "not_a_number"),  # bounded: at most 9 whole digits
        ("٣", "piece", "not_a_number"),  # only ASCII digits
    ],
)
def test_bad_quantities_are_refused_with_a_reason(text, unit, reason):
    with pytest.raises(QuantityError) as refused:
        parse_quantity(text, unit)
    assert refused.value.reason == reason


def test_scales_and_exact_decimals():
    assert (scale("kg"), scale("tonne"), scale("metre"), scale("piece"), scale("carton"), scale(None)) == (
        1000,
        1000,
        100,
        1,
        1,
        1,
    )
    assert to_decimal(2500, "tonne") == Decimal("2.5") and str(to_decimal(3000, "tonne")) == "3"
    assert plain(2500, "tonne") == "2.5" and plain(375, "metre") == "3.75" and plain(12, "piece") == "12"
    assert plain(1, "kg") == "0.001"


# -- display per locale, plural forms of fractions ----------------------------------------------------------


def test_babel_puts_fractions_in_the_other_category():
    """CLDR: a fraction is "other" in Russian, English, Mongolian (what the plural choice below follows)."""
    assert Locale("ru").plural_form(Decimal("2.5")) == "other"
    assert Locale("en").plural_form(Decimal("2.5")) == "other"
    assert Locale("mn").plural_form(Decimal("1.5")) == "other"


@pytest.mark.parametrize(
    ("lang", "n", "unit", "expected"),
    [
        ("ru", 2500, "tonne", "2,5 тонны"),
        ("ru", 1500, "tonne", "1,5 тонны"),
        ("ru", 1000, "tonne", "1 тонна"),
        ("ru", 5000, "tonne", "5 тонн"),
        ("ru", 375, "metre", "3,75 метра"),
        ("ru", 12500, "kg", "12,5 кг"),
        ("ru", 5, "piece", "5 штук"),
        ("en", 2500, "tonne", "2.5 tonnes"),
        ("en", 1000, "tonne", "1 tonne"),
        ("en", 1500, "tonne", "1.5 tonnes"),
        ("zh", 2500, "tonne", "2.5 吨"),
        ("ko", 2500, "tonne", "2.5톤"),
        ("mn", 2500, "tonne", "2.5 тонн"),
        ("ru", 1_250_000, "tonne", "1\u00a0250 тонн"),
    ],
)
def test_quantities_are_shown_in_the_locale_with_the_plural_of_a_fraction(app, lang, n, unit, expected):
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        assert quantity(n, unit) == expected


def test_the_number_alone_uses_the_locale_decimal_separator(app):
    with app.test_request_context("/ru/"), force_locale("ru"):
        assert format_quantity(2500, "tonne") == "2,5"
    with app.test_request_context("/zh/"), force_locale("zh"):
        assert format_quantity(2500, "tonne") == "2.5"


# -- price arithmetic -----------------------------------------------------------------------------------------


def test_line_amount_rounds_half_up_to_the_minor_unit():
    assert line_amount(432_001, 2500, 1000) == 1_080_003  # 1 080 002.5 → up
    assert line_amount(432_001, 2400, 1000) == 1_036_802  # 1 036 802.4 → down
    assert line_amount(999, 7, 1) == 6993  # piece units: exactly price × count
    assert line_amount(1, 1, 1000) == 0 and line_amount(1, 500, 1000) == 1


def test_display_sums_use_the_same_rounding(app):
    with app.test_request_context("/zh/"), force_locale("zh"):
        price = price_for_lines([(432_001, 2500, 1000), (100, 3)], currency="CNY")
    assert price.base.minor == 1_080_003 + 300 == price.shown.minor


# -- cart → order → ledger -------------------------------------------------------------------------------------


def _magnesia(make, **kw):
    make.rates()
    fields = dict(
        unit="tonne",
        customs_unit="035",
        price_fen=432_001,
        moq=500,
        qty_step=500,
        stock=12_500,
        net_weight_g=1_000_000,
        gross_weight_g=1_002_000,
        texts={"ru": {"name": "Магнезия"}, "en": {"name": "Magnesia"}, "zh": {"name": "电熔镁砂"}},
    )
    fields.update(kw)
    product = make.product(**fields)
    db.session.commit()
    return product


@pytest.fixture
def gateway(app):
    gw = FakeStripe.from_app(app, prefix="pi_decimal_")
    app.extensions["kj_payment_gateway"] = gw
    yield gw
    app.extensions.pop("kj_payment_gateway", None)


def test_two_and_a_half_tonnes_go_from_cart_to_order_line_and_ledger_exact_to_the_fen(client, make, gateway):
    magnesia = _magnesia(make)
    response = client.post("/ru/cart/add", data={"product_id": magnesia.id, "qty": "2,5"})
    assert response.status_code == 302
    page = client.get("/ru/cart/").get_data(as_text=True)
    assert 'value="2.5"' in page and 'step="0.5"' in page
    client.post("/ru/checkout", data=dict(ADDRESS, currency="CNY", action="place"))
    line = db.session.scalars(select(OrderLine)).one()
    assert (line.unit, line.qty, line.unit_price_fen) == ("tonne", 2500, 432_001)
    assert line.total_fen == line.total_minor == 1_080_003
    order = db.session.scalars(select(Order)).one()
    assert order.goods_fen == 1_080_003
    assert line.net_weight_total_g == 2_500_000
    assert db.session.get(Product, magnesia.id).stock == 10_000
    assert db.session.scalars(select(StockReservation.qty)).one() == 2500
    pay_by_card(gateway, KIND, order)
    charged = [e for e in ledger.entries_for(KIND, order.id) if e.amount_minor > 0 and e.kind == "charge"]
    assert charged and sum(e.amount_minor for e in charged) == order.total_minor


def test_a_quantity_off_the_step_is_refused_and_nothing_is_stored(client, make):
    magnesia = _magnesia(make)
    client.post("/ru/cart/add", data={"product_id": magnesia.id, "qty": "2,7"})
    assert not db.session.scalars(select(CartItem)).all()
    assert "Этот товар продаётся с шагом" in client.get("/ru/cart/").get_data(as_text=True)


def test_too_many_fraction_digits_are_refused_in_the_buyers_language(client, make):
    magnesia = _magnesia(make, qty_step=1, moq=1)
    response = client.post("/ru/cart/add", data={"product_id": magnesia.id, "qty": "2,0005"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Слишком много знаков после запятой" in page
    with client.session_transaction() as sess:
        assert not sess.get("cart")


def test_decimal_for_a_piece_unit_is_refused_with_the_translated_message_and_nothing_written(client, make):
    make.rates()
    lift = make.product(unit="piece", price_fen=500_000, stock=10)
    bar = _magnesia(make)
    db.session.commit()
    client.post("/ko/cart/add", data={"product_id": lift.id, "qty": "1.5"})
    with client.session_transaction() as sess:
        assert not sess.get("cart")
    page = client.get("/ko/cart/").get_data(as_text=True)
    assert "이 상품은 정수 단위로만 판매됩니다" in page
    # in the cart form: the bad line is refused, the other line's new quantity is kept
    client.post("/ko/cart/add", data={"product_id": lift.id, "qty": "2"})
    client.post("/ko/cart/add", data={"product_id": bar.id, "qty": "1"})
    lift_key, bar_key = str(lift.default_variant.id), str(bar.default_variant.id)
    client.post("/ko/cart/update", data={f"qty-{lift_key}": "2,5", f"qty-{bar_key}": "1.5"})
    with client.session_transaction() as sess:
        assert sess["cart"] == {lift_key: 2, bar_key: 1500}
    assert "이 상품은 정수 단위로만 판매됩니다" in client.get("/ko/cart/").get_data(as_text=True)


def test_stock_decrement_stays_integer_and_never_oversells_a_decimal_variant(make):
    magnesia = _magnesia(make, stock=3000)
    vid = magnesia.default_variant.id
    assert stock.take(vid, 2500)
    assert not stock.take(vid, 1000)  # 0.5 t left: 1 t cannot be taken
    assert stock.take(vid, 500)
    db.session.expire_all()
    assert db.session.get(Product, magnesia.id).stock == 0


def test_product_page_offers_decimal_steps(client, make):
    magnesia = _magnesia(make)
    page = client.get(f"/ru/p/{magnesia.id}").get_data(as_text=True)
    assert 'step="0.5"' in page and 'min="0.5"' in page and 'inputmode="decimal"' in page
    assert "0,5 тонны" in page


# -- merchant product form ----------------------------------------------------------------------------------------


def test_merchant_form_takes_half_tonnes_and_shows_them_back(shop):
    _merchant, category, client = shop
    data = _form(category, unit="tonne", qty_step="0.5", moq="0,5", stock="12.5", price="4500")
    data.update({"tiers-0-min_qty": "2.5", "tiers-0-price": "4000", "tiers-1-min_qty": "", "tiers-1-price": ""})
    response = client.post("/en/merchant/products/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    product = db.session.scalars(select(Product)).one()
    assert (product.moq, product.qty_step, product.stock) == (500, 500, 12_500)
    assert [(t.min_qty, t.price_fen) for t in product.tiers] == [(2500, 400_000)]
    page = client.get(f"/en/merchant/products/{product.id}").get_data(as_text=True)
    assert 'value="12.5"' in page and 'value="0.5"' in page and 'value="2.5"' in page
    bad = client.post("/en/merchant/products/new", data=_form(category, sku="X-9", moq="1.5"))
    assert "Enter a whole number." in bad.get_data(as_text=True)
    assert db.session.scalars(select(Product)).one().id == product.id  # nothing else saved


# -- requests for quotation and quotations -------------------------------------------------------------------------


def test_rfq_and_quotation_take_half_tonnes(app, make):
    from tests.test_rfq import NEXT_MONTH, as_user

    magnesia = _magnesia(make)
    buyer = make.user(email="irina@example.ru", locale="ru")
    db.session.commit()
    b = as_user(app, buyer)
    assert 'value="0.5"' in b.get(f"/ru/rfq/product/{magnesia.id}").get_data(as_text=True)  # MOQ prefilled
    sent = b.post(
        f"/ru/rfq/product/{magnesia.id}",
        data={"need": "Нужно 2,5 тонны", "quantity": "2,5", "country": "RU", "incoterm": "DAP"},
    )
    assert sent.status_code == 302
    item = db.session.scalars(select(Rfq)).one()
    assert (item.quantity, item.unit) == (2500, "tonne")
    assert "2,5 тонны" in b.get(sent.headers["Location"]).get_data(as_text=True)
    m = as_user(app, magnesia.merchant.owner)
    line = {"line-1-variant": str(magnesia.default_variant.id), "line-1-price": "4320.01", "currency": "CNY"}
    terms = {"incoterm": "DAP", "pay_terms": "card", "valid_until": NEXT_MONTH.isoformat()}
    off_step = m.post(f"/zh/merchant/rfqs/{item.id}", data={**line, **terms, "line-1-qty": "2.7"})
    assert off_step.status_code == 400 and not db.session.scalars(select(Quotation)).all()
    ok = m.post(f"/zh/merchant/rfqs/{item.id}", data={**line, **terms, "line-1-qty": "2.5"})
    assert ok.status_code == 302
    quotation = db.session.scalars(select(Quotation)).one()
    assert quotation.lines[0].qty == 2500 and quotation.total_minor == 1_080_003  # half-up to the fen


def test_sales_report_sums_line_totals_like_the_order_lines(make):
    from sqlalchemy import func

    from storefront.ordering.models import line_total_fen_sql

    magnesia = _magnesia(make)
    bolts = make.product(magnesia.merchant, price_fen=333, stock=100)
    make.order([(magnesia, 2500), (bolts, 3)], currency="CNY")
    db.session.flush()
    lines = db.session.scalars(select(OrderLine)).all()
    assert sorted(line.total_fen for line in lines) == [999, 1_080_003]
    assert db.session.scalar(select(func.sum(line_total_fen_sql()))) == 1_080_003 + 999


# -- demo data ------------------------------------------------------------------------------------------------------


def test_the_demo_sells_magnesia_steel_bars_and_strawberries_in_decimal_steps(demo_app, demo_client):
    with demo_app.app_context():
        found = {p.sku: p for p in db.session.scalars(select(Product).where(Product.unit.in_(["tonne", "kg"])))}
        magnesia, steel, berries = found["HM-MG-3001"], found["HT-ST-8001"], found["LJ-AG-9001"]
        assert (magnesia.unit, magnesia.moq, magnesia.qty_step) == ("tonne", 500, 500)
        assert (steel.unit, steel.moq, steel.qty_step, steel.stock) == ("tonne", 500, 500, 138_500)
        assert (berries.unit, berries.moq, berries.qty_step) == ("kg", 200_000, 2500)
        assert magnesia.variants[0].stock == 150_000 and [t.min_qty for t in magnesia.tiers] == [20_000, 100_000]
        steel_id, berries_id = steel.id, berries.id
    page = demo_client.get(f"/ru/p/{steel_id}").get_data(as_text=True)
    assert 'step="0.5"' in page and "0,5 тонны" in page
    assert 'step="2.5"' in demo_client.get(f"/ru/p/{berries_id}").get_data(as_text=True)


def test_changing_the_unit_between_scales_converts_the_variants_stock(make):
    from storefront.catalog import operations as catalog_ops

    product = make.product(price_fen=5000, unit="piece")
    made = make.with_variants(product, {"size": ["S", "M"]}, stock=40)
    db.session.commit()
    data = catalog_ops.ProductInput.from_product(product)
    data.unit = "kg"
    data.moq, data.qty_step, data.sample_max_qty = 1000, 1000, 1000
    catalog_ops.update_product(product, data)
    db.session.expire_all()
    assert {v.stock for v in db.session.get(Product, product.id).variants} == {40_000}  # 40 kg, not 40 g
    assert made[("S",)].id in {v.id for v in db.session.get(Product, product.id).variants}
