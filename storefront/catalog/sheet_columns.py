"""The products sheet's columns: their keys, headers in every UI language, kinds, and the layouts a file may have.

Reading and writing files lives in :mod:`storefront.catalog.spreadsheet`; row semantics in ``sheet_import``.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from storefront.core.locales import LANGS

#: Name the products sheet must have in an XLSX workbook.
SHEET_NAME = "Products"


@dataclass(frozen=True)
class Column:
    """One spreadsheet column: its key (the English header, always accepted), whether new products need it,
    its help text, and its header in the reader's language (``label``)."""

    key: str
    required_for_new: bool
    help: object
    text: bool = True
    label: object = None

    @property
    def header(self) -> str:
        """The header in the current language (the key when there is no label)."""
        return str(self.label) if self.label is not None else self.key


@dataclass(frozen=True)
class Layout:
    """What a sheet must look like: its column keys, the one column it cannot lack, and (XLSX) the sheet to
    read (None: the workbook's active sheet). Products use :data:`PRODUCTS`; other imports (freight rate cards)
    pass their own, so every spreadsheet upload is read with the same safety checks."""

    keys: frozenset[str]
    required: str
    sheet_name: str | None


def _lang_columns() -> list[Column]:
    cols = []
    for code in LANGS:
        cols += [
            Column(
                f"name_{code}",
                False,
                _l("Product name in this language (%(code)s).", code=code),
                label=_l("Name (%(code)s)", code=code),
            ),
            Column(
                f"description_{code}",
                False,
                _l("Description in this language; line breaks are kept."),
                label=_l("Description (%(code)s)", code=code),
            ),
            Column(
                f"specs_{code}",
                False,
                _l("Specifications, one “label: value” per line."),
                label=_l("Specifications (%(code)s)", code=code),
            ),
        ]
    return cols


COLUMNS: list[Column] = [
    Column(
        "sku",
        True,
        _l(
            "Your product code, unique in your catalogue (1–20 letters, digits, . _ -). "
            "A row with a known SKU updates that product; a new SKU creates one."
        ),
        label=_l("Product code (SKU)"),
    ),
    Column(
        "category",
        True,
        _l("cluster/category, e.g. swimwear/womens-swimwear (see the list of categories)."),
        label=_l("Category"),
    ),
    Column("hs_code", True, _l("10-digit Chinese tariff code, e.g. 6112410000."), label=_l("HS code")),
    Column("customs_name", True, _l("Name declared to customs, in Chinese."), label=_l("Customs name")),
    Column(
        "customs_unit",
        True,
        _l("Customs unit code: 011 pieces, 035 kilograms, 025 pairs, …"),
        label=_l("Customs unit"),
    ),
    Column("model", False, _l("Model / specification as declared (规格型号)."), label=_l("Model")),
    Column("origin_city", True, _l("Origin city, e.g. dalian, xingcheng, dandong."), label=_l("Origin city")),
    Column("net_weight_g", True, _l("Net weight per unit in grams."), text=False, label=_l("Net weight (g)")),
    Column(
        "gross_weight_g",
        True,
        _l("Gross weight per unit in grams (not less than net)."),
        text=False,
        label=_l("Gross weight (g)"),
    ),
    Column(
        "price",
        True,
        _l("Base unit price in yuan (CNY), e.g. 128.50."),
        text=False,
        label=_l("Price (CNY)"),
    ),
    Column("moq", False, _l("Minimum order quantity (default 1)."), text=False, label=_l("Minimum order")),
    Column("stock", False, _l("Units in stock (default 0)."), text=False, label=_l("Stock")),
    Column(
        "hidden",
        False,
        _l("yes to hide the product from buyers, no (or empty) to show it."),
        label=_l("Hidden"),
    ),
    Column(
        "package_mm",
        False,
        _l("Package size in mm as length x width x height, e.g. 600x400x300 (empty: none)."),
        label=_l("Package size (mm)"),
    ),
    Column(
        "units_per_package",
        False,
        _l("Units packed in one package (default 1)."),
        text=False,
        label=_l("Units per package"),
    ),
    Column(
        "packages_per_unit",
        False,
        _l("Packages one unit travels in (default 1)."),
        text=False,
        label=_l("Packages per unit"),
    ),
    Column(
        "tiers",
        False,
        _l("Wholesale prices as quantity:price pairs separated by ;, e.g. 50:118.00; 200:109.00"),
        label=_l("Wholesale prices"),
    ),
    Column("unit", False, _l("Unit of sale: piece, pair, set, kg, tonne, metre, carton, pallet (default piece).")),
    Column("unit_size", False, _l("Pieces per carton, for the carton unit (default 1)."), text=False),
    Column("qty_step", False, _l("Buyers order multiples of this quantity (default 1)."), text=False),
    Column(
        "variant",
        False,
        _l(
            "Only on a variant row: the combination, e.g. size=M; colour=blue. A variant row repeats its "
            "product's SKU and sets the variant's stock, variant_sku and variant_price."
        ),
    ),
    Column("variant_sku", False, _l("The variant's own SKU (variant rows only).")),
    Column("variant_price", False, _l("The variant's own price in yuan; empty = the product's (variant rows only).")),
    Column(
        "options",
        False,
        _l(
            "Only on a product row: its option types and values, e.g. size: S, M, L; colour: red | zh=红色 | "
            "ru=красный, blue. The variant rows after it (same SKU) then create or update its variants; every "
            "variant of the product must be listed."
        ),
    ),
    *_lang_columns(),
]
COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)
#: Columns holding codes that a spreadsheet must not turn into numbers.
CODE_COLUMNS = frozenset({"sku", "hs_code", "customs_unit", "variant_sku", "variant"})
BY_KEY = {c.key: c for c in COLUMNS}
#: The products sheet: the template's columns, "sku" in every file, the sheet named "Products".
PRODUCTS = Layout(frozenset(BY_KEY), "sku", SHEET_NAME)
#: Languages whose column headers a file may use (besides the English keys).
HEADER_LANGS = LANGS


def headers() -> list[str]:
    """The column headers in the current language (what the template and the export write)."""
    return [c.header for c in COLUMNS]


def normal_header(text: str) -> str:
    """A header as compared: trimmed, lower case, single spaces, ASCII parentheses."""
    text = text.replace("（", "(").replace("）", ")").replace("\u00a0", " ")
    return " ".join(text.strip().lower().split())


_ALIASES: dict[str, str] = {}


def header_aliases() -> dict[str, str]:
    """Every accepted header → column key: the keys themselves and the headers in every UI language."""
    if not _ALIASES:
        aliases = {c.key: c.key for c in COLUMNS}
        for lang in HEADER_LANGS:
            with force_locale(lang):
                aliases.update({normal_header(c.header): c.key for c in COLUMNS})
        _ALIASES.update(aliases)
    return _ALIASES
