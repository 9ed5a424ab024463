"""The merchant's promotions: list, create, edit and end (permission ``company.catalogue``, audited)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import DateField, IntegerField, RadioField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from storefront.accounts.backoffice import bp, merchant_required
from storefront.catalog import promotions
from storefront.catalog.models import Product
from storefront.catalog.promotions import Promotion, PromotionError
from storefront.catalog.taxonomy import Category
from storefront.core.money import parse_amount
from storefront.extensions import db

#: Promotion dates are the merchant's calendar days in China time: from 00:00 of the first to 24:00 of the last.
CHINA = ZoneInfo("Asia/Shanghai")


class PromotionForm(FlaskForm):
    """A promotion's discount, window and targets."""

    name = StringField(_l("Name (for you only)"), validators=[DataRequired(), Length(max=120)])
    kind = RadioField(
        _l("Discount"),
        choices=[
            SelectChoice("percent", _l("Percentage off")),
            SelectChoice("amount", _l("Fixed amount off each unit (CNY)")),
        ],
        default="percent",
    )
    percent = IntegerField(_l("Percentage"), validators=[Optional(), NumberRange(min=1, max=90)])
    amount = StringField(_l("Amount in CNY"), validators=[Optional(), Length(max=20)])
    starts = DateField(_l("First day"), validators=[DataRequired()])
    ends = DateField(_l("Last day"), validators=[DataRequired()])
    products = SelectMultipleField(_l("Products"), choices=[], coerce=int, validate_choice=True)
    categories = SelectMultipleField(_l("Categories (all your products in them)"), choices=[], coerce=int)


def _form(promotion: Promotion | None = None) -> PromotionForm:
    form = PromotionForm(obj=None)
    own = db.session.scalars(select(Product).where(Product.merchant_id == g.merchant.id).order_by(Product.sku))
    form.products.choices = [SelectChoice(p.id, f"{p.sku} · {p.name(g.lang)}") for p in own]
    cats = db.session.scalars(select(Category).order_by(Category.id))
    form.categories.choices = [SelectChoice(c.id, str(c.name(g.lang))) for c in cats]
    if promotion is not None and not form.is_submitted():
        form.name.data = promotion.name
        form.kind.data = "percent" if promotion.percent is not None else "amount"
        form.percent.data = promotion.percent
        form.amount.data = f"{promotion.amount_fen / 100:.2f}" if promotion.amount_fen else ""
        form.starts.data = promotions.as_utc(promotion.starts_at).astimezone(CHINA).date()
        form.ends.data = (promotions.as_utc(promotion.ends_at).astimezone(CHINA) - timedelta(seconds=1)).date()
        form.products.data = [p.id for p in promotion.products]
        form.categories.data = [c.id for c in promotion.categories]
    return form


def _page(form: PromotionForm, editing: Promotion | None = None, status: int = 200):
    own = db.session.scalars(
        select(Promotion).where(Promotion.merchant_id == g.merchant.id).order_by(Promotion.starts_at.desc())
    )
    return (
        render_template(
            "merchant/promotions.html", promotions=list(own), form=form, editing=editing, now=datetime.now(UTC)
        ),
        status,
        {"Cache-Control": "no-store"},
    )


def _apply(form: PromotionForm, promotion: Promotion) -> str | None:
    """Copy the form into the promotion; an error message when the discount is missing or unreadable."""
    promotion.name = form.name.data.strip()
    if form.kind.data == "amount":
        amount = parse_amount(form.amount.data or "", "CNY")
        if amount is None or amount <= 0:
            return _("The discount must be greater than zero.")
        promotion.percent, promotion.amount_fen = None, amount
    else:
        if form.percent.data is None:
            return _("The percentage must be between 1 and 90.")
        promotion.percent, promotion.amount_fen = form.percent.data, None
    promotion.starts_at = datetime.combine(form.starts.data, time(0), CHINA).astimezone(UTC)
    promotion.ends_at = datetime.combine(form.ends.data + timedelta(days=1), time(0), CHINA).astimezone(UTC)
    return None


def _save(form: PromotionForm, promotion: Promotion, before: dict | None):
    error = _apply(form, promotion)
    if error is None:
        try:
            promotions.save(
                promotion, form.products.data or [], form.categories.data or [], current_user, before=before
            )
        except PromotionError as exc:
            error = str(exc)
    if error is not None:
        db.session.rollback()  # nothing saved
        form.name.errors = [*form.name.errors, error]
        return None
    db.session.commit()
    flash(_("Promotion saved."), "success")
    return redirect(url_for("merchant.promotions_page"))


def _own(promotion_id: int) -> Promotion:
    stmt = select(Promotion).where(Promotion.id == promotion_id, Promotion.merchant_id == g.merchant.id)
    return db.session.scalars(stmt).first() or abort(404)


@bp.get("/promotions")
@merchant_required
def promotions_page():
    """The merchant's promotions and the form for a new one."""
    return _page(_form())


@bp.post("/promotions")
@merchant_required
def promotion_add():
    """Create a promotion (refused, nothing saved, when any targeted price would fall to zero or below)."""
    form = _form()
    if not form.validate_on_submit():
        return _page(form, status=400)
    promotion = Promotion(merchant_id=g.merchant.id, active=True)
    return _save(form, promotion, None) or _page(form, status=400)


@bp.route("/promotions/<int:promotion_id>", methods=["GET", "POST"])
@merchant_required
def promotion_edit(promotion_id: int):
    """Edit one of the merchant's promotions."""
    promotion = _own(promotion_id)
    form = _form(promotion)
    if not form.is_submitted():
        return _page(form, promotion)
    if not form.validate_on_submit():
        return _page(form, promotion, status=400)
    return _save(form, promotion, promotions.snapshot(promotion)) or _page(form, _own(promotion_id), status=400)


@bp.post("/promotions/<int:promotion_id>/end")
@merchant_required
def promotion_end(promotion_id: int):
    """End a promotion now."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    promotions.end(_own(promotion_id), current_user)
    db.session.commit()
    flash(_("Promotion ended."), "success")
    return redirect(url_for("merchant.promotions_page"))
