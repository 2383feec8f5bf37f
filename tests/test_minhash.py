"""MinHash, banded LSH and winnowing (corpus/minhash.py) on hand-built texts."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.corpus import minhash as mh

_VOCAB = [f"w{i}" for i in range(5000)]


def _text(rnd: random.Random, n: int) -> list[str]:
    return [rnd.choice(_VOCAB) for _ in range(n)]


def _edit(words: list[str], rnd: random.Random, every: int) -> list[str]:
    """Replace one word in ``every``: each replacement breaks up to SHINGLE shingles."""
    out = list(words)
    for i in range(rnd.randrange(every), len(out), every):
        out[i] = "changed"
    return out


def test_word_hashes_ignore_case_and_punctuation():
    a, _, _ = mh.word_hashes("The Ferry, capsized!")
    b, _, _ = mh.word_hashes("the ferry capsized")
    assert a.tolist() == b.tolist()
    assert mh.word_hashes("ferry")[0][0] != mh.word_hashes("ferro")[0][0]


def test_curly_apostrophe_splits_like_a_straight_one():
    assert mh.word_hashes("Armenia’s army")[0].tolist() == mh.word_hashes("Armenia's army")[0].tolist()


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_word_hashes_find_the_ascii_words_of_any_text(text):
    hashes, starts, ends = mh.word_hashes(text)
    assert hashes.size == starts.size == ends.size
    assert np.all(starts < ends)
    if text.isascii():
        assert hashes.size == len(re.findall(r"[A-Za-z0-9]+", text))


@pytest.mark.parametrize("every", [5, 12, 30, 100])
def test_signature_agreement_estimates_jaccard(every):
    rnd = random.Random(every)
    base = _text(rnd, 600)
    copy = _edit(base, rnd, every)
    exact = mh.jaccard(mh.shingles(" ".join(base)), mh.shingles(" ".join(copy)))
    sig = mh.text_signatures([" ".join(base), " ".join(copy)])
    # One-permutation MinHash with 128 bins: standard error sqrt(J(1-J)/128) <= 0.045.
    assert abs((sig[0] == sig[1]).mean() - exact) < 0.15


def test_batch_signatures_equal_one_by_one():
    rnd = random.Random(1)
    texts = [" ".join(_text(rnd, n)) for n in (600, 3, 0, 40, 200)]
    batch = mh.text_signatures(texts)
    single = mh.signatures([mh.shingles(t) for t in texts])
    assert np.array_equal(batch, single)


def test_short_texts_still_get_a_signature_without_empty_bins():
    sig = mh.text_signatures(["only a few words here"])
    assert not (sig == np.uint64(2**64 - 1)).any()


def test_containment_finds_a_trimmed_copy():
    rnd = random.Random(2)
    words = _text(rnd, 600)
    full, trimmed = mh.shingles(" ".join(words)), mh.shingles(" ".join(words[:300]))
    assert mh.containment(full, trimmed) == 1.0
    assert mh.jaccard(full, trimmed) < 0.6


def test_lsh_index_finds_planted_copies_and_forgets_removed_ones():
    rnd = random.Random(3)
    docs = [_text(rnd, 600) for _ in range(40)]
    copies = [_edit(docs[i], rnd, 40) for i in range(10)]  # Jaccard about 0.85
    index = mh.LSHIndex()
    index.query_insert(mh.band_keys(mh.text_signatures([" ".join(d) for d in docs])), np.arange(40))
    found = index.query_insert(mh.band_keys(mh.text_signatures([" ".join(c) for c in copies])), np.arange(40, 50))
    assert {(i, 40 + i) for i in range(10)} <= set(found)
    assert all(b - a == 40 for a, b in found)  # unrelated texts are not candidates
    index.remove(0)
    again = index.query_insert(mh.band_keys(mh.text_signatures([" ".join(copies[0])])), np.array([50]))
    assert 0 not in {a for a, _ in again}
    assert index.nbytes == 50 * mh.BANDS * 12


@given(st.integers(0, 200), st.integers(0, 200), st.integers(mh.SHINGLE + mh.WINDOW - 1, 30), st.integers(0, 10**6))
@settings(max_examples=60, deadline=None)
def test_winnowing_catches_every_shared_run_of_eight_words(before, after, run, seed):
    rnd = random.Random(seed)
    shared = [f"s{i}" for i in range(run)]
    a = _text(rnd, before) + shared + _text(rnd, 50)
    b = _text(rnd, after) + shared
    fa = mh.winnow(mh.shingle_hashes(mh.word_hashes(" ".join(a))[0]))
    fb = mh.winnow(mh.shingle_hashes(mh.word_hashes(" ".join(b))[0]))
    assert np.intersect1d(fa, fb).size > 0
