"""Trust: seller profiles with trust figures (years, verified filing, on-time shipping, customs refusals, reply
time, reviews) and a credit rating computed from them, explained publicly, overridable by operators (audited)."""

from __future__ import annotations

from flask import Flask

from storefront.trust.routes import bp, operator_bp


def init_app(app: Flask) -> None:
    """Register the blueprints."""
    app.register_blueprint(bp)
    app.register_blueprint(operator_bp)
