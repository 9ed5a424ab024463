"""Several writers and readers on one index directory: Whoosh's file lock, generation swaps, no errors."""

import multiprocessing
import threading
import time
from pathlib import Path

from storefront.search import whoosh_store
from storefront.search.base import ProductDoc, SearchQuery
from storefront.search.whoosh_backend import WhooshIndex


def doc(n: int, word: str = "steel") -> ProductDoc:
    """A small document without Chinese text (no jieba needed in worker processes)."""
    return ProductDoc(
        id=n,
        names={"en": f"Alloy {word} bar {n}", "ru": f"Стальной круг {n}"},
        bodies={"en": f"Round {word} bar, batch {n}"},
        metas={"en": "Special steel"},
        sku=f"ST-{n}",
        hs_code="7228300000",
        merchant_id=1,
        cluster="steel",
        category_id=1,
        city="dalian",
        price_fen=10_000 + n,
        created=n,
    )


def _write_many(root: str, start: int, count: int) -> None:
    """Index ``count`` documents one commit at a time, then delete every third (runs in another process)."""
    index = WhooshIndex(root, write_timeout=30)
    for n in range(start, start + count):
        index.index([doc(n)])
    index.remove(range(start, start + count, 3))


def _write_when_told(root: str, start: int, count: int, ready, go) -> None:
    """:func:`_write_many` in another process once the test says go (the process's start-up happens before
    the readers start spinning, not while they do)."""
    ready.set()
    if not go.wait(120):
        raise TimeoutError("the test never said go")
    _write_many(root, start, count)


def _expected(start: int, count: int) -> set[int]:
    return set(range(start, start + count)) - set(range(start, start + count, 3))


class Readers:
    """Threads that query the index until stopped, recording errors and hit counts."""

    def __init__(self, root: Path, n: int = 2, query: str = "steel") -> None:
        self.root, self.query = root, query
        self.errors: list[BaseException] = []
        self.totals: list[int] = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(n)]

    def _run(self) -> None:
        index = WhooshIndex(self.root)
        while not self.stop.is_set():
            try:
                self.totals.append(index.query(SearchQuery(self.query, "en")).total)
                index.suggest("ste", "en")
            except BaseException as exc:  # noqa: BLE001 - the test reports every failure
                self.errors.append(exc)

    def __enter__(self) -> "Readers":
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(30)


def test_threads_with_separate_writers_and_readers(tmp_path):
    root = tmp_path / "search"
    WhooshIndex(root).index([doc(0)])
    errors: list[BaseException] = []

    def writer(start: int) -> None:
        try:
            _write_many(str(root), start, 12)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    with Readers(root, n=3) as readers:
        writers = [threading.Thread(target=writer, args=(start,)) for start in (100, 200, 300)]
        for t in writers:
            t.start()
        for t in writers:
            t.join(120)
    assert not errors and not readers.errors, (errors, readers.errors)
    assert readers.totals and max(readers.totals) >= 1
    expected = {0} | _expected(100, 12) | _expected(200, 12) | _expected(300, 12)
    index = WhooshIndex(root)
    assert index.doc_count() == len(expected)
    hits = index.query(SearchQuery("steel", "en", per_page=100)).hits
    assert {h.id for h in hits} == expected


def test_processes_writing_while_others_query(tmp_path):
    root = tmp_path / "search"
    WhooshIndex(root).index([doc(0)])
    # Not forked from this (threaded) process: the writers fork from a fresh "forkserver" interpreter that has
    # imported this module once (with "spawn" each writer started an interpreter and imported it, 1.2 CPU-s each).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    go = context.Event()
    ready = {start: context.Event() for start in (1000, 2000)}
    procs = [context.Process(target=_write_when_told, args=(str(root), s, 10, e, go)) for s, e in ready.items()]
    for p in procs:
        p.start()
    assert all(e.wait(120) for e in ready.values()), "a writer process did not start"
    with Readers(root, n=2) as readers:
        go.set()  # both processes write while the readers query
        for p in procs:
            p.join(180)
    assert [p.exitcode for p in procs] == [0, 0]
    assert not readers.errors, readers.errors
    expected = {0} | _expected(1000, 10) | _expected(2000, 10)
    assert WhooshIndex(root).doc_count() == len(expected)


