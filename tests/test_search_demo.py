"""Search against the demo catalogue (read-only; the index is built when the demo app is seeded)."""

import pytest

pytest.importorskip("storefront.demo.content")


def api(client, q: str, lang: str, **args) -> dict:
    """The search API's answer."""
    response = client.get("/api/v1/search", query_string={"q": q, "lang": lang, "per_page": 100, **args})
    assert response.status_code == 200
    return response.json


def test_every_public_demo_product_is_indexed(demo_client, demo_app):
    from storefront import search

    total = demo_client.get("/api/v1/products?per_page=1").json["total"]
    with demo_app.app_context():
        assert search.get_index().doc_count() == total


def test_russian_plural_finds_swimwear(demo_client):
    data = api(demo_client, "купальники", "ru")
    assert data["total"] >= 3
    assert {i["cluster"] for i in data["items"]} >= {"swimwear"}
    assert data["items"][0]["cluster"] == "swimwear"
    assert data["items"][0]["name_lang"] == "ru"


def test_russian_adjective_finds_magnesium_products(demo_client):
    data = api(demo_client, "магниевых", "ru")
    assert data["total"] >= 1
    assert "magnesium" in {i["cluster"] for i in data["items"]}


def test_korean_particles_on_demo_data(demo_client):
    swim = api(demo_client, "수영복을", "ko")
    assert swim["total"] >= 3 and swim["items"][0]["cluster"] == "swimwear"
    lift = api(demo_client, "리프트가", "ko")
    assert lift["total"] >= 2 and lift["items"][0]["cluster"] == "auto-maintenance"


def test_chinese_sub_words_on_demo_data(demo_client):
    magnesia = api(demo_client, "镁砂", "zh")
    assert any("电熔镁砂" in i["name"] for i in magnesia["items"])
    lifts = api(demo_client, "举升机", "zh")
    assert any("双柱举升机" in i["name"] for i in lifts["items"])


def test_sku_and_hs_code_on_demo_data(demo_client):
    from storefront.demo import content

    product = content.PRODUCTS[0]
    by_sku = api(demo_client, product["sku"], "en")
    assert by_sku["items"][0]["sku"] == product["sku"]
    by_hs = api(demo_client, product["hs_code"], "en")
    assert product["sku"] in {i["sku"] for i in by_hs["items"]}
    assert all(i["hs_code"] == product["hs_code"] for i in by_hs["items"])


def test_chinese_query_on_russian_page(demo_client):
    data = api(demo_client, "举升机", "ru")
    assert data["total"] >= 2
    assert all(i["name_lang"] == "ru" for i in data["items"])
    page = demo_client.get("/ru/search?q=举升机").get_data(as_text=True)
    assert "подъёмник" in page.lower()


def test_misspelled_english_on_demo_data(demo_client):
    data = api(demo_client, "swimsiut", "en")
    assert data["suggestion"] == "swimsuit"
    assert api(demo_client, data["suggestion"], "en")["total"] >= 1


def test_results_page_and_facets_on_demo_data(demo_client):
    page = demo_client.get("/en/search?q=magnesia").get_data(as_text=True)
    assert "products found" in page and "<mark>" in page
    data = api(demo_client, "magnesia", "en")
    assert {f["value"] for f in data["facets"]["city"]} & {"haicheng", "dashiqiao"}


def test_suggest_on_demo_data(demo_client):
    names = demo_client.get("/api/v1/suggest?q=купаль&lang=ru").json
    assert names and all("/ru/p/" in s["url"] for s in names)
    assert demo_client.get("/api/v1/suggest?q=镁&lang=zh").json


def test_option_facets_on_demo_data(demo_client):
    swim = api(demo_client, "купальник", "ru")
    sizes = {f["value"]: f["count"] for f in swim["facets"]["opt-size"]}
    assert {"S", "M", "L"} <= set(sizes) and sizes["M"] >= 2
    page = demo_client.get("/ru/search?q=купальник").get_data(as_text=True)
    assert "Размер" in page and "Цвет" in page and "тёмно-синий" in page
    narrowed = demo_client.get("/api/v1/search", query_string={"q": "купальник", "lang": "ru", "opt-size": "M"}).json
    assert 0 < narrowed["total"] <= swim["total"]
    magnesia = demo_client.get("/ko/search?q=magnesia").get_data(as_text=True)
    assert "등급" in magnesia  # the grade facet, labelled in Korean
