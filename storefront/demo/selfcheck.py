"""Consistency checks for the demo catalogue in ``storefront.demo.content``.

``check_content(content)`` returns a list of human-readable problems; an empty list means the data is sound.
``storefront.demo.content`` runs it on import and raises with every problem listed.
"""

from __future__ import annotations

import re

from storefront.catalog.units import UNITS, scale, stored

LANGS = ("zh", "en", "ru", "ko")
#: Languages a text may also be in without being required (Mongolian: the products Mongolian buyers look for).
OPTIONAL_LANGS = ("mn",)
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# Customs units of measure used by the catalogue (GACC codes).
CUSTOMS_UNITS = {"001": "台", "006": "套", "007": "个", "011": "件", "035": "千克", "036": "克"}
SKU_RE = re.compile(r"^[A-Za-z0-9-]{1,20}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Terms the search tests rely on: (language, substring, where), matched case-insensitively in product
# names ("name") or in names and descriptions ("text").
REQUIRED_TERMS = (
    ("zh", "女式针织泳衣", "name"),
    ("ru", "купальник", "name"),
    ("ko", "수영복", "name"),
    ("zh", "电熔镁砂", "name"),
    ("ru", "плавленый периклаз", "name"),
    ("zh", "镁合金锭", "name"),
    ("ru", "слитки магниевого сплава", "name"),
    ("ru", "магниев", "text"),
    ("zh", "双柱举升机", "name"),
    ("ko", "리프트", "name"),
    ("ru", "двухстоечный автомобильный подъёмник", "name"),
    ("zh", "轮胎拆装机", "name"),
    ("zh", "合金工具钢圆钢", "name"),
    ("zh", "冷冻草莓", "name"),
    ("zh", "盘锦大米", "name"),
    ("zh", "海参", "name"),
    ("zh", "人参", "name"),
    ("zh", "花生", "name"),
    ("mn", "автомашин өргөгч", "name"),
    ("mn", "периклаз", "name"),
    ("mn", "ган", "name"),
    ("mn", "гүзээлзгэнэ", "name"),
    ("mn", "цагаан будаа", "name"),
)
#: Mongolian texts expected per cluster (auto-maintenance equipment, steel, magnesia and farm produce).
MIN_MN_PER_CLUSTER = {"auto-maintenance": 8, "special-steel": 5, "magnesium": 5, "agriculture": 5}
MIN_PRODUCTS = 64
MIN_FULLY_TRANSLATED = 56


def uscc_check_char(first17: str) -> str:
    """GB 32100-2015 check character for the first 17 characters of a unified social credit code."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    check = 31 - total % 31
    return USCC_CHARS[0 if check == 31 else check]


def uscc_problem(code: str) -> str | None:
    if not isinstance(code, str) or len(code) != 18:
        return "must be 18 characters"
    if any(c not in USCC_CHARS for c in code):
        return "contains characters outside the GB 32100 set"
    if not code.startswith("91"):
        return "should start with 91 (registered by industry & commerce, enterprise)"
    if not code[2:8].isdigit() or not code.startswith("21", 2):
        return "administrative division (chars 3-8) should be a Liaoning code 21xxxx"
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return f"check character is {code[17]!r}, expected {expected!r}"
    return None


def _ml(value, where: str, problems: list[str], langs=LANGS) -> None:
    """A multilingual dict must have non-empty strings for ``langs``."""
    if not isinstance(value, dict):
        problems.append(f"{where}: not a language dict")
        return
    for lang in langs:
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            problems.append(f"{where}: missing {lang}")


def _check_product(p: dict, known: dict, problems: list[str]) -> None:
    sku = p.get("sku", "?")
    where = f"product {sku}"
    if not SKU_RE.match(str(sku)):
        problems.append(f"{where}: SKU must be <= 20 letters, digits or dashes")
    merchant = known["merchants"].get(p.get("merchant"))
    if merchant is None:
        problems.append(f"{where}: unknown merchant {p.get('merchant')!r}")
    cluster = known["category_cluster"].get(p.get("category"))
    if cluster is None:
        problems.append(f"{where}: unknown category {p.get('category')!r}")
    elif merchant is not None and merchant["cluster"] != cluster:
        problems.append(f"{where}: category {p['category']} is outside cluster {merchant['cluster']}")
    if p.get("origin_city") not in known["cities"]:
        problems.append(f"{where}: unknown origin city {p.get('origin_city')!r}")
    hs = p.get("hs_code")
    if not (isinstance(hs, str) and len(hs) == 10 and hs.isdigit()):
        problems.append(f"{where}: HS code {hs!r} must be 10 digits")
    if p.get("customs_unit") not in CUSTOMS_UNITS:
        problems.append(f"{where}: unexpected customs unit {p.get('customs_unit')!r}")
    for key in ("customs_name", "model"):
        if not isinstance(p.get(key), str) or not p[key].strip():
            problems.append(f"{where}: missing {key}")
    unit = p.get("unit", "piece")
    ints = {k: p.get(k) for k in ("net_weight_g", "gross_weight_g", "price_fen")}
    # quantities are written in the unit of sale (0.5 t) and must fit its scale; compared stored (500)
    ints |= {k: _stored(p.get(k), unit) for k in ("moq", "stock")}
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in ints.values()):
        problems.append(f"{where}: weights and price must be integers, moq and stock quantities the unit allows")
    else:
        if not 0 < ints["net_weight_g"] <= ints["gross_weight_g"]:
            problems.append(f"{where}: need 0 < net weight <= gross weight")
        if ints["price_fen"] <= 0 or ints["moq"] < 1 or ints["stock"] < 0:
            problems.append(f"{where}: price must be > 0, moq > 0, stock >= 0")
        _check_tiers(p.get("tiers"), ints["price_fen"], ints["moq"], unit, where, problems)
        _check_sample(p.get("sample"), ints["moq"], unit, where, problems)
    if not isinstance(p.get("featured"), bool):
        problems.append(f"{where}: featured must be a bool")
    _check_package(p.get("package"), where, problems)
    _check_text(p.get("text"), where, problems)
    _check_variants(p, where, problems)


def _check_variants(p: dict, where: str, problems: list[str]) -> None:
    """Unit of sale known; variant options with values and names; overrides naming real option values."""
    if p.get("unit", "piece") not in UNITS:
        problems.append(f"{where}: unknown unit {p.get('unit')!r}")
    spec = p.get("variants")
    if spec is None:
        return
    options = spec.get("options") if isinstance(spec, dict) else None
    if not isinstance(options, list) or not options:
        problems.append(f"{where}: variants need a list of options")
        return
    values = {}
    for option in options:
        codes = [v["code"] if isinstance(v, dict) else str(v) for v in option.get("values", [])]
        if not codes or "en" not in option.get("names", {}) or len(set(codes)) != len(codes):
            problems.append(f"{where}: option {option.get('code')!r} needs English name and distinct values")
        values[option.get("code")] = set(codes)
    for override in spec.get("overrides", []):
        chosen = override.get("options", {})
        if not chosen or any(value not in values.get(code, ()) for code, value in chosen.items()):
            problems.append(f"{where}: override {chosen!r} names an unknown option value")


def _check_sample(sample, moq: int, unit: str, where: str, problems: list[str]) -> None:
    """A sample offer: a price, and a limit the unit allows; sold by weight or length, below the MOQ (as the
    product form's rule in ``catalog.operations.check``)."""
    if sample is None:
        return
    limit = _stored(sample.get("max_qty", 1), unit) if isinstance(sample, dict) else None
    if limit is None or not isinstance(sample.get("price_fen"), int) or sample["price_fen"] <= 0 or limit < 1:
        problems.append(f"{where}: a sample needs price_fen > 0 and a max_qty the unit allows")
    elif scale(unit) > 1 and limit >= moq:
        problems.append(f"{where}: sold by weight or length, a sample's max_qty must be below the MOQ")


def _check_package(package, where: str, problems: list[str]) -> None:
    """Optional ``package = {kind, mm = [l, w, h], units, per_unit}``: how the product travels."""
    if package is None:
        return
    mm = package.get("mm") if isinstance(package, dict) else None
    counts = [package.get("units", 1), package.get("per_unit", 1)] if isinstance(package, dict) else []
    if (
        not isinstance(mm, list)
        or len(mm) != 3
        or not all(isinstance(x, int) and x > 0 for x in mm)
        or not all(isinstance(x, int) and x >= 1 for x in counts)
        or min(counts) != 1
        or not isinstance(package.get("kind"), str)
    ):
        problems.append(f"{where}: package needs kind, mm = [length, width, height] > 0, units or per_unit >= 1")


def _stored(value, unit: str) -> int | None:
    """A data file's quantity in the unit (5, 0.5) as stored (500 for 0.5 t), None when the unit cannot hold it."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return stored(value, unit)
    except ValueError:
        return None


def _check_tiers(tiers, price: int, moq: int, unit: str, where: str, problems: list[str]) -> None:
    if not isinstance(tiers, list) or not 1 <= len(tiers) <= 3:
        problems.append(f"{where}: needs 1-3 price tiers")
        return
    if not all(
        isinstance(t, list) and len(t) == 2 and _stored(t[0], unit) is not None and isinstance(t[1], int) for t in tiers
    ):
        problems.append(f"{where}: tiers must be [min_quantity in the unit, price_fen] pairs")
        return
    qtys, prices = [_stored(t[0], unit) for t in tiers], [t[1] for t in tiers]
    if qtys != sorted(set(qtys)) or qtys[0] < 2:
        problems.append(f"{where}: tier quantities must be strictly ascending and >= 2")
    if qtys[0] <= moq:
        problems.append(f"{where}: first tier quantity must exceed the MOQ")
    if prices != sorted(set(prices), reverse=True) or prices[0] >= price or prices[-1] <= 0:
        problems.append(f"{where}: tier prices must be strictly descending and below the base price")


def _check_text(text, where: str, problems: list[str]) -> None:
    if not isinstance(text, dict):
        problems.append(f"{where}: missing text")
        return
    for lang in ("zh", "en"):
        if lang not in text:
            problems.append(f"{where}: missing {lang} text")
    zh_rows = len(text.get("zh", {}).get("specs", []))
    for lang, t in text.items():
        if lang not in LANGS + OPTIONAL_LANGS:
            problems.append(f"{where}: unexpected language {lang!r}")
            continue
        for key in ("name", "description"):
            if not isinstance(t.get(key), str) or not t[key].strip():
                problems.append(f"{where}: {lang} {key} is empty")
        specs = t.get("specs")
        if not isinstance(specs, list) or not 3 <= len(specs) <= 6:
            problems.append(f"{where}: {lang} needs 3-6 spec rows")
        elif not all(isinstance(r, list) and len(r) == 2 and all(isinstance(x, str) and x for x in r) for r in specs):
            problems.append(f"{where}: {lang} spec rows must be [label, value] strings")
        elif len(specs) != zh_rows:
            problems.append(f"{where}: {lang} has {len(specs)} spec rows, zh has {zh_rows}")
    if "en" in text and "ru" in text and text["ru"].get("name") == text["en"].get("name"):
        problems.append(f"{where}: ru name is a copy of en")
    if "en" in text and "ko" in text and text["ko"].get("name") == text["en"].get("name"):
        problems.append(f"{where}: ko name is a copy of en")
    if "mn" in text and text["mn"].get("name") in {text.get(c, {}).get("name") for c in ("en", "ru")}:
        problems.append(f"{where}: mn name is a copy of en or ru")


def check_content(content) -> list[str]:
    """Every problem found in a demo catalogue (a namespace with CLUSTERS, CITIES, MERCHANTS and PRODUCTS)."""
    problems: list[str] = []
    category_cluster = _check_clusters(content.CLUSTERS, problems)
    for slug, names in content.CITIES.items():
        _ml(names, f"city {slug}", problems)
    cluster_slugs = {c.get("slug") for c in content.CLUSTERS}
    merchants = _check_merchants(content.MERCHANTS, cluster_slugs, content.CITIES, problems)
    known = {"merchants": merchants, "category_cluster": category_cluster, "cities": content.CITIES}
    seen: set[str] = set()
    for p in content.PRODUCTS:
        if p.get("sku") in seen:
            problems.append(f"product {p.get('sku')}: duplicate SKU")
        seen.add(p.get("sku"))
        _check_product(p, known, problems)
    _check_coverage(content.PRODUCTS, category_cluster, problems)
    return problems


def _check_clusters(clusters, problems: list[str]) -> dict[str, str]:
    """Five clusters, each with its slug, texts, colour and 3-4 categories; returns category slug → cluster slug."""
    if len(clusters) != 5:
        problems.append(f"expected 5 clusters, found {len(clusters)}")
    category_cluster: dict[str, str] = {}
    for c in clusters:
        where = f"cluster {c.get('slug')}"
        if not SLUG_RE.match(str(c.get("slug"))):
            problems.append(f"{where}: bad slug")
        _ml(c.get("name"), f"{where} name", problems)
        _ml(c.get("description"), f"{where} description", problems)
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", str(c.get("color"))):
            problems.append(f"{where}: color must be #rrggbb")
        cats = c.get("categories", [])
        if not 3 <= len(cats) <= 4:
            problems.append(f"{where}: needs 3-4 categories")
        for cat in cats:
            if cat.get("slug") in category_cluster:
                problems.append(f"category {cat.get('slug')}: duplicate slug")
            if not SLUG_RE.match(str(cat.get("slug"))):
                problems.append(f"category {cat.get('slug')}: bad slug")
            category_cluster[cat.get("slug")] = c.get("slug")
            _ml(cat.get("name"), f"category {cat.get('slug')} name", problems)
    return category_cluster


def _check_merchants(merchant_list, cluster_slugs: set, cities, problems: list[str]) -> dict[str, dict]:
    """Merchants with unique slugs, each sound, and one at least in every cluster; returns them by slug."""
    merchants: dict[str, dict] = {}
    for m in merchant_list:
        slug = m.get("slug")
        if slug in merchants:
            problems.append(f"merchant {slug}: duplicate slug")
        merchants[slug] = m
        _check_merchant(m, cluster_slugs, cities, problems)
    for c in cluster_slugs:
        if not any(m.get("cluster") == c for m in merchants.values()):
            problems.append(f"cluster {c}: has no merchant")
    return merchants


def _check_merchant(m: dict, cluster_slugs: set, cities, problems: list[str]) -> None:
    """One merchant's slug, texts, cluster, city, USCC, customs code, contacts and founding year."""
    where = f"merchant {m.get('slug')}"
    if not SLUG_RE.match(str(m.get("slug"))):
        problems.append(f"{where}: bad slug")
    _ml(m.get("name"), f"{where} name", problems)
    _ml(m.get("description"), f"{where} description", problems)
    if m.get("cluster") not in cluster_slugs:
        problems.append(f"{where}: unknown cluster {m.get('cluster')!r}")
    if m.get("city") not in cities:
        problems.append(f"{where}: unknown city {m.get('city')!r}")
    issue = uscc_problem(m.get("uscc"))
    if issue:
        problems.append(f"{where}: USCC {m.get('uscc')!r} {issue}")
    customs = m.get("customs_code")
    customs = customs if isinstance(customs, str) else ""
    if not (len(customs) == 10 and customs[:2] == "21" and customs.isalnum()):
        problems.append(f"{where}: customs code {customs!r} should be 10 characters starting with 21")
    if "@" not in str(m.get("contact_email")) or not str(m.get("phone", "")).startswith("+86 "):
        problems.append(f"{where}: needs contact_email and a +86 phone")
    if not isinstance(m.get("founded"), int) or not 1949 <= m["founded"] <= 2026:
        problems.append(f"{where}: implausible founding year")


def _check_coverage(products, category_cluster: dict[str, str], problems: list[str]) -> None:
    """The catalogue as a whole: enough products and translations, every category used, the search terms present."""
    if len(products) < MIN_PRODUCTS:
        problems.append(f"only {len(products)} products, expected at least {MIN_PRODUCTS}")
    full = sum(1 for p in products if all(lang in p.get("text", {}) for lang in LANGS))
    if full < MIN_FULLY_TRANSLATED:
        problems.append(f"only {full} products have all four languages, expected {MIN_FULLY_TRANSLATED}")
    for cluster, wanted in MIN_MN_PER_CLUSTER.items():
        have = sum(
            1 for p in products if "mn" in p.get("text", {}) and category_cluster.get(p.get("category")) == cluster
        )
        if have < wanted:
            problems.append(f"cluster {cluster}: {have} products in Mongolian, expected at least {wanted}")
    for cat in category_cluster:
        if not any(p.get("category") == cat for p in products):
            problems.append(f"category {cat}: has no products")
    for lang, term, field in REQUIRED_TERMS:
        texts = [p["text"][lang] for p in products if lang in p.get("text", {})]
        haystack = " ".join(t["name"] + (" " + t["description"] if field == "text" else "") for t in texts)
        if term.casefold() not in haystack.casefold():
            problems.append(f"no {lang} product {field} contains {term!r}")
