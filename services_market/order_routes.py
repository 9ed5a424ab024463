"""Service order pages for both sides: order a tier; the order page with actions, thread, files, review."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from services_market import files, orders, queries, reviews, threads, vouchers
from services_market.blueprints import bp
from services_market.constants import (
    ACTION_LABELS,
    CATEGORY_LABELS,
    STATUS_LABELS,
    TIER_LABELS,
    Action,
    OrderStatus,
    Party,
)
from services_market.forms import (
    DeliverForm,
    NoteForm,
    OrderForm,
    ReplyForm,
    ReviewForm,
    choices,
)
from services_market.order_models import ServiceOrder
from storefront.accounts.models import Merchant, Role
from storefront.core.downloads import send_private
from storefront.core.security import roles_required
from storefront.core.uploads import UploadRejected
from storefront.extensions import db
from storefront.messaging.forms import MessageForm


def _attachments(storages) -> list[files.Attachment]:
    """Checked attachments of a multiple file field (empty inputs ignored); UploadRejected on a bad one."""
    return [files.check_attachment(s) for s in storages or [] if s and getattr(s, "filename", "")]


def _order_url(order: ServiceOrder, anchor: str | None = None) -> str:
    return url_for("services.order", lang=g.lang, number=order.number, _anchor=anchor)


@bp.route("/p/<int:package_id>/order/<level>", methods=["GET", "POST"])
@roles_required(Role.MERCHANT.value)
def order_form(package_id: int, level: str):
    """A merchant orders a tier: brief, attachments and optionally a voucher."""
    package = queries.get_public_package(package_id)
    tier = package.tier(level) or abort(404)
    merchant = db.session.scalars(select(Merchant).where(Merchant.owner_id == current_user.id)).first()
    if merchant is None or not merchant.is_approved:
        flash(_("Services can be ordered once your company filing is approved."), "info")
        return redirect(url_for("services.package", lang=g.lang, package_id=package.id))
    form = OrderForm()
    usable = vouchers.usable_vouchers(merchant, package.category)
    form.voucher.choices = choices([("", _("No voucher"))] + [(v.code, f"{v.code} — {v.batch.name}") for v in usable])
    if form.validate_on_submit():
        code = form.voucher.data or (form.voucher_code.data or "").strip() or None
        try:
            attachments = _attachments(form.attachments.data)
            order = orders.place_order(current_user, merchant, package, tier.level, form.brief.data, attachments, code)
            db.session.commit()
        except UploadRejected as exc:
            db.session.rollback()
            form.attachments.errors.append(str(exc.message))
        except vouchers.VoucherError as exc:
            db.session.rollback()
            form.voucher_code.errors.append(str(exc.message))
        except orders.OrderError as exc:
            db.session.rollback()
            form.brief.errors.append(str(exc.message))
        else:
            if order.status == OrderStatus.PENDING_PAYMENT.value:
                return redirect(url_for("services.pay", lang=g.lang, number=order.number))
            flash(_("Your order is sent to the provider."), "success")
            return redirect(_order_url(order))
    return render_template(
        "services/order_form.html",
        form=form,
        package=package,
        tier=tier,
        vouchers=usable,
        tier_labels=TIER_LABELS,
        value_for=vouchers.value_for,
    )


@bp.get("/orders/")
@login_required
def orders_list():
    """The signed-in merchant's or provider's service orders."""
    if current_user.has_role(Role.PROVIDER.value):
        party = Party.PROVIDER
    elif current_user.has_role(Role.MERCHANT.value):
        party = Party.MERCHANT
    else:
        abort(403)
    status = request.args.get("status") if request.args.get("status") in STATUS_LABELS else None
    return render_template(
        "services/orders.html",
        orders=orders.orders_of(current_user, party, status),
        party=party,
        status=status,
        status_labels=STATUS_LABELS,
        tier_labels=TIER_LABELS,
    )


@bp.get("/orders/<number>")
@login_required
def order(number: str):
    """One order, for its merchant, its provider or an operator (anyone else: 404)."""
    item, party = orders.order_for(number, current_user)
    if party == Party.PROVIDER and item.paid_at is None:
        abort(404)  # the provider sees an order once it is paid (by voucher or card)
    review = reviews.review_of(item)
    if party != Party.OPERATOR and threads.seen(item, current_user):
        db.session.commit()
    return render_template(
        "services/order.html",
        order=item,
        party=party,
        actions=orders.allowed_actions(item, party),
        events=item.events,
        messages=threads.thread(item),
        names={"merchant": item.merchant.name(g.lang), "provider": item.provider.name(g.lang)},
        brief_files=orders.files_of(item, "brief"),
        deliveries=orders.files_of(item, "delivery"),
        review=review,
        can_review=reviews.can_review(item, party),
        voucher=vouchers.voucher_of(item),
        note_form=NoteForm(),
        deliver_form=DeliverForm(),
        message_form=MessageForm(),
        review_form=ReviewForm(),
        reply_form=ReplyForm(),
        status_labels=STATUS_LABELS,
        action_labels=ACTION_LABELS,
        tier_labels=TIER_LABELS,
        category_labels=CATEGORY_LABELS,
        accepted_types=files.accepted_labels(),
    )


@bp.post("/orders/<number>/do/<action>")
@login_required
def order_action(number: str, action: str):
    """Take a workflow action (accept, decline, start, revise, approve, cancel) with an optional note."""
    item, party = orders.order_for(number, current_user)
    try:
        chosen = Action(action)
    except ValueError:
        abort(404)
    if chosen in orders.BUTTONLESS:
        abort(404)
    form = NoteForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        orders.transition(item, chosen, current_user, party, form.note.data or "")
        db.session.commit()
    except orders.OrderError as exc:
        db.session.rollback()
        if exc.code == "forbidden":
            abort(403)
        flash(str(exc.message), "error")
    else:
        flash(_("Done: %(action)s.", action=ACTION_LABELS[chosen]), "success")
    return redirect(_order_url(item))


@bp.post("/orders/<number>/deliver")
@login_required
def deliver(number: str):
    """The provider uploads the deliverables and marks the order delivered."""
    item, party = orders.order_for(number, current_user)
    if party != Party.PROVIDER:
        abort(403)
    form = DeliverForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        orders.deliver(item, current_user, party, form.note.data or "", _attachments(form.files.data))
        db.session.commit()
    except (orders.OrderError, UploadRejected) as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
    else:
        flash(_("Delivered. The merchant has been told."), "success")
    return redirect(_order_url(item))


@bp.post("/orders/<number>/messages")
@login_required
def post_message(number: str):
    """Write in the order's thread (text and/or files)."""
    item, party = orders.order_for(number, current_user)
    form = MessageForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        threads.post(item, current_user, party, form.body.data or "", _attachments(form.files.data))
        db.session.commit()
    except (orders.OrderError, UploadRejected) as exc:
        db.session.rollback()
        if getattr(exc, "code", "") == "forbidden":
            abort(403)
        flash(str(exc.message), "error")
    return redirect(_order_url(item, "thread"))


