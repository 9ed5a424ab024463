"""Stripe implementation of the payment gateway (PaymentIntents, server-side confirmation, signed webhooks).

Works against the real Stripe API and against ``localstripe`` (``STRIPE_API_BASE``). localstripe understands a
subset of the API (no ``return_url`` on confirm, payment methods attached by update): the calls below stay
within what both accept, and only real Stripe gets the ``return_url`` for 3-D Secure redirects.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import stripe

from storefront.core.money import Money, exponent
from storefront.payments.gateway import CardDeclined, GatewayError, IntentInfo, InvalidSignature, WebhookEvent

#: Stripe's zero- and three-decimal currencies; every other currency has two decimals.
ZERO_DECIMAL = frozenset("BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF".split())
THREE_DECIMAL = frozenset("BHD JOD KWD OMR TND".split())
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
    """Decimals of a currency's smallest unit as Stripe counts them."""
    code = currency.upper()
    return 0 if code in ZERO_DECIMAL else 3 if code in THREE_DECIMAL else 2


def check_currency(currency: str) -> None:
    """Refuse a currency whose minor unit differs between Babel (our Money) and Stripe."""
    if exponent(currency.upper()) != stripe_exponent(currency):
        raise GatewayError(f"{currency}: minor units differ between Babel and Stripe")


def intent_info(pi: Mapping[str, Any]) -> IntentInfo:
    """Our view of a Stripe PaymentIntent (an API object or a webhook's ``data.object``)."""
    if isinstance(pi, stripe.StripeObject):
        pi = pi.to_dict()
    error = pi.get("last_payment_error") or {}
    status = pi.get("status") or ""
    mapped = (
        ("failed" if error else "open")
        if status == "requires_payment_method"
        else _STATUS.get(status, status)
    )
    return IntentInfo(
        ref=str(pi.get("id") or ""),
        status=mapped,
        amount_minor=int(pi.get("amount") or 0),
        currency=str(pi.get("currency") or "").upper(),
        client_secret=pi.get("client_secret"),
        error_code=str(error.get("decline_code") or error.get("code") or "") if error else "",
        error_message=str(error.get("message") or "") if error else "",
        metadata=dict(pi.get("metadata") or {}),
    )


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
        try:
            pi = self.client.v1.payment_intents.create(
                params=params, options={"idempotency_key": idempotency_key}
            )
        except stripe.StripeError as exc:
            raise GatewayError(str(exc)) from exc
        return intent_info(pi)

    def retrieve_intent(self, ref: str) -> IntentInfo:
        """The PaymentIntent as Stripe has it now."""
        try:
            return intent_info(self.client.v1.payment_intents.retrieve(ref))
        except stripe.StripeError as exc:
            raise GatewayError(str(exc)) from exc

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
            stripe.WebhookSignature.verify_header(
                text, signature or "", self.webhook_secret, SIGNATURE_TOLERANCE
            )
            event = json.loads(text)
        except (stripe.SignatureVerificationError, UnicodeDecodeError, ValueError) as exc:
            raise InvalidSignature(str(exc)) from exc
        if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
            raise InvalidSignature("not an event")
        obj = (event.get("data") or {}).get("object") or {}
        intent = intent_info(obj) if obj.get("object") == "payment_intent" else None
        return WebhookEvent(id=str(event["id"]), type=str(event["type"]), intent=intent)

    def client_config(self) -> dict[str, str]:
        """Publishable key and Stripe.js URL for the payment page."""
        return {"publishable_key": self.publishable_key, "js_url": self.js_url}
