"""Figures: every number that counts something, with who reports it and as of when.

A number phrase (``numbers.find_numbers``: digits, words, vague plurals, bounds, ranges)
becomes a Figure when the parse says what it counts:

- a unit after it (kilometers, dollars, percent, days) gives distance, money, percent or
  duration;
- the counted noun ("27 deaths", "1,960 peacekeepers", "175 personnel") or a word just
  after it ("two dead", "11 people injured") or the verb above it ("killed six people",
  "inhabited by 120,000 Armenians") gives killed, injured, missing, displaced, arrested,
  troops, peacekeepers, population, protesters, infected; "personnel" and "staff" are troops
  only in a sentence that names an army ("military personnel"), else a ``count`` of them;
  "cases" are infected only in a sentence that names an illness ("new cases of cholera");
  bodies shown to be the dead ("recovered three bodies", "the bodies of 12 people", "27
  bodies received at the hospital") are killed, save those counted in error ("two bodies
  were counted twice"); a value set before its tally counts what the tally counts
  ("raising to 40 the death toll", "bring to 233 the number of civilians killed");
- else a plural noun gives the generic quantity ``count`` with that noun as subject.
Numbers that count nothing we can name (years, ordinals, "one of them") are left out.

``reported_by`` is the speaker of the quote the number sits in, else "according to X",
else the subject of a reporting verb above it. ``as_of`` is "as of …", "since …", or the
nearest date/time expression of the sentence; ``as_of_value`` is the TIMEX3 value the dates
stage gave that expression (none for "since …", which dates the start of the count, not the
moment it holds). ``background``: a casualty figure in a
sentence that names another year's conflict ("the 2020 war killed…") is not this event's;
a year the count runs since is no other conflict ("14,000 have been killed since the war
began in April 2023" is the toll up to now).

Flags added to the article: a unit conversion that does not convert ("60 kilometers (100
kilometers)"), parts that add up to more than their total ("six people, including eight
police officers"). Numbers inside a sentence that cleaning flagged as a repeat are skipped,
so a repeated sentence's figures count once.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsdesk.facts.figure_bodies import BODY_NOUNS, the_dead
from newsdesk.facts.figure_time import AS_OF, COUNT_NOUNS, HABITUAL, YEAR, as_of_value, past_year
from newsdesk.facts.figure_time import as_of as find_as_of
from newsdesk.facts.figure_verbs import captured, joins_a_protest
from newsdesk.facts.incidents import incident
from newsdesk.facts.lexicon import CURRENCY_SIGNS
from newsdesk.facts.numbers import SCALES, Number, find_numbers, value_of
from newsdesk.facts.quote_words import SPEECH_VERBS
from newsdesk.facts.quotes import according_to
from newsdesk.facts.speakers import Resolver, subject_of
from newsdesk.facts.syntax import gapped_passive
from newsdesk.model import Analysis, Figure, Flag
from newsdesk.nlp.dates.periods import MONTHS
from newsdesk.nlp.doccache import doc_text, sentence

# Verbs above a number that report it (built once: the walks up the parse test every verb).
_REPORTING_VERBS = SPEECH_VERBS | {"report"}
# What a word near the number says it counts. Lemmas, as spaCy's lemmatizer gives them.
QUANTITY_OF = {
    **dict.fromkeys(("kill", "killed", "dead", "death", "die", "fatality", "slay", "perish", "murder", "drown"),
                    "killed"),
    **dict.fromkeys(("injure", "injured", "wound", "wounded", "injury", "hurt", "hospitalize", "hospitalise"),
                    "injured"),
    **dict.fromkeys(("missing", "disappear", "unaccounted"), "missing"),
    **dict.fromkeys(("displace", "displaced", "flee", "evacuate", "refugee", "homeless", "uproot", "arrival"),
                    "displaced"),
    **dict.fromkeys(("arrest", "detain", "detention", "imprison", "jail"), "arrested"),
    "peacekeeper": "peacekeepers",
    **dict.fromkeys(("troop", "soldier", "serviceman", "servicemen", "fighter", "marine"), "troops"),
    **dict.fromkeys(("population", "resident", "inhabitant", "inhabit", "live", "reside", "remain"), "population"),
    **dict.fromkeys(("protester", "demonstrator", "march", "rally", "protest", "demonstrate"), "protesters"),
    # An outbreak's count: "infected 300 people", "1,200 infections"; its "cases" when the
    # sentence names a disease (``_DISEASE``), as WHO reports count cases beside deaths.
    **dict.fromkeys(("infect", "infected", "infection"), "infected"),
}
# Nouns that name the quantity itself: they are not a subject ("27 deaths" has none).
QUANTITY_NOUNS = frozenset(
    {"death", "fatality", "dead", "injury", "wounded", "peacekeeper", "troop", "population", "refugee", "infection"}
)
# "captured": soldiers taken prisoner, people abducted (facts/figure_verbs).
# "infected": the sick of an outbreak, its casualties as the killed are a war's (a count of
# them in another year's outbreak is background, as a toll is).
CASUALTIES = frozenset({"killed", "injured", "missing", "displaced", "arrested", "captured", "infected"})
# Quantities whose counted noun says whom ("two civilians"); for the others it is the quantity.
WITH_SUBJECT = CASUALTIES | {"population", "count", "protesters"}
# Nouns that name the protesters themselves: no subject beside the quantity ("2,000 protesters").
_PROTESTER_NOUNS = frozenset({"protester", "demonstrator"})
# Words for the people of any body, soldiers or not: "175 personnel" of an army are troops,
# "6,200 personnel" of a rescue service or "300 staff" of a hospital are a count of them.
_STAFF_NOUNS = frozenset({"personnel", "staff"})
# Words that make a sentence's personnel an army's (lemmas): "military personnel", "the army
# sent 400 personnel", "personnel took part in military exercises". Not "defence": civil
# defence is a rescue service; not "forces": security forces are police as often.
_MILITARY = frozenset({"military", "army", "soldier", "troop", "navy", "naval", "marine", "armed", "serviceman",
                       "battalion", "brigade", "regiment", "militia"})
# "Cases" count the sick only in a sentence that names an illness or an outbreak ("1,200 new
# cases of cholera", "cases rose as the epidemic spread"); else they are court cases, crates,
# instances ("in two cases"). Lemmas, lowercased: diseases news reports outbreaks of.
_CASE_NOUNS = frozenset({"case"})
_DISEASE = frozenset({
    "outbreak", "epidemic", "pandemic", "disease", "illness", "virus", "infection", "infect", "contagion", "strain",
    "variant", "cholera", "measles", "ebola", "covid", "covid-19", "coronavirus", "dengue", "mpox", "monkeypox",
    "malaria", "flu", "influenza", "polio", "typhoid", "tuberculosis", "diphtheria", "meningitis", "hepatitis",
    "hiv", "marburg", "lassa", "plague", "zika", "anthrax", "rabies", "norovirus", "chikungunya", "fever",
})

# Units and their quantity; distances with their length in kilometres to check conversions.
KM = {"km": 1.0, "kilometer": 1.0, "kilometre": 1.0, "mile": 1.609344, "mi": 1.609344, "meter": 0.001,
      "metre": 0.001, "m": 0.001, "foot": 0.0003048, "feet": 0.0003048, "ft": 0.0003048,
      "nautical mile": 1.852}  # the sea mile, 1,852 m by international definition
UNITS = {
    **dict.fromkeys(KM, "distance"),
    **dict.fromkeys(("dollar", "euro", "pound", "ruble", "rouble", "manat", "dram", "yuan"), "money"),
    **dict.fromkeys(CURRENCY_SIGNS, "money"),
    # Other currencies news prices things in, as the lemmatizer gives them ("rupees" ->
    # "rupee"; "yen" and "naira" are their own plurals). Not "won" or "real", ordinary words.
    **dict.fromkeys(("rupee", "yen", "naira", "franc", "peso", "rand", "shilling", "dinar", "riyal", "rial",
                     "dirham", "lira", "hryvnia", "baht", "ringgit", "taka", "zloty", "krona", "krone", "cedi",
                     "kwacha", "birr", "lari", "tenge", "rupiah", "dong", "afghani", "kyat"), "money"),
    **dict.fromkeys(("percent", "%", "per"), "percent"),
    # (a night, a fortnight and a decade too: "two nights of rioting" count no casualties)
    **dict.fromkeys(("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "year", "decade"),
                    "duration"),
    **dict.fromkeys(("ton", "tonne", "kg", "kilogram"), "weight"),
    # Volumes of liquids and gas, as spills, aid and output are measured ("2 million litres of
    # fuel", "60,000 barrels a day"); "cubic" is read with the word after it, as "nautical" is.
    **dict.fromkeys(("litre", "liter", "gallon", "barrel", "cubic metre", "cubic meter", "cubic foot"), "volume"),
}
# People who watch a ceasefire are peacekeepers ("2,000 Russians monitored the ceasefire").
_WATCH_VERBS = frozenset({"monitor", "patrol", "keep", "guard", "observe", "police"})
_TRUCE = re.compile(r"cease-?fire|truce|peace", re.IGNORECASE)
# An age written after its number: "-year-old", " years old", "-month-old".
_AGE = re.compile(r"[\s-]*(?:year|month|week|day)s?[\s-]+old\b", re.IGNORECASE)
# A conversion within this share of the larger value is fine ("60 km (37 miles)").
_CONVERSION_TOLERANCE = 0.15
_NUM = r"\d[\d,.]*"
_UNIT_WORD = r"(?:kilomet(?:er|re)s?|km|miles?|mi|met(?:er|re)s?|m|feet|foot|ft)"
_CONVERSION = re.compile(
    rf"(?P<a>{_NUM})\s*(?P<ua>{_UNIT_WORD})\b\s*\(\s*(?:about |roughly |around |approximately |some |nearly )?"
    rf"(?P<b>{_NUM})\s*(?P<ub>{_UNIT_WORD})\b\s*\)",
    re.IGNORECASE,
)


def find_figures(analysis: Analysis, doc) -> Analysis:
    """Per-article stage: figures with quantity, subject, reporter and time; flags added."""
    article = analysis.article
    repeats = [f.span for f in article.flags if f.kind == "repeated_sentence"]
    resolver = Resolver(analysis, [q.span for q in analysis.quotes])
    figures: list[Figure] = []
    for number in find_numbers(article.text):
        if any(s <= number.span[0] < e for s, e in repeats):
            continue  # the sentence is a repeat: its figures are counted where it first appears
        figure = _figure(analysis, doc, number, resolver, figures)
        if figure is not None:
            figures.append(figure)
    flags = _conversion_flags(article.text) + _total_flags(article.text, figures, doc)
    new_flags = tuple(f for f in flags if f not in article.flags)
    return replace(analysis, figures=tuple(figures), article=replace(article, flags=article.flags + new_flags))


def _tokens(doc, span):
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    return list(chars) if chars is not None else []


def _figure(analysis: Analysis, doc, number: Number, resolver: Resolver, before: list[Figure]) -> Figure | None:
    toks = _tokens(doc, number.span)
    if toks and toks[0].lower_ == "about" and toks[0].i > 0 and doc[toks[0].i - 1].pos_ in ("NOUN", "PROPN", "PRON"):
        # "information about two dead": a preposition, not a hedge
        number = replace(number, span=(toks[1].idx, number.span[1]), text=number.text[6:], qualifier=None,
                         approximate=False)
        toks = toks[1:]
    if len(toks) > 2 and toks[0].lower_ == "up" and toks[0].i > 0 and _raised_to(doc[toks[0].i - 1]):
        # "bringing the toll up to 48": the value the toll reached, no bound
        number = replace(number, span=(toks[2].idx, number.span[1]), text=number.text[6:], qualifier=None,
                         approximate=False)
        toks = toks[2:]
    if not toks or _is_not_a_count(number, toks):
        return None
    last = toks[-1]
    unit = _unit_after(doc, last)
    noun = None if unit else _counted_noun(doc, toks)
    quantity = UNITS[unit] if unit else _quantity(doc, toks, noun)
    if quantity in (None, "count") and (among := _among_the_counted(doc, toks[0])) is not None:
        quantity = among if among != _SAME_AS_BEFORE else _counted_before(analysis.article.text, before,
                                                                             number.span[0]) or quantity
    if quantity == _SAME_AS_BEFORE:
        quantity = _counted_before(analysis.article.text, before, number.span[0])
    if quantity is None and noun is None and number.value >= _BARE_SUM_MIN and last.dep_ in _PAID \
            and (sum_before := _sum_before(doc, before, last)) is not None:
        quantity, unit = "money", sum_before.unit  # "asked for 50 million naira and paid 12 million"
    if quantity is None:
        return None
    subject = None
    named = QUANTITY_NOUNS | (_PROTESTER_NOUNS if quantity == "protesters" else frozenset())
    named |= BODY_NOUNS if quantity == "killed" else frozenset()  # "three bodies" counts the dead, no one else
    named |= _CASE_NOUNS if quantity == "infected" else frozenset()  # "1,200 cases" of cholera count the sick
    if quantity in WITH_SUBJECT and noun is None and (tally := _tally_of(last)) is not None:
        noun = _counted_by(tally)  # "the number of civilians killed rose to 61": civilians
    if quantity in WITH_SUBJECT and noun is not None and noun.lemma_.lower() not in named:
        subject = _noun_text(noun)
    sent = sentence(doc, last.i)
    sent_text = doc_text(doc)[sent.start_char : sent.end_char]  # sent.text, without building it per token
    past = past_year(sent, number.span)
    as_of = past or find_as_of(sent, sent_text, number.span)
    return Figure(
        article_id=analysis.article.id,
        span=number.span,
        quantity=quantity,
        value=number.value,
        approximate=number.approximate,
        qualifier=number.qualifier,
        high=number.high,
        unit=unit,
        subject=subject,
        reported_by=_reported_by(analysis, number, toks, resolver),
        as_of=doc_text(doc)[as_of[0] : as_of[1]] if as_of else None,
        as_of_value=as_of_value(analysis, as_of),
        incident=incident(analysis, doc, noun if noun is not None else last) if quantity in CASUALTIES else None,
        increment=quantity in CASUALTIES and _increment(noun, sent_text),
        background=quantity in CASUALTIES and (past is not None or bool(YEAR.search(AS_OF.sub("", sent_text)))
                                               or bool(HABITUAL.search(sent_text))),
    )


# Words on a counted noun that make it the new ones of a day or a period: "140 new cases",
# "12 fresh infections", "daily deaths"; "5,000 newly displaced" (an adverb on the casualty
# word). A period named in the sentence does the same: "95 cases in the past 24 hours".
_NEW_WORDS = frozenset({"new", "fresh", "additional", "daily", "newly"})
_PERIOD = re.compile(r"\b(?:in|over|during) the (?:past|last|previous) (?:24|48|72|twenty-four) hours\b"
                     r"|\b(?:in|over|during) the (?:past|last|previous) (?:day|week)\b", re.IGNORECASE)


def _increment(noun, sent_text: str) -> bool:
    """Whether a casualty count is of the new ones of a day or a period, not the running
    total (``Figure.increment``)."""
    mods = [t for t in noun.lefts if t.dep_ in ("amod", "advmod")] if noun is not None else []
    return any(w.lower_ in _NEW_WORDS for m in mods for w in (m, *m.lefts)) or bool(_PERIOD.search(sent_text))


def _age_beside_a_name(toks) -> bool:
    """A bare number set beside a person's name as its apposition ("Anna Ruiz, 32," or
    "Anna Ruiz (32)"): news gives an age so, a count has its noun."""
    if len(toks) != 1 or toks[0].dep_ != "appos":
        return False
    name, doc, i = toks[0].head, toks[0].doc, toks[0].i
    closed = i + 1 >= len(doc) or doc[i + 1].text in (",", ")", ".", ";")
    return (name.ent_type_ == "PERSON" or name.pos_ == "PROPN") and closed and doc[i - 1].text in (",", "(")


def _raised_to(word) -> bool:
    """A tally or a verb of raising before "up to": "took the toll up to 48", "pushed it up to 40"."""
    return word.lemma_.lower() in COUNT_NOUNS or word.lemma_.lower() in _RAISING_VERBS


# Verbs that carry a tally to a value ("bringing the toll up to 48").
_RAISING_VERBS = frozenset({"take", "bring", "push", "drive", "send", "rise", "climb", "go", "jump", "shoot"})
# Nouns that a number after them labels, not counts: "phase 5", "Article 5". Not "week" or
# "day", after which a number is often a count that follows a time ("this week 175
# personnel took part").
_LABEL_NOUNS = frozenset({
    "phase", "level", "category", "stage", "grade", "step", "number", "no", "article", "section", "chapter", "page",
    "room", "flight", "gate", "route", "highway", "channel", "platform", "terminal", "paragraph", "clause", "item",
    "game", "round", "act", "episode", "part", "resolution",
})


def _is_not_a_count(number: Number, toks) -> bool:
    """Years, ordinals, clock times, names, days of a month ("as of March 9") and labels
    ("phase 5") are numbers that count nothing."""
    if any(t.ent_type_ in ("ORDINAL", "TIME", "PERSON", "ORG", "GPE", "LAW", "PRODUCT") for t in toks):
        return True
    before = toks[0].doc[toks[0].i - 1] if toks[0].i > 0 else None
    after = toks[-1].doc[toks[-1].i + 1] if toks[-1].i + 1 < len(toks[-1].doc) else None
    day_of_month = number.qualifier is None and number.value <= 31 and any(  # not "five may have died"
        w is not None and w.lower_.rstrip(".") in MONTHS and w.text[0].isupper() for w in (before, after))
    if day_of_month or (number.qualifier is None and before is not None and before.lower_.rstrip(".") in _LABEL_NOUNS):
        return True
    if number.qualifier is None and 1800 <= number.value <= 2100 and "," not in number.text:
        return True  # a year: "the 2020 war", "since 2020"
    if number.text.lower() == "one" and toks[-1].dep_ != "nummod":
        return True  # "one of them", "the one who"
    doc, end = toks[-1].doc, toks[-1].i
    if _age_beside_a_name(toks):
        return True  # "Joren Blake, 45, was arrested": his age, not 45 arrested
    if before is not None and before.lower_ in ("aged", "ages"):
        return True  # "a girl aged 9", "men aged between 20 and 40": ages, no count
    if _AGE.match(doc_text(doc), number.span[1]):
        return True  # "a 27-year-old student", "six months old": an age, not a length of time
    # "three years ago": a date, not a duration
    return end + 2 < len(doc) and doc[end + 2].lower_ in ("ago", "old", "earlier", "later")


def _unit_after(doc, last) -> str | None:
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-" and last.i + 2 < len(doc):
        nxt = doc[last.i + 2]  # "a 44-day war"
    if nxt is not None and nxt.lower_ in ("and", "or", "to") and last.i + 2 < len(doc) and doc[last.i + 2].like_num:
        shared = _unit_after(doc, doc[last.i + 2])  # "six and four years", "three or four days": one unit for both
        if shared is not None:
            return shared
        # "paid $3 million to 40 families": the next number has no unit to share, this one its own
    if nxt is None:
        return None
    word = nxt.lemma_.lower() if nxt.text not in ("%", "m", "km", "mi", "ft") else nxt.text.lower()
    if word == "per" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ == "cent":
        return "percent"
    if word == "nautical" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].lemma_.lower() == "mile":
        return "nautical mile"
    if word == "cubic" and nxt.i + 1 < len(doc) and (cubic := f"cubic {doc[nxt.i + 1].lemma_.lower()}") in UNITS:
        return cubic  # "cubic metres": a volume, not the length "metres"
    if word in UNITS and word != "per":
        if UNITS[word] == "duration" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ in ("ago", "old"):
            return None
        return word
    prev = doc[last.i - 1] if last.i > 0 else None
    money = prev if prev is not None and prev.text in CURRENCY_SIGNS else None
    if money is None and len(doc) > last.i and doc[last.i].i > 0:
        first = doc[max(0, last.i - 3) : last.i]
        money = next((t for t in first if t.text in CURRENCY_SIGNS), None)
    return money.text if money is not None else None


def _counted_noun(doc, toks):
    """The noun a number counts: "27 deaths", "tens of thousands of Armenians"."""
    last = toks[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of" and nxt.i + 1 < len(doc):
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
            return pobj
    of = last.head if last.dep_ == "pobj" and last.head.lower_ == "of" else None
    if of is not None and of.head.lemma_.lower() in QUANTITY_OF and of.head.pos_ == "NOUN":
        return of.head  # "a population of 45,000"
    for tok in toks:
        head = tok.head
        if tok.dep_ in ("nummod", "quantmod", "compound") and head.i > last.i and head.pos_ in ("NOUN", "PROPN"):
            return head
    # The parser sometimes hangs a number on the wrong word ("this week 175 Armenian
    # personnel"): take the noun that follows it across adjectives.
    for tok in doc[last.i + 1 : min(last.i + 4, len(doc))]:
        if tok.pos_ == "NOUN":
            return tok
        if tok.pos_ not in ("ADJ", "PROPN") and tok.dep_ not in ("amod", "compound"):
            break
    return None


def _quantity(doc, toks, noun) -> str | None:
    """What the number counts: a casualty word near it first (three soldiers *wounded*),
    then the counted noun's own kind (800 *troops*), else a generic count of a plural."""
    lemma = noun.lemma_.lower() if noun is not None else ""
    if lemma in QUANTITY_NOUNS:
        return QUANTITY_OF.get(lemma, lemma)
    if noun is not None and the_dead(noun):
        return "killed"
    if noun is not None and (q := _casualty_modifier(noun, toks[-1])) is not None:
        return q
    if noun is not None and captured(noun, toks[-1]):
        return "captured"  # "five soldiers were taken prisoner": captives, no troops of the army's
    anchor = noun if noun is not None else toks[-1]
    for tok in doc[anchor.i + 1 : min(anchor.i + 4, sentence(doc, anchor.i).end)]:
        if tok.is_punct or tok.lower_ in ("and", "or"):
            break
        # "two dead", "11 people injured", "still missing": an adjective or participle, not
        # a finite verb whose subject is the counted noun ("two blasts killed" counts blasts).
        q = QUANTITY_OF.get(tok.lemma_.lower()) or QUANTITY_OF.get(tok.lower_)
        # "two blasts had killed": a participle after "had" whose active subject is the noun
        # counts the killers, not the killed.
        head = anchor
        while head.dep_ == "compound" and head.head.i != head.i:  # "two landmine explosions"
            head = head.head
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        killer = perfect and head.dep_ == "nsubj" and head.head.i == tok.i  # tokens compare by index
        if q and tok.tag_ in ("JJ", "VBN", "VBG") and not killer:
            return q
    if (q := _from_verb(anchor)) is not None or (q := _housed_in_a_camp(toks[0])) is not None:
        return q
    # A tally's value is a bare number or a count of people ("rose to 27", "to 27 people"), not
    # a count of things: "counts of the dead ... from two collapsed dams" gives no toll of two.
    if (noun is None or noun.lemma_.lower() in _PEOPLE) and (q := _toll_value(anchor)) is not None:
        return q
    if lemma in QUANTITY_OF and lemma not in _VERB_ONLY:
        return QUANTITY_OF[lemma]
    if lemma in _STAFF_NOUNS:
        return "troops" if _military(noun) else "count"
    if lemma in _CASE_NOUNS and _of_a_disease(noun):
        return "infected"
    if noun is not None and (noun.tag_ in ("NNS", "NNPS") or noun.ent_type_ == "NORP"):
        return "count"
    return None


