"""Load the demo catalogue idempotently: every row is found by its natural key and updated in place."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
from pathlib import Path
from secrets import token_hex

from sqlalchemy import select

from storefront.accounts import operations as accounts
from storefront.accounts.models import FilingStatus, Merchant, Role
from storefront.catalog.images import SIZES, media_dir, save_image
from storefront.catalog.models import PriceTier, Product, ProductImage, ProductTranslation, ProductVariant
from storefront.catalog.taxonomy import Category, City, Cluster
from storefront.catalog.units import stored
from storefront.clearance.demo_seed import seed_clearance_demo
from storefront.config import ROOT
from storefront.core.models import ExchangeRate
from storefront.core.money import SEED_RATES
from storefront.demo import content
from storefront.demo.hooks import hooks
from storefront.demo.images import SOURCES, render_product_image
from storefront.demo.promotion_seed import seed_promotions
from storefront.demo.rfq_seed import seed_rfqs
from storefront.extensions import db
from storefront.search.kinds import states as index_kinds
from storefront.search.sync import reindex_after_commit

#: Password of every demo account (documented in the README; demo data only).
DEMO_PASSWORD = "kuajing-demo-2026"  # noqa: S105 - public demo credential
DEMO_OPERATOR = "operator@demo.kuajing.example"
DEMO_BUYER = "buyer@demo.kuajing.example"


def _one(model, **keys):
    """Existing row by natural key, or a new pending one."""
    row = db.session.scalars(select(model).filter_by(**keys)).first()
    if row is None:
        row = model(**keys)
        db.session.add(row)
    return row


def _user(email: str, name: str, role: str, locale: str):
    user = accounts.find_user(email)
    if user is None:
        user = accounts.create_user(email, DEMO_PASSWORD, name=name, role=role, locale=locale)
    return user


def seed_rates() -> None:
    """Exchange rates (only missing ones: operators' edits are kept)."""
    existing = set(db.session.scalars(select(ExchangeRate.currency)))
    for code, rate in SEED_RATES.items():
        if code not in existing:
            db.session.add(ExchangeRate(currency=code, rate=rate))


def seed_clusters(content) -> dict[str, Category]:
    """Clusters, categories and cities; returns categories by slug."""
    categories: dict[str, Category] = {}
    for slug, names in content.CITIES.items():
        _one(City, slug=slug).names = names
    for pos, data in enumerate(content.CLUSTERS):
        cluster = _one(Cluster, slug=data["slug"])
        cluster.names, cluster.descriptions = data["name"], data["description"]
        cluster.color, cluster.position = data["color"], pos
        db.session.flush()
        for cpos, cat in enumerate(data["categories"]):
            category = _one(Category, cluster_id=cluster.id, slug=cat["slug"])
            category.names, category.position = cat["name"], cpos
            categories[cat["slug"]] = category
    db.session.flush()
    return categories


def seed_merchants(content, clusters: dict[str, int]) -> dict[str, Merchant]:
    """Merchant companies, each with an owner account, approved."""
    merchants = {}
    for data in content.MERCHANTS:
        owner = _user(f"{data['slug']}@demo.kuajing.example", data["name"]["en"], Role.MERCHANT.value, "zh")
        m = _one(Merchant, slug=data["slug"])
        m.owner = owner
        m.names, m.descriptions = data["name"], data["description"]
        m.uscc, m.customs_code = data["uscc"], data["customs_code"]
        m.cluster_id, m.city_slug = clusters[data["cluster"]], data["city"]
        m.contact_email, m.phone, m.founded = data["contact_email"], data["phone"], data.get("founded")
        m.status = FilingStatus.APPROVED.value
        merchants[data["slug"]] = m
    db.session.flush()
    return merchants


#: Variant columns a demo record's ``[[products.variants.overrides]]`` may set.
_VARIANT_FIELDS = ("stock", "price_fen", "net_weight_g", "gross_weight_g", "hs_code", "model")


def _sync_variants(product: Product, data: dict) -> None:
    """Make the product's options and variants those of its ``variants`` table (every combination of the option
    values; ``overrides`` apply to the combinations they match), or one default variant holding ``stock``."""
    spec = data.get("variants")
    if not spec:
        product.options = []
        if len(product.variants) != 1 or product.variants[0].options:
            product.variants[:] = [ProductVariant(position=0, options={})]
        product.variants[0].stock = stored(data["stock"], product.unit)
        return
    options = [
        {
            "code": o["code"],
            "names": o["names"],
            "values": [v if isinstance(v, dict) else {"code": str(v), "names": {}} for v in o["values"]],
        }
        for o in spec["options"]
    ]
    product.options = options
    codes = [o["code"] for o in options]
    have = {tuple(sorted((v.options or {}).items())): v for v in product.variants}
    wanted = []
    for position, combo in enumerate(itertools.product(*[[v["code"] for v in o["values"]] for o in options])):
        chosen = dict(zip(codes, combo, strict=True))
        fields = dict.fromkeys(_VARIANT_FIELDS) | {"stock": spec.get("stock", 0)}
        for override in spec.get("overrides", []):
            if all(chosen.get(k) == value for k, value in override["options"].items()):
                fields.update({k: override[k] for k in _VARIANT_FIELDS if k in override})
        fields["stock"] = stored(fields["stock"], product.unit)
        variant = have.get(tuple(sorted(chosen.items()))) or ProductVariant(options=chosen)
        variant.position, variant.sku = position, f"{data['sku']}-{position + 1:02d}"
        for name, value in fields.items():
            setattr(variant, name, value)
        wanted.append(variant)
    product.variants[:] = wanted


def _sync_tiers(product: Product, tiers: list) -> None:
    """Make the product's tiers equal to [[min_qty in the unit, price_fen], ...]."""
    wanted = {stored(q, product.unit): int(fen) for q, fen in tiers}
    for tier in list(product.tiers):
        if tier.min_qty not in wanted:
            product.tiers.remove(tier)
    have = {t.min_qty: t for t in product.tiers}
    for qty, fen in wanted.items():
        if qty in have:
            have[qty].price_fen = fen
        else:
            product.tiers.append(PriceTier(min_qty=qty, price_fen=fen))


def _image_cache() -> Path:
    """Where rendered demo images are kept between seeds (rendering all of them takes ~15 s)."""
    path = Path(os.environ.get("DEMO_IMAGE_CACHE") or ROOT / ".cache" / "demo-images")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _demo_image(data: dict, color: str, render) -> tuple[str, int, int]:
    """Thumbnails of a demo product's generated image, rendered once and then copied from the cache."""

    key = hashlib.sha256(
        b"".join(Path(f).read_bytes() for f in SOURCES) + json.dumps([data["sku"], data["category"], color]).encode()
    ).hexdigest()[:20]
    cached = _image_cache() / key
    meta = cached.with_suffix(".json")
    if meta.exists() and all((cached.parent / f"{key}-{w}.webp").exists() for w in SIZES):
        stem = token_hex(8)
        for width in SIZES:
            shutil.copyfile(cached.parent / f"{key}-{width}.webp", media_dir() / f"{stem}-{width}.webp")
        w, h = json.loads(meta.read_text())
        return stem, w, h
    stem, w, h = save_image(render(data, color))
    for width in SIZES:
        shutil.copyfile(media_dir() / f"{stem}-{width}.webp", cached.parent / f"{key}-{width}.webp")
    meta.write_text(json.dumps([w, h]))
    return stem, w, h


def seed_products(content, categories, merchants) -> int:
    """Products with translations, tiers and a generated image."""

    colors = {c["slug"]: c["color"] for c in content.CLUSTERS}
    cluster_of = {cat["slug"]: c["slug"] for c in content.CLUSTERS for cat in c["categories"]}
    for data in content.PRODUCTS:
        merchant = merchants[data["merchant"]]
        p = _one(Product, merchant_id=merchant.id, sku=data["sku"])
        p.category_id = categories[data["category"]].id
        p.hs_code, p.customs_name, p.customs_unit = data["hs_code"], data["customs_name"], data["customs_unit"]
        p.model, p.origin_city_slug = data["model"], data["origin_city"]
        p.net_weight_g, p.gross_weight_g = data["net_weight_g"], data["gross_weight_g"]
        package = data.get("package") or {}
        p.package_kind = package.get("kind", "carton")
        p.package_length_mm, p.package_width_mm, p.package_height_mm = package.get("mm") or (None, None, None)
        p.units_per_package, p.packages_per_unit = package.get("units", 1), package.get("per_unit", 1)
        p.unit, p.unit_size = data.get("unit", "piece"), data.get("unit_size", 1)
        # quantities in the data are written in the unit (0.5 t); the database keeps them scaled (500)
        p.price_fen, p.moq, p.qty_step = (
            data["price_fen"],
            stored(data["moq"], p.unit),
            stored(data.get("qty_step", 1), p.unit),
        )
        sample = data.get("sample") or {}
        p.sample_price_fen = sample.get("price_fen")
        p.sample_max_qty = stored(sample.get("max_qty", 1), p.unit)
        p.sample_lead_days = sample.get("lead_days", 0)
        _sync_variants(p, data)
        p.featured, p.hidden = data.get("featured", False), False
        for lang, text in data["text"].items():
            t = p.translations.get(lang) or ProductTranslation(locale=lang)
            t.name, t.description, t.specs = text["name"], text["description"], text.get("specs", [])
            p.translations[lang] = t
        for lang in set(p.translations) - set(data["text"]):
            del p.translations[lang]
        _sync_tiers(p, data["tiers"])
        if not p.images:
            stem, w, h = _demo_image(data, colors[cluster_of[data["category"]]], render_product_image)
            p.images.append(ProductImage(stem=stem, width=w, height=h, position=0, alt=data["text"]["en"]["name"]))
    db.session.flush()
    return len(content.PRODUCTS)


def seed_demo() -> dict[str, int]:
    """Load everything; safe to run again (updates in place, adds nothing twice)."""

    seed_rates()
    categories = seed_clusters(content)
    clusters = {c.slug: c.id for c in db.session.scalars(select(Cluster))}
    merchants = seed_merchants(content, clusters)
    products = seed_products(content, categories, merchants)
    _user(DEMO_OPERATOR, "Platform operator", Role.OPERATOR.value, "zh")
    _user(DEMO_BUYER, "Anna Petrova", Role.BUYER.value, "ru")

    for kind in index_kinds():  # every index (products, service packages) rebuilt once the caller commits,
        reindex_after_commit(db.session, kind)  # its event cursor set: the node counts as built and follows events
    stats = {"clusters": len(content.CLUSTERS), "merchants": len(merchants), "products": products}

    stats.update(seed_clearance_demo(DEMO_BUYER))  # demo orders in every clearance state + a summary declaration
    stats.update(seed_rfqs(DEMO_PASSWORD))  # requests for quotation with their threads and quotations
    stats.update(seed_promotions())  # after the demo orders and quotations: their prices stay the list prices
    for seeder in hooks().seeders:  # e.g. the services marketplace: providers, packages, reviews, vouchers
        stats.update(seeder())
    return stats
