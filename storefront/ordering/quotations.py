"""Requests for quotation and quotations: a buyer asks, the merchant quotes, the buyer accepts → an order at
exactly the quoted prices through :func:`storefront.ordering.operations.place_order`, paid by card or by T/T in
a deposit and a balance (:mod:`storefront.ordering.instalments`).

The RFQ's conversation (kind ``rfq``) belongs to :mod:`storefront.messaging.rfq`. Operations check everything
before writing, flush and never commit.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from storefront.accounts.models import Merchant, User
from storefront.catalog.models import Product, ProductVariant
from storefront.catalog.units import UNITS, unit_code
from storefront.core.errors import CodedError
from storefront.extensions import db
from storefront.ordering import instalments
from storefront.ordering import operations as ops
from storefront.ordering.cart import MAX_STORED_QTY, Cart, CartLine, MerchantGroup, max_qty
from storefront.ordering.freight import incoterms
from storefront.ordering.freight.cards import valid_cards
from storefront.ordering.freight.modes import modes
from storefront.ordering.models import Order
from storefront.ordering.pricing import charge_currencies, quote, rate_for, to_fen
from storefront.ordering.pricing import today as pricing_today
from storefront.ordering.rfq_models import Quotation, QuotationLine, Rfq
from storefront.ordering.shipping import zone_for
from storefront.ordering.states import Cause, DeliveryTerms, PayMethod

MAX_NEED = 2000
MAX_LINES = 20
#: Largest amount in minor units (a bound for forms and arithmetic).
MAX_MINOR = 10**12
STATUS_LABELS = {
    "open": _l("Waiting for a quotation"),
    "quoted": _l("Quotation received"),
    "accepted": _l("Accepted"),
    "closed": _l("Closed"),
    "expired": _l("Expired"),
}
PAY_TERMS_LABELS = {"card": _l("Card, the whole amount"), "tt": _l("T/T: deposit, balance before shipment")}


class RfqError(CodedError):
    """An RFQ, quotation or acceptance the rules refuse; ``message`` is translated."""

    MESSAGES = {
        "need": _l("Describe what you need (at most %(n)s characters)."),
        "quantity": _l("Enter a quantity of at least 1."),
        "country": _l("We do not ship to this country yet."),
        "incoterm": _l("Choose delivery terms from the list."),
        "currency": _l("Choose a currency from the list."),
        "target": _l("The target price must be more than zero."),
        "date": _l("The date must be in the future."),
        "own": _l("This is your own shop: buyers write to you here."),
        "variant_foreign": _l("This variant is not one of your products."),
        "variant_product": _l("This variant belongs to another product than the one the buyer asked about."),
        "moq": _l("The quantity is below the minimum order of %(n)s."),
        "step": _l("This product is sold in steps of %(n)s: enter a multiple of that."),
        "lines": _l("Quote at least one line and at most %(n)s."),
        "price": _l("Each unit price must be more than zero."),
        "freight": _l("Freight cannot be negative."),
        "deposit": _l("The deposit must be between %(low)s and %(high)s percent."),
        "valid_until": _l("The quotation must be valid until a day in the future."),
        "closed": _l("This request is closed."),
        "expired": _l("This quotation expired on %(date)s and can no longer be accepted."),
        "not_offered": _l("This quotation can no longer be accepted."),
    }


@dataclass(frozen=True)
class RfqData:
    """What the buyer typed on the RFQ form."""

    need: str
    quantity: int
    country: str
    incoterm: str
    unit: str = "piece"
    target_price_minor: int | None = None
    target_currency: str = ""
    required_by: date | None = None


@dataclass(frozen=True)
class LineData:
    """One quotation line as the merchant typed it."""

    variant_id: int
    qty: int
    unit_price_minor: int


@dataclass(frozen=True)
class QuotationData:
    """The merchant's quotation as typed."""

    lines: tuple[LineData, ...]
    currency: str
    incoterm: str
    valid_until: date
    freight_minor: int = 0
    named_place: str = ""
    pay_terms: str = "card"
    deposit_percent: int | None = None
    note: str = ""