def _casualty_modifier(noun, last) -> str | None:
    """A casualty word between the number and its noun says what it counts: "41 wounded
    people", "three missing children", "12 detained reporters". Only casualties: "12 remaining
    soldiers" counts soldiers, not a population."""
    for mod in noun.lefts:
        if mod.dep_ == "amod" and mod.i > last.i and mod.tag_ in ("JJ", "VBN", "VBG"):
            # a gerund by its own form only: "missing", not "killing" of "two killing squads"
            q = QUANTITY_OF.get(mod.lower_) or (QUANTITY_OF.get(mod.lemma_.lower()) if mod.tag_ != "VBG" else None)
            if q in CASUALTIES:
                return q
    return None


def _military(noun) -> bool:
    """Whether a word for staff counts soldiers: it or its sentence names an army (``_MILITARY``)."""
    return any(t.lemma_.lower() in _MILITARY for t in sentence(noun.doc, noun.i))


def _of_a_disease(noun) -> bool:
    """Whether "cases" count the sick: their sentence names an illness or outbreak (``_DISEASE``)."""
    return any(t.lemma_.lower() in _DISEASE or t.lower_ in _DISEASE for t in sentence(noun.doc, noun.i))


_PEOPLE = frozenset({"people", "person", "civilian", "victim", "life", "resident", "individual"})

