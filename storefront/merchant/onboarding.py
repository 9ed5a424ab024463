"""The merchant's onboarding checklist: file the company, list a first product, enter payout details."""

from __future__ import annotations

from flask import g, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select

from storefront.accounts.backoffice import bp, current_merchant
from storefront.accounts.models import Merchant, Role
from storefront.accounts.onboarding import Step, filing_step, payout_step
from storefront.accounts.permissions import may
from storefront.catalog.models import Product
from storefront.core.security import roles_required
from storefront.extensions import db
from storefront.ledger.operations import seller_account
from storefront.ledger.payouts import details_of


def merchant_steps(merchant: Merchant | None) -> list[Step]:
    """Filing → first product → payout details, each done or not, for a merchant (None before filing)."""
    status = merchant.status if merchant else None
    products = (
        db.session.scalar(select(func.count(Product.id)).where(Product.merchant_id == merchant.id)) if merchant else 0
    )
    details = details_of(seller_account("merchant", merchant.id)) if merchant else None
    return [
        filing_step(status, url_for("merchant.filing_page")),
        Step(
            "product",
            _l("List your first product"),
            bool(products),
            _l("Done.") if products else _l("No product yet. Add one, or import a spreadsheet."),
            url_for("merchant.product_new") if merchant else None,
            _l("Add a product"),
        ),
        payout_step(details is not None, url_for("merchant.money", _anchor="payout-details") if merchant else None),
    ]


@bp.get("/welcome")
@roles_required(Role.MERCHANT.value)
def onboarding():
    """Where a new merchant lands: the checklist (the dashboard once every step is done)."""
    merchant = current_merchant()
    steps = merchant_steps(merchant)
    if all(step.done for step in steps) or not may(current_user, "company.admin"):  # staff: their dashboard
        return redirect(url_for("merchant.dashboard"))
    g.merchant = merchant
    return render_template("merchant/onboarding.html", steps=steps)
