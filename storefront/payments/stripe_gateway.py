"""Stripe implementation of the payment gateway (PaymentIntents, server-side confirmation, signed webhooks).

Works against the real Stripe API and against ``localstripe`` (``STRIPE_API_BASE``). localstripe understands a
subset of the API (no ``return_url`` on confirm, payment methods attached by update): the calls below stay
within what both accept, and only real Stripe gets the ``return_url`` for 3-D Secure redirects.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import stripe

from storefront.core.money import Money, exponent, gateway_exponent
from storefront.payments.gateway import (
    CardDeclined,
    GatewayError,
    IntentInfo,
    InvalidSignature,
    NotFound,
    RefundInfo,
    WebhookEvent,
)

_STATUS = {
    "requires_confirmation": "open",
    "requires_action": "requires_action",
    "processing": "processing",
    "requires_capture": "processing",
    "succeeded": "succeeded",
    "canceled": "canceled",
}
#: Seconds a webhook signature stays valid (Stripe's default).
SIGNATURE_TOLERANCE = 300


def stripe_exponent(currency: str) -> int:
    """Decimals of a currency's smallest unit as Stripe counts them (see :mod:`storefront.core.money`)."""
    return gateway_exponent(currency)


def check_currency(currency: str) -> None:
    """Refuse a currency whose minor unit differs between ISO 4217 (our Money) and Stripe."""
    if exponent(currency.upper()) != stripe_exponent(currency):
        raise GatewayError(f"{currency}: minor units differ between ISO 4217 and Stripe")


def intent_info(pi: Mapping[str, Any]) -> IntentInfo:
    """Our view of a Stripe PaymentIntent (an API object or a webhook's ``data.object``)."""
    if isinstance(pi, stripe.StripeObject):
        pi = pi.to_dict()
    error = pi.get("last_payment_error") or {}
    status = pi.get("status") or ""
    mapped = ("failed" if error else "open") if status == "requires_payment_method" else _STATUS.get(status, status)
    amount = int(pi.get("amount") or 0)
    received = pi.get("amount_received")
    if received is None:  # localstripe has no amount_received: a succeeded intent collected its amount
        received = amount if mapped == "succeeded" else 0
    return IntentInfo(
        ref=str(pi.get("id") or ""),
        status=mapped,
        amount_minor=amount,
        currency=str(pi.get("currency") or "").upper(),
        client_secret=pi.get("client_secret"),
        error_code=str(error.get("decline_code") or error.get("code") or "") if error else "",
        error_message=str(error.get("message") or "") if error else "",
        metadata=dict(pi.get("metadata") or {}),
        amount_received=int(received or 0),
        created=int(pi.get("created") or 0),
    )


def refund_info(refund: Mapping[str, Any]) -> RefundInfo:
    """Our view of a Stripe Refund (an API object or a webhook's ``data.object``)."""
    if isinstance(refund, stripe.StripeObject):
        refund = refund.to_dict()
    status = str(refund.get("status") or "")
    return RefundInfo(
        ref=str(refund.get("id") or ""),
        status="pending" if status == "requires_action" else status,
        amount_minor=int(refund.get("amount") or 0),
        currency=str(refund.get("currency") or "").upper(),
        intent_ref=str(refund.get("payment_intent") or ""),
        metadata=dict(refund.get("metadata") or {}),
    )


@contextmanager
def _gateway_errors(ref: str = "") -> Iterator[None]:
    """Stripe's errors as the gateway's: :class:`GatewayError`, or :class:`NotFound` when the object ``ref`` does
    not exist (Stripe answers 404)."""
    try:
        yield
    except stripe.InvalidRequestError as exc:
        if ref and exc.http_status == 404:
            raise NotFound(ref) from exc
        raise GatewayError(str(exc)) from exc
    except stripe.StripeError as exc:
        raise GatewayError(str(exc)) from exc


