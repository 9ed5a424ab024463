"""Checkout, the buyer's order page and payment page, and order history."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storefront.core.money import Money
from storefront.core.urls import public_url
from storefront.extensions import db
from storefront.ordering import access, addresses, cancellation, documents, instalments, mail, returns
from storefront.ordering import cart as cart_ops
from storefront.ordering import operations as ops
from storefront.ordering.forms import CancelForm, CheckoutForm, ReturnForm, checkout_error
from storefront.ordering.freight import duty_rules, incoterms
from storefront.ordering.freight.cards import valid_cards
from storefront.ordering.freight.modes import BUYER_ACTIONS
from storefront.ordering.freight.modes import label as mode_label
from storefront.ordering.freight.tracking import estimated_arrival
from storefront.ordering.models import Order
from storefront.ordering.payable import KIND
from storefront.ordering.pricing import charge_currencies, default_charge_currency, quote, today
from storefront.ordering.shipping import DEFAULT_COUNTRY, country_choices, country_name, zone_for
from storefront.ordering.states import (
    CAUSE_LABELS,
    PAY_METHOD_LABELS,
    STATUS_LABELS,
    TERMS_LABELS,
    DeliveryTerms,
    OrderStatus,
    PayMethod,
)
from storefront.ordering.stock import OutOfStock
from storefront.payments import card_flow, refunds
from storefront.payments import operations as pay_ops
from storefront.payments.current_gateway import get_gateway
from storefront.payments.gateway import GatewayError

bp = Blueprint("ordering", __name__, url_prefix="/<lang>")


def actor() -> str:
    """Who is acting, for order events."""
    return f"buyer:{current_user.id}" if getattr(current_user, "is_authenticated", False) else "guest"


def data_country(form: CheckoutForm) -> str:
    """The destination country the form names (upper case, "" when none)."""
    return (form.country.data or "").upper()


def _checkout_data(form: CheckoutForm) -> ops.CheckoutData:
    return ops.CheckoutData(
        email=form.email.data,
        contact_name=form.contact_name.data,
        phone=form.phone.data or "",
        country=form.country.data,
        region=form.region.data or "",
        city=form.city.data,
        postal_code=form.postal_code.data or "",
        address_line1=form.address_line1.data,
        address_line2=form.address_line2.data or "",
        terms=form.terms.data,
        currency=form.currency.data,
        pay_method=form.pay_method.data,
        note=form.note.data or "",
        mode=form.mode.data or "",
        customs_id=form.customs_id.data or "",
    )


@bp.route("/checkout", methods=["GET", "POST"])
def checkout():
    """Contact, address, terms, currency and method, with a server-computed summary; places the order."""
    current = cart_ops.load()
    if current.is_empty:
        flash(_("Your cart is empty."), "info")
        return redirect(url_for("cart.view", lang=g.lang))
    currencies = charge_currencies()
    form = CheckoutForm()
    form.set_choices(country_choices(g.lang), currencies)
    saved = _prefill(form) if request.method == "GET" else []
    country = form.country.data if zone_for(form.country.data or "") else None
    currency = form.currency.data if form.currency.data in currencies else default_charge_currency()
    terms = form.terms.data if form.terms.data in {t.value for t in DeliveryTerms} else DeliveryTerms.DAP.value
    if request.method == "POST" and request.form.get("action") == "place" and form.validate_on_submit():
        placed = _place(form, current)
        if placed is not None:
            return placed
    zone = zone_for(country) if country else None
    summary = quote(
        current,
        currency,
        zone,
        terms,
        form.mode.data or None,
        country=country or "",
        cards=valid_cards(today()) if zone else (),
        duty_rules=duty_rules.current() if country else None,
    )
    form.mode.choices = [(o.mode, mode_label(o.mode)) for o in summary.options]
    if (country or "").upper() == "RU":
        form.customs_id.label.text = _("Passport series and number, or INN")
    form.mode.data = summary.mode
    return render_template(
        "ordering/checkout.html",
        form=form,
        cart=current,
        quote=summary,
        country=country,
        country_name=country_name,
        mode_label=mode_label,
        buyer_actions=BUYER_ACTIONS,
        responsibilities=incoterms.responsibilities(terms),
        needs_customs_id=ops.needs_customs_id(country or "", summary.mode),
        customs_id_country=(country or "").upper(),
        saved_addresses=saved,
    )


def _prefill(form: CheckoutForm) -> list:
    """A first visit: the language's usual country, the account's e-mail, name and saved address (returns the
    saved addresses to choose from)."""
    saved = []
    form.country.data = DEFAULT_COUNTRY.get(g.lang, "")
    if current_user.is_authenticated:
        form.email.data = form.email.data or current_user.email
        form.contact_name.data = form.contact_name.data or current_user.name
        saved = addresses.fill(form, current_user, request.args.get("address", ""))
    form.currency.data = default_charge_currency()
    return saved


def _place(form: CheckoutForm, current):
    """Place the order: a redirect to pay (card) or to the order (transfer), back to the cart when its stock or
    quantities changed, or None with the refusal added to the form's field (the page is shown again)."""
    if current.problems:
        stock_gone = any(line.problem != "raised_to_moq" for line in current.problems)
        flash(
            str(OutOfStock.message) if stock_gone else _("Some quantities in your cart need your attention."),
            "error",
        )
        return redirect(url_for("cart.view", lang=g.lang))
    user_id = current_user.id if current_user.is_authenticated else None
    try:
        order = ops.place_order(current, _checkout_data(form), user_id=user_id, lang=g.lang, actor=actor())
    except OutOfStock as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
        return redirect(url_for("cart.view", lang=g.lang))
    except ops.CheckoutError as exc:
        db.session.rollback()
        if exc.code in {"empty_cart", "cart_problems"}:
            flash(_("Some quantities in your cart need your attention."), "error")
            return redirect(url_for("cart.view", lang=g.lang))
        field, message = checkout_error(exc.code, data_country(form))
        field = getattr(form, field)
        field.errors = [*field.errors, str(message or _("Please choose from the list."))]
        return None
    cart_ops.clear()
    if user_id is not None and request.form.get("save_address"):
        try:
            addresses.remember(current_user, {name: getattr(form, name).data for name in addresses.FIELDS})
        except addresses.AddressBookFull:
            pass  # the order matters more than the address book
    if order.pay_method == PayMethod.TRANSFER.value:
        mail.queue_transfer_instructions(order)
    db.session.commit()
    if user_id is None:
        access.remember(order)
    if order.pay_method == PayMethod.CARD.value:
        return redirect(url_for("ordering.pay", lang=g.lang, number=order.number))
    flash(_("Thank you! Your order is reserved until the bank transfer arrives."), "success")
    return redirect(url_for("ordering.order_page", lang=g.lang, number=order.number))


