"""The merchant's variants page: option types with translated values and variants edited together, every rule
checked server-side with nothing written on an error and what was typed kept, variants with open orders kept."""

import pytest
from sqlalchemy import select

from storefront.catalog.models import PriceTier, Product, ProductImage, ProductVariant
from storefront.extensions import db
from storefront.ordering.models import OrderLine, SubOrder
from storefront.ordering.states import OrderStatus
from tests.backoffice_helpers import client_as


@pytest.fixture
def shop(app, make):
    """A signed-in merchant with a single-variant swimsuit (with an image) and another product SKU'd OTHER-1."""
    merchant = make.merchant()
    category = make.category(cluster_slug="swimwear")
    suit = make.product(merchant, sku="XC-100", category_=category, stock=40, hs_code="6112410000")
    image = ProductImage(product_id=suit.id, stem="xc100-a", position=0, width=800, height=800)
    db.session.add(image)
    make.product(merchant, sku="OTHER-1", category_=category)
    db.session.commit()
    return suit, image, client_as(app, merchant.owner)


OPTIONS = {
    "options-0-code": "size",
    "options-0-name_en": "Size",
    "options-0-name_ru": "Размер",
    "options-0-values": "S\nM",
    "options-1-code": "colour",
    "options-1-name_en": "Colour",
    "options-1-name_ru": "Цвет",
    "options-1-values": "blue | en=blue | ru=синий | ko=파랑\nred | en=red | ru=красный",
}


def _post(client, product, rows, options=OPTIONS):
    data = dict(options)
    for i, row in enumerate(rows):
        data.update({f"variants-{i}-{k}": v for k, v in row.items()})
    return client.post(f"/en/merchant/products/{product.id}/variants", data=data, follow_redirects=True)


def _rows(suit, image):
    return [
        {
            "variant_id": str(suit.default_variant.id),
            "combination": "size=S; colour=blue",
            "sku": "XC-100-SB",
            "stock": "10",
        },
        {
            "combination": "size=M; colour=blue",
            "sku": "XC-100-MB",
            "stock": "5",
            "price": "135.50",
            "tiers": "10: 120.00; 50: 110.00",
            "net_weight_g": "200",
            "gross_weight_g": "260",
            "dims": "300 × 200 × 50",
            "hs_code": "6112419000",
            "image_id": str(image.id),
        },
        {"combination": "colour=red; size=M", "sku": "XC-100-MR", "stock": "0"},
    ]


def _variants(product_id):
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(ProductVariant).where(ProductVariant.product_id == product_id).order_by(ProductVariant.position)
        )
    )


def test_page_shows_the_form_for_own_products_only(shop, app, make):
    suit, _image, client = shop
    page = client.get(f"/en/merchant/products/{suit.id}/variants")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert 'name="options-0-code"' in body and 'name="variants-0-combination"' in body
    stranger = client_as(app, make.merchant().owner)
    db.session.commit()
    assert stranger.get(f"/en/merchant/products/{suit.id}/variants").status_code == 404
    edit = client.get(f"/en/merchant/products/{suit.id}").get_data(as_text=True)
    assert f"/en/merchant/products/{suit.id}/variants" in edit


def test_a_single_variant_product_gets_option_types_and_variants(shop):
    suit, image, client = shop
    body = _post(client, suit, _rows(suit, image)).get_data(as_text=True)
    assert "Variants saved." in body
    product = db.session.get(Product, suit.id)
    assert [o["code"] for o in product.options] == ["size", "colour"]
    assert product.option_types[1].value_name("blue", "ru").value == "синий"
    assert product.option_types[0].value_name("M", "en").value == "M"
    got = {v.sku: v for v in _variants(suit.id)}
    assert set(got) == {"XC-100-SB", "XC-100-MB", "XC-100-MR"}
    assert got["XC-100-SB"].id == suit.default_variant.id and got["XC-100-SB"].stock == 10
    mb = got["XC-100-MB"]
    assert mb.options == {"size": "M", "colour": "blue"}
    assert (mb.price_fen, mb.stock, mb.net_weight_g, mb.gross_weight_g) == (13550, 5, 200, 260)
    assert (mb.length_mm, mb.width_mm, mb.height_mm, mb.hs_code, mb.image_id) == (300, 200, 50, "6112419000", image.id)
    tiers = db.session.scalars(select(PriceTier).where(PriceTier.variant_id == mb.id).order_by(PriceTier.min_qty))
    assert [(t.min_qty, t.price_fen) for t in tiers] == [(10, 12000), (50, 11000)]
    assert got["XC-100-MR"].options == {"size": "M", "colour": "red"}
    # the page shows it back as saved
    again = client.get(f"/en/merchant/products/{suit.id}/variants").get_data(as_text=True)
    assert "10: 120.00; 50: 110.00" in again and "blue | ru=синий | ko=파랑 | en=blue" in again


def _rejected(client, suit, rows, options=OPTIONS):
    """Post, expect the form back with errors and the database unchanged; returns the page."""
    before = [(v.id, v.sku, v.options, v.stock) for v in _variants(suit.id)]
    page = _post(client, suit, rows, options)
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "Please correct the marked fields." in body
    assert [(v.id, v.sku, v.options, v.stock) for v in _variants(suit.id)] == before
    assert db.session.get(Product, suit.id).options == []
    return body


