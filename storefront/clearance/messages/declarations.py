"""Builders for the customs-side export messages: inventory list CEB603, cancellation CEB605, list master bill
CEB607, departure CEB509, summary CEB701."""

from __future__ import annotations

from lxml import etree

from storefront.clearance import codes
from storefront.clearance.messages.common import (
    Field,
    Meta,
    add_node,
    build_message,
    build_single,
    fmt_date,
    fmt_time,
)
from storefront.clearance.messages.data import (
    DepartureData,
    InvtCancelData,
    OrderData,
    OrderLine,
    SummaryApplyData,
    WayBillData,
)

NO_BAR_CODE = "无"  # the spec: "没有条形码填“无”"
TOTAL_PRICE_FLAG = "3"  # fFlag / iFlag: 1 rate, 2 unit price, 3 total amount


def inventory_head_fields(order: OrderData, head: list[Field]) -> list[Field]:
    """Return the InventoryHead fields in XSD order."""
    decl = order.require_declaration("CEB603")
    shipment = order.require_shipment("CEB603")
    owner = decl.owner or order.ebc
    currency = codes.currency_code(order.currency)
    return [
        *head,
        ("customsCode", decl.customs_code),
        ("ebpCode", order.ebp.code),
        ("ebpName", order.ebp.name),
        ("orderNo", order.order_no),
        ("logisticsCode", shipment.logistics.code),
        ("logisticsName", shipment.logistics.name),
        ("logisticsNo", shipment.logistics_no),
        ("copNo", decl.cop_no),
        ("preNo", decl.pre_no),
        ("invtNo", decl.invt_no),
        ("ieFlag", "E"),
        ("portCode", decl.port_code),
        ("ieDate", fmt_date(decl.ie_date)),
        ("statisticsFlag", decl.statistics_flag),
        ("agentCode", decl.agent.code),
        ("agentName", decl.agent.name),
        ("ebcCode", order.ebc.code),
        ("ebcName", order.ebc.name),
        ("ownerCode", owner.code),
        ("ownerName", owner.name),
        ("iacCode", decl.iac.code if decl.iac else None),
        ("iacName", decl.iac.name if decl.iac else None),
        ("emsNo", decl.ems_no),
        ("tradeMode", decl.trade_mode),
        ("trafMode", shipment.traf_mode),
        ("trafName", shipment.traf_name),
        ("voyageNo", shipment.voyage_no),
        ("billNo", shipment.bill_no),
        ("totalPackageNo", shipment.total_package_no),
        ("loctNo", decl.loct_no),
        ("licenseNo", decl.license_no),
        ("country", codes.country_code(order.destination)),
        ("POD", decl.pod),
        ("freight", shipment.freight),
        ("fCurrency", currency),
        ("fFlag", TOTAL_PRICE_FLAG),
        ("insuredFee", shipment.insured_fee),
        ("iCurrency", currency),
        ("iFlag", TOTAL_PRICE_FLAG),
        ("wrapType", shipment.wrap_type),
        ("packNo", shipment.pack_no),
        ("grossWeight", shipment.gross_weight),
        ("netWeight", shipment.net_weight),
        ("note", decl.note),
    ]


def inventory_line_fields(order: OrderData, line: OrderLine) -> list[Field]:
    """Return the InventoryList fields of one line in XSD order (country = final destination)."""
    return [
        ("gnum", line.gnum),
        ("itemNo", line.item_no),
        ("itemRecordNo", line.item_record_no),
        ("itemName", line.item_name),
        ("gcode", line.gcode),
        ("gname", line.list_name),
        ("gmodel", line.gmodel),
        ("barCode", line.bar_code or NO_BAR_CODE),
        ("country", codes.country_code(order.destination)),
        ("currency", codes.currency_code(order.currency)),
        ("qty", line.qty),
        ("qty1", line.qty1),
        ("qty2", line.qty2),
        ("unit", line.unit),
        ("unit1", line.unit1),
        ("unit2", line.unit2),
        ("price", line.price),
        ("totalPrice", line.total),
        ("note", line.note),
    ]


def build_ceb603(order: OrderData, meta: Meta) -> bytes:
    """Build the export inventory list (CEB603, one ``ceb:Inventory``); sign it before sending."""
    head = inventory_head_fields(order, meta.head())

    def fill(root: etree._Element) -> None:
        node = add_node(root, "Inventory", ())
        add_node(node, "InventoryHead", head)
        for line in order.lines:
            add_node(node, "InventoryList", inventory_line_fields(order, line))

    return build_message("CEB603", meta, fill)


