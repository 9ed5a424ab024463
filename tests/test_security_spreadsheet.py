"""Finding 5 — spreadsheet exports neutralise formula injection, and export → import is a lossless round
trip for every field type and every language (the neutralising quote is undone on import)."""

import csv
import io

import pytest
from openpyxl import load_workbook

from storefront.catalog import sheet_export, sheet_import
from storefront.catalog import spreadsheet as sheets
from storefront.catalog.models import PriceTier, Product, ProductTranslation
from storefront.extensions import db

PAYLOADS = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "'=already quoted",
    "''",
    "'plain quote",
    "-",
    "=1+1 镁砂 Плавленый 전융",
]


@pytest.fixture
def seller(make):
    merchant = make.merchant()
    make.category(slug="bars", cluster_slug="steel")
    make.city("dalian")
    db.session.commit()
    return merchant


def _snapshot():
    rows = [db.session.execute(db.select(m.__table__)).all() for m in (Product, ProductTranslation, PriceTier)]
    return [sorted(map(tuple, r)) for r in rows]


def _hostile_catalogue(make, seller):
    for n, payload in enumerate(PAYLOADS, start=1):
        product = make.product(
            seller,
            sku=f"X-{n}",
            customs_name=payload,
            hidden=n % 2 == 0,
            stock=n * 7,
            tiers=[(10 * n, 900 + n)],
            texts={
                "zh": {
                    "name": payload + " 中文",
                    "description": payload + "\n第二行",
                    "specs": [[payload, "97%"]],
                },
                "en": {"name": payload, "description": "High purity"},
                "ru": {"name": payload + " русский", "specs": [["MgO", payload]]},
                "ko": {"name": payload + " 한국어", "description": payload},
            },
        )
        product.model = payload[:60]
    db.session.commit()


def test_neutralize_round_trips_and_blocks_formulas():
    for value in [*PAYLOADS, "", "'", "plain", "a=b", "\t=x"]:
        safe = sheets.neutralize(value)
        assert not safe.startswith(sheets.FORMULA_STARTS)
        assert sheets.unneutralize(safe) == value


def test_csv_export_has_no_formula_cells(ctx, seller, make):
    _hostile_catalogue(make, seller)
    text = sheet_export.export_sheet(seller.id, "csv").decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(sheets.FORMULA_STARTS), cell


def test_xlsx_export_has_no_formula_cells(ctx, seller, make):
    _hostile_catalogue(make, seller)
    wb = load_workbook(io.BytesIO(sheet_export.export_sheet(seller.id, "xlsx")))
    cells = [cell for row in wb["Products"].iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(str(c.value).startswith("=HYPERLINK") for c in cells)  # the text itself is kept


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_round_trip_is_lossless(ctx, seller, make, fmt):
    _hostile_catalogue(make, seller)
    before = _snapshot()
    data = sheet_export.export_sheet(seller.id, fmt)
    report = sheet_import.import_sheet(seller, data, fmt, dry_run=False)
    db.session.commit()
    assert report.ok, report.lines()
    assert (report.created, report.updated, report.unchanged) == (0, 0, len(PAYLOADS))
    db.session.expire_all()
    assert _snapshot() == before
    # and into an empty catalogue: the same products come back
    for product in db.session.scalars(db.select(Product)):
        db.session.delete(product)
    db.session.commit()
    report = sheet_import.import_sheet(seller, data, fmt, dry_run=False)
    db.session.commit()
    assert report.ok and report.created == len(PAYLOADS), report.lines()
    texts = {(t.locale, t.name, t.description) for t in db.session.scalars(db.select(ProductTranslation))}
    assert {(r[1], r[2], r[3]) for r in before[1]} == texts
