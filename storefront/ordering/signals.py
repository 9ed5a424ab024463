"""Order signals: the seams other domains (clearance, back office, services) subscribe to.

Every signal is sent INSIDE the database transaction that makes the change, after the change is flushed and
before the request or command commits. A receiver may add rows to ``db.session`` (e.g. clearance outbox rows):
they commit or roll back together with the order. Receivers must not commit and should not call the network.

``order_paid``
    sender: the :class:`~storefront.ordering.models.Order` (status already ``paid``; ``order.sub_orders``
    are the per-merchant units, each with ``lines`` holding the customs snapshot); keywords ``cause`` (a
    ``Cause`` value) and ``payment_ref`` (a Stripe PaymentIntent id or a bank reference).
    Sent exactly once per order.

``order_shipped``
    sender: the :class:`~storefront.ordering.models.SubOrder` just shipped; keywords ``carrier`` and
    ``tracking_no``.

``order_placed``
    sender: the new :class:`~storefront.ordering.models.Order` (unpaid, stock reserved).

``order_cancelled``
    sender: the :class:`~storefront.ordering.models.Order`; keyword ``cause``.

``order_refunded``
    sender: the :class:`~storefront.ordering.models.Order`; keyword ``refund`` (the succeeded
    :class:`~storefront.payments.models.Refund`, its ``sub_order_id`` set when one merchant's part was refunded).
    Sent exactly once per refund, when the money went back.
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

order_placed = _signals.signal("order-placed")
order_paid = _signals.signal("order-paid")
order_shipped = _signals.signal("order-shipped")
order_cancelled = _signals.signal("order-cancelled")
order_refunded = _signals.signal("order-refunded")
