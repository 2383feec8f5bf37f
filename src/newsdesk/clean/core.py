"""Document -> Article: normalise the text, extract HTML, compute the content id."""

from __future__ import annotations

import re

import ftfy

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


def _from_html(doc: Document) -> tuple[str, dict]:
    import trafilatura

    result = trafilatura.bare_extraction(
        doc.content, url=doc.url, favor_precision=True, include_comments=False, with_metadata=True
    )
    if result is None or not (result.text or "").strip():
        raise EmptyInput(doc.origin, "no main text found in the HTML page")
    meta = {
        "title": result.title,
        "published": result.date,
        "source": result.sitename,
        "url": result.url,
        "language": result.language,
    }
    return result.text, {k: v for k, v in meta.items() if v}


def clean_document(doc: Document) -> Article:
    """Clean one document; raises an InputError subclass naming the document if unusable."""
    meta: dict = {}
    raw = doc.content
    if doc.content_type == "html":
        raw, meta = _from_html(doc)
    text = normalize_text(raw)
    if not text:
        raise EmptyInput(doc.origin, "no text left after cleaning")
    return Article(
        id=article_id(text),
        text=text,
        title=doc.title or meta.get("title"),
        url=doc.url or meta.get("url"),
        source=doc.source or meta.get("source"),
        published=doc.published or meta.get("published"),
        language=meta.get("language"),
        origin=doc.origin,
    )
