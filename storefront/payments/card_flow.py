"""The card payment steps that every payable's pages share (shop orders, service orders): read the tokenised card,
confirm it at the gateway, answer Stripe.js in JSON, and come back from 3-D Secure. One copy, so the rate limit, the
error answers and the decline messages are the same wherever a buyer pays."""

from __future__ import annotations

from flask import abort, current_app, flash, jsonify, redirect, request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storefront.extensions import db, limiter
from storefront.payments import messages
from storefront.payments import operations as pay_ops
from storefront.payments.gateway import GatewayError
from storefront.payments.models import PaymentTransaction

_PM_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def payment_method_id(value) -> str | None:
    """A Stripe payment method id from the browser (``pm_…``, ``card_…``, ``src_…``), or None."""
    if not isinstance(value, str) or not 4 < len(value) <= 120 or not set(value) <= _PM_CHARS:
        return None
    return value if value.split("_", 1)[0] in {"pm", "card", "src"} else None


def _pay_limit() -> str:
    return current_app.config.get("PAY_RATE_LIMIT", "20 per minute")


#: Decorator for every card-confirming endpoint: slows down card testing through our site.
rate_limited = limiter.limit(_pay_limit)


def confirm_card_json(kind: str, payable, *, actor: str, return_url: str, done_url: str):
    """Confirm the payable's card payment (the amount comes from the payable only) and answer Stripe.js in JSON:
    paid → ``redirect``, 3-D Secure → ``client_secret``, declined → a translated ``message``."""
    payment_method = payment_method_id((request.get_json(silent=True) or {}).get("payment_method"))
    if payment_method is None:
        abort(400)
    try:
        outcome = pay_ops.confirm_card(kind, payable, payment_method, actor=actor, return_url=return_url)
        db.session.commit()
    except GatewayError:
        db.session.rollback()
        return jsonify({"status": "error", "message": str(messages.GATEWAY_DOWN)}), 502
    except IntegrityError:
        db.session.rollback()
        return jsonify({"status": "error", "message": str(messages.TRY_AGAIN)}), 409
    body: dict = {"status": outcome.status}
    if outcome.status == "declined":
        body["message"] = messages.decline_message(outcome.code)
    elif outcome.status == "requires_action":
        body["client_secret"] = outcome.client_secret
    else:
        body["redirect"] = done_url
    return jsonify(body)


def sync_after_return(kind: str, payable, *, actor: str) -> None:
    """After 3-D Secure: ask the gateway for the result and apply it (the idempotent webhook path); a gateway that
    is down leaves the payable as it was (the webhook or the reconcile job settles it later)."""
    try:
        pay_ops.sync(kind, payable, actor=actor)
        db.session.commit()
    except (GatewayError, IntegrityError):
        db.session.rollback()


def last_decline_code(kind: str, payable_id: int) -> str | None:
    """The decline code of the payable's latest payment attempt, or None when it was not declined."""
    intent = pay_ops.latest_intent(kind, payable_id)
    if intent is None:
        return None
    return db.session.scalars(
        select(PaymentTransaction.code).where(
            PaymentTransaction.intent_id == intent.id, PaymentTransaction.action == "failed"
        )
    ).first()


def return_response(decline_code: str | None, status: str, *, done_url: str, retry_url: str):
    """The answer after 3-D Secure: JSON for Stripe.js (POST), else a redirect; a decline goes back to the payment
    page with its message."""
    if request.method == "POST":
        if decline_code is not None:
            return jsonify({"status": "declined", "message": messages.decline_message(decline_code)})
        return jsonify({"status": status, "redirect": done_url})
    if decline_code is not None:
        flash(messages.decline_message(decline_code), "error")
        return redirect(retry_url)
    return redirect(done_url)
