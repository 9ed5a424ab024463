"""Per-locale content with a visible fallback (requested → en → zh; Mongolian: mn → ru → en → zh)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from storefront.core.locales import CONTENT_FALLBACK, CONTENT_FALLBACK_FIRST


@dataclass(frozen=True)
class Localized:
    """A piece of content and the language it is actually in."""

    value: Any
    lang: str | None
    requested: str

    @property
    def is_fallback(self) -> bool:
        """True when the content is not in the requested language."""
        return self.lang is not None and self.lang != self.requested

    def __str__(self) -> str:
        return "" if self.value is None else str(self.value)

    def __html__(self) -> str:
        return str(escape(str(self)))


def fallback_order(lang: str) -> list[str]:
    """Languages to try for content requested in ``lang``."""
    order = [lang]
    for code in (*CONTENT_FALLBACK_FIRST.get(lang, ()), *CONTENT_FALLBACK):
        if code not in order:
            order.append(code)
    return order


def pick(values: Mapping[str, Any] | None, lang: str) -> Localized:
    """Choose the best available value from a {lang: value} mapping."""
    values = values or {}
    for code in fallback_order(lang):
        value = values.get(code)
        if value:
            return Localized(value, code, lang)
    for code, value in values.items():
        if value:
            return Localized(value, code, lang)
    return Localized(None, None, lang)
