"""The import template: example rows that fit their category and import cleanly, headers in the merchant's
language with the English keys still accepted, and the help's examples are values that exist."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from storefront.catalog import sheet_export, sheet_import
from storefront.catalog import spreadsheet as sheets
from storefront.catalog.models import Product
from storefront.catalog.operations import Refs
from storefront.extensions import db
from tests.backoffice_helpers import client_as


@pytest.fixture
def seller(make):
    """A merchant on a platform whose first category (alphabetically) is agriculture/fruit-nuts."""
    merchant = make.merchant()
    make.category(slug="fruit-nuts", cluster_slug="agriculture")
    make.category(slug="womens-swimwear", cluster_slug="swimwear")
    make.category(slug="structural-alloy-steel", cluster_slug="special-steel")
    make.city("dalian")
    make.city("xingcheng")
    db.session.commit()
    return merchant


def _header(data: bytes, fmt: str) -> list[str]:
    if fmt == "csv":
        return next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    return [c.value for c in load_workbook(io.BytesIO(data))["Products"][1]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["zh", "ru", "en"])
def test_downloaded_example_imports_cleanly_with_headers_in_the_merchants_language(app, seller, fmt, lang):
    client = client_as(app, seller.owner)
    example = client.get(f"/{lang}/merchant/template.{fmt}?example=1").data
    header = _header(example, fmt)
    if lang == "zh":
        assert header[0] == "商品编码（SKU）" and header[2] == "HS编码"
    elif lang == "ru":
        assert header[1] == "Категория"
    else:
        assert header[0] == "Product code (SKU)"
    report = sheet_import.import_sheet(seller, example, fmt, dry_run=False)
    assert report.ok, report.lines()
    assert report.created == 2
    db.session.flush()
    placed = {p.sku: (p.category.cluster.slug, p.category.slug, p.origin_city_slug) for p in seller_products()}
    assert placed == {
        "EX-001": ("swimwear", "womens-swimwear", "xingcheng"),  # a swimsuit, not fruit and nuts
        "EX-002": ("special-steel", "structural-alloy-steel", "dalian"),
    }
    empty = client.get(f"/{lang}/merchant/template.{fmt}").data
    assert _header(empty, fmt) == header


def seller_products():
    return db.session.scalars(db.select(Product).order_by(Product.sku)).all()


def test_english_keys_other_languages_and_mixed_headers_are_accepted(app, seller):
    rows = sheet_export.example_rows()
    keys = list(sheets.COLUMN_KEYS)
    client = client_as(app, seller.owner)
    korean = _header(client.get("/ko/merchant/template.csv").data, "csv")
    mixed = [keys[i] if i % 2 else korean[i] for i in range(len(keys))]
    for header in (None, korean, mixed):
        data = sheets.write_csv(rows, header)
        report = sheet_import.import_sheet(seller, data, "csv", dry_run=True)
        assert report.ok and report.created == 2, report.lines()


def test_problems_name_the_column_as_the_file_does(app, seller):
    client = client_as(app, seller.owner)
    rows = [dict(sheet_export.example_rows()[0], hs_code="12")]
    header = _header(client.get("/zh/merchant/template.csv").data, "csv")
    data = sheets.write_csv(rows, [*header[:-1], "颜色"])
    report = sheet_import.import_sheet(seller, data, "csv", dry_run=True)
    shown = {(row, column) for row, column, _m in report.shown_errors}
    assert (1, "颜色") in shown
    page = client.post(
        "/zh/merchant/import",
        data={"file": (io.BytesIO(sheets.write_csv(rows, header)), "p.csv")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "<code>HS编码</code>" in page


def test_exported_catalogue_in_chinese_imports_back_unchanged(app, seller, make):
    make.product(seller, sku="R-1")
    db.session.commit()
    client = client_as(app, seller.owner)
    data = client.get("/zh/merchant/export.xlsx").data
    assert _header(data, "xlsx")[0] == "商品编码（SKU）"
    report = sheet_import.import_sheet(seller, data, "xlsx", dry_run=True)
    assert report.ok and report.unchanged == 1, report.lines()


def test_the_helps_examples_exist_in_the_demo_catalogue(demo_app):
    with demo_app.app_context():
        refs = Refs.load()
        paths = set(sheet_import.category_paths(refs))
        examples = re.findall(r"e\.g\. ([a-z-]+/[a-z-]+)", str(sheets.BY_KEY["category"].help))
        assert examples and set(examples) <= paths
        cities = re.findall(r"[a-z]+", str(sheets.BY_KEY["origin_city"].help).split("e.g.")[1])
        assert set(cities) <= refs.cities
        for cluster, category, city in sheet_export.EXAMPLE_PLACES:
            assert f"{cluster}/{category}" in paths and city in refs.cities
