"""Triggers: the words that name an event of the lexicon (``lexicon.py``), verbs first,
with their PLOVER category and mode as the parse around them settles it ("blocked the
road" is an obstruction, "Serbia has blocked the road" a blockade, "blocked the
resolution" a veto). ``events.py`` gives each its actor, recipient, place, time, toll and
modality.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP, POS

from newsdesk.facts import lexicon as lx
from newsdesk.facts.arguments import asks_anonymity, came_under, described_as
from newsdesk.facts.syntax import (
    PASSIVE_SUBJECTS,
    SUBJECTS,
    TIME_LABELS,
    _child,
    _conjuncts,
    _infinitive,
    _lemma,
    _prep_object,
    accidental_blast,
    is_word,
    named_in_apposition,
)
from newsdesk.nlp.doccache import sentence, token_strings, tokens


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (and a light verb or particle) that names an event of the lexicon."""

    head: object  # spaCy Token: the verb, or the event noun
    category: str
    mode: str | None
    verbal: bool
    light: object | None = None  # the light verb of "staged a protest", or None


def _phrasal(tok) -> lx.Entry | None:
    for child in tok.children:
        if _left_place(tok, child):
            return lx.PHRASAL[(_lemma(tok), child.lower_)]
        if child.lower_ in lx.PARTICLES and child.dep_ != "prt" and not _bare_adverb_particle(child):
            continue
        # (ccomp: "found the two officers guilty", the small model's parse of the small clause)
        if child.dep_ in ("prt", "prep", "dobj", "acomp", "oprd", "advmod", "ccomp"):
            entry = lx.PHRASAL.get((_lemma(tok), child.lower_))
            if entry:
                return entry
    return None


def _left_place(verb, child) -> bool:
    """A withdrawal whose particle the small model parsed as a preposition or an adverb
    because the place left hangs on it: "pulled out of the town" (out/prep), "pulled back
    from the ridge" (back/advmod). Only a withdrawal (RETREAT withdraw): "walked out of the
    room" leaves a room, no walkout."""
    entry = lx.PHRASAL.get((_lemma(verb), child.lower_))
    return (entry == ("RETREAT", "withdraw") and child.dep_ in ("prep", "advmod") and child.i > verb.i
            and any(g.dep_ == "prep" and g.lower_ in ("of", "from") for g in child.children))


def _bare_adverb_particle(child) -> bool:
    """A particle the small model parsed as an adverb, with nothing hanging on it and no
    number after it: "teachers walked out on Monday" (out/advmod: the walkout was lost),
    not "took over 100 hours" nor "walked out of the room"."""
    doc = child.doc
    following = doc[child.i + 1] if child.i + 1 < len(doc) else None
    return (child.dep_ == "advmod" and child.i > child.head.i and not any(child.children)
            and not (following is not None and following.like_num))


