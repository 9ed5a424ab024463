"""Option types from spreadsheets: a product row's ``options`` cell defines its option types and values, the
variant rows after it create its variants (the variants page's checks, ``catalog.variant_edit``), one bad row
writes nothing, and export → import round-trips."""

import csv
import io

from flask_babel import force_locale
from sqlalchemy import select

from storefront.catalog import sheet_export, sheet_import
from storefront.catalog.models import Product, ProductVariant
from storefront.extensions import db
from tests.test_spreadsheet import HEADER, _csv, _row, _snapshot, seller  # noqa: F401 (the fixture)

OPTIONS = "size | ru=Размер: S, M, L; colour | ru=Цвет: red | zh=红色 | ru=красный, blue | ru=синий"
HEAD = [*HEADER, "options", "variant", "variant_sku", "variant_price"]


def _product(sku, options=OPTIONS, **kw):
    return [*_row(sku, **kw), options, "", "", ""]


def _variant(sku, combination, variant_sku="", price="", stock="5"):
    values = dict.fromkeys(HEADER, "")
    values.update(sku=sku, stock=stock)
    return [*(values[h] for h in HEADER), "", combination, variant_sku, price]


def _variants(product):
    return {tuple(sorted(v.options.items())): v for v in product.variants}


def test_a_new_product_gets_its_option_types_and_variants(ctx, seller):  # noqa: F811
    rows = [
        _product("SW-1"),
        _variant("SW-1", "size=S; colour=red", "SW-1-SR", stock="10"),
        _variant("SW-1", "size=M; colour=blue", "SW-1-MB", "130.00", "4"),
        _variant("SW-1", "size=L; colour=blue", "", "", "0"),
    ]
    report = sheet_import.import_sheet(seller, _csv(rows, HEAD), "csv", dry_run=False)
    assert report.ok and report.applied and report.created == 1, report.lines()
    db.session.commit()
    product = db.session.scalars(select(Product).where(Product.sku == "SW-1")).one()
    assert [o.code for o in product.option_types] == ["size", "colour"]
    colour = product.options[1]
    assert colour["names"] == {"en": "colour", "ru": "Цвет"}
    assert colour["values"][0] == {"code": "red", "names": {"zh": "红色", "ru": "красный"}}
    made = _variants(product)
    assert len(product.variants) == 3
    small_red = made[(("colour", "red"), ("size", "S"))]
    assert (small_red.sku, small_red.stock, small_red.price_fen) == ("SW-1-SR", 10, None)
    medium_blue = made[(("colour", "blue"), ("size", "M"))]
    assert (medium_blue.sku, medium_blue.stock, medium_blue.price_fen) == ("SW-1-MB", 4, 13000)
    with force_locale("ru"):
        assert str(product.option_types[1].value_name("red", "ru")) == "красный"


def test_an_existing_product_gets_options_and_keeps_its_variant(ctx, seller, make):  # noqa: F811
    report = sheet_import.import_sheet(seller, _csv([_row("SW-2")], HEADER), "csv", dry_run=False)
    assert report.ok
    db.session.commit()
    product = db.session.scalars(select(Product).where(Product.sku == "SW-2")).one()
    (single,) = product.variants
    rows = [_product("SW-2"), _variant("SW-2", "size=S; colour=red"), _variant("SW-2", "size=M; colour=red")]
    report = sheet_import.import_sheet(seller, _csv(rows, HEAD), "csv", dry_run=False)
    assert report.ok and report.updated == 1, report.lines()
    db.session.commit()
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert len(product.variants) == 2 and product.variants[0].id == single.id  # the variant keeps its id (orders)
    assert product.variants[0].options == {"size": "S", "colour": "red"}


BAD = {
    "unknown value": (_variant("SW-3", "size=XL; colour=red"), "variant"),
    "unknown option type": (_variant("SW-3", "fit=slim"), "variant"),
    "missing a type": (_variant("SW-3", "size=S"), "variant"),
    "same combination twice": (_variant("SW-3", "size=S; colour=red"), "variant"),
    "bad stock": (_variant("SW-3", "size=M; colour=red", stock="-1"), "stock"),
    "bad price": (_variant("SW-3", "size=M; colour=red", price="0"), "variant_price"),
    "bad sku": (_variant("SW-3", "size=M; colour=red", variant_sku="с пробелом"), "variant_sku"),
}


