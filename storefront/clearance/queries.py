"""Clearance reads: cases for order pages (one query), the operator's monitor, merchants' declarations."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from flask import g
from sqlalchemy import exists, func, select
from sqlalchemy.orm import selectinload

from storefront.clearance import codes, mapping, operations, summary
from storefront.clearance.mapping import to_major
from storefront.clearance.messages.common import china_time
from storefront.clearance.models import (
    CaseLine,
    ClearanceCase,
    DeclarationLine,
    DeclarationLink,
    DeclarationList,
    OutboxMessage,
    ReceiptRecord,
    SummaryDeclaration,
)
from storefront.clearance.status import (
    CASE_LABELS,
    DECLARATION_LABELS,
    KIND_LABELS,
    MESSAGE_LABELS,
    RANK,
    RECEIPT_LABELS,
    TIMELINE,
    CaseStatus,
    DeclarationStatus,
    MessageStatus,
)
from storefront.extensions import db


def cases_for(sub_order_ids: Iterable[int]) -> dict[int, ClearanceCase]:
    """The cases of some sub-orders, with their history, by sub-order id (one query plus one for events)."""
    ids = [int(i) for i in sub_order_ids]
    if not ids:
        return {}
    rows = db.session.scalars(
        select(ClearanceCase).where(ClearanceCase.sub_order_id.in_(ids)).options(selectinload(ClearanceCase.events))
    )
    return {case.sub_order_id: case for case in rows}


def case_for_template(sub_order) -> ClearanceCase | None:
    """Template helper: a sub-order's case; the first call loads the cases of the whole order at once."""
    if sub_order is None:
        return None
    cache = g.setdefault("_clearance_cases", {})
    if sub_order.id not in cache:
        siblings = [sub.id for sub in getattr(sub_order.order, "sub_orders", ())] or [sub_order.id]
        found = cases_for(siblings)
        for sub_id in {*siblings, sub_order.id}:
            cache[sub_id] = found.get(sub_id)
    return cache[sub_order.id]


def timeline(case: ClearanceCase) -> list[tuple[str, object]]:
    """(status, when) of each status the case reached, oldest first."""
    steps = []
    for event in case.events:
        if event.status != event.previous:
            steps.append((event.status, event.at))
    return steps


def upcoming(case: ClearanceCase) -> list[str]:
    """Statuses still ahead of the case on the buyer's timeline (inspection only when it happens)."""
    if case.status in (CaseStatus.REJECTED.value, CaseStatus.CANCELLED.value):
        return []
    rank = RANK[CaseStatus(case.status)]
    return [s.value for s in TIMELINE if RANK[s] > rank and s != CaseStatus.INSPECTION]


#: What templates get as ``clearance``: labels, the timeline helpers, in one place.
TEMPLATE_HELPERS = {
    "CASE_LABELS": CASE_LABELS,
    "DECLARATION_LABELS": DECLARATION_LABELS,
    "MESSAGE_LABELS": MESSAGE_LABELS,
    "RECEIPT_LABELS": RECEIPT_LABELS,
    "KIND_LABELS": KIND_LABELS,
    "REJECTED": CaseStatus.REJECTED.value,
    "timeline": timeline,
    "can_cancel": operations.can_cancel,
    "upcoming": upcoming,
    "num": lambda value: _num(value),
    "tracking_url": mapping.tracking_url,
}


# ------------------------------------------------------------------------------------------------- operator
@dataclass
class Monitor:
    """What the operator's clearance page shows."""

    counts: dict[str, int]
    due: int
    failing: list[OutboxMessage]
    dead: list[OutboxMessage]
    receipts: list[ReceiptRecord]
    quarantined: int
    cases: dict[str, int]
    summary: SummaryDue | None = None


@dataclass
class SummaryDue:
    """The summary declarations due: last month's closed lists not yet applied for, by the 15th; refusals."""

    month: str
    due: date
    waiting_lists: int
    overdue: bool
    refused: list[SummaryDeclaration]


def summary_due(now) -> SummaryDue:
    """What the operator must do about summary declarations (due by the 15th of the month after closing)."""
    month = summary.previous_month(now)
    start, end = summary.month_bounds(month)
    waiting = db.session.scalar(
        select(func.count())
        .select_from(ClearanceCase)
        .where(
            ClearanceCase.status == CaseStatus.CLOSED.value,
            ClearanceCase.closed_at >= start,
            ClearanceCase.closed_at < end,
            ~exists().where(DeclarationList.case_id == ClearanceCase.id),
        )
    )
    refused = db.session.scalars(
        select(SummaryDeclaration)
        .where(SummaryDeclaration.status == DeclarationStatus.REJECTED.value)
        .order_by(SummaryDeclaration.month, SummaryDeclaration.id)
    ).all()
    due = summary.due_date(month)
    today = china_time(now).date()
    return SummaryDue(month, due, waiting or 0, bool(waiting) and today > due, list(refused))


