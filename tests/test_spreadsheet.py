"""Spreadsheet import/export: problems by row and column, all or nothing, round trips, XLSX traps, CLI."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from storefront.catalog import sheet_export, sheet_import
from storefront.catalog import spreadsheet as sheets
from storefront.catalog.models import PriceTier, Product, ProductTranslation
from storefront.extensions import db
from tests.backoffice_helpers import client_as

HEADER = [
    "sku",
    "category",
    "hs_code",
    "customs_name",
    "customs_unit",
    "origin_city",
    "net_weight_g",
    "gross_weight_g",
    "price",
    "moq",
    "stock",
    "tiers",
    "name_zh",
    "name_ru",
]


@pytest.fixture
def seller(make):
    """A merchant with the 'steel/bars' category and the city 'dalian'."""
    merchant = make.merchant()
    make.category(slug="bars", cluster_slug="steel")
    make.city("dalian")
    db.session.commit()
    return merchant


def _row(sku, **kw):
    values = {
        "sku": sku,
        "category": "steel/bars",
        "hs_code": "7228300000",
        "customs_name": "合金钢圆钢",
        "customs_unit": "035",
        "origin_city": "dalian",
        "net_weight_g": "1000",
        "gross_weight_g": "1050",
        "price": "12.50",
        "moq": "10",
        "stock": "100",
        "tiers": "100:11.00; 1000:10.20",
        "name_zh": f"圆钢 {sku}",
        "name_ru": f"Пруток {sku}",
    }
    values.update(kw)
    return [values[h] for h in HEADER]


def _csv(rows, header=HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _xlsx(rows, header=HEADER, title="Products", edit=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append(row)
    if edit:
        edit(ws)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _snapshot():
    products = db.session.execute(db.select(Product.__table__)).all()
    texts = db.session.execute(db.select(ProductTranslation.__table__)).all()
    tiers = db.session.execute(db.select(PriceTier.__table__)).all()
    return sorted(map(tuple, products)), sorted(map(tuple, texts)), sorted(map(tuple, tiers))


def test_mixed_file_reports_every_bad_row_and_writes_nothing(ctx, seller):
    rows = [
        _row("GOOD-1"),
        _row("BAD-HS", hs_code="12345"),
        _row("BAD-CAT", category="steel/nope"),
        _row("GOOD-1"),  # duplicate SKU
        _row("BAD-PRICE", price="twelve"),
        _row("BAD-TIER", tiers="100:13.00"),
        _row("NO-NAME", name_zh="", name_ru="Только русский"),
        _row("BAD-UNIT", customs_unit="x1", gross_weight_g="900"),
        _row("GOOD-2"),
    ]
    for dry_run in (True, False):
        report = sheet_import.import_sheet(seller, _csv(rows), "csv", dry_run=dry_run)
        assert not report.ok and not report.applied
        found = {(row, col) for row, col, _msg in report.errors}
        assert found == {
            (3, "hs_code"),
            (4, "category"),
            (5, "sku"),
            (6, "price"),
            (7, "tiers"),
            (8, "name_zh"),
            (9, "customs_unit"),
            (9, "gross_weight_g"),
        }
        assert report.bad_rows == [3, 4, 5, 6, 7, 8, 9]
        messages = dict(((r, c), str(m)) for r, c, m in report.errors)
        assert "row 2" in messages[(5, "sku")] and "steel/nope" in messages[(4, "category")]
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 0


def test_good_file_creates_then_updates(ctx, seller, make):
    data = _csv([_row("A-1"), _row("A-2", hidden="yes")], header=HEADER)
    report = sheet_import.import_sheet(seller, data, "csv", dry_run=True)
    assert report.ok and (report.created, report.updated) == (2, 0)
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 0
    report = sheet_import.import_sheet(seller, data, "csv", dry_run=False)
    db.session.commit()
    assert report.applied
    product = db.session.scalars(db.select(Product).where(Product.sku == "A-1")).one()
    assert product.price_fen == 1250 and [(t.min_qty, t.price_fen) for t in product.tiers] == [
        (100, 1100),
        (1000, 1020),
    ]
    assert product.translations["ru"].name == "Пруток A-1" and product.merchant_id == seller.id
    # a partial file (only some columns) updates just those
    partial = _csv([["A-1", "13.80", "7"]], header=["sku", "price", "stock"])
    report = sheet_import.import_sheet(seller, partial, "csv", dry_run=False)
    db.session.commit()
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    db.session.expire_all()
    product = db.session.scalars(db.select(Product).where(Product.sku == "A-1")).one()
    assert (product.price_fen, product.stock, product.translations["zh"].name) == (1380, 7, "圆钢 A-1")
    # a new SKU in a partial file lacks the required columns
    report = sheet_import.import_sheet(
        seller, _csv([["NEW-9", "1.00", "1"]], header=["sku", "price", "stock"]), "csv", dry_run=True
    )
    assert {(r, c) for r, c, _m in report.errors} >= {(2, "category"), (2, "hs_code"), (2, "origin_city")}


def _rich_catalogue(make, seller):
    make.product(
        seller,
        sku="R-1",
        tiers=[(50, 9000), (500, 8000)],
        texts={
            "zh": {
                "name": "镁砂",
                "description": "高纯\n电熔",
                "specs": [["MgO", "97%"], ["粒度", "0-1 mm"]],
            },
            "en": {"name": "Fused magnesia", "description": "High purity"},
            "ru": {"name": "Плавленый периклаз"},
            "ko": {"name": "전융 마그네시아"},
        },
    )
    make.product(seller, sku="R-2", hidden=True, hs_code="0409000000", price_fen=199)
    make.product(seller, sku="R-3", hidden=True, moderation_reason="违规宣传用语")
    db.session.commit()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(ctx, seller, make, fmt):
    _rich_catalogue(make, seller)
    before = _snapshot()
    data = sheet_export.export_sheet(seller.id, fmt)
    report = sheet_import.import_sheet(seller, data, fmt, dry_run=False)
    db.session.commit()
    assert report.ok, report.lines()
    assert (report.rows, report.created, report.updated, report.unchanged) == (3, 0, 0, 3)
    db.session.expire_all()
    assert _snapshot() == before


def test_xlsx_export_keeps_codes_as_text(ctx, seller, make):
    _rich_catalogue(make, seller)
    wb = load_workbook(io.BytesIO(sheet_export.export_sheet(seller.id, "xlsx")))
    assert wb.sheetnames == ["Products", "Instructions"]
    ws = wb["Products"]
    header = [c.value for c in ws[1]]
    assert header == list(sheets.COLUMN_KEYS)
    hs = {row[0].value: row[header.index("hs_code")].value for row in ws.iter_rows(min_row=2)}
    assert hs["R-2"] == "0409000000"


def test_numeric_hs_code_cell_gets_its_leading_zero_back(ctx, seller):
    data = _xlsx([[*_row("HONEY")[:2], 409000000, *_row("HONEY")[3:]]])
    report = sheet_import.import_sheet(seller, data, "xlsx", dry_run=False)
    assert report.ok, report.lines()
    assert db.session.scalars(db.select(Product.hs_code)).one() == "0409000000"


def test_xlsx_with_formula_merged_cells_or_wrong_sheet_is_refused_clearly(ctx, seller):
    def formula(ws):
        ws["I2"] = "=10*1.25"

    report = sheet_import.import_sheet(seller, _xlsx([_row("F-1")], edit=formula), "xlsx", dry_run=True)
    assert [(r, c) for r, c, _m in report.errors] == [(2, "I")]
    assert "Cell I2 contains a formula" in str(report.errors[0][2])

    def merged(ws):
        ws.merge_cells("M2:N2")

    report = sheet_import.import_sheet(seller, _xlsx([_row("M-1")], edit=merged), "xlsx", dry_run=False)
    assert any("Cells M2:N2 are merged" in str(m) for _r, _c, m in report.errors) and not report.applied

    report = sheet_import.import_sheet(seller, _xlsx([_row("S-1")], title="Sheet1"), "xlsx", dry_run=True)
    assert len(report.errors) == 1 and report.errors[0][0] == 0
    assert "no sheet named “Products” (it has: Sheet1)" in str(report.errors[0][2])

    report = sheet_import.import_sheet(seller, b"PK\x03\x04 broken zip", "xlsx", dry_run=True)
    assert "not a valid XLSX workbook" in str(report.errors[0][2])
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 0


def test_header_problems_and_encodings(ctx, seller):
    report = sheet_import.import_sheet(seller, _csv([_row("X")], header=[*HEADER[:-1], "colour"]), "csv", dry_run=True)
    assert (1, "colour") in {(r, c) for r, c, _m in report.errors}
    report = sheet_import.import_sheet(seller, _csv([], header=["price"]), "csv", dry_run=True)
    assert any("needs a “sku” column" in str(m) for _r, _c, m in report.errors)
    gbk = _csv([_row("GBK-1")]).decode("utf-8").encode("gb18030")
    report = sheet_import.import_sheet(seller, gbk, "csv", dry_run=False)
    assert (
        report.ok
        and db.session.scalars(db.select(ProductTranslation.name).where(ProductTranslation.locale == "zh")).one()
        == "圆钢 GBK-1"
    )


def test_five_thousand_rows_import(ctx, seller):
    """A large file imports completely (its speed is measured by bench/import_catalog.py, not here)."""
    rows = [_row(f"BULK-{n:05d}", price=f"{20 + n % 80}.{n % 100:02d}") for n in range(5000)]
    report = sheet_import.import_sheet(seller, _csv(rows), "csv", dry_run=False)
    db.session.commit()
    assert report.ok and report.created == 5000
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 5000
    assert db.session.scalar(db.select(db.func.count(PriceTier.id))) == 10000


def test_cli_import_export(app, runner, tmp_path, make):
    with app.app_context():
        merchant = make.merchant()
        make.category(slug="bars", cluster_slug="steel")
        make.city("dalian")
        db.session.commit()
        merchant_id, slug = merchant.id, merchant.slug
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv([_row("OK-1"), _row("BAD-1", hs_code="1"), _row("BAD-2", moq="zero")]))
    result = runner.invoke(args=["catalog", "import", str(bad), "--merchant", str(merchant_id)])
    assert result.exit_code != 0
    assert "row 3, hs_code" in result.output and "row 4, moq" in result.output and "bad rows: 3, 4" in result.output
    good = tmp_path / "good.csv"
    good.write_bytes(_csv([_row("OK-1"), _row("OK-2")]))
    result = runner.invoke(args=["catalog", "import", str(good), "--merchant", slug, "--dry-run"])
    assert result.exit_code == 0 and "would create 2" in result.output
    result = runner.invoke(args=["catalog", "import", str(good), "--merchant", slug])
    assert result.exit_code == 0 and "created 2" in result.output
    out = tmp_path / "export.xlsx"
    result = runner.invoke(args=["catalog", "export", str(out), "--merchant", str(merchant_id)])
    assert result.exit_code == 0 and "2 products" in result.output
    result = runner.invoke(args=["catalog", "import", str(out), "--merchant", str(merchant_id)])
    assert result.exit_code == 0 and "unchanged 2" in result.output
    assert runner.invoke(args=["catalog", "export", str(tmp_path / "x.txt"), "--merchant", slug]).exit_code != 0
    assert runner.invoke(args=["catalog", "import", str(good), "--merchant", "nobody"]).exit_code != 0


def test_web_import_check_then_confirm(app, seller, make):
    client = client_as(app, seller.owner)
    bad = client.post(
        "/en/merchant/import",
        data={"file": (io.BytesIO(_csv([_row("W-1", price="-3")])), "p.csv")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "nothing was imported" in bad and "<code>price</code>" in bad
    assert "<code>steel/bars</code>" in bad and "<code>dalian</code>" in bad  # the values the columns accept
    assert client.post("/en/merchant/import/confirm").status_code == 302
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 0
    page = client.post(
        "/en/merchant/import",
        data={"file": (io.BytesIO(_csv([_row("W-1"), _row("W-2")])), "p.csv")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "2 products will be created" in page and "Import now" in page
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 0
    # another merchant cannot confirm this merchant's checked file
    other = make.merchant()
    db.session.commit()
    assert client_as(app, other.owner).post("/en/merchant/import/confirm").status_code == 302
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 0
    assert client.post("/en/merchant/import/confirm").status_code == 302
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 2
    wrong = client.post(
        "/en/merchant/import", data={"file": (io.BytesIO(b"x"), "p.txt")}, content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert "Choose an .xlsx or .csv file" in wrong


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_and_example_downloads(app, seller, fmt):
    client = client_as(app, seller.owner)
    template = client.get(f"/en/merchant/template.{fmt}")
    assert template.status_code == 200 and "attachment" in template.headers["Content-Disposition"]
    example = client.get(f"/en/merchant/template.{fmt}?example=1").data
    report = sheet_import.import_sheet(seller, example, fmt, dry_run=True)
    assert report.ok, report.lines()
    assert report.created == 2
    export = client.get(f"/en/merchant/export.{fmt}")
    assert export.status_code == 200 and export.headers["Cache-Control"] == "private, no-store"


def test_decimal_quantities_of_a_tonne_product_round_trip(ctx, seller):
    """Quantities are written in the unit of sale (0.5 t) and stored scaled (500); export writes them back."""
    header = [*HEADER, "unit", "qty_step"]
    rows = [_row("MG-1", moq="0,5", stock="12.5", tiers="2.5:4000; 10:3900") + ["tonne", "0.5"]]
    rows[0][HEADER.index("price")] = "4500"
    report = sheet_import.import_sheet(seller, _csv(rows, header=header), "csv", dry_run=False)
    assert report.ok, report.errors
    db.session.commit()
    product = db.session.scalars(db.select(Product).where(Product.sku == "MG-1")).one()
    assert (product.moq, product.qty_step, product.stock) == (500, 500, 12_500)
    assert [(t.min_qty, t.price_fen) for t in product.tiers] == [(2500, 400_000), (10_000, 390_000)]
    exported = sheet_export.product_row(product, {})
    assert (str(exported["moq"]), str(exported["stock"]), str(exported["qty_step"])) == ("0.5", "12.5", "0.5")
    assert exported["tiers"] == "2.5:4000.00; 10:3900.00"
    bad = [_row("PC-1", moq="1.5")]
    report = sheet_import.import_sheet(seller, _csv(bad), "csv", dry_run=True)
    assert {(col) for _r, col, _m in report.errors} == {"moq"}
