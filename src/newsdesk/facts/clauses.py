"""The main clauses of an article's lead, as events (issue 7, the main event).

A lead reports its main event in its first clauses, whatever the event's kind: "Toblerone
changes the shape of its bars" is no PLOVER event, yet it is what happened. Giveme5W1H
(Hamborg et al. 2019) answers who and what with the first noun phrase and the verb phrase
after it; here, from the dependency parse of each sentence of the lead (a title, a
standfirst and the first paragraph are sentences of their own, cut at line breaks):

- the clause is the first predicate with a subject ("Clinton blames Comey ..."; not one
  of a relative or adverbial clause while the sentence has another: "a fire [that
  destroyed a barn] was started deliberately"), or a
  headline's noun with its participle ("Chinese boy found dead"; not "a photo taken by"),
  the passive of news headlines; a headline's verb that the model tagged a noun ("Mayor
  slams council", "Rebels attack convoy") is read again after a pronoun
  (``headline_verb``; after an opening noun and "as" too: "Horror as | bus ploughs into
  crowd"); every segment of a headline is the headline's ("Watch: | Firefighters rescue
  dog", cut at the colon), but one that asks ("What we know about the crash", "Will the
  line reopen?") tells nothing; a clause whose subject is a relative pronoun is none,
  whatever the parse made its root ("Boy [who fell into well] found dead");
- who is the subject (a passive's agent, its subject then the recipient), named as the
  events stage names arguments (the entity's canonical name, else the noun phrase); a
  subject that names a happening ("Stabbing leaves two injured", ``lexicon.HAPPENINGS``) is no
  one who acts: who is whose it is, where its phrase says ("Mayor Vell's decision worries
  shopkeepers"), else nobody;
- what is the verb phrase (facts/verb_phrase.py): the verb with its auxiliaries, objects and complements and its
  first preposition of argument, without adjuncts of time or circumstance ("win the
  World Series [after an epic showdown]"), clauses that comment on its nouns ("the
  roof[, which ...]", "a boy [who fell into a well]") or what a comma of the verb's own
  or a headline's separator sets off ("bought Velmio[, its largest deal]", "[- BBC
  News]"): the gold phrases of Giveme5W1H's coders have four content words at
  the median. What says which object it is stays ("plans to build a dam", "a roof that
  sheltered the market"). A day right after the verb ends nothing ("searched on Thursday
  for a gunman"). A passive's keeps its subject ("Seven killed in blast"), not a clause
  about it ("A boy [who fell into a well] was found dead"), and the participles that share
  its "were" ("Two were killed and 84 wounded"); a headline's verb with an agent is a
  passive ("Bank fined $1bn by EU");
- a clause whose verb reports words ("said that ...") is marked, for the main event
  prefers what happened to what was said (facts/main.py), as it prefers a main clause to
  the clauses subordinate to it (``subordinate``); so is a clause between quotation marks
  ("'We have lost everything': flood victims wait for help"). What a report reports
  ("Police say [review finds no wrongdoing]") is a clause of its own, marked as reported.

Precision first, as in events.py: the subject and the verb phrase come from one clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from newsdesk.facts.arguments import _mention_name, argument, happening
from newsdesk.facts.lexicon import MEANS, REPORTING
from newsdesk.facts.subjects import _resolve_pronoun
from newsdesk.facts.syntax import _lemma, is_word
from newsdesk.facts.verb_phrase import (
    ADJUNCT_PREPS,
    HEADS,
    SUBJECTS,
    _feels,
    _in,
    _phrase,
    _separator,
    verb_phrase,
)
from newsdesk.model import Analysis, Event
from newsdesk.nlp.doccache import doc_text
from newsdesk.nlp.model import load_nlp

# The type of a main clause that names no PLOVER event: the lead still reports it.
OTHER = "OTHER"
# A verb's objects and complements: with one, a participle is no headline's passive.
COMPLEMENTS = ("dobj", "dative", "attr", "oprd", "acomp", "xcomp", "ccomp")
# A headline's opening noun phrase ("Red Bull boss Ivo Korr", "Korr's mayor") and its head.
NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"})
# What stands before a headline's word to read it as a verb (see ``headline_verb``), and
# the tag the verb then takes: a singular subject's "-s" form, a plural subject's base form.
PROBES = {"s": ("It ", "VBZ"), "base": ("They ", "VBP")}
# Entity labels of a group's name, whose verb a headline puts in the plural ("Taliban attack").
GROUPS = frozenset({"ORG", "NORP"})
# The punctuation that ends a headline's clause.
CLAUSE_ENDS = frozenset({",", ";", ":", "-", "–", "—"})
# The links of a clause subordinate to another ("when ...", "who ...", "killing two").
SUBORDINATE = frozenset({"advcl", "relcl", "acl"})
ARTICLES = frozenset({"a", "an", "the"})
# Words that open a headline's question or explainer ("What we know about ...").
QUESTION_WORDS = frozenset({"what", "why", "how", "who", "which", "whom", "whose", "where"})
# Who a happening may belong to (``_whose``): not a place, which says where it happened.
WHOSE_LABELS = frozenset({"PERSON", "ORG", "NORP"})


def lead_segments(doc, end: int) -> Iterator:
    """The sentences of the doc cut at line breaks, those that start before ``end``."""
    for sent in doc.sents:
        if sent.start_char >= end:
            break
        start = sent.start
        for tok in sent:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                stop = tok.i if "\n" in tok.text else tok.i + 1
                if stop > start:
                    yield doc[start:stop]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def main_clause(seg) -> tuple[object, object] | None:
    """(subject, predicate) of the segment's first clause, or None."""
    found = []
    for tok in seg:
        subj = _subject(tok, seg)
        if subj is not None and tok.dep_ != "relcl" and _relative_pronoun(subj, seg):
            continue  # "Boy [who fell into well] found dead": the model may make it the root
        root = tok.head.i == tok.i or not _in(tok.head, seg)
        # a headline's verb may be tagged a noun ("Trump and Obama meet at ..."): with a
        # subject, the segment's root is its predicate whatever its tag
        if subj is not None and (tok.pos_ in ("VERB", "AUX") or (root and _takes_argument(tok))):
            found.append((tok.i, subj, tok))
        elif tok.pos_ in ("NOUN", "PROPN", "NUM") and tok.dep_ not in ("compound", "pobj", "dobj"):
            if _article(tok):  # "a photo taken by": a headline drops its articles
                continue
            participle = _participle(tok)
            if participle is not None:  # "boy found dead", "Five shot in Seattle", "Girl, 7, rescued"
                found.append((participle.i, tok, participle))
    if not found:
        return None
    # a clause subordinate to another ("a fire [that destroyed a barn] was arson") is
    # no main clause while the segment has one that is not
    main = [f for f in found if f[2].dep_ == "acl" and f[1].i == f[2].head.i or not _below(f[2], seg)] or found
    # nor is a clause between quotation marks while the segment has one that is not ("'We
    # lost everything': | villagers count the cost", which the parse may run together):
    # the quotation is someone's words, the clause after it what happened
    main = [f for f in main if not _quoted(f[2], seg)] or main
    _, subj, verb = min(main, key=lambda f: f[0])
    return subj, verb


