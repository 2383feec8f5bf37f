"""As of when a figure holds: "as of Tuesday", "since the war began", or the nearest date
or time expression of its sentence that dates the count and not something else in it.

``as_of`` finds the span (``Figure.as_of``), ``as_of_value`` the value the dates stage gave
it (``Figure.as_of_value``). The rest are the checks that keep a time that dates another
clause, another number or the counted event itself from dating the count. Part of the
figures stage (``figures.py``), apart so that each reads in one sitting.
"""

from __future__ import annotations

import re

from newsdesk.facts.lexicon import TERRITORIAL_MEASURES
from newsdesk.facts.syntax import ranked_since
from newsdesk.model import Analysis
from newsdesk.nlp.dates import trimmed
from newsdesk.nlp.doccache import doc_text, span_ents

YEAR = re.compile(r"\b(?:1[89]|20)\d{2}s?\b")
# A count of what happens year after year ("collapses at such sites kill dozens of people
# every year"): a rate, background to the report, no toll of its event.
HABITUAL = re.compile(r"\b(?:every|each|per) (?:year|month|week)\b|\bannually\b|\ba year on average\b",
                      re.IGNORECASE)
AS_OF = re.compile(r"\bas of [^,.;:”\"]+|\bsince [^,.;:”\"]+", re.IGNORECASE)
# Nouns that name a count itself ("the toll", "the number of dead"): one puts them at a
# number ("put the toll at 21"), and a time inside their phrase dates what is counted.
COUNT_NOUNS = frozenset({"toll", "number", "figure", "count", "tally", "total"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
# A length of time ("three days", "a week", "Several hours", "24 hours") or an age ("Anahit
# Grigoryan, 34,"), which the model also tags as times: no point a figure holds as of.
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|hundred)"
_UNIT = r"(?:second|minute|hour|day|night|week|month|year|decade)"
_NO_POINT = re.compile(
    r"(?:(?:a|an|a few|few|several|some|many|the|the past(?: few)?|the previous|the next(?: few)?|the last(?: few)?|"
    r"last|about|over|nearly|"
    rf"more than|less than)\s+)?(?:{_COUNT}(?:\s+(?:and|or|to)\s+{_COUNT})?[\s-])?{_UNIT}s"  # "Hours", "three days",
    # "the past nine months", "the past few days", "six and four years"
    rf"|(?:a|an|one|the|{_COUNT})[\s-]{_UNIT}"  # "a week", "24-hour", "the day"; not "night" of "Tuesday night"
    rf"|(?:{_COUNT}[\s-])?{_UNIT}s?[\s-]old"  # "17-year-old", "six months old": an age
    r"|\d{1,3}",  # an age
    re.IGNORECASE,
)

def as_of(sent, sent_text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The character span of the time the figure holds as of, if the sentence gives one."""
    if ((m := AS_OF.search(sent_text)) and not _compared_since(sent, sent.start_char + m.start())
            and not _of_another_clause(sent, sent.start_char + m.start(), span)):
        text = m.group()
        start = sent.start_char + m.start()
        return start, min(start + len(text.rstrip()), _phrase_end(sent, start, span))
    times = [e for e in span_ents(sent) if e.label_ in _TIME_LABELS and not (e.start_char <= span[0] < e.end_char)]
    times = [e for e in times if not YEAR.fullmatch(e.text.strip()) and not _NO_POINT.fullmatch(e.text.strip())]
    times = [e for e in times if not _dates_another_number(e.root, span) and not _a_measures_hours(e)]
    counted = next((t for t in sent if t.idx <= span[0] < t.idx + len(t)), None)
    times = [e for e in times if counted is None or not _in_another_conjunct(e.root, counted)]
    times = [e for e in times if counted is None or not _in_the_count_noun(e.root, counted)]
    times = [e for e in times if counted is None or not _outside_its_relative(e.root, counted)]
    if not times:
        return None
    # Adjacent date and time entities are one expression: "Tuesday" + "morning".
    groups, current = [], [times[0]]
    for e in times[1:]:
        if e.start - current[-1].end <= 0:
            current.append(e)
        else:
            groups.append(current)
            current = [e]
    groups.append(current)
    best = min(groups, key=lambda g: min(abs(g[0].start_char - span[0]), abs(g[-1].end_char - span[1])))
    return trimmed(doc_text(sent.doc), best[0].start_char, best[-1].end_char)  # not "Saturday after days"


def _compared_since(sent, start: int) -> bool:
    """The "since" at ``start`` ranks the noun before it (``syntax.ranked_since``)."""
    since = next((t for t in sent if t.idx == start), None)
    return since is not None and ranked_since(since)


# Dependents that are clauses of their own, beside the one they hang on.
_CLAUSES = frozenset({"advcl", "conj", "ccomp", "xcomp", "parataxis"})


def _of_another_clause(sent, start: int, span: tuple[int, int]) -> bool:
    """The "since …" / "as of …" at ``start`` is in a clause beside the number's, which it
    dates: in "strikes killed 16 civilians on Sunday, bringing to 212 the number killed
    since the offensive began" the since dates the 212, and the 16 are Sunday's. The
    clause that "since" itself opens ("27 have been killed since the shelling began") is
    the number's time."""
    word = next((t for t in sent if t.idx == start), None)
    number = next((t for t in sent if t.idx <= span[0] < t.idx + len(t)), None)
    if word is None or number is None:
        return False
    verb = number
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    token = word
    while token.head.i != token.i and token.head.i != verb.i:
        token = token.head
    if token.head.i != verb.i or token.i == word.i:
        return False  # the since is not under the number's clause, or hangs on it directly
    own = word.dep_ == "mark" and word.head.i == token.i
    return token.dep_ in _CLAUSES and not own and not (token.left_edge.i <= number.i <= token.right_edge.i)


def past_year(sent, span: tuple[int, int]) -> tuple[int, int] | None:
    """The year a "when" clause that holds the figure hangs on: in "the worst outbreak
    since 2023, when more than 1,700 people died" the 1,700 are 2023's dead, a past toll
    and no count of this report (the "since 2023" dated it and left it current)."""
    token = next((t for t in sent if t.idx <= span[0] < t.idx + len(t)), None)
    while token is not None and token.head.i != token.i:
        if token.dep_ == "relcl" and any(c.lower_ == "when" and c.dep_ == "advmod" for c in token.children):
            date = next((e for e in span_ents(sent) if e.label_ == "DATE" and e.start <= token.head.i < e.end), None)
            return (date.start_char, date.end_char) if date is not None and YEAR.search(date.text) else None
        token = token.head
    return None


def _phrase_end(sent, start: int, figure: tuple[int, int]) -> int:
    """Where the "since …" / "as of …" phrase opening at ``start`` ends by the parse: its
    preposition's subtree ("since June"), or the clause it marks ("since the rains began in
    May"); not the rest of the sentence up to a comma ("since June have killed 40 …")."""
    word = next((t for t in sent if t.idx == start), None)
    if word is None:
        return sent.end_char
    last = word.head.right_edge if word.dep_ == "mark" else word.right_edge
    if word.dep_ == "mark" and word.head.left_edge.idx <= figure[0] <= last.idx:
        # The parse made the figure's own clause the one "since" marks ("Fighting since
        # the spring has left 75 dead"): the time is the noun phrase after "since".
        subject = next((c for c in word.head.children if c.dep_ == "nsubj" and c.i > word.i), None)
        last = subject.right_edge if subject is not None else word
    return last.idx + len(last) if last.i >= word.i else sent.end_char


def as_of_value(analysis: Analysis, as_of: tuple[int, int] | None) -> str | None:
    """The dates stage's value of the as-of expression: "as of Tuesday morning" -> the
    Tuesday, "a day earlier" -> the day before publication. A count "since" a time holds
    up to the report, so it has no value of its own."""
    if as_of is None or analysis.article.text[as_of[0] : as_of[1]].lower().startswith("since"):
        return None
    inside = [d.value for d in analysis.dates if d.value and as_of[0] <= d.span[0] and d.span[1] <= as_of[1]]
    return inside[0] if inside else None


def _in_another_conjunct(time, number) -> bool:
    """A time in a clause conjoined to the number's, and not above it, is that clause's: in
    "said 19 people had died, and that 11 of the wounded had been driven to the city
    overnight" the night dates the drive, not the 19. A time above the number's clause
    ("said on Wednesday that 26 had been killed") or in a clause under it ("were killed
    when the strike hit on Tuesday") still dates it."""
    above = {number.i, *(t.i for t in number.ancestors)}
    token = time
    while token.i not in above and token.head.i != token.i:
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and not _gapped(token):
            return True
        token = token.head
    return False


def _gapped(verb) -> bool:
    """A conjoined participle that shares its auxiliary with the clause before ("seven were
    killed and 15 wounded on Monday"): one clause in two, its time both conjuncts'."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)


def _in_the_count_noun(time, number) -> bool:
    """A time in the phrase of a count noun the number is not under dates what is counted,
    not the count: in "the number of people who died when the ferry capsized on Sunday has
    risen to 41" Sunday is the day of the deaths; the 41 holds as of the report."""
    above = {number.i, *(t.i for t in number.ancestors)}
    token = time
    while token.i not in above and token.head.i != token.i:
        token = token.head
        if token.i not in above and token.pos_ == "NOUN" and token.lemma_.lower() in COUNT_NOUNS:
            return True
    return False


def _outside_its_relative(time, number) -> bool:
    """The number in a relative clause on a noun of the sentence, beside a clause of a
    later act, and the time outside it: in "sentenced him on Wednesday for ordering an
    attack on a village in which 52 civilians were killed" Wednesday is the sentencing's,
    not the day the 52 held. Only a relative clause under a preposition's object ("on a
    village in which…"), the place of a past deed; not one on the sentence's subject or
    object ("the blast, which killed 12, …"), whose count the report's time may date."""
    relative = next((t for t in (number, *number.ancestors) if t.dep_ == "relcl"), None)
    if relative is None or relative.head.dep_ != "pobj":
        return False
    return not (relative.left_edge.i <= time.i <= relative.right_edge.i)


def _a_measures_hours(time) -> bool:
    """Hours on a measure's noun are the measure's, not a count's: in "imposed a curfew
    between 9 p.m. and 5 a.m. after clashes left three dead" the hours are the curfew's
    (lexicon.TERRITORIAL_MEASURES). A day there may still date the count ("a curfew on
    Monday after clashes left three dead"): hours only, the model's TIME."""
    if time.label_ != "TIME":
        return False
    token = time.root
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in TERRITORIAL_MEASURES:
            return True
    # or on the verb that imposes it: "imposed a curfew from 8 p.m. to 6 a.m."
    return token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in TERRITORIAL_MEASURES
                                        for c in token.children)


def _dates_another_number(time, span: tuple[int, int]) -> bool:
    """A time inside another number's phrase is that number's: in "has risen to 186, up
    from 142 a day earlier" the day before dates the 142, not the 186."""
    token = time
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        for child in token.children:
            if child.dep_ in ("pobj", "dobj") and child.like_num and not span[0] <= child.idx < span[1]:
                return True
    return False
