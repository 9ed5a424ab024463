"""Settings from environment variables, in one place."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent


def _bool(value: str | None, default: bool = False) -> bool:
    """Read a boolean environment value ('1', 'true', 'yes', 'on')."""
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_config(env: dict[str, str] | None = None) -> dict:
    """Build the Flask config mapping from the environment (one group of settings per helper below)."""
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("DATA_DIR") or ROOT / "data").resolve()
    secret = env.get("SECRET_KEY")
    port = int(env.get("PORT", "5000"))
    public_base_url = (env.get("PUBLIC_BASE_URL") or f"http://127.0.0.1:{port}").rstrip("/")
    return {
        "SECRET_KEY": secret or secrets.token_hex(32),
        "SECRET_KEY_IS_EPHEMERAL": not secret,
        "DATA_DIR": str(data_dir),
        "PORT": port,
        #: gunicorn's worker processes and request threads per worker (gunicorn.conf.py reads the same variables;
        #: here for ``doctor``).
        "WEB_CONCURRENCY": int(env.get("WEB_CONCURRENCY", "2")),
        "GUNICORN_THREADS": int(env.get("GUNICORN_THREADS", "1")),
        "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": env.get("TIMEZONE", "Asia/Shanghai"),
        "PAGE_SIZE": int(env.get("PAGE_SIZE", "24")),
        #: Anonymous pages kept rendered per worker (0 turns the page cache off).
        "PAGE_CACHE_SIZE": int(env.get("PAGE_CACHE_SIZE", "512")),
        "PREFERRED_URL_SCHEME": env.get("PREFERRED_URL_SCHEME", "http"),
        #: Trust X-Forwarded-For/-Proto/-Host (one proxy hop); only behind a proxy that sets them.
        "PROXY_FIX": _bool(env.get("PROXY_FIX")),
        #: The site's public address: every absolute URL and e-mail link is built from it, never from the
        #: request's Host header. Defaults to the development server on the loopback address.
        "PUBLIC_BASE_URL": public_base_url,
        #: Host names requests may be addressed to (others get 400); Flask checks them on every request.
        "TRUSTED_HOSTS": _trusted_hosts(env, public_base_url),
        **_database(env, data_dir),
        **_limits(env),
        **_search(env),
        **_accounts(env, https=public_base_url.startswith("https:")),
        **_browser(env),
        **_commerce(env),
        **_clearance(env),
    }


def _database(env: dict[str, str], data_dir: Path) -> dict:
    """The database (``DATABASE_URL``; SQLite in ``DATA_DIR`` by default) and its engine options."""
    database_url = env.get("DATABASE_URL") or f"sqlite:///{data_dir / 'kuajing.sqlite3'}"
    for scheme in ("postgres://", "postgresql://"):
        if database_url.startswith(scheme):
            database_url = "postgresql+psycopg://" + database_url[len(scheme) :]
    return {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": _engine_options(database_url, env),
        "SQLALCHEMY_RECORD_QUERIES": _bool(env.get("SQLALCHEMY_RECORD_QUERIES")),
    }


def _limits(env: dict[str, str]) -> dict:
    """Shared cache, rate limits, upload sizes and other per-user limits."""
    cache_url = env.get("CACHE_URL", "")
    megabytes = 1024 * 1024
    return {
        #: Shared cache (redis://…) for pages, fragments and counts; empty means an in-process cache per worker.
        "CACHE_URL": cache_url,
        #: Flask-Limiter storage; defaults to the shared cache's Redis so limits hold across workers and nodes.
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI")
        or (cache_url if cache_url.startswith("redis") else "memory://"),
        "RATELIMIT_ENABLED": _bool(env.get("RATELIMIT_ENABLED"), True),
        "LOGIN_RATE_LIMIT": env.get("LOGIN_RATE_LIMIT", "10 per minute"),
        "API_RATE_LIMIT": env.get("API_RATE_LIMIT", "120 per minute"),  # merchant REST API, per API key
        "MAX_CONTENT_LENGTH": int(env.get("MAX_UPLOAD_MB", "16")) * megabytes,
        "DOCUMENT_MAX_BYTES": int(env.get("DOCUMENT_MAX_MB", "8")) * megabytes,
        "IMAGE_MAX_BYTES": int(env.get("IMAGE_MAX_MB", "8")) * megabytes,
        "SHEET_MAX_BYTES": int(env.get("SHEET_MAX_MB", "12")) * megabytes,
        "MESSAGE_FILE_MAX_BYTES": int(env.get("MESSAGE_FILE_MAX_MB", "8")) * megabytes,
        # conversations a buyer may open per day with sellers they have not bought from
        "MESSAGE_NEW_PER_DAY": int(env.get("MESSAGE_NEW_PER_DAY", "10")),
        # days from payment within which a parcel counts as shipped on time (seller credit rating)
        "SHIP_ON_TIME_DAYS": int(env.get("SHIP_ON_TIME_DAYS", "7")),
        # a new merchant's first N products wait for an operator's approval (0: no listing review)
        "LISTING_REVIEW_FIRST_N": int(env.get("LISTING_REVIEW_FIRST_N", "0")),
        # seconds a webhook endpoint may take to answer before the delivery is retried later
        "WEBHOOK_TIMEOUT": float(env.get("WEBHOOK_TIMEOUT", "5")),
        # Outbound webhooks may call private, loopback and link-local addresses (development and tests only).
        "WEBHOOK_ALLOW_PRIVATE": env.get("WEBHOOK_ALLOW_PRIVATE", "0") == "1",
    }


def _search(env: dict[str, str]) -> dict:
    """The search index (storefront.search)."""
    return {
        #: Search index directory; empty means DATA_DIR/search (resolved by storefront.search.init_app).
        "SEARCH_DIR": env.get("SEARCH_DIR", ""),
        #: Seconds an index writer waits for another process's write lock.
        "SEARCH_WRITE_TIMEOUT": float(env.get("SEARCH_WRITE_TIMEOUT", "10")),
        #: Seconds between a process's catch-ups with other nodes' index events on search requests (0: never).
        "SEARCH_FOLLOW_SECONDS": float(env.get("SEARCH_FOLLOW_SECONDS", "2")),
        #: Who writes this node's search indexes (docs/search.md): ``commit``, the process that commits, right
        #: after the commit (the default; ``tasks.py run``); ``follower``, a ``flask search follow`` worker on
        #: the node, from the index events, so no request waits for a Whoosh write and a change is searchable
        #: about a second after its commit (``tasks.py serve`` sets it and starts that worker); ``read``, the
        #: process that commits, when it next reads that index (the test suite: most tests never search).
        "SEARCH_INDEX_WRITES": search_index_writes(env),
        #: Writer processes for a full search reindex; 0 means min(4, CPU count).
        "SEARCH_INDEX_PROCS": int(env.get("SEARCH_INDEX_PROCS", "0")),
    }


def _accounts(env: dict[str, str], https: bool) -> dict:
    """Passwords, session and "remember me" cookies, CSRF tokens and e-mailed links."""
    return {
        #: werkzeug hash method for new passwords (scrypt, n=2**15, r=8, p=1); tests use a cheap one.
        "PASSWORD_HASH_METHOD": env.get("PASSWORD_HASH_METHOD", "scrypt"),
        "WTF_CSRF_ENABLED": _bool(env.get("WTF_CSRF_ENABLED"), True),
        # Tokens live as long as the session, so a page revalidated with a 304 keeps a working form.
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        #: Secure cookies by default when the public address is HTTPS.
        "SESSION_COOKIE_SECURE": _bool(env.get("SESSION_COOKIE_SECURE"), https),
        #: "Keep me signed in" cookie: lifetime in days, same flags as the session cookie.
        "REMEMBER_COOKIE_DURATION": timedelta(days=int(env.get("REMEMBER_DAYS", "14"))),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": _bool(env.get("SESSION_COOKIE_SECURE"), https),
        "REMEMBER_COOKIE_REFRESH_EACH_REQUEST": False,
        #: Seconds a registration's e-mail confirmation link stays valid.
        "EMAIL_VERIFY_MAX_AGE": int(env.get("EMAIL_VERIFY_MAX_AGE", str(3 * 24 * 3600))),
        #: Seconds a password reset link stays valid.
        "PASSWORD_RESET_MAX_AGE": int(env.get("PASSWORD_RESET_MAX_AGE", "3600")),
    }


def _trusted_hosts(env: dict[str, str], public_base_url: str) -> list[str]:
    """``TRUSTED_HOSTS`` (comma-separated; ``.example.com`` allows sub-domains) plus the public host; without
    an explicit ``PUBLIC_BASE_URL`` the loopback names too (development server, tests)."""
    hosts = [h.strip().lower() for h in env.get("TRUSTED_HOSTS", "").split(",") if h.strip()]
    public_host = urlsplit(public_base_url).hostname
    if public_host:
        hosts.append(public_host)
    if not env.get("PUBLIC_BASE_URL"):
        hosts += ["127.0.0.1", "localhost"]
    return list(dict.fromkeys(hosts))


def _browser(env: dict[str, str]) -> dict:
    """Browser protections sent with every response (storefront.core.headers)."""
    return {
        #: Strict-Transport-Security max-age (seconds) on HTTPS responses; 0 turns HSTS off.
        "HSTS_SECONDS": int(env.get("HSTS_SECONDS", "31536000")),
        #: Extra CSP sources for scripts/frames/connections (space-separated), e.g. an analytics origin.
        "CSP_EXTRA_SOURCES": env.get("CSP_EXTRA_SOURCES", ""),
    }


#: The values of SEARCH_INDEX_WRITES.
SEARCH_INDEX_WRITERS = ("commit", "follower", "read")


def search_index_writes(env: Mapping[str, str]) -> str:
    """SEARCH_INDEX_WRITES from the environment; the two settings it replaced are refused with the new spelling."""
    for old, new in (("SEARCH_FOLLOWER", "follower"), ("SEARCH_INDEX_ON_COMMIT", "commit or read")):
        if old in env:
            raise ValueError(f"{old} is no longer read: set SEARCH_INDEX_WRITES={new} instead")
    value = env.get("SEARCH_INDEX_WRITES", "commit").strip().lower()
    if value not in SEARCH_INDEX_WRITERS:
        raise ValueError(f"SEARCH_INDEX_WRITES must be one of {', '.join(SEARCH_INDEX_WRITERS)}, not {value!r}")
    return value


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


#: Where the development Stripe fake (localstripe) listens when no real key is configured.
LOCALSTRIPE_DEFAULT = "http://127.0.0.1:8420"


#: The development webhook secret; accepted only while a fake Stripe server is in use.
DEV_WEBHOOK_SECRET = "whsec_localstripe_dev"  # noqa: S105 - public by design, refused with real Stripe


def stripe_is_fake(api_base: str, declared: bool = False) -> bool:
    """True when ``STRIPE_API_BASE`` is a fake Stripe (localstripe on loopback, or ``STRIPE_FAKE=1``)."""
    host = (urlsplit(api_base).hostname or "").lower()
    return declared or host in {"127.0.0.1", "localhost", "::1"}


def _commerce(env: dict[str, str]) -> dict:
    """Cart, checkout, Stripe, bank transfer and mail settings (ordering and payments)."""
    real_default = "https://api.stripe.com" if env.get("STRIPE_SECRET_KEY") else LOCALSTRIPE_DEFAULT
    stripe_base = (env.get("STRIPE_API_BASE") or real_default).rstrip("/")
    real_stripe = "api.stripe.com" in stripe_base
    fake_stripe = stripe_is_fake(stripe_base, _bool(env.get("STRIPE_FAKE")))
    return {
        # Stripe: localstripe and fake keys unless STRIPE_SECRET_KEY is set (then api.stripe.com by default).
        "STRIPE_SECRET_KEY": env.get("STRIPE_SECRET_KEY", "sk_test_12345"),
        "STRIPE_PUBLISHABLE_KEY": env.get("STRIPE_PUBLISHABLE_KEY", "pk_test_12345"),
        # No default unless the fake server is used: start-up refuses real Stripe without a secret.
        "STRIPE_WEBHOOK_SECRET": env.get("STRIPE_WEBHOOK_SECRET") or (DEV_WEBHOOK_SECRET if fake_stripe else ""),
        # A fake Stripe server not on loopback (e.g. localstripe in another container) must be declared.
        "STRIPE_FAKE": _bool(env.get("STRIPE_FAKE")),
        # Days of PaymentIntents `flask payments reconcile` and the worker compare with our attempts.
        "PAYMENTS_RECONCILE_DAYS": int(env.get("PAYMENTS_RECONCILE_DAYS", "3")),
        # Days after delivery (shipping / service completion) before a seller's money can be paid out.
        "PAYOUT_HOLD_DAYS": int(env.get("PAYOUT_HOLD_DAYS", "14")),
        # Seconds between reconcile passes in the clearance worker (0: never).
        "PAYMENTS_RECONCILE_SECONDS": float(env.get("PAYMENTS_RECONCILE_SECONDS", "600")),
        "STRIPE_API_BASE": stripe_base,
        "STRIPE_JS_URL": env.get("STRIPE_JS_URL")
        or ("https://js.stripe.com/v3/" if real_stripe else stripe_base + "/js.stripe.com/v3/"),
        "STRIPE_TIMEOUT": float(env.get("STRIPE_TIMEOUT", "20")),
        # Checkout: currencies a buyer may be charged in (ISO codes), and the fallback one.
        "CHARGE_CURRENCIES": tuple(
            code.strip().upper()
            for code in env.get("CHARGE_CURRENCIES", "CNY,USD,EUR,KRW,RUB").split(",")
            if code.strip()
        ),
        "DEFAULT_CHARGE_CURRENCY": env.get("DEFAULT_CHARGE_CURRENCY", "USD").upper(),
        # Card confirmations per client address (slows down card testing).
        "PAY_RATE_LIMIT": env.get("PAY_RATE_LIMIT", "20 per minute"),
        # Stock held for an unpaid order: card payments (minutes), bank transfers (hours).
        "RESERVATION_MINUTES": int(env.get("RESERVATION_MINUTES", "30")),
        "TRANSFER_RESERVATION_HOURS": int(env.get("TRANSFER_RESERVATION_HOURS", "120")),
        # Days a shipped order keeps the buyer's customs code / passport / INN (`flask orders forget-customs-ids`).
        "CUSTOMS_ID_KEEP_DAYS": int(env.get("CUSTOMS_ID_KEEP_DAYS", "30")),
        # Bank transfer (T/T) account: labelled fields (BANK_FIELDS) shown in the buyer's language on the order
        # page, in the T/T e-mail and on the proforma invoice. A JSON object, or the older "Label: value" lines.
        "BANK_TRANSFER_DETAILS": bank_details(env.get("BANK_TRANSFER_DETAILS", "")),
        # Mail: SMTP when SMTP_HOST is set, else .eml files under DATA_DIR/mail.
        "MAIL_BACKEND": env.get("MAIL_BACKEND") or ("smtp" if env.get("SMTP_HOST") else "file"),
        "MAIL_FROM": env.get("MAIL_FROM", "Kuajing <no-reply@kuajing.example>"),
        # Delivery from the mail outbox: "worker" (flask mail run, started by tasks.py) or "after_commit"
        # (tests and one-off tools: delivered by the committing process, failures left for the worker).
        "MAIL_DELIVERY": env.get("MAIL_DELIVERY", "worker"),
        "MAIL_MAX_ATTEMPTS": int(env.get("MAIL_MAX_ATTEMPTS", "8")),
        "MAIL_RETRY_BASE_SECONDS": float(env.get("MAIL_RETRY_BASE_SECONDS", "60")),
        "MAIL_RETRY_MAX_SECONDS": float(env.get("MAIL_RETRY_MAX_SECONDS", "3600")),
        "SMTP_HOST": env.get("SMTP_HOST", ""),
        "SMTP_PORT": int(env.get("SMTP_PORT", "587")),
        "SMTP_USER": env.get("SMTP_USER", ""),
        "SMTP_PASSWORD": env.get("SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": _bool(env.get("SMTP_STARTTLS"), True),
        "SMTP_SSL": _bool(env.get("SMTP_SSL")),
        "SMTP_TIMEOUT": float(env.get("SMTP_TIMEOUT", "20")),
    }


#: The fields of the T/T bank account, in the order documents show them ("note": anything else).
BANK_FIELDS = ("account_holder", "bank", "bank_address", "swift", "account", "note")
_DEMO_BANK = {
    "account_holder": "Kuajing Cross-border Platform Co., Ltd. (demo)",
    "bank": "Bank of China, Dalian Branch",
    "swift": "BKCHCNBJ810",
    "account": "0000 0000 0000 0000 (demo)",
}
#: Labels the older text form of BANK_TRANSFER_DETAILS used, lower case → field.
_BANK_LABELS = {
    "beneficiary": "account_holder",
    "account holder": "account_holder",
    "account name": "account_holder",
    "bank": "bank",
    "bank name": "bank",
    "bank address": "bank_address",
    "address": "bank_address",
    "swift": "swift",
    "bic": "swift",
    "swift/bic": "swift",
    "account": "account",
    "account number": "account",
    "iban": "account",
}


def bank_details(raw: str) -> dict[str, str]:
    """The T/T account as {field: value} (BANK_FIELDS) from a JSON object or "Label: value" lines (parts of a
    line may be separated by " · ", e.g. "Bank: Bank of China · SWIFT BKCHCNBJ810"); unknown text → "note"."""
    raw = (raw or "").strip()
    if not raw:
        return dict(_DEMO_BANK)
    if raw.startswith("{"):
        data = json.loads(raw)
        if not isinstance(data, dict) or set(data) - set(BANK_FIELDS):
            raise ValueError(f"BANK_TRANSFER_DETAILS: a JSON object with the keys {', '.join(BANK_FIELDS)}")
        return {key: str(value).strip() for key, value in data.items() if str(value).strip()}
    fields: dict[str, str] = {}
    notes: list[str] = []
    for part in (p.strip() for line in raw.splitlines() for p in line.split(" · ")):
        label, sep, value = part.partition(":")
        if not sep and part.upper().startswith(("SWIFT ", "BIC ")):
            label, value = part.split(" ", 1)
        key = _BANK_LABELS.get(label.strip().lower()) if value.strip() else None
        if key and key not in fields:
            fields[key] = value.strip()
        elif part:
            notes.append(part)
    if notes:
        fields["note"] = "\n".join(notes)
    return fields


def _clearance(env: dict[str, str]) -> dict:
    """Customs clearance: platform identity, customs offices, transport, signing, worker limits."""
    return {
        # Official CEB 2022 XSDs (never copied into the repository).
        "CEB_XSD_DIR": env.get("CEB_XSD_DIR") or str(ROOT.parent / "shared/customs/ceb-2022/xsd"),
        # Validate messages before they enter the outbox: auto (when the XSDs are present), 1 (always), 0.
        "CLEARANCE_VALIDATE": env.get("CLEARANCE_VALIDATE", "auto").lower(),
        # The platform (e-commerce platform, ebp), also the transmitting enterprise (copCode, dxpId).
        "CLEARANCE_EBP_CODE": env.get("CLEARANCE_EBP_CODE", "91210200MA0KJ00012"),
        "CLEARANCE_EBP_NAME": env.get("CLEARANCE_EBP_NAME", "辽宁特产跨境电商平台（演示）"),
        "CLEARANCE_DXP_ID": env.get("CLEARANCE_DXP_ID", "DXPENTDEMO000001"),
        # Receiver of the DxpMsg envelope at the data exchange platform (folder/http transports).
        "CLEARANCE_DXP_RECEIVER": env.get("CLEARANCE_DXP_RECEIVER", "DXPEDCCEB0000002"),
        # Declaring agent (申报企业 / 报关单位); defaults to the platform itself.
        "CLEARANCE_AGENT_CODE": env.get("CLEARANCE_AGENT_CODE", ""),
        "CLEARANCE_AGENT_NAME": env.get("CLEARANCE_AGENT_NAME", ""),
        # Customs office of declaration and exit port (4-digit customs codes), transport mode (1 char).
        "CLEARANCE_CUSTOMS_CODE": env.get("CLEARANCE_CUSTOMS_CODE", "0901"),
        "CLEARANCE_PORT_CODE": env.get("CLEARANCE_PORT_CODE", "0901"),
        "CLEARANCE_TRAF_MODE": env.get("CLEARANCE_TRAF_MODE", "5"),
        # Departures: "batch" (the merchant enters the conveyance for a set of released parcels; one CEB509 each)
        # or "parcel" (legacy: one CEB509 per released parcel without conveyance data).
        "CLEARANCE_DEPARTURE": env.get("CLEARANCE_DEPARTURE", "batch").lower(),
        # Logistics enterprises: "key=code:name;…" (key matched against the carrier the merchant names),
        # and the default one used for other carriers.
        "CLEARANCE_CARRIERS": env.get("CLEARANCE_CARRIERS", ""),
        "CLEARANCE_LOGISTICS_CODE": env.get("CLEARANCE_LOGISTICS_CODE", "91210200MA0KJ00038"),
        "CLEARANCE_LOGISTICS_NAME": env.get("CLEARANCE_LOGISTICS_NAME", "辽东国际快递有限公司（演示）"),
        # Payment enterprise named on the payment receipt (CEB403).
        "CLEARANCE_PAY_NAME": env.get("CLEARANCE_PAY_NAME", "Stripe Payments"),
        # Transport: simulator (default), folder or http.
        "CLEARANCE_TRANSPORT": env.get("CLEARANCE_TRANSPORT", "simulator").lower(),
        "CLEARANCE_SIM_INSPECT_OVER": env.get("CLEARANCE_SIM_INSPECT_OVER", ""),
        # Folder transport (defaults under DATA_DIR/eport/…).
        "CLEARANCE_SEND_DIR": env.get("CLEARANCE_SEND_DIR", ""),
        "CLEARANCE_RECEIVE_DIR": env.get("CLEARANCE_RECEIVE_DIR", ""),
        "CLEARANCE_ARCHIVE_DIR": env.get("CLEARANCE_ARCHIVE_DIR", ""),
        "CLEARANCE_QUARANTINE_DIR": env.get("CLEARANCE_QUARANTINE_DIR", ""),
        # HTTP transport.
        "CLEARANCE_HTTP_URL": env.get("CLEARANCE_HTTP_URL", ""),
        "CLEARANCE_HTTP_RECEIPTS_URL": env.get("CLEARANCE_HTTP_RECEIPTS_URL", ""),
        "CLEARANCE_HTTP_TOKEN": env.get("CLEARANCE_HTTP_TOKEN", ""),
        "CLEARANCE_HTTP_TIMEOUT": float(env.get("CLEARANCE_HTTP_TIMEOUT", "10")),
        # Signing: none or rsa (PEM key and certificate files; see docs/customs.md for SM2).
        "CLEARANCE_SIGNER": env.get("CLEARANCE_SIGNER", "sm2").lower(),
        "CLEARANCE_SIGN_KEY": env.get("CLEARANCE_SIGN_KEY", ""),
        "CLEARANCE_SIGN_CERT": env.get("CLEARANCE_SIGN_CERT", ""),
        "CLEARANCE_SIGN_KEY_NAME": env.get("CLEARANCE_SIGN_KEY_NAME", ""),
        # Worker: attempts before a dead letter, backoff (s, doubling, capped), claim lease, batch, poll.
        "CLEARANCE_MAX_ATTEMPTS": int(env.get("CLEARANCE_MAX_ATTEMPTS", "8")),
        "CLEARANCE_BACKOFF_SECONDS": float(env.get("CLEARANCE_BACKOFF_SECONDS", "30")),
        "CLEARANCE_BACKOFF_MAX_SECONDS": float(env.get("CLEARANCE_BACKOFF_MAX_SECONDS", "3600")),
        "CLEARANCE_LEASE_SECONDS": float(env.get("CLEARANCE_LEASE_SECONDS", "300")),
        "CLEARANCE_BATCH": int(env.get("CLEARANCE_BATCH", "50")),
        "CLEARANCE_POLL_SECONDS": float(env.get("CLEARANCE_POLL_SECONDS", "5")),
    }
