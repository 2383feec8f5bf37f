"""The main event of short news articles written afresh for issue 7 (none of them from
Giveme5W1H's set): headlines of many outlets' kinds (an agentless passive, a tabloid's
capitals, a headline whose clause ends in what it followed) against the lead that tells
the same event.

Each article runs the real per-article stages with the session ``nlp`` fixture, as a
user's article goes (people and firms are invented; the places are real towns, for the
gazetteer to know them).
"""

from __future__ import annotations

import pytest

from newsdesk.clean import clean_document
from newsdesk.model import Analysis, Document
from newsdesk.pipeline import analyse


def _ingested(title: str, content: str, published: str = "2031-05-14") -> Analysis:
    """An article as the pipeline makes it: cleaned, then the per-article stages."""
    article = clean_document(Document(origin="t", content=content, title=title, published=published))
    (analysis,) = analyse([article])
    return analysis


@pytest.mark.parametrize(
    ("title", "lead", "verbs", "gerund"),
    [
        # the gerund after "after" says after what the arrest came, though the parse takes
        # it for the preposition's object: the arrest is the news (in the headline's words
        # or the lead's), not the stabbing
        ("Teenager arrested after Bristol stabbing",
         "Police have arrested a 17-year-old boy after a man was stabbed in Bristol on Saturday night.",
         ("arrested",), "stabbing"),
        ("Two men held after Leeds shooting",
         "Detectives have detained two men after a woman was shot in Leeds on Sunday.",
         ("held", "detained"), "shooting"),
    ],
)
def test_a_gerund_after_a_preposition_of_time_is_no_main_event(nlp, title, lead, verbs, gerund):
    main = _ingested(title, lead + "\n\nThe victim was taken to hospital. Officers are not looking for anyone else.")
    what = main.main_event.what
    assert any(v in what for v in verbs) and gerund not in what


@pytest.mark.parametrize(
    ("title", "content", "what", "actor"),
    [
        # the headline's passive, told again by the lead's first sentence, is the news; a
        # named person acting further down the lead is background to it
        ("Bank robber jailed for 12 years",
         "A man who held up six banks with a toy pistol was jailed for 12 years on Monday.\n\nDarren Pelham, 41, "
         "admitted six counts of robbery at Manchester Crown Court. His victims were left terrified.",
         "Bank robber jailed", None),
        ("Rare painting stolen from Lyon museum",
         "A small oil painting by a Dutch master was stolen from a museum in Lyon early on Sunday.\n\nCurator "
         "Claire Vasseur discovered the empty frame when she opened the gallery. Police are studying the "
         "security cameras.",
         "Rare painting stolen from Lyon museum", None),
        # ... and who is the agent the lead names for the same verb
        # or by a participle of what was done to its subject, whose actor did not do it
        ("Man charged with murder of wife",
         "A man accused of killing his wife at their home in Cardiff appeared in court on Wednesday charged with "
         "her murder.\n\nDavid Rees, 52, spoke only to confirm his name. He was remanded in custody.",
         "Man charged with murder of wife", None),
        ("Missing hiker found dead in Scottish Highlands",
         "The body of a hiker who went missing in the Cairngorms last week has been found by mountain rescue "
         "teams, police said on Tuesday.\n\nThe man, from Glasgow, had set out alone. His family has been told.",
         "Missing hiker found dead", "mountain rescue teams"),
    ],
)
def test_a_headlines_passive_that_the_lead_tells_again_is_the_main_event(nlp, title, content, what, actor):
    main = _ingested(title, content).main_event
    assert (main.in_title, main.what[: len(what)], main.actor) == (True, what, actor)


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # the small model hangs a headline's object, or the end of its last noun, on the
        # verb as an adverbial noun: still what happened
        ("Strong earthquake strikes southern Peru", "strikes southern Peru"),
        ("Health minister resigns over expenses row", "resigns over expenses row"),
    ],
)
def test_a_noun_run_on_after_a_headlines_verb_is_part_of_what(nlp, title, what):
    main = _ingested(title, "Officials gave few details on Tuesday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # a place set right after the verb ends nothing: what the verb takes after it is
        # still what happened ("against what"), as after a day set there
        ("Thousands march in Warsaw against judicial reform", "march in Warsaw against judicial reform"),
        ("Farmers protest in Madrid over diesel prices", "protest in Madrid over diesel prices"),
        # at the end, the place stays out: it is where
        ("Thousands march in Warsaw", "march"),
    ],
)
def test_a_place_after_a_headlines_verb_ends_no_phrase(nlp, title, what):
    main = _ingested(title, "Officials gave few details on Sunday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # the parse hangs the headline's verb on a noun (a compound of its object, the
        # subject of a noun it takes for the verb): read after a pronoun, it keeps its object
        ("LIVE: Storm Emma batters Ireland as thousands lose power", "batters Ireland"),
        ("Brexit: Parliament rejects deal for third time", "rejects deal for third time"),
    ],
)
def test_a_headlines_verb_hung_on_a_noun_keeps_its_object(nlp, title, what):
    main = _ingested(title, "Officials gave few details on Wednesday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    ("title", "lead", "what"),
    [
        # an infinitive right after the verb's words is what the verb led to, though the
        # model reads it as a clause of purpose: its own phrase stays, its day does not
        ("Sports round-up", "Leeds United came from behind to beat Liverpool 2-1 on Saturday.",
         "came from behind to beat Liverpool 2-1"),
        ("Chiefs rally to beat Broncos in overtime", "The game went on late.", "rally to beat Broncos in overtime"),
    ],
)
def test_an_infinitive_after_the_verbs_words_is_part_of_what(nlp, title, lead, what):
    main = _ingested(title, lead + "\n\nThe crowd cheered.").main_event
    assert main.what == what


