"""JSON Lines: one article per line, ``text`` or ``html`` plus optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsdesk.errors import InputError
from newsdesk.model import Document

_OPTIONAL = ("url", "title", "published", "source")


def read_jsonl(text: str, origin: str) -> Iterator[Document | InputError]:
    for n, line in enumerate(text.splitlines(), start=1):
        where = f"{origin}:{n}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "expected a JSON object with a 'text' or 'html' field")
            continue
        body, kind = (obj.get("text"), "text") if obj.get("text") else (obj.get("html"), "html")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "no 'text' or 'html' field with content")
            continue
        meta = {k: obj[k] for k in _OPTIONAL if isinstance(obj.get(k), str) and obj[k].strip()}
        ext_id = obj.get("id")
        yield Document(
            origin=where,
            content=body,
            content_type=kind,
            external_id=str(ext_id) if ext_id is not None else None,
            **meta,
        )
