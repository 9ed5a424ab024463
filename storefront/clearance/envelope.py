"""The client envelope ``dxp:DxpMsg`` (spec ch. 4, ``ceb-terminal-2022.xsd``) the e-port client exchanges.

The business message (already signed) goes Base64-encoded into ``Data``; ``TransInfo`` carries the sender's
DXP id, the receiver id, the creation time (Beijing, ``yyyy-mm-ddThh:mm:ss``) and the message type. Every
envelope is validated against the terminal XSD before it leaves; receipts arriving in an envelope are
unwrapped (and validated) the same way. The ``folder`` and ``http`` transports use it; the simulator talks
business XML directly.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from storefront.clearance import xsd
from storefront.clearance.messages.common import china_time

DXP_NS = "http://www.chinaport.gov.cn/dxp"
#: The receiver of CEB messages at the data exchange platform (configurable: ``CLEARANCE_DXP_RECEIVER``).
DEFAULT_RECEIVER = "DXPEDCCEB0000002"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class EnvelopeError(ValueError):
    """An envelope that cannot be built or read."""


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{DXP_NS}}}{name}")
    element.text = text
    return element


@dataclass(frozen=True)
class Envelope:
    """Wraps and unwraps business messages for one sender."""

    sender_id: str
    receiver_id: str = DEFAULT_RECEIVER
    xsd_dir: str | None = None

    @classmethod
    def from_config(cls, config: Mapping) -> Envelope:
        """Sender ``CLEARANCE_DXP_ID``, receiver ``CLEARANCE_DXP_RECEIVER``, schemas from ``CEB_XSD_DIR``."""
        return cls(
            sender_id=config["CLEARANCE_DXP_ID"],
            receiver_id=config.get("CLEARANCE_DXP_RECEIVER") or DEFAULT_RECEIVER,
            xsd_dir=config.get("CEB_XSD_DIR"),
        )

    def wrap(self, business: bytes, *, kind: str, msg_id: str, created: datetime) -> bytes:
        """The ``DxpMsg`` carrying one business message; validated against the terminal XSD."""
        root = etree.Element(f"{{{DXP_NS}}}DxpMsg", nsmap={"dxp": DXP_NS})
        root.set("ver", "1.0")
        info = _sub(root, "TransInfo")
        _sub(info, "CopMsgId", msg_id)
        _sub(info, "SenderId", self.sender_id)
        _sub(_sub(info, "ReceiverIds"), "ReceiverId", self.receiver_id)
        _sub(info, "CreatTime", china_time(created).strftime("%Y-%m-%dT%H:%M:%S"))
        _sub(info, "MsgType", f"{kind}Message")
        _sub(root, "Data", base64.b64encode(business).decode("ascii"))
        data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8")
        errors = xsd.validate_envelope(data, directory=self.xsd_dir)
        if errors:
            problems = "; ".join(errors[:3])
            raise EnvelopeError(f"DxpMsg does not validate against ceb-terminal-2022.xsd: {problems}")
        return data

    def unwrap(self, data: bytes) -> bytes:
        """The business XML of a received file: the ``Data`` of a ``DxpMsg``, or the file itself when bare."""
        try:
            root = etree.fromstring(data, _PARSER)
        except (etree.XMLSyntaxError, ValueError):
            return data  # not XML: the receipt parser quarantines it with its own reason
        if root.tag != f"{{{DXP_NS}}}DxpMsg":
            return data
        errors = xsd.validate_envelope(data, directory=self.xsd_dir)
        if errors:
            raise EnvelopeError("received DxpMsg does not validate: " + "; ".join(errors[:3]))
        try:
            return base64.b64decode(root.findtext(f"{{{DXP_NS}}}Data") or "", validate=True)
        except (binascii.Error, ValueError) as exc:
            raise EnvelopeError(f"received DxpMsg has bad Base64 data: {exc}") from exc
