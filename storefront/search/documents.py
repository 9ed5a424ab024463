"""Turn public products into index documents, reading them in a fresh session."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storefront.catalog.facets import option_facet, option_value_ok
from storefront.catalog.models import Product
from storefront.catalog.queries import public_products
from storefront.catalog.ratings import rating_signal
from storefront.extensions import db
from storefront.search.analysis import LANGUAGES
from storefront.search.base import ProductDoc

BATCH = 500


def _join(*parts: object) -> str:
    return "\n".join(str(p) for p in parts if p)


def _specs_text(specs: object) -> str:
    rows = specs if isinstance(specs, list) else []
    return "\n".join(" ".join(str(cell) for cell in row) if isinstance(row, list | tuple) else str(row) for row in rows)


def option_facets(product: Product) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """The product's option values that some variant has (in stock or not), and their names per language."""
    used: dict[str, set[str]] = {}
    for variant in product.variants:
        for code, value in (variant.options or {}).items():
            used.setdefault(str(code), set()).add(str(value))
    options, names = {}, {}
    for option in product.option_types:
        values = [v for v in option.value_codes if v in used.get(option.code, ()) and option_value_ok(v)]
        if not values or option_facet(option.code) is None:
            continue
        options[option.code] = values
        by_code = {str(v.get("code")): v.get("names") or {} for v in option.data.get("values") or ()}
        names[option.code] = {
            "names": dict(option.data.get("names") or {}),
            "values": {v: dict(by_code.get(v) or {}) for v in values},
        }
    return options, names


def product_doc(product: Product) -> ProductDoc:
    """The index document of a (public) product."""
    category, cluster = product.category, product.category.cluster
    merchant, city = product.merchant, product.origin_city
    names, bodies, metas = {}, {}, {}
    for lang in LANGUAGES:
        t = product.translations.get(lang)
        if t is not None and t.name:
            names[lang] = t.name
        body = _join(t.description, _specs_text(t.specs)) if t is not None else ""
        if lang == "zh":
            body = _join(body, product.customs_name)
        elif lang == "en":
            body = _join(body, product.model)
        if body:
            bodies[lang] = body
        meta = _join(*((obj.names or {}).get(lang) for obj in (category, cluster, merchant, city)))
        if meta:
            metas[lang] = meta
    options, option_names = option_facets(product)
    created = product.created_at
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return ProductDoc(
        id=product.id,
        names=names,
        bodies=bodies,
        metas=metas,
        sku=product.sku,
        hs_code=product.hs_code,
        merchant_id=product.merchant_id,
        cluster=cluster.slug,
        category_id=product.category_id,
        city=product.origin_city_slug,
        price_fen=product.price_fen,
        created=int(created.timestamp()) if created is not None else 0,
        rating_signal=rating_signal(product.rating),
        options=options,
        option_names=option_names,
    )


def _chunks(ids: list[int], size: int = BATCH) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def load_docs(ids: Iterable[int]) -> list[ProductDoc]:
    """Documents of those ids that are public now, read in a fresh session (committed data only)."""
    wanted = sorted({int(i) for i in ids})
    docs: list[ProductDoc] = []
    with Session(db.engine) as session:
        for chunk in _chunks(wanted):
            products = session.scalars(
                public_products()
                .where(Product.id.in_(chunk))
                .order_by(Product.id)  # id order on every database: equal scores rank in the order indexed
                .options(selectinload(Product.variants))
            )
            docs.extend(product_doc(p) for p in products)
    return docs


def iter_all_docs() -> Iterator[ProductDoc]:
    """Every public product's document, in id order, loaded in batches."""
    with Session(db.engine) as session:
        ids = list(session.scalars(public_products().with_only_columns(Product.id).order_by(Product.id)))
    for chunk in _chunks(ids):
        yield from load_docs(chunk)


def product_ids_where(*criteria) -> set[int]:
    """Ids of products (public or not) matching column criteria, e.g. ``Product.merchant_id == 3``."""
    with Session(db.engine) as session:
        return set(session.scalars(select(Product.id).where(*criteria)))