@pytest.mark.parametrize(
    ("title", "lead", "actor"),
    [
        # who did what a headline's passive tells is the actor of the lead's clause whose
        # participle tells it again ("..., killing five")
        ("Five killed in suicide bombing at Kabul mosque",
         "A suicide bomber blew himself up inside a crowded mosque in western Kabul during Friday prayers, killing "
         "at least five worshippers, officials said.", "suicide bomber"),
        ("Twelve killed as gunmen attack bus in Nigeria",
         "Gunmen opened fire on a bus carrying market traders in northern Nigeria on Monday, killing twelve "
         "people, police said.", "Gunmen"),
    ],
)
def test_the_actor_of_a_headlines_passive_told_again_by_a_participle(nlp, title, lead, actor):
    main = _ingested(title, lead + "\n\nNo group said it carried out the attack.").main_event
    assert (main.in_title, main.actor) == (True, actor)


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # a length of time after "for" or "to" says how long the sentence or the ban is:
        # part of what happened, not when
        ("Ex-president sentenced to five years", "Ex-president sentenced to five years"),
        ("Bank robber jailed for 12 years", "Bank robber jailed for 12 years"),
        ("Cyclist banned for two years over doping", "Cyclist banned for two years"),
        # a point in time still ends the phrase
        ("Bank robber jailed on Thursday", "Bank robber jailed"),
    ],
)
def test_a_length_of_time_is_part_of_what(nlp, title, what):
    main = _ingested(title, "Officials gave few details on Thursday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    ("title", "actor", "what"),
    [
        # a headline's passive that keeps its second object, with its "by" read as a
        # preposition: the one after "by" did it, not the one fined
        ("Apple fined $1.2 billion by French regulator", "French regulator",
         "Apple fined $1.2 billion by French regulator"),
        ("Striker handed five-match ban by FA", "FA", "Striker handed five-match ban by FA"),
        # an amount after "by" names no one
        ("Bank cut rates by 0.5%", "Bank", "cut rates by 0.5%"),
    ],
)
def test_a_headlines_by_after_an_object_is_the_agent(nlp, title, actor, what):
    main = _ingested(title, "Officials gave few details on Monday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.actor, main.what) == (True, actor, what)


def test_a_toponym_after_a_kind_of_place_and_of_is_a_place(nlp):
    # the model tags "Guerrero" a person; "the Mexican state of" says it is a place, the
    # town or region the headline's country gives way to
    main = _ingested("Journalist shot dead in Mexico",
                     "Gunmen shot dead a local radio journalist outside his home in the Mexican state of Guerrero on "
                     "Sunday, state prosecutors said.\n\nRamon Ortiz, 52, had reported on drug gangs. He was the "
                     "fourth journalist killed in Mexico this year.").main_event
    assert main.place == "Guerrero"


@pytest.mark.parametrize(
    ("title", "actor", "what"),
    [
        # a headline's clause before its colon, whose verb the model tagged a noun: the
        # count or the comment after the colon is no clause of its own
        ("Train derails in Croydon: seven dead", "Train", "derails"),
        ("Ferry sinks off Lesbos: dozens missing", "Ferry", "sinks off Lesbos"),
    ],
)
def test_a_headlines_clause_before_its_colon(nlp, title, actor, what):
    main = _ingested(title, "Officials gave few details on Monday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.actor, main.what) == (True, actor, what)


@pytest.mark.parametrize(
    ("title", "actor", "what"),
    [
        # an adjective opening a headline is part of its subject, not a name whose verb
        # the next word would be
        ("Jobless claims rise to 300,000, data show", "Jobless claims", "rise to 300,000"),
    ],
)
def test_an_adjective_opening_a_headline_is_part_of_its_subject(nlp, title, actor, what):
    main = _ingested(title, "Officials gave few details on Monday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.actor, main.what[: len(what)]) == (True, actor, what)

@pytest.mark.parametrize(
    ("title", "content", "actor"),
    [
        # a standfirst written as a headline ("Dozens of homes destroyed as ...") is a
        # passive: its subject did nothing, and the lead's force of nature is who
        ("Tornado rips through Alabama town, killing seven",
         "Dozens of homes destroyed as storm system moves east\n\nA powerful tornado tore through the small town "
         "of Beauregard in eastern Alabama on Sunday afternoon, killing at least seven people. Rescue teams "
         "searched through the night.", "powerful tornado"),
        # a sentence with its full stop is prose: its verb the model tags a participle is
        # still its subject's ("The depot burned.": test_main_event.py)
    ],
)
def test_a_standfirsts_bare_participle_is_a_passive(nlp, title, content, actor):
    main = _ingested(title, content).main_event
    assert (main.in_title, main.actor) == (True, actor)


@pytest.mark.parametrize(
    ("title", "lead", "actor"),
    [
        # a common noun that titles the name right after it, which the parse reads as the
        # noun with the name in apposition: who acted is the one named
        ("WAG'S FURY AT TRAINING GROUND BAN",
         "Footballer's wife Chloe Dunmore has blasted Rovers for banning players' partners from the training "
         "ground.", "Chloe Dunmore"),
        ("SOAP STAR'S SECRET WEDDING",
         "Reality star Chloe Dunmore has secretly married her boyfriend on a Greek island.", "Chloe Dunmore"),
    ],
)
def test_a_title_before_a_name_is_not_who(nlp, title, lead, actor):
    main = _ingested(title, lead + "\n\nThe 29-year-old said the rule was old-fashioned. Rovers said it was about "
                     "safety.").main_event
    assert (main.in_title, main.actor) == (False, actor)


def test_a_plural_noun_typed_a_person_is_no_one_a_headline_describes(nlp):
    # the small model types "Fireworks" opening a sentence a person; the parse tags it a
    # plural common noun: not who the headline's "survivor" is
    main = _ingested("Survivor describes horror of nightclub fire",
                     "At least 40 dead after blaze in Bucharest club\n\nA fire swept through a crowded nightclub in "
                     "Bucharest late on Friday during a rock concert, killing at least 40 people. Fireworks set off on "
                     "stage ignited foam on the ceiling, witnesses said.").main_event
    assert main.in_title and main.actor != "Fireworks"
