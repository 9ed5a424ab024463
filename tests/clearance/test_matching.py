"""Receipts are matched on the spec's business keys (issue 19 #7); no match or several → quarantined."""

from __future__ import annotations

from sqlalchemy import select

from storefront.clearance import ingest
from storefront.clearance.messages.receipts import build_receipt
from storefront.clearance.models import ReceiptRecord
from storefront.clearance.status import CaseStatus, ReceiptState
from storefront.extensions import db
from tests.clearance.helpers import Clock, case_of, drain, order_keys, paid_order, ship, simulator_worker


def _quarantined() -> list[ReceiptRecord]:
    return list(db.session.scalars(select(ReceiptRecord).where(ReceiptRecord.state == ReceiptState.QUARANTINED.value)))


def test_order_receipt_needs_all_three_keys(app, ctx, make):
    """A CEB304 with the right orderNo but another shipper (ebcCode) is not applied to the order."""
    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    sub = order.sub_orders[0]
    drain(simulator_worker(app, Clock()))
    wrong = {**order_keys(sub), "ebcCode": "9999999999"}
    result = ingest.ingest(build_receipt("CEB304", wrong, 100, "重复申报", Clock()()))
    db.session.commit()
    assert (result.applied, result.quarantined) == (0, 1)
    assert case_of(sub).status != CaseStatus.REJECTED
    (record,) = _quarantined()
    described = f"orderNo={sub.number}, ebpCode={wrong['ebpCode']}, ebcCode=9999999999"
    assert record.error == f"no CEB303 message has {described}"
    right = ingest.ingest(build_receipt("CEB304", order_keys(sub), 100, "重复申报", Clock()()))
    db.session.commit()
    assert right.applied == 1 and case_of(sub).status == CaseStatus.REJECTED


def test_waybill_receipt_for_two_cases_is_ambiguous(app, ctx, make):
    """Two parcels declared under one waybill number: a CEB506 for it is quarantined, neither case moves."""
    merchant = make.merchant()
    first = paid_order(make, [(make.product(merchant, stock=5), 1)]).sub_orders[0]
    second = paid_order(make, [(make.product(merchant, stock=5), 1)], ref="pi_2").sub_orders[0]
    ship(first, tracking_no="EE000000001CN")
    ship(second, tracking_no="EE000000001CN")
    code = case_of(first).logistics_code
    keys = {"logisticsCode": code, "logisticsNo": "EE000000001CN"}
    result = ingest.ingest(build_receipt("CEB506", keys, 100, "运单重复", Clock()()))
    db.session.commit()
    assert result.quarantined == 1
    assert "2 cases or declarations have logisticsNo=EE000000001CN" in _quarantined()[0].error
    assert {case_of(first).status, case_of(second).status} == {CaseStatus.DECLARED}


def test_list_receipt_with_another_inventory_number_is_quarantined(app, ctx, make):
    """A CEB604 whose invtNo differs from the one customs already gave the list is not applied."""
    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    sub = order.sub_orders[0]
    ship(sub)
    drain(simulator_worker(app, Clock()))
    case = case_of(sub)
    assert case.invt_no and case.status == CaseStatus.CLOSED
    keys = {
        "agentCode": "A",
        "copNo": case.cop_no,
        "preNo": case.pre_no,
        "invtNo": "X" * 18,
        "ebcCode": case.ebc_code,
        "ebpCode": "P",
        "orderNo": case.order_no,
        "statisticsFlag": "B",
    }
    result = ingest.ingest(build_receipt("CEB604", keys, 100, "退单", Clock()()))
    db.session.commit()
    assert result.quarantined == 1 and f"customs gave {case.invt_no} before" in _quarantined()[0].error
    assert case_of(sub).status == CaseStatus.CLOSED


def test_status_4_is_a_transport_failure_sent_again(app, ctx, make):
    """返回 4 (发送海关失败): not a refusal; the order goes back to the queue and is sent again."""
    from storefront.clearance.status import MessageStatus
    from tests.clearance.helpers import messages

    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    sub = order.sub_orders[0]
    clock = Clock()
    worker = simulator_worker(app, clock)
    worker.run_once()
    ingest.ingest(build_receipt("CEB304", order_keys(sub), 4, "网络中断", clock()), now=clock())
    db.session.commit()
    case = case_of(sub)
    assert case.status == CaseStatus.DECLARED and case.reject_reason == ""
    order_message = next(m for m in messages() if m.kind == "CEB303")
    assert order_message.status == MessageStatus.PENDING and "[4] 发送海关失败" in order_message.last_error
    clock.advance(hours=1)
    assert worker.run_once().sent == 1
    assert next(m for m in messages() if m.kind == "CEB303").status == MessageStatus.SENT


def test_negative_status_is_shown_with_its_chapter_7_code(app, ctx, make):
    """A processing error carries its code and zh/en meaning in the reason the merchant reads."""
    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    sub = order.sub_orders[0]
    drain(simulator_worker(app, Clock()))
    ingest.ingest(build_receipt("CEB304", order_keys(sub), -301010, "订单编号重复", Clock()()))
    db.session.commit()
    case = case_of(sub)
    assert case.status == CaseStatus.REJECTED
    assert case.reject_reason == (
        "[-301010] 已存在相同编号的订单 (an order with the same number already exists): 订单编号重复"
    )


def test_error_code_table_is_complete():
    """Table 7-1 (15 codes) and the export rows of table 7-2, each with zh and en."""
    from storefront.clearance import errors

    codes = errors.table()
    assert len([c for c in codes.values() if c.table == "7-1"]) == 15
    for code in ("0002", "1001", "-10102", "-301009", "-401007", "-504015", "-505017", "-621011", "-623029"):
        assert codes[code].zh and codes[code].en, code
    assert errors.lookup(2) is None and errors.lookup(-999) is None
    explained = errors.explain(100, "[1001] 验签失败")
    assert explained == "[1001] 数字签名无效 (invalid digital signature): [1001] 验签失败"
    assert errors.explain(100, "商品编码不存在") == "商品编码不存在"
