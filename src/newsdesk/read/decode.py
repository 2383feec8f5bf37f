"""Bytes to text: trust a declared encoding, then UTF-8, then charset-normalizer."""

from __future__ import annotations

import re

import charset_normalizer

from newsdesk.errors import DecodeError

# Share of control characters (other than whitespace) above which bytes are "binary".
# Text in any encoding has almost none; images, archives and executables have many.
_BINARY_SHARE = 0.05
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    return bool(head) and len(_CONTROL.findall(head)) / len(head) > _BINARY_SHARE


def decode_bytes(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """Decode ``data`` or raise DecodeError naming ``origin``."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if looks_binary(data):
        raise DecodeError(origin, "binary data, not text (is this an image, archive or PDF?)")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError(origin, "cannot decode the bytes in any known encoding")
    return str(best)
