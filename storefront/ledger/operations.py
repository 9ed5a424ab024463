"""Posting ledger transactions. Flush, never commit; every posting is balanced or refused.

The payment paths call :func:`post_charge` (card or bank money in), :func:`post_refund` (money out to the
buyer), :func:`post_voucher_subsidy` (a completed voucher order) and :func:`post_payout`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select

from storefront.accounts.models import Merchant
from storefront.core.models import load_rates
from storefront.core.money import BASE_CURRENCY, Money, exponent
from storefront.extensions import db
from storefront.ledger.models import CommissionRate, EntryKind, LedgerEntry

CASH_STRIPE = "cash:stripe"
CASH_BANK = "cash:bank"
COMMISSION = "platform:commission"
VOUCHER_BUDGET = "voucher:budget"
SUSPENSE = "suspense:refund_due"
#: Commission when no rate is configured (basis points).
DEFAULT_COMMISSION_BP = 500


#: Seller kind → id → the company's name in a language (merchants registered here; the services marketplace
#: registers providers in its setup). Used by the operator's payout list and the payout file.
_SELLER_NAMES: dict[str, Callable[[int, str], str | None]] = {}


def register_seller_kind(kind: str, name_of: Callable[[int, str], str | None]) -> None:
    """Let the ledger name the sellers of ``kind`` (``name_of(seller_id, lang)``)."""
    _SELLER_NAMES[kind] = name_of


def seller_name(account: str, lang: str = "zh") -> str:
    """The company name behind a ``seller:<kind>:<id>`` account (the account itself when unknown)."""
    try:
        _seller, kind, seller_id = account.split(":")
        name = _SELLER_NAMES[kind](int(seller_id), lang)
    except (ValueError, KeyError):
        return account
    return name or account


def _merchant_name(merchant_id: int, lang: str) -> str | None:
    merchant = db.session.get(Merchant, merchant_id)
    return str(merchant.name(lang)) if merchant is not None else None


register_seller_kind("merchant", _merchant_name)


def seller_account(kind: str, seller_id: int) -> str:
    """``seller:merchant:<id>`` or ``seller:provider:<id>``."""
    return f"seller:{kind}:{seller_id}"


@dataclass(frozen=True)
class Share:
    """One seller's part of a payment: gross amount and the lines that commission is computed on."""

    account: str
    amount_minor: int
    #: (amount in minor units, category key) of the parts commission applies to (freight excluded).
    commissionable: tuple[tuple[int, str], ...] = ()
    sub_order_id: int | None = None


def cny_fen(money: Money, rates: dict[str, Decimal] | None = None) -> tuple[int, Decimal]:
    """The CNY equivalent in fen at today's operator rate, and the rate used (units per CNY)."""
    rates = rates if rates is not None else load_rates()
    rate = Decimal(1) if money.currency == BASE_CURRENCY else rates.get(money.currency, Decimal(0))
    if rate <= 0:
        return 0, Decimal(0)
    fen = (money.amount / rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).scaleb(2)
    return int(fen), rate


def _post(
    kind: str,
    currency: str,
    lines: Iterable[tuple[str, int]],
    *,
    payable_kind: str = "",
    payable_id: int | None = None,
    sub_order_id: int | None = None,
    payment_ref: str = "",
    reference: str = "",
    memo: str = "",
    txn: str | None = None,
) -> str:
    """Write one balanced transaction; refuses one whose lines do not sum to zero."""
    lines = [(account, minor) for account, minor in lines if minor != 0]
    if sum(minor for _a, minor in lines) != 0:
        raise ValueError(f"unbalanced ledger transaction: {lines}")
    if not lines:
        return ""
    txn = txn or uuid.uuid4().hex
    rates = load_rates()
    for account, minor in lines:
        fen, rate = cny_fen(Money(minor, currency), rates)
        db.session.add(
            LedgerEntry(
                txn=txn,
                kind=kind,
                account=account,
                currency=currency,
                amount_minor=minor,
                cny_fen=fen,
                rate=rate,
                payable_kind=payable_kind,
                payable_id=payable_id,
                sub_order_id=sub_order_id,
                payment_ref=payment_ref[:80],
                reference=reference[:80],
                memo=memo[:200],
            )
        )
    db.session.flush()
    return txn


def commission_bp(seller: str, category: str) -> int:
    """The commission rate for a seller's sale in a category: seller rate, else category, else default."""
    rows = {
        (scope, key): bp
        for scope, key, bp in db.session.execute(
            select(CommissionRate.scope, CommissionRate.key, CommissionRate.rate_bp).where(
                CommissionRate.key.in_([seller, category, ""])
            )
        )
    }
    for candidate in (("seller", seller), ("category", category), ("default", "")):
        if candidate in rows:
            return rows[candidate]
    return DEFAULT_COMMISSION_BP


