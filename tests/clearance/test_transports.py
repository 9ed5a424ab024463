"""Folder and HTTP transports: files out, receipts dropped in by the test, archive and quarantine; POST with
receipts in the answer, errors and timeouts."""

from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import etree

from storefront.clearance.messages.common import NS
from storefront.clearance.messages.receipts import build_receipt
from storefront.clearance.status import CaseStatus, MessageStatus
from storefront.clearance.transports import Outgoing, TransportError, make_transport
from storefront.clearance.transports.folder import FolderTransport
from storefront.clearance.transports.http import HttpTransport
from storefront.clearance.transports.simulator import Simulator
from tests.clearance.helpers import Clock, case_of, messages, paid_order, simulator_worker


@pytest.fixture
def folders(tmp_path: Path) -> FolderTransport:
    return FolderTransport(tmp_path / "send", tmp_path / "receive", tmp_path / "archive", tmp_path / "quarantine")


def _head(xml: bytes, node: str) -> dict[str, str]:
    found = etree.fromstring(xml).find(f".//{{{NS}}}{node}")
    return {etree.QName(child).localname: child.text or "" for child in found}


def test_folder_round_trip(app, ctx, make, folders, tmp_path):
    merchant = make.merchant()
    order = paid_order(make, [(make.product(merchant, stock=5), 1)], currency="KRW", country="KR")
    sub = order.sub_orders[0]
    clock = Clock()
    worker = simulator_worker(app, clock, folders)
    assert worker.run_once().sent == 2
    sent = sorted(folders.send_dir.iterdir())
    by_guid = {m.guid: m for m in messages()}
    assert sorted(p.name for p in sent) == sorted(f"{guid}.xml" for guid in by_guid)
    assert all(p.read_bytes() == by_guid[p.stem].payload for p in sent)
    assert all(m.status == MessageStatus.SENT for m in messages())

    # the e-port client drops the customs receipts (and some junk) into the receive directory
    order_xml = next(p.read_bytes() for p in sent if b"CEB303Message" in p.read_bytes())
    head = _head(order_xml, "OrderHead")
    keys = {"ebpCode": head["ebpCode"], "ebcCode": head["ebcCode"], "orderNo": head["orderNo"]}
    folders.receive_dir.mkdir(parents=True, exist_ok=True)
    (folders.receive_dir / "r1.xml").write_bytes(build_receipt("CEB304", keys, 120, "订单已入库", clock()))
    (folders.receive_dir / "r2.xml").write_bytes(build_receipt("CEB304", keys, 100, "订单重复申报", clock()))
    (folders.receive_dir / "broken.xml").write_bytes(b"<ceb:CEB304Message")
    (folders.receive_dir / ".partial.tmp").write_bytes(b"still being written")
    stats = worker.run_once()
    assert (stats.receipts, stats.quarantined) == (2, 1)
    archived = sorted(p.name.split("-", 2)[-1] for p in folders.archive_dir.iterdir())
    assert archived == ["r1.xml", "r2.xml"]
    assert [p.name.split("-", 2)[-1] for p in folders.quarantine_dir.iterdir()] == ["broken.xml"]
    assert sorted(p.name for p in folders.receive_dir.iterdir() if p.is_file()) == [".partial.tmp"]
    case = case_of(sub)
    assert case.status == CaseStatus.REJECTED and case.reject_reason == "订单重复申报"
    # the same receipt dropped again is archived and changes nothing
    (folders.receive_dir / "r2-again.xml").write_bytes(
        next(p for p in folders.archive_dir.iterdir() if p.name.endswith("r2.xml")).read_bytes()
    )
    events = len(case.events)
    assert worker.run_once().duplicates == 1
    assert len(case_of(sub).events) == events


def test_folder_resend_overwrites_and_stale_claims_come_back(folders):
    message = Outgoing("0" * 8 + "-0000-0000-0000-" + "0" * 12, "CEB303", "CEB303:1:1", b"<a/>")
    folders.send(message)
    folders.send(Outgoing(message.guid, message.kind, message.business_key, b"<b/>"))
    assert [p.read_bytes() for p in folders.send_dir.iterdir()] == [b"<b/>"]
    folders.receive_dir.mkdir(parents=True)
    (folders.receive_dir / "x.xml").write_bytes(b"<x/>")
    taken = list(folders.receive())
    assert [i.source for i in taken] == ["x.xml"] and list(folders.receive()) == []  # claimed, not yet done
    claimed = folders.processing_dir / "x.xml"
    old = time.time() - folders.stale_seconds - 1
    os.utime(claimed, (old, old))  # the worker that claimed it died
    again = list(folders.receive())
    assert [i.source for i in again] == ["x.xml"]
    again[0].done(True)
    assert not claimed.exists() and len(list(folders.archive_dir.iterdir())) == 1


