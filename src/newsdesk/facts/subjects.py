"""Who does a verb: its subject, followed through control ("agreed to withdraw"), raising
passives ("was ordered to withdraw"), relative clauses, gerunds under a preposition
("accused the militia of shelling") and pronouns ("Azerbaijan said it had launched").

Split out of arguments.py; every rule reads the verb's own clause or a short explicit
chain of it (events.py's docstring says why).
"""

from __future__ import annotations

from newsdesk.facts import lexicon as lx
from newsdesk.facts.syntax import (
    ACTOR_LABELS,
    CONTROL,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    _child,
    _clause_verb,
    _lemma,
    split_from_its_subject,
)
from newsdesk.nlp.doccache import span_ents


def _subject(verb, depth: int = 0):
    """(token, passive) of the verb's subject, following a short control chain. Of two
    subjects a colon parts, the one after it: a headline's label before a colon is parsed
    as a second subject ("Ardo attack: militia kills 14", as facts/clauses.py reads it).
    Of two with no punctuation between, the later: the parse split one noun phrase, whose
    head is its last noun ("A magnitude 6.8 earthquake struck": "magnitude" and
    "earthquake" both subjects)."""
    subj = _child(verb, SUBJECTS)
    if subj is not None and subj.i < verb.i:
        later = [c for c in verb.children if c.dep_ in SUBJECTS and subj.i < c.i < verb.i
                 and (any(t.text == ":" for t in verb.doc[subj.i : c.i])
                      or not any(t.is_punct for t in verb.doc[subj.i : c.i]))]
        subj = later[-1] if later else subj
    if subj is not None and subj.tag_ in ("VBG", "VBN") and _child(subj, ("nsubj",)) is not None:
        subj = _child(subj, ("nsubj",))  # "the Red Cross working in X said": a participle parsed as the subject
    if subj is not None:
        return (_named(verb.head) if subj.tag_ in ("WP", "WDT") else subj), False
    agent = _child(verb, ("agent",))
    if agent is not None:
        return _child(agent, ("pobj",)), False
    if verb.dep_ == "relcl":  # "the first official to be killed": a passive's noun is its patient
        return (None, True) if _child(verb, ("auxpass",)) is not None else (_named(verb.head), False)
    if verb.dep_ == "acomp" and depth < 2:  # "Israel is opposed to ...": the copula's subject
        return _subject(verb.head, depth + 1)
    if depth < 2 and verb.dep_ == "pcomp" and verb.head.dep_ in ("prep", "agent"):
        return _gerund_controller(verb.head.head, depth, verb.head.lower_)
    if verb.tag_ == "VBD" and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "Italy's interior minister, Matteo Piantedosi, called on Tripoli to ...": a past
        # tense the parse hung on the sentence's noun as a modifier is that noun's verb
        return verb.head, False
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and _child(verb, ("aux", "auxpass")) is None:
        return None, True  # "Recognised as part of X, the territory ...": the noun is the patient
    if depth < 2 and _consequence_of_charge(verb):
        # "accused rebels of shelling the town, killing two": the killing is the shelling's
        return _gerund_controller(verb.head, depth)
    if _passive_without_agent(verb):
        return None, True  # "homes had been damaged or destroyed": by whom, the clause does not say
    if _finite_clause(verb):
        return None, False  # "evacuated villages after a day of shelling killed four": the parse lost its subject
    if depth < 2 and verb.dep_ in CONTROL and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        gov = verb.head
        # "urged Iraq to cooperate": the object acts; "used tear gas to disperse": the subject does
        object_control = verb.dep_ == "xcomp" and _lemma(gov) not in lx.INSTRUMENT_VERBS
        controller = (_child(gov, ("dobj",)) or _addressed(gov)) if object_control else None
        if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "condemned the seizure and called on Tehran to release the ship": the parse
            # may make the infinitive after a second verb an advcl; the one called on acts
            controller = _addressed(gov)
        if controller is not None:
            return controller, False
        if object_control and _lemma(gov) in _ADDRESSED_WITH:  # "called on Monday to withdraw": who is to, unsaid
            return None, False
        # "Erdogan is expected to visit", "the army was ordered to withdraw"; not "troops were
        # deployed to secure the port", "a truck was used to ram the crowd" (sent or used: the means)
        raised = _child(gov, PASSIVE_SUBJECTS) if _lemma(gov) in _RAISING_PASSIVES else None
        if raised is not None:
            return raised, False
        if gov.pos_ == "ADJ":  # "ready to withdraw": the subject of "is ready"
            gov = gov.head
        return _subject(gov, depth + 1)
    return None, False


