"""Every services_market table, imported so the shared metadata (Alembic, tests) knows them."""

from services_market.models import Package, PackageImage, PackageLanguage, PackageText, Provider, Tier  # noqa: F401
from services_market.order_models import (  # noqa: F401
    ServiceFile,
    ServiceOrder,
    ServiceOrderEvent,
    ServiceReview,
)
from services_market.voucher_models import Voucher, VoucherBatch  # noqa: F401
