"""Product search: a small interface (index, remove, query, suggest) with a Whoosh implementation.

Views, the API and the CLI call the functions here; they find the app's engine in ``app.extensions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, current_app

from storefront.search.base import ProductDoc, SearchIndex, SearchQuery, SearchResults, Suggestion

__all__ = [
    "ProductDoc",
    "SearchIndex",
    "SearchQuery",
    "SearchResults",
    "Suggestion",
    "clear",
    "get_index",
    "index_version",
    "init_app",
    "query",
    "reindex",
    "suggest",
    "sync_products",
]


@dataclass
class SearchState:
    """The app's search engine and the ids whose last index update failed (retried at the next commit)."""

    index: SearchIndex
    retry: set[int] = field(default_factory=set)
    #: When this process last caught up with the index events (time.monotonic()).
    followed_at: float = 0.0


def init_app(app: Flask) -> None:
    """Configure the engine (no files are touched until first use) and hook index updates to commits."""
    from storefront.search import sync
    from storefront.search.whoosh_backend import WhooshIndex

    root = Path(app.config.get("SEARCH_DIR") or Path(app.config["DATA_DIR"]) / "search")
    app.config["SEARCH_DIR"] = str(root)
    timeout = float(app.config.get("SEARCH_WRITE_TIMEOUT", 10))
    procs = app.config.get("SEARCH_INDEX_PROCS") or None
    app.extensions["search"] = SearchState(WhooshIndex(root, write_timeout=timeout, procs=procs))
    sync.listen()


def get_index(app: Flask | None = None) -> SearchIndex:
    """The search engine of the app (default: the current one)."""
    return (app or current_app).extensions["search"].index


def query(request: SearchQuery) -> SearchResults:
    """Run a search (after catching up with other nodes' index events when due)."""
    from storefront.search import events

    events.follow_if_due(current_app._get_current_object())
    return get_index().query(request)


def suggest(text: str, lang: str, limit: int = 8) -> list[Suggestion]:
    """Autocomplete entries for the text typed so far."""
    return get_index().suggest(text, lang, limit)


def index_version() -> str:
    """Changes whenever the index changes: add it to cache keys of pages that show search results (after
    catching up with other nodes' index events when due, so the key already reflects them)."""
    from storefront.search import events

    events.follow_if_due(current_app._get_current_object())
    return get_index().version()


def clear() -> None:
    """Empty the index (tests: the database is wiped behind the ORM's back)."""
    from storefront.search import events

    get_index().clear()
    events.reset_cursor()


def sync_products(ids) -> None:
    """Bring these products up to date in the index now (public ones indexed, the rest removed)."""
    from storefront.search.documents import load_docs

    get_index().sync({int(i) for i in ids}, load_docs)


def reindex() -> int:
    """Build a complete new index from the database and swap it in; returns the number of products."""
    from storefront.search.documents import iter_all_docs, load_docs

    return get_index().rebuild(iter_all_docs(), load_docs)
