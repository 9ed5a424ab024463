"""The payment gateway interface; :mod:`storefront.payments.stripe_gateway` implements it for Stripe.

Tests or another provider can install a different gateway with ``app.extensions["kj_payment_gateway"] = gw``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from storefront.core.money import Money


@dataclass(frozen=True)
class IntentInfo:
    """A gateway's view of one payment intent, in our vocabulary.

    ``status`` is one of: open (needs a card), requires_action (3-D Secure), processing, succeeded, failed
    (the last attempt was declined), canceled.
    """

    ref: str
    status: str
    amount_minor: int
    currency: str
    client_secret: str | None = None
    error_code: str = ""
    error_message: str = ""
    metadata: dict = field(default_factory=dict)
    #: Minor units actually collected (Stripe's ``amount_received``; 0 until it succeeded).
    amount_received: int = 0
    #: Creation time at the gateway (Unix seconds; 0 when unknown).
    created: int = 0

    @property
    def amount(self) -> Money:
        """The amount of the intent."""
        return Money(self.amount_minor, self.currency)


@dataclass(frozen=True)
class RefundInfo:
    """A gateway's view of one refund. ``status``: pending, succeeded, failed, canceled."""

    ref: str
    status: str
    amount_minor: int
    currency: str
    #: The PaymentIntent it refunds.
    intent_ref: str = ""
    metadata: dict = field(default_factory=dict)

    @property
    def amount(self) -> Money:
        """The amount refunded."""
        return Money(self.amount_minor, self.currency)


@dataclass(frozen=True)
class WebhookEvent:
    """A verified webhook event: only a hint of what happened (the handler re-reads the object).

    ``intent`` and ``refund`` are what the event *claims*; ``object_type``/``object_id`` name the object.
    """

    id: str
    type: str
    intent: IntentInfo | None
    refund: RefundInfo | None = None
    object_type: str = ""
    object_id: str = ""
    #: The PaymentIntent a charge or refund event is about.
    intent_ref: str = ""


class GatewayError(Exception):
    """The gateway could not be reached or refused the request (not a card decline)."""


class NotFound(GatewayError):
    """The gateway does not know the object (not ours, or another account's)."""


class CardDeclined(Exception):
    """The card was declined; ``code`` is the gateway's decline code."""

    def __init__(self, code: str, message: str = "", intent: IntentInfo | None = None):
        super().__init__(message or code)
        self.code = code or "card_declined"
        self.message = message
        self.intent = intent


class InvalidSignature(Exception):
    """A webhook's signature did not verify (or the payload is not an event)."""


class PaymentGateway(Protocol):
    """What the payment operations need from a card gateway."""

    name: str

    def create_intent(self, amount: Money, *, idempotency_key: str, metadata: dict[str, str]) -> IntentInfo:
        """Create an intent to collect ``amount``; the key makes retries return the same intent."""

    def retrieve_intent(self, ref: str) -> IntentInfo:
        """The intent's current state."""

    def list_intents(self, since: int) -> list[IntentInfo]:
        """Intents created at or after ``since`` (Unix seconds), newest first."""

    def create_refund(
        self, intent_ref: str, amount: Money, *, idempotency_key: str, metadata: dict[str, str]
    ) -> RefundInfo:
        """Refund part or all of a succeeded intent."""

    def retrieve_refund(self, ref: str) -> RefundInfo:
        """The refund's current state."""

    def list_refunds(self, intent_ref: str) -> list[RefundInfo]:
        """Refunds of an intent."""

    def confirm_intent(self, ref: str, payment_method: str) -> IntentInfo:
        """Attach a payment method and confirm; raises :class:`CardDeclined` when the card is declined."""

    def parse_webhook(self, payload: bytes, signature: str | None) -> WebhookEvent:
        """Verify a webhook's signature and parse it; raises :class:`InvalidSignature`."""

    def client_config(self) -> dict[str, str]:
        """What the payment page needs (publishable key, script URL)."""
