"""The provider's team: staff accounts with roles (owner only)."""

from __future__ import annotations

from flask import g, url_for

from services_market.blueprints import provider_bp as bp
from services_market.provider_routes import provider_required
from storefront.accounts import team_pages
from storefront.accounts.team import Side

LAYOUT = "services/provider/_layout.html"


def _urls() -> dict:
    return {
        "page": url_for("services_provider.team", lang=g.lang),
        "save": url_for("services_provider.team_set", lang=g.lang),
        "remove": lambda user_id: url_for("services_provider.team_remove", lang=g.lang, user_id=user_id),
    }


@bp.get("/team")
@provider_required
def team():
    """Members and roles."""
    return team_pages.team_page(Side.PROVIDER, g.provider.id, LAYOUT, _urls())


@bp.post("/team")
@provider_required
def team_set():
    """Add a staff account or change its roles."""
    return team_pages.save(Side.PROVIDER, g.provider.id, LAYOUT, _urls())


@bp.post("/team/<int:user_id>/remove")
@provider_required
def team_remove(user_id: int):
    """Take a staff account's roles away."""
    return team_pages.remove(Side.PROVIDER, g.provider.id, user_id, _urls())