# Lemmas that name a quantity only as verbs ("live", "remain"), never as counted nouns.
_VERB_ONLY = frozenset({"live", "remain", "reside", "inhabit", "kill", "die", "drown", "injure", "arrest", "detain",
                        "flee", "march", "rally", "protest", "demonstrate", "infect"})


def _from_verb(token) -> str | None:
    """The verb above a counted noun: "killed six people", "inhabited by 120,000 Armenians".

    Parts listed after "including" take their total's quantity ("27 deaths, including two
    civilians"). The subject of "kill" is the killer, not the killed ("two blasts killed").
    The walk stops at a reporting verb: what is reported is counted by the verb below it.
    """
    including = False
    for _ in range(5):
        if token.head.i == token.i:  # the root (spaCy tokens are new objects: compare by index)
            return None
        child, token = token, token.head
        lemma = token.lemma_.lower()
        if lemma == "include":
            including = True
            continue
        if child.dep_ in ("nsubj", "nsubjpass") and (q := _complement(token)) is not None:
            return q
        if child.dep_ == "nsubjpass" and _treated(token):
            return "injured"
        if child.dep_ == "nsubjpass" and _driven_out(token):  # "10,000 have been forced from their homes"
            return "displaced"
        if token.pos_ in ("VERB", "AUX") and lemma in _REPORTING_VERBS:
            return None
        if token.pos_ == "VERB" and lemma in _WATCH_VERBS and any(_TRUCE.search(c.text) for c in token.subtree):
            return "peacekeepers"
        if token.pos_ == "VERB" and child.dep_ == "dobj" and (_driven_out(token) or _a_camp_housing(token)):
            return "displaced"
        if child.dep_ == "nsubj" and _crossed_a_border(token):  # "20,000 have crossed into Chad"
            return "displaced"
        if child.dep_ == "nsubj" and token.lower_ == "missing":
            return "missing"  # "11 passengers were missing", which the model parses as the verb "miss"
        if child.dep_ == "nsubj" and joins_a_protest(token):
            return "protesters"  # "120,000 people took part in the march"
        if child.dep_ == "nsubj" and gapped_passive(token):  # "28 arrested and three officers injured"
            return QUANTITY_OF.get(lemma)
        if child.dep_ == "nsubj" and lemma not in _SUBJECT_COUNTED:
            return None
        if child.dep_ == "nsubj" and lemma == "remain" and (state := _state_remained_in(token)) != "population":
            return state  # "23 miners remain trapped": a state they are in, not a place they live
        if lemma in QUANTITY_OF and (token.pos_ in ("VERB", "ADJ") or including):
            return QUANTITY_OF[lemma]
        if token.pos_ == "VERB":
            return None
    return None


