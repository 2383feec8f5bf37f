"""The dateline's places (issue 6): a town named only in the dateline that cleaning took
out of the text is a place of the article, resolved as the text's names are, with its
span in the dateline's words (``Place.in_dateline``), and no reader of the text's spans
takes it for words of the text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdesk.clean import clean_document
from newsdesk.corpus.relate import remap
from newsdesk.corpus.story_places import event_site
from newsdesk.facts.events import _place_at
from newsdesk.model import Analysis, Article, Document, Event, Place, Removal, article_id
from newsdesk.nlp.places import resolve_places
from newsdesk.report.export import article_dict
from newsdesk.web.highlight import annotations


def _resolved(nlp, content: str) -> Analysis:
    article = clean_document(Document(origin="t", content=content))
    return resolve_places(Analysis(article=article), nlp(article.text))


@pytest.mark.parametrize(
    ("content", "dated", "in_text"),
    [
        # a town alone
        ("GENEVA — Delegates of four river states met on Tuesday to share out the lake's water.",
         [("GENEVA", "Geneva", "CH")], []),
        # no dateline: every place is the text's
        ("Delegates of four river states met in Geneva on Tuesday to share out the lake's water.",
         [], [("Geneva", "CH")]),
        # the dateline's town also named in the text: a place in each, one point
        ("KYIV — Sirens sounded across Kyiv before dawn on Monday, and the trams stopped.",
         [("KYIV", "Kyiv", "UA")], [("Kyiv", "UA")]),
        # a country after the town, and an agency: both names are places, the agency none
        ("KYIV, Ukraine (Harbor Wire) — Sirens sounded before dawn on Monday, and the trams stopped.",
         [("KYIV", "Kyiv", "UA"), ("Ukraine", "Ukraine", "UA")], []),
        # the country settles which town of the name it is, in the dateline as in the text
        ("CHALA, Peru - Aid trucks reached the coast for the first time on Wednesday.",
         [("CHALA", "Chala", "PE"), ("Peru", "Peru", "PE")], []),
        # a date after the town is no place
        ("LISBON, June 4 — Dockers walked out at noon over a pay offer they called too small.",
         [("LISBON", "Lisbon", "PT")], []),
        # a word the gazetteer does not know is no place
        ("ZORBLAX — The council voted on Tuesday to close the old library.", [], []),
    ],
)
def test_the_datelines_places_are_the_articles(nlp, content, dated, in_text):
    analysis = _resolved(nlp, content)
    line = analysis.article.dateline_text
    got = [p for p in analysis.places if p.in_dateline]
    assert [(p.text, p.name, p.country) for p in got] == dated
    assert all(line[p.span[0] : p.span[1]] == p.text for p in got)  # the span indexes the dateline's words
    assert [(p.text, p.country) for p in analysis.text_places] == in_text
    assert all(analysis.article.text[p.span[0] : p.span[1]] == p.text for p in analysis.text_places)
    assert list(analysis.places) == got + list(analysis.text_places)  # the dateline's first


def test_the_same_name_in_dateline_and_text_is_one_place(nlp):
    analysis = _resolved(nlp, "KYIV — Sirens sounded across Kyiv before dawn on Monday, and the trams stopped.")
    dated, said = analysis.places
    assert (dated.in_dateline, said.in_dateline) == (True, False)
    assert dated.geonameid == said.geonameid and dated.span == (0, 4) and said.span != dated.span


def test_through_the_pipeline_the_datelines_town_is_a_place_of_the_record_and_of_no_event(store, nlp):
    from newsdesk.pipeline import ingest
    from newsdesk.report.export import export_record, validate

    content = ("Dam talks resume\n\nGENEVA — Delegates of four river states met on Tuesday to share out"
               " the lake's water.\n\nThe talks go on until Friday.")
    report = ingest([Document(origin="t.txt", content=content)], store)
    assert report.failed == []
    with store.read() as tx:
        record = export_record(tx)
    validate(record)
    [article] = record["articles"]
    assert [(p["name"], p["span"], p["in_dateline"]) for p in article["places"]] == [("Geneva", [0, 6], True)]
    assert article["main_event"]["place"] == "Geneva" and article["main_event"]["place_span"] is None
    assert not any(e["place"] for e in article["events"])
    assert not [a for a in annotations(article) if a[2] == "place"]


# A hand-built article: the dateline's town at (0, 6) of its words, and the text's own
# place at the same offsets of the text.
_TEXT = "Ardove port reopened on Friday after the storm."
_AID = article_id(_TEXT)
_DATED = Place(_AID, (0, 6), "MIRSK", "Mirsk", 50.97, 15.38, "PL", 3091, in_dateline=True)
_SAID = Place(_AID, (0, 6), "Ardove", "Ardove", 51.0, 15.0, "PL", 7777)
_ARTICLE = Article(id=_AID, text=_TEXT, dateline="MIRSK", removed=(Removal("dateline", "MIRSK, Poland —"),))


def _analysis(*places: Place, events=()) -> Analysis:
    return Analysis(article=_ARTICLE, places=places, events=events)


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        ((_DATED,), None),  # no place of the text at offset 0
        ((_DATED, _SAID), _SAID),
    ],
)
def test_an_event_never_takes_the_datelines_place_by_offset(places, expected):
    assert _place_at(_analysis(*places), 2) == expected


@pytest.mark.parametrize(
    ("places", "highlighted"),
    [
        ((_DATED,), []),
        ((_DATED, _SAID), [(0, 6)]),
    ],
)
def test_the_datelines_place_is_not_highlighted_in_the_text(places, highlighted):
    record = article_dict(_analysis(*places), story_id=None, sources=[])
    assert [p["in_dateline"] for p in record["places"]] == [p.in_dateline for p in places]
    assert [(s, e) for s, e, layer, _ in annotations(record) if layer == "place"] == highlighted


@pytest.mark.parametrize(
    ("places", "name"),
    [
        ((_DATED,), "Mirsk"),  # named only in the dateline: resolved there
        ((_DATED, replace(_SAID, text="Mirsk", name="Mirsk", geonameid=3091)), "Mirsk"),
        ((), "Mirsk"),  # not resolved at all: by its name
    ],
)
def test_an_events_place_named_in_the_dateline_is_resolved_there(places, name):
    event = Event(_AID, (0, 20), "ASSAULT", place="Mirsk")
    found = event_site(_analysis(*places, events=(event,)), event)
    assert found.name == name
    assert found.key == ("id:3091" if places else "name:mirsk")


@pytest.mark.parametrize(
    ("copy_dateline", "kept"),
    [
        ("MIRSK, Poland —", [_DATED.span]),
        ("LUBAN, Poland —", []),  # another dateline: the original's dateline place is not the copy's
        (None, []),
    ],
)
def test_a_copy_keeps_the_datelines_place_only_with_the_same_dateline(copy_dateline, kept):
    removed = (Removal("dateline", copy_dateline),) if copy_dateline else ()
    text = _TEXT + " Ferries ran again."
    copy = Article(id=article_id(text), text=text, removed=removed)
    runs = [((0, len(_TEXT)), (0, len(_TEXT)))]
    moved = remap(_analysis(_DATED, _SAID), copy, runs)
    assert [p.span for p in moved.places if p.in_dateline] == kept
    assert [p.span for p in moved.text_places] == [_SAID.span]
    assert all(p.article_id == copy.id for p in moved.places)


def test_the_maps_list_names_a_dateline_town_as_the_text_does():
    from newsdesk.web.app import _places

    def place(text: str, dated: bool) -> dict:
        return {"text": text, "name": "Kyiv", "lat": 50.45, "lon": 30.52, "in_dateline": dated}

    [kyiv] = _places([{"places": [place("KYIV", True), place("Kyiv", False)]}, {"places": [place("Kiev", False)]}])
    assert (kyiv["mentions"], kyiv["aliases"]) == (3, ["Kyiv", "Kiev"])


@pytest.mark.parametrize(
    ("label", "countries"),
    [
        # a people's word at the dateline place's offsets in the text leaves out the text's
        # place there, not the dateline's
        ("NORP", {"PL": 2}),
        ("GPE", {"PL": 3}),
    ],
)
def test_a_datelines_place_counts_for_where_whatever_the_text_holds_at_its_offsets(store, label, countries):
    from newsdesk.corpus.stories import _countries
    from newsdesk.model import Mention

    mention = Mention(_AID, (0, 6), "Ardove", label, "gpe:ardove")
    port = replace(_SAID, span=(7, 11), text="port")
    with store.begin() as tx:
        tx.save_analysis(replace(_analysis(_DATED, _SAID, port), mentions=(mention,)), seq=1)
        assert _countries(tx, _AID) == countries


@pytest.mark.parametrize(
    ("places", "shown"),
    [
        ((_DATED, _SAID), "Dateline: MIRSK · Mirsk (50.97, 15.38)"),
        ((_SAID,), None),
    ],
)
def test_the_article_page_says_where_its_dateline_places_it(store, places, shown):
    import asyncio

    import httpx

    from newsdesk.web import create_app

    with store.begin() as tx:
        tx.save_analysis(_analysis(*places), seq=1)

    async def get():
        transport = httpx.ASGITransport(app=create_app(store=store))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(f"/articles/{_AID}")

    page = asyncio.run(get())
    assert page.status_code == 200
    assert (shown in page.text) if shown else ("Dateline:" not in page.text)
