"""The merchant blueprint with all its views registered."""

from storefront.merchant import (  # noqa: F401
    api_key_views,
    appeal_views,
    bulk_views,
    dashboard,
    filing_views,
    money_views,
    onboarding,
    order_views,
    product_views,
    return_views,
    rfq_views,
    sheet_views,
    team_views,
    webhook_views,
)
from storefront.merchant.blueprint import bp

__all__ = ["bp"]
