"""Cancelling a T/T order after its deposit (status ``deposit_paid``): the buyer asks, the merchant (the
``company.orders`` permission) cancels. Cancelling moves the order to ``cancelled`` (the one state machine,
``states.TRANSITIONS``), releases its stock reservations, cancels the balance instalment so that it can no longer be
paid (a payment that still arrives goes to suspense with a refund proposal: ``payable._succeeded``), starts no
clearance, and gives the deposit back through the money domain's one refund path:

- a deposit paid by card: :func:`refund_card_deposit` refunds it through Stripe at once after the commit
  (``payments.refunds.refund``: the refund row committed before the gateway call, its idempotency key, the
  ledger entries when it succeeds);
- a deposit paid by bank transfer: a refund proposal (cause ``deposit_cancelled``) waits in the operator's refund
  queue, who pays it back by bank transfer and records it with the bank reference (the ledger entries then).

Both sides are mailed in their own language. Operations flush, never commit."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from storefront.core.errors import CodedError
from storefront.core.locales import LANGS
from storefront.core.mail import render, send_after_commit
from storefront.core.urls import public_url
from storefront.extensions import db
from storefront.ordering import instalments, mail, stock
from storefront.ordering import operations as ops
from storefront.ordering.models import Order
from storefront.ordering.payable import KIND
from storefront.ordering.signals import order_cancelled
from storefront.ordering.states import Cause, OrderStatus
from storefront.payments import refunds
from storefront.payments.models import Refund, RefundProposal

#: The refund proposal's cause (shown in the operator's queue).
CAUSE = "deposit_cancelled"
#: Longest reason kept.
MAX_REASON = 500


class CancelError(CodedError):
    """A cancellation the rules refuse; ``message`` is translated."""

    MESSAGES = {
        "state": _l("Only an order whose deposit is paid and whose balance is not paid yet can be cancelled here."),
        "other_sellers": _l("This order has goods of other sellers too; ask the platform to cancel it."),
    }


def _merchant_mail(order: Order, template: str, subject, reason: str) -> None:
    """Mail each merchant of the order (its owner) in their own language."""
    for sub in order.sub_orders:
        owner = sub.merchant.owner
        if owner is None or not owner.email:
            continue
        lang = owner.locale if owner.locale in LANGS else "zh"
        link = public_url("merchant.order", lang=lang, sub_order_id=sub.id)
        message = render(template, lang, owner.email, subject, order=order, sub=sub, link=link, reason=reason)
        send_after_commit(db.session(), message)


def _request_subject(order: Order, **_ctx) -> str:
    return _("Order %(number)s: the buyer asks to cancel", number=order.number)


def _cancelled_subject(order: Order, **_ctx) -> str:
    return _("Order %(number)s is cancelled", number=order.number)


def request(order: Order, reason: str, *, actor: str) -> None:
    """The buyer asks to cancel an order whose deposit is paid: an order event, and the merchant is mailed."""
    if order.status != OrderStatus.DEPOSIT_PAID:
        raise CancelError("state")
    reason = (reason or "").strip()[:MAX_REASON]
    ops.record_event(order, order.status, order.status, Cause.CANCEL_REQUESTED, actor, reason)
    _merchant_mail(order, "order_cancel_request", _request_subject, reason)
    db.session.flush()


def requested(order: Order) -> bool:
    """True when the buyer has asked to cancel (shown on both sides' pages)."""
    return any(e.cause == Cause.CANCEL_REQUESTED for e in order.events)


def cancel(order: Order, *, actor: str, reason: str = "", merchant_id: int | None = None) -> RefundProposal | None:
    """Cancel an order whose deposit is paid; returns the refund proposal of the deposit. A second call for an
    order this already cancelled (a double submit) changes nothing and returns None. ``merchant_id``: the
    merchant cancelling, who must be the order's only seller."""
    if merchant_id is not None and any(sub.merchant_id != merchant_id for sub in order.sub_orders):
        raise CancelError("other_sellers")
    if order.status == OrderStatus.CANCELLED and instalments.cancelled(order):
        return None
    reason = (reason or "").strip()[:MAX_REASON]
    db.session.refresh(order, ["status"])
    if order.status != OrderStatus.DEPOSIT_PAID:  # the guard: unpaid orders have their own way out (expiry)
        raise CancelError("state")
    if not ops.transition(order, OrderStatus.CANCELLED, cause=Cause.DEPOSIT_CANCELLED, actor=actor, detail=reason):
        if order.status == OrderStatus.CANCELLED and instalments.cancelled(order):
            return None  # cancelled by a request that ran at the same moment
        raise CancelError("state")
    stock.release(order)
    deposit = instalments.cancel_unpaid(order, ops.utcnow())
    proposal = None
    if deposit is not None:
        proposal = refunds.propose(KIND, order, CAUSE, payment_ref=deposit.payment_ref, detail=reason)
    order_cancelled.send(order, cause=str(Cause.DEPOSIT_CANCELLED))
    send_after_commit(
        db.session(),
        render(
            "order_deposit_cancelled",
            order.lang,
            order.email,
            _cancelled_subject,
            reason=reason,
            card=bool(deposit and deposit.payment_ref.startswith("pi_")),
            deposit=order_money(order, deposit.amount_minor) if deposit else "",
            **mail.context(order),
        ),
    )
    _merchant_mail(order, "order_deposit_cancelled_merchant", _cancelled_subject, reason)
    db.session.flush()
    return proposal


def order_money(order: Order, minor: int) -> str:
    """An amount of the order's currency, formatted in the buyer's language."""
    return mail.context(order)["money"](minor)


def refund_card_deposit(order: Order, proposal: RefundProposal | None, *, actor: str) -> Refund | None:
    """After the cancellation's commit: give a card deposit back through Stripe now (a bank-transfer deposit waits
    in the operator's refund queue). Commits as ``payments.refunds.refund`` does; RefundError when refused (the
    proposal then stays in the operator's queue)."""
    if proposal is None or proposal.status != "open" or not proposal.payment_ref.startswith("pi_"):
        return None
    return refunds.refund(
        KIND, order, proposal.amount_minor, actor=actor, reason=proposal.detail, payment_ref=proposal.payment_ref
    )
