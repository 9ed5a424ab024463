"""E-mail: the paid-order confirmation in the buyer's language (written as .eml in development), sent only
after the commit; T/T instructions; the SMTP backend."""

import email
from email import policy
from pathlib import Path

from flask_babel import force_locale, gettext

from storefront.core import mail as mailer
from storefront.extensions import db
from storefront.ordering import operations as ops


def _mails(app) -> list:
    folder = Path(app.config["DATA_DIR"]) / "mail"
    files = sorted(folder.glob("*.eml")) if folder.exists() else []
    return [email.message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]


def _clear(app):
    folder = Path(app.config["DATA_DIR"]) / "mail"
    for f in folder.glob("*.eml") if folder.exists() else ():
        f.unlink()


def _russian_order(make):
    make.rates()
    a = make.product(price_fen=10000, texts={"ru": {"name": "Купальник «Волна»"}, "en": {"name": "Swimsuit"}})
    b = make.product(price_fen=250000, texts={"ru": {"name": "Магниевый анод"}, "en": {"name": "Magnesium anode"}})
    return make.order([(a, 3), (b, 1)], currency="EUR", lang="ru", email="ivan@example.ru")


def test_confirmation_in_the_buyers_language_after_commit(app, make):
    _clear(app)
    order = _russian_order(make)
    db.session.commit()
    ops.mark_paid(order, payment_ref="pi_mail", cause="payment_succeeded", actor="stripe")
    assert _mails(app) == []  # nothing leaves before the commit
    db.session.commit()
    [message] = _mails(app)
    with force_locale("ru"):
        expected_subject = gettext("Order %(number)s is paid — thank you", number=order.number)
    assert message["Subject"] == expected_subject
    assert message["To"] == "ivan@example.ru" and message["Content-Language"] == "ru"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert order.number in text and order.number in html
    assert order.total.format("ru") in text  # Russian number format, e.g. «1 234,56 €»
    assert "," in order.total.format("ru") and "€" in order.total.format("ru")
    assert "Купальник «Волна»" in text and "Магниевый анод" in text
    for sub in order.sub_orders:
        assert sub.number in text
    assert f"/ru/orders/{order.number}?t=" in text
    assert '<html lang="ru">' in html and "&lt;" not in order.number


def test_no_mail_when_the_transaction_rolls_back(app, make):
    _clear(app)
    order = _russian_order(make)
    db.session.commit()
    ops.mark_paid(order, payment_ref="pi_gone", cause="payment_succeeded", actor="stripe")
    db.session.rollback()
    db.session.commit()
    assert _mails(app) == []


def test_a_released_savepoint_delivers_nothing_before_the_outer_commit(app, ctx):
    """Releasing a SAVEPOINT is not the commit: delivering then sent mail for a transaction that could still roll
    back, and on SQLite waited out the busy timeout (15 s) for the write lock the outer transaction held."""
    _clear(app)
    mailer.send_after_commit(db.session, mailer.Mail(to="a@example.com", subject="Kept", text="Body", lang="en"))
    with db.session.begin_nested():
        pass
    assert _mails(app) == []  # still inside the outer transaction
    db.session.rollback()
    db.session.commit()
    assert _mails(app) == [] and db.session.scalar(db.select(mailer.OutgoingMail)) is None
    mailer.send_after_commit(db.session, mailer.Mail(to="b@example.com", subject="Sent", text="Body", lang="en"))
    with db.session.begin_nested():
        pass
    db.session.commit()
    [message] = _mails(app)
    assert message["Subject"] == "Sent"


def test_bank_transfer_instructions(client, make, app):
    from tests.test_checkout import ADDRESS, _fill_cart, _two_merchants

    _clear(app)
    a, _b = _two_merchants(make)
    _fill_cart(client, [(a, 100)], lang="ko")
    client.post("/ko/checkout", data=dict(ADDRESS, action="place", pay_method="transfer", currency="KRW"))
    [message] = _mails(app)
    assert message["Content-Language"] == "ko"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "BKCHCNBJ810" in body and "₩" in body


def test_smtp_backend(app, monkeypatch):
    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout):
            sent.append(("connect", host, port))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def starttls(self, context):
            sent.append(("starttls",))

        def login(self, user, password):
            sent.append(("login", user))

        def send_message(self, message):
            sent.append(("send", message["To"], message["Subject"]))

    monkeypatch.setattr(mailer.smtplib, "SMTP", FakeSMTP)
    settings = {
        "MAIL_BACKEND": "smtp",
        "SMTP_HOST": "smtp.example.com",
        "SMTP_PORT": 587,
        "SMTP_USER": "kj",
        "SMTP_PASSWORD": "pw",
        "SMTP_STARTTLS": True,
        "SMTP_SSL": False,
    }
    saved = {k: app.config.get(k) for k in settings}
    app.config.update(settings)
    try:
        with app.app_context():
            mailer.send_now(mailer.Mail(to="a@example.com", subject="Hi", text="Hello"))
    finally:
        app.config.update(saved)
    assert sent == [
        ("connect", "smtp.example.com", 587),
        ("starttls",),
        ("login", "kj"),
        ("send", "a@example.com", "Hi"),
    ]


