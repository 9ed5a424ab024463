"""The buyer's RFQ pages: ask from a product page or a merchant's page, follow the request and its thread,
accept a quotation (→ the order page with the payment instructions)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select

from storefront.accounts.models import FilingStatus, Merchant, Role
from storefront.catalog.queries import get_public_product
from storefront.catalog.units import QuantityError, parse_quantity, plain
from storefront.catalog.units import quantity as unit_quantity
from storefront.core.money import parse_amount
from storefront.core.uploads import UploadRejected
from storefront.extensions import db
from storefront.messaging import files, queries, rfq
from storefront.messaging.forms import MessageForm
from storefront.messaging.operations import MessageError, mark_read
from storefront.messaging.rfq_forms import AcceptForm, RfqForm
from storefront.messaging.subjects import kind_of
from storefront.ordering import instalments, mail, quotations
from storefront.ordering import operations as ops
from storefront.ordering.forms import checkout_error
from storefront.ordering.freight.incoterms import RULES
from storefront.ordering.pricing import charge_currencies, default_charge_currency
from storefront.ordering.rfq_models import Quotation, Rfq
from storefront.ordering.shipping import DEFAULT_COUNTRY, country_choices, country_name
from storefront.ordering.states import TERMS_LABELS
from storefront.ordering.stock import OutOfStock

bp = Blueprint("rfq", __name__, url_prefix="/<lang>/rfq")


def _data(form: RfqForm, product=None) -> quotations.RfqData:
    """The typed request; the quantity is read in the product's unit (or the unit chosen for a free-text need)."""
    unit = product.unit if product is not None else (form.unit.data or "piece")
    try:
        quantity = parse_quantity(form.quantity.data, unit)
    except QuantityError as exc:
        raise quotations.RfqError("quantity") from exc
    currency = form.target_currency.data or ""
    try:
        target = parse_amount(form.target_price.data, currency) if currency else None
    except ValueError as exc:
        raise quotations.RfqError("target") from exc
    return quotations.RfqData(
        need=form.need.data or "",
        quantity=quantity,
        country=form.country.data or "",
        incoterm=form.incoterm.data or "",
        unit=form.unit.data or "piece",
        target_price_minor=target,
        target_currency=currency,
        required_by=form.required_by.data,
    )


def _ask(form: RfqForm, merchant: Merchant, product=None):
    """Validate and send; the page again (with what was typed and the error) when refused."""
    if not form.validate_on_submit():
        return None
    variant = None
    if product is not None and (form.variant_id.data or "").isdigit():
        variant = next((v for v in product.variants if v.id == int(form.variant_id.data)), None)
        if variant is None:
            form.variant_id.errors = [str(quotations.RfqError.MESSAGES["variant_product"])]
            return None
    try:
        item = rfq.start(
            current_user, merchant, _data(form, product), files.check_all(form.files.data),
            product=product, variant=variant, lang=g.lang,
        )  # fmt: skip
        db.session.commit()
    except (quotations.RfqError, MessageError, UploadRejected) as exc:
        db.session.rollback()
        field = form.files if isinstance(exc, UploadRejected) else form.need
        field.errors = [*field.errors, str(exc.message)]
        return None
    flash(_("Your request for quotation was sent. The seller answers in the thread below."), "success")
    return redirect(url_for("rfq.detail", lang=g.lang, rfq_id=item.id))


def _form(product=None) -> RfqForm:
    form = RfqForm()
    variants = [(str(v.id), str(v.label(g.lang)) or v.effective_sku) for v in product.variants] if product else []
    form.set_choices(country_choices(g.lang), charge_currencies(), variants if len(variants) > 1 else [])
    if not form.is_submitted():
        form.country.data = DEFAULT_COUNTRY.get(g.lang, "")
        form.target_currency.data = default_charge_currency()
        if product is not None:
            form.quantity.data = plain(product.moq, product.unit)
            form.unit.data = product.unit
    return form


@bp.route("/product/<int:product_id>", methods=["GET", "POST"])
@login_required
def ask_product(product_id: int):
    """Request a quotation for a public product (and one of its variants)."""
    product = get_public_product(product_id)
    form = _form(product)
    done = _ask(form, product.merchant, product)
    if done is not None:
        return done
    return render_template(
        "rfq/ask.html", form=form, product=product, merchant=product.merchant, accepted_types=files.accepted_labels()
    )


@bp.route("/merchant/<slug>", methods=["GET", "POST"])
@login_required
def ask_merchant(slug: str):
    """A free-text request to an approved merchant."""
    stmt = select(Merchant).where(Merchant.slug == slug, Merchant.status == FilingStatus.APPROVED.value)
    merchant = db.session.scalars(stmt).first() or abort(404)
    form = _form()
    done = _ask(form, merchant)
    if done is not None:
        return done
    return render_template(
        "rfq/ask.html", form=form, product=None, merchant=merchant, accepted_types=files.accepted_labels()
    )