def _order_url(order: Order, token: str | None) -> str:
    return url_for("ordering.order_page", lang=g.lang, number=order.number, t=token)


@bp.get("/orders/<number>")
def order_page(number: str):
    """The buyer's order: status timeline, merchant sub-orders, totals, what to do next."""
    order, token = access.get_order_or_404(number)
    if order.status in {OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED} and pay_ops.latest_intent(
        KIND, order.id
    ):
        try:  # the buyer may come back before the webhook: ask Stripe (same idempotent path)
            pay_ops.sync(KIND, order, actor=actor())
            db.session.commit()
        except (GatewayError, IntegrityError):
            db.session.rollback()
    return render_template(
        "ordering/order.html",
        order=order,
        token=token,
        status_labels=STATUS_LABELS,
        cause_labels=CAUSE_LABELS,
        terms_labels=TERMS_LABELS,
        method_labels=PAY_METHOD_LABELS,
        country_name=country_name,
        mode_label=mode_label,
        responsibilities=incoterms.responsibilities(order.delivery_terms),
        bank=documents.bank_fields(g.lang, reference=order.number),
        is_shipped=documents.is_shipped,
        schedule=instalments.schedule(order),
        instalment_due=instalments.next_due(order),
        order_money=lambda minor: Money(minor, order.currency).format(),
        refund_rows_of=lambda o: refunds.refunds_of(KIND, o.id),
        returns_of=returns.returns_of,
        return_form=ReturnForm(),
        cancel_form=CancelForm(),
        cancel_requested=cancellation.requested(order),
    )


