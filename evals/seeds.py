"""The seeds: every automatically checkable item of ``seeds/EXPECTED.md``.

The two seed articles are ingested into a temporary store with the real pipeline, the
record is exported, and each item below is checked against the export. Prints each item
with ✓ or ✗ and how many hold. ``A`` is ``000_*.txt``, ``B`` is ``001_*.txt``.
"""

from __future__ import annotations

import math
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

Check = Callable[[dict, dict, dict], bool]

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _norm(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).split()).casefold()


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl, dp = math.radians(lon2 - lon1), p2 - p1
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _mention_ids(article: dict, surface: str) -> set[str]:
    return {m["entity_id"] for m in article["mentions"] if _norm(surface) in _norm(m["text"])}


def _has_quote(article: dict, speaker: str, words: str) -> bool:
    return any(
        _norm(words) in _norm(q["text"]) and _norm(speaker) in _norm(q["speaker"]) for q in article["quotes"]
    )


def _place(article: dict, name: str) -> dict | None:
    for p in article["places"]:
        if _norm(name) in _norm(p["text"]) and p["lat"] is not None:
            return p
    return None


def _story_figure(record: dict, quantity: str, values: set[float]) -> dict | None:
    for story in record["stories"]:
        for f in story["figures"]:
            if f["quantity"] == quantity and values <= {v["value"] for v in f["values"]}:
                return f
    return None


def _figures(article: dict, quantity: str, value: float) -> list[dict]:
    return [f for f in article["figures"] if f["quantity"] == quantity and f["value"] == value]


def _relations_between(record: dict, a: dict, b: dict) -> set[str]:
    ids = {a["id"], b["id"]}
    return {r["kind"] for r in record["relations"] if {r["source"], r["copy"]} == ids}


def _timeline_order(record: dict) -> list[str]:
    story = record["stories"][0] if record["stories"] else {}
    return [t.get("article_id") for t in story.get("timeline", [])]


def _before(order: list[str], first: str, second: str) -> bool:
    return first in order and second in order and order.index(first) < order.index(second)


def _is_place(name: str) -> Check:
    return lambda r, a, b: bool(_place(a, name) or _place(b, name))


def _is_country(name: str) -> Check:
    def check(r, a, b):
        ms = [m for x in (a, b) for m in x["mentions"] if _norm(m["text"]) == _norm(name)]
        return bool(ms) and all(m.get("label") == "GPE" for m in ms)

    return check


def _is_person(name: str) -> Check:
    surname = _norm(name.split()[-1])
    return lambda r, a, b: any(
        e["type"] == "PERSON" and surname in _norm(e["name"]) for s in r["stories"] for e in s["entities"]
    )


PEOPLE = [
    "Nikol Pashinyan", "Ilham Aliyev", "Antony Blinken", "Antonio Guterres", "Toivo Klaar",
    "Laurence Broers", "Hikmet Hajiyev", "Siranush Sargsyan", "Gegham Stepanyan", "Aleksander Iskandaryan",
]
COUNTRIES = ["Azerbaijan", "Armenia", "Russia", "Turkey", "Ukraine", "United States"]
PLACES = ["Yevlakh", "Baku", "Yerevan", "Moscow", "Lachin Corridor", "Aghdam"]