def test_duplicate_sku_across_the_merchant_is_refused(shop):
    suit, image, client = shop
    rows = _rows(suit, image)
    rows[2]["sku"] = "OTHER-1"  # another product's SKU
    body = _rejected(client, suit, rows)
    assert "You already use this SKU for another product or variant." in body
    assert 'value="OTHER-1"' in body and 'value="10: 120.00; 50: 110.00"' in body  # what was typed is kept
    rows[2]["sku"] = "XC-100-MB"  # twice in the form
    assert "You already use this SKU" in _rejected(client, suit, rows)


def test_duplicate_combination_is_refused(shop):
    suit, image, client = shop
    rows = _rows(suit, image)
    rows[2]["combination"] = "colour=blue; size=M"
    assert "Another variant already has this combination." in _rejected(client, suit, rows)


def test_a_combination_missing_a_value_or_with_an_unknown_one_is_refused(shop):
    suit, image, client = shop
    rows = _rows(suit, image)
    rows[2]["combination"] = "size=M"
    assert "Give this variant a value for colour." in _rejected(client, suit, rows)
    rows[2]["combination"] = "size=XXL; colour=red"
    assert "XXL is not one of the values of its option type." in _rejected(client, suit, rows)
    rows[2]["combination"] = "size=M; colour=red; fabric=silk"
    assert "This product has no option type fabric." in _rejected(client, suit, rows)


def test_negative_stock_and_price_are_refused(shop):
    suit, image, client = shop
    rows = _rows(suit, image)
    rows[1]["stock"] = "-3"
    rows[2]["price"] = "-10"
    body = _rejected(client, suit, rows)
    assert "Stock is a whole number, 0 or more." in body
    assert "Enter a price above 0 in yuan, for example 128.50." in body


def test_bad_option_types_are_refused(shop):
    suit, image, client = shop
    bad = {**OPTIONS, "options-1-code": "size"}
    assert "Each option type may appear only once." in _rejected(client, suit, _rows(suit, image), bad)
    bad = {**OPTIONS, "options-1-values": "blue | de=blau"}
    assert "Write value names as lang=name" in _rejected(client, suit, _rows(suit, image), bad)
    bad = {**OPTIONS, "options-0-code": "Size!"}
    assert "The code is lower-case Latin letters" in _rejected(client, suit, _rows(suit, image), bad)


def test_another_products_variant_cannot_be_edited_through_this_form(shop, make):
    suit, image, client = shop
    other = db.session.scalars(select(Product).where(Product.sku == "OTHER-1")).one()
    rows = _rows(suit, image)
    rows[2]["variant_id"] = str(other.default_variant.id)
    assert "This variant is not one of this product" in _rejected(client, suit, rows)


def test_a_variant_with_open_orders_cannot_be_removed_until_shipped(shop, make):
    suit, image, client = shop
    assert "Variants saved." in _post(client, suit, _rows(suit, image)).get_data(as_text=True)
    mr = next(v for v in _variants(suit.id) if v.sku == "XC-100-MR")
    mr.stock = 5
    db.session.commit()
    order = make.order([(mr, 2)])
    db.session.commit()
    rows = _rows(suit, image)
    for row, variant in zip(rows, _variants(suit.id), strict=True):
        row["variant_id"] = str(variant.id)
    rows[2]["remove"] = "y"
    body = _post(client, suit, rows).get_data(as_text=True)
    assert "Open orders still need this variant" in body
    assert len(_variants(suit.id)) == 3
    for sub in db.session.scalars(select(SubOrder).where(SubOrder.order_id == order.id)):
        sub.status = OrderStatus.SHIPPED.value
    db.session.commit()
    assert "Variants saved." in _post(client, suit, rows).get_data(as_text=True)
    assert [v.sku for v in _variants(suit.id)] == ["XC-100-SB", "XC-100-MB"]
    line = db.session.scalars(select(OrderLine)).one()
    assert (line.variant_id, line.sku, line.variant_names["en"]) == (None, "XC-100-MR", "M · red")


def test_without_option_types_a_product_keeps_exactly_one_variant(shop):
    suit, _image, client = shop
    rows = [
        {"variant_id": str(suit.default_variant.id), "stock": "7"},
        {"combination": "size=M", "sku": "X-2", "stock": "1"},
    ]
    body = _rejected(client, suit, rows, options={})
    assert "This product has no option type size." in body
    ok = _post(client, suit, rows[:1], options={}).get_data(as_text=True)
    assert "Variants saved." in ok and [v.stock for v in _variants(suit.id)] == [7]


def test_stock_left_as_shown_keeps_sales_made_since_the_page_was_loaded(shop):
    suit, image, client = shop
    assert "Variants saved." in _post(client, suit, _rows(suit, image)).get_data(as_text=True)
    page = client.get(f"/en/merchant/products/{suit.id}/variants").get_data(as_text=True)
    assert 'name="variants-0-stock_was" type="hidden" value="10"' in page
    sb, mb, mr = _variants(suit.id)
    sb.stock = 8  # a buyer took 2 after the page was loaded
    db.session.commit()
    rows = _rows(suit, image)
    for row, variant in zip(rows, (sb, mb, mr), strict=True):
        row["variant_id"], row["stock_was"] = str(variant.id), row["stock"]
    rows[1]["stock"] = "9"  # the merchant changed this one
    assert "Variants saved." in _post(client, suit, rows).get_data(as_text=True)
    assert [v.stock for v in _variants(suit.id)] == [8, 9, 0]
