"""The provider's money: balance (card parts and voucher subsidies), payout requests, monthly statements."""

from __future__ import annotations

from flask import g, url_for
from flask_login import current_user

from services_market.blueprints import provider_bp as bp
from services_market.provider_routes import provider_required
from storefront.ledger import pages
from storefront.ledger.operations import seller_account

LAYOUT = "services/provider/_layout.html"


def _account() -> str:
    return seller_account("provider", g.provider.id)


def _urls() -> dict:
    return {
        "page": url_for("services_provider.money", lang=g.lang),
        "request": url_for("services_provider.money_payout", lang=g.lang),
        "details": url_for("services_provider.money_details", lang=g.lang),
        "statement": lambda month: url_for("services_provider.money_statement", lang=g.lang, month=month),
        "pdf": lambda month: url_for("services_provider.money_statement_pdf", lang=g.lang, month=month),
    }


@bp.get("/money")
@provider_required
def money():
    """Balance, payouts and statements."""
    return pages.money_page(_account(), LAYOUT, _urls())


@bp.post("/money/payouts")
@provider_required
def money_payout():
    """Request a payout of the available balance."""
    return pages.request_payout(_account(), f"provider:{g.provider.id}", LAYOUT, _urls())


@bp.post("/money/details")
@provider_required
def money_details():
    """Save the bank account payouts go to."""
    return pages.save_details(_account(), current_user, LAYOUT, _urls())


@bp.get("/money/statements/<month>")
@provider_required
def money_statement(month: str):
    """A monthly statement (HTML)."""
    return pages.statement_html(_account(), g.provider.name(g.lang), month)


@bp.get("/money/statements/<month>/pdf")
@provider_required
def money_statement_pdf(month: str):
    """A monthly statement (PDF)."""
    return pages.statement_pdf(_account(), g.provider.name(g.lang), month)
