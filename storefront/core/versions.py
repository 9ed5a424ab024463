"""Data versions of what public pages show: a counter per name (``catalog``, ``listings``, ``product:<id>``…)
bumped in the same transaction as the change, read once per request to key cached pages and fragments.

Domains declare their models here (:func:`watch`, :func:`watch_products`), so core knows no domain model; the page
cache and fragment cache (:mod:`storefront.core.http`) and memoized queries build their keys from these versions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask import g, has_request_context, request
from sqlalchemy import BigInteger, DateTime, String, event, inspect, select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from storefront.extensions import cache as shared_cache
from storefront.extensions import db


class CacheVersion(db.Model):
    """A counter bumped in the same transaction as any change to data that public pages show.

    Names: ``catalog`` (anything shown everywhere: merchants, categories, cities, rates, services), ``listings``
    (which products are public and how they sort: home, merchant pages, the API list, search),
    ``product:<id>``, ``category:<id>`` and ``cluster:<id>``, and ``stock`` (any product change: the API lists show
    stock). A stock-only change bumps only its product and ``stock``."""

    __tablename__ = "cache_versions"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


GLOBAL = "catalog"
LISTINGS = "listings"
#: Bumped by every change to a product, stock included: pages that list stock (the products and search API).
STOCK = "stock"
#: Endpoints that list several products with their stock.
_STOCK_LISTS = {"api.products", "api.search"}
#: Product attributes whose change shows only on the product page (not on cards, listings or counts).
_STOCK_ONLY = frozenset({"stock", "updated_at"})
_CHANGES = "_cache_changes"
#: ``execution_options`` key naming the product a bulk UPDATE changes the stock of (see ordering.stock).
STOCK_OPTION = "kuajing_stock_of"


def product_key(product_id: int) -> str:
    """Version name of one product (its page, its card)."""
    return f"product:{product_id}"


@dataclass
class Changes:
    """What a transaction changed, collected at flush time and bumped at commit."""

    everything: bool = False
    #: Products whose shown data changed (cards, listings, counts follow).
    products: set[int] = field(default_factory=set)
    #: Products whose stock alone changed (their page only).
    stock: set[int] = field(default_factory=set)
    categories: set[int] = field(default_factory=set)

    def names(self, sess: Session) -> list[str]:
        """Version names to bump (queries run in the committing transaction)."""
        if self.everything:
            return [GLOBAL]
        names = {product_key(i) for i in self.products | self.stock}
        if names:
            names.add(STOCK)
        if self.products and _products is not None:
            with sess.no_autoflush:
                categories, clusters = _products.locate(sess, self.products, self.categories)
            names |= {f"category:{i}" for i in categories} | {f"cluster:{i}" for i in clusters} | {LISTINGS}
        return sorted(names)


@dataclass(frozen=True)
class ProductModels:
    """How the catalogue tells the page cache which pages a product change touches (registered by the catalogue,
    so core knows no domain model)."""

    #: The product class: ``id``, ``category_id`` and the stock-only attributes of :data:`_STOCK_ONLY`.
    product: type
    #: Rows that belong to one product (``product_id`` or ``product``): a change shows wherever the product does.
    parts: tuple[type, ...]
    #: ``locate(session, product_ids, extra_category_ids)`` → (category ids, cluster ids) the products appear in.
    locate: Callable[[Session, set[int], set[int]], tuple[set[int], set[int]]]
    #: Rows of one product with their own stock (``product_id``): a stock-only change shows on the product page only.
    variant: type | None = None


_watched: list[type] = []
_products: ProductModels | None = None
#: Tokens of what priced pages show that changes with time alone (the promotions running now): registered by
#: the domains, part of every page's and card's cache key, so a change at a set time needs no write.
_clock_sources: list[Callable[[], str]] = []


def register_clock_source(source: Callable[[], str]) -> None:
    """Add a time-dependent token to the keys of cached pages and fragments."""
    if source not in _clock_sources:
        _clock_sources.append(source)


def clock_token() -> str:
    """The current time-dependent tokens (sources must cost no query in the common case: they run per key)."""
    return "|".join(source() for source in _clock_sources)


def watch(*classes: type) -> None:
    """Declare models whose changes invalidate every cached public page (domains call this from init_app)."""
    for cls in classes:
        if cls not in _watched:
            _watched.append(cls)


def watch_products(models: ProductModels) -> None:
    """Declare the product models: their changes invalidate only the pages that show those products."""
    global _products
    _products = models
    watch(models.product, *models.parts, *((models.variant,) if models.variant is not None else ()))


def _watched_classes() -> tuple[type, ...]:
    return tuple(_watched)


def _changes(sess: Session) -> Changes:
    return sess.info.setdefault(_CHANGES, Changes())


def _owner_product_id(obj) -> int | None:
    """The product a catalogue row belongs to (a variant's tier through its variant)."""
    product_id = getattr(obj, "product_id", None)
    if product_id is None:
        product_id = getattr(getattr(obj, "product", None), "id", None)
    if product_id is None and getattr(obj, "variant", None) is not None:
        product_id = obj.variant.product_id
    return product_id


def _stock_only(sess: Session, obj, product_id: int, changes: Changes) -> bool:
    """True when the row's only changes are stock-only attributes (noted as a stock change of its product)."""
    state = inspect(obj)
    if obj not in sess.dirty or state.deleted:
        return False
    changed = {a.key for a in state.attrs if a.history.has_changes()}
    if not changed <= _STOCK_ONLY:
        return False
    if changed:
        changes.stock.add(product_id)
    return True


def _note(sess: Session, obj) -> None:
    changes = _changes(sess)
    models = _products
    if models is None:
        changes.everything = True
    elif models.variant is not None and isinstance(obj, models.variant):
        if obj.product_id is not None and not _stock_only(sess, obj, obj.product_id, changes):
            changes.products.add(obj.product_id)
    elif isinstance(obj, models.product):
        if obj.id is None or _stock_only(sess, obj, obj.id, changes):
            return
        if obj in sess.dirty:
            changes.categories.update(c for c in inspect(obj).attrs.category_id.history.deleted if c is not None)
        changes.products.add(obj.id)
        if obj.category_id is not None:
            changes.categories.add(obj.category_id)
    elif isinstance(obj, models.parts):
        product_id = _owner_product_id(obj)
        if product_id is not None:
            changes.products.add(product_id)
    else:
        changes.everything = True


def product_changed(product_id: int, sess: Session | None = None) -> None:
    """Declare that something shown with a product (its page, card, listings) changed in this transaction, for
    data kept outside the watched product tables (e.g. review figures); bumped at commit like the rest."""
    _changes(sess or db.session).products.add(product_id)


def _after_flush(sess: Session, _context) -> None:
    watched = _watched_classes()
    for obj in (*sess.new, *sess.dirty, *sess.deleted):
        if isinstance(obj, watched):
            _note(sess, obj)


def _orm_execute(state) -> None:
    """Bulk UPDATE/DELETE statements (e.g. the conditional stock decrement) bypass flush: watch them too."""
    if (state.is_update or state.is_delete) and state.bind_mapper is not None:
        if issubclass(state.bind_mapper.class_, _watched_classes()):
            product_id = state.execution_options.get(STOCK_OPTION)
            if product_id is not None and state.is_update:
                _changes(state.session).stock.add(int(product_id))
            else:
                _changes(state.session).everything = True


def _before_commit(sess: Session) -> None:
    sess.flush()
    changes = sess.info.pop(_CHANGES, None)
    if changes is not None:
        names = changes.names(sess)
        if names:
            bump(sess, *names)


def _after_transaction_end(sess: Session, transaction) -> None:
    if transaction.parent is None:
        sess.info.pop(_CHANGES, None)


def bump(sess: Session | None = None, *names: str) -> None:
    """Invalidate cached responses and fragments under these version names (default: everything).

    Called automatically when watched rows change; one upsert, so concurrent first bumps cannot collide."""
    sess = sess or db.session
    names = tuple(sorted(set(names))) or (GLOBAL,)
    now = datetime.now(UTC)
    dialect = sess.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    table = CacheVersion.__table__
    stmt = insert(table).values([{"name": n, "version": 1, "changed_at": now} for n in names])
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.name], set_={"version": table.c.version + 1, "changed_at": now}
    )
    sess.execute(stmt)
    if has_request_context():
        g.pop("cache_versions", None)


