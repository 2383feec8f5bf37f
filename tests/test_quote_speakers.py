"""Speakers of reported speech: hand-written sentences, one pattern each (``facts.speakers``).

A sibling of test_quotes.py, which had grown past a sitting's reading."""

from __future__ import annotations

import pytest

from newsdesk.facts.quotes import find_quotes
from newsdesk.model import Analysis, Article, article_id
from newsdesk.nlp.entities import find_mentions


def analyse(nlp, text: str) -> Analysis:
    doc = nlp(text)
    analysis = find_mentions(Analysis(article=Article(id=article_id(text), text=text)), doc)
    return find_quotes(analysis, doc)


def speaker_words(analysis: Analysis) -> set[str]:
    """The speakers as written in their frames."""
    text = analysis.article.text
    return {text[q.speaker_span[0] : q.speaker_span[1]] for q in analysis.quotes if q.speaker_span}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("OSLO, March 3 (Reuters) — Former Finance Minister Lena Dahl told lawmakers that the budget "
         "would not balance.", "Lena Dahl"),
        ("Lisbon (AFP) – Mayor Rui Costa has criticised the new toll, saying that it hurts commuters.", "Rui Costa"),
        ("New Delhi (AFP) – Film star Ravi Rao, known for his comic roles, is critical of the new plan.",
         "Ravi Rao"),
        ("9:15 am – Police received calls saying that shots were heard near the mall.", "Police"),
        ("MADRID - The minister told reporters the strike had ended.", "The minister"),
        # no stamp: the place is the subject
        ("Madrid said the strike had ended.", "Madrid"),
    ],
)
def test_a_dateline_is_no_speaker(nlp, text, speaker):
    """The small model makes the place of a dateline the subject; the speaker follows the dash."""
    found = speaker_words(analyse(nlp, text))
    assert found and all(speaker in words for words in found), found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The defeat left party elders to wonder what went wrong.", "party elders"),
        ("The ruling drove thousands of farmers to demand a new vote.", "thousands of farmers"),
        ("The scandal prompted critics to question the deal.", "critics"),
        ("The layoffs led the union to conclude that talks had failed.", "the union"),
        # a verb of asking: the asking is the subject's words
        ("The mayor urged residents to reject the plan.", "The mayor"),
    ],
)
def test_the_object_of_a_causative_speaks_its_infinitive(nlp, text, speaker):
    """A cause ("the defeat", "the ruling") says nothing: the one it makes wonder or demand does."""
    assert speaker_words(analyse(nlp, text)) == {speaker}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The senator, who has long opposed the pipeline, spoke at the rally.", "The senator, who"),
        ("Greenway, a farm lobby that endorsed the bill last year, held a vote.", "a farm lobby that"),
    ],
)
def test_a_relative_pronoun_is_written_with_what_it_stands_for(nlp, text, written):
    """The speaker's span runs from the noun the relative clause hangs on to the pronoun:
    the pronoun alone shows no one."""
    assert speaker_words(analyse(nlp, text)) == {written}


def test_a_name_the_parse_cut_short_speaks_whole(nlp):
    """"Without" ends the subject's phrase in the parse; the model's name runs on."""
    text = "Doctors Without Borders said its field hospital in Tarvik was full."
    analysis = analyse(nlp, text)
    assert [m.text for m in analysis.mentions][:1] == ["Doctors Without Borders"]
    assert speaker_words(analysis) == {"Doctors Without Borders"}


@pytest.mark.parametrize(
    ("text", "speaker", "opens"),
    [
        ("Any fair reading of the treaty, said Paul Brandt, a lawyer in Boston, would see it as a defeat for "
         "the city.", "Paul Brandt", "Any fair reading"),
        ("The gap with the mayor, said Lena Ortiz, would be obvious by spring.", "Lena Ortiz", "The gap"),
        ('The new plan, said the mayor, would be "a gift to the city" next year.', "the mayor", "The new plan"),
    ],
)
def test_a_frame_set_inside_its_clause_verb_first_speaks_the_whole_clause(nlp, text, speaker, opens):
    """The parse makes the clause's opening words the subject of "said"."""
    analysis = analyse(nlp, text)
    assert speaker_words(analysis) == {speaker}
    assert any(q.text.startswith(opens) for q in analysis.quotes)


def test_a_comma_closing_the_subjects_aside_is_no_inserted_frame(nlp):
    text = ("Aides to the two governors, who had long careers in the senate, said their speeches, already full of "
            "jokes, would change.")
    assert speaker_words(analyse(nlp, text)) == {"Aides"}


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("Several nurses voiced their concerns about the new night shifts.", "the new night shifts", "Several nurses"),
        ("Mara Lind expressed her hope that the bridge would reopen soon.", "that the bridge would reopen",
         "Mara Lind"),
        ("The senator repeated his claim that the count was rigged.", "that the count was rigged", "The senator"),
    ],
)
def test_a_possessive_pronoun_on_a_light_verbs_noun_is_the_verbs_subject(nlp, text, words, speaker):
    """The frame writes the source as the light verb's subject; "their" only refers back to it."""
    analysis = analyse(nlp, text)
    [quote] = [q for q in analysis.quotes if q.text.startswith(words)]
    assert text[quote.speaker_span[0] : quote.speaker_span[1]] == speaker


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # the speaker's own stance is part of what he said
        ("Tom Reyes said he supports the new water law.", {("Tom Reyes", "he supports the new water law")}),
        ("The union said it backs the strike.", {("The union", "it backs the strike")}),
        # someone else's stance, reported, is a report of its own
        ("Tom Reyes said Ana Diaz supports the new water law.",
         {("Tom Reyes", "Ana Diaz supports the new water law"), ("Ana Diaz", "the new water law")}),
    ],
)
def test_a_speakers_own_stance_in_his_words_is_no_second_report(nlp, text, reports):
    analysis = analyse(nlp, text)
    assert {(text[q.speaker_span[0] : q.speaker_span[1]], q.text) for q in analysis.quotes} == reports
