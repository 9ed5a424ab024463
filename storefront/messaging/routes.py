"""Conversation pages: the inbox, one conversation, posting, attachments, and "contact the seller"."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_login import current_user, login_required

from storefront.catalog.queries import get_public_product
from storefront.core.downloads import send_private
from storefront.core.uploads import UploadRejected
from storefront.extensions import db
from storefront.messaging import files, queries
from storefront.messaging.forms import MessageForm
from storefront.messaging.models import Conversation
from storefront.messaging.operations import (
    MessageError,
    check_message,
    contact_about_product,
    mark_read,
    post,
    sub_order_conversation,
)
from storefront.messaging.subjects import kind_of
from storefront.ordering.models import Order, SubOrder

bp = Blueprint("messaging", __name__, url_prefix="/<lang>/messages")


def _page_url(conversation: Conversation) -> str:
    endpoint, values, anchor = kind_of(conversation).page(conversation)
    return url_for(endpoint, lang=g.lang, _anchor=anchor, **values)


@bp.get("/")
@login_required
def inbox():
    """The signed-in user's conversations with their unread counts."""
    rows = queries.inbox(current_user)
    return render_template("messaging/inbox.html", rows=rows, kind_of=kind_of, page_url=_page_url)


@bp.get("/<int:conversation_id>")
@login_required
def conversation(conversation_id: int):
    """One conversation, for its participants and operators (anyone else: 404); opening it marks it read."""
    item = queries.conversation_for(conversation_id, current_user)
    if kind_of(item).page(item)[0] != "messaging.conversation":
        return redirect(_page_url(item))  # e.g. a service order shows its thread on the order page
    messages = queries.messages_of(item)
    if messages and mark_read(item, current_user, messages[-1].id):
        db.session.commit()
    return render_template(
        "messaging/conversation.html",
        conversation=item,
        title=kind_of(item).title(item, g.lang),
        names=kind_of(item).names(item, g.lang),
        messages=messages,
        form=MessageForm(),
        accepted_types=files.accepted_labels(),
    )


@bp.post("/<int:conversation_id>")
@login_required
def reply(conversation_id: int):
    """Write in a conversation (text and/or files)."""
    item = queries.conversation_for(conversation_id, current_user)
    form = MessageForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        post(item, current_user, form.body.data or "", files.check_all(form.files.data), g.lang)
        db.session.commit()
    except (MessageError, UploadRejected) as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
    return redirect(_page_url(item))


@bp.get("/<int:conversation_id>/files/<int:file_id>")
@login_required
def download(conversation_id: int, file_id: int):
    """An attachment, as a download, for the conversation's participants and operators only."""
    item = queries.conversation_for(conversation_id, current_user)
    row = queries.file_of(item, file_id)
    return send_private(files.path_of(row.folder, row.stored_name), row.content_type, row.original_name)


def _contact_page(form: MessageForm, title: str, seller: str, action: str):
    return render_template(
        "messaging/contact.html",
        form=form,
        title=title,
        seller=seller,
        action=action,
        accepted_types=files.accepted_labels(),
    )


@bp.route("/product/<int:product_id>", methods=["GET", "POST"])
@login_required
def contact_product(product_id: int):
    """Contact the seller of a public product (an existing enquiry thread opens instead of the form)."""
    product = get_public_product(product_id)
    form = MessageForm()

    def write() -> Conversation:
        return contact_about_product(
            current_user, product, form.body.data or "", files.check_all(form.files.data), g.lang
        )

    action = url_for("messaging.contact_product", lang=g.lang, product_id=product.id)
    return _contact(
        form,
        queries.by_key(f"product:{product.id}:user:{current_user.id}"),
        write,
        lambda: _contact_page(form, str(product.name(g.lang)), str(product.merchant.name(g.lang)), action),
    )


@bp.route("/order/<int:sub_order_id>", methods=["GET", "POST"])
@login_required
def contact_order(sub_order_id: int):
    """Write to the seller of one parcel of the signed-in buyer's order (anyone else: 404)."""
    sub = db.session.scalars(
        db.select(SubOrder).join(Order).where(SubOrder.id == sub_order_id, Order.user_id == current_user.id)
    ).first() or abort(404)
    form = MessageForm()

    def write() -> Conversation:
        check_message(form.body.data or "", form.files.data and [f for f in form.files.data if f.filename])
        item = sub_order_conversation(sub)
        post(item, current_user, form.body.data or "", files.check_all(form.files.data), g.lang)
        return item

    action = url_for("messaging.contact_order", lang=g.lang, sub_order_id=sub.id)
    return _contact(
        form,
        queries.by_key(f"sub_order:{sub.id}"),
        write,
        lambda: _contact_page(form, sub.number, str(sub.merchant.name(g.lang)), action),
    )


def _contact(form: MessageForm, existing: Conversation | None, write: Callable[[], Conversation], page):
    """Open the thread that exists already; else, on a valid post, ``write`` the first message (committed) and
    open its thread; else (or on a refusal, shown on the form) ``page()``."""
    if existing is not None and not form.is_submitted():
        return redirect(_page_url(existing))
    if form.validate_on_submit():
        try:
            item = write()
            db.session.commit()
        except (MessageError, UploadRejected) as exc:
            db.session.rollback()
            form.body.errors.append(str(exc.message))
        else:
            return redirect(_page_url(item))
    return page()
