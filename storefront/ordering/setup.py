"""Wiring of the ordering domain into the app: its payable kind, the login cart merge, mails, helpers."""

from __future__ import annotations

from flask import Flask
from flask_login import user_logged_in

from storefront.catalog import operations as catalog_ops
from storefront.ordering import cart, mail, payable, stock
from storefront.ordering.freight.modes import label as transport_label
from storefront.ordering.signals import order_paid, order_shipped


def init_app(app: Flask) -> None:
    """Register the order payable, the login cart merge, the paid-order and shipping e-mails and template helpers
    (``cart_count``, ``transport_label``)."""
    payable.register()
    user_logged_in.connect(cart.merge_on_login)
    order_paid.connect(mail.queue_confirmation)
    order_shipped.connect(mail.queue_shipped)
    catalog_ops.register_unit_holder("open orders", stock.variants_in_open_orders)

    @app.context_processor
    def cart_context():
        return {"cart_count": cart.count_for_header, "transport_label": transport_label}
