"""Quote marks in raw text: where quoted stretches are and how they stand.

Quotes are found by scanning quote marks paragraph by paragraph (straight, curly,
guillemets, low-9, and the doubled apostrophes of some newswire archives; single marks
apart, told from apostrophes: ``_SINGLE``), so an
unbalanced mark ends the quote at its paragraph's end instead of raising (textacy's
``direct_quotations`` raises on 22 of PolNeAR's 84 dev articles). A paragraph that ends
inside a quote while the next paragraph reopens one is the newspaper convention for a
quote that goes on.

Besides the scan, the checks made on the text alone (no parse): whether a quote stands
as its own utterance or sits inside a clause (``quote_kind``), whether it is a title rather
than words said (``is_title``), and whether it goes on from the quote before
(``goes_on``). The speakers come from ``facts.quotes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Quote marks. Straight marks and doubled apostrophes open after a space or a bracket and
# close elsewhere; curly marks and guillemets say which they are.
_MARK = re.compile(r"''|``|[\"“”„«»]")
_OPENERS = frozenset({"“", "„", "«", "``"})
_CLOSERS = frozenset({"”", "»"})


# Single quote marks, straight and curly: news in British style quotes with them ('We will
# stay,' she said), but the straight mark and the curly closing one are apostrophes as often
# ("it's", "the rebels' base", "the '90s", "'em"). So a single mark opens only after a
# space, a bracket or a dash and before a letter that starts no elision, and closes only
# after a non-space and before no letter or digit, and not as a plural's possessive (after
# an "s", before a word: "rebels' base"). Only pairs within a paragraph count, outside the
# double-quoted stretches (whose single marks are quotes within a quote, part of it).
_SINGLE = re.compile(r"['‘’]")
_ELISIONS = frozenset({"em", "til", "tis", "twas", "n", "cause", "bout", "cos", "round"})


def _single_opens(para: str, i: int) -> bool:
    before = para[i - 1] if i > 0 else " "
    word = re.match(r"[^\W\d_]+", para[i + 1 :])
    return para[i] != "’" and (before.isspace() or before in "([{—–-/") and word is not None and (
        word.group().lower() not in _ELISIONS)


def _single_closes(para: str, i: int) -> bool:
    before, after = para[i - 1] if i > 0 else " ", para[i + 1 : i + 2]
    if para[i] == "‘" or before.isspace() or (after and after.isalnum()):
        return False
    possessive = before in "sS" and after.isspace() and para[i + 1 :].lstrip()[:1].isalnum()
    return not possessive


def _single_quoted(para: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Inner spans of the stretches of ``para`` in single quote marks (``_SINGLE``), outside
    the ``taken`` (double-quoted) spans, each opened and closed within the paragraph."""
    out, start = [], None
    for m in _SINGLE.finditer(para):
        i = m.start()
        if any(s - 1 <= i <= e for s, e in taken):
            continue
        if start is None and _single_opens(para, i):
            start = i + 1
        elif start is not None and _single_closes(para, i):
            out.append((start, i))
            start = None
    return out


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """Inner span of a quoted stretch, and whether it goes on into the next paragraph."""

    start: int
    end: int
    continues: bool = False
    continued: bool = False  # this piece reopens a quote from the paragraph before
    single: bool = False  # in single marks ('...'), told from apostrophes (``_SINGLE``)


def _is_opening(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + len(mark)] if i + len(mark) < len(text) else "\n"
    if mark in _OPENERS:
        # A misprinted opener that closes: '“It's unusual,“ said X' (after a word, before a space).
        return not (after.isspace() and before in ".,!?;:")
    if mark in _CLOSERS:
        return False
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def quote_marks(text: str) -> list[QuoteMarks]:
    """Every quoted stretch of ``text`` (inner spans). Never raises."""
    out: list[QuoteMarks] = []
    pos = 0
    paragraphs = text.split("\n")
    carried = False
    for n, para in enumerate(paragraphs):
        start, depth, opener = None, 0, ""
        for m in _MARK.finditer(para):
            opening = _is_opening(para, m.start(), m.group())
            if opening and depth and opener == "„" and m.group() == "“":
                opening = False  # „…“: the German pair closes on the mark English opens with
            if opening and depth == 0:
                start, depth, opener = m.end(), 1, m.group()
            elif opening:
                depth += 1 if m.group() in _OPENERS else 0
                if m.group() not in _OPENERS:  # a straight mark inside: it closes
                    depth = 0
            elif depth:
                depth -= 1
            if depth == 0 and start is not None:
                out.append(QuoteMarks(pos + start, pos + m.start(), continued=carried and not out_started(out, pos)))
                start = None
        doubled = [(q.start - pos, q.end - pos) for q in out if q.start >= pos]
        if start is not None:
            doubled.append((start, len(para)))
        out += [QuoteMarks(pos + a, pos + b, single=True) for a, b in _single_quoted(para, doubled)]
        if not para.strip():  # a blank line between paragraphs carries a quote across
            pos += len(para) + 1
            continue
        # The next paragraph, past the blank lines that set paragraphs apart.
        nxt = next((p.lstrip() for p in paragraphs[n + 1 :] if p.strip()), "")
        carried = False
        if start is not None:
            reopens = bool(_MARK.match(nxt)) and _is_opening(nxt, 0, _MARK.match(nxt).group())
            end = pos + len(para.rstrip())
            if end > pos + start:
                out.append(QuoteMarks(pos + start, end, continues=reopens, continued=False))
            carried = reopens
        pos += len(para) + 1
    return sorted((q for q in out if q.end > q.start), key=lambda q: q.start)


