"""End to end: a paid order runs through the customs simulator; the buyer's page shows each step in Russian."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale

from storefront.clearance import departures
from storefront.clearance.status import CASE_LABELS, CaseStatus
from storefront.extensions import db
from storefront.ordering.access import token_for
from tests.clearance.helpers import Clock, case_of, messages, paid_order, ship, simulator_worker

STEPS = (
    CaseStatus.DECLARED,
    CaseStatus.ACCEPTED,
    CaseStatus.RELEASED,
    CaseStatus.DEPARTED,
    CaseStatus.CLOSED,
)


def _russian(status: CaseStatus) -> str:
    with force_locale("ru"):
        return str(CASE_LABELS[status])


def _buyer_page(client, order) -> str:
    response = client.get(f"/ru/orders/{order.number}?t={token_for(order)}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _reached(page: str) -> list[str]:
    return re.findall(r'class="clearance-step done" data-step="(\w+)"', page)


def test_paid_order_is_released_then_closed_and_the_buyer_sees_each_step(app, client, ctx, make):
    merchant = make.merchant()
    bar, wire = make.product(merchant, stock=20), make.product(merchant, stock=20, customs_unit="011")
    order = paid_order(make, [(bar, 2), (wire, 3)], currency="USD", country="RU")
    sub = order.sub_orders[0]
    assert [m.kind for m in messages()] == ["CEB303", "CEB403"]  # written with the payment
    clock = Clock()
    worker = simulator_worker(app, clock)

    worker.run_once()  # order and payment accepted by customs
    assert case_of(sub).status == CaseStatus.DECLARED
    assert _reached(_buyer_page(client, order)) == ["declared"]

    ship(sub, "EMS", "EE123456789CN")  # waybill and inventory list go out
    assert [m.kind for m in messages(status="pending")] == ["CEB505", "CEB603"]
    worker.run_once()
    case = case_of(sub)
    assert case.status == CaseStatus.RELEASED and case.invt_no and case.released_at
    assert [e.return_status for e in case.events if e.source == "CEB604"] == [2, 120, 399, 800]
    assert _reached(_buyer_page(client, order)) == ["declared", "accepted", "released"]

    assert not [m for m in messages(status="pending")]  # no departure invented per parcel
    batch = departures.declare(  # the merchant enters the flight that carries it: one CEB509
        merchant.id,
        [case.id],
        traf_mode="5",
        traf_name="CA909",
        voyage_no="CA909",
        bill_no="999-12345675",
        leave_time=clock(),
        port_code="0901",
    )
    db.session.commit()
    pending = [(m.kind, m.ref) for m in messages(status="pending")]
    assert pending == [("CEB607", departures.waybill_cop_no(batch)), ("CEB509", batch.cop_no)]
    worker.run_once()  # list master bill (CEB607) → CEB608; departure (CEB509) → CEB510; the list is closed (899)
    case = case_of(sub)
    assert case.status == CaseStatus.CLOSED and case.departed_at and case.closed_at
    assert worker.run_once().idle
    page = _buyer_page(client, order)
    assert _reached(page) == [s.value for s in STEPS]
    labels = [_russian(step) for step in STEPS]
    for label in labels:
        assert label in page
    if not all(re.search("[а-яА-Я]", label) for label in labels):
        pytest.xfail("the ru catalogue lacks the clearance strings yet (storefront/clearance/i18n/ru.po)")
