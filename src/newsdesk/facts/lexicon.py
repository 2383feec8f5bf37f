"""The event lexicon: English verb and noun lemmas mapped to PLOVER categories and modes.

Where the choices come from:

- Categories and modes are those of the PLOVER manual (draft 2.0; 16 categories, each with
  its modes; ``plover_manual_categories_modes.json`` in the shared corpora).
- Which verbs belong to which category follows the CAMEO -> PLOVER conversion table
  (``plover_CAMEO2PLOVER-2021.txt``): each CAMEO verb class (e.g. 0871 "Declare truce,
  ceasefire" -> RETREAT/ceasefire, 173 "Arrest, detain" -> COERCE/arrest, 1123 "Accuse of
  aggression" -> ACCUSE/allege) is written here as the ordinary English verbs and nouns
  that express it, the way CAMEO's own verb dictionaries do.
- Weapon words that set an ASSAULT mode follow the PLOVER manual's mode definitions
  (aerial, drone, heavy-weapons = artillery/tanks/missiles, explosives, firearms, ...).

Entries are lemmas (spaCy's ``token.lemma_``, lower case). A value is ``(category, mode)``;
mode ``None`` means the word says the category but not how.
"""

from __future__ import annotations

Entry = tuple[str, str | None]

# The PLOVER manual's 16 categories and the modes each allows (draft 2.0).
PLOVER: dict[str, frozenset[str]] = {
    "AGREE": frozenset(), "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(), "CONCEDE": frozenset(), "COOPERATE": frozenset(), "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
                         "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                          "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                          "crowd-control", "unconventional"}),
}

# -- verbs that are themselves the event ------------------------------------------------
# Grouped by PLOVER category; the CAMEO class each group stands for is in the comment.
VERBS: dict[str, Entry] = {
    # AGREE (CAMEO 03, "express intent to cooperate")
    "agree": ("AGREE", None), "pledge": ("AGREE", None), "promise": ("AGREE", None),
    "vow": ("AGREE", None), "offer": ("AGREE", None), "swear": ("AGREE", None),
    "accept": ("AGREE", None), "ratify": ("AGREE", None),
    # CONSULT (CAMEO 04: discuss, visit, host, meet, mediate, negotiate)
    "meet": ("CONSULT", None), "visit": ("CONSULT", "visit"), "host": ("CONSULT", "visit"),
    "negotiate": ("CONSULT", None), "mediate": ("CONSULT", "third-party"),
    "discuss": ("CONSULT", None), "consult": ("CONSULT", None), "confer": ("CONSULT", None),
    "phone": ("CONSULT", "phone"), "telephone": ("CONSULT", "phone"),
    # SUPPORT (CAMEO 05: praise, endorse, defend verbally, recognise, apologise, forgive)
    "praise": ("SUPPORT", None), "endorse": ("SUPPORT", None), "welcome": ("SUPPORT", None),
    "commend": ("SUPPORT", None), "back": ("SUPPORT", None), "support": ("SUPPORT", None),
    "recognize": ("SUPPORT", None), "recognise": ("SUPPORT", None), "apologize": ("SUPPORT", None),
    "apologise": ("SUPPORT", None), "forgive": ("SUPPORT", None), "hail": ("SUPPORT", None),
    "congratulate": ("SUPPORT", None), "defend": ("SUPPORT", None),
    "sign": ("SUPPORT", None),  # CAMEO 057 "sign formal agreement" -> SUPPORT in the conversion table
    # COOPERATE (CAMEO 06: material cooperation, sharing intelligence)
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None),
    # AID (CAMEO 07: provide economic, military, humanitarian aid; grant asylum)
    "give": ("AID", None), "provide": ("AID", None), "donate": ("AID", None),
    "send": ("AID", None), "supply": ("AID", None), "grant": ("AID", None),
    "lend": ("AID", None), "deliver": ("AID", None), "contribute": ("AID", None),
    # CONCEDE (CAMEO 080-083: yield, ease restrictions, accede to demands)
    "concede": ("CONCEDE", None), "yield": ("CONCEDE", None), "relent": ("CONCEDE", None),
    "accede": ("CONCEDE", None), "lift": ("CONCEDE", None), "ease": ("CONCEDE", None),
    "relax": ("CONCEDE", None), "reinstate": ("CONCEDE", None), "allow": ("CONCEDE", None),
    # RETREAT (CAMEO 084-087, 0871-0874: release, withdraw, ceasefire, disarm, surrender)
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    "release": ("RETREAT", "release"), "free": ("RETREAT", "release"),
    "return": ("RETREAT", "release"), "disarm": ("RETREAT", "disarm"),
    "surrender": ("RETREAT", "disarm"), "demobilize": ("RETREAT", "disarm"),
    "resign": ("RETREAT", "resign"), "evacuate": ("RETREAT", "withdraw"),
    # REQUEST (CAMEO 10: demand, appeal, urge, ask)
    "demand": ("REQUEST", None), "urge": ("REQUEST", None), "ask": ("REQUEST", None),
    "appeal": ("REQUEST", None), "request": ("REQUEST", None), "plead": ("REQUEST", None),
    "press": ("REQUEST", None), "insist": ("REQUEST", None), "pressure": ("REQUEST", None),
    "violate": ("REJECT", None),  # CAMEO 128 defy norms, law
    # ACCUSE (CAMEO 09 investigate; 11 disapprove, criticize, accuse, sue, convict)
    "accuse": ("ACCUSE", "allege"), "allege": ("ACCUSE", "allege"), "blame": ("ACCUSE", "allege"),
    "charge": ("ACCUSE", "allege"), "sue": ("ACCUSE", "allege"), "indict": ("ACCUSE", "allege"),
    "prosecute": ("ACCUSE", "allege"),
    "criticize": ("ACCUSE", "disapprove"), "criticise": ("ACCUSE", "disapprove"),
    "condemn": ("ACCUSE", "disapprove"), "denounce": ("ACCUSE", "disapprove"),
    "deplore": ("ACCUSE", "disapprove"), "decry": ("ACCUSE", "disapprove"),
    "protest": ("PROTEST", "demo"), "complain": ("ACCUSE", "allege"),
    "investigate": ("ACCUSE", "investigate"), "probe": ("ACCUSE", "investigate"),
    # REJECT (CAMEO 12: reject, refuse, decline, veto, defy)
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "decline": ("REJECT", None),
    "veto": ("REJECT", None), "defy": ("REJECT", None), "rebuff": ("REJECT", None),
    "dismiss": ("REJECT", None), "rule": ("REJECT", None),  # "rule out" (particle checked)
    "oppose": ("REJECT", None), "spurn": ("REJECT", None),
    # THREATEN (CAMEO 13: threaten, warn of force, give an ultimatum)
    "threaten": ("THREATEN", None), "warn": ("THREATEN", None),
    # PROTEST (CAMEO 14: demonstrate, hunger strike, strike/boycott, obstruct, riot)
    "demonstrate": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"), "march": ("PROTEST", "demo"),
    "riot": ("PROTEST", "riot"), "boycott": ("PROTEST", "boycott"), "picket": ("PROTEST", "demo"),
    "block": ("PROTEST", "obstruct"), "barricade": ("PROTEST", "obstruct"),
    "vandalize": ("PROTEST", "vandalize"), "loot": ("PROTEST", "vandalize"),
    # MOBILIZE (CAMEO 15: mobilize or increase armed forces, police, alert status)
    "mobilize": ("MOBILIZE", None), "mobilise": ("MOBILIZE", None), "deploy": ("MOBILIZE", "troops"),
    "mass": ("MOBILIZE", "troops"), "reinforce": ("MOBILIZE", "troops"),
    # SANCTION (CAMEO 16: reduce relations, stop aid, expel, halt negotiations; PLOVER adds convict)
    "sanction": ("SANCTION", None), "expel": ("SANCTION", "expel"), "recall": ("SANCTION", "withdraw"),
    "sever": ("SANCTION", "withdraw"), "suspend": ("SANCTION", "discontinue"),
    "cut": ("SANCTION", "discontinue"), "halt": ("SANCTION", "discontinue"),
    "convict": ("SANCTION", "convict"), "sentence": ("SANCTION", "convict"),
    "embargo": ("COERCE", "restrict"), "deny": ("REJECT", None),
    "share": ("COOPERATE", None), "extradite": ("COOPERATE", None),  # CAMEO 063 judicial cooperation
    "renege": ("REJECT", None),
    # COERCE (CAMEO 17, 191-192: seize, restrict, ban, curfew, arrest, deport, blockade, occupy)
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"), "apprehend": ("COERCE", "arrest"), "round": ("COERCE", "arrest"),
    "seize": ("COERCE", "seize"), "confiscate": ("COERCE", "seize"), "occupy": ("COERCE", "seize"),
    "capture": ("COERCE", "seize"), "annex": ("COERCE", "seize"),
    "deport": ("COERCE", "deport"), "ban": ("COERCE", "censor"), "censor": ("COERCE", "censor"),
    "outlaw": ("COERCE", "censor"), "restrict": ("COERCE", "restrict"), "blockade": ("COERCE", "restrict"),
    "besiege": ("COERCE", "restrict"),
    # CAMEO 171 "seize or damage property" (PLOVER keeps "destroy" as an ASSAULT mode).
    "demolish": ("COERCE", "seize"), "bulldoze": ("COERCE", "seize"), "raze": ("COERCE", "seize"),
    # ASSAULT (CAMEO 18-20: unconventional and conventional force, mass violence)
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", "beat"), "strike": ("ASSAULT", None),
    "kill": ("ASSAULT", None), "murder": ("ASSAULT", None), "massacre": ("ASSAULT", None),
    "fight": ("ASSAULT", None), "clash": ("ASSAULT", None), "battle": ("ASSAULT", None),
    "invade": ("ASSAULT", None), "raid": ("ASSAULT", None), "ambush": ("ASSAULT", "firearms"),
    "shoot": ("ASSAULT", "firearms"), "shell": ("ASSAULT", "heavy-weapons"),
    "bombard": ("ASSAULT", "heavy-weapons"), "bomb": ("ASSAULT", "explosives"),
    "assassinate": ("ASSAULT", "targeted"), "abduct": ("ASSAULT", "abduct"),
    "kidnap": ("ASSAULT", "abduct"), "hijack": ("ASSAULT", "abduct"), "beat": ("ASSAULT", "beat"),
    "torture": ("ASSAULT", "torture"), "rape": ("ASSAULT", "sexual"), "stab": ("ASSAULT", "primitive"),
    "destroy": ("ASSAULT", "destroy"), "burn": ("ASSAULT", "destroy"), "torch": ("ASSAULT", "destroy"),
    "wound": ("ASSAULT", None), "injure": ("ASSAULT", None), "storm": ("ASSAULT", None),
    "abuse": ("ASSAULT", "beat"), "fire": ("ASSAULT", None),  # "fire" only at a target or with arms
    "hit": ("ASSAULT", None),  # only by a projectile (PROJECTILES): not "hit a record", "the storm hit"
    "disperse": ("COERCE", "restrict"), "hack": ("COERCE", "cyber"),
}

