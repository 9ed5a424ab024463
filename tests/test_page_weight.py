"""Phone-first page weight (docs/phone.md): the product page and the listing page, with the stylesheets and
scripts they load (no images), weigh under 120 KB uncompressed."""

import re

import pytest

from storefront.extensions import db

BUDGET = 120 * 1024
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script[^>]* src)="(/static/[^"?]+)')


def _weight(client, path: str) -> tuple[int, list[str]]:
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assets = sorted(set(ASSET.findall(html)))
    total = len(response.get_data())
    for asset in assets:
        static = client.get(asset)
        assert static.status_code == 200, asset
        total += len(static.get_data())
        static.close()
    return total, assets


@pytest.fixture
def pages(make):
    make.rates()
    category = make.category(slug="one-piece", cluster_slug="swimwear")
    suit = make.product(
        price_fen=12000,
        moq=2,
        tiers=[(50, 9500), (100, 8000)],
        category_=category,
        texts={"ru": {"name": "Слитный купальник «Волна»", "description": "Полиамид 80 %, эластан 20 %. " * 40}},
    )
    make.with_variants(suit, {"size": ["S", "M", "L", "XL"], "colour": ["red", "blue", "black"]}, stock=50)
    for n in range(24):  # a full listing page
        make.product(category_=category, price_fen=5000 + n, texts={"ru": {"name": f"Купальник {n}"}})
    db.session.commit()
    return {"product": f"/ru/p/{suit.id}", "listing": "/ru/c/swimwear/one-piece/"}


@pytest.mark.parametrize("page", ["product", "listing"])
def test_page_with_css_and_js_weighs_under_120_kb(client, pages, page):
    total, assets = _weight(client, pages[page])
    assert "/static/css/site.css" in assets
    if page == "product":
        assert {"/static/js/variants.js", "/static/js/buybar.js"} <= set(assets)
    assert total < BUDGET, f"{page}: {total} bytes with {assets}"
