"""Card payment of a service order's remainder through the shared payment module (same gateway, webhook)."""

from __future__ import annotations

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from services_market import orders
from services_market.blueprints import bp
from services_market.constants import OrderStatus, Party
from services_market.payments import KIND
from storefront.core.money import Money
from storefront.core.uploads import UploadRejected, check_upload
from storefront.core.urls import public_url
from storefront.extensions import db
from storefront.payments import card_flow, transfers
from storefront.payments.current_gateway import get_gateway


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


@bp.post("/orders/<number>/pay/card")
@login_required
@card_flow.rate_limited
def pay_card(number: str):
    """JSON: confirm the payment with a card tokenised by Stripe.js (the amount comes from the order only)."""
    item = _merchant_order(number)
    return_url = public_url("services.pay_return", lang=g.lang, number=item.number)
    return card_flow.confirm_card_json(KIND, item, actor=_actor(), return_url=return_url, done_url=_order_url(item))


@bp.route("/orders/<number>/pay/return", methods=["GET", "POST"])
@login_required
def pay_return(number: str):
    """After 3-D Secure: ask the gateway for the result and apply it (the idempotent webhook path)."""
    item = _merchant_order(number)
    card_flow.sync_after_return(KIND, item, actor=_actor())
    code = card_flow.last_decline_code(KIND, item.id) if item.status == OrderStatus.PENDING_PAYMENT.value else None
    retry_url = url_for("services.pay", lang=g.lang, number=item.number)
    return card_flow.return_response(code, item.status, done_url=_order_url(item), retry_url=retry_url)


@bp.post("/orders/<number>/pay/transfer")
@login_required
def pay_transfer(number: str):
    """对公转账: the merchant uploads the bank slip (may ask for a 发票); an operator confirms the money."""
    item = _merchant_order(number)
    form = request.form
    try:
        upload = check_upload(request.files.get("proof"), max_bytes=current_app.config["DOCUMENT_MAX_BYTES"])
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
