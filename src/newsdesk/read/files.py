"""Paths, folders, globs and stdin to Documents, dispatching on the input kind."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsdesk.errors import InputError
from newsdesk.model import Document
from newsdesk.read.decode import decode_bytes
from newsdesk.read.jsonl import read_jsonl

Item = Document | InputError

# Files larger than this are refused rather than read whole into memory. News articles
# are rarely over 1 MB of HTML; WARC files are streamed by their own reader.
MAX_FILE_BYTES = 50 * 1024 * 1024

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Each file named, found under a folder (recursively, sorted) or matched by a glob."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.name not in _SKIP_NAMES and not f.name.startswith("."):
                    yield str(f)
        elif path.is_file():
            yield p
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


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def read_text(data: bytes, origin: str) -> Iterator[Item]:
    """One file's bytes (already read) to its Documents."""
    try:
        text = decode_bytes(data, origin)
    except InputError as err:
        yield err
        return
    if not text.strip():
        yield InputError(origin, "empty input: no text to ingest")
    elif _is_jsonl(origin, text):
        yield from read_jsonl(text, origin)
    elif _looks_html(text):
        yield Document(origin=origin, content=text, content_type="html")
    else:
        yield Document(origin=origin, content=text)


def read_inputs(paths: Iterable[str], *, stdin=None) -> Iterator[Item]:
    for p in expand_paths(paths):
        if isinstance(p, InputError):
            yield p
            continue
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_text(stream.read(), "<stdin>")
            continue
        try:
            size = os.path.getsize(p)
            if size > MAX_FILE_BYTES:
                yield InputError(p, f"file is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit")
                continue
            data = Path(p).read_bytes()
        except OSError as exc:
            yield InputError(p, f"cannot read: {exc.strerror or exc}")
            continue
        yield from read_text(data, p)
