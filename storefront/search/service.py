"""Search for views and the API: read the request, run the engine, load products, label facets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from flask import abort
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront import search
from storefront.catalog.facets import OPTION_PREFIX, Facet, FacetOption, ListingFacets, option_filters
from storefront.catalog.models import Product
from storefront.catalog.queries import parse_page, promoted_prices, public_products
from storefront.catalog.taxonomy import Category, City, Cluster
from storefront.core.content import Localized, pick
from storefront.core.locales import LANGS
from storefront.core.money import BASE_CURRENCY, Money
from storefront.extensions import db
from storefront.search.base import FACETS, PRICE_BANDS, SORTS, SearchQuery, SearchResults
from storefront.search.whoosh_query import clean_text

SORT_LABELS = {
    "relevance": _l("Best match"),
    "price_asc": _l("Price: low to high"),
    "price_desc": _l("Price: high to low"),
    "newest": _l("Newest"),
}
FACET_LABELS = {
    "cluster": _l("Industry"),
    "category": _l("Category"),
    "city": _l("Origin city"),
    "price": _l("Price"),
}
#: Option facets with a label of their own (the products' option names differ: "Марка стали", "Сорт" are both
#: grades); other option facets are labelled with the first product's option name. Listed first, in this order.
OPTION_LABELS = {
    "size": _l("Size"),
    "colour": _l("Colour"),
    "grade": _l("Grade"),
}
#: Clothing sizes in their natural order (the size facet lists them so; other values go by count).
SIZE_ORDER = ("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "3XL", "4XL", "5XL")
_MAX_FILTER_CHARS = 60


def parse_request(args: Mapping[str, str], lang: str, per_page: int) -> SearchQuery:
    """A search request from query-string arguments (a bad page number is a 404, as in listings)."""
    sort = args.get("sort") or "relevance"
    filters = {}
    for name in FACETS:
        value = (args.get(name) or "").strip()[:_MAX_FILTER_CHARS]
        if value:
            filters[name] = value
    filters.update(option_filters(args))
    return SearchQuery(
        text=clean_text(args.get("q")),
        lang=lang if lang in LANGS else "en",
        page=parse_page(args.get("page")),
        per_page=per_page,
        sort=sort if sort in SORTS else "relevance",
        filters=filters,
    )


def run(request: SearchQuery) -> SearchResults:
    """Run the search; a page past the last one is a 404. While promotions run, the engine is told the prices
    they lower (``SearchQuery.prices_now``): price sorts, the price band filter and its counts follow the price
    buyers pay now, as the listings do."""
    prices = promoted_prices()
    if prices:
        request = replace(request, prices_now=prices)
    results = search.query(request)
    if request.page > 1 and (request.page - 1) * request.per_page >= results.total:
        abort(404)
    return results


def load_products(results: SearchResults, with_stock: bool = False) -> list[tuple[Product, float]]:
    """The hits' products in rank order, with scores (products no longer public are left out); ``with_stock``
    loads their variants too (the API shows stock)."""
    ids = [h.id for h in results.hits]
    if not ids:
        return []
    stmt = public_products().where(Product.id.in_(ids))
    if with_stock:
        stmt = stmt.options(selectinload(Product.variants))
    found = {p.id: p for p in db.session.scalars(stmt)}
    return [(found[h.id], h.score) for h in results.hits if h.id in found]


@dataclass
class ResultItem:
    """A product as shown on the results page: highlighted name and snippet in the buyer's language."""

    product: Product
    name: Localized
    name_html: Markup
    snippet: Localized
    snippet_html: Markup
    #: The product's name in another language where the query matched (cross-language hits), or None.
    matched_name: Localized | None = None
    matched_html: Markup | None = None


def result_items(results: SearchResults, lang: str) -> list[ResultItem]:
    """Products of the page with snippets (fallback text keeps its language, as elsewhere)."""
    items = []
    for product, _score in load_products(results):
        name = product.name(lang)
        snippet = product.text("description", lang)
        item = ResultItem(
            product=product,
            name=name,
            name_html=results.highlight(str(name), name.lang or lang, 300),
            snippet=snippet,
            snippet_html=results.highlight(str(snippet), snippet.lang or lang, 220),
        )
        if "<mark>" not in item.name_html and "<mark>" not in item.snippet_html:
            for code, translation in product.translations.items():
                html = results.highlight(translation.name, code, 300)
                if code != name.lang and "<mark>" in html:
                    item.matched_name = Localized(translation.name, code, lang)
                    item.matched_html = html
                    break
        items.append(item)
    return items


