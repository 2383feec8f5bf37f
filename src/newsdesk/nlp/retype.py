"""The model's mentions corrected where its type or span is wrong in a way the words
around them show: a rank taken into a person's name ("Constable Helen Marsh" of "Chief
Constable Helen Marsh"), a body's name typed as a place ("West Yorkshire Police"), river
names typed as people ("the Surma and Kushiyara rivers"), a portfolio typed as a body
("the Home Secretary"), a town's name typed as a body ("the city of Derna"), a body's
name typed as a person ("the Conti group"), a common noun that opens a sentence typed as a
name ("Flash floods swept ...", "Wildfires rage ...").
``resolve.resolve_entities`` applies ``retyped`` first.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsdesk.facts import lexicon as lx
from newsdesk.model import Mention
from newsdesk.nlp.entities import entity_key
from newsdesk.nlp.ruler import country_by_name

_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


# Ranks and offices the small model takes into a PERSON span when they stand before the
# name ("Constable Helen Marsh" of "Chief Constable Helen Marsh"): the name is the rest,
# and ``resolve._ranked_role`` reads the rank as the person's title. Kept to words that are no given name.
_RANK = re.compile(
    r"^(?:(?:Chief|Deputy|Assistant|Detective|Police|Acting|Prime|Foreign|Vice|Lord|Lady)\s+)*"
    r"(?:Constable|Inspector|Sergeant|Superintendent|Detective|Commissioner|Judge|Justice|Magistrate|President|"
    r"Senator|Governor|Mayor|Minister|General|Colonel|Captain|Lieutenant|Commander|Admiral|Ambassador|Chancellor|"
    r"Secretary|Bishop|Archbishop|Cardinal|Imam|Rabbi|Pastor|Sheriff|Marshal|Corporal|Chief|Officer|"
    r"Spokesman|Spokeswoman|Spokesperson)\s+"
)
# Last words of the names of bodies: a name that ends in one is an organisation, whatever
# type the model gave it ("West Yorkshire Police" came out GPE). A country the tables know
# ("Soviet Union") stays a country.
_BODY_HEADS = frozenset({
    "police", "army", "party", "council", "ministry", "department", "commission", "committee", "front", "union",
    "agency", "court", "university", "service", "services", "forces", "guard", "assembly", "parliament",
    "brigade", "brigades", "movement", "office", "observatory", "directorate",
})
# What the names before "river(s)" are: "the Surma and Kushiyara rivers" (the model types
# them PERSON or NORP); a capitalised "River" is inside the name and the model's span.
_RIVERS_AFTER = re.compile(r"(?:,?\s+(?:and\s+)?[A-Z][\w-]*)*\s+rivers?\b")
# A government portfolio before its office is no body of its own: "the Home Secretary",
# "the Foreign Office" (the model tags "Home", "Foreign" ORG); the office in lower case too
# ("Education minister Pieter de Vries" made an ORG "Education").
_PORTFOLIO = re.compile(r"(?:Home|Foreign|Interior|Justice|Defence|Defense|Treasury|Health|Finance|Education)\s+"
                        r"(?i:secretary|office|minister|ministry|department)\b")

# A settlement or an administrative unit "of" a name: the name is a place, whatever the
# model typed it ("the coastal city of Derna" came out ORG, and the place was two
# entities in the story's who-and-where).
# Plural too, and the names after the first of a list: "the districts of Nsanje and
# Chikwawa" (the model typed Chikwawa PERSON).
_UNIT_OF = re.compile(r"\b(?i:cit(?:y|ies)|towns?|villages?|ports?|capitals?|provinces?|districts?|count(?:y|ies)|"
                      r"municipalit(?:y|ies))\s+of\s+(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*(?:,\s+and\s+|,\s+|\s+and\s+))*$")
# A name before a lower-case word for a unit of land is that unit's name: "in the Nyalenda
# neighbourhood" (PERSON), "in Bone Bolango regency" (ORG); not "the Kisumu county
# government", which is a body.
_UNIT_AFTER = re.compile(r"\s+(?:neighbou?rhood|district|province|region|county|regency|municipality|governorate|"
                         r"prefecture|oblast|township|sub-county)\b(?!\s+(?:government|council|police|court|office|"
                         r"assembly|officials?|authorit(?:y|ies)|administration|commissioner|hospital))")

# "the <Name> group" names a body, whatever the model typed the name ("the Conti group"
# came out PERSON); the lower-case "group" is no part of the name. A country's name before
# it ("the Mali group" of a report's countries) stays a place; a people's (NORP) is left alone.
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_GROUP_AFTER = re.compile(r"\s+group\b")
# A lower-case word for a body just before a name says what the name is: "Rights group
# Civic Watch put the number at 300" (the model typed it PERSON, with "Rights group" its
# role), "the aid charity Hope Link". The body's word must have a word of its own before
# it that is no article: in "the group John Smith founded" the name is a person's.
_BODY_BEFORE = re.compile(r"(?<![\w-])(?!(?i:the|a|an|this|that)\s)[A-Za-z][\w-]*\s+"
                          r"(?:group|organi[sz]ation|charity|watchdog|agency|firm|company|broadcaster|party|movement)\s+$")
# A name set off after "the capital," is the capital's: "in the Dravian capital, Lutsek, on
# Sunday" (the model typed it ORG). Only with the comma that closes the apposition: "fled
# to the capital, Reuters said" names no town.
_CAPITAL_BEFORE = re.compile(r"\bcapital,\s+$")
# A name right after a lower-case word for a vessel is the vessel's: "commandos from the
# frigate Navarra" (PERSON). A ship is no actor, place or person of the entity table.
_VESSEL_BEFORE = re.compile(r"\b(?:frigate|destroyer|corvette|warship|cruiser|submarine|tanker|trawler|freighter|"
                            r"ferry|vessel|ship)\s+$")
# A name after a compass point "of" is a place: "300 nautical miles east of Eyl" (PERSON).
_COMPASS_OF = re.compile(r"\b(?i:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+$")


# A sentence's start: the text's, a line's, or after a sentence's end (and a closing quote).
_SENTENCE_END = re.compile(r"(?:^|\n|[.!?][\"'’”)]?\s+)\s*$")
# How far before a word a sentence's end is looked for (the longest lead-in above, spaces too).
_OPENER_WINDOW = 8
# Nouns of news that name a happening, a force of nature or a crowd: capitalised only by
# opening a sentence ("Wildfires rage across ...", "Riot police clash ...").
# Measures a report gives as a share or a rate, which open a sentence as often ("Turnout
# was 63 percent": the model typed "Turnout" PERSON, and a "he said" after it became its quote).
_MEASURES = frozenset({"turnout", "inflation", "unemployment"})
_COMMON_NOUNS = lx.HAPPENINGS | lx.NATURAL_FORCES | lx.PROTESTERS | _MEASURES


def common_opener(m: Mention, text: str) -> bool:
    """Whether a one-word mention is a common word capitalised only because it opens a
    sentence or a headline: the small model types such words as names ("Flash floods swept
    through ...": "Flash" PERSON; "Wildfires rage across ...": PERSON; "Riot police ..."),
    and the error spreads from the text to its headline (facts/headline.py takes the text's
    names into it), where the word became the main event's actor. No word-frequency list
    is installed, so the evidence is the article's own: the text writes the word in lower
    case elsewhere ("the flash floods"), or the lexicon knows the word as a happening, a
    force of nature or a crowd ("Wildfires", "Riot"). A word that merely modifies a
    happening is no evidence ("Trump rally drew thousands"); a word the text also
    capitalises inside a sentence ("Donald Trump", "... said Flash") is a name, and so is
    a country's name ("Turkey").
    Corrected here, where entities are typed, rather than where the main event picks its
    actor: the events, a story's who and the entity table read the same mentions, and the
    headline takes the text's names."""
    word = m.text.strip()
    if (" " in word or not word.isalpha() or not word[:1].isupper() or word[1:] != word[1:].lower()
            or word.casefold() in country_by_name()):
        return False
    if not _SENTENCE_END.search(text[max(0, m.span[0] - _OPENER_WINDOW) : m.span[0]]):
        return False
    if re.search(rf"[\w,;:] +{word}(?!\w)", text):  # capitalised inside a sentence: a name
        return False
    lower = word.lower()
    return re.search(rf"(?<!\w){lower}(?!\w)", text) is not None or any(w in _COMMON_NOUNS for w in _singulars(lower))


def _singulars(word: str) -> list[str]:
    """The word and the singulars its ending allows ("floods", "wildfires", "casualties")."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def retyped(m: Mention, text: str) -> Mention | None:
    """The model's mention with the corrections above: a rank cut off a person's name, a
    body's name made an ORG, river names a LOC, a town's name a GPE; None for a portfolio
    before its office, a vessel's name and a common word that opens a sentence (``common_opener``)."""
    words = _THE.sub("", m.text.strip())
    after = text[m.span[1] : m.span[1] + 80]
    if _PORTFOLIO.match(text, m.span[0]) and len(words.split()) == 1:
        return None
    if common_opener(m, text):
        return None
    if m.label == "PERSON" and (rank := _RANK.match(m.text)) and len(m.text[rank.end() :].split()) >= 2:
        start = m.span[0] + rank.end()
        return replace(m, span=(start, m.span[1]), text=m.text[rank.end() :],
                       entity_id=entity_key("PERSON", m.text[rank.end() :]))
    if (m.label in ("PERSON", "GPE", "LOC") and _GROUP_AFTER.match(after)
            and _THE_BEFORE.search(text[max(0, m.span[0] - 10) : m.span[0]])
            and words.casefold() not in country_by_name()):
        return replace(m, label="ORG", entity_id=entity_key("ORG", words))
    last = words.split()[-1].casefold() if words else ""
    if m.label != "ORG" and last in _BODY_HEADS and words.casefold() not in country_by_name():
        return replace(m, label="ORG", entity_id=entity_key("ORG", words))
    if m.label in ("PERSON", "NORP", "ORG") and _RIVERS_AFTER.match(after):
        return replace(m, label="LOC", entity_id=entity_key("LOC", words))
    before = text[max(0, m.span[0] - 40) : m.span[0]]
    if m.label in ("PERSON", "ORG", "NORP") and _VESSEL_BEFORE.search(before):
        return None
    if m.label == "PERSON" and _BODY_BEFORE.search(before) and len(words.split()) >= 2:
        return replace(m, label="ORG", entity_id=entity_key("ORG", words))
    if m.label in ("PERSON", "NORP", "ORG") and (
        (_CAPITAL_BEFORE.search(before) and after.startswith(",")) or _COMPASS_OF.search(before)
    ):
        return replace(m, label="GPE", entity_id=entity_key("GPE", words))
    if m.label in ("PERSON", "NORP", "ORG") and _UNIT_OF.search(text[max(0, m.span[0] - 80) : m.span[0]]):
        return replace(m, label="GPE", entity_id=entity_key("GPE", words))
    if m.label in ("PERSON", "ORG") and _UNIT_AFTER.match(after):
        return replace(m, label="GPE", entity_id=entity_key("GPE", words))
    return m
