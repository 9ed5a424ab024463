"""Parse and build customs receipts (CEB304/404/506/508/510/604/606/608/702) and summary results (CEB792).

The builders serve the local customs simulator; everything they produce validates against the export XSD.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from lxml import etree

from storefront.clearance.messages.common import (
    NS,
    VERSION,
    Field,
    Meta,
    add_node,
    build_message,
    build_single,
    check_guid,
    fmt_time_ms,
    new_guid,
    parse_time,
)
from storefront.clearance.messages.data import Company

SUMMARY_RESULT = "CEB792"
_T = TypeVar("_T")


class ReceiptError(ValueError):
    """A receipt that is not well-formed XML, has an unknown root, or lacks required data."""


@dataclass(frozen=True, slots=True)
class ReturnSpec:
    """Shape of one receipt kind: its return node and the business keys between guid and returnStatus."""

    node: str
    keys: tuple[tuple[str, bool], ...]  # (element name, required) in XSD order


RETURN_SPECS: dict[str, ReturnSpec] = {
    "CEB304": ReturnSpec("OrderReturn", (("ebpCode", True), ("ebcCode", True), ("orderNo", True))),
    "CEB404": ReturnSpec("ReceiptsReturn", (("ebcCode", True), ("orderNo", True), ("payNo", False))),
    "CEB506": ReturnSpec("LogisticsReturn", (("logisticsCode", True), ("logisticsNo", True))),
    "CEB508": ReturnSpec(
        "ArrivalReturn",
        (
            ("operatorCode", True),
            ("logisticsCode", True),
            ("preNo", True),
            ("copNo", True),
            ("billNo", True),
            ("msgSeqNo", True),
        ),
    ),
    "CEB510": ReturnSpec(
        "DepartureReturn", (("logisticsCode", True), ("copNo", True), ("preNo", True), ("msgSeqNo", True))
    ),
    "CEB604": ReturnSpec(
        "InventoryReturn",
        (
            ("agentCode", True),
            ("copNo", True),
            ("preNo", True),
            ("invtNo", True),
            ("ebcCode", True),
            ("ebpCode", True),
            ("orderNo", True),
            ("statisticsFlag", True),
        ),
    ),
    "CEB606": ReturnSpec("InvtCancelReturn", (("agentCode", True), ("copNo", True), ("preNo", True), ("invtNo", True))),
    "CEB608": ReturnSpec(
        "WayBillReturn",
        (
            ("agentCode", True),
            ("logisticsCode", True),
            ("copNo", True),
            ("preNo", True),
            ("billNo", True),
            ("msgSeqNo", True),
        ),
    ),
    "CEB702": ReturnSpec(
        "SummaryReturn",
        (
            ("agentCode", True),
            ("ebcCode", True),
            ("copNo", True),
            ("preNo", True),
            ("sumNo", False),
            ("msgSeqNo", True),
        ),
    ),
}


@dataclass(frozen=True, slots=True)
class Receipt:
    """One return node of a receipt message; match it to the declaration by ``keys``, not by guid."""

    kind: str  # e.g. "CEB604"
    guid: str  # guid of the return node
    keys: Mapping[str, str]  # business keys, e.g. {"copNo": …, "preNo": …, "invtNo": …, "orderNo": …}
    return_status: int  # 1 … 899, negative = processing error
    return_time: datetime  # aware, Beijing time
    return_info: str
    message_guid: str = ""  # guid attribute of the receipt message root


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One line of a summary result: which list line went into which declaration line (gseqno)."""

    invt_no: str
    logistics_no: str
    gseqno: int | None  # None when customs left it out (the official sample does)
    gnum: int
    gcode: str


@dataclass(frozen=True, slots=True)
class SummaryResult:
    """Summary result (汇总结果单, CEB792): the customs declaration produced from released lists."""

    guid: str
    customs_code: str
    sum_no: str
    op_date: datetime
    decl_seq_no: str
    dec_state: str
    agent: Company
    ebc: Company
    decl_agent: Company
    gross_weight: Decimal
    net_weight: Decimal
    items: tuple[SummaryLine, ...] = ()
    entry_id: str | None = None
    dec_tmp_no: str | None = None
    dec_pre_no: str | None = None
    msg_count: int = 1
    msg_seq_no: int = 1
    note: str | None = None
    message_guid: str = ""

    @property
    def lines(self) -> dict[int | None, list[tuple[str, int]]]:
        """Map each declaration line (gseqno) to the (invtNo, gnum) list lines merged into it."""
        mapping: dict[int | None, list[tuple[str, int]]] = {}
        for item in self.items:
            mapping.setdefault(item.gseqno, []).append((item.invt_no, item.gnum))
        return mapping


