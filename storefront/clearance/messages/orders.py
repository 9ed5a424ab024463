"""Builders for the trade-side export messages: order (CEB303), payment receipt (CEB403), waybill (CEB505)."""

from __future__ import annotations

from lxml import etree

from storefront.clearance import codes
from storefront.clearance.messages.common import (
    Field,
    Meta,
    add_node,
    build_message,
    build_single,
    fmt_time,
)
from storefront.clearance.messages.data import OrderData

GOODS_INFO_MAX = 200


def goods_info(order: OrderData) -> str:
    """Return the waybill's main goods description: the shipment's, or the joined goods names."""
    shipment = order.require_shipment("CEB505")
    text = shipment.goods_info or ";".join(line.list_name for line in order.lines)
    return " ".join(text.split())[:GOODS_INFO_MAX]


def order_fields(order: OrderData, head: list[Field]) -> list[Field]:
    """Return the OrderHead fields in XSD order."""
    return [
        *head,
        ("orderType", order.order_type),
        ("orderNo", order.order_no),
        ("ebpCode", order.ebp.code),
        ("ebpName", order.ebp.name),
        ("ebcCode", order.ebc.code),
        ("ebcName", order.ebc.name),
        ("goodsValue", order.goods_value),
        ("freight", order.freight),
        ("currency", codes.currency_code(order.currency)),
        ("note", order.note),
    ]


def build_ceb303(order: OrderData, meta: Meta) -> bytes:
    """Build the export order message (CEB303, one ``ceb:Order``)."""
    currency = codes.currency_code(order.currency)

    def fill(root: etree._Element) -> None:
        node = add_node(root, "Order", ())
        add_node(node, "OrderHead", order_fields(order, meta.head()))
        for line in order.lines:
            add_node(
                node,
                "OrderList",
                [
                    ("gnum", line.gnum),
                    ("itemNo", line.item_no),
                    ("itemName", line.item_name),
                    ("itemDescribe", line.item_describe),
                    ("barCode", line.bar_code),
                    ("unit", line.unit),
                    ("currency", currency),
                    ("qty", line.qty),
                    ("price", line.price),
                    ("totalPrice", line.total),
                    ("note", line.note),
                ],
            )

    return build_message("CEB303", meta, fill)


def build_ceb403(order: OrderData, meta: Meta) -> bytes:
    """Build the payment-received message (CEB403 收款单, one ``ceb:Receipts``)."""
    payment = order.require_payment("CEB403")
    fields = [
        *meta.head(),
        ("ebpCode", order.ebp.code),
        ("ebpName", order.ebp.name),
        ("ebcCode", order.ebc.code),
        ("ebcName", order.ebc.name),
        ("orderNo", order.order_no),
        ("payCode", payment.pay_code),
        ("payName", payment.pay_name),
        ("payNo", payment.pay_no),
        ("charge", payment.charge),
        ("currency", codes.currency_code(order.currency)),
        ("accountingDate", fmt_time(payment.accounting_time)),
        ("note", payment.note),
    ]
    return build_single("CEB403", meta, "Receipts", fields)


def build_ceb505(order: OrderData, meta: Meta) -> bytes:
    """Build the waybill message (CEB505, one ``ceb:Logistics``)."""
    shipment = order.require_shipment("CEB505")
    fields = [
        *meta.head(),
        ("logisticsCode", shipment.logistics.code),
        ("logisticsName", shipment.logistics.name),
        ("logisticsNo", shipment.logistics_no),
        ("freight", shipment.freight),
        ("insuredFee", shipment.insured_fee),
        ("currency", codes.currency_code(order.currency)),
        ("grossWeight", shipment.gross_weight),
        ("packNo", shipment.pack_no),
        ("goodsInfo", goods_info(order)),
        ("ebcCode", order.ebc.code),
        ("ebcName", order.ebc.name),
        ("ebcTelephone", shipment.ebc_telephone),
        ("note", shipment.note),
    ]
    return build_single("CEB505", meta, "Logistics", fields)
