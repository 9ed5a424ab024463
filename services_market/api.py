"""JSON read API of the marketplace: public packages with tiers, provider, rating and URL."""

from __future__ import annotations

from flask import abort, jsonify, request
from flask_babel import force_locale

from services_market import queries
from services_market.blueprints import api_bp as bp
from services_market.constants import CATEGORIES, CATEGORY_LABELS, TIER_LABELS
from services_market.models import Package
from storefront.catalog.api import api_lang
from storefront.catalog.queries import parse_page
from storefront.core.money import BASE_CURRENCY, Money
from storefront.core.urls import public_url


def _money(fen: int) -> dict:
    return Money(fen, BASE_CURRENCY).to_json()


def package_json(package: Package, lang: str, figures: dict | None = None) -> dict:
    """Public JSON shape of a package (texts in ``lang`` with the language actually used)."""
    title, description = package.title(lang), package.text("description", lang)
    provider = package.provider
    figures = figures if figures is not None else {}
    stats = figures.get(provider.id) or queries.provider_figures(provider.id)
    figures[provider.id] = stats
    with force_locale(lang):
        category_label = str(CATEGORY_LABELS[package.category])
        tiers = []
        for tier in package.tiers:
            deliverables = tier.deliverables_in(lang)
            tiers.append(
                {
                    "level": tier.level,
                    "label": str(TIER_LABELS[tier.level]),
                    "price": _money(tier.price_fen),
                    "delivery_days": tier.delivery_days,
                    "revisions": tier.revisions,
                    "deliverables": list(deliverables.value or []),
                    "deliverables_lang": deliverables.lang,
                }
            )
    return {
        "id": package.id,
        "title": str(title),
        "title_lang": title.lang,
        "description": str(description),
        "description_lang": description.lang,
        "category": package.category,
        "category_label": category_label,
        "languages": package.languages,
        "from_price": _money(package.min_price_fen),
        "tiers": tiers,
        "rating": {"average": package.rating, "count": package.rating_count},
        "completed_orders": package.completed_count,
        "provider": {
            "id": provider.id,
            "slug": provider.slug,
            "name": str(provider.name(lang)),
            "rating": stats.rating,
            "reviews": stats.reviews,
            "completed_orders": stats.completed,
            "url": public_url("services.provider", lang=lang, slug=provider.slug),
        },
        "url": public_url("services.package", lang=lang, package_id=package.id),
    }


@bp.get("")
def packages():
    """Public packages, paginated, optionally of one category (``?lang=&category=&page=&per_page=``)."""
    lang = api_lang()
    page = parse_page(request.args.get("page"))
    category = request.args.get("category") or None
    if category is not None and category not in CATEGORIES:
        abort(400)
    f = queries.Filters(category=category, sort="rating")
    per_page = min(max(request.args.get("per_page", 24, type=int) or 24, 1), 100)
    result = queries.browse(f, lang, page, per_page)
    figures = queries.providers_figures(p.provider_id for p in result.items)
    return jsonify(
        {
            "lang": lang,
            "page": result.page,
            "pages": result.pages,
            "total": result.total,
            "items": [package_json(p, lang, figures) for p in result.items],
        }
    )


@bp.get("/<int:package_id>")
def package(package_id: int):
    """One public package."""
    return jsonify(package_json(queries.get_public_package(package_id), api_lang()))
