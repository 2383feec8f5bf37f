"""HTML to main text and metadata with trafilatura, configured for precision.

trafilatura in precision mode measured F1 0.964 on the ScrapingHub benchmark (181 pages;
see ``python -m evals extraction``); comments are left out. Its date comes from htmldate,
which trafilatura calls.

A comparer covers precision mode's one failure: on some layouts it keeps only a caption
or a teaser. When its text is under ``SHORT_WORDS`` words and recall mode finds at least
``FALLBACK_RATIO`` times as much and no less than ``SHORT_WORDS``, recall mode's text is
used (a page of navigation links alone stays a page without main text). Only short results pay for
the second run, so the speed is that of precision mode.

A joiner covers a second: trafilatura reads the first container that looks like an article
body and stops there, but some publishers cut one article into several containers of one
class, set side by side between ads (Wired's ``article__body`` chunks: the benchmark's two
Wired pages lost half their text, recall 0.45 and 0.35). Where the container that holds
the extracted text has siblings or cousins of the same tag and class, each with paragraphs,
they are joined into it and the page is read once more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsdesk.errors import EmptyInput
from newsdesk.model import Document

# 50 words: shorter than nearly any news article body (wire briefs run 80+ words), longer
# than the captions and teasers that precision mode sometimes returns instead of one.
SHORT_WORDS = 50
# Recall mode must find clearly more, not a few extra lines of navigation.
FALLBACK_RATIO = 3
# A chunk of an article body holds paragraphs; a lone <p> is a caption, a bio or a widget.
CHUNK_PARAGRAPHS = 2
# Words of a body container's class (lower case) that trafilatura's own body paths look for;
# a class with "comment" in it is the readers' part, never the article's.
_BODY_CLASS = re.compile(r"body|content|article|story|entry|text")
_SPACE = re.compile(r"\s+")
# A pop-up card inside a paragraph: a block with a picture and links (see _drop_cards).
_CARD = "*[self::span or self::div][.//img][count(.//a) >= 2]"
# A span in a paragraph whose only content is one link (see _mend_paragraphs).
_LINK_WRAPPER = (
    "//p//span[count(*) = 1][a][not(normalize-space(text()))][not(normalize-space(a/following-sibling::text()))]"
)


def extract_html(doc: Document) -> tuple[str, dict]:
    """(main text, metadata) of an HTML document; EmptyInput if there is no main text."""
    import trafilatura

    try:
        # One parse for both readings: bare_extraction works on a copy of a tree it is given.
        tree = trafilatura.load_html(doc.content)
        if tree is not None:
            _mend_paragraphs(tree)
        result = _precise(doc, doc.content if tree is None else tree)
        text = (result.text if result is not None else "") or ""
        if tree is not None and text and _join_chunks(tree, text):
            result = _precise(doc, tree) or result
            text = result.text or text
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise EmptyInput(doc.origin, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if len(text.split()) < SHORT_WORDS:
        text = _recall_fallback(doc, text)
    if not text.strip():
        raise EmptyInput(doc.origin, "no main text found in the HTML page")
    if result is None:
        return text, {}
    meta = {
        "title": result.title,
        "published": result.date,
        "source": result.sitename,
        "url": result.url,
        "language": result.language,
        "author": result.author,
    }
    return text, {k: v for k, v in meta.items() if v}


def _precise(doc: Document, content):
    import trafilatura

    return trafilatura.bare_extraction(
        content, url=doc.url, favor_precision=True, include_comments=False, with_metadata=True
    )


def _mend_paragraphs(tree) -> None:
    """Make a paragraph's running text what trafilatura reads, neither more nor less.

    - A name in a paragraph may carry a pop-up card that shows on hover: its picture and
      links to other articles (The Hill's "rollover" cards). trafilatura reads the card as
      words of the sentence ("Rep. Ilhan OmarIlhan OmarHillicon Valley: …"), which then
      reach the parser. The innermost block with a picture and two or more links, inside a
      paragraph, is dropped (innermost: some pages wrap the whole sentence in a span too).
    - A span that only wraps a link is unwrapped: precision mode discards any element whose
      class is "link", and with it the link's words ("has reported that <span class="link">
      <a>the NFL will fine Rudolph</a></span> for his role" lost its object). The span adds
      no words of its own, so nothing is lost by taking it away.
    """
    for card in tree.xpath(f"//p//{_CARD}[not(.//{_CARD})]"):
        card.drop_tree()  # keeps the text after the card (its tail)
    for span in tree.xpath(_LINK_WRAPPER):
        span.drop_tag()  # keeps its link, and the text after it


def _join_chunks(tree, text: str) -> bool:
    """Join into the body container that holds ``text``'s opening the chunks set beside it."""
    opening = _SPACE.sub(" ", text.split("\n", 1)[0]).strip()[:60]
    for chunks in _chunk_groups(tree):
        first, rest = chunks[0], chunks[1:]
        if opening not in _SPACE.sub(" ", first.text_content()):
            continue
        for chunk in rest:
            if chunk.text and chunk.text.strip():  # words before the chunk's first element
                last = first[-1] if len(first) else None
                if last is None:
                    first.text = (first.text or "") + chunk.text
                else:
                    last.tail = (last.tail or "") + chunk.text
            first.extend(list(chunk))
            chunk.getparent().remove(chunk)
        return True
    return False


def _chunk_groups(tree) -> Iterator[list]:
    """Containers of one tag and body-like class, in page order, that sit side by side."""
    groups: dict[tuple[str, str], list] = {}
    for el in tree.iter("div", "section", "article"):
        cls = (el.get("class") or "").strip()
        low = cls.lower()
        if cls and "comment" not in low and _BODY_CLASS.search(low) and len(el.findall("p")) >= CHUNK_PARAGRAPHS:
            groups.setdefault((el.tag, cls), []).append(el)
    for found in groups.values():
        outer = [el for el in found if not any(other in found for other in el.iterancestors())]
        near = [el for el in outer[1:] if _beside(el, outer[0])]
        if near:
            yield [outer[0], *near]


def _beside(el, first) -> bool:
    """Siblings, or cousins (each chunk in a wrapper of its own, as Wired sets them)."""
    parent, first_parent = el.getparent(), first.getparent()
    return parent is first_parent or (
        parent is not None and first_parent is not None and parent.getparent() is first_parent.getparent()
    )


def _recall_fallback(doc: Document, short: str) -> str:
    import trafilatura

    try:
        more = trafilatura.extract(doc.content, url=doc.url, favor_recall=True, include_comments=False) or ""
    except Exception:  # as above: broken markup; keep what precision mode found
        return short
    words = len(more.split())
    return more if words >= SHORT_WORDS and words >= FALLBACK_RATIO * len(short.split()) else short
