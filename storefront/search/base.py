"""The search interface: what the rest of the platform may ask of a search engine.

Anything implementing :class:`SearchIndex` can replace Whoosh (OpenSearch, Meilisearch, PostgreSQL FTS);
views, the API, the CLI and the commit hook only use these methods and the plain data classes below.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from storefront.core.paging import Paged

#: Sort orders a search accepts.
SORTS: tuple[str, ...] = ("relevance", "price_asc", "price_desc", "newest")
#: Facets a search counts and filters on.
FACETS: tuple[str, ...] = ("cluster", "category", "city", "price")
#: Price bands in CNY fen: (key, lowest included, highest excluded or None).
PRICE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-100", 0, 10_000),
    ("100-500", 10_000, 50_000),
    ("500-2000", 50_000, 200_000),
    ("2000-10000", 200_000, 1_000_000),
    ("10000-", 1_000_000, None),
)
#: Longest query text considered (characters); the rest is ignored.
MAX_QUERY_CHARS = 200
#: Most words of a query that take part in matching.
MAX_QUERY_WORDS = 12


def price_band(price_fen: int) -> str:
    """The price band key of a price."""
    for key, low, high in PRICE_BANDS:
        if price_fen >= low and (high is None or price_fen < high):
            return key
    return PRICE_BANDS[0][0]


@dataclass
class ProductDoc:
    """Everything the index needs about one public product, independent of the ORM and the engine."""

    id: int
    #: Product name per language.
    names: dict[str, str]
    #: Description, specifications and declared data per language.
    bodies: dict[str, str]
    #: Category, cluster, merchant and city names per language.
    metas: dict[str, str]
    sku: str
    hs_code: str
    merchant_id: int
    cluster: str
    category_id: int
    city: str
    price_fen: int
    #: Creation time, seconds since the epoch (for "newest").
    created: int
    #: Review figures as a ranking signal, -100…100 (``storefront.catalog.ratings.rating_signal``).
    rating_signal: int = 0
    #: Option type code → value codes that at least one variant has, in stock or not ({"size": ["M", "L"]}).
    options: dict[str, list[str]] = field(default_factory=dict)
    #: Labels of those options per language: code → {"names": {lang: name}, "values": {value: {lang: name}}}.
    option_names: dict[str, dict] = field(default_factory=dict)


@dataclass
class SearchQuery:
    """A search as asked: text, buyer's language, filters, sort and page."""

    text: str
    lang: str
    page: int = 1
    per_page: int = 24
    sort: str = "relevance"
    #: Facet name → selected value (see :data:`FACETS`; option facets ``opt-<code>``: a variant with that value).
    filters: dict[str, str] = field(default_factory=dict)
    #: Compute a "did you mean" suggestion when there are few hits.
    correct: bool = True
    #: Product id → the unit price buyers pay now, in fen, where a running promotion lowers the indexed list
    #: price: price sorts, the price band filter and the band counts use it (promotions start and end with no
    #: index write, so the caller passes them with each query).
    prices_now: dict[int, int] = field(default_factory=dict)


@dataclass
class Hit:
    """One matching product id and its relevance score."""

    id: int
    score: float


@dataclass
class SearchResults(Paged):
    """A page of hits plus counts, facets and an optional spelling suggestion."""

    hits: list[Hit]
    total: int
    page: int
    per_page: int
    #: Facet name → [(value, count)], largest first; option facets (``opt-size``) count products having at least
    #: one variant with the value.
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: Labels of the counted option facets, as in :attr:`ProductDoc.option_names` (code → names and value names).
    option_names: dict[str, dict] = field(default_factory=dict)
    #: Corrected query text that finds more, or None.
    suggestion: str | None = None
    #: True when no product had every word, so products with some of them are shown.
    relaxed: bool = False
    #: True when the text held nothing searchable (empty, only symbols or operators).
    blank: bool = False
    #: Highlighter for this query: (text, language) → escaped Markup with <mark> around matches.
    highlighter: Callable[[str, str, int], Markup] | None = None

    def highlight(self, text: str, lang: str, length: int = 220) -> Markup:
        """A snippet of ``text`` (written in ``lang``) with the query's matches marked."""
        if self.highlighter is None:
            return escape(text[:length])
        return self.highlighter(text, lang, length)


@dataclass
class Suggestion:
    """An autocomplete entry: a product and its name in the asked language (or a fallback)."""

    id: int
    name: str
    name_lang: str | None


class SearchIndex(ABC):
    """A product search engine behind the platform's small interface."""

    @abstractmethod
    def index(self, products: Iterable[ProductDoc]) -> int:
        """Add or replace products; returns how many were written."""

    @abstractmethod
    def remove(self, ids: Iterable[int]) -> None:
        """Remove products by id (unknown ids are ignored)."""

    @abstractmethod
    def query(self, request: SearchQuery) -> SearchResults:
        """Run a search; never raises on odd user text."""

    @abstractmethod
    def browse(self, filters: dict[str, str], want_ids: bool = False) -> SearchResults:
        """Every product matching the facet filters (no text, as a listing): ``total``, facet counts and option
        names; ``hits`` holds all of them (score 0, any order) only with ``want_ids``."""

    @abstractmethod
    def suggest(self, text: str, lang: str, limit: int = 8) -> list[Suggestion]:
        """Products whose names start like the text typed so far."""

    @abstractmethod
    def clear(self) -> None:
        """Remove every document."""

    @abstractmethod
    def rebuild(self, products: Iterable[ProductDoc], load: Callable[[set[int]], list[ProductDoc]]) -> int:
        """Build a complete new index from ``products`` and swap it in; ``load`` re-reads changed ids."""

    def sync(self, ids: set[int], load: Callable[[set[int]], list[ProductDoc]]) -> None:
        """Make the index agree with the database for these ids (public ones indexed, others removed)."""
        docs = load(ids)
        self.index(docs)
        self.remove(ids - {d.id for d in docs})

    def doc_count(self) -> int:
        """Number of indexed products (for status output and tests)."""
        return 0

    def version(self) -> str:
        """A token that changes whenever the index changes (for HTTP caches of search results)."""
        return ""