def test_one_bad_row_writes_nothing(ctx, seller):  # noqa: F811
    for case, (bad, column) in BAD.items():
        before = _snapshot()
        rows = [_product("SW-3"), _variant("SW-3", "size=S; colour=red"), bad, _product("OK-1", options="")]
        report = sheet_import.import_sheet(seller, _csv(rows, HEAD), "csv", dry_run=False)
        assert not report.applied, case
        assert [(row, col) for row, col, _msg in report.errors] == [(4, column)], (case, report.lines())
        db.session.rollback()
        assert _snapshot() == before and db.session.scalars(select(ProductVariant)).all() == [], case


def test_bad_options_cells_are_errors_of_the_product_row(ctx, seller):  # noqa: F811
    for cell in ("size S, M", "Size: S, M", "size: S, S", "size | xx=Размер: S", "size: S=1"):
        report = sheet_import.import_sheet(
            seller, _csv([_product("SW-4", options=cell), _variant("SW-4", "size=S")], HEAD), "csv", dry_run=False
        )
        assert not report.applied and (2, "options") in {(row, col) for row, col, _msg in report.errors}, cell
        db.session.rollback()
    with force_locale("ru"):
        report = sheet_import.import_sheet(
            seller, _csv([_product("SW-4", options="size S"), _variant("SW-4", "size=S")], HEAD), "csv", dry_run=True
        )
        assert "Опишите варианты" in str(report.errors[0][2])


def test_a_variant_left_out_of_the_file_is_not_removed(ctx, seller):  # noqa: F811
    rows = [_product("SW-5"), _variant("SW-5", "size=S; colour=red"), _variant("SW-5", "size=M; colour=red")]
    assert sheet_import.import_sheet(seller, _csv(rows, HEAD), "csv", dry_run=False).ok
    db.session.commit()
    changed = OPTIONS.replace("size | ru=Размер: S, M, L", "size | ru=Размер: S, M, L, XL")
    rows = [_product("SW-5", options=changed), _variant("SW-5", "size=XL; colour=red")]
    report = sheet_import.import_sheet(seller, _csv(rows, HEAD), "csv", dry_run=False)
    assert not report.applied and [(r, c) for r, c, _m in report.errors] == [(2, "options")] * 2, report.lines()


def test_export_then_import_round_trips(ctx, seller):  # noqa: F811
    rows = [
        _product("SW-6"),
        _variant("SW-6", "size=S; colour=red", "SW-6-SR", stock="3"),
        _variant("SW-6", "size=L; colour=blue", "SW-6-LB", "99.00", "7"),
    ]
    assert sheet_import.import_sheet(seller, _csv(rows, HEAD), "csv", dry_run=False).ok
    db.session.commit()
    for fmt in ("csv", "xlsx"):
        data = sheet_export.export_sheet(seller.id, fmt)
        if fmt == "csv":
            exported = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
            assert exported[0]["options"] == OPTIONS
        before = (
            _snapshot(),
            sorted((v.id, v.sku, v.stock, v.price_fen) for v in db.session.scalars(select(ProductVariant))),
        )
        report = sheet_import.import_sheet(seller, data, fmt, dry_run=False)
        assert report.ok and report.updated == 0 and report.created == 0, report.lines()
        db.session.commit()
        after = (
            _snapshot(),
            sorted((v.id, v.sku, v.stock, v.price_fen) for v in db.session.scalars(select(ProductVariant))),
        )
        assert after == before
    # the exported file, edited: a new colour value and its variant
    exported[0]["options"] = OPTIONS + ", green | ru=зелёный"
    exported.append({**exported[1], "variant": "size=S; colour=green", "variant_sku": "SW-6-SG", "stock": "2"})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(exported[0]))
    writer.writeheader()
    writer.writerows(exported)
    report = sheet_import.import_sheet(seller, out.getvalue().encode(), "csv", dry_run=False)
    assert report.ok and report.applied, report.lines()
    db.session.commit()
    product = db.session.scalars(select(Product).where(Product.sku == "SW-6")).one()
    assert sorted(v.sku for v in product.variants) == ["SW-6-LB", "SW-6-SG", "SW-6-SR"]