def _finite_clause(verb) -> bool:
    """A finite clause set under another by "after", "when", "as" ... has a subject of its
    own, never the other's: where the parse found none ("after a third day of exchanges
    killed four", with the day taken for the object of "after"), who acted is unsaid.
    A participle ("fled after killing five") is the other's subject's act."""
    marked = verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP") and _child(verb, ("mark",)) is not None
    return marked or split_from_its_subject(verb)


# Passives whose subject does the act of their infinitive: "is expected to visit", "was
# ordered to withdraw", "were forced to release" (of a timetable, an order, a constraint).
_RAISING_PASSIVES = frozenset({"expect", "schedule", "slate", "order", "force", "compel", "oblige", "ask",
                               "urge", "invite", "allow", "permit", "require", "authorize", "authorise", "tell"})
# Verbs that name whom they press with a preposition: "called on Tehran to halt",
# "appealed to the rebels to lay down their arms" (the one pressed acts, as "urged Iraq to").
_ADDRESSED_WITH = {"call": "on", "appeal": "to", "prevail": "on"}


def _addressed(gov):
    prep = _ADDRESSED_WITH.get(_lemma(gov))
    on = next((c for c in gov.children if c.dep_ == "prep" and c.lower_ == prep), None) if prep else None
    whom = _child(on, ("pobj",)) if on is not None else None
    return None if whom is None or whom.ent_type_ in ("DATE", "TIME") else whom  # "called on Monday to"


def _passive_without_agent(verb) -> bool:
    """A passive with its own patient ("homes had been damaged"), or a participle that
    shares one ("damaged or destroyed"): the subject of a clause it is conjoined to ("21
    of the dead were children and that homes had been damaged") is no doer of it."""
    if _child(verb, PASSIVE_SUBJECTS) is not None:
        return True
    gapped = verb.dep_ == "conj" and verb.tag_ == "VBN" and _child(verb, ("aux", "auxpass", "nsubj")) is None
    return gapped and _child(verb.head, PASSIVE_SUBJECTS) is not None


def _consequence_of_charge(verb) -> bool:
    """A participle the parse hangs on a verb of accusing whose charge is an act: "accused
    rebels of shelling villages, killing two soldiers" (what the shelling did)."""
    gov = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or _lemma(gov) not in lx.CHARGING or _child(verb, SUBJECTS):
        return False
    places = [gov, *(c for c in gov.children if c.dep_ == "dobj")]
    return any(p.dep_ == "prep" and p.lower_ in ("of", "for") and _child(p, ("pcomp",)) is not None
               for h in places for p in h.children)


def _reciprocal(tok):
    """"Armenia and Azerbaijan accused each other": "each other" / "one another" are the
    subject's members, so the subject stands for them; any other token is itself."""
    pair = {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ == "det"} if tok is not None else set()
    if not (pair >= {"each", "other"} or pair >= {"one", "another"}):  # the parser heads either word
        return tok
    subject = _child(tok.head, SUBJECTS)
    return subject if subject is not None else tok


# Prepositions of time and manner before a gerund: its doer is the clause's subject, never
# its object ("released the engineers five weeks after seizing them": the gunmen seized;
# "the ship was held after entering the strait": the ship entered).
_SUBJECT_CONTROL = frozenset({"after", "before", "while", "since", "by", "without", "upon", "despite", "through",
                              "when", "until"})


def _gerund_controller(gov, depth: int, prep: str = ""):
    """(token, passive) of who does a gerund under a preposition: the object of the word
    it hangs on if there is one ("accused Y of shelling"), else its subject, passive or not
    ("X are guilty of shelling", "X was accused of shelling", "X responded by shelling");
    after a preposition of time or manner (``_SUBJECT_CONTROL``) the subject only."""
    if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "amod"):
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX"):
        return None, False
    if prep in _SUBJECT_CONTROL:
        controller = _child(gov, SUBJECTS) or _child(gov, PASSIVE_SUBJECTS)
        return (_reciprocal(controller), False) if controller is not None else _subject(gov, depth + 1)
    controller = _child(gov, ("dobj",)) or _child(gov, PASSIVE_SUBJECTS)
    if controller is not None:
        return _reciprocal(controller), False
    return _subject(gov, depth + 1)


def _resolve_pronoun(pron):
    """"Azerbaijan said it had launched an operation", "Annan announced that he will
    withdraw": a pronoun in the reported clause is the reporter, the one explicit link of
    the chain, when the two agree (a person for "he"/"she", not a person for "it").
    Any other pronoun stays (and names no actor)."""
    if pron is None or pron.lower_ not in lx.PRONOUN_KINDS:
        return pron
    clause = _clause_verb(pron.head) if pron.dep_ == "poss" else pron.head
    for _ in range(3):  # "it is willing to withdraw": up the control chain to the reported clause
        if clause.dep_ in ("ccomp", "parataxis") or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.dep_ not in ("ccomp", "parataxis") or _lemma(clause.head) not in lx.REPORTING:
        return _main_subject(pron) or _previous_subject(pron) or pron
    reporter, _ = _subject(clause.head)
    if reporter is None or reporter.pos_ == "PRON" or not _agrees(lx.PRONOUN_KINDS[pron.lower_], reporter):
        return pron
    return reporter


