"""This app's search engine and its maintenance: the engine in ``app.extensions``, bringing products up to date,
rebuilding. The lowest module of the search package besides :mod:`storefront.search.base` (events and the
commit hooks use it; it uses neither)."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask, current_app

from storefront.search.base import SearchIndex
from storefront.search.documents import iter_all_docs, load_docs


@dataclass
class SearchState:
    """The app's search engine and the ids whose last index update failed (retried at the next commit)."""

    index: SearchIndex
    retry: set[int] = field(default_factory=set)
    #: When this process last caught up with the index events (time.monotonic()).
    followed_at: float = 0.0


def get_index(app: Flask | None = None) -> SearchIndex:
    """The search engine of the app (default: the current one)."""
    return (app or current_app).extensions["search"].index


def sync_products(ids) -> None:
    """Bring these products up to date in the index now (public ones indexed, the rest removed)."""
    get_index().sync({int(i) for i in ids}, load_docs)


def reindex() -> int:
    """Build a complete new index from the database and swap it in; returns the number of products."""
    return get_index().rebuild(iter_all_docs(), load_docs)
