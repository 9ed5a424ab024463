"""What every transport shares: the outgoing/incoming message records, the Transport protocol and the envelope step."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

from storefront.clearance.envelope import Envelope, EnvelopeError


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
