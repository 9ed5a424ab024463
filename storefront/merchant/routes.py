"""The merchant blueprint with all its views registered."""

from storefront.merchant import dashboard, filing_views, order_views, product_views, sheet_views  # noqa: F401
from storefront.merchant.blueprint import bp

__all__ = ["bp"]
