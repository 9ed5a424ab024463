"""The marketplace's back-office routes and the permission each needs (the table of permissions is
storefront.accounts.permissions.PERMISSIONS); registered from ``setup.init_app``."""

from __future__ import annotations

from sqlalchemy import func, select

from services_market.models import Provider
from storefront.accounts import permissions, team
from storefront.extensions import db

ENDPOINTS = {
    "services_provider.dashboard": "company.view",
    "services_provider.onboarding": "company.view",
    "services_provider.filing": "company.admin",
    "services_provider.filing_documents": "company.admin",
    "services_provider.team": "company.admin",
    "services_provider.team_set": "company.admin",
    "services_provider.team_remove": "company.admin",
    "services_provider.package_new": "company.catalogue",
    "services_provider.package_edit": "company.catalogue",
    "services_provider.package_image": "company.catalogue",
    "services_provider.package_image_delete": "company.catalogue",
    "services_provider.money": "company.finance",
    "services_provider.rates": "company.catalogue",  # freight rate cards of a logistics provider
    "services_provider.money_details": "company.finance",
    "services_provider.money_payout": "company.finance",
    "services_provider.money_statement": "company.finance",
    "services_provider.money_statement_pdf": "company.finance",
    "services.orders_list": "company.orders",
    "services.order": "company.orders",
    "services.order_action": "company.orders",
    "services.deliver": "company.orders",
    "services.post_message": "company.orders",
    "services.download": "company.orders",
    "services.review": "company.orders",
    "services.reply": "company.orders",
    "services.order_form": "company.finance",
    "services.pay": "company.finance",
    "services.pay_card": "company.finance",
    "services.pay_return": "company.finance",
    "services.pay_transfer": "company.finance",
    "services_operator.package_moderation": "platform.moderation",
    "services_operator.moderate_package_hide": "platform.moderation",
    "services_operator.moderate_package_restore": "platform.moderation",
    "services_operator.service_orders": "platform.finance",
    "services_operator.voucher_batches": "platform.finance",
    "services_operator.voucher_batch": "platform.finance",
    "services_operator.voucher_new": "platform.finance",
    "services_operator.voucher_report_page": "platform.finance",
}


def _owns_provider(user) -> bool:
    return db.session.scalar(select(func.count(Provider.id)).where(Provider.owner_id == user.id)) > 0


def register() -> None:
    """Put the marketplace's routes under the permission table; teach teams who owns a provider."""
    permissions.require(ENDPOINTS)
    team.register_owner_check(team.Side.PROVIDER, _owns_provider)
