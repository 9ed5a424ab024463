"""Payouts and commission rates in the operator console: approve with the bank reference, reject, export."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.ledger import payouts
from storefront.ledger.models import CommissionRate, Payout


class DecisionForm(FlaskForm):
    """Bank reference (approve) or note (reject)."""

    bank_ref = StringField(_l("Bank reference"), validators=[Length(max=60)])
    note = StringField(_l("Note"), validators=[Length(max=500)])


class CommissionForm(FlaskForm):
    """A commission rate in percent for the default, a category key or a seller account."""

    scope = SelectField(
        _l("Applies to"),
        choices=[
            SelectChoice("default", _l("Default")),
            SelectChoice("category", _l("Category")),
            SelectChoice("seller", _l("Seller")),
        ],
    )
    key = StringField(_l("Category or seller key"), validators=[Length(max=60)])
    percent = StringField(_l("Commission rate (percent)"), validators=[Length(max=6)])


def payouts_page(error: str = "", status: int = 200):
    """Payout requests to decide and the latest payouts (with an error message after a refused decision)."""
    return render_template(
        "operator/payouts.html",
        requested=payouts.payouts_of(status="requested"),
        decided=[p for p in payouts.payouts_of()[:100] if p.status != "requested"],
        seller_name=ledger.seller_name,
        form=DecisionForm(),
        error=error,
    ), status


@bp.get("/payouts/")
@operator_required
def payouts_list():
    """Payout requests to decide and the latest payouts."""
    return payouts_page()


def _payout(payout_id: int) -> Payout:
    return db.session.get(Payout, payout_id) or abort(404)


def _decide(payout_id: int, action, success: str):
    """Run an approve/reject decision: commit and back to the queue, or the page again with the refusal (400)."""
    form = DecisionForm()
    if not form.validate_on_submit():
        return payouts_page(_("The form expired. Please try again."), 400)
    try:
        action(_payout(payout_id), form, f"operator:{current_user.id}")
    except payouts.PayoutError as exc:
        db.session.rollback()
        return payouts_page(exc.message, 400)
    db.session.commit()
    flash(success, "success")
    return redirect(url_for("operator.payouts_list"))


@bp.post("/payouts/<int:payout_id>/approve")
@operator_required
def payout_approve(payout_id: int):
    """Record the bank transfer that paid the request (books the payout in the ledger)."""
    return _decide(
        payout_id,
        lambda payout, form, actor: payouts.approve(payout, form.bank_ref.data or "", actor=actor),
        _("Payout marked as paid."),
    )


@bp.post("/payouts/<int:payout_id>/reject")
@operator_required
def payout_reject(payout_id: int):
    """Refuse a request (the money stays in the seller's balance)."""
    return _decide(
        payout_id,
        lambda payout, form, actor: payouts.reject(payout, form.note.data or "", actor=actor),
        _("Payout request rejected."),
    )


@bp.get("/payouts.csv")
@operator_required
def payouts_csv():
    """The payout file for the bank: every payout, newest first."""
    body = payouts.payout_csv(payouts.payouts_of(), ledger.seller_name)
    return Response(
        "\ufeff" + body,
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="payouts.csv"'},
    )


@bp.route("/commission", methods=["GET", "POST"])
@operator_required
def commission():
    """Commission rates: the default, per category (product:<id>, service:<slug>) or per seller."""
    form = CommissionForm()
    error = ""
    if form.validate_on_submit():
        try:
            percent = float((form.percent.data or "").replace(",", "."))
            ledger.set_commission(form.scope.data, (form.key.data or "").strip(), round(percent * 100))
            db.session.commit()
            flash(_("Commission rate saved."), "success")
            return redirect(url_for("operator.commission"))
        except ValueError:
            db.session.rollback()
            error = _("Enter a commission between 0 and 50 %.")
    rows = db.session.scalars(select(CommissionRate).order_by(CommissionRate.scope, CommissionRate.key)).all()
    return render_template(
        "operator/commission.html", rows=rows, form=form, error=error, default_bp=ledger.DEFAULT_COMMISSION_BP
    ), (400 if error else 200)
