"""The operators' team: roles of operator accounts (administrators only). Operators without a role are
administrators; create operator accounts with ``flask create-operator``, or add them here by e-mail."""

from __future__ import annotations

from flask import url_for

from storefront.accounts import team_pages
from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.accounts.team import Side

LAYOUT = "operator/_layout.html"


def _urls() -> dict:
    return {
        "page": url_for("operator.team"),
        "save": url_for("operator.team_set"),
        "remove": lambda user_id: url_for("operator.team_remove", user_id=user_id),
    }


@bp.get("/team")
@operator_required
def team():
    """Operators and their roles."""
    return team_pages.team_page(Side.PLATFORM, None, LAYOUT, _urls())


@bp.post("/team")
@operator_required
def team_set():
    """Add an operator account or change its roles."""
    return team_pages.save(Side.PLATFORM, None, LAYOUT, _urls())


@bp.post("/team/<int:user_id>/remove")
@operator_required
def team_remove(user_id: int):
    """Take an operator's roles away (the account becomes an administrator again only if re-added)."""
    return team_pages.remove(Side.PLATFORM, None, user_id, _urls())
