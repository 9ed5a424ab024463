"""Shared fixtures: one app per session, a clean database per test, a seeded read-only demo app,
a live server class, a throwaway PostgreSQL cluster (browser fixtures: tests/browser/conftest.py).

A plugin, not the conftest: ``tests/conftest.py`` loads it in every process that runs tests, and the xdist
controller, which runs none, does not import the app."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import sqlite3
import tempfile
import threading
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from filelock import FileLock
from flask_migrate import upgrade
from jinja2 import FileSystemBytecodeCache
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.pool import NullPool

from storefront import search
from storefront.app import create_app
from storefront.config import _engine_options
from storefront.demo.seed import seed_demo
from storefront.extensions import cache, db
from storefront.search import events as search_events
from storefront.search import kinds
from tests import factories
from tests.conftest import USE_PG
from tests.pg import Cluster, pg_bindir


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL cluster for the session (skipped when the server is not installed)."""
    if pg_bindir() is None:
        pytest.skip("PostgreSQL server binaries not found; install the 'postgresql' package")
    cluster = Cluster().start()
    yield cluster
    cluster.stop()


def _database_url(request, tmp_path, name: str) -> str:
    if USE_PG:
        return request.getfixturevalue("pg_cluster").createdb(name)
    return f"sqlite:///{tmp_path / (name + '.sqlite3')}"


def make_app(data_dir, url: str, **extra):
    """An app configured for tests."""
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "DATA_DIR": str(data_dir),
        "SQLALCHEMY_DATABASE_URI": url,
        "SQLALCHEMY_ENGINE_OPTIONS": _engine_options(url, {}),  # the URL's backend, not the environment's
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": None,
        # Cheap hashing in tests only (scrypt's cost was 44 % of the suite's time); production keeps scrypt.
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        # The clearance worker's periodic payments reconcile is off unless a test turns it on.
        "PAYMENTS_RECONCILE_SECONDS": 0,
        # Mail goes through the outbox as in production and is delivered right after the commit (no worker).
        "MAIL_DELIVERY": "after_commit",
        # Index changes are applied when the app next reads that index, not after every commit (most tests
        # never search: the Whoosh write was 12 % of their time). Tests of the after-commit path use "commit".
        "SEARCH_INDEX_WRITES": "read",
        # Webhook tests post to a recorder on 127.0.0.1 (production refuses non-public addresses).
        "WEBHOOK_ALLOW_PRIVATE": True,
    }
    config.update(extra)
    application = create_app(config)
    application.jinja_env.bytecode_cache = _TEMPLATE_CACHE
    _created_apps.append(application)
    return application


#: Compiled templates shared by every test app, worker and run (the system temporary directory's
#: ``_jinja2-cache-<uid>``; Jinja recompiles a template whose source changed). A worker makes several apps
#: (``app``, ``demo_app``, live servers, tests' own) and each compiled what it rendered: ≈ 1.7 CPU-s for all.
_TEMPLATE_CACHE = FileSystemBytecodeCache()


#: Every app made for tests; apps made inside a test have their pools closed after it (no leaked connections).
_created_apps: list = []


def _dispose(application) -> None:
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _dispose_test_apps():
    """Close the connection pools of apps a test created for itself."""
    before = len(_created_apps)
    yield
    while len(_created_apps) > before:
        _dispose(_created_apps.pop())


def _upgrade(app) -> None:
    with app.app_context():
        upgrade(revision="heads")


@functools.cache
def _sqlite_schema_template() -> Path:
    """A SQLite file migrated to the heads once per test process (removed at exit)."""
    directory = Path(tempfile.mkdtemp(prefix="kj-schema-"))
    atexit.register(shutil.rmtree, directory, True)
    path = directory / "schema.sqlite3"
    application = make_app(directory, f"sqlite:///{path}")
    _upgrade(application)
    with application.app_context():
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=DELETE")  # one self-contained file (no -wal beside it)
        db.engine.dispose()
    return path


#: Per PostgreSQL server (host, port): the name of a database migrated to the heads in this process, kept
#: untouched as the template of the next empty databases (``CREATE DATABASE … TEMPLATE``).
_pg_schema_templates: dict[tuple, str] = {}


def _pg_from_template(app, url) -> bool:
    """Migrate an empty PostgreSQL database, or replace it by a copy of one migrated earlier on the same server
    in this process (the migrations cost ≈ 0.4 CPU-s here and ≈ 1 s of the server's time; a copy ≈ 0.1 s).
    False (nothing done) when the database already holds tables."""
    with app.app_context():
        db.session.remove()
        if inspect(db.engine).get_table_names():
            db.engine.dispose()
            return False
        db.engine.dispose()  # CREATE DATABASE … TEMPLATE needs the source database without sessions
    server, name = (url.host, url.port), url.database
    template = _pg_schema_templates.get(server)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        if template is None:
            _upgrade(app)
            _dispose(app)
            template = f"kj_schema_template_{os.getpid()}"
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
            _pg_schema_templates[server] = template
        else:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE "{name}"')
                conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    finally:
        admin.dispose()
    return True


