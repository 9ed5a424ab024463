"""FX settlement records (收结汇): one per released list with amount, date, rate and bank reference, linked to
the order, the inventory list number and the summary declaration number; CSV per merchant; bad input
refused."""

import csv
import io

import pytest
from sqlalchemy import func, select

from storefront.accounts.models import Role
from storefront.clearance import departures, summary
from storefront.clearance.messages.common import china_time
from storefront.extensions import db
from storefront.ledger.fx import FxSettlement
from tests.backoffice_helpers import client_as
from tests.clearance.helpers import case_of, drain, simulator_worker
from tests.clearance.test_pages import flow as released_flow  # noqa: F401  (fixture: a released list)


@pytest.fixture
def flow(app, released_flow):  # noqa: F811
    """The released list leaves on a declared flight (CEB509 → 899 closed), and next month it is summarised."""
    case = case_of(released_flow["good"].sub_orders[0])
    clock = released_flow["clock"]
    departures.declare(
        case.merchant_id,
        [case.id],
        traf_mode="5",
        traf_name="CA909",
        voyage_no="CA909",
        bill_no="999-12345675",
        leave_time=clock(),
        port_code="0901",
        now=clock(),
    )
    db.session.commit()
    drain(simulator_worker(app, clock))
    case = case_of(released_flow["good"].sub_orders[0])
    assert case.status == "closed"
    month = china_time(case.closed_at).strftime("%Y-%m")
    clock.advance(days=32)
    summary.summarize(month, now=clock())
    db.session.commit()
    drain(simulator_worker(app, clock))
    return released_flow


def test_operator_records_a_settlement_and_the_merchant_exports_it(app, make, flow):  # noqa: F811
    user = make.user(Role.OPERATOR.value)
    db.session.commit()
    op = client_as(app, user)
    case = case_of(flow["good"].sub_orders[0])
    page = op.get("/en/operator/fx-settlements").get_data(as_text=True)
    assert case.order_no in page
    form = {
        "case_id": case.id,
        "amount": "120.50",
        "currency": "EUR",
        "settled_on": "2026-12-02",
        "rate": "7.6931",
        "bank_ref": "BOC-FX-001",
    }
    for bad, message in (
        ({"amount": "0"}, "greater than zero"),
        ({"rate": "-1"}, "settlement rate"),
        ({"settled_on": "x"}, "date"),
        ({"bank_ref": " "}, "bank reference"),
        ({"case_id": "999999"}, "released inventory list"),
    ):
        response = op.post("/en/operator/fx-settlements", data={**form, **bad})
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(FxSettlement.id))) == 0
    assert op.post("/en/operator/fx-settlements", data=form).status_code == 302
    assert op.post("/en/operator/fx-settlements", data=form).status_code == 400  # the same one twice
    row = db.session.scalars(select(FxSettlement)).one()
    assert (row.order_no, row.invt_no) == (case.order_no, case.invt_no)
    assert row.sum_no and row.cny_fen == 92702  # 120.50 EUR × 7.6931 = 927.02 CNY
    merchant = client_as(app, flow["a"].owner)
    rows = list(
        csv.DictReader(
            io.StringIO(merchant.get("/en/merchant/fx-settlements.csv").get_data(as_text=True).lstrip("\ufeff"))
        )
    )
    assert rows == [
        {
            "order_no": case.order_no,
            "invt_no": case.invt_no,
            "sum_no": row.sum_no,
            "currency": "EUR",
            "amount": "120.50",
            "settled_on": "2026-12-02",
            "rate_cny": "7.6931",
            "cny": "927.02",
            "bank_ref": "BOC-FX-001",
        }
    ]
    other = client_as(app, flow["b"].owner)
    assert case.order_no not in other.get("/en/merchant/fx-settlements").get_data(as_text=True)
    assert other.get("/en/merchant/fx-settlements.csv").get_data(as_text=True).count("\n") == 1
