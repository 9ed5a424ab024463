"""`flask translate missing/fill`: the quick road for a language owner to add new UI strings."""

import json

import pytest
from babel.messages.pofile import read_po

from storefront.core.po_fill import fill, missing

TEMPLATE = """msgid ""
msgstr ""

msgid "Add to cart"
msgstr ""

msgid "%(num)s product"
msgid_plural "%(num)s products"
msgstr[0] ""
msgstr[1] ""
"""
MN = """msgid ""
msgstr ""
"Language: mn\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Add to cart"
msgstr "Сагсанд нэмэх"
"""
RU_APPENDED = """msgid ""
msgstr ""
"Language: ru\\n"

msgid "Write a review"
msgstr "Написать отзыв"
"""


@pytest.fixture
def root(tmp_path):
    """A translations folder: a template, a Mongolian catalogue and a Russian one with an appended entry."""
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "messages.pot").write_text(TEMPLATE, encoding="utf-8")
    for lang, text in (("mn", MN), ("ru", RU_APPENDED)):
        (folder / lang / "LC_MESSAGES").mkdir(parents=True)
        (folder / lang / "LC_MESSAGES" / "messages.po").write_text(text, encoding="utf-8")
    return folder


def test_missing_lists_template_and_appended_msgids(root):
    assert missing(root, "mn") == {"%(num)s product": ["", ""], "Write a review": ""}


def test_fill_appends_and_checks_placeholders(root):
    added = {"%(num)s product": ["%(num)s бүтээгдэхүүн", "%(num)s бүтээгдэхүүн"], "Write a review": "Сэтгэгдэл бичих"}
    assert fill(root, "mn", added) == (0, 2)
    assert missing(root, "mn") == {}
    with (root / "mn" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        cat = read_po(fh, locale="mn")
    assert cat.get("%(num)s product").string == ("%(num)s бүтээгдэхүүн", "%(num)s бүтээгдэхүүн")
    assert cat.get("Add to cart").string == "Сагсанд нэмэх"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"%(num)s product": "бүтээгдэхүүн"}, "plural forms"),
        ({"%(num)s product": ["%(n)s бүтээгдэхүүн", "%(num)s бүтээгдэхүүн"]}, "unknown placeholder"),
        ({"Add to cart": ""}, "empty translation"),
        ({"No such msgid": "x"}, "not a msgid"),
    ],
)
def test_fill_refuses_bad_input_and_writes_nothing(root, given, message):
    before = (root / "mn" / "LC_MESSAGES" / "messages.po").read_bytes()
    with pytest.raises(ValueError, match=message):
        fill(root, "mn", given)
    assert (root / "mn" / "LC_MESSAGES" / "messages.po").read_bytes() == before


def test_cli_round_trip(app, monkeypatch, root):
    from storefront import cli

    monkeypatch.setattr(cli, "ROOT", root.parent)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["translate", "missing", "mn"])
    assert result.exit_code == 0 and json.loads(result.output) == {"%(num)s product": ["", ""], "Write a review": ""}
    answers = root.parent / "answers.json"
    answers.write_text(json.dumps({"Write a review": "Сэтгэгдэл бичих"}), encoding="utf-8")
    result = runner.invoke(args=["translate", "fill", "mn", str(answers)])
    assert result.exit_code == 0 and "1 added" in result.output
