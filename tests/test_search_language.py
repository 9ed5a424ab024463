"""Search per language: stemming, Korean particles, Chinese sub-words, codes, cross-language, spelling."""

import pytest

from storefront import search
from storefront.extensions import db
from storefront.search import SearchQuery
from storefront.search.analysis import strip_particle, terms, word_clauses


@pytest.fixture
def catalogue(make):
    """Three products with our own texts in four languages (independent of the demo wording)."""
    make.rates()
    swim = make.category("one-piece", cluster_slug="swimwear")
    magnesia = make.category("fused-magnesia", cluster_slug="magnesium")
    lifts = make.category("lifts", cluster_slug="auto")
    products = {
        "swimsuit": make.product(
            category_=swim,
            sku="XC-SW-101",
            hs_code="6112410000",
            origin_city_slug="xingcheng",
            price_fen=8900,
            texts={
                "zh": {"name": "女士连体泳衣", "description": "兴城产速干面料连体泳衣，抗氯防晒。"},
                "ru": {
                    "name": "Женский слитный купальник",
                    "description": "Купальник из быстросохнущей ткани.",
                },
                "ko": {
                    "name": "여성 원피스 수영복",
                    "description": "빨리 마르는 원단으로 만든 수영복입니다.",
                },
                "en": {
                    "name": "Women's one-piece swimsuit",
                    "description": "Quick-dry swimsuit from Xingcheng.",
                },
            },
        ),
        "magnesia": make.product(
            category_=magnesia,
            sku="HC-FM-97",
            hs_code="2519909100",
            origin_city_slug="haicheng",
            price_fen=420000,
            texts={
                "zh": {"name": "电熔镁砂 97%", "description": "海城产高纯电熔镁砂，用于耐火材料。"},
                "ru": {"name": "Магниевый порошок плавленый 97%", "description": "Сырьё для огнеупоров."},
                "ko": {"name": "전융 마그네시아 97%", "description": "내화물 원료로 쓰이는 고순도 제품."},
                "en": {
                    "name": "Fused magnesia 97%",
                    "description": "High-purity raw material for refractories.",
                },
            },
        ),
        "lift": make.product(
            category_=lifts,
            sku="YK-L240",
            hs_code="8425421000",
            origin_city_slug="yingkou",
            price_fen=1850000,
            texts={
                "zh": {"name": "双柱举升机", "description": "营口产4吨双柱汽车举升机。"},
                "ru": {
                    "name": "Двухстоечный автомобильный подъёмник",
                    "description": "Подъёмник грузоподъёмностью 4 т для автосервиса.",
                },
                "ko": {"name": "2주식 자동차 리프트", "description": "정비소용 4톤 리프트."},
                "en": {"name": "Two-post car lift", "description": "A 4 t lift for car workshops."},
            },
        ),
    }
    db.session.commit()
    return {key: p.id for key, p in products.items()}


def ids(text: str, lang: str = "en") -> list[int]:
    """Ids of the first page of hits."""
    return [h.id for h in search.query(SearchQuery(text, lang)).hits]


@pytest.mark.parametrize("query", ["купальник", "купальники", "купальников", "КУПАЛЬНИКАМИ"])
def test_russian_inflections_find_the_base_form(catalogue, query):
    assert ids(query, "ru") == [catalogue["swimsuit"]]


def test_russian_adjective_forms(catalogue):
    assert ids("магниевых", "ru") == [catalogue["magnesia"]]
    assert ids("магниевого порошка", "ru") == [catalogue["magnesia"]]
    assert terms("ru", "магниевых") == terms("ru", "магниевый")


def test_english_stemming(catalogue):
    assert ids("swimsuits") == [catalogue["swimsuit"]]
    assert ids("lifts") == [catalogue["lift"]]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("수영복을", "swimsuit"),
        ("수영복", "swimsuit"),
        ("리프트가", "lift"),
        ("리프트", "lift"),
        ("마그네시아는", "magnesia"),
    ],
)
def test_korean_particles_do_not_kill_recall(catalogue, query, key):
    assert ids(query, "ko") == [catalogue[key]]


