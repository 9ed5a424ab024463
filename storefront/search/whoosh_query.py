"""Whoosh queries built programmatically from analysed words (user syntax never reaches a parser),
snippets with highlighted matches, and autocomplete."""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field

from markupsafe import Markup, escape
from whoosh.query import And, Or, Prefix, Query, Term
from whoosh.searching import Searcher

from storefront.core.content import pick
from storefront.search.analysis import LANGUAGES, analyzer, is_stop_word, word_clauses
from storefront.search.base import MAX_QUERY_CHARS, MAX_QUERY_WORDS
from storefront.search.base import Suggestion as SuggestionItem
from storefront.search.whoosh_store import sku_terms

#: Field kind → boost: names weigh most, then category/cluster/merchant names, then descriptions.
KIND_BOOSTS = {"name": 3.0, "meta": 1.5, "body": 1.0}
#: Extra weight for fields in the buyer's own language.
OWN_LANG_BOOST = 1.25
_WORD = re.compile(r"[^\W_](?:[\w\-./+#]*[^\W_])?")


def clean_text(text: str | None) -> str:
    """User text normalised (NFKC), capped, with control and format characters replaced by spaces."""
    text = unicodedata.normalize("NFKC", str(text or ""))[: MAX_QUERY_CHARS * 2]
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    return " ".join(text.split())[:MAX_QUERY_CHARS]


def split_words(text: str, keep_stops: bool = False) -> list[str]:
    """Searchable words of a text: letters/digits with inner - . / + #; operators and stop words dropped."""
    words = _WORD.findall(clean_text(text))
    if not keep_stops:
        words = [w for w in words if not is_stop_word(w)]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


def _alternative(fieldname: str, alt: list[str]) -> Query:
    parts = [Term(fieldname, t) for t in dict.fromkeys(alt)]
    return parts[0] if len(parts) == 1 else And(parts)


def _clauses_query(fieldname: str, clauses: list[list[list[str]]], boost: float) -> Query:
    ands = []
    for clause in clauses:
        alts = [_alternative(fieldname, alt) for alt in clause]
        ands.append(alts[0] if len(alts) == 1 else Or(alts))
    q = ands[0] if len(ands) == 1 else And(ands)
    q.boost = boost
    return q


@dataclass
class Plan:
    """A user text turned into one query per word, plus the terms to highlight per language."""

    words: list[str]
    word_queries: list[Query]
    terms: dict[str, set[str]] = field(default_factory=dict)

    def query(self, relaxed: bool = False) -> Query | None:
        """All words required (or any word, when relaxed)."""
        if not self.word_queries:
            return None
        if len(self.word_queries) == 1:
            return self.word_queries[0]
        return Or(self.word_queries) if relaxed else And(self.word_queries)


def word_query(
    word: str,
    lang: str,
    kinds: tuple[str, ...] = ("name", "meta", "body"),
    collect: dict[str, set[str]] | None = None,
) -> Query | None:
    """Every field a word may match, as one OR (None when the word is a stop word everywhere)."""
    subs: list[Query] = []
    for field_lang in LANGUAGES:
        clauses = word_clauses(field_lang, word)
        if not clauses:
            continue
        if collect is not None:
            collect.setdefault(field_lang, set()).update(t for c in clauses for alt in c for t in alt)
        own = OWN_LANG_BOOST if field_lang == lang else 1.0
        for kind in kinds:
            subs.append(_clauses_query(f"{kind}_{field_lang}", clauses, KIND_BOOSTS[kind] * own))
    if "body" in kinds:
        subs.extend(Term("sku", t, boost=4.0) for t in sku_terms(word))
        digits = word.replace(".", "")
        if digits.isdigit() and 4 <= len(digits) <= 10:
            subs.append(Term("hs", digits, boost=4.0) if len(digits) == 10 else Prefix("hs", digits, boost=2.0))
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Or(subs)


