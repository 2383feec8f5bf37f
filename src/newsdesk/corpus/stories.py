"""Stories: each new article joins the story it reports, online, or starts one.

How an article finds its story (``assign``), in the spirit of Miranda et al. (2018),
"Multilingual clustering of streaming news":

1. Features. The article's content words (top ``TOP_TERMS`` by TF-IDF; a title word
   counts as ``TITLE_WEIGHT`` body words), its entities (people by surname,
   ``story_key``) and places, the countries its toponyms name (``_countries``), its main
   event type and its time (published, unless the text's own dates contradict it) are
   saved in the ``article_features`` table, and the document frequencies in
   ``feature_df`` are bumped: the IDF is always that of the articles stored so far.
2. Copies. A copy or rewrite (a ``relations`` row naming this article as the copy) joins
   its original's story, whatever the words say.
3. Candidates. Only stories that share one of the article's ``QUERY_KEYS`` lookup keys
   (half its heaviest features, half its most selective), found through the feature
   index, are scored: never a scan of all stories.
4. Score. ``0.5 * cosine(terms) + 0.5 * cosine(entities and places)`` (IDF-weighted),
   times a Gaussian time decay on the days between the article and the story's median
   time, times a factor for where (the countries of their places, ``COUNTRY_FLOOR``),
   times ``EVENT_MISMATCH`` when both main event types are known and differ
   (1.0 for now, see the constant).
   The article joins the best candidate scoring at least ``JOIN``, else starts a story.

After each batch, a merge/split pass (``regroup``) fixes what the arrival order got wrong:
the touched stories and the stories near them are clustered again, by average linkage
(UPGMA, scipy) over the scores of their article pairs, so the result depends on which
articles there are, not on the order they came in (Miranda et al. merge clusters with a
learned model; here the merge rule is the same score, averaged over article pairs).

Hard negatives come from the time decay (an outbreak in 2020 and an offensive in 2023 at
the same place, with the same actors) and from where (one storm's floods in two
countries name different towns and officials, in two countries).
"""

from __future__ import annotations

import hashlib
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime

import numpy as np
import sqlalchemy as sa
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from spacy.lang.en.stop_words import STOP_WORDS

from newsdesk.store import Tx, schema

# Actor and place labels: these, not dates or numbers, say which event a text reports.
STORY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
COPY_KINDS = ("exact_copy", "near_copy", "rewrite")