def _participle(noun):
    """The participle of a headline's passive on the noun ("Boy found dead"), right after
    it (``_next_to``); or on the noun of its "of" phrase, which the parse may hang it on
    ("Hundreds of flights cancelled"); else None."""
    owners = [noun, *(p for o in noun.children if o.dep_ == "prep" and o.lower_ == "of"
                      for p in o.children if p.dep_ == "pobj")]
    return next((c for n in owners for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN" and _next_to(noun, c)),
                None)


def _next_to(noun, participle) -> bool:
    """Whether a participle follows its noun with nothing between but the noun's own
    appositive set off by commas or its "of" phrase: a headline's passive ("Boy found
    dead"), also after an age ("Girl, 7, rescued from rubble") or a count's or a kind's
    noun ("Dozens of homes destroyed", "New species of rat discovered"); not "a photo of
    the depot taken by" (a noun with its article: ``_article``)."""
    between = noun.doc[noun.i + 1 : participle.i]
    aside = {t.i for c in noun.children if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of")
             for t in c.subtree}
    return all(t.i in aside or (t.dep_ == "punct" and t.head.i == noun.i) for t in between)


def _relative_pronoun(subj, seg) -> bool:
    """Whether a subject is a relative pronoun ("who", "which", "that" after a word): its
    clause says which one the noun is, whatever the parse hangs it on; a headline's
    small parse often makes it the root ("Boy who fell into well found dead"), where it
    is no main clause at all (a relative clause the parse saw as one is the last resort
    of ``main_clause``: "Gunman who shot five still at large")."""
    return subj.tag_ in ("WP", "WDT") and subj.i > seg.start


def _below(verb, seg) -> bool:
    """Whether a verb stands in a clause subordinate to another of the segment (its own
    link or one on the way up the parse is a relative, adverbial or participle clause's)."""
    tok = verb
    while _in(tok, seg):
        if tok.dep_ in SUBORDINATE:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _subject(verb, seg):
    """The verb's subject; of two, the nearer before it: a headline's label before a colon
    may be parsed as a second subject ("Tram crash: Police name victims")."""
    found = [c for c in verb.children if c.dep_ in SUBJECTS and _in(c, seg)]
    before = [c for c in found if c.i < verb.i]
    return before[-1] if before else next(iter(found), None)


def headline_verb(seg, *, plural: bool = False) -> tuple[object, int, tuple[int, int]] | None:
    """(subject's noun phrase, verb's token index, verb phrase's span) of a headline whose present-tense
    verb the model tagged a noun ("Mayor slams council", "Ferry lands in port"):
    headlines drop the articles that tell a noun from a verb. The first "-s" word after the
    headline's opening noun phrase (after a colon: "Vote: Mayor slams ...") is its verb
    when the model, reading it after a pronoun, makes it the sentence's verb ("It slams
    council"). With ``plural``, a plural subject's verb is looked for too, read after "They"
    ("Rebels attack convoy": "They attack convoy"); the caller asks for it only where the
    headline's parse found no clause, as a noun before a noun is more often a compound
    ("Vell protest march marred by ..."). After an opening noun and "as" ("Fury as bank
    shuts branches"), the clause after it is read (``_after_as``)."""
    colon = max((t.i + 1 for t in seg if t.text == ":"), default=seg.start)
    # after a colon, else before it: a headline's clause may come first, its count or its
    # comment after ("Train derails in Ardo: seven dead")
    for start in dict.fromkeys((colon, seg.start)):
        if (found := _headline_verb_from(seg, _after_as(seg, start), plural)) is not None:
            return found
    return None


def _headline_verb_from(seg, start: int, plural: bool) -> tuple[object, int, tuple[int, int]] | None:
    """``headline_verb`` of the words from ``start``."""
    doc = seg.doc
    for tok in doc[start + 1 : seg.end - 1]:
        if doc[tok.i - 1].pos_ not in NOMINAL and doc[tok.i - 1].tag_ != "HYPH":  # "Kim Jong-un"
            return None  # past the opening noun phrase: a verb or a preposition came first
        if tok.pos_ not in (*HEADS, "VERB") or doc[tok.i - 1].pos_ not in HEADS or _inside_name(tok):
            continue
        pronoun, tag = PROBES["s" if tok.lower_.endswith("s") else "base"]
        if tag == "VBP" and not (plural and _plural(doc[tok.i - 1])):
            continue
        # up to the clause's end: after a comma a second clause may take the root ("Bus
        # plunges into ravine, 20 killed")
        end = next((t.idx for t in doc[tok.i + 1 : seg.end] if t.text in CLAUSE_ENDS), seg.end_char)
        probe = load_nlp()(pronoun + doc.text[tok.idx : end])
        verb = probe[len(pronoun.split())]
        if verb.tag_ == tag and verb.dep_ == "ROOT" and probe[0].dep_ == "nsubj":
            shift = tok.idx - len(pronoun)
            first, last = verb_phrase(verb, probe[:])
            subject = doc[start:tok.i]
            while len(subject) > 1 and subject[0].pos_ == "DET":
                subject = subject[1:]
            return subject, tok.i, (first + shift, last + shift)
    return None


def _inside_name(tok) -> bool:
    """Whether a word continues a name the model tagged ("Velmo [Motors] to cut jobs",
    "Korr [Holdings] buys ..."): a firm's or a team's name may end in "-s", and read after
    a pronoun ("It Motors to cut jobs") such a word passes for a verb."""
    return tok.ent_iob_ == "I"


def _after_as(seg, start: int) -> int:
    """Where a headline's clause starts after an opening noun and "as" ("Fury as | bank
    shuts branches", "Tears of joy as | fans celebrate"): the noun says how it was felt,
    the clause after "as" what happened; else ``start``. Not after a verbless clause
    ("Fans furious as jars shrink", whose adjective says what happened to the fans)."""
    doc = seg.doc
    for tok in doc[start : seg.end - 1]:
        if tok.pos_ in ("VERB", "AUX"):
            return start
        if tok.lower_ == "as" and tok.i > start:
            return tok.i + 1 if doc[tok.i - 1].pos_ == "NOUN" else start
    return start


def _plural(noun) -> bool:
    """A plural noun ("Firefighters"), or a group's name, which takes a plural verb ("Taliban
    attack", "Rangers sack"); not a means the model tagged a name ("Ransomware attack
    cripples ...": a compound, ``lexicon.MEANS``)."""
    if is_word(noun, MEANS):
        return noun.tag_ in ("NNS", "NNPS")
    return noun.tag_ in ("NNS", "NNPS") or noun.ent_type_ in GROUPS


def reporting(verb) -> bool:
    """A verb that reports someone's words or thoughts ("said that ...", "says X had"):
    the report is not the lead's event, what it reports may be."""
    if _lemma(verb) not in REPORTING:
        return False
    # "say" reports whatever follows it; a headline's reported clause without its verb
    # ("Officials say 12 dead") is parsed as its object
    deps = ("ccomp", "parataxis", "dobj", "xcomp", "oprd") if _lemma(verb) == "say" else ("ccomp", "parataxis")
    return any(c.dep_ in deps for c in verb.children)


def _quoted(verb, seg) -> bool:
    """Whether the verb stands between quotation marks of its segment: someone's words
    ("'It was like a film': passengers describe the crash"), reported as a verb of
    saying reports them."""
    before = sum(t.is_quote for t in seg if t.i < verb.i)
    return (before % 2 == 1 and any(t.is_quote for t in seg if t.i > verb.i)) or _in_long_quotation(verb)


# Double quotation marks: a quotation of several sentences opens and closes with these
# (single ones are also apostrophes: "the voters’ fears").
DOUBLE_QUOTES = frozenset({"“", "”", '"', "``", "''"})


def _in_long_quotation(verb) -> bool:
    """Whether the verb stands in a quotation of several sentences, opened in an earlier
    sentence of its paragraph or closed in a later one ("“He is right. [There is] a gap
    between them,” Korr said"): double quotation marks before it in the paragraph are odd
    in number, and one closes after it there."""
    doc, start = verb.doc, verb.i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = verb.i
    while end < len(doc) - 1 and "\n" not in doc[end].text and "\n" not in doc[end].whitespace_:
        end += 1
    before = sum(t.text in DOUBLE_QUOTES for t in doc[start : verb.i])
    return before % 2 == 1 and any(t.text in DOUBLE_QUOTES for t in doc[verb.i + 1 : end + 1])


def _takes_argument(tok) -> bool:
    """Whether a word has an object or a preposition after it, as a verb does ("Korr and
    Vell meet at the hall"; not "Velm well rescue: race to reach a boy")."""
    return any(c.i > tok.i and c.dep_ in ("prep", "prt", *COMPLEMENTS) for c in tok.children)


def _passive(subj, verb, headline: bool) -> bool:
    """A passive clause: a passive subject, a headline's noun with its participle ("boy
    found dead"), or a headline's participle with a subject but no auxiliary, object or
    complement ("Embassy stormed in raid"): a headline drops the passive's "was", and the
    model then reads an active verb with its subject (a particle makes it an active
    phrasal verb: "driver blacked out"; a complement a verb of its own: "set to"). A
    headline's verb with an agent ("Firm fined $2m by regulator") is one whatever its
    tag and object: the parse saw the passive's "by", if not its participle."""
    if _feels(verb):  # "Fans are outraged": how they feel, not what was done to them
        return False
    if subj.dep_ == "nsubjpass" or (verb.dep_ == "acl" and subj.i == verb.head.i):
        return True
    if not headline:
        return False
    bare = not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if bare and any(c.dep_ == "agent" or _missed_agent(c, verb) for c in verb.children):
        return True
    if verb.tag_ != "VBN":
        return False
    return not any(c.dep_ in ("aux", "auxpass", "prt", *COMPLEMENTS) for c in verb.children)


# Entity labels of an object of "by" that tells how much, not who ("cut by 10%").
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL", "DATE", "TIME"})


def _missed_agent(prep, verb) -> bool:
    """Whether a headline's "by" after a past verb's object is the agent the parse missed
    ("Apple fined $1.2 billion [by French regulator]", "Striker handed ban [by FA]": a
    passive that keeps its second object, read as an active verb with an object and a
    preposition): its object is a noun that names someone, not an amount."""
    if prep.dep_ != "prep" or prep.lower_ != "by" or verb.tag_ not in ("VBD", "VBN"):
        return False
    if not any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children):
        return False
    # (not across a separator: "by French regulator [| Reuters]", whose noun the parse
    # makes the outlet's name)
    return any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in AMOUNT_LABELS
               and not any(_separator(t) for t in prep.doc[prep.i : c.i + 1]) for c in prep.children)