# ---------------------------------------------------------------------------------------------- parsing


def _parse_root(data: bytes | str) -> tuple[str, etree._Element]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes):
        raise ReceiptError(f"expected XML bytes, got {type(data).__name__}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ReceiptError(f"receipt is not well-formed XML: {exc}") from exc
    name = etree.QName(root)
    if name.namespace != NS or not name.localname.endswith("Message"):
        raise ReceiptError(f"unknown receipt root {root.tag!r}")
    kind = name.localname.removesuffix("Message")
    if kind not in RETURN_SPECS and kind != SUMMARY_RESULT:
        raise ReceiptError(f"unknown receipt root {root.tag!r}")
    return kind, root


def _children(node: etree._Element) -> dict[str, str]:
    """Return the text of the element children by local name (first occurrence wins)."""
    values: dict[str, str] = {}
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).namespace == NS:
            values.setdefault(etree.QName(child).localname, (child.text or "").strip())
    return values


def _need(values: Mapping[str, str], name: str, where: str) -> str:
    if name not in values:
        raise ReceiptError(f"{where}: missing <{name}>")
    return values[name]


def _convert(convert: Callable[[str], _T], value: str, name: str, where: str) -> _T:
    try:
        return convert(value)
    except (ValueError, InvalidOperation) as exc:
        raise ReceiptError(f"{where}: bad <{name}> {value!r}") from exc


def _nodes(root: etree._Element, name: str, kind: str) -> list[etree._Element]:
    nodes = root.findall(f"{{{NS}}}{name}")
    if not nodes:
        raise ReceiptError(f"{kind}: no <{name}> node")
    return nodes


def receipt_kind(data: bytes | str) -> str:
    """Return the message kind of a receipt (e.g. ``"CEB604"``), or raise ``ReceiptError``."""
    return _parse_root(data)[0]


def parse_receipts(data: bytes | str) -> list[Receipt]:
    """Parse a status receipt message (every return node) into ``Receipt`` objects."""
    kind, root = _parse_root(data)
    if kind == SUMMARY_RESULT:
        raise ReceiptError("CEB792 is a summary result: use parse_summary_results()")
    spec = RETURN_SPECS[kind]
    receipts = []
    for node in _nodes(root, spec.node, kind):
        values = _children(node)
        where = f"{kind}/{spec.node}"
        keys = {name: _need(values, name, where) for name, required in spec.keys if required or name in values}
        receipts.append(
            Receipt(
                kind=kind,
                guid=_need(values, "guid", where),
                keys=keys,
                return_status=_convert(int, _need(values, "returnStatus", where), "returnStatus", where),
                return_time=_convert(parse_time, _need(values, "returnTime", where), "returnTime", where),
                return_info=_need(values, "returnInfo", where),
                message_guid=root.get("guid", ""),
            )
        )
    return receipts


def _company(values: Mapping[str, str], prefix: str, where: str) -> Company:
    try:
        return Company(_need(values, f"{prefix}Code", where), _need(values, f"{prefix}Name", where))
    except ValueError as exc:
        raise ReceiptError(f"{where}: bad {prefix}: {exc}") from exc


def _summary_line(node: etree._Element, where: str) -> SummaryLine:
    values = _children(node)
    gseqno = values.get("gseqno")
    return SummaryLine(
        invt_no=_need(values, "invtNo", where),
        logistics_no=_need(values, "logisticsNo", where),
        gseqno=_convert(int, gseqno, "gseqno", where) if gseqno else None,
        gnum=_convert(int, _need(values, "gnum", where), "gnum", where),
        gcode=_need(values, "gcode", where),
    )


