"""Locales: the one list of UI languages, URL prefix handling and negotiation."""

from __future__ import annotations

from enum import StrEnum

from flask import Flask, abort, g, request, url_for
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header


class Lang(StrEnum):
    """UI languages; the value is the URL prefix and the translations folder name."""

    ZH = "zh"
    RU = "ru"
    KO = "ko"
    EN = "en"
    MN = "mn"


LANGS: tuple[str, ...] = tuple(lang.value for lang in Lang)
DEFAULT_LANG = Lang.EN.value
#: Order in which stored content falls back when the requested language is missing.
CONTENT_FALLBACK: tuple[str, ...] = (Lang.EN.value, Lang.ZH.value)
#: Languages tried before :data:`CONTENT_FALLBACK` for some UI languages: Mongolian buyers read Russian
#: (Cyrillic, and the trade language with the neighbours) more readily than English.
CONTENT_FALLBACK_FIRST: dict[str, tuple[str, ...]] = {Lang.MN.value: (Lang.RU.value,)}
#: Name of each language in itself, for the switcher.
NATIVE_NAMES = {"zh": "中文", "ru": "Русский", "ko": "한국어", "en": "English", "mn": "Монгол"}
#: Name of each language in the UI language (for "shown in …" notes).
LANG_LABELS = {
    "zh": _l("Chinese"),
    "ru": _l("Russian"),
    "ko": _l("Korean"),
    "en": _l("English"),
    "mn": _l("Mongolian"),
}
#: BCP 47 tags for <html lang> and hreflang (Mongolian in Cyrillic script: plain ``mn`` by BCP 47 convention).
HTML_LANG = {"zh": "zh-Hans", "ru": "ru", "ko": "ko", "en": "en", "mn": "mn"}
#: Babel locale of each UI language (number and currency formats).
BABEL_LOCALE = {"zh": "zh_Hans_CN", "ru": "ru_RU", "ko": "ko_KR", "en": "en_US", "mn": "mn_MN"}


def negotiate(accept_language_header: str | None) -> str:
    """Pick a UI language from an Accept-Language header (zh-CN → zh, ru-RU → ru, ko-KR → ko, mn-MN → mn,
    else en)."""
    accept = parse_accept_header(accept_language_header or "", LanguageAccept)
    for value, _quality in accept:
        primary = value.replace("_", "-").split("-")[0].lower()
        if primary in LANGS:
            return primary
    return DEFAULT_LANG


def current_lang() -> str:
    """The language of the current request (URL prefix, else negotiated)."""
    lang = g.get("lang")
    if lang:
        return lang
    try:
        return negotiate(request.headers.get("Accept-Language"))
    except RuntimeError:  # outside a request (CLI, workers)
        return DEFAULT_LANG


def switch_url(lang: str) -> str:
    """URL of the current page in another language (keeps path arguments and query string)."""
    if not request.endpoint or not request.url_rule or "lang" not in request.url_rule.arguments:
        return url_for("catalog.home", lang=lang)
    pattern = g.get("switch_url_pattern")
    if pattern is None:  # built once a request: the page links to itself in every language (header, hreflang)
        args = dict(request.view_args or {})
        args["lang"] = _LANG_HOLE
        query = request.args.to_dict(flat=False)
        for key in list(query):
            if key in args:
                query.pop(key)
        pattern = g.switch_url_pattern = url_for(request.endpoint, **args, **query)
    return pattern.replace(f"/{_LANG_HOLE}/", f"/{lang}/", 1)


#: Stands for the language in :func:`switch_url`'s pattern (not a language code, so it cannot clash).
_LANG_HOLE = "lang-hole"


def init_app(app: Flask) -> None:
    """Pull the language from URLs and put it back when building URLs."""

    @app.url_value_preprocessor
    def pull_lang(endpoint, values):
        if values and "lang" in values:
            lang = values.pop("lang")
            if lang not in LANGS:
                abort(404)
            g.lang = lang

    @app.url_defaults
    def add_lang(endpoint, values):
        if "lang" in values or not g.get("lang"):
            return
        if app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = g.lang

    @app.context_processor
    def locale_context():
        return {
            "LANGS": LANGS,
            "NATIVE_NAMES": NATIVE_NAMES,
            "HTML_LANG": HTML_LANG,
            "LANG_LABELS": LANG_LABELS,
            "switch_url": switch_url,
            "lang": current_lang(),
        }
