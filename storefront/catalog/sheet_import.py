"""Catalogue import by spreadsheet: every problem by row and column, then all or nothing (export:
:mod:`storefront.catalog.sheet_export`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import insert, select

from storefront.catalog import operations as ops
from storefront.catalog import reviews, sheet_options, sheet_variants
from storefront.catalog import spreadsheet as sheets
from storefront.catalog.models import PriceTier, Product, ProductTranslation, ProductVariant
from storefront.catalog.units import QuantityError, parse_quantity, scale
from storefront.core.locales import LANGS
from storefront.core.money import parse_amount
from storefront.extensions import db
from storefront.search.sync import mark_changed

_TRUE = {"yes", "y", "true", "1", "是", "隐藏"}
_FALSE = {"", "no", "n", "false", "0", "否", "显示"}
_TIER_SPLIT = re.compile(r"[;；\n]+")
_PAIR_SPLIT = re.compile(r"\s*[:：]\s*")
_ORDER = {key: i for i, key in enumerate(sheets.COLUMN_KEYS)}


@dataclass
class ImportReport:
    """What an import found and did."""

    fmt: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    #: (spreadsheet row, column, message); row 0 is about the whole file.
    errors: list[tuple[int, str, object]] = field(default_factory=list)
    #: True when the changes were written (a real import without errors).
    applied: bool = False
    #: Column key → header as the file names it (messages name columns the way the merchant sees them).
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def shown_errors(self) -> list[tuple[int, str, object]]:
        """The problems with each column named by the file's own header."""
        return [(row, self.labels.get(column, column), message) for row, column, message in self.errors]

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.errors

    @property
    def bad_rows(self) -> list[int]:
        """Row numbers with at least one problem."""
        return sorted({row for row, _col, _msg in self.errors if row})

    def lines(self) -> list[str]:
        """Every problem as one line of text (for the command line)."""
        out = []
        for row, column, message in self.errors:
            where = str(_l("row %(row)s", row=row)) if row else str(_l("file"))
            out.append(f"{where}, {column}: {message}" if column else f"{where}: {message}")
        return out


def fen_text(fen: int) -> str:
    """Fen as a yuan amount with two decimals ('12850' → '128.50')."""
    return f"{Decimal(fen).scaleb(-2):.2f}"


def _int(text: str) -> int | None:
    cleaned = text.strip()
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if not cleaned.isdigit() or len(cleaned) > 12:
        raise ValueError(text)
    return int(cleaned)


def _qty(text: str, unit: str) -> int:
    """A quantity cell in the unit of sale → stored steps (0.5 t → 500); whole numbers for piece units."""
    return _int(text) if scale(unit) == 1 else parse_quantity(text, unit)


