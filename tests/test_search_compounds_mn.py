"""Korean compounds with and without their space, and Mongolian suffixes, in search."""

import pytest

from storefront import search
from storefront.extensions import db
from storefront.search import SearchQuery
from storefront.search.analysis import mongolian_stems, terms, word_clauses


def ids(text: str, lang: str) -> list[int]:
    """Ids of the first page of hits, best first."""
    return [h.id for h in search.query(SearchQuery(text, lang)).hits]


def _product(make, category, sku, texts):
    return make.product(category_=category, sku=sku, texts={"zh": {"name": sku}, "en": {"name": sku}, **texts})


@pytest.fixture
def korean(make):
    """Compounds written both ways, and unrelated products sharing a syllable (카본, 복숭아)."""
    make.rates()
    auto = make.category("lifts", cluster_slug="auto")
    swim = make.category("one-piece", cluster_slug="swimwear")
    other = make.category("bricks", cluster_slug="magnesium")
    products = {
        "joined_lift": _product(make, auto, "KO-1", {"ko": {"name": "4톤 카리프트", "description": "정비용."}}),
        "spaced_lift": _product(make, auto, "KO-2", {"ko": {"name": "2주식 카 리프트", "description": "바닥판형."}}),
        "joined_swim": _product(make, swim, "KO-3", {"ko": {"name": "여성 수영복", "description": "원피스."}}),
        "spaced_swim": _product(make, swim, "KO-4", {"ko": {"name": "아동 수영 복", "description": "래시가드."}}),
        "carbon": _product(make, other, "KO-5", {"ko": {"name": "카본 벽돌", "description": "내화 벽돌, 카 아님."}}),
        "peach": _product(make, other, "KO-6", {"ko": {"name": "복숭아 통조림", "description": "복 많이 받으세요."}}),
    }
    db.session.commit()
    return {key: p.id for key, p in products.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("카리프트", {"joined_lift", "spaced_lift"}),
        ("카 리프트", {"joined_lift", "spaced_lift"}),
        ("수영복", {"joined_swim", "spaced_swim"}),
        ("수영 복", {"joined_swim", "spaced_swim"}),
    ],
)
def test_korean_compound_with_or_without_space(korean, query, expected):
    found = ids(query, "ko")
    assert set(found[: len(expected)]) == {korean[k] for k in expected}
    assert korean["carbon"] not in found and korean["peach"] not in found


def test_two_word_korean_query_ranks_the_match_first(korean):
    # "카 리프트" shares 카 with the carbon brick and "수영 복" shares 복 with the peaches: neither may come first.
    for query, unrelated in (("카 리프트", "carbon"), ("수영 복", "peach"), ("리프트 카", "carbon")):
        found = ids(query, "ko")
        assert found and found[0] != korean[unrelated]
        assert korean[unrelated] not in found


def test_korean_bigram_across_a_space_is_indexed():
    assert terms("ko", "카 리프트") == ["카", "카리", "리프", "프트"]
    assert "영복" in terms("ko", "수영 복")
    assert "영복" not in terms("ko", "수영, 복")  # punctuation still separates words


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("өргөгчийг", "өргөгч"),  # accusative
        ("өргөгчөөр", "өргөгч"),  # instrumental
        ("гангийн", "ган"),  # genitive with the hidden г
        ("төмрийн", "төмөр"),  # genitive with the fleeting vowel dropped
        ("тракторуудаас", "трактор"),  # plural + ablative
        ("хотод", "хот"),  # dative-locative
        ("гурилаар", "гурил"),
        ("машинуудын", "машин"),
    ],
)
def test_mongolian_stems_of_real_word_forms(word, stem):
    assert stem in mongolian_stems(word)


def test_mongolian_query_clauses_offer_every_stem():
    assert word_clauses("mn", "гангийн")[0][0] == ["гангийн"]
    assert ["ган"] in word_clauses("mn", "гангийн")[0]
    assert word_clauses("mn", "ба") == []  # function word


