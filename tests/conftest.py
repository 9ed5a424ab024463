"""Test-suite set-up every pytest process loads: the shared fixtures (:mod:`tests.fixtures`) are loaded only where
tests run, so the xdist controller does not import the app (docs/testing.md)."""

from __future__ import annotations

import gc
import os

import pytest

# Rewritten asserts in the fixtures even when a sub-directory's conftest (tests/browser) imports them before
# pytest_configure below loads them as a plugin.
pytest.register_assert_rewrite("tests.fixtures")

#: TEST_DB=postgres runs the whole suite against a throwaway PostgreSQL cluster.
USE_PG = os.environ.get("TEST_DB", "sqlite") == "postgres"


def _xdist_controller(config: pytest.Config) -> bool:
    """This process hands tests to xdist workers and runs none itself."""
    distributing = config.getoption("dist", "no") != "no" and bool(config.getoption("tx", None))
    return distributing and not hasattr(config, "workerinput") and not config.getoption("collectonly")


def pytest_configure(config: pytest.Config) -> None:
    """Load the fixtures where tests run: the controller would import the app (2–4 CPU-s) before starting the
    workers, for nothing."""
    if not _xdist_controller(config):
        config.pluginmanager.import_plugin("tests.fixtures")
    # Fewer cyclic garbage collections: at the default threshold (700 new objects) the collector ran thousands
    # of times a test process, each pass walking the app's ORM and template objects again; ≈ 9 % of the CPU of
    # ordinary tests (measured on 11 test modules, docs/testing.md). Memory is not a constraint here.
    gc.set_threshold(100_000, 50, 100)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Objects alive after collection (imported modules, their classes and functions, the collected items) are
    never garbage: frozen, no later collection walks them again."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Thaw before the session's end: a module imported from here on (Hypothesis, at the terminal summary of a
    run that collected none of its tests) must see every reference (``gc.get_referrers`` skips frozen ones)."""
    gc.unfreeze()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests pinned to one database backend run in that backend's run: those marked ``postgres`` (PostgreSQL
    races, migrations, the SKIP LOCKED workers, the multi-node test) only with TEST_DB=postgres, those marked
    ``sqlite`` (the SQLite side of a two-backend fixture) only in the default run. ``.ci/run`` runs both, so
    each still runs once in CI instead of twice; the PostgreSQL cluster is not started in the SQLite run."""
    other = "sqlite" if USE_PG else "postgres"
    kept = [item for item in items if item.get_closest_marker(other) is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker(other) is not None])
        items[:] = kept
