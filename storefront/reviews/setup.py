"""Wiring of product reviews into the app."""

from __future__ import annotations

from flask import Flask

from storefront.reviews import queries
from storefront.reviews.routes import bp, operator_bp


def init_app(app: Flask) -> None:
    """Register the blueprints and the template helper the product page uses."""
    app.register_blueprint(bp)
    app.register_blueprint(operator_bp)
    app.jinja_env.globals["product_reviews"] = queries.published
