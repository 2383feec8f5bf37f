"""What spaCy computes anew on every access of a Doc, computed once per doc.

``Doc.text`` joins the text of every token, ``Doc.ents`` builds a Span per entity and
``Doc.sents`` walks the tokens, each time they are read. The per-article stages read them
per sentence, per quote or per event: on the 52 articles of ``bench/bench_pipeline.py``
``Doc.text`` read once per event was half of the events stage's time.

Token attributes are computed anew too: ``Token.lemma_`` or ``Token.lower_`` decodes a
string from the vocabulary on every read, and the events stage reads the lemma of a verb
or noun again for every rule that asks (41,000 reads on the bench's 52 articles, 17,000
tokens). ``per_doc`` keeps one such column of the whole doc, made once.

The stages run one article at a time over the same doc, so the last two docs seen are all
that is remembered (held, so no other doc can take their identity; two, because the main
event reads the headline's own doc beside the article's). The stages only read the doc: a
doc whose entities, sentences or tokens' tags change after it was read here would need a
fresh ``Doc`` object.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class _DocView:
    """What is read of one doc, each made at its first read. (Plain attributes tested for
    None: ``functools.cached_property`` takes a lock on every read in Python 3.11, and
    some of these are read once per token.)"""

    def __init__(self, doc):
        self.doc = doc
        self.made: dict[Callable, object] = {}  # per_doc's columns
        self.columns: dict[int, list[str]] = {}  # token_strings' columns
        self._tokens: list | None = None
        self._text: str | None = None
        self._ents: tuple | None = None
        self._ent_starts: list[int] | None = None
        self._sents: list | None = None
        self._sent_starts: list[int] | None = None

    @property
    def tokens(self) -> list:
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def ents(self) -> tuple:
        if self._ents is None:
            self._ents = self.doc.ents
        return self._ents

    @property
    def ent_starts(self) -> list[int]:
        if self._ent_starts is None:
            self._ent_starts = [e.start for e in self.ents]
        return self._ent_starts

    @property
    def sents(self) -> list:
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents

    @property
    def sent_starts(self) -> list[int]:
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.sents]
        return self._sent_starts


_LAST: list[_DocView] = []  # the most recent first
_KEPT = 2


def _view(doc) -> _DocView:
    for view in _LAST:
        if view.doc is doc:
            return view
    view = _DocView(doc)
    _LAST[:] = [view, *_LAST[: _KEPT - 1]]
    return view


def per_doc(doc, make: Callable[[object], T]) -> T:
    """``make(doc)``, made once per doc (``make`` is the key: pass a module-level function)."""
    made = _view(doc).made
    if make not in made:
        made[make] = make(doc)
    return made[make]


def tokens(doc) -> list:
    """``list(doc)``: the same Token objects for every walk over the doc (iterating a Doc
    builds a new Token per token each time)."""
    return _view(doc).tokens


def token_strings(doc, attr: int) -> list[str]:
    """Every token's value of ``attr`` (``spacy.attrs``: POS, DEP, TAG, LOWER, ORTH,
    LEMMA, ENT_TYPE...) as its string, as ``Token.pos_``, ``.dep_``... give it: read with
    ``Doc.to_array`` and each distinct value decoded once."""
    columns = _view(doc).columns
    if attr not in columns:
        strings, values = doc.vocab.strings, doc.to_array([attr]).tolist()
        decoded = {v: strings[v] for v in set(values)}
        columns[attr] = [decoded[v] for v in values]
    return columns[attr]


def doc_text(doc) -> str:
    """``doc.text``."""
    return _view(doc).text


def doc_ents(doc) -> tuple:
    """``doc.ents``."""
    return _view(doc).ents


def span_ents(span) -> list:
    """``span.ents``: the doc's entities from the first that starts in the span to the
    first that ends after it. (``Span.ents`` builds a Span for every entity of the doc
    each time it is read.)"""
    view = _view(span.doc)
    out = []
    for ent in itertools.islice(view.ents, bisect_left(view.ent_starts, span.start), None):
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def sentences(doc) -> list:
    """``list(doc.sents)``."""
    return _view(doc).sents


def sentence(doc, i: int):
    """The sentence holding token ``i`` (``doc[i].sent``, without walking the doc)."""
    view = _view(doc)
    return view.sents[bisect_right(view.sent_starts, i) - 1]