def plan(text: str, lang: str) -> Plan:
    """The query plan of a user text."""
    p = Plan(words=[], word_queries=[])
    for word in split_words(text):
        q = word_query(word, lang, collect=p.terms)
        if q is not None:
            p.words.append(word)
            p.word_queries.append(q)
    return p


def prune(q: Query | None, reader) -> Query | None:
    """The query without terms absent from the index (None when nothing can match): fewer matchers to run.

    Fields the index does not have are absent too: an index built before a language was added (``mn``) keeps
    answering until ``search reindex`` rebuilds it with the new fields."""
    if q is None:
        return None
    fieldname = getattr(q, "fieldname", None)
    if fieldname is not None and fieldname not in reader.schema:
        return None
    if isinstance(q, Term):
        return q if reader.doc_frequency(q.fieldname, q.text) else None
    if isinstance(q, And | Or):
        kids = [prune(k, reader) for k in q.subqueries]
        if isinstance(q, And) and any(k is None for k in kids):
            return None
        kids = [k for k in kids if k is not None]
        if not kids:
            return None
        if len(kids) == 1:
            kid = copy.copy(kids[0])
            kid.boost = kid.boost * q.boost
            return kid
        return type(q)(kids, boost=q.boost)
    return q


def _spans(text: str, lang: str, wanted: set[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for tok in analyzer(lang, unigrams=True)(text, chars=True):
        if tok.text in wanted:
            spans.append((tok.startchar, tok.endchar))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, lang: str | None, terms_by_lang: dict[str, set[str]], length: int = 220) -> Markup:
    """An escaped snippet of ``text`` around the first match, with matches in <mark>."""
    text = " ".join(str(text or "").split())[:4000]
    wanted = terms_by_lang.get(lang or "", set())
    spans = _spans(text, lang, wanted) if wanted and lang in LANGUAGES else []
    start = 0
    if spans and spans[0][1] > length:
        start = max(0, spans[0][0] - length // 4)
        space = text.find(" ", start, start + 15)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    parts: list[Markup] = [Markup("…")] if start else []
    cursor = start
    for s, e in spans:
        if e <= cursor or s >= end:
            continue
        s, e = max(s, cursor), min(e, end)
        parts.append(escape(text[cursor:s]))
        parts.append(Markup("<mark>{}</mark>").format(text[s:e]))
        cursor = e
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append(Markup("…"))
    return Markup("").join(parts)


def _prefix_queries(word: str) -> list[Query]:
    low = word.lower()
    if re.fullmatch(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF0-9\-]+", low):
        if len(low) < 2:
            return []
        low = low.replace("ё", "е")
        return [Prefix(f"name_{lang}", low) for lang in ("ru", "en", "mn")]
    return [Prefix(f"name_{lang}", low) for lang in ("zh", "ko")]


def suggest(searcher: Searcher, text: str, lang: str, limit: int = 8) -> list[SuggestionItem]:
    """Products whose names match the words typed so far, the last one as a prefix."""
    words = split_words(text, keep_stops=True)
    if not words:
        return []
    if len(words[-1]) < 2 and re.fullmatch(r"[^\W\d_]", words[-1], re.ASCII):
        words = words[:-1]
    if not words:
        return []
    *head, last = words
    parts: list[Query] = []
    for word in head:
        q = word_query(word, lang, kinds=("name",))
        if q is not None:
            parts.append(q)
    last_options = _prefix_queries(last)
    whole = word_query(last, lang, kinds=("name",))
    if whole is not None:
        last_options.append(whole)
    if last_options:
        parts.append(Or(last_options))
    if not parts:
        return []
    q = prune(parts[0] if len(parts) == 1 else And(parts), searcher.reader())
    if q is None:
        return []
    items: list[SuggestionItem] = []
    seen: set[str] = set()
    for hit in searcher.search(q, limit=limit * 3):
        name = pick(hit.get("names") or {}, lang)
        label = str(name)
        if label and label not in seen:
            seen.add(label)
            items.append(SuggestionItem(id=int(hit["id"]), name=label, name_lang=name.lang))
        if len(items) >= limit:
            break
    return items
