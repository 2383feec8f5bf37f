"""Who said what: direct, mixed and indirect quotes with their speakers.

Direct quotes are the quoted stretches of ``facts.marks`` (never raising on unbalanced
marks; a Title Case name inside a clause is no quote). Their speaker comes from the
dependency parse: for a quote inside a clause, the subject of the verb of saying it hangs
under; else the subject of a speech verb in the frame ("…," he said / X said: "…" /
said X), else "according to X", else the speaker of the quote just before (a quote that
goes on in the next sentence or paragraph, or after its speaker's frame). Speakers are
resolved by ``facts.speakers``: pronouns take the nearest preceding fitting mention
outside quotes. A quote's ``speaker_span`` is the speaker as written in its frame (the
pronoun itself, for "he said"); ``speaker`` and ``speaker_entity_id`` are the resolved
name and entity.

Indirect speech: a speech or stance verb, or any verb with a "that" clause, with its
content (its clause, or the clause it is set into, or its object, or what follows
"of/for/about…"); "accused X of…"; a passive with an agent ("was criticized by X"); a
noun of saying with a possessor or a "by" phrase ("the police's claim that…"); a stance
adjective ("was critical of X"); a line labelled with its speaker ("PENCE: …", and
an interview's "A: …", which is the interviewee's: ``facts.labelled_lines``); and a
sentence carrying "according to X". The speaker is the verb's subject, found through
coordination, infinitives, participles and gerunds; a role noun ("the ministry") takes
the entity named before it (``nlp.resolve.resolve_reference``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import DEP, LOWER, ORTH, POS

from newsdesk.facts.arguments import asks_anonymity, described_as
from newsdesk.facts.labelled_lines import first_person_lines, labelled_line, name_colon
from newsdesk.facts.marks import QuoteMarks, goes_on, is_title, quote_kind, quote_marks
from newsdesk.facts.modality import of_time
from newsdesk.facts.quote_acts import (
    FORCE_VERBS,
    another_sense,
    calls_an_act,
    does_an_act,
    owns_a_deed,
    physical_target,
    raises_a_thing,
)
from newsdesk.facts.quote_words import (
    ACT_VERBS,
    ADJECTIVE_PREPS,
    ATTRIBUTION_NOUNS,
    CHARGE_VERBS,
    CONTENT_PREPS,
    FRAME_VERBS,
    JUDGING_VERBS,
    LIGHT_VERBS,
    MENTAL_VERBS,
    NOUN_CONTENT_PREPS,
    OBJECT_SPEECH,
    OF_CHARGES,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    STANCE_OR_CHARGE,
    VERB_PREPS,
    lemma,
)
from newsdesk.facts.speakers import (
    Resolver,
    Speaker,
    after_stamp,
    inverted_inside,
    subject_of,
)
from newsdesk.model import Analysis, Quote
from newsdesk.nlp.doccache import doc_text, sentence, sentences, token_strings, tokens

# A quoted phrase shorter than this (in words) with no speech frame is a scare quote or
# a title, not a quote ("anti-terror" operations, the "NO WAY" banners).
_MIN_WORDS_UNFRAMED = 4


# -- the parse: frames and speakers ----------------------------------------------------


def _speech_verb(token, verbs: frozenset[str] = SPEECH_VERBS) -> bool:
    return token.pos_ in ("VERB", "AUX") and lemma(token) in verbs


# How many tokens after a quote its frame may reach when the parser starts a new
# sentence at the closing mark ('"Was it you?" Borger asked.'): a frame is short.
_FRAME_REACH = 6


def _frame_verbs(doc, quote: QuoteMarks, quoted: list[tuple[int, int]]):
    """Speech verbs outside quotes in the sentences at the quote's two ends, nearest first."""
    first = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    last = doc.char_span(max(quote.start, quote.end - 1), quote.end, alignment_mode="expand")
    if first is None or last is None:
        return []
    last_sent = sentence(doc, last.end - 1)
    after = [t for t in last_sent if t.idx >= quote.end]
    if not any(t.is_alpha for t in after) and last_sent.end < len(doc):
        after += list(doc[last_sent.end : min(last_sent.end + _FRAME_REACH, sentence(doc, last_sent.end).end)])
    before = [t for t in sentence(doc, first.start) if t.idx + len(t) <= quote.start][::-1]
    text = doc_text(doc)
    para_end = text.find("\n", quote.end)
    para_end = len(text) if para_end < 0 else para_end
    para_start = text.rfind("\n", 0, quote.start) + 1
    cands = [t for t in after if t.idx < para_end] + [t for t in before if t.idx >= para_start]
    return [t for t in cands if _speech_verb(t, FRAME_VERBS) and not any(s <= t.idx < e for s, e in quoted)]


