"""Wiring of seller profiles and the credit rating into the app."""

from __future__ import annotations

from flask import Flask

from storefront.trust.routes import bp, operator_bp


def init_app(app: Flask) -> None:
    """Register the blueprints."""
    app.register_blueprint(bp)
    app.register_blueprint(operator_bp)
