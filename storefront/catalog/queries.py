"""Catalogue queries: public products, listings with filters, sorting and pagination."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, case, func, select

from storefront.accounts.models import FilingStatus, Merchant
from storefront.catalog.models import Product, load_variant_tiers, with_variants
from storefront.catalog.promotions import price_now_sql, running_promotions
from storefront.catalog.taxonomy import Category
from storefront.catalog.units import SCALE
from storefront.core.money import parse_price_range
from storefront.core.paging import Paged
from storefront.core.versions import GLOBAL, LISTINGS, memoize
from storefront.extensions import db

#: Listing sorts (their ORDER BY: :func:`sort_order`).
SORTS = ("newest", "price_asc", "price_desc")
SORT_LABELS = {"newest": _l("Newest"), "price_asc": _l("Price: low to high"), "price_desc": _l("Price: high to low")}
MAX_PAGE = 100_000
_SLUG_CHARS = re.compile(r"[a-z0-9-]+")


def is_slug(value: str, longest: int = 40) -> bool:
    """A city, cluster or category slug as the catalogue writes them (not a hostile or overlong value)."""
    return len(value) <= longest and _SLUG_CHARS.fullmatch(value) is not None


def public_products() -> Select:
    """Products buyers may see: not hidden, merchant approved."""
    return (
        select(Product)
        .join(Product.merchant)
        .where(Product.hidden.is_(False), Merchant.status == FilingStatus.APPROVED.value)
    )


def get_public_product(product_id: int) -> Product:
    """A public product or 404."""
    stmt = public_products().where(Product.id == product_id).options(*with_variants())
    product = db.session.scalars(stmt).first()
    if product is None:
        abort(404)
    load_variant_tiers([product])
    return product


@dataclass
class Filters:
    """Listing filters as typed by the buyer, their parsed values and any errors."""

    raw: dict[str, str] = field(default_factory=dict)
    min_fen: int | None = None
    max_fen: int | None = None
    max_moq: int | None = None
    city: str | None = None
    sort: str = "newest"
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        """True when a filter narrows the listing."""
        return any(v is not None for v in (self.min_fen, self.max_fen, self.max_moq, self.city))


def parse_filters(args, currency: str) -> Filters:
    """Read filters from the query string; bad values are reported, not fatal."""
    keys = ("min_price", "max_price", "moq", "city", "sort")
    raw = {k: (args.get(k) or "")[:40] for k in keys}
    f = Filters(raw=raw)
    f.min_fen, f.max_fen = parse_price_range(raw, currency, f.errors)
    if raw["moq"]:
        if raw["moq"].isdigit() and 0 < int(raw["moq"]) < 10**9:
            f.max_moq = int(raw["moq"])
        else:
            f.errors["moq"] = str(_l("Enter a whole number of units."))
    f.city = raw["city"] if is_slug(raw["city"]) else None
    f.sort = raw["sort"] if raw["sort"] in SORTS else "newest"
    return f


def sort_order(sort: str) -> tuple:
    """ORDER BY of a listing sort: the price sorts go by the price the buyer pays now (promotions applied)."""
    if sort == "price_asc":
        return (price_now_sql().asc(), Product.id.asc())
    if sort == "price_desc":
        return (price_now_sql().desc(), Product.id.desc())
    return (Product.created_at.desc(), Product.id.desc())


def apply_filters(stmt: Select, f: Filters) -> Select:
    """Narrow a product query with the parsed filters (a price range is about the price paid now)."""
    if f.min_fen is not None or f.max_fen is not None:
        price = price_now_sql()
        if f.min_fen is not None:
            stmt = stmt.where(price >= f.min_fen)
        if f.max_fen is not None:
            stmt = stmt.where(price <= f.max_fen)
    if f.max_moq is not None:  # in units of each product's unit (MOQ is stored scaled: 500 kg-steps = 0.5 t)
        whens = [(Product.unit == unit, f.max_moq * factor) for unit, factor in SCALE.items() if factor > 1]
        stmt = stmt.where(Product.moq <= case(*whens, else_=f.max_moq))
    if f.city:
        stmt = stmt.where(Product.origin_city_slug == f.city)
    return stmt


def parse_page(value: str | None) -> int:
    """A page number from the query string; anything but a positive integer is a 404."""
    if value is None or value == "":
        return 1
    if not value.isdigit() or not 0 < int(value) <= MAX_PAGE:
        abort(404)
    return int(value)


@dataclass
class Page(Paged):
    """One page of results."""

    items: list
    page: int
    per_page: int
    total: int


def paginate(stmt: Select, page: int, per_page: int, order_by=(), ids: bool = False, total: int | None = None) -> Page:
    """Run a count (unless given) and one page of a query; a page past the end is a 404.

    With ``ids`` the page holds product ids only (their cards come from the fragment cache)."""
    if total is None:
        total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    if page > 1 and (page - 1) * per_page >= total:
        abort(404)
    if ids:
        stmt = stmt.with_only_columns(Product.id)
    items = list(db.session.scalars(stmt.order_by(*order_by).limit(per_page).offset((page - 1) * per_page)))
    return Page(items, page, per_page, total)


def listing(
    category_ids: list[int] | None,
    f: Filters,
    page: int,
    per_page: int,
    ids: bool = False,
    version_names: tuple[str, ...] = (),
    only: set[int] | None = None,
) -> Page:
    """Public products of some categories (or all), filtered, sorted, paginated.

    ``version_names``: cache versions the listing follows; an unfiltered listing's count is then kept in the
    shared cache until one of them changes. ``only``: the products to keep (chosen option facets), None = all."""
    stmt = public_products()
    if category_ids is not None:
        stmt = stmt.where(Product.category_id.in_(category_ids))
    stmt = apply_filters(stmt, f)
    if only is not None:
        stmt = stmt.where(Product.id.in_(sorted(only)))
    total = None
    if version_names and not f.active and only is None:
        total = counted(stmt, version_names, "count:" + ",".join(map(str, sorted(category_ids or []))))
    return paginate(stmt, page, per_page, sort_order(f.sort), ids=ids, total=total)


def counted(stmt: Select, version_names: tuple[str, ...], key: str) -> int:
    """The number of rows of ``stmt``, kept in the shared cache until one of ``version_names`` changes (a count of
    20,000 public products is 5 ms: most of a listing's or an API page's queries)."""
    return memoize(
        version_names,
        key,
        lambda: db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0,
    )


def promoted_prices() -> dict[int, int]:
    """Public products a running promotion lowers now: id → the price a card shows (``price_now_sql``, the same
    rules). No query when no promotion runs; else one, limited to the promoting merchants' products."""
    merchants = sorted({rule.merchant_id for rule in running_promotions()})
    if not merchants:
        return {}
    price = price_now_sql()
    stmt = (
        public_products()
        .with_only_columns(Product.id, price)
        .where(Product.merchant_id.in_(merchants), price < Product.price_fen)
    )
    return {product_id: fen for product_id, fen in db.session.execute(stmt)}


