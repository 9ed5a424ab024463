"""Policy and training centre: operators publish policies (PDF through the uploads checks) and sessions; merchants
and providers register (full, closed, twice refused), cancel, get a confirmation and one reminder in their language;
attendance feeds the province statistics; seats hold under concurrent registrations (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import email
import io
import threading
from datetime import UTC, date, datetime, timedelta
from email import policy as email_policy
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from storefront.accounts import team
from storefront.accounts.models import Role, User
from storefront.core import periodic
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from storefront.statistics import province
from storefront.training import demo
from storefront.training import operations as ops
from storefront.training import stats as training_stats
from storefront.training.models import Policy, Registration, TrainingSession
from tests import factories
from tests.backoffice_helpers import PDF, client_as
from tests.fixtures import BACKENDS, backend_app

RACERS = 8
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _mails(app) -> list:
    folder = Path(app.config["DATA_DIR"]) / "mail"
    files = sorted(folder.glob("*.eml")) if folder.exists() else []
    return [email.message_from_bytes(f.read_bytes(), policy=email_policy.default) for f in files]


def _clear(app) -> None:
    for message in (Path(app.config["DATA_DIR"]) / "mail").glob("*.eml"):
        message.unlink()


def _session(starts_in=timedelta(days=3), seats=2, register_for=timedelta(days=2), actor=None) -> TrainingSession:
    start = datetime.now(UTC).replace(microsecond=0) + starts_in
    data = ops.SessionData(
        titles={"zh": "跨境电商9610模式培训", "ru": "Обучение: режим 9610", "en": "9610 mode training"},
        descriptions={"zh": "海关申报流程"},
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="大连市商务局 3 楼",
        seats=seats,
        register_by=start - (starts_in - register_for) if register_for < starts_in else start,
    )
    return ops.save_session(None, data, actor)


def test_operator_publishes_policies_pdf_only_and_company_users_read_them(app, make):
    operator = make.user(Role.OPERATOR.value)
    merchant = make.merchant()
    provider = make.service_provider()
    db.session.commit()
    client = client_as(app, operator)
    form = {"category": "tax-rebate", "published_on": "2026-11-20", "title_zh": "出口退税新规",
            "title_ru": "Возврат НДС", "body_zh": "第一段。\n\n第二段。"}  # fmt: skip
    for name, data in (("rules.pdf", PNG), ("rules.png", PNG), ("notes.pdf", b"just text")):
        response = client.post("/en/operator/training/policies/new", data={**form, "file": (io.BytesIO(data), name)},
                               content_type="multipart/form-data")  # fmt: skip
        assert response.status_code == 200 and 'role="alert"' in response.get_data(as_text=True), name
    assert db.session.scalar(select(db.func.count(Policy.id))) == 0
    bad = client.post("/en/operator/training/policies/new", data={**form, "title_zh": "", "title_ru": ""})
    assert "Give the title in at least one language." in bad.get_data(as_text=True)
    response = client.post("/en/operator/training/policies/new", data={**form, "file": (io.BytesIO(PDF), "退税.pdf")},
                           content_type="multipart/form-data")  # fmt: skip
    assert response.status_code == 302
    item = db.session.scalars(select(Policy)).one()
    assert item.file_name == "退税.pdf" and ops.policy_file(item).read_bytes() == PDF
    client.post(f"/en/operator/training/policies/{item.id}", data={**form, "title_en": "Export VAT rebate rules"})
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "training_policies")).all()
    assert sorted(actions) == ["policy.edit", "policy.publish"]

    for user in (merchant.owner, db.session.get(User, provider.owner_id)):
        reader = client_as(app, user)
        page = reader.get("/ru/training/").get_data(as_text=True)
        assert "Возврат НДС" in page
        assert reader.get(f"/ru/training/policies/{item.id}").status_code == 200
        download = reader.get(f"/ru/training/policies/{item.id}/file")
        assert download.status_code == 200 and download.data == PDF
    assert client_as(app, make.user(Role.BUYER.value)).get("/ru/training/").status_code == 403
    assert client_as(app, merchant.owner).get("/ru/operator/training/").status_code == 403


def test_session_input_is_checked(app, make):
    start = datetime(2026, 12, 20, 2, 0, tzinfo=UTC)
    good = ops.SessionData(titles={"zh": "培训"}, starts_at=start, ends_at=start + timedelta(hours=1), place="大连",
                           seats=10, register_by=start - timedelta(days=1))  # fmt: skip
    assert ops.check_session(good) == {}
    assert "ends_at" in ops.check_session(ops.SessionData(**{**good.__dict__, "ends_at": start - timedelta(hours=1)}))
    assert "ends_at" in ops.check_session(ops.SessionData(**{**good.__dict__, "ends_at": start}))
    assert "register_by" in ops.check_session(ops.SessionData(**{**good.__dict__, "register_by": start + timedelta(1)}))
    assert "place" in ops.check_session(ops.SessionData(**{**good.__dict__, "place": ""}))
    assert "online_url" in ops.check_session(ops.SessionData(**{**good.__dict__, "online_url": "javascript:x"}))
    assert "seats" in ops.check_session(ops.SessionData(**{**good.__dict__, "seats": 0}))
    client = client_as(app, make.user(Role.OPERATOR.value))
    db.session.commit()
    response = client.post("/zh/operator/training/sessions/new", data={
        "title_zh": "培训", "starts_at": "2026-12-20T10:00", "ends_at": "2026-12-20T09:00",
        "register_by": "2026-12-19T18:00", "seats": "5", "place": "大连"})  # fmt: skip
    assert response.status_code == 200 and db.session.scalar(select(db.func.count(TrainingSession.id))) == 0
    response = client.post("/zh/operator/training/sessions/new", data={
        "title_zh": "培训", "starts_at": "2026-12-20T10:00", "ends_at": "2026-12-20T12:00",
        "register_by": "2026-12-19T18:00", "seats": "5", "place": "大连"})  # fmt: skip
    assert response.status_code == 302
    item = db.session.scalars(select(TrainingSession)).one()
    assert item.duration_minutes == 120 and ops.aware(item.starts_at) == datetime(2026, 12, 20, 2, 0, tzinfo=UTC)


def test_register_full_closed_twice_cancel_and_confirmation_mail(app, make):
    session = _session(seats=1)
    a = make.merchant(owner=make.user(Role.MERCHANT.value, locale="ru"))
    b = make.merchant()
    db.session.commit()
    _clear(app)
    client = client_as(app, a.owner)
    assert client.post(f"/ru/training/sessions/{session.id}/register").status_code == 302
    [confirmation] = _mails(app)
    assert confirmation["To"] == a.owner.email and confirmation["Content-Language"] == "ru"
    assert "Обучение: режим 9610" in confirmation["Subject"]
    with pytest.raises(ops.TrainingError) as twice:
        ops.register(session, a.owner, "merchant")
    assert twice.value.code == "twice"
    with pytest.raises(ops.TrainingError) as full:
        ops.register(session, b.owner, "merchant")
    assert full.value.code == "full"
    db.session.rollback()
    page = client_as(app, b.owner).post(f"/en/training/sessions/{session.id}/register", follow_redirects=True)
    assert "This session is full." in page.get_data(as_text=True)
    assert client.post(f"/ru/training/sessions/{session.id}/cancel").status_code == 302
    db.session.expire_all()
    assert db.session.get(TrainingSession, session.id).seats_taken == 0
    ops.register(session, b.owner, "merchant")  # the seat came back
    late = ops.aware(session.register_by) + timedelta(minutes=1)
    with pytest.raises(ops.TrainingError) as closed:
        ops.register(session, a.owner, "merchant", at=late)
    assert closed.value.code == "closed"
    with pytest.raises(ops.TrainingError) as started:
        ops.cancel(ops.registration_of(session, b.owner), at=ops.aware(session.starts_at))
    assert started.value.code == "started"


def test_reminder_is_sent_once_in_the_users_language(app, make, runner):
    soon = _session(starts_in=timedelta(hours=20), register_for=timedelta(hours=10), seats=5)
    later = _session(starts_in=timedelta(days=5), seats=5)
    merchant = make.merchant(owner=make.user(Role.MERCHANT.value, locale="zh"))
    provider_user = db.session.get(
        User, make.service_provider(owner=make.user(Role.PROVIDER.value, locale="ru")).owner_id
    )
    for s in (soon, later):
        ops.register(s, merchant.owner, "merchant")
    ops.register(soon, provider_user, "provider")
    db.session.commit()
    _clear(app)
    assert "2 reminders queued" in runner.invoke(args=["training", "remind"]).output
    assert "0 reminders queued" in runner.invoke(args=["training", "remind"]).output
    sent = _mails(app)
    assert sorted((m["To"], m["Content-Language"]) for m in sent) == sorted(
        [(merchant.owner.email, "zh"), (provider_user.email, "ru")]
    )
    assert any("跨境电商9610模式培训" in m["Subject"] for m in sent)
    db.session.expire_all()
    assert db.session.scalars(select(Registration).where(Registration.reminded_at.is_not(None))).all().__len__() == 2


def test_the_mail_worker_runs_the_reminder_job(app, make, runner):
    job = periodic._JOBS["training.remind"]
    soon = _session(starts_in=timedelta(hours=3), register_for=timedelta(hours=1))
    ops.register(soon, make.merchant().owner, "merchant")
    db.session.commit()
    _clear(app)
    job.last_run = None  # as in a freshly started worker
    assert runner.invoke(args=["mail", "run", "--once"]).exit_code == 0
    assert len(_mails(app)) == 1  # queued by the job, delivered by the same pass
    second_later = job.last_run + 1.0  # the clock is asked once per registered job
    assert "training.remind" not in periodic.run_due(clock=lambda: second_later)  # not due again yet
    job.last_run = None
    assert "training.remind" in periodic.run_due() and len(_mails(app)) == 1  # due again: nothing new to send


def test_attendance_feeds_the_province_statistics(app, make):
    operator = make.user(Role.OPERATOR.value)
    session = _session(seats=5)
    people = [make.merchant().owner for _ in range(3)]
    rows = [ops.register(session, user, "merchant") for user in people]
    db.session.commit()
    client = client_as(app, operator)
    response = client.post(f"/en/operator/training/sessions/{session.id}/attendance",
                           data={"attended": [str(rows[0].id), str(rows[2].id)]})  # fmt: skip
    assert response.status_code == 302
    assert db.session.scalars(select(AuditEntry.action).where(AuditEntry.action == "training.attendance")).first()
    month = ops.aware(session.starts_at).strftime("%Y-%m")
    start, end = province.month_bounds(month)
    data = training_stats.figures(start, end)
    assert (data["sessions"], data["registered"], data["attended"]) == (1, 3, 2)
    assert training_stats.figures(*province.month_bounds("2001-01"))["sessions"] == 0
    table = list(csv.reader(io.StringIO(client.get(f"/en/operator/stats/province.csv?month={month}")
                                       .data.decode("utf-8-sig"))))  # fmt: skip
    assert [month, "1", "3", "2", "67%"] in table
    page = client.get(f"/zh/operator/stats?month={month}").get_data(as_text=True)
    assert 'id="section-training"' in page and 'id="chart-training-attended"' in page


def test_a_policy_role_operator_may_publish_but_not_see_finance(app, make):
    admin = make.user(Role.OPERATOR.value)
    db.session.commit()
    user, _created = team.set_member(team.Side.PLATFORM, None, "policy@example.com", "Policy", ["policy"], admin, "zh")
    user.set_password("correct-horse-battery")
    db.session.commit()
    client = client_as(app, user)
    assert client.get("/zh/operator/training/").status_code == 200
    assert client.get("/zh/operator/rates/").status_code == 403


@pytest.fixture(params=BACKENDS)
def race_app(request, tmp_path):
    """A separate app and database per backend (PostgreSQL skips when the server is not installed)."""
    with backend_app(request, tmp_path, "training", pool=RACERS) as application:
        yield application


def test_seats_hold_under_concurrent_registrations(race_app):
    seats = 3
    with race_app.app_context():
        session = _session(seats=seats)
        users = [factories.user(Role.MERCHANT.value) for _ in range(RACERS)]
        db.session.commit()
        session_id, user_ids = session.id, [u.id for u in users]
    barrier = threading.Barrier(RACERS)
    outcomes: list[str | None] = [None] * RACERS

    def racer(i: int) -> None:
        with race_app.app_context():
            s, u = db.session.get(TrainingSession, session_id), db.session.get(User, user_ids[i])
            barrier.wait(timeout=30)
            try:
                ops.register(s, u, "merchant")
                db.session.commit()
                outcomes[i] = "won"
            except ops.TrainingError as exc:
                db.session.rollback()
                outcomes[i] = exc.code
            except OperationalError:
                db.session.rollback()
                outcomes[i] = "busy"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=racer, args=(i,)) for i in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert outcomes.count("won") <= seats and set(outcomes) <= {"won", "full", "busy"}, outcomes
    with race_app.app_context():
        taken = db.session.get(TrainingSession, session_id).seats_taken
        registered = db.session.scalar(
            select(db.func.count(Registration.id)).where(Registration.session_id == session_id)
        )
        assert taken == registered == outcomes.count("won") and outcomes.count("won") >= 1
        assert outcomes.count("won") == seats or "busy" in outcomes


def test_policy_dates_are_bounded(ctx):
    assert "published_on" in ops.check_policy(ops.PolicyData(titles={"zh": "x"}, category="customs"))
    assert ops.check_policy(ops.PolicyData(titles={"zh": "x"}, category="customs", published_on=date(2026, 1, 5))) == {}


def test_demo_policies_and_sessions_load_once(ctx):
    assert demo.seed() == {"policies added": 3, "training sessions added": 2}
    db.session.commit()
    assert demo.seed() == {"policies added": 0, "training sessions added": 0}
    sessions = ops.upcoming()
    assert len(sessions) == 2 and all(ops.check_session(ops.SessionData(
        titles=s.titles, starts_at=ops.aware(s.starts_at), ends_at=ops.aware(s.ends_at), online_url=s.online_url,
        place=s.place, seats=s.seats, register_by=ops.aware(s.register_by))) == {} for s in sessions)  # fmt: skip
    assert all(set(p.titles) >= {"zh", "ru", "ko", "en"} for p in ops.policies())


def test_seats_are_never_lowered_below_those_taken(ctx, make):
    session = _session(seats=3)
    for _ in range(2):
        ops.register(session, make.merchant().owner, "merchant")
    data = ops.SessionData(
        titles=session.titles, starts_at=ops.aware(session.starts_at), ends_at=ops.aware(session.ends_at),
        place=session.place, seats=1, register_by=ops.aware(session.register_by),
    )  # fmt: skip
    assert "seats" in ops.check_session(data, session)
    with pytest.raises(ops.TrainingError):
        ops.save_session(session, data, None)
    data.seats = 2
    ops.save_session(session, data, None)
    assert session.seats == 2 and session.seats_left == 0
    edits = db.session.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "training_sessions")).all()
    assert sorted(edits) == ["training.edit", "training.publish"]


def test_the_same_users_second_registration_at_the_same_moment_is_refused_not_a_500(app, make, monkeypatch):
    """Two requests of one user pass the "already registered?" check together; the second one's row then meets the
    unique constraint: a translated refusal, the seat it took given back by the rollback."""
    session = _session(seats=3)
    merchant = make.merchant()
    db.session.commit()
    client = client_as(app, merchant.owner)
    assert client.post(f"/en/training/sessions/{session.id}/register").status_code == 302
    monkeypatch.setattr(ops, "registration_of", lambda *_args: None)  # as if the first had not committed yet
    page = client.post(f"/en/training/sessions/{session.id}/register", follow_redirects=True)
    assert page.status_code == 200 and "You are already registered" in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(TrainingSession, session.id).seats_taken == 1
