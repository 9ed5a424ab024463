"""State changes of conversations: open one, post a message (with files), mark read, contact a seller.
Functions flush and never commit; notices are mailed after the commit in each recipient's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import current_app, g, has_request_context
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError

from storefront.accounts.models import Role, User
from storefront.catalog.models import Product
from storefront.core.errors import CodedError
from storefront.core.locales import LANGS
from storefront.core.mail import render, send_after_commit
from storefront.core.urls import public_url
from storefront.extensions import db
from storefront.messaging import files
from storefront.messaging.models import Conversation, Message, MessageFile, Participant
from storefront.messaging.subjects import acting_party, kind_of
from storefront.ordering.models import Order, SubOrder

#: The sides a message can come from.
PARTIES = ("buyer", "merchant", "provider", "operator")
#: Longest message (also a CHECK constraint: storefront/core/limits.py).
MAX_BODY = 5000
MAX_FILES = 5
#: Characters of the message quoted in the e-mail notice.
MAIL_EXCERPT = 500


class MessageError(CodedError):
    """A message or conversation the rules refuse."""

    MESSAGES = {
        "forbidden": _l("You cannot write in this conversation."),
        "empty": _l("Write a message or attach a file."),
        "long": _l("Use at most %(n)s characters."),
        "files": _l("Attach at most %(n)s files at a time."),
        "own": _l("This is your own shop: buyers write to you here."),
        "no_seller": _l("This seller cannot receive messages at the moment."),
        "limit": _l(
            "You have started %(n)s conversations with new sellers today, the most allowed. "
            "Write again tomorrow, or from the page of one of your orders."
        ),
    }


def party_of(conversation: Conversation, user) -> str | None:
    """The side a user writes from (participant's side, or operator), or None when they may not."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    participant = conversation.participant(user.id)
    if participant is not None:
        return participant.party
    acting = acting_party(conversation, user)  # e.g. a merchant's orders staff on an RFQ thread
    if acting is not None:
        return acting
    return Role.OPERATOR.value if user.has_role(Role.OPERATOR.value) else None


def open_conversation(
    kind: str, subject_id: int, key: str, members: list[tuple[User | None, str]], opened_by: User | None = None
) -> Conversation:
    """The conversation under ``key``, created if new; ``members`` (user, side) are added if missing."""
    stmt = select(Conversation).where(Conversation.key == key)
    conversation = db.session.scalars(stmt).first()
    if conversation is None:
        conversation = Conversation(
            key=key,
            subject_kind=kind,
            subject_id=subject_id,
            opened_by_id=getattr(opened_by, "id", None),
            created_at=datetime.now(UTC),
        )
        if db.session.get_bind().dialect.name == "sqlite":
            # pysqlite starts no transaction before a SAVEPOINT, so releasing one would commit; SQLite runs one
            # writer at a time anyway
            db.session.add(conversation)
            db.session.flush()
        else:
            try:
                with db.session.begin_nested():
                    db.session.add(conversation)
            except IntegrityError:  # opened at the same moment by another request
                conversation = db.session.scalars(stmt).one()
    for user, party in members:
        if user is not None and conversation.participant(user.id) is None:
            conversation.participants.append(Participant(user=user, user_id=user.id, party=party, last_read_id=0))
    db.session.flush()
    return conversation


def check_message(body: str, attachments=()) -> str:
    """The message text, stripped, if text and files make an acceptable message (else MessageError)."""
    body = (body or "").strip()
    if not body and not attachments:
        raise MessageError("empty")
    if len(body) > MAX_BODY:
        raise MessageError("long", n=MAX_BODY)
    if len(attachments) > MAX_FILES:
        raise MessageError("files", n=MAX_FILES)
    return body


def post(
    conversation: Conversation,
    author: User,
    body: str,
    attachments=(),
    lang: str | None = None,
    folder: str = "message_files",
) -> Message:
    """Add a message (text and/or checked files) and queue notices to the other participants."""
    party = party_of(conversation, author)
    if party is None:
        raise MessageError("forbidden")
    body = check_message(body, attachments)
    if lang not in LANGS:  # the author's UI language: the page they wrote on, else their account's
        lang = g.get("lang") if has_request_context() else None
        lang = lang if lang in LANGS else (author.locale if author.locale in LANGS else "en")
    message = Message(
        conversation_id=conversation.id, author_id=author.id, party=party, body=body, lang=lang,
        created_at=datetime.now(UTC),
    )  # fmt: skip
    for attachment in attachments:
        message.files.append(
            MessageFile(
                folder=folder,
                original_name=attachment.original_name,
                stored_name=files.write(attachment, folder),
                content_type=attachment.kind.content_type,
                size=attachment.size,
                sha256=attachment.sha256,
            )
        )
    db.session.add(message)
    db.session.flush()
    conversation.last_message_at = message.created_at
    mark_read(conversation, author, message.id)
    _notify(conversation, message)
    return message


def mark_read(conversation: Conversation, user, up_to: int | None = None) -> bool:
    """Record that a participant has seen the conversation (up to a message id); True when it changed."""
    participant = conversation.participant(getattr(user, "id", None))
    if participant is None:
        return False
    if up_to is None:
        up_to = db.session.scalar(select(func.max(Message.id)).where(Message.conversation_id == conversation.id)) or 0
    if up_to <= participant.last_read_id:
        return False
    participant.last_read_id = up_to
    db.session.flush()
    return True


def _mail_subject(title: str, **_ctx) -> str:
    return _("New message: %(title)s", title=title)


def _notify(conversation: Conversation, message: Message) -> None:
    """Mail each other participant, in their own language, with a link to the thread."""
    kind = kind_of(conversation)
    endpoint, values, anchor = kind.page(conversation)
    for participant in conversation.participants:
        user = participant.user
        if user is None or user.id == message.author_id or not user.email or not user.active:
            continue
        lang = user.locale if user.locale in LANGS else "en"
        with force_locale(lang):
            title = str(kind.title(conversation, lang))
            sender = kind.names(conversation, lang).get(message.party) or _("Platform operator")
        link = public_url(endpoint, lang=lang, **values) + (f"#{anchor}" if anchor else "")
        excerpt = message.body[:MAIL_EXCERPT] + ("…" if len(message.body) > MAIL_EXCERPT else "")
        mail = render(
            "new_message", lang, user.email, _mail_subject, title=title, sender=sender, excerpt=excerpt,
            files=len(message.files), link=link,
        )  # fmt: skip
        send_after_commit(db.session(), mail)


# contacting a seller ------------------------------------------------------------------------------


def _has_ordered_from(user: User, merchant_id: int) -> bool:
    stmt = select(
        exists().where(SubOrder.order_id == Order.id, Order.user_id == user.id, SubOrder.merchant_id == merchant_id)
    )
    return bool(db.session.scalar(stmt))


def enquiries_per_day() -> int:
    """Conversations a buyer may open per day with sellers they have not bought from (``MESSAGE_NEW_PER_DAY``)."""
    return int(current_app.config.get("MESSAGE_NEW_PER_DAY", 10))


def contact_about_product(buyer: User, product: Product, body: str, attachments=(), lang: str | None = None):
    """Write to a product's seller: the buyer's enquiry thread about that product (opened on the first
    message, bounded per day towards sellers the buyer has no order with). Returns the conversation."""
    owner = product.merchant.owner
    if owner is None or not owner.active:
        raise MessageError("no_seller")
    if owner.id == buyer.id:
        raise MessageError("own")
    check_message(body, attachments)  # before anything is opened
    key = f"product:{product.id}:user:{buyer.id}"
    known = db.session.scalar(select(exists().where(Conversation.key == key)))
    if not known and not _has_ordered_from(buyer, product.merchant_id):
        since = datetime.now(UTC) - timedelta(days=1)
        opened = db.session.scalar(
            select(func.count(Conversation.id)).where(
                Conversation.opened_by_id == buyer.id,
                Conversation.subject_kind == "product",
                Conversation.created_at >= since,
            )
        )
        if opened >= enquiries_per_day():
            raise MessageError("limit", n=enquiries_per_day())
    conversation = open_conversation(
        "product", product.id, key, [(buyer, "buyer"), (owner, "merchant")], opened_by=buyer
    )
    post(conversation, buyer, body, attachments, lang)
    return conversation


def sub_order_conversation(sub: SubOrder) -> Conversation:
    """The thread of one parcel of an order, between the order's buyer account and the merchant."""
    buyer = db.session.get(User, sub.order.user_id) if sub.order.user_id else None
    return open_conversation(
        "sub_order", sub.id, f"sub_order:{sub.id}", [(buyer, "buyer"), (sub.merchant.owner, "merchant")],
        opened_by=buyer,
    )  # fmt: skip
