"""ORM → message dataclasses: the platform's customs identity from config, list snapshots from sub-orders,
and the one ``build()`` that turns a case into CEB303/403/505/603/509 bytes."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from urllib.parse import quote

from flask import current_app
from lxml import etree

from storefront.catalog.units import to_decimal
from storefront.clearance import codes, legal_units, ports, xsd
from storefront.clearance.messages import (
    Company,
    Declaration,
    DepartureData,
    InvtCancelData,
    OrderData,
    OrderLine,
    Payment,
    Shipment,
    Transfer,
    build_ceb303,
    build_ceb403,
    build_ceb505,
    build_ceb509,
    build_ceb603,
    build_ceb605,
)
from storefront.clearance.messages.common import Meta, china_time
from storefront.clearance.models import CaseLine, ClearanceCase
from storefront.core.money import exponent
from storefront.core.validators import is_valid_uscc, normalize_hs_code

WEIGHT_UNITS = legal_units.WEIGHT_UNITS
#: Specification sent when a product has no model (the field is required).
NO_MODEL = "无"
#: Longest waybill number the spec allows (logisticsNo C..32 in CEB505/509/603/607).
LOGISTICS_NO_MAX = 32
ORDER_KINDS = ("CEB303", "CEB403")
SHIPPING_KINDS = ("CEB505", "CEB603")


class DataProblem(ValueError):
    """The data cannot make a valid message (the case is rejected locally with this text)."""


@dataclass(frozen=True)
class Platform:
    """The platform's customs identity and defaults, read from the app config."""

    ebp: Company
    agent: Company
    transfer: Transfer
    customs_code: str
    port_code: str
    traf_mode: str
    logistics: Company
    carriers: Mapping[str, Company] = field(default_factory=dict)

    def logistics_for(self, carrier: str) -> Company:
        """The logistics enterprise of a carrier, by exact key or alias (``DataProblem`` when unknown)."""
        key = " ".join((carrier or "").split()).casefold()
        if key in self.carriers:
            return self.carriers[key]
        raise DataProblem(
            f"carrier {carrier!r} is not in the carrier code table (承运人未在物流企业代码表中): "
            "add it with its customs logistics code to storefront/clearance/data/carriers.toml "
            "or CLEARANCE_CARRIERS"
        )


CARRIERS_PATH = Path(__file__).parent / "data" / "carriers.toml"


@cache
def carrier_table() -> dict[str, Company]:
    """Carrier key and aliases (casefolded) → logistics enterprise, from data/carriers.toml."""
    table = {}
    for key, row in tomllib.loads(CARRIERS_PATH.read_text(encoding="utf-8"))["carriers"].items():
        company = Company(row["code"], row["name"])
        for alias in (key, *row.get("aliases", ())):
            table[" ".join(alias.split()).casefold()] = company
    return table


@cache
def _tracking_pages() -> dict[str, str]:
    """Carrier key and aliases (casefolded) → tracking page template, from data/carriers.toml."""
    table = {}
    for key, row in tomllib.loads(CARRIERS_PATH.read_text(encoding="utf-8"))["carriers"].items():
        for alias in (key, *row.get("aliases", ())):
            if row.get("track"):
                table[" ".join(alias.split()).casefold()] = row["track"]
    return table


def tracking_url(carrier: str, number: str) -> str | None:
    """The carrier's public tracking page for a waybill number (None when the carrier has none)."""
    template = _tracking_pages().get(" ".join((carrier or "").split()).casefold())
    return template.format(number=quote(number or "", safe="")) if template and number else None


def _carriers(text: str) -> dict[str, Company]:
    """The carrier table plus ``CLEARANCE_CARRIERS`` rows ``key=code:name;key2=code:name``."""
    carriers = dict(carrier_table())
    for item in filter(None, (part.strip() for part in (text or "").split(";"))):
        key, _, rest = item.partition("=")
        code, _, name = rest.partition(":")
        carriers[" ".join(key.split()).casefold()] = Company(code.strip(), name.strip())
    return carriers


def platform(config: Mapping | None = None) -> Platform:
    """The platform identity from ``CLEARANCE_*`` settings."""
    config = current_app.config if config is None else config
    ebp = Company(config["CLEARANCE_EBP_CODE"], config["CLEARANCE_EBP_NAME"])
    agent = Company(config.get("CLEARANCE_AGENT_CODE") or ebp.code, config.get("CLEARANCE_AGENT_NAME") or ebp.name)
    return Platform(
        ebp=ebp,
        agent=agent,
        transfer=Transfer(cop_code=ebp.code, cop_name=ebp.name, dxp_id=config["CLEARANCE_DXP_ID"]),
        customs_code=config["CLEARANCE_CUSTOMS_CODE"],
        port_code=config["CLEARANCE_PORT_CODE"],
        traf_mode=config["CLEARANCE_TRAF_MODE"],
        logistics=Company(config["CLEARANCE_LOGISTICS_CODE"], config["CLEARANCE_LOGISTICS_NAME"]),
        carriers=_carriers(config.get("CLEARANCE_CARRIERS", "")),
    )


