"""Onboarding: where a new back-office user lands (a checklist: filing → first listing → payout details) and
the shape of a checklist step. Each back office computes its own steps; this module only names the pages."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l

from storefront.accounts.models import FilingStatus, Role

#: Role → the endpoint of its onboarding checklist (back offices register these views).
CHECKLISTS: dict[str, str] = {
    Role.MERCHANT.value: "merchant.onboarding",
    Role.PROVIDER.value: "services_provider.onboarding",
}


@dataclass(frozen=True)
class Step:
    """One step of a checklist: done or not, where to do it, and a line on where it stands."""

    key: str
    title: object
    done: bool
    status: object
    url: str | None
    action: object


def landing_url(user, lang: str) -> str | None:
    """The checklist a merchant or provider lands on after signing up or in (None for other roles)."""
    endpoint = CHECKLISTS.get(getattr(user, "role", ""))
    if endpoint is None or endpoint not in current_app.view_functions:
        return None
    return url_for(endpoint, lang=lang)


#: Where a filing stands, as a checklist line (None: not filed yet).
FILING_STATUS = {
    None: _l("Not filed yet."),
    FilingStatus.PENDING.value: _l("Sent; waiting for the platform's review. You can go on with the next steps."),
    FilingStatus.APPROVED.value: _l("Approved."),
    FilingStatus.REJECTED.value: _l("Rejected: correct it and send it again."),
}


def filing_step(status: str | None, url: str) -> Step:
    """The first step of every checklist: the company filing, done once approved."""
    return Step(
        "filing",
        _l("File your company"),
        status == FilingStatus.APPROVED.value,
        FILING_STATUS.get(status, FILING_STATUS[None]),
        url,
        _l("Open the filing"),
    )


def payout_step(done: bool, url: str | None) -> Step:
    """The last step: the bank account payouts go to."""
    return Step(
        "payout",
        _l("Enter your payout details"),
        done,
        _l("Done.") if done else _l("The bank account your sales are paid to."),
        url,
        _l("Enter payout details"),
    )
