"""Service packages follow the database on the product search's one sync path: index events per kind, other nodes
catch up, a failed index write is retried from the cursor, rolled-back changes never reach the index."""

import pytest
from sqlalchemy import select

from services_market import search as package_search
from services_market.models import Package
from storefront import search
from storefront.accounts.models import FilingStatus
from storefront.extensions import db
from storefront.search import events
from storefront.search.base import SearchQuery
from tests.fixtures import make_app

#: These tests are about the production setting: the index follows each commit at once.
pytestmark = pytest.mark.usefixtures("index_on_commit")

TEXTS = {"zh": ("锆材翻译服务", ""), "en": ("Zirconium catalogue translation", "")}


@pytest.fixture
def node_b(app, tmp_path):
    """A second node: same database, its own data directory and (product and package) search indexes."""
    other = make_app(tmp_path / "node-b", app.config["SQLALCHEMY_DATABASE_URI"], SEARCH_FOLLOW_SECONDS=0.0)
    with other.app_context():
        events.rebuild()  # what deployment runs on a new node: every index
    return other


def _packages_b(node_b, text="zirconium"):
    with node_b.test_request_context("/en/"):
        return package_search.search_ids(text, "en")


def _products_b(node_b, text):
    with node_b.test_request_context("/en/"):
        return [h.id for h in search.get_index().query(SearchQuery(text=text, lang="en")).hits]


def _package_events():
    return db.session.scalars(select(events.SearchEvent).where(events.SearchEvent.kind == package_search.KIND)).all()


def test_package_change_reaches_the_other_node_when_it_follows(make, node_b):
    make.rates()
    package = make.service_package(texts=TEXTS)
    db.session.commit()
    assert [e.ids for e in _package_events()] == [[package.id]]
    assert package_search.search_ids("zirconium", "en") == [package.id]  # this node at once
    assert _packages_b(node_b) == []  # node B has not caught up yet
    with node_b.app_context():
        assert events.lag(package_search.KIND)["events"] == 1
        assert events.catch_up() >= 1
        assert events.lag() == {"built": True, "events": 0, "seconds": 0.0}  # both indexes
    assert _packages_b(node_b) == [package.id]

    db.session.get(Package, package.id).texts["en"].title = "Magnesia brick translation"
    db.session.commit()
    with node_b.app_context():
        events.catch_up(kind=package_search.KIND)
    assert _packages_b(node_b) == []
    assert _packages_b(node_b, "magnesia") == [package.id]


def test_package_search_request_catches_up_when_due(make, node_b):
    make.rates()
    package = make.service_package(texts=TEXTS)
    db.session.commit()
    node_b.config["SEARCH_FOLLOW_SECONDS"] = 1e-9  # every request is due
    page = node_b.test_client().get("/en/services/?q=zirconium").get_data(as_text=True)
    assert f'data-package="{package.id}"' in page


