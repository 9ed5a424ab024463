"""Outgoing e-mail: render in the recipient's language, store in the mail outbox, deliver outside the request.

Callers build a :class:`Mail` with :func:`render` (in the request: templates, the recipient's language) and hand
it to :func:`send_after_commit`, which adds a row to ``mail_outbox`` in the caller's transaction: a rolled-back
transaction sends nothing, a committed one cannot lose its mail. Delivery (``MAIL_DELIVERY``):

- ``worker`` (default): ``flask --app wsgi mail run`` (started by ``tasks.py run`` / ``serve``) claims due rows,
  sends them and retries failures with exponential backoff (``MAIL_RETRY_BASE_SECONDS`` … ``MAIL_RETRY_MAX_SECONDS``)
  up to ``MAIL_MAX_ATTEMPTS``, then marks them dead (``flask mail status`` / ``flask mail retry``). An SMTP server
  that is slow or down never slows a page.
- ``after_commit`` (tests, single-process tools): the same delivery function runs right after the commit, in the
  committing process; a failure leaves the row queued for the worker.

Backends (``MAIL_BACKEND``): ``smtp`` (``SMTP_*`` settings) or ``file`` (development default: each message is
written as an ``.eml`` file under ``DATA_DIR/mail``).
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from jinja2 import TemplateNotFound
from sqlalchemy import DateTime, Integer, String, Text, event, func, inspect, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from storefront.core.retry import backoff
from storefront.extensions import db

log = logging.getLogger(__name__)
_QUEUE_KEY = "kj_mail_queue"


@dataclass(frozen=True)
class Mail:
    """A rendered message ready to send."""

    to: str
    subject: str
    text: str
    html: str | None = None
    lang: str = "en"
    reply_to: str | None = None


def render(template: str, lang: str, to: str, subject_func, **context) -> Mail:
    """Render ``mail/<template>.txt`` (and ``.html`` when present) and the subject in ``lang``."""
    with force_locale(lang):
        subject = str(subject_func(**context))
        text = render_template(f"mail/{template}.txt", lang=lang, **context)
        try:
            html = render_template(f"mail/{template}.html", lang=lang, **context)
        except TemplateNotFound:  # the HTML part is optional
            html = None
    return Mail(to=to, subject=subject, text=text, html=html, lang=lang)


def build_message(mail: Mail) -> EmailMessage:
    """The MIME message for a :class:`Mail` (text, plus HTML alternative)."""
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_FROM"]
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain="kuajing.example")
    if mail.reply_to:
        msg["Reply-To"] = mail.reply_to
    msg.set_content(mail.text)
    if mail.html:
        msg.add_alternative(mail.html, subtype="html")
    msg["Content-Language"] = mail.lang  # after the body: set_content clears Content-* headers
    return msg


def send_now(mail: Mail) -> None:
    """Deliver one message with the configured backend."""
    config = current_app.config
    message = build_message(mail)
    backend = config.get("MAIL_BACKEND", "file")
    if backend == "file":
        folder = Path(config["DATA_DIR"]) / "mail"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")  # microseconds: files sort in the order written
        target = folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(bytes(message))
        tmp.replace(target)
        return
    if backend != "smtp":
        raise ValueError(f"unknown MAIL_BACKEND {backend!r}")
    timeout = config["SMTP_TIMEOUT"]
    if config["SMTP_SSL"]:
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            config["SMTP_HOST"], config["SMTP_PORT"], timeout=timeout, context=ssl.create_default_context()
        )
    else:
        client = smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=timeout)
    with client:
        if not config["SMTP_SSL"] and config["SMTP_STARTTLS"]:
            client.starttls(context=ssl.create_default_context())
        if config["SMTP_USER"]:
            client.login(config["SMTP_USER"], config["SMTP_PASSWORD"])
        client.send_message(message)


class OutgoingMail(db.Model):
    """One e-mail in the outbox: rendered, waiting to be delivered (or delivered, or given up)."""

    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    to: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    #: The recipient's language the message was rendered in (also its Content-Language).
    lang: Mapped[str] = mapped_column(String(8))
    reply_to: Mapped[str | None] = mapped_column(String(254))
    #: ``queued`` (waiting or retrying), ``sent`` or ``dead`` (gave up after MAIL_MAX_ATTEMPTS).
    status: Mapped[str] = mapped_column(String(10), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: Not before this time; while a worker sends, it is also the end of that worker's lease.
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    def as_mail(self) -> Mail:
        return Mail(
            to=self.to, subject=self.subject, text=self.text, html=self.html, lang=self.lang, reply_to=self.reply_to
        )


#: Seconds a worker holds a claimed message before another worker may try it (a worker died mid-send).
LEASE_SECONDS = 300


def send_after_commit(session: Session, mail: Mail) -> None:
    """Put a message in the outbox in this transaction; it is delivered after the commit, never on rollback."""
    row = OutgoingMail(
        to=mail.to,
        subject=mail.subject[:300],
        text=mail.text,
        html=mail.html,
        lang=mail.lang,
        reply_to=mail.reply_to,
        status="queued",
        attempts=0,
        next_attempt_at=datetime.now(UTC),
    )
    session.add(row)
    if current_app.config.get("MAIL_DELIVERY", "worker") == "after_commit":
        session.info.setdefault(_QUEUE_KEY, []).append((current_app._get_current_object(), row))


def _claim(mail_id: int, now: datetime) -> OutgoingMail | None:
    """Take one due message for this worker (a conditional UPDATE: of several workers exactly one wins)."""
    claimed = db.session.execute(
        update(OutgoingMail)
        .where(OutgoingMail.id == mail_id, OutgoingMail.status == "queued", OutgoingMail.next_attempt_at <= now)
        .values(attempts=OutgoingMail.attempts + 1, next_attempt_at=now + timedelta(seconds=LEASE_SECONDS))
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if claimed.rowcount != 1:
        return None
    return db.session.get(OutgoingMail, mail_id, populate_existing=True)


def deliver(mail_id: int, now: datetime | None = None) -> bool | None:
    """Send one queued message if it is due and nobody else holds it; record the outcome (commits).
    Returns True when sent, False when it failed (retry scheduled or dead), None when not taken."""
    config = current_app.config
    now = now or datetime.now(UTC)
    row = _claim(mail_id, now)
    if row is None:
        return None
    try:
        send_now(row.as_mail())
    except Exception as exc:  # noqa: BLE001 - any failure of the mail server is retried, never raised to a page
        log.warning("mail %s to %s failed (attempt %s): %s", row.id, row.to, row.attempts, exc)
        row.last_error = f"{type(exc).__name__}: {exc}"[:500]
        if row.attempts >= int(config.get("MAIL_MAX_ATTEMPTS", 8)):
            row.status = "dead"
        else:
            base, cap = (
                float(config.get("MAIL_RETRY_BASE_SECONDS", 60)),
                float(config.get("MAIL_RETRY_MAX_SECONDS", 3600)),
            )
            row.next_attempt_at = now + backoff(row.attempts, base, cap)
        db.session.commit()
        return False
    row.status, row.sent_at, row.last_error = "sent", now, None
    db.session.commit()
    return True


def deliver_due(limit: int = 100, now: datetime | None = None) -> tuple[int, int]:
    """One worker pass: deliver up to ``limit`` due messages (oldest first, expired leases included).
    Returns (sent, failed)."""
    now = now or datetime.now(UTC)
    ids = db.session.scalars(
        select(OutgoingMail.id)
        .where(OutgoingMail.status == "queued", OutgoingMail.next_attempt_at <= now)
        .order_by(OutgoingMail.next_attempt_at, OutgoingMail.id)
        .limit(limit)
    ).all()
    db.session.commit()  # end the read transaction before the claims
    sent = failed = 0
    for mail_id in ids:
        outcome = deliver(mail_id, now)
        sent += outcome is True
        failed += outcome is False
    return sent, failed


def counts() -> dict[str, int]:
    """Messages per status, plus how many queued ones are overdue (for ``flask mail status`` and the doctor)."""
    rows = dict(db.session.execute(select(OutgoingMail.status, func.count()).group_by(OutgoingMail.status)).all())
    result = {status: int(rows.get(status, 0)) for status in ("queued", "sent", "dead")}
    overdue = datetime.now(UTC) - timedelta(minutes=15)
    result["overdue"] = int(
        db.session.scalar(
            select(func.count()).where(OutgoingMail.status == "queued", OutgoingMail.created_at <= overdue)
        )
        or 0
    )
    return result


def retry_dead(ids: list[int] | None = None) -> int:
    """Queue dead messages again (all, or these ids); returns how many (flush only)."""
    stmt = update(OutgoingMail).where(OutgoingMail.status == "dead")
    if ids:
        stmt = stmt.where(OutgoingMail.id.in_(ids))
    result = db.session.execute(
        stmt.values(status="queued", attempts=0, next_attempt_at=datetime.now(UTC), last_error=None)
    )
    return result.rowcount or 0


@event.listens_for(Session, "after_commit")
def _flush_queue(session: Session) -> None:
    """``MAIL_DELIVERY=after_commit``: deliver what this transaction queued, right away, in a fresh session."""
    if session.get_nested_transaction() is not None:
        return  # a SAVEPOINT was released: nothing is committed (and the write lock is held) until the outer one is
    queue = session.info.pop(_QUEUE_KEY, None)
    for app, row in queue or ():
        identity = inspect(row).identity  # no SQL: the key survives the commit's expiry
        if not identity:
            continue
        try:
            with app.app_context():
                deliver(identity[0])
        except Exception:  # noqa: BLE001 - the row stays queued for the worker
            log.exception("delivering mail %s after commit failed", identity[0])


@event.listens_for(Session, "after_soft_rollback")
def _drop_queue(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:
        session.info.pop(_QUEUE_KEY, None)