def _aware(value) -> datetime | None:
    """A timestamp from a plain-SQL row (SQLite returns text, PostgreSQL an aware datetime)."""
    if value is None or isinstance(value, datetime):
        return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _token(version: int, changed_at: datetime | None) -> str:
    return f"{version}.{changed_at.timestamp() if changed_at else 0}"


def versions(*names: str) -> dict[str, str]:
    """Current version tokens of some names (one query per request for names not asked yet).

    A token holds the counter and the time of the change, so a database restored or wiped under a running
    cache cannot bring back an old key."""
    memo: dict[str, str] = g.setdefault("cache_versions", {}) if has_request_context() else {}
    missing = [n for n in names if n not in memo]
    if missing:
        rows = db.session.execute(
            select(CacheVersion.name, CacheVersion.version, CacheVersion.changed_at).where(
                CacheVersion.name.in_(missing)
            )
        ).all()
        found = {name: _token(version, _aware(changed_at)) for name, version, changed_at in rows}
        for name in missing:
            memo[name] = found.get(name, "0")
    return {n: memo[n] for n in names}


def memoize(names: tuple[str, ...], key: str, compute):
    """A value computed from the database, kept in the shared cache until one of the version names changes."""
    found = versions(*names)
    full = f"memo:{key}:" + ";".join(f"{n}={found[n]}" for n in names)
    value = shared_cache.get(full)
    if value is None:
        value = compute()
        shared_cache.set(full, value)
    return value