# (section, item, check(record, A, B))
CHECKS: list[tuple[str, str, Check]] = [
    ("cleaning", "A's three outline headings are outline, not body text",
     lambda r, a, b: len(a["outline"]) == 3 and not any(h in a["text"] for h in a["outline"])),
    ("cleaning", "no entity spans a line break",
     lambda r, a, b: all("\n" not in m["text"] for x in (a, b) for m in x["mentions"])),
    ("cleaning", "A's repeated landmine sentence is flagged",
     lambda r, a, b: any(f["kind"] == "repeated_sentence" and "landmine" in f["text"] for f in a["flags"])),
    ("cleaning", "B's lower-case first line is its headline",
     lambda r, a, b: _norm(b["title"]).startswith("azerbaijan says military operation underway")),
    ("cleaning", "B's second paragraph is its standfirst",
     lambda r, a, b: "local anti-terrorist operations" in _norm(b.get("standfirst"))),
    ("cleaning", "B's comment form is removed and reported",
     lambda r, a, b: "leave a reply" not in _norm(b["text"])
     and any("leave a reply" in _norm(x["text"]) for x in b["removed"])),
    ("story", "A and B form one story", lambda r, a, b: a["story_id"] is not None and a["story_id"] == b["story_id"]),
    ("story", "A and B share a passage and are neither copy nor rewrite",
     lambda r, a, b: _relations_between(r, a, b) == {"shared_passage"}),
    ("story", "B comes before A in the story's timeline",
     lambda r, a, b: _before(_timeline_order(r), b["id"], a["id"])),
    ("entities", "Stepanakert and Khankendi are one place near 39.82 N, 46.75 E",
     lambda r, a, b: (s := _place(a, "Stepanakert")) is not None and (k := _place(a, "Khankendi")) is not None
     and (s["lat"], s["lon"]) == (k["lat"], k["lon"]) and _km(s["lat"], s["lon"], 39.82, 46.75) < 25),
    *[("entities", f"{p} is a place with coordinates", _is_place(p)) for p in PLACES],
    *[("entities", f"{c} is typed as a country (GPE) everywhere", _is_country(c)) for c in COUNTRIES],
    ("entities", "'Baku' acting or speaking stands for Azerbaijan",
     lambda r, a, b: bool(_mention_ids(a, "Baku") & _mention_ids(a, "Azerbaijan"))),
    ("entities", "Artsakh, the breakaway and the Nagorno-Karabakh authorities are one actor",
     lambda r, a, b: bool(_mention_ids(b, "Republic of Artsakh") & _mention_ids(b, "breakaway authorities")
                          & _mention_ids(a, "Nagorno-Karabakh authorities"))),
    ("entities", "'Mr. Stepanyan' and 'Gegham Stepanyan' are one person",
     lambda r, a, b: bool(_mention_ids(b, "Gegham Stepanyan")) and _mention_ids(b, "Stepanyan") == _mention_ids(
         b, "Gegham Stepanyan")),
    *[("entities", f"{p} is a person", _is_person(p)) for p in PEOPLE],
    ("figures", "killed: 2 (B) and 27 (A) are a progression",
     lambda r, a, b: (f := _story_figure(r, "killed", {2, 27})) is not None and f["status"] == "progression"),
    ("figures", "injured: 11 from B", lambda r, a, b: bool(_figures(b, "injured", 11))),
    ("figures", "six killed by landmines, counted once in A", lambda r, a, b: len(_figures(a, "killed", 6)) == 1),
    ("figures", "peacekeepers 2,000 vs 1,960 / about 2,000 agree",
     lambda r, a, b: (f := _story_figure(r, "peacekeepers", {2000, 1960})) is not None and f["status"] == "agree"),
    ("figures", "120,000 Armenians in the enclave (A)", lambda r, a, b: bool(_figures(a, "population", 120000))),
    ("figures", "60 km vs (100 km) flagged as inconsistent in A",
     lambda r, a, b: any(f["kind"] == "unit_inconsistency" for f in a["flags"])),
    ("figures", "175 Armenian personnel (A)", lambda r, a, b: any(f["value"] == 175 for f in a["figures"])),
    ("quotes", "Pashinyan — 'ethnic cleansing' (A)", lambda r, a, b: _has_quote(a, "Pashinyan", "ethnic cleansing")),
    ("quotes", "Pashinyan — 'Armenia does not participate…' (B)",
     lambda r, a, b: _has_quote(b, "Pashinyan", "Armenia does not participate in military operations")),
    ("quotes", "Pashinyan — 'we will not take any rash actions' (B, 'he added')",
     lambda r, a, b: _has_quote(b, "Pashinyan", "we will not take any rash actions")),
    ("quotes", "Stepanyan — 'two dead and 11 people injured' (B)",
     lambda r, a, b: _has_quote(b, "Stepanyan", "two dead and 11 people injured")),
    ("quotes", "Stepanyan — 'People are being brought…' (B)",
     lambda r, a, b: _has_quote(b, "Stepanyan", "People are being brought from various towns")),
    ("quotes", "Hajiyev — 'dissolve itself' (A)", lambda r, a, b: _has_quote(a, "Hajiyev", "dissolve itself")),
    ("quotes", "Hajiyev — 'Azerbaijan has always stated…' (A, 'he said')",
     lambda r, a, b: _has_quote(a, "Hajiyev", "Azerbaijan has always stated")),
    ("quotes", "Iskandaryan — 'Nothing like that happened…' (B)",
     lambda r, a, b: _has_quote(b, "Iskandaryan", "Nothing like that happened since the 2020 war")),
    ("quotes", "Iskandaryan — 'The question is whether…' (B)",
     lambda r, a, b: _has_quote(b, "Iskandaryan", "The question is whether Azerbaijan wants")),
    ("quotes", "Guterres — 'stricter observance…' (A)",
     lambda r, a, b: _has_quote(a, "Guterres", "stricter observance")),
    ("quotes", "Broers — 'apparently to retake…' (A)", lambda r, a, b: _has_quote(a, "Broers", "apparently to retake")),
    ("quotes", "the defence ministry — 'only legitimate military targets…' (A)",
     lambda r, a, b: _has_quote(a, "Ministry", "only legitimate military targets")),
    ("quotes", "Artsakh — 'At this moment the capital Stepanakert…' (B)",
     lambda r, a, b: _has_quote(b, "Artsakh", "At this moment the capital Stepanakert")),
    ("events", "Azerbaijan launches an assault (B)",
     lambda r, a, b: any(e["type"] == "ASSAULT" and "azerbaijan" in _norm(e["actor"]) for e in b["events"])),
    ("events", "landmine blasts kill six (A)",
     lambda r, a, b: any(e["killed"] == 6 for e in a["events"])),
    ("events", "protesters clash with police in Yerevan (A)",
     lambda r, a, b: any(e["type"] == "PROTEST" and "yerevan" in _norm(e["place"]) for e in a["events"])),
    ("events", "Azerbaijan has blocked the Lachin Corridor (A)",
     lambda r, a, b: any("azerbaijan" in _norm(e["actor"]) and "lachin" in _norm(e["recipient"]) + _norm(e["place"])
                         for e in a["events"])),
]