def test_readers_keep_answering_during_reindex_swaps(tmp_path):
    root = tmp_path / "search"
    docs = [doc(n) for n in range(1, 41)]
    index = WhooshIndex(root, procs=1)
    index.index(docs)
    with Readers(root, n=2) as readers:
        for _ in range(3):
            assert index.rebuild(iter(docs), lambda ids: [d for d in docs if d.id in ids]) == 40
            time.sleep(0)  # let the readers run between swaps
    assert not readers.errors, readers.errors
    assert readers.totals and set(readers.totals) == {40}
    generations = [p.name for p in root.glob("ix-*")]
    assert len(generations) <= 2  # the live one and the previous one are kept


def test_second_reindex_at_the_same_time_is_refused(tmp_path):
    import pytest

    from storefront.search.whoosh_store import SearchBusyError

    index = WhooshIndex(tmp_path / "search", procs=1)
    with index.store.reindex_lock():
        with pytest.raises(SearchBusyError):
            index.rebuild(iter([doc(1)]), lambda ids: [])
    assert index.rebuild(iter([doc(1)]), lambda ids: []) == 1


def test_writer_waits_for_the_lock_then_gives_up(tmp_path):
    import pytest
    from whoosh.index import LockError

    index = WhooshIndex(tmp_path / "search", write_timeout=0.3)
    index.index([doc(1)])
    with index.store.locked_live(timeout=1):
        started = time.monotonic()
        with pytest.raises(LockError):
            WhooshIndex(tmp_path / "search", write_timeout=0.3).index([doc(2)])
        assert time.monotonic() - started < 5
    index.index([doc(2)])
    assert index.doc_count() == 2


def test_parallel_batched_rebuild_builds_one_complete_index(tmp_path, monkeypatch):
    from storefront.search import whoosh_backend

    monkeypatch.setattr(whoosh_backend, "BATCH_PER_PROCESS", 30)
    monkeypatch.setattr(whoosh_backend, "PARALLEL_FROM", 20)
    index = WhooshIndex(tmp_path / "search", procs=2)
    docs = [doc(n) for n in range(1, 131)]
    assert index.rebuild(iter(docs), lambda ids: []) == 130
    assert index.doc_count() == 130
    result = index.query(SearchQuery("steel", "en", per_page=200, sort="price_asc"))
    assert [h.id for h in result.hits] == list(range(1, 131))
    assert result.facets["cluster"] == [("steel", 130)]


def test_large_sync_is_committed_in_batches(tmp_path, monkeypatch):
    from storefront.search import whoosh_backend

    monkeypatch.setattr(whoosh_backend, "SYNC_BATCH", 7)
    index = WhooshIndex(tmp_path / "search")
    docs = {n: doc(n) for n in range(1, 31)}
    loads = []

    def load(ids):
        loads.append(len(ids))
        return [docs[i] for i in ids if i % 10]  # multiples of 10 are "no longer public"

    index.sync(set(range(1, 31)), load)
    assert loads == [7, 7, 7, 7, 2]
    assert index.doc_count() == 27


def test_a_writer_looks_again_when_a_commit_replaces_the_table_of_contents_it_was_opening(tmp_path, monkeypatch):
    """Another process's commit can replace (and delete) the newest _MAIN_n.toc between Whoosh listing it and
    reading it: the writer opens the index again instead of failing (seen in CI with two writer processes)."""
    root = tmp_path / "search"
    WhooshIndex(root).index([doc(0)])
    whoosh_store._indexes.clear()  # this process must open the index anew, as another process would
    real, calls = whoosh_store.whoosh_index.open_dir, []

    def open_dir(path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 1:
            raise FileNotFoundError(f"{path}/_MAIN_2.toc")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(whoosh_store.whoosh_index, "open_dir", open_dir)
    index = WhooshIndex(root, write_timeout=5)
    index.index([doc(1)])
    assert len(calls) == 2 and index.doc_count() == 2
