"""`flask catalog import|export`: the back office's spreadsheet import and export from the command line."""

from __future__ import annotations

import time
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from storefront.accounts.models import Merchant
from storefront.catalog.sheet_export import export_rows
from storefront.catalog.sheet_import import import_sheet
from storefront.catalog.spreadsheet import format_of, instructions, write_csv, write_xlsx
from storefront.extensions import db


def _merchant(ref: str) -> Merchant:
    """A merchant by id or slug."""
    stmt = (
        select(Merchant).where(Merchant.id == int(ref))
        if ref.isdigit()
        else select(Merchant).where(Merchant.slug == ref)
    )
    merchant = db.session.scalars(stmt).first()
    if merchant is None:
        raise click.BadParameter(f"no merchant with id or slug {ref!r}", param_hint="--merchant")
    return merchant


def _format(path: str) -> str:

    fmt = format_of(path)
    if fmt is None:
        raise click.BadParameter("the file name must end in .csv or .xlsx", param_hint="FILE")
    return fmt


@click.group("catalog")
def catalog_group():
    """Catalogue spreadsheets (CSV or XLSX, format from the file extension)."""


@catalog_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--merchant", "merchant_ref", required=True, help="Merchant id or slug.")
@click.option("--dry-run", is_flag=True, help="Only check the file and report; write nothing.")
@with_appcontext
def catalog_import(file: str, merchant_ref: str, dry_run: bool):
    """Import products for a merchant: every row or none. Exits 1 and lists the bad rows on problems."""

    fmt = _format(file)
    merchant = _merchant(merchant_ref)
    started = time.perf_counter()
    report = import_sheet(merchant, Path(file).read_bytes(), fmt, dry_run=dry_run)
    if not report.ok:
        db.session.rollback()
        for line in report.lines():
            click.echo(line, err=True)
        rows = ", ".join(str(r) for r in report.bad_rows) or "-"
        raise click.ClickException(f"{len(report.errors)} problem(s), nothing imported; bad rows: {rows}")
    if not dry_run:
        db.session.commit()
    verb = "would create" if dry_run else "created"
    click.echo(
        f"{report.rows} rows: {verb} {report.created}, updated {report.updated}, unchanged "
        f"{report.unchanged} ({time.perf_counter() - started:.1f} s)"
        + (" — dry run, nothing written" if dry_run else "")
    )


@catalog_group.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
@click.option("--merchant", "merchant_ref", required=True, help="Merchant id or slug.")
@with_appcontext
def catalog_export(file: str, merchant_ref: str):
    """Write a merchant's whole catalogue to a CSV or XLSX file."""

    fmt = _format(file)
    merchant = _merchant(merchant_ref)
    rows = export_rows(merchant.id)
    data = write_xlsx(rows, instructions()) if fmt == "xlsx" else write_csv(rows)
    Path(file).write_bytes(data)
    click.echo(f"{len(rows)} products written to {file}")
