"""The conversation component: contact the seller from a product or an order, replies, unread counts, mails in
the recipient's language, attachments checked like other uploads, and who may read a conversation."""

from __future__ import annotations

import email
import io
from email import policy
from pathlib import Path

import pytest
from flask.testing import FlaskClient as Client
from sqlalchemy import func, select

from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.messaging import queries
from storefront.messaging.models import Conversation, Message, MessageFile
from storefront.messaging.operations import MessageError, contact_about_product, post
from tests.backoffice_helpers import PDF, image_bytes


def as_user(app, user) -> Client:
    """A fresh client signed in as ``user``."""
    client = Client(app, app.response_class, use_cookies=True)
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    return client


def _mails(app) -> list:
    folder = Path(app.config["DATA_DIR"]) / "mail"
    files = sorted(folder.glob("*.eml")) if folder.exists() else []
    return [email.message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]


def _counts() -> tuple[int, int, int]:
    return tuple(
        db.session.scalar(select(func.count()).select_from(model)) for model in (Conversation, Message, MessageFile)
    )


@pytest.fixture
def shop(make):
    """A merchant (owner reads Chinese) with a product, and a buyer who reads Russian."""
    merchant = make.merchant(names={"zh": "兴城泳装厂", "en": "Xingcheng Swimwear", "ru": "Синчэн"})
    merchant.owner.locale = "zh"
    product = make.product(merchant, texts={"ru": {"name": "Купальник"}, "en": {"name": "Swimsuit"}})
    buyer = make.user(Role.BUYER.value, locale="ru", name="Ирина")
    db.session.commit()
    return merchant, product, buyer


