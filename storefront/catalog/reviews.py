"""Listing review: products of new merchants, and changes to the customs data of live products, wait for an
operator's approval.

- A merchant's first ``LISTING_REVIEW_FIRST_N`` products (0: off) are held hidden while a *new* review is open;
  approving shows them (unless the merchant hid them), rejecting hides them by moderation with the reason (so
  the merchant can correct and appeal).
- Changing the HS code or the customs name of a public product keeps the old values live and opens a
  *customs* review with the proposal; approving applies it, rejecting drops it with a reason the merchant sees.

Operations flush; the request commits. Every decision is audited."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.catalog import moderation
from storefront.catalog import operations as ops
from storefront.catalog.models import Product
from storefront.core import audit, labels
from storefront.core.errors import CodedError
from storefront.extensions import db

#: Customs fields whose change on a live product is reviewed.
CUSTOMS_FIELDS = ("hs_code", "customs_name")
KIND_LABELS = {"new": _l("New merchant's product"), "customs": _l("Customs data change")}
labels.register("product_field", {"hs_code": _l("HS code"), "customs_name": _l("Customs name")})
labels.register("review_status", {"open": _l("Waiting for review"), "approved": _l("Approved"),
                                  "rejected": _l("Rejected")})  # fmt: skip


class ListingReview(db.Model):
    """A product (or a change to it) waiting for an operator."""

    __tablename__ = "listing_reviews"
    __table_args__ = (
        CheckConstraint("kind IN ('new', 'customs')", name="kind_known"),
        CheckConstraint("status IN ('open', 'approved', 'rejected')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    #: new (the whole product) or customs (a change of HS code / customs name).
    kind: Mapped[str] = mapped_column(String(8))
    #: open, approved or rejected.
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    #: What the merchant asked for: for new, {"hidden": bool}; for customs, the proposed field values.
    proposed: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The live values when the review opened (customs).
    previous: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The operator's reason when rejected (the merchant sees it).
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    product: Mapped[Product] = relationship(lazy="joined")


class ReviewError(CodedError):
    """A review decision that cannot be taken."""

    MESSAGES = {
        "decided": _l("This review has already been decided."),
        "reason": _l("Give a reason the merchant will see."),
        "waiting": _l("This product waits for the platform's review; it is shown once approved."),
    }


def open_review(product: Product, kind: str | None = None) -> ListingReview | None:
    """The product's open review (of a kind)."""
    stmt = select(ListingReview).where(ListingReview.product_id == product.id, ListingReview.status == "open")
    if kind:
        stmt = stmt.where(ListingReview.kind == kind)
    return db.session.scalars(stmt).first()


def hold_first_products(merchant_id: int) -> int:
    """Hold the merchant's first ``LISTING_REVIEW_FIRST_N`` products (0: off) that were never reviewed: each
    is hidden until an operator approves it. Called after a product is created (form or spreadsheet)."""
    first_n = int(current_app.config.get("LISTING_REVIEW_FIRST_N", 0) or 0)
    if first_n <= 0:
        return 0
    first = select(Product).where(Product.merchant_id == merchant_id).order_by(Product.id).limit(first_n)
    reviewed = set(db.session.scalars(select(ListingReview.product_id).where(ListingReview.kind == "new")))
    held = 0
    for product in db.session.scalars(first):
        if product.id in reviewed:
            continue
        db.session.add(ListingReview(product_id=product.id, kind="new", proposed={"hidden": bool(product.hidden)}))
        product.hidden = True
        held += 1
    db.session.flush()
    return held


def prepare_update(product: Product, data: ops.ProductInput) -> ops.ProductInput:
    """Before a merchant's update: a product held for review stays hidden (the wish is kept for approval);
    on a public product a changed HS code or customs name stays as it is and goes into a customs review.
    Returns the input to apply now (flushes the review)."""
    data = data.normalized()
    held = open_review(product, "new")
    if held is not None:
        held.proposed = {**held.proposed, "hidden": bool(data.hidden)}
        data = dataclasses.replace(data, hidden=True)
    changes = {k: getattr(data, k) for k in CUSTOMS_FIELDS if getattr(data, k) != getattr(product, k)}
    if changes and product.is_public:
        review = open_review(product, "customs")
        if review is None:
            review = ListingReview(
                product_id=product.id, kind="customs", previous={k: getattr(product, k) for k in CUSTOMS_FIELDS}
            )
            db.session.add(review)
        review.proposed = {**(review.proposed or {}), **changes}
        data = dataclasses.replace(data, **{k: getattr(product, k) for k in changes})
    db.session.flush()
    return data


def create_for_merchant(merchant, data: ops.ProductInput) -> Product:
    """A merchant adds a product (back-office form, REST API): checked and added, then held for review while the
    merchant is new (raises ``ops.ProductError``)."""
    product = ops.create_product(merchant, data)
    hold_first_products(merchant.id)
    return product


def update_for_merchant(product: Product, data: ops.ProductInput) -> bool:
    """A merchant changes a product (back-office form, REST API): a held product stays hidden, a customs change
    of a live product goes to review (:func:`prepare_update`); True when anything changed now."""
    return ops.update_product(product, prepare_update(product, data))


def check_visibility(product: Product, hidden: bool) -> None:
    """A product held for review cannot be shown by its merchant (ReviewError)."""
    if not hidden and open_review(product, "new") is not None:
        raise ReviewError("waiting")


def approve(review: ListingReview, operator) -> None:
    """Approve: a new product is shown (unless its merchant hid it); a customs change is applied."""
    if review.status != "open":
        raise ReviewError("decided")
    product = review.product
    before = audit.snapshot(product, "hidden", *CUSTOMS_FIELDS)
    if review.kind == "new":
        if not product.moderation_reason:
            product.hidden = bool(review.proposed.get("hidden", False))
    else:
        for key, value in review.proposed.items():
            if key in CUSTOMS_FIELDS:
                setattr(product, key, value)
    review.status, review.decided_at, review.decided_by_id = "approved", datetime.now(UTC), operator.id
    db.session.flush()
    audit.record(operator, "listing.approve", product, before, audit.snapshot(product, "hidden", *CUSTOMS_FIELDS))


def reject(review: ListingReview, operator, reason: str) -> None:
    """Reject with a reason: a new product is hidden by moderation (the merchant can correct and appeal); a
    customs change is dropped."""
    reason = (reason or "").strip()
    if review.status != "open":
        raise ReviewError("decided")
    if not reason:
        raise ReviewError("reason")
    review.status, review.reason = "rejected", reason[:2000]
    review.decided_at, review.decided_by_id = datetime.now(UTC), operator.id
    db.session.flush()
    audit.record(operator, "listing.reject", review.product, None, {"kind": review.kind, "reason": reason})
    if review.kind == "new":
        moderation.hide(review.product, operator, reason)


def queue(limit: int = 200) -> list[ListingReview]:
    """Open reviews, oldest first."""
    stmt = select(ListingReview).where(ListingReview.status == "open").order_by(ListingReview.id).limit(limit)
    return list(db.session.scalars(stmt))


def reviews_of(product: Product) -> list[ListingReview]:
    """A product's reviews, newest first."""
    stmt = select(ListingReview).where(ListingReview.product_id == product.id).order_by(ListingReview.id.desc())
    return list(db.session.scalars(stmt))
