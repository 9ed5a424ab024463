"""Order state changes. Each one is a compare-and-set on the status plus an ``order_events`` row; they flush,
never commit (the request or CLI command commits once), and fire the order signals inside the transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.orm.attributes import set_committed_value

from storefront.core.locales import LANGS
from storefront.extensions import db
from storefront.ordering import instalments, stock
from storefront.ordering.cart import Cart
from storefront.ordering.freight import duty_rules, incoterms
from storefront.ordering.freight.cards import valid_cards
from storefront.ordering.freight.modes import modes
from storefront.ordering.models import Order, OrderEvent, OrderLine, SubOrder
from storefront.ordering.numbers import new_number
from storefront.ordering.pricing import GroupQuote, Quote, charge_currencies, quote, today
from storefront.ordering.shipping import zone_for
from storefront.ordering.signals import order_cancelled, order_paid, order_placed, order_shipped
from storefront.ordering.states import TRANSITIONS, UNPAID, Cause, DeliveryTerms, OrderStatus, PayMethod


class CheckoutError(ValueError):
    """The cart or the checkout data cannot become an order (``code`` says why)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class CheckoutData:
    """What the buyer typed at checkout (validated by the form; no prices or totals in here)."""

    email: str
    contact_name: str
    country: str
    city: str
    address_line1: str
    currency: str
    phone: str = ""
    region: str = ""
    postal_code: str = ""
    address_line2: str = ""
    terms: str = DeliveryTerms.DAP.value
    pay_method: str = PayMethod.CARD.value
    note: str = ""
    #: Transport mode chosen among the quoted ones ("" = the cheapest).
    mode: str = ""
    #: The buyer's personal customs identity when the destination's carrier needs it (CUSTOMS_ID_RULES).
    customs_id: str = ""


@dataclass(frozen=True)
class CustomsIdRule:
    """A destination whose carriers need the buyer's personal identity for customs, and its format."""

    pattern: re.Pattern
    #: Transport modes whose carrier clears the goods as the buyer's personal import.
    modes: frozenset[str]


#: Korea: 개인통관고유부호 (P and 12 digits) for parcels and express; Russia: passport series and number
#: (10 digits) or INN (12 digits) for express couriers.
CUSTOMS_ID_RULES = {
    "KR": CustomsIdRule(re.compile(r"^P\d{12}$"), frozenset({"parcel", "express"})),
    "RU": CustomsIdRule(re.compile(r"^(\d{10}|\d{12})$"), frozenset({"express"})),
}


def needs_customs_id(country: str, mode: str | None) -> bool:
    """True when the buyer must give a personal customs identity for this destination and mode."""
    rule = CUSTOMS_ID_RULES.get(country.upper())
    return rule is not None and (mode or "") in rule.modes


def normalize_customs_id(text: str) -> str:
    """Without spaces and dashes, upper case ("4510 123456" → "4510123456", "p1234…" → "P1234…")."""
    return re.sub(r"[\s-]", "", text or "").upper()


