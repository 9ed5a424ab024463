"""Benchmark product search: index N realistic products in four languages with Whoosh, then time queries.

Run from the repository root:  .venv/bin/python bench/search.py --products 20000
Products are variants (colour, grade, model code, a sentence borrowed from a sibling product) of the demo
catalogue in ``storefront/demo/content*.py`` when present, else of a small built-in vocabulary. Prints the
indexing rate, the incremental update latency, query latency p50/p95/p99 per language and the index size.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

if __package__ in (None, ""):  # executed as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storefront.search.analysis import jieba_module  # noqa: E402
from storefront.search.base import ProductDoc, SearchQuery  # noqa: E402
from storefront.search.whoosh_backend import WhooshIndex  # noqa: E402

LANGS = ("zh", "ru", "ko", "en")
COLOURS = [
    {"zh": "黑色", "en": "black", "ru": "чёрный", "ko": "검정"},
    {"zh": "红色", "en": "red", "ru": "красный", "ko": "빨강"},
    {"zh": "藏青色", "en": "navy", "ru": "тёмно-синий", "ko": "네이비"},
    {"zh": "白色", "en": "white", "ru": "белый", "ko": "흰색"},
    {"zh": "绿色", "en": "green", "ru": "зелёный", "ko": "초록"},
    {"zh": "灰色", "en": "grey", "ru": "серый", "ko": "회색"},
]
GRADES = [
    {"zh": "标准款", "en": "standard", "ru": "стандартный", "ko": "표준형"},
    {"zh": "加强型", "en": "heavy-duty", "ru": "усиленный", "ko": "강화형"},
    {"zh": "出口包装", "en": "export packing", "ru": "экспортная упаковка", "ko": "수출 포장"},
    {"zh": "新款", "en": "new model", "ru": "новая модель", "ko": "신형"},
    {"zh": "批发装", "en": "wholesale pack", "ru": "оптовая упаковка", "ko": "도매 포장"},
]
#: Fixed queries per language: plain words, inflected forms, particles, sub-words, codes, typos, misses.
QUERIES = {
    "zh": [
        "泳衣",
        "连体泳衣",
        "镁砂",
        "电熔镁砂",
        "举升机",
        "轮胎",
        "特钢",
        "圆钢",
        "草莓",
        "人参",
        "海参 干",
        "红色 泳衣",
        "不存在的商品",
    ],
    "ru": [
        "купальник",
        "купальников",
        "магниевых",
        "подъёмник",
        "шиномонтажный станок",
        "сталь",
        "клубника",
        "рис",
        "женские купальники чёрный",
        "купальнек",
        "магнезит",
        "xyzzy",
    ],
    "ko": [
        "수영복",
        "수영복을",
        "리프트가",
        "마그네시아",
        "타이어",
        "특수강",
        "딸기",
        "인삼",
        "해삼",
        "검정 수영복",
        "없는상품",
    ],
    "en": [
        "swimsuit",
        "swimsuits",
        "fused magnesia",
        "car lift",
        "tyre changer",
        "steel bar",
        "strawberries",
        "ginseng",
        "black swimsuit",
        "swimsiut",
        "6112410000",
        "nothing-like-this",
    ],
}
SUGGEST = ["ку", "купаль", "sw", "swim", "镁", "举升", "수영", "리프", "mag", "под"]


def _content():
    """The demo catalogue module, or None when it is not there yet."""
    try:
        from storefront.demo import content
    except ImportError:
        return None
    return content


def _fallback_products() -> list[dict]:
    text = {
        "swimwear": (
            {
                "zh": "女士连体泳衣",
                "en": "Women's one-piece swimsuit",
                "ru": "Женский слитный купальник",
                "ko": "여성 원피스 수영복",
            },
            "6112410000",
        ),
        "magnesium": (
            {"zh": "电熔镁砂", "en": "Fused magnesia", "ru": "Плавленый магнезит", "ko": "전융 마그네시아"},
            "2519909100",
        ),
        "auto": (
            {
                "zh": "双柱举升机",
                "en": "Two-post car lift",
                "ru": "Двухстоечный автомобильный подъёмник",
                "ko": "2주식 자동차 리프트",
            },
            "8425421000",
        ),
        "steel": (
            {
                "zh": "合金结构钢圆钢",
                "en": "Alloy structural steel bar",
                "ru": "Круг из легированной стали",
                "ko": "합금 구조용 환봉",
            },
            "7228300000",
        ),
        "agri": (
            {
                "zh": "丹东冷冻草莓",
                "en": "Dandong frozen strawberries",
                "ru": "Замороженная клубника из Даньдуна",
                "ko": "단둥 냉동 딸기",
            },
            "0811100000",
        ),
    }
    return [
        {
            "sku": f"FB-{i}",
            "category": slug,
            "cluster": slug,
            "merchant": slug,
            "origin_city": "dalian",
            "hs_code": hs,
            "customs_name": names["zh"],
            "model": "",
            "price_fen": 10000 * (i + 1),
            "text": {lang: {"name": names[lang], "description": names[lang], "specs": []} for lang in LANGS},
        }
        for i, (slug, (names, hs)) in enumerate(text.items())
    ]


def _lookup_tables(content) -> tuple[dict, dict, dict, dict]:
    if content is None:
        return {}, {}, {}, {}
    categories, cluster_of = {}, {}
    for cluster in content.CLUSTERS:
        for cat in cluster["categories"]:
            categories[cat["slug"]] = cat["name"]
            cluster_of[cat["slug"]] = (cluster["slug"], cluster["name"])
    merchants = {m["slug"]: m["name"] for m in content.MERCHANTS}
    return categories, cluster_of, merchants, dict(content.CITIES)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?。！？])\s*", text) if s.strip()]


def generate(n: int, seed: int = 2026) -> Iterator[ProductDoc]:
    """N product documents made from the demo vocabulary (deterministic for a seed)."""
    content = _content()
    base = list(content.PRODUCTS) if content is not None else _fallback_products()
    categories, cluster_of, merchants, cities = _lookup_tables(content)
    rng = random.Random(seed)
    now = int(time.time())
    for i in range(n):
        src = base[i % len(base)]
        sibling = base[rng.randrange(len(base))]
        colour, grade = rng.choice(COLOURS), rng.choice(GRADES)
        code = f"{src['sku'].split('-')[0]}-{1000 + i}"
        names, bodies, metas = {}, {}, {}
        for lang in LANGS:
            text = src["text"].get(lang)
            if text is None:
                continue
            names[lang] = f"{text['name']} {colour[lang]} {grade[lang]} {code}"
            extra = _sentences(sibling["text"].get(lang, {}).get("description", ""))[:1]
            specs = "\n".join(" ".join(map(str, row)) for row in text.get("specs", []))
            bodies[lang] = "\n".join([text["description"], *extra, specs])
            cluster_slug, cluster_names = cluster_of.get(src["category"], (src.get("cluster", "misc"), {}))
            meta = [
                categories.get(src["category"], {}).get(lang),
                cluster_names.get(lang),
                merchants.get(src["merchant"], {}).get(lang),
                cities.get(src["origin_city"], {}).get(lang),
            ]
            metas[lang] = "\n".join(m for m in meta if m)
        bodies["zh"] = bodies.get("zh", "") + "\n" + src["customs_name"]
        yield ProductDoc(
            id=i + 1,
            names=names,
            bodies=bodies,
            metas=metas,
            sku=code,
            hs_code=src["hs_code"],
            merchant_id=hash(src["merchant"]) % 50,
            cluster=cluster_of.get(src["category"], (src["category"],))[0],
            category_id=abs(hash(src["category"])) % 1000,
            city=src["origin_city"],
            price_fen=max(100, int(src["price_fen"] * rng.uniform(0.6, 1.6))),
            created=now - rng.randrange(0, 365 * 86400),
        )


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank) of values."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _row(label: str, samples: list[tuple[float, float]]) -> str:
    wall = [w for w, _c in samples]
    cpu = [c for _w, c in samples]
    return (
        f"  {label:<8} {len(wall):>5} {percentile(wall, 50):>7.1f} {percentile(wall, 95):>7.1f} "
        f"{percentile(wall, 99):>7.1f} {max(wall):>7.1f}   "
        f"{percentile(cpu, 50):>7.1f} {percentile(cpu, 95):>7.1f}"
    )


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and this thread's CPU time of a call, in ms."""
    wall, cpu = time.perf_counter(), time.thread_time()
    fn()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def _cpu_seconds() -> float:
    """CPU seconds used by this process and its finished children (writer processes)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def build(index: WhooshIndex, docs: list[ProductDoc]) -> None:
    """Full reindex of the documents; prints rate, CPU, size and incremental update latency."""
    by_id = {d.id: d for d in docs}
    started, cpu = time.perf_counter(), _cpu_seconds()
    index.rebuild(iter(docs), lambda ids: [by_id[i] for i in ids if i in by_id])
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    mode = f"{index.procs} writer processes" if index.procs > 1 and len(docs) >= 2000 else "1 process"
    print(
        f"indexing (full reindex, {mode}): {len(docs)} products in {seconds:.1f} s = "
        f"{len(docs) / seconds:.0f} products/s; {cpu:.1f} CPU-s = {len(docs) / cpu:.0f} products per CPU-s"
    )
    size = index.size_bytes() / 1024 / 1024
    print(f"index size on disk: {size:.1f} MB ({index.doc_count()} documents)")
    updates = [
        _timed(lambda i=i: index.sync({i}, lambda ids: [by_id[x] for x in ids]))
        for i in random.Random(7).sample(sorted(by_id), min(30, len(docs)))
    ]
    wall = [w for w, _c in updates]
    print(
        f"incremental update (1 product, one locked commit): p50 {percentile(wall, 50):.1f} ms, "
        f"p95 {percentile(wall, 95):.1f} ms"
    )


def measure(index: WhooshIndex, rounds: int) -> None:
    """Query and suggestion latency per language."""
    for lang, queries in QUERIES.items():  # warm-up: open searchers, read column caches
        for q in queries:
            index.query(SearchQuery(q, lang))
    print(f"query latency, ms ({rounds} rounds; page 1 of 24 with total, facet counts, spelling; sorts vary):")
    print(f"  {'lang':<8} {'runs':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}   {'cpu p50':>7} {'cpu p95':>7}")
    everything: list[tuple[float, float]] = []
    sorts = ("relevance", "price_asc", "newest", "relevance", "price_desc")
    for lang, queries in QUERIES.items():
        samples = [
            _timed(lambda q=q, lang=lang, s=sorts[r % 5]: index.query(SearchQuery(q, lang, sort=s)))
            for r in range(rounds)
            for q in queries
        ]
        everything += samples
        print(_row(lang, samples))
    print(_row("all", everything))
    suggestions = [_timed(lambda q=q: index.suggest(q, "en")) for _ in range(rounds) for q in SUGGEST]
    print(_row("suggest", suggestions))
    hits = {q: index.query(SearchQuery(q, lang)).total for lang, qs in QUERIES.items() for q in qs[:3]}
    print("hits: " + ", ".join(f"{q} {n}" for q, n in hits.items()))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=20000, help="products to index (default 20000)")
    parser.add_argument("--data-dir", type=Path, help="where to build the index (default: a temporary dir)")
    parser.add_argument("--rounds", type=int, default=5, help="times each query is run (default 5)")
    args = parser.parse_args(argv)

    own_dir = args.data_dir is None
    data_dir = Path(tempfile.mkdtemp(prefix="kj-search-bench-")) if own_dir else args.data_dir
    root = data_dir / "search"
    if root.exists():
        shutil.rmtree(root)
    try:
        jieba_module()  # one-time dictionary load, not part of the indexing rate
        docs = list(generate(args.products))
        source = "demo catalogue" if _content() is not None else "built-in vocabulary"
        print(
            f"Kuajing search benchmark — Whoosh-Reloaded {metadata.version('Whoosh-Reloaded')}, "
            f"jieba {metadata.version('jieba')}, Python {sys.version.split()[0]}, "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
        )
        print(f"products: {len(docs)} generated from the {source}; index in {root}")
        index = WhooshIndex(root)
        build(index, docs)
        measure(index, args.rounds)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    finally:
        if own_dir:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
