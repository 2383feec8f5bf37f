"""What the text around a time expression says about it: the tense of its clause, and the
time the text last named (the reference of an anaphoric expression)."""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.nlp.dates.periods import MONTHS, WEEKDAYS, day_of, nearest_year, weekday_on

# Words in the clause before a bare weekday that make it a coming day: "will meet Tuesday".
FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|would|(?:plans?|planned|planning) (?:to|a|an)|scheduled|expected to|is to|are to|set to|"
    r"as soon as|as early as|likely to|due to(?! (?:the|a|an|his|her|its|their|this|that)\b)|next(?! to\b)|"
    # Putting something off moves it ahead: "postponed until Tuesday", "delayed the vote to June".
    r"(?:postponed|postpone|delayed|delay|adjourned|deferred|put off)(?: \w+){0,4} (?:until|till|to)|"
    # A forecast runs ahead: "more rain was expected until Wednesday", "forecast through Friday".
    r"(?:expected|forecast|predicted)(?: \w+){0,4} (?:until|till|through)|"
    # What is awaited on a day is still to come: "results were expected on Thursday", "a
    # verdict is due by Friday" (the cue must end right before the day).
    r"(?:expected|due)(?= (?:on|by)\s*$)|"
    # A deadline still running: "has until Friday", "gave the family until 9 a.m. Tuesday".
    r"(?:has|have|given|giving|gave)(?: \w+){0,4} until|"
    # A schedule in the present simple, news' way of telling what is set to happen: "the
    # two leaders meet Monday", "the summit opens Friday" (a past one is told in the past).
    r"(?<!\bto )(?<!\bdid )(?<!\bwould )(?:meets?|begins?|starts?|opens?|visits?|arrives?|resumes?|travels?)"
    r"(?=(?: \w+)?\s*$)|"
    # What is agreed or ordered to run from a day runs ahead: "a 72-hour ceasefire starting
    # on Monday", "a curfew effective Friday", "beginning Tuesday".
    r"(?:starting|beginning|effective)(?=(?: on| from)?\s*$))\b",
    re.IGNORECASE,
)
# A time that opens its sentence ("On Tuesday, the league plans to ...") modifies the
# clause after it, not the sentence before.
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?]['\"”’]*\s+|\n\s*)"
                             r"(?:On\s+|By\s+|Until\s+|Starting\s+|From\s+|In\s+|Since\s+|Last\s+|Early\s+|Late\s+)?$")

# How far back the cue is looked for: the verb governing a weekday is near it. 80
# characters: 274 of TBAQ's 297 bare weekdays right, against 264 for the whole sentence.
CUE_WINDOW = 80

_REFERENCE = re.compile(  # (a day before its month too, "19 September", as most of the world writes it)
    r"(?:\b(?P<d0>\d{1,2})\s+(?:of\s+)?)?\b(?P<m>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)(?:\s+(?P<d>\d{1,2})\b)?(?:,?\s+(?P<y>1\d{3}|20\d{2})\b)?"
    r"|\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\bin (?P<y2>1[89]\d{2}|20\d{2})\b"
)

# The reference is looked for in the sentence and the few before: 400 characters.
REFERENCE_WINDOW = 400


def reference(before: str, anchor: dt.date | None) -> tuple[str, dt.date] | None:
    """(granularity, date) of the last time the text names before an expression; for an
    undated article a weekday is ("weekday", a date on that weekday)."""
    text = before[-REFERENCE_WINDOW:]
    matches = list(_REFERENCE.finditer(text))
    if not matches:
        return None
    m = matches[-1]
    if m.group("y2"):
        return "year", dt.date(int(m.group("y2")), 1, 1)
    if m.group("wd"):
        day = WEEKDAYS.index(m.group("wd").lower())
        if anchor is None:  # an undated article: the weekday itself, as WXX-n (see the module doc)
            return "weekday", dt.date(2001, 1, 1 + day)  # 2001-01-01 was a Monday
        return "day", dt.date.fromisoformat(weekday_on(anchor, day, "past"))
    month = MONTHS[m.group("m").lower().rstrip(".")]
    day = int(m.group("d") or m.group("d0") or 0)
    if not m.group("y") and anchor is None or day > 31:
        return None
    # A reference without its year is placed as the expression itself would be, by tense.
    year = int(m.group("y")) if m.group("y") else month_year(anchor, month, "", (text[: m.start()], ""), day)
    return ("day" if day else "month"), day_of(year, month, day or 1)


