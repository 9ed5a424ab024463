"""Wiring of the policy and training centre into the app: blueprints, CLI, the reminder job of the mail worker
and the attendance figures of the province statistics."""

from __future__ import annotations

from flask import Flask

from storefront.core import periodic
from storefront.core.statistics import register_section
from storefront.demo.hooks import register as register_demo
from storefront.training import demo, operations, stats
from storefront.training.cli import training_group
from storefront.training.operator_routes import operator_bp
from storefront.training.routes import bp

#: How often the mail worker looks for reminders to send.
REMIND_EVERY_SECONDS = 300


def init_app(app: Flask) -> None:
    """Register the blueprints, ``flask training``, the periodic reminder job and the statistics section."""
    app.register_blueprint(bp)
    app.register_blueprint(operator_bp)
    app.cli.add_command(training_group)
    periodic.register("training.remind", operations.remind_due, REMIND_EVERY_SECONDS)
    register_section(stats.KEY, stats.section)
    register_demo(app, seeder=demo.seed)