def test_buyer_contacts_seller_in_ru_merchant_reads_and_replies(app, shop):
    merchant, product, buyer = shop
    b = as_user(app, buyer)
    form = b.get(f"/ru/messages/product/{product.id}")
    assert form.status_code == 200 and "Купальник" in form.get_data(as_text=True)
    sent = b.post(
        f"/ru/messages/product/{product.id}",
        data={"body": "Есть ли размер XL?", "files": [(io.BytesIO(image_bytes("PNG")), "фото.png")]},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 302
    [conversation] = db.session.scalars(select(Conversation)).all()
    assert sent.headers["Location"].endswith(f"/ru/messages/{conversation.id}")
    [message] = queries.messages_of(conversation)
    assert (message.party, message.lang, message.body) == ("buyer", "ru", "Есть ли размер XL?")
    assert len(message.files) == 1 and message.files[0].content_type == "image/png"

    # the merchant is mailed in Chinese (their account's language), with a link in Chinese
    [mail] = _mails(app)
    assert mail["To"] == merchant.owner.email and mail["Content-Language"] == "zh"
    assert "新消息" in mail["Subject"]
    body = mail.get_content()
    assert "Есть ли размер XL?" in body and f"/zh/messages/{conversation.id}" in body

    m = as_user(app, merchant.owner)
    header = m.get("/zh/messages/").get_data(as_text=True)
    assert 'class="unread-count"' in header and f'data-conversation="{conversation.id}"' in header
    thread = m.get(f"/zh/messages/{conversation.id}").get_data(as_text=True)
    assert "Есть ли размер XL?" in thread and "фото.png" in thread
    assert 'data-lang="ru"' in thread  # the reader is told which language the buyer wrote in
    assert queries.unread_count(merchant.owner) == 0  # opening the thread marks it read
    download = m.get(f"/zh/messages/{conversation.id}/files/{message.files[0].id}")
    assert download.status_code == 200 and download.headers["Content-Disposition"].startswith("attachment")
    download.close()

    assert m.post(f"/zh/messages/{conversation.id}", data={"body": "有的，XL有货。"}).status_code == 302
    assert queries.unread_count(buyer) == 1
    home = b.get("/ru/").get_data(as_text=True)
    assert '<span class="unread-count"' in home
    mails = _mails(app)
    assert len(mails) == 2 and mails[-1]["To"] == buyer.email and mails[-1]["Content-Language"] == "ru"
    assert "Новое сообщение" in mails[-1]["Subject"]
    b.get(f"/ru/messages/{conversation.id}")
    assert queries.unread_count(buyer) == 0
    # a second visit to "contact the seller" opens the same thread instead of a new one
    again = b.get(f"/ru/messages/product/{product.id}")
    assert again.status_code == 302 and again.headers["Location"].endswith(f"/ru/messages/{conversation.id}")


def test_product_and_order_pages_link_to_the_seller(app, make, shop):
    merchant, product, buyer = shop
    order = make.order([(product, 1)], currency="EUR", email=buyer.email, user_=buyer)
    db.session.commit()
    page = app.test_client().get(f"/ru/p/{product.id}").get_data(as_text=True)
    assert f"/ru/messages/product/{product.id}" in page
    b = as_user(app, buyer)
    sub = order.sub_orders[0]
    order_page = b.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    assert f"/ru/messages/order/{sub.id}" in order_page
    assert b.post(f"/ru/messages/order/{sub.id}", data={"body": "Когда отправка?"}).status_code == 302
    conversation = queries.by_key(f"sub_order:{sub.id}")
    assert {p.party for p in conversation.participants} == {"buyer", "merchant"}
    stranger = as_user(app, make.user(Role.BUYER.value))
    db.session.commit()
    assert stranger.get(f"/ru/messages/order/{sub.id}").status_code == 404
    assert stranger.post(f"/ru/messages/order/{sub.id}", data={"body": "x"}).status_code == 404


@pytest.mark.parametrize("who", ["buyer", "merchant", "provider"])
def test_strangers_get_404_and_operators_may_read(app, make, shop, who):
    merchant, product, buyer = shop
    conversation = contact_about_product(buyer, product, "Привет", [])
    message = queries.messages_of(conversation)[0]
    db.session.commit()
    other = {
        "buyer": lambda: make.user(Role.BUYER.value),
        "merchant": lambda: make.merchant().owner,
        "provider": lambda: make.service_provider().owner,
    }[who]()
    db.session.commit()
    before = _counts()
    client = as_user(app, other)
    assert client.get(f"/en/messages/{conversation.id}").status_code == 404
    assert client.post(f"/en/messages/{conversation.id}", data={"body": "intrusion"}).status_code == 404
    assert client.get(f"/en/messages/{conversation.id}/files/1").status_code == 404
    assert f"/en/messages/{conversation.id}" not in client.get("/en/messages/").get_data(as_text=True)
    assert _counts() == before
    operator = as_user(app, make.user(Role.OPERATOR.value))
    db.session.commit()
    assert "Привет" in operator.get(f"/en/messages/{conversation.id}").get_data(as_text=True)
    assert message.party == "buyer"


def test_html_is_stored_as_text_and_rendered_escaped(app, shop):
    merchant, product, buyer = shop
    attack = "<script>alert(1)</script><img src=x onerror=alert(2)> <b>bold</b>"
    conversation = contact_about_product(buyer, product, attack, [])
    db.session.commit()
    page = as_user(app, merchant.owner).get(f"/zh/messages/{conversation.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert queries.messages_of(conversation)[0].body == attack  # kept as written, shown as text


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00", "photo.png"),  # a program named as a picture
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "broken.png"),  # PNG magic, not an image
        (b"<html><script>alert(1)</script></html>", "page.html"),
    ],
)
def test_fake_files_are_refused_and_nothing_is_stored(app, shop, data, name):
    merchant, product, buyer = shop
    response = as_user(app, buyer).post(
        f"/ru/messages/product/{product.id}",
        data={"body": "см. файл", "files": [(io.BytesIO(data), name)]},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    assert _counts() == (0, 0, 0) and not _mails(app)


def test_oversized_files_empty_and_long_messages_are_refused(app, shop):
    merchant, product, buyer = shop
    app.config["MESSAGE_FILE_MAX_BYTES"] = 1000
    try:
        response = as_user(app, buyer).post(
            f"/en/messages/product/{product.id}",
            data={"body": "big", "files": [(io.BytesIO(PDF + b"%" * 2000 + b"\n%%EOF\n"), "big.pdf")]},
            content_type="multipart/form-data",
        )
    finally:
        app.config["MESSAGE_FILE_MAX_BYTES"] = 8 * 1024 * 1024
    assert "too large" in response.get_data(as_text=True)
    for body in ("   ", "x" * 5001):
        with pytest.raises(MessageError) as refused:
            contact_about_product(buyer, product, body, [])
        assert refused.value.code in {"empty", "long"}
        db.session.rollback()
    assert _counts() == (0, 0, 0)


def test_enquiries_to_unknown_sellers_are_bounded_per_day(app, make, shop):
    merchant, product, buyer = shop
    app.config["MESSAGE_NEW_PER_DAY"] = 2
    try:
        for _ in range(2):
            contact_about_product(buyer, make.product(make.merchant()), "Здравствуйте", [])
        db.session.commit()
        before = _counts()
        with pytest.raises(MessageError) as refused:
            contact_about_product(buyer, make.product(make.merchant()), "Здравствуйте", [])
        assert refused.value.code == "limit" and "2" in refused.value.message
        db.session.rollback()
        assert _counts() == before
        # over HTTP: a clear message, nothing stored
        response = as_user(app, buyer).post(f"/en/messages/product/{product.id}", data={"body": "Hello"})
        assert response.status_code == 200 and "most allowed" in response.get_data(as_text=True)
        assert _counts() == before
        # a seller the buyer has bought from is not a stranger
        make.order([(product, 1)], currency="EUR", email=buyer.email, user_=buyer)
        db.session.commit()
        contact_about_product(buyer, product, "Вопрос по заказу", [])
        db.session.commit()
        assert _counts()[0] == before[0] + 1
    finally:
        app.config["MESSAGE_NEW_PER_DAY"] = 10


def test_a_merchant_cannot_enquire_about_its_own_product(app, shop):
    merchant, product, buyer = shop
    with pytest.raises(MessageError) as refused:
        contact_about_product(merchant.owner, product, "hello me", [])
    assert refused.value.code == "own"


def test_only_participants_and_operators_post(app, make, shop):
    merchant, product, buyer = shop
    conversation = contact_about_product(buyer, product, "Привет", [])
    with pytest.raises(MessageError):
        post(conversation, make.user(Role.BUYER.value), "me too")
    operator = make.user(Role.OPERATOR.value)
    assert post(conversation, operator, "Платформа на связи").party == "operator"
