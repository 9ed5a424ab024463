"""Service order workflow: place (card and/or voucher), the transitions, refunds and the auto-completion job.

Every change goes through :func:`transition`, which moves the status with a compare-and-set UPDATE (two
clicks or two workers cannot both win), records an event and e-mails the other side. Operations flush,
never commit.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select, update

from services_market import conversation, files, mail, order_money, vouchers
from services_market.constants import (
    AUTO_COMPLETE_DAYS,
    MAX_FILES_PER_POST,
    MAX_TEXT,
    TRANSITIONS,
    UNPAID_HOURS,
    Action,
    OrderStatus,
    Party,
)
from services_market.models import Package, Provider, Tier
from services_market.order_models import ServiceFile, ServiceOrder, ServiceOrderEvent
from services_market.util import now
from services_market.voucher_models import Voucher
from storefront.accounts import team
from storefront.accounts.models import Merchant, Role, User
from storefront.extensions import db
from storefront.ordering.numbers import ALPHABET

PLACED = "placed"


class OrderError(ValueError):
    """A workflow step the rules refuse; ``message`` is translatable."""

    def __init__(self, code: str, message) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


def new_number(at: datetime | None = None) -> str:
    """A fresh service order number, e.g. SV-2611-7Q4XK."""
    stamp = (at or now()).strftime("%y%m")
    for _attempt in range(20):
        candidate = f"SV-{stamp}-{''.join(secrets.choice(ALPHABET) for _ in range(5))}"
        if not db.session.scalar(
            select(func.count()).select_from(ServiceOrder).where(ServiceOrder.number == candidate)
        ):
            return candidate
    raise RuntimeError("could not find a free service order number")


# access -------------------------------------------------------------------------------------------


def party_of(order: ServiceOrder, user) -> Party | None:
    """Which side of the order a user is on (None: neither)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if order.merchant.owner_id == user.id or team.company_of(user, team.Side.MERCHANT) == order.merchant_id:
        return Party.MERCHANT  # the company's owner or its staff
    if order.provider.owner_id == user.id or team.company_of(user, team.Side.PROVIDER) == order.provider_id:
        return Party.PROVIDER
    if user.has_role(Role.OPERATOR.value):
        return Party.OPERATOR
    return None


def order_for(number: str, user) -> tuple[ServiceOrder, Party]:
    """An order fetched with the ownership condition (merchant owner, provider owner, operator), or 404."""
    stmt = select(ServiceOrder).where(ServiceOrder.number == number)
    if not user.has_role(Role.OPERATOR.value):
        stmt = (
            stmt.join(Merchant, Merchant.id == ServiceOrder.merchant_id)
            .join(Provider, Provider.id == ServiceOrder.provider_id)
            .where(
                or_(
                    Merchant.owner_id == user.id,
                    Provider.owner_id == user.id,
                    Merchant.id == team.company_of(user, team.Side.MERCHANT),
                    Provider.id == team.company_of(user, team.Side.PROVIDER),
                )
            )
        )
    order = db.session.scalars(stmt).first()
    if order is None:
        abort(404)
    return order, party_of(order, user)


def orders_of(user, party: Party, status: str | None = None) -> list[ServiceOrder]:
    """The user's orders as buyer (merchant) or seller (provider), newest first."""
    if party == Party.MERCHANT:
        staff = team.company_of(user, team.Side.MERCHANT)
        owner = select(Merchant.id).where(or_(Merchant.owner_id == user.id, Merchant.id == staff))
        stmt = select(ServiceOrder).where(ServiceOrder.merchant_id.in_(owner))
    else:
        staff = team.company_of(user, team.Side.PROVIDER)
        owner = select(Provider.id).where(or_(Provider.owner_id == user.id, Provider.id == staff))
        stmt = select(ServiceOrder).where(ServiceOrder.provider_id.in_(owner), ServiceOrder.paid_at.is_not(None))
    if status:
        stmt = stmt.where(ServiceOrder.status == status)
    return list(db.session.scalars(stmt.order_by(ServiceOrder.created_at.desc(), ServiceOrder.id.desc())))


#: Actions that never get a plain button: system-only ones, and ``deliver`` (its own upload form).
BUTTONLESS = frozenset({Action.PAY, Action.AUTO_COMPLETE, Action.DELIVER})


def allowed_actions(order: ServiceOrder, party: Party | None) -> list[Action]:
    """Actions the party may take on the order now with a plain button (``deliver`` has its own form with the
    files, so it is not one of them: a second "deliver" button posting to the action route would 404)."""
    out = []
    for action, (sources, _to, parties) in TRANSITIONS.items():
        if party in parties and order.status in sources and action not in BUTTONLESS:
            if action == Action.REVISE and order.revisions_left <= 0:
                continue
            out.append(action)
    return out


# placing ------------------------------------------------------------------------------------------


