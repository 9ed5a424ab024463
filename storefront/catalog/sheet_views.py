"""Catalogue spreadsheets in the back office: check a file (dry run), import it, export, template, example."""

from __future__ import annotations

import re
import secrets
from datetime import date
from pathlib import Path

from flask import Response, abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from storefront.accounts.backoffice import bp, merchant_required
from storefront.catalog import sheet_columns, sheet_export, sheet_import
from storefront.catalog import spreadsheet as sheets
from storefront.catalog.merchant_forms import ImportForm
from storefront.catalog.operations import UNITS, Refs
from storefront.catalog.taxonomy import City
from storefront.core.uploads import UploadRejected, clean_filename, read_limited
from storefront.extensions import db

_SESSION_KEY = "catalog_import"
_TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")
MIMETYPES = {
    "csv": "text/csv",  # werkzeug adds "; charset=utf-8" to text/* itself
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _stash_dir() -> Path:
    path = Path(current_app.config["DATA_DIR"]) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _stash(data: bytes, fmt: str, name: str) -> None:
    """Keep a checked file until the merchant confirms the import (referenced from their session only)."""
    _drop_stash()
    token = secrets.token_hex(16)
    (_stash_dir() / f"{token}.{fmt}").write_bytes(data)
    session[_SESSION_KEY] = {"token": token, "fmt": fmt, "merchant": g.merchant.id, "name": name}


def _stashed() -> tuple[dict, bytes] | None:
    info = session.get(_SESSION_KEY)
    if not info or info.get("merchant") != g.merchant.id or not _TOKEN_RE.match(str(info.get("token", ""))):
        return None
    if info.get("fmt") not in sheets.FORMATS:
        return None
    path = _stash_dir() / f"{info['token']}.{info['fmt']}"
    return (info, path.read_bytes()) if path.is_file() else None


def _drop_stash() -> None:
    info = session.pop(_SESSION_KEY, None)
    if info and _TOKEN_RE.match(str(info.get("token", ""))) and info.get("fmt") in sheets.FORMATS:
        (_stash_dir() / f"{info['token']}.{info['fmt']}").unlink(missing_ok=True)


def _reference_values() -> dict:
    """The category paths, city slugs and unit codes a spreadsheet may use, named in the page's language."""
    refs = Refs.load()
    names = {c.id: f"{c.cluster.name(g.lang)} › {c.name(g.lang)}" for c in refs.categories.values()}
    cities = {c.slug: str(c.name(g.lang)) for c in db.session.scalars(select(City))}
    return {
        "category_paths": sorted((path, names[cid]) for path, cid in sheet_import.category_paths(refs).items()),
        "city_slugs": sorted(cities.items()),
        "units": [(code, f"{u.zh} / {u.en}") for code, u in UNITS.items()],
    }


def _render(form: ImportForm, report=None, filename: str = ""):
    return render_template(
        "merchant/import.html",
        form=form,
        report=report,
        filename=filename,
        reference=_reference_values(),
        columns=sheets.COLUMNS,
        sheet_name=sheets.SHEET_NAME,
        limit_mb=current_app.config["SHEET_MAX_BYTES"] // (1024 * 1024),
    )


@bp.route("/import", methods=["GET", "POST"])
@merchant_required
def catalog_import():
    """Upload a spreadsheet: every problem is listed by row and column; nothing is written yet."""
    form = ImportForm()
    if not form.validate_on_submit():
        return _render(form)
    storage = form.file.data
    name = clean_filename(getattr(storage, "filename", ""))
    fmt = sheets.format_of(name) if getattr(storage, "filename", "") else None
    if fmt is None:
        form.file.errors = [_("Choose an .xlsx or .csv file.")]
        return _render(form)
    try:
        data = read_limited(storage.stream, current_app.config["SHEET_MAX_BYTES"])
    except UploadRejected as exc:
        form.file.errors = [str(exc.message)]
        return _render(form)
    report = sheet_import.import_sheet(g.merchant, data, fmt, dry_run=True)
    if report.ok:
        _stash(data, fmt, name)
    return _render(form, report, name)


@bp.post("/import/confirm")
@merchant_required
def catalog_import_confirm():
    """Import the checked file: every row or none."""
    stashed = _stashed()
    if stashed is None:
        flash(_("Upload the file again: the checked copy is no longer available."), "error")
        return redirect(url_for("merchant.catalog_import"))
    info, data = stashed
    report = sheet_import.import_sheet(g.merchant, data, info["fmt"], dry_run=False)
    if not report.applied:
        db.session.rollback()
        return _render(ImportForm(), report, info["name"])
    db.session.commit()
    _drop_stash()
    flash(
        _(
            "Import finished: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.",
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
        ),
        "success",
    )
    return redirect(url_for("merchant.products"))


def _download(data: bytes, fmt: str, name: str) -> Response:
    response = Response(data, mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/export.<fmt>")
@merchant_required
def catalog_export(fmt: str):
    """The merchant's whole catalogue as CSV or XLSX (importing it back changes nothing)."""
    if fmt not in sheets.FORMATS:
        abort(404)
    data = sheet_export.export_sheet(g.merchant.id, fmt, sheet_columns.headers())
    return _download(data, fmt, f"kuajing-{g.merchant.slug}-{date.today():%Y%m%d}")


@bp.get("/template.<fmt>")
@merchant_required
def catalog_template(fmt: str):
    """The empty template, or with ?example=1 a filled-in example; headers in the page's language."""
    if fmt not in sheets.FORMATS:
        abort(404)
    example = request.args.get("example") == "1"
    rows = sheet_export.example_rows() if example else []
    data = sheet_export.write_sheet(rows, fmt, sheet_columns.headers())
    return _download(data, fmt, "kuajing-products-example" if example else "kuajing-products-template")
