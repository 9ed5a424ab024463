"""Search facets by option (size, colour, grade…): counts of products, filtering, labels per language, following
variant changes, and hostile filter values."""

import pytest
from sqlalchemy import select

from storefront import search
from storefront.catalog.models import ProductVariant
from storefront.extensions import db
from storefront.search import SearchQuery
from storefront.search.documents import load_docs


def _suit(make, n, sizes, colours, stock=10):
    product = make.product(
        category_=make.category(f"swim{n}", cluster_slug="swimwear"),
        texts={"en": {"name": f"Swimsuit {n}"}, "ru": {"name": f"Купальник {n}"}, "ko": {"name": f"수영복 {n}"}},
    )
    made = make.with_variants(product, {"size": sizes, "colour": colours}, stock=stock)
    return product, made


@pytest.fixture
def suits(make):
    """A: S/M/L × red/blue; B: M in red; C: L in blue with M in blue sold out; D: no options."""
    make.rates()
    a, _ = _suit(make, "A", ["S", "M", "L"], ["red", "blue"])
    b, _ = _suit(make, "B", ["M"], ["red"])
    c, _ = _suit(make, "C", ["M", "L"], ["blue"], stock={("M", "blue"): 0, ("L", "blue"): 5})
    d = make.product(texts={"en": {"name": "Swimsuit D"}, "ru": {"name": "Купальник D"}})
    db.session.commit()
    return {"A": a.id, "B": b.id, "C": c.id, "D": d.id}


def _run(text="swimsuit", lang="en", **filters):
    return search.query(SearchQuery(text, lang, filters=filters))


def test_option_facets_count_products_with_a_variant_of_the_value(suits):
    found = _run()
    assert found.total == 4
    # C's M is sold out: still counted (a product with the value, in stock or not); D has no options.
    assert dict(found.facets["opt-size"]) == {"S": 1, "M": 3, "L": 2}
    assert dict(found.facets["opt-colour"]) == {"red": 2, "blue": 2}
    assert found.option_names["colour"]["values"]["blue"]["ru"] == "синий"


def test_filtering_by_size_m_returns_only_products_with_an_m_variant(suits):
    found = _run(**{"opt-size": "M"})
    assert {h.id for h in found.hits} == {suits["A"], suits["B"], suits["C"]}
    both = _run(**{"opt-size": "M", "opt-colour": "blue"})
    assert {h.id for h in both.hits} == {suits["A"], suits["C"]}
    # the combination need not be one variant: B has M (red) only, so "M and blue" leaves it out
    assert dict(both.facets["opt-size"]) == {"S": 1, "M": 2, "L": 2}
    assert _run(**{"opt-size": "XXL"}).total == 0


def test_option_filter_combines_with_the_other_facets(suits):
    found = _run(**{"opt-size": "S", "price": "100-500"})
    assert [h.id for h in found.hits] == [suits["A"]]


def test_results_page_labels_option_facets_in_russian(client, suits):
    body = client.get("/ru/search", query_string={"q": "купальник"}).get_data(as_text=True)
    assert "Размер" in body and "Цвет" in body
    assert "синий" in body and "красный" in body
    assert "opt-size=M" in body and "opt-colour=blue" in body
    narrowed = client.get("/ru/search", query_string={"q": "купальник", "opt-colour": "red"}).get_data(as_text=True)
    assert f"/ru/p/{suits['B']}" in narrowed and f"/ru/p/{suits['C']}" not in narrowed
    assert "Убрать фильтр «красный»" in narrowed


def test_results_page_labels_option_facets_in_korean(client, suits):
    body = client.get("/ko/search", query_string={"q": "수영복"}).get_data(as_text=True)
    assert "사이즈" in body and "색상" in body
    assert "파랑" in body and "빨강" in body
    narrowed = client.get("/ko/search", query_string={"q": "수영복", "opt-size": "S"}).get_data(as_text=True)
    assert f"/ko/p/{suits['A']}" in narrowed and f"/ko/p/{suits['B']}" not in narrowed


