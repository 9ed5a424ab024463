"""Payments: a gateway interface (Stripe implementation), payables, an append-only transaction log, webhooks.

Anything that can be paid for registers a *payable kind* (:mod:`storefront.payments.payables`): the shop's
``order``, later the services marketplace's service orders. Payment records point at ``(payable_kind,
payable_id)``, so one webhook endpoint (``POST /webhooks/stripe``) and one entry point
(:func:`storefront.payments.operations.apply_intent`) serve every kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storefront.config import DEV_WEBHOOK_SECRET, stripe_is_fake


class UnsafeStripeConfig(RuntimeError):
    """The Stripe settings would let anyone forge webhook events."""


def check_config(config: Mapping[str, Any]) -> None:
    """Refuse to start with a real Stripe API and no (or the public development) webhook secret."""

    if stripe_is_fake(str(config.get("STRIPE_API_BASE", "")), bool(config.get("STRIPE_FAKE"))):
        return
    secret = str(config.get("STRIPE_WEBHOOK_SECRET") or "")
    if not secret or secret == DEV_WEBHOOK_SECRET:
        raise UnsafeStripeConfig(
            "STRIPE_WEBHOOK_SECRET must be set to the endpoint's signing secret (whsec_…) when Stripe is "
            "real (STRIPE_API_BASE is not a fake Stripe server); without it anyone could forge payments"
        )