def _agent(verb, passive: bool):
    """The object of a passive's "by" (the model may attach it as a preposition when it
    missed the passive: "Clinton cleared by FBI", or to the noun of the verb's
    preposition: "Embassy bombed in night raid by rebels")."""
    for child in verb.children:
        if child.dep_ == "agent" or (passive and child.dep_ == "prep" and child.lower_ == "by"):
            return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    if passive:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                if by is not None:
                    return next((c for c in by.children if c.dep_ == "pobj"), None)
    return None


def _article(noun) -> bool:
    """Whether a noun has an article: a headline drops it ("Boy found dead"), so a noun
    with its article and a participle is a noun phrase of a sentence ("a photo issued by")."""
    return any(c.dep_ == "det" and c.lower_ in ARTICLES for c in noun.children)

class Clause(NamedTuple):
    """A lead's main clause: its verb's character offset (where a PLOVER event on the same
    verb has its trigger), whether it is passive, the clause as an event, whether it reports
    words, and whether its subject (a passive's agent) names a happening, so is no actor
    (``lexicon.HAPPENINGS``): the clause is still a whole one, subject and verb; and
    whether it is the clause a report of words reports (``_reported``); ``joined`` are the
    offsets of the participles that share its passive (``_elided_passives``)."""

    verb: int
    passive: bool
    event: Event
    reporting: bool = False
    happening: bool = False
    reported: bool = False
    joined: tuple[int, ...] = ()