# Miranda et al. keep a story's most weighted features; 50 content words per article keep
# the index small (bench/bench_stories.py) while a 600-word report keeps its topic words.
TOP_TERMS = 50
# Features of an article used to look up candidate stories, and how many stories to score.
QUERY_KEYS = 12
MAX_CANDIDATES = 30
# A feature in more articles than this is too common to look candidates up by (its posting
# list would be read whole on every arrival); the scoring still counts it.
MAX_POSTING = 1000
# Score needed to join a story on arrival (and, in the merge/split pass, for an article
# left alone to join a group). On the hand-written sets of tests/test_stories.py, reports
# of one event score 0.65-0.71 against each other and the hard negatives (one storm, two
# countries) 0.05-0.07; the bundled examples' short Derna reports are the low end of one
# story (about 0.2 article to article).
JOIN = 0.25
# Time decay (Gaussian, in days between median times): reports of one event cluster within
# days, a disaster's toll is revised for a week (the bundled Derna story spans six days);
# a week's gap costs 40 %, a month makes a different story whatever the words say.
# A 3-day sigma separates more follow-ups on the Giveme5W1H eval but splits the Derna
# story: see the README's stories table.
SIGMA_DAYS = 7.0
# The merge/split pass (``regroup``) reclusters by average linkage over article pairs: two
# groups are one story while their articles score at least LINK against each other on
# average (then each article left alone joins the group it scores JOIN against, as on
# arrival: ``attach_strays``). Article to article scores run lower than article to story,
# as no centroid sums the shared words up. The value comes from the bundled examples
# (src/newsdesk/examples): reports of one event there average 0.2 and more against each
# other, while the diaspora vigils (same day, actors and places, another event) average
# 0.17 against the Karabakh offensive; 0.18-0.22 all keep the examples' stories (swept
# offline with tests/test_stories_examples.py's partition). On the Giveme5W1H eval,
# topics average 0.22-0.46 inside and the two closest topics 0.135 against each other.
LINK = 0.2
# Time decay (days) between two articles in that pass. Reports of one event are hours to a
# few days apart, a disaster's toll is revised for a week (a 6-day gap keeps 49 %). Between
# the 3 days that part the bundled Derna reports of 12 and 18 Sep (the later one then
# rejoins only as a stray) and the 7 days of arrival, which lets a story's days-later
# follow-up in: offline on the Giveme5W1H eval's features, 3 / 5 / 7 days gave pairwise
# F1 0.87 / 0.90 / 0.88 at LINK (all three keep the examples' stories there).
LINK_SIGMA_DAYS = 5.0
# The pass reclusters at most this many of each story's latest articles; the earlier ones
# of a long story were settled by earlier passes and follow the story (a bound on the
# pass's cost: 30 candidate stories of 50 articles make a 1,500 x 1,500 score matrix).
REGROUP_LATEST = 50
# Articles the pass clusters at once: a 2,000 x 2,000 score matrix is 32 MB of floats and
# scipy's average linkage over it takes 0.2 s of CPU (measured). A batch whose touched stories
# have more around them is reclustered one touched story (and its neighbours) at a time.
REGROUP_MAX = 2000
# Rounds of the pass per batch: a split-off group looks for its story in the next round
# (one round more than the hand-written stray needs; the pass stops early when settled).
REGROUP_ROUNDS = 3
# Factor when the two main event types differ. Off (1.0) for now: the first asserted
# event is a poor "main event" with the current events stage (the bundled Derna reports
# get AID, ASSAULT and SANCTION, and 0.7 split that story); wired in for a better pick.
EVENT_MISMATCH = 1.0
# Where: scores are scaled by COUNTRY_FLOOR + (1 - COUNTRY_FLOOR) x the cosine of the
# countries of the two texts' toponyms (``_countries``; 1 when either has none). One
# storm's floods in two countries name towns of two countries and keep half their score;
# the floor stays high because place resolution is noisy: on the Giveme5W1H eval, before
# ``_countries`` left out nationality words and passing mentions, 0.5 moved the best
# pairwise F1 by -0.01 and 0.7 by 0 (offline, on the eval's final features).
COUNTRY_FLOOR = 0.5
# Where an event happened is said by toponyms, not by nationality words or people's
# names that the gazetteer also knows ("a Dutch driver" races in Brazil; "Mercedes" is a
# town in Argentina, "Clinton" one in Iowa): places tagged so leave the countries out.
NOT_WHERE_LABELS = ("NORP", "PERSON")
# A country counts for where only when at least this many place mentions give it: named
# once, it is as often a passing mention or a misread name as the scene (on the Giveme5W1H
# eval, a Brazilian Grand Prix report with one misread "Mercedes" and one "German" lost
# half its score to its story; the one-storm-two-countries negatives name each country
# and its towns several times).
MIN_COUNTRY_MENTIONS = 2
# A page's published date is not its text's when every full date the text names (at
# least two) comes more than this many days after it: a report tells of the past, so such
# a date is a first-publication date of an updated page or a misread field (one
# Giveme5W1H article dated 8 February quotes three tweets of 8 November). The text's dates
# are then the article's time. A month: at that gap the time decay is nil anyway.
CONTRADICTED_DAYS = 30
# A headline word counts as this many body words: the headline names the event, and a
# 200-400 word report repeats its few key words 3 to 9 times (the bundled examples), so
# its words rank with those; a gallery or a long list of reactions in the body then
# dilutes an article less. On the Giveme5W1H eval (10 orders) 2 / 3 / 5 / 8 gave pairwise
# F1 0.946 / 0.952 / 0.964 / 0.966, all at precision 0.997-0.998; the examples keep their
# stories at all four.
TITLE_WEIGHT = 5
N_ARTICLES = "#articles"  # the feature_df row that counts articles
KEY_ENTITIES = 8

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]")


