"""Every UI string ships translated in zh, ru, ko and mn, and rendered pages carry no English UI text."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from lxml import html

ROOT = Path(__file__).resolve().parent.parent
UI_LANGS = ("zh", "ru", "ko", "mn")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
#: msgids that are the same in every language by nature (names, codes, symbols).
SAME_EVERYWHERE = {"Kuajing", "SKU", "CSV", "XLSX", "USCC", "DAP", "FOB", "T/T", "HS", "Stripe", "E-mail"}


def catalog(lang):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh, locale=lang)


def ui_messages(lang):
    """(msgid, msgstr) pairs of a language, plural forms flattened."""
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strs = message.string if isinstance(message.string, tuple) else (message.string,)
        yield message, ids, strs


@pytest.mark.parametrize("lang", UI_LANGS)
def test_po_complete_and_not_fuzzy(lang):
    problems = []
    for message, ids, strs in ui_messages(lang):
        if message.fuzzy:
            problems.append(f"fuzzy: {ids[0]!r}")
        if not all(s.strip() for s in strs):
            problems.append(f"untranslated: {ids[0]!r}")
        elif (
            ids[0] not in SAME_EVERYWHERE
            and re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", ids[0]))
            and strs[0] == ids[0]
        ):
            problems.append(f"English copy: {ids[0]!r}")
        wanted = set(PLACEHOLDER.findall(" ".join(ids)))
        for s in strs:
            if s and set(PLACEHOLDER.findall(s)) - wanted:
                problems.append(f"unknown placeholder in {ids[0]!r}: {s!r}")
            if s and len(ids) == 1 and set(PLACEHOLDER.findall(s)) != wanted:
                problems.append(f"placeholders differ in {ids[0]!r}: {s!r}")
    assert problems == []


@pytest.mark.parametrize("lang", UI_LANGS)
def test_plural_forms_follow_babel(lang):
    """The header's Plural-Forms is Babel's rule for the language, and every plural entry has that many forms."""
    from babel.messages.plurals import get_plural

    rule = get_plural(lang)
    cat = catalog(lang)
    assert cat.num_plurals == rule.num_plurals
    from gettext import c2py

    ours, babels = c2py(cat.plural_expr), c2py(rule.plural_expr)
    assert [ours(n) for n in range(300)] == [babels(n) for n in range(300)]
    wrong = [
        ids[0] for message, ids, strs in ui_messages(lang) if message.pluralizable and len(strs) != rule.num_plurals
    ]
    assert wrong == []


def test_mongolian_catalogue_is_complete_against_the_template():
    """Every msgid of the template is in the Mongolian catalogue (it was created from it, not appended to)."""
    with open(ROOT / "translations" / "messages.pot", "rb") as fh:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    have = {ids[0] for _message, ids, _strs in ui_messages("mn")}
    assert template - have == set()


def test_mongolian_plural_forms_are_used():
    """mn has two plural forms (n != 1); the compiled catalogue picks them by count."""
    from babel.support import Translations

    with open(ROOT / "translations" / "mn" / "LC_MESSAGES" / "messages.po", "rb") as fh:
        cat = read_po(fh, locale="mn")
    assert cat.num_plurals == 2
    from io import BytesIO

    from babel.messages.mofile import write_mo

    buf = BytesIO()
    write_mo(buf, cat)
    buf.seek(0)
    t = Translations(buf)
    assert t.ngettext("%(num)s product", "%(num)s products", 1) % {"num": 1} == "1 бүтээгдэхүүн"
    assert t.ngettext("%(num)s product", "%(num)s products", 5) % {"num": 5} == "5 бүтээгдэхүүн"
    assert t.gettext("Add to cart") == "Сагсанд нэмэх"


def _english_ui_strings():
    """Literal fragments of every msgid long enough to be recognisable in a page."""
    fragments = set()
    for message, ids, _strs in ui_messages("ru"):
        for msgid in ids:
            if msgid in SAME_EVERYWHERE:
                continue
            for part in PLACEHOLDER.split(msgid)[::2]:
                part = part.strip(" .,:;!?—–-()→←")
                if re.search(r"[A-Za-z]{4}", part):
                    fragments.add(part)
    return fragments


def _visible_text(page: str, lang: str) -> str:
    """Text a user reads: text nodes and labelling attributes, minus content marked as another language."""
    tree = html.fromstring(page)
    for bad in tree.xpath("//script|//style|//code"):
        bad.drop_tree()
    for el in tree.xpath("//*[@lang]"):
        if el.tag != "html" and not el.get("lang", "").startswith(lang[:2]):
            el.drop_tree()
    parts = [tree.text_content()]
    for attr in ("title", "aria-label", "placeholder", "alt"):
        parts += tree.xpath(f"//@{attr}")
    parts += tree.xpath("//input[@type='submit' or @type='button']/@value")
    return "\n".join(parts)


def _pages(client):
    api = client.get("/api/v1/products?lang=en&per_page=1").json
    pid = api["items"][0]["id"]
    slug = api["items"][0]["merchant"]["slug"]
    cluster = api["items"][0]["cluster"]
    urls = [
        "/{l}/",
        f"/{{l}}/c/{cluster}/",
        f"/{{l}}/c/{cluster}/?min_price=abc",
        f"/{{l}}/p/{pid}",
        f"/{{l}}/m/{slug}",
        "/{l}/account/login",
        "/{l}/account/register",
        "/{l}/no-such-page",
    ]
    for extra in ("/{l}/search?q=steel", "/{l}/search?q=zzzzqqq", "/{l}/cart/"):
        urls.append(extra)
    return urls


@pytest.mark.parametrize("lang", UI_LANGS)
def test_rendered_pages_have_no_english_ui_text(demo_client, lang):
    fragments = _english_ui_strings()
    leftovers = {}
    for url in _pages(demo_client):
        response = demo_client.get(url.format(l=lang))
        if response.status_code == 404 and "no-such-page" not in url and "search" not in url and "cart" not in url:
            pytest.fail(f"{url} is 404")
        text = _visible_text(response.get_data(as_text=True), lang)
        # the substring test first: the same result, without compiling ~4,000 patterns for every page
        found = sorted(
            f for f in fragments if f in text and re.search(rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])", text)
        )
        if found:
            leftovers[url.format(l=lang)] = found
    assert leftovers == {}