def _governing_verbs(doc, quote: QuoteMarks, quoted: list[tuple[int, int]]) -> list:
    """Verbs of saying or stance that the quoted words hang under, nearest first.

    A quote set inside a clause ("Trump said the ruling had “kept us safe”") is the words
    of whoever speaks the clause: the speech verb it depends on, not a speech verb that
    merely stands nearby in the sentence ("…, before claiming that…").
    """
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    out: list = []
    for root in (t for t in span if not span.start <= t.head.i < span.end):
        tok = root.head
        for _ in range(len(doc)):  # a head chain never repeats a token
            inside = any(s <= tok.idx < e for s, e in quoted)
            if _attributing(tok) and not inside and tok not in out:
                out.append(tok)
            if tok.head.i == tok.i:
                break
            tok = tok.head
    # Words in quote marks were uttered: a verb of uttering above them speaks them before a
    # nearer verb of mind ("she said she thinks they “are…”": hers, not theirs). But words
    # a verb labels something "as" are that verb's ("..., a claim India rejected as
    # “baseless”": India's, not the claimant's).
    def rank(v) -> tuple[bool, bool]:
        return not _labels_as(v, span), lemma(v) in MENTAL_VERBS or not _speech_verb(v, FRAME_VERBS)

    return sorted(out, key=rank)