def story_id_for(article_id: str, salt: str = "") -> str:
    return hashlib.sha256(f"story:{article_id}{salt}".encode()).hexdigest()[:12]


# -- features -----------------------------------------------------------------------------


def content_words(text: str) -> Counter:
    """Lower-cased words of three letters or more, without stop words or possessives."""
    words = (w.casefold().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text))
    return Counter(w for w in words if len(w) > 2 and w not in STOP_WORDS)


def parse_time(value: str | None) -> datetime | None:
    """An ISO date or datetime to the minute (``2016-11-06 05:00:06``), in UTC; None if not one."""
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value.strip()[:16])
    except ValueError:
        try:
            t = datetime.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return t.replace(tzinfo=t.tzinfo or UTC)


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items()}


def _sublinear(counts: Counter, prefix: str) -> dict[str, float]:
    return {prefix + k: 1.0 + math.log(n) for k, n in counts.items()}


def _text_days(tx: Tx, article_id: str) -> list[datetime]:
    """The full dates (``YYYY-MM-DD``) the article's text names, in order."""
    d = schema.dates
    values = tx.conn.execute(sa.select(d.c.value).where(d.c.article_id == article_id)).scalars()
    return sorted(x for x in (parse_time(v) for v in values if v and len(v) == 10) if x)


def _article_time(tx: Tx, article_id: str, published: str | None) -> datetime | None:
    """Article.published when given and not contradicted by the text (CONTRADICTED_DAYS),
    else the median of the full dates its text gives."""
    when = parse_time(published)
    days = _text_days(tx, article_id)
    if when and not (len(days) >= 2 and (days[0] - when).days > CONTRADICTED_DAYS):
        return when
    return statistics.median_low(days) if days else None


def story_key(entity_id: str) -> str:
    """The key an entity is matched by across articles: a person by surname.

    The entities stage joins "Max Verstappen" and "Verstappen" within one article; across
    articles one says "person:max-verstappen" and another, whose tagger split the name,
    "person:verstappen". News names a person by surname after the first mention, so the
    surname is the key (relatives share it: for one story that costs little). A trailing
    possessive token ("hillary-clinton-s") is dropped.
    """
    kind, _, name = entity_id.partition(":")
    if kind != "person":
        return entity_id
    parts = name.split("-")
    if len(parts) > 1 and parts[-1] == "s":
        parts.pop()
    return f"person:{parts[-1]}"


def _countries(tx: Tx, article_id: str) -> Counter:
    """Place mentions per country, for where: toponyms only (NOT_WHERE_LABELS), and only
    countries given by MIN_COUNTRY_MENTIONS mentions or more. A dateline's place says where
    the report was filed from, whatever label a mention of the text at its offsets has (its
    span indexes the dateline's words)."""
    p, m = schema.places, schema.mentions
    labels = {
        (start, end): label
        for start, end, label in tx.conn.execute(
            sa.select(m.c.start, m.c.end, m.c.label).where(m.c.article_id == article_id)
        )
    }
    rows = tx.conn.execute(
        sa.select(p.c.start, p.c.end, p.c.country, p.c.in_dateline).where(p.c.article_id == article_id)
    )
    counts = Counter(c for start, end, c, dated in rows
                     if c and (dated or labels.get((start, end)) not in NOT_WHERE_LABELS))
    return Counter({c: n for c, n in counts.items() if n >= MIN_COUNTRY_MENTIONS})


def _main_event(tx: Tx, article_id: str) -> str | None:
    """The PLOVER type of the article's main event (facts/main.py); for a main event of no
    PLOVER type, or an article stored without one, that of its first asserted event:
    the lead reports the main one."""
    m = schema.main_events
    if found := tx.conn.execute(sa.select(m.c.type).where(m.c.article_id == article_id)).scalar():
        return found
    e = schema.events
    q = sa.select(e.c.type).where(e.c.article_id == article_id, e.c.modality == "asserted").order_by(e.c.start)
    return tx.conn.execute(q.limit(1)).scalar()


