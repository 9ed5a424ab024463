"""Application factory."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from storefront import web
from storefront.config import ROOT, load_config
from storefront.payments import check_config


def create_app(config: dict | None = None) -> Flask:
    """Create the Flask app: config, extensions, blueprints, CLI. No queries or network here."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.update(load_config())
    if config:
        app.config.update(config)

    check_config(app.config)  # no forged webhooks: real Stripe needs its signing secret
    Path(app.config["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    if app.config.get("SECRET_KEY_IS_EPHEMERAL") and not app.config.get("TESTING"):
        app.logger.warning("SECRET_KEY is not set: using a random key (sessions end on restart; set it in production)")

    web.init_extensions(app)
    web.init_blueprints(app)
    web.init_templates(app)
    web.init_errors(app)
    web.init_cli(app)
    return app
