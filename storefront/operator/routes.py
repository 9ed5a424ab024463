"""The operator blueprint with all its views registered."""

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
    rfq_views,
    stats,
    team_views,
    transfer_views,
)
from storefront.operator.blueprint import bp

__all__ = ["bp"]
