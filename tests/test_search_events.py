"""Search on several nodes: each node's own index follows committed changes through the index events."""

import pytest
from flask import g

from storefront.extensions import db
from storefront.search import events
from tests.fixtures import make_app

#: These tests are about the production setting: the index follows each commit at once.
pytestmark = pytest.mark.usefixtures("index_on_commit")


def _event_count():
    return db.session.query(events.SearchEvent).count()


def test_commit_records_an_event_and_rollback_none(make):
    make.rates()
    product = make.product(texts={"en": {"name": "Zirconium widget"}})
    db.session.commit()
    rows = db.session.query(events.SearchEvent).all()
    assert [(r.kind, r.ids) for r in rows][-1] == ("products", [product.id])
    before = _event_count()
    product.price_fen = 1
    db.session.flush()
    db.session.rollback()
    assert _event_count() == before


@pytest.fixture
def node_b(app, tmp_path):
    """A second node: same database, its own data directory and search index."""
    other = make_app(tmp_path / "node-b", app.config["SQLALCHEMY_DATABASE_URI"], SEARCH_FOLLOW_SECONDS=0.0)
    with other.app_context():
        events.rebuild()  # what deployment runs on a new node
    return other


def _search_b(node_b, text):
    with node_b.test_request_context("/en/"):
        g.lang = "en"
        from storefront import search
        from storefront.search.base import SearchQuery

        return [h.id for h in search.get_index().query(SearchQuery(text=text, lang="en")).hits]


def test_other_node_follows_changes_and_reports_lag(make, node_b):
    make.rates()
    product = make.product(texts={"en": {"name": "Zirconium widget"}})
    db.session.commit()
    assert _search_b(node_b, "zirconium") == []  # node B has not caught up yet
    with node_b.app_context():
        assert events.lag()["events"] >= 1
        assert events.catch_up() >= 1
        assert events.lag() == {"built": True, "events": 0, "seconds": 0.0}
    assert _search_b(node_b, "zirconium") == [product.id]

    product.hidden = True
    db.session.commit()
    with node_b.app_context():
        events.catch_up()
    assert _search_b(node_b, "zirconium") == []


def test_search_request_catches_up_when_due(make, app, node_b):
    make.rates()
    product = make.product(texts={"en": {"name": "Zirconium widget"}})
    db.session.commit()
    node_b.config["SEARCH_FOLLOW_SECONDS"] = 1e-9  # every request is due
    page = node_b.test_client().get("/en/search?q=zirconium").get_data(as_text=True)
    assert f'href="/en/p/{product.id}"' in page


def test_health_reports_index_lag(make, app, node_b):
    make.rates()
    make.product()
    db.session.commit()
    lag = node_b.test_client().get("/healthz/search").json["search_lag"]
    assert lag["built"] is True and lag["events"] >= 1 and lag["seconds"] >= 0


def test_node_behind_pruned_events_rebuilds(make, node_b):
    from datetime import UTC, datetime, timedelta

    make.rates()
    product = make.product(texts={"en": {"name": "Zirconium widget"}})
    db.session.commit()
    make.product()
    db.session.commit()
    events.prune(datetime.now(UTC) + timedelta(seconds=1))  # every event so far is gone...
    make.product()
    db.session.commit()  # ...and a newer one exists
    with node_b.app_context():
        events.catch_up()
        assert events.read_cursor() == events.last_event_id()
    assert _search_b(node_b, "zirconium") == [product.id]
