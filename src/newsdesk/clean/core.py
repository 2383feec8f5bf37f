"""Document -> Article: normalise the text, extract HTML, clean, compute the content id."""

from __future__ import annotations

import re

import ftfy

from newsdesk.clean.html import extract_html
from newsdesk.clean.language import detect_language
from newsdesk.clean.published import published_from
from newsdesk.clean.text import clean_plain
from newsdesk.errors import EmptyInput
from newsdesk.model import Article, Document, article_id

_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANKS = re.compile(r"\n{3,}")
_INNER_SPACE = re.compile(r"[ \t\u00a0]{2,}")


def normalize_text(text: str) -> str:
    """Repair mojibake and normalise whitespace; keep quotes and dashes as printed.

    ``uncurl_quotes=False``: curly quotes are evidence (of style, of copying) and the
    quote stage matches both forms, so they stay as they are.
    """
    text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("\n", text)
    text = _INNER_SPACE.sub(" ", text)
    return _MANY_BLANKS.sub("\n\n", text).strip()


def clean_document(doc: Document) -> Article:
    """Clean one document; raises an InputError subclass naming the document if unusable."""
    meta: dict = {}
    raw = doc.content
    if doc.content_type == "html":
        raw, meta = extract_html(doc)
    title = doc.title or meta.get("title")
    cleaned = clean_plain(normalize_text(raw), title=title)
    if not cleaned.text:
        raise EmptyInput(doc.origin, "no text left after cleaning")
    return Article(
        id=article_id(cleaned.text),
        text=cleaned.text,
        title=cleaned.title,
        url=doc.url or meta.get("url"),
        source=doc.source or meta.get("source"),
        published=doc.published or meta.get("published") or published_from(cleaned.removed),
        language=detect_language(cleaned.text) or meta.get("language"),
        origin=doc.origin,
        outline=cleaned.outline,
        standfirst=cleaned.standfirst,
        byline=cleaned.byline or meta.get("author"),
        dateline=cleaned.dateline,
        removed=tuple(cleaned.removed),
        flags=cleaned.flags,
    )
