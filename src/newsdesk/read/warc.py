"""WARC and WARC.gz files with fastwarc: one Document per HTML response record.

Records are streamed, never the whole file read at once. A record that cannot be read
(truncated, a bad header) becomes an InputError naming the file and the record number;
fastwarc resynchronises on the next ``WARC/`` header, so the records after it still count.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsdesk.errors import InputError
from newsdesk.model import Document
from newsdesk.read.decode import decode_bytes

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)
_CONTENT_TYPE = re.compile(rb"^content-type:[ \t]*([^\r\n]*)", re.I | re.M)
_CHUNKED = re.compile(rb"^transfer-encoding:[ \t]*chunked", re.I | re.M)
_GZIPPED = re.compile(rb"^content-encoding:[ \t]*(?:x-)?gzip", re.I | re.M)
# One record's payload above this is not an article page (see files.MAX_FILE_BYTES).
MAX_RECORD_BYTES = 10 * 1024 * 1024


def looks_like_warc(data: bytes) -> bool:
    return data[:8].startswith(b"WARC/")


def _records(stream: BinaryIO):
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    # parse_http=False: the block is read whole, so a truncated record can be told from
    # a short one by its declared Content-Length (fastwarc itself returns it short).
    return ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=False)


def read_warc(stream: BinaryIO, origin: str) -> Iterator[Document | InputError]:
    n = found = 0
    try:
        for n, record in enumerate(_records(stream), start=1):
            item = _record_document(record, f"{origin}#record{n}")
            if item is not None:
                found += 1
                yield item
    except Exception as exc:  # fastwarc raises plain exceptions on corrupt streams
        yield InputError(f"{origin}#record{n + 1}", f"broken WARC record ({type(exc).__name__}: {exc})")
        return
    if not found:
        yield InputError(origin, "no readable HTML response record in this WARC file")


def _record_document(record, where: str) -> Document | InputError | None:
    declared = record.content_length
    if declared > MAX_RECORD_BYTES:
        return InputError(where, f"record over {MAX_RECORD_BYTES // 2**20} MB")
    block = record.reader.read()
    if len(block) < declared:
        return InputError(where, f"truncated WARC record: {len(block)} of {declared} bytes")
    head, _, body = block.partition(b"\r\n\r\n")
    try:
        body = _decode_transfer(head, body)
    except (ValueError, zlib.error) as exc:
        return InputError(where, f"HTTP body cannot be decoded ({exc})")
    m = _CONTENT_TYPE.search(head)
    ctype = m.group(1).decode("latin-1") if m else ""
    if "html" not in ctype.lower():
        return None  # images, scripts, robots.txt: not articles, not errors
    charset = _CHARSET.search(ctype)
    try:
        text = decode_bytes(body, where, declared=charset.group(1) if charset else None)
    except InputError as err:
        return err
    return Document(origin=where, content=text, content_type="html", url=record.headers.get("WARC-Target-URI"))


def _decode_transfer(head: bytes, body: bytes) -> bytes:
    """Undo chunked transfer and gzip content encoding, which crawlers may store as sent."""
    if _CHUNKED.search(head):
        body = _dechunk(body)
    if _GZIPPED.search(head) and body[:2] == b"\x1f\x8b":
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        body = inflater.decompress(body, MAX_RECORD_BYTES)
    return body


def _dechunk(body: bytes) -> bytes:
    out, pos = bytearray(), 0
    while pos < len(body):
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            break
        size = int(body[pos:eol].split(b";", 1)[0].strip() or b"0", 16)  # ValueError if not hex
        if size == 0:
            break
        out += body[eol + 2 : eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)
