"""The small init_* steps the factory runs: extensions, blueprints, templates, errors, CLI."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, g, jsonify, redirect, render_template, request, send_from_directory, url_for
from flask.globals import request_ctx
from flask_babel import format_date, format_datetime, format_decimal, format_percent
from flask_babel import lazy_gettext as _l
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from services_market.setup import init_app as init_services_market
from storefront import models  # noqa: F401  (registers every table on the metadata)
from storefront.accounts import api_keys, permissions
from storefront.accounts.operations import user_for_session
from storefront.accounts.routes import bp as accounts_bp
from storefront.catalog import setup as catalog_setup
from storefront.catalog.api import bp as api_bp
from storefront.catalog.images import image_url, scaled
from storefront.catalog.routes import bp as catalog_bp
from storefront.catalog.units import format_quantity, per_unit, plain, quantity, scale
from storefront.clearance import setup as clearance_setup
from storefront.clearance.routes import bp as clearance_bp
from storefront.cli import register
from storefront.core import headers, http, labels, locales, periodic
from storefront.core.money import DISPLAY_CURRENCIES, display_currency, price_for_display, price_for_lines
from storefront.core.security import harden_forms
from storefront.core.urls import absolute
from storefront.extensions import babel, csrf, db, limiter, login_manager, migrate
from storefront.integrations import webhooks as merchant_webhooks
from storefront.integrations.rest import bp as merchant_api_bp
from storefront.integrations.rest_common import problem as api_problem
from storefront.integrations.webhook_cli import webhooks_group
from storefront.legal import setup as legal_setup
from storefront.merchant.routes import bp as merchant_bp
from storefront.messaging import setup as messaging_setup
from storefront.operator.routes import bp as operator_bp
from storefront.ordering import setup as ordering_setup
from storefront.ordering.address_routes import bp as addresses_bp
from storefront.ordering.cart_routes import bp as cart_bp
from storefront.ordering.document_routes import bp as documents_bp
from storefront.ordering.routes import bp as ordering_bp
from storefront.payments.webhooks import bp as webhooks_bp
from storefront.reviews import setup as reviews_setup
from storefront.search import events
from storefront.search import setup as search_setup
from storefront.search.routes import bp as search_bp
from storefront.training import setup as training_setup
from storefront.trust import setup as trust_setup


def init_extensions(app: Flask) -> None:
    """Bind the extensions to the app."""
    if app.testing:
        # Tests that hold an app context around client requests would otherwise share ``g`` (cached locale,
        # translations, user, rates, cache keys) between requests; each request starts clean, as in production.
        app.url_value_preprocessor(_fresh_g)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent.parent / "migrations"))
    babel.init_app(app, locale_selector=locales.current_lang)
    csrf.init_app(app)
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message_category = "info"

    login_manager.login_message = _l("Please sign in to see this page.")

    @login_manager.user_loader
    def load_user(user_id: str):
        return user_for_session(user_id)

    if app.config.get("PROXY_FIX"):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    search_setup.init_app(app)  # product search: engine config and the after-commit index hook

    http.init_app(app)  # compression, fingerprinted static files, conditional GETs

    headers.init_app(app)  # CSP with nonces, nosniff, Referrer-Policy, frame-ancestors, HSTS over HTTPS

    harden_forms()  # JSON bodies reach forms as strings only (no 500 from a number where text was expected)
    _sqlite_pragmas_on_connect()


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    """SQLite only: WAL (readers never block the writer), enforced foreign keys, safe-enough fsync."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()


def _sqlite_pragmas_on_connect() -> None:
    """Install the SQLite pragma listener once for every engine (a no-op on PostgreSQL)."""
    if not event.contains(Engine, "connect", _set_sqlite_pragmas):
        event.listen(Engine, "connect", _set_sqlite_pragmas)


def _fresh_g(_endpoint, _values) -> None:
    for key in list(vars(g)):
        delattr(g, key)


#: The storefront's blueprints in registration order, with whether CSRF is exempt (and why).
BLUEPRINTS = (
    (catalog_bp, False),
    (accounts_bp, False),
    (api_bp, True),  # JSON API: no cookie-authenticated writes
    (merchant_bp, False),  # merchant back office (filing, products, spreadsheets, orders)
    (merchant_api_bp, True),  # the merchant REST API, authenticated by API keys (no cookies)
    (operator_bp, False),  # operator console (filings, moderation, rates, audit)
    (search_bp, False),
    (cart_bp, False),
    (addresses_bp, False),  # the buyer's address book
    (ordering_bp, False),
    (documents_bp, False),  # the buyer's trade documents (proforma, commercial invoice, packing list) as PDF
    (webhooks_bp, True),  # authenticated by the Stripe signature instead
    (clearance_bp, False),  # clearance: operator monitor, merchant cases and declarations
)


