"""A seller's trust figures and the credit rating computed from them, with the formula in one place (the
explanation page renders :data:`WEIGHTS` and the thresholds below, so page and code cannot drift apart)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from statistics import median

from flask import current_app
from sqlalchemy import and_, func, select

from storefront.accounts.documents import MERCHANT as MERCHANT_DOCS
from storefront.accounts.documents import Document
from storefront.accounts.models import Merchant
from storefront.catalog.models import Product
from storefront.catalog.ratings import ProductRating
from storefront.clearance.models import CaseEvent, ClearanceCase
from storefront.clearance.status import CaseStatus
from storefront.extensions import db
from storefront.messaging.models import Conversation, Message, Participant
from storefront.ordering.models import Order, SubOrder
from storefront.trust.models import CreditOverride

#: Weight of each component (they add up to 1); each component is a number from 0 to 1.
WEIGHTS = {
    "filing": 0.15,
    "years": 0.10,
    "on_time": 0.25,
    "customs": 0.20,
    "response": 0.10,
    "reviews": 0.20,
}
#: A component without data yet counts as this (neither rewarded nor punished).
NEUTRAL = 0.5
#: Years in business that give the full years component.
FULL_YEARS = 10
#: Customs refusal rate at which the customs component reaches 0.
REFUSAL_ZERO_AT = 0.2
#: Replies within this many hours give the full response component; it falls linearly to 0 at the cap.
RESPONSE_FULL_HOURS = 4
RESPONSE_CAP_HOURS = 72
#: Minimum score of each grade, best first.
GRADES = (("A", 85), ("B", 70), ("C", 55), ("D", 0))
#: Only the last this many days count for shipping, customs and replies.
WINDOW_DAYS = 365


def on_time_days() -> int:
    """Days from payment within which a parcel counts as shipped on time (``SHIP_ON_TIME_DAYS``)."""
    return int(current_app.config.get("SHIP_ON_TIME_DAYS", 7))


@dataclass
class Figures:
    """What the profile page shows about a seller; None where there is no data yet."""

    years: int | None
    filing_verified: bool
    documents: int
    shipped_on_time: int
    shipped_counted: int
    customs_refused: int
    customs_cases: int
    response_hours: float | None
    replies_counted: int
    review_average: float | None
    review_count: int

    @property
    def on_time_rate(self) -> float | None:
        """Share of parcels shipped on time."""
        return self.shipped_on_time / self.shipped_counted if self.shipped_counted else None

    @property
    def refusal_rate(self) -> float | None:
        """Share of clearance cases customs refused at least once."""
        return self.customs_refused / self.customs_cases if self.customs_cases else None


@dataclass
class Rating:
    """The computed score and grade, each component, and the operator's override if any."""

    score: int
    computed_grade: str
    components: dict[str, float] = field(default_factory=dict)
    override: CreditOverride | None = None

    @property
    def grade(self) -> str:
        """The grade shown: the operator's when set, else the computed one."""
        return self.override.grade if self.override is not None else self.computed_grade


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _shipping(merchant_id: int, now: datetime) -> tuple[int, int]:
    """(on time, counted): parcels paid in the window that shipped, or should have shipped by now."""
    since = now - timedelta(days=WINDOW_DAYS)
    rows = db.session.execute(
        select(Order.paid_at, SubOrder.shipped_at)
        .join(Order, Order.id == SubOrder.order_id)
        .where(SubOrder.merchant_id == merchant_id, Order.paid_at.is_not(None), Order.paid_at >= since)
    ).all()
    limit = timedelta(days=on_time_days())
    on_time = counted = 0
    for paid_at, shipped_at in rows:
        paid_at, shipped_at = _aware(paid_at), _aware(shipped_at)
        if shipped_at is None and now - paid_at <= limit:
            continue  # still within its time
        counted += 1
        on_time += shipped_at is not None and shipped_at - paid_at <= limit
    return on_time, counted


def _customs(merchant_id: int, now: datetime) -> tuple[int, int]:
    """(refused at least once, all) clearance cases of the window."""
    since = now - timedelta(days=WINDOW_DAYS)
    cases = select(ClearanceCase.id).where(ClearanceCase.merchant_id == merchant_id)
    total = db.session.scalar(select(func.count()).select_from(cases.subquery())) or 0
    refused = (
        db.session.scalar(
            select(func.count(func.distinct(CaseEvent.case_id))).where(
                CaseEvent.case_id.in_(cases), CaseEvent.status == CaseStatus.REJECTED.value, CaseEvent.at >= since
            )
        )
        or 0
    )
    return int(refused), int(total)


