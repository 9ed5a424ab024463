"""Orders at volume: mark many orders shipped from a file of tracking numbers, and export the order list.

The file (CSV or XLSX) has a header row with the columns ``order`` (the sub-order number, e.g.
KJ-2612-AB3CD-1), ``carrier`` and ``tracking_no`` — in English or Chinese (订单号, 承运商, 运单号); other columns
are ignored. Every row is checked first and every problem reported by row and column: an unknown order (or
another merchant's), an order that is not paid or already shipped, the same order or tracking number twice,
an empty cell. Nothing is applied unless every row is valid — or the merchant explicitly applies the valid
rows only. Operations flush; the request commits."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import select

from storefront.catalog.units import to_decimal
from storefront.core import labels
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ordering.models import SubOrder
from storefront.ordering.operations import ship_order
from storefront.ordering.shipping import country_name
from storefront.ordering.states import OrderStatus

#: Column key → the headers accepted for it (compared in lower case).
COLUMNS = {
    "order": ("order", "order_no", "order number", "sub_order", "订单号", "订单编号"),
    "carrier": ("carrier", "承运商", "快递公司", "物流公司"),
    "tracking_no": ("tracking_no", "tracking", "tracking number", "运单号", "快递单号", "物流单号"),
}
MAX_ROWS = 5000
_BY_HEADER = {h: key for key, names in COLUMNS.items() for h in names}


@dataclass
class ShipRow:
    """One checked row: where it is in the file, the order it ships, carrier and tracking number."""

    row: int
    sub_order: SubOrder
    carrier: str
    tracking_no: str


@dataclass
class ShipReport:
    """The outcome of checking (and maybe applying) a tracking file."""

    valid: list[ShipRow] = field(default_factory=list)
    #: (row, column, message); row 0 is about the whole file.
    errors: list[tuple[int, str, object]] = field(default_factory=list)
    rows: int = 0
    shipped: int = 0

    @property
    def bad_rows(self) -> list[int]:
        """Row numbers with at least one problem."""
        return sorted({r for r, _c, _m in self.errors if r})


def _cells(data: bytes, fmt: str) -> list[list[str]] | None:
    if fmt == "xlsx":
        try:
            ws = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError):
            return None
        return [["" if v is None else str(v).strip() for v in row] for row in ws.iter_rows(values_only=True)]
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    first = text.split("\n", 1)[0]
    delimiter = "," if "," in first else "\t" if "\t" in first else ";" if ";" in first else ","
    try:
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error:
        return None


def check(merchant_id: int, data: bytes, fmt: str) -> ShipReport:
    """Read and check a tracking file for a merchant; nothing is changed."""
    report = ShipReport()
    cells = _cells(data, fmt)
    if cells is None:
        report.errors.append((0, "", _l("The file cannot be read: save it as CSV (UTF-8) or XLSX.")))
        return report
    cells = [row for row in cells if any(row)]
    if not cells:
        report.errors.append((0, "", _l("The file is empty.")))
        return report
    header = [_BY_HEADER.get(h.strip().lower(), "") for h in cells[0]]
    missing = [key for key in COLUMNS if key not in header]
    for key in missing:
        report.errors.append((1, key, _l("The column “%(name)s” is missing.", name=key)))
    if missing:
        return report
    if len(cells) - 1 > MAX_ROWS:
        report.errors.append((0, "", _l("The file has more than %(n)s rows; split it.", n=MAX_ROWS)))
        return report
    index = {key: header.index(key) for key in COLUMNS}
    numbers = [row[index["order"]] if index["order"] < len(row) else "" for row in cells[1:]]
    found = {
        s.number: s
        for s in db.session.scalars(
            select(SubOrder).where(SubOrder.merchant_id == merchant_id, SubOrder.number.in_(set(numbers)))
        )
    }
    seen_orders: dict[str, int] = {}
    seen_tracking: dict[str, int] = {}
    for number, row in enumerate(cells[1:], start=2):
        report.rows += 1
        values = {key: (row[i] if i < len(row) else "") for key, i in index.items()}
        problems: list[tuple[str, object]] = []
        for key in COLUMNS:
            if not values[key]:
                problems.append((key, _l("This cell is empty.")))
        if len(values["carrier"]) > 80 or len(values["tracking_no"]) > 40:
            problems.append(("tracking_no", _l("Carrier at most 80, tracking number at most 40 characters.")))
        sub = found.get(values["order"])
        if values["order"] and sub is None:
            problems.append(("order", _l("No order %(number)s in your shop.", number=values["order"])))
        elif sub is not None and sub.status != OrderStatus.PAID.value:
            status = labels.label(sub.status, "order_status")
            problems.append(("order", _l("Order %(number)s is %(status)s: only paid orders can be shipped.",
                                         number=sub.number, status=status)))  # fmt: skip
        if values["order"] in seen_orders:
            problems.append(("order", _l("The same order is on row %(row)s.", row=seen_orders[values["order"]])))
        if values["tracking_no"] in seen_tracking:
            problems.append(("tracking_no", _l("The same tracking number is on row %(row)s.",
                                               row=seen_tracking[values["tracking_no"]])))  # fmt: skip
        seen_orders.setdefault(values["order"], number)
        seen_tracking.setdefault(values["tracking_no"], number)
        if problems:
            report.errors += [(number, key, message) for key, message in problems]
        else:
            report.valid.append(ShipRow(number, sub, values["carrier"], values["tracking_no"]))
    if not report.rows:
        report.errors.append((0, "", _l("The file has no order rows.")))
    return report


def apply(report: ShipReport, actor: str, *, valid_only: bool = False) -> ShipReport:
    """Ship the checked rows: all of them when the file is clean; with problems, only when ``valid_only``."""
    if report.errors and not valid_only:
        return report
    for row in report.valid:
        report.shipped += ship_order(row.sub_order, row.carrier, row.tracking_no, actor=actor)
    db.session.flush()
    return report


# export -------------------------------------------------------------------------------------------


def export_rows(subs, lang: str) -> tuple[list[str], list[list[object]]]:
    """Header and rows of the order list as people read it (labels, formatted amounts)."""
    header = [str(h) for h in (
        _l("Order"), _l("Placed"), _l("Status"), _l("Country"), _l("Buyer"), _l("Items"), _l("Goods total"),
        _l("Carrier"), _l("Tracking number"), "order", "status",
    )]  # fmt: skip
    rows = []
    for sub in subs:
        order = sub.order
        rows.append([
            sub.number, order.created_at.strftime("%Y-%m-%d %H:%M"), labels.label(sub.status, "order_status"),
            str(country_name(order.country, lang)), order.contact_name,
            sum(to_decimal(line.qty, line.unit) for line in sub.lines), Money(sub.goods_minor, order.currency).format(),
            sub.carrier or "", sub.tracking_no or "", sub.number, sub.status,
        ])  # fmt: skip
    return header, rows


def write(header: list[str], rows: list[list[object]], fmt: str) -> bytes:
    """CSV (UTF-8 with BOM, for Excel) or XLSX bytes."""
    if fmt == "xlsx":
        workbook = Workbook()
        ws = workbook.active
        ws.title = "Orders"
        ws.append(header)
        for row in rows:
            ws.append([str(c) if isinstance(c, str) else c for c in row])
            for cell in ws[ws.max_row]:
                if cell.data_type == "f":
                    cell.data_type = "s"
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["'" + c if isinstance(c, str) and c[:1] in ("=", "+", "-", "@") else c for c in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
