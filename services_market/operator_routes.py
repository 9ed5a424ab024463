"""Operator pages of the marketplace: service orders, package moderation, voucher batches and the report.

Provider filings are reviewed in the console's filings queue (see :mod:`services_market.filing_kind`).
"""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select

from services_market import packages, voucher_report, vouchers
from services_market.blueprints import operator_bp as bp
from services_market.constants import CATEGORY_LABELS, STATUS_LABELS, TIER_LABELS
from services_market.forms import VoucherBatchForm, choices
from services_market.models import Package, PackageText, Provider
from services_market.order_models import ServiceOrder
from services_market.voucher_models import VoucherBatch
from storefront.accounts.backoffice_forms import ReasonForm
from storefront.accounts.models import Role
from storefront.catalog.queries import paginate, parse_page
from storefront.catalog.taxonomy import City, Cluster
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
        sorted(((c.slug, str(c.name(lang))) for c in db.session.scalars(select(City))), key=lambda row: row[1])
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


# package moderation (the "Service packages" tab of the operator's moderation page) -------------------

MODERATION_PER_PAGE = 30


@bp.get("/moderation/packages/")
@roles_required(OPERATOR)
def package_moderation():
    """Packages across providers, searchable; moderated ones only when asked."""
    q = (request.args.get("q") or "").strip()[:80]
    state = request.args.get("state", "all")
    stmt = select(Package).join(Package.provider)
    if q:
        like = f"%{q}%"
        titles = select(PackageText.package_id).where(PackageText.title.ilike(like))
        conditions = [Package.id.in_(titles), Provider.slug.ilike(like)]
        if q.isdigit() and len(q) < 10:
            conditions.append(Package.id == int(q))
        stmt = stmt.where(or_(*conditions))
    if state == "moderated":
        stmt = stmt.where(Package.moderated_hidden.is_(True))
    result = paginate(stmt, parse_page(request.args.get("page")), MODERATION_PER_PAGE, (Package.id.desc(),))
    return render_template(
        "services/operator/moderation.html",
        result=result,
        q=q,
        state=state,
        form=ReasonForm(),
        category_labels=CATEGORY_LABELS,
    )


def _package(package_id: int) -> Package:
    return db.session.get(Package, package_id) or abort(404)


@bp.post("/moderation/packages/<int:package_id>/hide")
@roles_required(OPERATOR)
def moderate_package_hide(package_id: int):
    """Hide a package with a reason its provider sees."""
    package = _package(package_id)
    form = ReasonForm()
    if not form.validate_on_submit() or not (form.reason.data or "").strip():
        flash(_("Give a reason the provider will see."), "error")
    else:
        packages.moderate_hide(package, current_user, form.reason.data)
        db.session.commit()
        flash(_("Package #%(id)s hidden.", id=package.id), "success")
    return redirect(url_for("services_operator.package_moderation", q=request.form.get("next_q") or None))


@bp.post("/moderation/packages/<int:package_id>/restore")
@roles_required(OPERATOR)
def moderate_package_restore(package_id: int):
    """Lift a moderation hide."""
    package = _package(package_id)
    if not package.moderated_hidden:
        flash(_("This package is not hidden by moderation."), "info")
    else:
        packages.moderate_restore(package, current_user)
        db.session.commit()
        flash(_("Package #%(id)s restored.", id=package.id), "success")
    return redirect(url_for("services_operator.package_moderation", state="moderated"))
