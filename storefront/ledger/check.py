"""Prove the books balance: every transaction sums to zero, every succeeded payment is in the ledger, and the
ledger's net cash per card payment equals Stripe's figures (amount received − refunds)."""

from __future__ import annotations

from sqlalchemy import func, select

from storefront.extensions import db
from storefront.ledger.models import EntryKind, LedgerEntry
from storefront.ledger.operations import CASH_STRIPE
from storefront.payments.models import IntentStatus, PaymentIntentRecord


def unbalanced() -> list[str]:
    """Transactions whose entries do not sum to zero."""
    rows = db.session.execute(
        select(LedgerEntry.txn, LedgerEntry.currency, func.sum(LedgerEntry.amount_minor))
        .group_by(LedgerEntry.txn, LedgerEntry.currency)
        .having(func.sum(LedgerEntry.amount_minor) != 0)
    ).all()
    return [f"transaction {txn} does not balance: {total} {currency}" for txn, currency, total in rows]


def _net_cash(ref: str) -> dict[str, int]:
    rows = db.session.execute(
        select(LedgerEntry.currency, func.sum(LedgerEntry.amount_minor))
        .where(LedgerEntry.account == CASH_STRIPE, LedgerEntry.payment_ref == ref)
        .group_by(LedgerEntry.currency)
    ).all()
    return {currency: int(total) for currency, total in rows}


def missing_payments() -> list[str]:
    """Succeeded card attempts without their charge in the ledger (or with another amount)."""
    problems = []
    for rec in db.session.scalars(
        select(PaymentIntentRecord).where(PaymentIntentRecord.status == IntentStatus.SUCCEEDED)
    ):
        charged = db.session.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount_minor), 0)).where(
                LedgerEntry.account == CASH_STRIPE,
                LedgerEntry.payment_ref == rec.provider_ref,
                LedgerEntry.kind == EntryKind.CHARGE,
                LedgerEntry.currency == rec.currency,
            )
        )
        if int(charged or 0) != rec.amount_minor:
            problems.append(
                f"payment {rec.provider_ref} ({rec.payable_kind}:{rec.payable_id}): "
                f"ledger charged {charged}, "
                f"Stripe succeeded with {rec.amount_minor} {rec.currency}"
            )
    return problems


def against_gateway(gateway) -> list[str]:
    """Per card payment in the ledger: net cash = Stripe's amount received − Stripe's succeeded refunds."""
    problems = []
    refs = db.session.scalars(
        select(LedgerEntry.payment_ref).where(LedgerEntry.account == CASH_STRIPE).distinct()
    ).all()
    for ref in refs:
        info = gateway.retrieve_intent(ref)
        refunded = sum(r.amount_minor for r in gateway.list_refunds(ref) if r.status in {"succeeded", "pending"})
        expected = {info.currency: info.amount_received - refunded}
        net = _net_cash(ref)
        if {k: v for k, v in net.items() if v} != {k: v for k, v in expected.items() if v}:
            problems.append(f"payment {ref}: ledger net {net}, Stripe {expected} (received − refunds)")
    return problems


def check(gateway=None) -> tuple[int, list[str]]:
    """(number of entries checked, problems); ``gateway`` None skips the comparison with Stripe."""
    problems = unbalanced() + missing_payments()
    if gateway is not None:
        problems += against_gateway(gateway)
    count = int(db.session.scalar(select(func.count(LedgerEntry.id))) or 0)
    return count, problems
