"""``flask orders …``: release expired reservations, confirm bank transfers, list orders needing attention."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from storefront.core.money import Money, parse_amount
from storefront.extensions import db
from storefront.ordering import operations as ops
from storefront.ordering import quotations
from storefront.ordering.models import Order
from storefront.ordering.numbers import normalize
from storefront.ordering.payable import KIND
from storefront.ordering.states import OrderStatus
from storefront.payments import operations as pay_ops


@click.group("orders")
def orders_group():
    """Order jobs and operator actions."""


@orders_group.command("release-expired")
@with_appcontext
def release_expired():
    """Cancel unpaid orders whose reservation ran out and give their stock back (run every few minutes)."""
    cancelled = ops.cancel_expired()
    db.session.commit()
    for order in cancelled:
        click.echo(f"released {order.number}")
    click.echo(f"{len(cancelled)} order(s) released")


@orders_group.command("forget-customs-ids")
@with_appcontext
def forget_customs_ids():
    """Erase buyers' customs codes, passports and INNs the orders no longer need (run daily)."""
    count = ops.forget_customs_ids()
    db.session.commit()
    click.echo(f"{count} order(s) forgot the buyer's customs identity")


@orders_group.command("confirm-transfer")
@click.argument("number")
@click.option(
    "--amount",
    required=True,
    help="Amount received, in the order's currency (e.g. 1234.50); the next instalment's for a deposit/balance order.",
)
@click.option("--currency", default=None, help="Currency received (defaults to the order's).")
@click.option("--reference", required=True, help="Bank reference of the incoming transfer.")
@click.option("--operator", "operator_email", default="", help="E-mail of the operator confirming.")
@with_appcontext
def confirm_transfer(number: str, amount: str, currency: str | None, reference: str, operator_email: str):
    """Record a received bank transfer (T/T) and mark the order paid when the amount matches (for an order in
    instalments: the amount must match the next one due; the deposit makes it "deposit paid", the balance paid)."""
    order = db.session.scalars(select(Order).where(Order.number == normalize(number))).first()
    if order is None:
        raise click.ClickException(f"no order {number}")
    code = (currency or order.currency).upper()
    try:
        minor = parse_amount(amount, code)
    except ValueError as exc:
        raise click.BadParameter("not an amount", param_hint="--amount") from exc
    if not minor:
        raise click.BadParameter("must be more than zero", param_hint="--amount")
    if order.status not in {
        OrderStatus.AWAITING_TRANSFER,
        OrderStatus.PENDING_PAYMENT,
        OrderStatus.PAYMENT_FAILED,
        OrderStatus.CANCELLED,
        OrderStatus.DEPOSIT_PAID,  # the balance of an order paid in instalments
    }:
        raise click.ClickException(f"order {order.number} is {order.status}; nothing to confirm")
    actor = f"operator:{operator_email}" if operator_email else "operator"
    outcome = pay_ops.record_manual_payment(KIND, order, Money(minor, code), f"tt:{reference.strip()}", actor=actor)
    db.session.commit()
    click.echo(f"{order.number}: {outcome} (status {order.status})")


@orders_group.command("expire-quotations")
@with_appcontext
def expire_quotations():
    """Mark quotations past their validity expired, and RFQs left with nothing to accept (run daily)."""
    count = quotations.expire()
    db.session.commit()
    click.echo(f"{count} quotation(s) expired")


@orders_group.command("flagged")
@with_appcontext
def flagged():
    """Orders an operator must look at (amount mismatch, refund due, double payment)."""
    rows = db.session.scalars(select(Order).where(Order.review_reason != "").order_by(Order.updated_at)).all()
    for order in rows:
        click.echo(f"{order.number}\t{order.status}\t{order.review_reason}\t{order.total.minor} {order.currency}")
    click.echo(f"{len(rows)} flagged order(s)")