def test_failed_package_write_is_retried_on_the_next_follow(make, node_b, monkeypatch):
    make.rates()
    package = make.service_package(texts=TEXTS)
    product = make.product(texts={"en": {"name": "Zirconium widget"}})
    db.session.commit()
    store = node_b.extensions["services_search"]
    real_writer = store.writer
    failures = []

    def failing_once(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise OSError("disk full")
        return real_writer(*args, **kwargs)

    monkeypatch.setattr(store, "writer", failing_once)
    with node_b.app_context():
        cursor = events.read_cursor(kind=package_search.KIND)
        with pytest.raises(OSError, match="disk full"):
            events.catch_up()
        assert events.read_cursor(kind=package_search.KIND) == cursor  # not applied: stays to be retried
        assert events.lag(package_search.KIND)["events"] == 1
    assert _products_b(node_b, "zirconium") == [product.id]  # the other index was not held up
    assert _packages_b(node_b) == []
    with node_b.app_context():
        assert events.catch_up() >= 1
        assert events.lag(package_search.KIND)["events"] == 0
    assert failures == [1]
    assert _packages_b(node_b) == [package.id]


def test_rolled_back_package_change_never_reaches_an_index(make, node_b):
    make.rates()
    package = make.service_package(texts={"zh": ("正规的翻译服务", ""), "en": ("Honest translation help", "")})
    db.session.commit()
    before = len(_package_events())
    db.session.get(Package, package.id).texts["en"].title = "Zirconium catalogue translation"
    db.session.flush()
    db.session.rollback()
    make.service_package(texts=TEXTS)
    db.session.rollback()
    db.session.commit()  # a later, unrelated commit does not bring them back
    assert len(_package_events()) == before
    assert package_search.search_ids("zirconium", "en") == []
    assert package_search.search_ids("honest", "en") == [package.id]
    with node_b.app_context():
        events.catch_up()
    assert _packages_b(node_b) == []


def test_released_savepoint_waits_for_the_outer_commit(make):
    make.rates()
    provider = make.service_provider()
    with db.session.begin_nested():
        package = make.service_package(provider, texts=TEXTS)
    assert package_search.search_ids("zirconium", "en") == []  # released, not committed
    db.session.commit()
    assert package_search.search_ids("zirconium", "en") == [package.id]


def test_provider_status_change_is_one_event_for_its_packages(make, node_b):
    make.rates()
    provider = make.service_provider()
    package = make.service_package(provider, texts=TEXTS)
    db.session.commit()
    with node_b.app_context():
        events.catch_up()
    assert _packages_b(node_b) == [package.id]
    provider.status = FilingStatus.REJECTED.value
    db.session.commit()
    assert [e.ids for e in _package_events()][-1] == [package.id]
    with node_b.app_context():
        events.catch_up()
    assert _packages_b(node_b) == []


def test_reindex_command_rebuilds_both_indexes_and_sets_their_cursors(make, app, runner):
    make.rates()
    package = make.service_package(texts=TEXTS)
    product = make.product(texts={"en": {"name": "Zirconium widget"}})
    db.session.commit()
    search.clear()  # both indexes lost (e.g. a new node)
    assert package_search.search_ids("zirconium", "en") == []
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "indexed 1 products" in result.output and "indexed 1 packages" in result.output
    assert package_search.search_ids("zirconium", "en") == [package.id]
    assert [h.id for h in search.query(SearchQuery(text="zirconium", lang="en")).hits] == [product.id]
    newest = events.last_event_id()
    assert events.read_cursor(kind="products") == events.read_cursor(kind=package_search.KIND) == newest
    status = runner.invoke(args=["search", "status"]).output
    assert "products: behind the database by 0" in status and "packages: behind the database by 0" in status


def test_health_reports_the_lag_of_both_indexes(make, node_b):
    make.rates()
    make.service_package(texts=TEXTS)
    db.session.commit()
    body = node_b.test_client().get("/healthz/search").json
    assert body["search_lag_by_kind"]["packages"]["events"] == 1
    assert body["search_lag_by_kind"]["products"]["events"] == 0
    assert body["search_lag"]["built"] is True and body["search_lag"]["events"] == 1


def test_follow_command_retries_a_failed_write(make, node_b, monkeypatch):
    make.rates()
    package = make.service_package(texts=TEXTS)
    db.session.commit()
    store = node_b.extensions["services_search"]
    real_writer = store.writer
    monkeypatch.setattr(store, "writer", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    runner = node_b.test_cli_runner()
    with node_b.app_context():  # the command runs in the app context it finds
        failed = runner.invoke(args=["search", "follow", "--once"])
        assert failed.exit_code == 1 and "disk full" in failed.output
        assert events.lag(package_search.KIND)["events"] == 1
        monkeypatch.setattr(store, "writer", real_writer)
        done = runner.invoke(args=["search", "follow", "--once"])
        assert done.exit_code == 0, done.output
        assert events.lag(package_search.KIND)["events"] == 0
    assert _packages_b(node_b) == [package.id]