def place_order(
    buyer: User,
    merchant: Merchant,
    package: Package,
    level: str,
    brief: str,
    attachments: list[files.Attachment] = (),
    voucher_code: str | None = None,
) -> ServiceOrder:
    """Order a tier: the voucher (if any) is redeemed at once; what it does not cover is paid by card."""
    tier, brief = _checked_request(buyer, merchant, package, level, brief, attachments)
    voucher, voucher_fen = _voucher_for(voucher_code, merchant, package, tier)
    card_fen = tier.price_fen - voucher_fen
    status = OrderStatus.PENDING_PAYMENT if card_fen else OrderStatus.REQUESTED
    order = ServiceOrder(
        number=new_number(),
        package_id=package.id,
        tier_id=tier.id,
        provider_id=package.provider_id,
        merchant_id=merchant.id,
        buyer_id=buyer.id,
        status=status.value,
        category=package.category,
        titles={k: t.title for k, t in package.texts.items()},
        tier_level=tier.level,
        delivery_days=tier.delivery_days,
        revisions_allowed=tier.revisions,
        revisions_used=0,
        price_fen=tier.price_fen,
        voucher_fen=voucher_fen,
        card_fen=card_fen,
        brief=brief,
        refund_state="",
        paid_at=None if card_fen else now(),
    )
    db.session.add(order)
    db.session.flush()
    if voucher is not None:
        vouchers.redeem(voucher, order, merchant)
    for attachment in attachments:
        save_file(order, buyer, attachment, "brief")
    note = voucher.code if voucher is not None else ""
    _record(order, PLACED, "", status.value, buyer, Party.MERCHANT, note)
    if status == OrderStatus.REQUESTED:
        mail.order_event(order, PLACED, Party.MERCHANT, note="")
    return order


def _checked_request(
    buyer: User, merchant: Merchant, package: Package, level: str, brief: str, attachments: list[files.Attachment]
) -> tuple[Tier, str]:
    """The ordered tier and the trimmed brief, once the ordering rules hold (raises OrderError)."""
    if merchant.owner_id != buyer.id or not merchant.is_approved:
        raise OrderError("not_allowed", _l("Only an approved merchant company can order services."))
    if not package.is_public:
        raise OrderError("unavailable", _l("This package is not available."))
    tier = package.tier(level)
    if tier is None:
        raise OrderError("tier", _l("Choose one of the package's tiers."))
    brief = (brief or "").strip()
    if not brief:
        raise OrderError("brief", _l("Describe what you need: the provider starts from your brief."))
    if len(brief) > MAX_TEXT or len(attachments) > MAX_FILES_PER_POST:
        raise OrderError("brief", _l("The brief is too long or has too many files."))
    return tier, brief


def _voucher_for(
    voucher_code: str | None, merchant: Merchant, package: Package, tier: Tier
) -> tuple[Voucher | None, int]:
    """The voucher the buyer entered (checked usable) and what it covers of the tier's price, in fen."""
    if not voucher_code:
        return None, 0
    voucher = vouchers.find(voucher_code)
    vouchers.check_usable(voucher, merchant, package.category)
    return voucher, vouchers.value_for(voucher, tier.price_fen)


def save_file(
    order: ServiceOrder,
    user,
    attachment: files.Attachment,
    purpose: str,
    delivery_round: int = 0,
) -> ServiceFile:
    """Store a checked attachment for an order (flushes)."""
    row = ServiceFile(
        order_id=order.id,
        purpose=purpose,
        delivery_round=delivery_round,
        uploaded_by_id=getattr(user, "id", None),
        original_name=attachment.original_name,
        stored_name=files.write(attachment),
        content_type=attachment.kind.content_type,
        size=attachment.size,
        sha256=attachment.sha256,
    )
    db.session.add(row)
    db.session.flush()
    return row


# transitions --------------------------------------------------------------------------------------


def _record(
    order: ServiceOrder, action: str, from_status: str, to_status: str, user, party: Party, note: str = ""
) -> ServiceOrderEvent:
    event = ServiceOrderEvent(
        order_id=order.id,
        action=action,
        from_status=from_status,
        to_status=to_status,
        actor_id=getattr(user, "id", None),
        party=party.value,
        note=note[:MAX_TEXT],
    )
    db.session.add(event)
    db.session.flush()
    return event


