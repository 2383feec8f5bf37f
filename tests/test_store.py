"""The store: migrations, round trips of the record, transactions; on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
import sqlalchemy as sa

from newsdesk.model import (
    Analysis,
    Article,
    DateRef,
    Document,
    Entity,
    Event,
    Figure,
    Flag,
    MainEvent,
    Mention,
    Place,
    Quote,
    Relation,
    Removal,
    Story,
    article_id,
)
from newsdesk.store import database_url, open_store
from newsdesk.store.migrations import MIGRATIONS, applied, migrate

TEXT = "Officials in Riverton said on Monday that 12 people were hurt when the bridge gave way."


def _analysis(text: str = TEXT) -> Analysis:
    aid = article_id(text)
    return Analysis(
        article=Article(
            id=aid,
            text=text,
            title="Bridge gives way",
            source="Example Post",
            published="2024-05-06",
            language="en",
            origin="a.txt",
            outline=("One", "Two"),
            removed=(Removal("comment_form", "Leave a Reply"),),
            flags=(Flag("repeated_sentence", "Officials", (0, 9)),),
        ),
        mentions=(Mention(aid, (13, 21), "Riverton", "GPE", "gpe:riverton"),),
        entities=(Entity("gpe:riverton", "Riverton", "GPE", aliases=("Riverton",), lat=1.5, lon=2.5),),
        places=(Place(aid, (13, 21), "Riverton", "Riverton", 1.5, 2.5, "US", 42),),
        dates=(DateRef(aid, (30, 36), "Monday", "2024-05-06"),),
        quotes=(Quote(aid, (37, 87), "that 12 people were hurt", "indirect", "Officials", None, (0, 9)),),
        figures=(Figure(aid, (42, 51), "injured", 12.0, subject="people", reported_by="Officials", as_of="Monday",
                        as_of_value="2024-05-06", qualifier="range", high=14.0, incident="bus crash"),),
        events=(Event(aid, (60, 87), "ASSAULT", actor=None, place="Riverton", injured=12),),
        notes=("a note",),
        # read from the headline ("Bridge gives way"): its span indexes the title
        main_event=MainEvent(aid, (7, 16), "gives way", actor="Bridge", place="Riverton", when="2024-05-06",
                             in_title=True, place_span=(13, 21), when_span=(30, 36)),
    )


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(tmp_path / "s.db")
        yield s
        s.close()
        return
    base = request.getfixturevalue("pg_url")
    # A fresh database per test, so tests never see each other's rows.
    name = f"nd_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(database_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    s = open_store(base.rsplit("/", 1)[0] + "/" + name)
    yield s
    s.close()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE "{name}"')
    admin.dispose()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("news.db", "sqlite:///news.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_database_url(given, expected):
    assert database_url(given) == expected


def test_default_database_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSDESK_DB", "elsewhere.db")
    assert database_url() == "sqlite:///elsewhere.db"
    monkeypatch.delenv("NEWSDESK_DB")
    assert database_url() == "sqlite:///newsdesk.db"


def test_migrations_run_once(any_store):
    with any_store.read() as tx:
        assert applied(tx.conn) == {name for name, _ in MIGRATIONS}
    assert migrate(any_store.engine) == []


def test_analysis_round_trips(any_store):
    analysis = _analysis()
    with any_store.begin() as tx:
        tx.save_analysis(analysis, seq=1)
    with any_store.read() as tx:
        assert tx.analysis(analysis.article.id) == analysis
        assert tx.existing_ids([analysis.article.id, "nope"]) == {analysis.article.id}


@pytest.mark.parametrize(
    "main",
    [
        None,
        # a PLOVER event in the text, claimed; its place from the dateline (no span), no time
        MainEvent("x", (60, 87), "12 people were hurt", type="ASSAULT", mode="heavy-weapons", recipient="people",
                  modality="claimed", claimed_by="Officials", place="Riverton"),
    ],
)
def test_a_main_event_round_trips(store, main):
    analysis = _analysis()
    if main is not None:
        main = replace(main, article_id=analysis.article.id)
    analysis = replace(analysis, main_event=main)
    with store.begin() as tx:
        tx.save_analysis(analysis, seq=1)
    with store.read() as tx:
        assert tx.analysis(analysis.article.id) == analysis
        assert tx.counts()["main_events"] == (main is not None)


def _dated(analysis: Analysis) -> Analysis:
    """``analysis`` with a dateline, whose town is a place at offsets that a place of the
    text also has: stored apart, read back in the places stage's order (the dateline's first)."""
    article = replace(analysis.article, dateline="RIVERTON", removed=(Removal("dateline", "RIVERTON, Ohio —"),))
    town = replace(analysis.places[0], span=(0, 8), text="RIVERTON", in_dateline=True)
    state = Place(article.id, (10, 14), "Ohio", "Ohio", 40.3, -82.8, "US", 5165418, in_dateline=True)
    said = replace(analysis.places[0], span=(0, 8), text="Official", name="Officialville")
    return replace(analysis, article=article, places=(town, state, said, analysis.places[0]))


def test_a_datelines_places_round_trip(any_store):
    analysis = _dated(_analysis())
    with any_store.begin() as tx:
        tx.save_analysis(analysis, seq=1)
    with any_store.read() as tx:
        assert tx.analysis(analysis.article.id) == analysis


def _reopened_before(path, analysis, migration: str, *undo: str):
    """A store holding ``analysis`` whose schema the ``undo`` statements took back to before
    ``migration``, opened again (which runs the migration)."""
    s = open_store(path)
    with s.begin() as tx:
        tx.save_analysis(analysis, seq=1)
        for statement in undo:
            tx.conn.execute(sa.text(statement))
        tx.conn.execute(sa.text(f"DELETE FROM schema_migrations WHERE name = '{migration}'"))
    s.close()
    return open_store(path)


def test_a_store_of_the_previous_schema_gains_main_events(tmp_path):
    """Migration 0006 on a database made before it: old articles have no main event, new ones keep theirs."""
    old = _analysis()
    s = _reopened_before(tmp_path / "old.db", replace(old, main_event=None), "0006_main_events",
                         "DROP TABLE main_events")
    try:
        with s.read() as tx:
            assert "0006_main_events" in applied(tx.conn)
            assert tx.analysis(old.article.id) == replace(old, main_event=None)
        new = _analysis(TEXT + " More later.")
        new = replace(new, main_event=replace(old.main_event, article_id=new.article.id))
        with s.begin() as tx:
            tx.save_analysis(new, seq=2)
        with s.read() as tx:
            assert tx.analysis(new.article.id).main_event == new.main_event
    finally:
        s.close()


@pytest.mark.parametrize(
    ("migration", "columns"),
    [("0007_figure_time_and_range", ("as_of_value", "high")), ("0008_figure_incident", ("incident",))],
)
def test_a_store_of_the_previous_schema_gains_figure_columns(tmp_path, migration, columns):
    """A figures migration on a database made before it: old figures have none of its
    values (as-of value and range end; incident); new ones keep theirs."""
    old = _analysis()
    undo = (f"ALTER TABLE figures DROP COLUMN {c}" for c in columns)
    s = _reopened_before(tmp_path / "old.db", old, migration, *undo)
    try:
        with s.read() as tx:
            assert migration in applied(tx.conn)
            [fig] = tx.analysis(old.article.id).figures
            assert fig == replace(old.figures[0], **dict.fromkeys(columns))
        new = _analysis(TEXT + " More later.")
        with s.begin() as tx:
            tx.save_analysis(new, seq=2)
        with s.read() as tx:
            assert tx.analysis(new.article.id).figures[0] == replace(old.figures[0], article_id=new.article.id)
    finally:
        s.close()


def test_a_failed_transaction_leaves_nothing(any_store):
    analysis = _analysis()
    with pytest.raises(RuntimeError), any_store.begin() as tx:
        tx.save_analysis(analysis, seq=1)
        raise RuntimeError("crash in the middle of a batch")
    with any_store.read() as tx:
        assert tx.counts()["articles"] == 0
        assert tx.counts()["mentions"] == 0


def test_sources_are_recorded_once(any_store):
    analysis = _analysis()
    doc = Document(origin="a.txt", content=TEXT, source="Example Post")
    with any_store.begin() as tx:
        tx.save_analysis(analysis, seq=1)
        assert tx.add_source(analysis.article.id, doc)
        assert not tx.add_source(analysis.article.id, doc)
        assert tx.add_source(analysis.article.id, Document(origin="b.html", content=TEXT, source="Other"))
    with any_store.read() as tx:
        assert [s["origin"] for s in tx.sources(analysis.article.id)] == ["a.txt", "b.html"]


def test_entities_gain_aliases_and_missing_details(any_store):
    with any_store.begin() as tx:
        tx.upsert_entity(Entity("gpe:x", "Stepanakert", "GPE", aliases=("Stepanakert",)))
        tx.upsert_entity(Entity("gpe:x", "Stepanakert", "GPE", aliases=("Khankendi",), lat=39.8, lon=46.75))
        tx.upsert_entity(Entity("gpe:x", "Stepanakert", "GPE", lat=1.0, lon=1.0))
    with any_store.read() as tx:
        entity = tx.entities(["gpe:x"])[0]
        assert entity.aliases == ("Khankendi", "Stepanakert")
        assert (entity.lat, entity.lon) == (39.8, 46.75)  # filled once, never overwritten


def test_stories_list_and_search(any_store):
    analysis = _analysis()
    aid = analysis.article.id
    with any_store.begin() as tx:
        tx.save_analysis(analysis, seq=1)
        tx.set_story(aid, "s1")
        tx.save_story(Story("s1", "Bridge", (aid,), "2024-05-06", "2024-05-06"), updated_seq=1, dossier={})
        tx.save_relation(Relation("near_copy", aid, aid, 0.9, (((0, 5), (0, 5)),)))
    with any_store.read() as tx:
        assert [r["id"] for r in tx.story_rows()] == ["s1"]
        assert tx.story_rows()[0]["n_articles"] == 1
        assert [r["id"] for r in tx.story_rows(search="bridge gave")] == ["s1"]
        assert tx.story_rows(search="volcano") == []
        assert tx.story_rows(since="2024-06-01") == []
        assert tx.story_row("s")["id"] == "s1"  # a unique prefix
        assert tx.relations([aid])[0].evidence == (((0, 5), (0, 5)),)


def test_search_treats_input_as_words_not_syntax(store):
    with store.read() as tx:
        assert tx.story_rows(search='" OR * NEAR(') == []


def test_open_store_without_create_never_makes_one(tmp_path):
    from newsdesk.errors import StoreMissing
    from newsdesk.store import open_store

    path = tmp_path / "typo.db"
    with pytest.raises(StoreMissing, match="no store at"):
        open_store(path, create=False)
    assert not path.exists()
    open_store(path).close()
    open_store(path, create=False).close()


def test_a_store_of_the_previous_schema_gains_figure_increments(tmp_path):
    """Migration 0010 on a database made before it: old figures are running totals; a new
    day's count keeps its mark."""
    old = replace(_analysis(), figures=(Figure("x", (0, 2), "infected", 3200.0),))
    old = replace(old, figures=tuple(replace(f, article_id=old.article.id) for f in old.figures))
    s = _reopened_before(tmp_path / "old.db", old, "0010_figure_increment",
                         "ALTER TABLE figures DROP COLUMN increment")
    try:
        with s.read() as tx:
            assert [f.increment for f in tx.analysis(old.article.id).figures] == [False]
        new = _analysis(TEXT + " More later.")
        day = Figure(new.article.id, (0, 2), "infected", 140.0, increment=True)
        with s.begin() as tx:
            tx.save_analysis(replace(new, figures=(day,)), seq=2)
        with s.read() as tx:
            assert tx.analysis(new.article.id).figures == (day,)
    finally:
        s.close()


