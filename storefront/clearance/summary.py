"""Summary declarations (汇总申报): merge a month's closed lists into CEB701 applications, apply CEB702/792.

Only lists customs has closed (899 结关) are declared, by the Beijing month of their closing date, and only
for a month that has ended (never the current or a future month); the application is due by the 15th of the
following month (``due_date``). A CEB702 refusal is never re-declared automatically: the declaration waits
for an operator (``resend`` or ``release_lists``).

Lists merged into one application share the shipper (ebc), producer/seller (owner), transport mode, country of
arrival, exit port and customs office (GACC announcement 2018 No. 194); their lines are merged by 10-digit HS
code, destination country and currency - and, with ``itemNameFlag`` 1, by the list's item name - plus
the units (quantities in different units cannot be added). An application has at most ``MAX_LINES`` lines
(a customs declaration holds 50 goods lines). Link rows record which list line went into which declaration
line (and each list's declaration, once: its primary key), so a second run finds nothing left to declare.
Operations flush; the caller commits.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import delete, exists, func, select, text

from storefront.clearance import errors, mapping, outbox
from storefront.clearance.messages import SummaryApplyData, build_ceb701, new_guid
from storefront.clearance.messages.common import CHINA_TZ, Meta, china_time
from storefront.clearance.messages.data import Company
from storefront.clearance.messages.receipts import Receipt, SummaryResult
from storefront.clearance.models import (
    CaseLine,
    ClearanceCase,
    DeclarationLine,
    DeclarationLink,
    DeclarationList,
    OutboxMessage,
    SummaryDeclaration,
    to_utc,
    utcnow,
)
from storefront.clearance.status import CaseStatus, DeclarationStatus, is_refusal
from storefront.extensions import db

log = logging.getLogger(__name__)
MAX_LINES = 50
ITEM_NAME_FLAG = "1"
_MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_GROUP = (
    "merchant_id",
    "ebc_code",
    "ebc_name",
    "owner_code",
    "traf_mode",
    "destination",
    "port_code",
    "customs_code",
)


@dataclass
class SummaryStats:
    """What one summarize run declared."""

    month: str
    applications: int = 0
    lines: int = 0
    lists: int = 0
    list_lines: int = 0
    declarations: list[int] = field(default_factory=list)


def previous_month(now: datetime) -> str:
    """The Beijing month before ``now``'s, as YYYY-MM (the month summarised now)."""
    local = china_time(now)
    year, month = (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)
    return f"{year:04d}-{month:02d}"


def due_date(month: str) -> date:
    """The last day to apply for a month's lists: the 15th of the following month (GACC 2018 No. 194)."""
    month_bounds(month)
    year, mon = int(month[:4]), int(month[5:])
    return date(year + mon // 12, mon % 12 + 1, 15)


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """UTC start and end of a Beijing-time month "YYYY-MM"."""
    found = _MONTH_RE.match(month or "")
    if not found:
        raise ValueError(f"month must be YYYY-MM: {month!r}")
    year, mon = int(found[1]), int(found[2])
    start = datetime(year, mon, 1, tzinfo=CHINA_TZ)
    end = datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=CHINA_TZ)
    return to_utc(start), to_utc(end)


# A declaration line being merged: [gseqno, case, line, qty, qty1, qty2, value, count, member line ids].
GSEQNO, CASE, LINE, QTY, QTY1, QTY2, VALUE, COUNT, MEMBERS = range(9)
# A list line as read: (id, gcode, item_name, unit, qty, unit1, qty1, unit2, qty2, total_minor).
L_ID, L_GCODE, L_NAME, L_UNIT, L_QTY, L_UNIT1, L_QTY1, L_UNIT2, L_QTY2, L_TOTAL = range(10)


def _cop_no(month: str, merchant_id: int, number: int) -> str:
    """Enterprise number of an application: KJS + yyyymm + merchant (5) + sequence in the month (4)."""
    return f"KJS{month.replace('-', '')}{merchant_id:05d}{number:04d}"


def _insert_links(table, rows: list[tuple[int, int]]) -> None:
    """Insert (key, declaration) link rows with one driver-level executemany, in key order."""
    if not rows:
        return
    connection = db.session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    first, second = (column.name for column in table.columns)
    sql = f"INSERT INTO {table.name} ({first}, {second}) VALUES ({mark}, {mark})"  # noqa: S608 - no user input
    connection.exec_driver_sql(sql, sorted(rows))


