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


def test_products_api_count_follows_new_hidden_and_moved_products(client, make):
    """The total is kept in the shared cache (storefront.catalog.queries.counted) until the listings change."""
    steel = make.category("bars", cluster_slug="steel")
    agri = make.category("berries", cluster_slug="agri")
    first = make.product(category_=steel)
    db.session.commit()

    def totals():
        return [client.get(f"/api/v1/products{q}").json["total"] for q in ("", "?cluster=steel", "?category=berries")]

    assert totals() == [1, 1, 0]
    second = make.product(category_=steel)
    db.session.commit()
    assert totals() == [2, 2, 0]
    second.category_id = agri.id
    db.session.commit()
    assert totals() == [2, 1, 1]
    first.hidden = True
    db.session.commit()
    assert totals() == [1, 0, 1]
    hostile = client.get("/api/v1/products", query_string={"cluster": "steel' OR 1=1 --" + "x" * 300})
    assert hostile.status_code == 200 and hostile.json["total"] == 0
