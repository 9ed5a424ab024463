"""The message thread of a service order: both sides (and operators) write, with validated attachments."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from services_market import mail
from services_market.constants import MAX_FILES_PER_POST, MAX_TEXT, Party
from services_market.files import Attachment
from services_market.order_models import ServiceMessage, ServiceOrder
from services_market.orders import OrderError, save_file
from storefront.extensions import db


def post(
    order: ServiceOrder, user, party: Party | None, body: str, attachments: list[Attachment] = ()
) -> ServiceMessage:
    """Add a message (text and/or files) to the order's thread and tell the other side."""
    if party not in (Party.MERCHANT, Party.PROVIDER, Party.OPERATOR):
        raise OrderError("forbidden", _l("You cannot do this on this order."))
    body = (body or "").strip()
    if not body and not attachments:
        raise OrderError("empty", _l("Write a message or attach a file."))
    if len(body) > MAX_TEXT:
        raise OrderError("long", _l("Use at most %(n)s characters.", n=MAX_TEXT))
    if len(attachments) > MAX_FILES_PER_POST:
        raise OrderError("files", _l("Attach at most %(n)s files at a time.", n=MAX_FILES_PER_POST))
    message = ServiceMessage(order_id=order.id, author_id=user.id, party=party.value, body=body)
    db.session.add(message)
    db.session.flush()
    for attachment in attachments:
        save_file(order, user, attachment, "message", message_id=message.id)
    db.session.expire(message, ["files"])

    mail.new_message(order, message, party)
    return message


def thread(order: ServiceOrder) -> list[ServiceMessage]:
    """The order's messages, oldest first."""
    stmt = select(ServiceMessage).where(ServiceMessage.order_id == order.id).order_by(ServiceMessage.id)
    return list(db.session.scalars(stmt))
