"""Wiring of legal and help pages into the app."""

from __future__ import annotations

from flask import Flask

from storefront.legal.pages import SLUGS
from storefront.legal.routes import bp, operator_bp


def init_app(app: Flask) -> None:
    """Register the blueprints and the footer's list of pages."""
    app.register_blueprint(bp)
    app.register_blueprint(operator_bp)
    app.jinja_env.globals["HELP_PAGES"] = SLUGS
