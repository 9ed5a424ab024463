"""Seller balances (sales − commission − refunds + subsidies − payouts; held until delivery + N days), payout
requests, operator approval with the bank reference, the payout CSV, and monthly statements.

Balances are sums of ledger entries, never a stored figure. Operations flush, never commit.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from storefront.core import audit
from storefront.core.errors import CodedError
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.ledger.models import EntryKind, LedgerEntry, Payout, PayoutDetails
from storefront.payments import payables

MESSAGES = {
    "amount": _l("Enter an amount greater than zero."),
    "above_balance": _l("That is more than your available balance (%(available)s). Nothing was requested."),
    "busy": _l("Another payout request was being recorded at the same moment. Reload the page and try again."),
    "bank_ref": _l("Enter the bank reference of the transfer."),
    "state": _l("This payout was already decided."),
}


class PayoutError(CodedError):
    """A payout that cannot be requested or approved; ``message`` is translated."""

    MESSAGES = MESSAGES


def hold_days() -> int:
    """Days after delivery before a sale's money can be paid out."""
    return int(current_app.config.get("PAYOUT_HOLD_DAYS", 14))


def _as_utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _released_at(entry: LedgerEntry, account: str) -> datetime | None:
    """When an entry's money may be paid out: delivery (shipping / completion) + hold; payouts at once."""
    if entry.kind == EntryKind.PAYOUT:
        return entry.created_at
    kind = payables.find(entry.payable_kind or "")
    if kind is not None and kind.delivered_at is not None:
        delivered = _as_utc(kind.delivered_at(entry.payable_id, int(account.rsplit(":", 1)[1])))
    else:
        delivered = _as_utc(entry.created_at)
    return delivered + timedelta(days=hold_days()) if delivered is not None else None


@dataclass(frozen=True)
class Balance:
    """A seller's money in one currency (minor units; positive = the platform owes the seller)."""

    currency: str
    owed: int
    available: int
    requested: int

    @property
    def held(self) -> int:
        """Not yet released (delivery + hold days not reached)."""
        return self.owed - self.available

    @property
    def payable(self) -> int:
        """What can still be requested."""
        return max(0, min(self.available, self.owed) - self.requested)

    def money(self, minor: int) -> Money:
        """Minor units as Money."""
        return Money(minor, self.currency)


def balances(account: str, now: datetime | None = None) -> list[Balance]:
    """The seller's balances per currency."""
    now = now or datetime.now(UTC)
    owed: dict[str, int] = {}
    available: dict[str, int] = {}
    for entry in db.session.scalars(select(LedgerEntry).where(LedgerEntry.account == account)):
        owed[entry.currency] = owed.get(entry.currency, 0) - entry.amount_minor
        released = _released_at(entry, account)
        if released is not None and released <= now:
            available[entry.currency] = available.get(entry.currency, 0) - entry.amount_minor
    requested = dict(
        db.session.execute(
            select(Payout.currency, func.sum(Payout.amount_minor))
            .where(Payout.account == account, Payout.status == "requested")
            .group_by(Payout.currency)
        ).all()
    )
    return [
        Balance(code, owed[code], available.get(code, 0), int(requested.get(code, 0) or 0)) for code in sorted(owed)
    ]


def request_payout(account: str, amount_minor: int | None, currency: str, *, actor: str, note: str = "") -> Payout:
    """Ask for a payout of the available balance (raises :class:`PayoutError`; nothing changes then)."""
    if amount_minor is None or amount_minor <= 0:
        raise PayoutError("amount")
    # sequence first, then the balance (see storefront.payments.refunds.refund for why)
    sequence = 1 + int(
        db.session.scalar(select(func.coalesce(func.max(Payout.sequence), 0)).where(Payout.account == account)) or 0
    )
    balance = next((b for b in balances(account) if b.currency == currency), None)
    payable = balance.payable if balance else 0
    if amount_minor > payable:
        raise PayoutError("above_balance", available=Money(payable, currency).format())
    payout = Payout(
        account=account,
        sequence=sequence,
        amount_minor=amount_minor,
        currency=currency,
        requested_by=actor[:40],
        note=(note or "")[:500],
    )
    db.session.add(payout)
    db.session.flush()
    return payout


def approve(payout: Payout, bank_ref: str, *, actor: str) -> None:
    """The operator paid it: the bank reference is recorded and the ledger books the payout."""
    bank_ref = (bank_ref or "").strip()[:60]
    if not bank_ref:
        raise PayoutError("bank_ref")
    if payout.status != "requested":
        raise PayoutError("state")
    payout.status, payout.bank_ref = "paid", bank_ref
    payout.decided_by, payout.decided_at = actor[:40], datetime.now(UTC)
    db.session.flush()
    ledger.post_payout(payout.id, payout.account, payout.amount, bank_ref)


def reject(payout: Payout, note: str, *, actor: str) -> None:
    """The operator refuses a request (the money stays in the balance)."""
    if payout.status != "requested":
        raise PayoutError("state")
    payout.status, payout.note = "rejected", (note or "")[:500]
    payout.decided_by, payout.decided_at = actor[:40], datetime.now(UTC)
    db.session.flush()


def payouts_of(account: str | None = None, status: str | None = None) -> list[Payout]:
    """Payouts, newest first."""
    query = select(Payout).order_by(Payout.id.desc())
    if account is not None:
        query = query.where(Payout.account == account)
    if status is not None:
        query = query.where(Payout.status == status)
    return list(db.session.scalars(query))


