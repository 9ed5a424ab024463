"""Summary declarations: merging rules, exact sums, idempotent reruns, CEB701/702/792 round trip, CLI."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from storefront.clearance import summary, xsd
from storefront.clearance.messages.common import china_time
from storefront.clearance.models import (
    CaseLine,
    ClearanceCase,
    DeclarationLine,
    DeclarationLink,
    SummaryDeclaration,
    to_utc,
)
from storefront.clearance.status import DeclarationStatus
from storefront.extensions import db
from tests.clearance.helpers import Clock, case_of, drain, messages, paid_order, ship, simulator_worker
from tests.fixtures import restore_database, snapshot_database


@pytest.fixture(scope="module")
def _released_once(tmp_path_factory) -> dict:
    """The first test's released lists, kept for the module's other tests (SQLite: a copy of the database)."""
    return {"path": tmp_path_factory.mktemp("summary") / "released.sqlite3"}


@pytest.fixture
def released(app, ctx, make, _released_once):
    """Six released lists: two merchants, destinations RU and KR, currencies USD, EUR and KRW.

    Built once per module (eight orders through the customs simulator cost ≈ 2 CPU-s) and copied back into the
    emptied database for each later test; on PostgreSQL every test builds them."""
    saved = _released_once
    if "case_ids" in saved:
        restore_database(app, saved["path"])
        clock = Clock()
        clock.offset = saved["offset"]
        return [db.session.get(ClearanceCase, case_id) for case_id in saved["case_ids"]], clock
    a, b = make.merchant(), make.merchant()
    a1 = make.product(a, stock=50, net_weight_g=1250, gross_weight_g=1400)  # 035 kg: 1.25 kg per unit
    a2 = make.product(a, stock=50, customs_unit="011", hs_code="6112410000", customs_name="女式泳衣")
    b1 = make.product(b, stock=50)
    plan = [
        ([(a1, 2), (a2, 1)], "USD", "RU"),
        ([(a1, 1)], "USD", "RU"),
        ([(a1, 3)], "EUR", "RU"),
        ([(a2, 2)], "USD", "KR"),
        ([(b1, 1)], "USD", "RU"),
        ([(b1, 2)], "KRW", "KR"),
        ([(b1, 1)], "USD", "RU"),  # released, but in another month
        ([(a1, 1)], "USD", "RU"),  # paid, never shipped
    ]
    orders = [paid_order(make, items, currency=cur, country=country) for items, cur, country in plan]
    for order in orders[:-1]:
        ship(order.sub_orders[0])
    clock = Clock()
    drain(simulator_worker(app, clock))
    cases = [case_of(order.sub_orders[0]) for order in orders]
    assert [c.status for c in cases] == ["closed"] * 7 + ["declared"]
    last_month_start = summary.month_bounds(summary.previous_month(clock()))[0]
    for case in cases[:6]:  # closed (899) last month: the month that is summarised now
        case.closed_at = last_month_start + timedelta(days=10)
    cases[6].closed_at = last_month_start - timedelta(days=10)  # closed in another month
    db.session.commit()
    if snapshot_database(app, saved["path"]):
        saved.update(case_ids=[case.id for case in cases], offset=clock.offset)
    return cases, clock


def _utc_month(case: ClearanceCase) -> str:
    """The Beijing month a case was closed in."""
    return china_time(to_utc(case.closed_at)).strftime("%Y-%m")


def test_month_bounds_are_beijing_months():
    start, end = summary.month_bounds("2026-12")
    assert (start.isoformat(), end.isoformat()) == ("2026-11-30T16:00:00+00:00", "2026-12-31T16:00:00+00:00")
    for bad in ("2026-13", "26-01", "2026/01", ""):
        with pytest.raises(ValueError):
            summary.month_bounds(bad)


def test_summarize_merges_lists_into_applications_and_lines(app, released):
    cases, clock = released
    month = _utc_month(cases[0])
    stats = summary.summarize(month, now=clock())
    db.session.commit()
    assert (stats.applications, stats.lines, stats.lists, stats.list_lines) == (4, 6, 6, 7)
    declarations = db.session.scalars(select(SummaryDeclaration).order_by(SummaryDeclaration.id)).all()
    shape = sorted((d.merchant_id, d.destination, d.list_count, len(d.lines)) for d in declarations)
    a, b = cases[0].merchant_id, cases[4].merchant_id
    assert shape == sorted([(a, "RU", 3, 3), (a, "KR", 1, 1), (b, "RU", 1, 1), (b, "KR", 1, 1)])
    a_ru = next(d for d in declarations if (d.merchant_id, d.destination) == (a, "RU"))
    merged = {(line.gcode, line.currency): line for line in a_ru.lines}
    assert set(merged) == {("7228300000", "USD"), ("6112410000", "USD"), ("7228300000", "EUR")}
    steel_usd = merged[("7228300000", "USD")]
    assert (steel_usd.qty, steel_usd.qty1, steel_usd.unit, steel_usd.list_line_count) == (
        Decimal("3.75"),
        Decimal("3.75"),
        "035",
        2,
    )
    # every declaration line adds up exactly to the list lines recorded against it
    linked = defaultdict(list)
    for link, line in db.session.execute(
        select(DeclarationLink, CaseLine).join(CaseLine, CaseLine.id == DeclarationLink.case_line_id)
    ):
        linked[link.declaration_line_id].append(line)
    for line in db.session.scalars(select(DeclarationLine)):
        members = linked[line.id]
        assert len(members) == line.list_line_count
        assert sum(m.qty for m in members) == line.qty
        assert sum(m.total_minor for m in members) == line.value_minor
    assert sum(len(v) for v in linked.values()) == 7
    db.session.expire_all()
    assert cases[0].declaration is not None
    assert cases[6].declaration is None and cases[7].declaration is None
    # running it again declares nothing twice
    again = summary.summarize(month, now=clock())
    assert (again.applications, again.lists) == (0, 0)
    assert len(messages(kind="CEB701")) == 4


def test_summary_round_trip_with_customs(app, released, xsd_ready):
    cases, clock = released
    summary.summarize(_utc_month(cases[0]), now=clock())
    db.session.commit()
    for message in messages(kind="CEB701"):
        assert xsd.validate(message.payload) == []
    drain(simulator_worker(app, clock))
    db.session.expire_all()
    declarations = db.session.scalars(select(SummaryDeclaration)).all()
    assert {d.status for d in declarations} == {DeclarationStatus.COMPLETED}
    assert all(d.entry_id and len(d.entry_id) == 18 and d.sum_no for d in declarations)
    assert not any("differs" in d.return_info for d in declarations)  # customs merged the lines as we did


def test_refused_application_waits_for_a_person(app, released):
    """A CEB702 refusal is not declared again by the next run; an operator sends it again or releases it."""
    from storefront.clearance import queries
    from storefront.clearance.messages.receipts import Receipt

    cases, clock = released
    month = _utc_month(cases[0])
    summary.summarize(month, now=clock())
    message = messages(kind="CEB701")[0]
    refusal = Receipt("CEB702", "G", {"copNo": message.ref}, 100, clock(), "申报单位无权限")
    summary.apply_return(message, refusal)
    declaration = db.session.get(SummaryDeclaration, message.declaration_id)
    assert declaration.status == DeclarationStatus.REJECTED
    assert summary.summarize(month, now=clock()).lists == 0  # never again automatically
    assert [d.id for d in queries.summary_due(clock()).refused] == [declaration.id]
    summary.resend(declaration, now=clock())
    db.session.commit()
    again = messages(kind="CEB701", declaration_id=declaration.id)
    assert [m.business_key for m in again] == [f"CEB701:{declaration.id}:1", f"CEB701:{declaration.id}:2"]
    assert declaration.status == DeclarationStatus.APPLIED and queries.summary_due(clock()).refused == []
    still = Receipt("CEB702", "H", {"copNo": message.ref}, 100, clock(), "仍然无权限")
    summary.apply_return(again[-1], still)
    summary.release_lists(declaration)
    assert declaration.status == DeclarationStatus.WITHDRAWN
    assert summary.summarize(month, now=clock()).lists == declaration.list_count


def test_only_closed_lists_of_an_ended_month(app, released):
    """Released-but-not-closed lists wait; the current and future months are refused; due on the 15th."""
    from datetime import date

    from storefront.clearance import queries

    cases, clock = released
    month = _utc_month(cases[0])
    cases[1].status = "released"  # customs has not closed it yet
    db.session.commit()
    current = china_time(clock()).strftime("%Y-%m")
    for bad in (current, "2999-01"):
        with pytest.raises(ValueError, match="has not ended"):
            summary.summarize(bad, now=clock())
    due = queries.summary_due(clock())
    assert (due.month, due.waiting_lists) == (month, 5)
    assert due.due == date(int(current[:4]), int(current[5:]), 15)
    assert summary.summarize(month, now=clock()).lists == 5
    assert queries.summary_due(clock()).waiting_lists == 0
    assert summary.due_date("2026-12") == date(2027, 1, 15)


def test_applications_are_split_at_the_line_limit(app, released, monkeypatch):
    cases, clock = released
    monkeypatch.setattr(summary, "MAX_LINES", 2)
    stats = summary.summarize(_utc_month(cases[0]), now=clock())
    assert (stats.applications, stats.lines, stats.lists) == (5, 6, 6)  # merchant A's Russian lists: 2 + 1
    monkeypatch.setattr(summary, "MAX_LINES", 1)
    db.session.rollback()
    stats = summary.summarize(_utc_month(cases[0]), now=clock())
    assert (stats.applications, stats.lines) == (6, 7)  # a list is never split, even above the limit


def test_summarize_command(runner, released):
    cases, _clock = released
    month = _utc_month(cases[0])
    result = runner.invoke(args=["clearance", "summarize", "--month", month])
    assert result.exit_code == 0, result.output
    assert "4 application(s), 6 declaration line(s) from 6 list(s)" in result.output, result.output
    result = runner.invoke(args=["clearance", "summarize", "--month", month])
    assert "0 application(s)" in result.output
    assert runner.invoke(args=["clearance", "summarize", "--month", "2026-13"]).exit_code != 0


def test_decimal_quantities_add_up_in_the_summary_declaration(app, ctx, make, xsd_ready):
    """Two lists of magnesia sold by the tonne (2.5 t and 0.5 t, stored 2500 and 500): one application line of
    3000 kg (035) whose value is the sum of the lines' half-up totals; the CEB701 validates."""
    merchant = make.merchant()
    magnesia = make.product(
        merchant, unit="tonne", moq=500, qty_step=500, stock=10_000, price_fen=432_001, hs_code="2519901000",
        customs_name="电熔镁砂", net_weight_g=1_000_000, gross_weight_g=1_002_000,
    )  # fmt: skip
    orders = [paid_order(make, [(magnesia, qty)], currency="CNY", country="RU") for qty in (2500, 500)]
    for order in orders:
        ship(order.sub_orders[0])
    clock = Clock()
    drain(simulator_worker(app, clock))
    cases = [case_of(order.sub_orders[0]) for order in orders]
    last_month_start = summary.month_bounds(summary.previous_month(clock()))[0]
    for case in cases:
        case.closed_at = last_month_start + timedelta(days=10)
    db.session.commit()
    stats = summary.summarize(_utc_month(cases[0]), now=clock())
    db.session.commit()
    assert (stats.applications, stats.lines, stats.list_lines) == (1, 1, 2)
    line = db.session.scalars(select(DeclarationLine)).one()
    assert (line.unit, line.qty, line.qty1) == ("035", Decimal(3000), Decimal(3000))
    assert line.value_minor == 1_080_003 + 216_001  # 432 001 × 2.5 and × 0.5, each rounded half-up
    assert all(xsd.validate(m.payload) == [] for m in messages(kind="CEB701"))