# Lemmas that en_core_web_sm's lemmatizer gets wrong for verbs of this lexicon (found by
# lemmatizing every inflected form of every verb here in a short sentence):
# "staged" -> "stag", "waged" -> "wag", "hoped" -> "hop", "mediating" left whole.
LEMMA_FIXES: dict[str, str] = {
    "stag": "stage", "wag": "wage", "hop": "hope", "rap": "rape", "deploring": "deplore",
    "imprisoning": "imprison", "mediating": "mediate", "sentencing": "sentence",
}

# Phrasal verbs whose meaning differs from the verb alone: (lemma, particle) -> entry.
PHRASAL: dict[tuple[str, str], Entry] = {
    ("pull", "out"): ("RETREAT", "withdraw"), ("pull", "back"): ("RETREAT", "withdraw"),
    ("hand", "over"): ("RETREAT", "release"), ("set", "free"): ("RETREAT", "release"),
    ("lay", "down"): ("RETREAT", "disarm"),  # arms only (triggers.verb_trigger): not "laid down conditions"
    ("step", "down"): ("RETREAT", "resign"), ("back", "down"): ("CONCEDE", None),
    ("give", "up"): ("CONCEDE", None), ("rule", "out"): ("REJECT", None),
    ("turn", "down"): ("REJECT", None), ("call", "for"): ("REQUEST", None),
    ("call", "on"): ("REQUEST", None), ("crack", "down"): ("COERCE", "restrict"),
    ("round", "up"): ("COERCE", "arrest"), ("lock", "up"): ("COERCE", "arrest"),
    ("blow", "up"): ("ASSAULT", "explosives"), ("open", "fire"): ("ASSAULT", "firearms"),
    ("shut", "down"): ("COERCE", "restrict"), ("close", "down"): ("COERCE", "restrict"),
    ("walk", "out"): ("PROTEST", "boycott"), ("take", "over"): ("COERCE", "seize"),
    ("break", "off"): ("SANCTION", "withdraw"), ("cut", "off"): ("SANCTION", "discontinue"),
    ("speak", "with"): ("CONSULT", None), ("talk", "with"): ("CONSULT", None),
    ("call", "off"): ("CONCEDE", None), ("push", "for"): ("REQUEST", None),
    ("force", "out"): ("ASSAULT", None),  # CAMEO 201 expulsion
    ("commit", "to"): ("AGREE", None),  # CAMEO 030 "is committed to reopening the border"
    # CAMEO 1711 "destroy property" (PLOVER ASSAULT mode destroy): "set cars alight", "set fire to"
    ("set", "fire"): ("ASSAULT", "destroy"), ("set", "alight"): ("ASSAULT", "destroy"),
    ("set", "ablaze"): ("ASSAULT", "destroy"),
    # PLOVER SANCTION convict: a verdict ("was found guilty of corruption")
    ("find", "guilty"): ("SANCTION", "convict"),
}
# Particles that must be parsed as particles (``prt``) for the phrasal verb to count:
# "took over the city", not "took over 100 hours".
PARTICLES = frozenset({"over", "up", "out", "down", "off", "back"})

# Verbs that need their particle to be an event ("rule out", not "rule"; "round up").
NEEDS_PARTICLE = frozenset({"rule", "round", "call", "hand", "set", "step", "pull", "open", "blow",
                            "shut", "close", "walk", "take", "break", "lock", "crack", "turn", "talk",
                            "speak"})

