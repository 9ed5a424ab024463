"""The app's card gateway: the one a test or deployment installed in ``app.extensions``, else Stripe from config.

Kept apart from :mod:`storefront.payments.gateway` (the protocol and value types) so that the Stripe implementation
can import those types without a cycle."""

from __future__ import annotations

from flask import current_app

from storefront.payments.gateway import PaymentGateway
from storefront.payments.stripe_gateway import StripeGateway


def get_gateway() -> PaymentGateway:
    """The app's card gateway (Stripe unless one was installed in ``app.extensions``)."""
    installed = current_app.extensions.get("kj_payment_gateway")
    if installed is not None:
        return installed
    return StripeGateway.from_config(current_app.config)
