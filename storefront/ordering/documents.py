"""Trade documents: the ONE place that assembles what a proforma invoice, a commercial invoice and a packing list
say about an order, and the T/T bank details with their labels.

Documents are in the reader's language (the URL's) with the Chinese label alongside where customs or banks need it;
templates under ``templates/documents/`` render them, :func:`storefront.core.pdf.render_pdf` turns them into PDF.
Nothing here writes to the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from storefront.catalog.models import Product
from storefront.catalog.units import quantity
from storefront.config import bank_details
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ordering import instalments
from storefront.ordering.freight import incoterms
from storefront.ordering.freight.packing import Packed, Shipment, pieces_of, shipment
from storefront.ordering.models import Order, OrderLine, SubOrder
from storefront.ordering.shipping import country_name
from storefront.ordering.states import OrderStatus, PayMethod

CHINESE = "zh"
PROFORMA, INVOICE, PACKING = "proforma", "invoice", "packing"
#: Sub-order states in which goods are on their way: commercial invoice and packing list for the buyer.
SHIPPED_STATES = frozenset({OrderStatus.SHIPPED.value})

#: Labels printed with the Chinese alongside (key → msgid).
LABELS = {
    "proforma": _l("Proforma invoice"),
    "invoice": _l("Commercial invoice"),
    "packing": _l("Packing list"),
    "number": _l("Number"),
    "date": _l("Date"),
    "valid_until": _l("Valid until"),
    "order": _l("Order"),
    "seller": _l("Seller / exporter"),
    "buyer": _l("Buyer / consignee"),
    "incoterm": _l("Delivery terms"),
    "transport": _l("Transport"),
    "description": _l("Description of goods"),
    "hs_code": _l("HS code"),
    "quantity": _l("Quantity"),
    "unit_price": _l("Unit price"),
    "amount": _l("Amount"),
    "goods": _l("Goods"),
    "freight": _l("Freight"),
    "duty": _l("Import duties and taxes"),
    "total": _l("Total"),
    "payment_terms": _l("Payment terms"),
    "bank": _l("Bank details for the transfer"),
    "origin": _l("Country of origin"),
    "marks": _l("Shipping marks"),
    "packages": _l("Number of packages"),
    "net": _l("Net weight (kg)"),
    "gross": _l("Gross weight (kg)"),
    "dimensions": _l("Dimensions of a package (cm)"),
    "volume": _l("Volume (m³)"),
}
#: The T/T account's fields (``BANK_FIELDS`` in config) → label.
BANK_LABELS = {
    "account_holder": _l("Account holder (beneficiary)"),
    "bank": _l("Bank"),
    "bank_address": _l("Bank address"),
    "swift": _l("SWIFT / BIC"),
    "account": _l("Account number / IBAN"),
    "reference": _l("Payment reference"),
    "note": _l("Note"),
}


@dataclass(frozen=True)
class Label:
    """A label in the document's language and in Chinese ("" when the document is in Chinese)."""

    text: str
    zh: str


@dataclass(frozen=True)
class BankField:
    """One labelled line of the T/T bank details."""

    key: str
    label: Label
    value: str


def _bilingual(msgids: dict, lang: str) -> dict[str, Label]:
    with force_locale(lang):
        texts = {key: str(msgid) for key, msgid in msgids.items()}
    if lang == CHINESE:
        return {key: Label(text, "") for key, text in texts.items()}
    with force_locale(CHINESE):
        return {key: Label(texts[key], str(msgid)) for key, msgid in msgids.items()}


def labels(lang: str) -> dict[str, Label]:
    """The documents' labels in ``lang`` with Chinese alongside."""
    return _bilingual(LABELS, lang)


def bank_fields(lang: str, reference: str = "") -> list[BankField]:
    """The T/T account (config ``BANK_TRANSFER_DETAILS``) as labelled lines in ``lang`` with Chinese alongside;
    ``reference`` (the order number) is added as the payment reference."""
    account = current_app.config["BANK_TRANSFER_DETAILS"]
    if isinstance(account, str):  # set in code the old way: "Label: value" lines
        account = bank_details(account)
    values = {**account, "reference": reference} if reference else dict(account)
    names = _bilingual(BANK_LABELS, lang)
    return [BankField(key, names[key], values[key]) for key in BANK_LABELS if values.get(key)]


@dataclass(frozen=True)
class PaymentTerm:
    """One instalment of the payment terms: what, how much, by when."""

    label: str
    amount: Money
    due: datetime | None


