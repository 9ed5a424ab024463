"""The one place for clearance states: case, message, receipt and declaration statuses and their labels."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class CaseStatus(StrEnum):
    """Clearance state of one merchant sub-order (the inventory list that declares it)."""

    #: Order and payment written to customs; the list goes out when the merchant ships.
    DECLARED = "declared"
    #: Customs took the list into its database (120), reviewed it (300) or concluded examination (399).
    ACCEPTED = "accepted"
    #: Customs inspects the goods (500).
    INSPECTION = "inspection"
    #: Customs released the list (800): the goods may leave.
    RELEASED = "released"
    #: The departure (CEB509) was accepted: the goods left China.
    DEPARTED = "departed"
    #: The list is closed (899); it can go into a summary declaration.
    CLOSED = "closed"
    #: Customs approved the cancellation of the list (CEB605 → CEB606): nothing leaves; a refund may follow.
    CANCELLED = "cancelled"
    #: Customs (or the e-port) refused a message; the merchant corrects and resubmits.
    REJECTED = "rejected"


CASE_LABELS = {
    CaseStatus.DECLARED: _l("Declared to customs"),
    CaseStatus.ACCEPTED: _l("Accepted by customs"),
    CaseStatus.INSPECTION: _l("Under customs inspection"),
    CaseStatus.RELEASED: _l("Released by customs"),
    CaseStatus.DEPARTED: _l("Departed from China"),
    CaseStatus.CLOSED: _l("Customs clearance closed"),
    CaseStatus.REJECTED: _l("Rejected by customs"),
    CaseStatus.CANCELLED: _l("List cancelled"),
}

#: Forward order of the non-rejected states: a receipt never moves a case backwards.
RANK = {
    CaseStatus.DECLARED: 0,
    CaseStatus.ACCEPTED: 1,
    CaseStatus.INSPECTION: 2,
    CaseStatus.RELEASED: 3,
    CaseStatus.DEPARTED: 4,
    CaseStatus.CLOSED: 5,
}

#: States whose list customs has released (a summary declaration may include them).
RELEASED_STATES = frozenset({CaseStatus.RELEASED, CaseStatus.DEPARTED, CaseStatus.CLOSED})

#: Steps shown to buyers, in order.
TIMELINE = (
    CaseStatus.DECLARED,
    CaseStatus.ACCEPTED,
    CaseStatus.INSPECTION,
    CaseStatus.RELEASED,
    CaseStatus.DEPARTED,
    CaseStatus.CLOSED,
)


def list_status(return_status: int) -> CaseStatus | None:
    """Case status for a CEB604 returnStatus (None for values that change nothing)."""
    if is_refusal(return_status):
        return CaseStatus.REJECTED
    return {
        1: CaseStatus.DECLARED,
        2: CaseStatus.DECLARED,
        3: CaseStatus.DECLARED,
        120: CaseStatus.ACCEPTED,
        300: CaseStatus.ACCEPTED,
        399: CaseStatus.ACCEPTED,
        500: CaseStatus.INSPECTION,
        800: CaseStatus.RELEASED,
        899: CaseStatus.CLOSED,
    }.get(return_status)


def is_refusal(return_status: int) -> bool:
    """True for a receipt that refuses the message (100 退单, negative = processing error with its code)."""
    return return_status < 0 or return_status == 100


#: returnStatus 4 (发送海关失败): the e-port could not pass the message on; not a refusal, it is re-sent.
TRANSPORT_FAILED = 4


class MessageStatus(StrEnum):
    """State of an outbox message."""

    #: Waiting to be sent at ``next_attempt_at`` (new, or after a failed attempt).
    PENDING = "pending"
    #: Claimed by a worker until ``lease_until``; re-sent with the same guid if the lease runs out.
    SENDING = "sending"
    #: Handed to the transport.
    SENT = "sent"
    #: Failed ``CLEARANCE_MAX_ATTEMPTS`` times; waits for an operator's retry.
    DEAD = "dead"


MESSAGE_LABELS = {
    MessageStatus.PENDING: _l("Waiting"),
    MessageStatus.SENDING: _l("Sending"),
    MessageStatus.SENT: _l("Sent"),
    MessageStatus.DEAD: _l("Dead letter"),
}


class ReceiptState(StrEnum):
    """What happened to an incoming receipt."""

    APPLIED = "applied"
    #: Malformed, or for no known message: kept for an operator, the worker carries on.
    QUARANTINED = "quarantined"


RECEIPT_LABELS = {
    ReceiptState.APPLIED: _l("Applied"),
    ReceiptState.QUARANTINED: _l("Quarantined"),
}


class DeclarationStatus(StrEnum):
    """State of a summary declaration (one CEB701 application)."""

    #: Application written to the outbox.
    APPLIED = "applied"
    #: Customs accepted the application (CEB702).
    ACCEPTED = "accepted"
    #: Customs refused the application (CEB702 100 or an error).
    REJECTED = "rejected"
    #: The summary result (CEB792) came with the customs declaration number.
    COMPLETED = "completed"
    #: An operator gave up a refused application; its lists go into the next run of their month.
    WITHDRAWN = "withdrawn"


DECLARATION_LABELS = {
    DeclarationStatus.APPLIED: _l("Application sent"),
    DeclarationStatus.ACCEPTED: _l("Application accepted"),
    DeclarationStatus.REJECTED: _l("Application rejected"),
    DeclarationStatus.COMPLETED: _l("Customs declaration issued"),
    DeclarationStatus.WITHDRAWN: _l("Application withdrawn"),
}

#: Message kinds and the receipt kind that answers each.
RECEIPT_FOR = {
    "CEB304": "CEB303",
    "CEB404": "CEB403",
    "CEB506": "CEB505",
    "CEB604": "CEB603",
    "CEB510": "CEB509",
    "CEB606": "CEB605",
    "CEB608": "CEB607",
    "CEB702": "CEB701",
    "CEB792": "CEB701",
}

#: What each message kind is, for operators and merchants.
KIND_LABELS = {
    "CEB303": _l("Order"),
    "CEB403": _l("Payment receipt"),
    "CEB505": _l("Waybill"),
    "CEB603": _l("Inventory list"),
    "CEB509": _l("Departure"),
    "CEB607": _l("List master bill"),
    "CEB701": _l("Summary application"),
}