def lead_clauses(analysis: Analysis, doc, end: int) -> list[Event]:
    """The main clause of each sentence that starts before ``end``, as an event of type
    OTHER: the subject is the actor (a passive's agent; its subject the recipient), the
    verb phrase the span (a passive's with its subject: see ``clauses``)."""
    return [c.event for c in clauses(analysis, doc, end)]


def clauses(analysis: Analysis, doc, end: int) -> list[Clause]:
    """The lead's main clauses (``lead_clauses``) with their verbs and voice.

    A passive keeps its subject in the span: what happened is what happened to it ("Seven
    killed in blast", "Embassy stormed by rebels"), and the actor, its agent, is often
    unknown to a news lead."""
    out = []
    title = (analysis.article.title or "").strip().casefold()
    # the doc of a headline read on its own (facts/headline.py), whose every segment is the
    # headline's ("Watch: | Firefighters rescue dog", cut after the colon), or a text that
    # repeats its headline as a segment (case apart: a Title Case headline is parsed in
    # sentence case)
    whole = bool(title) and doc_text(doc).strip().casefold() == title
    for seg in lead_segments(doc, end):
        headline = whole or (bool(title) and seg.text.strip().casefold() == title)
        if headline and _asks(seg):
            continue
        found = main_clause(seg)
        reread = headline_verb(seg, plural=found is None) if headline else None
        if reread is not None and (found is None or found[1].i > reread[1] or _hung_on_a_noun(found[1], reread[1])):
            subj, verb, span = reread
            named_happening = happening(subj[-1])
            actor = _whose(analysis, subj[:-1]) if named_happening else _mention_name(analysis, subj[-1]) or subj.text
            out.append(Clause(doc[verb].idx, False, Event(analysis.article.id, span, OTHER, actor=actor),
                              happening=named_happening))
            continue
        if found is None:
            continue
        subj, verb = found
        clause = _clause(analysis, seg, subj, verb, headline or _unstopped(seg))
        out.append(clause)
        if clause.reporting and (told := _reported(verb, seg)) is not None:
            out.append(_clause(analysis, seg, *told, headline)._replace(reported=True))
    return out