def out_started(out: list[QuoteMarks], para_start: int) -> bool:
    """True once a quote of the current paragraph (starting at ``para_start``) is recorded."""
    return any(q.start >= para_start for q in out)


def lead(text: str, start: int) -> str:
    """The text before a quote's opening mark, trailing space removed."""
    before = text[:start].rstrip(" \t")
    for mark in ("``", "''", "“", "„", "«", '"', "'", "‘"):
        if before.endswith(mark):
            return before[: -len(mark)].rstrip(" \t")
    return before


# Words a title leaves in lower case ("Tales From the Crypt", "Meet the Press").
_TITLE_SMALL = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "as"}
)


def is_title(words: str) -> bool:
    """A name in quote marks, not words said: two or more words, each capitalized but the
    small ones ("on CNN's “State of the Union”", "his book “An American Son”"); not a
    cry ("chanted “Lock Him Up!”")."""
    if "!" in words or "?" in words:
        return False
    found = re.findall(r"[^\W\d_][\w'’-]*", words)
    return len(found) > 1 and found[0][0].isupper() and all(w[0].isupper() or w in _TITLE_SMALL for w in found)


def quote_kind(text: str, quote: QuoteMarks) -> str:
    """direct if the quote stands as its own utterance, mixed if it sits inside a clause."""
    before = lead(text, quote.start)
    if not before or before[-1] in ".:,!?\n—–-(”»\"'" or quote.continued:
        return "direct"
    return "mixed"


def goes_on(text: str, prev: QuoteMarks, q: QuoteMarks, speaker: tuple[int, int]) -> bool:
    """The quote continues the one before (whose speaker stands at ``speaker``): reopened
    in the next paragraph, or next in line."""
    if prev.continues and q.continued:
        return True
    between = text[prev.end : q.start]
    gap = re.sub(r"[\"“”„«»'`\s]", "", between)
    # Only the previous quote's own frame ("…," said Mr. X.) lies between the two.
    if between.count("\n") <= 2 and len(gap) < 60 and _starts_line_or_sentence(text, q.start):
        return True
    return _own_frame_between(text, prev, q, speaker)


def _own_frame_between(text: str, prev: QuoteMarks, q: QuoteMarks, speaker: tuple[int, int]) -> bool:
    """'"…," said X, a former aide who <long description>. "…"': in one paragraph, the
    only sentence between the two quotes is the first one's frame, naming its speaker,
    however long the speaker's description runs."""
    s, e = speaker
    if not prev.end <= s < e <= q.start or "\n" in text[prev.end : q.start]:
        return False
    tail = text[e : q.start].rstrip(" \t\"“”„«»'`")
    return tail.endswith((".", "!", "?", ":")) and not any(_ends_sentence(m) for m in _STOP.finditer(tail))


# A full stop, question or exclamation mark before a space; ``_ends_sentence`` tells
# whether it ends a sentence or an abbreviation ("Mr. Clinton", "Steven H. Warren").
_STOP = re.compile(r"([\w.]*)([.!?])[\"”»'`]*\s")
# Titles and short forms that news copy writes with a full stop before a name or number.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "prof",
     "rev", "no", "vs", "inc", "co", "corp", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "mt", "ft"}
)


def _ends_sentence(stop: re.Match) -> bool:
    word = stop.group(1)
    if stop.group(2) != "." or not word:
        return True
    return not (word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()) or "." in word)


def _starts_line_or_sentence(text: str, start: int) -> bool:
    before = lead(text, start)
    return not before or before[-1] in ".!?\n”»\"'"
