"""The merchant's money: balance, payout requests, monthly statements (HTML and PDF)."""

from __future__ import annotations

from flask import Response, g, render_template, url_for
from flask_login import current_user

from storefront.accounts.backoffice import bp, merchant_required
from storefront.ledger import fx, pages
from storefront.ledger.operations import seller_account

LAYOUT = "merchant/_layout.html"


def _account() -> str:
    return seller_account("merchant", g.merchant.id)


def _urls() -> dict:
    return {
        "page": url_for("merchant.money"),
        "request": url_for("merchant.money_payout"),
        "details": url_for("merchant.money_details"),
        "statement": lambda month: url_for("merchant.money_statement", month=month),
        "pdf": lambda month: url_for("merchant.money_statement_pdf", month=month),
    }


@bp.get("/money")
@merchant_required
def money():
    """Balance (available and held), payouts and statements."""
    return pages.money_page(_account(), LAYOUT, _urls())


@bp.post("/money/payouts")
@merchant_required
def money_payout():
    """Request a payout of the available balance."""
    return pages.request_payout(_account(), f"merchant:{g.merchant.id}", LAYOUT, _urls())


@bp.post("/money/details")
@merchant_required
def money_details():
    """Save the bank account payouts go to."""
    return pages.save_details(_account(), current_user, LAYOUT, _urls())


@bp.get("/money/statements/<month>")
@merchant_required
def money_statement(month: str):
    """A monthly statement (HTML)."""
    return pages.statement_html(_account(), g.merchant.name(g.lang), month)


@bp.get("/money/statements/<month>/pdf")
@merchant_required
def money_statement_pdf(month: str):
    """A monthly statement (PDF)."""
    return pages.statement_pdf(_account(), g.merchant.name(g.lang), month)


@bp.get("/fx-settlements")
@merchant_required
def fx_settlements():
    """The merchant's FX settlement records (收结汇), per released list."""
    return render_template("merchant/fx.html", rows=fx.settlements_of(g.merchant.id))


@bp.get("/fx-settlements.csv")
@merchant_required
def fx_settlements_csv():
    """The merchant's settlement file for their bank."""
    return Response(
        "\ufeff" + fx.to_csv(fx.settlements_of(g.merchant.id)),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="fx-settlements.csv"'},
    )