def set_commission(scope: str, key: str, rate_bp: int) -> CommissionRate:
    """Set (or change) a commission rate."""
    if scope not in {"default", "category", "seller"} or not 0 <= rate_bp <= 5000:
        raise ValueError("bad commission rate")
    key = "" if scope == "default" else key
    row = db.session.scalars(
        select(CommissionRate).where(CommissionRate.scope == scope, CommissionRate.key == key)
    ).first()
    if row is None:
        row = CommissionRate(scope=scope, key=key, rate_bp=rate_bp)
        db.session.add(row)
    row.rate_bp = rate_bp
    db.session.flush()
    return row


def _commission(share: Share) -> int:
    total = Decimal(0)
    for minor, category in share.commissionable:
        total += Decimal(minor) * commission_bp(share.account, category) / Decimal(10000)
    return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def post_charge(
    payable_kind: str,
    payable_id: int,
    amount: Money,
    payment_ref: str,
    shares: list[Share] | None,
    *,
    cash: str = CASH_STRIPE,
) -> None:
    """Money in: cash debited, each seller credited its share and charged its commission.

    ``shares`` None (or not adding up to the amount) puts the money in suspense (refund due, mismatch).
    """
    common = {"payable_kind": payable_kind, "payable_id": payable_id, "payment_ref": payment_ref}
    if not shares or sum(s.amount_minor for s in shares) != amount.minor:
        _post(
            EntryKind.CHARGE,
            amount.currency,
            [(cash, amount.minor), (SUSPENSE, -amount.minor)],
            memo="not allocated: refund due",
            **common,
        )
        return
    txn = _post(
        EntryKind.CHARGE,
        amount.currency,
        [(cash, amount.minor)] + [(s.account, -s.amount_minor) for s in shares],
        **common,
    )
    for share in shares:
        fee = _commission(share)
        _post(
            EntryKind.COMMISSION,
            amount.currency,
            [(share.account, fee), (COMMISSION, -fee)],
            sub_order_id=share.sub_order_id,
            memo=txn,
            **common,
        )


def post_refund(
    payable_kind: str,
    payable_id: int,
    amount: Money,
    payment_ref: str,
    refund_ref: str,
    allocation: list[tuple[str, int]],
    *,
    cash: str = CASH_STRIPE,
) -> None:
    """Money out to the buyer: cash credited; the sellers (or suspense) debited per ``allocation``, and the
    commission on a seller's refunded part given back to the seller in proportion."""
    common = {
        "payable_kind": payable_kind,
        "payable_id": payable_id,
        "payment_ref": payment_ref,
        "reference": refund_ref,
    }
    if sum(minor for _a, minor in allocation) != amount.minor:
        raise ValueError("refund allocation does not add up")
    _post(
        EntryKind.REFUND,
        amount.currency,
        [(acc, minor) for acc, minor in allocation] + [(cash, -amount.minor)],
        **common,
    )
    for account, minor in allocation:
        if not account.startswith("seller:"):
            continue
        credited = -balance(account, amount.currency, payment_ref=payment_ref, kind=EntryKind.CHARGE)
        fee = balance(account, amount.currency, payment_ref=payment_ref, kind=EntryKind.COMMISSION)
        if credited <= 0 or fee <= 0:
            continue
        back = min(fee, int((Decimal(fee) * minor / credited).quantize(Decimal(1), rounding=ROUND_HALF_UP)))
        _post(EntryKind.COMMISSION_REVERSAL, amount.currency, [(COMMISSION, back), (account, -back)], **common)


def post_voucher_subsidy(service_order_id: int, provider_account: str, amount: Money, voucher_code: str) -> None:
    """A voucher order completed: the voucher budget pays the provider (not the merchant's money)."""
    _post(
        EntryKind.VOUCHER_SUBSIDY,
        amount.currency,
        [(VOUCHER_BUDGET, amount.minor), (provider_account, -amount.minor)],
        payable_kind="service_order",
        payable_id=service_order_id,
        reference=voucher_code,
    )


def post_payout(payout_id: int, account: str, amount: Money, bank_ref: str) -> None:
    """Money paid out to a seller's bank account."""
    _post(
        EntryKind.PAYOUT,
        amount.currency,
        [(account, amount.minor), (CASH_BANK, -amount.minor)],
        payable_kind="payout",
        payable_id=payout_id,
        reference=bank_ref,
    )


def balance(account: str, currency: str, *, payment_ref: str | None = None, kind: str | None = None) -> int:
    """Sum of an account's entries in a currency (debit positive), optionally for one payment or kind."""
    query = select(func.coalesce(func.sum(LedgerEntry.amount_minor), 0)).where(
        LedgerEntry.account == account, LedgerEntry.currency == currency
    )
    if payment_ref is not None:
        query = query.where(LedgerEntry.payment_ref == payment_ref)
    if kind is not None:
        query = query.where(LedgerEntry.kind == kind)
    return int(db.session.scalar(query) or 0)


def entries_for(payable_kind: str, payable_id: int) -> list[LedgerEntry]:
    """Every entry of an order or service order, oldest first."""
    return list(
        db.session.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.payable_kind == payable_kind, LedgerEntry.payable_id == payable_id)
            .order_by(LedgerEntry.id)
        )
    )


def decimals(currency: str) -> int:
    """Decimals of a currency (re-exported for templates of statements)."""
    return exponent(currency)
