"""Storefront pages: home, cluster and category listings, product and merchant pages."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, session, url_for
from markupsafe import Markup
from sqlalchemy import select

from storefront.accounts.models import FilingStatus, Merchant
from storefront.catalog import facets, queries, variants
from storefront.catalog.cards import product_cards
from storefront.catalog.models import Product
from storefront.catalog.taxonomy import Category, City, Cluster
from storefront.core.http import page_fragment
from storefront.core.money import DISPLAY_CURRENCIES, display_currency
from storefront.core.security import safe_next_url
from storefront.core.versions import GLOBAL
from storefront.extensions import db

bp = Blueprint("catalog", __name__, url_prefix="/<lang>")


def _clusters() -> list[Cluster]:
    return list(db.session.scalars(select(Cluster).order_by(Cluster.position)))


def _cities() -> dict[str, City]:
    return {c.slug: c for c in db.session.scalars(select(City))}


@bp.get("/")
def home():
    """Home: the industry clusters and featured products."""

    def render() -> dict[str, str]:
        clusters = _clusters()
        head = render_template("catalog/_home_head.html", clusters=clusters)
        body = render_template(
            "catalog/_home_body.html",
            clusters=clusters,
            counts=queries.category_counts(),
            featured=product_cards(queries.featured_ids(8)),
        )
        return {"head": Markup(head), "body": Markup(body)}  # noqa: S704 - rendered by our templates

    return render_template("catalog/home.html", page=page_fragment(render))


def _listing(find: Callable[[], tuple[Cluster, Category | None]]):
    """Shared listing view for a cluster or one of its categories (``find`` returns them or aborts with 404)."""

    def render() -> dict[str, str]:
        cluster, category = find()
        body = _listing_body(cluster, category)
        return {"title": str(category.name(g.lang) if category else cluster.name(g.lang)), "body": Markup(body)}  # noqa: S704 - rendered by our template

    return render_template("catalog/listing.html", page=page_fragment(render))


def _listing_body(cluster: Cluster, category: Category | None) -> str:
    page = queries.parse_page(request.args.get("page"))
    f = queries.parse_filters(request.args, display_currency())
    ids = [category.id] if category else [c.id for c in cluster.categories]
    follows = (GLOBAL, f"category:{category.id}" if category else f"cluster:{cluster.id}")
    chosen = facets.option_filters(request.args)
    scope = {"category": str(category.id)} if category else {"cluster": cluster.slug}
    options = facets.listing_facets(scope, chosen, g.lang)
    result = queries.listing(
        ids, f, page, current_app.config["PAGE_SIZE"], ids=True, version_names=follows, only=options.ids
    )
    cities = _cities()
    return render_template(
        "catalog/_listing_body.html",
        cluster=cluster,
        category=category,
        result=result,
        cards=product_cards(result.items),
        filters=f,
        option_facets=options.facets,
        options_chosen=bool(chosen),
        sorts=queries.SORT_LABELS,
        city_options=[(s, cities[s].name(g.lang)) for s in queries.cities_in(ids, follows) if s in cities],
    )


@bp.get("/c/<slug>/")
def cluster(slug: str):
    """All products of an industry cluster."""

    def find() -> tuple[Cluster, None]:
        return db.session.scalars(select(Cluster).where(Cluster.slug == slug)).first() or abort(404), None

    return _listing(find)


@bp.get("/c/<slug>/<category_slug>/")
def category(slug: str, category_slug: str):
    """Products of one category."""

    def find() -> tuple[Cluster, Category]:
        found = db.session.scalars(
            select(Category).join(Category.cluster).where(Cluster.slug == slug, Category.slug == category_slug)
        ).first() or abort(404)
        return found.cluster, found

    return _listing(find)


@bp.get("/p/<int:product_id>")
def product(product_id: int):
    """Product page: gallery, tiers, MOQ, stock, origin, merchant card."""

    def render() -> dict[str, str]:
        item = queries.get_public_product(product_id)
        related = db.session.scalars(
            queries.public_products()
            .with_only_columns(Product.id)
            .where(Product.category_id == item.category_id, Product.id != item.id)
            .order_by(Product.id)
            .limit(4)
        ).all()
        body = render_template(
            "catalog/_product_body.html",
            product=item,
            related=product_cards(related),
            variant=variants.first_choice(item),
            picker=variants.picker(item, g.lang) if item.has_options else None,
            size_chart=variants.size_chart(item),
            size_columns=variants.SIZE_COLUMNS,
        )
        return {
            "title": str(item.name(g.lang)),
            "description": str(item.text("description", g.lang)),
            "body": Markup(body),  # noqa: S704 - rendered by our template
        }

    return render_template("catalog/product.html", page=page_fragment(render))


@bp.get("/m/<slug>")
def merchant(slug: str):
    """Merchant page: company card and its public products."""
    found = db.session.scalars(
        select(Merchant).where(Merchant.slug == slug, Merchant.status == FilingStatus.APPROVED.value)
    ).first() or abort(404)
    page = queries.parse_page(request.args.get("page"))
    stmt = queries.public_products().where(Product.merchant_id == found.id)
    result = queries.paginate(stmt, page, current_app.config["PAGE_SIZE"], queries.sort_order("newest"), ids=True)
    return render_template("catalog/merchant.html", merchant=found, result=result, cards=product_cards(result.items))


@bp.post("/currency")
def set_currency():
    """Remember the buyer's display currency and go back to the page."""
    code = request.form.get("currency", "")
    if code in DISPLAY_CURRENCIES:
        session["currency"] = code
    return redirect(safe_next_url(request.form.get("next")) or url_for("catalog.home", lang=g.lang))
