"""Mongolian demo content: the products Mongolian buyers look for, shown and found in Mongolian."""

import copy
from types import SimpleNamespace

from storefront.demo import content
from storefront.demo.selfcheck import MIN_MN_PER_CLUSTER, check_content


def _cluster_of(product):
    return next(c["slug"] for c in content.CLUSTERS for cat in c["categories"] if cat["slug"] == product["category"])


def test_mongolian_texts_cover_the_clusters_mongolian_buyers_want():
    counts = {}
    for p in content.PRODUCTS:
        if "mn" in p["text"]:
            counts[_cluster_of(p)] = counts.get(_cluster_of(p), 0) + 1
            assert len(p["text"]["mn"]["specs"]) == len(p["text"]["zh"]["specs"]), p["sku"]
    assert all(counts.get(cluster, 0) >= wanted for cluster, wanted in MIN_MN_PER_CLUSTER.items())
    assert all(c["name"].get("mn") and c["description"].get("mn") for c in content.CLUSTERS)
    assert all(cat["name"].get("mn") for c in content.CLUSTERS for cat in c["categories"])
    assert all(names.get("mn") for names in content.CITIES.values())
    merchants = [m for m in content.MERCHANTS if m["cluster"] in MIN_MN_PER_CLUSTER]
    assert merchants and all(m["name"].get("mn") and m["description"].get("mn") for m in merchants)


def test_selfcheck_rejects_a_mongolian_name_copied_from_russian():
    broken = SimpleNamespace(
        **{k: copy.deepcopy(getattr(content, k)) for k in ("CLUSTERS", "CITIES", "MERCHANTS", "PRODUCTS")}
    )
    lift = next(p for p in broken.PRODUCTS if p["sku"] == "HL-LF-5001")
    lift["text"]["mn"]["name"] = lift["text"]["ru"]["name"]
    assert "product HL-LF-5001: mn name is a copy of en or ru" in check_content(broken)


def test_mongolian_pages_show_mongolian_text_and_russian_fallback(demo_client):
    api = demo_client.get("/api/v1/products?lang=mn&per_page=100").json
    by_sku = {item["sku"]: item for item in api["items"]}
    assert by_sku["HL-LF-5001"]["name"].startswith("Хоёр баганат автомашин өргөгч")
    assert by_sku["HL-LF-5001"]["name_lang"] == "mn"
    lift_page = demo_client.get(f"/mn/p/{by_sku['HL-LF-5001']['id']}").get_data(as_text=True)
    assert "Өргөх даац" in lift_page and "₮" in lift_page
    ru_only = next(p["sku"] for p in content.PRODUCTS if "ru" in p["text"] and "mn" not in p["text"])
    swim = by_sku[ru_only]
    assert swim["name_lang"] == "ru"  # no Mongolian text: Russian first
    page = demo_client.get(f"/mn/p/{swim['id']}").get_data(as_text=True)
    assert "Орчуулга хараахан байхгүй — Орос хэлээр харуулав" in page


def test_mongolian_search_on_demo_data(demo_client):
    def skus(q):
        data = demo_client.get("/api/v1/search", query_string={"q": q, "lang": "mn", "per_page": 20}).json
        return [i["sku"] for i in data["items"]]

    assert set(skus("өргөгчийг")[:2]) == {"HL-LF-5001", "HL-LF-5002"}
    assert "HM-MG-3001" in skus("периклазын")
    assert "LJ-AG-9001" in skus("гүзээлзгэнийн")
    assert {"HT-ST-8001", "DB-ST-7001"} <= set(skus("гангийн саваа"))