def _applications(members: list, lines_by_case: dict[int, list]) -> list[list]:
    """Split a group's lists so no application has more than MAX_LINES merged lines (lists are not split)."""
    apps: list[list] = []
    keys: set = set()
    for case in members:
        new = {key for key, _line in lines_by_case[case.id] if key not in keys}
        if apps and len(keys) + len(new) <= MAX_LINES:
            apps[-1].append(case)
            keys |= new
        else:
            apps.append([case])
            keys = {key for key, _line in lines_by_case[case.id]}
    return apps


def _candidates(month: str):
    """The month's closed (899), not yet summarised lists and their lines (with merge keys), in list order."""
    start, end = month_bounds(month)
    c = ClearanceCase.__table__.c
    where = (
        c.status == CaseStatus.CLOSED.value,
        ~exists().where(DeclarationList.case_id == c.id),
        c.invt_no.is_not(None),
        c.closed_at >= start,
        c.closed_at < end,
    )
    query = select(c.id, c.invt_no, c.currency, *(c[name] for name in _GROUP)).where(*where).order_by(c.id)
    if db.session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    cases = db.session.execute(query).all()
    if not cases:
        return cases, {}
    # Raw rows, quantities as text (exact on SQLite's floats too, and no per-value result processing, which
    # dominates at 10^5 lists); a range scan of the (case_id, gnum) index gives lines in list order, and other
    # months' lists in the range are skipped below.
    rows = db.session.execute(
        text(
            "SELECT case_id, id, gcode, item_name, unit, CAST(qty AS TEXT), unit1, CAST(qty1 AS TEXT), unit2,"
            " CAST(qty2 AS TEXT), total_minor FROM clearance_case_lines"
            " WHERE case_id BETWEEN :low AND :high ORDER BY case_id, gnum"
        ),
        {"low": cases[0].id, "high": cases[-1].id},
    ).all()
    taken = {case.id: (case.destination, case.currency) for case in cases}
    by_name = ITEM_NAME_FLAG == "1"
    lines_by_case: dict[int, list] = defaultdict(list)
    for case_id, lid, gcode, name, unit, qty, unit1, qty1, unit2, qty2, total in rows:
        where = taken.get(case_id)
        if where is not None:  # the merge key: HS code, destination, currency, (item name), units
            key = (gcode, where[0], where[1], name if by_name else "", unit, unit1, unit2)
            line = (
                lid,
                gcode,
                name,
                unit,
                Decimal(qty),
                unit1,
                Decimal(qty1),
                unit2,
                None if qty2 is None else Decimal(qty2),
                total,
            )
            lines_by_case[case_id].append((key, line))
    return cases, lines_by_case


