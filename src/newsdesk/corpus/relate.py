"""Relate: near copies, rewrites and shared passages between articles, and which came first.

Exact copies need nothing here: the same normalised text is one article (one content id)
with several rows in ``article_sources``. For each new article of a batch, the stage

1. finds candidates in the store: articles sharing a MinHash band key (near copies),
   a winnowed passage fingerprint (shared passages), or several named entities (rewrites,
   which can share almost no shingles); then adds the article's own keys to the index;
2. judges each candidate pair (``judge``): the exact Jaccard and containment of the word
   shingles say near copy; an in-order alignment of sentences by names, numbers and
   content words says rewrite; shared runs of words say shared passage;
3. orders the pair (``provenance``): publication date, else containment (the fuller text
   is the original a copy was trimmed from), else a wire byline or an "according to" credit,
   else, for a rewrite, direct quotes (a retelling reports speech), else store order;
   and saves one ``Relation`` (source = earlier/original, copy = later).

``original_of`` follows copy -> source links to the root, for the stories stage.
``forget`` removes an article from the index and its relations (deletion).
``reuse_annotations`` gives a copy its original's facts with remapped spans, so that a
wire-heavy corpus is annotated about once per story (the pipeline calls it before spaCy).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import sqlalchemy as sa
from scipy import sparse

from newsdesk.corpus import minhash
from newsdesk.model import Analysis, Article, MainEvent, Relation, Span
from newsdesk.store import Tx, schema

KEY_BAND, KEY_PASSAGE = 1, 2
DERIVED = ("near_copy", "rewrite")  # kinds whose copy takes its facts from the source

# Near copy: most shingles shared (light edits, a new headline, a paragraph more or less
# keep the Jaccard of 5-word shingles above 0.5: each changed word breaks 5 shingles), or
# a trimmed copy: nearly all of the shorter text inside the longer, and the shorter at
# least a third of the longer (a short brief quoting one paragraph shares a passage).
NEAR_JACCARD = 0.5
NEAR_CONTAINMENT = 0.8
MIN_SIZE_RATIO = 0.3
# Shared passage: a run of at least 8 words (the winnowing guarantee of minhash.py), so a
# shared stock phrase ("the prime minister said on Tuesday") does not count.
MIN_RUN = minhash.SHINGLE + minhash.WINDOW - 1
MAX_GAP = 3  # runs this close on both sides are one "nearly verbatim" passage
# Rewrite: a monotone alignment of sentences must cover most of the shorter article.
# Chosen on evals/data/copies (rewrites vs independent reports of the same event).
SENTENCE_SIM = 0.3
REWRITE_COVERAGE = 0.6
REWRITE_MIN_PAIRS = 3
MIN_SHARED_ENTITIES = 3
MAX_CANDIDATES = 50  # per kind of lookup, best first: bounds the work per article
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")

_TOKEN = re.compile(r"\w+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


# -- the index --------------------------------------------------------------------------


def index_keys(text: str) -> dict[int, list[int]]:
    """The article's LSH band keys and passage fingerprints, as signed 64-bit ints for SQL."""
    shingle_hashes = minhash.shingle_hashes(minhash.word_hashes(text)[0])
    if shingle_hashes.size == 0:
        return {KEY_BAND: [], KEY_PASSAGE: []}
    bands = minhash.band_keys(minhash.signatures([shingle_hashes]))[0]
    prints = minhash.winnow(shingle_hashes)
    return {
        KEY_BAND: sorted(set(bands.view(np.int64).tolist())),
        KEY_PASSAGE: prints.view(np.int64).tolist(),
    }


def add_to_index(tx: Tx, article_id: str, keys: dict[int, list[int]]) -> None:
    rows = [{"kind": kind, "key": key, "article_id": article_id} for kind, ks in keys.items() for key in ks]
    if rows:
        tx.conn.execute(sa.insert(schema.relate_keys), rows)


# One statement, compiled once: the keys go in as an expanding parameter at execution
# (building ``in_(list)`` anew coerces every key and dominated the stage's time).
_LOOKUP = (
    sa.select(schema.relate_keys.c.article_id, sa.func.count())
    .where(
        schema.relate_keys.c.kind == sa.bindparam("kind"),
        schema.relate_keys.c.key.in_(sa.bindparam("keys", expanding=True)),
        schema.relate_keys.c.article_id != sa.bindparam("me"),
    )
    .group_by(schema.relate_keys.c.article_id)
)


