"""Departures per shipment batch (issue 19 #6): real conveyance, exit port from the port table, one CEB509 for
all the parcels of a flight, no departure invented per parcel."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import etree

from storefront.clearance import codes, departures, ports
from storefront.clearance.messages.common import NS
from storefront.clearance.status import CaseStatus
from storefront.extensions import db
from tests.clearance.helpers import Clock, case_of, drain, messages, paid_order, ship, simulator_worker

BATCH_DEPARTURES = True
FLIGHT = {
    "traf_mode": "5",
    "traf_name": "大韩航空 KE854",
    "voyage_no": "KE854",
    "bill_no": "180-12345675",
    "leave_time": datetime(2026, 12, 5, 2, 30, tzinfo=UTC),
    "port_code": "0901",
}


def _released(app, make, count=2):
    merchant = make.merchant()
    subs = []
    for n in range(count):
        product = make.product(merchant, stock=5)
        order = paid_order(make, [(product, 1)], country="KR", currency="KRW", ref=f"pi_{n}")
        ship(order.sub_orders[0], tracking_no=f"EE{n:09d}CN")
        subs.append(order.sub_orders[0])
    clock = Clock()
    drain(simulator_worker(app, clock))
    assert {case_of(s).status for s in subs} == {CaseStatus.RELEASED}
    assert not [m for m in messages() if m.kind == "CEB509"]  # nothing invented per parcel
    return merchant, subs, clock


def test_one_departure_for_the_parcels_of_a_flight(app, ctx, make):
    merchant, subs, clock = _released(app, make)
    cases = [case_of(s) for s in subs]
    assert departures.waiting(merchant.id) == cases
    batch = departures.declare(merchant.id, [c.id for c in cases], **FLIGHT)
    db.session.commit()
    (departure,) = messages(kind="CEB509")
    root = etree.fromstring(departure.payload)
    names = ("customsCode", "copNo", "trafMode", "trafName", "voyageNo", "billNo", "leaveTime")
    text = {name: root.findtext(f".//{{{NS}}}{name}") for name in names}
    assert text == {
        "customsCode": "0901",
        "copNo": batch.cop_no,
        "trafMode": "5",
        "trafName": "大韩航空 KE854",
        "voyageNo": "KE854",
        "billNo": "180-12345675",
        "leaveTime": "20261205103000",
    }
    assert [el.text for el in root.iter(f"{{{NS}}}logisticsNo")] == [c.logistics_no for c in cases]
    drain(simulator_worker(app, clock))
    assert {case_of(s).status for s in subs} == {CaseStatus.CLOSED}
    assert departures.waiting(merchant.id) == []


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"port_code": "9999"}, "not in the port table"),
        ({"traf_mode": "2", "port_code": "0801"}, "does not leave from"),
        ({"bill_no": "B" * 38}, "bill of lading"),
        ({"voyage_no": " "}, "voyage number is required"),
    ],
)
def test_departure_data_is_checked(app, ctx, make, change, reason):
    merchant, subs, _clock = _released(app, make, count=1)
    with pytest.raises(departures.DepartureError, match=reason):
        departures.declare(merchant.id, [case_of(subs[0]).id], **{**FLIGHT, **change})


def test_only_own_released_parcels(app, ctx, make):
    merchant, subs, _clock = _released(app, make, count=1)
    other = make.merchant()
    with pytest.raises(departures.DepartureError, match="released parcels of yours"):
        departures.declare(other.id, [case_of(subs[0]).id], **FLIGHT)


def test_list_port_fields_come_from_the_port_tables(app, ctx, make):
    """CEB603 `portCode` is an exit port of data/ports.toml that the transport mode leaves from, and `POD` is the
    port of destination (指运港) from data/destination_ports.toml, not the destination's country code."""
    merchant = make.merchant()
    product = make.product(merchant, stock=5)
    order = paid_order(make, [(product, 1)], country="RU", currency="USD", ref="pi_pod")
    ship(order.sub_orders[0], tracking_no="EE000000777CN")
    case = case_of(order.sub_orders[0])
    (inventory,) = messages(kind="CEB603")
    root = etree.fromstring(inventory.payload)
    pod, port_code = root.findtext(f".//{{{NS}}}POD"), root.findtext(f".//{{{NS}}}portCode")
    assert pod == ports.pod_for("RU", case.traf_mode).code == "MOW"  # Moscow, by air
    assert pod != codes.country_code("RU")
    assert port_code == case.port_code and ports.exit_port(port_code, case.traf_mode).code == "0901"


def test_port_of_destination_follows_the_transport_mode():
    """The mode's own row wins over the country's default (Vladivostok / Busan by sea, Moscow / Incheon by air)."""
    assert ports.pod_for("RU", "2").en == "Vladivostok" and ports.pod_for("RU", "3").en == "Moscow"
    assert ports.pod_for("kr", "2").en == "Busan" and ports.pod_for("KR", "5").en == "Incheon"
    assert ports.pod_for("MN", "3").en == "Ulaanbaatar" and ports.pod_for("PL", "5").en == "Warsaw"
    rows = ports.destination_ports().values()
    assert all(3 <= len(p.code) <= 4 and p.locode.endswith(p.code) for p in rows)
    assert {p.country for p in rows} <= set(codes.COUNTRIES)
    with pytest.raises(ports.PortError, match="destination_ports.toml"):
        ports.pod_for("FR", "5")
    with pytest.raises(ports.PortError, match="data/ports.toml"):
        ports.exit_port("9999", "5")
    with pytest.raises(ports.PortError, match="does not leave"):
        ports.exit_port("0930", "5")  # Dandong: road, rail and sea only


def test_destination_without_a_port_is_refused_locally(app, ctx, make):
    """A list to a country with no port of destination is never sent: rejected locally, naming the table."""
    merchant = make.merchant()
    product = make.product(merchant, stock=5)
    order = paid_order(make, [(product, 1)], country="FR", currency="USD", ref="pi_fr")
    ship(order.sub_orders[0], tracking_no="EE000000778CN")
    case = case_of(order.sub_orders[0])
    assert case.status == CaseStatus.REJECTED and "destination_ports.toml" in case.reject_reason
    assert not messages(kind="CEB603")


def test_unknown_exit_port_is_refused_locally(app, ctx, make, monkeypatch):
    """CLEARANCE_PORT_CODE outside the exit-port table: the list is refused locally, not sent."""
    monkeypatch.setitem(app.config, "CLEARANCE_PORT_CODE", "9999")
    merchant = make.merchant()
    product = make.product(merchant, stock=5)
    order = paid_order(make, [(product, 1)], country="KR", currency="KRW", ref="pi_port")
    ship(order.sub_orders[0], tracking_no="EE000000779CN")
    case = case_of(order.sub_orders[0])
    assert case.status == CaseStatus.REJECTED and "data/ports.toml" in case.reject_reason
    assert not messages(kind="CEB603")
