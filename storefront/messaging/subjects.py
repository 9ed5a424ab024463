"""What a conversation is about: each subject kind says how to title it, which page holds its thread and what
to call each side. Storefront registers ``product`` and ``sub_order``; the services marketplace registers
``service_order`` through :func:`register` (storefront never imports it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext as _

from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.messaging.models import Conversation
from storefront.ordering.models import SubOrder


@dataclass(frozen=True)
class SubjectKind:
    """How to show conversations of one kind."""

    #: (conversation, lang) → a short title, e.g. the product name or the order number.
    title: Callable[[Conversation, str], str]
    #: conversation → (endpoint, url values, anchor) of the page that shows the thread.
    page: Callable[[Conversation], tuple[str, dict, str | None]]
    #: (conversation, lang) → display name of each side (party → name).
    names: Callable[[Conversation, str], dict[str, str]]
    #: (conversation, user) → the side a user who is not a participant acts for (e.g. a company's staff with
    #: the permission), or None. Checked on every request, so a role taken away takes the access with it.
    acting_party: Callable[[Conversation, object], str | None] | None = None


_KINDS: dict[str, SubjectKind] = {}


def acting_party(conversation: Conversation, user) -> str | None:
    """The side a non-participant may act for in this conversation (its kind decides), or None."""
    kind = _KINDS.get(conversation.subject_kind)
    return kind.acting_party(conversation, user) if kind is not None and kind.acting_party is not None else None


def register(kind: str, subject: SubjectKind) -> None:
    """Declare a subject kind (idempotent: the last registration wins, as for a re-created app)."""
    _KINDS[kind] = subject


def kind_of(conversation: Conversation) -> SubjectKind:
    """The registered kind of a conversation."""
    return _KINDS[conversation.subject_kind]


def _buyer_name(conversation: Conversation) -> str:
    buyer = next((p.user for p in conversation.participants if p.party == "buyer"), None)
    return (buyer.name if buyer is not None and buyer.name else "") or _("Buyer")


def _own_page(conversation: Conversation) -> tuple[str, dict, str | None]:
    return "messaging.conversation", {"conversation_id": conversation.id}, None


def _product_title(conversation: Conversation, lang: str) -> str:
    product = db.session.get(Product, conversation.subject_id)
    return str(product.name(lang)) if product is not None else _("Product enquiry")


def _product_names(conversation: Conversation, lang: str) -> dict[str, str]:
    product = db.session.get(Product, conversation.subject_id)
    merchant = str(product.merchant.name(lang)) if product is not None else _("Seller")
    return {"buyer": _buyer_name(conversation), "merchant": merchant}


def _sub_order_title(conversation: Conversation, lang: str) -> str:
    sub = db.session.get(SubOrder, conversation.subject_id)
    return _("Order %(number)s", number=sub.number if sub is not None else "—")


def _sub_order_names(conversation: Conversation, lang: str) -> dict[str, str]:
    sub = db.session.get(SubOrder, conversation.subject_id)
    merchant = str(sub.merchant.name(lang)) if sub is not None else _("Seller")
    return {"buyer": _buyer_name(conversation), "merchant": merchant}


def register_storefront_kinds() -> None:
    """The storefront's own subjects: enquiries about a product and messages about an order's parcel."""
    register("product", SubjectKind(title=_product_title, page=_own_page, names=_product_names))
    register("sub_order", SubjectKind(title=_sub_order_title, page=_own_page, names=_sub_order_names))
