"""Readers: turn what the user points at into ``Document`` items.

``read_inputs(["a.txt", "folder/", "*.jsonl", "crawl.warc.gz", "https://…/feed", "-"])``
yields, in order, a ``Document`` for each usable item and an ``InputError`` (as a value,
not raised) for each unusable one, so that one bad file, record, line or URL never stops
a batch. Each input kind has its own module:

    files.py   paths, folders, globs, stdin; the kind read from the content (gzip, WARC,
               feed, JSONL, HTML, text); size limits
    decode.py  bytes to text: declared charset, UTF-8, then charset-normalizer
    jsonl.py   one article per line (``text`` or ``html``)           origin: path:line
               a .json file: one article, or a list of them          origin: path#N
    published.py  a record's ``published`` date: ISO 8601 or RFC 2822, else an error
    warc.py    HTML response records of WARC / WARC.gz (fastwarc)    origin: path#recordN
    feeds.py   RSS / Atom entries (feedparser)                       origin: path#entryN
    fetch.py   URLs over HTTP (httpx): robots.txt, rate limit, retries, size cap
"""

from __future__ import annotations

from newsdesk.read.fetch import Fetcher
from newsdesk.read.files import Item, expand_paths, read_inputs

__all__ = ["Fetcher", "Item", "expand_paths", "read_inputs"]
