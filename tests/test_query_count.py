"""Query discipline: every storefront page and API endpoint runs a small, fixed number of SQL queries,
whatever the number of items it shows (no N+1)."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from storefront.extensions import db

#: The most queries any public page may run (session user, rates, cache version, content, counts…).
MAX_QUERIES = 14


@contextmanager
def count_queries(app):
    """Count SQL statements sent while the block runs."""
    statements = []

    def before(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _clear_cache(app):
    from storefront.extensions import cache

    with app.app_context():
        cache.clear()


def _count(demo_app, client, url):
    """Queries of a cold render: no page, fragment, card or count in the cache (the first hit after a change)."""
    _clear_cache(demo_app)
    with count_queries(demo_app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


@pytest.fixture
def ids(demo_client):
    items = demo_client.get("/api/v1/products?lang=en&per_page=100").json["items"]
    return {
        "product": items[0]["id"],
        "merchant": items[0]["merchant"]["slug"],
        "cluster": items[0]["cluster"],
        "category": items[0]["category"],
    }


@pytest.mark.parametrize(
    "url",
    [
        "/ru/",
        "/ru/c/{cluster}/",
        "/ru/c/{cluster}/{category}/",
        "/ru/c/{cluster}/?sort=price_asc&min_price=10",
        "/ru/c/swimwear/mens-swimwear/?sort=price_asc&max_price=500",  # a demo promotion runs there
        "/ru/p/{product}",
        "/ko/m/{merchant}",
        "/ru/search?q=%D0%BA%D1%83%D0%BF%D0%B0%D0%BB%D1%8C%D0%BD%D0%B8%D0%BA",
        "/zh/search?q=%E9%95%81",
        "/api/v1/products?lang=ru",
        "/api/v1/products/{product}?lang=ko",
        "/api/v1/search?q=steel&lang=en",
        "/api/v1/suggest?q=st&lang=en",
        "/ru/services/",
        "/api/v1/services?lang=ru",
    ],
)
def test_page_query_count_is_small(demo_app, demo_client, ids, url):
    assert _count(demo_app, demo_client, url.format(**ids)) <= MAX_QUERIES


@pytest.mark.parametrize(
    "url",
    [
        "/ru/",
        "/ru/c/{cluster}/",
        "/ru/c/{cluster}/{category}/?sort=price_asc",
        "/ru/c/swimwear/mens-swimwear/?sort=price_desc",  # a demo promotion runs there
        "/ru/p/{product}",
        "/ko/search?q=steel",
    ],
)
def test_warm_fragments_leave_one_query(demo_app, ids, url):
    """With the page cache off (signed-in buyers), a page whose content fragment is cached runs only the
    versions query: no ORM loading, counts or cards."""
    url = url.format(**ids)
    client = demo_app.test_client()
    cache = demo_app.extensions["kuajing_page_cache"]
    size, cache.size = cache.size, 0
    try:
        first = client.get(url)
        with count_queries(demo_app) as statements:
            again = client.get(url)
    finally:
        cache.size = size
    assert first.status_code == again.status_code == 200
    assert again.get_data() == first.get_data() or b"csrf_token" in first.get_data()
    assert len(statements) == 1, statements


@pytest.mark.parametrize(
    ("small", "large"),
    [
        ("/api/v1/products?lang=ru&per_page=2", "/api/v1/products?lang=ru&per_page=60"),
        ("/ru/c/{cluster}/{category}/", "/ru/c/{cluster}/"),
        ("/api/v1/search?q=HY-SW-1001&lang=en", "/api/v1/search?q=steel&lang=en"),
        ("/ru/search?q=HY-SW-1001", "/ru/search?q=steel"),
        ("/api/v1/services?lang=ru&per_page=2", "/api/v1/services?lang=ru&per_page=50"),
    ],
)
def test_query_count_does_not_grow_with_items(demo_app, demo_client, ids, small, large):
    few = _count(demo_app, demo_client, small.format(**ids))
    many = _count(demo_app, demo_client, large.format(**ids))
    assert many <= few + 1, (few, many)
