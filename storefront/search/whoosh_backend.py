"""The Whoosh implementation of the search interface."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from whoosh import writing

from storefront.search import whoosh_query, whoosh_run
from storefront.search.base import ProductDoc, SearchIndex, SearchQuery, SearchResults, Suggestion
from storefront.search.whoosh_store import CODEC, WhooshStore, doc_fields

log = logging.getLogger(__name__)

Loader = Callable[[set[int]], list[ProductDoc]]
#: Products per locked commit when many change at once (e.g. a catalogue import).
SYNC_BATCH = 500
#: Documents per writer process and batch of a full reindex (about 700 MB of memory per process).
BATCH_PER_PROCESS = 4000
#: A batch of at least this many documents is split over parallel writer processes.
PARALLEL_FROM = 2000


class WhooshIndex(SearchIndex):
    """Products in a Whoosh index under ``root``; safe with several processes reading and writing."""

    def __init__(self, root: str | Path, write_timeout: float = 10.0, procs: int | None = None) -> None:
        self.store = WhooshStore(root, write_timeout=write_timeout)
        #: Writer processes for a full reindex (Whoosh's multiprocessing writer); 1 = in this process.
        self.procs = max(1, procs if procs is not None else min(4, os.cpu_count() or 1))

    @property
    def root(self) -> Path:
        """The directory that holds the index generations."""
        return self.store.root

    def index(self, products: Iterable[ProductDoc]) -> int:
        """Add or replace products (one locked commit)."""
        docs = list(products)
        if not docs:
            return 0
        with self.store.writer() as w:
            for doc in docs:
                w.update_document(**doc_fields(doc, w.schema))
            self.store.journal_ids({d.id for d in docs})
        return len(docs)

    def remove(self, ids: Iterable[int]) -> None:
        """Remove products by id."""
        wanted = {int(i) for i in ids}
        if not wanted:
            return
        with self.store.writer() as w:
            for product_id in wanted:
                w.delete_by_term("id", str(product_id))
            self.store.journal_ids(wanted)

    def sync(self, ids: set[int], load: Loader) -> None:
        """Re-read the ids from the database *while holding the write lock*, so the last writer wins with
        the latest committed data, then index the public ones and delete the rest. Large sets (imports)
        go in batches of :data:`SYNC_BATCH`, one commit each, so other writers are not locked out long."""
        ordered = sorted(ids)
        for start in range(0, len(ordered), SYNC_BATCH):
            batch = set(ordered[start : start + SYNC_BATCH])
            with self.store.writer() as w:
                docs = load(batch)
                for doc in docs:
                    w.update_document(**doc_fields(doc, w.schema))
                for product_id in batch - {d.id for d in docs}:
                    w.delete_by_term("id", str(product_id))
                self.store.journal_ids(batch)

    def clear(self) -> None:
        """Remove every document (drops all segments); an index without segments is left as it is."""
        if self.store.open(self.store.current_path()).is_empty():
            return
        with self.store.writer() as w:
            w.commit(mergetype=writing.CLEAR)

    def rebuild(self, products: Iterable[ProductDoc], load: Loader) -> int:
        """Build a new generation beside the live one, replay changes made meanwhile, swap it in."""
        with self.store.reindex_lock():
            previous = self.store.current_path().name
            self.store.start_journal()
            try:
                path = self.store.new_generation()
                ix = self.store.open(path)
                try:
                    count = self._bulk_write(ix, iter(products))
                except BaseException:
                    self.store.cleanup(keep={previous})  # drop the half-built generation
                    raise
                with self.store.locked_live(timeout=max(60.0, self.store.write_timeout)):
                    changed = self.store.read_journal()
                    if changed:
                        docs = load(changed)
                        with ix.writer(codec=CODEC) as cw:
                            for doc in docs:
                                cw.update_document(**doc_fields(doc, cw.schema))
                            for product_id in changed - {d.id for d in docs}:
                                cw.delete_by_term("id", str(product_id))
                    self.store.swap(path)
            finally:
                self.store.end_journal()
            self.store.cleanup(keep={path.name, previous})
        log.info("search: reindexed %d products into %s", count, path)
        return count

    def _bulk_write(self, ix, products: Iterator[ProductDoc]) -> int:
        """Write all documents into a fresh index in batches, one segment per batch (and per process).

        Each batch is sorted in memory (Whoosh's on-disk merge of spilled runs is slow); from
        :data:`PARALLEL_FROM` documents a batch is split over ``procs`` writer processes.
        """
        count = 0
        batch_size = BATCH_PER_PROCESS * self.procs
        while batch := list(islice(products, batch_size)):
            parallel = self.procs > 1 and len(batch) >= PARALLEL_FROM
            w = (
                ix.writer(procs=self.procs, multisegment=True, limitmb=1024, codec=CODEC)
                if parallel
                else ix.writer(limitmb=1024, codec=CODEC)
            )
            try:
                for doc in batch:
                    w.add_document(**doc_fields(doc, w.schema))
            except BaseException:
                w.cancel()
                raise
            w.commit(mergetype=writing.NO_MERGE)
            count += len(batch)
        return count

    def query(self, request: SearchQuery) -> SearchResults:
        """Run a search on a fresh searcher."""
        return whoosh_run.run(self.store.searcher(), request)

    def browse(self, filters: dict[str, str], want_ids: bool = False) -> SearchResults:
        """Facet counts (and ids) of every product matching the filters."""
        return whoosh_run.browse(self.store.searcher(), filters, want_ids)

    def suggest(self, text: str, lang: str, limit: int = 8) -> list[Suggestion]:
        """Autocomplete on product names."""
        return whoosh_query.suggest(self.store.searcher(), text, lang, limit)

    def doc_count(self) -> int:
        """Number of indexed products."""
        return self.store.searcher().doc_count()

    def version(self) -> str:
        """Live generation and its latest commit, e.g. ``ix-18ebd…:7``."""
        path = self.store.current_path()
        return f"{path.name}:{self.store.open(path).latest_generation()}"

    def has(self, product_id: int) -> bool:
        """True when the product is in the index."""
        return self.store.searcher().document_number(id=str(product_id)) is not None

    def size_bytes(self) -> int:
        """Bytes on disk of the live generation."""
        return self.store.size_bytes()

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until no writer holds the live lock (benchmarks and tests)."""
        deadline = time.monotonic() + timeout
        with self.store.locked_live(timeout=max(0.0, deadline - time.monotonic())):
            pass
