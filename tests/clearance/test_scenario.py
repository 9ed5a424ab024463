"""The whole life of a parcel (issue 19 acceptance): order → 303/403/505/603 → 604 refused for a wrong legal
unit → the merchant fixes the unit → only the 603 goes again (appType 1, rule 3) → 800 → CEB509 → 899 → next
month's CEB701 → 702 → 792, every signed message verified by the simulator."""

from __future__ import annotations

from datetime import timedelta

from lxml import etree
from sqlalchemy import select

from storefront.clearance import departures, summary
from storefront.clearance.messages.common import NS, china_time
from storefront.clearance.models import SummaryDeclaration
from storefront.clearance.signing import SIGNED_KINDS, Sm2Signer, generate_identity, verify_signature
from storefront.clearance.status import CaseStatus, DeclarationStatus
from storefront.clearance.transports.simulator import Simulator, db_lookup
from storefront.extensions import db
from tests.backoffice_helpers import client_as
from tests.clearance.helpers import Clock, case_of, drain, messages, paid_order, ship, simulator_worker

BATCH_DEPARTURES = True


class Capture:
    """Records what the worker sends, then lets the simulator answer."""

    name = "simulator"

    def __init__(self, inner):
        self.inner, self.sent = inner, []

    def send(self, message):
        self.sent.append(message)
        self.inner.send(message)

    def receive(self):
        return self.inner.receive()


def test_whole_life_of_a_parcel(app, ctx, make):
    key, cert = generate_identity("sm2", "scenario")
    clock = Clock()
    transport = Capture(Simulator(lookup=db_lookup, clock=clock, require_signature=True, trusted_cert=cert))

    def work():
        drain(simulator_worker(app, clock, transport, signer=Sm2Signer(key, cert)))

    merchant = make.merchant()
    steel = make.product(merchant, stock=9, net_weight_g=2500, gross_weight_g=2600)  # 7228300000, kg
    order = paid_order(make, [(steel, 2)], currency="EUR", country="PL")
    sub = order.sub_orders[0]
    case_of(sub).lines[0].unit1 = "011"  # a wrong first legal unit (steel is declared in kilograms)
    db.session.commit()
    ship(sub)
    work()
    case = case_of(sub)
    assert case.status == CaseStatus.REJECTED and case.rejected_kind == "CEB603"
    assert "法定计量单位[011]" in case.reject_reason
    assert [m.kind for m in transport.sent] == ["CEB303", "CEB403", "CEB505", "CEB603"]

    # the merchant fixes the unit in the correction form
    client = client_as(app, merchant.owner)
    form = {"line-1-unit1": "035", "line-1-qty1": "5", "line-1-unit2": ""}
    assert client.post(f"/en/merchant/clearance/{case.id}", data=form).status_code == 302
    pending = [(m.kind, m.app_type) for m in messages(status="pending")]
    assert pending == [("CEB603", "1")]  # only the refused list, as new: customs holds nothing for it
    work()
    case = case_of(sub)
    assert case.status == CaseStatus.RELEASED and case.revision == 2
    assert departures.waiting(merchant.id) == [case]  # the next step: the merchant enters the departure

    # the merchant declares the flight that carries the parcel: one CEB509 with the real conveyance
    page = client.get("/en/merchant/clearance/departures").get_data(as_text=True)
    assert case.logistics_no in page and 'name="bill_no"' in page
    form = {
        "case_id": str(case.id),
        "traf_mode": "5",
        "traf_name": "中国国际航空 CA909",
        "voyage_no": "CA909",
        "bill_no": "999-12345675",
        "leave_time": "2026-12-05T10:30",
        "port_code": "0901",
    }
    assert client.post("/en/merchant/clearance/departures", data=form).status_code == 302
    work()
    case = case_of(sub)
    assert case.status == CaseStatus.CLOSED and case.departure_id
    # the list was declared before its conveyance: the list master bill (CEB607) declares it, then the departure
    assert [m.kind for m in transport.sent][4:] == ["CEB603", "CEB607", "CEB509"]
    master_bill, departure = (etree.fromstring(transport.sent[n].data) for n in (5, 6))
    for message in (master_bill, departure):
        texts = {name: message.findtext(f".//{{{NS}}}{name}") for name in ("trafName", "voyageNo", "billNo")}
        assert texts == {"trafName": "中国国际航空 CA909", "voyageNo": "CA909", "billNo": "999-12345675"}
    assert [el.text for el in master_bill.iter(f"{{{NS}}}logisticsNo")] == [case.logistics_no]
    assert [(e.source, e.return_status) for e in case.events if e.source == "CEB608"] == [
        ("CEB608", 2),
        ("CEB608", 120),
    ]
    assert departure.findtext(f".//{{{NS}}}leaveTime") == "20261205103000"  # Beijing time as entered
    statuses = [e.status for e in case.events if e.changed]
    assert statuses == ["declared", "rejected", "declared", "accepted", "released", "departed", "closed"]

    # next month: the closed list goes into a summary declaration, due by the 15th
    month = china_time(case.closed_at).strftime("%Y-%m")
    clock.advance(days=32)
    stats = summary.summarize(month, now=clock())
    db.session.commit()
    assert (stats.applications, stats.lists) == (1, 1)
    work()
    declaration = db.session.scalars(select(SummaryDeclaration)).one()
    assert declaration.status == DeclarationStatus.COMPLETED and declaration.sum_no and declaration.entry_id
    assert [m.kind for m in transport.sent][7:] == ["CEB701"]
    for message in transport.sent:
        if message.kind in SIGNED_KINDS:
            verify_signature(message.data, cert)
    following = china_time(case.closed_at).replace(day=1) + timedelta(days=32)
    assert summary.due_date(month) == following.replace(day=15).date()
