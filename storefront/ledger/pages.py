"""What the seller money pages (merchant and provider back offices) show: balances, payouts, statements.

Views in both back offices call these and render ``money/seller.html`` / ``money/statement.html``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Response, abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

from storefront.core.money import parse_amount
from storefront.core.pdf import pdf_response
from storefront.extensions import db
from storefront.ledger import payouts
from storefront.ledger.models import LedgerEntry
from storefront.payments import payables

KIND_LABELS = {
    "charge": _l("Sale"),
    "commission": _l("Platform commission"),
    "commission_reversal": _l("Commission returned on a refund"),
    "refund": _l("Refund to the buyer"),
    "voucher_subsidy": _l("Voucher subsidy"),
    "payout": _l("Payout to your bank"),
}
STATUS_LABELS = {"requested": _l("Requested"), "paid": _l("Paid"), "rejected": _l("Rejected")}


class PayoutDetailsForm(FlaskForm):
    """The bank account payouts go to."""

    bank_name = StringField(_l("Bank and branch"), validators=[Length(max=120)])
    account_name = StringField(_l("Name on the account"), validators=[Length(max=120)])
    account_number = StringField(_l("Account number"), validators=[Length(max=40)])
    swift = StringField(_l("SWIFT/BIC (for foreign-currency payouts, optional)"), validators=[Length(max=11)])


class PayoutRequestForm(FlaskForm):
    """Amount and currency of a payout request."""

    amount = StringField(_l("Amount"), validators=[Length(max=20)])
    currency = SelectField(_l("Currency"), choices=[], validate_choice=False)


def reference(kind: str, payable_id: int | None) -> str:
    """The order or service order number of an entry ('' for payouts)."""
    if kind not in ("order", "service_order") or payable_id is None:
        return ""
    hooks = payables.get(kind)
    payable = hooks.load(payable_id)
    return hooks.reference(payable) if payable is not None else ""


def parse_month(text: str) -> date:
    """'2026-12' → date(2026, 12, 1); 404 when malformed."""
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        abort(404)


def months_of(account: str) -> list[str]:
    """Months with entries, newest first ('YYYY-MM')."""
    first = db.session.scalar(select(func.min(LedgerEntry.created_at)).where(LedgerEntry.account == account))
    if first is None:
        return []
    today = datetime.now(UTC).date()
    months, year, month = [], today.year, today.month
    while (year, month) >= (first.year, first.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def money_page(
    account: str,
    layout: str,
    urls: dict,
    form: PayoutRequestForm | None = None,
    error: str = "",
    details_form: PayoutDetailsForm | None = None,
):
    """The seller's balances, payout requests, payout bank details and statements."""
    rows = payouts.balances(account)
    form = form or PayoutRequestForm()
    details = payouts.details_of(account)
    if details_form is None:
        details_form = PayoutDetailsForm()
        for key in payouts.DETAIL_FIELDS:
            getattr(details_form, key).data = getattr(details, key) if details else ""
    form.currency.choices = [SelectChoice(b.currency, b.currency) for b in rows]
    return render_template(
        "money/seller.html",
        layout=layout,
        balances=rows,
        payouts=payouts.payouts_of(account),
        months=months_of(account),
        form=form,
        error=error,
        urls=urls,
        hold_days=payouts.hold_days(),
        payout_status=STATUS_LABELS,
        details=details,
        details_form=details_form,
    )


def save_details(account: str, actor, layout: str, urls: dict):
    """POST: save the payout bank details; the form again with the problems when they cannot be used."""
    form = PayoutDetailsForm()
    if not form.validate_on_submit():
        return money_page(account, layout, urls, details_form=form), 400
    values = {key: getattr(form, key).data or "" for key in payouts.DETAIL_FIELDS}
    errors = payouts.save_details(account, values, actor)
    if errors:
        db.session.rollback()
        for key, message in errors.items():
            getattr(form, key).errors = [str(message)]
        return money_page(account, layout, urls, details_form=form), 400
    db.session.commit()
    flash(_("Payout details saved."), "success")
    return redirect(urls["page"] + "#payout-details")


def request_payout(account: str, actor: str, layout: str, urls: dict):
    """POST: ask for a payout; a clear message and nothing changed when refused."""
    form = PayoutRequestForm()
    form.currency.choices = [SelectChoice(b.currency, b.currency) for b in payouts.balances(account)]
    if not form.validate_on_submit():
        return money_page(account, layout, urls, form, _("The form expired. Please try again.")), 400
    currency = form.currency.data or ""
    if currency not in {c.value for c in form.currency.choices}:
        return money_page(account, layout, urls, form, str(payouts.MESSAGES["amount"])), 400
    try:
        payout = payouts.request_payout(account, parse_amount(form.amount.data, currency), currency, actor=actor)
        db.session.commit()
    except ValueError as exc:
        db.session.rollback()
        message = exc.message if isinstance(exc, payouts.PayoutError) else str(payouts.MESSAGES["amount"])
        return money_page(account, layout, urls, form, message), 400
    except Exception as exc:  # noqa: BLE001 - a racing request lost the unique sequence: tell, change nothing
        db.session.rollback()
        if not isinstance(exc, IntegrityError | OperationalError):
            raise
        return money_page(account, layout, urls, form, str(payouts.MESSAGES["busy"])), 409
    flash(_("Payout of %(amount)s requested.", amount=payout.amount.format()), "success")
    return redirect(urls["page"])


def statement_html(account: str, seller_name: str, month_text: str, *, for_pdf: bool = False) -> str:
    """The month's statement as a standalone HTML page."""
    month = parse_month(month_text)
    return render_template(
        "money/statement.html",
        seller_name=seller_name,
        account=account,
        month=month,
        statements=payouts.statements(account, month, reference),
        kind_labels=KIND_LABELS,
        for_pdf=for_pdf,
    )


def statement_pdf(account: str, seller_name: str, month_text: str) -> Response:
    """The statement as a PDF download (503 with a reason when WeasyPrint cannot run here)."""
    html = statement_html(account, seller_name, month_text, for_pdf=True)
    return pdf_response(html, f"statement-{month_text}.pdf")


def wants(fmt: str) -> bool:
    """True when the request asks for ``fmt`` (kept for callers that switch on ?format=)."""
    return request.args.get("format") == fmt