# --- the mail outbox: delivered by the worker, outside the request, with retries -------------------------------


def _worker_mode(app, monkeypatch, **extra):
    for key, value in {"MAIL_DELIVERY": "worker", **extra}.items():
        monkeypatch.setitem(app.config, key, value)


def _queue(app, to="buyer@example.com", subject="Hello") -> int:
    mailer.send_after_commit(db.session, mailer.Mail(to=to, subject=subject, text="Body", lang="ko"))
    db.session.commit()
    return db.session.scalar(db.select(mailer.OutgoingMail.id).order_by(mailer.OutgoingMail.id.desc()))


def test_worker_mode_stores_the_mail_and_the_worker_sends_it(app, client, make, monkeypatch):
    from tests.test_checkout import ADDRESS, _fill_cart, _two_merchants

    _clear(app)
    _worker_mode(app, monkeypatch)
    a, _b = _two_merchants(make)
    _fill_cart(client, [(a, 100)], lang="ko")
    client.post("/ko/checkout", data=dict(ADDRESS, action="place", pay_method="transfer", currency="KRW"))
    assert _mails(app) == []  # the page did not talk to the mail server
    row = db.session.scalar(db.select(mailer.OutgoingMail))
    assert row.status == "queued" and row.lang == "ko" and "BKCHCNBJ810" in row.text
    assert mailer.deliver_due() == (1, 0)
    [message] = _mails(app)
    assert message["Content-Language"] == "ko" and "BKCHCNBJ810" in message.get_body(("plain",)).get_content()
    db.session.expire_all()
    assert row.status == "sent" and row.attempts == 1 and row.sent_at is not None
    assert mailer.deliver_due() == (0, 0)  # sent once, never again


def test_a_failing_mail_server_is_retried_with_backoff_then_given_up(app, ctx, monkeypatch):
    from datetime import UTC, datetime, timedelta

    _worker_mode(app, monkeypatch, MAIL_MAX_ATTEMPTS=3, MAIL_RETRY_BASE_SECONDS=60, MAIL_RETRY_MAX_SECONDS=3600)
    calls = []

    def down(mail):
        calls.append(mail.to)
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(mailer, "send_now", down)
    mail_id = _queue(app)
    start = datetime.now(UTC)
    assert mailer.deliver_due(now=start) == (0, 1)
    row = db.session.get(mailer.OutgoingMail, mail_id)
    assert row.status == "queued" and row.attempts == 1 and "smtp down" in row.last_error
    assert mailer.deliver_due(now=start + timedelta(seconds=30)) == (0, 0)  # not due before the backoff
    assert mailer.deliver_due(now=start + timedelta(seconds=61)) == (0, 1)  # 2nd attempt after 60 s
    assert mailer.deliver_due(now=start + timedelta(seconds=61 + 119)) == (0, 0)  # then 120 s
    assert mailer.deliver_due(now=start + timedelta(seconds=61 + 121)) == (0, 1)
    db.session.expire_all()
    row = db.session.get(mailer.OutgoingMail, mail_id)
    assert row.status == "dead" and row.attempts == 3 and calls == ["buyer@example.com"] * 3
    assert mailer.counts()["dead"] == 1
    monkeypatch.undo()  # the server is back
    _worker_mode(app, monkeypatch)
    assert mailer.retry_dead() == 1
    db.session.commit()
    assert mailer.deliver_due() == (1, 0)


def test_only_one_worker_takes_a_message(app, ctx, monkeypatch):
    from datetime import UTC, datetime

    _worker_mode(app, monkeypatch)
    mail_id = _queue(app)
    now = datetime.now(UTC)
    assert mailer._claim(mail_id, now) is not None
    assert mailer._claim(mail_id, now) is None  # leased by the first worker
    assert mailer.deliver(mail_id, now) is None


def test_a_worker_that_died_mid_send_is_replaced_after_its_lease(app, ctx, monkeypatch):
    from datetime import UTC, datetime, timedelta

    _clear(app)
    _worker_mode(app, monkeypatch)
    mail_id = _queue(app)
    now = datetime.now(UTC)
    assert mailer._claim(mail_id, now) is not None  # this worker dies here
    assert mailer.deliver_due(now=now + timedelta(seconds=10)) == (0, 0)
    assert mailer.deliver_due(now=now + timedelta(seconds=mailer.LEASE_SECONDS + 1)) == (1, 0)
    assert len(_mails(app)) == 1


def test_mail_cli_run_once_and_status(app, ctx, monkeypatch):
    _clear(app)
    _worker_mode(app, monkeypatch)
    _queue(app)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["mail", "run", "--once"])
    assert result.exit_code == 0 and "1 sent" in result.output
    assert len(_mails(app)) == 1
    status = runner.invoke(args=["mail", "status"])
    assert status.exit_code == 0 and "sent 1" in status.output and "dead 0" in status.output
