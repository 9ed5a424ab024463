"""Clearance pages: the operator's monitor and retry button; merchants' cases, corrections and declarations
(with CSV downloads), each merchant seeing only their own; the buyer's view of a rejection."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest

from storefront.accounts.models import Role
from storefront.clearance import summary
from storefront.clearance.messages.common import china_time
from storefront.clearance.models import to_utc
from storefront.clearance.status import CaseStatus, MessageStatus
from storefront.ordering.access import token_for
from tests.backoffice_helpers import client_as
from tests.clearance.helpers import Clock, case_of, drain, messages, paid_order, ship, simulator_worker


@pytest.fixture
def flow(app, ctx, make):
    """Merchant A with a summarised order and a rejected one (missing HS code); merchant B with nothing."""
    a, b = make.merchant(), make.merchant()
    good = paid_order(
        make,
        [(make.product(a, stock=9, net_weight_g=500, gross_weight_g=600), 3)],
        currency="EUR",
        country="PL",
    )
    bad = paid_order(make, [(make.product(a, stock=9, hs_code="", customs_unit="011"), 1)], currency="USD")
    for order in (good, bad):
        ship(order.sub_orders[0])
    clock = Clock()
    drain(simulator_worker(app, clock))
    closed = case_of(good.sub_orders[0])
    closed.closed_at = summary.month_bounds(summary.previous_month(clock()))[0] + timedelta(days=3)
    summary.summarize(china_time(to_utc(closed.closed_at)).strftime("%Y-%m"), now=clock())
    from storefront.extensions import db

    db.session.commit()
    drain(simulator_worker(app, clock))
    return {"a": a, "b": b, "good": good, "bad": bad, "clock": clock}


def test_operator_monitor_and_retry(app, make, flow):
    url = "/en/operator/clearance"
    assert client_as(app).get(url).status_code == 302
    assert client_as(app, make.user(Role.BUYER.value)).get(url).status_code == 403
    assert client_as(app, flow["a"].owner).get(url).status_code == 403
    dead = messages()[0]
    dead.status, dead.last_error = MessageStatus.DEAD.value, "TransportError: HTTP 503"
    from storefront.extensions import db

    db.session.commit()
    operator = client_as(app, make.user(Role.OPERATOR.value))
    page = operator.get(url).get_data(as_text=True)
    assert 'id="dead-letters"' in page and "HTTP 503" in page and 'id="last-receipts"' in page
    response = operator.post("/en/operator/clearance/retry", data={"id": str(dead.id)})
    assert response.status_code == 302
    assert messages()[0].status == MessageStatus.PENDING


def test_operator_sees_summary_due_and_handles_a_refused_application(app, make, flow):
    """The monitor shows last month's due date and the refused applications; resend is operator-only."""
    from storefront.clearance.messages.receipts import Receipt
    from storefront.clearance.models import SummaryDeclaration
    from storefront.clearance.status import DeclarationStatus
    from storefront.extensions import db

    message = messages(kind="CEB701")[0]
    db.session.get(SummaryDeclaration, message.declaration_id).status = DeclarationStatus.ACCEPTED.value
    refusal = Receipt("CEB702", "G", {"copNo": message.ref}, -10102, flow["clock"](), "x")
    summary.apply_return(message, refusal)
    db.session.commit()
    declaration_id = message.declaration_id
    operator = client_as(app, make.user(Role.OPERATOR.value))
    page = operator.get("/en/operator/clearance").get_data(as_text=True)
    assert 'id="summary-due"' in page and "Due by" in page and 'id="refused-declarations"' in page
    assert "[-10102] 无效企业代码 (invalid enterprise code)" in page
    url = f"/en/operator/clearance/declarations/{declaration_id}/resend"
    assert client_as(app, flow["a"].owner).post(url).status_code == 403
    assert operator.post(url).status_code == 302
    db.session.expire_all()
    assert db.session.get(SummaryDeclaration, declaration_id).status == DeclarationStatus.APPLIED
    assert operator.post(url).status_code == 409  # not refused any more
    assert len(messages(kind="CEB701", declaration_id=declaration_id)) == 2


