"""Variants: option picker on the product page (JSON + plain select), cart and orders per variant, stock per
variant, customs lines with a variant's own HS code and model, bad input refused with nothing saved."""

import csv
import io
import json
import re

from sqlalchemy import select

from storefront.catalog.models import ProductVariant
from storefront.catalog.variants import picker
from storefront.clearance.mapping import snapshot_line
from storefront.extensions import db
from storefront.ordering.models import CartItem, OrderLine, StockReservation
from tests.test_merchant_products import _form
from tests.test_merchant_products import shop as shop  # noqa: F401 - the signed-in merchant fixture

SIZES, COLOURS = ["S", "M", "L"], ["red", "blue"]


def _swimsuit(make, **kw):
    make.rates()
    suit = make.product(
        sku="XC-2231",
        price_fen=12000,
        moq=1,
        hs_code="6112410000",
        customs_unit="011",
        category_=make.category(cluster_slug="swimwear"),
        **kw,
    )
    made = make.with_variants(
        suit,
        {"size": SIZES, "colour": COLOURS},
        stock={c: 20 for c in [(s, k) for s in SIZES for k in COLOURS]} | {("L", "red"): 0},
        prices={("L", "blue"): 13000},
        overrides={("M", "blue"): {"hs_code": "6112419000", "model": "XC-2231 M/蓝"}},
    )
    db.session.commit()
    return suit, made


def _add(client, data, lang="en"):
    return client.post(f"/{lang}/cart/add", data=data, follow_redirects=True).get_data(as_text=True)


def _cart(client):
    with client.session_transaction() as sess:
        return dict(sess.get("cart") or {})


def test_product_page_embeds_the_picker_data_and_a_plain_select(client, make):
    suit, made = _swimsuit(make)
    page = client.get(f"/ru/p/{suit.id}").get_data(as_text=True)
    embedded = re.search(r'<script type="application/json" id="variant-data"[^>]*>(.*?)</script>', page)
    data = json.loads(embedded.group(1))
    assert [o["code"] for o in data["options"]] == ["size", "colour"]
    assert [v["name"] for v in data["options"][1]["values"]] == ["красный", "синий"]
    by_id = {v["id"]: v for v in data["variants"]}
    assert len(by_id) == 6
    assert by_id[made[("L", "red")].id]["orderable"] is False
    assert by_id[made[("L", "blue")].id]["price"]["shown"] != by_id[made[("S", "red")].id]["price"]["shown"]
    assert by_id[made[("M", "blue")].id]["hs_code"] == "6112419000"
    # without JavaScript: one plain select, the sold-out combination disabled
    assert 'name="variant_id"' in page and "js/variants.js" in page
    assert re.search(rf'<option value="{made[("L", "red")].id}"[^>]* disabled>L · красный', page)
    assert "Таблица размеров" in page and "<td>44</td>" in page  # size chart: M is RU 44


def test_product_without_options_shows_no_picker(client, make):
    make.rates()
    p = make.product(stock=50)
    db.session.commit()
    page = client.get(f"/en/p/{p.id}").get_data(as_text=True)
    assert "variant-data" not in page and 'name="variant_id"' not in page and "Size chart" not in page


def test_add_by_option_values_or_variant_id(client, make):
    suit, made = _swimsuit(make)
    _add(client, {"product_id": suit.id, "opt-size": "M", "opt-colour": "blue", "qty": 2})
    _add(client, {"product_id": suit.id, "variant_id": made[("S", "red")].id, "qty": 3})
    assert _cart(client) == {str(made[("M", "blue")].id): 2, str(made[("S", "red")].id): 3}
    page = client.get("/ru/cart/").get_data(as_text=True)
    assert "M · синий" in page and "XC-2231-4" in page


def test_variant_of_another_product_is_refused(client, make):
    suit, _made = _swimsuit(make)
    other = make.product(stock=10)
    db.session.commit()
    page = _add(client, {"product_id": suit.id, "variant_id": other.default_variant.id, "qty": 1}, lang="ru")
    assert "Такого сочетания параметров нет" in page
    assert _cart(client) == {}


def test_combination_that_does_not_exist_is_refused(client, make):
    suit, _made = _swimsuit(make)
    for data in ({"opt-size": "XXL", "opt-colour": "blue"}, {"opt-size": "M"}, {}):
        page = _add(client, {"product_id": suit.id, "qty": 1, **data}, lang="ru")
        assert "Такого сочетания параметров нет" in page
    assert _cart(client) == {}


def test_quantity_not_a_multiple_of_the_step_is_refused(client, make):
    make.rates()
    p = make.product(moq=10, stock=500, unit="carton", unit_size=12, qty_step=5)
    db.session.commit()
    page = _add(client, {"product_id": p.id, "qty": 12}, lang="ru")
    assert "кратное шагу" in page
    assert _cart(client) == {}
    _add(client, {"product_id": p.id, "qty": 15})
    assert _cart(client) == {str(p.default_variant.id): 15}
    client.post("/en/cart/update", data={f"qty-{p.default_variant.id}": "17"})
    assert _cart(client) == {str(p.default_variant.id): 15}  # unchanged


