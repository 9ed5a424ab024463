"""The legal and help pages: which exist, their default text (a data file), the operator's edits (audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from flask_babel import lazy_gettext as _l

from storefront.core import audit
from storefront.core.content import Localized, pick
from storefront.core.errors import CodedError
from storefront.core.locales import LANGS
from storefront.demo.datafiles import DATA_DIR, DemoDataError, load
from storefront.extensions import db
from storefront.legal.models import HelpPage

#: The pages, in footer order.
SLUGS = ("terms", "privacy", "returns", "shipping", "contacts")
#: Limits of the operator's text.
MAX_TITLE = 200
MAX_BODY = 50000


class PageError(CodedError):
    """An edit the rules refuse."""

    MESSAGES = {
        "title": _l("Every page needs a title in Chinese and in English."),
        "long": _l("Use at most %(n)s characters."),
    }


@cache
def defaults() -> dict[str, dict[str, dict[str, str]]]:
    """The shipped text of each page: {slug: {"titles": {lang: …}, "bodies": {lang: …}}} (checked on load)."""
    records = load(DATA_DIR / "help_pages.toml", "page")
    out = {}
    for record in records:
        slug = record.get("slug")
        if slug not in SLUGS or not isinstance(record.get("title"), dict) or not isinstance(record.get("body"), dict):
            raise DemoDataError(f"help_pages.toml: bad page record {slug!r}")
        out[slug] = {"titles": dict(record["title"]), "bodies": dict(record["body"])}
    if set(out) != set(SLUGS):
        raise DemoDataError(f"help_pages.toml: pages missing: {sorted(set(SLUGS) - set(out))}")
    return out


@dataclass(frozen=True)
class Page:
    """A page as shown in one language."""

    slug: str
    title: Localized
    body: Localized
    edited: bool


def texts(slug: str) -> tuple[dict[str, str], dict[str, str], bool]:
    """(titles, bodies, edited) of a page: the operator's text, else the default."""
    row = db.session.get(HelpPage, slug)
    if row is not None:
        return dict(row.titles), dict(row.bodies), True
    default = defaults()[slug]
    return default["titles"], default["bodies"], False


def page(slug: str, lang: str) -> Page:
    """A page in a language, with the usual content fallback."""
    titles, bodies, edited = texts(slug)
    return Page(slug=slug, title=pick(titles, lang), body=pick(bodies, lang), edited=edited)


def blocks(body: str) -> list[tuple[str, str]]:
    """The body as ("h", text) headings and ("p", text) paragraphs (plain text; the template escapes it)."""
    out = []
    for chunk in str(body or "").replace("\r\n", "\n").split("\n\n"):
        chunk = chunk.strip()
        if chunk.startswith("## "):
            out.append(("h", chunk[3:].strip()))
        elif chunk:
            out.append(("p", chunk))
    return out


def save(slug: str, operator, titles: dict[str, str], bodies: dict[str, str]) -> HelpPage:
    """Store the operator's text of a page in every language (audited with the text before and after)."""
    titles = {lang: (titles.get(lang) or "").strip() for lang in LANGS}
    bodies = {lang: (bodies.get(lang) or "").strip() for lang in LANGS}
    if not titles.get("zh") or not titles.get("en"):
        raise PageError("title")
    if any(len(t) > MAX_TITLE for t in titles.values()):
        raise PageError("long", n=MAX_TITLE)
    if any(len(b) > MAX_BODY for b in bodies.values()):
        raise PageError("long", n=MAX_BODY)
    titles = {k: v for k, v in titles.items() if v}
    bodies = {k: v for k, v in bodies.items() if v}
    before_titles, before_bodies, _edited = texts(slug)
    row = db.session.get(HelpPage, slug) or HelpPage(slug=slug)
    row.titles, row.bodies = titles, bodies
    row.updated_by_id, row.updated_at = operator.id, datetime.now(UTC)
    db.session.add(row)
    db.session.flush()
    audit.record(operator, "help_page.edit", ("help_pages", slug), {"titles": before_titles, "bodies": before_bodies},
                 {"titles": titles, "bodies": bodies})  # fmt: skip
    return row
