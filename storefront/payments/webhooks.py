"""``POST /webhooks/stripe``: signature-verified, handled once, always acknowledged when authentic.

An event is a hint: the handler reads the PaymentIntent or Refund back from Stripe and acts on that.

CSRF-exempt (Stripe cannot send a token); the signature made with ``STRIPE_WEBHOOK_SECRET`` authenticates it.
"""

from __future__ import annotations

import logging

from flask import Blueprint, jsonify, request
from sqlalchemy.exc import IntegrityError

from storefront.extensions import db
from storefront.payments import operations as ops
from storefront.payments.current_gateway import get_gateway
from storefront.payments.gateway import GatewayError, InvalidSignature

log = logging.getLogger(__name__)
bp = Blueprint("payments", __name__, url_prefix="/webhooks")


@bp.post("/stripe")
def stripe_webhook():
    """Verify, record and apply a Stripe event; a bad signature is a 400 and changes nothing."""
    gateway = get_gateway()
    try:
        event = gateway.parse_webhook(request.get_data(cache=False), request.headers.get("Stripe-Signature"))
    except InvalidSignature as exc:
        log.warning("rejected webhook with a bad signature from %s: %s", request.remote_addr, exc)
        return jsonify({"error": "bad signature"}), 400
    try:
        outcome = ops.handle_event(gateway.name, event)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # the same event delivered twice at once: the other delivery handled it
        outcome = "duplicate"
    except GatewayError as exc:
        db.session.rollback()  # cannot read the object back: nothing recorded, Stripe delivers it again
        log.warning("stripe event %s (%s) deferred: %s", event.id, event.type, exc)
        return jsonify({"error": "gateway unavailable"}), 503
    log.info("stripe event %s (%s): %s", event.id, event.type, outcome)
    return jsonify({"received": True, "outcome": outcome})
