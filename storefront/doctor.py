"""``flask --app wsgi doctor``: check a deployment's settings and say what is wrong in plain words.

Each check reads the app's configuration (and, where it must, the file system) and yields findings:
``error`` stops a production go-live, ``warning`` is worth a look, ``ok`` says what was checked.
Nothing here touches the network or the database, so it runs before ``db upgrade`` on a new machine, and
``python -m storefront.doctor`` runs it on the environment's settings even when the app refuses to start (for
example with a live Stripe key and no webhook secret).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from storefront.clearance.signing import signer_kind, signing_paths

#: Values that only ever appear in this repository's own demo configuration.
_DEMO_SECRETS = {"whsec_localstripe_dev", "sk_test_12345", "pk_test_12345"}


@dataclass(frozen=True)
class Finding:
    """One result of a check."""

    level: str  #: "ok", "warning" or "error"
    topic: str
    text: str


Check = Callable[[dict], Iterator[Finding]]


def _secret_key(config: dict) -> Iterator[Finding]:
    if config.get("SECRET_KEY_IS_EPHEMERAL"):
        yield Finding(
            "error",
            "secret key",
            "SECRET_KEY is not set: every restart signs everybody out and "
            "signed links break. Set a random value of 32+ characters.",
        )
    elif len(str(config.get("SECRET_KEY", ""))) < 32:
        yield Finding("error", "secret key", "SECRET_KEY is shorter than 32 characters: use a long random value.")
    else:
        yield Finding("ok", "secret key", "SECRET_KEY is set.")


def _public_url(config: dict) -> Iterator[Finding]:
    url = str(config.get("PUBLIC_BASE_URL") or "")
    parts = urlsplit(url)
    if not url or parts.hostname in {"127.0.0.1", "localhost", "::1", None}:
        yield Finding(
            "error",
            "public address",
            f"PUBLIC_BASE_URL is {url or 'empty'} (the development default): "
            "links in e-mails and absolute URLs would point nowhere. Set it to the site's address, e.g. "
            "https://shop.example.cn.",
        )
        return
    if parts.scheme != "https":
        yield Finding(
            "warning",
            "public address",
            f"PUBLIC_BASE_URL {url} is not HTTPS: buyers' card pages and session cookies need HTTPS in production.",
        )
    else:
        yield Finding("ok", "public address", f"PUBLIC_BASE_URL is {url}.")
    if parts.scheme == "https" and not config.get("SESSION_COOKIE_SECURE"):
        yield Finding("warning", "public address", "The site is HTTPS but SESSION_COOKIE_SECURE is off: set it to 1.")


def _stripe(config: dict) -> Iterator[Finding]:
    key = str(config.get("STRIPE_SECRET_KEY", ""))
    base = str(config.get("STRIPE_API_BASE", ""))
    real = "api.stripe.com" in base
    if not real:
        yield Finding(
            "warning",
            "payments",
            f"Stripe calls go to {base or '(nothing)'} (the fake server): "
            "no real card is charged. Set STRIPE_SECRET_KEY to go live.",
        )
        return
    if key in _DEMO_SECRETS or not key.startswith(("sk_live_", "sk_test_", "rk_live_", "rk_test_")):
        yield Finding("error", "payments", "STRIPE_SECRET_KEY does not look like a Stripe secret key.")
    elif key.startswith(("sk_test_", "rk_test_")):
        yield Finding("warning", "payments", "STRIPE_SECRET_KEY is a test-mode key: no real money moves.")
    else:
        yield Finding("ok", "payments", "A live Stripe key is set.")
    hook = str(config.get("STRIPE_WEBHOOK_SECRET") or "")
    if not hook or hook in _DEMO_SECRETS:
        yield Finding(
            "error",
            "payments",
            "STRIPE_WEBHOOK_SECRET is missing or the public development value: "
            "anyone could forge payment events. Copy the signing secret of the webhook endpoint from "
            "the Stripe dashboard.",
        )
    if str(config.get("STRIPE_PUBLISHABLE_KEY", "")) in _DEMO_SECRETS:
        yield Finding("error", "payments", "STRIPE_PUBLISHABLE_KEY is the demo value: the card form cannot load.")


def _customs(config: dict) -> Iterator[Finding]:
    xsd = Path(str(config.get("CEB_XSD_DIR") or ""))
    if not (xsd.is_dir() and any(xsd.glob("*.xsd"))):
        yield Finding(
            "error",
            "customs",
            f"CEB_XSD_DIR ({xsd}) has no XSD files: messages cannot be validated "
            "and the clearance worker will not start. Point it at the official CEB 2022 XSD folder.",
        )
    else:
        yield Finding("ok", "customs", f"XSDs found in {xsd}.")
    transport = str(config.get("CLEARANCE_TRANSPORT", "simulator"))
    if transport == "simulator":
        yield Finding(
            "warning",
            "customs",
            "CLEARANCE_TRANSPORT is 'simulator': nothing reaches China Customs. "
            "Use 'folder' (e-port client) or 'http' to go live.",
        )
    live = transport != "simulator"
    if signer_kind(config) == "none":
        yield Finding(
            "error" if live else "warning",
            "customs",
            "CLEARANCE_SIGNER is 'none': CEB603/605/607/509/"
            "701 must be signed (sm2 or rsa) before customs accepts them; the worker refuses to send them.",
        )
    elif not config.get("CLEARANCE_SIGN_KEY"):
        yield Finding(
            "error" if live else "warning",
            "customs",
            "No CLEARANCE_SIGN_KEY / CLEARANCE_SIGN_CERT: "
            "messages are signed with the generated demo key pair, which customs does not know. Configure "
            "the enterprise's key and certificate (or a signing service).",
        )
    else:
        for path in signing_paths(config):
            if not path.is_file():
                yield Finding("error", "customs", f"Signing file {path} is not a readable file.")
    for name in ("CLEARANCE_EBP_CODE", "CLEARANCE_DXP_ID", "CLEARANCE_LOGISTICS_CODE"):
        if "DEMO" in str(config.get(name, "")):
            level = "warning" if transport == "simulator" else "error"
            yield Finding(level, "customs", f"{name} is still the demo value: set the platform's real code.")


def _mail(config: dict) -> Iterator[Finding]:
    if config.get("MAIL_BACKEND") == "file":
        yield Finding(
            "warning",
            "mail",
            "Mail is written to files under DATA_DIR/mail, not sent. Set SMTP_HOST "
            "(and SMTP_USER / SMTP_PASSWORD) to send it.",
        )
    elif not config.get("SMTP_HOST"):
        yield Finding("error", "mail", "MAIL_BACKEND is smtp but SMTP_HOST is empty.")
    else:
        yield Finding("ok", "mail", f"Mail goes through {config['SMTP_HOST']}:{config.get('SMTP_PORT')}.")
    if config.get("MAIL_DELIVERY", "worker") not in ("worker", "after_commit"):
        yield Finding("error", "mail", "MAIL_DELIVERY must be worker (flask mail run beside the site) or after_commit.")
    elif config.get("MAIL_DELIVERY") == "after_commit":
        yield Finding(
            "warning",
            "mail",
            "MAIL_DELIVERY is after_commit: pages wait for the mail server. Use worker "
            "and run `flask --app wsgi mail run` beside the site (tasks.py serve does).",
        )
    if "kuajing.example" in str(config.get("MAIL_FROM", "")):
        yield Finding("warning", "mail", "MAIL_FROM is the example address: buyers' replies go nowhere.")


def _shared_state(config: dict) -> Iterator[Finding]:
    database = str(config.get("SQLALCHEMY_DATABASE_URI", ""))
    limiter = str(config.get("RATELIMIT_STORAGE_URI", "memory://"))
    cache = str(config.get("CACHE_URL") or config.get("CACHE_REDIS_URL") or "")
    several = int(config.get("WEB_CONCURRENCY") or 1) > 1 or database.startswith("postgresql")
    if database.startswith("sqlite"):
        yield Finding(
            "warning",
            "database",
            "SQLite: fine for one machine; use PostgreSQL (DATABASE_URL) for several app nodes or workers under load.",
        )
    else:
        yield Finding("ok", "database", "PostgreSQL is configured.")
    if limiter.startswith("memory") and several:
        yield Finding(
            "warning",
            "rate limits",
            "RATELIMIT_STORAGE_URI is memory://: each worker counts sign-in "
            "attempts on its own. Use redis://… so the limit holds across processes and machines.",
        )
    if not cache and several:
        yield Finding(
            "warning",
            "cache",
            "No shared cache (CACHE_URL): each worker caches pages on its own and "
            "a change on one node is not seen by another's cache. Use redis://….",
        )


def _pool(config: dict) -> Iterator[Finding]:
    options = config.get("SQLALCHEMY_ENGINE_OPTIONS") or {}
    if "pool_size" not in options:
        return  # SQLite: SQLAlchemy's own pool, one process
    threads = int(config.get("GUNICORN_THREADS") or 1)
    size = int(options["pool_size"]) + int(options.get("max_overflow", 0))
    # A request holds one connection at a time; the worker's search index writer and event follower each need
    # one more while a request thread may be waiting (storefront.search.sync).
    need = threads + 2
    if size < need:
        yield Finding(
            "warning",
            "database pool",
            f"GUNICORN_THREADS={threads}: each worker needs up to {need} database connections at once, but "
            f"DB_POOL_SIZE + DB_MAX_OVERFLOW is {size}: under load requests wait for a connection (30 s, then an "
            "error). Raise DB_MAX_OVERFLOW or lower GUNICORN_THREADS.",
        )
    else:
        yield Finding("ok", "database pool", f"{size} connections per worker for {threads} request thread(s).")


#: Every check, in the order the report prints them.
CHECKS: tuple[Check, ...] = (_secret_key, _public_url, _stripe, _customs, _mail, _shared_state, _pool)


def diagnose(config: Mapping) -> list[Finding]:
    """Run every check against a configuration mapping (an app's config, or ``load_config()``)."""
    config = dict(config)
    return [finding for check in CHECKS for finding in check(config)]


def report(findings: list[Finding], echo: Callable[[str], object] = print) -> int:
    """Print the findings; the exit status: 1 when any is an error, else 0."""
    marks = {"ok": "  ok     ", "warning": "  WARN   ", "error": "  ERROR  "}
    for finding in findings:
        echo(f"{marks[finding.level]}{finding.topic}: {finding.text}")
    errors = sum(f.level == "error" for f in findings)
    echo(f"doctor: {errors} error(s), {sum(f.level == 'warning' for f in findings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":  # python -m storefront.doctor: works even when the app refuses to start
    import sys

    from storefront.config import load_config

    try:
        loaded = load_config()
    except ValueError as exc:  # a setting that cannot be read at all: say which, in its own words
        sys.exit(report([Finding("error", "settings", str(exc))]))
    sys.exit(report(diagnose(loaded)))