def test_order_takes_stock_of_the_chosen_variant_only_and_snapshots_it(make):
    suit, made = _swimsuit(make)
    order = make.order([(made[("M", "blue")], 4), (made[("S", "red")], 1)], lang="ru")
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(ProductVariant, made[("M", "blue")].id).stock == 16
    assert db.session.get(ProductVariant, made[("S", "red")].id).stock == 19
    assert db.session.get(ProductVariant, made[("M", "red")].id).stock == 20
    lines = {line.sku: line for line in db.session.scalars(select(OrderLine))}
    mb = lines["XC-2231-4"]
    assert mb.variant_id == made[("M", "blue")].id and mb.variant_names["ru"] == "M · синий"
    assert (mb.hs_code, mb.model) == ("6112419000", "XC-2231 M/蓝")
    sr = lines["XC-2231-1"]
    assert (sr.hs_code, sr.model) == ("6112410000", "Φ50 S · 红色")  # the product's code, model + options in zh
    held = {(r.variant_id, r.qty) for r in db.session.scalars(select(StockReservation))}
    assert held == {(made[("M", "blue")].id, 4), (made[("S", "red")].id, 1)}
    # customs list lines follow the variant
    case_line = snapshot_line(1, mb)
    assert (case_line.gcode, case_line.gmodel, case_line.item_no) == ("6112419000", "XC-2231 M/蓝", "XC-2231-4")
    assert order.sub_orders[0].lines[0].variant_name("en").value


def test_variant_price_and_tiers_override_the_product(make):
    suit, made = _swimsuit(make, tiers=[(100, 10000)])
    lb, sr = made[("L", "blue")], made[("S", "red")]
    assert sr.unit_price_fen(1) == 12000 and sr.unit_price_fen(100) == 10000  # the product's price and tiers
    assert lb.unit_price_fen(1) == 13000 and lb.unit_price_fen(100) == 13000  # own price, no own tiers
    from storefront.catalog.models import PriceTier

    lb.tiers.append(PriceTier(min_qty=50, price_fen=11500))
    db.session.commit()
    assert lb.unit_price_fen(60) == 11500


def test_signed_in_cart_keeps_variants_apart(client, make):
    suit, made = _swimsuit(make)
    buyer = make.user(email="var@example.com")
    db.session.commit()
    client.post("/en/account/login", data={"email": "var@example.com", "password": "correct-horse-battery"})
    _add(client, {"product_id": suit.id, "opt-size": "M", "opt-colour": "blue", "qty": 2})
    _add(client, {"product_id": suit.id, "opt-size": "M", "opt-colour": "red", "qty": 1})
    rows = {r.variant_id: r.qty for r in db.session.scalars(select(CartItem).where(CartItem.user_id == buyer.id))}
    assert rows == {made[("M", "blue")].id: 2, made[("M", "red")].id: 1}


def test_units_follow_each_languages_plural_rules(app):
    from flask_babel import force_locale

    from storefront.catalog.units import per_unit, quantity

    with app.test_request_context("/ru/"):
        with force_locale("ru_RU"):
            assert [quantity(n, "piece") for n in (1, 2, 5, 21)] == ["1 штука", "2 штуки", "5 штук", "21 штука"]
            assert quantity(3, "carton", 12) == "3 коробки по 12" and per_unit("tonne") == "за тонну"
        with force_locale("ko_KR"):
            assert quantity(5, "piece") == "5개"
        with force_locale("zh_Hans_CN"):
            assert quantity(5000, "tonne") == "5 吨"  # stored in kilograms (scale 1000)


def test_product_page_shows_moq_and_tiers_in_the_unit(client, make):
    make.rates()
    p = make.product(moq=5000, stock=600_000, unit="tonne", qty_step=5000, tiers=[(20_000, 9000)])
    db.session.commit()
    page = client.get(f"/ru/p/{p.id}").get_data(as_text=True)
    assert "5 тонн" in page and "20 тонн+" in page and "за тонну" in page and "Продаётся с шагом" in page
    assert 'step="5"' in page


def test_merchant_sets_the_unit_and_step(shop):
    merchant, category, client = shop
    response = client.post("/en/merchant/products/new", data=_form(category, unit="tonne", qty_step="5", moq="5"))
    assert response.status_code == 302
    product = db.session.scalars(select(ProductVariant)).one().product
    assert (product.unit, product.qty_step, product.moq) == ("tonne", 5000, 5000)  # stored in kg (scale 1000)
    assert product.merchant_id == merchant.id
    bad = client.post("/en/merchant/products/new", data=_form(category, sku="X-2", unit="barrel", qty_step="0"))
    page = bad.get_data(as_text=True)
    assert "Choose a unit of sale from the list." in page and "at least 1" in page
    assert db.session.scalars(select(ProductVariant)).one().product_id == product.id  # nothing else saved