def _labels_as(verb, span) -> bool:
    """Whether the quoted words are what the verb's "as" phrase calls something ("rejected
    the claim as “baseless”", "described it as “a disaster”")."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i < span.start and c.right_edge.i >= span.start
               for c in verb.children)


def according_to(tokens) -> object | None:
    """The head of X in "according to X" among ``tokens``."""
    for t in tokens:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            return next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
    return None


def _preceding_colon_sentence(doc, quote: QuoteMarks):
    """X said:\\n"…": the sentence before the quote when it ends with a colon."""
    before = doc_text(doc)[: quote.start].rstrip().rstrip("\"“«„'`").rstrip()
    if not before.endswith(":"):
        return []
    span = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    return [t for t in sentence(doc, span.start) if _speech_verb(t, FRAME_VERBS)][::-1] if span is not None else []


# -- the stage ---------------------------------------------------------------------------


def find_quotes(analysis: Analysis, doc) -> Analysis:
    """Per-article stage: direct, mixed and indirect quotes with resolved speakers."""
    text = analysis.article.text
    marks = [q for q in quote_marks(text) if not _not_said(text, q)]
    quoted = [(q.start, q.end) for q in marks]
    resolver = Resolver(analysis, quoted)
    resolver.first_person = first_person_lines(resolver, text)
    speakers: list[Speaker | None] = []
    previous: tuple[QuoteMarks, Speaker] | None = None
    for q in marks:
        speaker = _direct_speaker(doc, q, quoted, resolver, previous, text)
        if speaker is not None:
            resolver.recent.append(speaker)
            previous = (q, speaker)
        speakers.append(speaker)
    quotes: list[Quote] = []
    for q, speaker in zip(marks, _named_in_a_later_piece(marks, speakers), strict=True):
        words = len(text[q.start : q.end].split())
        if speaker is None and words < _MIN_WORDS_UNFRAMED:
            continue
        if quote_kind(text, q) == "mixed" and is_title(text[q.start : q.end]):
            continue
        quotes.append(_quote(analysis, q.start, q.end, quote_kind(text, q), speaker))
    quotes += _indirect(analysis, doc, quoted, resolver, [q.span for q in quotes])
    quotes.sort(key=lambda x: x.span)
    return replace(analysis, quotes=tuple(quotes))


def _not_said(text: str, q: QuoteMarks) -> bool:
    """Single marks that set off no words said: inside a clause, where headlines and
    American copy put a scare quote or a nickname in them ("Trump 'absolutely right'",
    "Trump 'The Dealmaker' could ..."), or round a Title Case phrase, a title or a headline
    ("'All Bets Are Off.'"). In single marks, words said stand as their own utterance
    ("'We will stay,' she said", "She said: 'We will stay.'")."""
    return q.single and (quote_kind(text, q) == "mixed" or is_title(text[q.start : q.end]))


def _named_in_a_later_piece(marks: list[QuoteMarks], speakers: list[Speaker | None]) -> list[Speaker | None]:
    """A quote left open at a paragraph's end and reopened in the next is one quote: a
    piece with no frame of its own takes the speaker its next piece names ('«…\n\n«…,»
    she added')."""
    out = list(speakers)
    for i in range(len(marks) - 2, -1, -1):
        if out[i] is None and marks[i].continues and marks[i + 1].continued:
            out[i] = out[i + 1]
    return out


def _direct_speaker(doc, q, quoted, resolver, previous, text) -> Speaker | None:
    governing = _governing_verbs(doc, q, quoted) if quote_kind(text, q) == "mixed" else []
    for verb in governing + _frame_verbs(doc, q, quoted):
        if (speaker := resolver.resolve(subject_of(verb, quoted) or _inverted_subject(verb))) is not None:
            return speaker
    span = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    if span is not None:
        outside = [t for t in sentence(doc, span.start) if not any(s <= t.idx < e for s, e in quoted)]
        if (speaker := resolver.resolve(according_to(outside))) is not None:
            return speaker
    for verb in _preceding_colon_sentence(doc, q):
        if (speaker := resolver.resolve(subject_of(verb, quoted))) is not None:
            return speaker
    if (speaker := name_colon(resolver, text, q)) is not None:
        return speaker
    if (line := labelled_line(resolver, text, q.start)) is not None and line[0].span[0] >= q.start:
        return line[0]  # “PENCE: And that's why…”: a transcript line inside the quote
    if previous is not None and goes_on(text, previous[0], q, previous[1].span):
        return previous[1]
    return None


def _inverted_subject(verb):
    """'…,” said Huda Salem, a teacher who …': after a quote the subject may follow its verb,
    and the parser, taking the appositive's clause for what was said, may hang the name on
    that clause instead. The noun phrase right after a verb that follows a closing quote
    mark (and a comma) is then its subject."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or not any(t.is_quote for t in doc[max(0, verb.i - 2) : verb.i]):
        return None
    head = doc[verb.i + 1]
    while head.dep_ in ("compound", "det", "amod") and head.head.i > head.i:
        head = head.head
    return head if head.pos_ in ("PROPN", "NOUN") and head.i > verb.i else None


def _quote(analysis: Analysis, start: int, end: int, kind: str, speaker: Speaker | None) -> Quote:
    text = analysis.article.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(
        article_id=analysis.article.id,
        span=(start, end),
        text=text[start:end],
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker.text or None if speaker else None,
        speaker_entity_id=speaker.entity_id if speaker else None,
        speaker_span=speaker.span if speaker else None,
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# A source one cites, not what one cites ("citing security concerns"): a named body, person
# or state, or a noun of one (or of the text it spoke in).
_SOURCE_TYPES = frozenset({"ORG", "PERSON", "GPE", "NORP"})
_SOURCE_NOUNS = frozenset({
    "source", "official", "authority", "police", "ministry", "witness", "resident", "spokesman", "spokeswoman",
    "spokesperson", "agency", "government", "army", "military", "statement", "report", "document", "media",
})


def _a_source(noun) -> bool:
    return noun.ent_type_ in _SOURCE_TYPES or noun.lemma_.lower() in _SOURCE_NOUNS


# Verbs that give a thing a name ("which Armenians call Stepanakert", "what it terms ...").
_NAMING_VERBS = frozenset({"call", "term", "dub", "name"})


def _content_of(verb) -> tuple[int, int] | None:
    """The reported content of an attribution verb, as token bounds.

    Its clause ("said that…", "wants to…"), or the clause it is set into ("…, he told
    me, is…"); else, for verbs whose object is what is said or judged, that object
    ("endorsed Clinton", "explained the reason") or what follows "of/for/about/…"
    ("accused X of…", "called for…"); else, for a passive with an agent, its subject
    ("the deal was criticized by X"). One content per verb: emitting the object beside
    the clause found 0.4 % more of PolNeAR dev's attributions for 2 % less precision.
    """
    if lemma(verb) in _NAMING_VERBS and any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in verb.children):
        return None  # "the capital, which Armenians call Stepanakert": a name in use, whatever the parse hangs on it
    if lemma(verb) in _NAMING_VERBS and _as_one_calls_it(verb):
        return None  # "Khankendi, as Azerbaijan calls the town, is…": the writer says whose name it is
    if lemma(verb) in _NAMING_VERBS and _names_itself(verb):
        return None  # "a group calling itself the Northern Shield": the name it goes by
    if lemma(verb) == "cite" and any(c.dep_ == "dobj" and _a_source(c) for c in verb.children):
        return None  # "…, citing the World Health Organization": whom the words come from, no words
    if asks_anonymity(verb):
        return None  # "a source, who asked not to be named, said …": a condition of the telling
    if (clause := _clause_of(verb)) is not None:
        return _without_source(verb.doc, *clause)
    if lemma(verb) in FORCE_VERBS and physical_target(verb):
        return None  # "militants attacked southern Israel": a raid, no words
    objecting = (_is_stance(verb) or lemma(verb) in OBJECT_SPEECH) and lemma(verb) not in ACT_VERBS
    if objecting and calls_an_act(verb):
        return None  # "called a strike", "raised a strike": an act called, no words
    if objecting and raises_a_thing(verb):
        return None  # "raised the price of bread", "raised its fares": an amount raised, no words
    if objecting and owns_a_deed(verb):
        return None  # "claimed responsibility": a deed owned (events.py reads it), no words
    if objecting and does_an_act(verb):
        return None  # "declared a state of emergency", "asked the EU for help", "denied the charges"
    if another_sense(verb):
        return None  # "admitting 90 patients a day", "posting pictures", "called Bazoum": no words
    if objecting and (thing := _object_of(verb)) is not None:
        return thing
    if any(c.dep_ == "agent" for c in verb.children):
        return next(((c.left_edge.i, c.right_edge.i) for c in verb.children if c.dep_ == "nsubjpass"), None)
    return None


def _as_one_calls_it(verb) -> bool:
    """ "as X calls the town", set beside the name: the thing named is the object, and
    nothing X said is. Not "as she called for a vote" (a request), nor "as the paper called
    them 'anchors'" (the name is the paper's words: a mixed quote)."""
    deps = {c.dep_ for c in verb.children}
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    thing = any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in verb.children)
    return marked and thing and not deps & {"oprd", "prep", "ccomp", "xcomp"}


def _names_itself(verb) -> bool:
    """A reflexive object and a name after it: "calling itself Tarvo Front" gives the name
    a group goes by, not words it said ("called himself a victim" is a claim, and stays)."""
    reflexive = any(c.dep_ == "dobj" and c.lower_ in ("itself", "themselves", "himself", "herself")
                    for c in verb.children)
    return reflexive and any(c.dep_ == "oprd" and (c.pos_ == "PROPN" or c.ent_type_) for c in verb.children)


def _clause_of(verb) -> tuple[int, int] | None:
    children = list(verb.children)
    for deps in (("ccomp",), ("xcomp",) if _is_stance(verb) else ()):
        after = [c for c in children if c.dep_ in deps and c.i > verb.i and not of_time(c)]
        found = after or [c for c in children if c.dep_ in deps]
        if found:
            return found[0].left_edge.i, found[0].right_edge.i
    for child in children if _is_stance(verb) else ():
        # "called for him to resign", "pushed for the law to pass": the parser makes the
        # for-to clause an adverbial one, marked by "for".
        marked = any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children)
        if child.dep_ == "advcl" and child.i > verb.i and marked:
            return child.left_edge.i, child.right_edge.i
    if (said_in := _that_clause_of_its_medium(verb)) is not None:
        return said_in
    has_object = any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in verb.children)  # not "told me"
    # A participle after a clause tells what that clause's subject did while saying it
    # ("expelled two diplomats, accusing them of spying", "closed the road, citing the
    # risk"): its own words are its object, the clause it hangs on no one's report.
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i
    if verb.dep_ in ("parataxis", "advcl") and _speech_verb(verb) and not has_object and not participle:
        # "In short, Ivo wrote, the mayor can…" / "…, documents show": the frame is
        # set into the clause it reports, so that clause is the content. Not a clause
        # with its own object ("Khankendi, as Azerbaijan calls the capital, is…"). When the parser
        # hangs the frame on a noun ("The trouble now, she told us, is…"), the clause
        # is the sentence's root.
        head = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.sent.root
        if head.i != verb.i:
            after = [c for c in head.children if c.i > verb.right_edge.i and c.dep_ != "punct"]
            if head.i < verb.i and not after and _narrated_while(verb):
                # "The toll rose to 45, the minister said, as rescuers searched the rubble":
                # the parse hangs the "as" clause on the frame; the reporter's scene, not her words
                return head.left_edge.i, verb.left_edge.i - 1
            if after and any(of_time(c) for c in after) and head.i < verb.i:
                # "Troops left the town, the mayor said, before the curfew began": up to the frame
                return head.left_edge.i, verb.left_edge.i - 1
            return head.left_edge.i, head.right_edge.i
    return None


