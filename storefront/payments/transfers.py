"""对公转账 (company bank transfer) with proof of payment and an invoice (发票) request, for any payable: the
payer uploads the bank slip, an operator checks the money arrived and confirms it through the same path as a
T/T confirmation (:func:`storefront.payments.operations.record_manual_payment`, booked to ``cash:bank``).

Operations flush, never commit.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, func, select
from sqlalchemy.orm import Mapped, mapped_column

from storefront.accounts.documents import save_document
from storefront.core.errors import CodedError
from storefront.core.money import Money
from storefront.core.uploads import CheckedUpload
from storefront.extensions import db
from storefront.payments import operations as pay_ops
from storefront.payments import payables

#: Owner kind of the uploaded bank slips in the documents table.
DOCUMENT_OWNER = "transfer"
MESSAGES = {
    "closed": _l("This order is not waiting for a payment."),
    "payer": _l("Enter the paying company's name and the bank reference of the transfer."),
    "invoice": _l("For an invoice, enter the company name (抬头) and its taxpayer number."),
    "state": _l("This transfer was already decided."),
}


class TransferError(CodedError):
    """A transfer proof that cannot be taken or decided; ``message`` is translated."""

    MESSAGES = MESSAGES


class TransferProof(db.Model):
    """A company bank transfer announced by the payer with the bank slip, waiting for an operator."""

    __tablename__ = "transfer_proofs"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("status IN ('submitted', 'confirmed', 'rejected')", name="status_known"),
        Index("ix_transfer_proofs_payable", "payable_kind", "payable_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    payable_kind: Mapped[str] = mapped_column(String(20))
    payable_id: Mapped[int] = mapped_column(Integer)
    #: The amount due when the proof was sent (what the operator expects to see on the statement).
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    payer_name: Mapped[str] = mapped_column(String(120))
    #: The payer's bank reference of the transfer.
    bank_ref: Mapped[str] = mapped_column(String(60))
    #: The uploaded bank slip (documents table, owner kind "transfer").
    document_id: Mapped[int] = mapped_column(ForeignKey("filing_documents.id"))
    #: 发票: an invoice is wanted, made out to ``invoice_title`` with taxpayer number ``invoice_tax_id``.
    invoice_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    invoice_title: Mapped[str] = mapped_column(String(120), default="")
    invoice_tax_id: Mapped[str] = mapped_column(String(20), default="")
    #: submitted, confirmed or rejected.
    status: Mapped[str] = mapped_column(String(10), default="submitted", index=True)
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    @property
    def amount(self) -> Money:
        """The amount announced."""
        return Money(self.amount_minor, self.currency)


def submit(
    kind: str,
    payable,
    upload: CheckedUpload,
    *,
    payer_name: str,
    bank_ref: str,
    uploader,
    invoice_title: str = "",
    invoice_tax_id: str = "",
    invoice_requested: bool = False,
) -> TransferProof:
    """The payer announces a company transfer with its bank slip (and, optionally, asks for an invoice)."""
    hooks = payables.get(kind)
    if not hooks.is_open(payable):
        raise TransferError("closed")
    payer_name, bank_ref = (payer_name or "").strip()[:120], (bank_ref or "").strip()[:60]
    if not payer_name or not bank_ref:
        raise TransferError("payer")
    invoice_title, invoice_tax_id = (invoice_title or "").strip()[:120], (invoice_tax_id or "").strip()[:20]
    if invoice_requested and (not invoice_title or not invoice_tax_id):
        raise TransferError("invoice")
    due = hooks.amount_due(payable)
    doc = save_document(DOCUMENT_OWNER, payable.id, upload, uploader)
    proof = TransferProof(
        payable_kind=kind,
        payable_id=payable.id,
        amount_minor=due.minor,
        currency=due.currency,
        payer_name=payer_name,
        bank_ref=bank_ref,
        document_id=doc.id,
        invoice_requested=bool(invoice_requested),
        invoice_title=invoice_title if invoice_requested else "",
        invoice_tax_id=invoice_tax_id if invoice_requested else "",
    )
    db.session.add(proof)
    db.session.flush()
    return proof


def confirm(proof: TransferProof, *, actor: str) -> str:
    """The money is on the platform's account: record it like a T/T (paid, or flagged on a mismatch)."""
    if proof.status != "submitted":
        raise TransferError("state")
    hooks = payables.get(proof.payable_kind)
    payable = hooks.load(proof.payable_id)
    outcome = pay_ops.record_manual_payment(
        proof.payable_kind, payable, proof.amount, f"corp:{proof.bank_ref}", actor=actor
    )
    proof.status, proof.decided_by, proof.decided_at = "confirmed", actor[:40], datetime.now(UTC)
    db.session.flush()
    return outcome


def reject(proof: TransferProof, *, actor: str) -> None:
    """No such money arrived."""
    if proof.status != "submitted":
        raise TransferError("state")
    proof.status, proof.decided_by, proof.decided_at = "rejected", actor[:40], datetime.now(UTC)
    db.session.flush()


def proofs(status: str | None = None, kind: str | None = None, payable_id: int | None = None) -> list[TransferProof]:
    """Transfer proofs, newest first."""
    query = select(TransferProof).order_by(TransferProof.id.desc())
    if status is not None:
        query = query.where(TransferProof.status == status)
    if kind is not None:
        query = query.where(TransferProof.payable_kind == kind, TransferProof.payable_id == payable_id)
    return list(db.session.scalars(query))