def _complement(verb) -> str | None:
    """What a verb's complement says its subject became: "had been confirmed dead", "were
    reported killed", "were forced to flee". An active verb's clause ("tried to flee") is
    what its subject wanted, not what it became, so only a passive's counts."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    for c in verb.children:
        complement = c.dep_ in ("oprd", "acomp") or (c.dep_ == "xcomp" and passive)
        if complement and (q := QUANTITY_OF.get(c.lemma_.lower())):
            return q
    return None


def _state_remained_in(verb) -> str | None:
    """What those who "remain" are: "remain in hospital" the injured, "remain in custody" the
    detained; "remain trapped", "remain stranded" a state with no quantity of its own (None:
    a count of them); "remain in the enclave" the place's population. (A casualty word as
    the complement, "remain missing", is read before: ``_complement``.)"""
    for c in verb.children:
        if c.dep_ in ("acomp", "oprd", "xcomp"):
            return None
        if c.dep_ == "prep" and c.lower_ == "in":
            place = next((g for g in c.children if g.dep_ == "pobj"), None)
            if place is not None and place.lemma_.lower() in _CARE_PLACES:
                return "injured"
            if place is not None and place.lemma_.lower() in _HELD_IN:
                return "arrested"
    return "population"


# Where people are held, not where they live: "remain in custody" (the detained).
_HELD_IN = frozenset({"custody", "detention", "prison", "jail", "captivity"})
# Verbs of care and carriage whose patients are the injured: "were treated in hospital",
# "were taken to hospital", "were treated for burns".
_CARE_VERBS = frozenset({"treat", "take", "rush", "admit", "airlift", "hospitalize", "hospitalise", "evacuate"})
_CARE_PLACES = frozenset({"hospital", "clinic", "infirmary"})
_CARE_FOR = frozenset({"injury", "wound", "burn", "fracture", "cut", "bruise", "inhalation"})


def _treated(verb) -> bool:
    """A passive verb of care whose place is a hospital or whose cause is a wound."""
    if verb.lemma_.lower() not in _CARE_VERBS:
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            lemma = obj.lemma_.lower()
            if (prep.lower_ in ("in", "to", "at") and lemma in _CARE_PLACES) or (
                prep.lower_ == "for" and lemma in _CARE_FOR and verb.lemma_.lower() == "treat"
            ):
                return True
    return False


# Prepositions that give a tally its value: "rose to 142", "stood at 97", "up from 142",
# "climbed past 140", "a toll of 54"; not "in three provinces", which counts something else.
_VALUE_PREPS = frozenset({"to", "at", "from", "past", "above", "over", "beyond", "of"})
_TALLY_DEPS = ("nsubj", "nsubjpass", "dobj")


def _toll_value(token) -> str | None:
    """A number that is the value of a tally of casualties: "the death toll rose to 142",
    "the toll stood at 97", "the number of dead has risen to 186, up from 142", "brought the
    toll to 40", "the toll reached 54", "a death toll of 12". The tally names the quantity."""
    tally = _tally_of(token)
    return _tally(tally) if tally is not None else None