def test_korean_particle_stripping_rules():
    assert strip_particle("수영복을") == "수영복"
    assert strip_particle("리프트가") == "리프트"
    assert strip_particle("공장에서") == "공장"
    assert strip_particle("오이") == "오이"  # would leave a single syllable: kept
    assert word_clauses("ko", "수영복을") == [[["수영", "복을"], ["수영", "영복"]]]
    assert word_clauses("ko", "마그네시아") == [[["마그", "네시", "시아"]]]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("镁砂", "magnesia"),
        ("电熔镁砂", "magnesia"),
        ("举升机", "lift"),
        ("双柱举升机", "lift"),
        ("泳衣", "swimsuit"),
    ],
)
def test_chinese_sub_words_find_longer_compounds(catalogue, query, key):
    assert ids(query, "zh") == [catalogue[key]]


def test_single_han_character_matches_names(catalogue):
    assert catalogue["lift"] in ids("柱", "zh")


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("6112410000", "swimsuit"),
        ("2519909100", "magnesia"),
        ("YK-L240", "lift"),
        ("yk-l240", "lift"),
        ("ykl240", "lift"),
        ("XC-SW-101", "swimsuit"),
    ],
)
def test_hs_code_and_sku_find_their_product(catalogue, query, key):
    assert ids(query)[0] == catalogue[key]


def test_hs_heading_prefix(catalogue):
    assert ids("8425") == [catalogue["lift"]]


def test_cross_language_query_shows_buyers_language(catalogue, client):
    assert ids("举升机", "ru") == [catalogue["lift"]]
    page = client.get("/ru/search?q=举升机").get_data(as_text=True)
    assert f"/ru/p/{catalogue['lift']}" in page
    assert "Двухстоечный автомобильный подъёмник" in page
    assert "Подъёмник грузоподъёмностью 4 т" in page  # the Russian snippet, not the Chinese text
    assert "<mark>举升机</mark>" in page  # the matched name is shown too, marked


def test_snippets_are_highlighted_in_the_buyers_language(catalogue, client):
    page = client.get("/ru/search?q=купальников").get_data(as_text=True)
    assert "<mark>купальник</mark>" in page
    assert "<mark>Купальник</mark> из быстросохнущей ткани" in page
    ko = client.get("/ko/search?q=수영복을").get_data(as_text=True)
    assert "<mark>수영복</mark>" in ko


def test_fallback_snippet_is_marked(make, client):
    p = make.product(
        texts={
            "zh": {"name": "冷冻草莓", "description": "丹东草莓"},
            "en": {"name": "Frozen strawberries", "description": "Dandong berries, frozen"},
        }
    )
    db.session.commit()
    page = client.get("/ko/search?q=strawberries").get_data(as_text=True)
    assert f"/ko/p/{p.id}" in page
    assert 'lang="en"' in page and "fallback-note" in page


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [("купальнек", "ru", "купальник"), ("swimsiut", "en", "swimsuit"), ("подъемнек", "ru", "подъёмник")],
)
def test_misspelling_offers_the_right_suggestion(catalogue, query, lang, expected):
    result = search.query(SearchQuery(query, lang))
    assert result.total == 0
    assert result.suggestion == expected
    assert ids(result.suggestion, lang)


def test_did_you_mean_on_the_page(catalogue, client):
    page = client.get("/en/search?q=swimsiut").get_data(as_text=True)
    assert "Did you mean" in page and "q=swimsuit" in page


def test_no_suggestion_for_correct_inflected_words(catalogue):
    assert search.query(SearchQuery("купальников", "ru")).suggestion is None


def test_all_words_required_then_relaxed(catalogue):
    both = search.query(SearchQuery("women swimsuit", "en"))
    assert [h.id for h in both.hits] == [catalogue["swimsuit"]] and not both.relaxed
    some = search.query(SearchQuery("swimsuit magnesia", "en"))
    assert some.relaxed and {h.id for h in some.hits} == {catalogue["swimsuit"], catalogue["magnesia"]}


def test_name_matches_rank_above_description_matches(make):
    in_name = make.product(texts={"en": {"name": "Ginseng root", "description": "Dried root"}, "zh": {"name": "人参"}})
    in_text = make.product(
        texts={"en": {"name": "Herbal tea", "description": "With a little ginseng"}, "zh": {"name": "花草茶"}}
    )
    db.session.commit()
    assert ids("ginseng") == [in_name.id, in_text.id]
