"""Wiring of the marketplace into the app: blueprints, package search, payable kind, filings queue, CLI, demo
hooks and template helpers. ``storefront.web`` calls :func:`init_app`; nothing else in storefront imports us."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from flask import Flask
from sqlalchemy import func, select

# Route modules register their views on the blueprints when imported; tables register on the metadata.
from services_market import (  # noqa: F401
    api,
    conversation,
    filing_kind,
    freight_routes,
    operator_routes,
    order_routes,
    pay_routes,
    payments,
    permissions,
    provider_money_routes,
    provider_onboarding,
    provider_routes,
    provider_team_routes,
    routes,
    search,
    tables,
    voucher_stats,
)
from services_market.blueprints import api_bp, bp, operator_bp, provider_bp
from services_market.cli import services_group
from services_market.constants import CATEGORY_LABELS, REGIONS, SPOKEN_LANGUAGES
from services_market.demo import seed
from services_market.gaps import catalogue_gaps
from services_market.models import Package, PackageImage, PackageLanguage, PackageText, Provider, Tier
from services_market.order_models import ServiceOrder, ServiceReview
from storefront.accounts.models import User
from storefront.core import limits
from storefront.core.money import Money
from storefront.core.statistics import register_section
from storefront.core.versions import watch
from storefront.demo.hooks import register as register_demo
from storefront.extensions import csrf, db
from storefront.ledger.operations import register_seller_kind


def init_app(app: Flask) -> None:
    """Register everything the marketplace adds to the app (no queries or network here)."""
    limits.install(db.metadata)  # length CHECK constraints of the marketplace's free-text columns
    permissions.register()  # its back-office routes under storefront.accounts.permissions
    app.config.setdefault("SERVICE_FILE_MAX_BYTES", 10 * 1024 * 1024)
    for blueprint in (bp, provider_bp, operator_bp, api_bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)
    search.init_app(app)
    payments.register()
    filing_kind.register()
    conversation.register_subject()  # service order threads are storefront conversations
    app.cli.add_command(services_group)
    register_demo(app, seeder=_seed_demo, real_order_counter=_real_service_orders)
    register_section(voucher_stats.KEY, voucher_stats.section)  # the province statistics' voucher figures
    register_seller_kind("provider", _provider_name)  # the ledger's payout pages name providers
    watch(Provider, Package, PackageText, PackageLanguage, Tier, PackageImage, ServiceOrder, ServiceReview)

    app.jinja_env.globals.update(_template_helpers())


def _provider_name(provider_id: int, lang: str) -> str | None:
    provider = db.session.get(Provider, provider_id)
    return str(provider.name(lang)) if provider is not None else None


def _seed_demo() -> dict[str, int]:
    """The marketplace's demo data (imported when seeding, not at start-up: it renders images)."""

    return seed()


def _real_service_orders(demo_suffix: str) -> int:
    """Service orders bought by anyone but the demo accounts (the seed guard refuses to reset over them)."""
    return (
        db.session.scalar(
            select(func.count(ServiceOrder.id))
            .outerjoin(User, User.id == ServiceOrder.buyer_id)
            .where((User.id.is_(None)) | ~func.lower(User.email).endswith(demo_suffix))
        )
        or 0
    )


def _template_helpers() -> dict:
    """Helpers the marketplace templates (and the merchant dashboard's gaps include) use."""
    return {
        "services_gaps": catalogue_gaps,
        "money_cny": lambda fen: Money(int(fen or 0), "CNY").format(),
        "valid_through": lambda batch: batch.expires_at - timedelta(seconds=1),
        "label_list": lambda values, labels: ", ".join(str(labels.get(v, v)) for v in values or ()),
        "services_labels": SimpleNamespace(categories=CATEGORY_LABELS, languages=SPOKEN_LANGUAGES, regions=REGIONS),
    }
