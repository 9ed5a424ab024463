"""Import every storefront model module so the metadata knows all tables (for Alembic and create_all); the
services marketplace registers its own tables in ``services_market.setup``."""

from storefront.accounts.api_keys import ApiKey  # noqa: F401,E402
from storefront.accounts.documents import Document  # noqa: F401,E402
from storefront.accounts.models import Merchant, User  # noqa: F401
from storefront.accounts.team import TeamMember  # noqa: F401,E402
from storefront.catalog.appeals import ModerationAppeal  # noqa: F401,E402
from storefront.catalog.models import PriceTier, Product, ProductImage, ProductTranslation  # noqa: F401
from storefront.catalog.promotions import Promotion  # noqa: F401,E402
from storefront.catalog.ratings import ProductRating  # noqa: F401,E402
from storefront.catalog.reviews import ListingReview  # noqa: F401,E402
from storefront.catalog.taxonomy import Category, City, Cluster  # noqa: F401
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
from storefront.core import limits as _limits  # noqa: E402
from storefront.core.audit import AuditEntry  # noqa: F401,E402
from storefront.core.models import ExchangeRate  # noqa: F401
from storefront.core.rates import RateChange  # noqa: F401,E402
from storefront.core.versions import CacheVersion  # noqa: F401,E402
from storefront.extensions import db as _db  # noqa: E402
from storefront.integrations.webhooks import WebhookDelivery, WebhookEndpoint  # noqa: F401,E402
from storefront.ledger.fx import FxSettlement  # noqa: F401,E402
from storefront.ledger.models import CommissionRate, LedgerEntry, Payout, PayoutDetails  # noqa: F401,E402
from storefront.legal.models import HelpPage  # noqa: F401,E402
from storefront.messaging.models import Conversation, Message, MessageFile, Participant  # noqa: F401,E402
from storefront.ordering.addresses import Address  # noqa: F401,E402
from storefront.ordering.freight.models import DutyRuleOverride, RateCard  # noqa: F401,E402
from storefront.ordering.models import CartItem, Order, OrderEvent, OrderLine, StockReservation, SubOrder  # noqa: F401,E402
from storefront.ordering.returns import ReturnRequest  # noqa: F401,E402
from storefront.ordering.rfq_models import OrderInstalment, Quotation, QuotationLine, Rfq  # noqa: F401,E402
from storefront.payments.models import (  # noqa: F401,E402
    PaymentEvent,
    PaymentIntentRecord,
    PaymentTransaction,
    Refund,
    RefundProposal,
)
from storefront.payments.transfers import TransferProof  # noqa: F401,E402
from storefront.reviews.models import ProductReview, ReviewPhoto  # noqa: F401,E402
from storefront.search.events import SearchEvent  # noqa: F401,E402
from storefront.training.models import Policy, Registration, TrainingSession  # noqa: F401,E402
from storefront.trust.models import CreditOverride  # noqa: F401,E402

_limits.install(_db.metadata)  # length CHECK constraints on free-text columns (storefront/core/limits.py)