def price_band_label(key: str) -> str:
    """Human label of a price band in the base currency."""
    for band, low, high in PRICE_BANDS:
        if band == key:
            if low == 0 and high is not None:
                return _("Under %(amount)s", amount=Money(high, BASE_CURRENCY).format())
            if high is None:
                return _("%(amount)s and more", amount=Money(low, BASE_CURRENCY).format())
            return _(
                "%(low)s – %(high)s",
                low=Money(low, BASE_CURRENCY).format(),
                high=Money(high, BASE_CURRENCY).format(),
            )
    return key


def _labels(name: str, values: list[str], lang: str) -> dict[str, str]:
    if name == "cluster":
        rows = db.session.scalars(select(Cluster).where(Cluster.slug.in_(values)))
        return {c.slug: str(c.name(lang)) for c in rows}
    if name == "category":
        ids = [int(v) for v in values if v.isdigit()]
        rows = db.session.scalars(select(Category).where(Category.id.in_(ids)))
        return {str(c.id): str(c.name(lang)) for c in rows}
    if name == "city":
        return {c.slug: str(c.name(lang)) for c in db.session.scalars(select(City).where(City.slug.in_(values)))}
    return {v: price_band_label(v) for v in values}


def _option_facets(results: SearchResults, request: SearchQuery) -> list[Facet]:
    """Option facets (size, colour, grade first), labelled in the buyer's language from the products' own option
    names (translated data, with the usual fallback)."""
    names = [n for n in results.facets if n.startswith(OPTION_PREFIX)]
    names += [n for n in request.filters if n.startswith(OPTION_PREFIX) and n not in names]
    order = list(OPTION_LABELS)
    names.sort(key=lambda n: order.index(n[len(OPTION_PREFIX) :]) if n[len(OPTION_PREFIX) :] in order else len(order))
    out = []
    for name in names:
        code = name.removeprefix(OPTION_PREFIX)
        counts = dict(results.facets.get(name, []))
        selected = request.filters.get(name)
        if selected and selected not in counts:
            counts[selected] = 0
        if not counts:
            continue
        labels = results.option_names.get(code) or {}
        values = labels.get("values") or {}
        options = [
            FacetOption(v, str(pick(values.get(v), request.lang).value or v), n, v == selected)
            for v, n in counts.items()
        ]
        if code == "size":
            rank = {size: n for n, size in enumerate(SIZE_ORDER)}
            options.sort(key=lambda o: (rank.get(o.value.upper(), len(rank)), -o.count, o.label))
        else:
            options.sort(key=lambda o: (-o.count, o.label))
        title = OPTION_LABELS.get(code) or pick(labels.get("names"), request.lang).value or code
        out.append(Facet(name, str(title), options))
    return out


def listing_facets(scope: dict[str, str], chosen: dict[str, str], lang: str) -> ListingFacets:
    """Option facets of a cluster or category listing (``scope``: {"cluster": slug} or {"category": id}) from the
    index, and the products having every chosen option (registered with ``storefront.catalog.facets``)."""
    found = search.browse({**scope, **chosen}, want_ids=bool(chosen))
    request = SearchQuery("", lang, filters=dict(chosen))
    return ListingFacets(
        facets=_option_facets(found, request),
        ids={h.id for h in found.hits} if chosen else None,
    )


def facets(results: SearchResults, request: SearchQuery) -> list[Facet]:
    """Labelled facets with counts, price bands in price order, then the option facets."""
    out = []
    for name in FACETS:
        counts = dict(results.facets.get(name, []))
        selected = request.filters.get(name)
        if selected and selected not in counts:
            counts[selected] = 0
        if not counts:
            continue
        labels = _labels(name, list(counts), request.lang)
        options = [FacetOption(v, labels.get(v, v), n, v == selected) for v, n in counts.items()]
        if name == "price":
            order = [key for key, _low, _high in PRICE_BANDS]
            options.sort(key=lambda o: order.index(o.value) if o.value in order else len(order))
        else:
            options.sort(key=lambda o: (-o.count, o.label))
        out.append(Facet(name, str(FACET_LABELS[name]), options))
    return out + _option_facets(results, request)
