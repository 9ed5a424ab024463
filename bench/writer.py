"""The writer side of the mixed-load benchmark: price/stock updates in short transactions and real checkouts
over HTTP (cart → checkout with bank transfer), for a number of seconds. Prints one JSON line of counts."""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
#: Flash messages and field errors of a page (what a failed checkout said).
MESSAGE = re.compile(r'class="[^"]*(?:flash|error|invalid-feedback)[^"]*"[^>]*>([^<]{1,200})')


class Browser:
    """A cookie-keeping HTTP client that follows redirects and reads CSRF tokens."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.http_5xx = 0
        #: The address the last request ended at (after redirects).
        self.last_url = ""

    def get(self, path: str) -> str:
        """GET a page and return its text."""
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict) -> str:
        """POST a form and return the text of the page it leads to."""
        body = urllib.parse.urlencode(data).encode()
        return self._open(urllib.request.Request(self.base + path, data=body, method="POST"))

    def _open(self, request) -> str:
        try:
            with self.opener.open(request, timeout=30) as response:
                self.last_url = response.geturl()
                return response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            self.last_url = exc.geturl()
            if exc.code >= 500:
                self.http_5xx += 1
            return exc.read().decode("utf-8", "replace")


def checkout(browser: Browser, product_id: int, variant_id: int, qty: int) -> str:
    """Add to cart and place an order paid by bank transfer; returns 'ok', 'sold_out' (sent back to the cart)
    or 'error' (anything else: the checkout form again, an error page)."""
    page = browser.get(f"/en/p/{product_id}")
    token = TOKEN.search(page)
    if not token:
        return "error"
    browser.post(
        "/en/cart/add", {"csrf_token": token.group(1), "product_id": product_id, "variant_id": variant_id, "qty": qty}
    )
    form = browser.get("/en/checkout")
    token = TOKEN.search(form)
    if not token:
        return "sold_out" if "cart" in form.lower() else "error"
    done = browser.post(
        "/en/checkout",
        {
            "csrf_token": token.group(1),
            "email": "bench@example.com",
            "contact_name": "Bench Buyer",
            "country": "RU",
            "city": "Moscow",
            "address_line1": "Tverskaya 1",
            "terms": "DAP",
            "currency": "USD",
            "pay_method": "transfer",
            "action": "place",
        },
    )
    # placed: the order's page (or its payment page); refused for stock or a changed price: back to the cart
    path = urllib.parse.urlsplit(browser.last_url).path
    if "/orders/" in path:
        return "ok"
    if path.rstrip("/").endswith("/cart"):
        return "sold_out"
    said = [m.strip() for m in MESSAGE.findall(done) if m.strip()]
    print(f"writer: checkout ended at {path}: {said[:3]}", file=sys.stderr)
    return "error"


def main() -> None:
    """Write for --seconds, then print counts as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--base-url", required=True)
    args = parser.parse_args()

    from sqlalchemy import select

    from storefront.app import create_app
    from storefront.catalog.models import Product, ProductVariant
    from storefront.extensions import db

    app = create_app()
    stats = {"price_updates": 0, "orders": 0, "sold_out": 0, "errors": 0, "http_5xx": 0}
    rng = random.Random(11)
    with app.app_context():
        # (product, its variant) of products sold by the piece with enough stock; the variants hold the stock
        rows = db.session.execute(
            select(Product.id, ProductVariant.id)
            .join(ProductVariant, ProductVariant.product_id == Product.id)
            .where(Product.moq <= 20, Product.unit == "piece", ProductVariant.stock > 100)
            .limit(2000)
        ).all()
        db.session.remove()
        browser = Browser(args.base_url)
        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline:
            try:
                for _ in range(5):  # short write transactions: a product's price and its variant's stock
                    # through the ORM, as the merchant's form, the API and the spreadsheet import change them
                    # (a bulk UPDATE would invalidate every cached page, not just this product's)
                    pid, vid = rng.choice(rows)
                    product = db.session.get(Product, pid)
                    product.price_fen = max(100, product.price_fen + rng.choice((-100, 100)))
                    db.session.get(ProductVariant, vid).stock += rng.randint(0, 3)
                    db.session.commit()
                    stats["price_updates"] += 1
                pid, vid = rng.choice(rows)
                moq = db.session.get(Product, pid).moq
                db.session.remove()
                result = checkout(browser, pid, vid, max(moq, 1))
                stats["orders" if result == "ok" else "sold_out" if result == "sold_out" else "errors"] += 1
            except Exception as exc:  # noqa: BLE001 - count every failure, keep writing
                db.session.rollback()
                stats["errors"] += 1
                print(f"writer error: {exc!r}", file=sys.stderr)
        stats["http_5xx"] = browser.http_5xx
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
