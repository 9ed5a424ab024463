"""Back-office reads: the merchant's product list, translation coverage, form choices."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import selectinload

from storefront.catalog.models import Product, ProductTranslation
from storefront.catalog.operations import UNITS
from storefront.catalog.taxonomy import Category, City, Cluster
from storefront.core.locales import LANGS
from storefront.extensions import db

VISIBILITY = ("all", "visible", "hidden", "moderated")


@dataclass(frozen=True)
class Coverage:
    """How many products have a name in a language."""

    lang: str
    translated: int
    total: int

    @property
    def percent(self) -> int | None:
        """Share translated, 0–100; None for an empty catalogue (0 of 0 is no share, shown as "—")."""
        return None if not self.total else round(100 * self.translated / self.total)


def coverage_of(product: Product) -> dict[str, bool]:
    """{lang: has a name in it} for one product."""
    return {code: bool(product.translations.get(code) and product.translations[code].name) for code in LANGS}


def catalogue_coverage(merchant_id: int | None = None) -> list[Coverage]:
    """Translation coverage per language for a merchant's catalogue (or the whole platform)."""
    total_stmt = select(func.count(Product.id))
    per_lang = (
        select(ProductTranslation.locale, func.count())
        .join(Product, Product.id == ProductTranslation.product_id)
        .where(ProductTranslation.name != "")
        .group_by(ProductTranslation.locale)
    )
    if merchant_id is not None:
        total_stmt = total_stmt.where(Product.merchant_id == merchant_id)
        per_lang = per_lang.where(Product.merchant_id == merchant_id)
    total = db.session.scalar(total_stmt) or 0
    counts = dict(db.session.execute(per_lang).all())
    return [Coverage(code, counts.get(code, 0), total) for code in LANGS]


def _has_name(lang: str):
    return exists().where(
        ProductTranslation.product_id == Product.id,
        ProductTranslation.locale == lang,
        ProductTranslation.name != "",
    )


def product_list(
    merchant_id: int,
    *,
    q: str = "",
    category_id: int | None = None,
    visibility: str = "all",
    missing: str = "",
) -> Select:
    """A merchant's products filtered by text (SKU or name), category, visibility and missing language."""
    stmt = select(Product).where(Product.merchant_id == merchant_id).options(selectinload(Product.variants))
    if q:
        like = f"%{q.strip()[:80]}%"
        names = select(ProductTranslation.product_id).where(ProductTranslation.name.ilike(like))
        stmt = stmt.where(or_(Product.sku.ilike(like), Product.customs_name.ilike(like), Product.id.in_(names)))
    if category_id:
        stmt = stmt.where(Product.category_id == category_id)
    if visibility == "visible":
        stmt = stmt.where(Product.hidden.is_(False))
    elif visibility == "hidden":
        stmt = stmt.where(Product.hidden.is_(True), Product.moderation_reason == "")
    elif visibility == "moderated":
        stmt = stmt.where(and_(Product.hidden.is_(True), Product.moderation_reason != ""))
    if missing in LANGS:
        stmt = stmt.where(~_has_name(missing))
    return stmt


def category_choices(lang: str) -> dict[str, list[tuple[int, str]]]:
    """Categories grouped by cluster, for a select with optgroups."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for cluster in db.session.scalars(select(Cluster).order_by(Cluster.position, Cluster.id)):
        groups[str(cluster.name(lang))] = [(c.id, str(c.name(lang))) for c in cluster.categories]
    return groups


def merchant_categories(merchant_id: int, lang: str) -> list[tuple[int, str]]:
    """Categories the merchant has products in (for the list filter)."""
    stmt = select(Category).where(
        Category.id.in_(select(Product.category_id).where(Product.merchant_id == merchant_id))
    )
    return sorted(((c.id, str(c.name(lang))) for c in db.session.scalars(stmt)), key=lambda row: row[1])


def city_choices(lang: str) -> list[tuple[str, str]]:
    """Origin cities."""
    return sorted(((c.slug, str(c.name(lang))) for c in db.session.scalars(select(City))), key=lambda r: r[1])


def cluster_choices(lang: str) -> list[tuple[int, str]]:
    """Industry clusters."""
    return [(c.id, str(c.name(lang))) for c in db.session.scalars(select(Cluster).order_by(Cluster.position))]


def unit_choices(lang: str) -> list[tuple[str, str]]:
    """Customs units of measure, labelled with code and name."""
    return [(code, f"{code} {u.zh}" + ("" if lang == "zh" else f" ({u.en})")) for code, u in UNITS.items()]
