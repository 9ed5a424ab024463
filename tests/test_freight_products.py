"""Packages on products: dimensions through the spreadsheet import and the service checks, zero refused."""

from storefront.catalog import operations as ops
from storefront.catalog import sheet_export, sheet_import
from storefront.catalog.models import Product
from storefront.extensions import db
from tests.test_spreadsheet import HEADER, _csv, _row, _snapshot, seller  # noqa: F401 (fixture)

PACKAGE_HEADER = [*HEADER, "package_mm", "units_per_package", "packages_per_unit"]


def _pkg_row(sku, mm="600x400x300", units="1", per_unit="1", **kw):
    return [*_row(sku, **kw), mm, units, per_unit]


def test_import_sets_package_dimensions_and_exports_them(ctx, seller):  # noqa: F811
    data = _csv(
        [_pkg_row("BAR-1", mm="6000 x 55 x 55"), _pkg_row("SUIT-1", mm="600×400×300", units="50")],
        header=PACKAGE_HEADER,
    )
    report = sheet_import.import_sheet(seller, data, "csv", dry_run=False)
    assert not report.errors and report.applied
    bar, suit = (db.session.scalars(db.select(Product).where(Product.sku == sku)).one() for sku in ("BAR-1", "SUIT-1"))
    assert (bar.package_length_mm, bar.package_width_mm, bar.package_height_mm) == (6000, 55, 55)
    assert suit.units_per_package == 50 and suit.packages_per_unit == 1
    row = sheet_export.product_row(bar, {})
    assert row["package_mm"] == "6000x55x55" and row["units_per_package"] == 1


def test_zero_or_malformed_dimensions_are_refused_with_a_message_and_nothing_saved(ctx, seller):  # noqa: F811
    before = _snapshot()
    data = _csv(
        [
            _pkg_row("OK-1"),
            _pkg_row("ZERO-1", mm="0x400x300"),
            _pkg_row("TWO-1", mm="600x400"),
            _pkg_row("BOTH-1", units="5", per_unit="2"),
        ],
        header=PACKAGE_HEADER,
    )
    report = sheet_import.import_sheet(seller, data, "csv", dry_run=False)
    messages = {(row, column): str(message) for row, column, message in report.errors}
    assert "each above 0" in messages[(3, "package_mm")]
    assert "length x width x height" in messages[(4, "package_mm")]
    assert "not both" in messages[(5, "units_per_package")]
    assert not report.applied and _snapshot() == before


def test_service_check_refuses_zero_dimensions():
    data = ops.ProductInput(package_mm=(600, 0, 300))
    assert "package_mm" in ops.check(data, ops.Refs(categories={}, cities=set()))
    assert "package_mm" not in ops.check(ops.ProductInput(package_mm=None), ops.Refs(categories={}, cities=set()))