# -- nouns that name an event ("the attack", "an offensive", "landmine blasts") ----------
NOUNS: dict[str, Entry] = {
    "agreement": ("AGREE", None), "accord": ("AGREE", None), "consensus": ("AGREE", None),
    "compromise": ("AGREE", None), "understanding": ("AGREE", None), "deal": ("AGREE", None),
    "pact": ("AGREE", None), "treaty": ("AGREE", None), "pledge": ("AGREE", None),
    "talk": ("CONSULT", None), "negotiation": ("CONSULT", None), "meeting": ("CONSULT", None),
    "summit": ("CONSULT", "multilateral"), "visit": ("CONSULT", "visit"),
    "mediation": ("CONSULT", "third-party"), "consultation": ("CONSULT", None),
    "aid": ("AID", None), "assistance": ("AID", None), "asylum": ("AID", None),
    "concession": ("CONCEDE", None),
    "ceasefire": ("RETREAT", "ceasefire"), "cease-fire": ("RETREAT", "ceasefire"),
    "truce": ("RETREAT", "ceasefire"), "armistice": ("RETREAT", "ceasefire"),
    "withdrawal": ("RETREAT", "withdraw"), "pullout": ("RETREAT", "withdraw"),
    "release": ("RETREAT", "release"), "surrender": ("RETREAT", "disarm"),
    "resignation": ("RETREAT", "resign"), "evacuation": ("RETREAT", "withdraw"),
    "demand": ("REQUEST", None), "appeal": ("REQUEST", None), "request": ("REQUEST", None),
    "accusation": ("ACCUSE", "allege"), "allegation": ("ACCUSE", "allege"),
    "criticism": ("ACCUSE", "disapprove"), "condemnation": ("ACCUSE", "disapprove"),
    "investigation": ("ACCUSE", "investigate"), "probe": ("ACCUSE", "investigate"),
    "inquiry": ("ACCUSE", "investigate"), "lawsuit": ("ACCUSE", "allege"),
    "complaint": ("ACCUSE", "allege"),
    "rejection": ("REJECT", None), "veto": ("REJECT", None),
    "threat": ("THREATEN", None), "ultimatum": ("THREATEN", None),
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "unrest": ("PROTEST", "riot"),
    "strike": ("PROTEST", "strike"), "boycott": ("PROTEST", "boycott"), "sit-in": ("PROTEST", "demo"),
    "walkout": ("PROTEST", "strike"), "stoppage": ("PROTEST", "strike"),  # CAMEO 143 strike: "a work stoppage"
    "blockade": ("COERCE", "restrict"), "roadblock": ("PROTEST", "obstruct"),
    "mobilization": ("MOBILIZE", None), "mobilisation": ("MOBILIZE", None),
    "deployment": ("MOBILIZE", "troops"), "alert": ("MOBILIZE", "troops"),
    "sanction": ("SANCTION", None), "expulsion": ("SANCTION", "expel"), "embargo": ("COERCE", "restrict"),
    "conviction": ("SANCTION", "convict"), "suspension": ("SANCTION", "discontinue"),
    "patrol": ("MOBILIZE", None), "cyberattack": ("COERCE", "cyber"),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "arrest"), "crackdown": ("COERCE", "restrict"),
    "curfew": ("COERCE", "curfew"), "occupation": ("COERCE", "seize"),
    # a coup seizes power (PLOVER COERCE seize)
    "coup": ("COERCE", "seize"), "putsch": ("COERCE", "seize"),
    "seizure": ("COERCE", "seize"), "deportation": ("COERCE", "deport"), "censorship": ("COERCE", "censor"),
    "restriction": ("COERCE", "restrict"), "siege": ("COERCE", "restrict"),
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "offensive": ("ASSAULT", None),
    "raid": ("ASSAULT", None), "invasion": ("ASSAULT", None),
    "fighting": ("ASSAULT", None), "clash": ("ASSAULT", None), "battle": ("ASSAULT", None),
    "war": ("ASSAULT", None), "hostility": ("ASSAULT", None), "bloodshed": ("ASSAULT", None),
    "violence": ("ASSAULT", None), "ambush": ("ASSAULT", "firearms"),
    "airstrike": ("ASSAULT", "aerial"), "air strike": ("ASSAULT", "aerial"), "air raid": ("ASSAULT", "aerial"),
    "bombing": ("ASSAULT", "explosives"), "bombardment": ("ASSAULT", "heavy-weapons"),
    "shelling": ("ASSAULT", "heavy-weapons"), "blast": ("ASSAULT", "explosives"),
    "explosion": ("ASSAULT", "explosives"), "shooting": ("ASSAULT", "firearms"),
    "gunfire": ("ASSAULT", "firearms"), "massacre": ("ASSAULT", None), "killing": ("ASSAULT", None),
    "assassination": ("ASSAULT", "targeted"), "abduction": ("ASSAULT", "abduct"),
    "kidnapping": ("ASSAULT", "abduct"), "torture": ("ASSAULT", "torture"),
    "atrocity": ("ASSAULT", None), "cleansing": ("ASSAULT", None), "genocide": ("ASSAULT", None),
}

# Generic AID verbs are an AID only when what they give is aid (CAMEO 07 codes "gave
# 5 million dollars of aid", not "gave jurors instructions" or "sent a letter").
AID_VERBS = frozenset({"give", "provide", "send", "supply", "deliver", "grant", "lend", "contribute"})
AID_OBJECTS = frozenset({
    "aid", "assistance", "food", "medicine", "medication", "weapon", "arm", "money", "loan", "fund",
    "funding", "supply", "equipment", "shelter", "asylum", "dollar", "euro", "ton", "tonne", "grain",
    "flour", "rice", "water", "tent", "blanket", "vaccine", "ammunition", "credit", "grant", "relief",
    "troop", "peacekeeper", "material", "personnel", "expertise", "intelligence",
})
# "sign" is CAMEO 057 "sign formal agreement" with one of these or with no object ("the
# two sides signed on Tuesday"), not "signed a letter" or "signed a new striker".
SIGNED_OBJECTS = frozenset({
    "agreement", "treaty", "accord", "pact", "deal", "declaration", "memorandum", "protocol", "ceasefire",
    "truce", "armistice", "charter", "convention", "communique", "roadmap", "framework",
})
# An agreement that settles a conflict is AGREE, signed or not: CAMEO 037 "express intent
# to settle dispute" (PLOVER's gold codes "agreed to a ceasefire" AGREE). "signed a peace
# agreement", "signed a ceasefire deal", "signed a truce", "signed an accord to end the
# war". Other agreements signed stay CAMEO 057's SUPPORT (the gold's "signed a treaty of
# friendship"); a ceasefire declared by one side is RETREAT ceasefire (CAMEO 0871).
SETTLEMENTS = frozenset({"peace", "ceasefire", "cease-fire", "truce", "armistice"})
# What an agreement "to end" names when it settles a conflict ("an accord to end the war").
CONFLICTS = frozenset({"war", "fighting", "hostility", "conflict", "violence", "bloodshed", "clash", "insurgency",
                       "rebellion", "siege"})
# "cut" is CAMEO 16 "reduce relations, stop aid" when what is cut is a tie or a supply,
# not "cut its count of the dead" or "cut interest rates".
CUT_OBJECTS = AID_OBJECTS | frozenset({
    "tie", "relation", "link", "contact", "trade", "export", "import", "power", "electricity", "gas", "oil",
    "fuel", "communication", "internet", "access", "route", "flight", "service",
})
# Nouns of the state's own bodies: when one of them (or a country) blocks a road it is a
# blockade (CAMEO 191 "impose blockade, restrict movement", PLOVER COERCE/restrict), not
# protesters' obstruction.
STATE_BODIES = frozenset({
    "government", "army", "military", "police", "force", "troop", "soldier", "authority", "ministry", "state",
    "administration", "regime", "navy", "guard", "official",
})
# "block" obstructs passage (CAMEO 144, PLOVER PROTEST/obstruct); blocking a decision is a
# veto (CAMEO 12, REJECT); blocking a prospect ("could block the country's path to
# membership", "blocked his bid") is a figure of speech and no event.
BLOCKED_PROSPECTS = frozenset({
    "path", "progress", "bid", "effort", "attempt", "hope", "chance", "prospect", "ambition", "view", "career",
    "future", "growth", "recovery", "return", "comeback", "rise",
})
BLOCKED_DECISIONS = frozenset({
    "resolution", "bill", "law", "legislation", "deal", "proposal", "motion", "plan", "measure", "nomination",
    "appointment", "sale", "merger", "takeover", "agreement", "vote", "decision", "statement", "sanction",
    "budget", "reform", "amendment", "request", "application",
})
# What one warns of when the warning threatens one's own act (CAMEO 13 "warn of force":
# "warned of retaliation"), not a pessimistic comment ("warned of famine").
WARNED_ACTS = frozenset({
    "consequence", "retaliation", "response", "reprisal", "action", "measure", "sanction", "force", "strike",
    "attack", "escalation", "countermeasure", "punishment",
})
# What is withdrawn without anyone retreating (CAMEO 08 "retreat" withdraws forces or
# people): words, offers and figures ("withdrew its claim", "withdrew the death toll", and
# "withdrew it", a thing).
WITHDRAWN_WORDS = frozenset({
    "claim", "bid", "offer", "candidacy", "nomination", "figure", "count", "estimate", "toll", "statement",
    "remark", "comment", "application", "request", "complaint", "lawsuit", "suit", "charge", "proposal",
    "bill", "motion", "invitation", "report", "article", "product", "money", "cash", "name", "it",
})
# What a force gives up when it disarms: handed over, it is no aid (CAMEO 0831 "demobilize
# armed forces", PLOVER RETREAT/disarm), as flour or medicine handed over is.
ARMS = frozenset({"weapon", "arm", "ammunition", "gun", "rifle", "missile", "tank", "artillery", "explosive"})
# "share" is cooperation when what is shared is (CAMEO 064 "share intelligence"), not
# "share on Facebook"; "meet" is a consultation with people, not "meet rising costs".
SHARED_OBJECTS = frozenset({"intelligence", "information", "expertise", "data", "technology", "experience",
                            "knowledge", "evidence", "resource"})
