"""The operator's voucher report: issued, redeemed, expired per batch; the amount spent per category."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from services_market.constants import CATEGORIES
from services_market.order_models import ServiceOrder
from services_market.util import aware, now
from services_market.voucher_models import Voucher, VoucherBatch
from storefront.extensions import db
from storefront.ledger import operations as ledger


@dataclass
class Counts:
    """Voucher counts and the amount spent (fen)."""

    issued: int = 0
    redeemed: int = 0
    expired: int = 0
    spent_fen: int = 0

    @property
    def open(self) -> int:
        """Vouchers still usable."""
        return self.issued - self.redeemed - self.expired

    def add(self, other: Counts) -> None:
        """Add another row's figures to this one."""
        self.issued += other.issued
        self.redeemed += other.redeemed
        self.expired += other.expired
        self.spent_fen += other.spent_fen


@dataclass
class BatchRow:
    """One batch's figures."""

    batch: VoucherBatch
    counts: Counts
    expired: bool


@dataclass
class CategoryRow:
    """Redemptions and spending for one service category."""

    category: str
    redeemed: int
    spent_fen: int


@dataclass
class Report:
    """The whole report."""

    batches: list[BatchRow] = field(default_factory=list)
    categories: list[CategoryRow] = field(default_factory=list)
    totals: Counts = field(default_factory=Counts)
    #: Voucher parts of completed orders (what the budget owes providers), fen.
    completed_fen: int = 0
    #: Subsidies paid to providers from the voucher budget according to the ledger, fen.
    ledger_paid_fen: int = 0

    @property
    def reconciled(self) -> bool:
        """True when the ledger paid exactly the voucher parts of the completed orders."""
        return self.completed_fen == self.ledger_paid_fen


def build(at: datetime | None = None) -> Report:
    """Figures for every batch and category at a moment (default: now)."""
    at = at or now()
    rows = db.session.execute(
        select(
            Voucher.batch_id,
            func.count(Voucher.id),
            func.count(Voucher.redeemed_at),
            func.coalesce(func.sum(Voucher.amount_fen), 0),
        ).group_by(Voucher.batch_id)
    ).all()
    per_batch = {batch_id: Counts(issued, redeemed, 0, int(spent)) for batch_id, issued, redeemed, spent in rows}
    report = Report()
    for batch in db.session.scalars(
        select(VoucherBatch).order_by(VoucherBatch.created_at.desc(), VoucherBatch.id.desc())
    ):
        counts = per_batch.get(batch.id, Counts())
        expired = aware(batch.expires_at) <= at
        if expired:
            counts.expired = counts.issued - counts.redeemed
        report.batches.append(BatchRow(batch, counts, expired))
        report.totals.add(counts)
    spent = dict(
        (category, (n, int(total)))
        for category, n, total in db.session.execute(
            select(ServiceOrder.category, func.count(Voucher.id), func.coalesce(func.sum(Voucher.amount_fen), 0))
            .join(ServiceOrder, ServiceOrder.id == Voucher.service_order_id)
            .where(Voucher.redeemed_at.is_not(None))
            .group_by(ServiceOrder.category)
        ).all()
    )
    report.categories = [CategoryRow(c, *spent.get(c, (0, 0))) for c in CATEGORIES]
    report.completed_fen = int(
        db.session.scalar(
            select(func.coalesce(func.sum(ServiceOrder.voucher_fen), 0)).where(ServiceOrder.completed_at.is_not(None))
        )
        or 0
    )
    report.ledger_paid_fen = ledger.balance(ledger.VOUCHER_BUDGET, "CNY")
    return report
