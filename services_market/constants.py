"""The one place for service categories, tiers, spoken languages, regions, order states and limits."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from storefront.core import labels


class ServiceCategory(StrEnum):
    """What kind of help a package sells (the provincial plan's list of services for exporters)."""

    STORE_OPERATIONS = "store-operations"
    PROMOTION = "promotion"
    DATA_ANALYSIS = "data-analysis"
    TRANSLATION = "translation"
    TRANSACTION_SUPPORT = "transaction-support"
    LOGISTICS = "logistics"
    CERTIFICATION = "certification"
    CREDIT_SECURITY = "credit-security"
    CUSTOMS = "customs"
    FINANCE = "finance-insurance"
    LEGAL = "legal-ip"


CATEGORY_LABELS = {
    ServiceCategory.STORE_OPERATIONS: _l("Store operations"),
    ServiceCategory.PROMOTION: _l("Online promotion"),
    ServiceCategory.DATA_ANALYSIS: _l("Data analysis"),
    ServiceCategory.TRANSLATION: _l("Multilingual translation"),
    ServiceCategory.TRANSACTION_SUPPORT: _l("Transaction support"),
    ServiceCategory.LOGISTICS: _l("Logistics and overseas warehousing"),
    ServiceCategory.CERTIFICATION: _l("Certification"),
    ServiceCategory.CREDIT_SECURITY: _l("Credit and security"),
    ServiceCategory.CUSTOMS: _l("Customs, inspection and tax rebate"),
    ServiceCategory.FINANCE: _l("Financing and insurance"),
    ServiceCategory.LEGAL: _l("Legal and IP advice"),
}
CATEGORIES: tuple[str, ...] = tuple(c.value for c in ServiceCategory)


class TierLevel(StrEnum):
    """The up to three tiers of a package."""

    BASIC = "basic"
    STANDARD = "standard"
    PREMIUM = "premium"


TIER_LABELS = {
    TierLevel.BASIC: _l("Basic"),
    TierLevel.STANDARD: _l("Standard"),
    TierLevel.PREMIUM: _l("Premium"),
}
TIER_LEVELS: tuple[str, ...] = tuple(t.value for t in TierLevel)

#: Languages a provider may work in (ISO 639-1) and their labels.
SPOKEN_LANGUAGES = {
    "zh": _l("Chinese"),
    "en": _l("English"),
    "ru": _l("Russian"),
    "ko": _l("Korean"),
    "mn": _l("Mongolian"),
    "pl": _l("Polish"),
    "ja": _l("Japanese"),
    "de": _l("German"),
}

#: Markets a provider serves.
REGIONS = {
    "russia": _l("Russia"),
    "cee": _l("Central and Eastern Europe"),
    "central-asia": _l("Central Asia"),
    "mongolia": _l("Mongolia"),
    "korea": _l("Korea"),
    "japan": _l("Japan"),
    "eu": _l("Western Europe"),
    "china": _l("Mainland China"),
}


class OrderStatus(StrEnum):
    """State of a service order."""

    #: Placed with a card remainder to pay; the provider does not see it yet.
    PENDING_PAYMENT = "pending_payment"
    #: Paid (card and/or voucher); waiting for the provider to accept.
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    #: The provider said no; the money or voucher goes back.
    DECLINED = "declined"
    #: The merchant withdrew before acceptance; the money or voucher goes back.
    CANCELLED = "cancelled"
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    REVISION_REQUESTED = "revision_requested"
    COMPLETED = "completed"


STATUS_LABELS = {
    OrderStatus.PENDING_PAYMENT: _l("Awaiting payment"),
    OrderStatus.REQUESTED: _l("Requested"),
    OrderStatus.ACCEPTED: _l("Accepted"),
    OrderStatus.DECLINED: _l("Declined"),
    OrderStatus.CANCELLED: _l("Cancelled"),
    OrderStatus.IN_PROGRESS: _l("In progress"),
    OrderStatus.DELIVERED: _l("Delivered"),
    OrderStatus.REVISION_REQUESTED: _l("Revision requested"),
    OrderStatus.COMPLETED: _l("Completed"),
}
#: States in which the order is over.
FINAL = frozenset({OrderStatus.DECLINED, OrderStatus.CANCELLED, OrderStatus.COMPLETED})


class Party(StrEnum):
    """Who may take an action."""

    MERCHANT = "merchant"
    PROVIDER = "provider"
    SYSTEM = "system"
    OPERATOR = "operator"


class Action(StrEnum):
    """The workflow's actions; each is one transition."""

    PAY = "pay"
    CANCEL = "cancel"
    ACCEPT = "accept"
    DECLINE = "decline"
    START = "start"
    DELIVER = "deliver"
    REVISE = "revise"
    APPROVE = "approve"
    AUTO_COMPLETE = "auto_complete"


#: action → (states it may start from, state it leads to, parties allowed).
TRANSITIONS: dict[Action, tuple[frozenset[OrderStatus], OrderStatus, frozenset[Party]]] = {
    Action.PAY: (frozenset({OrderStatus.PENDING_PAYMENT}), OrderStatus.REQUESTED, frozenset({Party.SYSTEM})),
    Action.CANCEL: (
        frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.REQUESTED}),
        OrderStatus.CANCELLED,
        frozenset({Party.MERCHANT, Party.OPERATOR, Party.SYSTEM}),
    ),
    Action.ACCEPT: (frozenset({OrderStatus.REQUESTED}), OrderStatus.ACCEPTED, frozenset({Party.PROVIDER})),
    Action.DECLINE: (
        frozenset({OrderStatus.REQUESTED}),
        OrderStatus.DECLINED,
        frozenset({Party.PROVIDER, Party.OPERATOR}),
    ),
    Action.START: (frozenset({OrderStatus.ACCEPTED}), OrderStatus.IN_PROGRESS, frozenset({Party.PROVIDER})),
    Action.DELIVER: (
        frozenset({OrderStatus.IN_PROGRESS, OrderStatus.REVISION_REQUESTED}),
        OrderStatus.DELIVERED,
        frozenset({Party.PROVIDER}),
    ),
    Action.REVISE: (
        frozenset({OrderStatus.DELIVERED}),
        OrderStatus.REVISION_REQUESTED,
        frozenset({Party.MERCHANT}),
    ),
    Action.APPROVE: (frozenset({OrderStatus.DELIVERED}), OrderStatus.COMPLETED, frozenset({Party.MERCHANT})),
    Action.AUTO_COMPLETE: (
        frozenset({OrderStatus.DELIVERED}),
        OrderStatus.COMPLETED,
        frozenset({Party.SYSTEM}),
    ),
}