def migrate_schema(app) -> None:
    """Create the schema through the Alembic migrations (tests the migrations too).

    A new SQLite file starts as a copy of one migrated in this process (the migrations cost 1.3 CPU-s a
    run and a few dozen tests need their own database), and so does an empty PostgreSQL database (a copy
    of one migrated on the same server, :func:`_pg_from_template`); existing files and databases that
    already hold tables run the migrations.
    """
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    target = Path(url.database or "")
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") and not target.exists():
        shutil.copyfile(_sqlite_schema_template(), target)
        return
    if url.get_backend_name() == "postgresql" and _pg_from_template(app, url):
        return
    _upgrade(app)


#: Parameters of a fixture whose tests run on both backends. Each side runs in its own backend's run
#: (``tests/conftest.py: pytest_collection_modifyitems``), so CI runs it once.
BACKENDS = [pytest.param("sqlite", marks=pytest.mark.sqlite), pytest.param("postgres", marks=pytest.mark.postgres)]


@contextmanager
def backend_app(request, tmp_path, name: str, pool: int = 5):
    """A migrated app on a database of its own, of the backend ``request.param`` names (:data:`BACKENDS`): a
    throwaway PostgreSQL database whose pool holds ``pool`` connections (the racing threads of a test), or a SQLite
    file that waits up to 30 s for a lock. Its connections are closed at the end."""
    if request.param == "postgres":
        url = request.getfixturevalue("pg_cluster").createdb(f"kj_{name}_{tmp_path.name[-16:].lower()}")
        engine = {"pool_size": pool, "max_overflow": 5, "pool_pre_ping": True}
    else:
        url = f"sqlite:///{tmp_path / (name + '.sqlite3')}"
        engine = {"connect_args": {"timeout": 30}}
    application = make_app(tmp_path, url, SQLALCHEMY_ENGINE_OPTIONS=engine)
    migrate_schema(application)
    try:
        yield application
    finally:
        _dispose(application)


@pytest.fixture(scope="session")
def app(request, tmp_path_factory):
    """The app under test, with a migrated, empty database."""
    data_dir = tmp_path_factory.mktemp("data")
    application = make_app(data_dir, _database_url(request, data_dir, "kj_test"))
    migrate_schema(application)
    yield application
    with application.app_context():
        db.engine.dispose()


@functools.cache
def _tables() -> tuple[list[str], str]:
    """Table names, children first, and one statement naming those that hold rows (one EXISTS probe per
    table: 0.4 ms, where a DELETE on each of the ~90 tables cost 6 ms a test; the order is worked out once)."""
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    probe = " UNION ALL ".join(f"SELECT '{t}' WHERE EXISTS (SELECT 1 FROM \"{t}\")" for t in tables)
    return tables, probe


def _wipe(application) -> None:
    with application.app_context():
        cache.clear()  # the in-process page/fragment cache outlives the rows it was keyed on
        db.session.remove()
        tables, probe = _tables()
        with db.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
            else:
                filled = set(conn.execute(text(probe)).scalars())
                for table in tables:
                    if table in filled:
                        conn.execute(text(f'DELETE FROM "{table}"'))


def snapshot_database(application, path: Path) -> bool:
    """Copy the app's SQLite database to ``path`` (``VACUUM INTO``) for :func:`restore_database`; False (and no
    copy) on PostgreSQL, where a fixture builds its data again instead."""
    with application.app_context():
        db.session.remove()
        if db.engine.dialect.name != "sqlite":
            return False
        with db.engine.connect() as conn:
            conn.exec_driver_sql("VACUUM INTO ?", (str(path),))
    return True


def restore_database(application, path: Path) -> None:
    """Fill the app's emptied tables from a :func:`snapshot_database` copy (same schema), rows and ids as saved."""
    with application.app_context():
        db.session.remove()
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside a transaction; rows go in table by table
            conn.exec_driver_sql("ATTACH DATABASE ? AS snapshot", (str(path),))
            try:
                for table in db.metadata.sorted_tables:
                    conn.execute(text(f'INSERT INTO main."{table.name}" SELECT * FROM snapshot."{table.name}"'))
                conn.commit()
            finally:
                conn.exec_driver_sql("DETACH DATABASE snapshot")
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")