def _tally_of(token):
    """The tally noun a number is the value of (``_toll_value``), or None."""
    if token.dep_ == "pobj" and token.head.lower_ in _VALUE_PREPS:
        prep = token.head
        if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
            return prep.head  # "a death toll of 12"
        if prep.lower_ == "to" and (after := _tally_after(token)) is not None:
            return after  # "raising to 40 the death toll"
        # "up from 142", "brought the toll up to 48": the preposition hangs on "up"
        verb = prep.head if prep.head.dep_ not in ("advmod", "prep", "prt") else prep.head.head
    elif token.dep_ in ("dobj", "attr"):
        verb = token.head  # "the toll reached 54", "the toll is 54"
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _REPORTING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ in _TALLY_DEPS and _tally(c) is not None), None)


def _counted_by(tally):
    """Whom a tally counts, when it names them: "the number of civilians killed" -> civilians;
    none for "the number of dead", "the number of injured", "the death toll", whose word is
    the quantity itself."""
    of = next((c for c in tally.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or QUANTITY_OF.get(noun.lemma_.lower()) in CASUALTIES:
        return None
    return noun


def _tally_after(token):
    """The tally a value names just before it, as wires put a long object last: "bringing to
    233 the number of people killed", "raising to 40 the death toll". The parser hangs the
    tally on the verb or on "to" by turns; the words themselves say it: "the" and a tally."""
    doc = token.doc
    the = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if the is None or the.lower_ != "the" or the.dep_ != "det" or the.head.i <= the.i:
        return None
    q = _tally(the.head)
    return the.head if q is not None and q != _SAME_AS_BEFORE else None


def _tally(noun) -> str | None:
    """What a tally counts: "death toll", "number of dead", "tally of injured", "number of
    people killed"; a bare "toll" is of lives (a "casualty toll" mixes the dead and hurt)."""
    lemma = noun.lemma_.lower()
    if lemma == "crowd":
        return "protesters"  # "organisers put the crowd at more than 100,000"
    if lemma not in COUNT_NOUNS:
        return None
    words = [c for c in noun.children if c.dep_ in ("compound", "amod", "acl")]  # "number injured"
    words += [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.tag_ == "VBN" and noun.head.lemma_.lower() in QUANTITY_OF:
        words.append(noun.head)  # "the number of protesters killed" parsed as a clause of its own
    said = [QUANTITY_OF.get(w.lemma_.lower()) or QUANTITY_OF.get(w.lower_) for w in words]
    # A casualty before the protesters: "the number of protesters killed" counts the dead.
    if (q := next((q for q in said if q in CASUALTIES), None)) is not None:
        return q
    if "protesters" in said:  # "put the number of protesters at 18,000"
        return "protesters"
    if lemma == "toll" and not any(w.lemma_.lower() == "casualty" for w in words):
        return "killed"
    if lemma != "toll" and not words and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return _SAME_AS_BEFORE  # "By Tuesday the figure had climbed to 63": the count just given
    return None


# "the figure", "the number", "the total" alone name the count the text gave just before.
_SAME_AS_BEFORE = "same as before"
# How far back (characters) such a count may stand: about a paragraph or two.
_ANAPHOR_REACH = 600


# A sentence that opens "Among them were six police officers" or "Among the injured were
# 12 officers" counts part of the count before it, or of the casualties it names.
_AMONG = re.compile(r"among (?:them|those|whom)\b|among the (?P<word>[a-z]+)\b")


def _among_the_counted(doc, first) -> str | None:
    sent = sentence(doc, first.i)
    opening = doc_text(doc)[sent.start_char : first.idx].lower()
    if not (m := _AMONG.match(opening)):
        return None
    return QUANTITY_OF.get(m.group("word")) if m.group("word") else _SAME_AS_BEFORE


# A bare number read as a second sum: a large one ("12 million", "500,000"; a small one is
# a count of people or things left out: "and 12 more were hired"), what is paid or asked
# for (an object, the object of a preposition, or joined to one), never a subject.
_BARE_SUM_MIN = 1000
_PAID = frozenset({"dobj", "pobj", "conj", "appos", "attr"})


def _sum_before(doc, before: list[Figure], last) -> Figure | None:
    """The sum of money earlier in the number's sentence, when the number names no unit
    and counts no noun: a second sum in the same currency, its unit left out ("demanded
    $2 million and got 500,000")."""
    sent = sentence(doc, last.i)
    earlier = [f for f in before if sent.start_char <= f.span[0] < last.idx]
    return earlier[-1] if earlier and earlier[-1].quantity == "money" and earlier[-1].unit else None


def _counted_before(text: str, before: list[Figure], start: int) -> str | None:
    """The quantity of the last figure before ``start``, within reach, when it is a
    casualty count; a percentage or a sum before it is no toll."""
    last = next((f for f in reversed(before) if start - _ANAPHOR_REACH <= f.span[0] < start), None)
    return last.quantity if last is not None and last.quantity in CASUALTIES else None


# Verbs that drive people out, and where from: "forced 8,000 from their homes", "drove
# thousands out of the village", "forced 500 families to flee" (UNHCR counts them displaced).
_DRIVING_VERBS = frozenset({"force", "drive", "chase", "push", "compel", "oblige"})
_HOMES = frozenset({"home", "house", "village", "town", "city", "land", "neighbourhood", "neighborhood"})
_LEAVING = frozenset({"leave", "abandon", "quit", "desert"})


def _driven_out(verb) -> bool:
    if verb.lemma_.lower() not in _DRIVING_VERBS:
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "out"):
            place = next((t for t in child.subtree if t.dep_ == "pobj"), None)
            if place is not None and place.lemma_.lower() in _HOMES:
                return True
        if child.dep_ in ("xcomp", "ccomp") and QUANTITY_OF.get(child.lemma_.lower()) == "displaced":
            return True
        if child.dep_ == "xcomp" and child.lemma_.lower() in _LEAVING and any(  # "forced 30,000 to leave their homes"
                o.dep_ == "dobj" and o.lemma_.lower() in _HOMES for o in child.children):
            return True
    return False


def _crossed_a_border(verb) -> bool:
    """People who crossed from one country into another, or a border: those UNHCR counts
    as refugees ("20,000 people have crossed from Darfur into Chad", "crossed the border")."""
    if verb.lemma_.lower() != "cross":
        return False
    to = (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "from"))
    border = any(c.dep_ == "dobj" and c.lemma_.lower() in ("border", "frontier") for c in verb.children)
    return border or any(t.ent_type_ in ("GPE", "LOC") for p in to for t in p.subtree)


# A camp that houses people counts the displaced ("a camp housing 20,000 people", "the
# camps host 30,000"): the people a camp shelters are those who fled to it (UNHCR's count).
_SHELTER_VERBS = frozenset({"house", "shelter", "host", "accommodate"})
_CAMPS = frozenset({"camp", "shelter", "settlement"})


def _a_camp_housing(verb) -> bool:
    if verb.lemma_.lower() not in _SHELTER_VERBS:
        return False
    housing = [verb.head] if verb.dep_ in ("acl", "relcl") else []
    housing += [c for c in verb.children if c.dep_ == "nsubj"]
    return any(t.lemma_.lower() in _CAMPS for t in housing)


def _housed_in_a_camp(first) -> str | None:
    """"a camp housing 20,000 people" by its words, where the small model parses "camp
    housing" as one noun (the dependency rule above then never sees the verb)."""
    doc, i = first.doc, first.i
    if i >= 2 and doc[i - 1].lower_.removesuffix("ing") in {"hous", "host", "shelter", "accommodat"}:
        return "displaced" if doc[i - 2].lemma_.lower() in _CAMPS or doc[i - 2].lower_ == "camps" else None
    return None


# Intransitive verbs whose subject is what is counted ("two people died", "thousands fled").
_SUBJECT_COUNTED = frozenset({"die", "perish", "drown", "flee", "remain", "live", "reside", "disappear", "dead",
                              "march", "rally", "protest", "demonstrate"})


def _noun_text(noun) -> str:
    """"police officers" from the counted noun and its compounds, lower-cased unless a name."""
    # Not a scale word the parser makes a compound ("1.2 lakh people": the people), nor the
    # number itself ("Thirty students", parsed as a compound at a sentence's start).
    left = min([noun.i, *(c.i for c in noun.lefts if c.dep_ == "compound" and c.lower_ not in SCALES
                          and not c.like_num)])
    words = noun.doc[left : noun.i + 1].text
    return words if noun.pos_ == "PROPN" or noun.ent_type_ else words.lower()


def _reported_by(analysis: Analysis, number: Number, toks, resolver: Resolver) -> str | None:
    if (putter := _putter(toks[-1])) is not None and (speaker := resolver.resolve(putter)) is not None:
        # "the police said, while the organisers put the crowd at 100,000": the organisers',
        # though the quote stage ran the police's words on to the sentence's end
        return _reporter(analysis, speaker.text, speaker.entity_id)
    for q in analysis.quotes:
        if q.span[0] <= number.span[0] and number.span[1] <= q.span[1] and q.speaker:
            return _reporter(analysis, q.speaker, q.speaker_entity_id)
    sent = sentence(toks[-1].doc, toks[-1].i)
    if (speaker := resolver.resolve(according_to(sent))) is not None:
        return _reporter(analysis, speaker.text, speaker.entity_id)
    token = toks[-1]
    for _ in range(8):
        if token.head.i == token.i:  # the root (spaCy tokens are new objects: compare by index)
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in _REPORTING_VERBS or _puts(token)):
            speaker = resolver.resolve(subject_of(token))
            return _reporter(analysis, speaker.text, speaker.entity_id) if speaker else None
        # Up through reported clauses ("said the strike killed five") and lists, no further.
        if token.pos_ == "VERB" and token.lemma_.lower() != "include" and token.dep_ not in ("ccomp", "conj"):
            break
    return None


