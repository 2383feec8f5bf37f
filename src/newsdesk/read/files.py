"""Paths, folders, globs and stdin to Documents, dispatching on the input kind.

The kind is read from the content, not the name: gzip (then looked at again), WARC, an
RSS/Atom feed, JSON (one article or a list; or any file named .json), JSON Lines, HTML,
else plain text.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsdesk.errors import InputError
from newsdesk.model import Document
from newsdesk.read.decode import decode_bytes
from newsdesk.read.feeds import looks_like_feed, read_feed
from newsdesk.read.fetch import Fetcher, is_url
from newsdesk.read.jsonl import looks_like_json, read_json, read_jsonl
from newsdesk.read.warc import looks_like_warc, read_warc

Item = Document | InputError

# Files larger than this are refused rather than read whole into memory. News articles
# are rarely over 1 MB of HTML; WARC files are streamed by their own reader.
MAX_FILE_BYTES = 50 * 1024 * 1024

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
_GZIP_MAGIC = b"\x1f\x8b"
# "Trust <meta charset> before guessing": the declaration sits in the first kilobytes.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset=[\"']?([\w.:-]+)", re.I)


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Each file named, found under a folder (recursively, sorted) or matched by a glob."""
    for p in paths:
        if p == "-" or is_url(p):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found = [f for f in sorted(path.rglob("*")) if f.is_file() and f.name not in _SKIP_NAMES
                     and not f.name.startswith(".")]
            if not found:
                yield InputError(p, "the folder holds no files to ingest")
            yield from map(str, found)
        elif path.is_file() or path.is_fifo() or path.is_char_device():
            yield p  # a pipe or a device reads as a file: `newsdesk ingest <(zcat dump.jsonl.gz)`
        elif glob.has_magic(p):
            matches = sorted(m for m in glob.glob(p, recursive=True) if os.path.isfile(m))
            if not matches:
                yield InputError(p, "no file matches this pattern")
            yield from matches
        else:
            yield InputError(p, "no such file or folder")


def _is_jsonl(name: str, text: str) -> bool:
    if name.endswith((".jsonl", ".ndjson")):
        return True
    first = text.lstrip()[:1]
    return first == "{" and text.lstrip().split("\n", 1)[0].rstrip().endswith("}")


def _json_kind(name: str, text: str) -> str | None:
    """"jsonl", "json" (one value: an article or a list) or None. A file named .json that
    holds JSON Lines is read as JSON Lines, a common mix-up of the two."""
    if _is_jsonl(name, text) and not (name.endswith(".json") and looks_like_json(text)):
        return "jsonl"
    if name.endswith(".json") or looks_like_json(text):
        return "json"
    return None


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def gunzip(data: bytes, origin: str) -> bytes:
    """Decompress every member (``cat a.gz b.gz`` is one valid gzip file, as are the files
    of parallel compressors), refusing truncated streams and outputs over the size limit."""
    out = bytearray()
    rest = data
    while True:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            # never 0 (zlib reads 0 as "no limit"): len(out) <= MAX_FILE_BYTES here
            out += inflater.decompress(rest, MAX_FILE_BYTES + 1 - len(out))
        except zlib.error as exc:
            raise InputError(origin, f"corrupt gzip data ({exc})") from exc
        if len(out) > MAX_FILE_BYTES:
            raise InputError(origin, f"gzip expands to over {MAX_FILE_BYTES // 2**20} MB")
        if not inflater.eof:
            raise InputError(origin, "truncated gzip data (the file ends before the stream does)")
        rest = inflater.unused_data
        if not rest.strip(b"\0"):  # zero padding after the last member is allowed (as gzip(1) does)
            return bytes(out)
        if not rest.startswith(_GZIP_MAGIC):
            raise InputError(origin, "corrupt gzip data (bytes after the last member are not gzip)")


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_text(data: bytes, origin: str) -> Iterator[Item]:
    """One file's bytes (already read) to its Documents."""
    if data.startswith(_GZIP_MAGIC):
        try:
            data = gunzip(data, origin)
        except InputError as err:
            yield err
            return
    if looks_like_warc(data):
        yield from read_warc(io.BytesIO(data), origin)
        return
    if looks_like_feed(data):
        yield from read_feed(data, origin)
        return
    try:
        text = decode_bytes(data, origin, declared=_declared_charset(data))
    except InputError as err:
        yield err
        return
    if not text.strip():
        yield InputError(origin, "empty input: no text to ingest")
    elif (kind := _json_kind(origin, text)) == "jsonl":
        yield from read_jsonl(text, origin)
    elif kind == "json":
        yield from read_json(text, origin)
    elif _looks_html(text):
        yield Document(origin=origin, content=text, content_type="html")
    else:
        yield Document(origin=origin, content=text)


def _is_warc_file(path: str) -> bool:
    """WARC files are streamed from disk (they are often gigabytes); fastwarc reads .gz itself."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
        if head.startswith(_GZIP_MAGIC):
            with gzip.open(path, "rb") as f:
                head = f.read(8)
    except (OSError, EOFError, zlib.error):
        return False
    return looks_like_warc(head)


def _read_file(p: str) -> Iterator[Item]:
    if not os.path.isfile(p):  # a pipe or a device: it can be read once, as stdin is
        with open(p, "rb") as stream:
            yield from _read_stream(stream, p)
        return
    if _is_warc_file(p):
        with open(p, "rb") as stream:
            yield from read_warc(stream, p)
        return
    size = os.path.getsize(p)
    if size > MAX_FILE_BYTES:
        yield InputError(p, f"file is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit")
        return
    yield from read_text(Path(p).read_bytes(), p)


def read_inputs(paths: Iterable[str], *, stdin=None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Documents and InputErrors for each path, folder, glob, URL or ``-`` (stdin)."""
    fetcher = fetcher or Fetcher()
    try:
        for p in expand_paths(paths):
            if isinstance(p, InputError):
                yield p
            elif is_url(p):
                yield from fetcher.items(p)
            elif p == "-":
                yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer, "<stdin>")
            else:
                try:
                    yield from _read_file(p)
                except OSError as exc:
                    yield InputError(p, f"cannot read: {exc.strerror or exc}")
                except RecursionError:  # a parser's recursion on hostile nesting: this file only
                    yield InputError(p, "nested too deep to read")
    finally:
        fetcher.close()


def _read_stream(stream, origin: str) -> Iterator[Item]:
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        yield InputError(origin, f"over the {MAX_FILE_BYTES // 2**20} MB limit")
    else:
        yield from read_text(data, origin)