_APPOSITIVE = re.compile(rf"(?:{_REFERENCE.pattern}),\s+(?:the\s+)?$")


def appositive(before: str) -> bool:
    """Whether an expression stands right after a named time, as another name for it."""
    return bool(_APPOSITIVE.search(before[-40:]))


# A named time, then a dash or a comma and a hedge: "On Monday — just " + "a day before
# the attack", "Sept. 18, only " + "a day before ...".
_APPOSED_COUNT = re.compile(rf"(?:{_REFERENCE.pattern})\s*(?:,|—|–|--)\s*(?:(?:just|only|barely)\s+)?$")


def apposed_count(before: str) -> bool:
    """Whether a count from an event ("a day before the attack") stands right after a named
    time, as another name for it."""
    return bool(_APPOSED_COUNT.search(before[-60:]))


# The period of an abbreviation ends no clause: "until 9 a.m. Tuesday", "Mr. Smith",
# "on Oct. 5". Months and titles news abbreviates (AP style), and letters with periods.
_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|St|Jr|Sr|Inc|"
                           r"Corp|Co|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|vs)\.")


def _unabbreviated(text: str) -> str:
    return _ABBREVIATION.sub(lambda m: m.group(0).replace(".", " "), text)


def clause_before(before: str) -> str:
    """The clause an expression ends: the text back to the last comma or sentence end, at
    most ``CUE_WINDOW`` characters."""
    return re.split(r"[.;!?,]", _unabbreviated(before[-CUE_WINDOW:]))[-1]


def sentence_before(before: str) -> str:
    """The part of an expression's sentence before it."""
    return re.split(r"[.!?]\s", _unabbreviated(before[-REFERENCE_WINDOW:]))[-1]


def sentence_after(after: str) -> str:
    """The part of an expression's sentence after it."""
    return re.split(r"[.!?](?:\s|$)", _unabbreviated(after[:REFERENCE_WINDOW]))[0]


def future_clause(ctx: tuple[str, str]) -> bool:
    """Whether the clause before an expression speaks of the future ("will meet on
    Tuesday"). TimeML anchors a bare weekday or month by the tense of the event it
    modifies; the clause ends at a comma ("would appeal the decision, announced
    Wednesday"), and a possessive ("Wednesday's ruling") names an event, not the verb's."""
    if re.search(r"\b(?:ahead of|in time for)\s+(?:the\s+)?$", ctx[0][-30:]):  # "ahead of Friday's vote"
        return True
    if ctx[1].startswith(("'s", "’s")):
        return False
    if _CALLED_FOR.search(ctx[0][-60:]) or _CALL_STANDING.search(ctx[0][-80:]) or _CALLED_FROM.search(ctx[0][-80:]):
        return True  # "called a strike for Friday", "has called a strike on Friday", "called a strike from Friday"
    return _nearest_cue(ctx) == "future"


# Acts that are called, planned or set for a day ahead.
_ACTS = (r"(?:strikes?|walkouts?|protests?|rall(?:y|ies)|march(?:es)?|demonstrations?|votes?|elections?|referendum|"
         r"meetings?|talks|summit|hearing|deadline|shutdown)")