@pytest.fixture
def mongolian(make):
    """Products with Mongolian texts (as Mongolian buyers write them)."""
    make.rates()
    auto = make.category("lifts", cluster_slug="auto")
    steel = make.category("bars", cluster_slug="steel")
    magnesia = make.category("fused-magnesia", cluster_slug="magnesium")
    berries = make.category("berries", cluster_slug="agriculture")
    products = {
        "lift": _product(
            make,
            auto,
            "MN-1",
            {
                "mn": {
                    "name": "Хоёр баганат автомашин өргөгч 4 тонн",
                    "description": "Засварын газарт зориулсан өргөгч, гидравлик хоёр цилиндртэй.",
                }
            },
        ),
        "steel": _product(
            make,
            steel,
            "MN-2",
            {
                "mn": {
                    "name": "Хайлшин багажны гангийн дугуй саваа",
                    "description": "Хэвний ган, дулааны боловсруулалттай.",
                }
            },
        ),
        "magnesia": _product(
            make,
            magnesia,
            "MN-3",
            {"mn": {"name": "Хайлуулсан периклаз 97%", "description": "Галд тэсвэртэй материалын түүхий эд."}},
        ),
        "berries": _product(
            make,
            berries,
            "MN-4",
            {"mn": {"name": "Хөлдөөсөн гүзээлзгэнэ", "description": "Даньдунгийн гүзээлзгэнийг шууд хөлдөөсөн."}},
        ),
    }
    db.session.commit()
    return {key: p.id for key, p in products.items()}


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("өргөгч", "lift"),
        ("өргөгчийг", "lift"),  # an inflected query finds the base form
        ("өргөгчөөр", "lift"),
        ("автомашины", "lift"),
        ("ган", "steel"),  # the base form finds the inflected text (гангийн)
        ("гангаар", "steel"),
        ("периклазын", "magnesia"),
        ("периклазаас", "magnesia"),
        ("гүзээлзгэнийн", "berries"),
        ("гүзээлзгэнэ", "berries"),
    ],
)
def test_mongolian_word_forms_find_their_product(mongolian, query, key):
    assert ids(query, "mn") == [mongolian[key]]


@pytest.mark.parametrize(("prefix", "key"), [("перикл", "magnesia"), ("гүзээл", "berries"), ("автомаш", "lift")])
def test_mongolian_truncated_word_works_like_a_prefix_search(mongolian, prefix, key):
    assert ids(prefix, "mn") == [mongolian[key]]


def test_mongolian_search_page_marks_the_match(mongolian, client):
    page = client.get("/mn/search?q=периклазын").get_data(as_text=True)
    assert f"/mn/p/{mongolian['magnesia']}" in page
    assert "<mark>периклаз</mark>" in page


def test_mongolian_suggestions_as_you_type(mongolian, client):
    names = [item["name"] for item in client.get("/api/v1/suggest", query_string={"q": "хайлуу", "lang": "mn"}).json]
    assert names == ["Хайлуулсан периклаз 97%"]


def test_korean_two_word_queries_on_demo_data(demo_client):
    def items(q):
        return demo_client.get("/api/v1/search", query_string={"q": q, "lang": "ko", "per_page": 50}).json["items"]

    # the demo names one lift 카리프트: found written as one word or as two
    assert [i["sku"] for i in items("카리프트")] == ["HL-LF-5002"]
    assert [i["sku"] for i in items("카 리프트")] == ["HL-LF-5002"]
    for query, cluster in (
        ("수영 복", "swimwear"),
        ("차량 리프트", "auto-maintenance"),
        ("여성 수영복", "swimwear"),
        ("타이어 교환기", "auto-maintenance"),
    ):
        found = [i["cluster"] for i in items(query)]
        assert found and found[0] == cluster
        # nothing from another industry is ranked above a product of the wanted one
        first_other = next((n for n, c in enumerate(found) if c != cluster), len(found))
        assert cluster not in found[first_other:], (query, found)


def test_index_built_before_mongolian_keeps_answering(make, monkeypatch):
    """An index whose schema predates the mn fields (an upgrade before `search reindex`) still answers."""
    from storefront.search import whoosh_store

    full = whoosh_store.build_schema

    def without_mongolian():
        schema = full()
        for name in [n for n in schema.names() if n.endswith("_mn")]:
            schema.remove(name)
        return schema

    make.rates()
    p = make.product(
        texts={"zh": {"name": "双柱举升机"}, "en": {"name": "Two-post lift"}, "ru": {"name": "Двухстоечный подъёмник"}}
    )
    db.session.commit()
    monkeypatch.setattr(whoosh_store, "build_schema", without_mongolian)
    search.reindex()  # the live generation now has no mn fields, as an index built by the previous release
    try:
        assert "name_mn" not in search.get_index().store.searcher().schema
        assert ids("подъёмник", "ru") == [p.id]
        assert ids("өргөгч", "mn") == []
        assert [s.id for s in search.suggest("подъё", "mn")] == [p.id]
    finally:
        monkeypatch.undo()
        search.reindex()
    assert "name_mn" in search.get_index().store.searcher().schema
