"""The dxp:DxpMsg client envelope (issue 19 #12): folder/http wrap, validate and unwrap it."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest
from lxml import etree

from storefront.clearance import demo, xsd
from storefront.clearance.envelope import DXP_NS, Envelope, EnvelopeError
from storefront.clearance.messages import Meta, build_ceb603, new_guid
from storefront.clearance.messages.receipts import build_receipt
from storefront.clearance.signing import Sm2Signer, generate_identity, verify_signature
from storefront.clearance.status import CaseStatus
from storefront.clearance.transports import make_transport
from storefront.clearance.transports.folder import FolderTransport
from tests.clearance.helpers import Clock, case_of, order_keys, paid_order, ship, simulator_worker


def _dxp(xml: bytes, name: str) -> str:
    return etree.fromstring(xml).findtext(f".//{{{DXP_NS}}}{name}")


def test_wrap_validates_and_unwraps(xsd_ready):
    """TransInfo per table 4-3, Base64 Data, valid against ceb-terminal-2022.xsd, and back."""
    envelope = Envelope("DXPENTDEMO000001", xsd_dir=str(xsd_ready))
    guid = new_guid()
    business = build_ceb603(demo.demo_order(0), Meta(guid, demo.TRANSFER))
    created = datetime(2026, 12, 3, 1, 2, 3, tzinfo=UTC)
    wrapped = envelope.wrap(business, kind="CEB603", msg_id=guid, created=created)
    assert xsd.validate_envelope(wrapped, directory=xsd_ready) == []
    root = etree.fromstring(wrapped)
    assert root.tag == f"{{{DXP_NS}}}DxpMsg" and root.get("ver") == "1.0"
    assert (_dxp(wrapped, "CopMsgId"), _dxp(wrapped, "SenderId")) == (guid, "DXPENTDEMO000001")
    assert (_dxp(wrapped, "ReceiverId"), _dxp(wrapped, "MsgType")) == ("DXPEDCCEB0000002", "CEB603Message")
    assert _dxp(wrapped, "CreatTime") == "2026-12-03T09:02:03"  # Beijing time
    assert base64.b64decode(_dxp(wrapped, "Data")) == business
    assert envelope.unwrap(wrapped) == business
    assert envelope.unwrap(business) == business  # a bare receipt passes through
    broken = wrapped.replace(b"<dxp:SenderId>DXPENTDEMO000001</dxp:SenderId>", b"")
    with pytest.raises(EnvelopeError, match="does not validate"):
        envelope.unwrap(broken)
    with pytest.raises(EnvelopeError, match="validate"):
        Envelope("X" * 17, xsd_dir=str(xsd_ready)).wrap(business, kind="CEB603", msg_id=guid, created=created)


def test_folder_transport_exchanges_envelopes(app, ctx, make, tmp_path):
    """From config the folder transport writes signed messages in DxpMsg and reads receipts out of DxpMsg."""
    app.config["CLEARANCE_TRANSPORT"] = "folder"
    app.config["DATA_DIR"] = str(tmp_path)
    try:
        folders = make_transport(app)
    finally:
        app.config["CLEARANCE_TRANSPORT"] = "simulator"
    assert isinstance(folders, FolderTransport) and folders.envelope is not None
    key, cert = generate_identity("sm2", "t")
    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    sub = order.sub_orders[0]
    ship(sub)
    clock = Clock()
    worker = simulator_worker(app, clock, folders, signer=Sm2Signer(key, cert))
    assert worker.run_once().sent == 4
    for path in folders.send_dir.iterdir():
        wrapped = path.read_bytes()
        assert xsd.validate_envelope(wrapped) == []
        business = folders.envelope.unwrap(wrapped)
        assert xsd.validate(business) == []
        if _dxp(wrapped, "MsgType") == "CEB603Message":
            verify_signature(business, cert)
    receipt = build_receipt("CEB304", order_keys(sub), 100, "订单重复", clock())
    folders.receive_dir.mkdir(parents=True, exist_ok=True)
    envelope = folders.envelope
    (folders.receive_dir / "r1.xml").write_bytes(
        envelope.wrap(receipt, kind="CEB304", msg_id=new_guid(), created=clock())
    )
    empty = b'<dxp:DxpMsg xmlns:dxp="http://www.chinaport.gov.cn/dxp" ver="1.0"/>'
    (folders.receive_dir / "r2.xml").write_bytes(empty)  # no TransInfo, no Data: refused
    stats = worker.run_once()
    assert (stats.receipts, stats.quarantined) == (1, 0)
    assert case_of(sub).status == CaseStatus.REJECTED
    assert [p.name.split("-", 2)[-1] for p in folders.quarantine_dir.iterdir()] == ["r2.xml"]