MET_NON_PEOPLE = frozenset({"cost", "demand", "target", "deadline", "need", "requirement", "expectation",
                            "standard", "goal", "criterion", "obligation", "payment", "challenge", "response",
                            "resistance", "opposition", "criticism", "fate", "end", "condition"})
# Verbs that only say a toll ("were killed", "injured"): without an actor, a weapon or an
# attack named in the clause, the text does not say it was an assault (a crash, a fire).
TOLL_VERBS = frozenset({"kill", "injure", "wound", "hurt"})

# "release" frees people, not documents (CAMEO 0841 "return, release persons").
PUBLICATIONS = frozenset({
    "letter", "statement", "report", "video", "footage", "album", "data", "detail", "figure",
    "document", "film", "book", "photo", "image", "record", "result", "version", "information",
    "song", "single", "list", "transcript", "recording", "email", "memo", "poll", "study",
})
# What firefighters, doctors and governments battle or fight that is no enemy: "battled the
# blaze on three fronts", "fighting the outbreak" are no ASSAULT (CAMEO 19 is force
# against an actor).
HAZARDS = frozenset({
    "fire", "blaze", "flame", "wildfire", "bushfire", "inferno", "front", "outbreak", "epidemic", "pandemic",
    "disease", "virus", "flood", "flooding", "drought", "locust", "cancer", "corruption", "poverty", "inflation",
    "crime", "hunger", "heat", "heatwave",
})
# What blows up by accident in a mine, a plant or a home ("a methane explosion tore through
# the pit", "a gas blast killed five"): no one attacks, as in a flood (NATURAL_FORCES).
# "gas" is no gas attack ("a chlorine gas attack" is an "attack"); a pipeline or a tanker
# can be blown up, so they are not here.
ACCIDENT_BLASTS = frozenset({"gas", "methane", "firedamp", "boiler", "dust", "cylinder"})
# Where a bare explosion is an industrial accident, as in a home a gas blast is: "an explosion
# at a coal mine", "a blast at the chemical plant" (syntax.accidental_blast). Not a port or a
# depot, which are struck as often; a weapon named on the blast ("a bomb explosion at the
# factory") keeps it an attack.
INDUSTRIAL_SITES = frozenset({"mine", "colliery", "pit", "factory", "plant", "mill", "smelter", "refinery",
                              "warehouse", "workshop", "quarry", "shipyard", "foundry", "works"})
# Modifiers that make an event noun something else: "campaign rally", "heart attack".
NOT_EVENT_MODIFIERS: dict[str, frozenset[str]] = {
    "rally": frozenset({"campaign", "election", "stock", "market", "fundraising"}),
    "attack": frozenset({"heart", "panic", "asthma", "shark", "dog"}),
    "war": frozenset({"price", "trade", "culture", "word", "bidding", "turf"}),
    "battle": frozenset({"legal", "court", "custody", "election", "political"}),
    "fight": frozenset({"legal", "court", "title", "prize"}),
    "strike": frozenset({"lightning", "lucky"}),
    "release": frozenset({"press", "news", "film", "album", "software"}),  # a publication, not freed people
    "deal": frozenset({"great", "good"}),  # "a great deal of time": a quantity, no agreement
    "violence": frozenset({"domestic"}),
    "explosion": ACCIDENT_BLASTS,
    "blast": ACCIDENT_BLASTS,
}

# Two-word events whose meaning is in the modifier: (modifier lemma, head lemma) -> entry.
# "air strike" is an attack, "general strike" a protest; "cease-fire" is split by the tokenizer.
# Code set loose on a network (PLOVER's COERCE cyber): like a projectile, what struck, not
# who set it loose ("Ransomware cripples hospital network", "malware crippled the port").
CYBER_MEANS = frozenset({"ransomware", "malware", "spyware", "wiper", "worm", "trojan", "botnet", "ddos", "phishing"})
MODIFIED_NOUNS: dict[tuple[str, str], Entry] = {
    ("air", "strike"): ("ASSAULT", "aerial"), ("drone", "strike"): ("ASSAULT", "drone"),
    ("missile", "strike"): ("ASSAULT", "heavy-weapons"), ("rocket", "strike"): ("ASSAULT", "heavy-weapons"),
    ("artillery", "strike"): ("ASSAULT", "heavy-weapons"), ("military", "strike"): ("ASSAULT", None),
    ("hunger", "strike"): ("PROTEST", "hunger"), ("general", "strike"): ("PROTEST", "strike"),
    ("air", "raid"): ("ASSAULT", "aerial"), ("suicide", "bombing"): ("ASSAULT", "suicide-attack"),
    ("suicide", "attack"): ("ASSAULT", "suicide-attack"), ("car", "bomb"): ("ASSAULT", "explosives"),
    ("cease", "fire"): ("RETREAT", "ceasefire"), ("martial", "law"): ("COERCE", "martial-law"),
    ("peace", "talk"): ("CONSULT", None), ("military", "operation"): ("ASSAULT", None),
    ("military", "offensive"): ("ASSAULT", None), ("combat", "operation"): ("ASSAULT", None),
    ("ground", "operation"): ("ASSAULT", None), ("anti-terrorist", "operation"): ("ASSAULT", None),
    ("counter-terrorism", "operation"): ("ASSAULT", None), ("high", "alert"): ("MOBILIZE", "troops"),
    ("full", "alert"): ("MOBILIZE", "troops"), ("peace", "deal"): ("AGREE", None),
    # CAMEO 163 "impose embargo, boycott, or sanctions" as nouns: "imposed an asset freeze", and
    # bans the lexicon's verbs code COERCE restrict ("banned them from travelling", "bans imports")
    ("asset", "freeze"): ("SANCTION", None), ("account", "freeze"): ("SANCTION", None),
    **{(what, "ban"): ("COERCE", "restrict") for what in ("travel", "visa", "entry", "export", "import", "flight",
                                                             "trade", "arms")},
    # PLOVER puts cyber operations under COERCE (mode cyber), not ASSAULT
    ("cyber", "attack"): ("COERCE", "cyber"), ("cyber", "warfare"): ("COERCE", "cyber"),
    ("hacking", "attack"): ("COERCE", "cyber"), **{(w, "attack"): ("COERCE", "cyber") for w in CYBER_MEANS},
    # an exchange of prisoners sets people free (CAMEO 0841 return, release persons)
    ("prisoner", "swap"): ("RETREAT", "release"), ("prisoner", "exchange"): ("RETREAT", "release"),
    # what carries aid is the aid's delivery (CAMEO 0233 humanitarian aid)
    ("aid", "convoy"): ("AID", None), ("aid", "truck"): ("AID", None), ("aid", "vehicle"): ("AID", None),
    ("relief", "convoy"): ("AID", None), ("humanitarian", "convoy"): ("AID", None),
    ("artillery", "fire"): ("ASSAULT", "heavy-weapons"), ("rocket", "fire"): ("ASSAULT", "heavy-weapons"),
    ("mortar", "fire"): ("ASSAULT", "heavy-weapons"), ("tank", "fire"): ("ASSAULT", "heavy-weapons"),
    ("sniper", "fire"): ("ASSAULT", "firearms"), ("machine-gun", "fire"): ("ASSAULT", "firearms"),
}
# Measures imposed on a territory: whoever lives in the place they are imposed in is their
# target (PLOVER COERCE curfew / martial-law / restrict: "imposed a curfew in X", "lifted
# emergency rule in X").
TERRITORIAL_MEASURES = frozenset({"curfew", "blockade", "siege", "lockdown", "closure", "crackdown", "emergency",
                                  "martial"})