def lookup(tx: Tx, article_id: str, kind: int, keys: list[int]) -> Counter:
    """Other articles holding any of ``keys``, with how many they share."""
    found: Counter = Counter()
    for i in range(0, len(keys), 500):  # stay under SQLite's bound-parameter limit
        rows = tx.conn.execute(_LOOKUP, {"kind": kind, "keys": keys[i : i + 500], "me": article_id}).all()
        found.update(dict(rows))
    return found


def _entity_candidates(tx: Tx, article_id: str) -> Counter:
    m = schema.mentions
    mine = sa.select(m.c.entity_id).where(m.c.article_id == article_id, m.c.label.in_(ENTITY_LABELS))
    q = (
        sa.select(m.c.article_id, sa.func.count(sa.distinct(m.c.entity_id)))
        .where(m.c.entity_id.in_(mine), m.c.article_id != article_id)
        .group_by(m.c.article_id)
    )
    return Counter({a: n for a, n in tx.conn.execute(q).all() if n >= MIN_SHARED_ENTITIES})


def candidates(tx: Tx, article_id: str, keys: dict[int, list[int]]) -> list[str]:
    found: set[str] = set()
    for counts in (
        lookup(tx, article_id, KEY_BAND, keys[KEY_BAND]),
        lookup(tx, article_id, KEY_PASSAGE, keys[KEY_PASSAGE]),
        _entity_candidates(tx, article_id),
    ):
        found.update(a for a, _ in counts.most_common(MAX_CANDIDATES))
    return sorted(found)


def forget(tx: Tx, article_id: str) -> None:
    """Remove an article from the index and drop its relations (before deleting it)."""
    tx.conn.execute(sa.delete(schema.relate_keys).where(schema.relate_keys.c.article_id == article_id))
    r = schema.relations
    tx.conn.execute(sa.delete(r).where((r.c.source == article_id) | (r.c.copy == article_id)))


# -- shared runs of words ----------------------------------------------------------------


# A new article is judged against up to three times MAX_CANDIDATES stored ones, and a
# stored one against every new article of the batch it is a candidate for: each text's
# words, word runs, shingles and sentence facts are worked out once and kept for a while
# (by text, not by id: the judge compares texts). 256 texts cover a batch's candidates
# (memory: tens of KB per text of a few thousand words, so a few tens of MB at most).
TEXT_CACHE = 256


_shingles = lru_cache(maxsize=TEXT_CACHE)(minhash.shingles)


