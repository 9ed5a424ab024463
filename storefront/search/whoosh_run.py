"""Run a search on a Whoosh searcher: matches and scores, filters, facet counts, sorting, spelling.

Matches and scores come from posting lists (``whoosh_score``); filters, facet counts and price/date
sorting read per-generation column caches; so one search touches each posting once and each hit a few
times, whatever the number of facets.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from functools import cached_property
from weakref import WeakKeyDictionary

from whoosh.searching import Searcher
from whoosh.support.levenshtein import distance

from storefront.catalog.facets import OPTION_PREFIX
from storefront.search.analysis import terms
from storefront.search.base import FACETS, Hit, SearchQuery, SearchResults, price_band
from storefront.search.whoosh_query import KIND_BOOSTS, Plan, highlight, plan, prune, split_words
from storefront.search.whoosh_score import Scores, scores
from storefront.search.whoosh_store import FACET_SEP, OPTION_SEP

#: How much the review signal moves relevance: ±10 % at the extremes (text match stays the main signal).
RATING_WEIGHT = 0.1
#: Fewer hits than this and a spelling suggestion is looked for.
FEW_HITS = 3
_SPELLABLE = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF]{3,}")


class Columns:
    """Per-document values of one searcher's index generation, read once and kept with the searcher."""

    def __init__(self, searcher: Searcher) -> None:
        self.reader = searcher.reader()

    def _column(self, name: str) -> list:
        return list(self.reader.column_reader(name))

    @cached_property
    def facet_keys(self) -> list[str]:
        """Combined facet key per document number."""
        return self._column("facet_key")

    @cached_property
    def option_docs(self) -> dict[str, int]:
        """One document number per option part of the facet keys (``size=M``): where that value's labels are read."""
        found: dict[str, int] = {}
        deletions = self.reader.has_deletions()
        for d, key in enumerate(self.facet_keys):
            if deletions and self.reader.is_deleted(d):
                continue
            for part in key.split(FACET_SEP)[len(FACETS) :]:
                found.setdefault(part, d)
        return found

    @cached_property
    def docs_by_id(self) -> dict[int, int] | None:
        """Live document number per product id (None for an index built before ``id`` had a column)."""
        if not self.reader.has_column("id"):
            return None
        ids = self._column("id")
        return {int(ids[d]): d for d in self.reader.all_doc_ids()}

    @cached_property
    def price(self) -> list[int]:
        """Price in fen per document number."""
        return self._column("price")

    @cached_property
    def created(self) -> list[int]:
        """Creation time per document number."""
        return self._column("created")

    @cached_property
    def rating(self) -> list[int] | None:
        """Review signal per document number (None in an index built before the field existed)."""
        return self._column("rating") if "rating" in self.reader.schema else None


#: Column caches by searcher (kept beside Whoosh's object, not as an attribute on it).
_COLUMNS: WeakKeyDictionary[Searcher, Columns] = WeakKeyDictionary()


def columns(searcher: Searcher) -> Columns:
    """The column cache of a searcher (a new commit means a new searcher, so it is never stale)."""
    cache = _COLUMNS.get(searcher)
    if cache is None:
        cache = _COLUMNS[searcher] = Columns(searcher)
    return cache


#: Most option facets a search returns (the ones most products have) and most values counted per option facet.
MAX_OPTION_FACETS = 8
MAX_OPTION_VALUES = 40


#: Position of the price band in the facet key.
_BAND = FACETS.index("price")


def prices_by_doc(searcher: Searcher, prices_now: dict[int, int]) -> dict[int, int]:
    """Document number → price paid now, for the products of :attr:`SearchQuery.prices_now` in this index.

    Thousands of products can be on promotion; a lookup by term costs one probe per segment, and an index that
    is being written has many small segments (23 % of a loaded server's samples in one py-spy profile)."""
    docs = columns(searcher).docs_by_id
    if docs is not None:
        return {docs[product_id]: fen for product_id, fen in prices_now.items() if product_id in docs}
    found = {}
    for product_id, fen in prices_now.items():
        d = searcher.document_number(id=str(product_id))
        if d is not None:
            found[d] = fen
    return found


