"""The merchant's team: staff accounts with roles (owner only)."""

from __future__ import annotations

from flask import g, url_for

from storefront.accounts import team_pages
from storefront.accounts.backoffice import bp, merchant_required
from storefront.accounts.team import Side

LAYOUT = "merchant/_layout.html"


def _urls() -> dict:
    return {
        "page": url_for("merchant.team"),
        "save": url_for("merchant.team_set"),
        "remove": lambda user_id: url_for("merchant.team_remove", user_id=user_id),
    }


@bp.get("/team")
@merchant_required
def team():
    """Members and roles."""
    return team_pages.team_page(Side.MERCHANT, g.merchant.id, LAYOUT, _urls())


@bp.post("/team")
@merchant_required
def team_set():
    """Add a staff account or change its roles."""
    return team_pages.save(Side.MERCHANT, g.merchant.id, LAYOUT, _urls())


@bp.post("/team/<int:user_id>/remove")
@merchant_required
def team_remove(user_id: int):
    """Take a staff account's roles away."""
    return team_pages.remove(Side.MERCHANT, g.merchant.id, user_id, _urls())