def _narrated_while(verb) -> bool:
    """The frame carries a clause of what went on meanwhile ("…, she said, as rescuers
    searched the rubble"), marked "as" or "while", the reporter's scene."""
    return any(c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ in ("as", "while")
                                                          for m in c.children) for c in verb.children)


# What words are said in: "said in a statement that …", where the small model hangs the
# that-clause on the noun (an acl of "statement"), and the verb then had no content.
_MEDIA = frozenset({"statement", "interview", "post", "letter", "tweet", "speech", "video", "message", "briefing",
                    "communique", "communiqué", "release", "report", "broadcast",
                    # and the occasions words are said at ("said during a news conference that …")
                    "conference", "call", "hearing", "appearance", "event", "rally", "debate", "session",
                    "meeting", "address", "remarks", "email", "memo", "column", "podcast", "show"})


def _that_clause_of_its_medium(verb) -> tuple[int, int] | None:
    """The that-clause of "said in a statement that …", hung on the statement."""
    if not _speech_verb(verb):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "during")):
        for medium in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _MEDIA):
            for clause in (c for c in medium.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > medium.i):
                if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                    return clause.left_edge.i, clause.right_edge.i
    return None


def _without_source(doc, left: int, right: int) -> tuple[int, int]:
    """The clause without the attribution that ends it after a comma, which names the
    source of the whole report rather than adding to the reported words: "X said Armenia
    had no troops there, according to Tass" / "…, citing the WHO" / "…, state television
    reported" (the parser may hang the phrase on either verb)."""
    for comma in (t for t in doc[left + 1 : right] if t.text == ","):
        if comma.i - 1 > left and _is_attribution_tail(doc[comma.i + 1 : right + 1]):
            return left, comma.i - 1
    return left, right