@pytest.fixture(autouse=True)
def _clean_db(request):
    """Every test that uses ``app`` starts and ends with empty tables and an empty mail folder."""
    if "app" not in request.fixturenames:
        yield
        return
    application = request.getfixturevalue("app")
    yield
    _wipe(application)
    for mail in (Path(application.config["DATA_DIR"]) / "mail").glob("*.eml"):
        mail.unlink()  # a test that reads "the last mail" must not find another test's


@pytest.fixture(autouse=True)
def _clean_search(request):
    """Tests that use ``app`` end with an empty search index (the wipe above bypasses the ORM hooks)."""
    if "app" not in request.fixturenames:
        yield
        return
    application = request.getfixturevalue("app")
    yield
    with application.app_context():
        search.clear()


@pytest.fixture
def index_on_commit(app):
    """The production setting: index changes are applied right after each commit (tests of that path)."""
    app.config["SEARCH_INDEX_WRITES"] = "commit"
    yield app
    app.config["SEARCH_INDEX_WRITES"] = "read"


@pytest.fixture
def ctx(app):
    """An application context (and request context for url_for) for service-level tests."""
    with app.test_request_context("/en/"):
        from flask import g

        g.lang = "en"
        yield app
        db.session.remove()


@pytest.fixture
def client(app):
    """HTTP client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """CLI runner for the app."""
    return app.test_cli_runner()


@pytest.fixture
def make(ctx):
    """Factories bound to the test database."""
    return factories


def _seed_demo(data_dir: Path, url: str):
    """An app on a new database holding the demo data, its search index built."""
    application = make_app(data_dir, url)
    migrate_schema(application)
    with application.app_context():
        seed_demo()
        db.session.commit()
        search_events.rebuild(application)  # every index (products, packages), as `flask search reindex`
        for kind in kinds.states():
            search_events.reset_cursor(kind=kind)  # read-only: no following of index events (no extra query)
    return application


def _copy_data_dir(source: Path, target: Path, database: str) -> None:
    """Copy a seeded app's data directory; the SQLite database through SQLite's backup (consistent, no -wal)."""
    shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(database + "*", "done"))
    with closing(sqlite3.connect(source / database)) as src, closing(sqlite3.connect(target / database)) as dst:
        src.backup(dst)


@pytest.fixture(scope="session")
def demo_app(request, tmp_path_factory):
    """A second app whose database holds the demo data, seeded once. Tests must not write to it."""
    data_dir = tmp_path_factory.mktemp("demo")
    url = _database_url(request, data_dir, "kj_demo")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if USE_PG or worker is None:
        application = _seed_demo(data_dir, url)
    else:  # pytest-xdist: the first worker seeds, the others copy its files (6-7 CPU-s saved per worker)
        shared = tmp_path_factory.getbasetemp().parent / "demo-seeded"
        with FileLock(str(shared) + ".lock"):
            if not (shared / "done").exists():
                _dispose(_seed_demo(shared, f"sqlite:///{shared / 'kj_demo.sqlite3'}"))
                (shared / "done").touch()
        _copy_data_dir(shared, data_dir, "kj_demo.sqlite3")
        application = make_app(data_dir, url)
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture
def demo_client(demo_app):
    """HTTP client on the demo data."""
    return demo_app.test_client()


class LiveServer:
    """A real HTTP server on an ephemeral port, serving an app in a thread."""

    #: Every live server's origin in this process (browser tests clear the browsers' storage for each).
    origins: list[str] = []

    def __init__(self, application):
        from werkzeug.serving import make_server

        self.server = make_server("127.0.0.1", 0, application, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.origins.append(self.url)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()


@pytest.fixture(scope="session")
def live_demo(demo_app):
    """Live server on the demo database, with CSRF protection on (as in production)."""
    application = make_app(
        demo_app.config["DATA_DIR"], demo_app.config["SQLALCHEMY_DATABASE_URI"], WTF_CSRF_ENABLED=True
    )
    server = LiveServer(application).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def localstripe(tmp_path_factory):
    """localstripe (fake Stripe API and Stripe.js) on a free port for the session; see tests/stripe_server.py."""
    from tests.stripe_server import LocalStripe

    server = LocalStripe(tmp_path_factory.mktemp("stripe") / "localstripe.log").start()
    yield server
    server.stop()


@pytest.fixture
def stripe_app(app, localstripe):
    """The test app pointed at localstripe for one test (settings restored afterwards)."""
    saved = {key: app.config.get(key) for key in localstripe.config()}
    app.config.update(localstripe.config())
    yield app
    app.config.update(saved)