def _sheet(merchant_id):
    from storefront.catalog import sheet_export

    rows = list(csv.DictReader(io.StringIO(sheet_export.export_sheet(merchant_id, "csv").decode("utf-8-sig"))))
    return rows, {r["variant"]: r for r in rows if r["variant"]}


def _csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_spreadsheet_has_one_row_per_variant_and_updates_them(make):
    from storefront.catalog import sheet_import

    suit, made = _swimsuit(make)
    rows, variants = _sheet(suit.merchant_id)
    assert len(rows) == 1 + 6 and rows[0]["sku"] == "XC-2231" and not rows[0]["variant"]  # product, then variants
    mb = variants["size=M; colour=blue"]
    assert (mb["sku"], mb["variant_sku"], mb["stock"]) == ("XC-2231", "XC-2231-4", "20")
    assert variants["size=L; colour=blue"]["variant_price"] == "130.00"
    mb["stock"], mb["variant_price"] = "7", "99.50"
    report = sheet_import.import_sheet(suit.merchant, _csv(rows), "csv", dry_run=False)
    assert report.ok and report.updated == 1, report.lines()
    db.session.commit()
    db.session.expire_all()
    variant = db.session.get(ProductVariant, made[("M", "blue")].id)
    assert (variant.stock, variant.price_fen) == (7, 9950)


def test_spreadsheet_variant_row_of_a_missing_combination_changes_nothing(make):
    from storefront.catalog import sheet_import

    suit, made = _swimsuit(make)
    rows, variants = _sheet(suit.merchant_id)
    variants["size=S; colour=red"]["stock"] = "3"
    variants["size=M; colour=blue"]["variant"] = "size=XXL; colour=blue"
    report = sheet_import.import_sheet(suit.merchant, _csv(rows), "csv", dry_run=False)
    assert not report.applied and [col for _row, col, _msg in report.errors] == ["variant"]
    db.session.rollback()
    assert db.session.get(ProductVariant, made[("S", "red")].id).stock == 20


def test_sample_is_bought_without_the_moq_and_marked_for_the_merchant(client, make):
    make.rates()
    p = make.product(moq=50, stock=500, price_fen=10000, sample_price_fen=15000, sample_max_qty=3, sample_lead_days=5)
    db.session.commit()
    page = client.get(f"/ru/p/{p.id}").get_data(as_text=True)
    assert "Заказать образец" in page
    _add(client, {"product_id": p.id, "qty": 2, "sample": "1"})
    _add(client, {"product_id": p.id, "qty": 60})
    vid = p.default_variant.id
    assert _cart(client) == {f"s{vid}": 2, str(vid): 60}
    page = _add(client, {"product_id": p.id, "qty": 5, "sample": "1"}, lang="ru")
    assert "наибольшего числа образцов" in page and _cart(client)[f"s{vid}"] == 3
    cart_page = client.get("/en/cart/").get_data(as_text=True)
    assert "Sample" in cart_page and "CN¥150.00" in cart_page


def test_sample_of_a_product_without_samples_is_refused(client, make):
    make.rates()
    p = make.product(moq=50, stock=500)
    db.session.commit()
    page = _add(client, {"product_id": p.id, "qty": 1, "sample": "1"}, lang="ru")
    assert "образцы не предлагаются" in page and _cart(client) == {}


def test_sample_order_line_is_marked(make):
    from storefront.ordering.cart import Cart, CartLine, MerchantGroup
    from storefront.ordering.operations import CheckoutData, place_order

    make.rates()
    p = make.product(moq=50, stock=500, price_fen=10000, sample_price_fen=15000, sample_max_qty=3)
    line = CartLine(variant=p.default_variant, qty=2, sample=True)
    data = CheckoutData(
        email="b@example.com", contact_name="B", country="RU", city="Москва", address_line1="ул. 1", currency="CNY"
    )
    order = place_order(Cart([MerchantGroup(p.merchant, [line])]), data, user_id=None, lang="ru", actor="test")
    db.session.commit()
    sub = order.sub_orders[0]
    assert sub.has_samples and sub.lines[0].is_sample and sub.lines[0].unit_price_fen == 15000
    assert db.session.get(ProductVariant, p.default_variant.id).stock == 498


def test_picker_labels_are_the_variants_own_labels_in_every_language(app, make):
    suit, made = _swimsuit(make)
    made[("M", "blue")].options = {"size": "M", "colour": "teal"}  # a value the option type no longer lists
    db.session.flush()
    for lang in ("zh", "ru", "ko", "mn", "en"):
        with app.test_request_context(f"/{lang}/"):
            data = picker(suit, lang)
            assert [row["label"] for row in data["variants"]] == [v.label(lang) for v in suit.variants]
    assert any(" · teal" in v.label("ru") for v in suit.variants)
