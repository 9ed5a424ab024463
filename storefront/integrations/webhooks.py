"""Outbound webhooks: a merchant's endpoints get ``order.paid``, ``order.shipped``, ``order.refunded`` and
``customs.status`` events, signed with HMAC-SHA256, delivered through an outbox by a worker (``flask webhooks
run``, started by ``tasks.py run`` and ``serve``) with retries and a dead letter — never from the request that
caused them.

Queueing happens inside the order's transaction (signal receivers add rows, no network). Delivery: POST JSON
with ``X-Kuajing-Event``, ``X-Kuajing-Timestamp`` and ``X-Kuajing-Signature: sha256=<hex>`` over
``<timestamp>.<body>`` with the endpoint's secret; a 2xx answer is delivered; anything else (an error, a
timeout of ``WEBHOOK_TIMEOUT`` seconds) is retried after 1 min, 5 min, 30 min, 2 h, 12 h, then dead."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
import socket
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from flask import Flask, current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, func, select, update
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.catalog.units import json_quantity
from storefront.clearance.operations import case_status_changed
from storefront.core import audit, labels
from storefront.core.errors import CodedError
from storefront.extensions import db
from storefront.ledger.models import EntryKind
from storefront.ledger.operations import entries_for
from storefront.ordering.payable import KIND as ORDER_KIND
from storefront.ordering.signals import order_paid, order_refunded, order_shipped

EVENTS = {
    "order.paid": _l("Order paid"),
    "order.shipped": _l("Order shipped"),
    "order.refunded": _l("Order refunded"),
    "customs.status": _l("Customs clearance status changed"),
}
labels.register("webhook_status", {"pending": _l("Waiting"), "delivered": _l("Delivered"), "dead": _l("Failed")})
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2),
           timedelta(hours=12))  # fmt: skip
MAX_ENDPOINTS = 5


class WebhookEndpoint(db.Model):
    """A merchant's URL that receives events."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(500))
    #: Signing secret (kept to sign each delivery; shown to the merchant once).
    secret: Mapped[str] = mapped_column(String(64))
    #: Subscribed events (keys of EVENTS).
    events: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class WebhookDelivery(db.Model):
    """One event for one endpoint, in the outbox until delivered or dead."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), index=True)
    event: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict] = mapped_column(JSON)
    #: pending, delivered or dead.
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    endpoint: Mapped[WebhookEndpoint] = relationship(lazy="joined")


class WebhookError(CodedError):
    """An endpoint that cannot be added."""

    MESSAGES = {
        "url": _l("Enter an https:// address (http:// only for localhost)."),
        "events": _l("Choose at least one event."),
        "too_many": _l("At most %(n)s endpoints.", n=MAX_ENDPOINTS),
    }


def _now() -> datetime:
    return datetime.now(UTC)


def add_endpoint(merchant_id: int, url: str, events: list[str], actor) -> WebhookEndpoint:
    """Add an endpoint with a new signing secret (flushes; audited)."""
    url = (url or "").strip()
    # plain http only to this machine, and only where private addresses are allowed (development, tests)
    local = url.startswith(("http://127.0.0.1", "http://localhost")) and _private_allowed()
    if len(url) > 500 or not (url.startswith("https://") or local) or " " in url:
        raise WebhookError("url")
    events = sorted({e for e in events or [] if e in EVENTS})
    if not events:
        raise WebhookError("events")
    if len(endpoints_of(merchant_id)) >= MAX_ENDPOINTS:
        raise WebhookError("too_many")
    row = WebhookEndpoint(merchant_id=merchant_id, url=url, secret=secrets.token_hex(24), events=events)
    db.session.add(row)
    db.session.flush()
    audit.record(actor, "webhook.add", row, None, {"url": url, "events": events})
    return row


def remove_endpoint(row: WebhookEndpoint, actor) -> None:
    """Remove an endpoint and its undelivered events (audited)."""
    audit.record(actor, "webhook.remove", row, {"url": row.url}, None)
    db.session.delete(row)
    db.session.flush()


def endpoints_of(merchant_id: int) -> list[WebhookEndpoint]:
    """A merchant's endpoints."""
    stmt = select(WebhookEndpoint).where(WebhookEndpoint.merchant_id == merchant_id).order_by(WebhookEndpoint.id)
    return list(db.session.scalars(stmt))