# The links of a word that the parse read as part of a noun phrase, not as a clause's verb.
NOUN_LINKS = frozenset({"compound", "nsubj", "nsubjpass", "amod", "nmod", "appos", "dobj", "pobj", "npadvmod", "dep"})


def _hung_on_a_noun(verb, reread: int) -> bool:
    """Whether the verb the parse found is the word ``headline_verb`` read again, which the
    parse hung on a noun as part of its phrase ("Storm Emma [batters] Ireland", the verb a
    compound of "Ireland"; "Parliament [rejects] deal", the subject of "deal"): its
    children then miss its objects, which the reading after a pronoun gives."""
    return verb.i == reread and verb.dep_ in NOUN_LINKS


def _unstopped(seg) -> bool:
    """Whether a line of the text ends without a full stop, as a headline does: a
    standfirst written as one ("Dozens of homes destroyed as storm moves east"), whose
    bare participle is a passive as a headline's is (``_passive``)."""
    last = next((t for t in reversed(seg) if not t.is_space), None)
    return last is not None and last.text not in (".", "!", "?", "'", '"', "”", "’", ")")


def _clause(analysis: Analysis, seg, subj, verb, headline: bool) -> Clause:
    """The clause of ``verb`` and its subject as a Clause (``clauses``)."""
    passive = _passive(subj, verb, headline)
    by = _agent(verb, passive)
    actor, recipient = (by, subj) if passive else (_titled_name(_resolve_pronoun(subj)), None)
    named_happening = actor is not None and happening(actor)
    before = [t for t in actor.subtree if t.i < actor.i] if named_happening else []
    name = _whose(analysis, before) if named_happening else argument(analysis, actor)
    span = verb_phrase(verb, seg)
    joined = _elided_passives(verb, seg) + _listed_tolls(subj, verb, seg) if passive else []
    if joined:  # "seven were killed [and dozens injured]": one toll, one clause
        span = (span[0], max(span[1], *(verb_phrase(v, seg)[1] for v in joined)))
    if passive and not _set_off(subj, verb):  # the subject with it, and what it is coordinated with
        span = (min(span[0], *(t.idx for t in _phrase(subj, seg)), _coordination_start(subj, seg)), span[1])
    event = Event(analysis.article.id, span, OTHER, actor=name, recipient=argument(analysis, recipient))
    return Clause(verb.idx, passive, event, reporting(verb) or _quoted(verb, seg), named_happening,
                  joined=tuple(v.idx for v in joined))


