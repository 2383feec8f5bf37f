"""The headline read on its own, for the main event (facts/main.py).

Cleaning moves a headline out of the clean text into ``Article.title`` (clean/text.py),
so the per-article stages, which read the text, never see it; yet a news lead starts with
it, and its clause is often the article's main event ("Police name the victims"). This
module parses the title (a few words: one small parse per article) and runs on it the
stages a main event needs: names, places, dates and events. The result is an ``Analysis``
whose text is the title, so its spans index ``article.title``.

A headline alone is thin context: "Clinton" may read as a town, "White House" as a place
abroad, a surname stays a surname, and the model misses names in a headline's capitals.
The headline's names are therefore read as the text reads them (``as_in_text``): the same
words in the text give their entity and their place (or no place), a lone surname the full
name of the one person of the text who bears it, and a name or a place of the text that
the model missed in the headline becomes a mention or a place there too ("Ardo" of
"Three Ardo ferry victims named", read alone as part of a name). A headline in Title Case ("Azerbaijan
Begins Armed Operation In ...") is parsed in sentence case (``parse_form``): the small
model reads a capitalised word as a name, and its parse of such a headline has no verb.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import NamedTuple

from newsdesk.facts import lexicon as lx
from newsdesk.facts.events import find_events
from newsdesk.facts.numbers import VAGUE
from newsdesk.model import Analysis, Article, Entity, Mention, Place
from newsdesk.nlp.dates import resolve_dates
from newsdesk.nlp.entities import find_mentions
from newsdesk.nlp.model import load_nlp
from newsdesk.nlp.places import resolve_places
from newsdesk.nlp.resolve import resolve_entities
from newsdesk.nlp.roles import naming


class Headline(NamedTuple):
    """The title's analysis (its spans index the title) and its spaCy doc."""

    analysis: Analysis
    doc: object


def read_headline(analysis: Analysis) -> Headline | None:
    """The parse and facts of the article's title, its names read as the text reads them;
    None for an untitled article."""
    article = analysis.article
    title = article.title or ""
    if not title.strip():
        return None
    form = parse_form(title, analysis)
    doc = _PARSED.get(form)
    if doc is None:
        doc = load_nlp()(form)
    head = Analysis(article=Article(id=article.id, text=title, title=title, published=article.published,
                                    language=article.language))
    for stage in (find_mentions, resolve_places, resolve_entities):
        head = stage(head, doc)
    head = as_in_text(head, analysis)
    restore_passives(doc)
    for stage in (resolve_dates, find_events):  # events name their actors by the mentions above
        head = stage(head, doc)
    return Headline(head, doc)


# What a headline's past verb has only when active: an auxiliary ("has seized"), an agent
# (already a passive), an object or a clausal complement.
_ACTIVE_MARKS = frozenset({"aux", "auxpass", "agent", "dobj", "dative", "ccomp", "xcomp", "attr", "acomp"})


def restore_passives(doc) -> None:
    """Read a headline's bare past verb as the passive it is: headlines tell what happened
    in the present ("Militia kills 14") and drop the auxiliary of a passive ("Market bombed
    in X" is "Market was bombed"), which the model parses as an active past (or a
    participle) with the market as its subject, so the market would bomb. A past verb with
    an auxiliary, an object or a complement ("Rebels seized the town", "You knew it could
    not last", "Police set to check records") stays as parsed, and so does a verb of
    feeling, whose subject feels ("Shoppers outraged over prices"). The parse is changed in
    place (the labels only; a headline's doc serves its own reading alone), and again
    harmlessly."""
    for verb in doc:
        if verb.tag_ not in ("VBD", "VBN") or verb.lemma_ in lx.FEELING_VERBS:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        counted = bool(subjects) and all(_bare_count(s) for s in subjects)
        if verb.dep_ not in ("ROOT", "conj") and not _reported_before(verb) and not counted:
            continue
        if any(c.dep_ in _ACTIVE_MARKS for c in verb.children):
            continue
        if subjects:
            verb.tag_ = "VBN"
            for subject in subjects:
                subject.dep_ = "nsubjpass"


