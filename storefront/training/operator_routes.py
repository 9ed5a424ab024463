"""The operator's side of the policy and training centre: publish and edit policies (with a PDF) and sessions,
see who registered, mark attendance. Every change is audited by the operations."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from storefront.accounts.models import Role
from storefront.core.dates import DateInputError, parse_date
from storefront.core.locales import LANGS
from storefront.core.security import roles_required
from storefront.core.uploads import UploadRejected, check_upload
from storefront.extensions import db
from storefront.training import operations as ops
from storefront.training.models import POLICY_CATEGORIES, Policy, TrainingSession

operator_bp = Blueprint("training_operator", __name__, url_prefix="/<lang>/operator/training")
#: Largest policy PDF.
MAX_POLICY_BYTES = 20 * 1024 * 1024


def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Asia/Shanghai"))


def parse_local(text: str | None) -> datetime | None:
    """A ``datetime-local`` input ('2026-12-10T14:00', platform time) as UTC; None when empty or malformed."""
    text = (text or "").strip()
    try:
        day = parse_date(text[:10])
        moment = datetime.strptime(text[:16], "%Y-%m-%dT%H:%M") if day else None
    except (DateInputError, ValueError):
        return None
    return moment.replace(tzinfo=_tz()).astimezone(UTC) if moment else None


def local_input(value: datetime | None) -> str:
    """A stored moment as the value of a ``datetime-local`` input in platform time."""
    if value is None:
        return ""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone(_tz()).strftime("%Y-%m-%dT%H:%M")


def _per_lang(prefix: str) -> dict[str, str]:
    return {code: request.form.get(f"{prefix}_{code}", "") for code in LANGS}


@operator_bp.get("/")
@roles_required(Role.OPERATOR.value)
def index():
    """Sessions (newest first) with their registrations, and the published policies."""
    sessions = list(db.session.scalars(db.select(TrainingSession).order_by(TrainingSession.starts_at.desc())))
    return render_template(
        "training/operator_index.html", sessions=sessions, policies=ops.policies(), categories=POLICY_CATEGORIES
    )


@operator_bp.route("/policies/new", methods=["GET", "POST"])
@operator_bp.route("/policies/<int:policy_id>", methods=["GET", "POST"])
@roles_required(Role.OPERATOR.value)
def policy_form(policy_id: int | None = None):
    """Publish a policy or edit one (title and text per language, category, date, PDF)."""
    item = db.session.get(Policy, policy_id) or abort(404) if policy_id is not None else None
    form = FlaskForm()
    errors: dict[str, object] = {}
    data = ops.PolicyData(
        titles=dict(item.titles) if item else {},
        bodies=dict(item.bodies) if item else {},
        category=item.category if item else "",
        published_on=item.published_on if item else None,
    )
    if form.validate_on_submit():
        data = ops.PolicyData(
            titles=_per_lang("title"), bodies=_per_lang("body"), category=request.form.get("category", "")
        )
        try:
            data.published_on = parse_date(request.form.get("published_on"))
        except DateInputError as exc:
            errors["published_on"] = exc.message
        upload = None
        storage = request.files.get("file")
        if storage is not None and storage.filename:
            try:
                upload = check_upload(storage, allowed=("pdf",), max_bytes=MAX_POLICY_BYTES)
            except UploadRejected as exc:
                errors["file"] = exc.message
        errors = {**ops.check_policy(data, upload), **errors}
        if not errors:
            item = ops.save_policy(item, data, upload, current_user)
            db.session.commit()
            flash(_("The policy is published."), "success")
            return redirect(url_for("training_operator.index", lang=g.lang))
    return render_template(
        "training/operator_policy.html", item=item, data=data, errors=errors, form=form, langs=LANGS,
        categories=POLICY_CATEGORIES,
    )  # fmt: skip


@operator_bp.post("/policies/<int:policy_id>/delete")
@roles_required(Role.OPERATOR.value)
def policy_delete(policy_id: int):
    """Withdraw a policy."""
    item = db.session.get(Policy, policy_id) or abort(404)
    ops.delete_policy(item, current_user)
    db.session.commit()
    flash(_("The policy is withdrawn."), "success")
    return redirect(url_for("training_operator.index", lang=g.lang))


@operator_bp.route("/sessions/new", methods=["GET", "POST"])
@operator_bp.route("/sessions/<int:session_id>", methods=["GET", "POST"])
@roles_required(Role.OPERATOR.value)
def session_form(session_id: int | None = None):
    """Publish a training session or edit one."""
    item = db.session.get(TrainingSession, session_id) or abort(404) if session_id is not None else None
    form = FlaskForm()
    errors: dict[str, object] = {}
    data = ops.SessionData(
        titles=dict(item.titles) if item else {},
        descriptions=dict(item.descriptions) if item else {},
        starts_at=item.starts_at if item else None,
        ends_at=item.ends_at if item else None,
        online_url=item.online_url if item else "",
        place=item.place if item else "",
        seats=item.seats if item else None,
        register_by=item.register_by if item else None,
    )
    if form.validate_on_submit():
        seats = request.form.get("seats", "").strip()
        data = ops.SessionData(
            titles=_per_lang("title"),
            descriptions=_per_lang("description"),
            starts_at=parse_local(request.form.get("starts_at")),
            ends_at=parse_local(request.form.get("ends_at")),
            online_url=request.form.get("online_url", ""),
            place=request.form.get("place", ""),
            seats=int(seats) if seats.isdigit() and len(seats) < 7 else None,
            register_by=parse_local(request.form.get("register_by")),
        )
        errors = ops.check_session(data, item)
        if not errors:
            ops.save_session(item, data, current_user)
            db.session.commit()
            flash(_("The training session is published."), "success")
            return redirect(url_for("training_operator.index", lang=g.lang))
    return render_template(
        "training/operator_session.html", item=item, data=data, errors=errors, form=form, langs=LANGS,
        local_input=local_input,
    )  # fmt: skip


@operator_bp.route("/sessions/<int:session_id>/attendance", methods=["GET", "POST"])
@roles_required(Role.OPERATOR.value)
def attendance(session_id: int):
    """The session's registrations; tick who came."""
    item = db.session.get(TrainingSession, session_id) or abort(404)
    form = FlaskForm()
    if form.validate_on_submit():
        present = {int(v) for v in request.form.getlist("attended") if v.isdigit() and len(v) < 12}
        count = ops.mark_attendance(item, present, current_user)
        db.session.commit()
        flash(_("Attendance is saved: %(count)s present.", count=count), "success")
        return redirect(url_for("training_operator.attendance", lang=g.lang, session_id=item.id))
    return render_template("training/operator_attendance.html", item=item, rows=ops.registrations(item), form=form)
