"""Role nouns that refer back to a person or organisation named before (``nlp.roles``):
the speaker, a figure's reporter and an event's actor read one entity, not a name and its
role as two. Hand-written sentences."""

from __future__ import annotations

import pytest

from newsdesk.facts.events import find_events
from newsdesk.facts.figures import find_figures
from newsdesk.facts.quotes import find_quotes
from newsdesk.model import Analysis, Article, Mention, article_id
from newsdesk.nlp.entities import find_mentions
from newsdesk.nlp.resolve import resolve_entities
from newsdesk.nlp.roles import description_head, is_reference


def analyse(nlp, text: str) -> Analysis:
    doc = nlp(text)
    analysis = resolve_entities(find_mentions(Analysis(article=Article(id=article_id(text), text=text)), doc), doc)
    return find_events(find_figures(find_quotes(analysis, doc), doc), doc)


def reference(analysis: Analysis, words: str) -> str | None:
    """The entity id of the mention at the last occurrence of ``words``, if any."""
    start = analysis.article.text.rindex(words)
    m = next((m for m in analysis.mentions if m.span == (start, start + len(words))), None)
    return m.entity_id if m else None


@pytest.mark.parametrize(
    ("text", "role", "entity"),
    [
        ("Dr Mirela Osei, the director of the river clinic, said nine people died. The director said later that "
         "30 others were hurt.", "The director", "person:mirela-osei"),
        ("Health Minister Tomas Ferrand toured the wards on Monday. The minister said 12 patients were moved.",
         "The minister", "person:tomas-ferrand"),
        ("Colonel Ilse Brandt, an army spokeswoman, said the depot burned. The spokeswoman added that two guards "
         "were hurt.", "The spokeswoman", "person:ilse-brandt"),
        ("The mayor, Oskar Lindqvist, closed the market on Tuesday. Later the mayor said 80 stalls were lost.",
         "the mayor", "person:oskar-lindqvist"),
        ("Foreign Minister Ana Varga met Health Minister Rafael Quint on Monday. The health minister said "
         "eight clinics had closed.", "The health minister", "person:rafael-quint"),
        ("Pavel Dunaj, 52, was detained on Friday. The 52-year-old denied any part in the fraud.",
         "The 52-year-old", "person:pavel-dunaj"),
        ("The Northern Relief Agency sent trucks to the valley. The agency said 600 families needed tents.",
         "The agency", "org:northern-relief-agency"),
        ("The Silver Hand Brigade, an armed group, attacked a checkpoint. The group said it held the road.",
         "The group", "org:silver-hand-brigade"),
    ],
)
def test_a_role_named_before_refers_to_its_entity(nlp, text, role, entity):
    assert reference(analyse(nlp, text), role) == entity


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # two people fit the role: neither is meant
        ("Governor Lena Morales met Governor Ivo Sandberg in the capital. The governor said 30 roads were shut.",
         "The governor"),
        ("Foreign Minister Ana Varga met Health Minister Rafael Quint on Monday. The minister said eight clinics "
         "had closed.", "The minister"),
        # the role comes before the name: no reference back
        ("The director said 30 people were hurt. Mirela Osei, the director of the river clinic, asked for blood.",
         "The director"),
        # a word the description lacks: another person
        ("Mirela Osei, the director of the river clinic, asked for blood. The deputy director said 30 were hurt.",
         "The deputy director"),
        # a group of people, not the group named before
        ("The Silver Hand Brigade, an armed group, attacked a checkpoint. The group of farmers said 40 fled.",
         "The group of farmers"),
        # an age that no one named was given
        ("Pavel Dunaj, 52, was detained on Friday. The 61-year-old denied any part in the fraud.",
         "The 61-year-old"),
    ],
)
def test_a_role_that_fits_no_one_or_two_stays_unresolved(nlp, text, role):
    a = analyse(nlp, text)
    start = a.article.text.rindex(role)
    assert not any(m.span[0] < start + len(role) and start < m.span[1] for m in a.mentions)