@bp.get("/orders/<number>/tracking")
def tracking(number: str):
    """The buyer's shipment tracking: per parcel the carrier and its link, mode, estimated arrival, customs
    status of its list, and the order's events in the buyer's language."""
    order, token = access.get_order_or_404(number)
    return render_template(
        "ordering/tracking.html",
        order=order,
        token=token,
        arrivals={sub.id: estimated_arrival(order, sub) for sub in order.sub_orders},
        status_labels=STATUS_LABELS,
        cause_labels=CAUSE_LABELS,
        mode_label=mode_label,
        buyer_actions=BUYER_ACTIONS,
    )


@bp.post("/orders/<number>/returns/<int:sub_order_id>")
def return_request(number: str, sub_order_id: int):
    """The buyer asks to return a shipped parcel of their order, saying why (RMA, ``ordering.returns``)."""
    order, token = access.get_order_or_404(number)
    sub = next((s for s in order.sub_orders if s.id == sub_order_id), None) or abort(404)
    form = ReturnForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        returns.request_return(sub, form.reason.data or "")
        db.session.commit()
    except returns.ReturnError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(_("Your return request is sent to the seller."), "success")
    return redirect(_order_url(order, token))


@bp.post("/orders/<number>/cancel-request")
def cancel_request(number: str):
    """The buyer asks the merchant to cancel a T/T order whose deposit is paid (``ordering.cancellation``)."""
    order, token = access.get_order_or_404(number)
    form = CancelForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        cancellation.request(order, form.reason.data or "", actor=actor())
        db.session.commit()
    except cancellation.CancelError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(_("Your request to cancel is sent to the seller. If they agree, your deposit is refunded."), "success")
    return redirect(_order_url(order, token))


@bp.get("/orders/<number>/pay")
def pay(number: str):
    """The card payment page (Stripe.js card element); other states go to the order page."""
    order, token = access.get_order_or_404(number)
    if order.status not in {OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED}:
        return redirect(_order_url(order, token))
    return render_template(
        "ordering/pay.html",
        order=order,
        token=token,
        stripe=get_gateway().client_config(),
        status_labels=STATUS_LABELS,
    )


@bp.post("/orders/<number>/pay/card")
@card_flow.rate_limited
def pay_card(number: str):
    """JSON: confirm the order's payment with a card tokenised by Stripe.js (amount from the order only)."""
    order, token = access.get_order_or_404(number)
    return_url = public_url("ordering.pay_return", lang=g.lang, number=order.number, t=token)
    done_url = _order_url(order, token)
    return card_flow.confirm_card_json(KIND, order, actor=actor(), return_url=return_url, done_url=done_url)


@bp.route("/orders/<number>/pay/return", methods=["GET", "POST"])
def pay_return(number: str):
    """After 3-D Secure (Stripe.js or a redirect): ask Stripe for the result and apply it, then go on."""
    order, token = access.get_order_or_404(number)
    card_flow.sync_after_return(KIND, order, actor=actor())
    code = None
    if order.status == OrderStatus.PAYMENT_FAILED:
        code = card_flow.last_decline_code(KIND, order.id) or ""
    retry_url = url_for("ordering.pay", lang=g.lang, number=order.number, t=token)
    return card_flow.return_response(code, order.status, done_url=_order_url(order, token), retry_url=retry_url)


@bp.post("/orders/<number>/method")
def pay_method(number: str):
    """Switch an unpaid order between card and bank transfer."""
    order, token = access.get_order_or_404(number)
    method = request.form.get("method", "")
    if method not in {m.value for m in PayMethod}:
        abort(400)
    if ops.choose_pay_method(order, method, actor=actor()):
        if method == PayMethod.TRANSFER.value:
            mail.queue_transfer_instructions(order)
        db.session.commit()
    if method == PayMethod.CARD.value and order.status == OrderStatus.PENDING_PAYMENT:
        return redirect(url_for("ordering.pay", lang=g.lang, number=order.number, t=token))
    return redirect(_order_url(order, token))


@bp.get("/account/orders")
@login_required
def my_orders():
    """The signed-in buyer's orders, newest first."""
    orders = db.session.scalars(
        select(Order).where(Order.user_id == current_user.id).order_by(Order.created_at.desc(), Order.id.desc())
    ).all()
    return render_template("ordering/orders.html", orders=orders, status_labels=STATUS_LABELS)
