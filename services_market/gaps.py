"""Where the two markets meet: gaps in a merchant's catalogue, each with the packages that close it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import select

from services_market.constants import CATEGORY_LABELS, ServiceCategory
from services_market.models import Package
from services_market.queries import matching_packages
from storefront.catalog.models import Product, ProductTranslation
from storefront.core import versions
from storefront.extensions import db

#: Languages whose missing product text the panel reports (the platform's target markets).
TARGET_LANGS: tuple[str, ...] = ("ru", "ko")
#: A specification row counts as certification details when its label or value matches this (any language).
CERTIFICATION_LABEL = re.compile(r"certif|certificat|认证|证书|сертифик|인증|인증서|гост|eac\b|\bce\b", re.IGNORECASE)
#: Products listed per gap.
SAMPLE = 5


@dataclass
class Gap:
    """One kind of gap: how many products have it, the first few of them, and where to find help."""

    key: str
    #: Language missing (for translation gaps), else None.
    lang: str | None
    category: str
    #: Number of products with the gap.
    count: int = 0
    #: The first :data:`SAMPLE` of them (by id), loaded for their names.
    products: list[Product] = field(default_factory=list)
    packages: list[Package] = field(default_factory=list)
    url: str = ""

    @property
    def category_label(self):
        """The service category that helps, translated."""
        return CATEGORY_LABELS[ServiceCategory(self.category)]


def certifies(specs) -> bool:
    """True when a specification row names a certification (in its label or its value)."""
    for row in specs or []:
        cells = row if isinstance(row, list | tuple) else [row]
        if any(CERTIFICATION_LABEL.search(str(cell)) for cell in cells[:2]):
            return True
    return False


def gap_figures(merchant_id: int) -> dict[str, tuple[int, list[int]]]:
    """Per gap key: how many of the merchant's products have it and the ids of the first :data:`SAMPLE`.

    Reads plain columns (names and specification rows of every translation), not products: a catalogue of
    thousands is one query and a loop, and the result is plain data, kept in the shared cache until a product
    changes (``listings`` version)."""
    ids = list(db.session.scalars(select(Product.id).where(Product.merchant_id == merchant_id).order_by(Product.id)))
    named: dict[str, set[int]] = {lang: set() for lang in TARGET_LANGS}
    certified: set[int] = set()
    rows = db.session.execute(
        select(
            ProductTranslation.product_id, ProductTranslation.locale, ProductTranslation.name, ProductTranslation.specs
        )
        .join(Product, Product.id == ProductTranslation.product_id)
        .where(Product.merchant_id == merchant_id)
    )
    for product_id, locale, name, specs in rows:
        if locale in named and name and name.strip():
            named[locale].add(product_id)
        if product_id not in certified and certifies(specs):
            certified.add(product_id)
    lacking = {f"missing_{lang}": [i for i in ids if i not in named[lang]] for lang in TARGET_LANGS}
    lacking["no_certification"] = [i for i in ids if i not in certified]
    return {key: (len(found), found[:SAMPLE]) for key, found in lacking.items()}


def catalogue_gaps(merchant_id: int, lang: str) -> list[Gap]:
    """Gaps of a merchant's catalogue (Russian and Korean text, certification details), with links."""
    figures = versions.memoize((versions.LISTINGS,), f"gaps:{merchant_id}", lambda: gap_figures(merchant_id))
    wanted = {i for _count, sample in figures.values() for i in sample}
    loaded = {p.id: p for p in db.session.scalars(select(Product).where(Product.id.in_(wanted)))} if wanted else {}
    gaps = []
    for target in (*TARGET_LANGS, None):
        key = f"missing_{target}" if target else "no_certification"
        count, sample = figures[key]
        if not count:
            continue
        category = ServiceCategory.TRANSLATION.value if target else ServiceCategory.CERTIFICATION.value
        gaps.append(
            Gap(
                key=key,
                lang=target,
                category=category,
                count=count,
                products=[loaded[i] for i in sample if i in loaded],
                packages=matching_packages(category, target),
                url=url_for(
                    "services.category", lang=lang, category=category, **({"language": target} if target else {})
                ),
            )
        )
    return gaps