def forget_customs_ids(now: datetime | None = None) -> int:
    """Erase buyers' customs identities the orders no longer need: cancelled or refunded orders, and orders
    shipped more than CUSTOMS_ID_KEEP_DAYS ago (their import clearance is over). Returns how many."""
    cutoff = (now or utcnow()) - timedelta(days=current_app.config["CUSTOMS_ID_KEEP_DAYS"])
    done = {OrderStatus.CANCELLED.value, OrderStatus.REFUNDED.value}
    result = db.session.execute(
        update(Order)
        .where(
            Order.buyer_customs_id != "",
            (Order.status.in_(done)) | ((Order.status == OrderStatus.SHIPPED.value) & (Order.updated_at < cutoff)),
        )
        .values(buyer_customs_id="")
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def utcnow() -> datetime:
    """Now, timezone-aware UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """A stored datetime as aware UTC (SQLite returns naive UTC)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def reservation_window(pay_method: str) -> timedelta:
    """How long unpaid stock is held for a payment method."""
    config = current_app.config
    if pay_method == PayMethod.TRANSFER.value:
        return timedelta(hours=config["TRANSFER_RESERVATION_HOURS"])
    return timedelta(minutes=config["RESERVATION_MINUTES"])


def record_event(
    order: Order,
    from_status: str,
    to_status: str,
    cause: str,
    actor: str,
    detail: str = "",
    sub_order: SubOrder | None = None,
) -> OrderEvent:
    """Append an order event."""
    event = OrderEvent(
        order_id=order.id,
        sub_order_id=sub_order.id if sub_order else None,
        from_status=from_status,
        to_status=to_status,
        cause=str(cause),
        actor=actor[:40],
        detail=detail,
    )
    db.session.add(event)
    db.session.flush()
    return event


def place_order(
    cart: Cart,
    data: CheckoutData,
    *,
    user_id: int | None,
    lang: str,
    actor: str,
    freight_minor: int | None = None,
) -> Order:
    """Turn the cart into an order with one sub-order per merchant, taking the stock (raises OutOfStock).

    An accepted quotation comes here too: its lines carry the quoted prices and ``freight_minor`` its freight.
    """
    c = _checked(cart, data, freight_minor)
    q = c.quote
    stock.take_all([(line.variant.id, line.qty) for line in cart.lines])
    now = utcnow()
    status = OrderStatus.AWAITING_TRANSFER if c.pay_method == PayMethod.TRANSFER.value else OrderStatus.PENDING_PAYMENT
    order = _new_order(data, c, user_id=user_id, lang=lang, status=status, now=now)
    for position, gq in enumerate(q.groups, start=1):
        order.sub_orders.append(_sub_order(order.number, position, gq, status))
    db.session.add(order)
    db.session.flush()
    stock.record(order, [(line.product.id, line.variant.id, line.qty) for line in cart.lines])
    record_event(order, "", order.status, Cause.PLACED, actor)
    order_placed.send(order)
    return order


def _new_order(
    data: CheckoutData, c: _Checked, *, user_id: int | None, lang: str, status: OrderStatus, now: datetime
) -> Order:
    """The order row: the buyer's address and choices as checked, the quote's totals, a fresh number."""
    q = c.quote
    return Order(
        number=new_number(now),
        user_id=user_id,
        status=status.value,
        lang=lang,
        email=data.email.strip().lower(),
        contact_name=data.contact_name.strip(),
        phone=data.phone.strip(),
        country=data.country.upper(),
        region=data.region.strip(),
        city=data.city.strip(),
        postal_code=data.postal_code.strip(),
        address_line1=data.address_line1.strip(),
        address_line2=data.address_line2.strip(),
        shipping_zone=c.zone,
        delivery_terms=c.terms,
        transport_mode=q.option.mode,
        transit_days_min=q.option.days[0],
        transit_days_max=q.option.days[1],
        duty_fen=q.duty_fen,
        duty_minor=q.duty_minor,
        duty_rule=q.duty_rule.key if q.duty_rule else "",
        buyer_customs_id=c.customs_id,
        pay_method=c.pay_method,
        note=data.note.strip(),
        currency=q.currency,
        exchange_rate=q.rate,
        goods_fen=q.goods_fen,
        shipping_fen=q.shipping_fen,
        total_fen=q.total_fen,
        goods_minor=q.goods_minor,
        shipping_minor=q.shipping_minor,
        total_minor=q.total_minor,
        reserved_until=now + reservation_window(c.pay_method),
    )


@dataclass(frozen=True)
class _Checked:
    """A checkout that passed every rule: its quote and the normalised choices."""

    quote: Quote
    zone: str
    terms: str
    pay_method: str
    customs_id: str


def _checked(cart: Cart, data: CheckoutData, freight_minor: int | None) -> _Checked:
    """Quote the cart for the buyer's choices and check every checkout rule (raises CheckoutError)."""
    if cart.is_empty:
        raise CheckoutError("empty_cart")
    if cart.problems:
        raise CheckoutError("cart_problems")
    zone = zone_for(data.country)
    if zone is None:
        raise CheckoutError("country")
    if data.currency not in charge_currencies():
        raise CheckoutError("currency")
    terms = data.terms if data.terms in {t.value for t in DeliveryTerms} else DeliveryTerms.DAP.value
    pay_method = data.pay_method if data.pay_method in {m.value for m in PayMethod} else PayMethod.CARD.value
    q = quote(
        cart,
        data.currency,
        zone,
        terms,
        data.mode or None,
        country=data.country.upper(),
        cards=valid_cards(today()),
        duty_rules=duty_rules.current(),
        freight_minor=freight_minor,
    )
    if q.option is None or (data.mode and q.mode != data.mode):
        raise CheckoutError("mode")
    if incoterms.rule(terms).sea_only and not modes()[q.option.mode].sea:
        raise CheckoutError("terms")
    if incoterms.rule(terms).charges_duties and q.duty_rule is None:
        raise CheckoutError("ddp")  # DDP only where the platform can estimate and collect the duties
    customs_id = normalize_customs_id(data.customs_id)
    if needs_customs_id(data.country, q.mode):
        if not CUSTOMS_ID_RULES[data.country.upper()].pattern.match(customs_id):
            raise CheckoutError("customs_id")
    else:
        customs_id = ""
    if q.goods_fen <= 0 or q.total_minor <= 0:
        raise CheckoutError("amount")
    return _Checked(q, zone, terms, pay_method, customs_id)


def _sub_order(number: str, position: int, gq: GroupQuote, status: OrderStatus) -> SubOrder:
    """One merchant's part of the order, its lines frozen as quoted (names, customs data, prices)."""
    sub = SubOrder(
        merchant_id=gq.group.merchant.id,
        number=f"{number}-{position}",
        position=position,
        status=status.value,
        goods_fen=gq.goods_fen,
        shipping_fen=gq.shipping_fen,
        goods_minor=gq.goods_minor,
        shipping_minor=gq.shipping_minor,
        net_weight_g=gq.group.net_weight_g,
        gross_weight_g=gq.group.gross_weight_g,
        duty_fen=gq.duty_fen,
        duty_minor=gq.duty_minor,
        rate_card=gq.lane.card.ref if gq.lane else "",
        freight_route=_route(gq.lane),
    )
    for line_no, lq in enumerate(gq.lines, start=1):
        p, v = lq.line.product, lq.line.variant
        sub.lines.append(
            OrderLine(
                product_id=p.id,
                variant_id=v.id,
                position=line_no,
                sku=v.effective_sku,
                names={code: t.name for code, t in p.translations.items() if t.name},
                variant_names=v.labels(LANGS),
                unit=p.unit,
                is_sample=lq.line.sample,
                hs_code=v.customs_hs_code,
                customs_name=p.customs_name,
                customs_unit=p.customs_unit,
                model=v.customs_model,
                origin_city_slug=p.origin_city_slug,
                qty=lq.line.qty,
                unit_price_fen=lq.line.unit_fen,
                list_price_fen=lq.line.price.list_fen,
                promotion_id=lq.line.price.promotion.id if lq.line.price.promotion else None,
                unit_price_minor=lq.unit_minor,
                net_weight_g=v.net_weight,
                gross_weight_g=v.gross_weight,
            )
        )
    return sub


def _route(lane) -> str:
    if lane is None:
        return ""
    return (f"{lane.lane.origin} – {lane.lane.via}" if lane.lane.via else lane.lane.origin)[:90]


def transition(order: Order, to: OrderStatus, *, cause: str, actor: str, detail: str = "") -> bool:
    """Move the order (and its sub-orders) to ``to`` if allowed from its current status; False otherwise."""
    db.session.flush()
    for _attempt in range(3):
        db.session.refresh(order, ["status"])
        current = order.status
        if current not in TRANSITIONS[to]:
            return False
        result = db.session.execute(
            update(Order)
            .where(Order.id == order.id, Order.status == current)
            .values(status=to.value, updated_at=func.now())
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:
            set_committed_value(order, "status", to.value)
            if to != OrderStatus.SHIPPED:
                for sub in order.sub_orders:
                    sub.status = to.value
            record_event(order, current, to.value, cause, actor, detail)
            return True
    return False


def flag(order: Order, reason: str, *, cause: str, actor: str, detail: str = "") -> None:
    """Mark the order for an operator's attention (status unchanged) and record why."""
    order.review_reason = reason[:40]
    record_event(order, order.status, order.status, cause, actor, detail)


def mark_paid(order: Order, *, payment_ref: str, cause: str, actor: str, _retries: int = 3) -> str:
    """Money received and checked: paid (once), late-paid, refund due or double payment; returns which."""
    if _retries <= 0:
        raise RuntimeError(f"order {order.number}: status keeps changing while marking it paid")
    db.session.flush()
    db.session.refresh(order, ["status", "payment_ref"])
    if order.status in {OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.REFUND_DUE}:
        if order.payment_ref == payment_ref:
            return "duplicate"
        flag(order, "double_payment", cause=Cause.DOUBLE_PAYMENT, actor=actor, detail=payment_ref)
        return "double_payment"
    outcome = "paid"
    if order.status == OrderStatus.CANCELLED:
        if not stock.retake(order):
            if transition(
                order,
                OrderStatus.REFUND_DUE,
                cause=Cause.LATE_PAYMENT_NO_STOCK,
                actor=actor,
                detail=payment_ref,
            ):
                order.payment_ref = payment_ref
                flag(order, "refund_due", cause=Cause.LATE_PAYMENT_NO_STOCK, actor=actor, detail=payment_ref)
                return "refund_due"
            return mark_paid(order, payment_ref=payment_ref, cause=cause, actor=actor, _retries=_retries - 1)
        if not transition(order, OrderStatus.PAID, cause=Cause.LATE_PAYMENT, actor=actor, detail=payment_ref):
            raise RuntimeError(f"order {order.number}: could not mark a late payment")  # rolled back by caller
        outcome = "late_paid"
    elif transition(order, OrderStatus.PAID, cause=cause, actor=actor, detail=payment_ref):
        stock.consume(order)
    else:
        # lost a race (e.g. the webhook and the buyer's return at once): re-read and decide again
        return mark_paid(order, payment_ref=payment_ref, cause=cause, actor=actor, _retries=_retries - 1)
    order.paid_at = utcnow()
    order.payment_ref = payment_ref
    db.session.flush()
    order_paid.send(order, cause=str(cause), payment_ref=payment_ref)
    return outcome


def mark_payment_failed(order: Order, *, code: str, actor: str) -> bool:
    """A card attempt was declined: the order stays payable (retry) while its reservation holds."""
    return transition(order, OrderStatus.PAYMENT_FAILED, cause=Cause.CARD_DECLINED, actor=actor, detail=code)


def choose_pay_method(order: Order, method: str, *, actor: str) -> bool:
    """Switch an unpaid order between card and bank transfer (a transfer holds the stock longer)."""
    if method == order.pay_method or order.status not in UNPAID or instalments.has_schedule(order):
        return False
    if method == PayMethod.TRANSFER.value:
        moved = transition(order, OrderStatus.AWAITING_TRANSFER, cause=Cause.TRANSFER_CHOSEN, actor=actor)
        if moved:
            order.reserved_until = max(as_utc(order.reserved_until), utcnow() + reservation_window(method))
    else:
        moved = transition(order, OrderStatus.PENDING_PAYMENT, cause=Cause.CARD_CHOSEN, actor=actor)
    if moved:
        order.pay_method = method
        db.session.flush()
    return moved


def expired_orders(now: datetime | None = None, limit: int = 500) -> list[Order]:
    """Unpaid orders whose reservation has run out."""
    return list(
        db.session.scalars(
            select(Order)
            .where(Order.status.in_([s.value for s in UNPAID]), Order.reserved_until < (now or utcnow()))
            .order_by(Order.reserved_until)
            .limit(limit)
        )
    )


def cancel_expired(now: datetime | None = None) -> list[Order]:
    """Cancel unpaid orders past their reservation and give their stock back (the release job)."""
    cancelled = []
    for order in expired_orders(now):
        if transition(order, OrderStatus.CANCELLED, cause=Cause.RESERVATION_EXPIRED, actor="system"):
            stock.release(order)
            order_cancelled.send(order, cause=str(Cause.RESERVATION_EXPIRED))
            cancelled.append(order)
    return cancelled


def ship_order(sub_order: SubOrder, carrier: str, tracking_no: str, *, actor: str) -> bool:
    """A merchant ships its sub-order; the order is shipped once every sub-order is. False if not paid."""
    carrier, tracking_no = carrier.strip()[:80], tracking_no.strip()[:40]
    if not carrier or not tracking_no:
        raise ValueError("carrier and tracking number are required")
    # one shipper per order at a time (PostgreSQL row lock; SQLite's write lock does the same)
    db.session.execute(select(Order.id).where(Order.id == sub_order.order_id).with_for_update())
    result = db.session.execute(
        update(SubOrder)
        .where(SubOrder.id == sub_order.id, SubOrder.status == OrderStatus.PAID.value)
        .values(status=OrderStatus.SHIPPED.value, carrier=carrier, tracking_no=tracking_no, shipped_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(sub_order)
    if result.rowcount != 1:
        return False
    order = sub_order.order
    record_event(
        order,
        OrderStatus.PAID.value,
        OrderStatus.SHIPPED.value,
        Cause.SHIPPED,
        actor,
        f"{carrier} {tracking_no}",
        sub_order=sub_order,
    )
    if all(sub.status == OrderStatus.SHIPPED.value for sub in order.sub_orders):
        transition(order, OrderStatus.SHIPPED, cause=Cause.SHIPPED, actor=actor)
    order_shipped.send(sub_order, carrier=carrier, tracking_no=tracking_no)
    return True