def _is_attribution_tail(tail) -> bool:
    first, last = tail[0], tail[-1]
    if first.lower_ == "according" and len(tail) > 2 and tail[1].lower_ == "to":
        return True  # "according to Tass"
    if first.lower_ == "citing" and len(tail) > 1:
        return True  # "citing the World Health Organization"
    # "state television reported": a subject and a verb of saying, nothing after them
    subject = next((c for c in last.children if c.dep_ == "nsubj"), None)
    return (
        _speech_verb(last) and subject is not None
        and subject.left_edge.i == first.i and subject.right_edge.i == last.i - 1
    )


def _object_of(verb) -> tuple[int, int] | None:
    found = _object_bounds(verb)
    return _without_aside(verb.doc, *found) if found is not None else None


def _without_aside(doc, left: int, right: int) -> tuple[int, int]:
    """The object without a relative clause set off by a comma, which is the writer's aside:
    "called for a ceasefire in Sudan, where 14,000 people have been killed" calls for the
    ceasefire; the toll is the writer's."""
    for tok in doc[left : right + 1]:
        start = tok.left_edge.i
        if tok.dep_ == "relcl" and start - 1 > left and doc[start - 1].text == ",":
            return left, start - 2
    return left, right


def _object_bounds(verb) -> tuple[int, int] | None:
    children = list(verb.children)
    if lemma(verb) in CHARGE_VERBS:
        # "accused the rebels of war crimes": the object is the accused, "of…" the content;
        # the parser hangs "of" on the verb or on the object.
        objects = [c for c in children if c.dep_ == "dobj"]
        # "accused X of…", "warned X of…"; but "criticized X for…": "the pace of the
        # response" that one criticizes is one thing, its "of" no charge.
        charge = ("of", "about") if lemma(verb) in OF_CHARGES else ("for", "over")
        children = children + [g for o in objects for g in o.children if g.lower_ in charge]
    preps = CONTENT_PREPS | {VERB_PREPS.get(lemma(verb), "of")}
    for child in children:
        # Not "spoke on Tuesday": a time is no content.
        objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")]
        if child.dep_ == "prep" and child.lower_ in preps and objects:
            return child.i + 1, child.right_edge.i
    named = [c for c in children if c.dep_ == "oprd"]
    for child in children if named else ():
        if child.dep_ == "dobj" and child.i < named[0].i:
            if child.tag_ in ("WP", "WDT"):
                # "what it called 'anti-terrorist' measures": the writer naming a thing in
                # the speaker's words; the quoted words are the mixed quote already.
                return None
            return child.left_edge.i, named[0].right_edge.i  # "called him a liar": him, a liar
    for child in verb.children if lemma(verb) != "warn" else ():
        # Not "told *me*", "said *Monday*": a pronoun or a time is no content; "criticized
        # the deal" with no "for…": the one judged is. Not "warned reporters": the hearer.
        timely = child.ent_type_ in ("DATE", "TIME")
        judged = child.pos_ != "PRON" or lemma(verb) in JUDGING_VERBS  # "backed him", not "told me"
        if child.dep_ == "dobj" and child.i > verb.i and judged and not timely:
            return child.left_edge.i, child.right_edge.i
    return None


