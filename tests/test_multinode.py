"""Two app nodes (separate processes on their own ephemeral ports) sharing one PostgreSQL and one Redis:
what one node changes, the other shows on its next request (page cache, page fragments, product cards, and
search: each node's own index follows the index events), and the sign-in rate limit counts attempts on both
nodes together.

Runs in the PostgreSQL run (``TEST_DB=postgres python3 tasks.py test``, as ``.ci/run`` does) when
``redis-server`` and PostgreSQL are installed; skips with the reason otherwise. Marked ``multinode``:
``TEST_DB=postgres pytest -m multinode`` runs it alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests
from flask import g

from storefront.accounts.models import Role
from storefront.extensions import db
from tests import factories
from tests.fixtures import make_app, migrate_schema
from tests.node import Node
from tests.redis_server import RedisServer, redis_binary

pytestmark = [pytest.mark.multinode, pytest.mark.postgres]  # runs in the PostgreSQL run (TEST_DB=postgres)

LOGIN_LIMIT = 5
#: The public host name a load balancer forwards to every node (page-cache keys include the host).
HOST = "shop.test"


def _browser() -> requests.Session:
    """A client that reaches the nodes directly but sends the public Host header, as behind a load balancer."""
    session = requests.Session()
    session.headers["Host"] = HOST
    return session


@pytest.fixture(scope="module")
def redis_server():
    """A Redis for this module (skipped when redis-server is not installed)."""
    if redis_binary() is None:
        pytest.skip("redis-server not found; install the 'redis-server' package (apt-get install redis-server)")
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shop(redis_server, pg_cluster, tmp_path_factory):
    """A migrated PostgreSQL database with one merchant and two products, and nodes A and B serving it."""
    url = pg_cluster.createdb("kj_multinode")
    data = tmp_path_factory.mktemp("multinode")
    setup = make_app(data / "setup", url, CACHE_URL=redis_server.url)
    migrate_schema(setup)
    with setup.test_request_context("/en/"):
        g.lang = "en"
        factories.rates()
        texts = {"en": {"name": "Zirconium round bar"}, "zh": {"name": "锆圆棒"}}
        owner = factories.user(Role.MERCHANT.value, email="merchant@example.com")
        merchant = factories.merchant(owner=owner)
        category = factories.category(slug="bars")
        product = factories.product(merchant, category_=category, texts=texts)
        factories.product(merchant, category_=category)
        db.session.commit()
        ids = {"product": product.id, "listing": f"/en/c/{category.cluster.slug}/{category.slug}/"}
        db.session.remove()
        db.engine.dispose()
    env = {
        "DATABASE_URL": url,
        "CACHE_URL": redis_server.url,
        "SECRET_KEY": "multinode-test-secret",
        "WTF_CSRF_ENABLED": "0",
        "RATELIMIT_ENABLED": "1",
        "LOGIN_RATE_LIMIT": f"{LOGIN_LIMIT} per minute",
        "SEARCH_WRITE_TIMEOUT": "5",
        "SEARCH_FOLLOW_SECONDS": "0.000001",
        "PUBLIC_BASE_URL": f"http://{HOST}",
    }
    nodes = [Node(name, {**env, "DATA_DIR": str(data / name)}) for name in ("a", "b")]
    yield {"a": nodes[0], "b": nodes[1], "redis": redis_server, "setup": setup, **ids}
    for node in nodes:
        node.stop()


def _links_to(html: str, product_id: int) -> bool:
    return f'/en/p/{product_id}"' in html


def test_change_on_node_a_is_seen_on_node_b(shop):
    import redis

    a, b, pid = shop["a"].url, shop["b"].url, shop["product"]
    page, listing = f"/en/p/{pid}", shop["listing"]
    buyer, merchant = _browser(), _browser()

    # Anonymous pages are cached once for both nodes (same versions, same key, one Redis).
    first = buyer.get(b + page)
    assert first.status_code == 200
    assert buyer.get(a + page).headers["ETag"] == first.headers["ETag"]
    assert _links_to(buyer.get(b + listing).text, pid)
    assert redis.Redis.from_url(shop["redis"].url).keys("kj:page:*")

    # Each node searches its own index, built from the database when the node started.
    assert _links_to(buyer.get(b + "/en/search?q=zirconium").text, pid)

    # Signed in (page cache never used): content fragments and cards come from Redis.
    assert (
        merchant.post(
            a + "/en/account/login", data={"email": "merchant@example.com", "password": "correct-horse-battery"}
        ).status_code
        == 200
    )
    assert _links_to(merchant.get(b + listing).text, pid)

    # The merchant hides the product on node A; node B's next requests no longer show it.
    hidden = merchant.post(a + f"/en/merchant/products/{pid}/visibility", data={"hidden": "1", "back": "list"})
    assert hidden.status_code == 200
    assert buyer.get(b + page).status_code == 404
    assert not _links_to(buyer.get(b + listing).text, pid)
    assert not _links_to(merchant.get(b + listing).text, pid)
    assert not _links_to(buyer.get(b + "/en/search?q=zirconium").text, pid)  # B's index followed the event
    assert buyer.get(b + "/healthz/search").json()["search_lag"]["events"] == 0

    # Shown again from node B: node A's next requests show it.
    merchant.post(b + f"/en/merchant/products/{pid}/visibility", data={"hidden": "0", "back": "list"})
    assert buyer.get(a + page).status_code == 200
    assert _links_to(buyer.get(a + listing).text, pid)


def test_promotion_saved_on_node_a_prices_node_b_next_request(shop):
    """Each node keeps the running promotions in its own process, keyed by the catalogue version in PostgreSQL:
    a promotion saved on A shows on B's next request, and one ended on B disappears from A's."""
    a, b, pid = shop["a"].url, shop["b"].url, shop["product"]
    page, listing = f"/en/p/{pid}", shop["listing"]
    buyer, merchant = _browser(), _browser()
    for url in (page, listing):
        assert "price-old" not in buyer.get(b + url).text  # B has loaded and cached what it knows: no promotion
    login = {"email": "merchant@example.com", "password": "correct-horse-battery"}
    assert merchant.post(a + "/en/account/login", data=login).status_code == 200
    today = datetime.now(UTC).date()
    form = {
        "name": "Winter sale",
        "kind": "percent",
        "percent": "20",
        "amount": "",
        "starts": (today - timedelta(days=1)).isoformat(),
        "ends": (today + timedelta(days=10)).isoformat(),
        "products": [str(pid)],
    }
    saved = merchant.post(a + "/en/merchant/promotions", data=form, allow_redirects=False)
    assert saved.status_code == 302, saved.text
    for url in (page, listing):
        assert '<s class="price-old">' in buyer.get(b + url).text, url
    edit = merchant.get(b + "/en/merchant/promotions").text
    promotion_id = edit.split("/en/merchant/promotions/", 1)[1].split('"', 1)[0].split("/", 1)[0]
    ended = merchant.post(b + f"/en/merchant/promotions/{promotion_id}/end", allow_redirects=False)
    assert ended.status_code == 302
    for url in (page, listing):
        assert "price-old" not in buyer.get(a + url).text, url


def test_sign_in_limit_holds_across_both_nodes(shop):
    """Alternating nodes, each node alone sees at most half the attempts: a per-node counter would never refuse."""
    attempts = _browser()
    codes = []
    for n in range(LOGIN_LIMIT + 1):
        node = shop["a"] if n % 2 == 0 else shop["b"]
        codes.append(
            attempts.post(
                node.url + "/en/account/login", data={"email": "nobody@example.com", "password": "wrong"}
            ).status_code
        )
    assert codes[-1] == 429, codes
    assert codes.count(429) >= 1 and codes[0] == 200
    for node in (shop["a"], shop["b"]):
        assert (
            attempts.post(
                node.url + "/en/account/login", data={"email": "nobody@example.com", "password": "wrong"}
            ).status_code
            == 429
        )


def test_package_saved_by_another_instance_is_found_on_both_nodes(shop):
    """The package index follows the same index events as the products: a package committed by another app
    instance (here the test's own) is found by each node's own package index on its next search."""
    with shop["setup"].test_request_context("/en/"):
        g.lang = "en"
        texts = {"zh": ("锆材目录翻译", ""), "en": ("Zirconium catalogue translation", "")}
        package_id = factories.service_package(texts=texts).id
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    buyer = _browser()
    # Different queries, so that each node runs its own search (anonymous pages are shared through Redis).
    for node, query in ((shop["a"], "zirconium"), (shop["b"], "zirconium+catalogue")):
        assert f'data-package="{package_id}"' in buyer.get(node.url + f"/en/services/?q={query}").text, node.name
    assert buyer.get(shop["b"].url + "/healthz/search").json()["search_lag_by_kind"]["packages"]["events"] == 0
