"""Absolute URLs from the configured public address (never from the request's Host header)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, has_request_context, request, url_for


def public_base_url() -> str:
    """The site's public address (``PUBLIC_BASE_URL``), without a trailing slash."""
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/")


def absolute(path: str) -> str:
    """An absolute URL for a path built by ``url_for`` (the script root, if any, is the base URL's)."""
    if has_request_context() and request.script_root and path.startswith(request.script_root):
        path = path[len(request.script_root) :]
    return public_base_url() + path


def public_url(endpoint: str, **values) -> str:
    """``url_for(endpoint, **values)`` as an absolute URL on ``PUBLIC_BASE_URL``, inside a request or not.

    Every absolute link (e-mails, API ``url`` fields, hreflang, payment return URLs) goes through here, so a
    forged ``Host`` or ``X-Forwarded-Host`` header can never end up in a page, a cache entry or a mail."""
    if has_request_context():
        return absolute(url_for(endpoint, **values))
    parts = urlsplit(public_base_url())
    adapter = current_app.url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme)
    current_app.inject_url_defaults(endpoint, values)
    return adapter.build(endpoint, values, force_external=True)
