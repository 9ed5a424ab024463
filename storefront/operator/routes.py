"""The operator blueprint with all its views registered."""

from storefront.operator import console, filing_views, moderation_views, rates_views, stats  # noqa: F401
from storefront.operator.blueprint import bp

__all__ = ["bp"]
