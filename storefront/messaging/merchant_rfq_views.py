"""Requests for quotation on the merchant's side: the list, one request with its thread, and the quotation form
(lines of variants at unit prices, freight, delivery and payment terms, validity)."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from storefront.accounts.backoffice import bp, merchant_required
from storefront.catalog.models import Product, ProductVariant
from storefront.catalog.units import QuantityError, parse_quantity
from storefront.catalog.units import quantity as unit_quantity
from storefront.core.money import parse_amount
from storefront.extensions import db
from storefront.messaging import files, queries, rfq
from storefront.messaging.forms import MessageForm
from storefront.messaging.operations import party_of
from storefront.messaging.subjects import kind_of
from storefront.ordering import quotations
from storefront.ordering.pricing import charge_currencies
from storefront.ordering.rfq_models import Rfq
from storefront.ordering.shipping import country_name
from storefront.ordering.states import TERMS_LABELS, DeliveryTerms

#: Line rows on the quotation form.
FORM_LINES = 5


class QuotationForm(FlaskForm):
    """The quotation's terms; its lines are the ``line-N-variant/qty/price`` fields (parsed in the view)."""

    currency = SelectField(_l("Currency"), choices=[], validators=[DataRequired()])
    freight = StringField(_l("Freight"), validators=[Optional(), Length(max=20)])
    incoterm = SelectField(
        _l("Delivery terms"), choices=[SelectChoice(t.value, TERMS_LABELS[t]) for t in DeliveryTerms]
    )
    named_place = StringField(_l("Named place"), validators=[Optional(), Length(max=120)])
    pay_terms = SelectField(
        _l("Payment terms"), choices=[SelectChoice(k, v) for k, v in quotations.PAY_TERMS_LABELS.items()]
    )
    deposit_percent = IntegerField(_l("Deposit, percent"), validators=[Optional(), NumberRange(min=0, max=100)])
    valid_until = DateField(_l("Valid until"), validators=[DataRequired()])
    note = TextAreaField(_l("Note for the buyer (optional)"), validators=[Optional(), Length(max=quotations.MAX_NEED)])


def _own(rfq_id: int) -> Rfq:
    stmt = select(Rfq).where(Rfq.id == rfq_id, Rfq.merchant_id == g.merchant.id)
    return db.session.scalars(stmt).first() or abort(404)


def _variants(item: Rfq) -> list[ProductVariant]:
    stmt = select(ProductVariant).join(Product).where(Product.merchant_id == g.merchant.id)
    if item.product_id is not None:
        stmt = stmt.where(Product.id == item.product_id)
    return list(db.session.scalars(stmt.order_by(Product.id, ProductVariant.position).limit(300)))


def _lines(currency: str, units: dict[int, str]) -> tuple[quotations.LineData, ...]:
    """The filled line rows (a row without a variant is skipped); ValueError on a malformed number. Quantities
    are typed in the variant's unit of sale (``units``: variant id → unit) and stored scaled (2.5 t → 2500)."""
    lines = []
    for n in range(1, FORM_LINES + 1):
        variant = request.form.get(f"line-{n}-variant", "").strip()
        if not variant:
            continue
        qty = request.form.get(f"line-{n}-qty", "").strip()
        price = parse_amount(request.form.get(f"line-{n}-price", ""), currency)
        if not variant.isdigit() or len(variant) > 10 or price is None:
            raise ValueError(n)
        lines.append(quotations.LineData(int(variant), parse_quantity(qty, units.get(int(variant))), price))
    return tuple(lines)


@bp.get("/rfqs")
@merchant_required
def rfqs():
    """Requests for quotation addressed to the merchant."""
    return render_template(
        "merchant/rfqs.html", rfqs=quotations.rfqs_of_merchant(g.merchant), labels=quotations.STATUS_LABELS
    )


@bp.route("/rfqs/<int:rfq_id>", methods=["GET", "POST"])
@merchant_required
def rfq_page(rfq_id: int):
    """One request: what the buyer asked, the thread, the quotations sent, the form for a new one."""
    item = _own(rfq_id)
    form = QuotationForm()
    form.currency.choices = [SelectChoice(c, c) for c in charge_currencies()]
    if not form.is_submitted():
        form.incoterm.data = item.incoterm
        form.currency.data = item.target_currency or None
    errors: list[str] = []
    if form.validate_on_submit():
        currency = form.currency.data
        try:
            data = quotations.QuotationData(
                lines=_lines(currency, {v.id: v.product.unit for v in _variants(item)}),
                currency=currency,
                incoterm=form.incoterm.data,
                valid_until=form.valid_until.data,
                freight_minor=parse_amount(form.freight.data, currency) or 0,
                named_place=form.named_place.data or "",
                pay_terms=form.pay_terms.data,
                deposit_percent=form.deposit_percent.data,
                note=form.note.data or "",
            )
            quotations.submit_quotation(item, data, author=current_user)
            db.session.commit()
        except quotations.RfqError as exc:
            db.session.rollback()
            errors.append(exc.message)
        except QuantityError as exc:
            db.session.rollback()
            errors.append(exc.message)
        except ValueError:
            db.session.rollback()
            errors.append(_("Enter each line's quantity and unit price as numbers."))
        else:
            flash(_("Quotation sent to the buyer."), "success")
            return redirect(url_for("merchant.rfq_page", lang=g.lang, rfq_id=item.id))
    conversation = rfq.conversation_of(item)
    return render_template(
        "merchant/rfq.html",
        rfq=item,
        form=form,
        errors=errors,
        variants=_variants(item),
        form_lines=FORM_LINES,
        values=request.form,
        conversation=conversation,
        messages=queries.messages_of(conversation),
        names=kind_of(conversation).names(conversation, g.lang) if conversation else {},
        message_form=MessageForm(),
        can_write=conversation is not None and party_of(conversation, current_user) == "merchant",
        accepted_types=files.accepted_labels(),
        labels=quotations.STATUS_LABELS,
        pay_terms=quotations.PAY_TERMS_LABELS,
        terms_labels=TERMS_LABELS,
        country_name=country_name,
        quantity=unit_quantity,
        is_expired=quotations.is_expired,
        today=date.today(),
    ), (200 if not errors else 400)