def _that_clause(verb) -> bool:
    """A verb with a "that" clause after it ("is betting that…", "made clear that…"): the
    clause is what its subject holds true, whatever the verb (PARC 3.0 annotates these
    as attributions; so do PolNeAR's annotators, with cue verbs far beyond any list)."""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


def _attributing(token, verbs: frozenset[str] = SPEECH_VERBS) -> bool:
    """A verb that attributes what it governs: of saying, of stance, or with a "that" clause."""
    return _speech_verb(token, verbs) or (token.pos_ == "VERB" and (_is_stance(token) or _that_clause(token)))


def _is_stance(token) -> bool:
    return lemma(token) in STANCE_OR_CHARGE


def _trim(doc, left: int, right: int) -> tuple[int, int]:
    while right > left and doc[right].is_punct and doc[right].text not in "\"”»'":
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _indirect(analysis: Analysis, doc, quoted, resolver: Resolver, kept: list[tuple[int, int]]) -> list[Quote]:
    """Reported speech; ``kept`` are the direct quotes found (a scare quote is no quote)."""
    text = doc_text(doc)

    def report(left: int, right: int, speaker: Speaker) -> Quote | None:
        return _reported(analysis, doc, left, right, quoted, speaker, kept)

    # The walks below pick their tokens by tag, word or label read once per doc
    # (doccache.token_strings), not by reading them from a new Token per token and walk.
    toks, pos, dep, lower = tokens(doc), token_strings(doc, POS), token_strings(doc, DEP), token_strings(doc, LOWER)
    out = []
    by_verb: dict[int, Quote | None] = {}
    for verb in (toks[i] for i, tag in enumerate(pos) if tag in ("VERB", "AUX")):  # as _attributing asks
        reports = _attributing(verb) and not (described_as(verb) or _consequence(verb))
        if not reports or any(s <= verb.idx < e for s, e in quoted):
            continue
        content = _content_of(verb)
        subject = subject_of(verb, quoted) if content else None
        speaker = resolver.resolve(subject)
        if speaker is None:
            continue
        by_verb[verb.i] = report(*_before_speaker(doc, *_around_inserted_frame(verb, subject, content), subject, verb),
                                 speaker)
    out += [q for i, q in by_verb.items() if not _stance_said(toks[i], q, by_verb.get(toks[i].head.i))]
    colons = (toks[i] for i, word in enumerate(token_strings(doc, ORTH)) if word == ":")
    for line_start in {text.rfind("\n", 0, t.idx) + 1 for t in colons}:
        if (line := labelled_line(resolver, text, line_start)) is not None:
            span = doc.char_span(line[1], line[2], alignment_mode="expand")
            if span is not None and len(span) > 1:
                out.append(report(span.start, span.end - 1, line[0]))
    # "was critical of…" (acomp), "seemed eager to…" (oprd)
    stances = (i for i, label in enumerate(dep) if label in ("acomp", "oprd") and lower[i] in STANCE_ADJECTIVES)
    for adj in (toks[i] for i in stances):
        content = _adjective_content(adj)
        if content and (speaker := resolver.resolve(subject_of(adj.head, quoted))) is not None:
            out.append(report(*content, speaker))
    for noun in (toks[i] for i, tag in enumerate(pos) if tag == "NOUN"):
        if lemma(noun) in ATTRIBUTION_NOUNS and not any(s <= noun.idx < e for s, e in quoted):
            found = _nominal(noun, quoted)
            if found is not None and (speaker := _nominal_speaker(resolver, found[0], noun, quoted)) is not None:
                out.append(report(*found[1], speaker))
    for sent in sentences(doc):
        outside = _outside(sent, quoted)
        for phrase, src in (_according(outside), _in_source(outside)):
            if src is None or (speaker := resolver.resolve(src)) is None:
                continue
            bounds = _rest_of_sentence(doc, sent, phrase, src)
            if bounds is not None and not any(_overlap(_trim(doc, *bounds), q) for q in quoted):
                out.append(report(*bounds, speaker))
    return [q for q in out if q is not None]


