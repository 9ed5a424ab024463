"""Match and score a query tree straight from posting lists: {document number: score}.

Whoosh's matcher tree walks every matching document through nested Python objects, which is what makes
counting facets over thousands of hits slow. The queries built in ``whoosh_query`` are only Terms, Prefixes,
Ands and Ors, so matching and scoring reduce to reading each term's posting list once (ids and term
frequencies, block by block) and combining dictionaries: And = intersection, Or = union, scores add up and
boosts multiply, exactly as Whoosh combines them, with the same :class:`SaturatedTfIdf` term score.
"""

from __future__ import annotations

from whoosh.query import And, Or, Prefix, Query, Term
from whoosh.searching import Searcher

from storefront.search.whoosh_store import WEIGHTING

Scores = dict[int, float]


def _leaf(matcher) -> tuple[list[int], list[float]]:
    """All (ids, weights) of a term's matcher, through Whoosh's public matcher interface only (deleted
    documents are already filtered out by the matcher the reader returns)."""
    ids: list[int] = []
    weights: list[float] = []
    is_active, current, weight, advance = matcher.is_active, matcher.id, matcher.weight, matcher.next
    while is_active():
        ids.append(current())
        weights.append(weight())
        advance()
    return ids, weights


def term_scores(searcher: Searcher, fieldname: str, text, boost: float = 1.0) -> Scores:
    """Scores of the documents containing one term (deleted documents left out)."""
    out: Scores = {}
    reader = searcher.reader()
    if (fieldname, text) not in reader:
        return out
    factor = boost * searcher.idf(fieldname, text)
    k1 = WEIGHTING.k1
    for leaf, offset in reader.leaf_readers():
        if (fieldname, text) not in leaf:
            continue
        ids, weights = _leaf(leaf.postings(fieldname, text))
        for docnum, w in zip(ids, weights, strict=True):
            out[docnum + offset] = factor * w * (k1 + 1) / (w + k1)
    return out


def scores(searcher: Searcher, q: Query | None) -> Scores:
    """Matching documents of a query of Terms, Prefixes, Ands and Ors, with their scores."""
    if q is None:
        return {}
    if isinstance(q, Term):
        return term_scores(searcher, q.fieldname, q.text, q.boost)
    if isinstance(q, Prefix):
        out: Scores = {}
        for text in searcher.reader().expand_prefix(q.fieldname, q.text):
            for docnum, s in term_scores(searcher, q.fieldname, text, q.boost).items():
                out[docnum] = out.get(docnum, 0.0) + s
        return out
    if isinstance(q, And):
        parts = sorted((scores(searcher, sub) for sub in q.subqueries), key=len)
        result = parts[0]
        for other in parts[1:]:
            if not result:
                break
            result = {d: s + other[d] for d, s in result.items() if d in other}
        return _boosted(result, q.boost)
    if isinstance(q, Or):
        result = {}
        for sub in q.subqueries:
            for docnum, s in scores(searcher, sub).items():
                result[docnum] = result.get(docnum, 0.0) + s
        return _boosted(result, q.boost)
    raise TypeError(f"unsupported query {type(q).__name__}")


def _boosted(values: Scores, boost: float) -> Scores:
    if boost == 1.0:
        return values
    return {d: s * boost for d, s in values.items()}