@lru_cache(maxsize=TEXT_CACHE)
def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words with their character spans; curly apostrophes read as straight ones."""
    return [(m.group().casefold(), m.start(), m.end()) for m in _TOKEN.finditer(text.translate(_APOSTROPHES))]


@lru_cache(maxsize=TEXT_CACHE)
def _word_runs(text: str) -> np.ndarray:
    """A hash of each run of ``SHINGLE`` words of ``tokens(text)`` (by position): two texts
    can share a run of words only where they share one of these."""
    words = tokens(text)
    if len(words) < minhash.SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    # Python's str hash: salted per process, which is all this needs (both texts are hashed
    # here, in this process).
    ids = np.array([hash(w) for w, _, _ in words], dtype=np.int64).view(np.uint64)
    return minhash.shingle_hashes(ids)


def shared_runs(source: str, copy: str) -> list[tuple[Span, Span]]:
    """Runs of at least ``MIN_RUN`` words found in both texts, as (span in source, span in copy)."""
    ha, hb = _word_runs(source), _word_runs(copy)
    both = np.intersect1d(ha, hb)
    if both.size == 0:  # most candidate pairs: nothing to align word by word
        return []
    ta, tb = tokens(source), tokens(copy)
    k = minhash.SHINGLE
    at: dict[tuple[str, ...], list[int]] = {}
    for i in np.flatnonzero(np.isin(ha, both)).tolist():
        at.setdefault(tuple(w for w, _, _ in ta[i : i + k]), []).append(i)
    run_start: dict[tuple[int, int], tuple[int, int]] = {}
    for j in np.flatnonzero(np.isin(hb, both)).tolist():
        for i in at.get(tuple(w for w, _, _ in tb[j : j + k]), ()):
            run_start[(i, j)] = run_start.get((i - 1, j - 1), (i, j))
    runs = _longest_disjoint(run_start)
    runs = _merge_close(runs)
    return [
        ((ta[i0][1], ta[i1 + k - 1][2]), (tb[j0][1], tb[j1 + k - 1][2]))
        for i0, j0, i1, j1 in runs
        if min(i1 - i0, j1 - j0) + k >= MIN_RUN
    ]


def _longest_disjoint(run_start: dict[tuple[int, int], tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Maximal diagonal runs (i0, j0, i1, j1), longest first, overlapping neither side."""
    ends = {}
    for (i, j), (i0, j0) in run_start.items():
        if (i + 1, j + 1) not in run_start:
            ends[(i0, j0)] = (i, j)
    runs = sorted(((i0, j0, i1, j1) for (i0, j0), (i1, j1) in ends.items()), key=lambda r: (r[0] - r[2], r[1]))
    used_a, used_b, kept = set(), set(), []
    for i0, j0, i1, j1 in runs:
        if used_a.isdisjoint(range(i0, i1 + 1)) and used_b.isdisjoint(range(j0, j1 + 1)):
            used_a.update(range(i0, i1 + 1))
            used_b.update(range(j0, j1 + 1))
            kept.append((i0, j0, i1, j1))
    return sorted(kept, key=lambda r: r[1])


def _merge_close(runs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Join consecutive runs separated by a few changed words on both sides ("nearly verbatim")."""
    merged: list[tuple[int, int, int, int]] = []
    k = minhash.SHINGLE
    for run in runs:
        if merged:
            i0, j0, i1, j1 = merged[-1]
            gap_a, gap_b = run[0] - (i1 + k), run[1] - (j1 + k)
            if 0 <= gap_a <= MAX_GAP and 0 <= gap_b <= MAX_GAP:
                merged[-1] = (i0, j0, run[2], run[3])
                continue
        merged.append(run)
    return merged


# -- rewrites: sentences aligned in order -------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        (
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
            *("nineteen", "twenty"),
        )
    )
}


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # a word list only: no model is loaded

    return frozenset(STOP_WORDS)


_STOP = _stop_words()


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What a sentence states, in a form that survives paraphrase."""

    span: Span
    names: frozenset[str]  # capitalised words not opening the sentence
    numbers: frozenset[str]  # digits (commas dropped) and number words as digits
    content: frozenset[str]  # other content words, cut to 5 letters (a crude stem)


# A full stop that ends a title before a name ends no sentence ("Dr. Mariam Eltayeb",
# "Gen. Ruiz"); one that ends an initialism ends one only before a word that opens
# sentences ("in the U.S. The next day"; not "the U.S. Geological Survey"), as Punkt
# tells abbreviations apart by the word after them.
_TITLE_BEFORE = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Capt|Sgt|Sen|Rep|Gov|Rev|St|Mt|Hon)\.$")
_INITIALISM_BEFORE = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,}$")
_OPENERS_WORDS = (
    "The A An In On At By For From With After Before When While As If But And Or So Yet Since Until Although "
    "He She It They We I You His Her Its Their Our This That These Those There Here Some Many Most All Both "
    "Two Three Four Five Six Seven Eight Nine Ten No Not One Another Other Such Still Meanwhile However"
)
_OPENERS = frozenset(_OPENERS_WORDS.split(" "))


def _ends_no_sentence(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 12) : m.start()]
    if _TITLE_BEFORE.search(before):
        return True
    nxt = re.match(r"[\"'“‘(]?(\w+)", text[m.end() :])
    return bool(_INITIALISM_BEFORE.search(before) and nxt and nxt.group(1) not in _OPENERS)


