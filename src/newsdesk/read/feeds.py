"""RSS and Atom feeds with feedparser: one Document per entry.

An entry's article is its full content if the feed carries it, else its summary; with its
link, title and date. Feeds that declare XML entities are refused before parsing: news
feeds have no use for them, and they are how entity-expansion bombs ("billion laughs")
are built.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from newsdesk.errors import InputError
from newsdesk.model import Document

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lstrip()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and bool(_FEED_ROOT.search(head))


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one paragraph per block."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises ParserError and ValueError on junk
        return html
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    return root.text_content()


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def _entry_body(entry) -> str:
    parts = entry.get("content") or []
    if parts and parts[0].get("value"):
        value, kind = parts[0]["value"], parts[0].get("type", "")
    else:
        value, kind = entry.get("summary", ""), entry.get("summary_detail", {}).get("type", "text/html")
    return fragment_text(value) if "html" in kind else value


def read_feed(data: bytes, origin: str) -> Iterator[Document | InputError]:
    if _ENTITY_DECL.search(data):
        yield InputError(origin, "feed declares XML entities (refused: a possible entity-expansion bomb)")
        return
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"not a readable feed ({parsed.get('bozo_exception')})" if parsed.bozo else "feed has no entries"
        yield InputError(origin, reason)
        return
    source = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#entry{n}"
        body = _entry_body(entry)
        if not body.strip():
            broken = f" (the feed is not well-formed XML: {parsed.get('bozo_exception')})" if parsed.bozo else ""
            yield InputError(where, "feed entry has neither content nor summary" + broken)
            continue
        yield Document(
            origin=where,
            content=body,
            url=entry.get("link"),
            title=entry.get("title"),
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            source=source,
            external_id=entry.get("id"),
        )