def to_major(minor: int, currency: str) -> Decimal:
    """Integer minor units → exact major-unit Decimal."""
    return Decimal(int(minor)).scaleb(-exponent(currency))


def kilograms(grams: int) -> Decimal:
    """Grams → exact kilograms."""
    return Decimal(int(grams)) / 1000


def merchant_company(merchant) -> Company:
    """The merchant as shipper: customs registration code (else USCC) and Chinese name."""
    if not merchant.is_approved:
        raise DataProblem(
            "the merchant's filing is not approved (商户备案未审核通过): a list can be declared once an "
            "operator has verified the filing"
        )
    customs_code, uscc = (merchant.customs_code or "").strip(), (merchant.uscc or "").strip().upper()
    if customs_code and not (len(customs_code) == 10 and customs_code.isalnum()):
        raise DataProblem(f"customs registration code {customs_code!r} must be 10 letters or digits")
    if not customs_code and uscc and not is_valid_uscc(uscc):
        raise DataProblem(f"USCC {uscc!r} has a wrong check character (统一社会信用代码校验位错误)")
    code = customs_code or uscc
    name = (merchant.names or {}).get("zh") or (merchant.names or {}).get("en") or ""
    if not code:
        raise DataProblem("merchant has no customs registration code or USCC (商户未备案海关编码)")
    return Company(code, name[:100] or code)


def snapshot_line(gnum: int, line) -> CaseLine:
    """A list line from an order line snapshot: declared quantity in the customs unit, legal quantities from
    the legal-units table (net weight × quantity for weight units), exact value.

    The quantity sold is taken in its unit of sale (2500 stored tonne-steps → 2.5), so 2.5 t of a product with
    1 000 000 g net per tonne declares 2500 in 035 千克 and 2.5 in 070 吨.
    """
    unit = line.customs_unit
    pieces, net_g = to_decimal(line.qty, line.unit), Decimal(int(line.net_weight_g))
    gcode = normalize_hs_code(line.hs_code)[:10]
    qty = legal_units.quantity_in(unit, pieces, net_g)
    if legal_units.known(gcode):
        unit1, qty1, unit2, qty2 = legal_units.quantities(gcode, pieces, net_g)
    else:  # declaring is refused until the code is corrected or added to the table
        unit1, qty1, unit2, qty2 = unit, qty, None, None
    return CaseLine(
        gnum=gnum,
        item_no=(line.sku or "")[:20],
        item_name=(line.customs_name or "")[:250],
        gcode=gcode,
        gmodel=(line.model or "")[:250],
        unit=unit,
        qty=qty,
        unit1=unit1,
        qty1=qty1,
        unit2=unit2,
        qty2=qty2,
        total_minor=line.total_minor,
    )


def _order_line(case: ClearanceCase, line: CaseLine) -> OrderLine:
    """A message line from a list line: exact total, unit price to 5 decimals; the HS code must be in the
    legal-units table (never a placeholder code)."""
    total = to_major(line.total_minor, case.currency)
    qty = Decimal(line.qty)
    price = (total / qty).quantize(Decimal("0.00001"), rounding=ROUND_HALF_UP) if qty > 0 else total
    row = legal_units.lookup(line.gcode)
    if line.unit2 is None and row.unit2:
        raise DataProblem(
            f"line {line.gnum}: HS code {line.gcode} has a second legal unit ({row.unit2}): declare qty2/unit2"
        )
    return OrderLine(
        gnum=line.gnum,
        item_no=line.item_no or f"L{line.gnum}",
        item_name=line.item_name or NO_MODEL,
        gcode=line.gcode,
        gmodel=line.gmodel or NO_MODEL,
        qty=qty,
        unit=line.unit,
        qty1=Decimal(line.qty1),
        unit1=line.unit1,
        qty2=Decimal(line.qty2) if line.qty2 is not None else None,
        unit2=line.unit2,
        price=price,
        total=total,
    )


