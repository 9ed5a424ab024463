"""``flask services …``: the auto-completion job, the package index and the demo data."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from services_market import orders, search
from services_market.constants import AUTO_COMPLETE_DAYS, UNPAID_HOURS
from services_market.demo import seed
from storefront.extensions import db
from storefront.search import events


@click.group("services")
def services_group():
    """Service marketplace commands."""


@services_group.command("auto-complete")
@click.option(
    "--days",
    default=AUTO_COMPLETE_DAYS,
    show_default=True,
    type=click.IntRange(min=1),
    help="Days after delivery without an answer.",
)
@with_appcontext
def auto_complete_command(days: int):
    """Complete delivered orders the merchant has not answered (run daily, e.g. from cron)."""

    done = orders.auto_complete(days=days)
    db.session.commit()
    click.echo(f"services: {len(done)} order(s) completed automatically" + (f": {', '.join(done)}" if done else ""))


@services_group.command("cancel-unpaid")
@click.option(
    "--hours",
    default=UNPAID_HOURS,
    show_default=True,
    type=click.IntRange(min=1),
    help="Hours an order may wait for its card payment.",
)
@with_appcontext
def cancel_unpaid_command(hours: int):
    """Cancel service orders never paid by card and give their vouchers back (run hourly)."""

    done = orders.cancel_unpaid(hours=hours)
    db.session.commit()
    click.echo(f"services: {len(done)} unpaid order(s) cancelled" + (f": {', '.join(done)}" if done else ""))


@services_group.command("reindex")
@with_appcontext
def reindex_command():
    """Rebuild the package search index from the database (and set its index-event cursor, as
    `flask search reindex` does for every index)."""

    click.echo(f"services: indexed {events.rebuild(kind=search.KIND)} packages")


@services_group.command("seed-demo")
@with_appcontext
def seed_demo_command():
    """Load only the marketplace demo data (providers, packages, a voucher batch); safe to run twice."""

    stats = seed()
    db.session.commit()
    click.echo(", ".join(f"{k}: {v}" for k, v in stats.items()))
