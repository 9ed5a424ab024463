"""Merchant product management: create/edit with a tab per language, customs checks, tiers, images, hiding."""

import io

import pytest

from storefront.accounts.models import Role
from storefront.catalog import operations as ops
from storefront.catalog.models import Product, ProductImage
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from storefront.merchant import queries
from tests.backoffice_helpers import client_as, image_bytes


@pytest.fixture
def shop(app, make):
    """An approved merchant signed in, with a category and a city."""
    merchant = make.merchant()
    category = make.category(cluster_slug="swimwear")
    make.city("xingcheng")
    make.rates()
    db.session.commit()
    return merchant, category, client_as(app, merchant.owner)


def _form(category, **overrides):
    data = {
        "sku": "HY-SW-001",
        "category_id": str(category.id),
        "hs_code": "6112.41.00.00",
        "customs_name": "女式泳衣",
        "customs_unit": "011",
        "model": "M-2026",
        "origin_city": "xingcheng",
        "net_weight_g": "180",
        "gross_weight_g": "230",
        "price": "128.50",
        "moq": "10",
        "stock": "500",
        "text_zh-name": "女式连体泳衣",
        "text_zh-description": "抗氯面料",
        "text_zh-specs": "面料：锦纶82%\n尺码: S-XL",
        "text_ru-name": "Женский слитный купальник",
        "text_ru-description": "Ткань, устойчивая к хлору.",
        "text_ko-name": "여성 원피스 수영복",
        "tiers-0-min_qty": "50",
        "tiers-0-price": "118",
        "tiers-1-min_qty": "200",
        "tiers-1-price": "109.00",
    }
    data.update(overrides)
    return data


def test_create_product_with_languages_tiers_and_customs_data(shop):
    merchant, category, client = shop
    response = client.post("/en/merchant/products/new", data=_form(category))
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    product = db.session.scalars(db.select(Product)).one()
    assert product.merchant_id == merchant.id and product.hs_code == "6112410000" and product.price_fen == 12850
    assert (product.moq, product.stock, product.net_weight_g, product.gross_weight_g) == (10, 500, 180, 230)
    assert set(product.translations) == {"zh", "ru", "ko"}
    assert product.translations["zh"].specs == [["面料", "锦纶82%"], ["尺码", "S-XL"]]
    assert [(t.min_qty, t.price_fen) for t in product.tiers] == [(50, 11800), (200, 10900)]
    assert queries.coverage_of(product) == {"zh": True, "ru": True, "ko": True, "en": False, "mn": False}
    assert response.headers["Location"].endswith(f"/en/merchant/products/{product.id}")
    page = client.get(f"/en/merchant/products/{product.id}").get_data(as_text=True)
    assert 'id="tab-ru"' in page and "Женский слитный купальник" in page and 'value="128.50"' in page
    # public once the merchant is approved and the product is visible
    assert client.get(f"/ru/p/{product.id}").status_code == 200


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("hs_code", "12345", "The HS code has 10 digits"),
        ("hs_code", "7700000000", "The HS code has 10 digits"),
        ("sku", "bad sku!", "SKU: 1–20 letters"),
        ("price", "abc", "Enter a price in yuan"),
        ("price", "0", "Enter a price above 0"),
        ("gross_weight_g", "100", "The gross weight cannot be less than the net weight"),
        ("moq", "0", "The minimum order is a whole number"),
        ("customs_unit", "999", "Choose a customs unit code"),
        ("tiers-1-price", "120", "Each tier must be cheaper"),
        ("tiers-0-min_qty", "5", "Tier quantities must be above the minimum order"),
        ("text_ko-description", "설명만 있고 이름은 없음", "Enter a name for this language"),
    ],
)
def test_product_form_reports_each_rule(shop, field, value, message):
    _merchant, category, client = shop
    overrides = {field: value}
    if field == "text_ko-description":
        overrides["text_ko-name"] = ""
    response = client.post("/en/merchant/products/new", data=_form(category, **overrides))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page
    assert db.session.scalars(db.select(Product)).first() is None


def test_name_in_chinese_or_english_is_required_and_error_tab_is_marked(shop):
    _merchant, category, client = shop
    page = client.post(
        "/en/merchant/products/new",
        data=_form(category, **{"text_zh-name": "", "text_zh-description": "", "text_zh-specs": ""}),
    ).get_data(as_text=True)
    assert "Give the product a name in Chinese or English" in page
    assert 'class="tab tab-error"' in page


def test_duplicate_sku_is_refused_but_other_merchants_may_use_it(shop, make):
    merchant, category, client = shop
    make.product(merchant, sku="HY-SW-001")
    make.product(make.merchant(), sku="OTHER-1")
    db.session.commit()
    page = client.post("/en/merchant/products/new", data=_form(category)).get_data(as_text=True)
    assert "You already have a product with this SKU" in page
    assert client.post("/en/merchant/products/new", data=_form(category, sku="OTHER-1")).status_code == 302


def test_edit_product_changes_texts_and_removes_a_language(shop, make):
    merchant, category, client = shop
    client.post("/en/merchant/products/new", data=_form(category))
    product = db.session.scalars(db.select(Product)).one()
    data = _form(
        category,
        stock="0",
        **{
            "text_ko-name": "",
            "text_en-name": "Women's swimsuit",
            "tiers-1-min_qty": "",
            "tiers-1-price": "",
        },
    )
    assert client.post(f"/en/merchant/products/{product.id}", data=data).status_code == 302
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert set(product.translations) == {"zh", "ru", "en"} and product.stock == 0
    assert [(t.min_qty, t.price_fen) for t in product.tiers] == [(50, 11800)]


