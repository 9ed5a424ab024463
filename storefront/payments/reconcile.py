"""Repair what a crash left: match the gateway's recent PaymentIntents to our attempts and settle the ones
that succeeded at the gateway but are not marked here (``flask payments reconcile``; the worker runs it too).

Operations flush, never commit; the command (or the worker's pass) commits.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from flask import Flask

from storefront.extensions import db
from storefront.payments import operations as ops
from storefront.payments.current_gateway import get_gateway
from storefront.payments.gateway import GatewayError
from storefront.payments.models import IntentStatus

log = logging.getLogger(__name__)


@dataclass
class ReconcileReport:
    """What a reconcile pass found and did."""

    seen: int = 0
    matched: int = 0
    #: (gateway ref, outcome) of every intent settled now.
    settled: list[tuple[str, str]] = field(default_factory=list)
    #: Gateway intents that are not ours (another integration on the same account) or not found here.
    unmatched: list[str] = field(default_factory=list)
    #: (gateway ref, reason) of intents that do not match our attempt.
    rejected: list[tuple[str, str]] = field(default_factory=list)


def reconcile(days: int) -> ReconcileReport:
    """Settle every gateway intent of the last ``days`` days that succeeded but is not marked so here."""
    report = ReconcileReport()
    since = int(time.time()) - max(days, 0) * 86400
    for info in get_gateway().list_intents(since):
        report.seen += 1
        rec = ops.record_for(info)
        if rec is None:
            report.unmatched.append(info.ref)
            continue
        report.matched += 1
        if info.status != "succeeded" or rec.status in {IntentStatus.SUCCEEDED, IntentStatus.MISMATCH}:
            continue
        reason = ops.verify_intent(rec, info)
        if reason:
            report.rejected.append((info.ref, reason))
            continue
        outcome = ops.apply_intent(info, source="reconcile", actor="reconcile")
        report.settled.append((info.ref, outcome))
        log.warning("reconcile settled %s for %s:%s: %s", info.ref, rec.payable_kind, rec.payable_id, outcome)
    return report


def periodic(app: Flask, due_at: float) -> float:
    """Run a reconcile pass when ``due_at`` (monotonic seconds) has come; returns when the next one is due.

    Called by the clearance worker's loop; failures are logged, never raised (the worker must keep running).
    """
    interval = float(app.config.get("PAYMENTS_RECONCILE_SECONDS", 600))
    now = time.monotonic()
    if interval <= 0 or now < due_at:
        return due_at
    with app.app_context():
        try:
            report = reconcile(int(app.config.get("PAYMENTS_RECONCILE_DAYS", 3)))
            db.session.commit()
            if report.settled or report.rejected:
                log.warning("payments reconcile: settled %s, rejected %s", report.settled, report.rejected)
        except GatewayError as exc:
            db.session.rollback()
            log.warning("payments reconcile skipped: %s", exc)
        except Exception:  # noqa: BLE001 - the worker keeps running; the next pass tries again
            db.session.rollback()
            log.exception("payments reconcile failed")
        finally:
            db.session.remove()
    return now + interval