def current_version(name: str = GLOBAL) -> tuple[int, datetime | None]:
    """The counter and the time of the last change of one name."""
    row = db.session.execute(
        select(CacheVersion.version, CacheVersion.changed_at).where(CacheVersion.name == name)
    ).first()
    return (row[0], row[1]) if row else (0, None)


_VERSIONS_SQL = "SELECT name, version, changed_at FROM cache_versions WHERE name IN (:global, {names})"
#: Per endpoint: the version names a page follows, found from its URL alone (plain SQL: this runs on every hit).
_PAGE_SQL = {
    "product": text(
        _VERSIONS_SQL.format(
            names=":product, 'category:' || CAST((SELECT category_id FROM products WHERE id = :id) AS VARCHAR(20))"
        )
    ),
    "cluster": text(
        _VERSIONS_SQL.format(names="'cluster:' || CAST((SELECT id FROM clusters WHERE slug = :slug) AS VARCHAR(20))")
    ),
    "category": text(
        _VERSIONS_SQL.format(
            names="'category:' || CAST((SELECT categories.id FROM categories JOIN clusters ON clusters.id = "
            "categories.cluster_id WHERE clusters.slug = :slug AND categories.slug = :category) AS VARCHAR(20))"
        )
    ),
    "other": text(_VERSIONS_SQL.format(names=":listings")),
    "stock lists": text(_VERSIONS_SQL.format(names=":listings, :stock")),
}


def _page_query():
    """The versions query of the current page and its parameters."""
    args = request.view_args or {}
    endpoint = request.endpoint
    params = {"global": GLOBAL}
    if endpoint in ("catalog.product", "api.product") and isinstance(args.get("product_id"), int):
        return _PAGE_SQL["product"], {**params, "product": product_key(args["product_id"]), "id": args["product_id"]}
    if endpoint == "catalog.cluster":
        return _PAGE_SQL["cluster"], {**params, "slug": args.get("slug")}
    if endpoint == "catalog.category":
        return _PAGE_SQL["category"], {**params, "slug": args.get("slug"), "category": args.get("category_slug")}
    if endpoint in _STOCK_LISTS:
        return _PAGE_SQL["stock lists"], {**params, "listings": LISTINGS, "stock": STOCK}
    return _PAGE_SQL["other"], {**params, "listings": LISTINGS}


def page_versions() -> tuple[str, datetime | None]:
    """The version part of the current page's cache key and the time of its last change (one query a request)."""
    memo = g.get("page_versions")
    if memo is not None:
        return memo
    statement, params = _page_query()
    session = db.session()
    if session.in_transaction():
        # The request already holds a connection (a signed-in user was loaded): taking a second one would let
        # as many concurrent requests as the pool has connections each wait for one, and none come back.
        found = session.execute(statement, params).all()
    else:
        # Its own short connection, not the ORM session: a page-cache hit then never opens a session at all.
        with db.engine.connect() as connection:
            found = connection.execute(statement, params).all()
    rows = [(name, version, _aware(changed)) for name, version, changed in found]
    rows.sort()
    token = ";".join(f"{name}={_token(version, changed_at)}" for name, version, changed_at in rows)
    # The catalogue version is read here anyway: later versions(GLOBAL) calls of this request cost no query.
    g.setdefault("cache_versions", {})[GLOBAL] = next(
        (_token(version, changed_at) for name, version, changed_at in rows if name == GLOBAL), "0"
    )
    if _clock_sources:
        token += "|clock=" + clock_token()
    changed = max((r[2] for r in rows if r[2] is not None), default=None)
    g.page_versions = token, changed
    return token, changed


def listen() -> None:
    """Follow every session's changes to watched rows and bump their versions at commit (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "do_orm_execute", _orm_execute)
        event.listen(Session, "before_commit", _before_commit)
        event.listen(Session, "after_transaction_end", _after_transaction_end)