def test_a_store_of_the_previous_schema_gains_place_precision(tmp_path):
    """Migration 0009 on a database made before it: old places are their named place's
    own point; a street placed at its town keeps its precision."""
    old = _analysis()
    s = _reopened_before(tmp_path / "old.db", old, "0009_place_precision", "ALTER TABLE places DROP COLUMN precision")
    try:
        with s.read() as tx:
            assert [p.precision for p in tx.analysis(old.article.id).places] == ["place"]
        new = _analysis(TEXT + " More later.")
        street = replace(new.places[0], article_id=new.article.id, precision="town")
        new = replace(new, places=(street,))
        with s.begin() as tx:
            tx.save_analysis(new, seq=2)
        with s.read() as tx:
            assert tx.analysis(new.article.id).places == (street,)
    finally:
        s.close()


def test_a_store_of_the_previous_schema_gains_dateline_places(tmp_path):
    """Migration 0011 on a database made before it: old places are all the text's; a new
    article's dateline places keep their mark."""
    old = _analysis()
    s = _reopened_before(tmp_path / "old.db", old, "0011_place_in_dateline",
                         "ALTER TABLE places DROP COLUMN in_dateline")
    try:
        with s.read() as tx:
            assert [p.in_dateline for p in tx.analysis(old.article.id).places] == [False]
        new = _dated(_analysis(TEXT + " More later."))
        new = replace(new, places=tuple(replace(p, article_id=new.article.id) for p in new.places))
        with s.begin() as tx:
            tx.save_analysis(new, seq=2)
        with s.read() as tx:
            assert tx.analysis(new.article.id).places == new.places
    finally:
        s.close()