def payment_terms(order: Order) -> list[PaymentTerm]:
    """The order's payment terms, the single place the proforma's terms come from: the deposit and the balance of
    an order in instalments (a T/T quotation), else one full payment due by the reservation's end while unpaid
    (``due`` None once paid)."""
    parts = instalments.schedule(order)
    if len(parts) > 1:
        return [
            PaymentTerm(
                _("%(part)s, %(percent)s %% by bank transfer (T/T)", part=part.label, percent=part.percent),
                part.amount,
                None if part.paid_at or part.due is None else datetime.combine(part.due, time(23, 59), tzinfo=UTC),
            )
            for part in parts
        ]
    if order.pay_method == PayMethod.TRANSFER.value:
        label = _("Full payment in advance by bank transfer (T/T) before shipment")
    else:
        label = _("Full payment in advance by card")
    return [PaymentTerm(label, order.total, order.reserved_until if order.is_unpaid else None)]


@dataclass(frozen=True)
class DocLine:
    """One line of goods as every document shows it."""

    position: int
    sku: str
    name: str
    name_zh: str
    variant: str
    model: str
    hs_code: str
    customs_name: str
    quantity: str
    unit_price: Money
    amount: Money
    net_kg: float
    gross_kg: float
    packages: int
    dimensions: str
    is_sample: bool


@dataclass(frozen=True)
class Party:
    """Seller or buyer as printed."""

    name: str
    name_alt: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    """A trade document's content: the order part it covers, its lines and totals, in one language."""

    kind: str
    number: str
    lang: str
    order: Order
    subs: tuple[SubOrder, ...]
    date: datetime
    sellers: tuple[Party, ...]
    buyer: Party
    incoterm: str
    named_place: str
    transport_mode: str
    lines: tuple[DocLine, ...]
    goods: Money
    freight: Money
    duty: Money
    total: Money
    total_cny: Money
    net_kg: float
    gross_kg: float
    packages: int
    volume_m3: float
    marks: tuple[str, ...]
    labels: dict[str, Label]
    payment_terms: tuple[PaymentTerm, ...] = ()
    bank: tuple[BankField, ...] = ()
    valid_until: datetime | None = None

    @property
    def sub(self) -> SubOrder:
        """The sub-order of a per-shipment document."""
        return self.subs[0]


@dataclass(frozen=True)
class _Packing:
    """Packing data of a line: the product's package data with the weight sold (snapshot on the line)."""

    gross_weight_g: int
    package_length_mm: int | None
    package_width_mm: int | None
    package_height_mm: int | None
    units_per_package: int
    packages_per_unit: int


def _packing(line: OrderLine, product: Product | None) -> Packed:
    if product is None:  # deleted since: weight only, one unit per package
        return _Packing(line.gross_weight_g, None, None, None, 1, 1)
    return _Packing(
        line.gross_weight_g,
        product.package_length_mm,
        product.package_width_mm,
        product.package_height_mm,
        product.units_per_package,
        product.packages_per_unit,
    )


def _dimensions(packed: Packed) -> str:
    dims = (packed.package_length_mm, packed.package_width_mm, packed.package_height_mm)
    return " × ".join(f"{d / 10:g}" for d in dims) if all(dims) else ""


def _products(ids: set[int]) -> dict[int, Product]:
    if not ids:
        return {}
    return {p.id: p for p in db.session.scalars(select(Product).where(Product.id.in_(ids)))}


def _lines(subs: Sequence[SubOrder], lang: str, currency: str) -> tuple[list[DocLine], Shipment]:
    lines = [line for sub in subs for line in sub.lines]
    products = _products({line.product_id for line in lines if line.product_id})
    packed = [_packing(line, products.get(line.product_id)) for line in lines]
    out = []
    for i, (line, pack) in enumerate(zip(lines, packed, strict=True), start=1):
        product = products.get(line.product_id)
        out.append(
            DocLine(
                position=i,
                sku=line.sku,
                name=str(line.name(lang)),
                name_zh=str(line.name(CHINESE)) if lang != CHINESE else "",
                variant=str(line.variant_name(lang)) if line.variant_names else "",
                model=line.model,
                hs_code=line.hs_code,
                customs_name=line.customs_name,
                quantity=quantity(line.qty, line.unit, product.unit_size if product else 1),
                unit_price=Money(line.unit_price_minor, currency),
                amount=Money(line.total_minor, currency),
                net_kg=line.net_weight_total_g / 1000,
                gross_kg=line.gross_weight_total_g / 1000,
                packages=pieces_of(pack, line.qty, line.scale).count,
                dimensions=_dimensions(pack),
                is_sample=line.is_sample,
            )
        )
    return out, shipment((pack, line.qty, line.scale) for pack, line in zip(packed, lines, strict=True))


