"""Speakers: who speaks through a verb, and who a pronoun or role noun stands for.

``subject_of`` finds the one who speaks through a verb in the dependency parse (its
subject, through coordination, infinitives, participles, gerunds and passive agents);
``Resolver`` turns that token into a ``Speaker``: a name as its mention, a role noun
("the ministry") as the entity named before it (``nlp.resolve.resolve_reference``), a
pronoun as the nearest preceding fitting speaker or mention outside quotes. Used by
``facts.quotes`` and ``facts.figures``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.facts.arguments import no_one
from newsdesk.facts.lexicon import REPORTING
from newsdesk.model import Analysis, Mention
from newsdesk.nlp.doccache import doc_text
from newsdesk.nlp.resolve import resolve_reference
from newsdesk.nlp.roles import is_reference

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"it", "they", "we", "them", "its", "their", "our"})
# Pronouns that pick out some of a group ("those surveyed say", "some argue", "another
# says"): they speak, though no name stands behind them.
_QUANTIFIERS = frozenset(
    {"those", "some", "many", "most", "others", "another", "all", "both", "several", "few", "everyone",
     "everybody", "none", "each"}
)
# The sex a pronoun or a word for a person gives: "he" is never the one the text calls a
# spokeswoman, Ms. or a mother, nor "she" a spokesman, Mr. or a boy (English gendered nouns
# and honorifics; words with no sex, "spokesperson", "official", stay open).
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_WORD_SEX = {
    **dict.fromkeys(
        ("man", "men", "boy", "father", "husband", "son", "brother", "uncle", "nephew", "grandfather", "widower",
         "king", "prince", "spokesman", "chairman", "congressman", "businessman", "policeman", "fisherman",
         "mr", "mr.", "sir", "lord"),
        "m",
    ),
    **dict.fromkeys(
        ("woman", "women", "girl", "mother", "wife", "daughter", "sister", "aunt", "niece", "grandmother", "widow",
         "queen", "princess", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "policewoman",
         "actress", "mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "dame"),
        "f",
    ),
}
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
# How far back (characters) a pronoun looks for its antecedent: about two paragraphs.
_ANTECEDENT_WINDOW = 1200
# Clitics the small model sometimes takes for the subject ("he’s said", "who’ve said").
_CONTRACTIONS = frozenset({"'s", "'ve", "'re", "'d", "'ll", "'m"})


def _contracted(clitic):
    """The word a clitic leans on ("he" in "he’s said"): its subject child, or the word before it."""
    child = next((c for c in clitic.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    before = clitic.doc[clitic.i - 1] if clitic.i > 0 else None
    if child is not None:
        return child
    return before if before is not None and before.pos_ in ("PRON", "PROPN", "NOUN") else None


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    span: tuple[int, int]
    entity_id: str | None = None
    label: str | None = None


def mention_at(mentions: tuple[Mention, ...], start: int, end: int) -> Mention | None:
    return next((m for m in mentions if m.span[0] <= start and end <= m.span[1]), None)


def subject_of(verb, quoted: list[tuple[int, int]] = ()):
    """The one who speaks through a verb: its subject, the agent of a passive ("was
    criticized by X"), or the subject of the clause it hangs on ("stated … and urged",
    "wants to warn", "by criticizing X", "X, saying …").

    A subject inside a quote is the quote's, not the frame's: in "''That,'' he said" the
    parser may make "That" a second subject of "said". Of two joined clauses, the second's
    subject is its own, however the parser hung it (``_second_subject``).
    """
    if (inserted := inverted_inside(verb)) is not None:
        return inserted
    if (second := _second_subject(verb, quoted)) is not None:
        return second
    if (stranded := stranded_subject(verb, quoted)) is not None:
        return stranded
    for step in range(4):
        for child in _nearest_subject_first(verb) if step == 0 else verb.children:
            # Not a quote mark: the small model makes the closing guillemet of '«…,» said X' the
            # subject of "said".
            if child.dep_ == "nsubj" and not child.is_punct and not any(s <= child.idx < e for s, e in quoted):
                child = _past_stamp(child, verb)
                return child if child is not None and _same_paragraph(child, verb) and not no_one(child) else None
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and _reported(verb.head):
            # "the UN said that 3,958 had died, citing the WHO": a participle after the
            # reported clause is the reporter's, wherever the parser hung it
            verb = verb.head.head
        elif (caused := _caused_to(verb)) is not None:
            return caused
        elif verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "after backing him": the clause the preposition hangs on
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj":
            # "She traveled the globe pushing his policies": a participle after an object
            # is what the clause's subject does, whatever the parser hung it on.
            verb = verb.head.head
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "Trump, saying …": the noun the participle describes
        else:
            return None
    return None


# Words that join a name's own words into one noun phrase, up to its head.
_PHRASE_DEPS = frozenset({"compound", "det", "amod", "nmod", "poss", "nummod", "flat", "case"})


def _past_stamp(subject, verb):
    """The subject after a dateline the parser took for it: in "PARIS (AFP) - The minister
    said ..." or "ROME, May 2 (Reuters) - Party leaders told ...", the place opens the
    sentence and the small model makes it the subject, with the real one its apposition
    or a second subject. The head of the noun phrase that opens after the stamp speaks;
    a subject after the stamp is its own."""
    doc = subject.doc
    after = after_stamp(doc, subject.left_edge.i, verb.i)
    if after <= subject.i:
        return subject
    tok = doc[after]
    while tok.dep_ in _PHRASE_DEPS and tok.i < tok.head.i < verb.i:
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.i < verb.i else None


# Verbs that make their object do the infinitive after it ("the loss left them to
# wonder", "the ruling drove farmers to demand a vote"): causatives, whose subject is a
# cause, not a speaker. Not verbs of asking ("urged voters to reject"): the asking is the
# subject's words.
_CAUSATIVES = frozenset({"leave", "drive", "prompt", "lead", "force", "cause", "spur", "compel", "provoke",
                         "push", "move", "inspire"})


def _caused_to(verb):
    """The object of a causative the verb is the infinitive of: the one made to say it."""
    head = verb.head
    # the parser hangs the infinitive as an xcomp, or as an advcl marked by its "to"
    infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.lefts))
    if not infinitive or head.i == verb.i or head.lemma_.lower() not in _CAUSATIVES:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _nearest_subject_first(verb) -> list:
    """The verb's children with the nearer of two subjects the parser gives it first:
    "killing 23 people, most of them recruits, police officials said" is the officials',
    not "most". Not an appositive set off by commas ("Ban, the UN chief, vowed"): the name
    before it stays. Only for the speaking verb itself: on a clause the walk goes up to, the
    speaker may be the farther one."""
    subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i))
    doc = verb.doc
    if len(subjects) < 2 or _between_commas(doc, subjects[0]):
        return list(verb.children)
    return [subjects[0], *(c for c in verb.children if c.i != subjects[0].i)]


def _between_commas(doc, phrase) -> bool:
    """A phrase with a comma on each side: an appositive ("Ban, the UN chief, vowed")."""
    left, right = phrase.left_edge.i, phrase.right_edge.i
    closed = doc[right].text == "," or (right + 1 < len(doc) and doc[right + 1].text == ",")
    return left > 0 and doc[left - 1].text == "," and closed


# Verbs that take a clause as their object: the noun after one may be the clause's subject
# ("said the driver and officials agreed"); after another verb it is that verb's object.
_CLAUSE_VERBS = REPORTING | {"fear", "hope", "know", "feel", "expect", "hear", "learn", "find", "see", "show",
                             "doubt", "deny", "warn", "agree", "worry", "mean", "ensure", "insist", "understand"}
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_JOINING = frozenset({"and", "but", "while", "whereas", "yet"})


def _second_subject(verb, quoted):
    """The subject of the second of two joined clauses, where the parser took it for part of
    the first: "X arrived in Kyiv and Y said …" (Y the object of "in", "said" left with no
    subject), "X closed two plants and its chief, Y, said …" (the chief a conjunct of
    "plants"), "Police detained the driver and officials said …" (the driver and officials
    one subject of "said"). The noun phrase just before the verb, opened by "and" or "but",
    is its subject; none where the verb has a subject of its own the parse can stand by."""
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if verb.tag_ not in _FINITE or (own is not None and not _taken_as_object(own, verb)):
        return None
    noun = _phrase_before(verb)
    if noun is None or any(s <= noun.idx < e for s, e in quoted):
        return None
    if own is not None and noun.i not in {c.i for c in own.conjuncts}:
        return None
    return noun


def stranded_subject(verb, quoted: list[tuple[int, int]] = ()):
    """The name set off by commas just before a verb of saying the parser left with no
    subject: in "… an office in Kano, the police chief, Ana Diaz, said." the small model
    hangs the chief and the name on the town as appositions, and "said" on nothing. The
    verb must end the sentence after its reported clause, and the phrase must be a name
    of a person or a body (a place or a thing is no speaker)."""
    if verb.tag_ not in _FINITE or verb.lemma_.lower() not in REPORTING:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "agent") for c in verb.children):
        return None
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    doc = verb.doc
    if verb.i + 1 < len(doc) and not doc[verb.i + 1].is_punct:
        return None
    i = verb.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    found = _noun_ending_at(doc, i - 1, verb)
    if found is None or found[0].ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    noun, start = found
    if start < 1 or doc[start - 1].text != "," or any(s <= noun.idx < e for s, e in quoted):
        return None
    return noun


def inverted_inside(verb):
    """The speaker of a frame set inside its clause with the verb first: in "The new
    plan, said the mayor, would cost less" the small model makes "the plan" the subject
    of "said" and "the mayor" the subject of the reported clause ("the mayor would cost
    less"). The noun phrase that opens right after the verb of saying and ends at a comma,
    as the subject of its reported clause (or its own second subject), is the one who
    speaks; the clause's words start before the frame."""
    if verb.lemma_.lower() not in REPORTING:
        return None
    doc = verb.doc
    before = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if before is None or verb.i < 2 or doc[verb.i - 1].text != "," or verb.i + 1 >= len(doc):
        return None
    if any(t.text == "," for t in doc[before.left_edge.i : verb.i - 1]):
        return None  # "Aides, who …, said their plans, …, would": the comma closes the subject's aside
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    after += [g for c in clauses for g in c.children if g.dep_ == "nsubj"]
    for noun in after:
        right = noun.right_edge.i  # the closing comma may be the phrase's own last token
        if doc[right].text != ",":
            right += 1
        # The clause goes on right after the comma ("…, said Ana Diaz, would cost"), not
        # with another aside ("…, said their plans, already long, would …" is no frame).
        clause = noun.head if noun.head.i != verb.i else verb.head  # "said" may hang on the clause
        goes_on = right + 1 < len(doc) and clause.i in (doc[right + 1].i, doc[right + 1].head.i)
        if noun.left_edge.i == verb.i + 1 and right < len(doc) and doc[right].text == "," and goes_on:
            return noun
    return None


def _taken_as_object(subject, verb) -> bool:
    """The verb's subject opens right after the verb above it, one that takes no clause:
    "detained [the driver and officials] said" is "detained the driver", "officials said"."""
    above = verb.head
    return (verb.dep_ == "ccomp" and above.i == subject.left_edge.i - 1 and above.pos_ == "VERB"
            and above.lemma_.lower() not in _CLAUSE_VERBS)


def _phrase_before(verb):
    """The head of the noun phrase that ends just before ``verb`` (past its auxiliaries and
    adverbs, and a comma closing an apposition) and starts just after "and" or "but"; of
    a phrase with a name in apposition ("its chief, Y,"), the name."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    found = _noun_ending_at(doc, i, verb)
    if found is None:
        return None
    noun, start = found
    if start > 1 and doc[start - 1].text == "," and (outer := _noun_ending_at(doc, start - 2, verb)) is not None:
        start = outer[1]  # "its chief executive, Y,": the apposition opens the phrase
    return noun if start > 0 and doc[start - 1].lower_ in _JOINING else None


def _noun_ending_at(doc, i: int, verb):
    """The head of the noun phrase whose last word is token ``i``, and the phrase's first
    token: a name's own words whatever the parse made of them, else the head's left edge."""
    if i < 1 or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].ent_type_ in ("DATE", "TIME"):
        return None
    noun = doc[i]
    if noun.ent_iob_ in ("B", "I"):
        start = i
        while doc[start].ent_iob_ == "I":
            start -= 1
        return noun, start
    while noun.dep_ in ("appos", "compound", "flat") and noun.head.i < verb.i:
        noun = noun.head
    return noun, noun.left_edge.i


def _reported(clause) -> bool:
    """The clause is what a verb of saying reports."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING


def _reporter(pron):
    """The subject of the verb of saying whose reported clause holds the pronoun: in "X
    declared that its raids, which it calls …, will go on", both "its" and "it" are X.
    One explicit link of the parse, the one ``facts.arguments`` follows for events."""
    tok = pron.head
    for _ in range(8):  # up from a relative clause or a phrase inside the reported clause
        if _reported(tok):
            subject = subject_of(tok.head)
            return subject if subject is not None and subject.pos_ != "PRON" else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _antecedent(relative):
    """The noun a relative pronoun stands for: the one its clause hangs on, unless a comma
    sets the clause off right after another noun the first one's phrase does not reach: in
    "The unrest spread …, according to police, who said …" the small model hung the clause
    on "unrest", and the unrest spoke; the words just before ", who" are its antecedent."""
    noun = relative.head.head
    i = relative.i
    if i < 2 or relative.nbor(-1).text != "," or relative.lower_ != "who":
        return noun
    before = relative.nbor(-2)
    reaches = max((t.i for t in noun.subtree if not t.is_ancestor(relative) and t.i < i), default=noun.i)
    if before.pos_ in ("NOUN", "PROPN") and before.i > noun.i and reaches < before.i:
        return before
    return noun


def _same_paragraph(a, b) -> bool:
    """No line break between two tokens: spaCy's sentences sometimes run across a
    paragraph break, and a subject found there is a heading's or a dateline's."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in doc_text(a.doc)[lo:hi]


def _name_goes_on(head, prep) -> bool:
    """A body's name that goes on after "on" or "for": "the Kenya National Commission on
    Human Rights" (the speaker was "the Kenya National Commission"); not a day ("Obama on
    Tuesday said")."""
    if head.pos_ != "PROPN" or prep.dep_ != "prep" or prep.lower_ not in ("on", "for"):
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.pos_ == "PROPN" and obj.ent_type_ not in ("DATE", "TIME")


def _phrase(head) -> tuple[int, int]:
    """The noun phrase of a subject, without its appositive or relative clause."""
    keep = ("det", "compound", "amod", "poss", "nmod", "case", "flat", "nummod")
    left = min([head.i, *(c.left_edge.i for c in head.lefts if c.dep_ in keep)])
    left = after_stamp(head.doc, left, head.i)
    right = head.i
    for c in head.rights:
        if c.dep_ in ("compound", "flat") or (c.dep_ == "prep" and c.lower_ == "of") or _name_goes_on(head, c):
            right = max(right, c.right_edge.i)
        else:
            break
    doc = head.doc
    return doc[left].idx, doc[right].idx + len(doc[right])


# A dateline or a live page's time stamp: a few words before a spaced dash.
_STAMP_MAX = 8


# The lower-case words of a clock time, which a live page's stamp may hold ("9:15 am - ").
_CLOCK_WORDS = frozenset({"am", "pm"})


def after_stamp(doc, left: int, right: int) -> int:
    """Where words start after a dateline or a time stamp that opens them ("09:40 GMT -
    Armenia denies ...", "BRUSSELS - European leaders", "DUBAI, Jan 11 (Reuters) - ..."):
    a spaced dash after a few words none of which starts lower-case (so not "his top
    priority - delaying ..." or "that Trump - even as ..."), at the start of a sentence or a line."""
    if not (doc[left].is_sent_start or (left > 0 and "\n" in doc[left - 1].text_with_ws)):
        return left
    for tok in doc[left : min(right, left + _STAMP_MAX)]:
        if tok.is_alpha and tok.text[0].islower() and tok.lower_ not in _CLOCK_WORDS:
            return left
        if tok.text in ("-", "–", "—") and tok.i > left and doc[tok.i - 1].whitespace_ and tok.whitespace_:
            return tok.i + 1
    return left


def _previous_subject(pron) -> list[Speaker]:
    """The subject of the sentence before a pronoun's when it is a person named by a noun
    that gives his or her sex ("A government spokesman dismissed the allegations. 'The
    people have spoken,' he said"): the pronoun most likely goes on with it (centering),
    though no verb of saying made it a speaker yet (direct quotes are read before
    indirect ones, so "dismissed" had not been seen), and without it the "he" went to a
    president named three paragraphs before."""
    sent = pron.sent
    if sent.start == 0:
        return []
    root = pron.doc[sent.start - 1].sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    if not subjects or _WORD_SEX.get(subjects[0].lower_) is None:
        return []
    start, end = _phrase(subjects[0])
    return [Speaker(doc_text(pron.doc)[start:end], (start, end))]


def _word_before(text: str, start: int) -> list[str]:
    """The word just before a name, lower-cased: an honorific ("Ms.", "Mr") if there is one."""
    words = text[max(0, start - 6) : start].split()
    return words[-1:] if words and text[start - 1 : start].isspace() else []


def _share(token) -> bool:
    """A number that is a share of people, who do speak: "one in five say", "nine out of
    10 say", "a third say" (polls)."""
    # The parser hangs the "in" of "six in 10" on the number as a preposition or a quantmod.
    return any(
        (c.dep_ in ("prep", "quantmod") and c.lower_ in ("in", "of", "out"))
        or (c.dep_ == "det" and c.lower_ in ("a", "an"))
        for c in token.children
    )


class Resolver:
    """Speakers for subject tokens: names, roles, and pronouns resolved backwards."""

    def __init__(self, analysis: Analysis, quoted: list[tuple[int, int]]):
        self.analysis = analysis
        self.mentions = analysis.mentions
        self.quoted = quoted
        self.recent: list[Speaker] = []  # speakers of quotes seen so far, in text order
        # (start, end, speaker) of transcript lines a person says ("A: …", "ROE: …"), set
        # by the quotes stage from ``facts.labelled_lines.first_person_lines``.
        self.first_person: list[tuple[int, int, Speaker]] = []

    def _outside_quotes(self, m: Mention) -> bool:
        return not any(s <= m.span[0] < e for s, e in self.quoted)

    def resolve(self, token) -> Speaker | None:
        if token is not None and token.lower_.replace("’", "'") in _CONTRACTIONS:
            token = _contracted(token)
        if token is None or (token.like_num and not _share(token)):
            return None  # "… and 11 wounded so far, and called …": a number never speaks
        if token.pos_ == "PRON":
            return self._pronoun(token)
        start, end = _phrase(token)
        text = doc_text(token.doc)[start:end]
        mention = mention_at(self.mentions, token.idx, token.idx + len(token))
        apposed = self._apposed_name(token)
        # "the region's government, the unrecognized Republic of Artsakh, said": the name;
        # "The freed Canadian, Paul Tremblay, told CBC": the man, not Canada
        if apposed is not None and (mention is None or (mention.label == "NORP" and apposed.label == "PERSON")):
            mention, text, (start, end) = apposed, apposed.text, apposed.span
        elif mention is not None and (name := self._name(mention)) != mention.text:
            text = name  # "the director said": the director named before
        elif mention is not None and mention.label == "PERSON":
            text = mention.text
        elif mention is not None and start <= mention.span[0] and mention.span[1] > end:
            text, end = mention.text, mention.span[1]  # "Doctors Without Borders said": the parse cut the name
        if mention is None and token.pos_ == "NOUN" and (role := self._role(token.doc, start, end)) is not None:
            mention, text = role  # "the ministry said": the ministry named before
        entity, label = (mention.entity_id, mention.label) if mention else (None, None)
        others = [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        if others:  # "Armenia and Azerbaijan accused each other": both speak, no one entity is them
            end = max(end, *(_phrase(c)[1] for c in others))
            text, entity, label = doc_text(token.doc)[start:end], None, None
        speaker = Speaker(text, (start, end), entity, label)
        self.recent.append(speaker)
        return speaker

    def _apposed_name(self, token) -> Mention | None:
        """The name of a person or a body set beside the token as its apposition."""
        for child in token.children:
            named = mention_at(self.mentions, child.idx, child.idx + len(child)) if child.dep_ == "appos" else None
            if named is not None and named.label in PERSON_LABELS | GROUP_LABELS:
                return named
        return None

    def _name(self, m: Mention) -> str:
        """A mention's words, or its entity's name where the words are a role ("the director")."""
        entity = next((e for e in self.analysis.entities if e.id == m.entity_id), None)
        return entity.name if is_reference(m, entity) else m.text

    def _role(self, doc, start: int, end: int) -> tuple[Mention, str] | None:
        """A role noun ("the ministry") as the entity it stands for, with that entity's
        name, through the entities stage's ``resolve_reference``."""
        ref = resolve_reference(self.analysis, doc, (start, end))
        if ref is None or not ref.entity_id:
            return None
        name = next((e.name for e in self.analysis.entities if e.id == ref.entity_id), ref.text)
        return ref, name

    def _sex(self, sp: Speaker) -> str | None:
        """The sex the text gives a speaker: a word of its own ("the boy", "a spokeswoman"),
        its entity's role ("IOM spokeswoman"), an honorific just before the name ("Ms.") or
        in another of the entity's names ("Ms Horvat" of "Elena Horvat"), or the pronoun
        the speaker was found through ("she told supporters": she). Without the last two a
        woman quoted as "she" was the "he" of a spokesman's quote two paragraphs on."""
        words = sp.text.lower().split()
        if sp.entity_id:
            entity = next((e for e in self.analysis.entities if e.id == sp.entity_id), None)
            words += ((entity and entity.description) or "").lower().split()
            words += [a.split()[0].lower() for a in (entity.aliases if entity else ()) if " " in a]
            words += [w.lower() for w in _word_before(self.analysis.article.text, sp.span[0])]
        found = {_WORD_SEX[w] for w in words if w in _WORD_SEX}
        if said_as := _PRONOUN_SEX.get(self.analysis.article.text[sp.span[0] : sp.span[1]].lower()):
            found.add(said_as)
        return found.pop() if len(found) == 1 else None

    def _pronoun(self, token) -> Speaker | None:
        word = token.lower_
        span = (token.idx, token.idx + len(token))
        if word in ("who", "which", "that") and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            # "the senator, who said…": the noun the relative clause hangs on
            named = self.resolve(_antecedent(token))
            if named is None:
                return None
            if token.sent.start_char <= named.span[0] < span[0]:
                span = (named.span[0], span[1])  # "the senator, who": the pronoun as written with what it stands for
            return Speaker(named.text, span, named.entity_id, named.label)
        line = next((sp for s, e, sp in self.first_person if s <= token.idx < e), None)
        if line is not None and word in ("i", "we"):
            # "A: I think the bill will pass": the one who answers; "we" is their side, unnamed
            return Speaker(line.text, span, line.entity_id, line.label) if word == "i" else Speaker("", span)
        if word == "i":
            return Speaker("", span)  # outside quotes "I" is the writer: named nowhere in the text
        if word in _QUANTIFIERS:
            start, end = _phrase(token)  # "those surveyed", "some of the delegates": they, unnamed
            return Speaker(doc_text(token.doc)[start:end], (start, end))
        if word not in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            return None  # "you", "one": no one in particular
        person = word in _PERSON_PRONOUNS
        sex = _PRONOUN_SEX.get(word)
        reporter = _reporter(token)
        found = self.resolve(reporter) if reporter is not None else None
        agrees = found is not None and found.label is not None and (found.label == "PERSON") == person
        if agrees and self._sex(found) in (None, sex):
            return Speaker(found.text, span, found.entity_id, found.label)

        def fits(sp: Speaker) -> bool:
            if not 0 < token.idx - sp.span[0] < _ANTECEDENT_WINDOW:
                return False
            if not person:
                return sp.label != "PERSON"
            known = self._sex(sp)
            # "A teenage boy who survived said …. He told …": a person named by a noun that
            # gives his sex is the pronoun's antecedent as a name is.
            return known in (None, sex) if sp.label == "PERSON" else sp.label is None and known == sex

        # Subjects of earlier speech verbs first (the centering heuristic: a pronoun
        # subject usually continues the previous subject), then names in the text.
        said = [sp for sp in [*self.recent, *_previous_subject(token)] if fits(sp)]
        named = [
            sp
            for m in self.mentions
            if m.label in (PERSON_LABELS if person else GROUP_LABELS) and self._outside_quotes(m)
            and fits(sp := Speaker(self._name(m), m.span, m.entity_id, m.label))
        ]
        pool = said + named if person else (said or named)
        if not pool:
            # No antecedent: the frame still shows where the speaker is; the name stays unknown.
            return Speaker("", span)
        best = max(pool, key=lambda sp: sp.span[0])
        return Speaker(best.text, span, best.entity_id, best.label)