def _key_parts(key: str, d: int, now: dict[int, int]) -> list[str]:
    """A document's facet key split, its price band moved to the price paid now where that differs."""
    parts = key.split(FACET_SEP)
    if d in now and len(parts) > _BAND:
        parts[_BAND] = price_band(now[d])
    return parts


def _filtered(found: Scores, filters: dict[str, str], cols: Columns, now: dict[int, int] | None = None) -> Scores:
    wanted = [(FACETS.index(name), value) for name, value in filters.items() if name in FACETS and value]
    options = {
        name.removeprefix(OPTION_PREFIX) + OPTION_SEP + value
        for name, value in filters.items()
        if name.startswith(OPTION_PREFIX) and value
    }
    if not (wanted or options) or not found:
        return found
    keys, now = cols.facet_keys, now or {}
    out = {}
    for d, score in found.items():
        parts = _key_parts(keys[d], d, now)
        if all(len(parts) > i and parts[i] == value for i, value in wanted) and options.issubset(parts[len(FACETS) :]):
            out[d] = score
    return out


def _facet_counts(docs: Scores, cols: Columns, now: dict[int, int] | None = None) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet and value; an option facet counts products with at least one variant of the value; a
    product whose price paid now differs (``now``) counts in that price's band."""
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    options: dict[str, Counter] = {}
    keys, now = cols.facet_keys, now or {}
    moved = [d for d in now if d in docs]
    for key, n in Counter(keys[d] for d in docs).items():
        parts = key.split(FACET_SEP)
        for name, value in zip(FACETS, parts, strict=False):
            if value:
                counts[name][value] += n
        for part in parts[len(FACETS) :]:
            code, _sep, value = part.partition(OPTION_SEP)
            options.setdefault(code, Counter())[value] += n
    for d in moved:  # a few promoted products: their band counted where their price is now
        parts = keys[d].split(FACET_SEP)
        if len(parts) > _BAND and parts[_BAND]:
            counts["price"][parts[_BAND]] -= 1
            counts["price"][price_band(now[d])] += 1
    counts["price"] = +counts["price"]  # drop bands left at zero
    out = {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for name, c in counts.items()}
    biggest = sorted(options, key=lambda code: (-sum(options[code].values()), code))[:MAX_OPTION_FACETS]
    for code in biggest:
        out[OPTION_PREFIX + code] = sorted(options[code].items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_OPTION_VALUES]
    return out


def _option_names(searcher: Searcher, facets: dict[str, list[tuple[str, int]]], cols: Columns) -> dict:
    """Labels of the counted option values, read from the stored fields of one product per value."""
    example = cols.option_docs
    names: dict[str, dict] = {}
    read: dict[int, dict] = {}
    for name, values in facets.items():
        if not name.startswith(OPTION_PREFIX):
            continue
        code = name.removeprefix(OPTION_PREFIX)
        entry = names.setdefault(code, {"names": {}, "values": {}})
        for value, _n in values:
            d = example.get(code + OPTION_SEP + value)
            if d is None:
                continue
            if d not in read:
                read[d] = searcher.stored_fields(d).get("options") or {}
            stored = read[d].get(code) or {}
            entry["names"] = entry["names"] or dict(stored.get("names") or {})
            entry["values"][value] = dict((stored.get("values") or {}).get(value) or {})
    return names


def _stored_id(searcher: Searcher, docnum: int) -> int:
    return int(searcher.stored_fields(docnum)["id"])


def _page_hits(
    searcher: Searcher, found: Scores, request: SearchQuery, cols: Columns, now: dict[int, int] | None = None
) -> list[Hit]:
    """The requested page: by score (ties: index order), by price (paid now: ``now`` over the indexed list
    price) or by creation time."""
    start, stop = (request.page - 1) * request.per_page, request.page * request.per_page
    if start >= len(found):
        return []
    ordered = sorted(found)
    if request.sort in ("price_asc", "price_desc", "newest"):
        values = cols.created if request.sort == "newest" else cols.price
        key = values.__getitem__
        if now and request.sort != "newest":
            price = cols.price

            def key(d: int) -> int:
                return now.get(d, price[d])

        pick = heapq.nlargest if request.sort in ("price_desc", "newest") else heapq.nsmallest
        top = pick(stop, ordered, key=key)
        return [Hit(id=_stored_id(searcher, d), score=0.0) for d in top[start:stop]]
    rating = cols.rating
    if rating is not None and any(rating[d] for d in found):  # reviews are one signal among the text scores
        found = {d: s * (1 + RATING_WEIGHT * rating[d] / 100) for d, s in found.items()}
    top = heapq.nlargest(stop, ordered, key=found.__getitem__)
    return [Hit(id=_stored_id(searcher, d), score=found[d]) for d in top[start:stop]]