ACTION_LABELS = {
    Action.PAY: _l("Payment received"),
    Action.CANCEL: _l("Cancel the order"),
    Action.ACCEPT: _l("Accept the order"),
    Action.DECLINE: _l("Decline the order"),
    Action.START: _l("Start work"),
    Action.DELIVER: _l("Deliver"),
    Action.REVISE: _l("Request a revision"),
    Action.APPROVE: _l("Accept the delivery"),
    Action.AUTO_COMPLETE: _l("Completed automatically"),
}

#: Days after delivery without an answer before the order completes by itself.
AUTO_COMPLETE_DAYS = 14
#: Hours an order waiting for its card payment keeps its voucher before the job cancels it.
UNPAID_HOURS = 72
#: Most files one message, brief or delivery may carry.
MAX_FILES_PER_POST = 5
#: Longest brief, message, review or description (characters).
MAX_TEXT = 5000
#: Largest package price a provider may set (fen): 1 000 000 CNY.
MAX_PRICE_FEN = 100_000_000
#: Longest delivery time (days) and most revisions per tier.
MAX_DELIVERY_DAYS = 365
MAX_REVISIONS = 20
#: Deliverables per tier.
MAX_DELIVERABLES = 12


#: The marketplace's audited actions and objects, as the operators' audit log names them.
AUDIT_ACTION_LABELS = {
    "provider.submit": _l("Provider filing submitted"),
    "provider.resubmit": _l("Provider filing resubmitted"),
    "provider.approve": _l("Provider filing approved"),
    "provider.reject": _l("Provider filing rejected"),
    "package.hide": _l("Service package hidden by moderation"),
    "package.restore": _l("Service package restored"),
    "voucher.issue": _l("Vouchers issued"),
}
labels.register("audit_action", AUDIT_ACTION_LABELS)
labels.register(
    "audit_target",
    {
        "service_providers": _l("Service provider"),
        "service_packages": _l("Service package"),
        "voucher_batches": _l("Voucher batch"),
    },
)
labels.register("service_order_status", STATUS_LABELS)
