"""Package search: a second Whoosh index built with the product search's analyzers and query planner.

The product search (:mod:`storefront.search`) owns the per-language analysis (jieba, Snowball, Korean
bigrams), the query planner and the locked, generation-swapping Whoosh store; this module only adds a package
schema and documents. The index follows the database on the product search's one sync path: this module
registers a ``packages`` :class:`~storefront.search.kinds.IndexKind` (changed ids collected on flush, applied after
the outermost commit, recorded as index events that every node follows, with retry).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from flask import Flask, current_app
from flask_babel import force_locale
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session
from whoosh import index as whoosh_index
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.query import Every, Term

from services_market.constants import CATEGORY_LABELS
from services_market.models import Package, PackageLanguage, PackageText, Provider, Tier, public_packages
from storefront.extensions import db
from storefront.search import kinds
from storefront.search.analysis import LANGUAGES, analyzer
from storefront.search.events import follow_if_due
from storefront.search.whoosh_query import plan
from storefront.search.whoosh_store import WhooshStore

#: The package index's kind name in the search sync registry and in ``search_events.kind``.
KIND = "packages"


def build_schema() -> Schema:
    """One name/meta/body field per language (the product planner's field names), ids and the category."""
    fields: dict = {
        "id": ID(stored=True, unique=True),
        "category": ID(),
        "provider": ID(),
        "sku": KEYWORD(lowercase=True),
        "hs": ID(),
        "names": STORED(),
    }
    for lang in LANGUAGES:
        fields[f"name_{lang}"] = TEXT(analyzer=analyzer(lang, unigrams=True), phrase=False)
        fields[f"meta_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=False)
        fields[f"body_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=False)
    return Schema(**fields)


class PackageStore(WhooshStore):
    """The product search's store (generations, file locks, fresh searchers) with the package schema."""

    def new_generation(self) -> Path:
        """Create an empty package index in a fresh sibling directory."""
        path = self.root / f"ix-{time.time_ns():x}"
        path.mkdir(parents=True)
        whoosh_index.create_in(str(path), build_schema())
        return path


def init_app(app: Flask) -> None:
    """Configure the package index (no files touched until first use) and put it on the search sync path."""
    root = Path(app.config.get("SERVICES_SEARCH_DIR") or Path(app.config["DATA_DIR"]) / "search-services")
    app.config["SERVICES_SEARCH_DIR"] = str(root)
    timeout = float(app.config.get("SEARCH_WRITE_TIMEOUT", 10))
    app.extensions["services_search"] = PackageStore(root, write_timeout=timeout)
    kinds.register(app, PACKAGE_KIND)


def store() -> PackageStore:
    """The app's package index."""
    return current_app.extensions["services_search"]


# documents ----------------------------------------------------------------------------------------


def package_fields(package: Package) -> dict:
    """Whoosh field values of a public package."""
    values: dict = {
        "id": str(package.id),
        "category": package.category,
        "provider": str(package.provider_id),
        "names": {k: t.title for k, t in package.texts.items()},
    }
    provider_names = package.provider.names or {}
    for lang in LANGUAGES:
        text = package.texts.get(lang)
        if text is not None and text.title:
            values[f"name_{lang}"] = text.title
        deliverables = [line for tier in package.tiers for line in (tier.deliverables or {}).get(lang, [])]
        body = "\n".join(filter(None, [text.description if text else "", *deliverables]))
        if body:
            values[f"body_{lang}"] = body
        with force_locale(lang):
            label = str(CATEGORY_LABELS.get(package.category, package.category))
        values[f"meta_{lang}"] = "\n".join(filter(None, [label, provider_names.get(lang, "")]))
    return values


def _load(session: Session, ids: Iterable[int]) -> list[dict]:
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return []
    return [package_fields(p) for p in session.scalars(public_packages().where(Package.id.in_(wanted)))]


def sync(ids: set[int]) -> None:
    """Make the index agree with the committed database for these package ids."""
    if not ids:
        return
    s = store()
    with s.writer() as w, Session(db.engine) as session:
        docs = _load(session, ids)
        for doc in docs:
            w.update_document(**doc)
        for package_id in ids - {int(d["id"]) for d in docs}:
            w.delete_by_term("id", str(package_id))


def reindex() -> int:
    """Rebuild the whole package index from the database (one locked commit); returns the number indexed."""
    with Session(db.engine) as session:
        ids = list(session.scalars(public_packages().with_only_columns(Package.id)))
        with store().writer() as w:
            w.delete_by_query(Every())
            docs = _load(session, ids)
            for doc in docs:
                w.add_document(**doc)
    return len(docs)


def clear() -> None:
    """Remove every document (tests)."""
    with store().writer() as w:
        w.delete_by_query(Every())


def search_ids(text: str, lang: str, category: str | None = None, limit: int = 500) -> list[int]:
    """Ids of packages matching the text, best first (every word required; any word when none has all)."""
    p = plan(text, lang)
    q = p.query()
    if q is None:
        return []
    follow_if_due(current_app._get_current_object(), KIND)  # other nodes' package changes first, when due
    searcher = store().searcher()
    filter_q = Term("category", category) if category else None
    hits = searcher.search(q, limit=limit, filter=filter_q)
    if not hits.scored_length() and len(p.word_queries) > 1:
        hits = searcher.search(p.query(relaxed=True), limit=limit, filter=filter_q)
    return [int(hit["id"]) for hit in hits]


# following the database -------------------------------------------------------------------------


@dataclass
class PackageChanges:
    """Packages a transaction changed: directly (texts, tiers, languages) or through their provider."""

    packages: set[int] = field(default_factory=set)
    providers: set[int] = field(default_factory=set)

    def add(self, ids: Iterable[int]) -> None:
        """Packages changed by bulk statements."""
        self.packages.update(int(i) for i in ids)

    def before_flush(self, session: Session) -> None:
        """Deleted providers: note their packages while the rows still exist."""
        for obj in session.deleted:
            if isinstance(obj, Provider) and obj.id is not None:
                with session.no_autoflush:
                    self.packages.update(session.scalars(select(Package.id).where(Package.provider_id == obj.id)))

    def after_flush(self, session: Session) -> None:
        """Collect ids of everything the flush wrote that package documents show."""
        for obj in chain(session.new, session.dirty, session.deleted):
            if isinstance(obj, Package) and obj.id is not None:
                self.packages.add(obj.id)
            elif isinstance(obj, PackageText | Tier | PackageLanguage) and obj.package_id is not None:
                self.packages.add(obj.package_id)
            elif isinstance(obj, Provider) and obj.id is not None:
                state = inspect(obj)
                if obj in session.deleted or any(state.attrs[a].history.has_changes() for a in ("status", "names")):
                    self.providers.add(obj.id)

    def resolve(self, session: Session) -> set[int]:
        """Every package id affected, the providers' packages included."""
        ids = set(self.packages)
        if self.providers:
            with session.no_autoflush:
                ids.update(session.scalars(select(Package.id).where(Package.provider_id.in_(self.providers))))
        return ids


PACKAGE_KIND = kinds.IndexKind(
    name=KIND,
    changes=PackageChanges,
    sync=sync,
    rebuild=reindex,
    clear=clear,
    directory=lambda app: Path(app.config["SERVICES_SEARCH_DIR"]),
)
