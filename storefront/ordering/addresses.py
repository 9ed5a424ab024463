"""The buyer's address book: saved delivery addresses, at most one default per country (a partial unique
index), filled into checkout; saved from checkout on request. Functions flush and never commit."""

from __future__ import annotations

from datetime import datetime

from flask import abort
from sqlalchemy import Boolean, ForeignKey, Index, String, func, select, text, update
from sqlalchemy.orm import Mapped, mapped_column

from storefront.core.timestamps import UTCDateTime
from storefront.extensions import db

#: Most addresses one account keeps.
MAX_ADDRESSES = 20
#: The fields an address shares with the checkout form (same names, same limits).
FIELDS = ("contact_name", "phone", "country", "region", "city", "postal_code", "address_line1", "address_line2")


class Address(db.Model):
    """A saved delivery address of a signed-in buyer."""

    __tablename__ = "addresses"
    __table_args__ = (
        Index(
            "uq_addresses_default_per_country", "user_id", "country", unique=True,
            sqlite_where=text("is_default"), postgresql_where=text("is_default"),
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: The buyer's own name for it ("Office", "Warehouse in Ulaanbaatar").
    label: Mapped[str] = mapped_column(String(60), default="")
    contact_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40), default="")
    #: ISO 3166-1 alpha-2, one of the shipping zones' countries.
    country: Mapped[str] = mapped_column(String(2))
    region: Mapped[str] = mapped_column(String(120), default="")
    city: Mapped[str] = mapped_column(String(120))
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    address_line1: Mapped[str] = mapped_column(String(200))
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    #: The address checkout fills in for this country (one per user and country).
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())


class AddressBookFull(ValueError):
    """The account already keeps :data:`MAX_ADDRESSES` addresses."""


def addresses_of(user) -> list[Address]:
    """A user's addresses: defaults first, then by country and newest."""
    stmt = (
        select(Address)
        .where(Address.user_id == user.id)
        .order_by(Address.is_default.desc(), Address.country, Address.id.desc())
    )
    return list(db.session.scalars(stmt))


def own(user, address_id: int) -> Address:
    """One of the user's addresses, or 404."""
    stmt = select(Address).where(Address.id == address_id, Address.user_id == user.id)
    return db.session.scalars(stmt).first() or abort(404)


def for_checkout(user, country: str | None = None) -> Address | None:
    """The address checkout fills in: the default for ``country``, else any default, else the newest."""
    rows = addresses_of(user)
    for row in rows:
        if row.is_default and row.country == country:
            return row
    return next((row for row in rows if row.is_default), rows[0] if rows else None)


def fill(form, user, chosen: str = "") -> list[Address]:
    """Fill a checkout form's delivery fields from the address book: the ``chosen`` address id (the user's own
    only), else the default for the form's country; returns the saved addresses (for the picker)."""
    rows = addresses_of(user)
    if chosen:
        address = next((row for row in rows if str(row.id) == chosen), None)
    else:
        address = for_checkout(user, form.country.data)
    if address is not None:
        for name in FIELDS:
            getattr(form, name).data = getattr(address, name)
    return rows


def make_default(address: Address) -> None:
    """Make an address the default for its country (the previous default of that country stops being one)."""
    db.session.execute(
        update(Address)
        .where(Address.user_id == address.user_id, Address.country == address.country, Address.id != address.id)
        .values(is_default=False)
        .execution_options(synchronize_session="fetch")
    )
    db.session.flush()
    address.is_default = True
    db.session.flush()


def add(user, values: dict[str, str], label: str = "", default: bool = False) -> Address:
    """Save an address; the first one of a country becomes its default. Refused beyond MAX_ADDRESSES."""
    rows = addresses_of(user)
    if len(rows) >= MAX_ADDRESSES:
        raise AddressBookFull(MAX_ADDRESSES)
    address = Address(user_id=user.id, label=(label or "").strip()[:60],
                      **{name: (values.get(name) or "").strip() for name in FIELDS})  # fmt: skip
    db.session.add(address)
    db.session.flush()
    if default or not any(row.country == address.country for row in rows):
        make_default(address)
    return address


def remember(user, values: dict[str, str]) -> Address | None:
    """Save a checkout address unless the same one is already in the book (returns the new one)."""
    wanted = {name: (values.get(name) or "").strip() for name in FIELDS}
    for row in addresses_of(user):
        if all(getattr(row, name) == value for name, value in wanted.items()):
            return None
    return add(user, wanted)


def delete(address: Address) -> None:
    """Remove an address; another of its country (the newest) becomes the default if it was one."""
    was_default, user_id, country = address.is_default, address.user_id, address.country
    db.session.delete(address)
    db.session.flush()
    if was_default:
        other = db.session.scalars(
            select(Address).where(Address.user_id == user_id, Address.country == country).order_by(Address.id.desc())
        ).first()
        if other is not None:
            make_default(other)
