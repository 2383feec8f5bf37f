"""PLOVER -> ACLED: the event type and sub-event type an export gives each event.

ACLED's types are those of its codebook (``acled_event_categories.csv`` in the shared
corpora: 6 event types, 25 sub-event types). PLOVER is wider (it codes talks, aid and
statements, which ACLED does not record), so events outside ACLED's scope map to None.

Choices, following ACLED's codebook definitions:
- ASSAULT by a weapon's mode: aerial and drone -> "Air/drone strike"; artillery, missiles
  -> "Shelling/artillery/missile attack"; bombs, mines -> "Remote explosive/landmine/IED";
  suicide attacks -> "Suicide bomb"; chemical or other unconventional arms -> "Chemical
  weapon"; abduction, sexual violence, beating, torture, assassination -> "Violence
  against civilians" (ACLED codes one-sided violence there); destruction of property ->
  "Looting/property destruction"; gunfire or no mode -> "Armed clash" (two armed sides).
- PROTEST: a riot or vandalism -> "Riots / Violent demonstration"; other modes -> a
  peaceful protest.
- COERCE: arrests -> "Arrests"; seizing territory or property -> "Non-state actor overtakes
  territory" is not decidable without the actor's type, so -> "Other"; the rest -> "Other".
- AGREE and RETREAT/ceasefire -> "Agreement"; MOBILIZE -> "Change to group/activity".
"""

from __future__ import annotations

from newsdesk.model import Event

AcledType = tuple[str, str]

_REMOTE = "Explosions/Remote violence"
_CIVILIANS = "Violence against civilians"
_STRATEGIC = "Strategic developments"

ASSAULT_BY_MODE: dict[str | None, AcledType] = {
    "aerial": (_REMOTE, "Air/drone strike"),
    "drone": (_REMOTE, "Air/drone strike"),
    "heavy-weapons": (_REMOTE, "Shelling/artillery/missile attack"),
    "explosives": (_REMOTE, "Remote explosive/landmine/IED"),
    "suicide-attack": (_REMOTE, "Suicide bomb"),
    "unconventional": (_REMOTE, "Chemical weapon"),
    "abduct": (_CIVILIANS, "Abduction/forced disappearance"),
    "sexual": (_CIVILIANS, "Sexual violence"),
    "beat": (_CIVILIANS, "Attack"),
    "torture": (_CIVILIANS, "Attack"),
    "targeted": (_CIVILIANS, "Attack"),
    "primitive": (_CIVILIANS, "Attack"),
    "crowd-control": ("Protests", "Excessive force against protesters"),
    "destroy": (_STRATEGIC, "Looting/property destruction"),
    "firearms": ("Battles", "Armed clash"),
    None: ("Battles", "Armed clash"),
}

OTHER_TYPES: dict[tuple[str, str | None], AcledType] = {
    ("PROTEST", "riot"): ("Riots", "Violent demonstration"),
    ("PROTEST", "vandalize"): ("Riots", "Violent demonstration"),
    ("COERCE", "arrest"): (_STRATEGIC, "Arrests"),
    ("RETREAT", "ceasefire"): (_STRATEGIC, "Agreement"),
}

BY_CATEGORY: dict[str, AcledType] = {
    "PROTEST": ("Protests", "Peaceful protest"),
    "COERCE": (_STRATEGIC, "Other"),
    "AGREE": (_STRATEGIC, "Agreement"),
    "MOBILIZE": (_STRATEGIC, "Change to group/activity"),
}


def to_acled(event: Event) -> AcledType | None:
    """(event type, sub-event type) in ACLED's codebook, or None outside its scope."""
    if event.type == "ASSAULT":
        return ASSAULT_BY_MODE.get(event.mode, ASSAULT_BY_MODE[None])
    return OTHER_TYPES.get((event.type, event.mode)) or BY_CATEGORY.get(event.type)
