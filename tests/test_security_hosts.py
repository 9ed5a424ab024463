"""Finding 1 — Host header trust: absolute URLs come from PUBLIC_BASE_URL, foreign hosts get 400,
X-Forwarded-* only counts with PROXY_FIX, and a forged header cannot poison the page cache."""

from flask import g

from storefront.config import load_config
from storefront.extensions import db
from tests.fixtures import make_app, migrate_schema


def _shop(make):
    make.rates()
    p = make.product()
    db.session.commit()
    return p


def test_defaults_trust_only_the_loopback_development_address():
    config = load_config({"PORT": "5001"})
    assert config["PUBLIC_BASE_URL"] == "http://127.0.0.1:5001"
    assert set(config["TRUSTED_HOSTS"]) == {"127.0.0.1", "localhost"}


def test_public_base_url_is_the_only_trusted_host_in_production():
    config = load_config({"PUBLIC_BASE_URL": "https://shop.example/", "TRUSTED_HOSTS": "www.shop.example"})
    assert config["PUBLIC_BASE_URL"] == "https://shop.example"
    assert config["TRUSTED_HOSTS"] == ["www.shop.example", "shop.example"]


def test_request_for_another_host_is_refused(client, make):
    p = _shop(make)
    assert client.get(f"/en/p/{p.id}", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/api/v1/products", headers={"Host": "evil.example"}).status_code == 400
    assert client.get(f"/en/p/{p.id}", headers={"Host": "127.0.0.1:5000"}).status_code == 200


def test_forwarded_host_is_ignored_and_cannot_poison_the_page_cache(client, make):
    p = _shop(make)
    forged = client.get(f"/en/p/{p.id}", headers={"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"})
    assert forged.status_code == 200 and b"evil.example" not in forged.data
    again = client.get(f"/en/p/{p.id}")
    html = again.get_data(as_text=True)
    assert "evil.example" not in html
    assert f'hreflang="ru" href="http://127.0.0.1:5000/ru/p/{p.id}"' in html


def test_hreflang_and_api_urls_use_public_base_url(tmp_path):
    application = make_app(
        tmp_path,
        f"sqlite:///{tmp_path / 'h.sqlite3'}",
        PUBLIC_BASE_URL="https://shop.example",
        TRUSTED_HOSTS=["shop.example", "localhost"],
    )
    migrate_schema(application)
    with application.app_context():
        from tests import factories

        factories.rates()
        p = factories.product()
        db.session.commit()
        pid = p.id
    client = application.test_client()
    html = client.get(f"/en/p/{pid}").get_data(as_text=True)  # addressed to "localhost"
    assert f'href="https://shop.example/ko/p/{pid}"' in html and "http://localhost" not in html
    data = client.get("/api/v1/products?lang=en").get_json()
    assert data["items"][0]["url"] == f"https://shop.example/en/p/{pid}"


def test_proxy_fix_trusts_forwarded_headers_but_still_checks_the_host(tmp_path):
    application = make_app(
        tmp_path,
        f"sqlite:///{tmp_path / 'p.sqlite3'}",
        PROXY_FIX=True,
        PUBLIC_BASE_URL="https://shop.example",
        TRUSTED_HOSTS=["shop.example"],
    )
    migrate_schema(application)
    # create_app wraps wsgi_app only when PROXY_FIX is in the config it was created with
    client = application.test_client()
    assert client.get("/healthz", headers={"X-Forwarded-Host": "evil.example"}).status_code == 400
    ok = client.get("/healthz", headers={"X-Forwarded-Host": "shop.example", "X-Forwarded-Proto": "https"})
    assert ok.status_code == 200


def test_order_mail_link_uses_public_base_url_inside_a_forged_request(app):
    from types import SimpleNamespace

    from storefront.ordering.mail import order_link

    order = SimpleNamespace(lang="en", number="KJ-1", id=1, email="a@example.com")
    app.config["PUBLIC_BASE_URL"] = "https://shop.example"
    try:
        with app.test_request_context(
            "/en/", base_url="http://127.0.0.1:5000", headers={"X-Forwarded-Host": "evil.example"}
        ):
            g.lang = "en"
            link = order_link(order)
        with app.app_context():
            outside = order_link(order)
    finally:
        app.config["PUBLIC_BASE_URL"] = "http://127.0.0.1:5000"
    assert link.startswith("https://shop.example/en/") and "KJ-1" in link
    assert outside.startswith("https://shop.example/")
