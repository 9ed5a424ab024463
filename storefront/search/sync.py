"""Keep the index following the data: collect changed ids on flush, apply them after commit.

Ids are gathered in ``session.info`` during flushes and applied only in ``after_commit`` (dropped on
``after_rollback``), so a rolled-back change never reaches the index. The products are then re-read from the
database in a fresh session, so the index always shows committed data.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from itertools import chain

from flask import current_app, has_app_context
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from storefront.accounts.models import Merchant
from storefront.catalog.models import (
    Category,
    City,
    Cluster,
    PriceTier,
    Product,
    ProductImage,
    ProductTranslation,
    ProductVariant,
)
from storefront.extensions import db
from storefront.search import events
from storefront.search.documents import iter_all_docs, load_docs

log = logging.getLogger(__name__)

_KEY = "search_pending"
_listening = False


@dataclass
class Pending:
    """What changed in the current transaction, by kind."""

    products: set[int] = field(default_factory=set)
    merchants: set[int] = field(default_factory=set)
    categories: set[int] = field(default_factory=set)
    clusters: set[int] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    #: Rebuild the whole index after the commit (bulk loads such as the demo seeder).
    full: bool = False
    #: Product ids resolved before the commit (recorded as an index event, then applied here).
    resolved: set[int] | None = None

    def __bool__(self) -> bool:
        return self.full or any((self.products, self.merchants, self.categories, self.clusters, self.cities))

    def product_ids(self, session: Session | None = None) -> set[int]:
        """Every product id affected, resolving merchants, categories, clusters and cities (in ``session``, else
        a fresh one)."""
        if self.resolved is not None:
            return set(self.resolved)
        ids = set(self.products)
        criteria = []
        if self.merchants:
            criteria.append(Product.merchant_id.in_(self.merchants))
        if self.categories:
            criteria.append(Product.category_id.in_(self.categories))
        if self.clusters:
            criteria.append(Product.category_id.in_(select(Category.id).where(Category.cluster_id.in_(self.clusters))))
        if self.cities:
            criteria.append(Product.origin_city_slug.in_(self.cities))
        if criteria:
            if session is not None:
                with session.no_autoflush:
                    for criterion in criteria:
                        ids.update(session.scalars(select(Product.id).where(criterion)))
            else:
                with Session(db.engine) as fresh:
                    for criterion in criteria:
                        ids.update(fresh.scalars(select(Product.id).where(criterion)))
        return ids


def pending(session: Session) -> Pending:
    """The pending changes of a session (created on first use)."""
    return session.info.setdefault(_KEY, Pending())


def mark_changed(session: Session, product_ids) -> None:
    """Queue products for re-indexing at the next commit (for bulk UPDATE/DELETE statements)."""
    pending(session).products.update(int(i) for i in product_ids)


def reindex_after_commit(session: Session) -> None:
    """Rebuild the whole index once this transaction commits (also drops documents of vanished rows)."""
    pending(session).full = True


def _changed(obj, *attrs: str) -> bool:
    state = inspect(obj)
    return any(state.attrs[a].history.has_changes() for a in attrs)


def _before_flush(session: Session, flush_context, instances) -> None:
    """Deleted merchants and categories: note their products while the rows still exist."""
    p = pending(session)
    for obj in session.deleted:
        if isinstance(obj, Merchant) and obj.id is not None:
            with session.no_autoflush:
                p.products.update(session.scalars(select(Product.id).where(Product.merchant_id == obj.id)))
        elif isinstance(obj, Category) and obj.id is not None:
            with session.no_autoflush:
                p.products.update(session.scalars(select(Product.id).where(Product.category_id == obj.id)))


def _after_flush(session: Session, flush_context) -> None:
    """Collect ids of everything the flush wrote that the index shows."""
    p = pending(session)
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Product):
            if obj.id is not None:
                p.products.add(obj.id)
        elif isinstance(obj, ProductTranslation | PriceTier | ProductImage):
            product_id = obj.product_id if obj.product_id is not None else getattr(obj.product, "id", None)
            if product_id is not None:
                p.products.add(product_id)
        elif isinstance(obj, ProductVariant):
            # The option facets show which values the variants have; stock changes do not touch the index.
            if obj in session.new or obj in session.deleted or _changed(obj, "options"):
                product_id = obj.product_id if obj.product_id is not None else getattr(obj.product, "id", None)
                if product_id is not None:
                    p.products.add(product_id)
        elif isinstance(obj, Merchant):
            if obj in session.deleted or _changed(obj, "status", "names"):
                p.merchants.add(obj.id)
        elif isinstance(obj, Category):
            if obj in session.deleted or _changed(obj, "names", "cluster_id"):
                p.categories.add(obj.id)
        elif isinstance(obj, Cluster):
            if _changed(obj, "names", "slug"):
                p.clusters.add(obj.id)
        elif isinstance(obj, City) and _changed(obj, "names"):
            p.cities.add(obj.slug)


def _before_commit(session: Session) -> None:
    """Record the transaction's index changes as an event in the same commit (other nodes follow it)."""
    if session.get_nested_transaction() is not None:
        return
    session.flush()
    changes = session.info.get(_KEY)
    if not changes:
        return
    if not changes.full:
        changes.resolved = changes.product_ids(session)
        if not changes.resolved:
            return
    events.record(session, changes.resolved or set(), full=changes.full)


def _after_commit(session: Session) -> None:
    """Apply the collected changes to the index of the current app."""
    if session.get_nested_transaction() is not None:
        return  # a SAVEPOINT was released: nothing is committed until the outer transaction is
    changes = session.info.pop(_KEY, None)
    if not has_app_context():
        return
    app = current_app._get_current_object()
    state = app.extensions.get("search")
    if state is None:
        return
    ids: set[int] = set(state.retry)
    if changes and not changes.full:
        ids |= changes.product_ids()
    if not ids and not (changes and changes.full):
        return
    try:
        if changes and changes.full:
            state.index.rebuild(iter_all_docs(), load_docs)
        else:
            state.index.sync(ids, load_docs)
        state.retry.clear()
    except Exception:
        state.retry |= ids
        log.exception("search: could not update the index for %d products (kept for retry)", len(ids))
        if app.testing:
            raise


def _after_rollback(session: Session) -> None:
    """A rolled-back transaction changed nothing: forget what it collected.

    A rolled-back SAVEPOINT keeps the list: the outer transaction's own changes are in it too, and ids
    that end up unchanged are only re-read, not wrong."""
    if session.get_nested_transaction() is None:
        session.info.pop(_KEY, None)


def listen() -> None:
    """Attach the session hooks to Flask-SQLAlchemy's session (once per process)."""
    global _listening
    if _listening:
        return
    event.listen(db.session, "before_flush", _before_flush)
    event.listen(db.session, "after_flush", _after_flush)
    event.listen(db.session, "before_commit", _before_commit)
    event.listen(db.session, "after_commit", _after_commit)
    event.listen(db.session, "after_rollback", _after_rollback)
    _listening = True
