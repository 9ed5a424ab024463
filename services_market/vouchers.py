"""Government vouchers: issue batches, check eligibility, redeem once (conditional UPDATE), release."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from services_market.constants import CATEGORIES
from services_market.order_models import ServiceOrder
from services_market.util import aware, now
from services_market.voucher_models import Voucher, VoucherBatch, VoucherKind
from storefront.accounts.models import FilingStatus, Merchant
from storefront.catalog.taxonomy import City, Cluster
from storefront.core import audit
from storefront.extensions import db

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#: Most vouchers one batch may hold.
MAX_BATCH = 5000


class VoucherError(ValueError):
    """A voucher that cannot be used; ``message`` is translatable, ``code`` is machine-readable."""

    def __init__(self, code: str, message) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


@dataclass
class BatchData:
    """A batch as the operator types it."""

    name: str = ""
    funder: str = ""
    kind: str = VoucherKind.AMOUNT
    amount_fen: int | None = None
    categories: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    clusters: list[str] = field(default_factory=list)
    expires_on: date | None = None
    note: str = ""
    #: Codes not tied to a merchant (handed out by the funder).
    quantity: int = 0
    #: Also give one voucher to every approved merchant the rules admit.
    assign_eligible: bool = False


def check_batch(data: BatchData, today: date | None = None) -> dict[str, object]:
    """Field → message for every rule the batch breaks."""
    errors: dict[str, object] = {}
    if not data.name.strip():
        errors["name"] = _l("Give the batch a name.")
    if data.kind not in (VoucherKind.AMOUNT, VoucherKind.FULL):
        errors["kind"] = _l("Choose what the vouchers cover.")
    elif data.kind == VoucherKind.AMOUNT and not (data.amount_fen and data.amount_fen > 0):
        errors["amount"] = _l("Enter the value of each voucher.")
    if any(c not in CATEGORIES for c in data.categories):
        errors["categories"] = _l("Choose service categories from the list.")
    if data.cities and len(db.session.scalars(select(City.slug).where(City.slug.in_(data.cities))).all()) != len(
        set(data.cities)
    ):
        errors["cities"] = _l("Choose cities from the list.")
    if data.clusters and len(
        db.session.scalars(select(Cluster.slug).where(Cluster.slug.in_(data.clusters))).all()
    ) != len(set(data.clusters)):
        errors["clusters"] = _l("Choose industry clusters from the list.")
    if data.expires_on is None or data.expires_on < (today or _local_today()):
        errors["expires_on"] = _l("Enter an expiry date from today on.")
    if not 0 <= data.quantity <= MAX_BATCH:
        errors["quantity"] = _l("Enter a number of codes from 0 to %(max)s.", max=MAX_BATCH)
    elif data.quantity == 0 and not data.assign_eligible:
        errors["quantity"] = _l("Issue some codes, or give one voucher to every eligible merchant.")
    return errors


def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Asia/Shanghai"))


def _local_today() -> date:
    return now().astimezone(_tz()).date()


def end_of_day(day: date) -> datetime:
    """The moment a voucher valid through ``day`` (platform time zone) expires, in UTC."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=_tz()).astimezone(UTC)


def new_code() -> str:
    """A fresh voucher code, e.g. GV-7Q4X-K2MP."""
    for _attempt in range(20):
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        code = f"GV-{raw[:4]}-{raw[4:]}"
        if not db.session.scalar(select(func.count()).select_from(Voucher).where(Voucher.code == code)):
            return code
    raise RuntimeError("could not find a free voucher code")


def normalize_code(text: str | None) -> str:
    """A code as typed ('gv 7q4x k2mp') → canonical form."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(cleaned) == 10 and cleaned.startswith("GV"):
        return f"GV-{cleaned[2:6]}-{cleaned[6:]}"
    return (text or "").strip().upper()[:20]


def eligible_merchants(batch: VoucherBatch) -> list[Merchant]:
    """Approved merchants the batch's city and cluster rules admit."""
    stmt = select(Merchant).where(Merchant.status == FilingStatus.APPROVED.value)
    if batch.cities:
        stmt = stmt.where(Merchant.city_slug.in_(batch.cities))
    if batch.clusters:
        stmt = stmt.where(Merchant.cluster_id.in_(select(Cluster.id).where(Cluster.slug.in_(batch.clusters))))
    return list(db.session.scalars(stmt.order_by(Merchant.id)))


def issue_batch(data: BatchData, operator) -> VoucherBatch:
    """Create a batch and its vouchers (flushes); audited."""
    if check_batch(data):
        raise VoucherError("invalid", _l("The batch has errors."))
    batch = VoucherBatch(
        name=data.name.strip(),
        funder=data.funder.strip(),
        kind=data.kind,
        amount_fen=data.amount_fen if data.kind == VoucherKind.AMOUNT else None,
        categories=[c for c in CATEGORIES if c in set(data.categories)],
        cities=sorted(set(data.cities)),
        clusters=sorted(set(data.clusters)),
        expires_at=end_of_day(data.expires_on),
        note=data.note.strip(),
        created_by_id=getattr(operator, "id", None),
    )
    db.session.add(batch)
    db.session.flush()
    owners: list[int | None] = [None] * data.quantity
    if data.assign_eligible:
        owners += [m.id for m in eligible_merchants(batch)]
    for merchant_id in owners:
        db.session.add(Voucher(batch_id=batch.id, code=new_code(), merchant_id=merchant_id, amount_fen=0))
        db.session.flush()
    audit.record(
        operator,
        "voucher.issue",
        batch,
        None,
        {
            **audit.snapshot(
                batch,
                "name",
                "funder",
                "kind",
                "amount_fen",
                "categories",
                "cities",
                "clusters",
                "expires_at",
            ),
            "vouchers": len(owners),
        },
    )
    return batch


