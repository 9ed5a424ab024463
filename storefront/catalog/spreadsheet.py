"""Catalogue spreadsheets: reading CSV/XLSX files safely and writing them back out (the columns: ``sheet_columns``).

Row semantics (validation and the import itself) live in ``storefront.catalog.sheet_import``.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from storefront.catalog.sheet_columns import (
    BY_KEY,
    CODE_COLUMNS,
    COLUMN_KEYS,
    COLUMNS,
    PRODUCTS,
    SHEET_NAME,
    Layout,
    header_aliases,
    normal_header,
)

#: Largest number of product rows one file may hold.
MAX_ROWS = 20_000
FORMATS = ("csv", "xlsx")


@dataclass
class Sheet:
    """The cells of a products sheet as text, with file-level problems.

    ``rows`` holds (spreadsheet row number, {column key: text}) for every non-empty data row.
    ``errors`` holds (row, column, message); row 0 means the whole file.
    """

    header: list[str] = field(default_factory=list)
    #: Column key → the header as the file writes it (to name columns in messages the way the merchant sees them).
    labels: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    errors: list[tuple[int, str, object]] = field(default_factory=list)
    #: Column keys whose cells came from numeric XLSX cells, by (row, key) (to restore HS code zeros).
    numeric: set[tuple[int, str]] = field(default_factory=set)
    #: (row, key) of cells already reported (formulas): no second message for them.
    reported: set[tuple[int, str]] = field(default_factory=set)


def format_of(filename: str) -> str | None:
    """'csv' or 'xlsx' from a file name's extension, else None."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return ext if ext in FORMATS else None


def cell_text(value) -> str:
    """The text of a cell value (numbers without a spurious '.0', dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value).strip()


#: First characters that make a spreadsheet program read a cell as a formula (CSV/XLSX injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def neutralize(text: str) -> str:
    """A CSV cell that no spreadsheet program runs as a formula: ``'`` before a formula character (and before
    a ``'`` that precedes one, so that :func:`unneutralize` gives back exactly the original)."""
    if text.startswith(FORMULA_STARTS) or (text[:1] == _QUOTE and text[1:2] in (*FORMULA_STARTS, _QUOTE)):
        return _QUOTE + text
    return text


def unneutralize(text: str) -> str:
    """The value :func:`neutralize` protected (a cell typed by hand without the quote is left as it is)."""
    if text[:1] == _QUOTE and text[1:2] and text[1:2] in (*FORMULA_STARTS, _QUOTE):
        return text[1:]
    return text


def _check_header(sheet: Sheet, raw_header: list[str], layout: Layout) -> None:
    raw = [h.strip() for h in raw_header]
    while raw and not raw[-1]:
        raw.pop()
    aliases = header_aliases() if layout is PRODUCTS else {}
    header = [aliases.get(normal_header(h), normal_header(h)) for h in raw]
    sheet.header = header
    sheet.labels = {key: text for key, text in zip(header, raw, strict=True) if key in BY_KEY}
    seen: set[str] = set()
    for index, key in enumerate(header, start=1):
        letter = get_column_letter(index)
        if not key:
            sheet.errors.append((1, letter, _l("A column has no header. Remove it or name it.")))
        elif key not in layout.keys:
            sheet.errors.append(
                (
                    1,
                    raw[index - 1],
                    _l("Unknown column “%(name)s”. Use the columns of the template.", name=raw[index - 1]),
                )
            )
        elif key in seen:
            sheet.errors.append((1, key, _l("The column “%(name)s” appears twice.", name=key)))
        seen.add(key)
    if layout.required not in seen:
        if layout.required == "sku":
            sheet.errors.append((1, "sku", _l("The sheet needs a “sku” column.")))
        else:
            sheet.errors.append((1, layout.required, _l("The sheet needs a “%(name)s” column.", name=layout.required)))


def _add_rows(sheet: Sheet, rows, layout: Layout) -> None:
    for number, cells in rows:
        values = {}
        for index, key in enumerate(sheet.header):
            if index < len(cells) and key in layout.keys:
                values[key] = cells[index]
        extra = [c for c in cells[len(sheet.header) :] if c]
        if extra:
            sheet.errors.append(
                (
                    number,
                    get_column_letter(len(sheet.header) + 1),
                    _l("This row has values beyond the last named column."),
                )
            )
        if any(values.values()):
            sheet.rows.append((number, values))
        if len(sheet.rows) > MAX_ROWS:
            sheet.errors.append((0, "", _l("The file has more than %(n)s rows; split it.", n=MAX_ROWS)))
            return


def read_csv(data: bytes, layout: Layout | None = None) -> Sheet:
    """Read a CSV (UTF-8, with or without BOM, or GB18030 as saved by Chinese Excel)."""
    layout = layout or PRODUCTS
    sheet = Sheet()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        sheet.errors.append((0, "", _l("The file is not UTF-8 or GB18030 text.")))
        return sheet
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first_line:
        delimiter = "\t" if "\t" in first_line else ";" if ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        raw = [[unneutralize(cell.strip()) for cell in row] for row in reader]
    except csv.Error as exc:
        sheet.errors.append((reader.line_num, "", _l("The CSV file is malformed: %(error)s", error=str(exc))))
        return sheet
    if not raw:
        sheet.errors.append((0, "", _l("The file is empty.")))
        return sheet
    _check_header(sheet, raw[0], layout)
    _add_rows(sheet, enumerate(raw[1:], start=2), layout)
    return sheet


