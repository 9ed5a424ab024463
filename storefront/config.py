"""Settings from environment variables, in one place."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bool(value: str | None, default: bool = False) -> bool:
    """Read a boolean environment value ('1', 'true', 'yes', 'on')."""
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_config(env: dict[str, str] | None = None) -> dict:
    """Build the Flask config mapping from the environment."""
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("DATA_DIR") or ROOT / "data").resolve()
    database_url = env.get("DATABASE_URL") or f"sqlite:///{data_dir / 'kuajing.sqlite3'}"
    if database_url.startswith("postgres://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgres://") :]
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]
    secret = env.get("SECRET_KEY")
    return {
        "SECRET_KEY": secret or secrets.token_hex(32),
        "SECRET_KEY_IS_EPHEMERAL": not secret,
        "DATA_DIR": str(data_dir),
        "PORT": int(env.get("PORT", "5000")),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": _engine_options(database_url, env),
        "SQLALCHEMY_RECORD_QUERIES": _bool(env.get("SQLALCHEMY_RECORD_QUERIES")),
        "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": env.get("TIMEZONE", "Asia/Shanghai"),
        "WTF_CSRF_ENABLED": _bool(env.get("WTF_CSRF_ENABLED"), True),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_ENABLED": _bool(env.get("RATELIMIT_ENABLED"), True),
        "LOGIN_RATE_LIMIT": env.get("LOGIN_RATE_LIMIT", "10 per minute"),
        "MAX_CONTENT_LENGTH": int(env.get("MAX_UPLOAD_MB", "16")) * 1024 * 1024,
        "PAGE_SIZE": int(env.get("PAGE_SIZE", "24")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _bool(env.get("SESSION_COOKIE_SECURE")),
        "PREFERRED_URL_SCHEME": env.get("PREFERRED_URL_SCHEME", "http"),
        "PROXY_FIX": _bool(env.get("PROXY_FIX")),
    }


def _engine_options(url: str, env: dict[str, str]) -> dict:
    """Engine options per backend: pool sizes for PostgreSQL, busy timeout for SQLite."""
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": float(env.get("SQLITE_BUSY_TIMEOUT", "15"))}}
    return {
        "pool_size": int(env.get("DB_POOL_SIZE", "5")),
        "max_overflow": int(env.get("DB_MAX_OVERFLOW", "5")),
        "pool_pre_ping": True,
        "pool_recycle": 1800,
    }