def test_folder_send_failure_is_a_transport_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    transport = FolderTransport(blocker / "send", tmp_path / "r", tmp_path / "a", tmp_path / "q")
    with pytest.raises(TransportError):
        transport.send(Outgoing("G", "CEB303", "k", b"<a/>"))


def test_make_transport_from_config(app):
    with app.app_context():
        assert make_transport(app).name == "simulator"
        app.config["CLEARANCE_TRANSPORT"] = "folder"
        try:
            transport = make_transport(app)
            assert transport.send_dir == Path(app.config["DATA_DIR"]) / "eport" / "send"
            app.config["CLEARANCE_TRANSPORT"] = "http"
            with pytest.raises(ValueError, match="CLEARANCE_HTTP_URL"):
                make_transport(app)
            app.config["CLEARANCE_TRANSPORT"] = "pigeon"
            with pytest.raises(ValueError, match="unknown"):
                make_transport(app)
        finally:
            app.config["CLEARANCE_TRANSPORT"] = "simulator"


class _Customs(BaseHTTPRequestHandler):
    """A tiny e-port endpoint: answers a POST with the simulator's receipts, or fails, or hangs."""

    simulator: Simulator
    mode = "ok"
    release = threading.Event()
    received: list[bytes] = []

    def do_POST(self):  # noqa: N802 - http.server API
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(body)
        if self.mode == "hang":
            type(self).release.wait(5)
        if self.mode == "fail":
            self.send_response(503)
            self.end_headers()
            return
        self.simulator.send(Outgoing(self.headers["X-Message-Guid"], self.headers["X-Message-Kind"], "", body))
        receipt = next(iter(self.simulator.receive()), None)
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.end_headers()
        self.wfile.write(receipt.data if receipt else b"")

    def log_message(self, *args):
        """Quiet."""


@pytest.fixture
def customs_server():
    _Customs.simulator, _Customs.mode, _Customs.received = Simulator(), "ok", []
    _Customs.release = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Customs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/ceb"
    _Customs.release.set()
    server.shutdown()
    server.server_close()


def test_http_transport(app, ctx, make, customs_server):
    merchant = make.merchant()
    order = paid_order(make, [(make.product(merchant, stock=5), 1)])
    clock = Clock()
    transport = HttpTransport(customs_server, timeout=5)
    worker = simulator_worker(app, clock, transport)
    stats = worker.run_once()
    assert (stats.sent, stats.receipts) == (2, 2)  # one receipt came back in each answer
    assert {m.guid for m in messages()} == {etree.fromstring(b).get("guid") for b in _Customs.received}
    assert [e.return_status for e in case_of(order.sub_orders[0]).events if e.source == "CEB304"][0] == 2

    _Customs.mode = "fail"
    with pytest.raises(TransportError, match="HTTP 503"):
        transport.send(Outgoing("G", "CEB303", "k", b"<a/>"))
    _Customs.mode = "hang"
    with pytest.raises(TransportError, match="cannot reach"):
        HttpTransport(customs_server, timeout=0.2).send(Outgoing("G", "CEB303", "k", b"<a/>"))
    with pytest.raises(ValueError):
        HttpTransport("file:///etc/passwd")


