"""Finding 2 — browser protections on every page type: CSP without unsafe-inline (nonces), nosniff,
Referrer-Policy, frame-ancestors / X-Frame-Options, HSTS over HTTPS only; Stripe origins only with the card
form."""

import re

import pytest
from flask import render_template_string

from storefront.demo.seed import DEMO_BUYER, DEMO_OPERATOR, DEMO_PASSWORD

_NONCE = re.compile(r"'nonce-([A-Za-z0-9_-]+)'")


def _simple_get_urls(app) -> list[str]:
    """Every GET route whose only argument is the language, plus the root, the API and a static file."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        if set(rule.arguments) <= {"lang"}:
            urls.append(rule.rule.replace("<lang>", "en"))
    return sorted(set(urls)) + ["/static/css/site.css", "/en/no-such-page"]


def assert_protected(response, url=""):
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff", url
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert headers["X-Frame-Options"] == "DENY", url
    if response.mimetype == "text/html":
        csp = headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, url
        assert "stripe.com" not in csp, url  # only pages with the card form admit Stripe
        body = response.get_data(as_text=True)
        assert not re.search(r"<[a-z][^>]*\sstyle=", body), f"style attribute on {url}"
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", body), f"inline event handler on {url}"
        nonce = _NONCE.search(csp).group(1)
        for tag in re.findall(r"<(?:script|style)\b[^>]*>", body):
            assert "src=" in tag or f'nonce="{nonce}"' in tag, f"inline code without the nonce on {url}: {tag}"


@pytest.mark.parametrize("who", ["anonymous", DEMO_BUYER, DEMO_OPERATOR, "merchant"])
def test_every_simple_page_carries_the_protections(demo_app, who):
    client = demo_app.test_client()
    if who != "anonymous":
        email = who
        if who == "merchant":
            from storefront.accounts.models import Role, User
            from storefront.extensions import db

            with demo_app.app_context():
                email = db.session.query(User.email).filter_by(role=Role.MERCHANT.value).first()[0]
        client.post("/en/account/login", data={"email": email, "password": DEMO_PASSWORD})
    urls = _simple_get_urls(demo_app)
    assert len(urls) > 20
    for url in urls:
        response = client.get(url)
        assert_protected(response, url)
        response.close()


def test_product_pages_and_cached_copies_get_a_fresh_nonce(demo_app):
    from storefront.catalog import queries
    from storefront.catalog.models import Product
    from storefront.extensions import db

    with demo_app.app_context():
        pid = db.session.scalar(queries.public_products().with_only_columns(Product.id).limit(1))
    client = demo_app.test_client()
    first, second = client.get(f"/en/p/{pid}"), client.get(f"/en/p/{pid}")  # the second is a page-cache hit
    for response in (first, second):
        assert response.status_code == 200
        assert_protected(response)
    nonces = [_NONCE.search(r.headers["Content-Security-Policy"]).group(1) for r in (first, second)]
    assert nonces[0] != nonces[1]
    home = client.get("/en/")
    nonce = _NONCE.search(home.headers["Content-Security-Policy"]).group(1)
    assert f'<style nonce="{nonce}">' in home.get_data(as_text=True)  # cluster colours
    again = client.get("/en/")
    nonce2 = _NONCE.search(again.headers["Content-Security-Policy"]).group(1)
    assert nonce2 != nonce and f'<style nonce="{nonce2}">' in again.get_data(as_text=True)


def test_api_and_errors_are_protected_too(demo_client):
    api = demo_client.get("/api/v1/products?lang=en")
    assert api.headers["X-Content-Type-Options"] == "nosniff" and api.headers["X-Frame-Options"] == "DENY"
    assert_protected(demo_client.get("/en/p/999999"))


def test_card_form_pages_admit_stripe_and_localstripe(app):
    app.config["STRIPE_JS_URL"], saved = (
        "http://127.0.0.1:8420/js.stripe.com/v3/",
        app.config["STRIPE_JS_URL"],
    )
    try:
        with app.test_request_context("/en/"):
            from flask import make_response

            response = make_response(render_template_string("{{ allow_card_form() }}<p>pay</p>"))
            response = app.process_response(response)
    finally:
        app.config["STRIPE_JS_URL"] = saved
    csp = response.headers["Content-Security-Policy"]
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src"))
    assert "https://js.stripe.com" in script_src and "http://127.0.0.1:8420" in script_src
    assert "https://hooks.stripe.com" in csp and "unsafe-inline" not in csp


def test_hsts_only_over_https(demo_client):
    assert "Strict-Transport-Security" not in demo_client.get("/healthz").headers
    secure = demo_client.get("/healthz", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_unsafe_cluster_colour_is_left_out(app, make, client):
    from storefront.catalog.taxonomy import Cluster
    from storefront.extensions import db

    make.rates()
    make.product()
    # 7 characters: the column's width (PostgreSQL enforces it); enough to close the style block
    db.session.query(Cluster).update({"color": "x;}</st"})
    db.session.commit()
    body = client.get("/en/").get_data(as_text=True)
    assert "x;}</st" not in body and "x;}&lt;/st" not in body


@pytest.mark.parametrize("who", ["anonymous", DEMO_OPERATOR])
def test_every_linked_page_type_carries_the_protections(demo_app, who):
    """Crawl the demo site two links deep (clusters, categories, merchants, products, services, providers,
    back-office pages): every page passes the same checks."""
    client = demo_app.test_client()
    if who != "anonymous":
        client.post("/en/account/login", data={"email": who, "password": DEMO_PASSWORD})
    queue, seen, kinds = ["/en/", "/en/services/", "/en/operator/"], set(), set()
    while queue and len(seen) < 120:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or response.mimetype != "text/html":
            response.close()
            continue
        assert_protected(response, url)
        kinds.add("/".join(url.split("?")[0].split("/")[2:4]))
        for href in re.findall(r'href="(/en/[^"#?]*)"', response.get_data(as_text=True)):
            if href not in seen and "logout" not in href:
                queue.append(href)
    assert len(kinds) >= (12 if who == "anonymous" else 15), sorted(kinds)
