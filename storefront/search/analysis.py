"""Per-language text analysis: jieba for Chinese, bigrams for Korean, Snowball for Russian and English,
suffix stripping plus prefixes for Mongolian.

The index side is a Whoosh analyzer per language. The query side (:func:`word_clauses`) reuses the same
tokenizers but shapes the terms into AND/OR groups so that sub-words, inflections and particles match.

Korean: Hangul runs become character bigrams; where two runs are separated only by spaces, the bigram across
the space is indexed too, so that a compound written without its space (카리프트, 수영복) finds the spaced
form (카 리프트, 수영 복) and back (names also carry single syllables, which match a one-syllable query word).

Mongolian (Cyrillic): there is no Snowball stemmer, and case endings are agglutinated and follow vowel
harmony (машин → машины, машинд, машинаас, машинуудын; ган → гангийн; төмөр → төмрийн). Each Cyrillic word is
indexed as itself, as every stem left by stripping a known ending (with the fleeting vowel put back:
төмр → төмөр), and as its prefixes of four letters or more. A query word is looked up as itself or any of its
stems, so an inflected query finds the base form, a base form finds inflected text, and a truncated word
works at least as well as a prefix search.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from whoosh.analysis import (
    Analyzer,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
    Tokenizer,
)

#: Languages that have their own fields in the index.
LANGUAGES: tuple[str, ...] = ("zh", "ru", "ko", "en", "mn")
#: A word made of letters or digits.
_HAS_WORD = re.compile(r"[^\W_]")
_HANGUL = "\uac00-\ud7a3"
#: Hangul syllable runs, or runs of other letters/digits.
_KO_PIECES = re.compile(rf"[{_HANGUL}]+|[^\W_{_HANGUL}]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Korean particles stripped from the end of query words (longest first).
KO_PARTICLES: tuple[str, ...] = tuple(
    sorted(
        (
            "을",
            "를",
            "이",
            "가",
            "은",
            "는",
            "의",
            "에",
            "에서",
            "로",
            "으로",
            "와",
            "과",
            "도",
            "에게",
            "까지",
            "부터",
            "처럼",
            "보다",
            "만",
            "이나",
            "하고",
        ),
        key=len,
        reverse=True,
    )
)
#: Function words dropped from Chinese text.
ZH_STOPS = frozenset("的 了 和 与 及 或 是 在 为 等 之 其 并 也 而 、 个".split())
#: Letters the spelling corrector knows about (Latin incl. accented, Cyrillic).
_SPELL_WORD = r"[A-Za-z\u00C0-\u024F\u0400-\u04FF]{3,}"

_jieba_lock = threading.Lock()
_jieba_ready = False


def jieba_module() -> Any:
    """The jieba module, initialised once (dictionary loaded, its logger quiet)."""
    global _jieba_ready
    import jieba  # here: importing it and loading its dictionary cost ≈ 0.7 s, paid by Chinese text only

    if not _jieba_ready:
        with _jieba_lock:
            if not _jieba_ready:
                jieba.setLogLevel(logging.WARNING)
                logging.getLogger("jieba").setLevel(logging.WARNING)
                jieba.initialize()
                _jieba_ready = True
    return jieba


def _set_token(
    t: Token,
    text: str,
    pos: int,
    start: int,
    end: int,
    positions: bool,
    chars: bool,
    start_pos: int,
    start_char: int,
) -> Token:
    t.text = text
    t.original = text
    t.boost = 1.0
    t.stopped = False
    if positions:
        t.pos = start_pos + pos
    if chars:
        t.startchar = start_char + start
        t.endchar = start_char + end
    return t


#: Texts up to this length (names, category/merchant/city lines, which repeat across products) are
#: segmented once and remembered.
_CACHED_TEXT = 160


@lru_cache(maxsize=4096)
def _search_words(text: str) -> tuple[tuple[str, int, int], ...]:
    """jieba search-mode words of a text with their offsets (word characters only)."""
    return tuple(
        (word.strip(), start, end)
        for word, start, end in jieba_module().tokenize(text, mode="search")
        if _HAS_WORD.search(word)
    )


class _PieceTokenizer(Tokenizer):
    """A Whoosh tokenizer over the ``(text, start, end)`` pieces its subclass finds in a text, numbered in order;
    ``unigrams``: single characters too (for names, so that a one-character query word matches)."""

    def __init__(self, unigrams: bool = False) -> None:
        self.unigrams = unigrams

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.unigrams == self.unigrams

    def pieces(self, value: str) -> Iterator[tuple[str, int, int]]:
        """The tokens of ``value`` with their character offsets."""
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            yield _set_token(t, value, 0, 0, len(value), positions, chars, start_pos, start_char)
            return
        for pos, (text, start, end) in enumerate(self.pieces(value)):
            yield _set_token(t, text, pos, start, end, positions, chars, start_pos, start_char)


class ChineseTokenizer(_PieceTokenizer):
    """jieba in search mode (long words and their sub-words); optionally every Han character too."""

    def pieces(self, value: str) -> Iterator[tuple[str, int, int]]:
        """jieba's words, then (with ``unigrams``) every Han character."""
        yield from _search_words(value) if len(value) <= _CACHED_TEXT else _search_words.__wrapped__(value)
        if self.unigrams:
            for m in _HAN.finditer(value):
                yield m.group(0), m.start(), m.end()


