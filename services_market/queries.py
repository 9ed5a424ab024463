"""Marketplace reads: public packages (filters, sorting, search, pagination), provider figures, reviews."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, case, exists, func, select

from services_market import search
from services_market.constants import CATEGORIES, SPOKEN_LANGUAGES, OrderStatus
from services_market.models import Package, PackageLanguage, Provider, public_packages
from services_market.order_models import ServiceOrder, ServiceReview
from storefront.accounts.models import FilingStatus
from storefront.catalog.queries import Page, paginate
from storefront.core.money import parse_price_range
from storefront.extensions import db

SORTS = {
    "rating": (
        (Package.rating_sum * 1.0 / func.nullif(Package.rating_count, 0)).desc().nulls_last(),
        Package.completed_count.desc(),
        Package.id.desc(),
    ),
    "price_asc": (Package.min_price_fen.asc(), Package.id.asc()),
    "price_desc": (Package.min_price_fen.desc(), Package.id.desc()),
    "fastest": (Package.min_delivery_days.asc(), Package.min_price_fen.asc(), Package.id.asc()),
    "newest": (Package.created_at.desc(), Package.id.desc()),
}
SORT_LABELS = {
    "relevance": _l("Best match"),
    "rating": _l("Best rated"),
    "price_asc": _l("Price: low to high"),
    "price_desc": _l("Price: high to low"),
    "fastest": _l("Fastest delivery"),
    "newest": _l("Newest"),
}
#: Most search hits considered before filtering in SQL.
MAX_SEARCH_HITS = 500


def get_public_package(package_id: int) -> Package:
    """A public package or 404."""
    return db.session.scalars(public_packages().where(Package.id == package_id)).first() or abort(404)


@dataclass
class Filters:
    """Browse filters as typed, their parsed values and any errors."""

    raw: dict[str, str] = field(default_factory=dict)
    q: str = ""
    category: str | None = None
    min_fen: int | None = None
    max_fen: int | None = None
    max_days: int | None = None
    lang: str | None = None
    sort: str = "rating"
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        """True when a filter (other than the category) narrows the list."""
        return bool(self.q) or any(v is not None for v in (self.min_fen, self.max_fen, self.max_days, self.lang))


def parse_filters(args, currency: str, category: str | None = None) -> Filters:
    """Read filters from the query string; bad values are reported, not fatal."""
    keys = ("q", "min_price", "max_price", "days", "language", "sort", "category")
    raw = {k: (args.get(k) or "").strip()[: 200 if k == "q" else 40] for k in keys}
    f = Filters(raw=raw, q=raw["q"])
    wanted = category or raw["category"]
    f.category = wanted if wanted in CATEGORIES else None
    f.min_fen, f.max_fen = parse_price_range(raw, currency, f.errors)
    if raw["days"]:
        if raw["days"].isdigit() and 0 < int(raw["days"]) < 10_000:
            f.max_days = int(raw["days"])
        else:
            f.errors["days"] = str(_l("Enter a whole number of days."))
    f.lang = raw["language"] if raw["language"] in SPOKEN_LANGUAGES else None
    default_sort = "relevance" if f.q else "rating"
    f.sort = raw["sort"] if raw["sort"] in SORTS or (raw["sort"] == "relevance" and f.q) else default_sort
    return f


def apply_filters(stmt: Select, f: Filters) -> Select:
    """Narrow a package query with the parsed filters (not the text search)."""
    if f.category:
        stmt = stmt.where(Package.category == f.category)
    if f.min_fen is not None:
        stmt = stmt.where(Package.min_price_fen >= f.min_fen)
    if f.max_fen is not None:
        stmt = stmt.where(Package.min_price_fen <= f.max_fen)
    if f.max_days is not None:
        stmt = stmt.where(Package.min_delivery_days <= f.max_days)
    if f.lang:
        stmt = stmt.where(exists().where(PackageLanguage.package_id == Package.id, PackageLanguage.lang == f.lang))
    return stmt


def browse(f: Filters, lang: str, page: int, per_page: int) -> Page:
    """Public packages filtered, searched (through the package index), sorted and paginated."""
    stmt = apply_filters(public_packages(), f)
    order = SORTS.get(f.sort, SORTS["rating"])
    if f.q:
        ids = search.search_ids(f.q, lang, category=f.category, limit=MAX_SEARCH_HITS)
        if not ids:
            return Page([], page, per_page, 0) if page == 1 else abort(404)
        stmt = stmt.where(Package.id.in_(ids))
        if f.sort == "relevance":
            order = (case({pid: pos for pos, pid in enumerate(ids)}, value=Package.id), Package.id)
    return paginate(stmt, page, per_page, order)


def category_counts() -> dict[str, int]:
    """Number of public packages per category."""
    stmt = public_packages().with_only_columns(Package.category, func.count()).group_by(Package.category)
    return dict(db.session.execute(stmt).all())


def packages_of(provider_id: int, public_only: bool = True) -> list[Package]:
    """A provider's packages (only public ones unless asked)."""
    stmt = public_packages() if public_only else select(Package)
    stmt = stmt.where(Package.provider_id == provider_id).order_by(Package.category, Package.id)
    return list(db.session.scalars(stmt))


