"""Search page, JSON API, suggestions, facets, sorting, pagination and hostile input."""

import pytest

from storefront.extensions import db

MALFORMED = [
    "",
    " ",
    '"unbalanced quote',
    "купальник'",
    "(bracket",
    "[range TO",
    "{curly}",
    "AND",
    "OR NOT",
    "NOT",
    "AND OR NOT",
    "*",
    "**?",
    "name:",
    "name:купальник",
    "sku:*",
    "\x00\x01\x02\x1b[31m",
    "купальник\u200b\u200e\ufeff",
    "🏊‍♀️👙🔥",
    "'; DROP TABLE products; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    "%00%27",
    "\\",
    "~2^3",
    "x" * 5000,
    "купальник " * 600,
    "镁砂" * 2500,
]
LANGS = ("zh", "ru", "ko", "en")


@pytest.fixture
def shop(make):
    """Products in two clusters and three price bands."""
    make.rates()
    swim = make.category("swim", cluster_slug="swimwear")
    steel = make.category("bars", cluster_slug="steel")
    made = []
    for n, price in enumerate((5_000, 30_000, 150_000)):
        made.append(
            make.product(
                category_=swim,
                price_fen=price,
                origin_city_slug="xingcheng",
                texts={
                    "zh": {"name": f"泳衣{n}"},
                    "ru": {"name": f"Купальник модель {n}"},
                    "en": {"name": f"Swimsuit model {n}", "description": "Swimsuit for pools"},
                },
            )
        )
    made.append(
        make.product(
            category_=steel,
            price_fen=90_000,
            texts={"zh": {"name": "圆钢"}, "en": {"name": "Swimsuit-grade steel bar"}},
        )
    )
    db.session.commit()
    return [p.id for p in made]


@pytest.mark.parametrize("lang", LANGS)
def test_malformed_queries_answer_200(client, shop, lang):
    for q in MALFORMED:
        page = client.get(f"/{lang}/search", query_string={"q": q})
        assert page.status_code == 200, (lang, q)
        api = client.get("/api/v1/search", query_string={"q": q, "lang": lang})
        assert api.status_code == 200, (lang, q)
        assert isinstance(api.json["items"], list)
        suggest = client.get("/api/v1/suggest", query_string={"q": q, "lang": lang})
        assert suggest.status_code == 200, (lang, q)
        assert isinstance(suggest.json, list)


def test_operators_and_symbols_show_a_friendly_empty_state(client, shop):
    for q in ("AND", "OR NOT", "*", "🏊‍♀️👙"):
        body = client.get("/en/search", query_string={"q": q}).get_data(as_text=True)
        assert "could not find any words to search for" in body
    body = client.get("/en/search?q=xyzzyqwerty").get_data(as_text=True)
    assert "No products found for" in body
    assert "<script>alert" not in client.get("/en/search", query_string={"q": "<script>alert(1)</script>"}).get_data(
        as_text=True
    )


def test_empty_query_shows_the_start_state(client, shop):
    body = client.get("/en/search").get_data(as_text=True)
    assert "Type what you are looking for" in body


def test_results_page_lists_hits_with_facets(client, shop):
    body = client.get("/en/search?q=swimsuit").get_data(as_text=True)
    assert "4 products found" in body
    for product_id in shop:
        assert f"/en/p/{product_id}" in body
    assert "Industry" in body and "Price" in body and "Origin city" in body
    assert "cluster=swimwear" in body and "price=0-100" in body


def test_facet_filter_narrows_and_can_be_removed(client, shop):
    body = client.get("/en/search?q=swimsuit&cluster=steel").get_data(as_text=True)
    assert "1 product found" in body and f"/en/p/{shop[3]}" in body and f"/en/p/{shop[0]}" not in body
    assert "Remove filter" in body
    api = client.get("/api/v1/search?q=swimsuit&price=100-500").json
    assert [i["id"] for i in api["items"]] == [shop[1]]


