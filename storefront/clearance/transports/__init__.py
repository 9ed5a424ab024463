"""Transports carry signed CEB messages to customs and bring receipts back: simulator, folder, http."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

from flask import Flask

from storefront.clearance.envelope import Envelope, EnvelopeError
from storefront.clearance.signing import signer_kind, signing_paths


class TransportError(RuntimeError):
    """Sending failed; the worker retries with backoff (and dead-letters after the last attempt)."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A message as the transport sees it: same guid and bytes on every attempt."""

    guid: str
    kind: str
    business_key: str
    data: bytes


def _noop(ok: bool) -> None:
    """Acknowledge nothing (transports whose receipts need no clean-up)."""


@dataclass(frozen=True, slots=True)
class Incoming:
    """A raw receipt; the worker calls ``done(True)`` once it is stored, ``done(False)`` to quarantine it."""

    source: str
    data: bytes
    done: Callable[[bool], None] = field(default=_noop)


@runtime_checkable
class Transport(Protocol):
    """The interface every transport implements."""

    name: str

    def send(self, message: Outgoing) -> None:
        """Deliver one message or raise ``TransportError``."""
        ...

    def receive(self) -> Iterable[Incoming]:
        """Yield the receipts waiting to be processed."""
        ...


def enclose(envelope: Envelope | None, message: Outgoing) -> bytes:
    """The bytes a live transport writes: the message in its validated DxpMsg envelope (when one is set)."""
    if envelope is None:
        return message.data
    try:
        return envelope.wrap(message.data, kind=message.kind, msg_id=message.guid, created=datetime.now(UTC))
    except EnvelopeError as exc:
        raise TransportError(str(exc)) from exc


def make_transport(app: Flask) -> Transport:
    """Build the transport named by ``CLEARANCE_TRANSPORT`` (simulator, folder or http)."""
    kind = (app.config.get("CLEARANCE_TRANSPORT") or "simulator").strip().lower()
    if kind == "simulator":
        from storefront.clearance.transports.simulator import Simulator, db_lookup

        signs = signer_kind(app.config) != "none"
        cert_path = signing_paths(app.config)[1] if signs else None
        return Simulator(
            lookup=db_lookup,
            inspect_over=app.config.get("CLEARANCE_SIM_INSPECT_OVER"),
            require_signature=signs,
            trusted_cert=cert_path.read_bytes() if cert_path and cert_path.is_file() else None,
        )
    if kind == "folder":
        from storefront.clearance.transports.folder import FolderTransport

        return FolderTransport.from_config(app.config)
    if kind == "http":
        from storefront.clearance.transports.http import HttpTransport

        return HttpTransport.from_config(app.config)
    raise ValueError(f"unknown CLEARANCE_TRANSPORT {kind!r} (use simulator, folder or http)")