def transition(order: ServiceOrder, action: Action, user, party: Party, note: str = "") -> ServiceOrderEvent:
    """Move the order by an action if the party may take it from the current state; records and notifies."""
    sources, target, parties = TRANSITIONS[action]
    if party not in parties:
        raise OrderError("forbidden", _l("You cannot do this on this order."))
    current = order.status
    if current not in sources:
        raise OrderError("state", _l("The order has moved on; reload the page."))
    if action == Action.REVISE and order.revisions_left <= 0:
        raise OrderError("no_revisions", _l("No revisions are left in this tier."))
    result = db.session.execute(
        update(ServiceOrder)
        .where(ServiceOrder.id == order.id, ServiceOrder.status == current)
        .values(status=target.value, updated_at=func.now())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise OrderError("state", _l("The order has moved on; reload the page."))
    db.session.expire(order, ["status", "updated_at"])
    _side_effects(order, action)
    event = _record(order, action.value, current, target.value, user, party, (note or "").strip())

    mail.order_event(order, action.value, party, note=event.note)
    return event


def _side_effects(order: ServiceOrder, action: Action) -> None:
    at = now()
    if action == Action.PAY:
        order.paid_at = at
        conversation.on_paid(order)  # the provider joins a thread the merchant started before paying
    elif action == Action.ACCEPT:
        order.accepted_at, order.due_at = at, at + timedelta(days=order.delivery_days)
    elif action in (Action.DECLINE, Action.CANCEL):
        refund(order)
    elif action == Action.DELIVER:
        order.delivered_at = at
    elif action == Action.REVISE:
        order.revisions_used += 1
    elif action in (Action.APPROVE, Action.AUTO_COMPLETE):
        order.completed_at = at
        order_money.post_subsidy(order)  # the voucher budget pays the provider its voucher part
        db.session.execute(
            update(Package).where(Package.id == order.package_id).values(completed_count=Package.completed_count + 1)
        )
    db.session.flush()


def refund(order: ServiceOrder) -> None:
    """Give back what was paid: the voucher becomes usable again; card money is marked due for refund."""
    vouchers.release(order)
    if order.card_fen and order.paid_at is not None:
        order.refund_state = "due"
        order_money.refund(order)


def delivery_round(order: ServiceOrder) -> int:
    """Number of the next delivery (1, then 2 after a revision, …)."""
    done = db.session.scalar(select(func.max(ServiceFile.delivery_round)).where(ServiceFile.order_id == order.id))
    return (done or 0) + 1


def deliver(
    order: ServiceOrder, user, party: Party, note: str, attachments: list[files.Attachment]
) -> ServiceOrderEvent:
    """The provider uploads the deliverables (at least one file) and marks the order delivered."""
    if party != Party.PROVIDER:
        raise OrderError("forbidden", _l("You cannot do this on this order."))
    if not attachments:
        raise OrderError("files", _l("Attach the deliverables (at least one file)."))
    if len(attachments) > MAX_FILES_PER_POST:
        raise OrderError("files", _l("Attach at most %(n)s files at a time.", n=MAX_FILES_PER_POST))
    if order.status not in TRANSITIONS[Action.DELIVER][0]:
        raise OrderError("state", _l("The order has moved on; reload the page."))
    round_no = delivery_round(order)
    for attachment in attachments:
        save_file(order, user, attachment, "delivery", delivery_round=round_no)
    return transition(order, Action.DELIVER, user, party, note)


def auto_complete(at: datetime | None = None, days: int = AUTO_COMPLETE_DAYS) -> list[str]:
    """Complete delivered orders the merchant has not answered for ``days`` days; returns their numbers."""
    cutoff = (at or now()) - timedelta(days=days)
    stmt = (
        select(ServiceOrder)
        .where(ServiceOrder.status == OrderStatus.DELIVERED.value, ServiceOrder.delivered_at <= cutoff)
        .order_by(ServiceOrder.id)
    )
    done = []
    for order in db.session.scalars(stmt).all():
        try:
            transition(order, Action.AUTO_COMPLETE, None, Party.SYSTEM)
        except OrderError:
            continue  # answered meanwhile
        done.append(order.number)
    return done


def cancel_unpaid(at: datetime | None = None, hours: int = UNPAID_HOURS) -> list[str]:
    """Cancel orders still waiting for their card payment after ``hours`` (their vouchers come back)."""
    cutoff = (at or now()) - timedelta(hours=hours)
    stmt = (
        select(ServiceOrder)
        .where(ServiceOrder.status == OrderStatus.PENDING_PAYMENT.value, ServiceOrder.created_at <= cutoff)
        .order_by(ServiceOrder.id)
    )
    done = []
    for order in db.session.scalars(stmt).all():
        try:
            transition(order, Action.CANCEL, None, Party.SYSTEM)
        except OrderError:
            continue  # paid meanwhile
        done.append(order.number)
    return done


def files_of(order: ServiceOrder, purpose: str | None = None) -> list[ServiceFile]:
    """An order's files, oldest first."""
    stmt = select(ServiceFile).where(ServiceFile.order_id == order.id)
    if purpose:
        stmt = stmt.where(ServiceFile.purpose == purpose)
    return list(db.session.scalars(stmt.order_by(ServiceFile.id)))


def file_of(order: ServiceOrder, file_id: int) -> ServiceFile:
    """One file of the order (fetched with the order condition), or 404."""
    stmt = select(ServiceFile).where(ServiceFile.id == file_id, ServiceFile.order_id == order.id)
    return db.session.scalars(stmt).first() or abort(404)
