"""Test-suite set-up every pytest process loads: the shared fixtures (:mod:`tests.fixtures`) are loaded only where
tests run, so the xdist controller does not import the app (docs/testing.md)."""

from __future__ import annotations

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
