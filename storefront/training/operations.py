"""State changes of the policy and training centre: publish and edit policies and sessions, register and cancel
(seats taken by a conditional UPDATE, so a session is never overbooked), mark attendance, send reminders once.
Every function flushes and never commits; publishing, editing and attendance are audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from storefront.core import audit
from storefront.core.errors import CodedError
from storefront.core.locales import LANGS
from storefront.core.mail import render, send_after_commit
from storefront.core.uploads import CheckedUpload, storage_name
from storefront.core.urls import public_url
from storefront.extensions import db
from storefront.training.models import (
    POLICY_CATEGORIES,
    Policy,
    Registration,
    RegistrationStatus,
    TrainingSession,
)

#: Limits of what the operator types.
MAX_TITLE = 200
MAX_BODY = 20000
MAX_PLACE = 300
MAX_SEATS = 10000
MAX_MINUTES = 7 * 24 * 60
#: The reminder goes out this long before a session starts.
REMINDER_BEFORE = timedelta(hours=24)


class TrainingError(CodedError):
    """A registration or cancellation that cannot be made."""

    MESSAGES = {
        "full": _l("This session is full."),
        "closed": _l("Registration for this session has closed."),
        "twice": _l("You are already registered for this session."),
        "not_registered": _l("You are not registered for this session."),
        "started": _l("The session has already started."),
        "invalid": _l("The form has errors."),
    }


def now() -> datetime:
    """The current time, UTC."""
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """A datetime read back from SQLite (naive) as UTC-aware."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _texts(values: dict[str, str], limit: int) -> dict[str, str]:
    return {lang: (values.get(lang) or "").strip()[: limit + 1] for lang in LANGS if (values.get(lang) or "").strip()}


def _too_long(values: dict[str, str], limit: int) -> bool:
    return any(len(v) > limit for v in values.values())


# policies -------------------------------------------------------------------------------------------------


@dataclass
class PolicyData:
    """A policy as the operator types it."""

    titles: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    category: str = ""
    published_on: date | None = None


def check_policy(data: PolicyData, upload: CheckedUpload | None = None) -> dict[str, object]:
    """Field → message for every rule the policy breaks (an attachment must be a PDF)."""
    errors: dict[str, object] = {}
    titles, bodies = _texts(data.titles, MAX_TITLE), _texts(data.bodies, MAX_BODY)
    if not titles:
        errors["titles"] = _l("Give the title in at least one language.")
    elif _too_long(titles, MAX_TITLE):
        errors["titles"] = _l("A title is at most %(max)s characters.", max=MAX_TITLE)
    if _too_long(bodies, MAX_BODY):
        errors["bodies"] = _l("A text is at most %(max)s characters.", max=MAX_BODY)
    if data.category not in POLICY_CATEGORIES:
        errors["category"] = _l("Choose a category from the list.")
    if data.published_on is None:
        errors["published_on"] = _l("Enter the publication date.")
    if upload is not None and upload.kind.name != "pdf":
        errors["file"] = _l("Attach the policy as a PDF file.")
    return errors


def policies_dir() -> Path:
    """Where policy PDFs are stored (under DATA_DIR, never under static/)."""
    path = Path(current_app.config["DATA_DIR"]) / "policies"
    path.mkdir(parents=True, exist_ok=True)
    return path


def policy_file(policy: Policy) -> Path | None:
    """The stored PDF of a policy, if it has one."""
    return policies_dir() / policy.file_stored if policy.file_stored else None


def save_policy(policy: Policy | None, data: PolicyData, upload: CheckedUpload | None, actor) -> Policy:
    """Publish a new policy (``policy`` None) or edit one; a new upload replaces the PDF. Audited."""
    if check_policy(data, upload):
        raise TrainingError("invalid")
    before = None if policy is None else audit.snapshot(policy, "titles", "category", "published_on", "file_name")
    if policy is None:
        policy = Policy(created_by_id=getattr(actor, "id", None))
        db.session.add(policy)
    policy.titles, policy.bodies = _texts(data.titles, MAX_TITLE), _texts(data.bodies, MAX_BODY)
    policy.category, policy.published_on = data.category, data.published_on
    if upload is not None:
        old = policy_file(policy)
        policy.file_stored = storage_name(upload.kind)
        policy.file_name, policy.file_size, policy.file_sha256 = upload.original_name, upload.size, upload.sha256
        (policies_dir() / policy.file_stored).write_bytes(upload.data)
        if old is not None:
            old.unlink(missing_ok=True)
    db.session.flush()
    after = audit.snapshot(policy, "titles", "category", "published_on", "file_name")
    audit.record(actor, "policy.publish" if before is None else "policy.edit", policy, before, after)
    return policy


