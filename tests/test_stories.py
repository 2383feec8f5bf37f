"""Stories: online assignment, hard negatives, copies, merge/split and arrival order.

The articles are written here, with their entity mentions built by hand (no spaCy), so
the tests are about the grouping, not the tagger: each set has a known partition.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.corpus import refresh, stories
from newsdesk.model import Analysis, Article, DateRef, Event, MainEvent, Mention, Place, Relation, article_id
from newsdesk.pipeline import Batch
from newsdesk.report.export import export_article
from newsdesk.store import schema

# The country a gazetteer gives each town and region of the sets below (rivers, which
# cross borders, are left unresolved).
COUNTRIES = {"Azerbaijan": "AZ", "Armenia": "AM", "Nagorno-Karabakh": "AZ", "Stepanakert": "AZ", "Poland": "PL",
             "Nysa": "PL", "Klodzko": "PL", "Wroclaw": "PL", "Czech Republic": "CZ", "Ostrava": "CZ", "Opava": "CZ",
             "Krnov": "CZ", "Milan": "IT"}  # fmt: skip


def make(title: str, text: str, published: str | None, source: str, ents: dict[str, str], dates=()) -> Analysis:
    """An analysis whose mentions are every occurrence of the given names (name -> label),
    and whose places are those of them with a country in COUNTRIES."""
    body = f"{title}\n\n{text}"
    aid = article_id(body)
    mentions, places = [], []
    for name, label in ents.items():
        start = body.find(name)
        while start >= 0:
            key = f"{label.lower()}:{name.casefold().replace(' ', '-')}"
            mentions.append(Mention(aid, (start, start + len(name)), name, label, key))
            if name in COUNTRIES:
                places.append(Place(aid, (start, start + len(name)), name, name, country=COUNTRIES[name]))
            start = body.find(name, start + 1)
    refs = tuple(DateRef(aid, (body.find(d), body.find(d) + len(d)), d, v) for d, v in dates)
    article = Article(id=aid, text=body, title=title, published=published, source=source)
    return Analysis(article=article, mentions=tuple(mentions), places=tuple(places), dates=refs)


KARABAKH = {"Azerbaijan": "GPE", "Armenia": "GPE", "Nagorno-Karabakh": "GPE", "Stepanakert": "GPE",
            "Nikol Pashinyan": "PERSON", "Ilham Aliyev": "PERSON"}  # fmt: skip
WAR_2020 = [
    make(
        "Fighting erupts between Armenia and Azerbaijan over Nagorno-Karabakh",
        "Heavy fighting broke out on Sunday along the line of contact in Nagorno-Karabakh. Armenia declared "
        "martial law and a general mobilisation, and Nikol Pashinyan said the country was ready to defend its "
        "land. Ilham Aliyev said Azerbaijan would restore its territorial integrity. Stepanakert came under "
        "shelling and tanks and helicopters were reported destroyed in the clashes.",
        "2020-09-27T10:00",
        "Wire One",
        KARABAKH,
    ),
    make(
        "Armenia and Azerbaijan trade accusations as clashes spread in Nagorno-Karabakh",
        "Clashes spread for a second day in Nagorno-Karabakh. Armenia said its general mobilisation was under "
        "way and martial law remained in force; Nikol Pashinyan accused Azerbaijan of starting the war. "
        "Ilham Aliyev said the offensive had taken several villages. Shelling hit Stepanakert overnight, and "
        "both sides said tanks and helicopters had been lost in the fighting.",
        "2020-09-28T08:30",
        "Daily Two",
        KARABAKH,
    ),
]
OFFENSIVE_2023 = [
    make(
        "Azerbaijan launches anti-terrorist operation in Nagorno-Karabakh",
        "Azerbaijan said on Tuesday it had begun an anti-terrorist operation in Nagorno-Karabakh and demanded "
        "that Armenian forces disarm and surrender. Russian peacekeepers reported artillery fire near "
        "Stepanakert. Nikol Pashinyan said Armenia had no army in the enclave; Ilham Aliyev's office said the "
        "operation would stop only once the separatist government dissolved itself. Residents fled to "
        "basements as the peacekeepers' base filled with civilians.",
        "2023-09-19T14:00",
        "Wire One",
        KARABAKH,
    ),
    make(
        "Separatists accept ceasefire as Azerbaijan's operation in Nagorno-Karabakh ends",
        "A day after Azerbaijan began its anti-terrorist operation, the separatist government of "
        "Nagorno-Karabakh agreed to disarm under a ceasefire brokered by Russian peacekeepers. Nikol Pashinyan "
        "said Armenia had not taken part in drafting the terms. Ilham Aliyev said sovereignty had been "
        "restored. Civilians sheltering at the peacekeepers' base near Stepanakert asked to surrender safe "
        "passage to Armenia.",
        "2023-09-20T16:00",
        "Daily Two",
        KARABAKH,
    ),
]

STORM = {"Storm Boris": "EVENT", "Oder": "LOC"}
POLAND = {**STORM, "Poland": "GPE", "Nysa": "GPE", "Klodzko": "GPE", "Donald Tusk": "PERSON", "Wroclaw": "GPE"}
CZECHIA = {**STORM, "Czech Republic": "GPE", "Ostrava": "GPE", "Opava": "GPE", "Petr Fiala": "PERSON",
           "Krnov": "GPE"}  # fmt: skip
FLOODS_POLAND = [
    make(
        "Storm Boris: Poland declares disaster as Nysa dam fears grow",
        "Donald Tusk declared a state of natural disaster in southern Poland on Monday after Storm Boris "
        "swelled rivers. In Nysa the mayor urged residents to leave as water poured over an embankment, and "
        "Klodzko was cut off. Wroclaw prepared sandbags along the Oder as the flood wave moved north.",
        "2024-09-16T09:00",
        "Wire One",
        POLAND,
    ),
    make(
        "Nysa evacuated and Klodzko under water as Storm Boris hits Poland",
        "Soldiers helped evacuate Nysa overnight and Klodzko remained under water, Polish officials said. "
        "Donald Tusk chaired a crisis meeting in Wroclaw, where the Oder was expected to peak later in the "
        "week. Storm Boris has left several people dead in Poland.",
        "2024-09-16T18:00",
        "Daily Two",
        POLAND,
    ),
]
FLOODS_CZECHIA = [
    make(
        "Storm Boris: Ostrava and Opava flooded in the Czech Republic",
        "Floodwater from Storm Boris swept through Opava and parts of Ostrava on Sunday. Petr Fiala said the "
        "army would help in Krnov, where most of the town was under water. The Czech Republic's north-east "
        "recorded its heaviest rain in decades and the Oder burst its banks near Ostrava.",
        "2024-09-15T20:00",
        "Wire One",
        CZECHIA,
    ),
    make(
        "Krnov under water, Opava evacuated as Czech Republic counts Storm Boris damage",
        "Petr Fiala visited Krnov and Opava on Monday, where residents returned to flooded homes. Ostrava's "
        "chemical plant was shut after the Oder overflowed. The Czech Republic said Storm Boris had caused "
        "damage worth billions of crowns.",
        "2024-09-16T12:00",
        "Daily Two",
        CZECHIA,
    ),
]

ALL_SETS = {"2020": WAR_2020, "2023": OFFENSIVE_2023, "poland": FLOODS_POLAND, "czechia": FLOODS_CZECHIA}


def ingest(store, analyses, *, batch_size: int = 1) -> dict[str, str]:
    """Store the analyses in this order, running the stories stages per batch."""
    for start in range(0, len(analyses), batch_size):
        chunk = analyses[start : start + batch_size]
        with store.begin() as tx:
            seq = tx.next_seq()
            for offset, analysis in enumerate(chunk):
                tx.save_analysis(analysis, seq=seq + offset)
            batch = Batch(new_ids=tuple(a.article.id for a in chunk))
            refresh.refresh(tx, stories.assign(tx, batch))
    with store.read() as tx:
        return {a.article.id: tx.story_of(a.article.id) for a in analyses}


def partition(assigned: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for aid, story in assigned.items():
        groups.setdefault(story, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


def expected(*sets) -> set[frozenset[str]]:
    return {frozenset(a.article.id for a in s) for s in sets}


@pytest.mark.parametrize(
    "sets",
    [
        pytest.param(("2020", "2023"), id="same place and actors, 2020 war vs 2023 offensive"),
        pytest.param(("poland", "czechia"), id="one storm's floods in two countries"),
        pytest.param(("2020", "2023", "poland", "czechia"), id="all four events"),
    ],
)
def test_hard_negatives_are_separate_stories(store, sets):
    groups = [ALL_SETS[name] for name in sets]
    analyses = [a for pair in zip(*groups, strict=True) for a in pair]  # interleaved arrival
    assert partition(ingest(store, analyses)) == expected(*groups)


@pytest.mark.parametrize("seed", range(4))
def test_arrival_order_does_not_change_the_stories(tmp_path, seed):
    from newsdesk.store import open_store

    analyses = [a for s in ALL_SETS.values() for a in s]
    random.Random(seed).shuffle(analyses)
    store = open_store(tmp_path / "order.db")
    try:
        got = partition(ingest(store, analyses, batch_size=3))
    finally:
        store.close()
    assert got == expected(*ALL_SETS.values())


def test_a_rewrite_joins_its_originals_story_whatever_its_words(store):
    ingest(store, WAR_2020)
    rewrite = make("Something else entirely", "Spring fashion week opened in Milan.", None, "Blog", {})
    with store.begin() as tx:
        tx.save_analysis(rewrite, seq=tx.next_seq())
        tx.save_relation(Relation("rewrite", WAR_2020[0].article.id, rewrite.article.id, 0.9))
        stories.assign(tx, Batch(new_ids=(rewrite.article.id,)))
        assert tx.story_of(rewrite.article.id) == tx.story_of(WAR_2020[0].article.id)


def test_an_unrelated_article_starts_its_own_story(store):
    other = make("Spring fashion week opens in Milan", "Designers showed linen suits in Milan.", None, "Mag", {})
    assigned = ingest(store, [*FLOODS_POLAND, other])
    assert assigned[other.article.id] not in {assigned[a.article.id] for a in FLOODS_POLAND}


def test_merge_pass_joins_stories_that_arrival_split(store):
    ingest(store, FLOODS_CZECHIA)
    a, b = (x.article.id for x in FLOODS_CZECHIA)
    with store.begin() as tx:
        tx.set_story(b, "split-by-hand")
        touched = stories.regroup(tx, {"split-by-hand"})
        assert tx.story_of(a) == tx.story_of(b)
        assert "split-by-hand" in touched


def test_merge_pass_keeps_apart_the_same_words_a_month_apart(store):
    """A month later the same words report another event, even when grouped together."""
    first, later = FLOODS_CZECHIA
    late = make(
        later.article.title + " a month on",
        later.article.text + " A month on, the clean-up goes on.",
        "2024-10-16T12:00",
        "Daily Two",
        CZECHIA,
    )
    ingest(store, [first, later, late])
    with store.begin() as tx:
        assert tx.story_of(late.article.id) != tx.story_of(first.article.id)
        tx.set_story(late.article.id, tx.story_of(first.article.id))
        stories.regroup(tx, {tx.story_of(first.article.id)})
        assert tx.story_of(late.article.id) != tx.story_of(first.article.id)
        assert tx.story_of(later.article.id) == tx.story_of(first.article.id)


@pytest.mark.parametrize("start", ["all in one story", "each in its own story", "pairs across events"])
def test_merge_split_pass_ends_in_the_same_stories_wherever_it_starts(store, start):
    analyses = [a for s in ALL_SETS.values() for a in s]
    ingest(store, analyses, batch_size=len(analyses))
    ids = [a.article.id for a in analyses]
    with store.begin() as tx:
        for n, aid in enumerate(ids):
            story = {"all in one story": "one", "each in its own story": f"own{n}"}.get(start, f"pair{n % 4}")
            tx.set_story(aid, story)
        stories.regroup(tx, {tx.story_of(aid) for aid in ids})
        got = partition({aid: tx.story_of(aid) for aid in ids})
    assert got == expected(*ALL_SETS.values())


def test_split_pass_moves_an_article_out_of_the_wrong_story(store):
    ingest(store, [*WAR_2020, *FLOODS_POLAND])
    stray = FLOODS_POLAND[0].article.id
    war = WAR_2020[0].article.id
    with store.begin() as tx:
        story = tx.story_of(war)
        tx.set_story(stray, story)
        stories.regroup(tx, {story})
        assert tx.story_of(stray) != story
        assert tx.story_of(stray) == tx.story_of(FLOODS_POLAND[1].article.id)


def test_refresh_sets_title_times_sources_and_key_entities(store):
    assigned = ingest(store, OFFENSIVE_2023)
    (story,) = set(assigned.values())
    with store.read() as tx:
        row = tx.story_row(story)
        meta = tx.conn.execute(sa.select(schema.story_meta).where(schema.story_meta.c.story_id == story)).one()
    assert row["title"] in {a.article.title for a in OFFENSIVE_2023}
    assert (row["first_seen"], row["last_seen"]) == ("2023-09-19", "2023-09-20")
    assert meta.sources == ["Daily Two", "Wire One"]
    assert meta.n_articles == 2
    names = [e["id"] for e in meta.key_entities]
    assert "gpe:nagorno-karabakh" in names and all(e["articles"] == 2 for e in meta.key_entities[:3])


def test_a_page_without_a_headline_is_titled_by_its_outlines_first_heading(store):
    untitled = OFFENSIVE_2023[0]
    outline = ("Azerbaijan's operation in Nagorno-Karabakh", "Reactions abroad")
    article = replace(untitled.article, title=None, outline=outline)
    assert article.heading == outline[0] and replace(article, outline=()).heading is None
    (story,) = set(ingest(store, [replace(untitled, article=article)]).values())
    with store.read() as tx:
        assert tx.story_row(story)["title"] == outline[0]
        exported = export_article(tx, article.id)
    assert (exported["title"], exported["heading"]) == (None, outline[0])


def test_candidates_come_from_the_index_not_every_story(store):
    ingest(store, [a for s in ALL_SETS.values() for a in s])
    with store.read() as tx:
        vector = stories.article_vectors(tx, [FLOODS_POLAND[0].article.id])[FLOODS_POLAND[0].article.id]
        found = stories.candidates(tx, {"t:nysa": vector["t:nysa"]}, stories.idf(tx, ["t:nysa"]))
        assert found == [tx.story_of(FLOODS_POLAND[0].article.id)]


def test_idf_is_kept_up_to_date_in_the_store(store):
    ingest(store, WAR_2020[:1])
    with store.read() as tx:
        before = stories.idf(tx, ["t:nagorno-karabakh", "t:storm"])
    ingest(store, WAR_2020[1:])
    with store.read() as tx:
        after = stories.idf(tx, ["t:nagorno-karabakh", "t:storm"])
    assert after["t:nagorno-karabakh"] < after["t:storm"]
    assert after["t:storm"] > before["t:storm"]


def test_an_undated_article_takes_its_time_from_the_dates_in_its_text(store):
    undated = make("Talks", "Negotiators met on 3 March 2022.", None, "X", {}, dates=[("3 March 2022", "2022-03-03")])
    ingest(store, [undated])
    with store.read() as tx:
        features = stories.article_vectors(tx, [undated.article.id])[undated.article.id]
    assert "d:2022-03-03T00:00" in features


@pytest.mark.parametrize(
    ("published", "dates", "time"),
    [
        pytest.param("2016-02-08", ["2016-11-08", "2016-11-08"], "2016-11-08", id="all its dates months later"),
        pytest.param("2016-11-01", ["2016-11-08", "2016-11-08"], "2016-11-01", id="a week ahead (a preview)"),
        pytest.param("2016-02-08", ["2016-11-08"], "2016-02-08", id="one date is too little to overrule it"),
        pytest.param("2016-02-08", ["2015-10-01", "2016-11-08"], "2016-02-08", id="a date before it: published"),
    ],
)
def test_a_published_date_the_text_contradicts_gives_way_to_the_texts_dates(store, published, dates, time):
    text = "Fans were angry. " + " ".join(f"On day {n} they wrote again." for n in range(len(dates)))
    refs = [(f"day {n}", value) for n, value in enumerate(dates)]
    article = make("Chocolate bar changes shape", text, published, "X", {}, dates=refs)
    ingest(store, [article])
    with store.read() as tx:
        features = stories.article_vectors(tx, [article.article.id])[article.article.id]
    assert [k[2:12] for k in features if k.startswith("d:")] == [time]


def _countries_of(store, analysis) -> set[str]:
    ingest(store, [analysis])
    with store.read() as tx:
        features = stories.article_vectors(tx, [analysis.article.id])[analysis.article.id]
    return {k[2:] for k in features if k.startswith("c:")}


def test_where_is_said_by_toponyms_named_twice_not_by_nationalities_or_a_passing_mention(store, monkeypatch):
    monkeypatch.setitem(COUNTRIES, "Czech", "CZ")
    report = make(
        "Nysa evacuated",
        "Nysa was evacuated overnight. Czech rescuers came to help, and Czech pumps arrived, said a "
        "volunteer from Milan. The water in Nysa rose again.",
        "2024-09-16T18:00",
        "Daily Two",
        {"Nysa": "GPE", "Czech": "NORP", "Milan": "GPE"},
    )
    assert _countries_of(store, report) == {"PL"}


@pytest.mark.parametrize(
    ("entity", "key"),
    [
        ("person:max-verstappen", "person:verstappen"),
        ("person:verstappen", "person:verstappen"),
        ("person:hillary-clinton-s", "person:clinton"),
        ("person:s", "person:s"),
        ("org:red-bull", "org:red-bull"),
        ("gpe:nagorno-karabakh", "gpe:nagorno-karabakh"),
    ],
)
def test_people_are_matched_by_surname(entity, key):
    assert stories.story_key(entity) == key


def test_a_split_name_still_matches_the_full_name_across_articles(store):
    full, split = (
        make(title, text, "2024-09-16T12:00", source, ents)
        for title, text, source, ents in (
            ("Krnov flooded", "Petr Fiala visited Krnov.", "Wire One", {"Petr Fiala": "PERSON", "Krnov": "GPE"}),
            ("Fiala in Krnov", "Fiala visited flooded Krnov.", "Daily Two", {"Fiala": "PERSON", "Krnov": "GPE"}),
        )
    )
    ingest(store, [full, split])
    with store.read() as tx:
        vectors = stories.article_vectors(tx, [full.article.id, split.article.id])
    names = [{k for k in vectors[a.article.id] if k.startswith("e:")} for a in (full, split)]
    assert names[0] == names[1] == {"e:person:fiala", "e:gpe:krnov"}


@pytest.mark.parametrize(
    ("gap_days", "low", "high"),
    [(0, 1.0, 1.0), (1, 0.98, 1.0), (7, 0.55, 0.65), (30, 0.0, 0.01), (365 * 3, 0.0, 1e-9)],
)
def test_time_decay(gap_days, low, high):
    t0 = datetime(2023, 9, 19, tzinfo=UTC).timestamp() / 86400
    x = {f"d:{datetime.fromtimestamp(t0 * 86400, UTC).isoformat()[:16]}": 1.0}
    y = {f"d:{datetime.fromtimestamp((t0 + gap_days) * 86400, UTC).isoformat()[:16]}": 1.0}
    assert low <= stories.time_decay(x, y) <= high


def test_different_main_event_types_lower_the_score(monkeypatch):
    monkeypatch.setattr(stories, "EVENT_MISMATCH", 0.5)
    x = {"t:flood": 1.0, "v:DISASTER": 1.0}
    same, other = {"t:flood": 1.0, "v:DISASTER": 1.0}, {"t:flood": 1.0, "v:PROTEST": 1.0}
    assert stories.score(x, same, {}) == 1.0
    assert stories.score(x, other, {}) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("main_type", "expected"),
    [
        ("PROTEST", "v:PROTEST"),  # the main event's type, not the first asserted event's
        (None, "v:ASSAULT"),  # a main event of no PLOVER type: the first asserted event's
    ],
)
def test_the_main_event_type_feature(store, main_type, expected):
    text = "Police fired on the crowd. Thousands marched to the square in protest."
    aid = article_id(text)
    start = text.index("marched")
    analysis = Analysis(
        article=Article(id=aid, text=text),
        events=(Event(aid, (7, 12), "ASSAULT", actor="Police"), Event(aid, (start, start + 7), "PROTEST")),
        main_event=MainEvent(aid, (start, start + 7), "marched", type=main_type, actor="Thousands"),
    )
    with store.begin() as tx:
        tx.save_analysis(analysis, seq=1)
        _, _, other = stories.raw_features(tx, aid)
    assert [k for k in other if k.startswith("v:")] == [expected]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Azerbaijan's army and the peacekeepers", {"azerbaijan", "army", "peacekeepers"}),
        ("It was 27 of them, in 2023.", set()),
        ("Nagorno-Karabakh’s capital", {"nagorno-karabakh", "capital"}),
    ],
)
def test_content_words(text, words):
    assert set(stories.content_words(text)) == words


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)))
def test_parse_time_reads_what_isoformat_writes(when):
    assert stories.parse_time(when.isoformat(sep=" ")).replace(tzinfo=None) == when.replace(second=0, microsecond=0)


@given(st.text(max_size=30))
def test_parse_time_never_raises(value):
    assert stories.parse_time(value) is None or stories.parse_time(value).tzinfo is not None


def test_a_pass_too_big_for_one_matrix_reclusters_story_by_story(store, monkeypatch):
    monkeypatch.setattr(stories, "REGROUP_MAX", 3)
    analyses = [a for s in ALL_SETS.values() for a in s]
    ingest(store, analyses, batch_size=len(analyses))
    ids = [a.article.id for a in analyses]
    with store.begin() as tx:
        for n, aid in enumerate(ids):
            tx.set_story(aid, f"own{n}")
        stories.regroup(tx, {tx.story_of(aid) for aid in ids})
        got = partition({aid: tx.story_of(aid) for aid in ids})
    assert got == expected(*ALL_SETS.values())


def test_a_headline_keeps_an_article_whose_body_a_gallery_dilutes_in_its_story(store):
    """The body is photo captions of other news (no names tagged); the headline says which
    event it reports, and its words weigh as the body's key words do (TITLE_WEIGHT: at 2
    the article scored 0.18 against the Polish story and stayed alone). The Czech floods
    of the same storm stay apart."""
    gallery = " ".join(
        f"{n}/6 {caption}"
        for n, caption in enumerate(
            [
                "Lanterns light a botanic garden's winter trail",
                "A tennis champion lifts a trophy in an arena",
                "Veterans parade at a remembrance ceremony",
                "A museum of design opens its doors",
                "Carriages roll through the city in a pageant",
                "Fashion models walk a runway in linen suits",
            ],
            start=1,
        )
    )
    diluted = make(
        "Nysa evacuated as Storm Boris floods Poland",
        f"News in pictures: {gallery}",
        "2024-09-16T20:00",
        "Picture Desk",
        {},
    )
    assigned = ingest(store, [*FLOODS_POLAND, *FLOODS_CZECHIA, diluted])
    assert assigned[diluted.article.id] == assigned[FLOODS_POLAND[0].article.id]
    assert assigned[diluted.article.id] != assigned[FLOODS_CZECHIA[0].article.id]
