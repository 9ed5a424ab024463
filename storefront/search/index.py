"""This app's product search engine and its maintenance: the engine in ``app.extensions``, bringing products up
to date, rebuilding, and the products' :class:`~storefront.search.kinds.IndexKind` for the one sync path (events
and the commit hooks use it through the kinds registry; it uses neither)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

from storefront.search.base import SearchIndex
from storefront.search.documents import iter_all_docs, load_docs
from storefront.search.kinds import PRODUCTS, IndexKind
from storefront.search.product_changes import ProductChanges


@dataclass
class SearchState:
    """The app's product search engine (what follows commits is in :mod:`storefront.search.kinds`)."""

    index: SearchIndex


def get_index(app: Flask | None = None) -> SearchIndex:
    """The search engine of the app (default: the current one)."""
    return (app or current_app).extensions["search"].index


def sync_products(ids) -> None:
    """Bring these products up to date in the index now (public ones indexed, the rest removed)."""
    get_index().sync({int(i) for i in ids}, load_docs)


def reindex() -> int:
    """Build a complete new index from the database and swap it in; returns the number of products."""
    return get_index().rebuild(iter_all_docs(), load_docs)


def clear() -> None:
    """Remove every product from the index."""
    get_index().clear()


#: The product index on the one sync path (registered by :mod:`storefront.search.setup`).
PRODUCT_KIND = IndexKind(
    name=PRODUCTS,
    changes=ProductChanges,
    sync=sync_products,
    rebuild=reindex,
    clear=clear,
    directory=lambda app: Path(app.config["SEARCH_DIR"]),
)