def delete_policy(policy: Policy, actor) -> None:
    """Withdraw a policy and its PDF. Audited."""
    audit.record(actor, "policy.delete", policy, audit.snapshot(policy, "titles", "category", "file_name"), None)
    path = policy_file(policy)
    db.session.delete(policy)
    db.session.flush()
    if path is not None:
        path.unlink(missing_ok=True)


def policies(category: str | None = None) -> list[Policy]:
    """Published policies, newest first (of one category when given)."""
    stmt = select(Policy).order_by(Policy.published_on.desc(), Policy.id.desc())
    if category:
        stmt = stmt.where(Policy.category == category)
    return list(db.session.scalars(stmt))


# sessions -------------------------------------------------------------------------------------------------


@dataclass
class SessionData:
    """A training session as the operator types it."""

    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    online_url: str = ""
    place: str = ""
    seats: int | None = None
    register_by: datetime | None = None


def check_session(data: SessionData, session: TrainingSession | None = None) -> dict[str, object]:
    """Field → message for every rule the session breaks."""
    errors: dict[str, object] = {}
    titles = _texts(data.titles, MAX_TITLE)
    if not titles:
        errors["titles"] = _l("Give the title in at least one language.")
    elif _too_long(titles, MAX_TITLE):
        errors["titles"] = _l("A title is at most %(max)s characters.", max=MAX_TITLE)
    if _too_long(_texts(data.descriptions, MAX_BODY), MAX_BODY):
        errors["descriptions"] = _l("A text is at most %(max)s characters.", max=MAX_BODY)
    if data.starts_at is None:
        errors["starts_at"] = _l("Enter when the session starts.")
    elif data.ends_at is None or data.ends_at <= data.starts_at:
        errors["ends_at"] = _l("The end must be after the start.")
    elif data.ends_at - data.starts_at > timedelta(minutes=MAX_MINUTES):
        errors["ends_at"] = _l("A session lasts at most a week.")
    url, place = data.online_url.strip(), data.place.strip()
    if not url and not place:
        errors["place"] = _l("Give the place or the online link.")
    if url and (not url.startswith("https://") or len(url) > MAX_PLACE or any(c.isspace() for c in url)):
        errors["online_url"] = _l("The online link must be an https:// address.")
    if len(place) > MAX_PLACE:
        errors["place"] = _l("The place is at most %(max)s characters.", max=MAX_PLACE)
    taken = session.seats_taken if session is not None else 0
    if data.seats is None or not max(1, taken) <= data.seats <= MAX_SEATS:
        errors["seats"] = _l("Enter a number of seats from %(min)s to %(max)s.", min=max(1, taken), max=MAX_SEATS)
    if data.register_by is None:
        errors["register_by"] = _l("Enter the registration deadline.")
    elif data.starts_at is not None and data.register_by > data.starts_at:
        errors["register_by"] = _l("Registration must close before the session starts.")
    return errors


_SESSION_FIELDS = ("titles", "starts_at", "duration_minutes", "online_url", "place", "seats", "register_by")


