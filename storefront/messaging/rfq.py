"""An RFQ's thread is a conversation of kind ``rfq`` between the buyer and the merchant's owner: the first
message carries the need and its attachments, and each side is mailed in its own language (see
:func:`storefront.messaging.operations.post`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select

from storefront.accounts import team
from storefront.accounts.models import Merchant, User
from storefront.accounts.permissions import may
from storefront.catalog.models import Product, ProductVariant
from storefront.extensions import db
from storefront.messaging.models import Conversation, Message
from storefront.messaging.operations import MessageError, check_message, enquiries_per_day, open_conversation, post
from storefront.messaging.queries import by_key
from storefront.messaging.subjects import SubjectKind, register
from storefront.ordering import quotations
from storefront.ordering.rfq_models import Rfq

SUBJECT = "rfq"


def key(rfq: Rfq) -> str:
    """The conversation key of an RFQ."""
    return f"{SUBJECT}:{rfq.id}"


def conversation_of(rfq: Rfq) -> Conversation | None:
    """The RFQ's conversation."""
    return by_key(key(rfq))


def open_for(rfq: Rfq) -> Conversation:
    """The RFQ's conversation (opened on first use) with the buyer and the merchant's owner."""
    members = [(rfq.buyer, "buyer"), (rfq.merchant.owner, "merchant")]
    return open_conversation(SUBJECT, rfq.id, key(rfq), members, opened_by=rfq.buyer)


def start(
    buyer: User,
    merchant: Merchant,
    data: quotations.RfqData,
    attachments=(),
    *,
    product: Product | None = None,
    variant: ProductVariant | None = None,
    lang: str = "en",
) -> Rfq:
    """A buyer sends an RFQ: the request, its thread, and the need with the files as the first message (the
    merchant is mailed in their language after the commit)."""
    owner = merchant.owner
    if owner is None or not owner.active:
        raise MessageError("no_seller")
    if quotations.asked_since(buyer, datetime.now(UTC) - timedelta(days=1)) >= enquiries_per_day():
        raise MessageError("limit", n=enquiries_per_day())  # the same daily bound as enquiries to new sellers
    rfq = quotations.create_rfq(buyer, merchant, data, product=product, variant=variant, lang=lang)
    check_message(rfq.need, attachments)
    post(open_for(rfq), buyer, rfq.need, attachments, lang)
    return rfq


def first_replies() -> dict[int, datetime]:
    """RFQ id → the merchant side's first message in its thread (for response times)."""
    stmt = (
        select(Conversation.subject_id, func.min(Message.created_at))
        .join(Message, Message.conversation_id == Conversation.id)
        .where(Conversation.subject_kind == SUBJECT, Message.party == "merchant")
        .group_by(Conversation.subject_id)
    )
    return dict(db.session.execute(stmt).all())


def _rfq(conversation: Conversation) -> Rfq | None:
    return db.session.get(Rfq, conversation.subject_id)


def _title(conversation: Conversation, lang: str) -> str:
    rfq = _rfq(conversation)
    if rfq is None:
        return conversation.key
    subject = str(rfq.product.name(lang)) if rfq.product is not None else rfq.need[:60]
    return _("Request for quotation %(number)s: %(subject)s", number=rfq.id, subject=subject)


def _page(conversation: Conversation) -> tuple[str, dict, str | None]:
    return "rfq.detail", {"rfq_id": conversation.subject_id}, "thread"


def staff_may_act(rfq: Rfq, user) -> bool:
    """True for a staff member of the RFQ's merchant whose roles have the ``company.quotations`` permission
    (read the request, write in its thread, send quotations: storefront/accounts/permissions.py)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return team.company_of(user, team.Side.MERCHANT) == rfq.merchant_id and may(user, "company.quotations")


def _acting_party(conversation: Conversation, user) -> str | None:
    rfq = _rfq(conversation)
    return "merchant" if rfq is not None and staff_may_act(rfq, user) else None


def _names(conversation: Conversation, lang: str) -> dict[str, str]:
    rfq = _rfq(conversation)
    if rfq is None:
        return {}
    return {"buyer": rfq.buyer.name or _("Buyer"), "merchant": str(rfq.merchant.name(lang))}


def register_subject() -> None:
    """Teach the conversation component how to show RFQ threads."""
    register(SUBJECT, SubjectKind(title=_title, page=_page, names=_names, acting_party=_acting_party))
