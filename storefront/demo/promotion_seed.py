"""Demo promotions from ``data/promotions.toml``, saved through the platform's own rules
(``catalog.promotions.save``), their windows counted from the day the demo is loaded. Idempotent: a promotion is
found by its merchant and name, and its window, discount and targets are updated in place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storefront.accounts.models import Merchant
from storefront.catalog.models import Product
from storefront.catalog.promotions import Promotion, save
from storefront.catalog.taxonomy import Category
from storefront.demo.datafiles import DATA_DIR, DemoDataError, check_records, load
from storefront.extensions import db

_SCHEMA = {
    "merchant": str,
    "name": dict,
    "categories": list,
    "products": list,
    "starts_days": int,
    "ends_days": int,
}
#: Languages every demo promotion is named in.
NAME_LANGS = ("zh", "en", "ru", "ko", "mn")


def records() -> list[dict]:
    """The demo promotions, checked: names in every demo language, one kind of discount, a window."""
    found = check_records(load(DATA_DIR / "promotions.toml", "promotions"), _SCHEMA, "promotions.toml")
    for number, data in enumerate(found, 1):
        where = f"promotions.toml, record {number}"
        if any(not isinstance(data["name"].get(lang), str) or not data["name"][lang] for lang in NAME_LANGS):
            raise DemoDataError(f"{where}: 'name' needs {', '.join(NAME_LANGS)}")
        if ("percent" in data) == ("amount_fen" in data):
            raise DemoDataError(f"{where}: give either 'percent' or 'amount_fen'")
        if data["ends_days"] <= data["starts_days"]:
            raise DemoDataError(f"{where}: 'ends_days' must be after 'starts_days'")
    return found


def seed_promotions(today: datetime | None = None) -> dict[str, int]:
    """Load the demo promotions (windows from 00:00 UTC of ``today``, default: this day)."""
    day = (today or datetime.now(UTC)).replace(hour=0, minute=0, second=0, microsecond=0)
    made = 0
    for data in records():
        merchant = db.session.scalars(select(Merchant).where(Merchant.slug == data["merchant"])).one()
        name = data["name"]["zh"]  # the merchant's own name for it (demo merchants work in Chinese)
        promotion = db.session.scalars(
            select(Promotion).where(Promotion.merchant_id == merchant.id, Promotion.name == name)
        ).first() or Promotion(merchant_id=merchant.id, name=name)
        promotion.percent, promotion.amount_fen = data.get("percent"), data.get("amount_fen")
        promotion.starts_at = day + timedelta(days=data["starts_days"])
        promotion.ends_at = day + timedelta(days=data["ends_days"])
        promotion.active = True
        product_ids = list(
            db.session.scalars(
                select(Product.id).where(Product.merchant_id == merchant.id, Product.sku.in_(data["products"]))
            )
        )
        category_ids = list(db.session.scalars(select(Category.id).where(Category.slug.in_(data["categories"]))))
        if len(product_ids) != len(set(data["products"])) or len(category_ids) != len(set(data["categories"])):
            raise DemoDataError(f"promotions.toml: {name}: a product SKU or category slug is not in the demo")
        save(promotion, product_ids, category_ids, actor=None)
        made += 1
    return {"promotions": made}