class StripeGateway:
    """Card payments through Stripe PaymentIntents."""

    name = "stripe"

    def __init__(
        self,
        secret_key: str,
        publishable_key: str,
        webhook_secret: str,
        api_base: str,
        js_url: str,
        timeout: float = 20.0,
    ):
        self.publishable_key = publishable_key
        self.webhook_secret = webhook_secret
        self.js_url = js_url
        self.real = "api.stripe.com" in api_base
        self.client = stripe.StripeClient(
            secret_key,
            base_addresses={"api": api_base},
            max_network_retries=2 if self.real else 0,
            http_client=stripe.RequestsClient(timeout=timeout),
        )

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> StripeGateway:
        """A gateway from the app's ``STRIPE_*`` settings."""
        return cls(
            config["STRIPE_SECRET_KEY"],
            config["STRIPE_PUBLISHABLE_KEY"],
            config["STRIPE_WEBHOOK_SECRET"],
            config["STRIPE_API_BASE"],
            config["STRIPE_JS_URL"],
            config.get("STRIPE_TIMEOUT", 20.0),
        )

    def create_intent(self, amount: Money, *, idempotency_key: str, metadata: dict[str, str]) -> IntentInfo:
        """Create a card-only PaymentIntent for the amount (idempotent on the key at Stripe)."""
        check_currency(amount.currency)
        params = {
            "amount": amount.minor,
            "currency": amount.currency.lower(),
            "payment_method_types": ["card"],
            "metadata": metadata,
        }
        with _gateway_errors():
            pi = self.client.v1.payment_intents.create(params=params, options={"idempotency_key": idempotency_key})
        return intent_info(pi)

    def retrieve_intent(self, ref: str) -> IntentInfo:
        """The PaymentIntent as Stripe has it now."""
        with _gateway_errors(ref):
            return intent_info(self.client.v1.payment_intents.retrieve(ref))

    def list_intents(self, since: int) -> list[IntentInfo]:
        """PaymentIntents created since ``since``, all pages (localstripe cannot filter: filtered here)."""
        params: dict[str, Any] = {"limit": 100}
        if self.real:
            params["created"] = {"gte": since}
        with _gateway_errors():
            page = self.client.v1.payment_intents.list(params=params)
            found = [intent_info(pi) for pi in page.auto_paging_iter()]
        return sorted((i for i in found if i.created >= since), key=lambda i: i.created, reverse=True)

    def create_refund(
        self, intent_ref: str, amount: Money, *, idempotency_key: str, metadata: dict[str, str]
    ) -> RefundInfo:
        """Refund ``amount`` of a succeeded PaymentIntent (idempotent on the key at Stripe)."""
        check_currency(amount.currency)
        params = {"payment_intent": intent_ref, "amount": amount.minor, "metadata": metadata}
        with _gateway_errors():
            refund = self.client.v1.refunds.create(params=params, options={"idempotency_key": idempotency_key})
        info = refund_info(refund)
        return info if info.intent_ref else RefundInfo(**{**info.__dict__, "intent_ref": intent_ref})

    def retrieve_refund(self, ref: str) -> RefundInfo:
        """The Refund as Stripe has it now."""
        with _gateway_errors(ref):
            return refund_info(self.client.v1.refunds.retrieve(ref))

    def list_refunds(self, intent_ref: str) -> list[RefundInfo]:
        """Every refund of a PaymentIntent."""
        with _gateway_errors():
            page = self.client.v1.refunds.list(params={"payment_intent": intent_ref, "limit": 100})
            return [refund_info(r) for r in page.auto_paging_iter()]

    def confirm_intent(self, ref: str, payment_method: str, return_url: str | None = None) -> IntentInfo:
        """Attach the card from Stripe.js and confirm; a decline raises CardDeclined."""
        try:
            self.client.v1.payment_intents.update(ref, params={"payment_method": payment_method})
            params = {"return_url": return_url} if (self.real and return_url) else {}
            pi = self.client.v1.payment_intents.confirm(ref, params=params)
        except stripe.CardError as exc:
            info = None
            try:
                info = self.retrieve_intent(ref)
            except GatewayError:
                pass
            raise CardDeclined(exc.code or "card_declined", exc.user_message or "", info) from exc
        except stripe.StripeError as exc:
            raise GatewayError(str(exc)) from exc
        return intent_info(pi)

    def parse_webhook(self, payload: bytes, signature: str | None) -> WebhookEvent:
        """Verify ``Stripe-Signature`` with the webhook secret, then parse the event."""
        try:
            text = payload.decode("utf-8")
            stripe.WebhookSignature.verify_header(text, signature or "", self.webhook_secret, SIGNATURE_TOLERANCE)
            event = json.loads(text)
        except (stripe.SignatureVerificationError, UnicodeDecodeError, ValueError) as exc:
            raise InvalidSignature(str(exc)) from exc
        if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
            raise InvalidSignature("not an event")
        obj = (event.get("data") or {}).get("object") or {}
        if not isinstance(obj, dict):
            raise InvalidSignature("not an event")
        kind = str(obj.get("object") or "")
        intent = intent_info(obj) if kind == "payment_intent" else None
        refund = refund_info(obj) if kind == "refund" else None
        return WebhookEvent(
            id=str(event["id"]),
            type=str(event["type"]),
            intent=intent,
            refund=refund,
            object_type=kind,
            object_id=str(obj.get("id") or ""),
            intent_ref=str(obj.get("payment_intent") or "") if kind in {"charge", "refund"} else "",
        )

    def client_config(self) -> dict[str, str]:
        """Publishable key and Stripe.js URL for the payment page."""
        return {"publishable_key": self.publishable_key, "js_url": self.js_url}