def run(searcher: Searcher, request: SearchQuery) -> SearchResults:
    """Search: one page of hits, total, facet counts, relaxed fallback and spelling suggestion."""
    p = plan(request.text, request.lang)
    page, per_page = max(1, request.page), max(1, request.per_page)
    out = SearchResults(
        hits=[],
        total=0,
        page=page,
        per_page=per_page,
        highlighter=lambda text, lang, length: highlight(text, lang, p.terms, length),
    )
    if p.query() is None:
        out.blank = True
        return out
    reader, cols = searcher.reader(), columns(searcher)
    now = prices_by_doc(searcher, request.prices_now) if request.prices_now else {}
    found = _filtered(scores(searcher, prune(p.query(), reader)), request.filters, cols, now)
    if not found and len(p.word_queries) > 1:
        found = _filtered(scores(searcher, prune(p.query(relaxed=True), reader)), request.filters, cols, now)
        out.relaxed = bool(found)
    if found:
        out.total = len(found)
        out.facets = _facet_counts(found, cols, now)
        out.option_names = _option_names(searcher, out.facets, cols)
        out.hits = _page_hits(searcher, found, request, cols, now)
    if request.correct and out.total < FEW_HITS:
        out.suggestion = correction(searcher, request, out.total)
    return out


def browse(searcher: Searcher, filters: dict[str, str], want_ids: bool) -> SearchResults:
    """Every live document matching the filters: total, facet counts, option names and (``want_ids``) all ids."""
    cols = columns(searcher)
    found = _filtered(dict.fromkeys(searcher.reader().all_doc_ids(), 0.0), filters, cols)
    out = SearchResults(hits=[], total=len(found), page=1, per_page=max(1, len(found)))
    if found:
        out.facets = _facet_counts(found, cols)
        out.option_names = _option_names(searcher, out.facets, cols)
    if want_ids:
        out.hits = [Hit(id=_stored_id(searcher, d), score=0.0) for d in sorted(found)]
    return out


def _known(searcher: Searcher, word: str) -> bool:
    reader = searcher.reader()
    for lang in ("ru", "en"):
        for t in terms(lang, word):
            if any(reader.doc_frequency(f"{kind}_{lang}", t) for kind in KIND_BOOSTS):
                return True
    return bool(reader.doc_frequency("spell", word.lower()))


def _closest(searcher: Searcher, word: str) -> str | None:
    reader = searcher.reader()
    low = word.lower().replace("ё", "е")
    maxdist = 1 if len(low) <= 4 else 2
    best: tuple[int, int, str] | None = None
    for candidate in reader.terms_within("spell", low, maxdist, prefix=1):
        key = (distance(low, candidate), -reader.doc_frequency("spell", candidate), candidate)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def correction(searcher: Searcher, request: SearchQuery, total: int) -> str | None:
    """A corrected query text that finds more products than ``total`` (unknown words replaced)."""
    replaced, changed = [], False
    for word in split_words(request.text, keep_stops=True):
        fixed = None
        if _SPELLABLE.fullmatch(word) and not _known(searcher, word):
            fixed = _closest(searcher, word)
        replaced.append(fixed or word)
        changed = changed or bool(fixed and fixed != word.lower())
    if not changed:
        return None
    suggestion = " ".join(replaced)
    fixed_plan: Plan = plan(suggestion, request.lang)
    reader = searcher.reader()
    found = _filtered(scores(searcher, prune(fixed_plan.query(), reader)), request.filters, columns(searcher))
    return suggestion if len(found) > total else None
