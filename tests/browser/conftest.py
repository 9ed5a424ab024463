"""Browser-test fixtures: one live server over a fresh database per xdist worker, reset in place between tests
(``live``), and headless Chromium processes kept for the whole worker and handed out clean (``browser_factory``).

Starting Chromium costs about 1 CPU-s and 1-2 s of wall each time, and a new app per test compiled its
templates again; both are now paid once per worker. What a test sees is unchanged: an empty database holding
only what its fixture put there, a browser with no cookies, no cache, no storage and a new tab."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

from services_market import search as service_search
from storefront import search
from storefront.extensions import db
from tests.fixtures import LiveServer, _database_url, _wipe, make_app, migrate_schema

#: Folders of DATA_DIR kept between tests: the search indexes (emptied through their API instead).
_KEPT_DIRS = {"search", "search-services"}


class Live:
    """The worker's live server: ``url``, ``app``, and whatever a test's fixture attaches (ids, numbers)."""

    def __init__(self, server: LiveServer, application):
        self.server, self.app, self.url = server, application, server.url
        self._config = dict(application.config)
        self._data_dir = Path(application.config["DATA_DIR"])

    def configure(self, **settings) -> None:
        """Change settings for the current test only (restored by :meth:`reset`)."""
        self.app.config.update(settings)

    def reset(self) -> None:
        """Back to an empty database, an empty search index, no mail, no uploads and the original settings."""
        _wipe(self.app)  # tables, page cache
        with self.app.app_context():
            search.clear()
            service_search.clear()
        for path in self._data_dir.iterdir():
            if path.name == "mail":
                for mail in path.glob("*.eml"):
                    mail.unlink()
            elif path.is_dir() and path.name not in _KEPT_DIRS:  # uploads, documents, imports
                shutil.rmtree(path)
        self.app.config.clear()
        self.app.config.update(self._config)
        for name in [n for n in vars(self) if not n.startswith("_") and n not in ("server", "app", "url")]:
            delattr(self, name)


@pytest.fixture(scope="session")
def _live_session(request, tmp_path_factory):
    """One live server (CSRF on, as in production) over its own migrated database per worker."""
    data_dir = tmp_path_factory.mktemp("live")
    application = make_app(data_dir, _database_url(request, data_dir, "kj_live"), WTF_CSRF_ENABLED=True)
    migrate_schema(application)
    server = LiveServer(application).start()
    live = Live(server, application)
    yield live
    server.stop()
    with application.app_context():
        db.engine.dispose()


@pytest.fixture
def live(_live_session):
    """The worker's live server over an empty database; emptied again (and its settings restored) afterwards."""
    yield _live_session
    _live_session.reset()


def _chromium_paths():
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    return browser, driver


class ChromiumPool:
    """Headless Chromium processes kept for the worker. A driver goes back to the pool after its test and is
    cleaned when it is handed out again: a new tab (page scripts, device emulation and other per-tab overrides
    go with the old one), no cookies, no HTTP cache, no storage of the live servers' origins. The language is
    the new tab's: its Accept-Language header and ``navigator.languages`` are set over CDP, so one process
    serves every language (a start costs ≈ 1.8 CPU-s and 1.3 s; one set per language meant 5–7 per worker)."""

    def __init__(self, binary: str, driver_path: str, profiles: Path):
        self.binary, self.driver_path, self.profiles = binary, driver_path, profiles
        self.idle: list = []
        self.started = 0

    def _start(self):
        options = webdriver.ChromeOptions()
        options.binary_location = self.binary
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,1000",
            f"--user-data-dir={self.profiles / f'profile{self.started}'}",
        ):
            options.add_argument(arg)
        self.started += 1
        driver = webdriver.Chrome(service=Service(self.driver_path), options=options)
        driver.set_page_load_timeout(30)
        driver.kj_user_agent = driver.execute_cdp_cmd("Browser.getVersion", {})["userAgent"]
        return driver

    @staticmethod
    def _clean(driver) -> None:
        """A fresh tab and no cookies, cache or site storage left by an earlier test."""
        try:
            driver.switch_to.alert.dismiss()
        except WebDriverException:
            pass
        old = driver.window_handles
        driver.switch_to.new_window("tab")
        fresh = driver.current_window_handle
        for handle in old:
            driver.switch_to.window(handle)
            driver.close()
        driver.switch_to.window(fresh)
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        for origin in LiveServer.origins:
            driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})

    @staticmethod
    def _speak(driver, accept_language: str) -> None:
        """The tab asks for ``accept_language`` (header and ``navigator.languages``), as a browser set to it."""
        override = {"userAgent": driver.kj_user_agent, "acceptLanguage": accept_language}
        driver.execute_cdp_cmd("Emulation.setUserAgentOverride", override)

    def take(self, accept_language: str):
        """A clean driver speaking this language: an idle one if there is one, else a new process."""
        while self.idle:
            driver = self.idle.pop()
            try:
                self._clean(driver)
                self._speak(driver, accept_language)
                return driver
            except WebDriverException:
                self._quit(driver)
        driver = self._start()
        self._speak(driver, accept_language)
        return driver

    def give_back(self, driver) -> None:
        """Keep a driver for later tests, its page left first (no script of it calls the server afterwards);
        one that cannot leave its page (a dialog left open) is quit instead."""
        try:
            driver.get("about:blank")
        except WebDriverException:
            self._quit(driver)
            return
        self.idle.append(driver)

    @staticmethod
    def _quit(driver) -> None:
        try:
            driver.quit()
        except WebDriverException:
            pass

    def close(self) -> None:
        for driver in self.idle:
            self._quit(driver)
        self.idle.clear()


@pytest.fixture(scope="session")
def _chromium_pool(tmp_path_factory):
    binary, driver_path = _chromium_paths()
    if not binary or not driver_path:
        pytest.skip("Chromium/chromedriver not installed (Debian packages chromium, chromium-driver)")
    pool = ChromiumPool(binary, driver_path, tmp_path_factory.mktemp("chromium"))
    yield pool
    pool.close()


@pytest.fixture
def browser_factory(_chromium_pool):
    """``start(accept_language)``: a clean headless Chromium with that Accept-Language; each call in a test is a
    separate browser (its own cookies), so two people can take part in one test."""
    taken = []

    def start(accept_language: str = "en-US"):
        driver = _chromium_pool.take(accept_language)
        taken.append(driver)
        return driver

    yield start
    for driver in taken:
        _chromium_pool.give_back(driver)
