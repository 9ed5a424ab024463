"""The provider's onboarding checklist: file the company, publish a first package, enter payout details."""

from __future__ import annotations

from flask import g, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from services_market import providers, queries
from services_market.blueprints import provider_bp as bp
from storefront.accounts.models import Role
from storefront.accounts.onboarding import Step, filing_step, payout_step
from storefront.accounts.permissions import may
from storefront.core.security import roles_required
from storefront.ledger.operations import seller_account
from storefront.ledger.payouts import details_of


def provider_steps(provider) -> list[Step]:
    """Filing → first package → payout details, each done or not (``provider`` None before filing)."""
    status = provider.status if provider else None
    packages = queries.packages_of(provider.id, public_only=False) if provider else []
    details = details_of(seller_account("provider", provider.id)) if provider else None
    return [
        filing_step(status, url_for("services_provider.filing", lang=g.lang)),
        Step(
            "package",
            _l("Describe your first service package"),
            bool(packages),
            _l("Done.") if packages else _l("No package yet: tiers, prices, delivery time and languages."),
            url_for("services_provider.package_new", lang=g.lang) if provider else None,
            _l("Create a package"),
        ),
        payout_step(
            details is not None,
            url_for("services_provider.money", lang=g.lang, _anchor="payout-details") if provider else None,
        ),
    ]


@bp.get("/welcome")
@roles_required(Role.PROVIDER.value)
def onboarding():
    """Where a new provider lands: the checklist (the dashboard once every step is done)."""
    provider = providers.provider_of(current_user)
    steps = provider_steps(provider)
    if all(step.done for step in steps) or not may(current_user, "company.admin"):  # staff: their dashboard
        return redirect(url_for("services_provider.dashboard", lang=g.lang))
    return render_template("services/provider/onboarding.html", steps=steps, provider=provider)