def build_ceb509(departure: DepartureData, meta: Meta) -> bytes:
    """Build the departure message (CEB509, one ``ceb:Departure`` listing the waybills)."""
    head = [
        *meta.head(),
        ("customsCode", departure.customs_code),
        ("copNo", departure.cop_no),
        ("preNo", departure.pre_no),
        ("logisticsCode", departure.logistics.code),
        ("logisticsName", departure.logistics.name),
        ("trafMode", departure.traf_mode),
        ("trafName", departure.traf_name),
        ("voyageNo", departure.voyage_no),
        ("billNo", departure.bill_no),
        ("leaveTime", fmt_time(departure.leave_time)),
        ("msgCount", departure.msg_count),
        ("msgSeqNo", departure.msg_seq_no),
        ("note", departure.note),
    ]

    def fill(root: etree._Element) -> None:
        node = add_node(root, "Departure", ())
        add_node(node, "DepartureHead", head)
        for gnum, logistics_no in enumerate(departure.logistics_nos, start=1):
            add_node(
                node,
                "DepartureList",
                [
                    ("gnum", gnum),
                    ("totalPackageNo", departure.total_package_no),
                    ("logisticsNo", logistics_no),
                ],
            )

    return build_message("CEB509", meta, fill)


def build_ceb607(waybill: WayBillData, meta: Meta) -> bytes:
    """Build the list master bill (CEB607, one ``ceb:WayBill``: head with the conveyance, one line per waybill)."""
    head = [
        *meta.head(),
        ("customsCode", waybill.customs_code),
        ("copNo", waybill.cop_no),
        ("preNo", waybill.pre_no),
        ("agentCode", waybill.agent.code),
        ("agentName", waybill.agent.name),
        ("loctNo", waybill.loct_no),
        ("trafMode", waybill.traf_mode),
        ("trafName", waybill.traf_name),
        ("voyageNo", waybill.voyage_no),
        ("billNo", waybill.bill_no),
        ("domesticTrafNo", waybill.domestic_traf_no),
        ("grossWeight", waybill.gross_weight),
        ("logisticsCode", waybill.logistics.code),
        ("logisticsName", waybill.logistics.name),
        ("msgCount", waybill.msg_count),
        ("msgSeqNo", waybill.msg_seq_no),
        ("note", waybill.note),
    ]

    def fill(root: etree._Element) -> None:
        node = add_node(root, "WayBill", ())
        add_node(node, "WayBillHead", head)
        for gnum, logistics_no in enumerate(waybill.logistics_nos, start=1):
            add_node(
                node,
                "WayBillList",
                [("gnum", gnum), ("totalPackageNo", waybill.total_package_no), ("logisticsNo", logistics_no)],
            )

    return build_message("CEB607", meta, fill)


def build_ceb605(cancel: InvtCancelData, meta: Meta) -> bytes:
    """Build the list cancellation (CEB605, one ``ceb:InvtCancel``); sign it before sending."""
    fields = [
        *meta.head(),
        ("customsCode", cancel.customs_code),
        ("copNo", cancel.cop_no),
        ("preNo", cancel.pre_no),
        ("invtNo", cancel.invt_no),
        ("reason", cancel.reason),
        ("agentCode", cancel.agent.code),
        ("agentName", cancel.agent.name),
        ("ebcCode", cancel.ebc.code),
        ("ebcName", cancel.ebc.name),
        ("note", cancel.note),
    ]

    return build_single("CEB605", meta, "InvtCancel", fields)


def build_ceb701(summary: SummaryApplyData, meta: Meta) -> bytes:
    """Build the summary application (CEB701, one ``ceb:SummaryApply`` listing invtNo or a time window)."""
    head = [
        *meta.head(),
        ("customsCode", summary.customs_code),
        ("copNo", summary.cop_no),
        ("preNo", summary.pre_no),
        ("sumNo", summary.sum_no),
        ("agentCode", summary.agent.code),
        ("agentName", summary.agent.name),
        ("ebcCode", summary.ebc.code),
        ("ebcName", summary.ebc.name),
        ("declAgentCode", summary.decl_agent.code),
        ("declAgentName", summary.decl_agent.name),
        ("startTime", fmt_time(summary.start_time) if summary.start_time else None),
        ("endTime", fmt_time(summary.end_time) if summary.end_time else None),
        ("loctNo", summary.loct_no),
        ("summaryFlag", summary.summary_flag),
        ("itemNameFlag", summary.item_name_flag),
        ("msgCount", summary.msg_count),
        ("msgSeqNo", summary.msg_seq_no),
        ("note", summary.note),
    ]

    def fill(root: etree._Element) -> None:
        node = add_node(root, "SummaryApply", ())
        add_node(node, "SummaryApplyHead", head)
        for invt_no in summary.invt_nos:
            add_node(node, "SummaryApplyList", [("invtNo", invt_no)])

    return build_message("CEB701", meta, fill)