def analyse_seeds(seeds_dir: Path) -> tuple[dict, dict, dict]:
    from newsdesk.pipeline import ingest
    from newsdesk.read import read_inputs
    from newsdesk.report.export import export_record
    from newsdesk.store import open_store

    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "seeds.db")
        report = ingest(read_inputs(paths), store)
        if report.failed:
            raise RuntimeError(f"seeds failed to ingest: {report.failed}")
        with store.read() as tx:
            record = export_record(tx)
        store.close()
    by_name = {re.sub(r"_.*", "", Path(x["sources"][0]["origin"]).name): x for x in record["articles"]}
    return record, by_name["000"], by_name["001"]


def run(corpora: Path) -> dict[str, float]:
    seeds_dir = corpora.parent / "seeds"
    record, a, b = analyse_seeds(seeds_dir)
    held = 0
    section = None
    for sec, item, check in CHECKS:
        if sec != section:
            print(f"\n[{sec}]")
            section = sec
        try:
            ok = bool(check(record, a, b))
        except (KeyError, TypeError, IndexError):
            ok = False
        held += ok
        print(f"  {'✓' if ok else '✗'} {item}")
    share = held / len(CHECKS)
    print(f"\n{held} of {len(CHECKS)} items hold ({share:.0%}); goal: all")
    return {"held": float(held), "share": share}
