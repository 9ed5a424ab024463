"""What the buyer's tracking page computes: when a parcel should arrive."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from storefront.ordering.models import Order, SubOrder


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def estimated_arrival(order: Order, sub: SubOrder) -> tuple[date, date] | None:
    """(earliest, latest) arrival: shipping day (else payment day) plus the quoted transit days; None when
    nothing was quoted or the order is not paid yet."""
    start = _day(sub.shipped_at) or _day(order.paid_at)
    if start is None or not order.transit_days_max:
        return None
    return start + timedelta(days=order.transit_days_min), start + timedelta(days=order.transit_days_max)
