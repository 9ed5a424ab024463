"""Training attendance for the province statistics (registered into ``storefront.core.statistics``): sessions
held, people registered and people who attended, by month of the session."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import case, extract, func, select

from storefront.core import charts
from storefront.core.statistics import Section
from storefront.extensions import db
from storefront.training.models import Registration, RegistrationStatus, TrainingSession

KEY = "training"


def figures(start: datetime, end: datetime) -> dict:
    """Rows (month, sessions, registered, attended) of sessions starting in [start, end), and their totals."""
    year, month = extract("year", TrainingSession.starts_at), extract("month", TrainingSession.starts_at)
    registered = Registration.status == RegistrationStatus.REGISTERED
    rows = db.session.execute(
        select(
            year,
            month,
            func.count(func.distinct(TrainingSession.id)),
            func.count(case((registered, Registration.id))),
            func.count(case((registered & Registration.attended.is_(True), Registration.id))),
        )
        .outerjoin(Registration, Registration.session_id == TrainingSession.id)
        .where(TrainingSession.starts_at >= start, TrainingSession.starts_at < end)
        .group_by(year, month)
    ).all()
    out = sorted((f"{int(y)}-{int(m):02d}", int(s), int(r), int(a)) for y, m, s, r, a in rows)
    return {
        "rows": out,
        "sessions": sum(r[1] for r in out),
        "registered": sum(r[2] for r in out),
        "attended": sum(r[3] for r in out),
    }


def _share(part: int, whole: int) -> str:
    return charts.NO_VALUE if not whole else f"{part / whole:.0%}"


def section(start: datetime, end: datetime, lang: str) -> Section:
    """The section of the province statistics (texts in the current locale)."""
    data = figures(start, end)
    chart_list = [
        charts.bar_chart(
            "chart-training-attended",
            _("Training attendance by month"),
            [(m, a) for m, _s, _r, a in data["rows"]],
            fmt=lambda v: f"{v:.0f}",
            value_label=_("Attended"),
        )
    ]
    return Section(
        key=KEY,
        title=_("Policy training sessions"),
        headline=(
            (_("Sessions"), str(data["sessions"])),
            (_("Registered"), str(data["registered"])),
            (_("Attended"), str(data["attended"])),
            (_("Attendance rate"), _share(data["attended"], data["registered"])),
        ),
        columns=(_("Month"), _("Sessions"), _("Registered"), _("Attended"), _("Attendance rate")),
        rows=tuple((m, s, r, a, _share(a, r)) for m, s, r, a in data["rows"]),
        cells=tuple((m, str(s), str(r), str(a), _share(a, r)) for m, s, r, a in data["rows"]),
        charts=tuple(chart_list),
        note=_("Sessions in the month they took place; registrations still standing, and those marked present."),
    )
