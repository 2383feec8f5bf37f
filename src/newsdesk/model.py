"""The record: frozen dataclasses that every stage reads and writes.

Flow of types through the pipeline (see ``pipeline.py``)::

    Document --clean--> Article --annotate/resolve/facts--> Analysis --store--> Story

Every fact (Mention, Place, DateRef, Quote, Figure, Event, Flag, MainEvent) carries its
evidence: the id of the article and a ``span``, a half-open ``(start, end)`` range of
character offsets into that article's clean ``text``. Nothing is stored without provenance.
One exception, named by a flag: a main event read from the headline, which cleaning
moves out of the text into ``Article.title``, has ``in_title`` set and its span indexes
the title (see ``MainEvent``). Likewise a place named in the dateline, which cleaning
also moves out of the text, has ``in_dateline`` set and its span indexes the dateline's
words (``Article.dateline_text``; see ``Place``); ``Analysis.text_places`` are the places
whose spans index the text.

Collections are tuples so that the records stay hashable and immutable; use
``dataclasses.replace`` to derive a changed copy.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]

RelationKind = Literal["exact_copy", "near_copy", "rewrite", "shared_passage"]
FigureStatus = Literal["agree", "progression", "conflict", "single"]


@dataclass(frozen=True, slots=True)
class Document:
    """One raw input item, before cleaning: what a reader found, and where.

    ``origin`` names the item for error messages and provenance: a path, a path with a
    line number (``feed.jsonl:12``), a URL, or ``<stdin>``.
    """

    origin: str
    content: str
    content_type: Literal["text", "html"] = "text"
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given by the input
    source: str | None = None  # outlet or site name
    external_id: str | None = None  # an id the input carried (JSONL ``id``)


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the input that cleaning dropped, and why (``kind``)."""

    kind: str  # e.g. comment_form, share_prompt, newsletter, cookie_notice, boilerplate
    text: str


@dataclass(frozen=True, slots=True)
class Flag:
    """Something a reader should know about a span: a repeat, an inconsistency."""

    kind: str  # e.g. repeated_sentence, unit_inconsistency, total_mismatch
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the text every span refers to, and its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None
    origin: str = ""
    outline: tuple[str, ...] = ()
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None
    removed: tuple[Removal, ...] = ()
    flags: tuple[Flag, ...] = ()

    @property
    def heading(self) -> str | None:
        return heading(self.title, self.outline)

    @property
    def dateline_text(self) -> str | None:
        """The dateline as it opened the text before cleaning took it out ("KYIV, Ukraine
        (Wire) —"): what the span of a place named there indexes (``Place.in_dateline``).
        ``dateline`` keeps only its town and agency ("KYIV (Wire)")."""
        return next((r.text for r in self.removed if r.kind == "dateline"), None)


def heading(title: str | None, outline) -> str | None:
    """What a page leads with: its headline, else the first heading of its outline (a page
    that opens with a list of section headings has no other). ``Article.heading``, and for
    a stored row (``corpus/refresh.py``)."""
    return title or next(iter(outline or ()), None)


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: one person, organisation, country or place across articles."""

    id: str
    name: str
    type: str  # PERSON, ORG, GPE, LOC, NORP, ...
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    geonameid: int | None = None
    description: str | None = None  # a title or role: "prime minister of Armenia"


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of an entity in one article."""

    article_id: str
    span: Span
    text: str
    label: str
    entity_id: str


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a point.

    ``precision`` says whose point it is: ``"place"``, the named place's own; ``"town"``,
    the point of the town a street or building lies in (no gazetteer holds streets and
    buildings: ``nlp/facilities.py``), whose name and id are then the town's.

    ``in_dateline``: the place is named in the dateline that cleaning took out of the text
    ("KYIV, Ukraine (Wire) —"), where the report was filed from; its ``span`` then indexes
    ``Article.dateline_text``, never ``Article.text``. Readers of spans in the text take
    ``Analysis.text_places``."""

    article_id: str
    span: Span
    text: str
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    geonameid: int | None = None
    precision: str = "place"
    in_dateline: bool = False


@dataclass(frozen=True, slots=True)
class DateRef:
    """A time expression normalised against the article's publication date.

    ``value`` follows TIMEX3: an ISO date (``2023-09-19``), a coarser value (``2023-09``,
    ``2023-Q3``, ``2023-W38``, ``199X`` for a decade, also "the early 1990s"), or, when the
    article has no date, a relative value such as ``P-1D`` (one day before publication) or
    ``WXX-2`` (the last Tuesday) that the story can anchor later (``nlp.dates.anchor_relative``).
    """

    article_id: str
    span: Span
    text: str
    value: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker. ``kind``: direct, indirect or mixed."""

    article_id: str
    span: Span
    text: str
    kind: Literal["direct", "indirect", "mixed"]
    speaker: str | None = None
    speaker_entity_id: str | None = None
    speaker_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it counts, who reports it and as of when."""

    article_id: str
    span: Span
    quantity: str  # killed, injured, displaced, troops, population, infected, distance, ...
    value: float
    approximate: bool = False
    qualifier: str | None = None  # at least, more than, up to, about, range
    unit: str | None = None
    subject: str | None = None  # "civilians", "police officers"
    reported_by: str | None = None
    as_of: str | None = None  # the words: "as of Tuesday morning", "since the war began"
    as_of_value: str | None = None  # their TIMEX3 value (DateRef.value), when they name a point in time
    background: bool = False
    high: float | None = None  # the upper end of a range ("18,000 to 20,000"); value is the lower
    incident: str | None = None  # the one incident a toll is of, beside the article's event: "landmine explosion"
    # A count of the new ones of a day or a period ("140 new cases on Tuesday", "daily deaths"),
    # not the running total: a total's 3,200 and a day's 140 are no two counts of one thing.
    increment: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when (PLOVER categories)."""

    article_id: str
    span: Span
    type: str
    mode: str | None = None
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None
    when: str | None = None
    killed: int | None = None
    injured: int | None = None
    modality: str = "asserted"
    claimed_by: str | None = None  # who claims it, when modality is "claimed" ("according to X", "X said")


