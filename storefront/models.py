"""Import every model module so the metadata knows all tables (for Alembic and create_all)."""

from services_market import tables as _services_tables  # noqa: F401,E402  (service marketplace tables)
from storefront.accounts.documents import Document  # noqa: F401,E402
from storefront.accounts.models import Merchant, User  # noqa: F401
from storefront.catalog.models import (  # noqa: F401
    Category,
    City,
    Cluster,
    PriceTier,
    Product,
    ProductImage,
    ProductTranslation,
)
from storefront.clearance.models import (  # noqa: F401,E402
    CaseEvent,
    CaseLine,
    ClearanceCase,
    DeclarationLine,
    DeclarationLink,
    DeclarationList,
    OutboxMessage,
    ReceiptRecord,
    SummaryDeclaration,
)
from storefront.core.audit import AuditEntry  # noqa: F401,E402
from storefront.core.models import ExchangeRate  # noqa: F401
from storefront.core.rates import RateChange  # noqa: F401,E402
from storefront.ordering.models import CartItem, Order, OrderEvent, OrderLine, StockReservation, SubOrder  # noqa: F401,E402
from storefront.payments.models import PaymentEvent, PaymentIntentRecord, PaymentTransaction  # noqa: F401,E402
from storefront.core.http import CacheVersion  # noqa: F401,E402
from storefront.search.events import SearchEvent  # noqa: F401,E402
