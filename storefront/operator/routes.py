"""The operator blueprint with all its views registered: each domain's operator views, then the console's own."""

from storefront.accounts import operator_team_views  # noqa: F401
from storefront.accounts.backoffice import operator_bp as bp
from storefront.catalog import appeal_views, moderation_views, review_views  # noqa: F401
from storefront.filing import operator_views as filing_views  # noqa: F401
from storefront.ledger import fx_views, payout_views, rates_views  # noqa: F401
from storefront.messaging import operator_rfq_views  # noqa: F401
from storefront.operator import console  # noqa: F401
from storefront.ordering import duty_views  # noqa: F401
from storefront.payments import refund_views, transfer_views  # noqa: F401
from storefront.statistics import platform, province  # noqa: F401

__all__ = ["bp"]