def is_expired(batch: VoucherBatch, at: datetime | None = None) -> bool:
    """True once the batch's expiry moment has passed."""
    return aware(batch.expires_at) <= (at or now())


def merchant_admitted(batch: VoucherBatch, merchant: Merchant) -> bool:
    """True when the batch's city and cluster rules admit the merchant."""
    if batch.cities and merchant.city_slug not in batch.cities:
        return False
    if batch.clusters and (merchant.cluster is None or merchant.cluster.slug not in batch.clusters):
        return False
    return merchant.status == FilingStatus.APPROVED.value


def check_usable(voucher: Voucher, merchant: Merchant, category: str | None, at: datetime | None = None) -> None:
    """Raise :class:`VoucherError` unless the merchant may use the voucher now for a service of the category
    (None: any category)."""
    batch = voucher.batch
    if voucher.redeemed_at is not None:
        raise VoucherError("used", _l("This voucher has already been used."))
    if is_expired(batch, at):
        raise VoucherError("expired", _l("This voucher has expired."))
    if voucher.merchant_id is not None and voucher.merchant_id != merchant.id:
        raise VoucherError("not_yours", _l("This voucher was issued to another company."))
    if not merchant_admitted(batch, merchant):
        raise VoucherError("not_eligible", _l("Your company is not eligible for this voucher."))
    if category is not None and batch.categories and category not in batch.categories:
        raise VoucherError("category", _l("This voucher cannot be used for this kind of service."))


def find(code: str) -> Voucher:
    """A voucher by code (as typed), or :class:`VoucherError`."""
    voucher = db.session.scalars(select(Voucher).where(Voucher.code == normalize_code(code))).first()
    if voucher is None:
        raise VoucherError("unknown", _l("There is no voucher with this code."))
    return voucher


def usable_vouchers(merchant: Merchant, category: str | None = None) -> list[Voucher]:
    """Vouchers assigned to the merchant that it could use now (for the order form)."""
    stmt = (
        select(Voucher)
        .join(Voucher.batch)
        .where(Voucher.merchant_id == merchant.id, Voucher.redeemed_at.is_(None), VoucherBatch.expires_at > now())
        .order_by(VoucherBatch.expires_at, Voucher.id)
    )
    out = []
    for voucher in db.session.scalars(stmt):
        try:
            check_usable(voucher, merchant, category)
        except VoucherError:
            continue
        out.append(voucher)
    return out


def value_for(voucher: Voucher, price_fen: int) -> int:
    """What the voucher covers of a price (fen)."""
    batch = voucher.batch
    return price_fen if batch.kind == VoucherKind.FULL else min(batch.amount_fen or 0, price_fen)


def redeem(voucher: Voucher, order: ServiceOrder, merchant: Merchant) -> None:
    """Mark the voucher used for the order, once: a conditional UPDATE that only one transaction can win."""
    result = db.session.execute(
        update(Voucher)
        .where(Voucher.id == voucher.id, Voucher.redeemed_at.is_(None))
        .values(
            redeemed_at=now(),
            redeemed_merchant_id=merchant.id,
            service_order_id=order.id,
            amount_fen=order.voucher_fen,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.expire(voucher)
    if result.rowcount != 1:
        raise VoucherError("used", _l("This voucher has already been used."))


def release(order: ServiceOrder) -> Voucher | None:
    """Give the voucher of a declined or cancelled order back (usable again until it expires)."""
    voucher = voucher_of(order)
    if voucher is None:
        return None
    db.session.execute(
        update(Voucher)
        .where(Voucher.id == voucher.id, Voucher.service_order_id == order.id)
        .values(redeemed_at=None, redeemed_merchant_id=None, service_order_id=None, amount_fen=0)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(voucher)
    return voucher


def voucher_of(order: ServiceOrder) -> Voucher | None:
    """The voucher redeemed for an order, if any."""
    return db.session.scalars(select(Voucher).where(Voucher.service_order_id == order.id)).first()


def batches() -> list[VoucherBatch]:
    """Every batch, newest first."""
    return list(
        db.session.scalars(select(VoucherBatch).order_by(VoucherBatch.created_at.desc(), VoucherBatch.id.desc()))
    )


def vouchers_of(batch_id: int) -> list[Voucher]:
    """A batch's vouchers, by code."""
    return list(db.session.scalars(select(Voucher).where(Voucher.batch_id == batch_id).order_by(Voucher.id)))
