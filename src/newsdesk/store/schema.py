"""The store's tables, as SQLAlchemy Core objects: one schema for SQLite and PostgreSQL.

Spans are stored as two integer columns (``start``, ``end``). Small nested lists that are
only ever read whole with their row (an article's outline, removals, flags) are JSON.

Tables change only through a migration in ``migrations.py``; this module describes the
schema as the newest migration leaves it.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("applied_at", sa.String(40), nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    # Insertion order: stages that need "which came first" without dates use it.
    sa.Column("seq", sa.Integer, nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("published", sa.String(40)),
    sa.Column("language", sa.String(16)),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("outline", sa.JSON, nullable=False),
    sa.Column("standfirst", sa.Text),
    sa.Column("byline", sa.Text),
    sa.Column("dateline", sa.Text),
    sa.Column("removed", sa.JSON, nullable=False),
    sa.Column("flags", sa.JSON, nullable=False),
    sa.Column("notes", sa.JSON, nullable=False),
    sa.Column("story_id", sa.String(32), index=True),
    sa.Column("ingested_at", sa.String(40), nullable=False),
)

# Every place an article was found: exact copies (same normalised text) from other
# URLs or outlets are one article with several sources.
article_sources = sa.Table(
    "article_sources",
    metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("origin", sa.Text, primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(40)),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.String(8)),
    sa.Column("geonameid", sa.Integer),
    sa.Column("description", sa.Text),
)


def _fact_table(name: str, *columns: sa.Column) -> sa.Table:
    """A per-article fact table: article id, span, then the fact's own columns."""
    return sa.Table(
        name,
        metadata,
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        *columns,
    )


mentions = _fact_table(
    "mentions",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("label", sa.String(16), nullable=False),
    sa.Column("entity_id", sa.String(80), nullable=False, index=True),
)

places = _fact_table(
    "places",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.String(8)),
    sa.Column("geonameid", sa.Integer),
    # Whose point: "place", the named place's; "town", the town a street or building is in.
    sa.Column("precision", sa.String(8), nullable=False, server_default="place"),
    # Named in the dateline (migration 0011): ``start``/``end`` index the dateline's words
    # (model.Place.in_dateline, ``Article.dateline_text``), not the article's text.
    sa.Column("in_dateline", sa.Boolean, nullable=False, server_default=sa.false()),
)

dates = _fact_table(
    "dates",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("value", sa.String(40)),
)

quotes = _fact_table(
    "quotes",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_entity_id", sa.String(80)),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
)

figures = _fact_table(
    "figures",
    sa.Column("quantity", sa.String(32), nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("approximate", sa.Boolean, nullable=False),
    sa.Column("qualifier", sa.String(32)),
    sa.Column("unit", sa.String(32)),
    sa.Column("subject", sa.Text),
    sa.Column("reported_by", sa.Text),
    sa.Column("as_of", sa.String(40)),
    sa.Column("background", sa.Boolean, nullable=False),
    sa.Column("as_of_value", sa.String(40)),
    sa.Column("high", sa.Float),
    sa.Column("incident", sa.Text),
    sa.Column("increment", sa.Boolean, nullable=False, server_default=sa.false()),
)

events = _fact_table(
    "events",
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("mode", sa.String(32)),
    sa.Column("actor", sa.Text),
    sa.Column("recipient", sa.Text),
    sa.Column("place", sa.Text),
    sa.Column("when", sa.String(40)),
    sa.Column("killed", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("modality", sa.String(32), nullable=False),
    sa.Column("claimed_by", sa.Text),  # migration 0005
)

# Each article's main event (migration 0006; facts/main.py, model.MainEvent): one row per
# article that has one. Spans as in the fact tables; an ``in_title`` column says that its
# span indexes the article's title, which cleaning keeps out of the text.
main_events = sa.Table(
    "main_events",
    metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("in_title", sa.Boolean, nullable=False),
    sa.Column("what", sa.Text, nullable=False),
    sa.Column("type", sa.String(32)),  # null: a clause no PLOVER category covers
    sa.Column("mode", sa.String(32)),
    sa.Column("actor", sa.Text),
    sa.Column("recipient", sa.Text),
    sa.Column("modality", sa.String(32), nullable=False),
    sa.Column("claimed_by", sa.Text),
    sa.Column("place", sa.Text),
    sa.Column("place_start", sa.Integer),
    sa.Column("place_end", sa.Integer),
    sa.Column("place_in_title", sa.Boolean, nullable=False),
    sa.Column("when", sa.String(40)),
    sa.Column("when_start", sa.Integer),
    sa.Column("when_end", sa.Integer),
    sa.Column("when_in_title", sa.Boolean, nullable=False),
)

relations = sa.Table(
    "relations",
    metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("source", sa.String(32), primary_key=True),
    sa.Column("copy", sa.String(32), primary_key=True),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("evidence", sa.JSON, nullable=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("first_seen", sa.String(40)),
    sa.Column("last_seen", sa.String(40)),
    # When the story last gained an article: "newest activity first".
    sa.Column("updated_seq", sa.Integer, nullable=False, index=True),
    # The story's comparison (figures, summary), recomputed when it changes.
    sa.Column("dossier", sa.JSON, nullable=False),
)

# The stories index (migration 0003): each article's features, prefixed by kind
# ("t:" term, "e:" entity, "p:" place, "v:" main event type, "d:" day), with the story
# weight they add; indexed by feature, so candidate stories come from an inverted index.
article_features = sa.Table(
    "article_features",
    metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("feature", sa.String(160), primary_key=True, index=True),
    sa.Column("weight", sa.Float, nullable=False),
)

# Document frequency of each term/entity/place feature, kept up to date as articles
# arrive (the IDF of the TF-IDF); the row "#articles" holds the number of articles.
feature_df = sa.Table(
    "feature_df",
    metadata,
    sa.Column("feature", sa.String(160), primary_key=True),
    sa.Column("df", sa.Integer, nullable=False),
)

# What the stories stage says about a story beyond the ``stories`` row.
story_meta = sa.Table(
    "story_meta",
    metadata,
    sa.Column("story_id", sa.String(32), primary_key=True),
    sa.Column("central_article", sa.String(32)),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("sources", sa.JSON, nullable=False),
    sa.Column("key_entities", sa.JSON, nullable=False),
)

# The relate stage's index (corpus/relate.py): MinHash band keys (kind 1) and winnowed
# passage fingerprints (kind 2) of every article, so near copies and shared passages are
# found by key lookups, incrementally across runs; deleting an article deletes its rows.
relate_keys = sa.Table(
    "relate_keys",
    metadata,
    sa.Column("kind", sa.SmallInteger, nullable=False),
    sa.Column("key", sa.BigInteger, nullable=False),
    sa.Column("article_id", sa.String(32), nullable=False, index=True),
    sa.Index("ix_relate_keys_kind_key", "kind", "key"),
)

FACT_TABLES = (mentions, places, dates, quotes, figures, events)
