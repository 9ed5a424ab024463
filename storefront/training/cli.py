"""``flask training remind``: queue the reminder e-mails of sessions starting within 24 hours (the mail worker
also runs it periodically, see ``setup.init_app``)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from storefront.extensions import db
from storefront.training import operations

training_group = AppGroup("training", help="Policy and training centre.")


@training_group.command("remind")
def remind_command():
    """Queue one reminder per registration for sessions starting within 24 hours (safe to run again)."""
    count = operations.remind_due()
    db.session.commit()
    click.echo(f"training: {count} reminders queued")
