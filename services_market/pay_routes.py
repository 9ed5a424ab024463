"""Card payment of a service order's remainder through the shared payment module (same gateway, webhook)."""

from __future__ import annotations

from flask import abort, current_app, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from services_market import orders
from services_market.blueprints import bp
from services_market.constants import OrderStatus, Party
from services_market.payments import KIND
from storefront.core.money import Money
from storefront.core.uploads import UploadRejected, check_upload
from storefront.core.urls import public_url
from storefront.extensions import db
from storefront.payments import messages, transfers
from storefront.payments import operations as pay_ops
from storefront.payments.current_gateway import get_gateway
from storefront.payments.gateway import GatewayError
from storefront.payments.models import PaymentTransaction

_PM_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _actor() -> str:
    return f"merchant:{current_user.id}"


def _merchant_order(number: str):
    """The merchant's own order (others: 404; the provider and operators do not pay)."""
    item, party = orders.order_for(number, current_user)
    if party != Party.MERCHANT:
        abort(404)
    return item


def _order_url(item) -> str:
    return url_for("services.order", lang=g.lang, number=item.number)


@bp.get("/orders/<number>/pay")
@login_required
def pay(number: str):
    """The card payment page for what the voucher does not cover."""
    item = _merchant_order(number)
    if item.status != OrderStatus.PENDING_PAYMENT.value:
        return redirect(_order_url(item))
    return render_template(
        "services/pay.html",
        order=item,
        amount=Money(item.card_fen, "CNY"),
        stripe=get_gateway().client_config(),
        bank_details=current_app.config["BANK_TRANSFER_DETAILS"],
        transfer_proofs=transfers.proofs(kind=KIND, payable_id=item.id),
    )


def _payment_method_id(value) -> str | None:
    if not isinstance(value, str) or not 4 < len(value) <= 120 or not set(value) <= _PM_CHARS:
        return None
    return value if value.split("_", 1)[0] in {"pm", "card", "src"} else None


@bp.post("/orders/<number>/pay/card")
@login_required
def pay_card(number: str):
    """JSON: confirm the payment with a card tokenised by Stripe.js (the amount comes from the order only)."""
    item = _merchant_order(number)
    payment_method = _payment_method_id((request.get_json(silent=True) or {}).get("payment_method"))
    if payment_method is None:
        abort(400)
    return_url = public_url("services.pay_return", lang=g.lang, number=item.number)
    try:
        outcome = pay_ops.confirm_card(KIND, item, payment_method, actor=_actor(), return_url=return_url)
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
        body["redirect"] = _order_url(item)
    return jsonify(body)


def _last_decline(order_id: int) -> str | None:
    intent = pay_ops.latest_intent(KIND, order_id)
    if intent is None:
        return None
    return db.session.scalars(
        select(PaymentTransaction.code).where(
            PaymentTransaction.intent_id == intent.id, PaymentTransaction.action == "failed"
        )
    ).first()


@bp.route("/orders/<number>/pay/return", methods=["GET", "POST"])
@login_required
def pay_return(number: str):
    """After 3-D Secure: ask the gateway for the result and apply it (the idempotent webhook path)."""
    item = _merchant_order(number)
    try:
        pay_ops.sync(KIND, item, actor=_actor())
        db.session.commit()
    except (GatewayError, IntegrityError):
        db.session.rollback()
    code = _last_decline(item.id) if item.status == OrderStatus.PENDING_PAYMENT.value else None
    if request.method == "POST":
        if code is not None:
            return jsonify({"status": "declined", "message": messages.decline_message(code)})
        return jsonify({"status": item.status, "redirect": _order_url(item)})
    if code is not None:
        flash(messages.decline_message(code), "error")
        return redirect(url_for("services.pay", lang=g.lang, number=item.number))
    return redirect(_order_url(item))


@bp.post("/orders/<number>/pay/transfer")
@login_required
def pay_transfer(number: str):
    """对公转账: the merchant uploads the bank slip (may ask for a 发票); an operator confirms the money."""
    item = _merchant_order(number)
    form = request.form
    try:
        upload = check_upload(
            request.files.get("proof"), max_bytes=current_app.config["DOCUMENT_MAX_BYTES"]
        )
        transfers.submit(
            KIND,
            item,
            upload,
            payer_name=form.get("payer_name", ""),
            bank_ref=form.get("bank_ref", ""),
            uploader=current_user,
            invoice_requested=bool(form.get("invoice")),
            invoice_title=form.get("invoice_title", ""),
            invoice_tax_id=form.get("invoice_tax_id", ""),
        )
    except (UploadRejected, transfers.TransferError) as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
        return redirect(url_for("services.pay", lang=g.lang, number=item.number))
    db.session.commit()
    flash(_("Thank you. We will confirm the payment when the transfer reaches our account."), "success")
    return redirect(_order_url(item))