def _response(merchant: Merchant, now: datetime) -> tuple[float | None, int]:
    """(median hours, threads counted) from a buyer's first message to the seller's first answer after it;
    a question unanswered for longer than the cap counts as the cap."""
    if merchant.owner_id is None:
        return None, 0
    since = now - timedelta(days=WINDOW_DAYS)
    mine = (
        select(Participant.conversation_id)
        .join(Conversation, Conversation.id == Participant.conversation_id)
        .where(
            Participant.user_id == merchant.owner_id, Participant.party == "merchant", Conversation.created_at >= since
        )  # fmt: skip
    )
    rows = db.session.execute(
        select(Message.conversation_id, Message.party, Message.created_at)
        .where(Message.conversation_id.in_(mine), Message.party.in_(("buyer", "merchant")))
        .order_by(Message.conversation_id, Message.id)
    ).all()
    first_question: dict[int, datetime] = {}
    answered: dict[int, datetime] = {}
    for conversation_id, party, at in rows:
        at = _aware(at)
        if party == "buyer":
            first_question.setdefault(conversation_id, at)
        elif conversation_id in first_question and conversation_id not in answered:
            answered[conversation_id] = at
    hours = []
    for conversation_id, asked in first_question.items():
        if conversation_id in answered:
            hours.append(min((answered[conversation_id] - asked).total_seconds() / 3600, RESPONSE_CAP_HOURS))
        elif (now - asked).total_seconds() / 3600 > RESPONSE_CAP_HOURS:
            hours.append(RESPONSE_CAP_HOURS)
    return (round(median(hours), 1) if hours else None), len(hours)


def figures(merchant: Merchant, now: datetime | None = None) -> Figures:
    """A seller's trust figures (a handful of queries)."""
    now = now or datetime.now(UTC)
    on_time, counted = _shipping(merchant.id, now)
    refused, cases = _customs(merchant.id, now)
    hours, replies = _response(merchant, now)
    stars, reviews = db.session.execute(
        select(
            func.coalesce(func.sum(ProductRating.rating_sum), 0), func.coalesce(func.sum(ProductRating.rating_count), 0)
        ).join(Product, and_(Product.id == ProductRating.product_id, Product.merchant_id == merchant.id))
    ).one()
    documents = (
        db.session.scalar(
            select(func.count(Document.id)).where(
                Document.owner_kind == MERCHANT_DOCS, Document.owner_id == merchant.id
            )
        )
        or 0
    )
    return Figures(
        years=max(0, now.year - merchant.founded) if merchant.founded else None,
        filing_verified=merchant.is_approved,
        documents=int(documents),
        shipped_on_time=on_time,
        shipped_counted=counted,
        customs_refused=refused,
        customs_cases=cases,
        response_hours=hours,
        replies_counted=replies,
        review_average=round(stars / reviews, 1) if reviews else None,
        review_count=int(reviews),
    )


def components(f: Figures) -> dict[str, float]:
    """Each component of the score, from 0 to 1 (:data:`NEUTRAL` without data)."""
    if f.response_hours is None:
        response = NEUTRAL
    else:
        span = RESPONSE_CAP_HOURS - RESPONSE_FULL_HOURS
        response = 1 - min(max(f.response_hours - RESPONSE_FULL_HOURS, 0), span) / span
    return {
        "filing": 1.0 if f.filing_verified else 0.0,
        "years": min(f.years, FULL_YEARS) / FULL_YEARS if f.years is not None else 0.0,
        "on_time": f.on_time_rate if f.on_time_rate is not None else NEUTRAL,
        "customs": 1 - min(f.refusal_rate / REFUSAL_ZERO_AT, 1) if f.refusal_rate is not None else NEUTRAL,
        "response": response,
        "reviews": (f.review_average - 1) / 4 if f.review_average is not None else NEUTRAL,
    }


def grade_of(score: int) -> str:
    """The grade of a score."""
    return next(grade for grade, minimum in GRADES if score >= minimum)


def rate(f: Figures, override: CreditOverride | None = None) -> Rating:
    """The score (0–100, rounded) and grade of a seller's figures."""
    parts = components(f)
    score = round(100 * sum(WEIGHTS[name] * value for name, value in parts.items()))
    return Rating(score=score, computed_grade=grade_of(score), components=parts, override=override)


def rating_of(merchant: Merchant) -> tuple[Figures, Rating]:
    """Figures and rating of a seller, with the operator's override."""
    f = figures(merchant)
    return f, rate(f, db.session.get(CreditOverride, merchant.id))
