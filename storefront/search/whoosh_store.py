"""Whoosh storage: schema, index generations behind a pointer file, write locking and searchers.

Layout under ``SEARCH_DIR``::

    CURRENT        name of the live generation (replaced atomically with os.replace)
    ix-<hex>/      one complete Whoosh index per generation; a reindex builds a new one beside it
    REINDEX        exists while a reindex runs: writers append the ids they change to it
    reindex.lock   held by the (single) running reindex; init.lock guards creating the first generation
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.index import EmptyIndexError, FileIndex, LockError
from whoosh.scoring import BaseScorer, WeightingModel
from whoosh.searching import Searcher
from whoosh.util.filelock import FileLock, try_for
from whoosh.writing import SegmentWriter

from storefront.search.analysis import LANGUAGES, analyzer, spell_analyzer
from storefront.search.base import ProductDoc, price_band

POINTER = "CURRENT"
JOURNAL = "REINDEX"
_PREFIX = "ix-"

_open_lock = threading.Lock()
_indexes: dict[str, FileIndex] = {}
_local = threading.local()


class SearchBusyError(RuntimeError):
    """Another reindex is already running."""


def build_schema() -> Schema:
    """The product schema: one text field per language and kind, ids, facets and sort keys."""
    fields: dict = {
        #: Also a column: search maps the products whose price differs now (promotions) to their documents through
        #: it, once per searcher, instead of a term lookup per product and segment per search.
        "id": ID(stored=True, unique=True, sortable=True),
        "merchant": ID(),
        "sku": KEYWORD(lowercase=True),
        "hs": ID(),
        "cluster": ID(),
        "category": ID(),
        "city": ID(),
        "price_band": ID(),
        #: The four facet values, then the option values (``size=M``), in one column, so counting facets reads one
        #: value per hit.
        "facet_key": ID(sortable=True),
        #: Option names and value names per language (facet labels without a database query).
        "options": STORED(),
        "price": NUMERIC(int, bits=64, sortable=True),
        "created": NUMERIC(int, bits=64, sortable=True),
        #: Review signal -100…100: relevance is multiplied by 1 + RATING_WEIGHT × signal / 100.
        "rating": NUMERIC(int, bits=64, sortable=True),
        "names": STORED(),
        "spell": TEXT(analyzer=spell_analyzer(), phrase=False),
    }
    for lang in LANGUAGES:
        fields[f"name_{lang}"] = TEXT(analyzer=analyzer(lang, unigrams=True), phrase=False)
        fields[f"meta_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=False)
        fields[f"body_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=False)
    return Schema(**fields)


FACET_SEP = "\x1f"


#: Separates an option code from its value in the facet key (codes are ``[a-z0-9_]``, so never contain it).
OPTION_SEP = "="


def facet_key(doc: ProductDoc) -> str:
    """Cluster, category, city and price band joined (see :data:`storefront.search.base.FACETS`), followed by one
    ``code=value`` part per option value the product's variants have."""
    options = [f"{code}{OPTION_SEP}{value}" for code, values in sorted(doc.options.items()) for value in values]
    return FACET_SEP.join((doc.cluster, str(doc.category_id), doc.city, price_band(doc.price_fen), *options))


class SaturatedTfIdf(WeightingModel):
    """BM25's saturating term frequency times IDF, without length normalisation.

    Product texts are short and the field boosts already say what matters; skipping BM25's per-document
    field-length lookup makes scoring a large result set several times cheaper.
    """

    def __init__(self, k1: float = 1.2) -> None:
        self.k1 = k1

    def scorer(self, searcher, fieldname, text, qf=1):
        """Scorer for one term."""
        idf = searcher.get_parent().idf(fieldname, text)
        return SaturatedScorer(idf, self.k1, searcher.term_info(fieldname, text).max_weight())


class SaturatedScorer(BaseScorer):
    """Whoosh scorer of one term with the saturated tf·idf above."""

    def __init__(self, idf: float, k1: float, max_weight: float) -> None:
        self.idf, self.k1 = idf, k1
        self.top = self.term_score(max_weight)

    def term_score(self, weight: float) -> float:
        """Score of one posting with this term frequency."""
        return self.idf * weight * (self.k1 + 1) / (weight + self.k1)

    def supports_block_quality(self) -> bool:
        """Block-max bounds are available (from the block's highest frequency)."""
        return True

    def score(self, matcher) -> float:
        """Score of the matcher's current posting."""
        return self.term_score(matcher.weight())

    def max_quality(self) -> float:
        """Highest score this term can give."""
        return self.top

    def block_quality(self, matcher) -> float:
        """Highest score within the matcher's current block."""
        return self.term_score(matcher.block_max_weight())


