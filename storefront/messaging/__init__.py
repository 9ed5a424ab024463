"""Messaging: one conversation component for buyer↔merchant threads (product enquiries, order parcels) and the
services marketplace's order threads. Its public interface for other packages:

- :func:`storefront.messaging.subjects.register` — declare a subject kind (title, page, names of the sides);
- :func:`storefront.messaging.operations.open_conversation`, :func:`~storefront.messaging.operations.post`,
  :func:`~storefront.messaging.operations.mark_read`, :class:`~storefront.messaging.operations.MessageError`;
- :func:`storefront.messaging.queries.by_key`, :func:`~storefront.messaging.queries.messages_of`;
- the form :class:`storefront.messaging.forms.MessageForm` and the macro ``messaging/_thread.html``.
"""

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
