"""Which products a transaction changed, for the one sync path (:mod:`storefront.search.sync`).

Products change directly (their texts, prices, images, variant options) and through what their documents show of
other rows: the merchant (status, names), the category (names, cluster), the cluster and the origin city.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from storefront.accounts.models import Merchant
from storefront.catalog.models import PriceTier, Product, ProductImage, ProductTranslation, ProductVariant
from storefront.catalog.taxonomy import Category, City, Cluster


def _changed(obj, *attrs: str) -> bool:
    state = inspect(obj)
    return any(state.attrs[a].history.has_changes() for a in attrs)


def _product_id(obj) -> int | None:
    return obj.product_id if obj.product_id is not None else getattr(obj.product, "id", None)


@dataclass
class ProductChanges:
    """What changed in the current transaction that product documents show."""

    products: set[int] = field(default_factory=set)
    merchants: set[int] = field(default_factory=set)
    categories: set[int] = field(default_factory=set)
    clusters: set[int] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return any((self.products, self.merchants, self.categories, self.clusters, self.cities))

    def add(self, ids: Iterable[int]) -> None:
        """Products changed by bulk statements."""
        self.products.update(int(i) for i in ids)

    def before_flush(self, session: Session) -> None:
        """Deleted merchants and categories: note their products while the rows still exist."""
        for obj in session.deleted:
            if isinstance(obj, Merchant) and obj.id is not None:
                column = Product.merchant_id
            elif isinstance(obj, Category) and obj.id is not None:
                column = Product.category_id
            else:
                continue
            with session.no_autoflush:
                self.products.update(session.scalars(select(Product.id).where(column == obj.id)))

    def after_flush(self, session: Session) -> None:
        """Collect ids of everything the flush wrote that the index shows."""
        for obj in chain(session.new, session.dirty, session.deleted):
            if isinstance(obj, Product):
                if obj.id is not None:
                    self.products.add(obj.id)
            elif isinstance(obj, ProductTranslation | PriceTier | ProductImage):
                if (product_id := _product_id(obj)) is not None:
                    self.products.add(product_id)
            elif isinstance(obj, ProductVariant):
                # The option facets show which values the variants have; stock changes do not touch the index.
                if obj in session.new or obj in session.deleted or _changed(obj, "options"):
                    if (product_id := _product_id(obj)) is not None:
                        self.products.add(product_id)
            elif isinstance(obj, Merchant):
                if obj in session.deleted or _changed(obj, "status", "names"):
                    self.merchants.add(obj.id)
            elif isinstance(obj, Category):
                if obj in session.deleted or _changed(obj, "names", "cluster_id"):
                    self.categories.add(obj.id)
            elif isinstance(obj, Cluster):
                if _changed(obj, "names", "slug"):
                    self.clusters.add(obj.id)
            elif isinstance(obj, City) and _changed(obj, "names"):
                self.cities.add(obj.slug)

    def resolve(self, session: Session) -> set[int]:
        """Every product id affected, resolving merchants, categories, clusters and cities."""
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
        with session.no_autoflush:
            for criterion in criteria:
                ids.update(session.scalars(select(Product.id).where(criterion)))
        return ids