def matching_packages(category: str, lang: str | None = None, limit: int = 3) -> list[Package]:
    """Best-rated public packages of a category, optionally delivered in a language (for the gaps panel)."""
    f = Filters(category=category, lang=lang)
    stmt = apply_filters(public_packages(), f).order_by(*SORTS["rating"]).limit(limit)
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class ProviderFigures:
    """A provider's public figures."""

    rating: float | None
    reviews: int
    completed: int


def providers_figures(provider_ids) -> dict[int, ProviderFigures]:
    """Public figures of several providers in two grouped queries (no per-provider queries)."""
    ids = sorted(set(provider_ids))
    if not ids:
        return {}
    ratings = {
        pid: (avg, count)
        for pid, avg, count in db.session.execute(
            select(ServiceReview.provider_id, func.avg(ServiceReview.rating), func.count(ServiceReview.id))
            .where(ServiceReview.provider_id.in_(ids))
            .group_by(ServiceReview.provider_id)
        )
    }
    completed = dict(
        db.session.execute(
            select(ServiceOrder.provider_id, func.count(ServiceOrder.id))
            .where(ServiceOrder.provider_id.in_(ids), ServiceOrder.status == OrderStatus.COMPLETED.value)
            .group_by(ServiceOrder.provider_id)
        ).all()
    )
    figures = {}
    for pid in ids:
        avg, count = ratings.get(pid, (None, 0))
        figures[pid] = ProviderFigures(
            round(float(avg), 1) if avg is not None else None, count or 0, completed.get(pid, 0)
        )
    return figures


def provider_figures(provider_id: int) -> ProviderFigures:
    """Average rating over all reviews and number of completed orders."""
    return providers_figures([provider_id])[provider_id]


def public_provider(slug: str) -> Provider:
    """An approved provider by slug, or 404."""
    stmt = select(Provider).where(Provider.slug == slug, Provider.status == FilingStatus.APPROVED.value)
    return db.session.scalars(stmt).first() or abort(404)


def reviews_of_package(package_id: int, limit: int = 50) -> list[ServiceReview]:
    """Newest reviews of a package."""
    stmt = (
        select(ServiceReview)
        .where(ServiceReview.package_id == package_id)
        .order_by(ServiceReview.created_at.desc(), ServiceReview.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def reviews_of_provider(provider_id: int, limit: int = 20) -> list[ServiceReview]:
    """Newest reviews across a provider's packages."""
    stmt = (
        select(ServiceReview)
        .where(ServiceReview.provider_id == provider_id)
        .order_by(ServiceReview.created_at.desc(), ServiceReview.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(stmt))