def test_sorting_by_price_and_newest(client, shop):
    asc = client.get("/api/v1/search?q=swimsuit&sort=price_asc").json
    assert [i["price"]["minor"] for i in asc["items"]] == [5_000, 30_000, 90_000, 150_000]
    desc = client.get("/api/v1/search?q=swimsuit&sort=price_desc").json
    assert [i["price"]["minor"] for i in desc["items"]] == [150_000, 90_000, 30_000, 5_000]
    newest = client.get("/api/v1/search?q=swimsuit&sort=newest").json
    assert newest["sort"] == "newest" and len(newest["items"]) == 4
    bogus = client.get("/api/v1/search?q=swimsuit&sort=drop_table").json
    assert bogus["sort"] == "relevance"
    body = client.get("/en/search?q=swimsuit&sort=price_desc").get_data(as_text=True)
    assert body.index(f"/en/p/{shop[2]}") < body.index(f"/en/p/{shop[0]}")


def test_pagination_and_bad_pages(client, app, shop):
    app.config["PAGE_SIZE"] = 2
    try:
        first = client.get("/en/search?q=swimsuit").get_data(as_text=True)
        assert "Page 1 of 2" in first and "page=2" in first
        assert client.get("/en/search?q=swimsuit&page=2").status_code == 200
        for bad in ("3", "0", "-1", "abc", "1e3", "99999999999"):
            assert client.get(f"/en/search?q=swimsuit&page={bad}").status_code == 404, bad
    finally:
        app.config["PAGE_SIZE"] = 24
    api = client.get("/api/v1/search?q=swimsuit&per_page=3&page=2").json
    assert api["page"] == 2 and api["pages"] == 2 and len(api["items"]) == 1
    assert client.get("/api/v1/search?q=swimsuit&page=9").json == {"error": 404}


def test_api_items_have_the_products_api_fields_plus_score(client, shop):
    data = client.get("/api/v1/search?q=swimsuit&lang=ru").json
    item = data["items"][0]
    product = client.get(f"/api/v1/products/{item['id']}?lang=ru").json
    assert {k: v for k, v in item.items() if k != "score"} == product
    assert item["score"] > 0
    assert [i["score"] for i in data["items"]] == sorted((i["score"] for i in data["items"]), reverse=True)
    assert data["lang"] == "ru" and data["total"] == 4
    assert {f["value"] for f in data["facets"]["cluster"]} == {"swimwear", "steel"}


def test_suggest_api(client, shop):
    data = client.get("/api/v1/suggest?q=купаль&lang=ru").json
    assert {s["name"] for s in data} == {"Купальник модель 0", "Купальник модель 1", "Купальник модель 2"}
    assert all(s["url"].startswith("/ru/p/") and s["name_lang"] == "ru" for s in data)
    fallback = client.get("/api/v1/suggest?q=swim&lang=ko").json
    assert {s["name_lang"] for s in fallback} == {"en"}
    assert client.get("/api/v1/suggest?q=泳&lang=zh").json
    assert client.get("/api/v1/suggest?q=s&lang=en").json == []
    assert len(client.get("/api/v1/suggest?q=swim&lang=en&limit=2").json) == 2


def test_header_search_box_on_every_page(client, shop):
    body = client.get("/ru/").get_data(as_text=True)
    assert 'role="search"' in body and 'class="search-box"' in body
    assert 'action="/ru/search"' in body and 'name="q"' in body
    assert '<label for="site-search"' in body
    assert "/static/js/suggest.js" in body and 'data-suggest-url="/api/v1/suggest"' in body
    results = client.get("/ru/search?q=купальник").get_data(as_text=True)
    assert 'value="купальник"' in results


def test_suggest_script_is_served(client):
    script = client.get("/static/js/suggest.js")
    assert script.status_code == 200
    text = script.get_data(as_text=True)
    assert "aria-activedescendant" in text and "role" in text and "listbox" in text
    script.close()


def test_language_switch_keeps_the_query(client, shop):
    body = client.get("/en/search?q=swimsuit&sort=price_asc").get_data(as_text=True)
    assert "/ru/search?q=swimsuit&amp;sort=price_asc" in body