def sentence_spans(text: str) -> list[Span]:
    """Sentences by punctuation and line breaks (the corpus stage has no spaCy Doc)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if "\n" not in m.group(0) and _ends_no_sentence(text, m):
            continue
        end = m.start() + len(m.group(1) or "")  # keep closing quotes with their sentence
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@lru_cache(maxsize=TEXT_CACHE)
def sentence_facts(text: str) -> tuple[SentenceFacts, ...]:
    """Facts of each sentence that has something to align on."""
    facts = (_facts_of(text, start, end) for start, end in sentence_spans(text))
    return tuple(f for f in facts if f.names or f.numbers or len(f.content) >= 3)


def _facts_of(text: str, start: int, end: int) -> SentenceFacts:
    names, numbers, content = set(), set(), set()
    words = list(_TOKEN.finditer(text[start:end].translate(_APOSTROPHES)))
    for n, m in enumerate(words):
        word, low = m.group(), m.group().casefold()
        if low.replace(",", "").isdigit() or low in _NUMBER_WORDS:
            numbers.add(_NUMBER_WORDS.get(low, low))
        elif low in _STOP or len(low) < 3:
            continue
        elif word[0].isupper() and n > 0:
            names.add(low)
        else:
            content.add(low[:5])
    return SentenceFacts((start, end), frozenset(names), frozenset(numbers), frozenset(content))


# The weights of ``similarity``: names and numbers count twice (a paraphrase keeps them).
_WEIGHTS = {"names": 2.0, "numbers": 2.0, "content": 1.0}


def similarity(a: SentenceFacts, b: SentenceFacts) -> float:
    """Weighted Jaccard of two sentences' facts (``_WEIGHTS``)."""
    shared = sum(w * len(getattr(a, f) & getattr(b, f)) for f, w in _WEIGHTS.items())
    total = sum(w * len(getattr(a, f) | getattr(b, f)) for f, w in _WEIGHTS.items())
    return shared / total if total else 0.0


@lru_cache(maxsize=TEXT_CACHE)
def _features(text: str) -> tuple[dict[str, float], ...]:
    """Each sentence's facts of ``sentence_facts(text)`` as features ("names:kiev") with
    their weight (``_WEIGHTS``): what ``could_be_rewrite`` and ``similarities`` compare."""
    return tuple(
        {f"{field}:{x}": w for field, w in _WEIGHTS.items() for x in getattr(fact, field)}
        for fact in sentence_facts(text)
    )


def could_be_rewrite(source: str, copy: str) -> bool:
    """False when no alignment of the two texts can be a rewrite, found without aligning
    them: a sentence can reach ``SENTENCE_SIM`` with a sentence of the other text only if
    the features it shares with the whole other text weigh that share of its own
    (``similarity``'s denominator is at least the sentence's own weight), and a rewrite
    needs ``REWRITE_MIN_PAIRS`` such sentences, ``REWRITE_COVERAGE`` of the shorter text,
    on both sides. Most candidate pairs (articles that share a few names) stop here."""
    counts = []
    for mine, other in ((source, copy), (copy, source)):
        theirs = set().union(*_features(other))
        counts.append(sum(
            1 for sentence in _features(mine)  # divided, as ``similarity``
            if sum(w for f, w in sentence.items() if f in theirs) / sum(sentence.values()) >= SENTENCE_SIM
        ))
    shorter = min(len(sentence_facts(source)), len(sentence_facts(copy)))
    return min(counts) >= max(REWRITE_MIN_PAIRS, REWRITE_COVERAGE * shorter)


