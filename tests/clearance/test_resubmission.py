"""Rule 3 (appType) and resubmission (issue 19 #3, #4): only what customs refused goes again, with the appType
that matches what customs holds; merchant identifiers are re-read."""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from storefront.clearance import operations
from storefront.clearance.messages.common import NS
from storefront.clearance.status import CaseStatus
from storefront.extensions import db
from tests.clearance.helpers import Clock, case_of, drain, messages, paid_order, ship, simulator_worker


def _text(xml: bytes, name: str) -> str:
    return etree.fromstring(xml).findtext(f".//{{{NS}}}{name}")


def _refused_list(app, make, **merchant):
    """A case whose CEB603 customs refused (wrong first legal unit) while 303/403/505 were accepted."""
    order = paid_order(make, [(make.product(make.merchant(**merchant), stock=9), 2)])
    sub = order.sub_orders[0]
    case_of(sub).lines[0].unit1 = "011"
    ship(sub)
    clock = Clock()
    drain(simulator_worker(app, clock))
    case = case_of(sub)
    assert case.status == CaseStatus.REJECTED and case.rejected_kind == "CEB603"
    held = {doc.kind: doc.held for doc in case.documents}
    assert held == {"CEB303": True, "CEB403": True, "CEB505": True, "CEB603": False}
    return sub, clock


def test_only_the_refused_list_is_resubmitted_as_new(app, ctx, make):
    """A list refused as new (100) leaves nothing at customs: the corrected list goes alone, appType 1."""
    sub, clock = _refused_list(app, make)
    before = len(messages())
    case = case_of(sub)
    operations.correct(case, lines={1: {"unit1": "035"}})
    assert operations.resubmit(case)
    db.session.commit()
    new = messages()[before:]
    assert [(m.kind, m.app_type) for m in new] == [("CEB603", "1")]
    assert _text(new[0].payload, "appType") == "1" and _text(new[0].payload, "copNo") == case.cop_no
    drain(simulator_worker(app, clock))
    case = case_of(sub)
    assert case.status == CaseStatus.CLOSED and case.revision == 2
    assert {doc.kind: doc.held for doc in case.documents}["CEB603"] is True


def test_changed_documents_customs_holds_go_as_changes(app, ctx, make):
    """A correction that also changes the order (item name) sends it as a change (2), the list as new (1)."""
    sub, _clock = _refused_list(app, make)
    before = len(messages())
    case = case_of(sub)
    operations.correct(case, lines={1: {"unit1": "035", "item_name": "合金钢锻制圆钢"}})
    assert operations.resubmit(case)
    db.session.commit()
    sent = [(m.kind, m.app_type) for m in messages()[before:]]
    assert sent == [("CEB303", "2"), ("CEB505", "2"), ("CEB603", "1")]  # the waybill's goodsInfo names it too


def test_merchant_identifiers_are_re_read_at_resubmission(app, ctx, make):
    """A corrected customs code and name reach the resubmission; an order under a new ebcCode is new."""
    sub, _clock = _refused_list(app, make)
    before = len(messages())
    case = case_of(sub)
    merchant = case.merchant
    merchant.customs_code = "2102960001"
    merchant.names = {**(merchant.names or {}), "zh": "大连特钢出口有限公司"}
    operations.correct(case, lines={1: {"unit1": "035"}})
    assert operations.resubmit(case)
    db.session.commit()
    new = messages()[before:]
    # the waybill names the shipper too: a change
    assert [(m.kind, m.app_type) for m in new] == [
        ("CEB303", "1"),
        ("CEB403", "1"),
        ("CEB505", "2"),
        ("CEB603", "1"),
    ]
    for message in new:
        assert _text(message.payload, "ebcCode") == "2102960001"
        assert _text(message.payload, "ebcName") == "大连特钢出口有限公司"


def test_local_rejection_sends_everything_as_new(app, ctx, make):
    """Nothing reached customs (refused locally): every document goes with appType 1, never 2."""
    product = make.product(make.merchant(), stock=9, hs_code="", customs_unit="035")
    order = paid_order(make, [(product, 1)])
    ship(order.sub_orders[0])
    case = case_of(order.sub_orders[0])
    operations.correct(case, lines={1: {"gcode": "7228300000", "unit1": "035", "qty1": Decimal(1)}})
    assert operations.resubmit(case)
    db.session.commit()
    assert {(m.kind, m.app_type) for m in messages()} == {
        ("CEB303", "1"),
        ("CEB403", "1"),
        ("CEB505", "1"),
        ("CEB603", "1"),
    }


def test_times_are_beijing_time_after_a_database_round_trip(app, ctx, make):
    """Issue 19 #9: a document rebuilt from stored times carries the same Beijing time."""
    from datetime import UTC, datetime

    from storefront.clearance.messages.common import china_time
    from storefront.clearance.models import ClearanceCase

    sub, _clock = _refused_list(app, make)
    before = len(messages())
    case = case_of(sub)
    case.merchant.customs_code = "2102960001"  # forces a new CEB403 built from the stored paid_at
    operations.correct(case, lines={1: {"unit1": "035"}})
    operations.resubmit(case)
    db.session.commit()
    payments = [m for m in messages() if m.kind == "CEB403"]
    assert len(payments) == 2 and payments[1].id > before - 10
    first, again = (_text(m.payload, "accountingDate") for m in payments)
    assert first == again
    paid_at = case_of(sub).paid_at
    assert paid_at.tzinfo is not None and paid_at.utcoffset().total_seconds() == 0
    assert again == china_time(paid_at).strftime("%Y%m%d%H%M%S")
    # the column type stores UTC whatever zone it is given, and reads back aware UTC
    row = db.session.get(ClearanceCase, case.id)
    row.closed_at = datetime(2026, 12, 3, 20, 30, tzinfo=china_time(datetime.now(UTC)).tzinfo)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(ClearanceCase, case.id).closed_at == datetime(2026, 12, 3, 12, 30, tzinfo=UTC)