WEIGHTING = SaturatedTfIdf()


class ProductCodec(W3Codec):
    """Whoosh's default codec without per-block field-length statistics (a supported codec option).

    Those statistics only serve BM25's block-max bounds; :class:`SaturatedTfIdf` does not use lengths, and
    skipping the per-posting length lookup when a segment is written makes indexing markedly faster.
    """

    length_stats = False


CODEC = ProductCodec()


def sku_terms(sku: str) -> list[str]:
    """Forms a SKU is found by: as written and with only letters and digits (lower-case)."""
    low = sku.strip().lower()
    compact = "".join(ch for ch in low if ch.isalnum())
    return list(dict.fromkeys(t for t in (low, compact) if t))


def doc_fields(doc: ProductDoc, schema: Schema | None = None) -> dict:
    """Whoosh field values for a document (only the fields ``schema`` has, when given: an index built before a
    field was added keeps taking documents until the next reindex)."""
    values: dict = {
        "id": str(doc.id),
        "merchant": str(doc.merchant_id),
        "sku": " ".join(sku_terms(doc.sku)),
        "hs": doc.hs_code,
        "cluster": doc.cluster,
        "category": str(doc.category_id),
        "city": doc.city,
        "price_band": price_band(doc.price_fen),
        "facet_key": facet_key(doc),
        "price": doc.price_fen,
        "created": doc.created,
        "rating": doc.rating_signal,
        "names": dict(doc.names),
        "options": dict(doc.option_names),
        "spell": "\n".join([*doc.names.values(), *doc.metas.values()]),
    }
    for lang in LANGUAGES:
        for kind, source in (("name", doc.names), ("meta", doc.metas), ("body", doc.bodies)):
            if source.get(lang):
                values[f"{kind}_{lang}"] = source[lang]
    if schema is not None:
        values = {name: value for name, value in values.items() if name in schema}
    return values