def _titled_name(noun):
    """The person a common noun titles right before the name ("Footballer's wife [Chloe
    Dunmore] has blasted ...", which the parse reads as the noun with the name in
    apposition, no comma between): who acted is the one named, as where the noun is a
    compound of the name ("Reality star Chloe Dunmore"); else the noun."""
    if noun is None or noun.pos_ != "NOUN":
        return noun
    named = next((c for c in noun.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                  and c.left_edge.i == noun.i + 1), None)
    return named if named is not None else noun


def _elided_passives(verb, seg) -> list:
    """The participles coordinated with a passive verb that share its "were" ("Two were
    killed and 84 [were] wounded"): passives too, whose subjects the parse reads as
    actors ("84 wounded"). A conjunct with an auxiliary of its own is a clause of its own."""
    return [c for c in verb.children
            if c.dep_ == "conj" and c.i > verb.i and c.tag_ == "VBN" and _in(c, seg)
            and not any(a.dep_ in ("aux", "auxpass", "dobj") for a in c.children)]


def _listed_tolls(subj, verb, seg) -> list:
    """The participles of a headline's toll listed after its first ("Two killed, 15
    injured", "Five killed and dozens injured"): each a noun in apposition to, or
    coordinated with, the first's (or hung on the first participle), with its participle
    right after it, the parse's reading of the passive whose "were" the headline drops;
    one toll, as "two were killed and 84 wounded" is."""
    nouns = [n for n in (*subj.children, *verb.children)
             if n.dep_ in ("appos", "conj") and n.pos_ in ("NOUN", "NUM") and n.i > verb.i and _in(n, seg)]
    return [c for n in nouns for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == n.i + 1]


