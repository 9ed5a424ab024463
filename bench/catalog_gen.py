"""Grow the demo catalogue to N products quickly (bulk inserts, image files hard-linked), for benchmarks."""

from __future__ import annotations

import os
import random
import secrets
import shutil
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

from storefront.catalog.images import SIZES, media_dir
from storefront.catalog.models import PriceTier, Product, ProductImage, ProductTranslation, ProductVariant
from storefront.extensions import db


def _link(src, dst) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def grow_catalog(target: int, seed: int = 7, batch: int = 2000) -> int:
    """Clone the seeded products (new SKUs, prices, dates) until there are ``target`` products."""
    rng = random.Random(seed)
    templates = list(db.session.scalars(select(Product).order_by(Product.id)))
    have = db.session.scalar(select(func.count(Product.id))) or 0
    if not templates or have >= target:
        return have
    folder = media_dir()
    next_id = (db.session.scalar(select(func.max(Product.id))) or 0) + 1
    now = datetime.now(UTC)
    rows, variants, texts, tiers, images = [], [], [], [], []
    tables = (
        (Product, rows),
        (ProductVariant, variants),
        (ProductTranslation, texts),
        (PriceTier, tiers),
        (ProductImage, images),
    )

    def flush():
        for model, values in tables:
            if values:
                db.session.execute(insert(model), values)
                values.clear()
        db.session.commit()

    for n in range(target - have):
        t = templates[n % len(templates)]
        pid = next_id + n
        factor = rng.uniform(0.7, 1.6)
        rows.append(
            {
                "id": pid,
                "merchant_id": t.merchant_id,
                "category_id": t.category_id,
                "sku": f"{t.sku[:10]}-{n:06d}",
                "hs_code": t.hs_code,
                "customs_name": t.customs_name,
                "customs_unit": t.customs_unit,
                "model": t.model,
                "origin_city_slug": t.origin_city_slug,
                "net_weight_g": t.net_weight_g,
                "gross_weight_g": t.gross_weight_g,
                "price_fen": max(100, int(t.price_fen * factor)),
                "moq": t.moq,
                "unit": t.unit,
                "unit_size": t.unit_size,
                "qty_step": t.qty_step,
                "featured": False,
                "hidden": False,
                "moderation_reason": "",
                "created_at": now - timedelta(minutes=rng.randint(0, 500_000)),
                "updated_at": now,
            }
        )
        # one default variant holding the stock, as Product() makes for a product without options
        variants.append({"product_id": pid, "position": 0, "options": {}, "stock": rng.randint(0, 5000)})
        suffix = f" #{n + 1}"
        for lang, tr in t.translations.items():
            texts.append(
                {
                    "product_id": pid,
                    "locale": lang,
                    "name": tr.name + suffix,
                    "description": tr.description,
                    "specs": tr.specs,
                }
            )
        for tier in t.tiers:
            tiers.append(
                {"product_id": pid, "min_qty": tier.min_qty, "price_fen": max(100, int(tier.price_fen * factor))}
            )
        if t.images:
            src = t.images[0]
            stem = secrets.token_hex(8)
            for width in SIZES:
                _link(folder / f"{src.stem}-{width}.webp", folder / f"{stem}-{width}.webp")
            images.append(
                {
                    "product_id": pid,
                    "stem": stem,
                    "position": 0,
                    "width": src.width,
                    "height": src.height,
                    "alt": src.alt,
                }
            )
        if len(rows) >= batch:
            flush()
    flush()
    if db.engine.dialect.name == "postgresql":
        for table in ("products", "product_variants"):
            db.session.execute(db.text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
        db.session.commit()
    return db.session.scalar(select(func.count(Product.id)))
