"""Arguments of an event: who does it (actor) and to whom (recipient), from the parse.

Split out of events.py (the triggers and the assembling stay there). Every rule reads the
trigger's own clause or a short explicit chain of it (events.py's docstring says why):

- the actor is the trigger's subject, a passive's "by" agent, the subject a controlled
  verb inherits ("agreed to withdraw": who agreed), a gerund's controller ("accused the
  militia of shelling": the militia), or a nominal event's possessor or "by" phrase;
- the recipient is the object, a preposition's object that names the party affected
  (RECIPIENT_PREPS), a dative, what a governing verb aims at, or a territory a measure
  is imposed on;
- a name is the argument's head with its modifiers, an "of" group for a count or part
  ("thousands of farmers": farmers), and an "in X" / "from X" that says which ones.

Who does a verb (its subject through control, passives and pronouns) is in subjects.py;
the parse basics both read (label sets, lemmas) are in syntax.py.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsdesk.facts import lexicon as lx
from newsdesk.facts.subjects import (
    _named,
    _reciprocal,
    _resolve_pronoun,
    _subject,
)
from newsdesk.facts.syntax import (
    ACTOR_LABELS,
    AFFECTED_PREPS,
    PASSIVE_SUBJECTS,
    PLACE_LABELS,
    RECIPIENT_PREPS,
    SUBJECTS,
    TIME_LABELS,
    _child,
    _conjuncts,
    _infinitive,
    _lemma,
    _prep_object,
    accidental_blast,
    gapped_passive,
    is_word,
)
from newsdesk.model import Analysis

if TYPE_CHECKING:
    from newsdesk.facts.triggers import Trigger

# Left-hand modifiers kept in an actor's name ("Senior Hungarian officials", "Azerbaijan's army").
# Counts ("two civilians", "up to 16 advisers") are not: they are figures (figures.py), and
# the actor is the same whatever the count.
NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "flat", "case", "npadvmod"})  # npadvmod: "Vietnamese-led"


def _name_tokens(tok, origin: bool = True) -> list:
    """The tokens of an argument's name: its modifiers and "of" phrase, not its clauses
    (the "of" phrase's own name only: "workers of the bus company", not the company's
    relative clause or parenthesis), and with ``origin`` an "in X" or "from X" that says
    which ones ("rebels in Molvania")."""
    keep = [tok]
    for child in tok.children:
        if child.dep_ in NAME_DEPS and child.i < tok.i and not _a_measure(child):
            keep.extend(_name_tokens(child, origin))
            keep.extend(t for c in child.children if c.dep_ in ("conj", "cc") for t in c.subtree)
        elif child.dep_ == "prep" and child.i > tok.i and (_of_whom(child) or origin and _names_origin(child)):
            keep.append(child)
            obj = _child(child, ("pobj",))
            keep.extend(t for c in (_conjuncts(obj) if obj is not None else []) for t in _name_tokens(c, origin))
        elif origin and _names_whereabouts(child):
            keep.extend(_clause_name(child))
    return keep


def _a_measure(modifier) -> bool:
    """An adjective measured by a number: an age or a size ("a 12-year-old girl", "a
    3,000-strong force"). Like a count, it is no part of the name: the girl, the force."""
    return modifier.dep_ == "amod" and any(t.tag_ == "CD" for t in modifier.subtree)


def _of_whom(prep) -> bool:
    """An "of" phrase that says which ones ("workers of the bus company"), not what they
    are charged with when the parse hangs "accused X of shelling" on X: an act named by
    an event noun or a gerund is no part of a name."""
    obj = _child(prep, ("pobj", "pcomp"))
    if prep.lower_ != "of" or obj is None:
        return prep.lower_ == "of"
    if _lemma(obj) in lx.NOUNS or obj.tag_ == "VBG":
        return False
    # "accused police of heavy-handed tactics", "accused the mayor of corruption": the "of"
    # phrase of the accused is the charge, unless it names a body ("the government of X").
    accused = prep.head.dep_ == "dobj" and _lemma(prep.head.head) in lx.CHARGING
    return not accused or obj.ent_type_ in ACTOR_LABELS | PLACE_LABELS


# Where a participle's words stop being part of a name: a comma or bracket, a date, or a
# phrase of time, cause or purpose ("engineers working in Lyon | for questioning").
_CLAUSE_STOPS = frozenset({"for", "since", "after", "before", "during", "because", "until", "while", "as"})


def _clause_name(clause) -> list:
    """The words of a participle clause up to where it stops naming (``_CLAUSE_STOPS``)."""
    out = []
    for t in clause.doc[clause.i : clause.right_edge.i + 1]:
        stop = t.dep_ == "punct" and t.text not in ("-", "'", "\u2019")  # not a word's hyphen or apostrophe
        if stop or t.ent_type_ in TIME_LABELS or (t.dep_ == "prep" and t.lower_ in _CLAUSE_STOPS):
            break
        out.append(t)
    while out and out[-1].dep_ in ("prep", "det", "cc"):  # "taken by X in | the 1990s"
        out.pop()
    return out


def _names_whereabouts(clause) -> bool:
    """Whether a participle or adjective after a noun says which ones by naming a place or
    a body ("families escaping the floods in Syria", "farmers living in Velmora", "gunmen
    loyal to X"): a reduced relative clause, without a subject of its own."""
    participle = clause.dep_ == "acl" and clause.tag_ in ("VBG", "VBN")
    adjective = clause.dep_ == "amod" and clause.pos_ == "ADJ" and _child(clause, ("prep",)) is not None
    if not (participle or adjective) or clause.i < clause.head.i:
        return False
    if _child(clause, SUBJECTS | PASSIVE_SUBJECTS) is not None:
        return False
    if clause.tag_ == "VBN" and _child(clause, ("dobj",)) is not None:
        # a past participle with an object is the sentence's verb that the parse hung on a
        # noun ("floods triggered by monsoon rains [killed 38 people in Pakistan]"): a
        # reduced relative's past participle is passive and takes no object
        return False
    return any(t.ent_type_ in PLACE_LABELS | ACTOR_LABELS for t in clause.subtree)


def _names_origin(prep) -> bool:
    """Whether a noun's "in X" or "from X" phrase says where or whom it is from, naming a
    place or a body: "rebels in Molvania", "a nurse from Velmora", "engineers from two
    Molvanian firms" (which rebels, which engineers), not "rebels in the hills"."""
    obj = _child(prep, ("pobj",))
    owner = _lemma(prep.head)  # "a pullback from X", "autonomy from X": an act's or a thing's source
    if prep.lower_ not in ("in", "from") or obj is None or owner in lx.NOUNS or owner in lx.CONTENT_NOUNS:
        return False
    named = {t.ent_type_ for t in obj.subtree if t.dep_ != "prep" or t.i < obj.i}
    return bool(named & (PLACE_LABELS | ACTOR_LABELS))


def _partitive(tok):
    """The group a count or a part is of ("thousands of farmers", "members of the union",
    "part of the garrison"), through any chain of them; else the token itself. A part
    that a compound names is a group of its own: "freed 18 crew members of a fishing
    vessel" frees the crew, not the vessel."""
    for _ in range(3):
        counted = tok is not None and (tok.like_num or _lemma(tok) in lx.PARTITIVES)
        if not counted or tok.ent_type_ in ACTOR_LABELS or (_lemma(tok) == "member" and tok.tag_ != "NNS"):
            break
        if not tok.like_num and any(c.dep_ == "compound" for c in tok.children):
            break
        of = _prep_object(tok, {"of"})
        if of is None:
            break
        tok = of
    return tok


def _mention_name(analysis: Analysis, tok) -> str | None:
    """The canonical name of the entity whose mention covers ``tok``, if any."""
    names = {e.id: e.name for e in analysis.entities}
    for m in analysis.mentions:
        if m.span[0] <= tok.idx < m.span[1] and m.entity_id in names:
            covers = m.span[0] <= tok.idx and tok.idx + len(tok) <= m.span[1]
            if covers:
                return names[m.entity_id]
    return None


def argument(analysis: Analysis, tok) -> str | None:
    """An actor or recipient's name: canonical names where entities cover the heads, else
    the text of the noun phrase; conjoined heads make a compound actor ("X and Y")."""
    if tok is None:
        return None
    names = []
    for head in (_partitive(t) for t in _conjuncts(tok)):
        # A past verb names no one: it heads an argument only in a misparse ("12 hurt" of
        # "Dozens arrested, 12 hurt in X clashes", read as the subject of "clashes").
        past_verb = head.pos_ == "VERB" and head.tag_ in ("VBD", "VBN")
        if head.pos_ in ("PRON", "NUM", "DET") or head.like_num or past_verb:
            continue
        name = None if _qualified_people(head) else _mention_name(analysis, head)
        if name is None:
            # the name ends before the head's own conjuncts ("homes and shops in Velmora": "homes")
            stop = min((c.i for c in head.children if c.dep_ in ("cc", "conj") and c.i > head.i), default=len(head.doc))
            toks = sorted((t for t in _name_tokens(head) if t.i < stop), key=lambda t: t.i)
            while toks and (toks[0].dep_ in ("det", "case", "punct", "cc") or _describes(toks[0])):
                toks = toks[1:]
            if not toks:
                continue
            name = head.doc[toks[0].i : toks[-1].i + 1].text
        names.append(name)
    return " and ".join(dict.fromkeys(names)) or None


# Asking not to be named, the journalist's formula for an anonymous source: "asked not to
# be named / identified", "requested anonymity". It reports no words (the source's are in
# the clause it frames) and asks nothing of anyone in the story.
_ANONYMITY_VERBS = frozenset({"name", "identify", "quote"})


def asks_anonymity(verb) -> bool:
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ == "anonymity":
            return True
        negated = any(c.dep_ == "neg" for c in child.children)
        if child.dep_ == "xcomp" and negated and child.lemma_.lower() in _ANONYMITY_VERBS and child.tag_ == "VBN":
            return True
    return False


def described_as(verb) -> bool:
    """A participle that names or describes what it hangs on, with no one doing it: "the
    town, also known as X", "internationally recognised as part of X, the territory ...".
    No one speaks (quotes.py) and nothing happens (events.py) in it; "described by X as",
    with its agent, is an act of X."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "advcl"):  # first: every verb of the text comes here
        return False
    bare = not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in verb.children)
    return bare and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


# What a subject "came under": force used on it, by someone the clause leaves unnamed
# (CAMEO 19 fight; "came under pressure" or "under review" is no attack).
UNDER_ATTACK = frozenset({"fire", "gunfire", "attack", "assault", "shelling", "bombardment", "bombing",
                          "shellfire", "barrage"})


def came_under(verb) -> bool:
    """"The patrol came under heavy fire", "the village came under shelling": an attack
    on the subject. The small model hangs the noun on "under" or, for a gerund, on the
    verb itself (shelling/advcl)."""
    if _lemma(verb) != "come":
        return False
    under = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"]
    objects = [g for u in under for g in u.children if g.dep_ in ("pobj", "pcomp")]
    if under and not objects:  # "came under shelling": the gerund hung beside "under"
        objects = [c for c in verb.children if c.dep_ == "advcl" and c.i == under[0].i + 1]
    return any(_lemma(o) in UNDER_ATTACK or o.lower_ in UNDER_ATTACK for o in objects)


def happening(noun) -> bool:
    """Whether a subject or agent names a happening, not one who acts: a word of
    ``HAPPENINGS`` or a gerund ("Shooting at parade leaves two injured"; the model tags the gerund a verb,
    lemma "shoot"). A word the model tags as a name is a name ("the Hurricanes", a team)."""
    if noun.ent_type_ in ACTOR_LABELS:
        return False
    return noun.tag_ == "VBG" or is_word(noun, lx.HAPPENINGS)


def _describes(adj) -> bool:
    """Whether a leading adjective ranks the group rather than naming it: a superlative
    ("the largest opposition party", "the biggest refugee camp"). Other adjectives may
    classify ("illegal migrants", "religious party") and stay."""
    return adj.pos_ == "ADJ" and adj.tag_ == "JJS" and adj.dep_ == "amod" and not adj.ent_type_


def _qualified_people(tok) -> bool:
    """A people named with where or which of them ("Crimean Tatars", "Syrian Kurds", "ethnic
    Uzbeks", "the Kurds of northern Syria"): a group of its own, not the whole
    people the bare name stands for, so the noun phrase is kept. So is a body named with
    its country ("the US Senate", "Ukraine's Supreme Court"), which the bare name leaves open."""
    if tok.ent_type_ == "ORG" and tok.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i and c.ent_type_ in ("GPE", "NORP")
                   for c in tok.children)
    if tok.ent_type_ != "NORP" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any((c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i)
               or (c.dep_ == "prep" and (c.lower_ == "of" or _names_origin(c))) or _names_whereabouts(c)
               for c in tok.children)


def _recipient(tok):
    """The actor an event is done to, from the word the parse offers. PLOVER's target is
    an actor: a date or a number is none, and a thing asked, offered or refused ("the U.S.
    request", "the withdrawal of Serbian forces", "Turkey's efforts") gives way to whose
    it is, or to nothing."""
    tok = _partitive(_reciprocal(tok))
    if tok is None or tok.ent_type_ in TIME_LABELS or tok.like_num or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = _lemma(tok)
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}  # the word: "torn" is no "tear"
    if lemma in lx.WEAPON_MODES or modifiers & lx.WEAPON_MODES.keys():  # "fired shells / tear gas at X": the means
        return None
    if lemma not in lx.CONTENT_NOUNS and lemma not in lx.NOUNS:
        return tok
    owner = _child(tok, ("poss",))
    if owner is not None and owner.pos_ != "PRON":
        return owner
    named = _named_modifier(tok)
    if named is not None:
        return named
    return _recipient(_prep_object(tok, {"of", "from", "by"}))


def _named_modifier(noun):
    """A people, country, organisation or person named among a noun's left modifiers:
    "the Israeli raid", "US Predator attacks", "the U.N. Security Council resolution"."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
            named = next((t for t in child.subtree if t.ent_type_ in ACTOR_LABELS), None)
            if named is not None:
                return named
    return None


def natural_force(tok) -> bool:
    """An earthquake, a flood or a landslide: no one who acts (False for no token). By the
    word too, and its singular: the small model takes a plural opening a sentence for a
    name and keeps it as its lemma ("Landslides and collapses at such sites kill dozens"
    was an ASSAULT)."""
    if tok is None:
        return False
    return accidental_blast(tok) or is_word(tok, lx.NATURAL_FORCES) or tok.lower_.removesuffix("s") in lx.NATURAL_FORCES


def _bare_participle(verb, subject) -> bool:
    """The verb is a subordinate past participle with no auxiliary and its "subject" before
    it ("the toll rose to 23, with 140 people injured"): the small model parses the absolute
    construction's noun as the subject, but it names who suffered the act, not who did it.
    A main verb tagged VBN ("Khomeini today rejected ...") keeps its subject, and so does a
    copula's participle ("Ruritania is opposed to ...": the subject is the copula's)."""
    return (verb.tag_ == "VBN" and verb.dep_ != "ROOT" and subject.dep_ == "nsubj" and subject.head.i == verb.i
            and subject.i < verb.i
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _bare_projectile(tok) -> bool:
    """A drone, a missile or a bomb that no one is said to own: what hit, not who fired ("A
    drone struck a cargo vessel", "a roadside bomb killed three soldiers"); so is code set
    loose on a network ("ransomware crippled the hospital network", ``lexicon.MEANS``).
    "Russian drones", "Houthi drones", "government rockets", "its missiles" keep their
    actor, as PLOVER's coders write it ("Russian aircraft"). The small model may tag a
    capitalised means a name ("Ransomware" opening a headline): the word decides."""
    if not is_word(tok, lx.CYBER_MEANS) and (_lemma(tok) not in lx.PROJECTILES or tok.ent_type_ in ACTOR_LABELS):
        return False
    return not (_child(tok, ("poss",)) or _named_modifier(tok) or any(map(_owner_word, tok.children)))


def _owner_word(c) -> bool:
    """A modifier that says whose a weapon is: "Houthi", "government" (not "roadside", "improvised")."""
    compound = c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
    named = c.dep_ == "amod" and (c.ent_type_ or c.pos_ == "PROPN")
    return (compound or named) and _lemma(c) not in lx.WEAPON_MODES


_OBJECT_PRONOUNS = frozenset({"them", "him", "her", "it", "us", "me", "you"})


def _place_left(verb):
    """The place hung on a withdrawal's particle: "pulled out of the town", "pulled back
    from the ridge" (the particle parsed as a preposition or an adverb)."""
    particles = (c for c in verb.children if c.lower_ in lx.PARTICLES and c.dep_ in ("prep", "advmod", "prt"))
    return next((o for c in particles if (o := _prep_object(c, {"of", "from"})) is not None), None)


def _verb_arguments(trig: Trigger):
    """(actor token, recipient token) of a verbal trigger."""
    verb = trig.light or trig.head
    if trig.light is None and came_under(verb):  # the subject is the one attacked; the attacker unnamed
        attacked = _resolve_pronoun(_subject(verb)[0])  # "the patrol", "the convoy": event nouns, still the target
        return None, attacked if attacked is not None and attacked.pos_ in ("NOUN", "PROPN") else None
    actor = _resolve_pronoun(_subject(verb)[0])
    if actor is not None and _bare_participle(verb, actor):  # "with 140 people injured": the hurt
        actor = None
    # "a war that killed 30,000 people", "Torrential rain has killed 12": no one acts
    if actor is not None and (happening(actor) or natural_force(actor) or _land(actor) or _bare_projectile(actor)
                              or (actor.ent_type_ not in ACTOR_LABELS and _lemma(actor) in lx.SPANS_OF_TIME)):
        actor = None
    recipient = _child(verb, PASSIVE_SUBJECTS) or _passive_relative_head(verb)
    if recipient is None and gapped_passive(verb):  # "28 had been arrested and three officers injured"
        actor, recipient = None, _child(verb, ("nsubj",))
    stative = _lemma(verb) in lx.STATIVE_PASSIVES and _child(verb, ("agent",)) is None
    if recipient is not None and stative:  # "Israel is opposed to X's mediation", not "opposed by X"
        return _resolve_pronoun(recipient), _recipient(_prep_object(verb, {"to"}))
    if recipient is not None and trig.light is None:
        actor = actor if _child(verb, ("agent",)) is not None else None
    if trig.category == "PROTEST":  # what protesters march on or block is a place, not a target
        return actor, _protest_target(trig, verb, recipient)
    if trig.light is not None and lx.NOUNS.get(_lemma(trig.head), ("",))[0] == "REQUEST":
        return actor, _recipient(trig.head)  # "accepted demands from the strikers": the strikers
    if _lemma(verb) in lx.DISPATCH_VERBS and trig.category == "ACCUSE":  # "sent experts to investigate X"
        purpose = _infinitive(verb)
        return actor, _recipient(_child(purpose, ("dobj",)) if purpose is not None else None)
    recipient = _recipient(recipient)
    sharer = _object_sharer(verb) if trig.light is None and recipient is None else None
    if sharer is not None:  # "donated and delivered blankets to X": whom the conjunct's act is done to
        return actor, _verb_arguments(replace(trig, head=sharer, verbal=True, light=None))[1]
    if trig.category in lx.TRANSFERS and _lemma(verb) == "evacuate":  # "evacuated 300 residents": those helped
        return actor, recipient or _recipient(_child(verb, ("dobj",)))
    if trig.category in lx.TRANSFERS:  # what is given or shared is no recipient: whom to
        given = _with_of([o for o in [_child(verb, ("dobj",))] if o is not None])  # "a package of loans for X"
        to = (_prep_object(t, lx.TRANSFER_PREPS) for t in [verb, *given])
        if recipient is not None and {_lemma(t) for t in recipient.subtree} & (lx.AID_OBJECTS | lx.RESCUERS):
            recipient = None  # "9,500 rescue workers had been deployed to the region": the ones sent
        return actor, _recipient(recipient or _dative(verb) or next((t for t in to if t is not None), None))
    if trig.category == "RETREAT" and trig.mode == "release" and trig.light is None:
        recipient = recipient or _recipient(_child(verb, ("dobj",)))  # "freed two aid workers": those set free
        if recipient is not None and _lemma(recipient) in lx.RELEASED_PEOPLE:
            return actor, recipient  # "were handed over to army officers": the hostages, not whom to
    if trig.category == "RETREAT":
        recipient = recipient or _prep_object(verb, {"from"}) or _place_left(verb)
    obj = _child(verb, ("dobj",))
    if recipient is None and trig.light is None and trig.category != "RETREAT":
        phrasal = obj is not None and (_lemma(verb), obj.lower_) in lx.PHRASAL  # "opened fire"
        # what one yields of one's own is no one acted on: "gave up their weapons"
        own = obj is not None and trig.category in lx.YIELDING and _own_side(obj)
        recipient = None if phrasal or own else _recipient(obj)
        if recipient is not None and _owned_thing(recipient):
            # "promised Ankara's full backing to Baku": what is promised is Ankara's, whom to is Baku
            to = _prep_object(verb, {"to"})
            recipient = to if to is not None and to.ent_type_ in ACTOR_LABELS else recipient
    # the event noun (and what it is "of"), then the verb: "suspended air links with Serbia",
    # "halted aid to Serbia", "a mediation mission between Syria and the PLO"
    # (and the object's conjuncts: "imposed an asset freeze and travel ban on 11 officers")
    heads = _with_of([*_conjuncts(trig.head), verb] if trig.light else [verb])
    light = trig.light.i if trig.light is not None else -1
    # "charged with arson": the charge, no one it is done to
    to_whom, affected = (RECIPIENT_PREPS, AFFECTED_PREPS) if _lemma(verb) not in lx.CHARGING else (
        RECIPIENT_PREPS - {"with"}, AFFECTED_PREPS - {"with"})
    # "seizing them at a site": the object is the one acted on, though a pronoun names no
    # one here; the preposition's object is no recipient in its stead
    pronoun_object = obj is not None and obj.pos_ == "PRON" and obj.lower_ in _OBJECT_PRONOUNS
    if recipient is None and not pronoun_object:
        # a light verb's "to X" is a destination unless named ("deployed troops to the border")
        found = ((h, _recipient(_prep_object(h, to_whom))) for h in heads)
        recipient = next((r for h, r in found if r is not None and (h.i != light or _is_actor(r))), None)
    if recipient is None and trig.light is not None and len(_conjuncts(trig.head)) > 1:
        # joined objects: the parse hangs what ends the list on the verb ("imposed a freeze
        # and a ban on 11 officers"), where it is the objects' target, no destination
        recipient = _recipient(_prep_object(verb, {"on", "upon", "against"}))
    if recipient is None or not _is_actor(recipient):
        # a named actor wins over a thing: "confiscated weapons from armed groups", "cut off
        # power to the republic" (not a place: "arrested students at the Molvanian embassy")
        named = (_recipient(_prep_object(t, affected)) for t in [*heads, obj] if t is not None)
        recipient = next((n for n in named if n is not None and _is_actor(n)), recipient)
    if recipient is None and trig.light is not None:
        # "ordered the expulsion of four diplomats", "mounted its invasion of South Lebanon":
        # the actor or the people the event noun is done to; not "signed a treaty of
        # friendship", "lifted a state of emergency" (what the noun is, no one)
        of = _recipient(_prep_object(trig.head, {"of"}))
        recipient = of if of is not None and (_is_actor(of) or _people(of)) else None
    if recipient is None:  # "demanded that Israel ease ...", "threatened to shell towns"
        recipient = _governed_recipient(verb, threat=trig.category == "THREATEN")
    if recipient is None:
        recipient = _territory(trig.head, verb)
    return actor, recipient


def _passive_relative_head(verb):
    """The noun a passive relative clause with no subject word hangs on is its patient: "the
    most senior official to be killed since 2021", "the third reporter to be arrested", and
    so is the noun a past participle with its agent hangs on ("a nurse abducted by gunmen")."""
    if verb.dep_ == "relcl" and _child(verb, ("auxpass",)) is not None and _child(verb, SUBJECTS) is None:
        return _named(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and _child(verb, ("agent",)) is not None:
        return _named(verb.head)  # "a nurse abducted by gunmen": a reduced passive relative
    return None


def _object_sharer(verb):
    """The conjoined verb whose object and phrases the verb shares: "attacked and seized the
    town", "donated and delivered blankets to X" (the verb has no object or complement of its
    own, the conjunct no subject of its own)."""
    own = _child(verb, ("dobj", "dative", "xcomp", "ccomp")) or _prep_object(verb, RECIPIENT_PREPS | AFFECTED_PREPS)
    if own is not None:
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i
                 and _child(c, SUBJECTS | PASSIVE_SUBJECTS) is None and _child(c, ("dobj",)) is not None), None)


def _territory(noun, verb=None):
    """The place a territorial measure is imposed in, which stands for the people it is
    imposed on: "imposed a curfew in X", "the curfew imposed in X", "lifted emergency
    rule in X", "threatened to declare a curfew in X" (lexicon.TERRITORIAL_MEASURES)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        noun = _child(noun, ("dobj",)) or _child(_child(noun, ("xcomp",)) or noun, ("dobj",))
    if noun is None:
        return None
    words = {_lemma(noun)} | {_lemma(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    if not words & lx.TERRITORIAL_MEASURES:
        return None
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl"), noun.head if noun.dep_ == "dobj" else None, verb]
    for holder in (h for h in holders if h is not None):
        place = _prep_object(holder, {"in", "on", "across", "throughout"})
        if place is not None and place.ent_type_ in PLACE_LABELS:
            return place
    return None


def _with_of(tokens: list) -> list:
    """The tokens and, for nouns, what they are "of" ("suspension of air links", one step)."""
    out = []
    for tok in tokens:
        out.append(tok)
        of = _prep_object(tok, {"of"}) if tok.pos_ in ("NOUN", "PROPN") else None
        if of is not None:
            out.append(of)
    return out


def _dative(verb):
    """The indirect object: "gave the refugees tents", "gave tents to the refugees"."""
    dative = _child(verb, ("dative",))
    if dative is not None and dative.pos_ == "ADP":
        return _child(dative, ("pobj",))
    return dative


def _land(tok) -> bool:
    """A named road, river or other feature of the land (lexicon.LAND_FEATURES)."""
    return tok.ent_type_ == "FAC" or (tok.ent_type_ == "LOC" and _lemma(tok) in lx.LAND_FEATURES)


def _people(tok) -> bool:
    """A plural common noun that is no event or content word: "four diplomats", "20 prisoners"."""
    return tok.tag_ == "NNS" and _lemma(tok) not in lx.NOUNS and _lemma(tok) not in lx.CONTENT_NOUNS


def _owned_thing(tok) -> bool:
    """A singular thing whose name holds an actor only as its owner ("Ankara's full
    backing", "the government's offer"): no one itself."""
    owner = _child(tok, ("poss",))
    return not tok.ent_type_ and tok.tag_ == "NN" and owner is not None and owner.ent_type_ in ACTOR_LABELS


def _is_actor(tok) -> bool:
    """Whether a noun phrase names a people, country, body or person (itself: "a camp in
    Ruritania" is still a thing)."""
    return any(t.ent_type_ in ACTOR_LABELS for t in _name_tokens(tok, origin=False))


def _governed_recipient(verb, threat: bool = False):
    """The recipient of the act a verb governs: "threatened to cut off gas to X",
    "demanded that Israel ease ..." (its subject), "urged them to shell the towns". A
    threat's own side is none: "warned that his forces would respond" threatens no forces."""
    comp = _child(verb, ("ccomp", "xcomp"))
    if comp is None:
        return None
    from newsdesk.facts.triggers import verb_trigger  # here: triggers imports this module

    act = verb_trigger(comp) if comp.pos_ in ("VERB", "AUX") else None
    # "insisted that the militias must hand over their weapons": asked of the militias
    asked = any(c.dep_ == "aux" and c.lower_ in lx.DEMANDING_AUX for c in comp.children)
    if act is not None:
        found = _verb_arguments(act)[1]
        if found is not None or (act.category in lx.TRANSFERS and not asked):  # what is given is no recipient
            return found
    # nor what is given up ("agreed to lay down their arms"); who gives it up is ("insisted
    # that the militias must hand over their weapons": asked of the militias)
    given_up = act is not None and act.category in lx.YIELDING
    subject = _child(comp, SUBJECTS)
    if threat and subject is not None and _own_side(subject):
        subject = None
    found = _recipient(subject or (None if given_up else _child(comp, ("dobj",))))
    if found is None:  # "threatened to break relations with Russia"
        heads = _with_of([comp, *(c for c in comp.children if c.dep_ == "dobj")])
        found = next((r for h in heads if (r := _recipient(_prep_object(h, RECIPIENT_PREPS)))), None)
    return found


# Words by which a speaker names their own side: "we", "our forces", "his army".
_OWN = frozenset({"we", "i", "us", "our", "my", "his", "her", "its", "their"})


def _own_side(noun) -> bool:
    return noun.lower_ in _OWN or any(c.dep_ == "poss" and c.lower_ in _OWN for c in noun.children)


def _protest_target(trig: Trigger, verb, passive):
    """Whom a protest is against ("against X", "protested X", "boycotted X", "to demand the
    resignation of X", "in protest at X's refusal"), or what it blocks ("blocked the corridor")."""
    against = _prep_object(trig.head, {"against"}) or _prep_object(verb, {"against"})
    if against is None:
        against = _protest_purpose(verb, trig.head)
    if against is not None or not trig.verbal or trig.light is not None:
        return _recipient(against)
    obj = passive or _child(verb, ("dobj",))
    if _lemma(verb) in lx.TARGETED_PROTESTS:  # "protested the verdict"
        return _recipient(obj)
    # what is blocked is a target when it is named ("blocked the Lachin corridor"), not "roads"
    named = obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in PLACE_LABELS)
    return _recipient(obj) if trig.mode == "obstruct" and named else None


def _protest_purpose(verb, noun):
    """What a protest's purpose clause or "in protest" phrase is against: "to demand the
    resignation of X", "to protest X's failure", "in protest against X"."""
    purpose = _infinitive(verb)
    if purpose is not None and _lemma(purpose) in lx.PROTEST_PURPOSES:
        return _child(purpose, ("dobj",)) or _prep_object(purpose, {"against", "at", "for"})
    for prep in (c for t in (verb, noun) for c in t.children if c.dep_ == "prep"):
        pobj = _child(prep, ("pobj",))
        if pobj is not None and _lemma(pobj) == "protest":
            return _prep_object(pobj, {"against", "at", "of", "over"})
    return None


def _possessor(noun):
    """A nominal event's possessor, who does it ("Azerbaijan's offensive"); a time's is when it
    happened, no actor ("Tuesday's air strike", "last week's raid")."""
    owner = _child(noun, ("poss",))
    return None if owner is not None and owner.ent_type_ in TIME_LABELS else owner


# Verbs by which one owns a deed: "claimed responsibility for the attack", "took credit for".
_OWNING = frozenset({"claim", "take", "accept", "assume", "admit"})


def _claimant(noun):
    """Who claims the deed a noun names: "the group claimed responsibility for the bombing"
    (the bombing's actor, by its own word; "denied responsibility" owns nothing)."""
    held = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if held is None or held.lower_ not in ("responsibility", "credit") or held.dep_ != "dobj":
        return None
    verb = held.head
    if _lemma(verb) not in _OWNING or any(c.dep_ == "neg" for c in verb.children):
        return None
    subject = _subject(verb)[0]
    return None if subject is not None and no_one(subject) else subject  # "no group has claimed responsibility"


def no_one(subject) -> bool:
    """"Nobody said …", "No group claimed …": a subject that is no one."""
    return subject.lower_ in ("nobody", "none") or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


# Nouns of deeds whose possessor is the one they are done to when no "of" names that one:
# "the president's release" (the president is freed: "called for the president's immediate
# release" made the president the actor of his own release), "his arrest", "the
# journalist's killing"; but "the government's release of 50 prisoners" is the government's.
_UNDERGONE = frozenset({
    "release", "arrest", "detention", "capture", "abduction", "kidnapping", "killing", "murder",
    "assassination", "execution", "rescue", "extradition", "deportation", "expulsion", "ouster", "overthrow",
})


def _noun_arguments(noun):
    """(actor, recipient) of a nominal event: "Azerbaijan's offensive on Stepanakert",
    "the Israeli raid", "an attack by rebels"; "the president's release" is done to him."""
    owner = _possessor(noun)
    if owner is not None and _lemma(noun) in _UNDERGONE and _prep_object(noun, {"of"}) is None:
        return _resolve_pronoun(_prep_object(noun, {"by"}) or _named_modifier(noun)), _recipient(owner)
    actor = owner or _prep_object(noun, {"by"}) or _named_modifier(noun)
    # "Armenia does not participate in operations", not "the minister arrived after the attack"
    joined = noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ in lx.PARTICIPATION_PREPS)
    if actor is None and joined:
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if _lemma(verb) in lx.PARTICIPATION:  # also "were engaged in", "are involved in"
            actor = _subject(verb)[0] or _child(verb, PASSIVE_SUBJECTS)
    actor = actor or _claimant(noun)
    actor = _resolve_pronoun(actor)  # "X says its operations will go on"
    if lx.NOUNS.get(_lemma(noun), ("",))[0] == "PROTEST":
        return actor, _recipient(_prep_object(noun, {"against"}))
    recipient = _prep_object(noun, {"on", "against", "upon", "of", "with", "to"})
    if noun.dep_ in SUBJECTS and _lemma(noun.head) in lx.VERBS:  # "the blast killed two soldiers"
        # (an act's object only: "the war followed the collapse" / "would pose challenges" name none)
        recipient = recipient or _child(noun.head, ("dobj",))
    return actor, _recipient(recipient)