def _seller(sub: SubOrder, lang: str) -> Party:
    merchant = sub.merchant
    city = f"{merchant.city.name(lang)}, " if merchant.city else ""
    lines = [
        f"{_('Unified social credit code')}: {merchant.uscc}",
        f"{_('Customs registration code')}: {merchant.customs_code}",
        city + _("Liaoning, China"),
    ]
    if merchant.phone:
        lines.append(merchant.phone)
    alt = merchant.names.get("en", "") if lang == CHINESE else merchant.names.get(lang) or merchant.names.get("en", "")
    return Party(merchant.names.get(CHINESE, ""), alt, tuple(lines))


def _buyer(order: Order, lang: str) -> Party:
    place = f"{order.postal_code} {order.city}".strip() + (f", {order.region}" if order.region else "")
    lines = [order.address_line1, order.address_line2, place, country_name(order.country, lang), order.phone]
    return Party(order.contact_name, "", tuple(line for line in [*lines, order.email] if line))


def named_place(order: Order, sub: SubOrder, lang: str) -> str:
    """The Incoterms named place: where the seller hands over (EXW, FCA, FOB: the merchant's city or the
    lane's origin) or the destination it delivers to (CIF, DAP, DDP: the buyer's city)."""
    if incoterms.rule(order.delivery_terms).charges_freight:
        return f"{order.city}, {country_name(order.country, lang)}"
    origin = sub.freight_route.split(" – ")[0].strip() if sub.freight_route else ""
    if not origin and sub.merchant.city:
        origin = str(sub.merchant.city.name(lang))
    return f"{origin}, {_('China')}" if origin else _("China")


def _money_sum(minors, currency: str) -> Money:
    return Money(sum(minors), currency)


def _document(kind: str, order: Order, subs: Sequence[SubOrder], lang: str, number: str, **extra) -> Document:
    lines, packs = _lines(subs, lang, order.currency)
    everything = len(subs) == len(order.sub_orders)
    currency = order.currency
    return Document(
        kind=kind,
        number=number,
        lang=lang,
        order=order,
        subs=tuple(subs),
        date=order.paid_at or order.created_at,
        sellers=tuple(_seller(sub, lang) for sub in subs),
        buyer=_buyer(order, lang),
        incoterm=order.delivery_terms,
        named_place=named_place(order, subs[0], lang),
        transport_mode=order.transport_mode,
        lines=tuple(lines),
        goods=order.goods if everything else _money_sum((s.goods_minor for s in subs), currency),
        freight=order.shipping if everything else _money_sum((s.shipping_minor for s in subs), currency),
        duty=order.duty if everything else _money_sum((s.duty_minor for s in subs), currency),
        total=order.total if everything else _money_sum((s.total_minor for s in subs), currency),
        total_cny=Money(
            order.total_fen if everything else sum(s.goods_fen + s.shipping_fen + s.duty_fen for s in subs), "CNY"
        ),
        net_kg=sum(s.net_weight_g for s in subs) / 1000,
        gross_kg=sum(s.gross_weight_g for s in subs) / 1000,
        packages=packs.package_count,
        volume_m3=round(packs.volume_m3, 3),
        marks=(order.number, *(s.number for s in subs), country_name(order.country, lang)),
        labels=labels(lang),
        **extra,
    )


def proforma(order: Order, lang: str, subs: Sequence[SubOrder] | None = None) -> Document:
    """The proforma invoice of an order (or of the given sub-orders of it, as a merchant sees its part): lines,
    freight, Incoterm, total, payment terms, the T/T bank details with the order number as reference, validity."""
    return _document(
        PROFORMA,
        order,
        list(subs or order.sub_orders),
        lang,
        f"PI-{order.number}",
        payment_terms=tuple(payment_terms(order)),
        bank=tuple(bank_fields(lang, reference=order.number)),
        valid_until=order.reserved_until if order.is_unpaid else None,
    )


def shipment_document(kind: str, sub: SubOrder, lang: str) -> Document:
    """The commercial invoice (``INVOICE``) or packing list (``PACKING``) of one shipment (a sub-order)."""
    if kind not in {INVOICE, PACKING}:
        raise ValueError(kind)
    return _document(kind, sub.order, [sub], lang, sub.number)


def is_shipped(sub: SubOrder) -> bool:
    """True once the shipment left: the buyer may download its commercial invoice and packing list."""
    return sub.status in SHIPPED_STATES or sub.shipped_at is not None
