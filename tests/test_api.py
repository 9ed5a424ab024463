"""JSON read API."""

from storefront.extensions import db


def test_products_api_languages(client, make):
    make.rates()
    p = make.product(
        texts={
            "zh": {"name": "冷冻草莓", "description": "丹东草莓"},
            "en": {"name": "Frozen strawberries", "description": "Dandong berries"},
            "ru": {"name": "Замороженная клубника"},
        }
    )
    db.session.commit()
    data = client.get("/api/v1/products?lang=ru").json
    assert data["lang"] == "ru" and data["total"] == 1
    item = data["items"][0]
    assert item["name"] == "Замороженная клубника" and item["name_lang"] == "ru"
    assert item["description"] == "Dandong berries" and item["description_lang"] == "en"
    assert item["price"] == {"amount": "100.00", "currency": "CNY", "minor": 10000}
    assert item["url"].endswith(f"/ru/p/{p.id}")
    assert item["merchant"]["id"] == p.merchant_id
    one = client.get(f"/api/v1/products/{p.id}?lang=ko").json
    assert one["name_lang"] == "en"


def test_products_api_filters_and_pagination(client, make):
    a = make.category("bars", cluster_slug="steel")
    b = make.category("berries", cluster_slug="agri")
    for _ in range(3):
        make.product(category_=a)
    make.product(category_=b)
    db.session.commit()
    assert client.get("/api/v1/products?cluster=steel").json["total"] == 3
    assert client.get("/api/v1/products?category=berries").json["total"] == 1
    assert client.get("/api/v1/products?cluster=nope").json["total"] == 0
    paged = client.get("/api/v1/products?per_page=2&page=2").json
    assert paged["page"] == 2 and len(paged["items"]) == 2 and paged["pages"] == 2
    assert client.get("/api/v1/products?per_page=2&page=3").status_code == 404
    assert client.get("/api/v1/products?page=abc").json == {"error": 404}