def test_api_returns_option_facets_and_filters(client, suits):
    data = client.get("/api/v1/search", query_string={"q": "swimsuit", "opt-size": "L"}).json
    assert {i["id"] for i in data["items"]} == {suits["A"], suits["C"]}
    assert {f["value"]: f["count"] for f in data["facets"]["opt-size"]} == {"S": 1, "M": 2, "L": 2}


def test_variant_changes_reach_the_option_facets(make, suits):
    b = db.session.scalars(select(ProductVariant).where(ProductVariant.product_id == suits["B"])).one()
    b.options = {"size": "XL", "colour": "red"}
    db.session.commit()
    assert {h.id for h in _run(**{"opt-size": "M"}).hits} == {suits["A"], suits["C"]}
    # a stock change alone leaves the index alone (no re-index per checkout), and changes no facet
    version = search.index_version()
    b.stock = 3
    db.session.commit()
    assert search.index_version() == version


def test_documents_carry_only_values_some_variant_has(make):
    product = make.product()
    make.with_variants(product, {"size": ["S", "M"]})
    product.variants.pop()  # M is offered by the option type but no variant has it
    db.session.commit()
    (doc,) = load_docs({product.id})
    assert doc.options == {"size": ["S"]}
    assert doc.option_names["size"]["names"]["ru"] == "Размер"


@pytest.mark.parametrize(
    "args",
    [
        {"opt-size": "M" * 500},
        {"opt-Size": "M"},
        {"opt-": "M"},
        {"opt-size\x1f": "M"},
        {"opt-size": "M\x1fx=y"},
        {"opt-size": "M=1"},
        {f"opt-c{n}": "x" for n in range(30)},
    ],
)
def test_hostile_option_filters_answer_200(client, suits, args):
    page = client.get("/en/search", query_string={"q": "swimsuit", **args})
    assert page.status_code == 200
    api = client.get("/api/v1/search", query_string={"q": "swimsuit", **args})
    assert api.status_code == 200 and isinstance(api.json["items"], list)


def test_cluster_listing_offers_option_facets_in_the_buyers_language(client, suits):
    body = client.get("/ru/c/swimwear/").get_data(as_text=True)
    assert '<select id="opt-size" name="opt-size">' in body
    assert '<option value="M" >M (3)</option>' in body
    assert '<option value="blue" >синий (2)</option>' in body
    assert "Цвет" in body and "Размер" in body
    korean = client.get("/ko/c/swimwear/").get_data(as_text=True)
    assert '<option value="red" >빨강 (2)</option>' in korean and "색상" in korean


def test_listing_filtered_by_an_option_shows_only_products_with_it(client, suits):
    body = client.get("/en/c/swimwear/?opt-size=S").get_data(as_text=True)
    assert f"/en/p/{suits['A']}" in body
    assert f"/en/p/{suits['B']}" not in body and f"/en/p/{suits['C']}" not in body
    assert '<option value="S" selected>S (1)</option>' in body and "Clear filters" in body
    both = client.get("/en/c/swimwear/?opt-size=M&opt-colour=blue&sort=price_asc").get_data(as_text=True)
    assert f"/en/p/{suits['A']}" in both and f"/en/p/{suits['C']}" in both and f"/en/p/{suits['B']}" not in both
    empty = client.get("/en/c/swimwear/swimB/?opt-colour=blue").get_data(as_text=True)
    assert "No products match these filters." in empty
    assert client.get("/en/c/swimwear/?opt-size=" + "M" * 500).status_code == 200


def test_sizes_are_listed_in_their_natural_order(client, suits):
    body = client.get("/en/search", query_string={"q": "swimsuit"}).get_data(as_text=True)
    assert body.index("opt-size=S") < body.index("opt-size=M") < body.index("opt-size=L")