# An act called or set "for" a day is still to come: "called a strike for Friday", "a rally
# planned for Sunday", "the vote set for Monday" (what was held on a day is told with "on").
_CALLED_FOR = re.compile(rf"\b{_ACTS}(?: (?:called|planned|set|scheduled|due))? for\s+$", re.IGNORECASE)
# A call or plan that stands, not one told as past, points its act's day ahead too, with
# "on": "the union has called for a general strike on Tuesday", "activists are calling for a
# march on Sunday", "a rally planned on Sunday". The present perfect takes no past day of its
# own ("has called ... on Tuesday" cannot date the call), so the day is the act's. A simple
# past ("called for talks on Tuesday") is left to the tense: it dates the call as often.
_CALL_STANDING = re.compile(
    r"\b(?:(?:has|have) (?:been )?(?:called|announced|planned|urged|demanded|scheduled)|calls?|(?:is|are) calling|"
    rf"(?:is|are) (?:called|planned|announced|scheduled))(?: for)?(?: [\w-]+){{0,4}}? {_ACTS} on\s+$"
    rf"|\b{_ACTS} (?:planned|scheduled|set|due) on\s+$",
    re.IGNORECASE,
)

# A day "from" which a called act runs is when the act starts, never when it was called
# (no one calls "from Wednesday"), so whatever the tense of the call the day is ahead:
# "unions called a nationwide strike from Wednesday", "declared a walkout from Monday".
# An act "from" a day with no call before it is left to the tense ("the strike from
# Wednesday to Friday closed schools").
_CALLED_FROM = re.compile(
    r"\b(?:call(?:s|ed)?|announc(?:es|ed)|plann?(?:s|ed)|declar(?:es|ed)|schedul(?:es|ed))"
    rf"(?: for)?(?: [\w-]+){{0,4}}? {_ACTS} from\s+$",
    re.IGNORECASE,
)


def _nearest_cue(ctx: tuple[str, str]) -> str:
    """ "future", "past" or "": the tense cue nearest the expression in the clause whose
    verb it modifies: the clause it ends, or the one after it when it opens its sentence
    ("On Tuesday, the union plans to strike"; "In March, the firm unveiled plans to ...")."""
    opens = bool(_OPENS_SENTENCE.search(_unabbreviated(ctx[0][-CUE_WINDOW:])))
    if opens:
        clause = re.split(r"[.;!?,]", _unabbreviated(ctx[1][:CUE_WINDOW]).lstrip(" ,"))[0]
    else:
        clause = clause_before(ctx[0])
    cues = [(m.start(), "future") for m in FUTURE_CUE.finditer(clause)]
    cues += [(m.start(), "past") for m in PAST_CUE.finditer(clause)]
    if not cues:
        return ""
    return (min(cues) if opens else max(cues))[1]


# The tense of the clause before a month or day without its year. TimeML anchors such an
# expression by the event it modifies: "ended March 31" is the last one, "will close by
# June 1" the coming one. Past: a past auxiliary, irregular past forms and a few regular
# ones news reports with (a regular -ed form in general is as often a participle: "extended
# to", "expected in"; taking all of them lost 10 TBAQ values); "said" is left out, as the
# reporting verb it is not the one a date modifies ("said they expect to close by Dec. 15").
PAST_CUE = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"  # "will be held", "has been paid": no past
                      r"\b(?:was|were|had|did|since|ago|began|ended|closed|bought|sold|took|made|came|went|met|told|"
                      r"left|won|held|fell|rose|saw|gave|got|led|paid|kept|became|lost|brought|announced|reported|"
                      r"stepped|changed|resigned|signed|filed|approved|named|appointed)\b",
                      re.IGNORECASE)

_YEAR_AFTER = re.compile(r"^,?\s+(?P<w>this|last|next) year\b", re.IGNORECASE)


def tense(ctx: tuple[str, str]) -> str:
    if m := _YEAR_AFTER.match(ctx[1]):  # "in February this year": the span stops at the month
        return {"this": "this", "last": "last_year", "next": "next_year"}[m.group("w").lower()]
    if future_clause(ctx):
        return "future"
    return "past" if _nearest_cue(ctx) == "past" else ""


def month_year(anchor: dt.date, month: int, word: str, ctx: tuple[str, str], day: int = 0) -> int:
    direction = word or tense(ctx)
    if direction in ("last_year", "next_year"):
        return anchor.year + (1 if direction == "next_year" else -1)
    return nearest_year(anchor, month, direction, day)