def monitor(now, limit: int = 20) -> Monitor:
    """Queue depth, failing and dead messages, the last receipts and cases per status."""
    counts = dict(db.session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all())
    due = db.session.scalar(
        select(func.count()).where(
            OutboxMessage.status == MessageStatus.PENDING.value, OutboxMessage.next_attempt_at <= now
        )
    )
    failing = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == MessageStatus.PENDING.value, OutboxMessage.attempts > 0)
        .order_by(OutboxMessage.next_attempt_at)
        .limit(limit)
    ).all()
    dead = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == MessageStatus.DEAD.value)
        .order_by(OutboxMessage.id)
        .limit(100)
    ).all()
    receipts = db.session.scalars(select(ReceiptRecord).order_by(ReceiptRecord.id.desc()).limit(limit)).all()
    quarantined = db.session.scalar(select(func.count()).where(ReceiptRecord.state == "quarantined"))
    cases = dict(db.session.execute(select(ClearanceCase.status, func.count()).group_by(ClearanceCase.status)).all())
    return Monitor(
        counts={status.value: counts.get(status.value, 0) for status in MessageStatus},
        due=due or 0,
        failing=list(failing),
        dead=list(dead),
        receipts=list(receipts),
        quarantined=quarantined or 0,
        cases={status.value: cases.get(status.value, 0) for status in CaseStatus},
        summary=summary_due(now),
    )


# ------------------------------------------------------------------------------------------------- merchant
def declarations_for(merchant_id: int) -> list[SummaryDeclaration]:
    """A merchant's summary declarations, newest month first."""
    return list(
        db.session.scalars(
            select(SummaryDeclaration)
            .where(SummaryDeclaration.merchant_id == merchant_id)
            .options(selectinload(SummaryDeclaration.lines))
            .order_by(SummaryDeclaration.month.desc(), SummaryDeclaration.id.desc())
        )
    )


def declaration_for(merchant_id: int, declaration_id: int) -> SummaryDeclaration | None:
    """One of the merchant's declarations (None for anybody else's)."""
    return db.session.scalar(
        select(SummaryDeclaration).where(
            SummaryDeclaration.id == declaration_id, SummaryDeclaration.merchant_id == merchant_id
        )
    )


def merchant_cases(merchant_id: int, *, status: str | None = None, limit: int = 100) -> list[ClearanceCase]:
    """A merchant's cases (rejected ones when ``status`` says so), newest first."""
    query = select(ClearanceCase).where(ClearanceCase.merchant_id == merchant_id)
    if status:
        query = query.where(ClearanceCase.status == status)
    return list(db.session.scalars(query.order_by(ClearanceCase.id.desc()).limit(limit)))


def merchant_case(merchant_id: int, case_id: int) -> ClearanceCase | None:
    """One of the merchant's cases (None for anybody else's)."""
    return db.session.scalar(
        select(ClearanceCase).where(ClearanceCase.id == case_id, ClearanceCase.merchant_id == merchant_id)
    )


def _num(value) -> str:
    """A quantity without exponent or trailing zeros."""
    return "" if value is None else format(value.normalize(), "f")


def _cell(value: object) -> str:
    """A CSV cell that spreadsheets will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _write(rows: list[list[object]]) -> str:
    """CSV text with a BOM, cells neutralised against formulas."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 Chinese names correctly


def declaration_csv(declaration: SummaryDeclaration) -> str:
    """The declaration's lines for the tax rebate: HS code, name, quantities, units, FOB value, currency."""
    rows: list[list[object]] = [
        [
            "month",
            "cop_no",
            "sum_no",
            "entry_id",
            "gseqno",
            "hs_code",
            "item_name",
            "qty",
            "unit",
            "unit_name",
            "legal_qty1",
            "legal_unit1",
            "legal_qty2",
            "legal_unit2",
            "fob_value",
            "currency",
            "destination",
            "lists",
        ]
    ]
    for line in declaration.lines:
        rows.append(
            [
                declaration.month,
                declaration.cop_no,
                declaration.sum_no or "",
                declaration.entry_id or "",
                line.gseqno,
                line.gcode,
                line.item_name,
                _num(line.qty),
                line.unit,
                codes.UNITS[line.unit].zh if line.unit in codes.UNITS else "",
                _num(line.qty1),
                line.unit1,
                _num(line.qty2),
                line.unit2 or "",
                to_major(line.value_minor, line.currency),
                line.currency,
                line.destination,
                line.list_line_count,
            ]
        )
    return _write(rows)


def declaration_lists_csv(declaration: SummaryDeclaration) -> str:
    """Every list line in the declaration (for FX reconciliation against orders and payments)."""
    rows: list[list[object]] = [
        [
            "cop_no",
            "gseqno",
            "invt_no",
            "order_no",
            "pay_no",
            "logistics_no",
            "gnum",
            "hs_code",
            "item_name",
            "qty",
            "unit",
            "value",
            "currency",
        ]
    ]
    query = (
        select(DeclarationLine.gseqno, ClearanceCase, CaseLine)
        .join(DeclarationLink, DeclarationLink.declaration_line_id == DeclarationLine.id)
        .join(CaseLine, CaseLine.id == DeclarationLink.case_line_id)
        .join(ClearanceCase, ClearanceCase.id == CaseLine.case_id)
        .where(DeclarationLine.declaration_id == declaration.id)
        .order_by(DeclarationLine.gseqno, ClearanceCase.id, CaseLine.gnum)
    )
    for gseqno, case, line in db.session.execute(query):
        rows.append(
            [
                declaration.cop_no,
                gseqno,
                case.invt_no,
                case.order_no,
                case.pay_no,
                case.logistics_no,
                line.gnum,
                line.gcode,
                line.item_name,
                _num(line.qty),
                line.unit,
                to_major(line.total_minor, case.currency),
                case.currency,
            ]
        )
    return _write(rows)
