"""Service marketplace: providers sell packages to merchants, paid by card or with government vouchers.

``storefront`` knows this package only through :func:`init_app`, which registers the blueprints, the package
search hook, the payable kind, the provider filings queue, the CLI group and a few template helpers.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register everything the marketplace adds to the app (no queries or network here)."""
    from services_market import (  # noqa: F401
        api,
        filing_kind,
        operator_routes,
        order_routes,
        pay_routes,
        payments,
        provider_money_routes,
        provider_routes,
        routes,
        search,
    )
    from services_market.blueprints import api_bp, bp, operator_bp, provider_bp
    from services_market.cli import services_group
    from storefront.extensions import csrf

    app.config.setdefault("SERVICE_FILE_MAX_BYTES", 10 * 1024 * 1024)
    for blueprint in (bp, provider_bp, operator_bp, api_bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)
    search.init_app(app)
    payments.register()
    filing_kind.register()
    app.cli.add_command(services_group)
    from services_market.models import Package, PackageImage, PackageLanguage, PackageText, Provider, Tier
    from services_market.order_models import ServiceOrder, ServiceReview
    from storefront.core.http import watch

    watch(Provider, Package, PackageText, PackageLanguage, Tier, PackageImage, ServiceOrder, ServiceReview)

    app.jinja_env.globals.update(_template_helpers())


def _template_helpers() -> dict:
    """Helpers the marketplace templates (and the merchant dashboard's gaps include) use."""
    from datetime import timedelta
    from types import SimpleNamespace

    from services_market.constants import CATEGORY_LABELS, REGIONS, SPOKEN_LANGUAGES
    from services_market.gaps import catalogue_gaps
    from storefront.core.money import Money

    return {
        "services_gaps": catalogue_gaps,
        "money_cny": lambda fen: Money(int(fen or 0), "CNY").format(),
        "valid_through": lambda batch: batch.expires_at - timedelta(seconds=1),
        "label_list": lambda values, labels: ", ".join(str(labels.get(v, v)) for v in values or ()),
        "services_labels": SimpleNamespace(
            categories=CATEGORY_LABELS, languages=SPOKEN_LANGUAGES, regions=REGIONS
        ),
    }