def _stance_said(verb, quote: Quote | None, outer: Quote | None) -> bool:
    """ "Tom said he supports the law": the speaker's own stance, reported as the clause of
    his verb of saying, is part of his words, not a report of its own (PolNeAR's annotators
    mark the outer report only); kept where the outer one was not found, and where the
    stance is someone else's ("Tom said Ana supports the law")."""
    if quote is None or outer is None or _speech_verb(verb) or _that_clause(verb):
        return False
    span = quote.speaker_span
    pronoun = span is not None and doc_text(verb.doc)[span[0] : span[1]].lower() in _SUBJECT_PRONOUNS
    same = pronoun or (quote.speaker is not None and quote.speaker == outer.speaker)
    return verb.dep_ == "ccomp" and _speech_verb(verb.head) and same


_SUBJECT_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "it"})


def _around_inserted_frame(verb, subject, content: tuple[int, int]) -> tuple[int, int]:
    """ "The new plan, said the mayor, would cost less": the reported clause opens before
    its frame (the parse made its opening words the subject of "said"), so its words run
    from there, past the frame, as in "The museum, he said, would…"."""
    inserted = inverted_inside(verb)
    if subject is None or inserted is None or inserted.i != subject.i:
        return content
    opening = next(c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i)
    return min(opening.left_edge.i, content[0]), content[1]


def _before_speaker(doc, left: int, right: int, subject, verb) -> tuple[int, int]:
    """The content up to the comma that sets off its speaker, where the parse hung the
    speaker inside it ("… an office in Kano, the police chief, Ana Diaz, said": the chief
    and the name hang on the town): no one's words hold their own attribution. The
    speaker's role before the name goes with it ("the police chief, Ana Diaz"). Only for
    content wholly before its verb: "The museum, he said, would…" goes on past the frame."""
    if not left < subject.i <= right < verb.i:
        return left, right
    start = subject.left_edge.i
    while start > left and doc[start - 1].ent_iob_ == "I" and doc[start].ent_iob_ == "I":
        start -= 1
    if start - 1 <= left or doc[start - 1].text != ",":
        return left, right
    cut = start - 1
    role = doc[cut - 1]
    if role.dep_ == "appos" and role.left_edge.i - 1 > left and doc[role.left_edge.i - 1].text == ",":
        cut = role.left_edge.i - 1
    return left, cut - 1


def _outside(sent, quoted: list[tuple[int, int]]) -> list:
    """The sentence's tokens outside the quoted stretches. Each token is tested against the
    stretches that reach into the sentence only: most sentences have none (every token
    tested against every quote of the text was a fifth of ``_indirect``'s time)."""
    inside = [(s, e) for s, e in quoted if s < sent.end_char and e > sent.start_char]
    toks = tokens(sent.doc)[sent.start : sent.end]
    if not inside:
        return toks
    return [t for t in toks if not any(s <= t.idx < e for s, e in inside)]


def _according(tokens: list) -> tuple:
    """("according", X) for "according to X" among ``tokens``, else (None, None)."""
    src = according_to(tokens)
    return (next((t for t in tokens if t.lower_ == "according"), None), src) if src is not None else (None, None)


# Nouns of a finding made public: "In a new poll, 40 percent back…" reports the poll's
# finding (PolNeAR annotates the poll as the source).
_REPORT_NOUNS = frozenset(
    {"poll", "survey", "study", "report", "analysis", "memo", "filing", "ruling", "review", "audit", "census",
     "average", "tally", "count", "estimate", "assessment", "ranking", "index"}
)
# "In Trump's view…", "in their eyes": the possessor holds the rest of the sentence true.
_VIEW_NOUNS = frozenset({"view", "mind", "eye", "opinion", "estimation", "judgment", "judgement", "telling", "words"})


def _in_source(tokens: list) -> tuple:
    """("in", source) for "In a new poll, …" / "in X's view" among ``tokens``, else (None,
    None). A poll opens its sentence and a comma closes it: "leads in the polls", "in the
    poll released Monday" inside a clause measure, they do not report."""
    for t in tokens:
        obj = next((c for c in t.children if c.dep_ == "pobj"), None) if t.lower_ == "in" and t.dep_ == "prep" else None
        if obj is None:
            continue
        doc, opens = t.doc, t.i - sentence(t.doc, t.i).start <= 1
        closed = obj.right_edge.i + 1 < len(doc) and doc[obj.right_edge.i + 1].text == ","
        if lemma(obj) in _REPORT_NOUNS and obj.tag_ == "NN" and opens and closed:
            return t, obj
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is not None and lemma(obj) in _VIEW_NOUNS:
            return t, owner
    return None, None


def _adjective_content(adj) -> tuple[int, int] | None:
    """What a stance adjective is about: its clause ("sure that…", "eager to…") or the
    object of its preposition ("critical of X")."""
    for child in adj.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return child.left_edge.i, child.right_edge.i
        objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if child.dep_ == "prep" and child.lower_ in ADJECTIVE_PREPS and objects:
            return child.i + 1, child.right_edge.i
    return None


