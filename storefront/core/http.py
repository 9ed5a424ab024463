"""HTTP performance: fingerprinted static URLs with long-lived caching, compression, and conditional GETs
(ETag / Last-Modified) for anonymous catalogue pages and API responses, invalidated when catalogue data changes."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, g, request, session
from flask_login import current_user
from sqlalchemy import BigInteger, DateTime, String, event, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from storefront.core.headers import NONCE_HOLE, csp_nonce
from storefront.extensions import db

#: Endpoints whose anonymous GET responses depend only on catalogue data, the URL and the session.
CACHEABLE_PREFIXES = ("catalog.", "search.", "api.", "services.", "services_api.")
#: Session keys that never change what a page shows.
_IGNORED_SESSION_KEYS = {"csrf_token", "_fresh", "_permanent", "_id"}
#: Endpoints that show search-index results: their cache key includes the index version too.
_SEARCH_ENDPOINTS = {"search.results", "api.search", "api.suggest"}


class CacheVersion(db.Model):
    """A counter bumped in the same transaction as any change to data that public pages show."""

    __tablename__ = "cache_versions"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


_watched: list[type] = []


def watch(*classes: type) -> None:
    """Declare models whose changes invalidate cached public pages (domains call this from init_app)."""
    for cls in classes:
        if cls not in _watched:
            _watched.append(cls)


def _watched_classes() -> tuple[type, ...]:
    from storefront.accounts.models import Merchant
    from storefront.catalog.models import Category, City, Cluster, PriceTier, Product, ProductImage, ProductTranslation
    from storefront.core.models import ExchangeRate

    watch(Merchant, Category, City, Cluster, PriceTier, Product, ProductImage, ProductTranslation, ExchangeRate)
    return tuple(_watched)


def _before_flush(sess: Session, _context, _instances) -> None:
    watched = _watched_classes()
    for obj in (*sess.new, *sess.dirty, *sess.deleted):
        if isinstance(obj, watched):
            sess.info["_cache_bump"] = True
            return


def _orm_execute(state) -> None:
    """Bulk UPDATE/DELETE statements (e.g. the conditional stock decrement) bypass flush: watch them too."""
    if (state.is_update or state.is_delete) and state.bind_mapper is not None:
        if issubclass(state.bind_mapper.class_, _watched_classes()):
            state.session.info["_cache_bump"] = True


def _before_commit(sess: Session) -> None:
    sess.flush()
    if sess.info.pop("_cache_bump", False):
        bump(sess)


def _after_transaction_end(sess: Session, transaction) -> None:
    if transaction.parent is None:
        sess.info.pop("_cache_bump", None)


def bump(sess: Session | None = None, name: str = "catalog") -> None:
    """Invalidate cached responses (called automatically when watched rows change)."""
    sess = sess or db.session
    now = datetime.now(UTC)
    result = sess.execute(
        update(CacheVersion).where(CacheVersion.name == name).values(version=CacheVersion.version + 1, changed_at=now)
    )
    if result.rowcount == 0:
        sess.add(CacheVersion(name=name, version=1, changed_at=now))


def current_version(name: str = "catalog") -> tuple[int, datetime | None]:
    """The counter and the time of the last change."""
    row = db.session.execute(
        select(CacheVersion.version, CacheVersion.changed_at).where(CacheVersion.name == name)
    ).first()
    return (row[0], row[1]) if row else (0, None)


_static_hashes: dict[str, tuple[float, str]] = {}


def static_hash(static_folder: str, filename: str) -> str | None:
    """Short content hash of a static file (recomputed when its mtime changes)."""
    path = Path(static_folder) / filename
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    cached = _static_hashes.get(filename)
    if cached and cached[0] == mtime:
        return cached[1]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    _static_hashes[filename] = (mtime, digest)
    return digest


_CSRF_HOLE = "__KJ_CSRF_TOKEN__"


class PageCache:
    """A bounded in-process cache of anonymous responses keyed by ETag (the key already holds the data version,
    URL, language and session state). The per-session CSRF token is punched out and filled in on every hit."""

    def __init__(self, size: int, max_bytes: int = 512 * 1024):
        from collections import OrderedDict

        self.size, self.max_bytes = size, max_bytes
        self.entries: OrderedDict[str, tuple[bytes, str]] = OrderedDict()

    def get(self, key: str) -> tuple[bytes, str] | None:
        """A cached (body, mimetype), most recently used first."""
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
        return hit

    def put(self, key: str, body: bytes, mimetype: str) -> None:
        """Store a body (LRU eviction)."""
        if self.size <= 0 or len(body) > self.max_bytes:
            return
        self.entries[key] = (body, mimetype)
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


def _cacheable() -> bool:
    return (
        request.method in ("GET", "HEAD")
        and (request.endpoint or "").startswith(CACHEABLE_PREFIXES)
        and not current_user.is_authenticated
        and "_flashes" not in session
    )


def _etag(version: int, changed_at) -> str:
    state = sorted((k, repr(v)) for k, v in session.items() if k not in _IGNORED_SESSION_KEYS)
    index = ""
    if request.endpoint in _SEARCH_ENDPOINTS:
        from storefront import search

        index = search.index_version()  # the index follows commits a moment later than the data version
    # The host is in the key too (defence in depth: pages are built from PUBLIC_BASE_URL, never the Host).
    raw = f"{version}|{changed_at}|{index}|{request.host}|{request.full_path}|{g.get('lang')}|{state}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def init_app(app: Flask) -> None:
    """Wire fingerprinting, compression and conditional GETs into the app."""
    from flask_compress import Compress

    app.config.setdefault("COMPRESS_MIMETYPES", [
        "text/html", "text/css", "text/plain", "text/javascript", "application/javascript", "application/json",
        "image/svg+xml", "text/csv",
    ])
    app.config.setdefault("COMPRESS_MIN_SIZE", 600)
    app.config.setdefault("COMPRESS_STREAMS", False)  # leave send_file responses (static files) unread
    app.config.setdefault("COMPRESS_LEVEL", 6)
    app.config.setdefault("COMPRESS_BR_LEVEL", 4)
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    Compress(app)

    cache = PageCache(int(app.config.get("PAGE_CACHE_SIZE", 512)))
    app.extensions["kuajing_page_cache"] = cache
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "do_orm_execute", _orm_execute)
        event.listen(Session, "before_commit", _before_commit)
        event.listen(Session, "after_transaction_end", _after_transaction_end)

    @app.url_defaults
    def fingerprint_static(endpoint, values):
        if endpoint == "static" and "filename" in values and "v" not in values:
            digest = static_hash(app.static_folder, values["filename"])
            if digest:
                values["v"] = digest

    @app.before_request
    def conditional_get():
        if not _cacheable():
            return None
        version, changed_at = current_version()
        g.http_etag = _etag(version, changed_at)
        g.http_last_modified = changed_at
        if request.if_none_match and request.if_none_match.contains_weak(g.http_etag):
            response = app.response_class(status=304)
            _cache_headers(response)
            return response
        hit = cache.get(g.http_etag)
        if hit is None:
            return None
        body, mimetype = hit
        if _CSRF_HOLE.encode() in body:
            from flask_wtf.csrf import generate_csrf

            body = body.replace(_CSRF_HOLE.encode(), generate_csrf().encode())
        if NONCE_HOLE.encode() in body:  # each response gets its own CSP nonce, cached or not
            body = body.replace(NONCE_HOLE.encode(), csp_nonce().encode())
        g.http_cache_hit = True
        return app.response_class(body, mimetype=mimetype)

    @app.after_request
    def cache_headers(response):
        if request.endpoint == "static" and request.args.get("v"):
            response.cache_control.public = True
            response.cache_control.max_age = 31536000
            response.cache_control.immutable = True
        elif g.get("http_etag") and response.status_code == 200 and "_flashes" not in session:
            _cache_headers(response)
            if not g.get("http_cache_hit") and not response.direct_passthrough and not response.is_streamed:
                body = response.get_data()
                token = g.get("csrf_token")
                if token:
                    body = body.replace(token.encode(), _CSRF_HOLE.encode())
                if nonce := g.get("csp_nonce"):
                    body = body.replace(nonce.encode(), NONCE_HOLE.encode())
                cache.put(g.http_etag, body, response.mimetype)
        return response


def _cache_headers(response) -> None:
    response.set_etag(g.http_etag, weak=True)
    if g.get("http_last_modified"):
        response.last_modified = g.http_last_modified
    if request.path.startswith("/api/"):
        response.cache_control.public = True
        response.cache_control.max_age = 60
    else:
        response.cache_control.private = True
        response.cache_control.no_cache = True
    response.vary.add("Cookie")
    response.vary.add("Accept-Language")
