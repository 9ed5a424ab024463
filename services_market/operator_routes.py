"""Operator pages of the marketplace: service orders, voucher batches and the voucher report.

Provider filings are reviewed in the console's filings queue (see :mod:`services_market.filing_kind`).
"""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from services_market import voucher_report, vouchers
from services_market.blueprints import operator_bp as bp
from services_market.constants import CATEGORY_LABELS, STATUS_LABELS, TIER_LABELS
from services_market.forms import VoucherBatchForm, choices
from services_market.order_models import ServiceOrder
from services_market.voucher_models import VoucherBatch
from storefront.accounts.models import Role
from storefront.catalog.models import City, Cluster
from storefront.core.money import parse_amount
from storefront.core.security import roles_required
from storefront.extensions import db

OPERATOR = Role.OPERATOR.value


@bp.get("/services/orders")
@roles_required(OPERATOR)
def service_orders():
    """All service orders (refunds due first when asked)."""
    stmt = select(ServiceOrder).order_by(ServiceOrder.created_at.desc(), ServiceOrder.id.desc()).limit(500)
    refunds = request.args.get("refund") == "due"
    if refunds:
        stmt = stmt.where(ServiceOrder.refund_state == "due")
    return render_template(
        "services/operator/orders.html",
        orders=db.session.scalars(stmt).all(),
        refunds=refunds,
        status_labels=STATUS_LABELS,
        tier_labels=TIER_LABELS,
    )


@bp.get("/vouchers")
@roles_required(OPERATOR)
def voucher_batches():
    """Voucher batches with their figures."""
    return render_template(
        "services/operator/vouchers.html", report=voucher_report.build(), category_labels=CATEGORY_LABELS
    )


def _batch_choices(form: VoucherBatchForm, lang: str) -> None:
    form.cities.choices = choices(
        sorted(
            ((c.slug, str(c.name(lang))) for c in db.session.scalars(select(City))), key=lambda row: row[1]
        )
    )
    form.clusters.choices = choices(
        (c.slug, str(c.name(lang))) for c in db.session.scalars(select(Cluster).order_by(Cluster.position))
    )


@bp.route("/vouchers/new", methods=["GET", "POST"])
@roles_required(OPERATOR)
def voucher_new():
    """Issue a batch of vouchers."""
    form = VoucherBatchForm()
    _batch_choices(form, g.lang)
    if form.validate_on_submit():
        try:
            amount = parse_amount(form.amount.data, "CNY")
        except ValueError:
            amount = None
            form.amount.errors = [*form.amount.errors, _("Enter a number, for example 100 or 99.50.")]
        data = vouchers.BatchData(
            name=form.name.data or "",
            funder=form.funder.data or "",
            kind=form.kind.data or "",
            amount_fen=amount,
            categories=form.categories.data or [],
            cities=form.cities.data or [],
            clusters=form.clusters.data or [],
            expires_on=form.expires_on.data,
            note=form.note.data or "",
            quantity=form.quantity.data or 0,
            assign_eligible=bool(form.assign_eligible.data),
        )
        errors = vouchers.check_batch(data)
        for key, message in errors.items():
            field = getattr(form, key, None) or form.name
            field.errors = [*field.errors, str(message)]
        if not errors and not form.amount.errors:
            batch = vouchers.issue_batch(data, current_user)
            db.session.commit()
            flash(_("The vouchers are issued."), "success")
            return redirect(url_for("services_operator.voucher_batch", batch_id=batch.id))
    return render_template("services/operator/voucher_new.html", form=form)


@bp.get("/vouchers/<int:batch_id>")
@roles_required(OPERATOR)
def voucher_batch(batch_id: int):
    """One batch: its rules and every voucher with its state."""
    batch = db.session.get(VoucherBatch, batch_id) or abort(404)
    return render_template(
        "services/operator/voucher_batch.html",
        batch=batch,
        vouchers=vouchers.vouchers_of(batch.id),
        expired=vouchers.is_expired(batch),
        category_labels=CATEGORY_LABELS,
    )


@bp.get("/vouchers/report")
@roles_required(OPERATOR)
def voucher_report_page():
    """Issued, redeemed and expired vouchers per batch; the amount spent per service category."""
    return render_template(
        "services/operator/voucher_report.html",
        report=voucher_report.build(),
        category_labels=CATEGORY_LABELS,
    )
