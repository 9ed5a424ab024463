"""The message thread of a service order: both sides (and operators) write, with validated attachments.
The thread itself is a storefront conversation (see :mod:`services_market.conversation`)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from services_market.constants import Party
from services_market.conversation import existing, open_for
from services_market.files import Attachment
from services_market.order_models import ServiceOrder
from services_market.orders import OrderError
from storefront.messaging.models import Message
from storefront.messaging.operations import MessageError, mark_read
from storefront.messaging.operations import post as post_message
from storefront.messaging.queries import messages_of


def post(order: ServiceOrder, user, party: Party | None, body: str, attachments: list[Attachment] = ()) -> Message:
    """Add a message (text and/or files) to the order's thread; the other side is told by e-mail."""
    if party not in (Party.MERCHANT, Party.PROVIDER, Party.OPERATOR):
        raise OrderError("forbidden", _l("You cannot do this on this order."))
    try:
        return post_message(open_for(order), user, body, list(attachments))
    except MessageError as exc:
        raise OrderError(exc.code, exc.message) from exc


def thread(order: ServiceOrder) -> list[Message]:
    """The order's messages, oldest first."""
    return messages_of(existing(order))


def seen(order: ServiceOrder, user) -> bool:
    """Mark the thread read for a party opening the order page; True when something changed (commit then)."""
    conversation = existing(order)
    if conversation is None:
        return False
    joined = order.paid_at is not None and conversation.participant(order.provider.owner_id) is None
    if joined:
        open_for(order)
    return mark_read(conversation, user) or joined
