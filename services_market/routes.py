"""Public marketplace pages: browse by category (filters, sorting, search); package and provider pages."""

from __future__ import annotations

from flask import abort, current_app, g, render_template, request
from flask_login import current_user

from services_market import queries
from services_market.blueprints import bp
from services_market.constants import CATEGORIES, CATEGORY_LABELS, SPOKEN_LANGUAGES, TIER_LABELS
from storefront.accounts.models import Role
from storefront.catalog.queries import parse_page
from storefront.core.money import display_currency


def _browse(category: str | None):
    page = parse_page(request.args.get("page"))
    f = queries.parse_filters(request.args, display_currency(), category)
    result = queries.browse(f, g.lang, page, current_app.config["PAGE_SIZE"])
    return render_template(
        "services/browse.html",
        result=result,
        filters=f,
        category=category,
        counts=queries.category_counts(),
        sorts={k: v for k, v in queries.SORT_LABELS.items() if k != "relevance" or f.q},
        languages=SPOKEN_LANGUAGES,
        category_labels=CATEGORY_LABELS,
    )


@bp.get("/")
def browse():
    """Every public package, with filters (price, delivery time, language), sorting and search."""
    return _browse(None)


@bp.get("/c/<category>/")
def category(category: str):
    """Public packages of one category."""
    if category not in CATEGORIES:
        abort(404)
    return _browse(category)


def _is_merchant() -> bool:
    return current_user.is_authenticated and current_user.has_role(Role.MERCHANT.value)


@bp.get("/p/<int:package_id>")
def package(package_id: int):
    """A package: its tiers to order from, the provider card and reviews."""
    item = queries.get_public_package(package_id)
    return render_template(
        "services/package.html",
        package=item,
        reviews=queries.reviews_of_package(item.id),
        figures=queries.provider_figures(item.provider_id),
        tier_labels=TIER_LABELS,
        category_labels=CATEGORY_LABELS,
        languages=SPOKEN_LANGUAGES,
        can_order=_is_merchant(),
    )


@bp.get("/providers/<slug>")
def provider(slug: str):
    """A provider's public profile: rating, completed orders, packages and reviews."""
    found = queries.public_provider(slug)
    return render_template(
        "services/provider.html",
        provider=found,
        figures=queries.provider_figures(found.id),
        packages=queries.packages_of(found.id),
        reviews=queries.reviews_of_provider(found.id),
        category_labels=CATEGORY_LABELS,
        languages=SPOKEN_LANGUAGES,
    )
