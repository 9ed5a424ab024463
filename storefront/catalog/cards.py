"""Per-product fragments in the shared cache: the HTML product cards of the listings (per language and display
currency) and the products API's JSON items (per language).

A listing asks the database only for the ids of its page; each fragment comes from the shared cache
(Flask-Caching: one ``get_many``) and only the missing ones load their products and are built (cards: one
render of the ``product_card`` macro for all of them). A fragment's key holds the product's version and the
catalogue-wide version (names of merchants and cities, exchange rates), so a change anywhere a fragment shows
makes a new key on every node.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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


def fragment_keys(ids: Sequence[int], kind: str, lang: str) -> list[str]:
    """Cache keys of one kind of fragment of these products (one versions query). ``kind`` says what else the
    fragment depends on: ``card:<display currency>`` for the HTML cards, ``json`` for the API's items."""
    found = versions(GLOBAL, *(product_key(i) for i in ids))
    clock = clock_token()  # e.g. the promotions running now: a fragment shows the price of this moment
    return [f"{kind}:{lang}:{found[GLOBAL]}:{clock}:{i}:{found[product_key(i)]}" for i in ids]


def cached_fragments(
    ids: Sequence[int], keys: Sequence[str], build: Callable[[list[Product]], dict[int, Any]], options=()
) -> list[Any]:
    """The fragments of public products under ``keys``, in the order of ``ids``: cache hits as they are, the
    missing ones built from their products (loaded in one query, with loader ``options``) and stored. Products
    no longer public are left out."""
    hits = dict(zip(ids, cache.get_many(*keys), strict=True))
    missing = [i for i in ids if hits[i] is None]
    if missing:
        query = public_products().where(Product.id.in_(missing)).options(*options)
        found = {p.id: p for p in db.session.scalars(query)}
        products = [found[i] for i in missing if i in found]
        if products:
            fresh = build(products)
            cache.set_many({k: fresh[i] for i, k in zip(ids, keys, strict=True) if i in fresh})
            hits.update(fresh)
    return [hits[i] for i in ids if hits.get(i) is not None]


def product_cards(ids: Sequence[int]) -> list[Markup]:
    """The cards of public products, in the order given (products no longer public are left out)."""
    if not ids:
        return []

    def render(products: list[Product]) -> dict[int, str]:
        html = render_template("catalog/_cards.html", products=products, separator=_SEPARATOR)
        return dict(zip((p.id for p in products), html.split(_SEPARATOR), strict=True))

    cards = cached_fragments(ids, fragment_keys(ids, f"card:{display_currency()}", g.lang), render)
    return [Markup(card) for card in cards]  # noqa: S704 - rendered by our template


def ids_of(stmt: Select) -> Select:
    """The same product query selecting ids only (for pages whose cards come from the cache)."""
    return stmt.with_only_columns(Product.id)


def count_of(stmt: Select) -> Select:
    """A count of the rows of a product query."""
    return select(func.count()).select_from(stmt.order_by(None).subquery())
