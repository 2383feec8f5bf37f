"""The parse's basics that every facts rule reads: dependency-label sets, a token's lemma,
its children by label, a clause's verb.

Split out of arguments.py so that subjects.py (who does a verb) and arguments.py (an
event's actor and recipient) can share them without importing each other.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, POS
from spacy.symbols import AUX, VERB

from newsdesk.facts import lexicon as lx
from newsdesk.nlp.doccache import per_doc

# Dependency labels (spaCy's English ClearNLP scheme).
SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# Deps along which an event inherits its governor's subject: "agreed to withdraw",
# "shelled the town, killing 20" (advcl participle), "attacked and seized".
CONTROL = frozenset({"xcomp", "conj", "advcl"})
# Prepositions whose object is what the event is done to ("attack on", "fight against").
RECIPIENT_PREPS = frozenset({"against", "on", "upon", "at", "with", "to", "into", "toward", "towards", "between"})
# Prepositions whose object is the party an act affects, not where it happens.
AFFECTED_PREPS = frozenset({"against", "on", "upon", "with", "to", "from", "between"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity types that name an actor (a people, a country, a body, a person).
ACTOR_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON"})
TIME_LABELS = frozenset({"DATE", "TIME"})


def _lemma(tok) -> str:
    """The token's lemma in lower case, with the model's known verb slips mended
    ("staged" -> "stag", see ``lexicon.LEMMA_FIXES``)."""
    return per_doc(tok.doc, _lemmas)[tok.i]


def is_word(tok, words) -> bool:
    """Whether the token's lemma or its own lower-case form is one of ``words``: the small
    model may keep a capitalised word as its own lemma ("Ransomware" opening a headline)."""
    return _lemma(tok) in words or tok.lower_ in words


def _lemmas(doc) -> list[str]:
    """``_lemma`` of every token of the doc, made once (the rules ask for the same verb's
    or noun's lemma again and again: 41,000 times for 17,000 tokens on the bench's 52
    articles), the lemma and tag read with ``Doc.to_array``, each distinct lemma decoded
    once."""
    strings, lowered, out = doc.vocab.strings, {}, []
    for lemma_id, pos in doc.to_array([LEMMA, POS]).tolist():
        if lemma_id not in lowered:
            lowered[lemma_id] = strings[lemma_id].lower()
        lemma = lowered[lemma_id]
        out.append(lx.LEMMA_FIXES.get(lemma, lemma) if pos in (VERB, AUX) else lemma)
    return out


def _infinitive(tok):
    """A "to" clause under the verb, parsed as xcomp or advcl ("sworn to fight", "sent X to investigate")."""
    return next((c for c in tok.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _clause_verb(tok):
    """The verb whose clause holds ``tok`` (itself if it is a verb)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _conjuncts(tok) -> list:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def _child(tok, deps) -> object | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _prep_object(tok, preps) -> object | None:
    """The object of the first of the token's prepositions in ``preps``; a date or time is
    skipped ("gave a welcome on Thursday to the leader": the leader)."""
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            obj = _child(prep, ("pobj",))
            if obj is not None and obj.ent_type_ not in TIME_LABELS:
                return obj
    return None


def accidental_blast(tok) -> bool:
    """A gas or methane explosion (lexicon.ACCIDENT_BLASTS), or a bare one at a mine or a
    plant (lexicon.INDUSTRIAL_SITES): an accident, no attack."""
    if _lemma(tok) not in ("explosion", "blast"):
        return False
    mods = [_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if any(m in lx.ACCIDENT_BLASTS for m in mods):
        return True
    armed = any(m in lx.WEAPON_MODES for m in mods)  # "a bomb explosion at the factory"
    sites = (g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "inside")
             for g in c.children if g.dep_ == "pobj")
    return not armed and any(_lemma(g) in lx.INDUSTRIAL_SITES for g in sites)


def split_from_its_subject(verb) -> bool:
    """A finite verb with no subject behind an "after"/"before" phrase of the verb it hangs
    on: the parse split one clause ("deployed the army after days of clashes left 105 dead",
    "evacuated villages after a third day of shelling killed four") and the phrase holds the
    verb's subject. Its act is the phrase's, with its own toll and no doer of the other's."""
    if verb.dep_ not in ("advcl", "conj") or verb.tag_ not in ("VBD", "VBZ", "VBP") or _child(verb, SUBJECTS):
        return False
    head = verb.head
    after = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("after", "before", "following")
             and c.i < verb.i]
    if not after:
        return False
    # "... after the vote and declared ...": a "cc" between makes it a second act of the head's subject
    return not any(c.dep_ == "cc" and after[-1].i < c.i < verb.i for c in head.children)


def gapped_passive(verb) -> bool:
    """A past participle joined to a passive, with a subject of its own and no auxiliary:
    the auxiliary is the first clause's ("28 people had been arrested and three police
    officers injured"), so the subject is the one hurt, whom the parse made the doer. The
    tagger may read the participle as a past tense: then only a verb of harm or arrest with
    nothing after it ("and hospitals appealed for donors" is a clause of its own)."""
    bare = verb.tag_ == "VBD" and _lemma(verb) in lx.TOLL_VERBS | {"arrest", "detain"} \
        and not any(c.i > verb.i and c.dep_ != "punct" for c in verb.children)
    participle = verb.tag_ == "VBN" or bare
    return (verb.dep_ == "conj" and participle and _child(verb, ("nsubj",)) is not None
            and _child(verb, ("aux", "auxpass")) is None and _child(verb.head, ("auxpass",)) is not None)


def ranked_since(tok) -> bool:
    """A "since" that ranks the noun before it against the time after ("the deadliest
    quarter since 2017", "the first such exchange since December", "the seventh coup since
    2020"): a comparison, whose time dates neither the noun nor a count."""
    if tok.lower_ != "since" or tok.dep_ != "prep":
        return False
    ranked = tok.head
    return any(c.tag_ == "JJS" or c.lower_ in ("first", "last", "most", "least") or c.ent_type_ == "ORDINAL"
               for c in ranked.children if c.dep_ in ("amod", "advmod") and c.i < ranked.i)


def named_in_apposition(obj) -> bool:
    """What the verb calls its object, parsed as the object's apposition: 'called the accord
    "a first step"' (the quote marks keep the parse from an ``oprd``). Only one set right
    after it, with no comma: "called a strike, the third this year" calls the strike."""
    doc = obj.doc
    return any(c.dep_ == "appos" and c.left_edge.i > obj.i and all(t.is_quote for t in doc[obj.i + 1 : c.left_edge.i])
               for c in obj.children)
