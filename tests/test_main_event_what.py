"""What the main event says happened (issue 7): the verb phrase of the lead's event with its
object, as a careful reader marks it, without the subject's name, a trailing clause or an
attribution; and who did it, where the headline's reading of its clause decides that too.

The articles are written for these tests (invented people, firms and places); each runs the
real per-article stages with the session ``nlp`` fixture, as a user's article goes.
"""

from __future__ import annotations

import pytest

from newsdesk.clean import clean_document
from newsdesk.model import Analysis, Document
from newsdesk.pipeline import analyse


def _ingested(title: str, content: str, published: str = "2031-05-12") -> Analysis:
    """An article as the pipeline makes it: cleaned, then the per-article stages."""
    article = clean_document(Document(origin="t", content=content, title=title, published=published))
    (analysis,) = analyse([article])
    return analysis


@pytest.mark.parametrize(
    ("title", "lead", "actor", "what"),
    [
        # a firm's name that ends in "-s" is no headline verb: the verb comes after it
        ("Velmo Motors to cut 3,000 jobs as sales slump",
         "The carmaker Velmo Motors said on Monday it would cut 3,000 jobs over the next two years.",
         "Velmo Motors", "to cut 3,000 jobs"),
        ("Tarvik Foods to shed 900 jobs", "The company said on Monday it would act.", "Tarvik Foods",
         "to shed 900 jobs"),
        ("Ardo Rangers to sell stadium", "The club said on Monday it would act.", "Ardo Rangers", "to sell stadium"),
        # ... and a verb in "-s" after a name still is one
        ("Velm Airways cancels 200 flights", "The airline said on Monday it would act.", "Velm Airways",
         "cancels 200 flights"),
    ],
)
def test_a_name_ending_in_s_is_no_headline_verb(nlp, title, lead, actor, what):
    main = _ingested(title, lead + "\n\nShares fell.").main_event
    assert (main.in_title, main.actor, main.what) == (True, actor, what)


@pytest.mark.parametrize(
    ("title", "actor", "what"),
    [
        # a quotation before a headline's clause is someone's words: the clause after it is
        # what happened, though the parse may hang the quotation on its verb
        ("'We lost everything': villagers count cost of storm", "villagers", "count cost of storm"),
        ("“Our homes are gone”: farmers count the cost of floods", "farmers", "count the cost of floods"),
        ("'This is a dark day': mill workers lose their jobs", "mill workers", "lose their jobs"),
    ],
)
def test_a_headlines_clause_after_a_quotation(nlp, title, actor, what):
    main = _ingested(title, "Residents of the valley were clearing mud on Sunday.\n\nThe army sent help.").main_event
    assert (main.in_title, main.actor, main.what) == (True, actor, what)