@dataclass(frozen=True, slots=True)
class MainEvent:
    """The article's main event: the one event its lead reports (``facts/main.py``), with
    the place and time completed from the text linked to it (who, what, where, when).

    ``type`` is the PLOVER category (with ``mode``, ``modality`` and ``claimed_by`` as in
    ``Event``), or None when the lead reports something no category covers ("Ardo Foods
    changes the shape of its bars"): ``what`` then says what happened, as it always does,
    in the lead's own words.

    Evidence: ``what`` is the text at ``span``. A headline is no part of the clean text
    (cleaning moves it to ``Article.title``), so a main event read from the headline has
    ``in_title`` True and its ``span`` indexes ``article.title``, not ``article.text``;
    ``place_span`` / ``place_in_title`` and ``when_span`` / ``when_in_title`` say the same
    for the words that name the place and the time. A span is None when those words are
    in neither: the dateline's place (cleaning keeps it in ``Article.dateline``), or an
    event's own place or time that its sentence does not name.
    """

    article_id: str
    span: Span
    what: str
    type: str | None = None
    mode: str | None = None
    actor: str | None = None
    recipient: str | None = None
    modality: str = "asserted"
    claimed_by: str | None = None
    place: str | None = None
    when: str | None = None
    in_title: bool = False
    place_span: Span | None = None
    place_in_title: bool = False
    when_span: Span | None = None
    when_in_title: bool = False


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article with everything the per-article stages found in it."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    notes: tuple[str, ...] = field(default=())  # e.g. "skipped English-only stages: fr"
    main_event: MainEvent | None = None

    @property
    def text_places(self) -> tuple[Place, ...]:
        """The places named in the text, whose spans index ``article.text``: not the
        dateline's (``Place.in_dateline``), whose spans index the dateline's words."""
        return tuple(p for p in self.places if not p.in_dateline)


@dataclass(frozen=True, slots=True)
class Relation:
    """How two articles are related. ``source`` is the earlier/original, ``copy`` the later."""

    kind: RelationKind
    source: str
    copy: str
    score: float
    evidence: tuple[tuple[Span, Span], ...] = ()  # aligned spans: (in source, in copy)


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles reporting one real-world event. What its articles report together
    (figures side by side, merged events, quotes, summary) is its dossier, a dict in the
    export contract's shape (``corpus.compare.build_dossier``, ``export_record``)."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    first_seen: str | None = None
    last_seen: str | None = None


_SPACE = re.compile(r"\s+")


def normalize_for_id(text: str) -> str:
    """The form of a text whose hash is its article id.

    NFKC folds typographic variants (curly vs straight quotes are *not* folded by NFKC,
    so two copies that differ only in quote style stay distinct: they are near copies,
    which the relate stage finds). Whitespace is collapsed and case folded, so the same
    text with other line breaks or markup is the same article.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(text: str) -> str:
    """Content-hashed id: the first 16 hex digits of SHA-256 of the normalised text."""
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:16]