def test_hide_and_show(shop, make):
    merchant, _category, client = shop
    product = make.product(merchant)
    db.session.commit()
    client.post(f"/en/merchant/products/{product.id}/visibility", data={"hidden": "1"})
    assert db.session.get(Product, product.id).hidden and client.get(f"/en/p/{product.id}").status_code == 404
    client.post(f"/en/merchant/products/{product.id}/visibility", data={"hidden": "0"})
    assert not db.session.get(Product, product.id).hidden and client.get(f"/en/p/{product.id}").status_code == 200


def test_moderated_product_stays_hidden_and_owner_sees_the_reason(app, shop, make):
    merchant, category, client = shop
    operator = make.user(Role.OPERATOR.value)
    product = make.product(merchant, sku="MOD-1")
    db.session.commit()
    op = client_as(app, operator)
    assert op.post(f"/en/operator/moderation/products/{product.id}/hide", data={"reason": ""}).status_code == 302
    assert not db.session.get(Product, product.id).hidden
    op.post(f"/en/operator/moderation/products/{product.id}/hide", data={"reason": "图片含有第三方商标"})
    product = db.session.get(Product, product.id)
    assert product.hidden and product.moderation_reason == "图片含有第三方商标"
    page = client.get("/en/merchant/products?visibility=moderated").get_data(as_text=True)
    assert "图片含有第三方商标" in page and "MOD-1" in page
    assert "图片含有第三方商标" in client.get("/en/merchant/").get_data(as_text=True)
    client.post(f"/en/merchant/products/{product.id}/visibility", data={"hidden": "0"})
    assert db.session.get(Product, product.id).hidden
    edit = ops.ProductInput.from_product(product)
    edit.hidden = False
    with pytest.raises(ops.ProductError):
        ops.update_product(product, edit)
    db.session.rollback()
    op.post(f"/en/operator/moderation/products/{product.id}/restore")
    product = db.session.get(Product, product.id)
    assert not product.hidden and product.moderation_reason == ""
    actions = db.session.scalars(db.select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["product.hide", "product.restore"]
    entry = db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id)).first()
    assert entry.before == {"hidden": False, "moderation_reason": ""}
    assert entry.after == {"hidden": True, "moderation_reason": "图片含有第三方商标"}


def test_images_upload_order_and_delete(app, shop, make):
    merchant, _category, client = shop
    product = make.product(merchant)
    db.session.commit()
    url = f"/en/merchant/products/{product.id}/images"
    for color in ((255, 0, 0), (0, 255, 0)):
        r = client.post(
            url,
            data={"img-image": (io.BytesIO(image_bytes("PNG", color=color)), "a.png"), "img-alt": "swimsuit"},
            content_type="multipart/form-data",
        )
        assert r.status_code == 302
    images = db.session.scalars(db.select(ProductImage).order_by(ProductImage.position)).all()
    assert [i.position for i in images] == [0, 1]
    first, second = images
    client.post(f"{url}/{second.id}/move", data={"direction": "up"})
    db.session.expire_all()
    assert [i.id for i in db.session.get(Product, product.id).images] == [second.id, first.id]
    media = app.config["DATA_DIR"] + "/media/products/"
    import os

    assert os.path.exists(media + f"{first.stem}-800.webp")
    client.post(f"{url}/{first.id}/delete")
    db.session.expire_all()
    assert [i.id for i in db.session.get(Product, product.id).images] == [second.id]
    assert not os.path.exists(media + f"{first.stem}-800.webp")
    # a spoofed image and an oversized one are refused with a message
    r = client.post(
        url,
        data={"img-image": (io.BytesIO(b"%PDF-1.4 fake"), "photo.png")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "not an accepted type" in r.get_data(as_text=True)
    app.config["IMAGE_MAX_BYTES"] = 1000
    try:
        r = client.post(
            url,
            data={"img-image": (io.BytesIO(image_bytes("PNG", size=(400, 400))), "big.png")},
            content_type="multipart/form-data",
            follow_redirects=True,
        )
    finally:
        app.config["IMAGE_MAX_BYTES"] = 8 * 1024 * 1024
    assert "The file is too large" in r.get_data(as_text=True)
    assert len(db.session.get(Product, product.id).images) == 1


def test_list_search_filters_and_coverage(shop, make):
    merchant, category, client = shop
    make.product(merchant, sku="RU-1", texts={"zh": {"name": "泳帽"}, "ru": {"name": "Шапочка для плавания"}})
    make.product(merchant, sku="ZH-ONLY", texts={"zh": {"name": "泳镜"}})
    make.product(merchant, sku="HID-1", hidden=True)
    make.product(make.merchant(), sku="NOT-MINE")
    db.session.commit()
    page = client.get("/en/merchant/products").get_data(as_text=True)
    assert "RU-1" in page and "ZH-ONLY" in page and "NOT-MINE" not in page
    page = client.get("/en/merchant/products?missing=ru").get_data(as_text=True)
    assert "ZH-ONLY" in page and "RU-1" not in page
    page = client.get("/en/merchant/products?q=泳镜").get_data(as_text=True)
    assert "ZH-ONLY" in page and "RU-1" not in page
    page = client.get("/en/merchant/products?visibility=hidden").get_data(as_text=True)
    assert "HID-1" in page and "RU-1" not in page
    coverage = {c.lang: (c.translated, c.total) for c in queries.catalogue_coverage(merchant.id)}
    assert coverage == {"zh": (3, 3), "ru": (1, 3), "ko": (0, 3), "en": (1, 3), "mn": (0, 3)}


def test_delete_product(shop, make):
    merchant, _category, client = shop
    product = make.product(merchant)
    db.session.commit()
    assert client.post(f"/en/merchant/products/{product.id}/delete").status_code == 302
    assert db.session.get(Product, product.id) is None
