"""Outgoing e-mail: render in the recipient's language, send after the database commit.

Backends (``MAIL_BACKEND``): ``smtp`` (``SMTP_*`` settings) or ``file`` (development default: each message is
written as an ``.eml`` file under ``DATA_DIR/mail``). Callers build a :class:`Mail` with :func:`render`
and hand it to :func:`send_after_commit`, so a rolled-back transaction never sends anything.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from jinja2 import TemplateNotFound
from sqlalchemy import event
from sqlalchemy.orm import Session

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
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
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


def send_after_commit(session: Session, mail: Mail) -> None:
    """Queue a message on the session; it is sent when the transaction commits, dropped on rollback."""
    session.info.setdefault(_QUEUE_KEY, []).append((current_app._get_current_object(), mail))


@event.listens_for(Session, "after_commit")
def _flush_queue(session: Session) -> None:
    queue = session.info.pop(_QUEUE_KEY, None)
    for app, mail in queue or ():
        try:
            with app.app_context():
                send_now(mail)
        except Exception:  # noqa: BLE001 - a mail failure must not undo a committed order
            log.exception("sending mail %r to %s failed", mail.subject, mail.to)


@event.listens_for(Session, "after_soft_rollback")
def _drop_queue(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:
        session.info.pop(_QUEUE_KEY, None)