def _csv_cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def payout_csv(rows: list[Payout], seller_name) -> str:
    """The payout file for the bank (one line per payout)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["payout_id", "seller", "account", "amount", "currency", "status", "bank_ref", "requested", "paid"])
    for p in rows:
        writer.writerow(
            [
                p.id,
                _csv_cell(seller_name(p.account)),
                p.account,
                str(p.amount.amount),
                p.currency,
                p.status,
                _csv_cell(p.bank_ref),
                p.created_at.date().isoformat() if p.created_at else "",
                p.decided_at.date().isoformat() if p.decided_at and p.status == "paid" else "",
            ]
        )
    return out.getvalue()


@dataclass(frozen=True)
class StatementLine:
    """One ledger entry of a statement, from the seller's side (positive = owed to the seller)."""

    entry: LedgerEntry
    amount: Money
    reference: str


@dataclass(frozen=True)
class Statement:
    """A seller's month in one currency: opening balance, every line, closing balance (sums of entries)."""

    account: str
    currency: str
    month: date
    opening: Money
    lines: tuple[StatementLine, ...]
    closing: Money

    @property
    def totals(self) -> dict[str, Money]:
        """Sum per entry kind."""
        sums: dict[str, int] = {}
        for line in self.lines:
            sums[line.entry.kind] = sums.get(line.entry.kind, 0) + line.amount.minor
        return {kind: Money(v, self.currency) for kind, v in sums.items()}


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """[first day, first day of next month) in UTC (naive on SQLite, which stores naive UTC)."""
    start = datetime(month.year, month.month, 1, tzinfo=UTC)
    end = datetime(month.year + (month.month == 12), month.month % 12 + 1, 1, tzinfo=UTC)
    if db.engine.dialect.name == "sqlite":
        return start.replace(tzinfo=None), end.replace(tzinfo=None)
    return start, end


def statements(account: str, month: date, reference) -> list[Statement]:
    """The month's statements of a seller (one per currency that has entries or a balance)."""
    start, end = month_bounds(month)
    result = []
    currencies = db.session.scalars(
        select(LedgerEntry.currency).where(LedgerEntry.account == account, LedgerEntry.created_at < end).distinct()
    ).all()
    for currency in sorted(currencies):
        base = select(func.coalesce(func.sum(LedgerEntry.amount_minor), 0)).where(
            LedgerEntry.account == account, LedgerEntry.currency == currency
        )
        opening = -int(db.session.scalar(base.where(LedgerEntry.created_at < start)) or 0)
        closing = -int(db.session.scalar(base.where(LedgerEntry.created_at < end)) or 0)
        entries = db.session.scalars(
            select(LedgerEntry)
            .where(
                LedgerEntry.account == account,
                LedgerEntry.currency == currency,
                LedgerEntry.created_at >= start,
                LedgerEntry.created_at < end,
            )
            .order_by(LedgerEntry.created_at, LedgerEntry.id)
        ).all()
        lines = tuple(
            StatementLine(e, Money(-e.amount_minor, currency), reference(e.payable_kind, e.payable_id)) for e in entries
        )
        result.append(Statement(account, currency, month, Money(opening, currency), lines, Money(closing, currency)))
    return result


# payout details -----------------------------------------------------------------------------------

DETAIL_FIELDS = ("bank_name", "account_name", "account_number", "swift")
DETAIL_MESSAGES = {
    "bank_name": _l("Enter the bank and branch (2–120 characters)."),
    "account_name": _l("Enter the name on the account (2–120 characters)."),
    "account_number": _l("Enter the account number: 6–34 letters and digits."),
    "swift": _l("A SWIFT/BIC code has 8 or 11 letters and digits."),
}


def details_of(account: str) -> PayoutDetails | None:
    """Where the seller's payouts go (None until the seller enters it)."""
    return db.session.scalars(select(PayoutDetails).where(PayoutDetails.account == account)).first()


def check_details(values: dict[str, str]) -> dict[str, object]:
    """{field: message} for bank details that cannot be used (empty when they are fine)."""
    errors: dict[str, object] = {}
    if not 2 <= len(values.get("bank_name", "")) <= 120:
        errors["bank_name"] = DETAIL_MESSAGES["bank_name"]
    if not 2 <= len(values.get("account_name", "")) <= 120:
        errors["account_name"] = DETAIL_MESSAGES["account_name"]
    number = values.get("account_number", "").replace(" ", "").replace("-", "")
    if not (6 <= len(number) <= 34 and number.isascii() and number.isalnum()):
        errors["account_number"] = DETAIL_MESSAGES["account_number"]
    swift = values.get("swift", "")
    if swift and not (len(swift) in (8, 11) and swift.isascii() and swift.isalnum()):
        errors["swift"] = DETAIL_MESSAGES["swift"]
    return errors


def save_details(account: str, values: dict[str, str], actor) -> dict[str, object]:
    """Set the seller's payout bank details (flushes; audited); returns the problems, nothing saved then."""
    values = {key: " ".join((values.get(key) or "").split()) for key in DETAIL_FIELDS}
    values["swift"] = values["swift"].upper()
    errors = check_details(values)
    if errors:
        return errors
    row = details_of(account)
    before = audit.snapshot(row, *DETAIL_FIELDS) if row is not None else None
    if row is None:
        row = PayoutDetails(account=account, **values)
        db.session.add(row)
    else:
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at = datetime.now(UTC)
    row.updated_by_id = getattr(actor, "id", None)
    db.session.flush()
    audit.record(actor, "payout_details.update", ("payout_details", account), before, values)
    return {}