def _specs(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if not line.strip():
            continue
        line = line.strip()
        # the export writes "name: value": split there first, so a name holding a colon ("http://…",
        # "A1:A2") comes back unchanged; hand-typed "name:value" or "名称：值" still works
        name, sep, value = line.partition(": ")
        parts = [name.rstrip(), value.lstrip()] if sep else _PAIR_SPLIT.split(line, maxsplit=1)
        rows.append([parts[0], parts[1] if len(parts) > 1 else ""])
    return rows


def _tiers(text: str, unit: str) -> list[tuple[int, int]]:
    tiers = []
    for chunk in _TIER_SPLIT.split(text.strip()):
        if not chunk.strip():
            continue
        qty, _sep, price = chunk.partition(":") if ":" in chunk else chunk.partition("：")
        fen = parse_amount(price, "CNY")
        if fen is None:
            raise ValueError(chunk)
        tiers.append((_qty(qty, unit), fen))
    return tiers


class _Row:
    """Parses one row on top of a product's current values (or the defaults for a new product)."""

    def __init__(
        self,
        number: int,
        values: dict[str, str],
        existing: Product | None,
        paths: dict[str, int],
        numeric: set[tuple[int, str]],
    ):
        self.number, self.values, self.existing = number, values, existing
        self.paths, self.numeric = paths, numeric
        self.errors: dict[str, object] = {}
        self.data = ops.ProductInput.from_product(existing) if existing else ops.ProductInput()

    def parse(self) -> ops.ProductInput:
        """Overlay the row's cells; missing columns keep the current value."""
        v, d = self.values, self.data
        if self.existing is None:
            for column in sheets.COLUMNS:
                if column.required_for_new and not v.get(column.key):
                    self.errors[column.key] = _l("Required for a new product.")
        d.sku = v.get("sku", "")
        if "category" in v:
            d.category_id = self.paths.get(v["category"].strip().lower().replace(" ", ""))
            if d.category_id is None and v["category"]:
                self.errors["category"] = _l(
                    "Unknown category “%(path)s”: write cluster/category as in the list.", path=v["category"]
                )
        if "hs_code" in v:
            d.hs_code = v["hs_code"]
            if (self.number, "hs_code") in self.numeric and len(d.hs_code) == 9:
                d.hs_code = "0" + d.hs_code  # a numeric cell lost the leading zero of chapters 01–09
        for key in ("customs_name", "customs_unit", "model"):
            if key in v:
                setattr(d, key, v[key])
        if "origin_city" in v:
            d.origin_city_slug = v["origin_city"].strip().lower()
        self._number("net_weight_g", "net_weight_g", _l("Enter a whole number of grams."))
        self._number("gross_weight_g", "gross_weight_g", _l("Enter a whole number of grams."))
        self._number("units_per_package", "units_per_package", _l("Enter a whole number."), default=1)
        self._number("packages_per_unit", "packages_per_unit", _l("Enter a whole number."), default=1)
        if "package_mm" in v:
            try:
                d.package_mm = ops.parse_dims(v["package_mm"])
            except ValueError:
                self.errors["package_mm"] = _l("Write the size as length x width x height in mm, e.g. 600x400x300.")
        if "unit" in v:
            d.unit = v["unit"].strip().lower() or "piece"
        # quantities are written in the unit of sale (0.5 for half a tonne) and stored scaled
        self._number("moq", "moq", _l("Enter a whole number."), default=1, unit=d.unit)
        self._number("stock", "stock", _l("Enter a whole number."), default=0, unit=d.unit)
        self._number("unit_size", "unit_size", _l("Enter a whole number."), default=1)
        self._number("qty_step", "qty_step", _l("Enter a whole number."), default=1, unit=d.unit)
        if "price" in v:
            try:
                d.price_fen = parse_amount(v["price"], "CNY")
            except ValueError:
                self.errors.setdefault("price", _l("Enter a price in yuan, for example 128.50."))
        if "hidden" in v:
            flag = v["hidden"].strip().lower()
            if flag in _TRUE | _FALSE:
                d.hidden = flag in _TRUE
            else:
                self.errors["hidden"] = _l("Write yes or no.")
        if "tiers" in v:
            try:
                d.tiers = _tiers(v["tiers"], d.unit)
            except ValueError:
                self.errors["tiers"] = _l(
                    "Write tiers as quantity:price pairs separated by ;, e.g. 50:118.00; 200:109.00"
                )
        self._texts()
        return d

    def _number(self, key: str, attr: str, message, default: int | None = None, unit: str | None = None) -> None:
        """A whole-number cell, or with ``unit`` a quantity in that unit of sale (default: in whole units)."""
        if key not in self.values:
            return
        text = self.values[key]
        try:
            if not text.strip():
                value = None if default is None else default * scale(unit)
            else:
                value = _int(text) if unit is None else _qty(text, unit)
            setattr(self.data, attr, value)
        except QuantityError as refused:
            self.errors.setdefault(key, refused.message)
        except ValueError:
            self.errors.setdefault(key, message)

    def _texts(self) -> None:
        for code in LANGS:
            keys = (f"name_{code}", f"description_{code}", f"specs_{code}")
            if not any(k in self.values for k in keys):
                continue
            current = self.data.texts.get(code) or ops.TextInput()
            text = ops.TextInput(
                name=self.values.get(keys[0], current.name),
                description=self.values.get(keys[1], current.description),
                specs=_specs(self.values[keys[2]]) if keys[2] in self.values else current.specs,
            )
            self.data.texts[code] = text


def category_paths(refs: ops.Refs) -> dict[str, int]:
    """'cluster/category' → category id."""
    return {f"{c.cluster.slug}/{c.slug}": c.id for c in refs.categories.values()}


def _existing(merchant_id: int) -> dict[str, Product]:
    stmt = select(Product).where(Product.merchant_id == merchant_id)
    return {p.sku: p for p in db.session.scalars(stmt)}


def validate(merchant, sheet: sheets.Sheet) -> tuple[ImportReport, list[tuple[Product | None, ops.ProductInput]]]:
    """Check every row; returns the report and, per valid row, (product to change or None for new, data)."""
    report = ImportReport(fmt="", dry_run=True, errors=list(sheet.errors), labels=dict(sheet.labels))
    refs = ops.Refs.load()
    paths = category_paths(refs)
    existing = _existing(merchant.id)
    seen: dict[str, int] = {}
    reported_rows = {number for number, _key in sheet.reported}
    plan = []
    # products whose row defines option types: their variant rows are checked with them, by the variants page's rules
    defining = {
        values.get("sku", "").strip(): (number, values.get("options", ""))
        for number, values in sheet.rows
        if not values.get("variant", "").strip()
        and sheet_options.defines_options(existing.get(values.get("sku", "").strip()), values.get("options", ""))
    }
    grouped: dict[str, list[tuple[int, dict[str, str]]]] = {sku: [] for sku in defining}
    for number, values in sheet.rows:
        report.rows += 1
        if values.get("variant", "").strip():
            if values.get("sku", "").strip() in grouped:
                grouped[values.get("sku", "").strip()].append((number, values))
                continue
            _variant_row(report, number, values, existing.get(values.get("sku", "").strip()), plan)
            continue
        sku = values.get("sku", "").strip()
        product = existing.get(sku)
        row = _Row(number, values, product, paths, sheet.numeric)
        data = row.parse().normalized()
        errors = {**ops.check(data, refs), **row.errors}
        if sku and sku in seen:
            errors["sku"] = _l("This SKU is already used on row %(row)s.", row=seen[sku])
        seen.setdefault(sku, number)
        if product is not None and product.moderation_reason and not data.hidden:
            errors["hidden"] = _l("An operator hid this product; it stays hidden until they restore it.")
        errors = {key: msg for key, msg in errors.items() if (number, key) not in sheet.reported}
        for key in sorted(errors, key=lambda k: _ORDER.get(k, 99)):
            report.errors.append((number, key, errors[key]))
        if number in reported_rows:
            continue
        if errors:
            continue
        if product is None:
            report.created += 1
        elif data == ops.ProductInput.from_product(product).normalized():
            report.unchanged += 1
            continue
        else:
            report.updated += 1
        plan.append((product, data))
    for sku, (number, cell) in defining.items():
        change, errors = sheet_options.check(existing.get(sku), merchant.id, sku, number, cell, grouped[sku])
        report.errors.extend(errors)
        if change is not None:
            plan.append((change, None))
            if sku in existing and not any(p is existing[sku] for p, _d in plan) and report.unchanged:
                report.unchanged, report.updated = report.unchanged - 1, report.updated + 1  # the row's options
    if not sheet.rows and not report.errors:
        report.errors.append((0, "", _l("The file has no product rows.")))
    return report, plan


def _variant_row(report: ImportReport, number: int, values: dict[str, str], product: Product | None, plan) -> None:
    """Check a variant row; a change joins the plan as (variant change, None)."""
    change, errors = sheet_variants.check_row(values, product)
    for key in sorted(errors, key=lambda k: _ORDER.get(k, 99)):
        report.errors.append((number, key, errors[key]))
    if change is None:
        return
    if change.changes():
        report.updated += 1
        plan.append((change, None))
    else:
        report.unchanged += 1


def import_sheet(merchant, data: bytes, fmt: str, *, dry_run: bool) -> ImportReport:
    """Import a CSV/XLSX file for a merchant: a dry run only reports; a real import writes all or none."""
    sheet = sheets.read(data, fmt)
    report, plan = validate(merchant, sheet)
    report.fmt, report.dry_run = fmt, dry_run
    if dry_run or report.errors:
        return report
    # Everything was checked above; the rows are written in the caller's one transaction (flush, no commit),
    # so an unexpected database error rolls back the whole import with the request or command.
    for product, values in plan:
        if isinstance(product, sheet_variants.VariantChange):
            product.apply()
        elif product is not None and not isinstance(product, sheet_options.OptionsChange):
            ops.apply(product, reviews.prepare_update(product, values))
    db.session.flush()
    _create_all(merchant.id, [values for product, values in plan if product is None])
    changes = [change for change, _values in plan if isinstance(change, sheet_options.OptionsChange)]
    if changes:
        products = _existing(merchant.id)
        for change in changes:
            sheet_options.apply(products[change.sku], change)
        mark_changed(db.session, [products[change.sku].id for change in changes])
    reviews.hold_first_products(merchant.id)
    report.applied = True
    return report


def _create_all(merchant_id: int, datas: list[ops.ProductInput]) -> None:
    """Insert new products with their texts and tiers in a few bulk statements (checked data only)."""
    if not datas:
        return

    rows = [
        {
            "merchant_id": merchant_id,
            "moderation_reason": "",
            "featured": False,
            "hidden": d.hidden,
            **{name: getattr(d, name) for name in ops.SCALARS},
            **ops.package_values(d),
        }
        for d in datas
    ]
    stmt = insert(Product).returning(Product.id, sort_by_parameter_order=True)
    ids = list(db.session.scalars(stmt, rows))
    db.session.execute(
        insert(ProductVariant),
        [
            {"product_id": pid, "position": 0, "options": {}, "stock": d.stock or 0}
            for pid, d in zip(ids, datas, strict=True)
        ],
    )
    texts = [
        {"product_id": pid, "locale": code, "name": t.name, "description": t.description, "specs": t.specs}
        for pid, d in zip(ids, datas, strict=True)
        for code, t in d.texts.items()
    ]
    tiers = [
        {"product_id": pid, "min_qty": qty, "price_fen": fen}
        for pid, d in zip(ids, datas, strict=True)
        for qty, fen in d.tiers
    ]
    if texts:
        db.session.execute(insert(ProductTranslation), texts)
    if tiers:
        db.session.execute(insert(PriceTier), tiers)
    mark_changed(db.session, ids)
