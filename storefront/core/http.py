"""HTTP performance: fingerprinted static URLs with long-lived caching, compression, and conditional GETs
(ETag / Last-Modified) for anonymous catalogue pages and API responses, invalidated when catalogue data changes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from flask import Flask, current_app, g, request, session
from flask_compress import Compress
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from storefront.core import versions
from storefront.core.headers import NONCE_HOLE, csp_nonce
from storefront.core.models import ExchangeRate
from storefront.core.money import display_currency
from storefront.extensions import cache as shared_cache

#: Endpoints whose anonymous GET responses depend only on catalogue data, the URL and the session.
CACHEABLE_PREFIXES = ("catalog.", "search.", "api.", "services.", "services_api.")
#: Session keys that never change what a page shows.
_IGNORED_SESSION_KEYS = {"csrf_token", "_fresh", "_permanent", "_id"}

#: Seconds a page fragment stays cached (new versions make new keys anyway; this bounds long-tail URLs).
FRAGMENT_TIMEOUT = 900


def page_fragment(render: Callable[[], dict[str, str]]) -> dict[str, str]:
    """The parts of a page that do not depend on who is asking (everything but the chrome of base.html), kept in
    the shared cache per URL, language, display currency and the versions of what the page shows.

    Used with the page cache off too (signed-in buyers, first hits): a hit costs one versions query and no ORM
    loading or template work. ``render`` returns named parts (``title``, ``body``…): ``Markup`` stays markup,
    plain strings stay text to escape; it may abort (404s are not cached). The per-session CSRF token and the
    per-response CSP nonce are punched out of markup before storing and filled in on every hit."""
    token, _changed = versions.page_versions()
    extra = _outside_version()
    if extra:
        token += "|index=" + extra
    key = (
        "frag:"
        + hashlib.sha256(
            f"{request.endpoint}|{request.full_path}|{g.get('lang')}|{display_currency()}|{token}".encode()
        ).hexdigest()[:40]
    )
    stored = shared_cache.get(key)
    if stored is None:
        parts = render()
        holes = [
            (value, hole)
            for value, hole in ((g.get("csrf_token"), _CSRF_HOLE), (g.get("csp_nonce"), NONCE_HOLE))
            if value
        ]
        stored = {
            name: (_punch(str(value), holes) if isinstance(value, Markup) else str(value), isinstance(value, Markup))
            for name, value in parts.items()
        }
        shared_cache.set(key, stored, timeout=FRAGMENT_TIMEOUT)
        return parts
    fills = []
    if any(markup and _CSRF_HOLE in text for text, markup in stored.values()):
        fills.append((_CSRF_HOLE, generate_csrf()))
    if any(markup and NONCE_HOLE in text for text, markup in stored.values()):
        fills.append((NONCE_HOLE, csp_nonce()))  # this response's own CSP nonce
    return {
        name: Markup(_punch(text, fills)) if markup else text  # noqa: S704 - rendered by our templates
        for name, (text, markup) in stored.items()
    }


def _punch(text: str, replacements) -> str:
    """Replace each (old, new) pair in the text."""
    for old, new in replacements:
        text = text.replace(old, new)
    return text


_static_hashes: dict[str, tuple[float, str]] = {}


def static_hash(static_folder: str, filename: str, recheck: bool = True) -> str | None:
    """Short content hash of a static file (recomputed when its mtime changes; with ``recheck`` off, as in
    production where static files change only with a deploy, the first hash is kept without a stat a URL)."""
    if not recheck and filename in _static_hashes:
        return _static_hashes[filename][1]
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
    """Rendered anonymous responses in the shared cache (Flask-Caching), keyed by ETag (the key already holds the
    data versions, URL, language and session state). The per-session CSRF token is punched out and filled in on
    every hit. ``size`` 0 turns it off; with the in-process cache, ``size`` bounds the entries kept per worker."""

    def __init__(self, size: int, max_bytes: int = 512 * 1024):
        self.size, self.max_bytes = size, max_bytes

    def get(self, key: str) -> tuple[bytes, str] | None:
        """A cached (body, mimetype)."""
        if self.size <= 0:
            return None
        return shared_cache.get("page:" + key)

    def put(self, key: str, body: bytes, mimetype: str) -> None:
        """Store a body (entries expire with the cache's default timeout; new versions make new keys)."""
        if self.size <= 0 or len(body) > self.max_bytes:
            return
        shared_cache.set("page:" + key, (body, mimetype))


#: Rendered pieces of the page chrome kept per app and process (see :func:`chrome_fragment`).
_CHROME_MAX = 4096


def chrome_fragment(name: str, caller: Callable[[], str]) -> Markup:
    """A piece of base.html that depends only on the language and the URL (language links, the search box):
    rendered once per process and URL, for everyone, signed in or not (``{% call chrome_fragment('x') %}``).
    Nothing in it may depend on the user, the session or the data; the cache is emptied at a restart, so new
    translations and templates show after a deploy."""
    chrome = current_app.extensions.setdefault("kj_chrome", {})
    key = f"{name}|{g.get('lang')}|{request.endpoint}|{request.full_path}"
    hit = chrome.get(key)
    if hit is None:
        if len(chrome) >= _CHROME_MAX:
            chrome.clear()  # long-tail URLs: start over rather than track recency on every hit
        hit = chrome[key] = caller()  # Jinja returns Markup from a call block (autoescaped)
    return hit


def _cacheable() -> bool:
    return (
        request.method in ("GET", "HEAD")
        and (request.endpoint or "").startswith(CACHEABLE_PREFIXES)
        and not current_user.is_authenticated
        and "_flashes" not in session
    )


def register_version_source(app: Flask, endpoints: Iterable[str], version: Callable[[], object]) -> None:
    """Pages of these endpoints also show data kept outside the database (the search index registers its
    version here): ``version()`` goes into their fragment keys and ETags. A registry, so core knows no domain."""
    sources = app.extensions.setdefault("kj_version_sources", {})
    for endpoint in endpoints:
        sources[endpoint] = version


def _outside_version() -> str:
    source = current_app.extensions.get("kj_version_sources", {}).get(request.endpoint)
    return str(source()) if source is not None else ""


def _etag(versions_token: str) -> str:
    state = sorted((k, repr(v)) for k, v in session.items() if k not in _IGNORED_SESSION_KEYS)
    index = _outside_version()  # e.g. the search index, which follows commits a moment later than the data
    # The host is in the key too (defence in depth: pages are built from PUBLIC_BASE_URL, never the Host).
    raw = f"{versions_token}|{index}|{request.host}|{request.full_path}|{g.get('lang')}|{state}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def init_cache(app: Flask) -> None:
    """Flask-Caching: Redis when CACHE_URL is set, else a bounded in-process cache per worker."""
    url = app.config.get("CACHE_URL") or ""
    if url:
        app.config.setdefault("CACHE_TYPE", "RedisCache")
        app.config.setdefault("CACHE_REDIS_URL", url)
        app.config.setdefault("CACHE_KEY_PREFIX", "kj:")
    else:
        app.config.setdefault("CACHE_TYPE", "SimpleCache")
        app.config.setdefault("CACHE_THRESHOLD", max(5000, int(app.config.get("PAGE_CACHE_SIZE", 512)) * 4))
    app.config.setdefault("CACHE_DEFAULT_TIMEOUT", 3600)
    shared_cache.init_app(app)


def init_compression(app: Flask) -> None:
    """Brotli or gzip for text responses of 600 bytes or more (static files are sent as they are)."""
    app.config.setdefault(
        "COMPRESS_MIMETYPES",
        [
            "text/html",
            "text/css",
            "text/plain",
            "text/javascript",
            "application/javascript",
            "application/json",
            "image/svg+xml",
            "text/csv",
        ],
    )
    app.config.setdefault("COMPRESS_MIN_SIZE", 600)
    app.config.setdefault("COMPRESS_STREAMS", False)  # leave send_file responses (static files) unread
    app.config.setdefault("COMPRESS_LEVEL", 6)
    app.config.setdefault("COMPRESS_BR_LEVEL", 4)
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    Compress(app)


def init_app(app: Flask) -> None:
    """Wire the shared cache, fingerprinting, compression and conditional GETs into the app."""
    init_cache(app)
    app.jinja_env.globals["chrome_fragment"] = chrome_fragment
    versions.watch(ExchangeRate)  # prices in display currencies show everywhere
    init_compression(app)

    cache = PageCache(int(app.config.get("PAGE_CACHE_SIZE", 512)))
    app.extensions["kuajing_page_cache"] = cache
    versions.listen()

    @app.url_defaults
    def fingerprint_static(endpoint, values):
        if endpoint == "static" and "filename" in values and "v" not in values:
            digest = static_hash(app.static_folder, values["filename"], recheck=app.debug or app.testing)
            if digest:
                values["v"] = digest

    @app.before_request
    def conditional_get():
        if not _cacheable():
            return None
        token, changed_at = versions.page_versions()
        g.http_etag = _etag(token)
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