@lru_cache(maxsize=TEXT_CACHE)
def _incidence(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``_features(text)`` as parallel arrays: sentence row, feature, weight."""
    items = [(r, f, w) for r, sentence in enumerate(_features(text)) for f, w in sentence.items()]
    rows, keys, weights = zip(*items, strict=True) if items else ((), (), ())
    return np.array(rows, dtype=np.int64), np.array(keys, dtype=str), np.array(weights, dtype=float)


def similarities(source: str, copy: str) -> np.ndarray:
    """``similarity`` of every sentence of one text with every one of the other, as one
    matrix product over the two texts' features (a loop of set operations per pair took
    most of the stage's time on long articles); the same numbers, summed exactly."""
    (ra, ka, wa), (rb, kb, wb) = _incidence(source), _incidence(copy)
    keys, cols = np.unique(np.concatenate((ka, kb)), return_inverse=True)
    weight = np.zeros(keys.size)
    weight[cols] = np.concatenate((wa, wb))
    shape = len(keys)
    a = sparse.csr_matrix((np.ones(ra.size), (ra, cols[: ra.size])), shape=(len(sentence_facts(source)), shape))
    b = sparse.csr_matrix((np.ones(rb.size), (rb, cols[ra.size :])), shape=(len(sentence_facts(copy)), shape))
    shared = (a.multiply(weight) @ b.T).toarray()
    total = (a @ weight)[:, None] + (b @ weight)[None, :] - shared
    return np.divide(shared, total, out=np.zeros_like(shared), where=total > 0)


def align(source: str, copy: str) -> tuple[float, list[tuple[Span, Span]]]:
    """Best in-order alignment of similar sentences: (coverage of the shorter text, pairs)."""
    sa_, sb = sentence_facts(source), sentence_facts(copy)
    if not sa_ or not sb:
        return 0.0, []
    sim = similarities(source, copy)
    gain = np.where(sim >= SENTENCE_SIM, sim, 0.0)
    if not gain.any():
        return 0.0, []
    # best[i, j] = max(best[i-1, j], best[i, j-1], best[i-1, j-1] + gain): along a row the
    # middle term is a running maximum, so each row is one vectorised step.
    best = np.zeros((len(sa_) + 1, len(sb) + 1))
    for i in range(1, len(sa_) + 1):
        diag = np.where(gain[i - 1] > 0, best[i - 1, :-1] + gain[i - 1], -1.0)
        best[i, 1:] = np.maximum.accumulate(np.maximum(best[i - 1, 1:], diag))
    pairs, i, j = [], len(sa_), len(sb)
    while i and j:
        if gain[i - 1, j - 1] and best[i, j] == best[i - 1, j - 1] + gain[i - 1, j - 1]:
            pairs.append((sa_[i - 1].span, sb[j - 1].span))
            i, j = i - 1, j - 1
        elif best[i, j] == best[i - 1, j]:
            i -= 1
        else:
            j -= 1
    return len(pairs) / min(len(sa_), len(sb)), pairs[::-1]


# -- judging a pair ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str
    score: float
    evidence: tuple[tuple[Span, Span], ...]
    fuller: int = 0  # for a trimmed copy: 1 if the first text contains the second, -1 the reverse


def judge(first: str, second: str) -> Verdict | None:
    """How ``second`` relates to ``first`` (evidence spans in that order), or None."""
    a, b = _shingles(first), _shingles(second)
    jac, con = minhash.jaccard(a, b), minhash.containment(a, b)
    small, large = sorted((a.size, b.size))
    runs = shared_runs(first, second)
    if jac >= NEAR_JACCARD or (con >= NEAR_CONTAINMENT and small >= MIN_SIZE_RATIO * large):
        fuller = 0 if small >= 0.9 * large else (1 if a.size > b.size else -1)
        return Verdict("near_copy", round(max(jac, con), 4), tuple(runs), fuller)
    if could_be_rewrite(first, second):
        coverage, pairs = align(first, second)
        if coverage >= REWRITE_COVERAGE and len(pairs) >= REWRITE_MIN_PAIRS:
            return Verdict("rewrite", round(coverage, 4), tuple(pairs))
    if runs:
        shared = sum(e - s for (s, e), _ in runs)
        return Verdict("shared_passage", round(shared / max(1, min(len(first), len(second))), 4), tuple(runs))
    return None


# -- which came first ---------------------------------------------------------------------------

# A wire credit, or a wire-style dateline ("MIRSK, March 4 (HPA) -", which cleaning keeps
# as the dateline "MIRSK (HPA)"): marks of an original.
_WIRE = re.compile(
    r"\((?:AP|Reuters|AFP)\)|\b(?:Associated Press|Reuters|Agence France-Presse)\b"
    r"|^[A-Z][A-Z .'-]+, \w+ \d{1,2} \([A-Z]{2,6}\)",
    re.MULTILINE,
)
_QUOTE_MARK = re.compile(r'["“”]')
_AGENCY = re.compile(r"\([A-Z]{2,6}\)")
# A credit to another outlet or report ("according to the Dalbury Courier"): mark of a re-cut.
_CREDIT = re.compile(r"\b(?i:according to|as reported by|reported by|citing)\s+(?:an?\s+|the\s+)?(?:report|[A-Z])")


def published(tx: Tx, article: Article) -> str | None:
    """The earliest date the article or any of its sources carries."""
    dates = [s["published"] for s in tx.sources(article.id) if s["published"]]
    if article.published:
        dates.append(article.published)
    return min(dates) if dates else None


def _wire_score(article: Article) -> int:
    """+1 for a wire byline or dateline (the original), -1 per credit to another outlet (a re-cut)."""
    head = " ".join(filter(None, (article.byline, article.text[:200])))
    wire = bool(_WIRE.search(head) or _AGENCY.search(article.dateline or ""))
    return int(wire) - len(_CREDIT.findall(article.text))


DayOf = Callable[[Article], str | None]  # an article's earliest publication date (``published``)


def provenance(older: Article, newer: Article, verdict: Verdict, day: DayOf) -> tuple[str, str]:
    """(source, copy): ``older`` is the one stored first; ``verdict`` compares older, newer."""
    d_old, d_new = day(older), day(newer)
    if d_old and d_new and d_old[:10] != d_new[:10]:
        return (older.id, newer.id) if d_old < d_new else (newer.id, older.id)
    if verdict.fuller:
        return (older.id, newer.id) if verdict.fuller > 0 else (newer.id, older.id)
    w_old, w_new = _wire_score(older), _wire_score(newer)
    if w_old != w_new:
        return (older.id, newer.id) if w_old > w_new else (newer.id, older.id)
    if verdict.kind == "rewrite":
        # A retelling turns direct speech into reported speech far more often than the
        # reverse: the text that quotes more is the original.
        q_old, q_new = len(_QUOTE_MARK.findall(older.text)), len(_QUOTE_MARK.findall(newer.text))
        if q_old != q_new:
            return (older.id, newer.id) if q_old > q_new else (newer.id, older.id)
    return older.id, newer.id


def relation(older: Article, newer: Article, day: DayOf) -> Relation | None:
    verdict = judge(older.text, newer.text)
    if verdict is None:
        return None
    source, copy = provenance(older, newer, verdict, day)
    evidence = verdict.evidence if source == older.id else tuple((b, a) for a, b in verdict.evidence)
    return Relation(kind=verdict.kind, source=source, copy=copy, score=verdict.score, evidence=evidence)


# -- the stage -----------------------------------------------------------------------------------


def relate(tx: Tx, batch):
    """Corpus stage: relate each new article to those already stored (and earlier in the batch)."""
    days: dict[str, str | None] = {}  # an article's sources do not change during the stage

    def day(article: Article) -> str | None:
        if article.id not in days:
            days[article.id] = published(tx, article)
        return days[article.id]

    for article_id in batch.new_ids:
        newer = tx.article(article_id)
        if newer is None:
            continue
        keys = index_keys(newer.text)
        found = candidates(tx, article_id, keys)
        add_to_index(tx, article_id, keys)
        olders = (older for other_id in found if (older := tx.article(other_id)) is not None)
        rels = [rel for older in olders if (rel := relation(older, newer, day)) is not None]
        if rels:
            # One relation per pair: a rerun replaces the old verdict whatever its kind or
            # direction (one statement for the article's pairs, one for its relations).
            _drop_pairs(tx, newer.id, [r.source if r.copy == newer.id else r.copy for r in rels])
            tx.save_relations(rels)
    return batch


def _drop_pairs(tx: Tx, article_id: str, others: list[str]) -> None:
    r = schema.relations
    tx.conn.execute(
        sa.delete(r).where(
            ((r.c.source == article_id) & r.c.copy.in_(others)) | ((r.c.copy == article_id) & r.c.source.in_(others))
        )
    )


def original_of(tx: Tx, article_id: str) -> str | None:
    """The original an article was copied or rewritten from (followed to the root), or None."""
    r = schema.relations
    seen, current = {article_id}, article_id
    while True:
        q = (
            sa.select(r.c.source)
            .where(r.c.copy == current, r.c.kind.in_(DERIVED))
            .order_by(r.c.score.desc(), r.c.source)
            .limit(1)
        )
        source = tx.conn.execute(q).scalar()
        if source is None or source in seen:
            return None if current == article_id else current
        seen.add(source)
        current = source


# -- reusing a copy's annotations ------------------------------------------------------------------

# Reuse only when the shared runs cover (nearly) all of the copy: a copy with a paragraph
# of its own needs that paragraph annotated. 0.98 leaves room for a changed headline word.
REUSE_COVERAGE = 0.98


def reuse_annotations(tx: Tx, article: Article) -> Analysis | None:
    """The analysis of a stored article that ``article`` copies, remapped to it; else None.

    Facts whose text is not found at the remapped span of the copy are dropped, so a
    reused fact always points at the same words in the copy. The main event goes along
    where its words do (``remap``); where they do not (a copy with a headline of its own,
    or the event's sentence cut), it is chosen again among the reused facts and the
    copy's own headline, without the parse of the text (facts/main.py).
    """
    keys = index_keys(article.text)
    for other_id, _ in lookup(tx, article.id, KEY_BAND, keys[KEY_BAND]).most_common(5):
        original = tx.analysis(other_id)
        if original is None:
            continue
        runs = shared_runs(original.article.text, article.text)
        covered = sum(e - s for _, (s, e) in runs)
        if covered >= REUSE_COVERAGE * len(article.text.strip()):
            reused = remap(original, article, runs)
            if reused.main_event is None:
                from newsdesk.facts.main import find_main  # imported here: facts.main reads sentence_spans

                reused = find_main(reused, None)
            return reused
    return None


def remap(original: Analysis, article: Article, runs: list[tuple[Span, Span]]) -> Analysis:
    src, dst = original.article.text, article.text

    def move(span: Span | None) -> Span | None:
        if span is None:
            return None
        for (s1, e1), (s2, _) in runs:
            if s1 <= span[0] and span[1] <= e1:
                new = (span[0] - s1 + s2, span[1] - s1 + s2)
                return new if src[span[0] : span[1]] == dst[new[0] : new[1]] else None
        return None

    # A place of the dateline (``Place.in_dateline``) indexes the dateline's words, not the
    # text: it holds where the copy opens with the same dateline, as a headline's span does.
    same_dateline = original.article.dateline_text == article.dateline_text

    def carry(facts: tuple) -> tuple:
        out = []
        for fact in facts:
            if getattr(fact, "in_dateline", False):
                if same_dateline:
                    out.append(replace(fact, article_id=article.id))
                continue
            span = move(fact.span)
            if span is None:
                continue
            fact = replace(fact, article_id=article.id, span=span)
            if getattr(fact, "speaker_span", None) is not None:
                fact = replace(fact, speaker_span=move(fact.speaker_span))
            out.append(fact)
        return tuple(out)

    mentions = carry(original.mentions)
    kept = {m.entity_id for m in mentions}
    return Analysis(
        article=article,
        mentions=mentions,
        entities=tuple(e for e in original.entities if e.id in kept),
        places=carry(original.places),
        dates=carry(original.dates),
        quotes=carry(original.quotes),
        figures=carry(original.figures),
        events=carry(original.events),
        notes=(*original.notes, f"annotations reused from {original.article.id}"),
        main_event=carry_main(original, article, move),
    )


def carry_main(original: Analysis, article: Article, move) -> MainEvent | None:
    """The original's main event at the copy's spans (``move`` remaps a span of the text;
    a span of the title holds where the copy has the same title); its place or time
    dropped where their words are gone; None where the event's own words are (see
    ``reuse_annotations``)."""
    main = original.main_event
    same_title = original.article.title == article.title

    def at(span: Span | None, in_title: bool) -> tuple[bool, Span | None]:
        if span is None or in_title:
            return span is None or same_title, span
        new = move(span)
        return new is not None, new

    if main is None or not (found := at(main.span, main.in_title))[0]:
        return None
    main = replace(main, article_id=article.id, span=found[1])
    ok, place_span = at(main.place_span, main.place_in_title)
    main = replace(main, place_span=place_span) if ok else replace(main, place=None, place_span=None,
                                                                  place_in_title=False)
    ok, when_span = at(main.when_span, main.when_in_title)
    return replace(main, when_span=when_span) if ok else replace(main, when=None, when_span=None, when_in_title=False)
