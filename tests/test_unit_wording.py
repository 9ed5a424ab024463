"""Quantity wording per unit of sale: the merchant's messages say "whole number" only for piece-like units, and a
sample of a product sold by weight is a small quantity below the minimum order, shown in kilograms."""

import copy
from types import SimpleNamespace

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from storefront.catalog import operations as catalog_ops
from storefront.catalog.models import Product
from storefront.catalog.units import quantity_rule, small_quantity
from storefront.demo import content
from storefront.demo.selfcheck import check_content
from storefront.extensions import db
from tests.backoffice_helpers import client_as


@pytest.fixture
def tonnes(app, make):
    """A signed-in merchant selling magnesia by the tonne (MOQ and step 0.5 t, 12.5 t in stock)."""
    merchant = make.merchant()
    product = make.product(merchant, sku="MG-1", unit="tonne", moq=500, qty_step=500, stock=12_500)
    db.session.commit()
    return product, client_as(app, merchant.owner)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Stock is 0 or more, with at most 3 digits after the decimal point, e.g. 2.5 tonnes."),
        ("ru", "Остаток — 0 или больше, не более 3 знаков после запятой, например 2,5 тонны."),
        ("zh", "库存须不小于 0，小数点后最多 3 位，例如 2.5 吨。"),
        ("ko", "재고는 0 이상이며 소수점 이하 최대 3자리까지 입력할 수 있습니다(예: 2.5톤)."),
        ("mn", "Үлдэгдэл нь 0 буюу түүнээс их, аравтын таслалаас хойш 3 хүртэл оронтой тоо байна"),
    ],
)
def test_variants_page_stock_message_fits_a_tonne_product(tonnes, lang, expected):
    product, client = tonnes
    data = {"variants-0-variant_id": str(product.default_variant.id), "variants-0-stock": "2.5555"}
    page = client.post(f"/{lang}/merchant/products/{product.id}/variants", data=data).get_data(as_text=True)
    assert expected in page
    assert "Stock is a whole number" not in page and "整数" not in page and "целое" not in page
    db.session.expire_all()
    assert db.session.get(Product, product.id).default_variant.stock == 12_500  # nothing written


def test_piece_units_keep_the_whole_number_wording(app):
    with app.test_request_context(), force_locale("ru"):
        assert quantity_rule("stock", "piece") == "Остаток — целое число, 0 или больше."
        assert "2,5 м" in quantity_rule("stock", "metre") and "2 знаков" in quantity_rule("moq", "metre")
        assert "3 знаков" in quantity_rule("qty_step", "kg")


def test_product_form_refuses_a_too_precise_moq_for_kilograms(app, make):
    merchant = make.merchant()
    db.session.commit()
    with app.test_request_context(), force_locale("en"):
        product = make.product(merchant, unit="kg", moq=1000, qty_step=1000)
        data = catalog_ops.ProductInput.from_product(product)
        data.moq = None  # what the form passes on when the typed value could not be read
        errors = catalog_ops.check(data, catalog_ops.Refs.load())
    assert str(errors["moq"]) == (
        "The minimum order is above 0, with at most 3 digits after the decimal point, e.g. 2.5 kg."
    )


def _sample_errors(app, product, lang: str, **changes) -> dict:
    with app.test_request_context(), force_locale(lang):
        data = catalog_ops.ProductInput.from_product(product)
        for name, value in changes.items():
            setattr(data, name, value)
        return {k: str(v) for k, v in catalog_ops.check(data, catalog_ops.Refs.load()).items()}


def test_a_tonne_products_sample_must_stay_below_the_minimum_order(app, tonnes):
    product, _client = tonnes
    errors = _sample_errors(app, product, "en", sample_price_fen=4_000_000, sample_max_qty=3000)  # "3" typed = 3 t
    assert errors["sample_max_qty"] == "A sample must be less than the minimum order (500 kg), e.g. 5 kg."
    ru = _sample_errors(app, product, "ru", sample_price_fen=4_000_000, sample_max_qty=500)
    assert ru["sample_max_qty"] == "Образец должен быть меньше минимального заказа (500 кг), например 5 кг."
    assert "sample_max_qty" not in _sample_errors(app, product, "en", sample_price_fen=4_000_000, sample_max_qty=15)
    # no samples offered: the limit is not looked at
    assert "sample_max_qty" not in _sample_errors(app, product, "en", sample_price_fen=None, sample_max_qty=3000)


def test_a_sample_limit_under_a_tonne_reads_in_kilograms(app):
    with app.test_request_context(), force_locale("ru"):
        assert small_quantity(15, "tonne") == "15 кг"
        assert small_quantity(2500, "tonne") == "2,5 тонны"
        assert small_quantity(500, "kg") == "0,5 кг"


def test_demo_magnesia_offers_lab_samples_not_cheap_tonnes(demo_app, demo_client):
    """The demo's fused magnesia: samples of up to 15 kg (below the 0.5 t MOQ), priced per tonne, shown in kg."""
    with demo_app.app_context():
        magnesia = db.session.scalars(select(Product).where(Product.sku == "HM-MG-3001")).one()
        assert magnesia.unit == "tonne" and magnesia.sample_max_qty == 15 < magnesia.moq
        product_id = magnesia.id
    page = demo_client.get(f"/en/p/{product_id}").get_data(as_text=True)
    assert "per tonne, without the minimum order; up to 15 kg per order, sent within 7 days." in page
    assert "per sample" not in page
    assert 'max="0.015"' in page
    ru = demo_client.get(f"/ru/p/{product_id}").get_data(as_text=True)
    assert "за тонну, без минимального заказа; до 15 кг в заказе" in ru


def test_demo_selfcheck_refuses_tonnes_of_samples():
    """The demo data's own check: the old magnesia sample (3 t at the sample price) no longer loads."""
    broken = SimpleNamespace(
        **{k: copy.deepcopy(getattr(content, k)) for k in ("CLUSTERS", "CITIES", "MERCHANTS", "PRODUCTS")}
    )
    assert check_content(broken) == []
    magnesia = next(p for p in broken.PRODUCTS if p["sku"] == "HM-MG-3001")
    magnesia["sample"]["max_qty"] = 3
    assert check_content(broken) == [
        "product HM-MG-3001: sold by weight or length, a sample's max_qty must be below the MOQ"
    ]
