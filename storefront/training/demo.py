"""Demo policies and training sessions from ``storefront/demo/data/training.toml`` (registered as a demo seeder by
``setup.init_app``; safe to run again: a policy or session whose Chinese title exists is left alone)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from storefront.demo.datafiles import DATA_DIR, check_records, load
from storefront.extensions import db
from storefront.training.models import Policy, TrainingSession

FILE = DATA_DIR / "training.toml"
BEIJING = ZoneInfo("Asia/Shanghai")


def _known(model, titles: dict) -> bool:
    return any(row.titles.get("zh") == titles["zh"] for row in db.session.scalars(select(model)))


def seed() -> dict[str, int]:
    """Add the demo policies and sessions that are not there yet; returns the counts added."""
    policies = check_records(load(FILE, "policy"), {"category": str, "published_on": date, "title": dict,
                                                    "body": dict}, f"{FILE.name} policy")  # fmt: skip
    sessions = check_records(load(FILE, "session"), {"starts_in_days": int, "hour": int, "duration_minutes": int,
                                                     "close_hours_before": int, "seats": int, "place": str,
                                                     "online_url": str, "title": dict, "description": dict},
                             f"{FILE.name} session")  # fmt: skip
    added_policies = added_sessions = 0
    for record in policies:
        if not _known(Policy, record["title"]):
            db.session.add(Policy(titles=record["title"], bodies=record["body"], category=record["category"],
                                  published_on=record["published_on"]))  # fmt: skip
            added_policies += 1
    today = datetime.now(BEIJING).date()
    for record in sessions:
        if _known(TrainingSession, record["title"]):
            continue
        day = today + timedelta(days=record["starts_in_days"])
        starts = datetime.combine(day, time(record["hour"]), tzinfo=BEIJING).astimezone(UTC)
        db.session.add(
            TrainingSession(
                titles=record["title"], descriptions=record["description"], starts_at=starts,
                duration_minutes=record["duration_minutes"], place=record["place"], online_url=record["online_url"],
                seats=record["seats"], seats_taken=0,
                register_by=starts - timedelta(hours=record["close_hours_before"]),
            )
        )  # fmt: skip
        added_sessions += 1
    db.session.flush()
    return {"policies added": added_policies, "training sessions added": added_sessions}
