"""MinHash over word shingles with banded LSH, vectorised with numpy.

Why not datasketch: it hashes every shingle once per permutation in Python objects; here
a whole batch of texts is hashed in a few numpy passes and each shingle is hashed once.

The steps, all on uint64 arrays (numpy integer arithmetic wraps modulo 2**64, which is
what the hashes want):

1. words: the text, case-folded, as bytes; a word is a run of letters, digits or non-ASCII
   bytes. Each word's hash is a polynomial over its bytes, taken from prefix sums
   (``H[end] - H[start]`` scaled back by the inverse power of the base), so no Python
   loop over words.
2. shingles: ``SHINGLE`` consecutive word hashes combined and mixed (splitmix64).
3. signature: one-permutation MinHash (Li, Owen & Zhang 2012): the top bits of a shingle's
   hash choose one of ``PERMS`` bins, the low 32 bits compete for that bin's minimum.
   Empty bins borrow from the next filled bin (rotation densification, Shrivastava & Li
   2014) so two texts still agree on a bin with probability ~ their Jaccard.
4. bands: ``BANDS`` groups of ``ROWS`` bins, each hashed to one 64-bit key; two texts are
   candidates when they share a key. With 32 bands of 4 rows a pair at Jaccard 0.8 shares
   a band with probability 1 - (1 - 0.8**4)**32 > 0.9999999 and at 0.5 with 0.87: the
   S-curve sits low on purpose, and candidates are verified with the exact Jaccard.

``winnow`` gives the fingerprints used to find shared passages (Schleimer et al. 2003):
the minimum of every window of ``WINDOW`` shingle hashes; any run of
``SHINGLE + WINDOW - 1`` words that two texts share yields one common fingerprint.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

SHINGLE = 5  # words per shingle: long enough that shared 5-grams mean shared text
PERMS = 128  # bins of the one-permutation MinHash (a power of two: the top 7 bits choose)
BANDS, ROWS = 32, 4  # 32 * 4 = 128; see the module docstring for the S-curve
WINDOW = 4  # winnowing window: shared runs of >= 8 words are always found

_BIN_BITS = PERMS.bit_length() - 1
_EMPTY = np.uint64(2**64 - 1)
# Odd 64-bit constants (from splitmix64 and the golden ratio) to weight shingle words and band rows.
_MULTS = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93, 0xA0761D6478BD642F],
    dtype=np.uint64,
)
_ROTATE = np.uint64(0x9E3779B1)  # added per step of densification, so a borrowed value differs from its donor

# Punctuation that is not ASCII would otherwise glue words together (bytes >= 0x80 are
# word bytes, so that letters of every script are); turn it into spaces first.
_PUNCT = str.maketrans({c: " " for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00ab\u00bb\u2022"})


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit reaches every output bit."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


_LOW_BYTES = np.uint64(0xFFFFFFFFFFFFFFFF)


def _is_word_byte(data: np.ndarray) -> np.ndarray:
    """ASCII digits and lower-case letters (the text is case-folded) and every byte >= 0x80,
    so that letters of all scripts are word bytes. uint8 arithmetic wraps: one test per range."""
    return ((data - np.uint8(48)) < 10) | ((data - np.uint8(97)) < 26) | (data >= 128)


def _bytes(text: str) -> np.ndarray:
    return np.frombuffer(text.translate(_PUNCT).casefold().encode("utf-8"), dtype=np.uint8)


def word_hashes(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hash of each word of ``text``, with the byte offsets where the words start and end.

    Offsets count bytes of the case-folded UTF-8 text (``relate`` tokenises again where
    it needs character spans).
    """
    return _hash_words(_bytes(text))


