"""The operator blueprint with all its views registered."""

from storefront.accounts.backoffice import operator_bp as bp
from storefront.operator import (  # noqa: F401
    appeal_views,
    console,
    duty_views,
    filing_views,
    fx_views,
    moderation_views,
    payout_views,
    province,
    rates_views,
    refund_views,
    review_views,
    stats,
    team_views,
    transfer_views,
)

__all__ = ["bp"]
