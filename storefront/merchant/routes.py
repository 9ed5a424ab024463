"""The merchant blueprint with all its views registered: each domain's merchant views, then the back office's own."""

from storefront.accounts import merchant_team_views  # noqa: F401
from storefront.accounts.backoffice import bp
from storefront.catalog import merchant_appeal_views, merchant_views, promotion_views, sheet_views  # noqa: F401
from storefront.filing import merchant_views as filing_views  # noqa: F401
from storefront.integrations import api_key_views, webhook_views  # noqa: F401
from storefront.ledger import merchant_views as money_views  # noqa: F401
from storefront.merchant import dashboard, onboarding  # noqa: F401
from storefront.messaging import merchant_rfq_views  # noqa: F401
from storefront.ordering import return_views, variant_views  # noqa: F401
from storefront.sales import bulk_views, order_views  # noqa: F401

__all__ = ["bp"]