def summarize(month: str, *, now: datetime | None = None) -> SummaryStats:
    """Declare the month's closed, not yet summarised lists as CEB701 applications (flush only).

    Raises ``ValueError`` for the current or a future month: a month is declared once it has ended.
    """
    now = now or utcnow()
    month_bounds(month)
    if month > previous_month(now):
        raise ValueError(f"{month} has not ended yet: only a past month can be summarised")
    stats = SummaryStats(month)
    cases, lines_by_case = _candidates(month)
    if not cases:
        return stats
    groups: dict[tuple, list] = defaultdict(list)
    for case in cases:
        groups[tuple(case[3:])].append(case)  # the _GROUP columns
    numbers = dict(
        db.session.execute(
            select(SummaryDeclaration.merchant_id, func.count())
            .where(SummaryDeclaration.month == month)
            .group_by(SummaryDeclaration.merchant_id)
        ).all()
    )
    built: list[tuple[SummaryDeclaration, list, list[list]]] = []
    for group, members in groups.items():
        values = dict(zip(_GROUP, group, strict=True))
        for app_cases in _applications(members, lines_by_case):
            numbers[values["merchant_id"]] = numbers.get(values["merchant_id"], 0) + 1
            accs = _merge(app_cases, lines_by_case)
            declaration = SummaryDeclaration(
                month=month,
                cop_no=_cop_no(month, values["merchant_id"], numbers[values["merchant_id"]]),
                list_count=len(app_cases),
                status=DeclarationStatus.APPLIED.value,
                created_at=to_utc(now),
                **values,
            )
            for acc in accs:
                case, line = acc[CASE], acc[LINE]
                declaration.lines.append(
                    DeclarationLine(
                        gseqno=acc[GSEQNO],
                        gcode=line[L_GCODE],
                        item_name=line[L_NAME],
                        destination=case.destination,
                        currency=case.currency,
                        unit=line[L_UNIT],
                        qty=acc[QTY],
                        unit1=line[L_UNIT1],
                        qty1=acc[QTY1],
                        unit2=line[L_UNIT2],
                        qty2=acc[QTY2],
                        value_minor=acc[VALUE],
                        list_line_count=acc[COUNT],
                    )
                )
            db.session.add(declaration)
            built.append((declaration, app_cases, accs))
    db.session.flush()
    line_links: list[tuple[int, int]] = []
    case_links: list[tuple[int, int]] = []
    for declaration, app_cases, accs in built:
        for decl_line, acc in zip(declaration.lines, accs, strict=True):
            line_links += [(member, decl_line.id) for member in acc[MEMBERS]]
        case_links += [(case.id, declaration.id) for case in app_cases]
        _enqueue(declaration, [case.invt_no for case in app_cases], now)
        stats.applications += 1
        stats.lines += len(accs)
        stats.lists += len(app_cases)
        stats.list_lines += sum(acc[COUNT] for acc in accs)
        stats.declarations.append(declaration.id)
    _insert_links(DeclarationLink.__table__, line_links)
    _insert_links(DeclarationList.__table__, case_links)
    return stats


def _merge(app_cases: list, lines_by_case: dict[int, list]) -> list[list]:
    """Merge the lines of an application's lists into declaration lines (numbered in order of appearance)."""
    accs: dict[tuple, list] = {}
    for case in app_cases:
        for key, line in lines_by_case[case.id]:
            acc = accs.get(key)
            if acc is None:
                acc = accs[key] = [len(accs) + 1, case, line, Decimal(0), Decimal(0), None, 0, 0, []]
            acc[QTY] += line[L_QTY]
            acc[QTY1] += line[L_QTY1]
            if line[L_QTY2] is not None:
                acc[QTY2] = (acc[QTY2] or Decimal(0)) + line[L_QTY2]
            acc[VALUE] += line[L_TOTAL]
            acc[COUNT] += 1
            acc[MEMBERS].append(line[L_ID])
    return list(accs.values())


def _enqueue(declaration: SummaryDeclaration, invt_nos: list[str], now: datetime, *, revision: int = 1) -> None:
    """Write the CEB701 application of a declaration to the outbox."""
    plat = mapping.platform()
    data = SummaryApplyData(
        customs_code=declaration.customs_code,
        cop_no=declaration.cop_no,
        agent=plat.agent,
        ebc=Company(declaration.ebc_code, declaration.ebc_name or declaration.ebc_code),
        decl_agent=plat.agent,
        invt_nos=tuple(invt_nos),
        summary_flag="2",
        item_name_flag=ITEM_NAME_FLAG,
    )
    guid = new_guid()
    xml = build_ceb701(data, Meta(guid, plat.transfer, app_time=now))
    mapping.check(xml)
    outbox.enqueue(
        "CEB701",
        guid=guid,
        business_key=f"CEB701:{declaration.id}:{revision}",
        payload=xml,
        ref=declaration.cop_no,
        now=now,
        declaration_id=declaration.id,
    )


def resend(declaration: SummaryDeclaration, *, now: datetime | None = None) -> None:
    """An operator sends a refused application again (after fixing the cause): a new CEB701, appType 1."""
    if declaration.status != DeclarationStatus.REJECTED.value:
        raise ValueError("only a refused application can be sent again")
    now = now or utcnow()
    sent = db.session.scalar(
        select(func.count()).select_from(OutboxMessage).where(OutboxMessage.declaration_id == declaration.id)
    )
    invt_nos = list(
        db.session.scalars(
            select(ClearanceCase.invt_no)
            .join(DeclarationList, DeclarationList.case_id == ClearanceCase.id)
            .where(DeclarationList.declaration_id == declaration.id)
            .order_by(ClearanceCase.id)
        )
    )
    declaration.status, declaration.return_info = DeclarationStatus.APPLIED.value, ""
    _enqueue(declaration, invt_nos, now, revision=(sent or 0) + 1)


