"""Wiring of conversations (inbox, threads, contact the seller, unread counts) into the app."""

from __future__ import annotations

from flask import Flask
from flask_login import current_user

from storefront.messaging import queries, rfq, subjects
from storefront.messaging.rfq_routes import bp as rfq_bp
from storefront.messaging.routes import bp


def init_app(app: Flask) -> None:
    """Register the blueprints, the storefront's subject kinds (with RFQs) and the header's unread count."""
    app.register_blueprint(bp)
    app.register_blueprint(rfq_bp)  # requests for quotation: their pages hold an ``rfq`` conversation
    subjects.register_storefront_kinds()
    rfq.register_subject()

    @app.context_processor
    def messaging_context():
        return {"unread_messages": lambda: queries.unread_count(current_user)}
