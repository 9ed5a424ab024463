"""Refunds in the operator console: the proposals queue, and refunding any order or service order."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.core.money import Money, parse_amount
from storefront.extensions import db
from storefront.payments import payables, refunds
from storefront.payments.forms import RefundForm
from storefront.payments.models import Refund, RefundProposal

#: Payable kinds an operator may refund from the console.
KINDS = ("order", "service_order")
#: Why a refund was proposed.
CAUSES = {
    "refund_due": _l("Paid after the reservation expired; goods sold out"),
    "double_payment": _l("Paid twice"),
    "mismatch": _l("Amount received does not match the order"),
    "merchant_cancelled": _l("The merchant cannot fulfil the order"),
    "customs_refused": _l("Customs refused the goods for good"),
    "provider_declined": _l("Service order declined or cancelled after payment"),
    "deposit_cancelled": _l("T/T order cancelled after its deposit: refund the deposit"),
}


@bp.app_context_processor
def refund_helpers() -> dict:
    """Labels and formatting for refund pages (operator, merchant, buyer)."""
    return {
        "money_of": lambda minor, currency: Money(int(minor), currency).format(),
        "proposal_causes": CAUSES,
    }


def _payable(kind: str, payable_id: int):
    if kind not in KINDS:
        abort(404)
    return payables.get(kind).load(payable_id) or abort(404)


@bp.get("/refunds/")
@operator_required
def refunds_queue():
    """Refund proposals waiting for a decision, and the latest refunds."""
    latest = db.session.scalars(select(Refund).order_by(Refund.id.desc()).limit(50)).all()
    return render_template(
        "operator/refunds.html",
        proposals=refunds.open_proposals(),
        latest=latest,
        reference=lambda kind, pid: payables.get(kind).reference(payables.get(kind).load(pid)),
    )


def _render(kind: str, payable, form: RefundForm, error: str = "", proposal: RefundProposal | None = None):
    return render_template(
        "operator/refund.html",
        kind=kind,
        payable=payable,
        reference=payables.get(kind).reference(payable),
        form=form,
        error=error,
        left=refunds.refundable(kind, payable, payment_ref=proposal.payment_ref if proposal else None),
        rows=refunds.refunds_of(kind, payable.id),
        proposal=proposal,
        card=(proposal.payment_ref if proposal else (payable.payment_ref or "")).startswith("pi_"),
    )


def _proposal(kind: str, payable_id: int) -> RefundProposal | None:
    proposal_id = request.values.get("proposal", type=int)
    if not proposal_id:
        return None
    proposal = db.session.get(RefundProposal, proposal_id)
    if proposal is None or (proposal.payable_kind, proposal.payable_id) != (kind, payable_id):
        abort(404)
    return proposal


@bp.get("/refunds/<kind>/<int:payable_id>")
@operator_required
def refund_form(kind: str, payable_id: int):
    """An order's payment, its refunds so far, and the refund form."""
    payable = _payable(kind, payable_id)
    proposal = _proposal(kind, payable_id)
    form = RefundForm()
    if proposal is not None and not form.amount.data:
        form.amount.data = str(Money(proposal.amount_minor, proposal.currency).amount)
    return _render(kind, payable, form, proposal=proposal)


@bp.post("/refunds/<kind>/<int:payable_id>")
@operator_required
def refund_make(kind: str, payable_id: int):
    """Refund part or all of the payment (card: through Stripe; bank: recorded with its reference)."""
    payable = _payable(kind, payable_id)
    proposal = _proposal(kind, payable_id)
    form = RefundForm()
    if not form.validate_on_submit():
        return _render(kind, payable, form, _("The form expired. Please try again."), proposal), 400
    left = refunds.refundable(kind, payable, payment_ref=proposal.payment_ref if proposal else None)
    try:
        minor = parse_amount(form.amount.data, left.currency if left else "CNY")
        row = refunds.refund(
            kind,
            payable,
            minor,
            actor=f"operator:{current_user.id}",
            reason=form.reason.data or "",
            bank_ref=form.bank_ref.data or "",
            payment_ref=proposal.payment_ref if proposal else None,
        )
    except ValueError as exc:
        db.session.rollback()
        message = exc.message if isinstance(exc, refunds.RefundError) else str(refunds.MESSAGES["amount"])
        return _render(kind, _payable(kind, payable_id), form, message, proposal), 400
    db.session.commit()
    if row.status == "pending":
        flash(_("Refund of %(amount)s sent; Stripe will confirm it.", amount=row.amount.format()), "info")
    else:
        flash(_("Refunded %(amount)s.", amount=row.amount.format()), "success")
    return redirect(url_for("operator.refund_form", kind=kind, payable_id=payable_id))


@bp.post("/refunds/proposals/<int:proposal_id>/dismiss")
@operator_required
def refund_dismiss(proposal_id: int):
    """Close a proposal without refunding."""
    proposal = db.session.get(RefundProposal, proposal_id) or abort(404)
    form = RefundForm()
    if form.validate_on_submit() and proposal.status == "open":
        refunds.dismiss(proposal)
        db.session.commit()
        flash(_("Proposal dismissed."), "success")
    return redirect(url_for("operator.refunds_queue"))
