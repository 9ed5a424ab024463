"""Legal units (issue 19 #2): one table per 10-digit code, quantities from the order line, refusals."""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from storefront.clearance import legal_units, mapping
from storefront.clearance.messages.common import NS
from storefront.clearance.status import CaseStatus
from storefront.demo.content import PRODUCTS
from tests.clearance.helpers import Clock, case_of, drain, messages, paid_order, ship, simulator_worker


def _texts(xml: bytes, name: str) -> list[str]:
    return [el.text for el in etree.fromstring(xml).iter(f"{{{NS}}}{name}")]


def test_every_catalogue_code_has_its_legal_units():
    """The demo catalogue declares only codes the table knows; units come from the customs unit table."""
    missing = sorted({p["hs_code"] for p in PRODUCTS} - set(legal_units.table()))
    assert missing == []
    assert legal_units.lookup("6112410000").unit1 == "011" and legal_units.lookup("6112410000").unit2 == "035"
    assert legal_units.lookup("2519901000").unit1 == "035" and legal_units.lookup("2519901000").unit2 is None


def test_quantities_from_the_order_line():
    """Weight legal units: net weight × quantity; count units: the pieces."""
    steel = legal_units.quantities("7228300000", Decimal(3), Decimal(1500))
    assert steel == ("035", Decimal("4.5"), None, None)
    assert legal_units.quantities("6112410000", Decimal(4), Decimal(180)) == (
        "011",
        Decimal(4),
        "035",
        Decimal("0.72"),
    )


def test_snapshot_and_message_carry_the_legal_units(app, ctx, make):
    """Swimwear sold by the piece declares 件 first and kilograms second; the simulator accepts it."""
    merchant = make.merchant()
    swimsuit = make.product(merchant, stock=9, hs_code="6112410000", customs_unit="011", net_weight_g=180)
    order = paid_order(make, [(swimsuit, 4)])
    ship(order.sub_orders[0])
    line = case_of(order.sub_orders[0]).lines[0]
    assert (line.unit, line.qty, line.unit1, line.qty1) == ("011", 4, "011", 4)
    assert (line.unit2, line.qty2) == ("035", Decimal("0.72"))
    inventory = next(m for m in messages() if m.kind == "CEB603").payload
    assert (_texts(inventory, "unit1"), _texts(inventory, "qty1")) == (["011"], ["4"])
    assert (_texts(inventory, "unit2"), _texts(inventory, "qty2")) == (["035"], ["0.72"])
    drain(simulator_worker(app, Clock()))
    assert case_of(order.sub_orders[0]).status == CaseStatus.CLOSED


def test_unknown_code_is_refused_with_what_to_add(app, ctx, make):
    """A valid-looking code missing from the table is never declared; the reason names the table file."""
    product = make.product(make.merchant(), stock=9, hs_code="6112490000", customs_unit="011")
    order = paid_order(make, [(product, 1)])
    case = case_of(order.sub_orders[0])
    assert case.status == CaseStatus.REJECTED and messages() == []
    assert "6112490000" in case.reject_reason and "legal_units.toml" in case.reject_reason


def test_customs_refuses_a_wrong_legal_unit(app, ctx, make):
    """The simulator checks unit1/unit2 against the tariff like customs does."""
    order = paid_order(make, [(make.product(make.merchant(), stock=9), 1)])
    case = case_of(order.sub_orders[0])
    case.lines[0].unit1 = "011"  # steel is declared in kilograms
    ship(order.sub_orders[0])
    drain(simulator_worker(app, Clock()))
    case = case_of(order.sub_orders[0])
    assert case.status == CaseStatus.REJECTED and case.rejected_kind == "CEB603"
    assert "法定计量单位[011]与商品编码[7228300000]的法定计量单位[035]不符" in case.reject_reason


def test_weight_units_are_one_fact():
    assert mapping.WEIGHT_UNITS is legal_units.WEIGHT_UNITS
