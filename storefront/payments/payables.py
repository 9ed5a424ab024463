"""Payable kinds: what can be paid for, and how a payment result reaches it.

A domain registers one :class:`PayableKind` per thing it sells (the shop registers ``order``; the services
marketplace can register ``service_order``). Payment records reference ``(kind, id)``; the payment operations
call the kind's hooks inside the same transaction that records the payment. Hooks flush, never commit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from storefront.core.money import Money


@dataclass(frozen=True)
class PaymentResult:
    """What the payable hooks learn about a payment."""

    #: Gateway or bank reference (e.g. ``pi_…``).
    ref: str
    amount: Money
    #: create, confirm, return, webhook or operator.
    source: str
    #: Who caused it ("stripe", "buyer:12", "operator:3", …).
    actor: str
    code: str = ""
    message: str = ""


@dataclass(frozen=True)
class PayableKind:
    """Hooks for one kind of payable."""

    kind: str
    #: id → the payable object, or None.
    load: Callable[[int], Any]
    #: The amount the gateway must collect (server-computed; never from a form).
    amount_due: Callable[[Any], Money]
    #: A short reference for the gateway's metadata and statements (e.g. the order number).
    reference: Callable[[Any], str]
    #: True while the payable may still be paid.
    is_open: Callable[[Any], bool]
    #: Money received and checked; returns an outcome word (paid, late_paid, refund_due, double_payment, …).
    on_succeeded: Callable[[Any, PaymentResult], str]
    #: A card attempt was declined.
    on_failed: Callable[[Any, PaymentResult], None]
    #: Money arrived but the amount or currency does not match: must not count as paid; flag it.
    on_mismatch: Callable[[Any, PaymentResult], None]
    #: Who the money belongs to: a list of :class:`storefront.ledger.operations.Share` (sellers' parts
    #: adding up to the amount due), for the ledger. None: the money waits in suspense.
    shares: Callable[[Any], list] | None = None
    #: Money went back to the buyer (a succeeded :class:`storefront.payments.models.Refund`): record it, return
    #: stock of goods that did not ship, tell the buyer.
    on_refunded: Callable[[Any, Any], None] | None = None


_REGISTRY: dict[str, PayableKind] = {}


def register(kind: PayableKind) -> None:
    """Register (or replace) a payable kind."""
    _REGISTRY[kind.kind] = kind


def get(kind: str) -> PayableKind:
    """The hooks of a registered kind (KeyError when unknown)."""
    return _REGISTRY[kind]
