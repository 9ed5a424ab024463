"""Filing review: queues per kind, the filing with its documents, approve or reject with a reason."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from storefront.accounts import documents
from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.accounts.backoffice_forms import ReasonForm
from storefront.accounts.models import FilingStatus
from storefront.extensions import db
from storefront.filing.merchant_views import send_document
from storefront.filing.queue import KINDS

STATUSES = ("pending", "approved", "rejected", "all")


def _kind(key: str):
    return KINDS.get(key) or abort(404)


@bp.get("/filings/")
@operator_required
def filings():
    """Filings to review, one tab per kind, filtered by status."""
    kind = _kind(request.args.get("kind") or next(iter(KINDS)))
    status = request.args.get("status", FilingStatus.PENDING.value)
    status = status if status in STATUSES else FilingStatus.PENDING.value
    return render_template(
        "operator/filings.html",
        kinds=KINDS,
        kind=kind,
        status=status,
        statuses=STATUSES,
        counts={k.key: k.counts() for k in KINDS.values()},
        rows=kind.rows(status, g.lang),
    )


@bp.get("/filings/<kind_key>/<int:filing_id>")
@operator_required
def filing_detail(kind_key: str, filing_id: int):
    """One filing with its documents and the approve / reject forms."""
    kind = _kind(kind_key)
    obj = kind.get(filing_id) or abort(404)
    return render_template(
        "operator/filing_detail.html",
        kind=kind,
        obj=obj,
        form=ReasonForm(),
        documents=documents.documents_of(kind.document_kind, filing_id),
    )


@bp.post("/filings/<kind_key>/<int:filing_id>/approve")
@operator_required
def filing_approve(kind_key: str, filing_id: int):
    """Approve a pending filing (audited)."""
    kind = _kind(kind_key)
    obj = kind.get(filing_id) or abort(404)
    return _decided(
        kind,
        filing_id,
        lambda: kind.approve(obj, current_user),
        _("Only pending filings can be approved."),
        (_("Filing approved."), "success"),
    )


@bp.post("/filings/<kind_key>/<int:filing_id>/reject")
@operator_required
def filing_reject(kind_key: str, filing_id: int):
    """Reject a filing with a reason the applicant sees (audited)."""
    kind = _kind(kind_key)
    obj = kind.get(filing_id) or abort(404)
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(_("Give a reason: the applicant sees it and corrects the filing."), "error")
        return redirect(url_for("operator.filing_detail", kind_key=kind.key, filing_id=filing_id))
    return _decided(
        kind,
        filing_id,
        lambda: kind.reject(obj, current_user, form.reason.data),
        _("This filing cannot be rejected in its current state."),
        (_("Filing rejected; the applicant sees your reason."), "info"),
    )


def _decided(kind, filing_id: int, action, refused: str, done: tuple[str, str]):
    """Run a decision: commit and back to the queue with ``done`` (message, category), or, when the filing's state
    does not allow it, back to the filing with ``refused``."""
    try:
        action()
    except kind.error:
        flash(refused, "error")
        return redirect(url_for("operator.filing_detail", kind_key=kind.key, filing_id=filing_id))
    db.session.commit()
    flash(*done)
    return redirect(url_for("operator.filings", kind=kind.key))


@bp.get("/filings/<kind_key>/<int:filing_id>/documents/<int:doc_id>")
@operator_required
def filing_document(kind_key: str, filing_id: int, doc_id: int):
    """Download a filing document."""
    kind = _kind(kind_key)
    doc = documents.get_document(kind.document_kind, filing_id, doc_id) or abort(404)
    return send_document(doc)
