"""gunicorn settings for production (and the web benchmark, which uses the same file for both apps)."""

import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
backlog = 2048
# Behind a reverse proxy on the same host: trust its X-Forwarded-* headers (see docs/operations.md).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = 50 if max_requests else 0


def post_fork(server, worker):
    """Each worker opens its own database connections (never share a pool across a fork)."""
    app = getattr(worker, "app", None)
    wsgi = getattr(app, "callable", None) if app else None
    if wsgi is not None and hasattr(wsgi, "extensions") and "sqlalchemy" in wsgi.extensions:
        with wsgi.app_context():
            wsgi.extensions["sqlalchemy"].engine.dispose()