# "a state of emergency / siege" is martial law (CAMEO 1724; PLOVER COERCE mode martial-law).
STATES_OF_EXCEPTION = frozenset({"emergency", "siege"})
# Heads that are events only with one of the modifiers above ("military operations", not
# "rescue operation"; "martial law", not "law").
NEED_MODIFIER = frozenset({"operation", "law", "fire"})
# A strike of workers, told by where they work or who they are: "the strike at the
# factory", "a strike by dockers", "the miners' strike" is a labour strike (PLOVER PROTEST
# strike) even where people are hurt in it; "the strike on the village" stays an attack.
WORKPLACES = frozenset({"factory", "plant", "port", "mine", "colliery", "mill", "refinery", "dock", "shipyard",
                        "warehouse", "smelter", "workshop", "depot", "oilfield", "quarry", "plantation", "works"})
WORKERS = frozenset({"worker", "union", "employee", "docker", "dockworker", "miner", "labourer", "laborer",
                     "staff", "nurse", "teacher", "driver", "stevedore", "trucker", "unionist", "workforce"})
# A bare "strike" is an attack after these verbs ("carried out strikes"), else a labour strike.
ATTACK_LAUNCHERS = frozenset({"launch", "carry", "conduct", "mount", "unleash"})
# What one declines to do when one gives the press no answer ("declined to comment",
# "refused to say whether"): the newsroom's formula, not a REJECT of anyone's proposal.
# Not "respond", "answer", "discuss", "speak": refusing to respond to a demand or to
# speak with an envoy rejects them.
NO_COMMENT = frozenset({"comment", "say", "elaborate", "confirm", "specify", "disclose", "identify", "name"})
# ... and as the one that kills or wrecks ("the strike killed 12", "strikes destroyed the bridge").
HARM_VERBS = TOLL_VERBS | frozenset({"destroy", "damage", "flatten", "level", "wreck"})

# Light verbs whose object names the event: "staged a protest", "launched an offensive",
# "imposed a curfew", "declared a ceasefire", "held talks", "gave aid".
LIGHT_VERBS = frozenset({
    "stage", "hold", "launch", "carry", "conduct", "mount", "begin", "start", "make", "take",
    "impose", "declare", "announce", "sign", "reach", "have", "continue", "resume", "step",
    "order", "call", "organize", "organise", "lead", "join", "go", "end", "escalate", "intensify",
    "put", "press", "file", "issue", "open", "complete", "wage", "unleash", "initiate", "extend",
    "tighten", "expand", "undertake", "renew", "reimpose", "reiterate", "repeat", "speed", "accelerate",
})

# A verb and particle that say an act goes on ("pressed on with the assault", "pushed ahead
# with the offensive"): the event is the noun after "with", the verb its light verb; "press"
# alone is a request ("pressed for talks").
GOING_ON = frozenset({
    ("press", "on"), ("press", "ahead"), ("push", "on"), ("push", "ahead"), ("push", "forward"),
    ("forge", "ahead"), ("carry", "on"), ("go", "ahead"), ("move", "ahead"), ("move", "forward"),
})

# A verb and its object that together say an event neither says alone.
VERB_OBJECT: dict[tuple[str, str], Entry] = {
    # People evacuated are helped out of danger: PLOVER's gold codes "evacuated wounded"
    # AID (CAMEO 07); evacuating troops, a base or settlements stays RETREAT withdraw.
    **{("evacuate", n): ("AID", None) for n in ("people", "person", "civilian", "resident", "wounded", "family",
                                               "child", "villager", "patient", "passenger", "tourist", "citizen",
                                               "national", "student", "worker", "inhabitant", "refugee")},
    # CAMEO 163 "impose embargo": banning trade is the embargo this lexicon codes COERCE
    # restrict ("embargo" above), not a ban on speech (censor): "bans imports of Russian gas"
    **{("ban", n): ("COERCE", "restrict") for n in ("import", "export", "trade", "flight", "shipment", "sale")},
    # CAMEO 163 "impose embargo, boycott, or sanctions": assets or accounts frozen
    **{("freeze", n): ("SANCTION", None) for n in ("asset", "account", "fund", "holding", "reserve")},
    # CAMEO 0841 "return, release persons": prisoners exchanged are set free
    ("exchange", "prisoner"): ("RETREAT", "release"), ("swap", "prisoner"): ("RETREAT", "release"),
    ("exchange", "pow"): ("RETREAT", "release"), ("swap", "pow"): ("RETREAT", "release"),
    # CAMEO 114 "complain officially": a protest lodged is an accusation, not a demonstration
    ("lodge", "protest"): ("ACCUSE", "allege"), ("file", "protest"): ("ACCUSE", "allege"),
    ("lodge", "complaint"): ("ACCUSE", "allege"), ("file", "complaint"): ("ACCUSE", "allege"),
    # CAMEO 05x "engage in diplomatic cooperation": restoring or upgrading ties
    ("restore", "tie"): ("SUPPORT", None), ("restore", "relation"): ("SUPPORT", None),
    ("upgrade", "tie"): ("SUPPORT", None), ("upgrade", "relation"): ("SUPPORT", None),
    ("establish", "relation"): ("SUPPORT", None), ("establish", "tie"): ("SUPPORT", None),
    ("normalize", "relation"): ("SUPPORT", None),
    # CAMEO 057 "sign formal agreement" -> SUPPORT (the conversion table), not the noun's AGREE;
    # a settlement signed is AGREE (SETTLEMENTS, triggers._settles_a_conflict)
    ("sign", "agreement"): ("SUPPORT", None), ("sign", "treaty"): ("SUPPORT", None),
    ("sign", "accord"): ("SUPPORT", None), ("sign", "pact"): ("SUPPORT", None),
    ("sign", "deal"): ("SUPPORT", None),
    # CAMEO 161 "reduce or break diplomatic relations"
    ("sever", "tie"): ("SANCTION", "withdraw"), ("break", "tie"): ("SANCTION", "withdraw"),
    ("cut", "tie"): ("SANCTION", "withdraw"), ("sever", "relation"): ("SANCTION", "withdraw"),
    ("break", "relation"): ("SANCTION", "withdraw"), ("cut", "relation"): ("SANCTION", "withdraw"),
    # CAMEO 0861-0862: receive peacekeepers or inspectors
    ("receive", "observer"): ("RETREAT", "access"), ("receive", "inspector"): ("RETREAT", "access"),
    ("receive", "peacekeeper"): ("RETREAT", "access"), ("admit", "inspector"): ("RETREAT", "access"),
    ("accept", "observer"): ("RETREAT", "access"), ("accept", "peacekeeper"): ("RETREAT", "access"),
    # CAMEO 09 investigate: sending inspectors or investigators
    ("send", "inspector"): ("ACCUSE", "investigate"), ("dispatch", "inspector"): ("ACCUSE", "investigate"),
    ("send", "investigator"): ("ACCUSE", "investigate"),
    ("dispatch", "investigator"): ("ACCUSE", "investigate"),
    ("give", "welcome"): ("CONSULT", "visit"),  # CAMEO 043 host a visit
    ("stop", "work"): ("PROTEST", "strike"), ("down", "tool"): ("PROTEST", "strike"),  # and "walked off the job"
    ("shun", "work"): ("PROTEST", "strike"), ("boycott", "work"): ("PROTEST", "strike"),
    ("seek", "refuge"): ("REQUEST", "assist"), ("seek", "asylum"): ("REQUEST", "assist"),
    ("seek", "help"): ("REQUEST", "assist"), ("seek", "aid"): ("REQUEST", "assist"),
    ("violate", "ceasefire"): ("ASSAULT", None), ("violate", "truce"): ("ASSAULT", None),  # CAMEO 196
    # CAMEO 083 "accede to requests or demands"
    ("accept", "demand"): ("CONCEDE", None), ("meet", "demand"): ("CONCEDE", None),
    ("satisfy", "demand"): ("CONCEDE", None), ("accede", "demand"): ("CONCEDE", None),
    # PLOVER SANCTION convict: a sentence given ("were given sentences of six years")
    ("give", "sentence"): ("SANCTION", "convict"), ("hand", "sentence"): ("SANCTION", "convict"),
    ("receive", "sentence"): ("SANCTION", "convict"),
    # CAMEO 145 "protest violently, riot" (PLOVER PROTEST riot): stones and bottles thrown by
    # hand ("hurled stones at officers"); a grenade thrown is an attack with explosives
    **{(verb, thing): ("PROTEST", "riot") for verb in ("throw", "hurl", "lob", "fling")
       for thing in ("stone", "rock", "brick", "bottle", "molotov", "firebomb", "projectile")},
    ("throw", "grenade"): ("ASSAULT", "explosives"), ("hurl", "grenade"): ("ASSAULT", "explosives"),
}
# Nouns for a group whose members say what the verb does: "received a mission of inspectors".
GROUP_NOUNS = frozenset({"mission", "team", "group", "delegation", "contingent", "batch", "party"})
# Heads that count or take part of a group: the group is the actor ("thousands of farmers",
# "a group of diplomats", "members of the union", "part of the garrison", "15 of its monitors").
# One member is not the body ("a member of the council began a hunger strike"): "member"
# counts only in the plural (events.py).
PARTITIVES = frozenset({
    "group", "member", "part", "thousand", "hundred", "dozen", "million", "score", "number", "majority",
    "minority", "handful", "some", "many", "most", "all", "few", "several", "rest", "remainder", "bulk",
    "half", "batch", "lot",
})
# Ending these is a RETREAT, not a concession (CAMEO 0872 "ease military blockade" ->
# RETREAT/withdraw; 085 "ease economic sanctions, embargo" -> RETREAT in the conversion table).
EASED: dict[str, Entry] = {
    "blockade": ("RETREAT", "withdraw"), "siege": ("RETREAT", "withdraw"),
    "sanction": ("RETREAT", None), "embargo": ("RETREAT", None),
}
# Verbs that send people; what they are sent to do says the event ("sent experts to investigate").
DISPATCH_VERBS = frozenset({"send", "dispatch", "deploy"})
# Who is sent to save lives, not to fight: "9,500 rescue workers had been deployed",
# "sent search teams", "dispatched medics" (CAMEO 073 humanitarian aid, not MOBILIZE troops).
RESCUERS = frozenset({"rescue", "rescuer", "medic", "paramedic", "firefighter", "relief", "search", "lifeguard",
                      # experts and health workers sent to an outbreak or a disaster: aid, no troops
                      "expert", "doctor", "nurse", "epidemiologist", "specialist"})