@bp.get("/")
@login_required
def mine():
    """The signed-in buyer's requests for quotation."""
    return render_template(
        "rfq/list.html", rfqs=quotations.rfqs_of_buyer(current_user), labels=quotations.STATUS_LABELS
    )


def _visible(rfq_id: int) -> tuple[Rfq, str]:
    """An RFQ its buyer, the merchant's owner (thread participants) or an operator may see; others 404."""
    item = db.session.get(Rfq, rfq_id) or abort(404)
    if item.buyer_id == current_user.id:
        return item, "buyer"
    if item.merchant.owner_id == current_user.id or rfq.staff_may_act(item, current_user):
        return item, "merchant"
    if current_user.has_role(Role.OPERATOR.value):
        return item, "operator"
    abort(404)


@bp.get("/<int:rfq_id>")
@login_required
def detail(rfq_id: int):
    """One RFQ: the request, the quotations (accept for the buyer), the thread."""
    item, side = _visible(rfq_id)
    return _detail_page(item, side, AcceptForm())


def _detail_page(item: Rfq, side: str, accept_form: AcceptForm, status: int = 200):
    conversation = rfq.conversation_of(item)
    messages = queries.messages_of(conversation)
    if side == "buyer" and not accept_form.is_submitted():
        accept_form.contact_name.data = current_user.name
    page = render_template(
        "rfq/detail.html",
        rfq=item,
        side=side,
        conversation=conversation,
        messages=messages,
        names=kind_of(conversation).names(conversation, g.lang) if conversation else {},
        form=MessageForm(),
        accept_form=accept_form,
        accepted_types=files.accepted_labels(),
        labels=quotations.STATUS_LABELS,
        pay_terms=quotations.PAY_TERMS_LABELS,
        terms_labels=TERMS_LABELS,
        incoterm_rules=RULES,
        country_name=country_name,
        quantity=unit_quantity,
        is_expired=quotations.is_expired,
        split=instalments.split,
    )
    if messages and status == 200 and mark_read(conversation, current_user, messages[-1].id):
        db.session.commit()
    return page, status


@bp.post("/<int:rfq_id>/quotations/<int:quotation_id>/accept")
@login_required
def accept(rfq_id: int, quotation_id: int):
    """The buyer accepts a quotation: an order at the quoted prices; on to its payment."""
    stmt = (
        select(Quotation)
        .join(Rfq)
        .where(Quotation.id == quotation_id, Rfq.id == rfq_id, Rfq.buyer_id == current_user.id)
    )
    quotation = db.session.scalars(stmt).first() or abort(404)
    form = AcceptForm()
    if not form.validate_on_submit():
        return _detail_page(quotation.rfq, "buyer", form, 400)
    data = ops.CheckoutData(
        email=current_user.email, contact_name=form.contact_name.data, phone=form.phone.data or "",
        country=quotation.rfq.country, city=form.city.data, address_line1=form.address_line1.data,
        postal_code=form.postal_code.data or "", currency=quotation.currency,
        customs_id=form.customs_id.data or "",
    )  # fmt: skip
    try:
        order = quotations.accept(quotation, current_user, data, lang=g.lang)
    except (quotations.RfqError, OutOfStock, ops.CheckoutError) as exc:
        db.session.rollback()
        if isinstance(exc, quotations.RfqError | OutOfStock):
            message = exc.message
        else:  # what checkout would say beside the field (e.g. the Korean personal customs clearance code)
            message = checkout_error(exc.code, quotation.rfq.country)[1]
        flash(str(message or _("This quotation cannot become an order to this address; write to the seller.")), "error")
        return redirect(url_for("rfq.detail", lang=g.lang, rfq_id=rfq_id))
    if order.pay_method == "transfer":
        mail.queue_transfer_instructions(order)  # the deposit's amount and the bank details
    db.session.commit()
    if order.pay_method == "card":
        return redirect(url_for("ordering.pay", lang=g.lang, number=order.number))
    flash(_("Thank you! Your order is reserved until the deposit arrives."), "success")
    return redirect(url_for("ordering.order_page", lang=g.lang, number=order.number))


@bp.post("/<int:rfq_id>/close")
@login_required
def close(rfq_id: int):
    """The buyer or the merchant closes a request that has not become an order."""
    item, side = _visible(rfq_id)
    if side == "operator" or not FlaskForm().validate_on_submit():
        abort(403 if side == "operator" else 400)
    try:
        quotations.close(item)
        db.session.commit()
    except quotations.RfqError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    return redirect(url_for("rfq.detail", lang=g.lang, rfq_id=item.id))
