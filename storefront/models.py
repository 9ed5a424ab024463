"""Import every model module so the metadata knows all tables (for Alembic and create_all)."""

from storefront.accounts.models import Merchant, User  # noqa: F401
from storefront.catalog.models import Category, City, Cluster, PriceTier, Product, ProductImage, ProductTranslation  # noqa: F401
from storefront.core.models import ExchangeRate  # noqa: F401