@pytest.mark.parametrize(
    ("lead", "what"),
    [
        # a noun phrase set off by a comma after the verb's words comments on the whole: no
        # part of what happened, whether the parse takes it for a second object ...
        ("Korrsoft said on Wednesday it had agreed to buy the start-up Velmio for $2 billion, its largest deal "
         "to date.", "had agreed to buy the start-up Velmio for $2 billion"),
        # ... or hangs it on the object
        ("Velm Rail cut 400 jobs at its Ardo works on Monday, the third round of cuts this year.",
         "cut 400 jobs at its Ardo works"),
    ],
)
def test_a_comment_after_a_comma_is_no_part_of_what_happened(nlp, lead, what):
    main = _ingested("Company news", lead + "\n\nThe unions were not told.").main_event
    assert (main.in_title, main.what) == (False, what)


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # a headline's passive after an age set off by commas: the age stays with its subject,
        # as a passive's subject does ("Seven killed in blast")
        ("Girl, 7, rescued from rubble three days after quake", "Girl, 7, rescued from rubble"),
        ("Man, 45, found dead in Velm flat", "Man, 45, found dead"),
    ],
)
def test_a_headlines_passive_after_an_age(nlp, title, what):
    main = _ingested(title, "Officials gave few details on Monday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # a headline's toll listed after a comma or an "and" is one toll: both counts are
        # what happened, as in "two were killed and 84 wounded"
        ("Two killed, 15 injured as train derails near Ardo", "Two killed, 15 injured"),
        ("Five killed and dozens injured in Ardo blast", "Five killed and dozens injured in Ardo blast"),
        ("Seven killed in Velm blast", "Seven killed in Velm blast"),
    ],
)
def test_a_headlines_listed_toll(nlp, title, what):
    main = _ingested(title, "Officials gave few details on Monday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.what) == (True, what)


def test_a_headlines_name_tagged_a_common_noun_is_who(nlp):
    # the parse tags "Ardonia" a common noun: a name still, no description of someone the
    # lead names (main._described), so not Velmia, who acts later in the lead
    main = _ingested("Ardonia expels Velmian diplomats over spying claims",
                     "Ardonia has expelled four Velmian diplomats accused of spying, the foreign ministry said on "
                     "Friday.\n\nVelmia vowed to respond.").main_event
    assert (main.in_title, main.actor) == (True, "Ardonia")


@pytest.mark.parametrize(
    ("title", "lead", "actor"),
    [
        # the lead names the headline's described actor again by its noun before any person
        # acts: that is who, not the person who acts later in the lead (a person named first
        # is who the description is: test_main_event.py)
        ("Court jails former mayor for seven years over bribes",
         "A court in Velm sentenced former mayor Ivo Korr to seven years in prison on Friday for taking bribes.\n\n"
         "Korr plans to appeal.", "Court"),
        ("Minister quits over expenses row",
         "The transport minister resigned on Monday after weeks of questions about his expenses.\n\n"
         "Ivo Korr, his deputy, will take over.", "Minister"),
    ],
)
def test_a_headlines_description_named_again_by_the_lead(nlp, title, lead, actor):
    main = _ingested(title, lead).main_event
    assert (main.in_title, main.actor) == (True, actor)


@pytest.mark.parametrize(
    ("lead", "actor"),
    [
        # a clause that says what something is names no one who acted, for a headline whose
        # subject names a happening
        ("A large fire broke out at a chemical plant on the edge of Ardo on Wednesday night.\n\n"
         "The cause is unknown.", None),
        # ... a clause in which someone acts still does
        ("A large fire broke out at a chemical plant on the edge of Ardo on Wednesday night.\n\n"
         "Firefighters fought the flames for hours.", "Firefighters"),
    ],
)
def test_a_copula_names_no_actor_for_a_happening(nlp, lead, actor):
    main = _ingested("Fire breaks out at Ardo chemical plant", lead).main_event
    assert (main.in_title, main.actor) == (True, actor)


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # the subject of a clause coordinated after the object is no second object, though
        # the parse coordinates it with the object
        ("Korrsoft Is Changing Its Logo And Customers Are Not Happy", "Is Changing Its Logo"),
        ("Korrsoft changes its logo and customers are not happy", "changes its logo"),
        # ... a second object stays
        ("Korrsoft changes its logo and its name", "changes its logo and its name"),
    ],
)
def test_the_subject_of_a_clause_after_the_object_is_no_object(nlp, title, what):
    main = _ingested(title, "The firm Korrsoft has replaced its green logo with a grey square.\n\n"
                     "The firm said the change was overdue.").main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    ("title", "lead", "what"),
    [
        # a negated clause tells what did not happen: the headline's reported clause is
        # what happened, not "has not commented"
        ("Ana Vell Says Police Chief's Letter Cost Her the Election",
         "Ana Vell told donors on Saturday that a letter sent by police chief Ivo Korr days before the vote had "
         "cost her the presidency.\n\nKorr has not commented.", "Cost Her the Election"),
        ("Mayor says storm damage will cost millions",
         "The mayor of Ardo said on Monday that repairs after the storm would cost millions.\n\n"
         "The council did not give a figure.", "will cost millions"),
    ],
)
def test_a_negated_clause_is_not_the_main_event(nlp, title, lead, what):
    main = _ingested(title, lead).main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    ("lead", "what"),
    [
        # a relative clause about a person tells who they are, not what was done
        ("Rescuers in northern Ardonia are digging a shaft to reach a boy who fell into a narrow well on Saturday.",
         "are digging a shaft to reach a boy"),
        ("Police in Velm arrested a man who had escaped from a prison in Ardo.", "arrested a man"),
        # ... one that says which thing the verb acts on stays
        ("The Velm council lifted a ban that had kept fishing boats in port.",
         "lifted a ban that had kept fishing boats in port"),
    ],
)
def test_a_relative_clause_about_a_person_is_no_part_of_what_happened(nlp, lead, what):
    main = _ingested("Local news", lead + "\n\nMore is expected.").main_event
    assert (main.in_title, main.what) == (False, what)


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # a headline's passive on a count's or a kind's noun with its "of" phrase: the
        # parse hangs the participle on either noun, after the "of" phrase
        ("Hundreds of flights cancelled as snow hits Velm", "Hundreds of flights cancelled"),
        ("New species of giant rat discovered in Ardonia", "New species of giant rat discovered"),
        ("Dozens of homes destroyed in Velm floods", "Dozens of homes destroyed in Velm floods"),
    ],
)
def test_a_headlines_passive_after_an_of_phrase(nlp, title, what):
    main = _ingested(title, "Officials gave few details on Monday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # a noun's infinitive says which thing it is, whether the parse reads it as the
        # noun's complement or as a relative clause
        ("Ana Vell becomes first woman to lead Velm council", "becomes first woman to lead Velm council"),
        ("Velm makes bid to host Olympics", "makes bid to host Olympics"),
    ],
)
def test_a_nouns_infinitive_is_part_of_what_happened(nlp, title, what):
    main = _ingested(title, "Officials gave few details on Monday.\n\nMore news is expected.").main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    "title",
    [
        # a site's name or a label in brackets after a headline is no part of what happened
        "Ardo Rangers win the league - BBC News",
        "Ardo Rangers win the league | Reuters",
        "Ardo Rangers win the league (VIDEO)",
    ],
)
def test_a_headlines_site_name_is_no_part_of_what_happened(nlp, title):
    main = _ingested(title, "Ardo Rangers won the league on Saturday, beating Velm City 2-0.\n\nFans sang.").main_event
    assert (main.in_title, main.what) == (True, "win the league")


@pytest.mark.parametrize(
    ("lead", "what"),
    [
        # the text's first sentence reports its news in someone's words: what it reports
        # is the main event, not a clause of background after it
        ("Speaking to reporters in Geneva, Velmian foreign minister Ana Vell announced that her country would "
         "reopen its embassy in Ardo.\n\nIt closed in 2019.", "would reopen its embassy"),
        ("Scientists at Ardo University say they have grown a human kidney in a lab for the first time.\n\n"
         "The work took ten years.", "have grown a human kidney in a lab"),
        # ... while a clause that tells something itself first stays the main event
        ("Rebels seized the town of Ardo on Sunday. The army said it would drive them out.\n\n"
         "Residents fled.", "seized the town of Ardo"),
    ],
)
def test_the_texts_first_report_over_background_after_it(nlp, lead, what):
    main = _ingested("Velm news roundup", lead).main_event
    assert (main.in_title, main.what) == (False, what)