def _noun_entry(tok, governor=None) -> lx.Entry | None:
    lemma = _lemma(tok)
    blocked = lx.NOT_EVENT_MODIFIERS.get(lemma, frozenset())
    if any(_lemma(c) in blocked for c in tok.children if c.dep_ in ("compound", "amod", "nmod")):
        return None
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod") and (_lemma(child), lemma) in lx.MODIFIED_NOUNS:
            entry = lx.MODIFIED_NOUNS[(_lemma(child), lemma)]
            return entry if entry[0] != "AID" or _aid_on_its_way(tok) else None
    if lemma in lx.NEED_MODIFIER or accidental_blast(tok):  # "an explosion at a coal mine": an accident
        return None
    if lemma in lx.CARRIER_NOUNS:  # "mediation efforts": the event is the modifier's
        inner = (_noun_entry(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
        return next((e for e in inner if e), None)
    if lemma == "strike" and governor is not None and _lemma(governor) in lx.ATTACK_LAUNCHERS:
        return ("ASSAULT", None)
    if lemma == "strike" and tok.dep_ == "nsubj" and _lemma(tok.head) in lx.HARM_VERBS:
        return ("ASSAULT", None)  # "the strike killed 12 people": no walkout kills
    if lemma == "strike" and _of_workers(tok):
        return ("PROTEST", "strike")  # "injured in the strike at the factory": a walkout's scuffle
    if lemma == "strike" and _dead_in(tok):
        return ("ASSAULT", None)  # "three were killed in the strikes": nor does anyone die in one
    if lemma == "threat" and _said_to_be(tok):
        return None  # "the militia is a threat to the region": a judgement of it, no threat made
    if lemma == "war" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and _lemma(tok.head.head) in lx.OF_WAR:
        return None  # "prisoners of war": people a war holds, no act of it
    if lemma == "state":  # "a state of emergency", "a state of siege" (CAMEO 1724 martial law)
        of = _prep_object(tok, {"of"})
        return ("COERCE", "martial-law") if of is not None and _lemma(of) in lx.STATES_OF_EXCEPTION else None
    return lx.NOUNS.get(lemma)


# What a travel or entry ban keeps people from: "banned them from travelling to the bloc".
_MOVING = frozenset({"travel", "enter", "leave", "fly", "visit", "cross"})


def _banned_from_moving(tok) -> bool:
    return any(_lemma(g) in _MOVING for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
               for g in c.children if g.dep_ == "pcomp")


def _said_to_be(tok) -> bool:
    """The noun says what something is: after a copula ("was a threat") or a verb that
    names ("called the seizure a threat"), or joined to such a word ("called it unjustified
    and a threat", which the parse hangs on the verb)."""
    if tok.dep_ == "attr" or _named_as(tok):
        return True
    head = tok.head
    return tok.dep_ == "conj" and (head.dep_ == "attr" or any(c.dep_ == "oprd" for c in head.children))


_DEATH = frozenset({"kill", "die"})


def _of_workers(strike) -> bool:
    """A strike by workers or at their workplace (lexicon.WORKPLACES, WORKERS): "the strike at
    the factory", "a strike by dockers at the port", "the miners' strike". Not one a people or
    a state is named as making ("a Velmian strike at the port"), nor one at a workplace that
    killed people ("killed in a strike at the port"): those are attacks."""
    mods = [c for c in strike.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    if any(c.ent_type_ in ("NORP", "GPE") for c in mods):
        return False
    if any(_lemma(c) in lx.WORKERS for c in mods):
        return True
    placed = [t for t in strike.subtree if t.dep_ == "pobj" and t.head.lower_ in ("at", "in", "by")
              and t.head.head.i in (strike.i, *(c.i for c in strike.subtree if c.head.lower_ == "by"))]
    if any(_lemma(t) in lx.WORKERS and t.head.lower_ == "by" for t in placed):
        return True
    # A workplace alone: a walkout's scuffle may hurt people, but those killed "in a strike
    # at the port" with no workers named were far more likely killed by a strike from the air.
    killed = strike.dep_ == "pobj" and strike.head.lower_ in ("in", "by") and _lemma(strike.head.head) in _DEATH
    return not killed and any(_lemma(t) in lx.WORKPLACES for t in placed)


def _dead_in(tok) -> bool:
    """Whether people are killed or hurt "in" or "by" the noun: "killed in the strikes",
    "wounded by strikes on the camp", "died in the strikes"."""
    return (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "by")
            and _lemma(tok.head.head) in lx.TOLL_VERBS | {"die"})


def _aid_on_its_way(tok) -> bool:
    """An aid convoy (truck, vehicle) is the aid's delivery when it goes somewhere ("the
    aid convoy reached Rafah") or is sent ("sent a convoy of aid trucks"); what an attack
    hits ("attacked an aid convoy") is that attack's target, no second event."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":  # "a convoy of aid trucks"
        tok = tok.head.head
    if tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "ROOT":
        return True
    return tok.dep_ == "dobj" and _lemma(tok.head) in lx.AID_MOVING_VERBS


def _going_on(tok) -> bool:
    """Whether the verb says an act goes on: "pressed on", "pushed ahead" (lexicon.GOING_ON)."""
    return any((_lemma(tok), c.lower_) in lx.GOING_ON for c in tok.children if c.dep_ in ("prt", "advmod"))


def _object_trigger(tok) -> Trigger | None:
    """Events said by a verb and its object: "lodged a protest", "deployed troops",
    "lifted the curfew", "staged a protest"; or by a verb of going on and its "with"
    phrase: "pressed on with their assault"."""
    lemma = _lemma(tok)
    if _going_on(tok):
        carried = (_child(c, ("pobj",)) for c in tok.children if c.dep_ == "prep" and c.lower_ == "with")
        for obj in (o for o in carried if o is not None):
            if entry := _noun_entry(obj, governor=tok):
                return Trigger(obj, *entry, verbal=True, light=tok)
    objects = [o for c in tok.children if c.dep_ in ("dobj", "attr") for o in _conjuncts(c)]
    for obj in objects:  # "fired artillery, mortars and rockets": each conjunct
        if obj.pos_ not in ("NOUN", "PROPN"):
            continue
        noun = _lemma(obj)
        if noun == "tie" and obj.tag_ != "NNS":  # "broke a 6-6 tie" is no break of ties
            continue
        if lemma == "sign" and _settles_a_conflict(obj):
            return Trigger(obj, "AGREE", None, verbal=True, light=tok)  # "signed a peace deal" (lexicon.SETTLEMENTS)
        paired = next((lx.VERB_OBJECT[(lemma, n)] for n in _object_nouns(obj) if (lemma, n) in lx.VERB_OBJECT), None)
        if paired:
            return Trigger(obj, *paired, verbal=True, light=tok)
        if lemma in lx.FORCE_VERBS and noun in lx.FORCE_NOUNS:
            return Trigger(obj, "MOBILIZE", lx.FORCE_NOUNS[noun], verbal=True, light=tok)
        if lemma in lx.WITHDRAW_VERBS and noun in lx.FORCE_NOUNS:  # "withdrew its troops"
            return Trigger(obj, "RETREAT", "withdraw", verbal=True, light=tok)
        if lemma in lx.ENDING_VERBS and (_object_words(tok) & lx.AID_OBJECTS) - lx.FORCE_NOUNS.keys():
            # "reduced food supplies" (CAMEO 162 reduce or stop aid)
            return Trigger(obj, "SANCTION", "discontinue", verbal=True, light=tok)
        entry = _noun_entry(obj, governor=tok)
        if entry and entry[0] == "PROTEST" and lemma in lx.STOPPING_VERBS:
            return Trigger(obj, "COERCE", "restrict", verbal=True, light=tok)
        if entry and lemma in lx.ENDING_VERBS and (lemma != "call" or _child(tok, ("prt",)) is not None):
            ended = lx.EASED.get(noun) or _ending(entry[0])
            if ended:
                return Trigger(obj, *ended, verbal=True, light=tok)
        # Not a verb that says what its object is ("called the seizure unlawful", "called
        # the attack a crime"): a judgement of the event, not its doing.
        if entry and lemma in lx.LIGHT_VERBS and _child(tok, ("oprd",)) is None and not named_in_apposition(obj):
            return Trigger(obj, *entry, verbal=True, light=tok)
    return None


def _settles_a_conflict(obj) -> bool:
    """A signed object that settles a conflict (lexicon.SETTLEMENTS): a truce itself, a
    "peace" or "ceasefire" agreement, or one "to end the war"."""
    words = {_lemma(obj)} | {_lemma(c) for c in obj.children if c.dep_ in ("compound", "amod", "nmod")}
    words |= {w.lower_ for w in obj.subtree if w.i < obj.i}  # "cease-fire" split in three by the tokenizer
    if words & lx.SETTLEMENTS or {"cease", "fire"} <= words:
        return True
    ends = (c for c in obj.children if c.dep_ in ("acl", "relcl") and _lemma(c) in lx.ENDING_VERBS)
    return any(_lemma(o) in lx.CONFLICTS for e in ends for o in e.children if o.dep_ == "dobj")


def _object_nouns(obj) -> list[str]:
    """The object's lemma and its compounds', and for a group noun its members' ("a mission
    of observers")."""
    nouns = [_lemma(obj)] + [_lemma(c) for c in obj.children if c.dep_ == "compound"]  # "ceasefire agreement"
    if nouns[0] in lx.GROUP_NOUNS:
        member = _prep_object(obj, {"of"})
        nouns += [_lemma(member)] if member is not None else []
    return nouns


def _ending(category: str) -> lx.Entry | None:
    if category in lx.CONFLICTUAL:
        return ("CONCEDE", None)
    if category in lx.MILITARY:
        return ("RETREAT", None)
    if category in lx.COOPERATIVE or category == "SUPPORT":
        return ("SANCTION", "discontinue")
    return None


def _money_object(verb) -> bool:
    """Whether what the verb takes is an amount of money or funds ("sanctioned $2 million",
    "sanctioned Rs 75 crore", "sanctioned funds for the dam")."""
    objects = (c for c in verb.children if c.dep_ in ("dobj", "dative"))
    return any(t.ent_type_ == "MONEY" or t.text in lx.CURRENCY_SIGNS or _lemma(t) in lx.MONEY_WORDS
               for o in objects for t in o.subtree)


def verb_trigger(tok) -> Trigger | None:
    if described_as(tok):  # "recognised as part of X, the territory ...": a state, no act
        return None
    lemma = _lemma(tok)
    found = _object_trigger(tok)
    if found:
        return found
    promised = _promised(tok)
    if promised:
        return promised
    if _going_on(tok):
        return None  # "pressed on" goes on with an act; it asks for nothing
    if came_under(tok):
        # "the patrol came under fire": attacked. Under a toll verb ("were killed when their
        # vehicle came under fire") the toll's verb tells this attack already: one event.
        told = tok.dep_ == "advcl" and _lemma(tok.head) in lx.TOLL_VERBS
        return None if told else Trigger(tok, "ASSAULT", None, verbal=True)
    if lemma in ("ask", "request") and asks_anonymity(tok):
        return None  # "a source who asked not to be named": a condition of the telling, no request
    if lemma in ("decline", "refuse") and _lemma(_child(tok, ("xcomp",)) or tok) in lx.NO_COMMENT:
        return None  # "declined to comment": a reporter's question unanswered, no rejection
    if lemma in lx.DISPATCH_VERBS and _purpose_mode(tok) == "investigate":
        return Trigger(tok, "ACCUSE", "investigate", verbal=True)  # CAMEO 09: sent experts to investigate
    if lemma in lx.DISPATCH_VERBS and _object_words(tok) & lx.RESCUERS:
        return Trigger(tok, "AID", None, verbal=True)  # CAMEO 073 humanitarian aid: rescuers sent, no troops
    sent = _child(tok, ("nsubjpass",)) if lemma in lx.FORCE_VERBS else None
    if sent is not None and _lemma(sent) in lx.FORCE_NOUNS:
        # "300 troops had been sent to the area": a mobilisation, as "sent 300 troops" is
        return Trigger(tok, "MOBILIZE", lx.FORCE_NOUNS[_lemma(sent)], verbal=True)
    if lemma == "walk" and _lemma(_prep_object(tok, {"off"}) or tok) in ("job", "work"):
        return Trigger(tok, "PROTEST", "strike", verbal=True)  # "walked off the job" (CAMEO 143), as "stopped work"
    if lemma == "evacuate" and _object_words(tok) & lx.EVACUEES:
        return Trigger(tok, "AID", None, verbal=True)  # CAMEO 07 humanitarian aid, not a retreat
    if lemma == "ban" and _banned_from_moving(tok):
        return Trigger(tok, "COERCE", "restrict", verbal=True)  # a travel ban (CAMEO 172), no censorship
    if lemma == "block" and _object_words(tok) & lx.BLOCKED_DECISIONS:
        return Trigger(tok, "REJECT", None, verbal=True)  # "blocked the resolution": a veto (CAMEO 12)
    if lemma == "block" and _by_the_state(tok):
        return Trigger(tok, "COERCE", "restrict", verbal=True)  # a blockade (CAMEO 191), lexicon.STATE_BODIES
    if lemma == "release" and _object_heads(tok) & lx.AID_OBJECTS:
        return Trigger(tok, "AID", None, verbal=True)  # "released emergency funds": given, not set free
    if lemma == "sanction" and _money_object(tok):
        return None  # "sanctioned Rs 75 crore for new houses" (Indian English): approved, no penalty
    if lemma in ("jail", "imprison") and _term(tok):
        return Trigger(tok, "SANCTION", "convict", verbal=True)  # "jailed for 12 years": sentenced
    if lemma == "meet" and _child(tok, ("auxpass",)) is not None and _prep_object(tok, {"with"}) is not None:
        return None  # "were met with tear gas", "was met with scepticism": a reaction, no meeting
    entry = _phrasal(tok)
    if entry and lemma == "lay" and not _object_words(tok) & lx.ARMS:
        entry = None
    if entry and any(c.lower_ in ("alive", "unharmed", "unhurt") for c in tok.children):
        entry = None  # "42 miners were pulled out alive": survivors rescued, no one withdrew
    if entry and entry[0] == "RETREAT" and _object_words(tok) & lx.ARMS:
        entry = ("RETREAT", "disarm")  # "hand over their heavy weapons"
    elif entry and entry[0] == "RETREAT" and _object_heads(tok) & lx.AID_OBJECTS:
        entry = ("AID", None)  # "delivered 300 tonnes of flour"
    if entry:
        return Trigger(tok, *entry, verbal=True)
    if reported_must(tok):
        return Trigger(tok, "REQUEST", None, verbal=True)
    if lemma in lx.NEEDS_PARTICLE or lemma not in lx.VERBS or not _fits_object(tok, lemma):
        return None
    if lx.VERBS[lemma] == ("ASSAULT", "destroy") and _wrecked_by_no_one(tok):
        return None
    if lx.VERBS[lemma][0] == "ASSAULT" and _by_code(tok):
        return Trigger(tok, "COERCE", "cyber", verbal=True)  # "ransomware attacked the hospital's computers"
    return Trigger(tok, *lx.VERBS[lemma], verbal=True)


def _by_code(verb) -> bool:
    """An attack whose doer or means is code or its makers (``lexicon.CYBER_ATTACKERS``): its
    subject, its agent ("were attacked by hackers") or what it is done with ("with malware")."""
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    doers += [g for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with")
              for g in c.children if g.dep_ == "pobj"]
    return any(is_word(t, lx.CYBER_ATTACKERS) for t in doers)


def _wrecked_by_no_one(verb) -> bool:
    """"The only bridges were destroyed": a passive with no agent, in a sentence that names
    no weapon and no attack, says what a flood or a fire left, not that anyone assaulted
    it (PLOVER ASSAULT is force used by an actor; "destroyed in the shelling" stays one)."""
    if _child(verb, ("agent",)) is not None or not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    words = {_lemma(t) for t in sentence(verb.doc, verb.i)}
    return not words & (lx.WEAPON_MODES.keys() | lx.ATTACK_WORDS)


def _by_the_state(verb) -> bool:
    """The verb's subject is a country or a body of the state ("Azerbaijan has blocked the
    corridor", "troops blocked the road"), not protesters."""
    subject = _child(verb, ("nsubj",))
    return subject is not None and (subject.ent_type_ == "GPE" or _lemma(subject) in lx.STATE_BODIES)


def _promised(tok) -> Trigger | None:
    """A vow to do violence or coercion is a threat (CAMEO 13: "vowed to fight on",
    "swore to retaliate"); a vow to cooperate stays an AGREE (CAMEO 03, lexicon.VERBS)."""
    if _lemma(tok) not in lx.PROMISE_VERBS:
        return None
    comp = _child(tok, ("xcomp",)) or _infinitive(tok)
    act = verb_trigger(comp) if comp is not None and comp.pos_ in ("VERB", "AUX") else None
    if act is not None and act.category in lx.THREATENING:
        return Trigger(tok, "THREATEN", None, verbal=True)
    return None


def _purpose_mode(tok) -> str | None:
    """The mode of the event a purpose clause names ("sent 21 experts to investigate")."""
    comp = _infinitive(tok)
    act = verb_trigger(comp) if comp is not None else None
    return act.mode if act is not None else None


def _object_heads(tok) -> set[str]:
    """Lemmas of the verb's objects themselves and of their "of" phrases, not of their
    modifiers: "released emergency funds" releases funds, "released aid workers" people."""
    words = set()
    for obj in tok.children:
        if obj.dep_ in ("dobj", "dative", "nsubjpass"):
            of = _prep_object(obj, {"of"})
            words |= {_lemma(obj)} | ({_lemma(of)} if of is not None else set())
    return words


def _term(tok) -> bool:
    """A prison term after the verb: "for 12 years", "for life"."""
    fors = (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for")  # a term is a time: not _prep_object
    return any(_lemma(t) in lx.TERMS for p in fors for t in p.children if t.dep_ == "pobj")


def _object_words(tok) -> set[str]:
    """Lemmas of the verb's objects and of their "of" phrases ("300 tonnes of flour")."""
    words = set()
    for obj in tok.children:
        if obj.dep_ in ("dobj", "dative", "nsubjpass"):
            words |= {_lemma(obj), obj.lower_}
            words |= {_lemma(t) for t in obj.subtree if t.head.lower_ == "of" or t.head.i == obj.i}
    return words


def _fits_object(tok, lemma: str) -> bool:
    """Generic verbs count only with the objects that make them events (lexicon.py)."""
    if lemma in lx.AID_VERBS:
        return bool(_object_words(tok) & lx.AID_OBJECTS)
    if lemma in ("release", "return", "free"):  # persons returned (CAMEO 0841), not "returned to Geneva"
        return bool(_object_words(tok)) and not _object_words(tok) & lx.PUBLICATIONS
    if lemma == "share":
        return bool(_object_words(tok) & lx.SHARED_OBJECTS)
    if lemma == "warn":
        return _threatening_warning(tok)
    if lemma in ("ease", "lift", "relax", "loosen"):  # "eased the curfew"; not "the shelling had eased"
        return bool(_object_words(tok))
    if lemma == "withdraw":  # forces or people, not "withdrew its claim" or "withdrew it"
        return not _object_words(tok) & lx.WITHDRAWN_WORDS
    if lemma == "sign":
        return not _object_words(tok) or bool(_object_words(tok) & lx.SIGNED_OBJECTS)
    if lemma == "cut":
        return bool(_object_words(tok) & lx.CUT_OBJECTS)
    if lemma == "meet":
        return not _object_words(tok) & lx.MET_NON_PEOPLE
    if lemma == "host":  # "hosted the talks", not "has been hosting refugees" (a refuge, no visit)
        return not _object_words(tok) & (lx.HOSTED_REFUGEES | lx.HOSTED_FORCES)
    if lemma == "beat":  # "police beat protesters", not "the Cubs beat Cleveland"
        return not any(c.ent_type_ in ("ORG", "GPE", "NORP") for c in tok.children if c.dep_ == "dobj")
    if lemma == "insist":  # a demand when it asks (CAMEO 10), a claim when it asserts (REPORTING)
        return _prep_object(tok, {"on", "upon"}) is not None or any(_asks(c) for c in tok.children if c.dep_ == "ccomp")
    if lemma == "block":  # "blocked the highway", not "could block its path to membership"
        return not {_lemma(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")} & lx.BLOCKED_PROSPECTS
    if lemma == "storm":  # "stormed the building", not "stormed to victory"
        return _child(tok, ("dobj",)) is not None
    if lemma == "dismiss":  # "dismissed the claims", not "dismissed the city council": a firing, no rejection
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        return not any(c.ent_type_ == "PERSON" or _lemma(c) in lx.OFFICES for c in objects)
    if lemma in ("battle", "fight", "combat", "tackle"):  # "battled the blaze", not an enemy
        return not _object_heads(tok) & lx.HAZARDS
    if lemma == "back":  # "rebels backed by Rwanda"; "firefighters backed by aircraft" are helped, no one sides
        agent = _child(tok, ("agent",))
        by = _child(agent, ("pobj",)) if agent is not None else None
        return by is None or _lemma(by) not in lx.WEAPON_MODES
    if lemma == "hit":  # "a drone hit the carrier", "was hit by a shell", "hit the convoy with
        # rockets"; not "prices hit a record", "the storm hit the coast", "was hit by a car"
        means = [c for c in tok.children if c.dep_ == "nsubj"]
        agent = _child(tok, ("agent",))
        means += [_prep_object(tok, {"by", "with"}), _child(agent, ("pobj",)) if agent is not None else None]
        return any(c is not None and _lemma(c) in lx.PROJECTILES for c in means)
    if lemma == "fire":  # "fired shells at", not "fired the minister"
        return bool(_object_words(tok) & lx.WEAPON_MODES.keys()) or _prep_object(tok, {"at", "on"}) is not None
    return True


def _threatening_warning(tok) -> bool:
    """A warning is a threat (CAMEO 13) when it warns of the warner's own act: "warned that
    it would retaliate", "warned that any attack would meet a firm response", "warned Baku
    to stop or face the consequences", "warned of retaliation"; not "warned that the dams
    needed repairs" (a prediction, CAMEO 01, which PLOVER does not code)."""
    if _child(tok, ("dobj",)) is not None and _infinitive(tok) is not None:
        return True
    warned_of = _prep_object(tok, {"of", "against"})
    if warned_of is not None and _lemma(warned_of) in lx.WARNED_ACTS:
        return True
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        subject = _child(clause, ("nsubj",))
        modal = any(a.dep_ == "aux" and a.lower_ in lx.FUTURE_AUX | {"would", "could"} for a in clause.children)
        own = subject is not None and subject.pos_ == "PRON" and subject.lower_ != "you"
        if modal and (own or any(_lemma(t) in lx.WARNED_ACTS for t in clause.subtree)):
            return True
    return False


def _asks(verb) -> bool:
    """Whether a that-clause asks rather than tells: "that the troops must leave", "that he
    resign" (a subjunctive: the bare verb with no auxiliary), not "that it was not firing"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & lx.DEMANDING_AUX) or (verb.tag_ == "VB" and not auxes)


def reported_must(verb) -> bool:
    """"China must drop its barriers, the minister declared": a demand (CAMEO 10)."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    # (not under a verb of demanding: "demanded that X must go" is that verb's one demand)
    reporter = _lemma(verb.head) in (lx.REPORTING | {"reiterate", "conclude"}) - {"demand", "insist"}
    if _lemma(verb) in lx.REPORTING:  # "I must say that ..."
        return False
    return bool(auxes & lx.DEMANDING_AUX) and verb.dep_ == "ccomp" and reporter


def _a_result_left(verb) -> bool:
    """A participle joined to the adjective a verb leaves its object in ("leaving two dead
    and 15 injured", "left three people dead and dozens wounded"): the state the act left,
    whose toll is the act's, not a second act."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and head.pos_ == "ADJ" and head.dep_ in ("oprd", "ccomp")


def triggers(sent) -> list[Trigger]:
    """The event words of one sentence, verbs first; a noun already named by a light verb
    ("launched an offensive") is not counted again."""
    # tags and labels read once per doc (doccache), not from a new Token per token and walk
    doc = sent.doc
    toks, pos, dep = tokens(doc), token_strings(doc, POS), token_strings(doc, DEP)
    # Not a participle that modifies a noun ("freed 20 detained members", "the abducted
    # girls", "roads blocked with burning tyres"): it describes the thing or the people, and
    # its act, with no doer or time, is no event here.
    found = [t for i in range(sent.start, sent.end)
             if pos[i] in ("VERB", "AUX") and not (dep[i] == "amod" and toks[i].tag_ in ("VBN", "VBG"))
             and not _a_result_left(toks[i]) and (t := verb_trigger(toks[i]))]
    taken = {t.head.i for t in found}
    for i in range(sent.start, sent.end):
        if pos[i] not in ("NOUN", "PROPN") or dep[i] == "compound" or i in taken:
            continue
        tok = toks[i]
        # a noun modifying another ("war crimes", "protest leaders") or inside a hyphenated
        # adjective ("a war-torn country", "strike-hit ports") names no event itself
        hyphenated = dep[i] == "npadvmod" and i + 1 < len(doc) and toks[i + 1].text == "-"
        dated = tok.ent_type_ in TIME_LABELS  # "March 13, 2025" is no march
        if not hyphenated and not dated and not _named_before(tok) and not _pointed_back(tok) \
                and not _counted_from(tok) and not _named_as(tok) and not _came_under(tok) \
                and (entry := _noun_entry(tok)):
            found.append(Trigger(tok, *entry, verbal=False))
    return found


def _named_as(tok) -> bool:
    """The noun is what a verb names its object ("called the truce a surrender", "branded
    the raid an invasion": oprd), or joined to it: a judgement of the object, no act of its
    own, as ``_object_trigger`` reads a light verb with such a predicate."""
    return tok.dep_ == "oprd" or (tok.dep_ == "conj" and tok.head.dep_ == "oprd")


def _came_under(tok) -> bool:
    """"The patrol came under fire": the patrol is the attack's target, no deployment told."""
    return tok.dep_ == "nsubj" and came_under(tok.head)


def _pointed_back(tok) -> bool:
    """ "this violence", "these attacks": a demonstrative points back at an event the text
    told before, no new one ("Those responsible for this violence will face the law" was an
    ASSAULT of its own, with no one doing it). Only a bare one: "this attack on the village"
    names its target, and "That attack killed 12 people" gives a toll."""
    if tok.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ not in ("det", "amod") for c in tok.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those") for c in tok.children)


def _counted_from(tok) -> bool:
    """A "since" that counts a stretch of time from an act ("have died since the start of the
    war", "since the war began", "since the outbreak of fighting") names the act as the
    stretch's beginning, background to what is counted, no new event; as ``_pointed_back``,
    the text reports something else of it."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _lemma(tok.head.head) in lx.STARTS:
        tok = tok.head.head  # "the start of the war"
    if tok.dep_ == "pobj" and tok.head.lower_ == "since":
        return True
    verb = tok.head  # "since the war began", "since fighting broke out"
    return (tok.dep_ in ("nsubj", "nsubjpass") and _lemma(verb) in lx.BEGINNING_VERBS
            and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children))


def _named_before(tok) -> bool:
    """A bare "the strike" after a drone, air or missile strike is that strike again, no
    labour strike (the lexicon's reading of a strike on its own) and no new event; a bare
    "the blast" after a gas or methane explosion is that accident again, no attack."""
    lemma = _lemma(tok)
    if lemma not in ("strike", "explosion", "blast"):  # first: every noun of every sentence comes here
        return False
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
    bare = not any(c.dep_ in ("compound", "amod", "nmod") for c in tok.children)
    if not definite or not bare:
        return False
    if lemma != "strike":
        return any(accidental_blast(t) for t in tok.doc[: tok.i])
    return any(_lemma(t) == "strike" and any(c.dep_ in ("compound", "amod") for c in t.children)
               for t in tok.doc[: tok.i])


def another_target(verb, first) -> bool:
    """A conjoined verb that does its act to a thing of its own: "torched 40 vehicles and
    attacked a police station" are two acts (the station was lost), unlike "attacked and
    destroyed the village" (one object) or "killed five and wounded 11" (one toll)."""
    return verb.dep_ == "conj" and _lemma(verb) not in lx.TOLL_VERBS and _objects_differ(verb, first)


def _objects_differ(verb, other) -> bool:
    """Both verbs have a direct object, and not the same word."""
    own, theirs = _child(verb, ("dobj",)), _child(other, ("dobj",))
    return own is not None and theirs is not None and _lemma(own) != _lemma(theirs)


def absorbed(trig: Trigger, verbal: dict[int, Trigger]) -> Trigger | None:
    """The event another trigger of the same category already names, or None: "the blast
    killed two", "killed in the attack", "provided aid", "shelled the town, killing 20",
    "were killed and 11 injured"."""
    tok = trig.light or trig.head
    up = tok.head
    if trig.verbal:
        ok = tok.dep_ in ("advcl", "conj") and _child(tok, SUBJECTS | PASSIVE_SUBJECTS) is None
        ok = ok and not another_target(tok, up)
    else:
        if tok.dep_ == "pobj" and up.dep_ == "prep":
            up = up.head
        ok = tok.dep_ in (*SUBJECTS, *PASSIVE_SUBJECTS, "pobj", "dobj")
    other = verbal.get(up.i)
    if ok and other is not None and other is not trig and other.category == trig.category:
        return None if trig.verbal and _another_act(trig, other) else other
    return None


def _another_act(trig: Trigger, first: Trigger) -> bool:
    """A participle of another kind of act done to a thing of its own: "seized power,
    detaining President Keita" is a seizure and an arrest (the arrest was lost in the
    seizure); "shelled the town, killing 20" and "attacked the village, destroying it"
    stay one."""
    verb = trig.light or trig.head
    if verb.dep_ != "advcl" or trig.mode is None or first.mode is None or trig.mode == first.mode:
        return False
    return _objects_differ(verb, first.light or first.head)
