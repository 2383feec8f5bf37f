"""newsdesk: one cross-checked record per news story, every fact traced to its sentences.

The public API::

    import newsdesk

    store = newsdesk.open_store("news.db")            # SQLite file or postgresql:// URL
    report = newsdesk.ingest(newsdesk.read_inputs(["articles/"]), store)
    with store.read() as tx:
        record = newsdesk.export_record(tx)           # the export contract (docs/export.md)

    analysis = newsdesk.analyse_text("Text of one article ...")   # no store needed
"""

from newsdesk.clean import clean_document
from newsdesk.errors import (
    AnalysisError,
    DecodeError,
    EmptyInput,
    InputError,
    NewsdeskError,
    NotFound,
    StoreError,
    StoreMissing,
)
from newsdesk.model import (
    Analysis,
    Article,
    DateRef,
    Document,
    Entity,
    Event,
    Figure,
    Flag,
    Mention,
    Place,
    Quote,
    Relation,
    Removal,
    Story,
)
from newsdesk.pipeline import IngestReport, Settings, analyse, ingest
from newsdesk.read import read_inputs
from newsdesk.read.published import parse_published as _parse_published
from newsdesk.report.export import export_record
from newsdesk.store import Store, open_store

__version__ = "0.1.0"


def analyse_text(text: str, **meta: str) -> Analysis:
    """Clean and analyse one text outside any store.

    ``meta`` may give ``url``, ``title``, ``published`` (an ISO 8601 or RFC 2822 date;
    InputError if it is not one) and ``source``.
    """
    origin = meta.pop("origin", "<text>")
    if meta.get("published"):
        try:
            meta["published"] = _parse_published(meta["published"])
        except ValueError as exc:
            raise InputError(origin, f"bad 'published': {exc}") from None
    doc = Document(origin=origin, content=text, **meta)
    return analyse([clean_document(doc)])[0]


__all__ = [
    "Analysis",
    "AnalysisError",
    "Article",
    "DateRef",
    "DecodeError",
    "Document",
    "EmptyInput",
    "Entity",
    "Event",
    "Figure",
    "Flag",
    "IngestReport",
    "InputError",
    "Mention",
    "NewsdeskError",
    "NotFound",
    "Place",
    "Quote",
    "Relation",
    "Removal",
    "Settings",
    "Store",
    "StoreError",
    "StoreMissing",
    "Story",
    "analyse",
    "analyse_text",
    "clean_document",
    "export_record",
    "ingest",
    "open_store",
    "read_inputs",
]