def read_xlsx(data: bytes, layout: Layout | None = None) -> Sheet:
    """Read the layout's sheet ('Products') of an XLSX workbook; formulas and merged cells are refused."""
    layout = layout or PRODUCTS
    sheet = Sheet()
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        sheet.errors.append((0, "", _l("This is not a valid XLSX workbook. Save it from Excel or WPS as .xlsx.")))
        return sheet
    ws = _layout_sheet(sheet, workbook, layout)
    if ws is None:
        return sheet
    _report_merged(sheet, ws)
    rows, numeric, formulas = _cell_texts(sheet, ws)
    if not rows:
        sheet.errors.append((0, "", _l("The sheet “%(name)s” is empty.", name=ws.title)))
        return sheet
    _check_header(sheet, rows[0][1], layout)
    _add_rows(sheet, rows[1:], layout)
    sheet.numeric.update(_keyed(sheet.header, numeric))
    sheet.reported.update(_keyed(sheet.header, formulas))
    return sheet


def _layout_sheet(sheet: Sheet, workbook: Workbook, layout: Layout) -> Worksheet | None:
    """The worksheet the layout names (the active one when it names none); None, with an error, if it is missing."""
    if layout.sheet_name is not None and layout.sheet_name not in workbook.sheetnames:
        sheet.errors.append(
            (
                0,
                "",
                _l(
                    "The workbook has no sheet named “%(name)s” (it has: %(names)s). "
                    "Rename the sheet with your products.",
                    name=layout.sheet_name,
                    names=", ".join(workbook.sheetnames),
                ),
            )
        )
        return None
    return workbook[layout.sheet_name] if layout.sheet_name is not None else workbook.active


def _report_merged(sheet: Sheet, ws: Worksheet) -> None:
    """An error for every range of merged cells, top to bottom, left to right."""
    for merged in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        sheet.errors.append(
            (
                merged.min_row,
                get_column_letter(merged.min_col),
                _l("Cells %(range)s are merged. Unmerge them and fill every cell.", range=merged.coord),
            )
        )


def _cell_texts(
    sheet: Sheet, ws: Worksheet
) -> tuple[list[tuple[int, list[str]]], list[tuple[int, int]], list[tuple[int, int]]]:
    """(row number, cell texts) of every row, with the (row, column index) of numeric and formula cells;
    a formula is reported and read as an empty cell."""
    rows = []
    numeric: list[tuple[int, int]] = []
    formulas: list[tuple[int, int]] = []
    for row in ws.iter_rows():
        texts = []
        for cell in row:
            if cell.data_type == "f":
                sheet.errors.append(
                    (
                        cell.row,
                        get_column_letter(cell.column),
                        _l(
                            "Cell %(cell)s contains a formula. Paste the values instead.",
                            cell=cell.coordinate,
                        ),
                    )
                )
                formulas.append((cell.row, cell.column - 1))
                texts.append("")
                continue
            if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                numeric.append((cell.row, cell.column - 1))
            texts.append(cell_text(cell.value))
        rows.append((row[0].row if row else 0, texts))
    return rows, numeric, formulas


def _keyed(header: list[str], cells: list[tuple[int, int]]) -> set[tuple[int, str]]:
    """(row, column index) pairs as (row, column key), leaving out cells beyond the header."""
    return {(number, header[index]) for number, index in cells if index < len(header)}


def read(data: bytes, fmt: str, layout: Layout | None = None) -> Sheet:
    """Read a CSV or XLSX file into a Sheet (the products layout unless another is given)."""
    return read_xlsx(data, layout) if fmt == "xlsx" else read_csv(data, layout)


def write_csv(rows: list[dict[str, object]], header: list[str] | None = None) -> bytes:
    """A UTF-8 CSV (with BOM, so Excel shows Chinese correctly) with the template's columns; ``header`` names
    them (default: the English keys; :func:`headers` for the reader's language)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header or COLUMN_KEYS)
    for row in rows:
        writer.writerow([neutralize(cell_text(row.get(key))) for key in COLUMN_KEYS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(
    rows: list[dict[str, object]],
    instructions: list[tuple[str, str]] | None = None,
    header: list[str] | None = None,
) -> bytes:
    """An XLSX workbook with a 'Products' sheet (and an optional 'Instructions' sheet); ``header`` names the
    columns (default: the English keys)."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_NAME
    ws.append(list(header or COLUMN_KEYS))
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="EEF2F6")
    for row in rows:
        ws.append([row.get(key) if not BY_KEY[key].text else cell_text(row.get(key)) for key in COLUMN_KEYS])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # openpyxl takes any text starting with "=" for a formula: keep it text
                cell.data_type = "s"
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, key in enumerate(COLUMN_KEYS, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = 14 if not BY_KEY[key].text else 22
        if key in CODE_COLUMNS or key.startswith(("description_", "specs_")):
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                if key in CODE_COLUMNS:
                    cell.number_format = "@"  # codes stay text when edited in Excel (no lost leading zeros)
                else:
                    cell.alignment = wrap
    ws.freeze_panes = "B2"
    if instructions:
        help_ws = workbook.create_sheet("Instructions")
        help_ws.append(["column", "key", "meaning"])
        for cell in help_ws[1]:
            cell.font = bold
        for key, text in instructions:
            help_ws.append([BY_KEY[key].header if key in BY_KEY else key, key, text])
        help_ws.column_dimensions["A"].width = 22
        help_ws.column_dimensions["B"].width = 18
        help_ws.column_dimensions["C"].width = 100
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def instructions() -> list[tuple[str, str]]:
    """(column, help) for every column, in the current language, marking those new products need."""
    required = str(_l("required for new products"))
    return [(c.key, f"{c.help} ({required})" if c.required_for_new else str(c.help)) for c in COLUMNS]
