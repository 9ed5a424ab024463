"""Ordering: cart, checkout, orders and per-merchant sub-orders, stock reservations, shipping zones."""

from __future__ import annotations

from flask import Flask

from storefront.ordering.freight.modes import label as transport_label


def init_app(app: Flask) -> None:
    """Register the order payable, the login cart merge, the paid-order e-mail and template helpers
    (``cart_count``, ``transport_label``)."""
    from flask_login import user_logged_in

    from storefront.ordering import cart, mail, payable
    from storefront.ordering.signals import order_paid

    payable.register()
    user_logged_in.connect(cart.merge_on_login)
    order_paid.connect(mail.queue_confirmation)

    @app.context_processor
    def cart_context():
        return {"cart_count": cart.count_for_header, "transport_label": transport_label}
