"""What spaCy computes anew on every access of a Doc, computed once per doc.

``Doc.text`` joins the text of every token, ``Doc.ents`` builds a Span per entity and
``Doc.sents`` walks the tokens, each time they are read. The per-article stages read them
per sentence, per quote or per event: on the 52 articles of ``bench/bench_pipeline.py``
``Doc.text`` read once per event was half of the events stage's time.

The stages run one article at a time over the same doc, so the last doc seen is all that
is remembered (it is held, so no other doc can take its identity). The stages only read
the doc: a doc whose entities or sentences change after it was read here would need a
fresh ``Doc`` object.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property


class _DocView:
    def __init__(self, doc):
        self.doc = doc

    @cached_property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def ents(self) -> tuple:
        return self.doc.ents

    @cached_property
    def sents(self) -> list:
        return list(self.doc.sents)

    @cached_property
    def sent_starts(self) -> list[int]:
        return [s.start for s in self.sents]


_LAST: list[_DocView | None] = [None]


def _view(doc) -> _DocView:
    view = _LAST[0]
    if view is None or view.doc is not doc:
        view = _LAST[0] = _DocView(doc)
    return view


def doc_text(doc) -> str:
    """``doc.text``."""
    return _view(doc).text


def doc_ents(doc) -> tuple:
    """``doc.ents``."""
    return _view(doc).ents


def sentences(doc) -> list:
    """``list(doc.sents)``."""
    return _view(doc).sents


def sentence(doc, i: int):
    """The sentence holding token ``i`` (``doc[i].sent``, without walking the doc)."""
    view = _view(doc)
    return view.sents[bisect_right(view.sent_starts, i) - 1]
