"""Who and where: a name a story holds as a place and as an organisation is listed once."""

from __future__ import annotations

from newsdesk.report.export import listed_entities


def _e(name, type_, mentions, id_=None):
    return {"id": id_ or f"{type_.lower()}:{name.lower()}", "name": name, "type": type_, "aliases": [name],
            "mentions": mentions}


def test_a_place_typed_gpe_and_org_is_listed_once_as_the_place():
    """Derna as a city (GPE) and as "Derna's" council (ORG); Libya; an organisation named
    otherwise stays."""
    entities = [_e("Derna", "GPE", 7), _e("Libya", "GPE", 3), _e("derna", "ORG", 2), _e("Red Crescent", "ORG", 2)]
    listed = listed_entities(entities)
    assert [(e["name"], e["type"], e["mentions"]) for e in listed] == [
        ("Derna", "GPE", 9), ("Libya", "GPE", 3), ("Red Crescent", "ORG", 2)]
    assert [e["type"] for e in entities] == ["GPE", "GPE", "ORG", "ORG"]  # the record is left as it was


def test_a_person_or_org_of_no_places_name_stays():
    entities = [_e("Mariam Eltayeb", "PERSON", 2), _e("Kurdala", "PERSON", 1), _e("Kurdala", "GPE", 3)]
    assert [(e["name"], e["type"]) for e in listed_entities(entities)] == [("Mariam Eltayeb", "PERSON"),
                                                                            ("Kurdala", "GPE")]
