"""Rate cards in the database: a provider publishes one (checked, saved whole or not at all), and checkout
reads the valid ones beside the platform's default card."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from sqlalchemy import select

from storefront.extensions import db
from storefront.ordering.freight.models import RateCard
from storefront.ordering.freight.rates import Card, CardError, default_card, parse_card
from storefront.ordering.models import SubOrder


def _raw(row: RateCard) -> dict:
    return {"code": row.code, "valid_from": row.valid_from, "valid_until": row.valid_until, "lanes": row.lanes}


def valid_cards(today: date) -> list[Card]:
    """The default card and every provider card valid today (rows that no longer check are skipped)."""
    cards = [default_card()]
    rows = db.session.scalars(
        select(RateCard).where(RateCard.valid_from <= today, RateCard.valid_until >= today).order_by(RateCard.id)
    )
    for row in rows:
        try:
            cards.append(parse_card(_raw(row), today=today, provider_id=row.provider_id, card_id=row.id))
        except CardError:
            continue
    return cards


def publish(provider_id: int, raw: dict, *, today: date) -> RateCard:
    """Check a provider's card against the default card and save it; raises CardError (nothing saved)."""
    card = parse_card(raw, today=today, reference=default_card(), provider_id=provider_id)
    lanes = []
    for lane in card.lanes:
        item = asdict(lane)
        item["zones"], item["days"] = list(lane.zones), list(lane.days)
        item["breaks"] = [list(b) for b in lane.breaks]
        lanes.append(item)
    row = RateCard(
        provider_id=provider_id,
        code=card.code,
        valid_from=card.valid_from,
        valid_until=card.valid_until,
        lanes=lanes,
    )
    db.session.add(row)
    db.session.flush()
    return row


def cards_of(provider_id: int) -> list[RateCard]:
    """A provider's cards, newest first."""
    return list(
        db.session.scalars(select(RateCard).where(RateCard.provider_id == provider_id).order_by(RateCard.id.desc()))
    )


def bookings_of(provider_id: int, limit: int = 100) -> list[SubOrder]:
    """Sub-orders whose freight one of the provider's cards priced, newest first (the provider's bookings)."""
    return list(
        db.session.scalars(
            select(SubOrder)
            .where(SubOrder.rate_card.startswith(f"provider:{provider_id}:"))
            .order_by(SubOrder.id.desc())
            .limit(limit)
        )
    )
