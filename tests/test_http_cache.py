"""HTTP caching and compression: ETags invalidated by catalogue changes, fingerprinted static files, gzip."""

import re

from storefront.extensions import db


def _shop(make):
    make.rates()
    p = make.product()
    db.session.commit()
    return p


def test_anonymous_catalogue_page_revalidates_with_304(client, make):
    p = _shop(make)
    first = client.get(f"/en/p/{p.id}")
    etag = first.headers["ETag"]
    assert first.status_code == 200 and "no-cache" in first.headers["Cache-Control"]
    again = client.get(f"/en/p/{p.id}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""


def test_catalogue_change_invalidates_etag(client, make):
    p = _shop(make)
    etag = client.get(f"/en/p/{p.id}").headers["ETag"]
    p.stock = p.stock - 1
    db.session.commit()
    after = client.get(f"/en/p/{p.id}", headers={"If-None-Match": etag})
    assert after.status_code == 200 and after.headers["ETag"] != etag


def test_rolled_back_change_keeps_etag(client, make):
    p = _shop(make)
    etag = client.get(f"/en/p/{p.id}").headers["ETag"]
    p.price_fen = 1
    db.session.flush()
    db.session.rollback()
    assert client.get(f"/en/p/{p.id}", headers={"If-None-Match": etag}).status_code == 304


def test_etag_depends_on_display_currency(client, make):
    p = _shop(make)
    etag = client.get(f"/en/p/{p.id}").headers["ETag"]
    client.post("/en/currency", data={"currency": "EUR"})
    response = client.get(f"/en/p/{p.id}", headers={"If-None-Match": etag})
    assert response.status_code == 200 and "€" in response.get_data(as_text=True)


def test_api_is_publicly_cacheable(client, make):
    _shop(make)
    response = client.get("/api/v1/products?lang=en")
    assert "public" in response.headers["Cache-Control"] and response.headers.get("ETag")


def test_signed_in_pages_are_not_cached(client, make):
    p = _shop(make)
    make.user(email="b@example.com")
    db.session.commit()
    client.post("/en/account/login", data={"email": "b@example.com", "password": "correct-horse-battery"})
    assert "ETag" not in client.get(f"/en/p/{p.id}").headers


def test_static_files_fingerprinted_and_immutable(client, make):
    _shop(make)
    page = client.get("/en/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/site\.css\?v=[0-9a-f]{12})"', page).group(1)
    response = client.get(css)
    assert response.status_code == 200
    response.close()
    assert "immutable" in response.headers["Cache-Control"] and "max-age=31536000" in response.headers["Cache-Control"]


def test_html_is_compressed(client, make):
    _shop(make)
    response = client.get("/en/", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("Content-Encoding") == "gzip"


def test_bulk_stock_update_invalidates_cached_page(client, make):
    from sqlalchemy import update

    from storefront.catalog.models import ProductVariant

    p = _shop(make)
    before = client.get(f"/en/p/{p.id}")
    assert "100 pieces" in before.get_data(as_text=True)
    db.session.execute(
        update(ProductVariant).where(ProductVariant.product_id == p.id).values(stock=ProductVariant.stock - 7)
    )
    db.session.commit()
    assert "93 pieces" in client.get(f"/en/p/{p.id}").get_data(as_text=True)


def test_page_cache_serves_each_session_its_own_csrf_token(app, make, tmp_path):
    from tests.fixtures import make_app

    _shop(make)
    secure = make_app(tmp_path, app.config["SQLALCHEMY_DATABASE_URI"], WTF_CSRF_ENABLED=True)
    first, second = secure.test_client(), secure.test_client()
    tokens = []
    for c in (first, second):
        page = c.get("/en/").get_data(as_text=True)
        tokens.append(re.search(r'name="csrf_token" value="([^"]+)"', page).group(1))
        assert c.post("/en/currency", data={"currency": "EUR", "csrf_token": tokens[-1]}).status_code == 302
    assert tokens[0] != tokens[1]
    assert "__KJ_CSRF_TOKEN__" not in first.get("/en/").get_data(as_text=True)
