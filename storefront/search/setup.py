"""Wiring of search into the app: the engine from config, the commit hooks, the index version in page cache keys."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from storefront.catalog import facets
from storefront.core import http
from storefront.search import kinds, service, sync
from storefront.search.index import PRODUCT_KIND, SearchState
from storefront.search.lookup import index_version
from storefront.search.whoosh_backend import WhooshIndex

#: Pages and API endpoints that show search results: their cache keys carry the index version.
SEARCH_ENDPOINTS = ("search.results", "api.search", "api.suggest")


def init_app(app: Flask) -> None:
    """Configure the engine (no files are touched until first use) and hook index updates to commits."""
    root = Path(app.config.get("SEARCH_DIR") or Path(app.config["DATA_DIR"]) / "search")
    app.config["SEARCH_DIR"] = str(root)
    timeout = float(app.config.get("SEARCH_WRITE_TIMEOUT", 10))
    procs = app.config.get("SEARCH_INDEX_PROCS") or None
    app.extensions["search"] = SearchState(WhooshIndex(root, write_timeout=timeout, procs=procs))
    kinds.register(app, PRODUCT_KIND)
    sync.listen()
    http.register_version_source(app, SEARCH_ENDPOINTS, index_version)
    facets.register(service.listing_facets)
