"""Flask CLI commands: seed-demo, create-operator, translate, search, doctor."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from storefront import search
from storefront.accounts import operations as ops
from storefront.accounts.models import Role
from storefront.accounts.passwords import password_problem
from storefront.catalog.cli import catalog_group
from storefront.clearance.cli import clearance_group
from storefront.config import ROOT
from storefront.core import mail, periodic
from storefront.core.po_fill import fill, missing
from storefront.demo.guard import SeedRefused, check_seed_allowed
from storefront.demo.seed import seed_demo
from storefront.doctor import diagnose, report
from storefront.extensions import db
from storefront.ordering.cli import orders_group
from storefront.payments.cli import payments_group
from storefront.search import events, kinds


@click.command("seed-demo")
@click.option(
    "--reset-demo", is_flag=True, help="Re-apply the demo over existing data (refused when real orders exist)."
)
@with_appcontext
def seed_demo_command(reset_demo: bool):
    """Load the demo data into an empty database (or, with --reset-demo, again over demo-only data)."""

    try:
        allowed = check_seed_allowed(reset_demo)
    except SeedRefused as exc:
        raise click.ClickException(str(exc)) from None
    if not allowed:
        click.echo("database already holds data: demo data left alone (use --reset-demo to re-apply it)")
        return
    stats = seed_demo()
    db.session.commit()
    click.echo(", ".join(f"{k}: {v}" for k, v in stats.items()))


@click.command("create-operator")
@click.argument("email")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True, envvar="OPERATOR_PASSWORD")
@click.option("--name", default="Operator")
@with_appcontext
def create_operator_command(email: str, password: str, name: str):
    """Create a platform operator account (or promote an existing user)."""

    user = ops.find_user(email)
    if (problem := password_problem(password, email=email, name=name)) is not None:
        raise click.BadParameter(str(problem), param_hint="--password")
    if user is None:
        user = ops.create_user(email, password, name=name, role=Role.OPERATOR.value, locale="zh")
    else:
        user.set_password(password)
        ops.change_role(user, Role.OPERATOR.value)  # ends the user's sessions: privileges changed
    db.session.commit()
    click.echo(f"operator {user.email} ready (id {user.id})")


@click.group("translate")
def translate_group():
    """Translation commands wrapping pybabel."""


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)  # noqa: S603


@translate_group.command("update")
def translate_update():
    """Extract messages and update every catalogue."""
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "-o", "translations/messages.pot", ".")
    _pybabel("update", "-i", "translations/messages.pot", "-d", "translations", "--no-fuzzy-matching")


@translate_group.command("compile")
def translate_compile():
    """Compile .po files to .mo."""
    _pybabel("compile", "-d", "translations")


@translate_group.command("init")
@click.argument("lang")
def translate_init(lang: str):
    """Start a new language."""
    _pybabel("init", "-i", "translations/messages.pot", "-d", "translations", "-l", lang)


@translate_group.command("missing")
@click.argument("lang")
def translate_missing(lang: str):
    """Print the msgids LANG lacks as JSON ({msgid: ""}, plural: a list), to fill in and pass to `fill`."""
    click.echo(json.dumps(missing(ROOT / "translations", lang), ensure_ascii=False, indent=1))


@translate_group.command("fill")
@click.argument("lang")
@click.argument("json_file", type=click.File("rb"))
def translate_fill(lang: str, json_file):
    """Write translations from a JSON file ({msgid: msgstr or [plural forms]}) into LANG's catalogue."""
    try:
        updated, appended = fill(ROOT / "translations", lang, json.load(json_file))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{lang}: {updated} updated, {appended} added")


@click.group("search")
def search_group():
    """Search index commands (the product index and every other registered index, e.g. service packages)."""


@search_group.command("reindex")
@click.option("--kind", default=None, help="Only this index (products, packages); default: every index.")
@with_appcontext
def search_reindex(kind: str | None):
    """Build complete new indexes from the database and swap them in (searches keep working meanwhile).

    Run it on every node when it is deployed: the indexes then follow the index events from the newest one."""
    for name in [kind] if kind else list(kinds.states()):
        if name not in kinds.states():
            raise click.BadParameter(f"no index named {name!r}", param_hint="--kind")
        started = time.perf_counter()
        count = events.rebuild(kind=name)
        elapsed = time.perf_counter() - started
        click.echo(f"search: indexed {count} {name} in {elapsed:.1f} s ({count / max(elapsed, 1e-9):.0f} {name}/s)")