def parse_summary_results(data: bytes | str) -> list[SummaryResult]:
    """Parse a CEB792 summary result message into ``SummaryResult`` objects."""
    kind, root = _parse_root(data)
    if kind != SUMMARY_RESULT:
        raise ReceiptError(f"{kind} is not a summary result (CEB792)")
    results = []
    for node in _nodes(root, "SummaryResult", kind):
        head_node = node.find(f"{{{NS}}}SummaryResultHead")
        where = f"{kind}/SummaryResultHead"
        if head_node is None:
            raise ReceiptError(f"{where}: missing")
        head = _children(head_node)
        results.append(
            SummaryResult(
                guid=_need(head, "guid", where),
                customs_code=_need(head, "customsCode", where),
                sum_no=_need(head, "sumNo", where),
                op_date=_convert(parse_time, _need(head, "opDate", where), "opDate", where),
                decl_seq_no=_need(head, "declSeqNo", where),
                dec_state=_need(head, "decState", where),
                agent=_company(head, "agent", where),
                ebc=_company(head, "ebc", where),
                decl_agent=_company(head, "declAgent", where),
                gross_weight=_convert(Decimal, _need(head, "grossWeight", where), "grossWeight", where),
                net_weight=_convert(Decimal, _need(head, "netWeight", where), "netWeight", where),
                items=tuple(
                    _summary_line(line, f"{kind}/SummaryResultList")
                    for line in node.findall(f"{{{NS}}}SummaryResultList")
                ),
                entry_id=head.get("entryId") or None,
                dec_tmp_no=head.get("decTmpNo") or None,
                dec_pre_no=head.get("decPreNo") or None,
                msg_count=_convert(int, head.get("msgCount", "1"), "msgCount", where),
                msg_seq_no=_convert(int, head.get("msgSeqNo", "1"), "msgSeqNo", where),
                note=head.get("note") or None,
                message_guid=root.get("guid", ""),
            )
        )
    return results


def parse_any(data: bytes | str) -> list[Receipt] | list[SummaryResult]:
    """Parse any supported receipt: ``Receipt`` objects, or ``SummaryResult`` objects for CEB792."""
    if receipt_kind(data) == SUMMARY_RESULT:
        return parse_summary_results(data)
    return parse_receipts(data)


# --------------------------------------------------------------------------------------------- building


def build_receipt(
    kind: str,
    keys: Mapping[str, str],
    status: int,
    info: str,
    when: datetime,
    *,
    guid: str | None = None,
    message_guid: str | None = None,
    version: str = VERSION,
) -> bytes:
    """Build a one-node status receipt (CEB304 … CEB702) as customs / the e-port would send it."""
    if kind not in RETURN_SPECS:
        hint = "; use build_summary_result()" if kind == SUMMARY_RESULT else ""
        raise ValueError(f"no status receipt kind {kind!r}{hint}")
    spec = RETURN_SPECS[kind]
    known = {name for name, _ in spec.keys}
    unknown = set(keys) - known
    missing = [name for name, required in spec.keys if required and not keys.get(name)]
    if unknown or missing:
        raise ValueError(f"{kind} keys: unknown {sorted(unknown)}, missing {missing}")
    fields: list[Field] = [
        ("guid", check_guid(guid or new_guid())),
        *((name, keys.get(name)) for name, _ in spec.keys),
        ("returnStatus", str(int(status))),
        ("returnTime", fmt_time_ms(when)),
        ("returnInfo", info),
    ]
    return build_single(kind, Meta(message_guid or new_guid(), None, version=version), spec.node, fields)


def build_summary_result(result: SummaryResult, *, message_guid: str | None = None, version: str = VERSION) -> bytes:
    """Build a CEB792 summary result message (one ``ceb:SummaryResult``)."""
    head: list[Field] = [
        ("guid", check_guid(result.guid)),
        ("customsCode", result.customs_code),
        ("sumNo", result.sum_no),
        ("opDate", fmt_time_ms(result.op_date)),
        ("declSeqNo", result.decl_seq_no),
        ("decTmpNo", result.dec_tmp_no),
        ("decPreNo", result.dec_pre_no),
        ("entryId", result.entry_id),
        ("decState", result.dec_state),
        ("agentCode", result.agent.code),
        ("agentName", result.agent.name),
        ("ebcCode", result.ebc.code),
        ("ebcName", result.ebc.name),
        ("declAgentCode", result.decl_agent.code),
        ("declAgentName", result.decl_agent.name),
        ("grossWeight", result.gross_weight),
        ("netWeight", result.net_weight),
        ("msgCount", result.msg_count),
        ("msgSeqNo", result.msg_seq_no),
        ("note", result.note),
    ]
    if any(item.gseqno is None for item in result.items):
        raise ValueError("every SummaryLine needs a gseqno to build a CEB792 (the XSD requires it)")

    def fill(root: etree._Element) -> None:
        node = add_node(root, "SummaryResult", ())
        add_node(node, "SummaryResultHead", head)
        for item in result.items:
            add_node(
                node,
                "SummaryResultList",
                [
                    ("invtNo", item.invt_no),
                    ("logisticsNo", item.logistics_no),
                    ("gseqno", item.gseqno),
                    ("gnum", item.gnum),
                    ("gcode", item.gcode),
                ],
            )

    return build_message(SUMMARY_RESULT, Meta(message_guid or new_guid(), None, version=version), fill)
