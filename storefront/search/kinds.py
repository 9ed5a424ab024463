"""The indexes that follow the database ("kinds"): products, and any other index that registers itself.

There is one sync path for all of them (:mod:`storefront.search.sync` collects changes on flush and applies them
after the outermost commit; :mod:`storefront.search.events` records them so every node follows, with retry). A kind
only says what it indexes:

- ``changes()`` makes the collector of one transaction (:class:`Changes`): it notes ids on flush and resolves them
  (e.g. "the packages of this provider") in the committing session;
- ``sync(ids)`` brings those ids up to date in the current app's index, re-reading them from the database in a
  fresh session (public ones indexed, the rest removed), so applying them twice is harmless;
- ``rebuild()`` builds the whole index from the database; ``clear()`` empties it (tests);
- ``directory(app)`` is where its index lives (its event cursor file sits there).

Products register in :mod:`storefront.search.setup`; the service packages in ``services_market/setup.py``
(storefront never imports services_market: the marketplace registers itself here with :func:`register`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from flask import Flask, current_app
from sqlalchemy.orm import Session

#: The product index's kind name (the events of databases from before kinds existed are product events).
PRODUCTS = "products"


class Changes(Protocol):
    """What one transaction changed for one kind (kept in the session until commit or rollback)."""

    def before_flush(self, session: Session) -> None:
        """Note what a flush is about to delete while its rows still exist."""

    def after_flush(self, session: Session) -> None:
        """Note the ids of everything the flush wrote that the index shows."""

    def add(self, ids: Iterable[int]) -> None:
        """Note ids changed behind the ORM's back (bulk UPDATE/DELETE)."""

    def resolve(self, session: Session) -> set[int]:
        """Every document id affected, read in the committing session."""


@dataclass(frozen=True)
class IndexKind:
    """One index that follows the database: how to collect its changes and how to apply them."""

    #: Short name, stored in ``search_events.kind`` (at most 20 characters).
    name: str
    #: Makes the change collector of one transaction.
    changes: Callable[[], Changes]
    #: Brings ids up to date in the current app's index (re-read from the database in a fresh session).
    sync: Callable[[set[int]], None]
    #: Builds the whole index from the database; returns the number of documents.
    rebuild: Callable[[], int]
    #: Empties the index.
    clear: Callable[[], None]
    #: The directory of the index in an app (its event cursor lives there).
    directory: Callable[[Flask], Path]


@dataclass
class KindState:
    """A kind in one app: the ids its index still owes and when this process last followed events."""

    kind: IndexKind
    #: Ids this app's index still owes: their update after a commit failed (retried after the next commit; the
    #: events retry them too), another thread was writing the index (it writes them before it lets go), or
    #: they wait for the next read (``SEARCH_INDEX_WRITES = "read"``). Changed only through the methods below.
    retry: set[int] = field(default_factory=set)
    #: A rebuild is owed (``SEARCH_INDEX_WRITES = "read"``, or a failed one).
    rebuild_owed: bool = False
    #: Held by the one thread writing owed changes to the index. A committing thread never waits for it: it
    #: would wait holding its database connection while the writer needs one to re-read documents (with as
    #: many such threads as the pool has connections, nobody moves until the pool's timeout).
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Guards ``retry`` and ``rebuild_owed`` (held for a set operation only, never during input or output).
    guard: threading.Lock = field(default_factory=threading.Lock)
    #: When this process last caught up with the index events for this kind (time.monotonic()).
    followed_at: float = 0.0
    #: This app has written to the index since it was last cleared (tests clear only such indexes).
    touched: bool = False

    def owe(self, ids: set[int], full: bool = False) -> None:
        """Add ids (or a whole rebuild) to what the index owes."""
        with self.guard:
            self.retry |= ids
            self.rebuild_owed |= full

    def owing(self) -> tuple[set[int], bool]:
        """A copy of what the index owes now: (ids, whether a rebuild is owed)."""
        with self.guard:
            return set(self.retry), self.rebuild_owed

    def settle(self, ids: set[int], full: bool = False) -> None:
        """The index now holds ``ids`` (and was rebuilt when ``full``): they are no longer owed."""
        with self.guard:
            self.retry -= ids
            if full:
                self.rebuild_owed = False

    def forget(self) -> None:
        """Nothing is owed any more (the index was rebuilt or cleared)."""
        with self.guard:
            self.retry.clear()
            self.rebuild_owed = False


def register(app: Flask, kind: IndexKind) -> None:
    """Make an index follow the database in this app (call from an ``init_app``)."""
    app.extensions.setdefault("search_kinds", {})[kind.name] = KindState(kind)


def states(app: Flask | None = None) -> dict[str, KindState]:
    """The registered kinds of the app (default: the current one), in registration order."""
    return (app or current_app).extensions.get("search_kinds", {})


def state(name: str, app: Flask | None = None) -> KindState:
    """One registered kind of the app."""
    return states(app)[name]


def selected(app: Flask | None = None, name: str | None = None) -> list[KindState]:
    """One kind by name, or every kind (``name`` None)."""
    all_states = states(app)
    return list(all_states.values()) if name is None else [all_states[name]]