@search_group.command("status")
@with_appcontext
def search_status():
    """Show where the product index is, how many products it holds and how far each index is behind."""
    click.echo(f"{current_app.config['SEARCH_DIR']}: {search.get_index().doc_count()} products")
    for name, lag in events.lag_by_kind().items():
        if lag["built"]:
            click.echo(f"{name}: behind the database by {lag['events']} index events ({lag['seconds']} s)")
        else:
            click.echo(f"{name}: never built on this node: run `flask search reindex`")


@search_group.command("follow")
@click.option("--once", is_flag=True, help="Apply what is pending and exit.")
@click.option("--interval", default=1.0, show_default=True, help="Seconds between checks.")
@with_appcontext
def search_follow(once: bool, interval: float):
    """Keep this node's indexes current from the index events (an index never built here is built first).

    An index update that fails is retried at the next check (its cursor stays where it was)."""
    while True:
        try:
            applied = events.catch_up()
            while applied:
                applied = events.catch_up()
        except Exception as exc:  # logged by catch_up; the next round retries from the cursors
            if once:
                raise click.ClickException(f"search: catching up failed ({type(exc).__name__}): {exc}") from exc
        finally:
            db.session.remove()
        if once:
            cursors = ", ".join(f"{name} {events.read_cursor(kind=name)}" for name in kinds.states())
            click.echo(f"search: up to date with events ({cursors})")
            return
        time.sleep(interval)  # a polling worker's pause between checks


@search_group.command("prune-events")
@click.option("--days", default=7, show_default=True, help="Keep the events of the last N days.")
@with_appcontext
def search_prune_events(days: int):
    """Delete old index events (a node further behind than this rebuilds its index when it catches up)."""
    count = events.prune(datetime.now(UTC) - timedelta(days=days))
    db.session.commit()
    click.echo(f"search: deleted {count} index events older than {days} days")


@click.group("mail")
def mail_group():
    """The mail outbox: deliver, inspect, retry."""


@mail_group.command("run")
@click.option("--once", is_flag=True, help="Deliver what is due and exit.")
@click.option("--interval", default=2.0, show_default=True, help="Seconds between passes when idle.")
@with_appcontext
def mail_run(once: bool, interval: float):
    """Deliver queued e-mail, retrying failures with backoff, and run the registered periodic jobs (training
    reminders: storefront.core.periodic); stops cleanly on SIGTERM/SIGINT."""
    stop = threading.Event()
    if not once:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_args: stop.set())
    while not stop.is_set():
        periodic.run_due()  # registered periodic jobs (e.g. training reminders) queue their mail first
        sent, failed = mail.deliver_due()
        db.session.remove()
        if sent or failed:
            click.echo(f"mail: {sent} sent, {failed} failed")
        if once:
            return
        if not sent:
            stop.wait(interval)  # idle: poll again after a pause (a busy queue is drained without one)
    click.echo("mail worker stopped")


@mail_group.command("status")
@with_appcontext
def mail_status():
    """Messages per status; exit 1 when some are dead or queued for more than 15 minutes."""
    counts = mail.counts()
    click.echo(", ".join(f"{name} {count}" for name, count in counts.items()))
    if counts["dead"] or counts["overdue"]:
        sys.exit(1)


@mail_group.command("retry")
@click.argument("ids", nargs=-1, type=int)
@with_appcontext
def mail_retry(ids: tuple[int, ...]):
    """Queue dead messages again (all of them, or these ids)."""
    count = mail.retry_dead(list(ids) or None)
    db.session.commit()
    click.echo(f"mail: {count} queued again")


@click.command("doctor")
@with_appcontext
def doctor_command():
    """Check this deployment's settings and say what is wrong in plain words (exit 1 on errors)."""
    if report(diagnose(current_app.config), click.echo):
        sys.exit(1)


def register(app: Flask) -> None:
    """Add the commands to the app's CLI."""
    for command in (
        seed_demo_command,
        create_operator_command,
        translate_group,
        search_group,
        mail_group,
        doctor_command,
    ):
        app.cli.add_command(command)

    app.cli.add_command(orders_group)

    app.cli.add_command(catalog_group)  # catalog import/export (spreadsheets)

    app.cli.add_command(payments_group)  # payments reconcile / check-ledger

    app.cli.add_command(clearance_group)  # clearance run/summarize/retry/status
