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
    b = make.product(
        price_fen=250000, texts={"ru": {"name": "Магниевый анод"}, "en": {"name": "Magnesium anode"}}
    )
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
