"""``flask webhooks run`` — the webhook worker (started by ``tasks.py run`` and ``serve``)."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

from storefront.integrations import webhooks

webhooks_group = AppGroup("webhooks", help="Outbound webhooks.")


@webhooks_group.command("run")
@click.option("--once", is_flag=True, help="One pass, then exit.")
@click.option("--poll", default=2.0, show_default=True, help="Seconds between passes when idle.")
def run_command(once: bool, poll: float):
    """Deliver due webhook events until stopped (Ctrl+C)."""
    while True:
        stats = webhooks.deliver_due()
        if once:
            click.echo(f"delivered {stats['delivered']}, retry {stats['retry']}, dead {stats['dead']}")
            return
        if not any(stats.values()):
            time.sleep(poll)
