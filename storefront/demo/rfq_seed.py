"""Demo requests for quotation from ``data/rfqs.toml``: each RFQ with its thread (the buyer's need, the merchant's
answer) and, where given, an offered quotation. Idempotent: an RFQ already there (same buyer and need) is kept."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from storefront.accounts import operations as accounts
from storefront.accounts.models import Role
from storefront.catalog.models import Product
from storefront.catalog.units import stored
from storefront.demo.datafiles import DATA_DIR, check_records, load
from storefront.extensions import db
from storefront.messaging import rfq as rfq_thread
from storefront.messaging.operations import post
from storefront.ordering import quotations
from storefront.ordering.rfq_models import Rfq

_SCHEMA = {"buyer": str, "lang": str, "sku": str, "quantity": int, "country": str, "incoterm": str, "need": str}


def records() -> list[dict]:
    """The demo RFQs, checked."""
    return check_records(load(DATA_DIR / "rfqs.toml", "rfqs"), _SCHEMA, "rfqs.toml")


def seed_rfqs(password: str) -> dict[str, int]:
    """Load the demo RFQs (buyers created as needed, with the demo password)."""
    made = 0
    for data in records():
        buyer = accounts.find_user(data["buyer"]) or accounts.create_user(
            data["buyer"], password, name=data.get("buyer_name", "Demo buyer"), role=Role.BUYER.value,
            locale=data["lang"],
        )  # fmt: skip
        exists = select(Rfq.id).where(Rfq.buyer_id == buyer.id, Rfq.need == data["need"].strip())
        product = db.session.scalars(select(Product).where(Product.sku == data["sku"])).first()
        if product is None or db.session.scalar(exists) is not None:
            continue
        quantity = stored(data["quantity"], product.unit)  # written in the unit, stored scaled
        request = quotations.RfqData(
            need=data["need"], quantity=quantity, country=data["country"], incoterm=data["incoterm"],
            target_price_minor=data.get("target_price_minor"), target_currency=data.get("target_currency", ""),
        )  # fmt: skip
        item = rfq_thread.start(buyer, product.merchant, request, product=product, lang=data["lang"])
        if data.get("reply"):
            post(rfq_thread.open_for(item), product.merchant.owner, data["reply"], lang="zh")
        offer = data.get("quotation")
        if offer:
            line = quotations.LineData(product.default_variant.id, quantity, offer["unit_price_minor"])
            quotations.submit_quotation(
                item,
                quotations.QuotationData(
                    lines=(line,), currency=offer["currency"], incoterm=offer["incoterm"],
                    valid_until=quotations.today() + timedelta(days=offer["valid_days"]),
                    freight_minor=offer["freight_minor"], named_place=offer["named_place"],
                    pay_terms=offer["pay_terms"], deposit_percent=offer.get("deposit_percent"), note=offer["note"],
                ),
                author=product.merchant.owner,
            )  # fmt: skip
        made += 1
    db.session.flush()
    return {"rfqs": made}