def _consequence(verb) -> bool:
    """"X launched an operation, raising fears of war": a participle of what the act
    caused. The fears are no one's words; X did not voice them ("X spoke, voicing
    concern" keeps its speaker: voicing is saying, raising here is causing)."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return lemma(verb) == "raise" and verb.tag_ == "VBG" and verb.dep_ == "advcl" and not own_subject


def _nominal(noun, quoted):
    """(source token, content bounds) of a noun of saying, or None.

    The source is its possessor ("Trump's claim"), the object of "by"/"from" ("a call
    by the union"), or the subject of a light verb that has the noun as its object ("she
    made the case that…", "he voiced concern about…"); the content its clause ("claim
    that…", "plan to…") or what follows one of ``NOUN_CONTENT_PREPS`` ("criticism of the
    deal"), which the parser may hang on the light verb instead.
    """
    source, content = None, None
    light = noun.dep_ == "dobj" and lemma(noun.head) in LIGHT_VERBS and not _consequence(noun.head)
    if light:
        source = subject_of(noun.head, quoted)
    for child in list(noun.children) + ([c for c in noun.head.children if c.i > noun.i] if light else []):
        # Not "her support on Tuesday": a time is no content.
        objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")]
        if child.dep_ == "poss" and not (light and source is not None and child.tag_ == "PRP$"):
            # "voiced her concern", "shared their view": the pronoun is the light verb's
            # subject, who is the source as the frame writes it
            source = child
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            source = next((c for c in objects if c.dep_ == "pobj"), source)
        elif child.dep_ in ("acl", "ccomp") and content is None and child.i > noun.i:
            content = child.left_edge.i, child.right_edge.i
        elif child.dep_ == "prep" and child.lower_ in NOUN_CONTENT_PREPS and content is None and objects:
            content = child.i + 1, child.right_edge.i
    if source is None or content is None or content[0] <= source.i <= content[1]:
        return None
    return source, content


def _nominal_speaker(resolver: Resolver, source, noun, quoted) -> Speaker | None:
    """The speaker of a noun of saying: its source, or, when that is a possessive pronoun
    naming the subject of the clause the noun sits in, that subject ("Clinton defended
    her support for the deal": Clinton, as the clause writes her)."""
    speaker = resolver.resolve(source)
    if speaker is None or source.tag_ != "PRP$" or not speaker.entity_id:
        return speaker
    head = noun
    while head.dep_ in ("dobj", "pobj", "prep", "conj", "appos") and head.head.i != head.i:
        head = head.head
    owner = subject_of(head, quoted) if head.pos_ in ("VERB", "AUX") else None
    if owner is None or owner.i == source.i:
        return speaker
    named = resolver.resolve(owner)
    return named if named is not None and named.entity_id == speaker.entity_id else speaker


def _rest_of_sentence(doc, sent, phrase, src) -> tuple[int, int] | None:
    """Token bounds of what a source phrase ("according to X", "in a new poll")
    attributes: the rest of its sentence, in its paragraph."""
    if phrase is None or phrase.i > src.i:
        return None
    lo, hi = phrase.i, max(src.right_edge.i, src.head.right_edge.i if src.dep_ == "poss" else src.i)
    left, right = (hi + 1, sent.end - 1) if lo - sent.start <= 1 else (sent.start, lo - 1)
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, phrase.idx) + 1
    para_end = text.find("\n", phrase.idx)
    para_end = len(text) if para_end < 0 else para_end
    while left < right and (doc[left].is_punct or doc[left].idx < para_start):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].idx >= para_end):
        right -= 1
    return (left, right) if sent.start <= left < right < sent.end else None


def _reported(analysis, doc, left, right, quoted, speaker, kept) -> Quote | None:
    span = _trim(doc, after_stamp(doc, left, right), right)
    # Reported content stays in its paragraph: a parse that runs on past a paragraph
    # break (spaCy's sentences sometimes do) must not pull the next paragraph in.
    brk = analysis.article.text.find("\n\n", span[0], span[1])
    if brk >= 0:
        span = (span[0], brk)
    if sum(_overlap(span, q) for q in kept) > 0.6 * (span[1] - span[0]):
        return None  # the direct quote already carries it
    # Quote marks inside (kept as a quote or not: 'attacked X for being a "failed
    # candidate"') make it mixed speech.
    kind = "mixed" if any(_overlap(span, q) for q in quoted) else "indirect"
    return _quote(analysis, span[0], span[1], kind, speaker)
