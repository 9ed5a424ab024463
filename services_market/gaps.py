"""Where the two markets meet: gaps in a merchant's catalogue, each with the packages that close it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import select

from services_market.constants import CATEGORY_LABELS, ServiceCategory
from services_market.models import Package
from services_market.queries import matching_packages
from storefront.catalog.models import Product
from storefront.extensions import db

#: Languages whose missing product text the panel reports (the platform's target markets).
TARGET_LANGS: tuple[str, ...] = ("ru", "ko")
#: A specification row counts as certification details when its label or value matches this (any language).
CERTIFICATION_LABEL = re.compile(r"certif|certificat|认证|证书|сертифик|인증|인증서|гост|eac\b|\bce\b", re.IGNORECASE)
#: Products listed per gap.
SAMPLE = 5


@dataclass
class Gap:
    """One kind of gap: which products have it and where to find help."""

    key: str
    #: Language missing (for translation gaps), else None.
    lang: str | None
    category: str
    products: list[Product] = field(default_factory=list)
    packages: list[Package] = field(default_factory=list)
    url: str = ""

    @property
    def count(self) -> int:
        """Number of products with the gap."""
        return len(self.products)

    @property
    def category_label(self):
        """The service category that helps, translated."""
        return CATEGORY_LABELS[ServiceCategory(self.category)]


def has_text(product: Product, lang: str) -> bool:
    """True when the product has a name in the language."""
    t = product.translations.get(lang)
    return bool(t and t.name and t.name.strip())


def has_certification(product: Product) -> bool:
    """True when a specification row of any translation names a certification (in its label or its value)."""
    for t in product.translations.values():
        for row in t.specs or []:
            cells = row if isinstance(row, list | tuple) else [row]
            if any(CERTIFICATION_LABEL.search(str(cell)) for cell in cells[:2]):
                return True
    return False


def catalogue_gaps(merchant_id: int, lang: str) -> list[Gap]:
    """Gaps of a merchant's catalogue (Russian and Korean text, certification details), with links."""
    products = list(db.session.scalars(select(Product).where(Product.merchant_id == merchant_id).order_by(Product.id)))
    gaps = []
    for target in TARGET_LANGS:
        missing = [p for p in products if not has_text(p, target)]
        gaps.append(
            Gap(
                key=f"missing_{target}",
                lang=target,
                category=ServiceCategory.TRANSLATION.value,
                products=missing,
                packages=matching_packages(ServiceCategory.TRANSLATION.value, target) if missing else [],
                url=url_for(
                    "services.category",
                    lang=lang,
                    category=ServiceCategory.TRANSLATION.value,
                    language=target,
                ),
            )
        )
    uncertified = [p for p in products if not has_certification(p)]
    gaps.append(
        Gap(
            key="no_certification",
            lang=None,
            category=ServiceCategory.CERTIFICATION.value,
            products=uncertified,
            packages=matching_packages(ServiceCategory.CERTIFICATION.value) if uncertified else [],
            url=url_for("services.category", lang=lang, category=ServiceCategory.CERTIFICATION.value),
        )
    )
    return [g for g in gaps if g.count]