class WhooshStore:
    """Index generations under one directory, with locked writers and refreshed searchers."""

    def __init__(self, root: str | Path, write_timeout: float = 10.0) -> None:
        self.root = Path(root)
        self.write_timeout = write_timeout

    # generations -------------------------------------------------------------------------------------------

    def _read_pointer(self) -> str | None:
        try:
            name = (self.root / POINTER).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if name.startswith(_PREFIX) and (self.root / name).is_dir() else None

    def _write_pointer(self, name: str) -> None:
        tmp = self.root / f"{POINTER}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.write_text(name + "\n", encoding="utf-8")
        os.replace(tmp, self.root / POINTER)

    def new_generation(self) -> Path:
        """Create an empty index in a fresh sibling directory (not yet live)."""
        path = self.root / f"{_PREFIX}{time.time_ns():x}{os.getpid() % 4096:03x}"
        path.mkdir(parents=True)
        whoosh_index.create_in(str(path), build_schema())
        return path

    def current_path(self) -> Path:
        """Directory of the live generation, creating an empty first one if there is none."""
        name = self._read_pointer()
        if name is None:
            self.root.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(self.root / "init.lock"))
            if not try_for(lock.acquire, timeout=self.write_timeout, delay=0.05):
                raise LockError("search index initialisation is locked")
            try:
                name = self._read_pointer()
                if name is None:
                    name = self.new_generation().name
                    self._write_pointer(name)
            finally:
                lock.release()
        return self.root / name

    def open(self, path: Path) -> FileIndex:
        """The (cached) Whoosh index object of a generation directory."""
        key = str(path)
        with _open_lock:
            ix = _indexes.get(key)
            if ix is None:
                ix = _indexes[key] = whoosh_index.open_dir(key)
            return ix

    def swap(self, path: Path) -> None:
        """Make a generation live (atomic for readers)."""
        self._write_pointer(path.name)

    def cleanup(self, keep: set[str]) -> None:
        """Delete generations other than the live one and ``keep`` (readers of older ones are long gone)."""
        live = self._read_pointer()
        for child in self.root.glob(f"{_PREFIX}*"):
            if child.is_dir() and child.name not in keep and child.name != live:
                with _open_lock:
                    _indexes.pop(str(child), None)
                shutil.rmtree(child, ignore_errors=True)

    # reading ------------------------------------------------------------------------------------------------

    def searcher(self) -> Searcher:
        """A searcher on the latest commit of the live generation (cached per thread, checked per call)."""
        cache: dict[str, tuple[Path, Searcher]] = _local.__dict__.setdefault("searchers", {})
        key = str(self.root)
        for attempt in range(3):
            path = self.current_path()
            entry = cache.get(key)
            try:
                ix = self.open(path)
                if entry is not None and entry[0] == path and ix.latest_generation() == entry[1].reader().generation():
                    return entry[1]
                # A new commit or a swapped generation: open a new searcher. (Whoosh's Searcher.refresh()
                # reuses segment readers and can keep documents deleted since, so it is not used.)
                searcher = ix.searcher(weighting=WEIGHTING)
            except (OSError, EmptyIndexError):
                # The generation was swapped out and cleaned up between reading the pointer and opening it.
                with _open_lock:
                    _indexes.pop(str(path), None)
                if attempt == 2 or self.current_path() == path:
                    raise
                continue
            if entry is not None:
                entry[1].close()
            cache[key] = (path, searcher)
            return searcher
        raise AssertionError("unreachable")

    # writing ------------------------------------------------------------------------------------------------

    def _lock_live(self, timeout: float) -> tuple[Path, FileIndex, FileLock]:
        """Take the write lock of the live generation, following a swap that happens while waiting."""
        deadline = time.monotonic() + timeout
        while True:
            path = self.current_path()
            try:
                ix = self.open(path)
            except (OSError, EmptyIndexError):
                # Opening reads the newest table of contents, which another process's commit may replace (and
                # delete) between listing and reading it, or the generation was swapped out: look again.
                with _open_lock:
                    _indexes.pop(str(path), None)
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.02)
                continue
            lock = ix.lock("WRITELOCK")
            remaining = max(0.0, deadline - time.monotonic())
            if not try_for(lock.acquire, timeout=remaining, delay=0.02):
                raise LockError(f"search index {path} stayed locked for {timeout:.0f} s")
            if self.current_path() == path:
                return path, ix, lock
            lock.release()

    @contextmanager
    def writer(self, timeout: float | None = None) -> Iterator[SegmentWriter]:
        """A writer on the live generation under its file lock (bounded wait); commits on success."""
        _path, ix, lock = self._lock_live(self.write_timeout if timeout is None else timeout)
        try:
            writer = ix.writer(_lk=False, limitmb=256, codec=CODEC)
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            if not writer.is_closed:
                writer.commit()
        finally:
            lock.release()

    @contextmanager
    def locked_live(self, timeout: float) -> Iterator[Path]:
        """Hold the live generation's write lock without writing (used to swap generations)."""
        path, _ix, lock = self._lock_live(timeout)
        try:
            yield path
        finally:
            lock.release()

    # reindex journal ----------------------------------------------------------------------------------------

    def journal_ids(self, ids: set[int]) -> None:
        """While a reindex runs, remember changed ids so it can replay them (call under the write lock)."""
        path = self.root / JOURNAL
        if ids and path.exists():
            with path.open("a", encoding="ascii") as fh:
                fh.write("".join(f"{i}\n" for i in sorted(ids)))

    def start_journal(self) -> None:
        """Begin recording changed ids for a running reindex."""
        (self.root / JOURNAL).write_text("", encoding="ascii")

    def read_journal(self) -> set[int]:
        """Ids recorded since the reindex began."""
        try:
            text = (self.root / JOURNAL).read_text(encoding="ascii")
        except FileNotFoundError:
            return set()
        return {int(line) for line in text.split() if line.isdigit()}

    def end_journal(self) -> None:
        """Stop recording."""
        (self.root / JOURNAL).unlink(missing_ok=True)

    @contextmanager
    def reindex_lock(self) -> Iterator[None]:
        """Only one reindex at a time (across processes)."""
        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.root / "reindex.lock"))
        if not lock.acquire():
            raise SearchBusyError("a search reindex is already running")
        try:
            yield
        finally:
            lock.release()

    def size_bytes(self) -> int:
        """Bytes on disk of the live generation."""
        return sum(f.stat().st_size for f in self.current_path().iterdir() if f.is_file())