def test_the_role_beside_the_name_is_no_second_mention(nlp):
    a = analyse(nlp, "The mayor, Oskar Lindqvist, closed the market. Oskar Lindqvist, the mayor, said 80 stalls "
                     "were lost.")
    assert [m.text for m in a.mentions] == ["Oskar Lindqvist", "Oskar Lindqvist"]


@pytest.mark.parametrize(
    "later",
    [
        "The director said later that 30 others were hurt.",
        "Osei said later that 30 others were hurt.",
        "Dr Osei said later that 30 others were hurt.",
        "“Another 30 were hurt,” the director said.",
        "According to the director, 30 others were hurt.",
    ],
)
def test_a_figure_from_a_name_and_its_role_has_one_reporter(nlp, later):
    a = analyse(nlp, f"Dr Mirela Osei, the director of the river clinic, said nine people died. {later}")
    assert [f.reported_by for f in a.figures] == ["Mirela Osei", "Mirela Osei"]


@pytest.mark.parametrize(
    ("text", "words", "speaker", "entity"),
    [
        ("Colonel Ilse Brandt, an army spokeswoman, visited the depot. “It burned for hours,” the spokeswoman said.",
         "burned for hours", "Ilse Brandt", "person:ilse-brandt"),
        ("The Northern Relief Agency sent trucks to the valley. The agency said the road was cut.",
         "the road was cut", "Northern Relief Agency", "org:northern-relief-agency"),
    ],
)
def test_a_quote_by_a_role_is_its_entitys(nlp, text, words, speaker, entity):
    [q] = [q for q in analyse(nlp, text).quotes if words in q.text]
    assert (q.speaker, q.speaker_entity_id) == (speaker, entity)


def test_an_events_actor_given_by_role_is_the_name(nlp):
    a = analyse(nlp, "Police chief Omar Valdez met the families. The chief accused the gang of attacking the station.")
    assert any(e.type == "ACCUSE" and e.actor == "Omar Valdez" for e in a.events)


@pytest.mark.parametrize(
    ("description", "head"),
    [
        ("director of the river clinic", "director"),
        ("Health Minister", "minister"),
        ("Qatar's prime minister", "minister"),
        ("army spokeswoman", "spokeswoman"),
        ("nurse who was working at the clinic", "nurse"),
    ],
)
def test_description_head(description, head):
    assert description_head(description) == head


def test_a_name_the_model_tagged_with_its_article_is_no_reference():
    from newsdesk.model import Entity

    ministry = Entity(id="org:health-ministry", name="health ministry", type="ORG", aliases=("health ministry",))
    assert not is_reference(Mention("a", (0, 19), "the health ministry", "ORG", ministry.id), ministry)
    assert is_reference(Mention("a", (30, 42), "the ministry", "ORG", ministry.id), ministry)


# Two reports of one flood; the second names the mayor by surname only.
_FLOOD_A = (
    "Floodwater cut the road to Velmora on Monday after three days of rain. Ines Haldor, the mayor of Velmora, "
    "said 300 homes were flooded. The river rose two metres overnight and the bridge to Velmora was closed."
)
_FLOOD_B = (
    "The road to Velmora was cut by floodwater on Monday after three days of rain, and the bridge was closed. "
    "Haldor said 40 families had moved into the school. The river rose two metres overnight in Velmora."
)


def test_a_surname_reporter_joins_the_full_name_across_the_story(store):
    from newsdesk.model import Document
    from newsdesk.pipeline import ingest

    for i, text in enumerate((_FLOOD_A, _FLOOD_B)):
        ingest([Document(origin=f"flood-{i}.txt", content=text, published="2024-03-01")], store)
    with store.read() as tx:
        analyses = [tx.analysis(i) for i in tx.article_ids()]
        assert len({tx.story_of(a.article.id) for a in analyses}) == 1, "the test needs one story"
    reporters = {f.value: f.reported_by for a in analyses for f in a.figures if f.value in (300, 40)}
    assert reporters == {300: "Ines Haldor", 40: "Ines Haldor"}