# Verbs a vehicle of aid moves by, when it is their object: "sent a convoy of aid trucks".
AID_MOVING_VERBS = frozenset({"send", "dispatch", "deliver", "allow", "let", "admit", "escort", "load"})
# Those a war holds, not wages: "prisoners of war" names no assault.
OF_WAR = frozenset({"prisoner", "pow", "captive"})
# People one holds and frees: released or handed over, they are the recipient, whoever
# they are handed to ("the hostages were handed over to army officers"); a thing returned
# ("will return weapons seized from UN peacekeepers") gives way to a named actor.
RELEASED_PEOPLE = OF_WAR | frozenset({
    "hostage", "detainee", "abductee", "crew", "sailor", "fisherman", "journalist", "worker", "civilian",
    "soldier", "national", "citizen", "tourist", "student", "child", "woman", "man", "people", "person",
})
# Whom a country hosts as a refuge, not as visitors: "hosting refugees" is no CONSULT visit.
HOSTED_REFUGEES = frozenset({"refugee", "migrant", "asylum-seeker", "evacuee", "displaced", "people", "million"})
# ... nor whose forces it bases: "Niger hosts 1,100 U.S. troops" is no visit.
HOSTED_FORCES = frozenset({"troop", "soldier", "force", "base", "garrison", "contingent"})
# People whose evacuation is relief, not a retreat (CAMEO 07 humanitarian aid).
EVACUEES = frozenset({"wounded", "injured", "civilian", "refugee", "child", "resident", "casualty",
                      "sick", "patient", "survivor", "evacuee", "family", "foreigner", "citizen",
                      "people", "villager", "inhabitant", "passenger"})
# Verbs of promise: a promise of violence or coercion is a threat (CAMEO 13), else an AGREE.
PROMISE_VERBS = frozenset({"vow", "swear", "pledge", "promise"})
# Pronouns that may stand for the reporter of their clause, and what they can stand for.
PRONOUN_KINDS: dict[str, str] = {
    "he": "person", "she": "person", "his": "person", "her": "person",
    "it": "thing", "its": "thing", "they": "group", "their": "group", "we": "group", "our": "group",
}
# Verbs whose object is what is protested ("protested the verdict", "boycotted the vote").
TARGETED_PROTESTS = frozenset({"protest", "boycott", "picket"})
# Purpose clauses of a protest that name what it is against ("staged a strike to demand ...").
PROTEST_PURPOSES = frozenset({"protest", "demand", "denounce", "condemn", "oppose", "press", "demonstrate"})
# Nouns for what is said, asked, offered or done rather than who: not recipients themselves
# (PLOVER's target is an actor), but their owner may be ("the U.S. request" -> U.S.).
CONTENT_NOUNS = frozenset({
    "proposal", "offer", "plan", "call", "invitation", "resolution", "initiative", "suggestion",
    "decision", "policy", "measure", "bill", "law", "idea", "effort", "commitment", "move", "step",
    "position", "stance", "formula", "view", "claim", "program", "programme", "scheme", "reform",
    "change", "election", "vote", "voting", "relation", "tie", "contact", "activity", "action",
    "admission", "support", "help", "sale", "right", "use", "extension", "allocation", "fate",
    "issue", "matter", "question", "ban", "presence", "return", "removal", "entry", "admittance",
    "role", "involvement", "responsibility",  # "denied any role in the strike": no one denied
    "market", "blow", "verdict", "ruling", "result", "statement", "report", "version",
    "crime", "violation", "abuse", "wrongdoing", "corruption", "feasibility", "legality", "possibility",
    "failure", "refusal", "independence", "freedom", "referendum", "rule", "autonomy",
    # a people's condition and a party's achievements: the people or party is the target
    "welfare", "plight", "safety", "treatment", "condition", "victory", "win", "success",
    # amounts asked or offered in a pay dispute ("demanding a 12 percent pay rise", "offered
    # 4 percent"): no one is the target
    "rise", "raise", "increase", "hike", "percent",
})
# Categories whose verb's object is what is given or shared ("provided tents", "shared
# intelligence"); the recipient is whom it goes to (CAMEO 06-07).
TRANSFERS = frozenset({"AID", "COOPERATE"})
# Acts of yielding (CAMEO 08): what they give up, arms or ground, is no one they act on.
YIELDING = frozenset({"RETREAT", "CONCEDE"})
TRANSFER_PREPS = frozenset({"to", "for", "with"})
# Verbs whose object is a means, not the doer of the infinitive: "used tear gas to disperse
# the crowd", "sent troops to crush the revolt" (the subject disperses, crushes).
INSTRUMENT_VERBS = frozenset({"use", "employ", "deploy", "send", "dispatch", "mobilize", "mobilise"})
# Words that make a demonstration violent (PLOVER PROTEST mode riot; ACLED "violent demonstration").
RIOT_WORDS = frozenset({"stone", "rock", "molotov", "petrol", "firebomb", "loot", "torch", "vandalize", "rampage"})
# Passives whose subject is the actor, not the patient: "Vietnam is committed to reform",
# "Velmia is opposed to foreign mediation".
STATIVE_PASSIVES = frozenset({"commit", "determine", "dedicate", "oppose"})
# Heads that carry the event of their modifier: "mediation efforts", "peace process".
CARRIER_NOUNS = frozenset({"effort", "process", "mission", "campaign", "plan", "bid", "attempt", "drive"})
# Taking forces away is a RETREAT (CAMEO 0872-0874), not an ended supply.
WITHDRAW_VERBS = frozenset({"withdraw", "pull", "evacuate", "remove", "recall", "demobilize"})
# Forces: moving or adding them is MOBILIZE (CAMEO 15), police -> mode police.
FORCE_NOUNS: dict[str, str] = {
    "troop": "troops", "force": "troops", "soldier": "troops", "army": "troops", "unit": "troops",
    "tank": "weapons", "reinforcement": "troops", "battalion": "troops", "brigade": "troops",
    "warship": "weapons", "missile": "weapons", "police": "police", "policeman": "police",
    "militia": "militia", "reservist": "troops",
}
FORCE_VERBS = frozenset({"deploy", "send", "move", "mass", "strengthen", "reinforce", "boost", "increase",
                         "bolster", "dispatch", "station", "amass", "mobilize", "mobilise", "put"})