@bp.get("/orders/<number>/files/<int:file_id>")
@login_required
def download(number: str, file_id: int):
    """A file of the order, as an attachment, for the two parties and operators only."""
    item, _party = orders.order_for(number, current_user)
    row = orders.file_of(item, file_id)
    return send_private(files.path_of(row.stored_name), row.content_type, row.original_name)


@bp.post("/orders/<number>/review")
@login_required
def review(number: str):
    """The merchant reviews a completed order."""
    item, party = orders.order_for(number, current_user)
    form = ReviewForm()
    if not form.validate_on_submit():
        flash(_("Choose from 1 to 5 stars."), "error")
        return redirect(_order_url(item, "review"))
    try:
        reviews.create(item, current_user, party, int(form.rating.data), form.body.data or "", g.lang)
        db.session.commit()
    except (orders.OrderError, IntegrityError) as exc:
        db.session.rollback()
        if getattr(exc, "code", "") == "forbidden":
            abort(403)
        flash(str(getattr(exc, "message", _("You have already reviewed this order."))), "error")
    else:
        flash(_("Thank you: your review is published on the package page."), "success")
    return redirect(_order_url(item, "review"))


@bp.post("/orders/<number>/reply")
@login_required
def reply(number: str):
    """The provider replies to the order's review, once."""
    item, party = orders.order_for(number, current_user)
    existing = reviews.review_of(item) or abort(404)
    form = ReplyForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        reviews.reply(existing, current_user, party, form.reply.data)
        db.session.commit()
    except orders.OrderError as exc:
        db.session.rollback()
        if exc.code == "forbidden":
            abort(403)
        flash(str(exc.message), "error")
    return redirect(_order_url(item, "review"))
