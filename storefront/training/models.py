"""Policy documents, training sessions and registrations."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.core import labels
from storefront.core.content import Localized, pick
from storefront.extensions import db

#: Policy categories, the one place for their keys and labels.
POLICY_CATEGORIES: dict[str, object] = {
    "tax-rebate": _l("Export tax rebates"),
    "ecommerce-modes": _l("Cross-border e-commerce modes (9610/9710/9810)"),
    "customs": _l("Customs and inspection"),
    "finance": _l("Foreign exchange and finance"),
    "support": _l("Subsidies and support"),
}
labels.register("policy_category", POLICY_CATEGORIES)
labels.register(
    "audit_action",
    {
        "policy.publish": _l("Policy published"),
        "policy.edit": _l("Policy edited"),
        "policy.delete": _l("Policy withdrawn"),
        "training.publish": _l("Training session published"),
        "training.edit": _l("Training session edited"),
        "training.attendance": _l("Training attendance marked"),
    },
)
labels.register(
    "audit_target", {"training_policies": _l("Policy document"), "training_sessions": _l("Training session")}
)


class Policy(db.Model):
    """A policy document published by the operator, with an optional PDF."""

    __tablename__ = "training_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Title and body per language ({"zh": "…", "ru": "…"}), shown with fallback.
    titles: Mapped[dict] = mapped_column(JSON, default=dict)
    bodies: Mapped[dict] = mapped_column(JSON, default=dict)
    #: A key of POLICY_CATEGORIES.
    category: Mapped[str] = mapped_column(String(20), index=True)
    #: The date the policy was published (by the government body, as printed on it).
    published_on: Mapped[date] = mapped_column(Date, index=True)
    #: The attached PDF: random name under DATA_DIR/policies, the uploader's file name, size and hash.
    file_stored: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(200), default="")
    file_size: Mapped[int] = mapped_column(Integer, default=0)
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    def title(self, lang: str) -> Localized:
        """The title in the language, with fallback."""
        return pick(self.titles, lang)

    def body(self, lang: str) -> Localized:
        """The text in the language, with fallback."""
        return pick(self.bodies, lang)


class TrainingSession(db.Model):
    """A training session: when, where (a place or an online link), how many seats, until when to register."""

    __tablename__ = "training_sessions"
    __table_args__ = (
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        CheckConstraint("seats > 0", name="seats_positive"),
        CheckConstraint("seats_taken >= 0 AND seats_taken <= seats", name="seats_within"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    titles: Mapped[dict] = mapped_column(JSON, default=dict)
    descriptions: Mapped[dict] = mapped_column(JSON, default=dict)
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    #: Where: an https link for an online session, and/or a place (address, room).
    online_url: Mapped[str] = mapped_column(String(300), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    seats: Mapped[int] = mapped_column(Integer)
    #: Seats held by current registrations, changed only by conditional UPDATEs (never above ``seats``).
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    #: Registration closes at this moment.
    register_by: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    def title(self, lang: str) -> Localized:
        """The title in the language, with fallback."""
        return pick(self.titles, lang)

    def description(self, lang: str) -> Localized:
        """The description in the language, with fallback."""
        return pick(self.descriptions, lang)

    @property
    def ends_at(self) -> datetime:
        """When the session ends."""
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def seats_left(self) -> int:
        """Seats still free."""
        return max(0, self.seats - self.seats_taken)


class RegistrationStatus:
    """States of a registration."""

    REGISTERED = "registered"
    CANCELLED = "cancelled"


class Registration(db.Model):
    """One person's place in a session (one row per session and user; cancelling keeps the row)."""

    __tablename__ = "training_registrations"
    __table_args__ = (
        UniqueConstraint("session_id", "user_id"),
        CheckConstraint("status IN ('registered', 'cancelled')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_sessions.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: "merchant" or "provider": which kind of company the person registered for.
    side: Mapped[str] = mapped_column(String(10))
    #: A RegistrationStatus value.
    status: Mapped[str] = mapped_column(String(10), default=RegistrationStatus.REGISTERED)
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Set once, by a conditional UPDATE, when the reminder e-mail is queued.
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Marked by the operator after the session (None: not marked yet).
    attended: Mapped[bool | None] = mapped_column(Boolean)

    session: Mapped[TrainingSession] = relationship(lazy="joined", innerjoin=True)
    user = relationship("User", lazy="joined")