# What may stand with a bare count as a subject: "at least 40", "some 30", "the dozens".
_COUNT_MODIFIERS = frozenset({"advmod", "quantmod", "det", "nummod", "punct"})


def _bare_count(subject) -> bool:
    """A number or a vague plural with no noun ("Dozens", "40", "Hundreds"): a headline's
    count of the people something happened to, which the parse may hang under a later
    word ("Dozens arrested, 12 hurt in X clashes", "clashes" read as the main verb); a
    count does nothing, so its bare past verb is a passive wherever it stands."""
    vague = subject.lower_ in VAGUE or subject.like_num
    return vague and all(c.dep_ in _COUNT_MODIFIERS for c in subject.children)


def _reported_before(verb) -> bool:
    """The clause a headline's closing "…, army says" reports ("Hostages freed in Mali,
    army says"): a headline in itself, and its bare past verb as passive as one alone."""
    return verb.dep_ == "ccomp" and verb.head.i > verb.i and verb.head.lemma_ in lx.REPORTING


# Titles parsed ahead, by the text parsed (``titles_parsed``).
_PARSED: dict[str, object] = {}


@contextmanager
def titles_parsed(articles: Iterable[Article]) -> Iterator[None]:
    """Within it, ``read_headline`` finds the titles of ``articles`` parsed, in one
    ``nlp.pipe`` over them all: parsed one call each, a short title costs spaCy's fixed
    cost per call of every component (~5.5 ms CPU; ~1.3 ms batched, measured on 114 corpus
    titles). Parses are the same either way (888 corpus titles compared token by token).
    Only titles read as written are parsed ahead; a Title Case one is read in a form
    that depends on its text's names (``parse_form``), known only after the other stages."""
    titles = list(dict.fromkeys(t for a in articles if (t := a.title) and t.strip() and not _title_case_title(t)))
    _PARSED.update(zip(titles, load_nlp().pipe(titles), strict=True))
    try:
        yield
    finally:
        _PARSED.clear()


def _title_case_title(title: str) -> bool:
    return _title_case([w.group() for w in _WORD.finditer(title)][1:])


def parse_form(title: str, body: Analysis) -> str:
    """The title as the parser should read it: a Title Case headline in sentence case, of
    the same length (so spans hold), keeping the first word, acronyms and the words the
    text capitalises too (names, days, months: capitalised after a lower-case word, or in
    a name the text mentions)."""
    if not _title_case_title(title):
        return title
    words = list(_WORD.finditer(title))
    text = body.article.text
    names = {w for m in naming(body) for w in m.text.split()}
    out = list(title)
    for w in words[1:]:
        word = w.group()
        if word[:1].isupper() and not word.isupper() and word not in names and not _capitalised_in(word, text):
            out[w.start()] = word[0].lower()
    return "".join(out)


# A word of a headline; Title Case is when most words of TITLE_CASE_MIN letters or more
# (not "of", "in", "and", which Title Case styles differ on) are capitalised.
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
TITLE_CASE_MIN = 4
TITLE_CASE_SHARE = 0.75
TITLE_CASE_WORDS = 3  # fewer long words than this: no telling a headline's case


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) >= TITLE_CASE_MIN]
    upper = sum(w[0].isupper() for w in long)
    return len(long) >= TITLE_CASE_WORDS and upper >= TITLE_CASE_SHARE * len(long)


def _capitalised_in(word: str, text: str) -> bool:
    """Whether the text writes the word capitalised after a lower-case word or a comma:
    not at a sentence's start, so a name ("in Stepanakert", "on Tuesday")."""
    return f" {word}" in text and re.search(rf"[a-z,] {re.escape(word)}(?!\w)", text) is not None