# Verbs that end or cut back the event their object names: ending a conflictual act is a
# concession (CAMEO 08: ease restrictions, call off a strike), ending military action a
# retreat, ending a cooperative act a sanction (CAMEO 16: reduce aid, cancel a visit).
ENDING_VERBS = frozenset({"cancel", "lift", "end", "halt", "suspend", "abandon", "revoke", "scrap",
                          "stop", "drop", "reduce", "cut", "prohibit", "withdraw", "call", "freeze",
                          "postpone", "terminate", "rescind", "shorten", "ease", "relax", "loosen"})
# Stopping a protest is coercion (CAMEO 17: "prevented the demonstration", "banned the rally").
STOPPING_VERBS = frozenset({"prevent", "ban", "disperse", "break", "forbid", "outlaw", "suppress", "block"})
CONFLICTUAL = frozenset({"COERCE", "SANCTION", "PROTEST", "THREATEN", "ACCUSE", "REJECT"})
MILITARY = frozenset({"ASSAULT", "MOBILIZE"})

# Verbs that introduce someone's words: what they govern is claimed, not asserted by the paper.
REPORTING = frozenset({
    "say", "tell", "state", "report", "claim", "add", "note", "announce", "confirm", "write",
    "declare", "explain", "assert", "argue", "believe", "think", "suggest", "indicate", "reveal",
    "acknowledge", "admit", "estimate", "predict", "insist", "maintain", "contend", "quote",
})

# Verbs of feeling whose object feels it ("the change outraged fans"): their participle
# after a subject says how the subject feels ("Fans are outraged", "Residents left shocked"),
# an adjective in all but form, whose subject is the one the headline reports on, not the
# one something was done to (facts/clauses.py).
FEELING_VERBS = frozenset({
    "outrage", "anger", "enrage", "infuriate", "incense", "upset", "annoy", "irritate", "frustrate", "piss",
    "shock", "stun", "horrify", "appal", "appall", "devastate", "sadden", "dismay", "disappoint", "disgust",
    "delight", "thrill", "please", "excite", "amaze", "surprise", "baffle", "confuse", "puzzle",
    "worry", "concern", "alarm", "scare", "frighten", "terrify",
})

# Governing verbs that change the modality of the event they govern (PLOVER and ACLED code
# only what happened; the issue lists these modalities).
GOVERNOR_MODALITY: dict[str, str] = {
    "threaten": "threatened", "warn": "threatened", "vow": "threatened",
    "demand": "demanded", "urge": "demanded", "ask": "demanded", "call": "demanded",
    "appeal": "demanded", "request": "demanded", "press": "demanded",
    "deny": "denied", "refute": "denied", "reject": "denied",
    "refuse": "negated", "decline": "negated", "fail": "negated", "stop": "negated", "avoid": "negated",
    "plan": "future", "intend": "future", "prepare": "future", "agree": "future", "promise": "future",
    "pledge": "future", "offer": "future", "want": "future", "hope": "future", "seek": "future",
    # not "try" (an attempted attack happened) nor "decide" ("decided to allow" is the allowing)
    "propose": "future", "swear": "future",
}
# Verbs whose subject is the actor of the event noun they govern: "Armenia does not
# participate in military operations", "rebels took part in the attack".
# Also "arrived on a visit", "remained on alert", "gathered for a rally", "went on strike".
PARTICIPATION = frozenset({"participate", "engage", "involve", "join", "take", "wage", "lead", "fight",
                           "arrive", "come", "remain", "stay", "gather", "assemble", "converge", "go"})
PARTICIPATION_PREPS = frozenset({"in", "on", "for", "into"})

# Verbs that say an event goes on: "the operations will continue" reports operations
# under way, whatever the tense of "continue".
ASPECTUAL = frozenset({"continue", "resume", "persist", "intensify", "escalate", "rage", "last", "enter"})

# Adjectives of intent: "ready to", "willing to", "prepared to" (CAMEO 03: intent to cooperate).
INTENT_ADJECTIVES = frozenset({"ready", "willing", "prepared", "eager", "keen", "determined"})

# Words of a timetable: "are due to meet", "is scheduled to visit", "is set to sign": the
# act is planned, a future one (not "expected to", which is someone's forecast).
SCHEDULED = frozenset({"due", "scheduled", "slated", "set"})
# Nouns that say no one acts when they are the subject: "Nobody asked us", "No one fired".
NO_ONE = frozenset({"nobody", "none", "noone"})
# Verbs of charging whose object's "of" phrase is the charge, not part of a name ("accused
# police of heavy-handed tactics"), and whose "of" phrase's act is the accuser's claim.
CHARGING = frozenset({"accuse", "blame", "suspect", "convict", "acquit", "charge"})
# Terms of prison: "jailed for 12 years", "imprisoned for life" is a sentence (PLOVER
# SANCTION convict), not an arrest.
TERMS = frozenset({"year", "month", "week", "day", "life", "decade"})

# Modal auxiliaries: "will" is a future event, the others hypothetical.
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "'d"})

# PLOVER's cooperative categories: an intent to do one of them is itself an AGREE event
# ("will provide aid", "willing to withdraw": CAMEO 03 "express intent to ...").
COOPERATIVE = frozenset({"AID", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT", "AGREE"})
# An intent to do a conflictual act is a THREATEN (CAMEO 13: "will impose sanctions",
# "plans to restrict", "would boycott").
THREATENING = frozenset({"COERCE", "SANCTION", "ASSAULT", "PROTEST"})
# "Y must withdraw", said X: a demand by X of Y (CAMEO 10).
DEMANDING_AUX = frozenset({"must", "should"})

# Money a verb may take: "sanctioned Rs 75 crore" approves spending (South Asian English),
# "sanctioned 12 firms" penalises.
CURRENCY_SIGNS = frozenset({"$", "€", "£", "₹", "Rs", "Rs."})
MONEY_WORDS = frozenset({"fund", "funds", "funding", "grant", "budget", "money", "loan", "rupee", "dollar", "euro",
                         "crore", "lakh"})

# What is fired, flown or set at a target, which no one is in: "a drone hit the carrier",
# "the school was hit by a shell" is an attack (CAMEO 19/195), and the projectile itself
# is no actor ("A drone struck a cargo vessel", "a roadside bomb killed three soldiers":
# who fired or set it is not said). Not the arms of an army that PLOVER's coders keep as
# the actor ("Russian aircraft", "Israeli helicopters and tanks", "artillery").
PROJECTILES = frozenset({
    "drone", "uav", "missile", "rocket", "shell", "mortar", "bomb", "car-bomb", "grenade", "airstrike", "projectile",
    "bullet", "torpedo", "munition", "landmine", "mine", "ied", "explosive", "grad",
})
# The means of an attack, never its doer: a modifier of these says how, not whose.
MEANS = PROJECTILES | CYBER_MEANS
# Who or what attacks by code: an attack of theirs is a cyber operation ("hackers attacked
# the port's systems", "ransomware attacked the hospital"), COERCE cyber, no ASSAULT.
CYBER_ATTACKERS = CYBER_MEANS | {"hacker"}
# What is dug from a mine that is a pit, not a landmine: "a gold mine", "the coal mine"
# (events._a_pit).
MINERALS = frozenset({"gold", "coal", "copper", "diamond", "iron", "tin", "salt", "lithium", "cobalt", "jade",
                      "uranium", "silver", "zinc", "nickel", "bauxite", "potash", "manganese", "emerald", "ruby",
                      "opencast", "open-pit", "underground", "artisanal", "illegal"})
# Words in the clause that set an ASSAULT's mode (PLOVER manual mode definitions).
WEAPON_MODES: dict[str, str] = {
    "airstrike": "aerial", "warplane": "aerial", "jet": "aerial", "aircraft": "aerial",
    "helicopter": "aerial", "bomber": "aerial", "air": "aerial", "airstrikes": "aerial",
    "drone": "drone", "uav": "drone",
    "artillery": "heavy-weapons", "shell": "heavy-weapons", "shelling": "heavy-weapons",
    "mortar": "heavy-weapons", "rocket": "heavy-weapons", "missile": "heavy-weapons",
    "tank": "heavy-weapons", "howitzer": "heavy-weapons", "grad": "heavy-weapons",
    "bomb": "explosives", "explosive": "explosives", "ied": "explosives", "landmine": "explosives",
    "mine": "explosives", "grenade": "explosives", "blast": "explosives", "explosion": "explosives",
    "car-bomb": "explosives", "roadside": "explosives",
    "gun": "firearms", "rifle": "firearms", "gunfire": "firearms", "gunman": "firearms",
    "gunmen": "firearms", "sniper": "firearms", "bullet": "firearms", "fire": "firearms",
    "machine-gun": "firearms", "gunbattle": "firearms", "gunfight": "firearms", "shootout": "firearms",
    "knife": "primitive", "machete": "primitive", "stone": "primitive", "stick": "primitive",
    "rock": "primitive", "axe": "primitive",
    "suicide": "suicide-attack",
    "tear": "crowd-control", "baton": "crowd-control", "cannon": "crowd-control",
    "chemical": "unconventional", "nerve": "unconventional",
}
# People and bodies one holds office in: dismissing them is a firing, not a rejection
# (CAMEO 12 rejects proposals, demands and claims).
OFFICES = frozenset({
    "council", "minister", "official", "chief", "commander", "governor", "mayor", "board", "cabinet",
    "government", "staff", "head", "director", "general", "judge", "officer", "employee", "worker", "coach",
    "manager", "prosecutor", "ambassador", "envoy", "aide", "adviser", "advisor", "spokesman", "spokeswoman",
})
# Words of an attack or of fighting: beside them a thing destroyed was destroyed by force.
ATTACK_WORDS = frozenset({
    "attack", "fighting", "fight", "clash", "raid", "strike", "bombardment", "offensive", "assault", "war",
    "battle", "combat", "militant", "rebel", "troop", "force", "army", "soldier", "arson", "vandal", "rioter",
})
# More specific modes win when a clause names several weapons.
MODE_RANK = ("suicide-attack", "unconventional", "drone", "aerial", "heavy-weapons", "explosives",
             "crowd-control", "firearms", "primitive")

# What a threat threatens sets its mode (PLOVER THREATEN modes; CAMEO 131-139).
THREAT_MODES: dict[str, str] = {
    "ASSAULT": "violence", "COERCE": "restrict", "PROTEST": "restrict", "SANCTION": "relations",
    "MOBILIZE": "violence",
}
THREAT_MODES_BY_MODE: dict[str, str] = {
    "arrest": "arrest", "seize": "territory", "expel": "expel", "deport": "expel",
    "withdraw": "relations", "discontinue": "relations",
}
# A killing of one official or leader is a targeted one (PLOVER ASSAULT mode "targeted").
TARGET_TITLES = frozenset({
    "chief", "leader", "commander", "minister", "official", "mayor", "governor", "president",
    "judge", "journalist", "general", "prosecutor", "activist", "politician", "lawmaker",
})

# Toll words (killed / injured counts in the clause).
KILLED_WORDS = frozenset({"kill", "killed", "dead", "die", "death", "fatality", "toll", "life", "slay"})
INJURED_WORDS = frozenset({"injure", "injured", "wound", "wounded", "hurt", "injury"})


# Actors whose violence is a riot, not an armed assault: PLOVER codes violence by
# demonstrators as PROTEST with mode "riot" (ACLED: Riots / Violent demonstration), so
# "protesters clashed with police" is a violent protest, "troops clashed with rebels" an
# assault.
PROTESTERS = frozenset({
    "protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators",
    "rioter", "rioters", "marcher", "marchers", "crowd", "crowds", "mob",
})


# Nouns that name a happening, not one who acts: the event lexicon's ("shooting", "blast",
# "protest"; not "patrol", a group of people) and the happenings of news that are no
# political event (accidents, disasters, contests and their outcomes, changes and decisions,
# gatherings). As a clause's subject or a passive's agent ("Stabbing leaves two injured",
# "Ferry sunk by storm", "Timetable change worries commuters") such a noun says what
# happened or why, and answers no "who": Giveme5W1H's coders mark who acted, or nothing.
HAPPENINGS = (NOUNS.keys() - {"patrol"}) | frozenset({
    "accident", "crash", "collision", "derailment", "fire", "blaze", "wildfire", "earthquake", "quake",
    "flood", "flooding", "storm", "hurricane", "typhoon", "cyclone", "tornado", "landslide", "avalanche",
    "eruption", "outbreak", "epidemic", "collapse", "incident", "disaster", "tragedy", "stabbing",
    "game", "match", "race", "final", "election", "vote", "referendum", "victory", "win", "defeat",
    "change", "decision", "move", "ruling", "verdict", "announcement",
    "festival", "ceremony", "parade", "celebration", "concert", "funeral", "wedding",
})
# The start of an act, and verbs of starting, that a "since" counts time from: "since the
# start of the war", "since the outbreak of fighting", "since the war began", "since
# clashes broke out" (triggers._counted_from).
STARTS = frozenset({"start", "beginning", "outbreak", "onset", "eruption", "launch", "dawn", "opening"})
BEGINNING_VERBS = frozenset({"begin", "start", "erupt", "break", "flare", "resume", "escalate", "launch"})
# Spans of time that stand as a clause's subject for what happened in them ("a third day of
# shelling killed four", "a week of clashes left 30 dead"): no one who acts.
SPANS_OF_TIME = frozenset({"hour", "day", "night", "week", "weekend", "fortnight", "month", "year", "decade"})
# Forces of nature that kill: no one acts in them, so they are no event's actor
# ("Torrential rain has killed 12": no ASSAULT; PLOVER codes political acts), though a
# headline's reader may still answer "who" with them ("Floods kill 12").
NATURAL_FORCES = frozenset({
    "rain", "rainfall", "downpour", "deluge", "snow", "snowfall", "blizzard", "heatwave", "drought",
    "mudslide", "tsunami", "monsoon", "lightning", "tremor", "aftershock", "famine", "pandemic",
    "flood", "flooding", "storm", "hurricane", "typhoon", "cyclone", "tornado", "landslide", "avalanche",
    "earthquake", "quake", "eruption", "wildfire",
})
# Ways and features of the land: named (the model's FAC, or LOC with one of these heads)
# they are where something happens, never who acts ("the Lachin Corridor, which cut the
# enclave off": the parse's antecedent of "which" is the road, not the blockade).
LAND_FEATURES = frozenset({
    "corridor", "road", "highway", "motorway", "route", "river", "bridge", "valley", "mountain", "mountains",
    "sea", "lake", "coast", "pass", "canal", "strait", "gulf", "bay", "desert", "plain", "island", "crossing",
})
