"""Receivers of the ordering signals (inside the order's transaction) and the merchant's rejection e-mail."""

from __future__ import annotations

import logging

from flask_babel import gettext as _

from storefront.clearance import operations
from storefront.clearance.models import ClearanceCase
from storefront.core.mail import render, send_after_commit
from storefront.core.urls import public_url
from storefront.extensions import db
from storefront.ordering.models import SubOrder
from storefront.ordering.payable import propose_customs_refund

log = logging.getLogger(__name__)


def on_order_paid(order, *, payment_ref: str = "", **_signal) -> None:
    """``order_paid``: open a clearance case per sub-order and write CEB303/403 to the outbox."""
    operations.open_cases(order, payment_ref=payment_ref)


def on_order_shipped(sub_order, *, carrier: str = "", tracking_no: str = "", **_signal) -> None:
    """``order_shipped``: write the waybill (CEB505) and the inventory list (CEB603) to the outbox."""
    operations.ship(sub_order, carrier=carrier, tracking_no=tracking_no)


def on_case_cancelled(case: ClearanceCase, **_signal) -> None:
    """Customs cancelled the list (CEB606): the goods will not leave, so queue a refund of the merchant's part
    for the operator (inside the receipt's transaction)."""
    sub_order = db.session.get(SubOrder, case.sub_order_id)
    if sub_order is not None:
        propose_customs_refund(sub_order, detail=f"CEB606 {case.return_status}: {case.return_info or ''}".strip())


def case_link(case: ClearanceCase, lang: str) -> str:
    """Absolute link to the merchant's page of a case."""
    return public_url("clearance.merchant_case", lang=lang, case_id=case.id)


def _subject(case: ClearanceCase, **_ctx) -> str:
    """Subject of the rejection e-mail."""
    return _("Customs rejected order %(number)s", number=case.order_no)


def on_case_rejected(case: ClearanceCase, **_signal) -> None:
    """Tell the merchant (after commit) that customs rejected a case, with the reason and a link to fix it."""

    merchant = case.merchant
    owner = merchant.owner if merchant is not None else None
    to = (merchant.contact_email if merchant is not None else "") or (owner.email if owner else "")
    if not to:
        log.warning("clearance case %s rejected but its merchant has no e-mail address", case.id)
        return
    lang = owner.locale if owner is not None and owner.locale else "zh"
    mail = render("clearance_rejected", lang, to, _subject, case=case, link=case_link(case, lang))
    send_after_commit(db.session(), mail)
