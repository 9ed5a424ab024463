"""Factories for test rows (flush, not commit: the test decides)."""

from __future__ import annotations

import itertools

from storefront.accounts.models import FilingStatus, Merchant, Role, User
from storefront.catalog.models import PriceTier, Product, ProductTranslation, ProductVariant
from storefront.catalog.taxonomy import Category, City, Cluster
from storefront.core.models import ExchangeRate
from storefront.core.money import SEED_RATES
from storefront.core.validators import uscc_check_char
from storefront.extensions import db

_seq = itertools.count(1)


def rates() -> None:
    """The seed exchange rates."""
    for code, rate in SEED_RATES.items():
        if db.session.get(ExchangeRate, code) is None:
            db.session.add(ExchangeRate(currency=code, rate=rate))
    db.session.flush()


def user(role: str = Role.BUYER.value, email: str | None = None, password: str = "correct-horse-battery", **kw) -> User:
    """A user with a known password."""
    n = next(_seq)
    u = User(email=email or f"user{n}@example.com", name=kw.pop("name", f"User {n}"), role=role, **kw)
    u.set_password(password)
    db.session.add(u)
    db.session.flush()
    return u


def valid_uscc(n: int) -> str:
    """A syntactically valid USCC (Dalian division code) with a correct check character."""
    first17 = f"91210200{n:09d}"
    return first17 + uscc_check_char(first17)


def city(slug: str = "dalian") -> City:
    """An origin city."""
    row = db.session.get(City, slug)
    if row is None:
        row = City(slug=slug, names={"zh": "大连", "en": "Dalian", "ru": "Далянь", "ko": "다롄"})
        db.session.add(row)
        db.session.flush()
    return row


def category(slug: str | None = None, cluster_slug: str = "steel") -> Category:
    """A category inside a cluster (created as needed)."""
    cl = db.session.query(Cluster).filter_by(slug=cluster_slug).first()
    if cl is None:
        cl = Cluster(
            slug=cluster_slug,
            names={"zh": "特钢", "en": "Special steel", "ru": "Спецсталь", "ko": "특수강"},
            descriptions={},
            color="#334155",
        )
        db.session.add(cl)
        db.session.flush()
    n = next(_seq)
    cat = Category(
        cluster_id=cl.id,
        slug=slug or f"cat-{n}",
        names={"zh": f"类别{n}", "en": f"Category {n}", "ru": f"Категория {n}", "ko": f"카테고리 {n}"},
    )
    db.session.add(cat)
    db.session.flush()
    return cat


def merchant(status: str = FilingStatus.APPROVED.value, owner: User | None = None, **kw) -> Merchant:
    """A merchant company with an owner account."""
    n = next(_seq)
    owner = owner or user(Role.MERCHANT.value)
    city(kw.get("city_slug", "dalian"))
    m = Merchant(
        slug=kw.pop("slug", f"merchant-{n}"),
        owner=owner,
        names=kw.pop("names", {"zh": f"大连测试{n}有限公司", "en": f"Dalian Test {n} Co., Ltd."}),
        descriptions={},
        uscc=valid_uscc(n),
        customs_code=f"2102{n:06d}",
        status=status,
        city_slug=kw.pop("city_slug", "dalian"),
        **kw,
    )
    db.session.add(m)
    db.session.flush()
    return m


def product(merchant_: Merchant | None = None, texts: dict | None = None, tiers=(), **kw) -> Product:
    """A product with zh + en text by default."""
    n = next(_seq)
    merchant_ = merchant_ or merchant()
    cat = kw.pop("category_", None) or category()
    city(kw.get("origin_city_slug", "dalian"))
    p = Product(
        merchant_id=merchant_.id,
        category_id=cat.id,
        sku=kw.pop("sku", f"SKU-{n}"),
        hs_code=kw.pop("hs_code", "7228300000"),
        customs_name=kw.pop("customs_name", "合金钢圆钢"),
        customs_unit=kw.pop("customs_unit", "035"),
        model="Φ50",
        origin_city_slug=kw.pop("origin_city_slug", "dalian"),
        net_weight_g=kw.pop("net_weight_g", 1000),
        gross_weight_g=kw.pop("gross_weight_g", 1100),
        price_fen=kw.pop("price_fen", 10000),
        moq=kw.pop("moq", 1),
        stock=kw.pop("stock", 100),
        **kw,
    )
    texts = texts or {"zh": {"name": f"合金钢圆钢{n}"}, "en": {"name": f"Alloy steel bar {n}"}}
    for lang, t in texts.items():
        p.translations[lang] = ProductTranslation(
            locale=lang, name=t["name"], description=t.get("description", ""), specs=t.get("specs", [])
        )
    for qty, fen in tiers:
        p.tiers.append(PriceTier(min_qty=qty, price_fen=fen))
    db.session.add(p)
    db.session.flush()
    return p


#: Value names of the test options (code → {lang: name}).
OPTION_NAMES = {
    "size": {"en": "Size", "ru": "Размер", "zh": "尺码", "ko": "사이즈"},
    "colour": {"en": "Colour", "ru": "Цвет", "zh": "颜色", "ko": "색상"},
}
VALUE_NAMES = {
    "blue": {"en": "blue", "ru": "синий", "zh": "蓝色", "ko": "파랑"},
    "red": {"en": "red", "ru": "красный", "zh": "红色", "ko": "빨강"},
}