class KoreanTokenizer(_PieceTokenizer):
    """Hangul runs as character bigrams (plus every single syllable when ``unigrams``; a one-syllable word
    always); other words whole, lower-cased."""

    def pieces(self, value: str) -> Iterator[tuple[str, int, int]]:
        """Bigrams (and the bigram across a space between two Hangul runs), syllables, other words."""
        previous_end = -1  # end of the previous Hangul run, for the bigram across a space
        for m in _KO_PIECES.finditer(value):
            piece, base = m.group(0), m.start()
            if "\uac00" <= piece[0] <= "\ud7a3":
                if previous_end > 0 and value[previous_end:base].isspace():
                    yield value[previous_end - 1] + piece[0], previous_end - 1, base + 1
                previous_end = m.end()
                if self.unigrams or len(piece) == 1:
                    for i, syllable in enumerate(piece):
                        yield syllable, base + i, base + i + 1
                for i in range(len(piece) - 1):
                    yield piece[i : i + 2], base + i, base + i + 2
            else:
                previous_end = -1
                yield piece.lower(), base, m.end()


_MN_VOWELS = frozenset("аэиоуөүыеёяю")
_MN_CYRILLIC = re.compile(r"[а-яёөү]+")
#: Mongolian case, plural and reflexive endings (Cyrillic script, every vowel-harmony variant).
MN_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        set(
            # ablative, instrumental (with the г / н link after long vowels and hidden n)
            "аас ээс оос өөс иас иос гаас гээс гоос гөөс наас нээс ноос нөөс "
            "аар ээр оор өөр иар иор гаар гээр гоор гөөр "
            # comitative, directive
            "тай тэй той руу рүү луу лүү "
            # genitive, accusative
            "ийн ын ний ны гийн йн ий н ийг ыг йг г "
            # dative-locative, with the reflexive possessive after it
            "д т ад эд од өд нд даа дээ доо дөө таа тээ тоо төө "
            # plural
            "ууд үүд нууд нүүд чууд чүүд "
            # reflexive possessive
            "аа ээ оо өө гаа гээ гоо гөө".split()
        ),
        key=len,
        reverse=True,
    )
)
#: Mongolian function words dropped from the index and from queries.
MN_STOPS = frozenset("ба болон бөгөөд буюу эсвэл нь юм мөн бол энэ тэр".split())
#: Shortest stem or indexed prefix (three-letter stems such as ган, ус+ны stay findable; prefixes start at four).
_MN_MIN_STEM = 3
_MN_MIN_PREFIX = 4


def _mn_restore_vowel(stem: str) -> list[str]:
    """Stems with the fleeting vowel put back before the last consonant (төмр → төмөр, ажл → ажил)."""
    if len(stem) < 3 or stem[-1] in _MN_VOWELS or stem[-2] in _MN_VOWELS or stem[-1] in "йьъ":
        return []
    vowels = [c for c in stem if c in _MN_VOWELS]
    if not vowels:
        return []
    last = vowels[-1]
    harmony = "э" if last in "эөүеи" else "а"
    return [stem[:-1] + v + stem[-1] for v in dict.fromkeys((last, harmony, "и"))]


def mongolian_stems(word: str) -> list[str]:
    """The word and every stem left by stripping one or two known endings (plural + case, case + reflexive)."""
    word = word.lower()
    if not _MN_CYRILLIC.fullmatch(word):
        return [word]
    found = [word]
    frontier = [word]
    for _round in range(2):
        next_frontier = []
        for form in frontier:
            for suffix in MN_SUFFIXES:
                rest = form[: -len(suffix)]
                if form.endswith(suffix) and len(rest) >= _MN_MIN_STEM and any(c in _MN_VOWELS for c in rest):
                    for stem in (rest, *_mn_restore_vowel(rest)):
                        if stem not in found:
                            found.append(stem)
                    next_frontier.append(rest)
        frontier = next_frontier
    return found


