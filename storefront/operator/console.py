"""Console home and the audit log."""

from __future__ import annotations

from flask import render_template, request
from sqlalchemy import func, select

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.catalog import queries as catalog_queries
from storefront.catalog.models import Product
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from storefront.filing import queue as filings

PER_PAGE = 50


@bp.get("/")
@operator_required
def home():
    """What needs attention: filings to review, moderated products, the latest operator actions."""
    moderated = db.session.scalar(select(func.count()).select_from(Product).where(Product.moderation_reason != ""))
    latest = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(10)).all()
    kinds = [(kind, kind.counts().get("pending", 0)) for kind in filings.KINDS.values()]
    return render_template("operator/home.html", kinds=kinds, moderated=moderated or 0, latest=latest)


@bp.get("/audit")
@operator_required
def audit_log():
    """Every audited action (who, what, when, before/after), newest first, filterable."""
    action = (request.args.get("action") or "").strip()[:60]
    actor = (request.args.get("actor") or "").strip()[:254]
    target = (request.args.get("target") or "").strip()[:40]
    stmt = select(AuditEntry)
    if action:
        stmt = stmt.where(AuditEntry.action.startswith(action, autoescape=True))
    if actor:
        stmt = stmt.where(AuditEntry.actor_email.ilike(f"%{actor}%"))
    if target:
        stmt = stmt.where(AuditEntry.target_type == target)
    page = catalog_queries.parse_page(request.args.get("page"))
    result = catalog_queries.paginate(stmt, page, PER_PAGE, (AuditEntry.id.desc(),))
    actions = db.session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)).all()
    return render_template(
        "operator/audit.html", result=result, action=action, actor=actor, target=target, actions=actions
    )