def today() -> date:
    """Today in UTC (validity dates are days)."""
    return datetime.now(UTC).date()


def incoterm_codes() -> tuple[str, ...]:
    """Delivery terms an RFQ or quotation may name (those an order supports)."""
    return tuple(t.value for t in DeliveryTerms)


def check_quantity(product: Product, qty: int) -> None:
    """The cart's rules for goods: at least the MOQ (rounded up to a whole step), in whole steps."""
    step = product.qty_step or 1
    moq = -(-product.moq // step) * step
    if qty % step:
        raise RfqError("step", n=product.amount(step))
    if qty < moq:
        raise RfqError("moq", n=product.amount(moq))


def create_rfq(
    buyer: User,
    merchant: Merchant,
    data: RfqData,
    *,
    product: Product | None = None,
    variant: ProductVariant | None = None,
    lang: str = "en",
) -> Rfq:
    """Record a buyer's request to a merchant (about a product and variant, or free text)."""
    need = (data.need or "").strip()
    if not need or len(need) > MAX_NEED:
        raise RfqError("need", n=MAX_NEED)
    if merchant.owner_id == buyer.id:
        raise RfqError("own")
    if not isinstance(data.quantity, int) or not 0 < data.quantity <= MAX_STORED_QTY:
        raise RfqError("quantity")
    if zone_for(data.country or "") is None:
        raise RfqError("country")
    if data.incoterm not in incoterm_codes():
        raise RfqError("incoterm")
    if data.target_price_minor is not None:
        if not 0 < data.target_price_minor <= MAX_MINOR:
            raise RfqError("target")
        if data.target_currency not in charge_currencies():
            raise RfqError("currency")
    if data.required_by is not None and data.required_by <= today():
        raise RfqError("date")
    if variant is not None and (product is None or variant.product_id != product.id):
        raise RfqError("variant_product")
    unit = product.unit if product is not None else (data.unit if data.unit in UNITS else "piece")
    rfq = Rfq(
        buyer_id=buyer.id,
        merchant_id=merchant.id,
        product_id=product.id if product is not None else None,
        variant_id=variant.id if variant is not None else None,
        need=need,
        quantity=data.quantity,
        unit=unit_code(unit),
        target_price_minor=data.target_price_minor,
        target_currency=data.target_currency if data.target_price_minor else "",
        country=data.country.upper(),
        incoterm=data.incoterm,
        required_by=data.required_by,
        status="open",
        lang=lang,
        created_at=datetime.now(UTC),
    )
    db.session.add(rfq)
    db.session.flush()
    return rfq


def _check_lines(rfq: Rfq, lines: tuple[LineData, ...]) -> list[tuple[ProductVariant, LineData]]:
    if not 0 < len(lines) <= MAX_LINES:
        raise RfqError("lines", n=MAX_LINES)
    checked = []
    for line in lines:
        variant = db.session.get(ProductVariant, line.variant_id)
        if variant is None or variant.product.merchant_id != rfq.merchant_id:
            raise RfqError("variant_foreign")
        if rfq.product_id is not None and variant.product_id != rfq.product_id:
            raise RfqError("variant_product")
        if not 0 < line.qty <= max_qty(variant.product):
            raise RfqError("quantity")
        check_quantity(variant.product, line.qty)
        if not 0 < line.unit_price_minor <= MAX_MINOR:
            raise RfqError("price")
        checked.append((variant, line))
    return checked


def submit_quotation(rfq: Rfq, data: QuotationData, *, author: User | None) -> Quotation:
    """The merchant answers an RFQ with a quotation (earlier offers stay until they expire)."""
    if rfq.status not in {"open", "quoted"}:
        raise RfqError("closed")
    checked = _check_lines(rfq, data.lines)
    if data.currency not in charge_currencies():
        raise RfqError("currency")
    if data.incoterm not in incoterm_codes():
        raise RfqError("incoterm")
    if not 0 <= data.freight_minor <= MAX_MINOR:
        raise RfqError("freight")
    pay_terms = data.pay_terms if data.pay_terms in PAY_TERMS_LABELS else "card"
    deposit = None
    if pay_terms == "tt":
        deposit = data.deposit_percent
        if deposit is None or not instalments.DEPOSIT_MIN <= deposit <= instalments.DEPOSIT_MAX:
            raise RfqError("deposit", low=instalments.DEPOSIT_MIN, high=instalments.DEPOSIT_MAX)
    if data.valid_until <= today():
        raise RfqError("valid_until")
    quotation = Quotation(
        rfq_id=rfq.id,
        currency=data.currency,
        freight_minor=data.freight_minor,
        incoterm=data.incoterm,
        named_place=(data.named_place or "").strip()[:120],
        pay_terms=pay_terms,
        deposit_percent=deposit,
        valid_until=data.valid_until,
        note=(data.note or "").strip()[:MAX_NEED],
        status="offered",
        created_by_id=getattr(author, "id", None),
        created_at=datetime.now(UTC),
    )
    for variant, line in checked:
        quotation.lines.append(
            QuotationLine(variant_id=variant.id, variant=variant, qty=line.qty, unit_price_minor=line.unit_price_minor)
        )
    rfq.quotations.append(quotation)
    rfq.status = "quoted"
    db.session.flush()
    return quotation


def is_expired(quotation: Quotation, on: date | None = None) -> bool:
    """True once the quotation's last valid day has passed."""
    return quotation.status == "expired" or (quotation.status == "offered" and quotation.valid_until < (on or today()))


def accept(quotation: Quotation, buyer: User, data: ops.CheckoutData, *, lang: str, on: date | None = None) -> Order:
    """The buyer accepts: an order at exactly the quoted prices and freight (stock reserved), with a deposit +
    balance schedule for T/T. Nothing is written when anything is refused."""
    rfq = quotation.rfq
    if rfq.buyer_id != buyer.id:
        raise RfqError("not_offered")  # views answer 404 before getting here
    if is_expired(quotation, on):
        raise RfqError("expired", date=quotation.valid_until.isoformat())
    if quotation.status != "offered" or rfq.status not in {"open", "quoted"}:
        raise RfqError("not_offered")
    checked = _check_lines(rfq, tuple(LineData(ln.variant_id, ln.qty, ln.unit_price_minor) for ln in quotation.lines))
    rate = rate_for(quotation.currency)
    cart = Cart(
        [
            MerchantGroup(
                rfq.merchant,
                [
                    CartLine(
                        variant,
                        line.qty,
                        quoted_minor=line.unit_price_minor,
                        quoted_fen=to_fen(line.unit_price_minor, quotation.currency, rate),
                    )
                    for variant, line in checked
                ],
            )
        ]
    )
    pay_method = PayMethod.TRANSFER.value if quotation.pay_terms == "tt" else PayMethod.CARD.value
    data = replace(
        data,
        currency=quotation.currency,
        terms=quotation.incoterm,
        pay_method=pay_method,
        mode=_mode_for(cart, quotation, data.country, has_customs_id=bool(data.customs_id.strip())),
    )
    actor = f"buyer:{buyer.id}"
    order = ops.place_order(cart, data, user_id=buyer.id, lang=lang, actor=actor, freight_minor=quotation.freight_minor)
    if quotation.pay_terms == "tt":
        instalments.create(order, quotation.deposit_percent or instalments.DEPOSIT_MIN)
    ops.record_event(order, order.status, order.status, Cause.QUOTATION_ACCEPTED, actor, f"quotation {quotation.id}")
    quotation.status, quotation.order_id = "accepted", order.id
    rfq.status = "accepted"
    db.session.flush()
    return order


def _mode_for(cart: Cart, quotation: Quotation, country: str, *, has_customs_id: bool) -> str:
    """The transport of a quoted order: the cheapest mode that fits the goods and the terms (a sea mode for FOB
    and CIF) and, unless the buyer gave one, needs no personal customs identity ("": checkout's rule chooses)."""
    zone = zone_for(country)
    if zone is None:
        return ""
    priced = quote(cart, quotation.currency, zone, quotation.incoterm, cards=valid_cards(pricing_today()))
    sea_only = incoterms.rule(quotation.incoterm).sea_only
    fitting = [
        o
        for o in priced.options
        if (modes()[o.mode].sea or not sea_only) and (has_customs_id or not ops.needs_customs_id(country, o.mode))
    ]
    return min(fitting, key=lambda o: o.fen).mode if fitting else ""


def close(rfq: Rfq) -> None:
    """Either side closes an RFQ that has not become an order."""
    if rfq.status not in {"open", "quoted"}:
        raise RfqError("closed")
    rfq.status = "closed"
    db.session.flush()


def expire(on: date | None = None) -> int:
    """Mark offered quotations past their validity expired, and RFQs left with nothing to accept; how many."""
    day = on or today()
    stale = list(
        db.session.scalars(select(Quotation).where(Quotation.status == "offered", Quotation.valid_until < day))
    )
    for quotation in stale:
        quotation.status = "expired"
        rfq = quotation.rfq
        if rfq.status == "quoted" and all(q.status != "offered" for q in rfq.quotations):
            rfq.status = "expired"
    db.session.flush()
    return len(stale)


def quotation_for(order: Order) -> Quotation | None:
    """The quotation an order came from, or None."""
    return db.session.scalars(select(Quotation).where(Quotation.order_id == order.id)).first()


def asked_since(buyer: User, since: datetime) -> int:
    """How many RFQs a buyer has sent since a moment (the daily bound)."""
    stmt = select(func.count(Rfq.id)).where(Rfq.buyer_id == buyer.id, Rfq.created_at >= since)
    return int(db.session.scalar(stmt) or 0)


def rfqs_of_buyer(user: User) -> list[Rfq]:
    """A buyer's RFQs, newest first."""
    return list(db.session.scalars(select(Rfq).where(Rfq.buyer_id == user.id).order_by(Rfq.id.desc()).limit(200)))


def rfqs_of_merchant(merchant: Merchant) -> list[Rfq]:
    """RFQs addressed to a merchant, newest first."""
    stmt = select(Rfq).where(Rfq.merchant_id == merchant.id).order_by(Rfq.id.desc()).limit(200)
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class MerchantRfqStats:
    """A merchant's RFQ volume and how fast it answers."""

    merchant: Merchant
    rfqs: int
    quoted: int
    accepted: int
    #: Median hours from the RFQ to the merchant's first quotation or message (None: never answered).
    median_hours: float | None


def response_stats(first_replies: dict[int, datetime]) -> list[MerchantRfqStats]:
    """RFQ volume and median first-response time per merchant, busiest first.

    ``first_replies`` maps an RFQ id to the merchant's first message in its thread (from messaging)."""
    first_quote = dict(
        db.session.execute(select(Quotation.rfq_id, func.min(Quotation.created_at)).group_by(Quotation.rfq_id)).all()
    )
    per_merchant: dict[int, list[Rfq]] = defaultdict(list)
    for rfq in db.session.scalars(select(Rfq).order_by(Rfq.id)):
        per_merchant[rfq.merchant_id].append(rfq)
    rows = []
    for merchant_id, items in per_merchant.items():
        hours = []
        for rfq in items:
            times = [t for t in (first_quote.get(rfq.id), first_replies.get(rfq.id)) if t is not None]
            if times:
                answered = min(ops.as_utc(t) for t in times)
                hours.append((answered - ops.as_utc(rfq.created_at)).total_seconds() / 3600)
        rows.append(
            MerchantRfqStats(
                merchant=db.session.get(Merchant, merchant_id),
                rfqs=len(items),
                quoted=sum(1 for r in items if r.quotations),
                accepted=sum(1 for r in items if r.status == "accepted"),
                median_hours=round(statistics.median(hours), 1) if hours else None,
            )
        )
    return sorted(rows, key=lambda r: (-r.rfqs, r.merchant.id))