def order_data(case: ClearanceCase, plat: Platform) -> OrderData:
    """Everything the order-level builders need; shipment and declaration once the merchant shipped."""
    currency = case.currency
    shipment = declaration = None
    if case.logistics_no:
        shipment = Shipment(
            logistics=Company(case.logistics_code, case.logistics_name),
            logistics_no=case.logistics_no,
            traf_mode=case.traf_mode,
            gross_weight=Decimal(case.gross_weight),
            net_weight=Decimal(case.net_weight),
            freight=to_major(case.freight_minor, currency),
        )
        exit_port = ports.exit_port(case.port_code, case.traf_mode)
        declaration = Declaration(
            customs_code=case.customs_code,
            port_code=exit_port.code,
            ie_date=china_time(case.shipped_at or datetime.now().astimezone()).date(),
            cop_no=case.cop_no,
            agent=plat.agent,
            pod=ports.pod_for(case.destination, case.traf_mode).code,
            owner=Company(case.owner_code, case.ebc_name),
            pre_no=case.pre_no,
            invt_no=case.invt_no,
        )
    return OrderData(
        order_no=case.order_no,
        ebp=plat.ebp,
        ebc=Company(case.ebc_code, case.ebc_name),
        destination=case.destination,
        currency=currency,
        lines=tuple(_order_line(case, line) for line in case.lines),
        freight=to_major(case.freight_minor, currency),
        payment=Payment(
            pay_name=current_app.config.get("CLEARANCE_PAY_NAME") or "Stripe Payments",
            pay_no=(case.pay_no or None) and case.pay_no[:60],
            charge=to_major(case.goods_minor + case.freight_minor, currency),
            accounting_time=case.paid_at or datetime.now().astimezone(),
        ),
        shipment=shipment,
        declaration=declaration,
    )


def departure_cop_no(case: ClearanceCase) -> str:
    """Enterprise number of the departure of one case's parcel."""
    return f"D-{case.cop_no}"[:30]


def ref_for(kind: str, case: ClearanceCase) -> str:
    """The document number receipts for this kind carry (what the outbox row is matched by)."""
    return {
        "CEB303": case.order_no,
        "CEB403": case.order_no,
        "CEB505": case.logistics_no or "",
        "CEB603": case.cop_no,
        "CEB605": case.cop_no,
        "CEB509": departure_cop_no(case),
    }[kind]


def build(kind: str, case: ClearanceCase, plat: Platform, *, guid: str, app_type: str, when: datetime) -> bytes:
    """Build one message for a case; raises ``DataProblem`` when the data cannot make a valid message."""
    try:
        meta = Meta(guid, plat.transfer, app_type=app_type, app_time=when)
        if kind == "CEB605":
            cancel = InvtCancelData(
                customs_code=case.customs_code,
                cop_no=case.cop_no,
                invt_no=case.invt_no or "",
                pre_no=case.pre_no,
                reason=case.cancel_reason or "-",
                agent=plat.agent,
                ebc=Company(case.ebc_code, case.ebc_name),
            )
            xml = build_ceb605(cancel, meta)
        elif kind == "CEB509":
            departure = DepartureData(
                customs_code=case.port_code,
                cop_no=departure_cop_no(case),
                logistics=Company(case.logistics_code, case.logistics_name),
                traf_mode=case.traf_mode,
                leave_time=when,
                logistics_nos=(case.logistics_no or "",),
            )
            xml = build_ceb509(departure, meta)
        else:
            builder = {
                "CEB303": build_ceb303,
                "CEB403": build_ceb403,
                "CEB505": build_ceb505,
                "CEB603": build_ceb603,
            }
            xml = builder[kind](order_data(case, plat), meta)
    except (codes.UnknownCode, ports.PortError) as exc:
        raise DataProblem(str(exc)) from exc
    except ValueError as exc:
        raise DataProblem(str(exc)) from exc
    check(xml)
    return xml


#: What differs between two versions of the same document without a change of content.
_VOLATILE = frozenset({"guid", "appType", "appTime"})


def _content(xml: bytes) -> bytes:
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    root.attrib.pop("guid", None)
    for element in list(root.iter()):
        if isinstance(element.tag, str) and etree.QName(element).localname in _VOLATILE:
            element.getparent().remove(element)
    return etree.tostring(root, method="c14n")


def same_content(xml: bytes, previous: bytes | None) -> bool:
    """True when two versions of a document differ only in guid, appType and appTime."""
    return previous is not None and _content(xml) == _content(previous)


def check(xml: bytes) -> None:
    """Validate against the official XSD as configured (``CLEARANCE_VALIDATE``: auto, 1 or 0)."""
    mode = current_app.config.get("CLEARANCE_VALIDATE", "auto")
    directory = current_app.config.get("CEB_XSD_DIR")
    if mode in ("0", "false", "no", "off"):
        return
    if mode == "auto" and not xsd.xsd_available(directory):
        return
    errors = xsd.validate(xml, directory=directory)
    if errors:
        raise DataProblem("; ".join(errors[:3]))
