"""Browser protections on every response: Content-Security-Policy with per-response nonces (no
``unsafe-inline``), X-Content-Type-Options, Referrer-Policy, frame-ancestors / X-Frame-Options and HSTS."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, current_app, g, request

#: Stand-in for the nonce in page-cache entries (storefront.core.http fills in the response's own nonce).
NONCE_HOLE = "__KJ_CSP_NONCE__"
#: Stripe.js and its frames and API (https://docs.stripe.com/security/guide#content-security-policy).
STRIPE_SOURCES = {
    "script-src": ("https://js.stripe.com", "https://*.js.stripe.com"),
    "frame-src": ("https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"),
    "connect-src": ("https://api.stripe.com",),
}


def csp_nonce() -> str:
    """This response's CSP nonce (templates: ``<script nonce="{{ csp_nonce() }}">``)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def allow_card_form() -> str:
    """Called by templates that load Stripe.js: this response's CSP admits Stripe's origins. Returns ''."""
    g.csp_card_form = True
    return ""


def _origin(url: str) -> str | None:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def content_security_policy(nonce: str, card_form: bool) -> str:
    """The policy: own origin only, nonce'd inline code, Stripe's origins on pages with the card form."""
    sources: dict[str, list[str]] = {
        "default-src": ["'self'"],
        "script-src": ["'self'", f"'nonce-{nonce}'"],
        "style-src": ["'self'", f"'nonce-{nonce}'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    if card_form:
        sources["frame-src"] = []
        for directive, origins in STRIPE_SOURCES.items():
            sources[directive].extend(origins)
        config = current_app.config
        for url in (config.get("STRIPE_JS_URL"), config.get("STRIPE_API_BASE")):
            origin = _origin(url)  # localstripe in development and tests
            if origin and "stripe.com" not in origin:
                for directive in ("script-src", "connect-src", "frame-src"):
                    sources[directive].append(origin)
    extra = current_app.config.get("CSP_EXTRA_SOURCES", "").split()
    for directive in ("script-src", "connect-src", "img-src"):
        sources[directive].extend(extra)
    return "; ".join(f"{name} {' '.join(dict.fromkeys(values))}" for name, values in sources.items())


def _single_charset(content_type: str) -> str:
    """``text/csv; charset=utf-8; charset=utf-8`` → ``text/csv; charset=utf-8`` (a mimetype that already held
    a charset got a second one from werkzeug); other parameters are kept in order."""
    parts = [p.strip() for p in content_type.split(";")]
    seen: set[str] = set()
    kept = [parts[0]]
    for part in parts[1:]:
        key = part.split("=", 1)[0].strip().lower()
        if key and key not in seen:
            seen.add(key)
            kept.append(part)
    return "; ".join(kept)


_NONCE = "\x00nonce\x00"


def _policy(card_form: bool) -> str:
    """The app's policy with a placeholder for the nonce, built once per app and the settings it reads."""
    config = current_app.config
    key = (card_form, config.get("STRIPE_JS_URL"), config.get("STRIPE_API_BASE"), config.get("CSP_EXTRA_SOURCES"))
    memo = current_app.extensions.setdefault("kj_csp", {})
    if key not in memo:
        memo[key] = content_security_policy(_NONCE, card_form)
    return memo[key]


def _security_headers(response):
    headers = response.headers
    if content_type := headers.get("Content-Type"):
        if content_type.lower().count("charset=") > 1:
            headers["Content-Type"] = _single_charset(content_type)
    if response.mimetype == "text/html" or "csp_nonce" in g:
        policy = _policy(bool(g.get("csp_card_form"))).replace(_NONCE, csp_nonce())
        headers.setdefault("Content-Security-Policy", policy)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(self)")
    hsts = current_app.config.get("HSTS_SECONDS", 0)
    if hsts and request.is_secure:
        headers.setdefault("Strict-Transport-Security", f"max-age={hsts}; includeSubDomains")
    return response


def init_app(app: Flask) -> None:
    """Install the after-request hook and the template helpers."""
    app.jinja_env.globals.update(csp_nonce=csp_nonce, allow_card_form=allow_card_form)
    app.after_request(_security_headers)
