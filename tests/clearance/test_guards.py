"""Data guards (issue 19 #10): valid codes only, approved filings only, waybill numbers within the spec,
carriers by an explicit table, invalid messages never sent."""

from __future__ import annotations

from flask import current_app

from storefront.accounts.models import FilingStatus
from storefront.clearance import demo, mapping
from storefront.clearance.status import CaseStatus, MessageStatus
from storefront.core.validators import is_valid_uscc
from storefront.demo.content import MERCHANTS
from storefront.extensions import db
from storefront.ordering.models import SubOrder
from tests.backoffice_helpers import client_as
from tests.clearance.helpers import Clock, case_of, messages, paid_order, ship, simulator_worker


def test_demo_codes_pass_the_check_digit_validator(app, ctx):
    """Demo merchants, the platform, carriers and the message-layer demo companies carry valid USCCs."""
    codes = [m["uscc"] for m in MERCHANTS]
    codes += [current_app.config["CLEARANCE_EBP_CODE"], current_app.config["CLEARANCE_LOGISTICS_CODE"]]
    codes += [company.code for company in mapping.carrier_table().values()]
    codes += [demo.PLATFORM.code, demo.SELLER.code, demo.CARRIER.code, demo.BROKER.code]
    assert [code for code in codes if not is_valid_uscc(code)] == []


def test_unapproved_filing_cannot_declare(app, ctx, make):
    """A merchant whose filing is pending: the case is refused locally, nothing goes to customs."""
    merchant = make.merchant(status=FilingStatus.PENDING.value)
    order = paid_order(make, [(make.product(merchant, stock=5), 1)])
    case = case_of(order.sub_orders[0])
    assert case.status == CaseStatus.REJECTED and "filing is not approved" in case.reject_reason
    assert messages() == []


def test_long_tracking_number_is_refused_at_entry(app, ctx, make):
    """33 characters: the ship form refuses it, nothing is shipped or queued; 32 is accepted."""
    merchant = make.merchant()
    order = paid_order(make, [(make.product(merchant, stock=5), 1)])
    sub = order.sub_orders[0]
    client = client_as(app, merchant.owner)
    url = f"/en/merchant/orders/{sub.id}/ship"
    client.post(url, data={"carrier": "EMS", "tracking_no": "E" * 33})
    db.session.expire_all()
    assert db.session.get(SubOrder, sub.id).status == "paid"
    assert [m.kind for m in messages()] == ["CEB303", "CEB403"]
    client.post(url, data={"carrier": "EMS", "tracking_no": "E" * 32})
    db.session.expire_all()
    assert db.session.get(SubOrder, sub.id).status == "shipped"
    assert [m.kind for m in messages()] == ["CEB303", "CEB403", "CEB505", "CEB603"]


def test_carriers_map_by_the_code_table_only(app, ctx, make):
    """Exact key or alias: "china post ems" is EMS; "Temsa Freight" (contains "ems") is refused."""
    merchant = make.merchant()
    known = paid_order(make, [(make.product(merchant, stock=5), 1)]).sub_orders[0]
    ship(known, carrier="  china post   EMS ")
    assert case_of(known).logistics_code == mapping.carrier_table()["ems"].code
    unknown = paid_order(make, [(make.product(merchant, stock=5), 1)], ref="pi_2").sub_orders[0]
    ship(unknown, carrier="Temsa Freight")
    case = case_of(unknown)
    assert case.status == CaseStatus.REJECTED and "not in the carrier code table" in case.reject_reason
    assert [m.kind for m in messages(case_id=case.id)] == ["CEB303", "CEB403"]


def test_a_message_that_no_longer_validates_is_never_sent(app, ctx, make):
    """The worker validates before sending: an invalid payload is dead-lettered at once with the XSD error."""
    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    message = messages()[0]
    message.payload = message.payload.replace(b"<ceb:orderType>E</ceb:orderType>", b"")
    db.session.commit()
    sent = []

    class Recorder:
        name = "folder"

        def send(self, outgoing):
            sent.append(outgoing.kind)

        def receive(self):
            return []

    simulator_worker(app, Clock(), Recorder()).run_once()
    assert sent == ["CEB403"]
    dead = messages(status=MessageStatus.DEAD.value)
    assert [m.kind for m in dead] == ["CEB303"]
    assert "does not validate against the CEB XSD" in dead[0].last_error
    assert case_of(order.sub_orders[0]).status == CaseStatus.DECLARED
