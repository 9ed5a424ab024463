"""Messaging: one conversation component for buyer↔merchant threads (product enquiries, order parcels) and the
services marketplace's order threads. Its public interface for other packages:

- :func:`storefront.messaging.subjects.register` — declare a subject kind (title, page, names of the sides);
- :func:`storefront.messaging.operations.open_conversation`, :func:`~storefront.messaging.operations.post`,
  :func:`~storefront.messaging.operations.mark_read`, :class:`~storefront.messaging.operations.MessageError`;
- :func:`storefront.messaging.queries.by_key`, :func:`~storefront.messaging.queries.messages_of`;
- the form :class:`storefront.messaging.forms.MessageForm` and the macro ``messaging/_thread.html``.
"""
