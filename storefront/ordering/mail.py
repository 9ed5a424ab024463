"""Order e-mails in the buyer's language: the confirmation once the order is paid (and T/T instructions), each
parcel's shipping notice with its carrier and waybill number, refunds."""

from __future__ import annotations

from flask_babel import gettext as _

from storefront.core.mail import Mail, render, send_after_commit
from storefront.core.money import Money
from storefront.core.urls import public_url
from storefront.extensions import db
from storefront.ordering import instalments
from storefront.ordering.access import token_for
from storefront.ordering.documents import bank_fields
from storefront.ordering.freight.tracking import estimated_arrival
from storefront.ordering.models import Order, SubOrder
from storefront.ordering.shipping import country_name


def order_link(order: Order) -> str:
    """Absolute signed link to the order page (works for guests)."""
    values = {"lang": order.lang, "number": order.number, "t": token_for(order)}
    return public_url("ordering.order_page", **values)


def _confirmation_subject(order: Order, **_ctx) -> str:
    return _("Order %(number)s is paid — thank you", number=order.number)


def _transfer_subject(order: Order, **_ctx) -> str:
    return _("Order %(number)s: bank transfer details", number=order.number)


def context(order: Order) -> dict:
    """What every order mail shows: the order, its signed link, money and country in the buyer's language."""
    return {
        "order": order,
        "link": order_link(order),
        "money": lambda minor: Money(minor, order.currency).format(order.lang),
        "country": country_name(order.country, order.lang),
    }


def confirmation(order: Order) -> Mail:
    """The rendered confirmation message for a paid order."""
    return render("order_confirmation", order.lang, order.email, _confirmation_subject, **context(order))


def transfer_instructions(order: Order) -> Mail:
    """The rendered bank-transfer instructions for a T/T order (its next instalment when paid in instalments)."""
    return render(
        "order_transfer",
        order.lang,
        order.email,
        _transfer_subject,
        bank=bank_fields(order.lang, reference=order.number),
        proforma_link=public_url("documents.proforma", lang=order.lang, number=order.number, t=token_for(order)),
        due=instalments.next_due(order),  # the deposit or the balance of an order in instalments
        **context(order),
    )


def queue_confirmation(order: Order, **_signal) -> None:
    """``order_paid`` receiver: send the confirmation after the payment's transaction commits."""
    send_after_commit(db.session(), confirmation(order))


def queue_transfer_instructions(order: Order) -> None:
    """Send the T/T instructions after the order's transaction commits."""
    send_after_commit(db.session(), transfer_instructions(order))


def _shipped_subject(order: Order, **_ctx) -> str:
    return _("Order %(number)s has shipped", number=order.number)


def queue_shipped(sub_order: SubOrder, *, carrier: str = "", tracking_no: str = "", **_signal) -> None:
    """``order_shipped`` receiver: tell the buyer, in their language, that a parcel left, with its carrier,
    waybill number, estimated arrival and the tracking page (sent when the shipping commits: from the order page,
    the bulk tracking file or the REST API alike)."""
    order = sub_order.order
    mail = render(
        "order_shipped",
        order.lang,
        order.email,
        _shipped_subject,
        sub=sub_order,
        carrier=carrier,
        tracking_no=tracking_no,
        parcels=len(order.sub_orders),
        arrival=estimated_arrival(order, sub_order),
        tracking_link=public_url("ordering.tracking", lang=order.lang, number=order.number, t=token_for(order)),
        **context(order),
    )
    send_after_commit(db.session(), mail)


def _refund_subject(order: Order, **_ctx) -> str:
    return _("Order %(number)s: refund", number=order.number)


def queue_refund(order: Order, refund) -> None:
    """Tell the buyer, in their language, that money went back (sent when the refund commits)."""
    mail = render(
        "order_refund",
        order.lang,
        order.email,
        _refund_subject,
        refund=refund,
        refund_amount=Money(refund.amount_minor, refund.currency).format(order.lang),
        **context(order),
    )
    send_after_commit(db.session(), mail)