def mongolian_index_terms(word: str) -> list[str]:
    """What a Mongolian word is indexed as: its stems and its prefixes of four letters or more."""
    stems = mongolian_stems(word)
    if not _MN_CYRILLIC.fullmatch(stems[0]):
        return stems
    prefixes = [word.lower()[:n] for n in range(_MN_MIN_PREFIX, len(word))]
    return list(dict.fromkeys([*stems, *prefixes]))


class MongolianStemFilter(Filter):
    """Each token becomes its stems and prefixes (all at the token's position, with its characters)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MongolianStemFilter)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            if t.stopped:
                yield t
                continue
            for term in mongolian_index_terms(t.text):
                t.text = term
                yield t


@cache
def analyzer(lang: str, unigrams: bool = False) -> Analyzer:
    """The index analyzer of a language's fields (``unigrams`` adds single Han/Hangul characters: names)."""
    if lang == "zh":
        return ChineseTokenizer(unigrams=unigrams) | LowercaseFilter() | StopFilter(stoplist=ZH_STOPS, minsize=1)
    if lang == "ko":
        return KoreanTokenizer(unigrams=unigrams)
    if lang == "mn":
        return (
            RegexTokenizer(r"[^\W_]+(?:[.,][^\W_]+)*")
            | LowercaseFilter()
            | StopFilter(stoplist=MN_STOPS, minsize=1)
            | MongolianStemFilter()
        )
    if lang in ("ru", "en"):
        stem_lang = "ru" if lang == "ru" else "en"
        return (
            RegexTokenizer(r"[^\W_]+(?:[.,][^\W_]+)*")
            | LowercaseFilter()
            | StopFilter(lang=stem_lang)
            | StemFilter(lang=stem_lang)
        )
    raise ValueError(f"no analyzer for {lang!r}")


@lru_cache(maxsize=1)
def spell_analyzer() -> Analyzer:
    """Unstemmed Latin/Cyrillic words of three letters or more (the spelling lexicon)."""
    return RegexTokenizer(_SPELL_WORD) | LowercaseFilter()


def terms(lang: str, text: str) -> list[str]:
    """Index terms of a text in a language (in order, duplicates kept)."""
    return [t.text for t in analyzer(lang)(text)]


def spell_words(text: str) -> list[str]:
    """Words of a text as the spelling lexicon stores them."""
    return [t.text for t in spell_analyzer()(text)]


def strip_particle(word: str) -> str:
    """A Korean word without a trailing particle (only when two syllables or more remain)."""
    for particle in KO_PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def _ko_grams(word: str) -> list[str]:
    """Bigrams that cover every syllable of a query word (every other one plus the last: fewer lists
    to intersect, the same documents in practice)."""
    if len(word) < 2:
        return [word]
    starts = list(range(0, len(word) - 1, 2))
    if starts[-1] != len(word) - 2:
        starts.append(len(word) - 2)
    return [word[i : i + 2] for i in starts]


#: A clause is OR of alternatives; an alternative is AND of terms. A word is AND of clauses.
Clause = list[list[str]]


def word_clauses(lang: str, word: str) -> list[Clause]:
    """Query clauses for one user word against a language's fields (empty: the word is a stop word)."""
    if lang == "zh":
        jieba = jieba_module()
        clauses: list[Clause] = []
        for token in jieba.cut(word):
            token = token.strip().lower()
            if not _HAS_WORD.search(token) or token in ZH_STOPS:
                continue
            alternatives = [[token]]
            parts = [w.lower() for w, _s, _e in jieba.tokenize(token, mode="search") if w.lower() != token]
            if parts:
                alternatives.append(parts)
            clauses.append(alternatives)
        return clauses
    if lang == "ko":
        clauses = []
        for m in _KO_PIECES.finditer(word):
            piece = m.group(0)
            if "\uac00" <= piece[0] <= "\ud7a3":
                variants = dict.fromkeys([piece, strip_particle(piece)])
                clauses.append([_ko_grams(v) for v in variants])
            else:
                clauses.append([[piece.lower()]])
        return clauses
    if lang == "mn":
        tokens = RegexTokenizer(r"[^\W_]+(?:[.,][^\W_]+)*") | LowercaseFilter()
        return [[[stem] for stem in mongolian_stems(t.text)] for t in tokens(word) if t.text not in MN_STOPS]
    return [[[t]] for t in dict.fromkeys(terms(lang, word))]


def is_stop_word(word: str) -> bool:
    """True for a Latin/Cyrillic word both Snowball analyzers drop (and, or, not, и, или …)."""
    return bool(re.fullmatch(r"[A-Za-z\u0400-\u04FF]+", word)) and not terms("en", word) and not terms("ru", word)
