"""A deterministic customs simulator: answers every message with the receipts customs would send.

Inventory lists go 2 → 120 → (500 when the value is above ``inspect_over``) → 399 → 800; a departure is
answered with CEB510 and closes (899) each list it carries; a summary application gets CEB702 and the CEB792
result. Wrong data is refused with returnStatus 100 and a reason: an HS code that is missing or not a tariff
heading, a weight or quantity of zero, net weight above gross weight. Receipt guids, numbers and times derive
from the message (and the injected clock), so a re-sent message produces the very same receipts.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from lxml import etree
from sqlalchemy import select

from storefront.clearance import legal_units
from storefront.clearance.messages.common import NS, now
from storefront.clearance.messages.data import Company
from storefront.clearance.messages.receipts import (
    RETURN_SPECS,
    SummaryLine,
    SummaryResult,
    build_receipt,
    build_summary_result,
)
from storefront.clearance.models import ClearanceCase, OutboxMessage
from storefront.clearance.signing import SIGNED_KINDS, SignatureInvalid, verify_signature
from storefront.clearance.transports.base import Incoming, Outgoing, TransportError
from storefront.core.validators import is_valid_hs_code
from storefront.extensions import db

Lookup = Callable[..., bytes | None]
_GUID_NS = uuid.UUID("6f1c7a8e-1d2b-4c55-9a0e-2b4f3c5d6e7f")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _guid(*parts: object) -> str:
    """A guid derived from the parts (same parts, same guid)."""
    return str(uuid.uuid5(_GUID_NS, ":".join(str(p) for p in parts))).upper()


def _serial(text: str, digits: int) -> int:
    """A stable number of ``digits`` digits derived from a text."""
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % 10**digits


def _values(node: etree._Element | None) -> dict[str, str]:
    """Texts of the CEB children of a node, by local name."""
    if node is None:
        return {}
    return {
        etree.QName(child).localname: (child.text or "").strip()
        for child in node
        if isinstance(child.tag, str) and etree.QName(child).namespace == NS
    }


def _find(root: etree._Element, path: str) -> list[etree._Element]:
    return root.findall("/".join(f"{{{NS}}}{part}" for part in path.split("/")))


def _decimal(value: str | None) -> Decimal:
    try:
        return Decimal(value or "0")
    except InvalidOperation:
        return Decimal(0)


#: The receipt that answers each message kind.
_RECEIPT_OF = {
    "CEB303": "CEB304",
    "CEB403": "CEB404",
    "CEB505": "CEB506",
    "CEB603": "CEB604",
    "CEB605": "CEB606",
    "CEB607": "CEB608",
    "CEB509": "CEB510",
    "CEB701": "CEB702",
}


def _refusal_keys(receipt: str, root: etree._Element) -> dict[str, str]:
    """The business keys a refusal receipt echoes, read from the message (numbers derived if absent)."""
    values: dict[str, str] = {}
    for element in root.iter():
        if isinstance(element.tag, str) and etree.QName(element).namespace == NS and len(element) == 0:
            values.setdefault(etree.QName(element).localname, (element.text or "").strip())
    year, cop_no = int(values.get("appTime", "2026")[:4]), values.get("copNo", "")
    derived = {
        "preNo": pre_no_for(year, cop_no),
        "invtNo": invt_no_for(values.get("customsCode", "0000"), year, cop_no),
        "statisticsFlag": "B",
        "msgSeqNo": "1",
    }
    keys = {}
    for name, required in RETURN_SPECS[receipt].keys:
        value = values.get(name) or (derived.get(name, "") if required else "")
        if value:
            keys[name] = value
    return keys


def invt_no_for(customs_code: str, year: int, cop_no: str) -> str:
    """The inventory number customs gives a list: office(4) + year(4) + E + serial(9)."""
    return f"{customs_code}{year}E{_serial('invt:' + cop_no, 9):09d}"


def pre_no_for(year: int, cop_no: str) -> str:
    """The 18-character e-port number of a document."""
    return f"E{year}{_serial('pre:' + cop_no, 13):013d}"


class Simulator:
    """Plays customs in-process; keeps the receipts it owes until ``receive()``."""

    name = "simulator"

    def __init__(
        self,
        *,
        lookup: Lookup | None = None,
        clock: Callable[[], datetime] = now,
        inspect_over: Decimal | str | None = None,
        require_signature: bool = False,
        trusted_cert: bytes | None = None,
        hold_lists: bool = False,
    ) -> None:
        #: Stop lists at 120 (入库), as customs does while it reviews: the window for a cancellation.
        self.hold_lists = hold_lists
        self.lookup = lookup
        self.require_signature = require_signature
        self.trusted_cert = trusted_cert
        self.clock = clock
        self.inspect_over = Decimal(inspect_over) if inspect_over not in (None, "") else None
        self._inbox: list[Incoming] = []
        self._lists: dict[str, bytes] = {}

    # ------------------------------------------------------------------------------------------ transport
    def send(self, message: Outgoing) -> None:
        """Answer the message (refusing bytes that are not a CEB message)."""
        try:
            root = etree.fromstring(message.data, _PARSER)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise TransportError(f"simulator: not XML: {exc}") from exc
        kind = etree.QName(root).localname.removesuffix("Message")
        handler = getattr(self, f"_on_{kind.lower()}", None)
        if handler is None:
            raise TransportError(f"simulator: unsupported message {kind}")
        self._step = 0
        if self._signature_refused(kind, root, message):
            return
        try:
            handler(root, message.guid)
        except (IndexError, KeyError, ValueError) as exc:
            raise TransportError(f"simulator: cannot read {kind}: {exc}") from exc

    def _signature_refused(self, kind: str, root: etree._Element, message: Outgoing) -> bool:
        """Verify a signature as the e-port does (spec §6); answer a refusal (100, code 1001) if it fails."""
        signed = root.find("{http://www.w3.org/2000/09/xmldsig#}Signature") is not None
        if not signed and not (self.require_signature and kind in SIGNED_KINDS):
            return False
        try:
            verify_signature(message.data, self.trusted_cert)
        except SignatureInvalid as exc:
            receipt = _RECEIPT_OF.get(kind)
            if receipt is None:
                raise TransportError(f"simulator: signature of {kind} refused: {exc}") from exc
            keys = _refusal_keys(receipt, root)
            refusal = (100, f"[1001] 数字签名无效 (invalid signature): {exc}")
            self._answer(receipt, keys, [refusal], message.guid)
            return True
        return False

    def receive(self) -> Iterator[Incoming]:
        """Hand over the receipts owed so far."""
        while self._inbox:
            yield self._inbox.pop(0)

    # ---------------------------------------------------------------------------------------- receipts
    def _when(self) -> datetime:
        self._step += 1
        return self.clock() + timedelta(seconds=self._step)

    def _answer(self, kind: str, keys: dict[str, str], statuses: list[tuple[int, str]], source: str) -> None:
        for status, info in statuses:
            guid = _guid(source, kind, status)
            xml = build_receipt(kind, keys, status, info, self._when(), guid=guid, message_guid=_guid(guid))
            self._inbox.append(Incoming(f"simulator:{kind}:{status}", xml))

    def _on_ceb303(self, root: etree._Element, guid: str) -> None:
        head = _values(_find(root, "Order/OrderHead")[0])
        keys = {k: head.get(k, "") for k in ("ebpCode", "ebcCode", "orderNo")}
        problems = [
            f"第{line.get('gnum')}项数量必须大于0"
            for line in map(_values, _find(root, "Order/OrderList"))
            if _decimal(line.get("qty")) <= 0
        ]
        self._answer("CEB304", keys, self._outcome(problems, "订单"), guid)

    def _on_ceb403(self, root: etree._Element, guid: str) -> None:
        head = _values(_find(root, "Receipts")[0])
        keys = {"ebcCode": head.get("ebcCode", ""), "orderNo": head.get("orderNo", "")}
        if head.get("payNo"):
            keys["payNo"] = head["payNo"]
        self._answer("CEB404", keys, self._outcome([], "收款单"), guid)

    def _on_ceb505(self, root: etree._Element, guid: str) -> None:
        head = _values(_find(root, "Logistics")[0])
        keys = {"logisticsCode": head.get("logisticsCode", ""), "logisticsNo": head.get("logisticsNo", "")}
        problems = (
            ["毛重必须大于0 (gross weight must be greater than 0)"] if _decimal(head.get("grossWeight")) <= 0 else []
        )
        self._answer("CEB506", keys, self._outcome(problems, "运单"), guid)

    def _on_ceb603(self, root: etree._Element, guid: str) -> None:
        head = _values(_find(root, "Inventory/InventoryHead")[0])
        lines = [_values(node) for node in _find(root, "Inventory/InventoryList")]
        year = int(head.get("appTime", "2026")[:4])
        cop_no = head.get("copNo", "")
        keys = {
            "agentCode": head.get("agentCode", ""),
            "copNo": cop_no,
            "preNo": head.get("preNo") or pre_no_for(year, cop_no),
            "invtNo": head.get("invtNo") or invt_no_for(head.get("customsCode", "0000"), year, cop_no),
            "ebcCode": head.get("ebcCode", ""),
            "ebpCode": head.get("ebpCode", ""),
            "orderNo": head.get("orderNo", ""),
            "statisticsFlag": head.get("statisticsFlag", "B"),
        }
        problems = self._list_problems(head, lines)
        if not problems:
            self._lists[head.get("logisticsNo", "")] = self._lists["invt:" + keys["invtNo"]] = etree.tostring(root)
        statuses = self._outcome(problems, "清单")
        if not problems and self.hold_lists:
            statuses = statuses[:2]
        if not problems and self.inspect_over is not None:
            value = sum((_decimal(line.get("totalPrice")) for line in lines), Decimal(0))
            if value > self.inspect_over:
                statuses.insert(-2, (500, "海关查验 (inspection)"))
        # a released list is revision-specific: the guid keeps a resubmitted list's receipts distinct
        self._answer("CEB604", keys, statuses, guid)

    @staticmethod
    def _list_problems(head: dict[str, str], lines: list[dict[str, str]]) -> list[str]:
        """Customs checks on an inventory list (the reasons are customs-style Chinese plus English)."""
        problems = []
        for line in lines:
            gnum, gcode = line.get("gnum"), line.get("gcode", "")
            if not is_valid_hs_code(gcode):
                problems.append(f"表体第{gnum}项商品编码[{gcode}]不存在 (HS code missing or not in the tariff)")
            elif legal_units.known(gcode):
                row = legal_units.lookup(gcode)
                declared = (line.get("unit1", ""), line.get("unit2") or None)
                if declared != (row.unit1, row.unit2):
                    problems.append(
                        f"表体第{gnum}项法定计量单位[{'/'.join(filter(None, declared))}]与商品编码[{gcode}]的"
                        f"法定计量单位[{'/'.join(filter(None, (row.unit1, row.unit2)))}]不符 "
                        "(legal units do not match the tariff)"
                    )
            if _decimal(line.get("qty")) <= 0 or _decimal(line.get("qty1")) <= 0:
                problems.append(f"表体第{gnum}项数量必须大于0 (quantity must be greater than 0)")
        gross, net = _decimal(head.get("grossWeight")), _decimal(head.get("netWeight"))
        if gross <= 0 or net <= 0:
            problems.append("毛重和净重必须大于0 (gross and net weight must be greater than 0)")
        elif net > gross:
            problems.append("净重不能大于毛重 (net weight cannot exceed gross weight)")
        return problems

    @staticmethod
    def _outcome(problems: list[str], what: str) -> list[tuple[int, str]]:
        """Statuses to answer: a refusal with the reasons, or the path to release."""
        if problems:
            return [(2, f"{what}已申报"), (100, "; ".join(problems))]
        if what != "清单":
            return [(2, f"{what}已申报"), (120, f"{what}已入库")]
        return [(2, "电子口岸申报中"), (120, "海关入库"), (399, "海关审结"), (800, "放行")]

    def _list(self, *, invt_no: str | None = None, logistics_no: str | None = None) -> etree._Element | None:
        """The inventory list customs released under a number (from memory, else from the lookup)."""
        data = self._lists.get(logistics_no or "") or self._lists.get(f"invt:{invt_no}")
        if data is None and self.lookup is not None:
            data = self.lookup(invt_no=invt_no, logistics_no=logistics_no)
        return etree.fromstring(data, _PARSER) if data else None

    def _on_ceb509(self, root: etree._Element, guid: str) -> None:
        head = _values(_find(root, "Departure/DepartureHead")[0])
        year = int(head.get("appTime", "2026")[:4])
        cop_no = head.get("copNo", "")
        keys = {
            "logisticsCode": head.get("logisticsCode", ""),
            "copNo": cop_no,
            "preNo": head.get("preNo") or pre_no_for(year, cop_no),
            "msgSeqNo": head.get("msgSeqNo", "1"),
        }
        self._answer("CEB510", keys, [(2, "离境单已申报"), (120, "离境单已入库")], guid)
        for logistics_no in (_values(n).get("logisticsNo") for n in _find(root, "Departure/DepartureList")):
            found = self._list(logistics_no=logistics_no)
            if found is None:
                continue
            list_head = _values(_find(found, "Inventory/InventoryHead")[0])
            list_year = int(list_head.get("appTime", "2026")[:4])
            list_cop = list_head.get("copNo", "")
            list_keys = {
                "agentCode": list_head.get("agentCode", ""),
                "copNo": list_cop,
                "preNo": list_head.get("preNo") or pre_no_for(list_year, list_cop),
                "invtNo": list_head.get("invtNo")
                or invt_no_for(list_head.get("customsCode", "0000"), list_year, list_cop),
                "ebcCode": list_head.get("ebcCode", ""),
                "ebpCode": list_head.get("ebpCode", ""),
                "orderNo": list_head.get("orderNo", ""),
                "statisticsFlag": list_head.get("statisticsFlag", "B"),
            }
            self._answer("CEB604", list_keys, [(899, "结关")], f"{guid}:{logistics_no}")

    def _on_ceb607(self, root: etree._Element, guid: str) -> None:
        """List master bill: accepted (120) when every waybill it lists belongs to a list customs holds."""
        head = _values(_find(root, "WayBill/WayBillHead")[0])
        year, cop_no = int(head.get("appTime", "2026")[:4]), head.get("copNo", "")
        keys = {name: head.get(name, "") for name in ("agentCode", "logisticsCode", "copNo", "billNo")}
        keys["preNo"] = head.get("preNo") or pre_no_for(year, cop_no)
        keys["msgSeqNo"] = head.get("msgSeqNo", "1")
        unknown = [
            number
            for number in (_values(n).get("logisticsNo", "") for n in _find(root, "WayBill/WayBillList"))
            if self._list(logistics_no=number) is None
        ]
        if unknown:
            statuses = [(2, "清单总分单已申报"), (100, f"运单编号[{', '.join(unknown)}]无对应的出口清单")]
        else:
            statuses = [(2, "清单总分单已申报"), (120, "清单总分单已入库")]
        self._answer("CEB608", keys, statuses, guid)

    def _on_ceb605(self, root: etree._Element, guid: str) -> None:
        head = _values(_find(root, "InvtCancel")[0])
        keys = {name: head.get(name, "") for name in ("agentCode", "copNo", "invtNo")}
        year = int(head.get("appTime", "2026")[:4])
        keys["preNo"] = head.get("preNo") or pre_no_for(year, keys["copNo"])
        if self._list(invt_no=keys["invtNo"]) is None:
            missing = f"[-623003] 系统中不存在清单编号为[{keys['invtNo']}]的清单！"
            statuses = [(2, "撤销申请已申报"), (100, missing)]
        else:
            statuses = [(2, "撤销申请已申报"), (120, "撤销申请已入库"), (399, "撤销申请审核通过，清单已撤销")]
        self._answer("CEB606", keys, statuses, guid)

    def _on_ceb701(self, root: etree._Element, guid: str) -> None:
        head = _values(_find(root, "SummaryApply/SummaryApplyHead")[0])
        year = int(head.get("appTime", "2026")[:4])
        cop_no, customs = head.get("copNo", ""), head.get("customsCode", "0000")
        sum_no = f"{customs}{year}{_serial('sum:' + cop_no, 10):010d}"
        keys = {
            "agentCode": head.get("agentCode", ""),
            "ebcCode": head.get("ebcCode", ""),
            "copNo": cop_no,
            "preNo": pre_no_for(year, cop_no),
            "sumNo": sum_no,
            "msgSeqNo": head.get("msgSeqNo", "1"),
        }
        invt_nos = [_values(n).get("invtNo", "") for n in _find(root, "SummaryApply/SummaryApplyList")]
        lists = [(invt_no, self._list(invt_no=invt_no)) for invt_no in invt_nos]
        missing = [invt_no for invt_no, found in lists if found is None]
        if missing:
            self._answer("CEB702", keys, [(100, f"清单{','.join(missing[:5])}不存在或未放行")], guid)
            return
        self._answer("CEB702", keys, [(2, "汇总申请已申报"), (120, "汇总申请已入库")], guid)
        by_name = head.get("itemNameFlag") == "1"
        seq: dict[tuple[str, ...], int] = {}
        items, gross, net = [], Decimal(0), Decimal(0)
        for invt_no, found in lists:
            assert found is not None
            list_head = _values(_find(found, "Inventory/InventoryHead")[0])
            gross += _decimal(list_head.get("grossWeight"))
            net += _decimal(list_head.get("netWeight"))
            for line in map(_values, _find(found, "Inventory/InventoryList")):
                key = (line.get("gcode", ""), line.get("country", ""), line.get("currency", ""))
                key += (line.get("itemName", ""),) if by_name else ()
                gseqno = seq.setdefault(key, len(seq) + 1)
                items.append(SummaryLine(invt_no, list_head.get("logisticsNo", ""), gseqno, int(line["gnum"]), key[0]))
        result = SummaryResult(
            guid=_guid(guid, "CEB792"),
            customs_code=customs,
            sum_no=sum_no,
            op_date=self._when(),
            decl_seq_no=f"{customs}{year}{_serial('seq:' + cop_no, 10):010d}",
            dec_state="A",
            agent=Company(head.get("agentCode", "-"), head.get("agentName", "-")),
            ebc=Company(head.get("ebcCode", "-"), head.get("ebcName", "-")),
            decl_agent=Company(head.get("declAgentCode", "-"), head.get("declAgentName", "-")),
            gross_weight=gross,
            net_weight=net,
            items=tuple(items),
            entry_id=f"{customs}{year}1{_serial('entry:' + cop_no, 9):09d}",
        )
        xml = build_summary_result(result, message_guid=_guid(guid, "CEB792", "root"))
        self._inbox.append(Incoming("simulator:CEB792", xml))


def db_lookup(*, invt_no: str | None = None, logistics_no: str | None = None) -> bytes | None:
    """The last inventory list sent for a case, by inventory or waybill number (the simulator's memory)."""
    if invt_no:
        where = ClearanceCase.invt_no == invt_no
    elif logistics_no:
        where = ClearanceCase.logistics_no == logistics_no
    else:
        return None
    case_id = db.session.scalar(select(ClearanceCase.id).where(where).limit(1))
    if case_id is None:
        return None
    return db.session.scalar(
        select(OutboxMessage.payload)
        .where(OutboxMessage.case_id == case_id, OutboxMessage.kind == "CEB603")
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    )