# Those who fight for a country or a body: "its troops", "their forces" name no actor, the
# owner the pronoun stands for does (lexicon.FORCE_NOUNS, with the arms of the air and the sea).
_FORCES = frozenset(lx.FORCE_NOUNS) | {"fighter", "jet", "warplane", "military", "navy", "aircraft", "drone"}
# Entity labels of an owner of forces: a country, a body or a people, not a person.
_OWNER_LABELS = frozenset({"GPE", "ORG", "NORP"})


def forces_owner(tok):
    """The country or body that "its"/"their" stands for before forces ("Velmia said its
    troops ...": Velmia; "Its troops shelled X, the ministry said": the ministry), else the
    one country, body or people the sentence names before it ("Velmia's president flew home
    as its army attacked": Velmia); None for other words, or where that stays open."""
    if tok is None or _lemma(tok) not in _FORCES:
        return None
    pron = _child(tok, ("poss",))
    if pron is None or pron.lower_ not in ("its", "their"):
        return None
    resolved = _resolve_pronoun(pron)
    if resolved is not None and resolved.pos_ != "PRON":
        return resolved
    owners = {ent.root.i: ent.root for ent in span_ents(tok.sent) if ent.label_ in _OWNER_LABELS and ent.end <= pron.i}
    return next(iter(owners.values())) if len(owners) == 1 else None


# Words that open a clause of time or cause beside the main one.
_ADVERBIAL_MARKS = frozenset({"after", "before", "when", "while", "as", "because", "since", "until", "once"})


def _main_subject(pron):
    """"The minister resigned after he criticised the army", "Abakar was killed hours after
    he accused the RSF": a "he" or "she" subject of a clause of time or cause is the main
    clause's subject, the one person it names there; with a person as its object too ("the
    officer arrested the man after he threw stones") it stays open."""
    verb = pron.head
    if pron.lower_ not in ("he", "she") or pron.dep_ not in SUBJECTS or verb.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in verb.children):
        return None
    main = verb.head
    subject = _child(main, SUBJECTS | PASSIVE_SUBJECTS)
    if subject is None or subject.pos_ == "PRON" or not _agrees("person", subject):
        return None
    if any(c.dep_ in ("dobj", "dative") and _agrees("person", c) for c in main.children):
        return None
    return subject


def _named(noun):
    """The name a relative clause's noun describes when the noun is an appositive: in "Tamar
    Ruiz, a student who had joined the rally", the one who joined is Tamar Ruiz."""
    if noun.dep_ == "appos" and noun.head.ent_type_ in ACTOR_LABELS and noun.head.pos_ == "PROPN":
        return noun.head
    return noun


def _previous_subject(pron, depth: int = 0):
    """"Maria Lopez defended the law. She accused the opposition ...": a "he" or "she" that is the
    subject of its sentence's main verb continues the previous sentence's subject (the
    centering rule), when that subject is the one person the previous sentence names. Any
    other case stays open: the actor is then unknown rather than guessed."""
    if pron.lower_ not in ("he", "she") or pron.dep_ not in SUBJECTS or pron.head.dep_ != "ROOT":
        return None
    start = pron.sent.start
    if start == 0 or depth > 2:
        return None
    previous = pron.doc[start - 1].sent
    people = {ent.text for ent in span_ents(previous) if ent.label_ == "PERSON"}
    subject, _ = _subject(previous.root)
    if subject is not None and subject.pos_ == "PRON":
        return _previous_subject(subject, depth + 1) if not people else None
    if subject is None or subject.ent_type_ != "PERSON" or len(people) != 1:
        return None
    return subject


def _agrees(kind: str, tok) -> bool:
    person = tok.ent_type_ == "PERSON" or (not tok.ent_type_ and _lemma(tok) in lx.TARGET_TITLES)
    if kind == "person":
        return person and tok.tag_ not in ("NNS", "NNPS")
    if kind == "thing":
        return not person and tok.tag_ not in ("NNS", "NNPS")
    # "they", "we": a group or a body; a country is "it" ("Baku said it would meet them only
    # after they laid down their arms": they are not Baku)
    return (not person and tok.ent_type_ != "GPE") or tok.tag_ in ("NNS", "NNPS")
