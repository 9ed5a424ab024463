"""``flask clearance …``: run the worker, summarise a month, retry dead letters, show the queue."""

from __future__ import annotations

import signal
import threading

import click
from flask import current_app
from flask.cli import with_appcontext

from storefront.clearance import outbox, queries, summary
from storefront.clearance.models import utcnow
from storefront.clearance.signing import SigningError, signer_kind, signing_paths, write_identity
from storefront.clearance.worker import Worker, WorkerConfigError
from storefront.extensions import db


@click.group("clearance")
def clearance_group():
    """China Customs clearance: worker, summary declarations, dead letters."""


@clearance_group.command("run")
@click.option("--once", is_flag=True, help="Do one pass (send what is due, take in receipts) and exit.")
@with_appcontext
def run_command(once: bool):
    """Send due messages through CLEARANCE_TRANSPORT and process receipts (until SIGTERM/SIGINT)."""

    try:
        worker = Worker(current_app._get_current_object())
    except (WorkerConfigError, SigningError) as exc:
        raise click.ClickException(str(exc)) from exc
    if once:
        stats = worker.run_once()
        click.echo(
            f"sent {stats.sent}, failed {stats.failed}, dead {stats.dead}, receipts {stats.receipts}, "
            f"duplicates {stats.duplicates}, quarantined {stats.quarantined}"
        )
        return
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_args: stop.set())
    click.echo(f"clearance worker {worker.token[:8]} running with the {worker.transport.name} transport")
    worker.run(stop)
    click.echo("clearance worker stopped")


@clearance_group.command("keygen")
@click.option("--kind", type=click.Choice(["sm2", "rsa"]), default=None, help="Default: CLEARANCE_SIGNER.")
@click.option("--force", is_flag=True, help="Replace an existing key pair.")
@with_appcontext
def keygen_command(kind: str | None, force: bool):
    """Write a demo signing key and self-signed certificate (never for production: use the e-port device)."""

    config = current_app.config
    kind = kind or signer_kind(config)
    if kind not in ("sm2", "rsa"):
        raise click.UsageError("CLEARANCE_SIGNER is none: give --kind sm2 or --kind rsa")
    key_path, cert_path = signing_paths(config)
    if key_path.parent != cert_path.parent:
        raise click.UsageError("CLEARANCE_SIGN_KEY and CLEARANCE_SIGN_CERT must share a directory for keygen")
    key_path, cert_path = write_identity(
        key_path.parent, kind, config.get("CLEARANCE_EBP_NAME") or "Kuajing demo", force=force
    )
    click.echo(f"{kind} key {key_path}, certificate {cert_path}")


@clearance_group.command("summarize")
@click.option("--month", required=True, help="Month of release, YYYY-MM (Beijing time).")
@with_appcontext
def summarize_command(month: str):
    """Merge the month's released, not yet summarised lists into CEB701 summary applications."""
    try:
        stats = summary.summarize(month)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--month") from exc
    db.session.commit()
    click.echo(
        f"{month}: {stats.applications} application(s), {stats.lines} declaration line(s) "
        f"from {stats.lists} list(s) / {stats.list_lines} list line(s)"
    )


@clearance_group.command("retry")
@click.argument("ids", nargs=-1, type=int)
@click.option("--all", "retry_all", is_flag=True, help="Retry every dead letter.")
@with_appcontext
def retry_command(ids: tuple[int, ...], retry_all: bool):
    """Put dead letters (by id, or --all) back in the queue."""
    if not ids and not retry_all:
        raise click.UsageError("give message ids or --all")
    count = outbox.retry(None if retry_all else list(ids), now=utcnow())
    db.session.commit()
    click.echo(f"{count} message(s) queued again")


@clearance_group.command("status")
@with_appcontext
def status_command():
    """Queue depth, dead letters, quarantined receipts and cases per status."""
    monitor = queries.monitor(utcnow())
    click.echo("messages: " + ", ".join(f"{k} {v}" for k, v in monitor.counts.items()) + f" (due now {monitor.due})")
    click.echo("cases: " + ", ".join(f"{k} {v}" for k, v in monitor.cases.items()))
    click.echo(f"quarantined receipts: {monitor.quarantined}")
    for message in monitor.dead:
        click.echo(f"  dead #{message.id} {message.kind} {message.ref}: {message.last_error}")
