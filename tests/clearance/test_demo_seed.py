"""The demo data shows the whole clearance flow on first start, and seeding twice adds nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from storefront.clearance.demo_seed import seed_clearance_demo
from storefront.clearance.models import ClearanceCase, SummaryDeclaration
from storefront.clearance.status import DeclarationStatus
from storefront.demo.seed import DEMO_BUYER
from storefront.extensions import db


def test_demo_has_every_clearance_state_and_a_summary(demo_app):
    with demo_app.app_context():
        statuses = set(db.session.scalars(select(ClearanceCase.status)))
        assert {"declared", "released", "closed", "rejected"} <= statuses
        declarations = db.session.scalars(select(SummaryDeclaration)).all()
        assert any(d.status == DeclarationStatus.COMPLETED and d.entry_id and d.lines for d in declarations)
        rejected = db.session.scalar(select(ClearanceCase).where(ClearanceCase.status == "rejected"))
        assert "法定计量单位" in rejected.reject_reason  # the one deliberate fix-flow case
        cases = db.session.scalars(select(ClearanceCase))
        assert not [e for c in cases for e in c.events if e.source == "local"]  # no local rejection


def test_seeding_again_adds_no_clearance_rows(demo_app):
    with demo_app.app_context():
        before = db.session.scalar(select(func.count()).select_from(ClearanceCase))
        assert seed_clearance_demo(DEMO_BUYER)["clearance cases"] == before
        db.session.rollback()