def raw_features(tx: Tx, article_id: str) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """(term weights, entity and place weights, other features) of a stored article: its
    time and main event type (weight 1) and the countries of its places (unit length)."""
    a, m, p = schema.articles, schema.mentions, schema.places
    row = tx.conn.execute(sa.select(a.c.title, a.c.text, a.c.published).where(a.c.id == article_id)).one()
    named = tx.conn.execute(
        sa.select(m.c.entity_id, m.c.text).where(m.c.article_id == article_id, m.c.label.in_(STORY_LABELS))
    ).all()
    words = content_words(row.text)
    for w, n in content_words(row.title or "").items():
        words[w] += (TITLE_WEIGHT - 1) * n if w in words else TITLE_WEIGHT * n
    ents = Counter(story_key(entity) for entity, _ in named)
    rows = tx.conn.execute(sa.select(p.c.geonameid, p.c.name).where(p.c.article_id == article_id)).all()
    places = Counter(str(g) if g is not None else name.casefold() for g, name in rows)
    countries = _countries(tx, article_id)
    other = {}
    if when := _article_time(tx, article_id, row.published):
        other[f"d:{when.astimezone(UTC).isoformat(timespec='minutes')[:16]}"] = 1.0
    if event := _main_event(tx, article_id):
        other[f"v:{event}"] = 1.0
    other |= _unit(_sublinear(countries, "c:"))
    return _sublinear(words, "t:"), {**_sublinear(ents, "e:"), **_sublinear(places, "p:")}, other


# -- the store: document frequencies, features, story vectors -----------------------------------


def chunks(items: list, n: int = 500) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


# Statements over a list of features, compiled once: the list goes in as an expanding
# parameter at execution (``in_(list)`` built anew coerces every key, which was most of
# these calls' time; see relate._LOOKUP).
_FEATURES = sa.bindparam("features", expanding=True)
_DF = sa.select(schema.feature_df.c.feature, schema.feature_df.c.df).where(schema.feature_df.c.feature.in_(_FEATURES))
_BUMP = (
    sa.update(schema.feature_df)
    .where(schema.feature_df.c.feature.in_(_FEATURES))
    .values(df=schema.feature_df.c.df + 1)
)


def idf(tx: Tx, features: Iterable[str]) -> dict[str, float]:
    """Smoothed IDF, as scikit-learn's: ln((1 + N) / (1 + df)) + 1, over stored articles."""
    keys = sorted({f for f in features if f[:2] in ("t:", "e:", "p:")} | {N_ARTICLES})
    df = {}
    for part in chunks(keys):
        df.update(tx.conn.execute(_DF, {"features": part}).all())
    n = df.pop(N_ARTICLES, 0)
    return {k: math.log((1 + n) / (1 + df.get(k, 0))) + 1 for k in keys if k != N_ARTICLES}


def _bump_df(tx: Tx, features: Iterable[str]) -> None:
    t = schema.feature_df
    keys = sorted(set(features) | {N_ARTICLES})
    known = set()
    for part in chunks(keys):
        known |= {feature for feature, _ in tx.conn.execute(_DF, {"features": part})}
    for part in chunks(sorted(known)):
        tx.conn.execute(_BUMP, {"features": part})
    fresh = [{"feature": k, "df": 1} for k in keys if k not in known]
    if fresh:
        tx.conn.execute(sa.insert(t), fresh)


def index_article(tx: Tx, article_id: str) -> dict[str, float]:
    """Compute, count and save an article's features; return them (unit weights per kind)."""
    terms, ents, other = raw_features(tx, article_id)
    _bump_df(tx, [*terms, *ents])
    weights = idf(tx, [*terms, *ents])
    top = sorted(terms, key=lambda k: (-terms[k] * weights[k], k))[:TOP_TERMS]
    features = {**_unit({k: terms[k] for k in top}), **_unit(ents), **other}
    rows = [{"article_id": article_id, "feature": k, "weight": w} for k, w in features.items()]
    if rows:
        tx.conn.execute(sa.insert(schema.article_features), rows)
    return features


