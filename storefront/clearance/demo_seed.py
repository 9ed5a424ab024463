"""Demo clearance: orders of the demo buyer in every clearance state and one completed summary declaration.

The orders are placed, paid and shipped through the ordering operations, so the clearance outbox is written by
the real signal receivers; the simulator then plays customs inside the seeding transaction (``_pump`` does
what the worker does, without committing). Idempotent: demo orders carry a ``demo-clearance:`` note and are
made once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select

from storefront.accounts.operations import find_user
from storefront.catalog.models import Product
from storefront.clearance import departures, ingest, operations, signing, summary
from storefront.clearance.models import ClearanceCase, OutboxMessage, SummaryDeclaration, to_utc, utcnow
from storefront.clearance.status import MessageStatus
from storefront.clearance.transports import Outgoing
from storefront.clearance.transports.simulator import Simulator, db_lookup
from storefront.extensions import db
from storefront.ordering.cart import Cart, CartLine, MerchantGroup
from storefront.ordering.models import Order
from storefront.ordering.operations import CheckoutData, place_order, ship_order
from storefront.payments import operations as pay_ops
from storefront.payments import payables

NOTE = "demo-clearance:"
#: (key, destination, charge currency, merchant index, what happens after payment).
PLAN = (
    ("closed-1", "RU", "USD", 0, "close"),
    ("closed-2", "RU", "USD", 0, "close"),
    ("closed-3", "RU", "EUR", 0, "close"),
    ("declared", "KR", "KRW", 1, "pay"),
    ("released", "MN", "USD", 1, "release"),
    ("rejected", "RU", "EUR", 1, "reject"),
)


def _pump(now: Callable[[], datetime], rounds: int = 5) -> None:
    """Send pending messages to the simulator and apply its receipts, in this transaction."""
    simulator = Simulator(lookup=db_lookup, clock=now)
    for _ in range(rounds):
        pending = db.session.scalars(
            select(OutboxMessage).where(OutboxMessage.status == MessageStatus.PENDING.value).order_by(OutboxMessage.id)
        ).all()
        if not pending:
            return
        for message in pending:
            simulator.send(Outgoing(message.guid, message.kind, message.business_key, message.payload))
            message.status, message.sent_at, message.attempts = MessageStatus.SENT.value, to_utc(now()), 1
        db.session.flush()
        for incoming in simulator.receive():
            ingest.ingest(incoming.data, source="demo", now=now())


def _place(buyer, product, qty: int, country: str, currency: str, key: str):
    """Place the demo buyer's order for one product through the checkout service."""

    data = CheckoutData(
        email=buyer.email,
        contact_name=buyer.name or "Demo buyer",
        country=country,
        city="Demo City",
        address_line1="1 Demo Street",
        postal_code="000000",
        currency=currency,
        note=f"{NOTE}{key}",
        customs_id="P100000000001",  # the demo buyer's Korean customs code (used only for Korean parcels)
    )
    group = MerchantGroup(merchant=product.merchant, lines=[CartLine(variant=product.default_variant, qty=qty)])
    return place_order(Cart(groups=[group]), data, user_id=buyer.id, lang="ru", actor="demo")


def _products():
    """One sellable demo product for each of the first two merchants that have one."""

    chosen: dict[int, Product] = {}
    for product in db.session.scalars(select(Product).where(Product.hidden.is_(False)).order_by(Product.id)):
        if product.merchant_id not in chosen and product.stock >= 3 * product.moq + 10:
            chosen[product.merchant_id] = product
        if len(chosen) == 2:
            break
    return list(chosen.values())


def ensure_demo_identity(config) -> None:
    """Generate the demo signing key and certificate (spec §6) unless files are configured or exist."""
    kind = signing.signer_kind(config)
    if kind == "none" or config.get("CLEARANCE_SIGN_KEY") or config.get("CLEARANCE_SIGN_CERT"):
        return
    key_path, _cert_path = signing.signing_paths(config)
    signing.write_identity(key_path.parent, kind, config.get("CLEARANCE_EBP_NAME") or "Kuajing demo")


def seed_clearance_demo(buyer_email: str) -> dict[str, int]:
    """Create the demo clearance orders (bought by ``buyer_email``) and summary declaration once; return what
    exists."""

    ensure_demo_identity(current_app.config)
    exists = db.session.scalar(select(func.count()).select_from(Order).where(Order.note.like(f"{NOTE}%")))
    buyer, products = find_user(buyer_email), _products()
    if not exists and buyer is not None and len(products) == 2:
        orders = {}
        for key, country, currency, index, _fate in PLAN:
            product = products[index]
            order = _place(buyer, product, product.moq, country, currency, key)
            # paid by a (demo) bank transfer through the payments domain, so the money is in the ledger
            due = payables.get("order").amount_due(order)
            pay_ops.record_manual_payment("order", order, due, f"TT-DEMO-{key}", actor="demo")
            orders[key] = order
        _pump(utcnow)
        for key, *_rest, fate in PLAN:
            sub = orders[key].sub_orders[0]
            if fate == "reject":  # the fix-flow case: a wrong first legal unit, which customs refuses
                case = db.session.scalar(select(ClearanceCase).where(ClearanceCase.sub_order_id == sub.id))
                case.lines[0].unit1 = "011" if case.lines[0].unit1 != "011" else "035"
            if fate in ("close", "reject"):
                ship_order(sub, "EMS", f"EE{sub.id:09d}CN", actor="demo")
        _pump(utcnow)
        closing = [orders[key].sub_orders[0].id for key, *_rest, fate in PLAN if fate == "close"]
        cases = [operations.case_for(sub_id) for sub_id in closing]
        departures.declare(  # the flight that carried the demo parcels (one CEB509 for all of them)
            cases[0].merchant_id,
            [case.id for case in cases],
            traf_mode="5",
            traf_name="中国国际航空 CA909（演示）",
            voyage_no="CA909",
            bill_no="999-12345675",
            leave_time=utcnow(),
            port_code="0901",
        )
        _pump(utcnow)
        month = summary.previous_month(utcnow())  # the demo's closed lists closed last month
        for key, *_rest, fate in PLAN:
            case = operations.case_for(orders[key].sub_orders[0].id)
            if fate == "close" and case.closed_at is not None:
                case.closed_at = summary.month_bounds(month)[0] + timedelta(days=12)
        db.session.flush()
        summary.summarize(month)
        _pump(utcnow)
        released = orders["released"].sub_orders[0]
        ship_order(released, "China Post", f"RR{released.id:09d}CN", actor="demo")
        _pump(utcnow, rounds=1)  # released; its departure waits for the worker
    return {
        "clearance cases": db.session.scalar(select(func.count()).select_from(ClearanceCase)) or 0,
        "summary declarations": db.session.scalar(select(func.count()).select_from(SummaryDeclaration)) or 0,
    }
