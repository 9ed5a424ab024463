"""A service order's thread is a storefront conversation (``storefront.messaging``) of kind ``service_order``:
the merchant's owner, and the provider's owner once the order is paid; operators read and write too."""

from __future__ import annotations

from services_market.order_models import ServiceOrder
from storefront.extensions import db
from storefront.messaging.models import Conversation
from storefront.messaging.operations import open_conversation
from storefront.messaging.queries import by_key
from storefront.messaging.subjects import SubjectKind, register

SUBJECT = "service_order"


def key(order: ServiceOrder) -> str:
    """The conversation key of an order."""
    return f"{SUBJECT}:{order.id}"


def existing(order: ServiceOrder) -> Conversation | None:
    """The order's conversation if anyone has written yet."""
    return by_key(key(order))


def open_for(order: ServiceOrder) -> Conversation:
    """The order's conversation (opened on first use), with the provider taking part once the order is paid."""
    members = [(order.merchant.owner, "merchant")]
    if order.paid_at is not None:
        members.append((order.provider.owner, "provider"))
    return open_conversation(SUBJECT, order.id, key(order), members)


def on_paid(order: ServiceOrder) -> None:
    """Let the provider into a thread the merchant started before paying."""
    if existing(order) is not None:
        open_for(order)


def _order(conversation: Conversation) -> ServiceOrder | None:
    return db.session.get(ServiceOrder, conversation.subject_id)


def _title(conversation: Conversation, lang: str) -> str:
    order = _order(conversation)
    return f"{order.number} · {order.title(lang)}" if order is not None else conversation.key


def _page(conversation: Conversation) -> tuple[str, dict, str | None]:
    order = _order(conversation)
    return "services.order", {"number": order.number if order is not None else "-"}, "thread"


def _names(conversation: Conversation, lang: str) -> dict[str, str]:
    order = _order(conversation)
    if order is None:
        return {}
    return {"merchant": str(order.merchant.name(lang)), "provider": str(order.provider.name(lang))}


def register_subject() -> None:
    """Teach the conversation component how to show service order threads (called from setup)."""
    register(SUBJECT, SubjectKind(title=_title, page=_page, names=_names))