def deliveries_of(merchant_id: int, limit: int = 50) -> list[WebhookDelivery]:
    """A merchant's latest deliveries, newest first."""
    stmt = (
        select(WebhookDelivery)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(WebhookEndpoint.merchant_id == merchant_id)
        .order_by(WebhookDelivery.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def queue(merchant_id: int, event: str, payload: dict) -> int:
    """Add one delivery per subscribed endpoint of the merchant (in the caller's transaction, no network)."""
    count = 0
    for endpoint in endpoints_of(merchant_id):
        if event in (endpoint.events or []):
            db.session.add(
                WebhookDelivery(endpoint_id=endpoint.id, event=event, payload=payload, next_attempt_at=_now())
            )
            count += 1
    return count


def on_order_paid(order, **_kw) -> None:
    """Signal receiver: ``order.paid`` for each merchant of the order."""
    for sub in order.sub_orders:
        queue(sub.merchant_id, "order.paid", {
            "event": "order.paid", "order": sub.number, "currency": order.currency, "goods_minor": sub.goods_minor,
            "country": order.country,
            "lines": [{"sku": line.sku, "qty": json_quantity(line.qty, line.unit)} for line in sub.lines],
        })  # fmt: skip


def on_order_shipped(sub, carrier: str = "", tracking_no: str = "", **_kw) -> None:
    """Signal receiver: ``order.shipped`` for the sub-order's merchant."""
    queue(sub.merchant_id, "order.shipped",
          {"event": "order.shipped", "order": sub.number, "carrier": carrier, "tracking_no": tracking_no})  # fmt: skip


def refund_shares(order, refund) -> list[tuple[object, int]]:
    """(sub-order, amount in minor units) of a refund for each merchant it was taken from: a merchant's part goes
    to that merchant; a refund of the whole order is read from its ledger entries (what each seller account gave
    back), so no merchant learns another's amounts."""
    if refund.sub_order_id is not None:
        return [(sub, refund.amount_minor) for sub in order.sub_orders if sub.id == refund.sub_order_id]
    by_merchant: dict[int, int] = {}
    for entry in entries_for(ORDER_KIND, order.id):
        if entry.kind == EntryKind.REFUND and entry.reference == (refund.provider_ref or refund.idempotency_key):
            kind, _sep, seller_id = entry.account.removeprefix("seller:").partition(":")
            if entry.account.startswith("seller:") and kind == "merchant" and seller_id.isdigit():
                by_merchant[int(seller_id)] = by_merchant.get(int(seller_id), 0) + entry.amount_minor
    return [(sub, by_merchant[sub.merchant_id]) for sub in order.sub_orders if by_merchant.get(sub.merchant_id)]


def on_order_refunded(order, refund=None, **_kw) -> None:
    """Signal receiver: ``order.refunded`` once per refund, for each merchant whose part was refunded."""
    if refund is None:
        return
    for sub, amount in refund_shares(order, refund):
        queue(sub.merchant_id, "order.refunded", {
            "event": "order.refunded", "order": sub.number, "refund": refund.id, "amount_minor": amount,
            "currency": refund.currency, "reason": refund.reason or "", "whole_order": refund.sub_order_id is None,
        })  # fmt: skip


def on_customs_status(case, previous: str = "", **_kw) -> None:
    """Signal receiver: ``customs.status`` when a clearance case changes status (accepted, inspection, released,
    departed, closed, rejected with the customs error code, cancelled)."""
    last = case.events[-1] if case.events else None
    rejected = case.status == "rejected"
    queue(case.merchant_id, "customs.status", {
        "event": "customs.status", "order": case.order_no, "status": case.status, "previous": previous or None,
        "error_code": last.return_status if rejected and last is not None else None,
        "reason": case.reject_reason if rejected else "",
        "at": last.at.isoformat() if last is not None and last.at else None,
    })  # fmt: skip


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header value for a body sent at ``timestamp``."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def _private_allowed() -> bool:
    return bool(current_app.config.get("WEBHOOK_ALLOW_PRIVATE"))


def public_address_only(url: str) -> None:
    """Refuse a URL whose host resolves to a private, loopback, link-local or otherwise non-public address: a
    merchant's webhook must not make the platform call its own network (SSRF). ``WEBHOOK_ALLOW_PRIVATE`` lifts
    this for development and tests. Raises ``ValueError`` with the reason."""
    if _private_allowed():
        return
    parts = urlsplit(url)
    if not parts.hostname:
        raise ValueError("no host")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise ValueError(f"cannot resolve {parts.hostname}") from exc
    for *_rest, sockaddr in infos:
        if not ipaddress.ip_address(sockaddr[0]).is_global:
            raise ValueError(f"{parts.hostname} is not a public address")


def http_post(url: str, body: bytes, headers: dict, timeout: float) -> int:
    """POST and return the status code (raises on network errors and timeouts)."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - https/localhost only
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


#: Seconds a worker holds a claimed delivery before another worker may try it (a worker died mid-send).
LEASE = timedelta(minutes=5)


def _claim(delivery_id: int, now: datetime) -> WebhookDelivery | None:
    """Take one due delivery for this worker: a conditional UPDATE that also sets a lease, so of several workers
    exactly one sends it (PostgreSQL and SQLite alike); commits the claim."""
    claimed = db.session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.id == delivery_id,
            WebhookDelivery.status == "pending",
            WebhookDelivery.next_attempt_at <= now,
        )
        .values(next_attempt_at=now + LEASE)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if claimed.rowcount != 1:
        return None
    return db.session.get(WebhookDelivery, delivery_id, populate_existing=True)


def deliver_due(now: datetime | None = None, *, post: Callable = http_post, limit: int = 50) -> dict[str, int]:
    """One worker pass: claim and send the due deliveries one by one (no lock is held during a call); commits each."""
    now = now or _now()
    timeout = float(current_app.config.get("WEBHOOK_TIMEOUT", 5))
    due = db.session.scalars(
        select(WebhookDelivery.id)
        .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now)
        .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
        .limit(limit)
    ).all()
    db.session.commit()  # end the read before the claims
    stats = {"delivered": 0, "retry": 0, "dead": 0}
    for delivery_id in due:
        item = _claim(delivery_id, now)
        if item is None:
            continue  # another worker has it
        body = json.dumps(item.payload, ensure_ascii=False, sort_keys=True).encode()
        stamp = str(int(now.timestamp()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "Kuajing-Webhooks/1",
            "X-Kuajing-Event": item.event,
            "X-Kuajing-Delivery": str(item.id),
            "X-Kuajing-Timestamp": stamp,
            "X-Kuajing-Signature": sign(item.endpoint.secret, stamp, body),
        }
        try:
            public_address_only(item.endpoint.url)  # checked at every send: DNS may change after the endpoint was added
            status = post(item.endpoint.url, body, headers, timeout)
            error = "" if 200 <= status < 300 else f"HTTP {status}"
        except Exception as exc:  # noqa: BLE001 - any failure of the far end is a retry, never a crash
            error = f"{type(exc).__name__}: {exc}"[:500]
        item.attempts += 1
        if not error:
            item.status, item.delivered_at, item.last_error = "delivered", now, ""
            stats["delivered"] += 1
        elif item.attempts > len(BACKOFF):
            item.status, item.last_error = "dead", error
            stats["dead"] += 1
        else:
            item.next_attempt_at, item.last_error = now + BACKOFF[item.attempts - 1], error
            stats["retry"] += 1
        db.session.commit()
    return stats


def retry_dead(merchant_id: int, now: datetime | None = None) -> int:
    """Put a merchant's dead deliveries back in the queue."""
    count = 0
    for item in deliveries_of(merchant_id, limit=500):
        if item.status == "dead":
            item.status, item.attempts, item.next_attempt_at = "pending", 0, now or _now()
            count += 1
    db.session.flush()
    return count


def init_app(app: Flask) -> None:
    """Queue webhook events when orders are paid, shipped or refunded and when their clearance status changes."""
    app.config.setdefault("WEBHOOK_TIMEOUT", 5)
    order_paid.connect(on_order_paid)
    order_shipped.connect(on_order_shipped)
    order_refunded.connect(on_order_refunded)
    case_status_changed.connect(on_customs_status)