def _hash_words(data: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each word read as 8-byte little-endian chunks, folded with a multiply and mixed.

    Per word, not per byte: the first 8 bytes of every word are gathered at once; the
    few words longer than 8 bytes take one more step per further 8 bytes.
    """
    if data.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return np.zeros(0, dtype=np.uint64), empty, empty
    word = _is_word_byte(data)
    edges = np.flatnonzero(word[1:] != word[:-1]) + 1
    edges = np.concatenate(([0] if word[0] else [], edges, [data.size] if word[-1] else [])).astype(np.int64)
    starts, ends = edges[0::2], edges[1::2]  # edges alternate: a word starts, then ends
    padded = np.concatenate((data, np.zeros(8, dtype=np.uint8)))
    windows = np.lib.stride_tricks.as_strided(padded, shape=(data.size, 8), strides=(1, 1), writeable=False)
    length = ends - starts
    hashes = (length.astype(np.uint64) + np.uint64(1)) * _MULTS[4]
    todo = np.arange(starts.size)
    offset = 0
    while todo.size:
        rest = length[todo] - offset
        chunk = np.ascontiguousarray(windows[starts[todo] + offset]).view(np.uint64).ravel()
        bits = np.minimum(rest, 8).astype(np.uint64) * np.uint64(8)  # this word's bytes in the chunk
        mask = np.where(bits == 64, _LOW_BYTES, (np.uint64(1) << (bits & np.uint64(63))) - np.uint64(1))
        hashes[todo] = _mix(hashes[todo] * _MULTS[0] + (chunk & mask))
        todo = todo[rest > 8]
        offset += 8
    return hashes, starts, ends


def shingle_hashes(words: np.ndarray) -> np.ndarray:
    """One mixed 64-bit hash per run of ``SHINGLE`` words (one for a shorter text)."""
    k = min(SHINGLE, words.size)
    if k == 0:
        return np.zeros(0, dtype=np.uint64)
    n = words.size - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(k):
        acc = acc + words[i : i + n] * _MULTS[i]
    return _mix(acc)


def shingles(text: str) -> np.ndarray:
    """The sorted set of a text's shingle hashes (for the exact Jaccard)."""
    return np.unique(shingle_hashes(word_hashes(text)[0]))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if a.size == 0 or b.size == 0:
        return 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller set that the other contains: 1.0 for a trimmed copy."""
    if a.size == 0 or b.size == 0:
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / min(a.size, b.size)


def signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """One-permutation MinHash signatures of shingle sets, shape (len(sets), PERMS).

    The row of an empty set is all ``_EMPTY``.
    """
    sizes = np.fromiter((s.size for s in sets), dtype=np.int64, count=len(sets))
    hashes = np.concatenate(sets) if sizes.sum() else np.zeros(0, dtype=np.uint64)
    return _signatures(hashes, np.repeat(np.arange(len(sets), dtype=np.uint64), sizes), len(sets))


def text_signatures(texts: Sequence[str]) -> np.ndarray:
    """Signatures of many texts at once: one pass of word and shingle hashing for all.

    The texts are joined with NUL bytes, which count the text a word belongs to; a
    shingle that straddles two texts is dropped.
    """
    data = _bytes("\x00".join(texts))
    words, starts, _ = _hash_words(data)
    doc = np.searchsorted(np.flatnonzero(data == 0), starts).astype(np.uint64)
    k = SHINGLE
    hashes = shingle_hashes(words) if words.size >= k else np.zeros(0, dtype=np.uint64)
    keep = doc[: hashes.size] == doc[k - 1 :]
    sig = _signatures(hashes[keep], doc[: hashes.size][keep], len(texts))
    # A text shorter than one shingle is one shorter shingle, as in ``shingles``.
    counts = np.bincount(doc.astype(np.int64), minlength=len(texts))
    for i in np.flatnonzero((counts > 0) & (counts < k)):
        sig[i] = signatures([shingles(texts[i])])[0]
    return sig


def _signatures(hashes: np.ndarray, doc: np.ndarray, n: int) -> np.ndarray:
    sig = np.full((n, PERMS), _EMPTY, dtype=np.uint64)
    cell = doc * np.uint64(PERMS) + (hashes >> np.uint64(64 - _BIN_BITS))
    # Sort by (cell, value) at once: the first entry of each cell is its minimum.
    keyed = (cell << np.uint64(32)) | (hashes & np.uint64(0xFFFFFFFF))
    keyed.sort()
    top = keyed >> np.uint64(32)
    first = np.flatnonzero(np.concatenate(([True], top[1:] != top[:-1])))
    sig.reshape(-1)[top[first].astype(np.int64)] = keyed[first] & np.uint64(0xFFFFFFFF)
    return _densify(sig)


def _densify(sig: np.ndarray) -> np.ndarray:
    """Fill each empty bin from the next filled one to its right (circularly)."""
    empty = sig == _EMPTY
    rows = np.flatnonzero(empty.any(axis=1) & ~empty.all(axis=1))
    if rows.size == 0:
        return sig
    part = sig[rows]
    pos = np.where(empty[rows], 2 * PERMS, np.arange(PERMS))
    doubled = np.concatenate((pos, pos + PERMS), axis=1)
    nxt = np.minimum.accumulate(doubled[:, ::-1], axis=1)[:, ::-1][:, :PERMS]  # next filled index
    steps = (nxt - np.arange(PERMS)).astype(np.uint64)
    donor = np.take_along_axis(part, nxt % PERMS, axis=1)
    sig[rows] = np.where(empty[rows], donor + steps * _ROTATE, part)
    return sig


def band_keys(sig: np.ndarray) -> np.ndarray:
    """(n, BANDS) 64-bit keys; key i of two texts is equal when their band i agrees."""
    bands = sig.reshape(sig.shape[0], BANDS, ROWS)
    acc = np.arange(BANDS, dtype=np.uint64) * _MULTS[ROWS]  # the band's number is part of its key
    for r in range(ROWS):
        acc = acc + bands[:, :, r] * _MULTS[r]
    return _mix(acc)


def winnow(hashes: np.ndarray) -> np.ndarray:
    """The sorted, unique minima of every window of ``WINDOW`` shingle hashes."""
    if hashes.size <= WINDOW:
        return np.unique(hashes)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, WINDOW)
    return np.unique(windows.min(axis=1))


class LSHIndex:
    """An in-memory banded index: sorted key and id arrays, merged batch by batch.

    Memory per document is ``BANDS`` * (8-byte key + 4-byte id) = 384 bytes. The store
    keeps the same keys in a table (``relate.py``); this class serves the bench and any
    caller that wants the index without a database.
    """

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.uint64)
        self.ids = np.zeros(0, dtype=np.uint32)

    @property
    def nbytes(self) -> int:
        return self.keys.nbytes + self.ids.nbytes

    def query_insert(self, keys: np.ndarray, ids: np.ndarray) -> list[tuple[int, int]]:
        """Candidate pairs (earlier id, new id) for a batch, then add the batch.

        ``keys``: (n, BANDS) from ``band_keys``; ``ids``: (n,) increasing ids, all new.
        """
        flat = keys.reshape(-1)
        owner = np.repeat(ids.astype(np.uint32), keys.shape[1])
        pairs = self._against_index(flat, owner)
        order = np.argsort(flat, kind="stable")
        flat, owner = flat[order], owner[order]
        pairs |= _within(flat, owner)
        self._merge(flat, owner)
        return sorted(pairs)

    def _against_index(self, flat: np.ndarray, owner: np.ndarray) -> set[tuple[int, int]]:
        lo = np.searchsorted(self.keys, flat, side="left")
        hi = np.searchsorted(self.keys, flat, side="right")
        hit = np.flatnonzero(hi > lo)
        pairs = set()
        for i in hit:
            for j in self.ids[lo[i] : hi[i]]:
                pairs.add((int(j), int(owner[i])))
        return pairs

    def _merge(self, flat: np.ndarray, owner: np.ndarray) -> None:
        at = np.searchsorted(self.keys, flat)
        self.keys = np.insert(self.keys, at, flat)
        self.ids = np.insert(self.ids, at, owner)

    def remove(self, doc_id: int) -> None:
        keep = self.ids != doc_id
        self.keys, self.ids = self.keys[keep], self.ids[keep]


def _within(flat: np.ndarray, owner: np.ndarray) -> set[tuple[int, int]]:
    """Pairs inside one batch that share a key (``flat`` sorted): every pair of each run of equal keys."""
    starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
    ends = np.concatenate((starts[1:], [flat.size]))
    pairs = set()
    for s, e in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
        group = sorted({int(x) for x in owner[s:e]})
        pairs.update((a, b) for i, a in enumerate(group) for b in group[i + 1 :])
    return pairs
