"""Product search: a small interface (index, remove, query, suggest) with a Whoosh implementation.

Views, the API and the CLI call the functions re-exported here; they find the app's engine in ``app.extensions``
(set up by :mod:`storefront.search.setup`). The package's own modules import each other directly, never this
package, so it has no import cycle.
"""

from __future__ import annotations

from storefront.search.base import ProductDoc, SearchIndex, SearchQuery, SearchResults, Suggestion
from storefront.search.index import SearchState, get_index, reindex, sync_products
from storefront.search.lookup import browse, clear, index_version, query, suggest

__all__ = [
    "ProductDoc",
    "SearchIndex",
    "SearchQuery",
    "SearchResults",
    "SearchState",
    "Suggestion",
    "browse",
    "clear",
    "get_index",
    "index_version",
    "query",
    "reindex",
    "suggest",
    "sync_products",
]