def article_vectors(tx: Tx, article_ids: list[str]) -> dict[str, dict[str, float]]:
    f = schema.article_features
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for part in chunks(article_ids):
        for aid, feature, weight in tx.conn.execute(sa.select(f).where(f.c.article_id.in_(part))):
            out[aid][feature] = weight
    return out


def story_vectors(tx: Tx, story_ids: Iterable[str]) -> dict[str, dict[str, float]]:
    """Each story's features: the sum of its articles' (days and event types counted)."""
    f, a = schema.article_features, schema.articles
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for part in chunks(sorted(set(story_ids))):
        q = (
            sa.select(a.c.story_id, f.c.feature, sa.func.sum(f.c.weight))
            .select_from(f.join(a, a.c.id == f.c.article_id))
            .where(a.c.story_id.in_(part))
            .group_by(a.c.story_id, f.c.feature)
        )
        for story, feature, weight in tx.conn.execute(q):
            out[story][feature] = weight
    return out


def _lookup_keys(tx: Tx, keys: list[str]) -> list[str]:
    """Half the vector's heaviest keys and half its most selective ones (shortest posting
    lists), none longer than MAX_POSTING and none only this article has (they match nothing)."""
    t = schema.feature_df
    df = dict(tx.conn.execute(sa.select(t.c.feature, t.c.df).where(t.c.feature.in_(keys))).all())
    usable = [k for k in keys if 2 <= df.get(k, 0) <= MAX_POSTING]
    rarest = sorted(usable, key=lambda k: (df[k], usable.index(k)))
    return list(dict.fromkeys(usable[: QUERY_KEYS // 2] + rarest))[:QUERY_KEYS]


def candidates(tx: Tx, vector: dict[str, float], weights: dict[str, float], exclude: str | None = None) -> list[str]:
    """Stories sharing the most of the vector's most specific features (the inverted index)."""
    ranked = sorted((k for k in vector if k in weights), key=lambda k: (-vector[k] * weights[k], k))
    keys = _lookup_keys(tx, ranked[: 5 * QUERY_KEYS])
    if not keys:
        return []
    f, a = schema.article_features, schema.articles
    shared = sa.func.count(sa.distinct(f.c.feature))
    q = (
        sa.select(a.c.story_id, shared)
        .select_from(f.join(a, a.c.id == f.c.article_id))
        .where(f.c.feature.in_(keys), a.c.story_id.is_not(None))
        .group_by(a.c.story_id)
        .order_by(shared.desc(), a.c.story_id)
        .limit(MAX_CANDIDATES + 1)
    )
    return [s for s, _ in tx.conn.execute(q) if s != exclude][:MAX_CANDIDATES]


# -- scoring ------------------------------------------------------------------------------------


def _cosine(
    x: dict[str, float], y: dict[str, float], weights: dict[str, float], prefixes: tuple[str, ...]
) -> float | None:
    xs = {k: v * weights.get(k, 1.0) for k, v in x.items() if k.startswith(prefixes)}
    ys = {k: v * weights.get(k, 1.0) for k, v in y.items() if k.startswith(prefixes)}
    if not xs or not ys:
        return None
    dot = sum(v * ys.get(k, 0.0) for k, v in xs.items())
    return dot / math.sqrt(sum(v * v for v in xs.values()) * sum(v * v for v in ys.values()))


def _times(vector: dict[str, float]) -> list[tuple[float, float]]:
    """(day number, weight) of each dated article behind the vector."""
    return sorted(
        (t.timestamp() / 86400, w) for k, w in vector.items() if k.startswith("d:") and (t := parse_time(k[2:]))
    )


def _median_time(vector: dict[str, float]) -> float | None:
    """The median time of the articles behind the vector: one late follow-up cannot drag it."""
    times = [t for t, w in _times(vector) for _ in range(max(1, round(w)))]
    return statistics.median(times) if times else None


def time_decay(x: dict[str, float], y: dict[str, float], sigma: float = SIGMA_DAYS) -> float:
    """Gaussian in the days between the median times of x and y; 1 if either is undated.

    The median, not the nearest article: chaining through the nearest article would join
    an event to its follow-up days later (the hard negatives), one small step at a time.
    """
    tx_, ty = _median_time(x), _median_time(y)
    if tx_ is None or ty is None:
        return 1.0
    return math.exp(-0.5 * ((tx_ - ty) / sigma) ** 2)


def _main_type(vector: dict[str, float]) -> str | None:
    types = {k: w for k, w in vector.items() if k.startswith("v:")}
    return max(sorted(types), key=types.get) if types else None


def score(x: dict[str, float], y: dict[str, float], weights: dict[str, float], sigma: float = SIGMA_DAYS) -> float:
    """How likely x and y (an article or a story, as feature vectors) report one event."""
    terms = _cosine(x, y, weights, ("t:",)) or 0.0
    names = _cosine(x, y, weights, ("e:", "p:"))
    base = terms if names is None else 0.5 * terms + 0.5 * names
    ex, ey = _main_type(x), _main_type(y)
    event = EVENT_MISMATCH if ex and ey and ex != ey else 1.0
    return base * time_decay(x, y, sigma) * event * _where(_cosine(x, y, {}, ("c:",)))


def _where(countries: float | None) -> float:
    """The factor from the cosine of the countries of two texts' places (1 if either has none)."""
    return 1.0 if countries is None else COUNTRY_FLOOR + (1.0 - COUNTRY_FLOOR) * countries


def scored_candidates(
    tx: Tx, vector: dict[str, float], exclude: str | None = None, sigma: float = SIGMA_DAYS
) -> list[tuple[str, float]]:
    """The candidate stories of ``vector`` and their scores against it, best first."""
    found = candidates(tx, vector, idf(tx, vector), exclude)
    stories = story_vectors(tx, found)
    weights = idf(tx, {k for v in (vector, *stories.values()) for k in v})
    return sorted(((s, score(vector, stories[s], weights, sigma)) for s in found), key=lambda p: (-p[1], p[0]))


def best_story(
    tx: Tx, vector: dict[str, float], exclude: str | None = None, sigma: float = SIGMA_DAYS
) -> tuple[str | None, float]:
    """The candidate story scoring highest against ``vector``, and its score."""
    scored = scored_candidates(tx, vector, exclude, sigma)
    return scored[0] if scored else (None, 0.0)


# -- the stages ---------------------------------------------------------------------------------


def _copy_story(tx: Tx, article_id: str) -> str | None:
    """The story of the original when this article is a copy or rewrite of it."""
    r, a = schema.relations, schema.articles
    q = (
        sa.select(a.c.story_id)
        .select_from(r.join(a, a.c.id == r.c.source))
        .where(r.c.copy == article_id, r.c.kind.in_(COPY_KINDS), a.c.story_id.is_not(None))
        .order_by(r.c.score.desc(), r.c.source)
    )
    return tx.conn.execute(q.limit(1)).scalar()


def assign(tx: Tx, batch):
    """Corpus stage: each new article joins its copy's story, the best candidate, or a new one."""
    touched = set(batch.touched_stories)
    for article_id in batch.new_ids:
        vector = index_article(tx, article_id)
        story = _copy_story(tx, article_id)
        if story is None:
            best, best_score = best_story(tx, vector, exclude=None)
            story = best if best is not None and best_score >= JOIN else story_id_for(article_id)
        tx.set_story(article_id, story)
        touched.add(story)
    touched |= regroup(tx, touched)
    return type(batch)(new_ids=batch.new_ids, touched_stories=frozenset(touched))


# -- the merge/split pass -----------------------------------------------------------------------


def _neighbourhood(tx: Tx, stories: set[str]) -> set[str]:
    """The touched stories and every story close enough to one of them to join it.

    The cosine of two sums of unit vectors is at least the mean cosine of their pairs, so a
    story scoring below LINK story to story is not expected to reach LINK on average (exact
    for the word and name cosines; the time and place factors are taken on medians and sums
    there, on pairs in the pass, which is close but not a bound).
    """
    hood = set(stories)
    for story in sorted(stories):
        vector = story_vectors(tx, [story]).get(story)
        if vector:
            hood |= {s for s, x in scored_candidates(tx, vector, exclude=story, sigma=LINK_SIGMA_DAYS) if x >= LINK}
    return hood


def _members(tx: Tx, stories: set[str]) -> dict[str, str]:
    """Article id -> story for the articles the pass reclusters: each story's REGROUP_LATEST
    latest (earlier articles of a long story were settled by earlier passes)."""
    a = schema.articles
    out = {}
    for story in sorted(stories):
        q = sa.select(a.c.id).where(a.c.story_id == story).order_by(a.c.seq.desc()).limit(REGROUP_LATEST)
        out.update(dict.fromkeys(tx.conn.execute(q).scalars(), story))
    return out


def _copies(tx: Tx, ids: Iterable[str]) -> dict[str, str]:
    """Copy -> its original, for the copies and rewrites among ``ids`` (the best-scored one)."""
    r = schema.relations
    out: dict[str, str] = {}
    for part in chunks(sorted(set(ids))):
        q = (
            sa.select(r.c.copy, r.c.source)
            .where(r.c.copy.in_(part), r.c.kind.in_(COPY_KINDS))
            .order_by(r.c.copy, r.c.score.desc(), r.c.source)
        )
        for copy, source in tx.conn.execute(q):
            out.setdefault(copy, source)
    return out


def _sparse(vectors: list[dict[str, float]], weights: dict[str, float], prefixes: tuple[str, ...]):
    """Rows of IDF-weighted features with these prefixes, each of unit length (or zero)."""
    cols: dict[str, int] = {}
    data, rows, indices = [], [], []
    for i, vector in enumerate(vectors):
        for k, v in vector.items():
            if k.startswith(prefixes):
                rows.append(i)
                indices.append(cols.setdefault(k, len(cols)))
                data.append(v * weights.get(k, 1.0))
    matrix = sparse.csr_matrix((data, (rows, indices)), shape=(len(vectors), max(1, len(cols))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ matrix


def pair_scores(vectors: list[dict[str, float]], weights: dict[str, float], sigma: float = LINK_SIGMA_DAYS):
    """``score`` of every pair of article vectors at once, as a square numpy array."""
    terms = _sparse(vectors, weights, ("t:",))
    names = _sparse(vectors, weights, ("e:", "p:"))
    t, e = (terms @ terms.T).toarray(), (names @ names.T).toarray()
    named = np.asarray(names.getnnz(axis=1) > 0)
    base = np.where(np.outer(named, named), 0.5 * t + 0.5 * e, t)
    days = np.array([_median_time(v) if _median_time(v) is not None else np.nan for v in vectors])
    decay = np.nan_to_num(np.exp(-0.5 * (np.subtract.outer(days, days) / sigma) ** 2), nan=1.0)
    countries = _sparse(vectors, {}, ("c:",))
    located = np.asarray(countries.getnnz(axis=1) > 0)
    where = np.where(np.outer(located, located), _where((countries @ countries.T).toarray()), 1.0)
    types = np.array([_main_type(v) or "" for v in vectors])
    differ = (types[:, None] != types[None, :]) & (types[:, None] != "") & (types[None, :] != "")
    return base * decay * where * np.where(differ, EVENT_MISMATCH, 1.0)


def average_link(scores: np.ndarray, link: float = LINK) -> list[int]:
    """Cluster labels by average linkage (UPGMA): two groups join while the mean score of
    their article pairs is at least ``link``. It depends on the set, not on its order."""
    if len(scores) < 2:
        return [0] * len(scores)
    distances = squareform(np.clip(1.0 - scores, 0.0, 1.0), checks=False)
    return [int(x) for x in fcluster(linkage(distances, method="average"), t=1.0 - link, criterion="distance")]


def attach_strays(labels: list[int], vectors: list[dict[str, float]], weights: dict[str, float]) -> list[int]:
    """Labels after each article left alone by the linkage joins the group whose summed
    vector it scores best against, if at least JOIN: the rule of the online assignment.

    A short or wide-ranging report averages low against every other article of its story
    yet fits the story as a whole; all strays are scored against the same groups at once,
    so the outcome does not depend on their order.
    """
    sizes = Counter(labels)
    groups: dict[int, Counter] = defaultdict(Counter)
    for label, vector in zip(labels, vectors, strict=True):
        if sizes[label] > 1:
            groups[label].update(vector)
    out = list(labels)
    for i, label in enumerate(labels):
        if sizes[label] == 1 and groups:
            best = max(sorted(groups), key=lambda g: score(vectors[i], groups[g], weights))
            if score(vectors[i], groups[best], weights) >= JOIN:
                out[i] = best
    return out


def _name_groups(groups: list[list[str]], old: dict[str, str]) -> dict[str, str]:
    """Article -> story id for the new groups: the largest group keeps the story most of its
    articles were in, so ids stay stable; a group left without one gets a fresh id."""
    out, used = {}, set()
    for group in sorted(groups, key=lambda g: (-len(g), min(g))):
        counts = Counter(old[a] for a in group if old[a] not in used)
        story = min(counts, key=lambda s: (-counts[s], s)) if counts else None
        story = story or story_id_for(min(group), salt=":" + ",".join(sorted(group)))
        used.add(story)
        out.update(dict.fromkeys(group, story))
    return out


def regroup(tx: Tx, stories: Iterable[str]) -> set[str]:
    """The merge/split pass: recluster the touched stories and their neighbours by average
    linkage over article pairs; returns the stories it changed.

    A group split off a story has neighbours of its own (a stray article and the story it
    belongs to), so the stories a round creates get a round of their own, up to
    REGROUP_ROUNDS.
    """
    todo, touched = set(stories), set()
    for _ in range(REGROUP_ROUNDS):
        hood = _neighbourhood(tx, todo)
        if len(todo) > 1 and len(_members(tx, hood)) > REGROUP_MAX:
            # Too many articles for one score matrix: each touched story with its own
            # neighbours, one after the other (each reads what the last one wrote).
            changed = set().union(*(_recluster(tx, _neighbourhood(tx, {s})) for s in sorted(todo)))
        else:
            changed = _recluster(tx, hood)
        touched |= changed
        todo = changed - hood
        if not todo:
            break
    return touched


def _recluster(tx: Tx, stories: set[str]) -> set[str]:
    """Cluster these stories' articles again; copies and rewrites follow their original."""
    old = _members(tx, stories)
    copies = _copies(tx, old)
    ids = sorted(a for a in old if a not in copies)
    vectors = article_vectors(tx, ids)
    rows = [vectors.get(a, {}) for a in ids]
    weights = idf(tx, {k for v in rows for k in v})
    labels = average_link(pair_scores(rows, weights, LINK_SIGMA_DAYS), LINK)
    labels = attach_strays(labels, rows, weights)
    groups: dict[int, list[str]] = defaultdict(list)
    for aid, label in zip(ids, labels, strict=True):
        groups[label].append(aid)
    new = _name_groups(list(groups.values()), old)
    touched = set()
    for aid, story in sorted(new.items()):
        if story != old[aid]:
            tx.set_story(aid, story)
            touched |= {story, old[aid]}
    for copy, source in sorted(copies.items()):
        for _ in range(len(copies)):  # a copy of a copy follows the first original
            source = copies.get(source, source)
        story = new.get(source) or tx.story_of(source)
        if story and story != old[copy]:
            tx.set_story(copy, story)
            touched |= {story, old[copy]}
    return touched
