"""Reading the index for pages and the API: queries, suggestions and the version that goes into cache keys.
Each read first applies what the index still owes and catches up with other nodes' index events when due
(:func:`storefront.search.sync.before_read`)."""

from __future__ import annotations

from flask import current_app

from storefront.search.base import SearchQuery, SearchResults, Suggestion
from storefront.search.events import reset_cursor
from storefront.search.index import get_index
from storefront.search.kinds import PRODUCTS, states
from storefront.search.sync import before_read


def query(request: SearchQuery) -> SearchResults:
    """Run a search (after catching up with other nodes' index events when due)."""
    before_read(current_app._get_current_object())
    return get_index().query(request)


def browse(filters: dict[str, str], want_ids: bool = False) -> SearchResults:
    """Every indexed product matching facet filters, without text: facet counts, and all their ids when asked."""
    before_read(current_app._get_current_object())
    return get_index().browse(filters, want_ids)


def suggest(text: str, lang: str, limit: int = 8) -> list[Suggestion]:
    """Autocomplete entries for the text typed so far."""
    before_read(current_app._get_current_object())
    return get_index().suggest(text, lang, limit)


def index_version() -> str:
    """Changes whenever the index changes: add it to cache keys of pages that show search results (after
    catching up with other nodes' index events when due, so the key already reflects them)."""
    before_read(current_app._get_current_object())
    return get_index().version()


def clear() -> None:
    """Empty the product index, and every other index this app has written to (tests: the database is wiped
    behind the ORM's back; an index never written here is not opened, so the teardown stays cheap)."""
    for state in states().values():
        state.forget()
        if state.touched or state.kind.name == PRODUCTS:
            state.kind.clear()
            state.touched = False
            reset_cursor(kind=state.kind.name)