def test_merchant_sees_and_downloads_only_their_declarations(app, flow):
    owner_a, owner_b = client_as(app, flow["a"].owner), client_as(app, flow["b"].owner)
    page = owner_a.get("/en/merchant/declarations").get_data(as_text=True)
    assert "7228300000" in page and "Customs declaration issued" in page
    assert "No summary declarations yet." in owner_b.get("/en/merchant/declarations").get_data(as_text=True)
    from storefront.clearance.models import SummaryDeclaration
    from storefront.extensions import db

    [declaration] = db.session.query(SummaryDeclaration).all()
    base = f"/en/merchant/declarations/{declaration.id}"
    for suffix in ("", ".csv", "/lists.csv"):
        assert owner_b.get(base + suffix).status_code == 404
    assert declaration.entry_id in owner_a.get(base).get_data(as_text=True)
    response = owner_a.get(base + ".csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [(r["hs_code"], r["qty"], r["unit"], r["currency"]) for r in rows] == [("7228300000", "1.5", "035", "EUR")]
    line = declaration.lines[0]
    assert rows[0]["fob_value"] == str(line.value.amount) and rows[0]["entry_id"] == declaration.entry_id
    lists = list(csv.DictReader(io.StringIO(owner_a.get(base + "/lists.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert [r["order_no"] for r in lists] == [flow["good"].sub_orders[0].number]


def test_merchant_corrects_and_resubmits_a_rejected_case(app, flow):
    case = case_of(flow["bad"].sub_orders[0])
    assert case.status == CaseStatus.REJECTED
    url = f"/en/merchant/clearance/{case.id}"
    assert client_as(app, flow["b"].owner).get(url).status_code == 404
    owner = client_as(app, flow["a"].owner)
    assert case.reject_reason in owner.get(url).get_data(as_text=True)
    assert f"/en/merchant/clearance/{case.id}" in owner.get("/en/merchant/clearance").get_data(as_text=True)
    form = {
        "line-1-gcode": "12",
        "line-1-unit": "011",
        "line-1-qty": "1",
        "line-1-item_name": "泳衣",
        "gross_weight": "1.1",
        "net_weight": "1",
    }
    page = owner.post(url, data=form).get_data(as_text=True)
    assert "the HS code must be 10 digits" in page and case_of(flow["bad"].sub_orders[0]).revision == 1
    fixed = {**form, "line-1-gcode": "6112.41.00.00", "line-1-unit1": "035", "line-1-qty1": "1"}
    page = owner.post(url, data=fixed).get_data(as_text=True)
    assert "the legal units of 6112410000 are 011 / 035" in page  # swimwear: articles + kilograms
    fixed.update({"line-1-unit1": "011", "line-1-unit2": "035", "line-1-qty2": "0"})
    page = owner.post(url, data=fixed).get_data(as_text=True)
    assert "the legal quantities must be greater than zero" in page
    page = owner.post(url, data={**fixed, "line-1-gcode": "6112490000"}).get_data(as_text=True)
    assert "6112490000 is not in the legal-units table" in page
    assert case_of(flow["bad"].sub_orders[0]).revision == 1
    response = owner.post(url, data={**fixed, "line-1-qty2": "0.25"})
    assert response.status_code == 302
    case = case_of(flow["bad"].sub_orders[0])
    assert (case.status, case.revision, case.lines[0].gcode) == (CaseStatus.DECLARED, 2, "6112410000")
    assert (case.lines[0].unit1, case.lines[0].unit2, case.lines[0].qty2) == ("011", "035", Decimal("0.25"))
    assert owner.post(url, data=form).status_code == 409  # nothing to correct any more
    drain(simulator_worker(app, flow["clock"]))
    assert case_of(flow["bad"].sub_orders[0]).status == CaseStatus.CLOSED


def test_buyer_sees_a_rejection_without_customs_details(app, client, flow):
    order = flow["bad"]
    page = client.get(f"/en/orders/{order.number}?t={token_for(order)}").get_data(as_text=True)
    assert 'data-clearance-status="rejected"' in page
    assert "the seller is fixing the declaration" in page
    assert "0000000000" not in page
