"""Load the marketplace demo data idempotently: providers, packages with images, completed orders with
reviews, and government voucher batches. Every row is found by its natural key and updated in place."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import select

from services_market import packages as package_ops
from services_market import vouchers
from services_market.constants import OrderStatus
from services_market.models import Package, PackageImage, Provider
from services_market.order_models import ServiceOrder, ServiceOrderEvent, ServiceReview
from services_market.util import now
from services_market.voucher_models import VoucherBatch, VoucherKind
from storefront.accounts import operations as accounts
from storefront.accounts.models import FilingStatus, Merchant, Role
from storefront.catalog.images import save_image
from storefront.catalog.taxonomy import City
from storefront.core.validators import uscc_check_char
from storefront.demo.datafiles import check_records, load
from storefront.demo.seed import DEMO_OPERATOR, DEMO_PASSWORD
from storefront.extensions import db

#: The marketplace's demo data files (TOML, checked on load).
DATA_DIR = Path(__file__).resolve().parent / "demo_data"
#: Service providers; ``uscc17`` is completed with its check character by the seeder.
PROVIDERS: list[dict] = check_records(
    load(DATA_DIR / "providers.toml", "providers"), {"slug": str, "uscc17": str}, "providers.toml"
)
#: Packages: ``text`` {lang: [title, description]}, ``tiers`` [{level, price_fen, delivery_days, revisions,
#: deliverables: [{lang: text}]}].
PACKAGES: list[dict] = check_records(
    load(DATA_DIR / "packages.toml", "packages"),
    {"key": str, "provider": str, "category": str, "languages": list, "text": dict, "tiers": list},
    "packages.toml",
)
#: Completed demo service orders with their reviews.
REVIEWS: list[dict] = check_records(
    load(DATA_DIR / "reviews.toml", "reviews"),
    {
        "order_no": str,
        "package": str,
        "tier": str,
        "merchant": str,
        "stars": int,
        "lang": str,
        "text": str,
        "reply": str,
    },
    "reviews.toml",
)
for _package in PACKAGES:
    check_records(
        _package["tiers"],
        {"level": str, "price_fen": int, "delivery_days": int, "revisions": int, "deliverables": list},
        f"packages.toml, {_package['key']} tiers",
    )

#: Accent colour of each category's generated images.
COLORS = {
    "store-operations": "#0e7490",
    "promotion": "#b42318",
    "data-analysis": "#6941c6",
    "translation": "#067647",
    "transaction-support": "#155eef",
    "logistics": "#b54708",
    "certification": "#334155",
    "credit-security": "#7a2e0e",
    "customs": "#0f766e",
    "finance-insurance": "#4d7c0f",
    "legal-ip": "#1e3a8a",
}
#: Voucher batches issued by local government bodies (found by name).
BATCHES = [
    {
        "name": "2026年辽宁省跨境电商公共服务券（翻译与认证）",
        "funder": "辽宁省商务厅",
        "kind": VoucherKind.FULL,
        "amount_fen": None,
        "categories": ["translation", "certification"],
        "cities": [],
        "clusters": [],
        "quantity": 20,
    },
    {
        "name": "2026年大连市出口企业运营推广补贴券",
        "funder": "大连市商务局",
        "kind": VoucherKind.AMOUNT,
        "amount_fen": 200000,
        "categories": ["store-operations", "promotion", "data-analysis"],
        "cities": ["dalian", "xingcheng", "dandong"],
        "clusters": [],
        "quantity": 10,
    },
]


def _password() -> str:

    return DEMO_PASSWORD


def _user(email: str, name: str, role: str, locale: str):
    user = accounts.find_user(email)
    if user is None:
        user = accounts.create_user(email, _password(), name=name, role=role, locale=locale)
    return user


def seed_providers() -> dict[str, Provider]:
    """Provider companies, each with an owner account, approved."""
    found = {}
    for data in PROVIDERS:
        owner = _user(f"{data['slug']}@demo.kuajing.example", data["name"]["en"], Role.PROVIDER.value, data["locale"])
        provider = db.session.scalars(select(Provider).where(Provider.slug == data["slug"])).first()
        if provider is None:
            provider = Provider(slug=data["slug"], submitted_at=now(), reviewed_at=now())
            db.session.add(provider)
        provider.owner_id = owner.id
        provider.names, provider.descriptions = data["name"], data["description"]
        provider.uscc = data["uscc17"] + uscc_check_char(data["uscc17"])
        provider.categories, provider.languages = data["categories"], data["languages"]
        provider.regions = data["regions"]
        provider.city_slug = data["city"] if db.session.get(City, data["city"]) is not None else None
        provider.contact_name, provider.phone = data["contact"]
        provider.contact_email = f"{data['slug']}@demo.kuajing.example"
        provider.status, provider.rejection_reason = FilingStatus.APPROVED.value, ""
        found[data["slug"]] = provider
    db.session.flush()
    return found


def _package_data(data: dict) -> package_ops.PackageData:
    langs = ("zh", "ru", "ko", "en")
    tiers = [
        package_ops.TierData(
            t["level"],
            t["price_fen"],
            t["delivery_days"],
            t["revisions"],
            {lang: [d[lang] for d in t["deliverables"]] for lang in langs},
        )
        for t in data["tiers"]
    ]
    return package_ops.PackageData(
        category=data["category"],
        texts={lang: tuple(pair) for lang, pair in data["text"].items()},
        languages=data["languages"],
        tiers=tiers,
        published=True,
    )


def render_image(data: dict) -> Image.Image:
    """A simple banner for a package: the category colour with soft shapes (seeded by the key, stable)."""
    rng = random.Random(data["key"])  # noqa: S311 - decoration, not security
    color = COLORS[data["category"]]
    base = tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))
    image = Image.new("RGB", (1200, 800), base)
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(9):
        r = rng.randint(80, 320)
        x, y = rng.randint(-100, 1200), rng.randint(-100, 800)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, rng.randint(18, 48)))
    draw.rounded_rectangle((120, 300, 1080, 500), radius=40, fill=(255, 255, 255, 60))
    for i in range(len(data["tiers"])):
        draw.rounded_rectangle((180 + i * 300, 340, 420 + i * 300, 460), radius=24, fill=(255, 255, 255, 150))
    return image


def seed_packages(providers: dict[str, Provider]) -> dict[str, Package]:
    """Packages with texts, tiers and one generated image each."""
    found = {}
    for data in PACKAGES:
        provider = providers[data["provider"]]
        package = db.session.scalars(
            select(Package).where(Package.provider_id == provider.id, Package.key == data["key"])
        ).first()
        if package is None:
            package = package_ops.create_package(provider, _package_data(data), key=data["key"])
        else:
            package_ops.update_package(package, _package_data(data))
        if not package.images:
            stem, width, height = save_image(render_image(data))
            package.images.append(PackageImage(stem=stem, width=width, height=height, position=0))
        found[data["key"]] = package
    db.session.flush()
    return found


#: The event trail of a demo order that went all the way: (action, from, to, party).
_DEMO_STEPS = (
    ("placed", "", "requested", "merchant"),
    ("accept", "requested", "accepted", "provider"),
    ("start", "accepted", "in_progress", "provider"),
    ("deliver", "in_progress", "delivered", "provider"),
    ("approve", "delivered", "completed", "merchant"),
)


def seed_reviews(packages: dict[str, Package]) -> int:
    """Completed orders of demo merchants with their reviews (skipped when the shop demo is not loaded)."""
    merchants = {m.slug: m for m in db.session.scalars(select(Merchant))}
    made = 0
    for review in REVIEWS:
        number, key, level, merchant_slug = review["order_no"], review["package"], review["tier"], review["merchant"]
        stars, lang, body, reply = review["stars"], review["lang"], review["text"], review["reply"]
        merchant = merchants.get(merchant_slug)
        if merchant is None or db.session.scalars(select(ServiceOrder).where(ServiceOrder.number == number)).first():
            continue
        package = packages[key]
        done = now() - timedelta(days=10 + made * 9)
        order = _completed_order(number, package, level, merchant, done)
        db.session.add(
            ServiceReview(
                order_id=order.id,
                package_id=package.id,
                provider_id=package.provider_id,
                merchant_id=merchant.id,
                author_id=merchant.owner_id,
                rating=stars,
                body=body,
                lang=lang,
                reply=reply,
                replied_at=done if reply else None,
                created_at=done,
            )
        )
        package.rating_sum += stars
        package.rating_count += 1
        package.completed_count += 1
        made += 1
    db.session.flush()
    return made


def _completed_order(number: str, package: Package, level: int, merchant: Merchant, done) -> ServiceOrder:
    """A demo order of one tier, paid, delivered and completed at ``done``, with its event trail."""
    tier = package.tier(level)
    started = done - timedelta(days=tier.delivery_days + 2)
    order = ServiceOrder(
        number=number,
        package_id=package.id,
        tier_id=tier.id,
        provider_id=package.provider_id,
        merchant_id=merchant.id,
        buyer_id=merchant.owner_id,
        status=OrderStatus.COMPLETED.value,
        category=package.category,
        titles={k: t.title for k, t in package.texts.items()},
        tier_level=level,
        delivery_days=tier.delivery_days,
        revisions_allowed=tier.revisions,
        revisions_used=0,
        price_fen=tier.price_fen,
        voucher_fen=0,
        card_fen=tier.price_fen,
        brief="(demo)",
        payment_ref="demo",
        refund_state="",
        paid_at=started,
        accepted_at=started,
        due_at=started + timedelta(tier.delivery_days),
        delivered_at=done - timedelta(days=1),
        completed_at=done,
        created_at=started,
    )
    db.session.add(order)
    db.session.flush()
    for action, before, after, party in _DEMO_STEPS:
        db.session.add(
            ServiceOrderEvent(
                order_id=order.id,
                action=action,
                from_status=before,
                to_status=after,
                party=party,
                note="",
                created_at=done,
            )
        )
    return order


def seed_vouchers() -> int:
    """Government voucher batches (created once, kept as they are afterwards)."""

    operator = _user(DEMO_OPERATOR, "Platform operator", Role.OPERATOR.value, "zh")
    made = 0
    for data in BATCHES:
        if db.session.scalars(select(VoucherBatch).where(VoucherBatch.name == data["name"])).first():
            continue
        cities = [c for c in data["cities"] if db.session.get(City, c) is not None]
        if data["cities"] and not cities:
            continue  # the shop demo (with its cities) is not loaded
        batch = vouchers.BatchData(
            name=data["name"],
            funder=data["funder"],
            kind=data["kind"],
            amount_fen=data["amount_fen"],
            categories=data["categories"],
            cities=cities,
            clusters=data["clusters"],
            expires_on=(now() + timedelta(days=365)).date(),
            quantity=data["quantity"],
            assign_eligible=True,
        )
        vouchers.issue_batch(batch, operator)
        made += 1
    return made


def seed() -> dict[str, int]:
    """Load everything; safe to run again."""
    providers = seed_providers()
    packages = seed_packages(providers)
    reviews = seed_reviews(packages)
    batches = seed_vouchers()
    return {
        "service providers": len(providers),
        "service packages": len(packages),
        "service reviews added": reviews,
        "voucher batches added": batches,
    }
