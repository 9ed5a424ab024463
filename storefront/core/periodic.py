"""Periodic jobs run by the mail worker (``flask mail run``, started by ``tasks.py run`` and ``serve``): a domain
registers a function and how often it should run; the worker calls :func:`run_due` on every pass. A job must be
idempotent (it may run twice, on two nodes or after a crash) and commit its own work; its e-mail goes out through
the outbox on the worker's next pass."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from storefront.extensions import db

log = logging.getLogger(__name__)


@dataclass
class Job:
    """A registered job and when this process last ran it (monotonic seconds)."""

    name: str
    func: Callable[[], object]
    every_seconds: float
    last_run: float | None = None


_JOBS: dict[str, Job] = {}


def register(name: str, func: Callable[[], object], every_seconds: float) -> None:
    """Run ``func`` about every ``every_seconds`` in the worker (idempotent: the last registration wins)."""
    _JOBS[name] = Job(name, func, every_seconds)


def run_due(clock: Callable[[], float] = time.monotonic) -> list[str]:
    """Run the jobs whose interval has passed (each in its own transaction: committed when it returns, rolled
    back and logged when it raises); returns the names of those that ran."""
    ran = []
    for job in _JOBS.values():
        at = clock()
        if job.last_run is not None and at - job.last_run < job.every_seconds:
            continue
        job.last_run = at
        try:
            job.func()
            db.session.commit()
        except Exception:  # noqa: BLE001 - one failing job must not stop the worker or the others
            db.session.rollback()
            log.exception("periodic job %s failed", job.name)
        ran.append(job.name)
    return ran