def _reported(verb, seg) -> tuple[object, object] | None:
    """(subject, verb) of the clause that a verb of saying reports ("Passengers say [the
    driver fell asleep]", "[Driver fell asleep], passengers claim"): what the report says
    happened, the lead's event where the report is its main clause. Not a copula's ("says
    the meeting was a great honour"): what something is, an opinion, is no happening."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ == "VERB" and _in(child, seg):
            subj = _subject(child, seg)
            if subj is not None:
                return subj, child
    return None


def _asks(seg) -> bool:
    """Whether a headline's segment asks or explains instead of telling what happened: a
    question ("Will the bridge reopen?") or an explainer opened by a question word ("What
    we know about the crash", "Why the bank raised rates", "How the team won"), whose
    event the lead tells."""
    words = [t for t in seg if not t.is_space]
    return bool(words) and (words[-1].text == "?" or words[0].lower_ in QUESTION_WORDS)


def _set_off(subj, verb) -> bool:
    """Whether a comma stands between a subject and its verb: a clause or an apposition set
    off inside the subject ("A boy, who fell into a well on Sunday, is feared dead"),
    which a passive's phrase would carry with its subject; what happened is then the
    verb's phrase alone ("is feared dead"). So with a relative or participle clause of
    the subject without commas ("A boy who fell into a well is feared dead"): it tells
    who the subject is, another event than the verb's. An age set off by commas is no
    such clause: it stays with its subject ("Girl, 7, rescued from rubble")."""
    between = [t for t in subj.doc[subj.i + 1 : verb.i] if not _age(t, subj)]
    return any(t.text == "," or (t.head.i == subj.i and t.dep_ in ("relcl", "acl")) for t in between)


def _age(tok, subj) -> bool:
    """Whether a word is a number in apposition to the subject, or a comma around it
    ("Man[, 45,]"): a headline's age of the person."""
    ages = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "NUM" and not list(c.children)]
    return any(tok.i == a.i or (tok.text == "," and abs(tok.i - a.i) == 1) for a in ages)


