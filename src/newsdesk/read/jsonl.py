"""JSON Lines (one article per line) and JSON files (one article, or a list of them).

An article is an object with ``text`` or ``html`` plus optional metadata; ``published``
must be a date (``published.py``), else the record is an error naming where it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsdesk.errors import InputError
from newsdesk.model import Document
from newsdesk.read.published import parse_published

_OPTIONAL = ("url", "title", "source")
_NOT_AN_ARTICLE = "expected a JSON object with a 'text' or 'html' field"


def _loads(text: str, where: str):
    """The JSON value, or an InputError (bad JSON, or nested too deep for the parser)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if exc.lineno == 1 else f"line {exc.lineno} column {exc.colno}"
        return InputError(where, f"not valid JSON ({exc.msg} at {at})")
    except RecursionError:
        return InputError(where, "JSON nested too deep to read")


def read_jsonl(text: str, origin: str) -> Iterator[Document | InputError]:
    for n, line in enumerate(text.splitlines(), start=1):
        where = f"{origin}:{n}"
        if not line.strip():
            continue
        obj = _loads(line, where)
        yield obj if isinstance(obj, InputError) else record_document(obj, where)


def looks_like_json(text: str) -> bool:
    """A whole text that is one JSON object or array (a pretty-printed .json file)."""
    head = text.lstrip()[:1]
    return head in ("{", "[") and isinstance(_loads(text, ""), dict | list)


def read_json(text: str, origin: str) -> Iterator[Document | InputError]:
    """A JSON file: one article object, or a list of them (``origin#N`` names each)."""
    value = _loads(text, origin)
    if isinstance(value, InputError | dict):
        yield value if isinstance(value, InputError) else record_document(value, origin)
    elif isinstance(value, list) and value:
        for n, obj in enumerate(value, start=1):
            yield record_document(obj, f"{origin}#{n}")
    else:
        yield InputError(origin, _NOT_AN_ARTICLE + " (or a non-empty list of them)")


def record_document(obj, where: str) -> Document | InputError:
    """One JSON record as a Document, or the InputError saying what is wrong with it."""
    if not isinstance(obj, dict):
        return InputError(where, _NOT_AN_ARTICLE)
    body, kind = (obj.get("text"), "text") if obj.get("text") else (obj.get("html"), "html")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, "no 'text' or 'html' field with content")
    meta = {k: obj[k] for k in _OPTIONAL if isinstance(obj.get(k), str) and obj[k].strip()}
    published = obj.get("published")
    if published is not None and published != "":  # an empty field is a date not given
        if not isinstance(published, str):
            return InputError(where, f"'published' must be a date string, not {type(published).__name__}")
        try:
            meta["published"] = parse_published(published)
        except ValueError as exc:
            return InputError(where, f"bad 'published': {exc}")
    ext_id = obj.get("id")
    return Document(
        origin=where,
        content=body,
        content_type=kind,
        external_id=str(ext_id) if ext_id is not None else None,
        **meta,
    )