def cities_in(category_ids: list[int] | None, version_names: tuple[str, ...] = ()) -> list[str]:
    """Origin city slugs that have public products in the categories (cached while ``version_names`` hold)."""
    stmt = public_products().with_only_columns(Product.origin_city_slug).distinct()
    if category_ids is not None:
        stmt = stmt.where(Product.category_id.in_(category_ids))
    if version_names:
        key = "cities:" + ",".join(map(str, sorted(category_ids or [])))
        return memoize(version_names, key, lambda: sorted(db.session.scalars(stmt)))
    return sorted(db.session.scalars(stmt))


def featured(limit: int = 8) -> list[Product]:
    """Featured public products for the home page."""
    stmt = public_products().where(Product.featured.is_(True)).order_by(Product.id).limit(limit)
    return list(db.session.scalars(stmt))


def featured_ids(limit: int = 8) -> list[int]:
    """Ids of the featured public products (cached until the listings change)."""
    stmt = public_products().with_only_columns(Product.id).where(Product.featured.is_(True))
    stmt = stmt.order_by(Product.id).limit(limit)
    return memoize((GLOBAL, LISTINGS), f"featured:{limit}", lambda: list(db.session.scalars(stmt)))


def category_counts() -> dict[int, int]:
    """Number of public products per category (cached until the listings change)."""
    stmt = public_products().with_only_columns(Product.category_id, func.count()).group_by(Product.category_id)
    return memoize((GLOBAL, LISTINGS), "category-counts", lambda: dict(db.session.execute(stmt).all()))


def merchant_categories(merchant_id: int) -> list[Category]:
    """Categories a merchant sells in."""
    stmt = select(Category).where(
        Category.id.in_(select(Product.category_id).where(Product.merchant_id == merchant_id))
    )
    return list(db.session.scalars(stmt))