def _whose(analysis: Analysis, modifiers) -> str | None:
    """Whose a happening is, where its noun phrase names them among the ``modifiers``
    before its noun: its owner ("Mayor Vell's decision worries shopkeepers") or a person,
    organisation or people ("Ardo Foods price change worries shoppers"); not a place, which says where
    ("Velm shooting"), nor a means, which says how ("Ransomware attack", "Drone strike":
    ``lexicon.MEANS``, whatever the model tags a capitalised one)."""
    for tok in modifiers:
        if is_word(tok, MEANS):
            continue
        if tok.dep_ == "poss" and tok.pos_ != "PRON":
            return argument(analysis, tok)
        label = next((m.label for m in analysis.mentions if m.span[0] <= tok.idx < m.span[1]), None)
        if label in WHOSE_LABELS:
            return _mention_name(analysis, tok)
    return None


def _coordination_start(subj, seg) -> int:
    """Where the coordination a headline's subject closes starts: "[Two dead and] five
    hurt in crash" reports both, and the parse hangs the second on the first (the
    subject's own offset when it is no conjunct)."""
    if subj.dep_ != "conj" or subj.head.i > subj.i or not _in(subj.head, seg):
        return subj.idx
    return min(t.idx for t in subj.head.subtree if _in(t, seg) and t.i <= subj.i)


# Prepositions whose gerund says why or after what the main verb's event happened, not
# what happened: "jailed [for killing his wife]", "arrested [after stabbing a guard]"
# (the time prepositions of ADJUNCT_PREPS and the "for" of a reason). Not "of" or "by",
# whose gerund says what the verb's event is ("accused of killing", "responded by shelling").
GERUND_ADJUNCT_PREPS = ADJUNCT_PREPS | {"for"}


def subordinate(doc, offset: int, found: list[Clause]) -> bool:
    """Whether the word at ``offset`` stands in a clause subordinate to one of the main
    clauses ``found`` (an adverbial or relative clause, or a participle's, or a gerund of
    a preposition of time or reason, ``GERUND_ADJUNCT_PREPS``, on the way up the parse to
    the main clause's verb). The parse may take such a gerund for the preposition's
    object ("Teenager arrested [after Ardo stabbing]"): it still says after what."""
    verbs = {c.verb for c in found}
    tok = next((t for t in doc if t.idx <= offset < t.idx + len(t)), None)
    below = False
    while tok is not None:
        if tok.idx in verbs:
            return below
        below = below or tok.dep_ in SUBORDINATE or _gerund_of_adjunct(tok)
        tok = None if tok.head.i == tok.i else tok.head
    return False


def _gerund_of_adjunct(tok) -> bool:
    """Whether a word is a gerund of a preposition of ``GERUND_ADJUNCT_PREPS``, as its
    complement or, as the parse may read it, its object ("after [stabbing]")."""
    return (tok.dep_ == "pcomp" or tok.dep_ == "pobj" and tok.tag_ == "VBG") and tok.head.lower_ in GERUND_ADJUNCT_PREPS


def head_of(doc, span: tuple[int, int]):
    """The token that heads the words at a character span of the doc (a clause's verb), or None."""
    words = doc.char_span(*span, alignment_mode="expand")
    return words.root if words is not None and len(words) else None


def dates_verb(verb, start: int) -> bool:
    """Whether the time expression at character ``start`` dates the ``verb``'s own event:
    the parse links it to the verb, not through a clause below it ("[after the mayor
    resigned on Monday], X was elected on Thursday"), a preposition that names an earlier
    or later event (ADJUNCT_PREPS: "after", "since", "before") or an owner's "'s" ("in
    Tuesday's election": the election's day, background to the event)."""
    tok = next((t for t in verb.doc if t.idx <= start < t.idx + len(t)), None)
    while tok is not None and tok.i != verb.i:
        if tok.dep_ in SUBORDINATE or tok.dep_ == "poss" or (tok.dep_ == "prep" and tok.lower_ in ADJUNCT_PREPS):
            return False
        tok = None if tok.head.i == tok.i else tok.head
    return tok is not None