def test_live_transports_never_send_a_signed_kind_unsigned(app, ctx, make, folders):
    """With no signer, CEB303/403/505 leave through the folder but CEB603 is dead-lettered with the reason."""
    from storefront.clearance import queries
    from storefront.clearance.models import utcnow
    from tests.clearance.helpers import ship

    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    ship(order.sub_orders[0])
    clock = Clock()
    worker = simulator_worker(app, clock, folders)  # NoneSigner
    worker.run_once()
    by_kind = {m.kind: m for m in messages()}
    assert by_kind["CEB603"].status == MessageStatus.DEAD
    assert "CEB603 must be signed (spec §6)" in by_kind["CEB603"].last_error
    assert "CLEARANCE_SIGNER" in by_kind["CEB603"].last_error
    assert all(by_kind[k].status == MessageStatus.SENT for k in ("CEB303", "CEB403", "CEB505"))
    written = b"".join(p.read_bytes() for p in folders.send_dir.iterdir())
    assert b"CEB603Message" not in written
    monitor = queries.monitor(utcnow())
    assert any(m.kind == "CEB603" and "must be signed" in m.last_error for m in monitor.dead)


def test_live_transport_sends_signed_lists(app, ctx, make, folders):
    """With the SM2 signer the list goes out signed and verifies."""
    from storefront.clearance.signing import Sm2Signer, generate_identity, verify_signature
    from tests.clearance.helpers import ship

    key, cert = generate_identity("sm2", "t")
    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    ship(order.sub_orders[0])
    worker = simulator_worker(app, Clock(), folders, signer=Sm2Signer(key, cert))
    worker.run_once()
    assert {m.status for m in messages()} == {MessageStatus.SENT}
    inventory = next(p.read_bytes() for p in folders.send_dir.iterdir() if b"CEB603Message" in p.read_bytes())
    verify_signature(inventory, cert)


def test_simulator_verifies_signatures(app, ctx, make):
    """The simulator refuses a tampered signature and, when signing is on, an unsigned list (code 1001)."""
    from storefront.clearance.signing import Sm2Signer, generate_identity
    from storefront.clearance.transports.simulator import db_lookup
    from tests.clearance.helpers import ship

    key, cert = generate_identity("sm2", "t")
    signer = Sm2Signer(key, cert)
    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    ship(order.sub_orders[0])
    inventory = next(m for m in messages() if m.kind == "CEB603")
    signed = signer.sign(inventory.payload)
    tampered = signed.replace(b"<ceb:qty>", b"<ceb:qty>1", 1)
    for data, require in ((tampered, False), (inventory.payload, True), (signed, True)):
        simulator = Simulator(lookup=db_lookup, clock=Clock(), require_signature=require, trusted_cert=cert)
        simulator.send(Outgoing(inventory.guid, "CEB603", inventory.business_key, data))
        receipts = [etree.fromstring(incoming.data) for incoming in simulator.receive()]
        statuses = [receipt.findtext(f".//{{{NS}}}returnStatus") for receipt in receipts]
        if data is signed:
            assert statuses[-1] == "800"
        else:
            assert statuses == ["100"]


def test_folder_refuses_links_and_files_outside_the_receive_directory(folders, tmp_path):
    """Issue 13 #9: a symlink (to a file or a directory) or a hard link in receive/ is never read."""
    secret = tmp_path / "outside" / "secret.xml"
    secret.parent.mkdir()
    secret.write_bytes(b"<secret>do not read</secret>")
    folders.receive_dir.mkdir(parents=True)
    (folders.receive_dir / "a-link.xml").symlink_to(secret)
    (folders.receive_dir / "b-dirlink").symlink_to(secret.parent, target_is_directory=True)
    (folders.receive_dir / "c-dangling.xml").symlink_to(tmp_path / "nowhere.xml")
    os.link(secret, folders.receive_dir / "d-hardlink.xml")
    (folders.receive_dir / "e-real.xml").write_bytes(b"<real/>")
    taken = list(folders.receive())
    assert [(i.source, i.data) for i in taken] == [("e-real.xml", b"<real/>")]
    assert secret.read_bytes() == b"<secret>do not read</secret>"  # target untouched
    refused = sorted(p.name.split("-refused-", 1)[1] for p in folders.quarantine_dir.iterdir())
    assert refused == ["a-link.xml", "b-dirlink", "c-dangling.xml", "d-hardlink.xml"]
    assert all(p.is_symlink() for p in folders.quarantine_dir.iterdir() if "hardlink" not in p.name)
    # a link slipped into processing/ (after the claim) is not read either
    (folders.processing_dir / "f-late.xml").symlink_to(secret)
    old = time.time() - folders.stale_seconds - 1
    os.utime(folders.processing_dir / "f-late.xml", (old, old), follow_symlinks=False)
    assert [i.source for i in folders.receive()] == []
