"""Company bank transfers (对公转账) in the operator console: the bank slips to check, confirm or reject."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.accounts.documents import Document, document_path
from storefront.extensions import db
from storefront.payments import payables, transfers


def _proof(proof_id: int) -> transfers.TransferProof:
    return db.session.get(transfers.TransferProof, proof_id) or abort(404)


@bp.get("/transfers/")
@operator_required
def transfers_page():
    """Bank slips waiting for a decision, and the latest decided ones."""
    rows = transfers.proofs()[:200]

    def reference(proof):
        hooks = payables.get(proof.payable_kind)
        payable = hooks.load(proof.payable_id)
        return hooks.reference(payable) if payable is not None else ""

    return render_template("operator/transfers.html", rows=rows, reference=reference)


@bp.get("/transfers/<int:proof_id>/slip")
@operator_required
def transfer_slip(proof_id: int):
    """Download the uploaded bank slip."""
    proof = _proof(proof_id)
    doc = db.session.get(Document, proof.document_id) or abort(404)
    return send_file(document_path(doc), mimetype=doc.content_type, as_attachment=True, download_name=doc.original_name)


@bp.post("/transfers/<int:proof_id>/confirm")
@operator_required
def transfer_confirm(proof_id: int):
    """The money arrived: the order is paid (booked to the bank account in the ledger)."""
    proof = _proof(proof_id)
    if FlaskForm().validate_on_submit():
        try:
            outcome = transfers.confirm(proof, actor=f"operator:{current_user.id}")
        except transfers.TransferError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("operator.transfers_page"))
        db.session.commit()
        flash(_("Transfer confirmed: %(outcome)s.", outcome=outcome), "success")
    return redirect(url_for("operator.transfers_page"))


@bp.post("/transfers/<int:proof_id>/reject")
@operator_required
def transfer_reject(proof_id: int):
    """No such money arrived."""
    proof = _proof(proof_id)
    if FlaskForm().validate_on_submit():
        try:
            transfers.reject(proof, actor=f"operator:{current_user.id}")
        except transfers.TransferError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("operator.transfers_page"))
        db.session.commit()
        flash(_("Transfer rejected."), "success")
    return redirect(url_for("operator.transfers_page"))
