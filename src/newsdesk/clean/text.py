"""Plain text to the article a reader sees: boilerplate out, head read as metadata.

No tool cleans pasted plain text (trafilatura and its peers need markup), so this is
line-based and driven by ``lexicon.py``:

1. boilerplate lines (comment forms, share bars, newsletter boxes, cookie notices, "Read
   also" links, tags) are dropped, each recorded as a ``Removal``;
2. the head is read: an outline of headings at the top, a headline line (whatever its
   case), a byline and a dateline become metadata and leave the text (recorded as
   removals too); a standfirst after the headline is noted and *stays* in the text, since
   it is the article's own first paragraph;
3. sentences printed twice are flagged (see ``repeats.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.clean import lexicon as lx
from newsdesk.clean.repeats import repeated_sentences
from newsdesk.model import Flag, Removal

# Every phrase on its own, bounded by non-word characters, so that at each place in a
# line the longest phrase of any kind can win ("Print this page" is navigation, not the
# share button "Print this" followed by a stray word).
_PHRASES = [
    (kind, re.compile(f"(?<!\\w)(?:{p})(?!\\w)", re.I)) for kind, phrases in lx.BOILERPLATE.items() for p in phrases
]
_SEPARATORS = re.compile(lx.SEPARATORS)
_DATELINE_NOT_PLACES = {"UPDATE", "UPDATED", "BREAKING", "WATCH", "EXCLUSIVE", "LIVE", "NOTE", "EDITOR", "PHOTOS"}
_BLANKS = re.compile(r"\n{3,}")


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None
    outline: tuple[str, ...] = ()
    removed: list[Removal] = field(default_factory=list)
    flags: tuple[Flag, ...] = ()


def _longest_phrase(line: str, pos: int) -> tuple[str, int] | None:
    best = None
    for kind, rx in _PHRASES:
        m = rx.match(line, pos)
        if m and m.end() > pos and (best is None or m.end() > best[1]):
            best = (kind, m.end())
    return best


def boilerplate_kind(line: str) -> str | None:
    """The kind of boilerplate ``line`` is made of, or None if it has any other words.

    The line is read left to right as phrases and separators; the first word that starts
    no phrase makes it body text. The kind is the one covering most characters.
    """
    covered: dict[str, int] = {}
    pos = _SEPARATORS.match(line).end()
    while pos < len(line):
        found = _longest_phrase(line, pos)
        if found is None:
            return None
        kind, end = found
        covered[kind] = covered.get(kind, 0) + end - pos
        pos = _SEPARATORS.match(line, end).end()
    return max(covered, key=covered.get) if covered else None


def _drop_boilerplate(lines: list[str], removed: list[Removal]) -> list[str]:
    kept = []
    links = False  # inside a block of links under a "Read more" / "Don't miss" heading
    for line in lines:
        # "Posted on <date> by <name>" is a byline (metadata), read with the head.
        kind = None if lx.BYLINE.fullmatch(line.strip()) else boilerplate_kind(line)
        # The headlines listed right under such a heading are links, not the article's
        # subheadings: the block ends at a blank line or at a line that reads as a sentence.
        links = kind == "related_link" or (links and kind is None and _is_heading(line))
        kind = kind or ("related_link" if links else None)
        if kind:
            removed.append(Removal(kind, line.strip()))
        elif _SEPARATORS.fullmatch(line) and line.strip():
            continue  # a "* * *" or "---" rule between boilerplate and body
        else:
            kept.append(line)
    return kept


def _words(text: str) -> int:
    return len(text.split())


def _is_heading(line: str) -> bool:
    return 0 < _words(line) <= lx.HEADLINE_MAX_WORDS and not lx.SENTENCE_END.search(line)


def _next_nonblank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _take_outline(lines: list[str], i: int, out: Cleaned) -> int:
    """An outline: two or more bullet headings at ``i`` (maybe after a "Contents" line)."""
    j = i + 1 if i < len(lines) and lx.OUTLINE_TITLE.fullmatch(lines[i]) else i
    headings = []
    while j < len(lines) and (m := lx.BULLET.fullmatch(lines[j])) and _is_heading(m["heading"]):
        headings.append(m["heading"].strip())
        j += 1
    if len(headings) < 2:
        return i
    out.outline = tuple(headings)
    out.removed.append(Removal("outline", "\n".join(lines[i:j]).strip()))
    return _next_nonblank(lines, j)


def _take_headline(lines: list[str], i: int, out: Cleaned, title: str | None) -> tuple[int, bool]:
    raw = lines[i].strip() if i < len(lines) else ""
    line = m["heading"] if (m := lx.MARKDOWN_HEADING.fullmatch(raw)) else raw
    more = _next_nonblank(lines, i + 1) < len(lines)
    if title is not None:
        found = bool(line) and line.casefold() == title.strip().casefold()
    else:
        found = more and _words(line) >= 2 and _is_heading(line) and not lx.BULLET.fullmatch(line)
    if not found:
        return i, False
    out.title = out.title or line
    out.removed.append(Removal("headline", raw))
    return _next_nonblank(lines, i + 1), True


def _take_byline(lines: list[str], i: int, out: Cleaned) -> int:
    """A byline line among the first few lines; removed wherever it is among them."""
    for j in range(i, min(len(lines), i + lx.HEAD_LINES)):
        m = lx.BYLINE.fullmatch(lines[j].strip())
        if m:
            out.byline = m["who"]
            out.removed.append(Removal("byline", lines[j].strip()))
            del lines[j]
            return _next_nonblank(lines, i)
    return i


def _paragraph_end(lines: list[str], i: int) -> int:
    j = i
    while j < len(lines) and lines[j].strip():
        j += 1
    return j


def _note_standfirst(lines: list[str], i: int, out: Cleaned) -> None:
    """The paragraph after a headline, if short and followed by more body, is a standfirst."""
    end = _paragraph_end(lines, i)
    para = " ".join(line.strip() for line in lines[i:end])
    if para and _words(para) <= lx.STANDFIRST_MAX_WORDS and _next_nonblank(lines, end) < len(lines):
        out.standfirst = para


def _take_dateline(lines: list[str], i: int, out: Cleaned) -> None:
    if i >= len(lines):
        return
    m = lx.DATELINE.match(lines[i])
    if not m or m["place"].strip(".'’-") in _DATELINE_NOT_PLACES or not lines[i][m.end() :].strip():
        return
    out.dateline = m["place"] + (f" ({m['agency']})" if m["agency"] else "")
    out.removed.append(Removal("dateline", lines[i][: m.end()].strip()))
    lines[i] = lines[i][m.end() :]


def clean_plain(text: str, *, title: str | None = None) -> Cleaned:
    """Clean normalised plain text. ``title``: a headline already known (from HTML metadata
    or a feed), removed from the top if repeated there; else a headline line is looked for.
    """
    out = Cleaned(text="", title=title)
    lines = _drop_boilerplate(text.split("\n"), out.removed)
    i = _take_outline(lines, _next_nonblank(lines, 0), out)
    i, has_headline = _take_headline(lines, i, out, title)
    if not out.outline:
        i = _take_outline(lines, i, out)
    i = _take_byline(lines, i, out)
    if has_headline:
        _note_standfirst(lines, i, out)
    _take_dateline(lines, i, out)
    out.text = _BLANKS.sub("\n\n", "\n".join(lines[i:])).strip()
    out.flags = repeated_sentences(out.text)
    return out
