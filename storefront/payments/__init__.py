"""Payments: a gateway interface (Stripe implementation), payables, an append-only transaction log, webhooks.

Anything that can be paid for registers a *payable kind* (:mod:`storefront.payments.payables`): the shop's
``order``, later the services marketplace's service orders. Payment records point at ``(payable_kind,
payable_id)``, so one webhook endpoint (``POST /webhooks/stripe``) and one entry point
(:func:`storefront.payments.operations.apply_intent`) serve every kind.
"""
