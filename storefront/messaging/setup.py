"""Wiring of conversations (inbox, threads, contact the seller, unread counts) into the app."""

from __future__ import annotations

from flask import Flask
from flask_login import current_user

from storefront.messaging import queries, subjects
from storefront.messaging.routes import bp


def init_app(app: Flask) -> None:
    """Register the blueprint, the storefront's subject kinds and the header's unread count."""
    app.register_blueprint(bp)
    subjects.register_storefront_kinds()

    @app.context_processor
    def messaging_context():
        return {"unread_messages": lambda: queries.unread_count(current_user)}
