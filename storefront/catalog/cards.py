"""Product cards as cached HTML fragments, per product version, language and display currency.

A listing asks the database only for the ids of its page; each card's HTML comes from the shared cache
(Flask-Caching: one ``get_many``) and only the missing ones load their products and render the
``product_card`` macro. A card's key holds the product's version and the catalogue-wide version (names of
merchants and cities, exchange rates), so a change anywhere a card shows makes a new key on every node.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask import g, render_template
from markupsafe import Markup
from sqlalchemy import Select, func, select

from storefront.catalog.models import Product
from storefront.catalog.queries import public_products
from storefront.core.money import display_currency
from storefront.core.versions import GLOBAL, clock_token, product_key, versions
from storefront.extensions import cache, db

#: Fragments of one render are joined with this marker, then split (one template call for all missing cards).
_SEPARATOR = "\x1e\x1d\x1e"


def card_keys(ids: Sequence[int], lang: str, currency: str) -> list[str]:
    """Cache keys of the cards of these products (one versions query)."""
    found = versions(GLOBAL, *(product_key(i) for i in ids))
    clock = clock_token()  # e.g. the promotions running now: a card shows the price of this moment
    return [f"card:{lang}:{currency}:{found[GLOBAL]}:{clock}:{i}:{found[product_key(i)]}" for i in ids]


def product_cards(ids: Sequence[int]) -> list[Markup]:
    """The cards of public products, in the order given (products no longer public are left out)."""
    if not ids:
        return []

    lang = g.lang
    keys = card_keys(ids, lang, display_currency())
    hits = dict(zip(ids, cache.get_many(*keys), strict=True))
    missing = [i for i in ids if hits[i] is None]
    if missing:
        found = {p.id: p for p in db.session.scalars(public_products().where(Product.id.in_(missing)))}
        products = [found[i] for i in missing if i in found]
        if products:
            html = render_template("catalog/_cards.html", products=products, separator=_SEPARATOR)
            fresh = dict(zip((p.id for p in products), html.split(_SEPARATOR), strict=True))
            cache.set_many({k: fresh[i] for i, k in zip(ids, keys, strict=True) if i in fresh})
            hits.update(fresh)
    return [Markup(hits[i]) for i in ids if hits.get(i) is not None]  # noqa: S704 - rendered by our template


def ids_of(stmt: Select) -> Select:
    """The same product query selecting ids only (for pages whose cards come from the cache)."""
    return stmt.with_only_columns(Product.id)


def count_of(stmt: Select) -> Select:
    """A count of the rows of a product query."""
    return select(func.count()).select_from(stmt.order_by(None).subquery())
