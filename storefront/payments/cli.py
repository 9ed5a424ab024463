"""``flask payments …``: reconcile with the gateway, check the ledger."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from storefront.extensions import db
from storefront.ledger.check import check
from storefront.payments.current_gateway import get_gateway
from storefront.payments.gateway import GatewayError
from storefront.payments.reconcile import reconcile


@click.group("payments")
def payments_group():
    """Payment integrity jobs."""


@payments_group.command("reconcile")
@click.option("--days", default=None, type=click.IntRange(0, 90), help="Look back this many days (default 3).")
@with_appcontext
def reconcile_command(days: int | None):
    """Settle card payments that succeeded at Stripe but are not marked here (e.g. after a crash)."""
    try:
        report = reconcile(days if days is not None else current_app.config["PAYMENTS_RECONCILE_DAYS"])
        db.session.commit()
    except GatewayError as exc:
        db.session.rollback()
        raise click.ClickException(f"the gateway cannot be reached: {exc}") from exc
    for ref, outcome in report.settled:
        click.echo(f"settled {ref}: {outcome}")
    for ref, reason in report.rejected:
        click.echo(f"rejected {ref}: {reason}")
    click.echo(
        f"{report.seen} intent(s) at the gateway, {report.matched} ours, {len(report.settled)} settled, "
        f"{len(report.rejected)} rejected, {len(report.unmatched)} not ours"
    )


@payments_group.command("check-ledger")
@click.option("--offline", is_flag=True, help="Do not compare with Stripe (only the ledger's own balance).")
@with_appcontext
def check_ledger_command(offline: bool):
    """Prove the books balance: every transaction sums to zero, each card payment equals Stripe's figures."""

    try:
        count, problems = check(None if offline else get_gateway())
    except GatewayError as exc:
        raise click.ClickException(f"the gateway cannot be reached (try --offline): {exc}") from exc
    for problem in problems:
        click.echo(problem)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {count} ledger entries")
    click.echo(f"ledger balanced: {count} entries")
