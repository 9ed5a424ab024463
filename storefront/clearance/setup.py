"""Wiring of the clearance domain into the app: order signals → clearance outbox, template helpers."""

from __future__ import annotations

from flask import Flask

from storefront.clearance import queries, receivers
from storefront.clearance.operations import case_cancelled, case_rejected
from storefront.ordering.signals import order_paid, order_shipped


def init_app(app: Flask) -> None:
    """Subscribe to the order signals and add the template helpers (the blueprint is registered by web.py)."""
    order_paid.connect(receivers.on_order_paid)
    order_shipped.connect(receivers.on_order_shipped)
    case_rejected.connect(receivers.on_case_rejected)
    case_cancelled.connect(receivers.on_case_cancelled)  # → a refund proposal for the operator
    app.jinja_env.globals.update(clearance_case=queries.case_for_template, clearance=queries.TEMPLATE_HELPERS)
