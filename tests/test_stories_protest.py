"""Two multi-article stories through the real pipeline (spaCy; slow), written for this
test: a march in an invented protest in Nakuru whose organisers and police count the crowd
apart (tests/data/protest_story.jsonl), and an invented rebel attack on the village of
Ndjala in Chad (tests/data/hostage_story.jsonl), whose toll the army gives on Monday and a
rights group on Tuesday, with soldiers taken prisoner, bus passengers missing, the rebels'
denial and a hospital director named after her role. What an analyst reads in each dossier:
which counts disagree, which rows, events and speakers are one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.pipeline import ingest
from newsdesk.read import read_inputs
from newsdesk.report.export import export_record, listed_entities

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"


def _story(tmp_path_factory, name: str) -> dict:
    from newsdesk.store import open_store

    store = open_store(tmp_path_factory.mktemp(name) / "test.db")
    assert ingest(read_inputs([str(DATA / f"{name}.jsonl")]), store).ok
    with store.read() as tx:
        whole = export_record(tx)
    store.close()
    [record] = whole["stories"]
    return record


@pytest.fixture(scope="module")
def hostage(tmp_path_factory, nlp) -> dict:
    return _story(tmp_path_factory, "hostage_story")


@pytest.fixture(scope="module")
def protest(tmp_path_factory, nlp) -> dict:
    return _story(tmp_path_factory, "protest_story")


def _deciding(row: dict) -> list:
    return [(row["values"][i]["value"], row["values"][i]["reported_by"]) for i in row["because"] or ()]


def test_the_rights_groups_toll_a_day_after_the_armys_is_a_conflict(hostage):
    [killed] = [r for r in hostage["figures"] if r["quantity"] == "killed"]
    assert killed["status"] == "conflict"
    assert _deciding(killed) == [(14, "The army"), (31, "The Chadian League for Human Rights")]


def test_the_organisers_and_the_police_count_of_the_crowd_are_one_row_in_conflict(protest):
    [crowd] = [r for r in protest["figures"] if r["quantity"] == "protesters"]
    assert crowd["status"] == "conflict"
    assert _deciding(crowd) == [(120_000, "Organisers"), (18_000, "Police")]
    assert {v["value"] for v in crowd["values"]} >= {120_000, 18_000, 20_000, 100_000, 150_000}
    # "…, the police said, while the organisers of the march put the crowd at more than 100,000"
    assert [v["reported_by"] for v in crowd["values"] if v["value"] == 100_000] == ["the organisers of the march"]


def test_the_toll_in_the_attack_is_the_attack_the_report_told_before(hostage):
    """"14 people had been killed in the attack" is the rebels' attack on Ndjala on Sunday;
    the rights group's 31 killed "in the attack on the village of Ndjala" is the same row."""
    [toll] = [e for e in hostage["events"] if e["type"] == "ASSAULT" and e["killed"]]
    assert (toll["actor"], toll["place"], toll["when"], toll["num_articles"]) == (
        "Front for Change", "Ndjala", "2025-06-01", 2)


def test_captured_soldiers_are_no_troops_and_the_missing_are_one_row(hostage):
    rows = {(r["quantity"], r["subject"]): r for r in hostage["figures"]}
    assert not [q for q, _ in rows if q in ("troops", "count")]
    assert rows["captured", "soldiers"]["status"] == "agree"
    assert [v["value"] for v in rows["missing", None]["values"]] == [11, 11]
    assert 19 not in {v["value"] for r in rows.values() for v in r["values"]}  # "a student aged 19"


def test_the_attack_happens_in_the_village_and_the_rebels_denial_joins_its_row(hostage):
    attacks = [e for e in hostage["events"] if e["type"] == "ASSAULT" and e["actor"] == "Front for Change"]
    rows = [(e["recipient"], e["place"], e["disputed"], e["num_sources"]) for e in attacks]
    assert ("village of Ndjala", "Ndjala", True, 2) in rows
    assert not [e for e in hostage["events"] if e["type"] == "REJECT"]


def test_police_and_the_police_are_one_speaker_and_the_governor_is_kamau(protest):
    speakers = {s["speaker"]: s for s in protest["quotes"]}
    assert not [s for s in speakers if s.casefold() in ("the police", "the governor")]
    assert len(speakers["Police"]["quotes"]) >= 4
    assert len(speakers["Peter Kamau"]["quotes"]) == 4


def test_the_league_and_the_hospital_director_are_one_holder_each(hostage):
    speakers = [s["speaker"] for s in hostage["quotes"]]
    assert "The Chadian League for Human Rights" in speakers and "The league" not in speakers
    reporters = {v["reported_by"] for r in hostage["figures"] for v in r["values"]}
    assert "Mariam Eltayeb" in reporters and not [r for r in reporters if r and "director" in r]


def test_who_and_where_lists_kurdala_once(hostage):
    """The model types "Kurdala" a person before "hospital director"; the list shows the town."""
    names = [e["name"] for e in listed_entities(hostage["entities"])]
    assert names.count("Kurdala") == 1 and "Ndjala" in names