def _reporter(analysis: Analysis, text: str, entity_id: str | None) -> str:
    """A person by their full name, however the sentence calls them ("Haddad", "Dr Amal
    Haddad", "the director"): the story compares figures by who reports them
    (``corpus.verdicts.figure_source``), and one person is one source. Organisations keep
    the words of the text ("the Azerbaijani defence ministry")."""
    person = next((e for e in analysis.entities if e.id == entity_id and e.type == "PERSON"), None)
    return person.name if person is not None else text


def _putter(token):
    """The named subject of the verb that puts a count at this number ("organisers put the
    crowd at 100,000"), if that verb is the first above it; a pronoun is left to the quote."""
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None) if _puts(token) else None
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _puts(verb) -> bool:
    """"Officials put the death toll at 21": the subject states the number."""
    return verb.lemma_.lower() in ("put", "place", "set") and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in COUNT_NOUNS or c.lemma_.lower() == "crowd") for c in verb.children
    )


def _conversion_flags(text: str) -> list[Flag]:
    """"60 kilometers (100 kilometers)": a conversion whose two lengths differ."""
    flags = []
    for m in _CONVERSION.finditer(text):
        a, b = value_of(m.group("a")), value_of(m.group("b"))
        ua, ub = _unit_key(m.group("ua")), _unit_key(m.group("ub"))
        if a is None or b is None or ua not in KM or ub not in KM:
            continue
        ka, kb = a[0] * KM[ua], b[0] * KM[ub]
        if max(ka, kb) and abs(ka - kb) / max(ka, kb) > _CONVERSION_TOLERANCE:
            flags.append(Flag(kind="unit_inconsistency", text=m.group(), span=(m.start(), m.end())))
    return flags


def _unit_key(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and w[:-1] in KM else w


def _total_flags(text: str, figures: list[Figure], doc) -> list[Flag]:
    """Parts after "including" that add up to more than the total they belong to."""
    flags = []
    for total in figures:
        after = text[total.span[1] : total.span[1] + 40]
        m = re.match(r"[^,.;]*?,?\s*(?:including|among them|of whom)\b", after)
        if m is None or total.quantity not in CASUALTIES | {"count"}:
            continue
        sent = doc.char_span(total.span[0], total.span[1], alignment_mode="expand")
        end = sentence(doc, sent.start).end_char if sent is not None else len(text)
        start = total.span[1] + m.end()
        parts = [f for f in figures if start <= f.span[0] < end and f.quantity == total.quantity]
        if parts and sum(f.value for f in parts) > total.value:
            span = (total.span[0], max(f.span[1] for f in parts))
            flags.append(Flag(kind="total_mismatch", text=text[span[0] : span[1]], span=span))
    return flags