def save_session(session: TrainingSession | None, data: SessionData, actor) -> TrainingSession:
    """Publish a new session or edit one (seats never below those taken). Audited."""
    if check_session(data, session):
        raise TrainingError("invalid")
    before = None if session is None else audit.snapshot(session, *_SESSION_FIELDS)
    if session is None:
        session = TrainingSession(created_by_id=getattr(actor, "id", None), seats_taken=0)
        db.session.add(session)
    session.titles = _texts(data.titles, MAX_TITLE)
    session.descriptions = _texts(data.descriptions, MAX_BODY)
    session.starts_at, session.register_by = data.starts_at, data.register_by
    session.duration_minutes = int((data.ends_at - data.starts_at).total_seconds() // 60)
    session.online_url, session.place, session.seats = data.online_url.strip(), data.place.strip(), data.seats
    db.session.flush()
    after = audit.snapshot(session, *_SESSION_FIELDS)
    audit.record(actor, "training.publish" if before is None else "training.edit", session, before, after)
    return session


def upcoming(at: datetime | None = None) -> list[TrainingSession]:
    """Sessions that have not ended, soonest first."""
    at = at or now()
    rows = db.session.scalars(select(TrainingSession).order_by(TrainingSession.starts_at, TrainingSession.id))
    return [s for s in rows if aware(s.ends_at) > at]


def registration_of(session: TrainingSession, user) -> Registration | None:
    """The user's row for a session (registered or cancelled), if any."""
    stmt = select(Registration).where(Registration.session_id == session.id, Registration.user_id == user.id)
    return db.session.scalars(stmt).first()


def register(session: TrainingSession, user, side: str, at: datetime | None = None) -> Registration:
    """Take a seat for the user, or :class:`TrainingError` (closed, twice, full). The seat is taken by a
    conditional UPDATE (``seats_taken < seats``): concurrent registrations can never overbook. Queues the
    confirmation e-mail."""
    at = at or now()
    if at >= aware(session.register_by) or at >= aware(session.starts_at):
        raise TrainingError("closed")
    row = registration_of(session, user)
    if row is not None and row.status == RegistrationStatus.REGISTERED:
        raise TrainingError("twice")
    taken = db.session.execute(
        update(TrainingSession)
        .where(TrainingSession.id == session.id, TrainingSession.seats_taken < TrainingSession.seats)
        .values(seats_taken=TrainingSession.seats_taken + 1)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:
        raise TrainingError("full")
    db.session.expire(session, ["seats_taken"])
    if row is None:
        row = Registration(session_id=session.id, user_id=user.id, side=side)
        db.session.add(row)
    else:  # back after a cancellation: the same row, a fresh reminder
        row.side, row.cancelled_at, row.reminded_at, row.attended = side, None, None, None
    row.status, row.registered_at = RegistrationStatus.REGISTERED, at
    try:
        db.session.flush()
    except IntegrityError as exc:  # the same user's second request at the same moment: one row per user
        raise TrainingError("twice") from exc
    _mail(row, "training_registered", _confirmation_subject)
    return row


def cancel(registration: Registration, at: datetime | None = None) -> None:
    """Give the seat back (before the session starts)."""
    at = at or now()
    if at >= aware(registration.session.starts_at):
        raise TrainingError("started")
    done = db.session.execute(
        update(Registration)
        .where(Registration.id == registration.id, Registration.status == RegistrationStatus.REGISTERED)
        .values(status=RegistrationStatus.CANCELLED, cancelled_at=at)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:
        raise TrainingError("not_registered")
    db.session.execute(
        update(TrainingSession)
        .where(TrainingSession.id == registration.session_id, TrainingSession.seats_taken > 0)
        .values(seats_taken=TrainingSession.seats_taken - 1)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(registration)
    db.session.expire(registration.session, ["seats_taken"])


def registrations(session: TrainingSession) -> list[Registration]:
    """A session's current registrations, in the order they came."""
    stmt = (
        select(Registration)
        .where(Registration.session_id == session.id, Registration.status == RegistrationStatus.REGISTERED)
        .order_by(Registration.registered_at, Registration.id)
    )
    return list(db.session.scalars(stmt))


def mark_attendance(session: TrainingSession, attended_ids: set[int], actor) -> int:
    """Record who came: registrations in ``attended_ids`` attended, the others did not. Audited; returns the
    number marked present."""
    rows = registrations(session)
    before = {r.id: r.attended for r in rows}
    for row in rows:
        row.attended = row.id in attended_ids
    db.session.flush()
    audit.record(
        actor, "training.attendance", session, {"attended": before}, {"attended": {r.id: r.attended for r in rows}}
    )
    return sum(1 for r in rows if r.attended)


# e-mail ---------------------------------------------------------------------------------------------------


def _confirmation_subject(title: str, **_ctx) -> str:
    return _("You are registered: %(title)s", title=title)


def _reminder_subject(title: str, **_ctx) -> str:
    return _("Tomorrow: %(title)s", title=title)


def _mail(row: Registration, template: str, subject) -> None:
    user = row.user
    if not user.email:
        return
    lang = user.locale if user.locale in LANGS else "zh"
    link = public_url("training.index", lang=lang)
    title = str(row.session.title(lang))
    mail = render(template, lang, user.email, subject, session=row.session, user=user, title=title, link=link)
    send_after_commit(db.session(), mail)


def remind_due(at: datetime | None = None) -> int:
    """Queue the reminder of every registration whose session starts within the next 24 hours and has none yet;
    each reminder is claimed by a conditional UPDATE of ``reminded_at``, so running twice (or two workers)
    sends one per registration. Returns the number queued."""
    at = at or now()
    stmt = (
        select(Registration)
        .join(Registration.session)
        .where(
            Registration.status == RegistrationStatus.REGISTERED,
            Registration.reminded_at.is_(None),
            TrainingSession.starts_at > at,
            TrainingSession.starts_at <= at + REMINDER_BEFORE,
        )
        .order_by(Registration.id)
    )
    sent = 0
    for row in list(db.session.scalars(stmt)):
        claimed = db.session.execute(
            update(Registration)
            .where(Registration.id == row.id, Registration.reminded_at.is_(None))
            .values(reminded_at=at)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount == 1:
            _mail(row, "training_reminder", _reminder_subject)
            sent += 1
    return sent