def with_variants(
    product_: Product,
    options: dict[str, list[str]],
    stock: int | dict = 10,
    prices: dict | None = None,
    overrides: dict | None = None,
) -> dict[tuple, ProductVariant]:
    """Replace a product's default variant by every combination of ``options`` ({"size": ["S", "M"], …});
    ``stock`` is a number or {combination tuple: units}, ``prices`` and ``overrides`` (column values) are
    {combination tuple: …}; returns {combination tuple: variant}."""
    from itertools import product as combinations

    product_.variants.clear()
    db.session.flush()
    product_.options = [
        {
            "code": code,
            "names": OPTION_NAMES.get(code, {"en": code}),
            "values": [{"code": v, "names": VALUE_NAMES.get(v, {"en": v})} for v in values],
        }
        for code, values in options.items()
    ]
    made = {}
    for position, combo in enumerate(combinations(*options.values())):
        units = stock.get(combo, 0) if isinstance(stock, dict) else stock
        price = (prices or {}).get(combo)
        variant = ProductVariant(
            position=position,
            sku=f"{product_.sku}-{position + 1}",
            options=dict(zip(options, combo, strict=True)),
            stock=units,
            price_fen=price,
            **(overrides or {}).get(combo, {}),
        )
        product_.variants.append(variant)
        made[combo] = variant
    db.session.flush()
    return made


def order(
    lines,
    *,
    currency: str = "USD",
    country: str = "RU",
    pay_method: str = "card",
    user_: User | None = None,
    email: str = "buyer@example.com",
    lang: str = "en",
    terms: str = "DAP",
    mode: str = "",
    customs_id: str = "P123456789012",
):
    """A placed, unpaid order made by the checkout service; ``lines`` is [(product or variant, qty), ...]."""
    from storefront.ordering.cart import Cart, CartLine, MerchantGroup
    from storefront.ordering.operations import CheckoutData, place_order

    rates()
    groups: dict[int, MerchantGroup] = {}
    for item, qty in lines:
        variant = item.default_variant if isinstance(item, Product) else item
        groups.setdefault(variant.product.merchant_id, MerchantGroup(merchant=variant.product.merchant)).lines.append(
            CartLine(variant=variant, qty=qty)
        )
    data = CheckoutData(
        email=email,
        contact_name="Ivan Petrov",
        country=country,
        city="Москва",
        address_line1="ул. Тверская, 1",
        postal_code="125009",
        currency=currency,
        terms=terms,
        pay_method=pay_method,
        mode=mode,
        customs_id=customs_id,
    )
    user_id = user_.id if user_ else None
    return place_order(Cart(groups=list(groups.values())), data, user_id=user_id, lang=lang, actor="test")


# --- service marketplace ------------------------------------------------------------------------------------------


def service_provider(status: str = FilingStatus.APPROVED.value, owner: User | None = None, **kw):
    """A service provider company with an owner account (approved by default)."""
    from services_market.models import Provider

    n = next(_seq)
    owner = owner or user(Role.PROVIDER.value)
    p = Provider(
        slug=kw.pop("slug", f"provider-{n}"),
        owner_id=owner.id,
        names=kw.pop("names", {"zh": f"服务商{n}有限公司", "en": f"Provider {n} Co., Ltd."}),
        descriptions={},
        uscc=kw.pop("uscc", valid_uscc(500000 + n)),
        categories=kw.pop("categories", ["translation"]),
        languages=kw.pop("languages", ["zh", "ru", "en"]),
        regions=kw.pop("regions", ["russia"]),
        contact_name="Li Wei",
        contact_email=f"provider{n}@example.com",
        status=status,
        **kw,
    )
    db.session.add(p)
    db.session.flush()
    return p


def service_package(
    provider_=None,
    *,
    category: str = "translation",
    texts: dict | None = None,
    tiers=None,
    languages=("zh", "ru"),
    published: bool = True,
):
    """A package with zh + en text and basic/standard tiers by default (through the package operations)."""
    from services_market.packages import PackageData, TierData, create_package

    n = next(_seq)
    provider_ = provider_ or service_provider()
    texts = texts or {"zh": (f"中俄翻译服务{n}", "产品目录俄语翻译"), "en": (f"Chinese-Russian translation {n}", "")}
    tiers = tiers or [("basic", 80000, 5, 1), ("standard", 150000, 7, 2)]
    deliverables = {"zh": ["交付物一", "交付物二"], "en": ["Deliverable"]}
    data = PackageData(
        category=category,
        texts=texts,
        languages=list(languages),
        published=published,
        tiers=[TierData(level, fen, days, revisions, deliverables) for level, fen, days, revisions in tiers],
    )
    return create_package(provider_, data)


def voucher(
    merchant_: Merchant | None = None,
    *,
    kind: str = "full",
    amount_fen: int | None = None,
    categories=(),
    cities=(),
    clusters=(),
    days: int = 30,
    code: str | None = None,
):
    """One voucher in a new batch (assigned to ``merchant_`` when given); expires in ``days`` days."""
    from datetime import UTC, datetime, timedelta

    from services_market.voucher_models import Voucher, VoucherBatch
    from services_market.vouchers import new_code

    batch = VoucherBatch(
        name=f"Batch {next(_seq)}",
        funder="Dalian Bureau of Commerce",
        kind=kind,
        amount_fen=amount_fen if kind == "amount" else None,
        categories=list(categories),
        cities=list(cities),
        clusters=list(clusters),
        expires_at=datetime.now(UTC) + timedelta(days=days),
        note="",
    )
    db.session.add(batch)
    db.session.flush()
    v = Voucher(
        batch_id=batch.id, code=code or new_code(), merchant_id=merchant_.id if merchant_ else None, amount_fen=0
    )
    db.session.add(v)
    db.session.flush()
    return v
