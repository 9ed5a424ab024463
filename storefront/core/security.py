"""Security helpers: safe redirects and role checks."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import abort, request
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto, _is_submitted
from werkzeug.datastructures import ImmutableMultiDict


def safe_next_url(target: str | None) -> str | None:
    """Return ``target`` if it is a local path (no scheme, no host), else None."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return None
    return target


def roles_required(*roles: str):
    """View decorator: signed in and having one of the roles, else 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def form_data_from_json(payload) -> ImmutableMultiDict:
    """A JSON body as form data with string values only, as a browser form would send (nested values and
    nulls dropped, lists as repeated keys, anything but an object gives no data)."""
    items = []
    if isinstance(payload, dict):
        for key, value in payload.items():
            for item in value if isinstance(value, list) else [value]:
                if item is None or isinstance(item, dict | list):
                    continue
                text = ("true" if item else "false") if isinstance(item, bool) else str(item)
                items.append((str(key), text))
    return ImmutableMultiDict(items)


def without_nul(data):
    """Form data with NUL characters taken out of every text value (they mean nothing in text, and PostgreSQL
    refuses them in text columns: a 500 instead of a saved message). Files and other values pass unchanged."""
    if data is None or not hasattr(data, "items"):
        return data
    pairs = list(data.items(multi=True)) if hasattr(data, "getlist") else list(data.items())
    if not any(isinstance(value, str) and "\x00" in value for _key, value in pairs):
        return data
    clean = [(key, value.replace("\x00", "") if isinstance(value, str) else value) for key, value in pairs]
    return ImmutableMultiDict(clean)


def harden_forms() -> None:
    """Flask-WTF fills forms from a JSON body as it is (numbers, lists, objects), which validators written for
    strings crash on (a 500). Feed them :func:`form_data_from_json` instead; form posts are unchanged."""
    original = FlaskForm.Meta.wrap_formdata
    if getattr(original, "_kuajing", False):
        return

    def wrap_formdata(self, form, formdata):
        plain_json = not request.files and not request.form and request.is_json
        if formdata is _Auto and _is_submitted() and plain_json:
            return without_nul(form_data_from_json(request.get_json()))
        return without_nul(original(self, form, formdata))

    wrap_formdata._kuajing = True
    FlaskForm.Meta.wrap_formdata = wrap_formdata
