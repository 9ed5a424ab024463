"""Returns (RMA) on the merchant's side: accept with instructions, decline, goods received, refund."""

from __future__ import annotations

from flask import abort, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from sqlalchemy import select

from storefront.accounts.backoffice import bp, merchant_required
from storefront.core.money import parse_amount
from storefront.extensions import db
from storefront.ordering import returns
from storefront.ordering.models import SubOrder
from storefront.payments import refunds

ACTIONS = ("accept", "decline", "receive", "refund")


def _own_return(return_id: int) -> returns.ReturnRequest:
    stmt = (
        select(returns.ReturnRequest)
        .join(SubOrder, SubOrder.id == returns.ReturnRequest.sub_order_id)
        .where(returns.ReturnRequest.id == return_id, SubOrder.merchant_id == g.merchant.id)
    )
    return db.session.scalars(stmt).first() or abort(404)


@bp.post("/returns/<int:return_id>/<any(accept, decline, receive, refund):action>")
@merchant_required
def return_step(return_id: int, action: str):
    """Take the next step of a return of one of the merchant's orders."""
    item = _own_return(return_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    text = request.form.get("text", "")
    try:
        if action == "accept":
            returns.accept(item, text)
        elif action == "decline":
            returns.decline(item, text)
        elif action == "receive":
            returns.receive(item)
        else:
            order = item.sub_order.order
            amount = parse_amount(request.form.get("amount", ""), order.currency)
            returns.refund_return(
                item, amount, actor=f"merchant:{g.merchant.id}", bank_ref=request.form.get("bank_ref", "")
            )
        db.session.commit()
    except (returns.ReturnError, refunds.RefundError) as exc:
        db.session.rollback()
        flash(exc.message, "error")
    except ValueError:
        db.session.rollback()
        flash(str(refunds.MESSAGES["amount"]), "error")
    else:
        flash(_("Return updated: %(state)s.", state=returns.RETURN_LABELS[item.status]), "success")
    return redirect(url_for("merchant.order", sub_order_id=item.sub_order_id, _anchor="returns"))
