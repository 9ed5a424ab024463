"""Option types from a catalogue spreadsheet: a product row's ``options`` cell defines its option types and values,
and the variant rows after it (same ``sku``, a ``variant`` cell) become its variants.

The cell: option types separated by ``;``, each ``code: value, value, …``; the type and each value may carry names
per language as on the variants page (``|`` then ``lang=name``)::

    size: S, M, L; colour | ru=Цвет: red | zh=红色 | ru=красный, blue

A type or value without an English name is named by its code. The cell is turned into the variants page's own
input (:class:`storefront.catalog.variant_edit.OptionInput`, one value per line) and the whole product is checked
by :func:`storefront.catalog.variant_edit.check` — the same rules as the page — and written by its ``apply``.
A file does not remove variants: a variant it leaves out is an error (variants are removed on the variants page,
which knows the open orders that still need them). A row whose cell equals the product's options changes nothing
here (its variant rows update existing variants as before).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flask_babel import lazy_gettext as _l

from storefront.catalog import variant_edit
from storefront.catalog.models import Product
from storefront.catalog.sheet_variants import parse_options
from storefront.core.locales import LANGS

#: Variant-page field → spreadsheet column of the variant row.
_COLUMNS = {"combination": "variant", "sku": "variant_sku", "price": "variant_price", "stock": "stock"}
_BAD_CELL = _l("Write the options as code: value, value; code: value, e.g. size: S, M, L; colour: red | zh=红色, blue.")


def _names_text(code: str, names: dict) -> str:
    """ "code | ru=name | …" (an English name equal to the code is left out: reading puts it back)."""
    shown = [
        f"{lang}={names[lang]}" for lang in LANGS if names.get(lang) and not (lang == "en" and names[lang] == code)
    ]
    return " | ".join([code, *shown])


def options_cell(product: Product) -> str:
    """The product's option types as one cell (empty for a product without options)."""
    parts = []
    for option in product.options or ():
        values = ", ".join(_names_text(v["code"], v.get("names") or {}) for v in option.get("values") or ())
        parts.append(f"{_names_text(option['code'], option.get('names') or {})}: {values}")
    return "; ".join(parts)


def parse_cell(text: str) -> list[variant_edit.OptionInput] | None:
    """The cell as the variants page's option rows; None when it is not ``code: values; …``."""
    rows = []
    for part in text.replace("；", ";").replace("：", ":").split(";"):
        if not part.strip():
            continue
        head, sep, values = part.partition(":")
        if not sep or not values.strip():
            return None
        code, *name_parts = (p.strip() for p in head.split("|"))
        names = {}
        for name_part in name_parts:
            lang, eq, name = name_part.partition("=")
            if not eq or lang.strip() not in LANGS or not name.strip():
                return None
            names[lang.strip()] = name.strip()
        names.setdefault("en", code)
        lines = [v.strip() for v in values.replace("，", ",").split(",")]
        rows.append(variant_edit.OptionInput(code, names, "\n".join(line for line in lines if line)))
    return rows or None


def defines_options(product: Product | None, cell: str) -> bool:
    """True when a product row's ``options`` cell asks for option types other than the product's."""
    if not cell.strip():
        return False
    if product is None:
        return True
    rows = parse_cell(cell)
    if rows is None:
        return True
    options, errors = variant_edit.check_options(rows)
    current = parse_cell(options_cell(product)) if product.has_options else []
    # both sides read the same way: options stored by older code (or demo data) compare by what they say
    return bool(errors) or options != (variant_edit.check_options(current)[0] if current else [])


@dataclass
class OptionsChange:
    """A checked product's option types and variants, to write with :func:`variant_edit.apply`."""

    sku: str
    plan: variant_edit.Plan
    #: The product row's inputs, to plan again against the product once a new one exists.
    cell: str
    rows: list[tuple[int, dict[str, str]]]


def _inputs(product: Product, rows: list[tuple[int, dict[str, str]]], number: int, errors: list):
    """The variants page's variant rows for the file's variant rows: an existing combination keeps its variant
    (a product without options gives its one variant to the first row), the others are new."""
    _options, current = variant_edit.inputs_of(product) if product.id is not None else ([], [])
    single = current[0] if current and not product.has_options else None
    by_combination = {
        tuple(sorted((parse_options(i.combination) or {}).items())): i for i in current if i.combination.strip()
    }
    inputs: list[tuple[int, variant_edit.VariantInput]] = []
    for row_number, values in rows:
        chosen = parse_options(values.get("variant", "")) or {}
        base = by_combination.pop(tuple(sorted(chosen.items())), None)
        if base is None and single is not None:
            base, single = single, None
        item = replace(base) if base is not None else variant_edit.VariantInput(stock="0")
        item.combination = values.get("variant", "")
        if "variant_sku" in values:
            item.sku = values["variant_sku"]
        if "variant_price" in values:
            item.price = values["variant_price"]
        if values.get("stock", "").strip():
            item.stock = values["stock"]
        inputs.append((row_number, item))
    for left in by_combination.values():
        errors.append(
            (
                number,
                "options",
                _l(
                    "The variant %(combination)s is not in the file: list every variant of the product after it "
                    "(variants are removed on the variants page).",
                    combination=left.combination,
                ),
            )
        )
    return inputs


def check(
    product: Product | None, merchant_id: int, sku: str, number: int, cell: str, rows: list[tuple[int, dict]]
) -> tuple[OptionsChange | None, list[tuple[int, str, object]]]:
    """Check a product row's options and its variant rows (``product`` None: a product the file creates);
    returns the change, or the problems as (row, column, message)."""
    option_rows = parse_cell(cell)
    if option_rows is None:
        return None, [(number, "options", _BAD_CELL)]
    target = product if product is not None else Product(merchant_id=merchant_id, sku=sku)
    errors: list[tuple[int, str, object]] = []
    inputs = _inputs(target, rows, number, errors)
    try:
        plan = variant_edit.check(target, option_rows, [item for _n, item in inputs], set())
    except variant_edit.VariantEditError as exc:
        for key, message in exc.errors.items():
            kind, _sep, rest = key.partition("-")
            if kind == "variants":
                index, _sep, field = rest.partition("-")
                errors.append((inputs[int(index)][0], _COLUMNS.get(field, "variant"), message))
            else:
                errors.append((number, "options", message))
        plan = None
    if errors or plan is None:
        return None, errors
    return OptionsChange(sku, plan, cell, rows), []


def apply(product: Product, change: OptionsChange) -> None:
    """Write the option types and variants (a product created by this import is planned again first: its one
    variant becomes the first variant row's). Flush, no commit."""
    plan = change.plan
    if not plan.keep or plan.keep[0].variant is None or product.id is None:
        fresh, errors = check(product, product.merchant_id, product.sku, 0, change.cell, change.rows)
        if fresh is None:
            raise variant_edit.VariantEditError({"form": errors[0][2] if errors else "options"})
        plan = fresh.plan
    variant_edit.apply(product, plan)