def init_blueprints(app: Flask) -> None:
    """Register blueprints, each domain's wiring and the few root routes."""
    locales.init_app(app)
    permissions.init_app(app)  # every back-office route checks a permission from one table
    for blueprint, csrf_exempt in BLUEPRINTS:
        app.register_blueprint(blueprint)
        if csrf_exempt:
            csrf.exempt(blueprint)
    catalog_setup.init_app(app)  # which catalogue changes invalidate which cached pages
    ordering_setup.init_app(app)  # order payable, cart merge at sign-in, order mails
    clearance_setup.init_app(app)  # order_paid / order_shipped → clearance outbox
    merchant_webhooks.init_app(app)  # outbound webhooks: queued in the order's transaction, sent by their worker
    app.cli.add_command(webhooks_group)
    periodic.register("api.purge_idempotency_keys", api_keys.purge_idempotency_keys, 3600)
    messaging_setup.init_app(app)  # conversations: inbox, threads, contact the seller, unread count in the header
    reviews_setup.init_app(app)  # product reviews: write, reply, moderate; the product page's list
    trust_setup.init_app(app)  # seller profiles, the credit rating and its explanation, the operator's override
    legal_setup.init_app(app)  # legal and help pages, edited by operators; footer and checkout links
    training_setup.init_app(app)  # policy and training centre: policies, sessions, reminders, attendance figures
    init_services_market(app)  # service marketplace: its blueprints, package search, payable kind, CLI

    @app.get("/")
    def root():
        """Send the visitor to their language."""
        lang = locales.negotiate(request.headers.get("Accept-Language"))
        response = redirect(url_for("catalog.home", lang=lang), code=302)
        response.headers["Vary"] = "Accept-Language"
        return response

    @app.get("/healthz")
    def healthz():
        """Liveness plus database status, as JSON."""
        try:
            db.session.execute(text("SELECT 1"))
            database = "ok"
        except Exception as exc:  # noqa: BLE001 - health must report, not raise
            database = f"error: {type(exc).__name__}"
        status = 200 if database == "ok" else 503
        return jsonify({"status": "ok" if status == 200 else "degraded", "database": database}), status

    @app.get("/healthz/search")
    def healthz_search():
        """This node's search index lag: index events not applied yet and the age of the oldest, as JSON (every
        index together in ``search_lag``, each index in ``search_lag_by_kind``)."""
        try:
            return jsonify({"status": "ok", "search_lag": events.lag(), "search_lag_by_kind": events.lag_by_kind()})
        except Exception as exc:  # noqa: BLE001 - health must report, not raise
            db.session.rollback()
            return jsonify({"status": "degraded", "search_lag": f"error: {type(exc).__name__}"}), 503

    @app.get("/media/<path:filename>")
    def media(filename: str):
        """Generated images under DATA_DIR/media (immutable names, cached for a year)."""
        return send_from_directory(Path(app.config["DATA_DIR"]) / "media", filename, max_age=31536000)


#: A colour safe to put into a style sheet (#rgb or #rrggbb).
_CSS_COLOR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")


def init_templates(app: Flask) -> None:
    """Template globals and filters."""

    app.jinja_env.globals.update(
        price_for_display=price_for_display,
        price_for_lines=price_for_lines,
        display_currency=display_currency,
        DISPLAY_CURRENCIES=DISPLAY_CURRENCIES,
        image_url=image_url,
        scaled=scaled,
        qty=quantity,
        qty_plain=plain,
        qty_number=format_quantity,
        unit_scale=scale,
        per_unit=per_unit,
        absolute_url=absolute,
        now=lambda: datetime.now(UTC),
    )
    app.jinja_env.filters.update(
        label=labels.label_html,
        date=format_date,
        datetime=format_datetime,
        number=format_decimal,
        percent=format_percent,
        split_paragraphs=lambda value: [p.strip() for p in str(value or "").split("\n") if p.strip()],
    )
    app.jinja_env.tests["css_color"] = lambda value: bool(_CSS_COLOR.fullmatch(str(value or "")))
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def init_errors(app: Flask) -> None:
    """Translated error pages; the API answers JSON."""

    def page(code: int):
        def handler(_exc):
            if request_ctx.url_adapter is None:  # the Host header was refused: no URLs can be built
                return app.response_class(f"{code} Bad Request: unknown host\n", mimetype="text/plain"), code
            if request.path.startswith(f"{merchant_api_bp.url_prefix}/"):
                return api_problem(code)  # the merchant API answers problem objects, even for unknown URLs
            if request.path.startswith("/api/"):
                return jsonify({"error": code}), code
            if not g.get("lang"):
                prefix = request.path.strip("/").split("/", 1)[0]
                negotiated = locales.negotiate(request.headers.get("Accept-Language"))
                g.lang = prefix if prefix in locales.LANGS else negotiated
            return render_template(f"errors/{code}.html"), code

        return handler

    for code in (400, 403, 404, 405, 413, 429, 500):
        app.register_error_handler(code, page(code))

    @app.teardown_request
    def rollback_on_error(exc):
        if exc is not None:
            db.session.rollback()


def init_cli(app: Flask) -> None:
    """CLI commands."""

    register(app)
