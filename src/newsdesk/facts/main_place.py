"""Where the main event happened (facts/main.py): the toponyms and buildings of a sentence
or of the lead that say where, the dateline's place, and which toponyms say who or whose
instead ("EU agrees sanctions", "Velmia's air force", "Jupiter's moons").

Split out of facts/main.py (the choice of the main event and its completion) so that each
reads in one sitting; main.py asks these helpers and keeps the order in which they are asked
(the event's sentence, the dateline, the lead; the narrowing to a town).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsdesk.clean.lexicon import DATELINE
from newsdesk.corpus.relate import sentence_spans
from newsdesk.model import Analysis, Place, Span
from newsdesk.nlp.gazetteer import load_gazetteer, name_key
from newsdesk.nlp.toponyms import PLACE_NOUNS

# Where a paragraph starts (a dateline opens one).
_PARAGRAPH = re.compile(r"(?:^|\n)[ \t]*")
# Entity labels a completed place may carry: a nationality ("German") resolved to its
# country is not where something happened.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels a toponym the places stage resolved may carry as well: the model often tags a
# town before a noun as an organisation ("the Ardo tram crash"), and the places stage
# took it for a place only where the text says so (nlp/places.py: a locative word, the
# article's other places). An unresolved organisation stays none ("at Google").
RESOLVED_PLACE_LABELS = PLACE_LABELS | {"ORG"}
# Entity labels of a resolved toponym that is no place where something happened: a
# nationality, or a person the gazetteer also knows as a town ("Clinton").
NOT_PLACE_LABELS = frozenset({"NORP", "PERSON"})
# How large a kind of place is (nlp/gazetteer.py); a town or a building ranks 0.
_RANK = {"area": 1, "admin2": 1, "admin1": 2, "country": 3, "continent": 4}
# The preposition that makes a building's name a place: "at the",
# "in the", "outside" right before it (AT_WINDOW characters, the longest such lead-in).
_AT = re.compile(r"\b(?:at|in|inside|outside|near)(?: the)?\s+$", re.IGNORECASE)
_AT_THE = re.compile(r"\b(?:at|in|inside|outside|near) the\s+$", re.IGNORECASE)
AT_WINDOW = 12
# How far before a toponym its locative preposition may stand ("in north-western ").
LOCATIVE_WINDOW = 24
# A toponym that says where ("in the UK", "near Ardo", with a compass word "in northern
# Velmia"), not whose ("US President", "the Afghan city").
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|throughout)(?: the)?"
    r"(?:\s+(?:central|(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?))?\s+$",
    re.IGNORECASE,
)
# The verbs of a contest's outcome, as headlines write them ("Velmia thrash Zimbabwe",
# "edged by Chile", "draw with Chile", "lose to Chile"): the country right after one is
# the other side, not where the game was played.
_CONTEST = re.compile(
    r"\b(?:beat(?:s|en)?|defeat(?:s|ed)?|thrash(?:es|ed)?|rout(?:s|ed)?|crush(?:es|ed)?|edge[sd]?|trounce[sd]?|"
    r"hammer(?:s|ed)?|stun(?:s|ned)?|upset(?:s)?|whitewash(?:es|ed)?|outplay(?:s|ed)?|overpower(?:s|ed)?|"
    r"eliminate[sd]?|draw(?:s|n)?|drew|los(?:e|es|t)|v|vs)\.?"
    r"(?:\s+(?:by|with|to|against))?(?:\s+the)?\s+$",
    re.IGNORECASE,
)
# "the port of Batumi": a town named as part of a place, after a noun that names a kind of
# place (nlp/toponyms.py's PLACE_NOUNS and the parts of a town); not after another noun,
# whose the town is ("the moons of Jupiter", "the University of Quito", "the Bank of
# England"), nor as where people were taken ("brought the survivors to the port of Zawiya":
# the boat sank elsewhere).
_OF_NOUNS = PLACE_NOUNS | {"port", "suburb", "suburbs", "outskirts", "centre", "center", "heart", "streets",
                           "municipality", "neighbourhood", "neighborhood", "borough", "prefecture", "governorate"}
_OF = re.compile(rf"\b(?:{'|'.join(sorted(_OF_NOUNS))})\s+of\s+$", re.IGNORECASE)
_TAKEN_TO_OF = re.compile(r"\b(?:to|into|towards?)\s+(?:the\s+)?[\w-]+\s+of\s+$", re.IGNORECASE)
# "MIRSK (HPA)": the agency that cleaning keeps beside a dateline's place (clean/text.py).
DATELINE_AGENCY = re.compile(r"\s*\([^()]*\)")
# What a web copy may leave before a dateline in its paragraph: a caption's "Photo", a
# byline ("By A and B WASHINGTON, Nov 6 (Reuters) -"); no sentence (within DATELINE_REACH
# characters of the paragraph's start, the longest such byline seen).
_BEFORE_DATELINE = re.compile(r"(?:[^\n.!?]*\s)?")
DATELINE_REACH = 80
# A photo credit's closing bracket, after which a web copy may run the dateline on.
_AFTER_CREDIT = re.compile(r"\)[ \t]+")


def _inside(span: Span, outer: Span) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _toponyms(analysis: Analysis) -> list[Place]:
    """Places that the entity stage also read as a place or an organisation (not "German"
    or a person; see ``RESOLVED_PLACE_LABELS``), or where it tagged nothing at all (a
    name the places stage found on its own, "the Ardo tram crash"; not a part of an
    organisation's name: "Chicago" of "Chicago Cubs")."""
    labels = _labels(analysis)
    named = [m.span for m in analysis.mentions]
    return [p for p in analysis.text_places if labels.get(p.span) in RESOLVED_PLACE_LABELS
            or not any(s[0] < p.span[1] and p.span[0] < s[1] for s in named) or _named_a_place(analysis, p)]


def _named_a_place(analysis: Analysis, place: Place) -> bool:
    """Whether the text names a toponym as a place by a noun of a kind of place and "of"
    right before it ("the Mexican state of Guerrero", "the city of Ardo"): a place,
    whatever the model tagged it (a person, where a surname is a town's name too)."""
    text = analysis.article.text
    return _OF.search(text[max(0, place.span[0] - LOCATIVE_WINDOW) : place.span[0]]) is not None


def _labels(analysis: Analysis) -> dict[Span, str]:
    """The entity label of each place's mention: the mention with its span, or the first
    part of a hyphenated name ("Mazar" of "Mazar-i-Sharif": the model tags the part, the
    places stage reads the whole; nlp/places.py). A place's own name that the model typed
    NORP is a place: a people's adjective differs from its place's name ("Syrian", Syria),
    and the small model types a town's name NORP in a headline ("Syrian army retakes
    Aleppo")."""
    text = analysis.article.text
    labels = {m.span: m.label for m in analysis.mentions}
    starts = {m.span[0]: m for m in analysis.mentions}
    for p in analysis.text_places:
        if labels.get(p.span) == "NORP" and p.text.casefold() == p.name.casefold():
            labels[p.span] = "GPE"  # a town's own name typed NORP ("retakes Aleppo"): no people's adjective
        part = starts.get(p.span[0])
        hyphen = part is not None and text[part.span[1] : part.span[1] + 1] == "-"  # (odd spans: no IndexError)
        if p.span not in labels and hyphen and part.span[1] < p.span[1]:
            labels[p.span] = part.label
    return labels


def _place(analysis: Analysis, sentence: Span, own: str | None,
           actor: str | None = None) -> tuple[str | None, Span | None]:
    """The event's own place, else the first toponym or building of its sentence; a
    country or a region gives way to a town in it that the sentence names as a place
    ("in Afghanistan's north, in Mazar-i-Sharif"; not "in Karabakh as Baku tells ..."),
    as Giveme5W1H prefers the smaller area. A toponym that names the ``actor``
    (``_names_actor``) is who acted, not where, and one that owns a noun is whose it is
    (``_owner``), even where the events stage took it for the event's own place.
    (None, None) when the event has no place and its sentence names none."""
    toponyms = [p for p in _toponyms(analysis) if _inside(p.span, sentence)]
    here = [(p.span, p.name, _rank(p), p.country) for p in toponyms]
    here += [(span, name, 0, None) for span, name in _buildings(analysis) if _inside(span, sentence)]
    owners = {h[1] for h in here if _owner(analysis, h[0])}
    here = [h for h in here if not _names_actor(analysis, h[0], h[1], h[2], actor) and h[1] not in owners
            and not _opponent(analysis, h[0][0])]
    here.sort(key=lambda h: h[0])  # in text order; a toponym before a building on the same words
    if own and not _is_actor(own, actor) and own not in owners:
        first = next((h for h in here if h[1] == own), (None, own, 0, None))
    elif here:
        first = here[0]
    else:
        return None, None
    inside = [h for h in here if h[2] < first[2] and h[3] and h[3] == first[3] and _in_place(analysis, h[0][0])]
    span, name, _, _ = min(inside, key=lambda h: (h[2], h[0])) if inside else first
    return name, span


def _names_actor(analysis: Analysis, span: Span, name: str, rank: int, actor: str | None) -> bool:
    """Whether the toponym at ``span`` (resolved as ``name``, of ``rank``) is the actor
    ("EU agrees sanctions on ...": the European Union agrees, it is not where) or a
    country or a union of them that owns the actor ("Velmia's air force bombed positions
    in ...", "EU ministers agree ..."), rather than where the actor is said to be
    ("rescuers in Velmia", "the mayor of Ardo": ``_in_place``). A town in the actor's words
    still says where ("Ardo tram crash survivor describes ..."). The events stage leaves
    its actor's words out of its place (facts/events.py); a headline's clause has no place
    of its own, and its sentence's first toponym is often its subject."""
    if not actor:
        return False
    words = analysis.article.text[span[0] : span[1]]
    owner = rank >= _RANK["country"] and any(_within(w, actor) for w in (words, name))
    return (owner or any(_is_actor(w, actor) for w in (words, name))) and not _in_place(analysis, span[0])


# A possessive's ending ("Korr's", "Korr’s", "the Vells'").
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
# An owner's "'s" right after a name ("Kenya's", "Velmia’s").
_OWNER = re.compile(r"['’]s\b")


def _owner(analysis: Analysis, span: Span) -> bool:
    """Whether the toponym at ``span`` owns what follows it and is not said as where
    ("Velmia's Ivo Korr won the race", "to study Jupiter's moons": whose runner, whose
    moons; not "in Velmia's north", where the preposition says where)."""
    text = analysis.article.text
    return _OWNER.match(text, span[1]) is not None and not _in_place(analysis, span[0])


def _opponent(analysis: Analysis, start: int) -> bool:
    """Whether the toponym at ``start`` is the other side of a contest, right after the verb
    of its outcome (``_CONTEST``: "Velmia thrash Zimbabwe"): whom, not where."""
    text = analysis.article.text
    return _CONTEST.search(text, max(0, start - LOCATIVE_WINDOW), start) is not None


def _is_actor(words: str, actor: str | None) -> bool:
    return bool(actor) and _POSSESSIVE.sub("", words.casefold()) == _POSSESSIVE.sub("", actor.casefold())


def _within(words: str, actor: str) -> bool:
    """Whether ``words`` stand in the actor's words as whole words ("Velmia" in "Velmia's air
    force")."""
    return bool(words) and re.search(rf"(?<!\w){re.escape(words.casefold())}(?!\w)", actor.casefold()) is not None


def _lead_place(analysis: Analysis, end: int) -> tuple[str | None, Span | None]:
    """The first place before ``end`` after a locative preposition: where a news lead's
    event happened, when its own sentence and the dateline name no place ("Toblerone
    shrinks its bars in the UK"). The preposition says it is a place, so a resolved place
    counts whatever the model's label ("across Chicago" where "Chicago Cubs" made it an
    organisation), and so does a toponym the places stage left unresolved ("at
    Interlagos"); a nationality or a person's name does not ("in Clinton email case"), nor
    a place where a plan is to happen (``_planned``: "talks will be held in Geneva") or one
    of a sentence dated years back (``_of_another_year``)."""
    text = analysis.article.text
    labels = _labels(analysis)
    found = [(p.span, p.name) for p in analysis.text_places if labels.get(p.span) not in NOT_PLACE_LABELS]
    resolved = {p.span[0] for p in analysis.text_places}  # "Mazar-i-Sharif" over its part "Mazar"
    found += [(m.span, m.text) for m in analysis.mentions if m.label in PLACE_LABELS and m.span[0] not in resolved]
    said = [f for f in found if f[0][0] < end and _said_where(text, f[0][0]) and not _planned(text, f[0][0])
            and not _of_another_year(analysis, f[0][0])]
    span, name = min(said, default=(None, None))
    return name, span


# What makes a clause a plan, not a report of what happened ("Negotiators will meet in
# Geneva", "was due to perform in 22 cities", "plans to open a plant in Ardo").
_PLAN = re.compile(r"\b(?:will|would|shall|(?:due|expected|set|scheduled|going|plans?|planning) to)\b",
                   re.IGNORECASE)
# Where a clause of the sentence ends before a toponym (a full stop, a semicolon).
_CLAUSE_END = re.compile(r"[.!?;]\s")


def _of_another_year(analysis: Analysis, start: int) -> bool:
    """Whether the sentence of the toponym at ``start`` is dated to a year before the
    publication's ("The team has played at Ardo Park since 1971"): background, where
    something happened long ago, not the news."""
    published = (analysis.article.published or "")[:4]
    if not published.isdigit():
        return False
    text = analysis.article.text
    sentence = next(((s, e) for s, e in sentence_spans(text) if s <= start < e), None)
    return sentence is not None and any(
        sentence[0] <= d.span[0] < sentence[1] and (d.value or "")[:4].isdigit() and d.value[:4] < published
        for d in analysis.dates
    )


def _planned(text: str, start: int) -> bool:
    """Whether the toponym at ``start`` is where a plan is to happen: a word of ``_PLAN``
    stands before it in its sentence. The lead's where is where something happened, as
    its time is on or before publication (main.py's ``_on_or_before``)."""
    ends = list(_CLAUSE_END.finditer(text, 0, start))
    return _PLAN.search(text, ends[-1].end() if ends else 0, start) is not None


def _in_place(analysis: Analysis, start: int) -> bool:
    """Whether the toponym at ``start`` is said as where ("in Mazar-i-Sharif") or as part
    of a place ("near the port of Batumi", ``_OF``), not as one who acts ("as Baku tells
    ...") nor as whose something is ("the University of Quito")."""
    text = analysis.article.text
    before = text[max(0, start - LOCATIVE_WINDOW) : start]
    return _said_where(text, start) or (_OF.search(before) is not None and _TAKEN_TO_OF.search(before) is None)


def _said_where(text: str, start: int) -> bool:
    """Whether a locative preposition (maybe with a compass word) stands before ``start``."""
    return bool(_LOCATIVE.search(text, max(0, start - LOCATIVE_WINDOW), start))


def _rank(place: Place) -> int:
    """How large a place is (``_RANK``); an area of no one country (the European Union)
    ranks with the continents."""
    kind = _kind(place)
    return _RANK["continent"] if kind == "area" and not place.country else _RANK.get(kind, 0)


def _kind(place: Place) -> str | None:
    """The gazetteer's kind of a resolved place: city, area, admin1, country, continent."""
    found = load_gazetteer().lookup(name_key(place.name))
    return next((c.kind for c in found if c.geonameid == place.geonameid), None)


def _buildings(analysis: Analysis) -> list[tuple[Span, str]]:
    """Named buildings after a locative preposition ("met at the White House"): no
    gazetteer holds them, and the model often tags them as organisations, which they are
    when they speak ("the White House said") but not after "at the". An organisation
    without "the" after the preposition modifies a noun instead ("in Taliban raids")."""
    text = analysis.article.text
    found = []
    for m in analysis.mentions:
        before = text[max(0, m.span[0] - AT_WINDOW) : m.span[0]]
        if (m.label == "FAC" and _AT.search(before)) or (m.label == "ORG" and _AT_THE.search(before)):
            found.append((m.span, m.text))
    return found


def _dateline(analysis: Analysis, end: int) -> tuple[str | None, Span | None]:
    """The dateline's place: cleaning's, else the first of the context's (``_datelines``,
    before ``end``) whose place is known."""
    article = analysis.article
    if article.dateline:
        return DATELINE_AGENCY.sub("", article.dateline).strip().title(), None
    text = article.text
    for line in _datelines(text, end):
        if found := _dateline_place(analysis, line):
            return found
    return None, None


def _datelines(text: str, end: int) -> Iterator[re.Match]:
    """Datelines of the context (before ``end``): opening a paragraph (after what a web
    copy may leave before one), or right after a photo credit's bracket ("(Photo: A.
    Vell) ARDO --")."""
    for m in _PARAGRAPH.finditer(text, 0, max(0, end)):
        for line in DATELINE.finditer(text, m.end(), m.end() + DATELINE_REACH):
            if _BEFORE_DATELINE.fullmatch(text, m.end(), line.start()):
                yield line
    for m in _AFTER_CREDIT.finditer(text, 0, max(0, end)):
        if line := DATELINE.match(text, m.end()):
            yield line


def _dateline_place(analysis: Analysis, line: re.Match) -> tuple[str, Span] | None:
    """The place of a dateline that the places stage resolved or the gazetteer knows (so
    that "BREAKING NEWS:" or "RIGHT NOW -" is no place)."""
    starts = {p.span[0]: p for p in analysis.text_places}
    if place := starts.get(line.start("place")):
        return place.name, place.span
    # the model tags few places in capitals ("LONDON --"): the gazetteer knows them
    if known := load_gazetteer().lookup(name_key(line["place"])):
        return known[0].name, line.span("place")
    return None
