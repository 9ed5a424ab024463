"""When demo data may be (re)loaded: into an empty database, or on request when no real orders exist."""

from __future__ import annotations

from sqlalchemy import func, select

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.demo.hooks import hooks
from storefront.extensions import db
from storefront.ordering.models import Order

#: Every demo account and demo order address ends with this.
DEMO_EMAIL_SUFFIX = "@demo.kuajing.example"


def database_is_empty() -> bool:
    """No users and no products: nothing seeding could overwrite."""
    users = db.session.scalar(select(func.count(User.id)))
    products = db.session.scalar(select(func.count(Product.id)))
    return not users and not products


def _not_demo(email_column):
    return ~func.lower(email_column).endswith(DEMO_EMAIL_SUFFIX)


def real_order_count() -> int:
    """Orders placed by anyone but the demo accounts: goods orders, plus what each registered counter
    (the services marketplace's service orders) reports."""
    goods = db.session.scalar(select(func.count(Order.id)).where(_not_demo(Order.email)))
    return (goods or 0) + sum(count(DEMO_EMAIL_SUFFIX) for count in hooks().real_order_counters)


class SeedRefused(RuntimeError):
    """Seeding would overwrite live data."""


def check_seed_allowed(reset_demo: bool) -> bool:
    """True to seed: always into an empty database; over existing data only with ``reset_demo`` and no
    real orders (else :class:`SeedRefused`); False when the database holds data and no reset was asked."""
    if database_is_empty():
        return True
    if not reset_demo:
        return False
    if (count := real_order_count()) > 0:
        raise SeedRefused(f"{count} real (non-demo) orders exist: refusing to reset the demo data over them")
    return True
