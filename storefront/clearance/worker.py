"""The clearance worker: send due outbox messages through the transport, then take in the receipts.

One pass = claim a batch (committed), send each message and record the outcome in its own short transaction,
then ingest every waiting receipt (one transaction each). Safe to run several at once (see ``outbox``).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask import Flask, current_app

from storefront.clearance import ingest, outbox, xsd
from storefront.clearance.models import utcnow
from storefront.clearance.signing import (
    SIGNED_KINDS,
    SignatureInvalid,
    Signer,
    SigningError,
    signer_for_config,
    verify_signature,
)
from storefront.clearance.transports import Outgoing, Transport, TransportError, make_transport
from storefront.extensions import db
from storefront.payments import reconcile as payments_reconcile

log = logging.getLogger(__name__)
#: Transports that reach the real single window: they never carry a signed kind unsigned.
LIVE_TRANSPORTS = frozenset({"folder", "http"})


class WorkerConfigError(RuntimeError):
    """The worker cannot run with this configuration (it refuses to start)."""


class InvalidRefused(TransportError):
    """A message that does not validate against the official XSD: dead-lettered at once, never sent."""


class UnsignedRefused(SigningError):
    """A message that must be signed would leave unsigned: dead-lettered at once (a configuration fault)."""


#: Failures no retry can cure: the message is dead-lettered at once for an operator.
FATAL = (UnsignedRefused, InvalidRefused)


@dataclass
class PassStats:
    """What one worker pass did."""

    sent: int = 0
    failed: int = 0
    dead: int = 0
    receipts: int = 0
    duplicates: int = 0
    quarantined: int = 0

    @property
    def idle(self) -> bool:
        """True when the pass found nothing to do."""
        return not (self.sent or self.failed or self.dead or self.receipts or self.duplicates or self.quarantined)


def make_signer(app: Flask) -> Signer:
    """The signer named by ``CLEARANCE_SIGNER`` (sm2, rsa or none) with its key and certificate files."""
    return signer_for_config(app.config)


class Worker:
    """Sends and receives for one app; ``clock`` is injectable so tests never sleep."""

    def __init__(
        self,
        app: Flask | None = None,
        *,
        transport: Transport | None = None,
        signer: Signer | None = None,
        clock: Callable[[], datetime] = utcnow,
        token: str | None = None,
    ) -> None:
        self.app = app or current_app._get_current_object()
        self.xsd_dir = self.app.config.get("CEB_XSD_DIR")
        if not xsd.xsd_available(self.xsd_dir):
            raise WorkerConfigError(
                f"CEB_XSD_DIR ({self.xsd_dir}) does not hold the official CEB XSDs: the worker validates "
                "every message before it leaves and does not start without them"
            )
        self.transport = transport or make_transport(self.app)
        self.signer = signer or make_signer(self.app)
        self.clock = clock
        self.token = token or uuid.uuid4().hex
        config = self.app.config
        self.batch = int(config.get("CLEARANCE_BATCH", 50))
        self.max_attempts = int(config.get("CLEARANCE_MAX_ATTEMPTS", 8))
        self.base = float(config.get("CLEARANCE_BACKOFF_SECONDS", 30))
        self.cap = float(config.get("CLEARANCE_BACKOFF_MAX_SECONDS", 3600))
        self.lease = float(config.get("CLEARANCE_LEASE_SECONDS", 300))

    def _sign(self, kind: str, payload: bytes) -> bytes:
        """Sign what spec §6 requires; on a live transport, refuse to let such a message out unsigned."""
        errors = xsd.validate(payload, directory=self.xsd_dir)
        if errors:
            raise InvalidRefused(f"{kind} does not validate against the CEB XSD: {'; '.join(errors[:3])}")
        if kind not in SIGNED_KINDS:
            return payload
        data = self.signer.sign(payload)
        if getattr(self.transport, "name", "") in LIVE_TRANSPORTS:
            try:
                verify_signature(data)
            except SignatureInvalid as exc:
                raise UnsignedRefused(
                    f"{kind} must be signed (spec §6) before the {self.transport.name} transport sends it: "
                    f"{exc}. Set CLEARANCE_SIGNER (sm2 or rsa) with CLEARANCE_SIGN_KEY and "
                    "CLEARANCE_SIGN_CERT, then retry this message."
                ) from exc
        return data

    def send_due(self, stats: PassStats, *, on_locked=None) -> None:
        """Claim due messages and send them, recording each outcome."""
        claimed = outbox.claim(
            self.batch,
            token=self.token,
            now=self.clock(),
            lease_seconds=self.lease,
            max_attempts=self.max_attempts,
            on_locked=on_locked,
        )
        for item in claimed:
            try:
                data = self._sign(item.kind, item.payload)
                self.transport.send(Outgoing(item.guid, item.kind, item.business_key, data))
            except (TransportError, SigningError) as exc:
                status = outbox.record_failure(
                    item,
                    f"{type(exc).__name__}: {exc}",
                    now=self.clock(),
                    # a missing signature or an invalid message: no retry helps until someone fixes it
                    max_attempts=0 if isinstance(exc, FATAL) else self.max_attempts,
                    base=self.base,
                    cap=self.cap,
                )
                if status == "dead":
                    stats.dead += 1
                else:
                    stats.failed += 1
            else:
                if outbox.record_sent(item, now=self.clock()):
                    stats.sent += 1

    def receive(self, stats: PassStats) -> None:
        """Ingest every waiting receipt; nothing a receipt contains stops the loop."""
        for incoming in self.transport.receive():
            try:
                result = ingest.ingest(incoming.data, source=incoming.source, now=self.clock())
                db.session.commit()
            except Exception as exc:  # noqa: BLE001 - quarantine and carry on
                db.session.rollback()
                log.exception("cannot process receipt %s", incoming.source)
                ingest.quarantine(
                    incoming.data,
                    source=incoming.source,
                    error=f"{type(exc).__name__}: {exc}",
                    now=self.clock(),
                )
                db.session.commit()
                stats.quarantined += 1
                incoming.done(False)
                continue
            stats.receipts += result.applied
            stats.duplicates += result.duplicates
            stats.quarantined += result.quarantined
            incoming.done(result.ok)

    def run_once(self) -> PassStats:
        """One pass: send what is due, then take in receipts."""
        stats = PassStats()
        with self.app.app_context():
            try:
                self.send_due(stats)
                self.receive(stats)
            finally:
                db.session.remove()
        return stats

    def run(self, stop: threading.Event | None = None, *, poll: float | None = None) -> None:
        """Loop until ``stop`` is set, waiting ``poll`` seconds after an idle pass."""
        stop = stop or threading.Event()
        poll = float(self.app.config.get("CLEARANCE_POLL_SECONDS", 5)) if poll is None else poll
        reconcile_due = 0.0
        while not stop.is_set():
            reconcile_due = payments_reconcile.periodic(self.app, reconcile_due)  # settle lost card payments
            try:
                stats = self.run_once()
            except Exception:  # noqa: BLE001 - a database hiccup must not end the worker
                log.exception("clearance worker pass failed")
                stats = PassStats()
            if stats.idle:
                stop.wait(poll)
