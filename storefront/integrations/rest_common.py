"""The merchant REST API's plumbing: the blueprint, key authentication with scopes, the rate limit per key, JSON
problem answers (RFC 9457) translated by Accept-Language, and idempotent writes (``Idempotency-Key``)."""

from __future__ import annotations

import hashlib
import json
from functools import wraps

from flask import Blueprint, current_app, g, jsonify, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException

from storefront.accounts import api_keys
from storefront.extensions import db, limiter

bp = Blueprint("merchant_api", __name__, url_prefix="/api/merchant/v1")
PAGE = 100
#: Largest id a path may name (ids are 32-bit integers; larger ones are simply not found).
MAX_ID = 2_147_483_647
#: Longest ``Idempotency-Key`` header.
MAX_IDEMPOTENCY_KEY = 100

#: Problem titles by HTTP status.
TITLES = {
    400: _l("The request is malformed."),
    401: _l("No valid API key."),
    403: _l("This API key lacks the permission."),
    404: _l("Not found."),
    405: _l("Method not allowed."),
    409: _l("The request conflicts with the current state."),
    413: _l("The request is too large."),
    415: _l("Send the body as JSON."),
    422: _l("The request could not be accepted."),
    429: _l("Too many requests; slow down."),
    500: _l("Server error."),
}


class ApiProblem(Exception):
    """A refusal answered as a problem object: status, title, detail and field errors."""

    def __init__(self, status: int, detail: str = "", errors: dict[str, object] | None = None) -> None:
        super().__init__(status)
        self.status, self.detail, self.errors = status, detail, errors or {}

    def body(self) -> dict:
        """The problem object (translated now, in the request's language)."""
        body: dict = {"type": "about:blank", "status": self.status, "title": str(TITLES.get(self.status, ""))}
        if self.detail:
            body["detail"] = str(self.detail)
        if self.errors:
            body["errors"] = {field: str(message) for field, message in self.errors.items()}
        return body


def _json(body: dict, status: int, headers: dict | None = None):
    response = jsonify(body)
    response.status_code = status
    if status >= 400:
        response.mimetype = "application/problem+json"
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kuajing"'
    response.headers["Cache-Control"] = "no-store"
    response.headers.update(headers or {})
    return response


def problem(status: int, detail: str = "", errors: dict | None = None):
    """A problem answer."""
    return _json(ApiProblem(status, detail, errors).body(), status)


def _rate_key() -> str:
    prefix = api_keys.rate_key(request.headers.get("Authorization"))
    return f"api-key:{prefix}" if prefix else f"api-ip:{get_remote_address()}"


def _rate_limit() -> str:
    return current_app.config.get("API_RATE_LIMIT", "120 per minute")


limiter.limit(_rate_limit, key_func=_rate_key)(bp)


def object_id(value: int) -> int:
    """A path id, or 404 when it cannot name a row."""
    if not 0 < value <= MAX_ID:
        raise ApiProblem(404)
    return value


def page() -> int:
    """The ``page`` query argument (1–10,000; 1 when absent or not a number)."""
    raw = request.args.get("page", "1")
    return max(1, min(int(raw), 10_000)) if raw.isdigit() and len(raw) < 7 else 1


def json_body() -> dict:
    """The request's JSON object, or a 400/415 problem."""
    if not request.is_json:
        raise ApiProblem(415)
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise ApiProblem(400, _("Send a JSON object."))
    return payload


def _fingerprint() -> str:
    payload = request.get_json(silent=True)
    body = json.dumps(payload, sort_keys=True).encode() if payload is not None else request.get_data()
    return hashlib.sha256(b"%s %s\n%s" % (request.method.encode(), request.path.encode(), body)).hexdigest()


def _write(key: api_keys.ApiKey, view, kwargs):
    """Run a write view once per ``Idempotency-Key``: the first answer is kept and replayed; the same key with
    another request is refused (422). A refused write rolls back; the answer is committed with the change."""
    token = request.headers.get("Idempotency-Key")
    if token is not None and not (0 < len(token) <= MAX_IDEMPOTENCY_KEY and token.isprintable()):
        return problem(400, _("The Idempotency-Key header has 1 to 100 printable characters."))
    fingerprint = _fingerprint()
    if token:
        earlier = api_keys.earlier_request(key, token)
        if earlier is not None:
            if earlier.fingerprint != fingerprint:
                return problem(422, _("This Idempotency-Key was already used for a different request."))
            return _json(earlier.body, earlier.status, {"Idempotent-Replayed": "true"})
    try:
        body, status = view(**kwargs)
    except ApiProblem as exc:
        db.session.rollback()
        body, status = exc.body(), exc.status
    if token:
        try:
            api_keys.remember_request(key, token, fingerprint, status, body)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            return problem(409, _("Another request with this Idempotency-Key is under way; retry it later."))
    else:
        db.session.commit()
    return _json(body, status)


def requires(scope: str):
    """View decorator: a valid, unrevoked key with ``scope`` (401/403 problems otherwise). The view gets the key;
    GET views return a response, POST/PATCH views return ``(body, status)`` and go through :func:`_write`."""

    def decorator(view):
        @wraps(view)
        def wrapped(**kwargs):
            key = api_keys.authenticate(request.headers.get("Authorization"))
            if key is None:
                return problem(401)
            if scope not in (key.scopes or []):
                return problem(403, _("This key does not have the permission %(scope)s.", scope=scope))
            db.session.commit()  # last_used_at
            g.api_key = key
            if request.method in ("POST", "PATCH"):
                return _write(key, lambda **kw: view(key, **kw), kwargs)
            try:
                return view(key, **kwargs)
            except ApiProblem as exc:
                return _json(exc.body(), exc.status)

        return wrapped

    return decorator


def http_problem(exc: HTTPException):
    """Any HTTP error inside the API as a problem object."""
    return problem(exc.code or 500)


bp.register_error_handler(HTTPException, http_problem)
bp.register_error_handler(ApiProblem, lambda exc: _json(exc.body(), exc.status))