def release_lists(declaration: SummaryDeclaration) -> None:
    """An operator gives up a refused application: its lists are declared by the next run of their month."""
    if declaration.status != DeclarationStatus.REJECTED.value:
        raise ValueError("only a refused application can release its lists")
    _release_lists(declaration)
    declaration.status = DeclarationStatus.WITHDRAWN.value


def _release_lists(declaration: SummaryDeclaration) -> None:
    """Free an application's lists so the next run declares them again."""
    line_ids = select(DeclarationLine.id).where(DeclarationLine.declaration_id == declaration.id)
    db.session.execute(delete(DeclarationLink).where(DeclarationLink.declaration_line_id.in_(line_ids)))
    db.session.execute(delete(DeclarationList).where(DeclarationList.declaration_id == declaration.id))


def apply_return(message: OutboxMessage, receipt: Receipt) -> None:
    """Apply a CEB702 to its declaration: numbers, accepted, or refused (its lists become free again)."""
    message.receipt_status, message.answered_at = receipt.return_status, to_utc(receipt.return_time)
    if message.declaration_id is None:
        return
    declaration = db.session.get(SummaryDeclaration, message.declaration_id)
    if declaration is None:
        return
    declaration.pre_no = receipt.keys.get("preNo") or declaration.pre_no
    declaration.sum_no = receipt.keys.get("sumNo") or declaration.sum_no
    declaration.return_info = receipt.return_info[:2000]
    if is_refusal(receipt.return_status):
        if declaration.status != DeclarationStatus.COMPLETED.value:
            # never declared again automatically: it waits in the operator's queue (resend / release_lists)
            declaration.status = DeclarationStatus.REJECTED.value
            declaration.return_info = errors.explain(receipt.return_status, receipt.return_info)[:2000]
    elif receipt.return_status >= 120 and declaration.status == DeclarationStatus.APPLIED.value:
        declaration.status = DeclarationStatus.ACCEPTED.value


def declaration_for_result(result: SummaryResult) -> SummaryDeclaration | None:
    """The declaration a CEB792 belongs to: by sumNo, else by the lists it names."""
    found = db.session.scalar(select(SummaryDeclaration).where(SummaryDeclaration.sum_no == result.sum_no))
    if found is not None or not result.items:
        return found
    decl_id = db.session.scalar(
        select(DeclarationList.declaration_id)
        .join(ClearanceCase, ClearanceCase.id == DeclarationList.case_id)
        .where(ClearanceCase.invt_no == result.items[0].invt_no)
        .order_by(DeclarationList.declaration_id.desc())
        .limit(1)
    )
    return db.session.get(SummaryDeclaration, decl_id) if decl_id else None


def apply_result(declaration: SummaryDeclaration, result: SummaryResult) -> None:
    """Store the summary result: customs declaration number, and check customs merged the lines as we did."""
    declaration.sum_no = result.sum_no
    declaration.entry_id = result.entry_id or declaration.entry_id
    declaration.result_at = to_utc(result.op_date)
    declaration.status = DeclarationStatus.COMPLETED.value
    ours = {
        (invt_no, gnum): gseqno
        for invt_no, gnum, gseqno in db.session.execute(
            select(ClearanceCase.invt_no, CaseLine.gnum, DeclarationLine.gseqno)
            .join(CaseLine, CaseLine.case_id == ClearanceCase.id)
            .join(DeclarationLink, DeclarationLink.case_line_id == CaseLine.id)
            .join(DeclarationLine, DeclarationLine.id == DeclarationLink.declaration_line_id)
            .where(DeclarationLine.declaration_id == declaration.id)
        )
    }
    differ = [item for item in result.items if ours.get((item.invt_no, item.gnum)) not in (None, item.gseqno)]
    if differ:
        log.warning("customs merged %d lines of %s differently", len(differ), declaration.cop_no)
        declaration.return_info = f"customs line mapping differs for {len(differ)} list lines"
