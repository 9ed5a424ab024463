"""Deterministic, obviously fictitious demo data for tests, the benchmark and a local customs simulator."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from storefront.clearance import ports
from storefront.clearance.messages.common import CHINA_TZ
from storefront.clearance.messages.data import (
    Company,
    Declaration,
    DepartureData,
    OrderData,
    OrderLine,
    Payment,
    Shipment,
    SummaryApplyData,
    Transfer,
    WayBillData,
)

# 18-character placeholders shaped like unified social credit codes; they belong to nobody.
PLATFORM = Company("91210200MA0KJ00012", "辽宁特产跨境电商平台（演示）")
SELLER = Company("91210200MA0KJ00025", "大连海味特产贸易有限公司（演示）")
CARRIER = Company("91210200MA0KJ00038", "辽东国际快递有限公司（演示）")
BROKER = Company("91210200MA0KJ0004B", "大连报关服务有限公司（演示）")
TRANSFER = Transfer(cop_code=PLATFORM.code, cop_name=PLATFORM.name, dxp_id="DXPENTDEMO000001")
CUSTOMS_OFFICE = "0901"
BASE_TIME = datetime(2026, 3, 2, 10, 0, 0, tzinfo=CHINA_TZ)


@dataclass(frozen=True, slots=True)
class Product:
    """A demo catalogue item (tariff codes are illustrative, not a classification ruling)."""

    item_no: str
    item_name: str
    gcode: str
    gmodel: str
    unit: str
    unit1: str
    per_unit1: Decimal  # legal first quantity per declared unit
    price: Decimal
    kg_per_unit: Decimal
    unit2: str | None = None


CATALOGUE: tuple[Product, ...] = (
    Product(
        "LN-SCARF-01",
        "真丝围巾",
        "6214100000",
        "100%桑蚕丝 180x55cm",
        "015",
        "015",
        Decimal(1),
        Decimal("33.33"),
        Decimal("0.05"),
        unit2="035",
    ),
    Product(
        "LN-APPLE-5K",
        "鲜苹果",
        "0808100000",
        "红富士 一级果",
        "035",
        "035",
        Decimal(1),
        Decimal("12.50"),
        Decimal(1),
    ),
    Product(
        "LN-MWAVE-20",
        "微波炉",
        "8516500000",
        "20L 700W 机械式",
        "001",
        "001",
        Decimal(1),
        Decimal("299.00"),
        Decimal(12),
    ),
    Product(
        "LN-TEA-250G",
        "绿茶",
        "0902109000",
        "罐装 250g",
        "140",
        "035",
        Decimal("0.25"),
        Decimal("88.80"),
        Decimal("0.3"),
    ),
)


def demo_line(gnum: int, product: Product, qty: Decimal) -> OrderLine:
    """Build an order line for ``qty`` declared units of ``product``."""
    return OrderLine(
        gnum=gnum,
        item_no=product.item_no,
        item_name=product.item_name,
        gcode=product.gcode,
        gmodel=product.gmodel,
        qty=qty,
        unit=product.unit,
        qty1=qty * product.per_unit1,
        unit1=product.unit1,
        qty2=qty * product.kg_per_unit if product.unit2 else None,
        unit2=product.unit2,
        price=product.price,
    )


def demo_order(seq: int = 1, *, destination: str = "KR", currency: str = "KRW", lines: int = 3) -> OrderData:
    """Return a complete, paid and shipped demo order (number ``seq``) with ``lines`` goods lines."""
    chosen = [CATALOGUE[(seq + k) % len(CATALOGUE)] for k in range(lines)]
    order_lines = tuple(
        demo_line(k + 1, product, Decimal(3) if product.item_no == "LN-SCARF-01" else Decimal(1 + (seq + k) % 4))
        for k, product in enumerate(chosen)
    )
    net = sum((line.qty * prod.kg_per_unit for line, prod in zip(order_lines, chosen, strict=True)), Decimal(0))
    moment = BASE_TIME + timedelta(minutes=seq)
    order_no = f"LN{moment:%Y%m%d}{seq:010d}"
    freight = Decimal("15.00")
    goods_value = sum((line.total or Decimal(0) for line in order_lines), Decimal(0))
    return OrderData(
        order_no=order_no,
        ebp=PLATFORM,
        ebc=SELLER,
        destination=destination,
        currency=currency,
        lines=order_lines,
        payment=Payment(
            pay_name="演示支付有限公司",
            pay_code="91210200MA0KJ0005E",
            pay_no=f"PAY{seq:012d}",
            charge=goods_value + freight,
            accounting_time=moment,
        ),
        shipment=Shipment(
            logistics=CARRIER,
            logistics_no=f"LD{seq:012d}CN",
            traf_mode="5",
            gross_weight=net + Decimal("0.35"),
            net_weight=net,
            freight=freight,
            ebc_telephone="0411-00000000",
        ),
        declaration=Declaration(
            customs_code=CUSTOMS_OFFICE,
            port_code=CUSTOMS_OFFICE,
            ie_date=moment.date(),
            cop_no=order_no,
            agent=BROKER,
            pod=ports.pod_for(destination, "5").code,
        ),
    )


def demo_waybill(orders: Sequence[OrderData], *, seq: int = 1) -> WayBillData:
    """Return a list master bill (CEB607) declaring the flight that carries the parcels of ``orders``."""
    shipments = [order.require_shipment("CEB607") for order in orders]
    return WayBillData(
        customs_code=CUSTOMS_OFFICE,
        cop_no=f"W{BASE_TIME:%Y%m%d}{seq:06d}",
        agent=BROKER,
        logistics=CARRIER,
        traf_mode="5",
        traf_name="大韩航空 KE854",
        voyage_no="KE854",
        bill_no=f"180-{seq:08d}",
        gross_weight=sum((s.gross_weight for s in shipments), Decimal(0)),
        logistics_nos=tuple(s.logistics_no for s in shipments),
    )


def demo_invt_no(seq: int, year: int = 2026) -> str:
    """Return an inventory number shaped like customs': office(4) + year(4) + E + serial(9)."""
    return f"{CUSTOMS_OFFICE}{year}E{seq:09d}"


def demo_departure(orders: Sequence[OrderData], *, seq: int = 1) -> DepartureData:
    """Return a departure for the parcels of ``orders`` leaving on one flight."""
    return DepartureData(
        customs_code=CUSTOMS_OFFICE,
        cop_no=f"DEP{BASE_TIME:%Y%m%d}{seq:06d}",
        logistics=CARRIER,
        traf_mode="5",
        traf_name="演示航空",
        voyage_no=f"DM{seq:04d}",
        bill_no=f"999-{seq:08d}",
        leave_time=BASE_TIME + timedelta(days=1),
        logistics_nos=tuple(order.require_shipment("CEB509").logistics_no for order in orders),
    )


def demo_summary(invt_nos: Sequence[str], *, seq: int = 1) -> SummaryApplyData:
    """Return a summary application for the given released inventory lists."""
    return SummaryApplyData(
        customs_code=CUSTOMS_OFFICE,
        cop_no=f"SUM{BASE_TIME:%Y%m}{seq:06d}",
        agent=BROKER,
        ebc=SELLER,
        decl_agent=BROKER,
        invt_nos=tuple(invt_nos),
    )