def as_in_text(head: Analysis, body: Analysis) -> Analysis:
    """The headline's mentions and places as the text reads the same words (module
    docstring); words the text does not use keep the headline's own reading."""
    entities = {e.id: e for e in head.entities}
    body_entities = {e.id: e for e in body.entities}
    mentions = []
    for m in sorted((*head.mentions, *_missed_names(head, body)), key=lambda m: m.span):
        found = _in_text(m.text, body)
        if found is not None:
            m = replace(m, label=found.label, entity_id=found.entity_id)
            if found.entity_id in body_entities:
                entities[found.entity_id] = body_entities[found.entity_id]
        mentions.append(m)
    kept = {m.entity_id for m in mentions}
    places = [p for p in (_place_in_text(p, body) for p in head.places) if p is not None]
    places = tuple(sorted(places + _missed_places(head, body), key=lambda p: p.span))
    return replace(head, mentions=tuple(mentions), places=places,
                   entities=tuple(e for i, e in entities.items() if i in kept))


def _in_text(words: str, body: Analysis) -> Mention | None:
    """The text's most frequent mention of the same words, else of the one person of the
    text whose surname the words are ("Clinton" in a text that names "Hillary Clinton")."""
    key = words.casefold()
    same = [m for m in body.mentions if m.text.casefold() == key]
    if not same and " " not in key:
        people = {e.id for e in body.entities if e.type == "PERSON" and _surname(e) == key}
        same = [m for m in body.mentions if m.entity_id in people] if len(people) == 1 else []
    if not same:
        return None
    (entity, label), _ = Counter((m.entity_id, m.label) for m in same).most_common(1)[0]
    return next(m for m in same if (m.entity_id, m.label) == (entity, label))


def _missed_names(head: Analysis, body: Analysis) -> list[Mention]:
    """Mentions of the headline for the text's names (its mentions' words, its people's
    surnames) where the model tagged nothing; the longest name first ("Marta Vell" before
    "Vell"). Matched whole words and case-sensitively: a name is capitalised."""
    title, taken = head.article.text, [m.span for m in head.mentions]
    names = {m.text: m for m in naming(body) if any(c.isupper() for c in m.text)}
    for words, m in list(names.items()):
        surname = words.split()[-1]
        if m.label == "PERSON" and " " in words and _in_text(surname, body) is not None:
            names.setdefault(surname, m)
    found = []
    for words in sorted(names, key=len, reverse=True):
        for hit in _whole_words(words, title):
            if not any(hit.start() < end and start < hit.end() for start, end in taken):
                taken.append(hit.span())
                found.append(replace(names[words], article_id=head.article.id, span=hit.span(), text=words))
    return found


def _whole_words(words: str, title: str) -> Iterator[re.Match]:
    """The title's occurrences of ``words`` as whole words. Most of a text's names are not
    in its title: looked for first as a plain substring, they need no pattern compiled
    (one per name, which re's cache of 512 does not keep across articles)."""
    if words not in title:
        return iter(())
    return re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", title)


def _missed_places(head: Analysis, body: Analysis) -> list[Place]:
    """Places of the headline for the words the text resolves as a place where the
    headline's own reading found none ("Ardo" of "Three Ardo ferry victims named", which
    the model, alone, read as part of a name), resolved as the text resolves them (its first
    place on the words). Matched whole words and case-sensitively, as names are."""
    title, taken = head.article.text, [p.span for p in head.places]
    first: dict[str, Place] = {}
    for p in body.text_places:
        first.setdefault(p.text, p)
    found = []
    for words in sorted(first, key=len, reverse=True):  # "Ardo Bay" before "Ardo"
        for hit in _whole_words(words, title):
            if not any(hit.start() < end and start < hit.end() for start, end in taken):
                taken.append(hit.span())
                found.append(replace(first[words], article_id=head.article.id, span=hit.span()))
    return found


def _surname(entity: Entity) -> str:
    parts = entity.name.split()
    return parts[-1].casefold() if len(parts) > 1 else ""


def _place_in_text(place: Place, body: Analysis) -> Place | None:
    """The headline's toponym resolved as the text resolves the same words; None when the
    text uses them but not as a place ("Clinton" the candidate, not the town)."""
    key = place.text.casefold()
    same = [p for p in body.text_places if p.text.casefold() == key]
    if same:
        p = same[0]
        return replace(place, name=p.name, lat=p.lat, lon=p.lon, country=p.country, geonameid=p.geonameid)
    if any(m.text.casefold() == key for m in body.mentions):
        return None
    return place
