"""Human-friendly order numbers: KJ-YYMM-XXXXX, easy to read aloud and type (no 0/O, 1/I/L)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import exists, select

from storefront.extensions import db
from storefront.ordering.models import Order

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "KJ"
_LENGTH = 5


def new_number(now: datetime | None = None) -> str:
    """A fresh, unused order number (random part, checked against existing orders)."""

    stamp = (now or datetime.now(UTC)).strftime("%y%m")
    for _attempt in range(20):
        candidate = f"{PREFIX}-{stamp}-{''.join(secrets.choice(ALPHABET) for _ in range(_LENGTH))}"
        if not db.session.scalar(select(exists().where(Order.number == candidate))):
            return candidate
    raise RuntimeError("could not find a free order number")  # 31^5 per month: practically unreachable


def normalize(text: str | None) -> str:
    """An order number as typed by a person ('kj 2603 7q4xk') → canonical form."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(cleaned) < 2 + 4 + _LENGTH:
        return (text or "").strip().upper()
    return f"{cleaned[:2]}-{cleaned[2:6]}-{cleaned[6:]}"
