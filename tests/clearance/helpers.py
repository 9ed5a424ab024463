"""Helpers for the clearance database tests: an injectable clock, paid orders, a worker on the simulator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storefront.clearance.models import ClearanceCase, OutboxMessage
from storefront.clearance.signing import NoneSigner
from storefront.clearance.transports.simulator import Simulator, db_lookup
from storefront.clearance.worker import Worker
from storefront.extensions import db


class Clock:
    """The real time plus an offset tests move by hand (rows written with the real clock stay due)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, **delta: float) -> None:
        """Move the clock forward."""
        self.offset += timedelta(**delta)


def paid_order(make, items, *, currency: str = "USD", country: str = "RU", ref: str = "pi_test"):
    """Place and pay an order (the order_paid signal writes the clearance outbox); committed."""
    from storefront.ordering.operations import mark_paid

    order = make.order(items, currency=currency, country=country)
    assert mark_paid(order, payment_ref=ref, cause="payment_succeeded", actor="test") == "paid"
    db.session.commit()
    return order


def ship(sub_order, carrier: str = "EMS", tracking_no: str | None = None) -> None:
    """Ship a sub-order through the ordering operation (order_shipped writes 505/603); committed."""
    from storefront.ordering.operations import ship_order

    assert ship_order(sub_order, carrier, tracking_no or f"EE{sub_order.id:09d}CN", actor="merchant:test")
    db.session.commit()


def simulator_worker(app, clock: Clock, transport=None, **kw) -> Worker:
    """A worker on the deterministic simulator with the test clock."""
    transport = transport or Simulator(lookup=db_lookup, clock=clock)
    return Worker(app, transport=transport, signer=kw.pop("signer", NoneSigner()), clock=clock, **kw)


def drain(worker: Worker, passes: int = 10) -> None:
    """Run passes until one finds nothing to do."""
    for _ in range(passes):
        if worker.run_once().idle:
            return
    raise AssertionError("worker still busy")


def case_of(sub_order) -> ClearanceCase:
    """The (fresh) case of a sub-order."""
    db.session.expire_all()
    return db.session.scalar(select(ClearanceCase).where(ClearanceCase.sub_order_id == sub_order.id))


def messages(**filters) -> list[OutboxMessage]:
    """Outbox rows, oldest first."""
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).filter_by(**filters).order_by(OutboxMessage.id)))


def order_keys(sub_order) -> dict[str, str]:
    """The business keys of a sub-order's CEB303 (what a CEB304 must carry to match it)."""
    from flask import current_app

    case = case_of(sub_order)
    ebp = current_app.config["CLEARANCE_EBP_CODE"]
    return {"ebpCode": ebp, "ebcCode": case.ebc_code, "orderNo": case.order_no}
