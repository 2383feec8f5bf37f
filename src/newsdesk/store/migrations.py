"""Named, transactional schema migrations (the sqlite-utils / datasette habit).

Each migration is a function of a connection, registered in ``MIGRATIONS`` under a name
that never changes once released. ``migrate`` runs the ones a database has not seen, each
in its own transaction together with the row that records it, so a crash leaves either the
old schema or the new one.

``schema.py`` describes the newest schema. ``initial`` creates tables from it, so a later
migration that adds a column to an existing table must check that the column is missing
first (a fresh database already has it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from newsdesk.store import schema

Migration = Callable[[sa.Connection], None]


def _initial(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, checkfirst=True)


def _sqlite_fts(conn: sa.Connection) -> None:
    """Full-text search over articles (SQLite FTS5; PostgreSQL searches with ILIKE)."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
        "id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"
    )


def _story_index(conn: sa.Connection) -> None:
    """The stories stage's inverted index, feature document frequencies and story facts."""
    for table in (schema.article_features, schema.feature_df, schema.story_meta):
        table.create(conn, checkfirst=True)


def _relate_keys(conn: sa.Connection) -> None:
    """The relate stage's index of MinHash band keys and passage fingerprints."""
    schema.relate_keys.create(conn, checkfirst=True)


def _event_claimed_by(conn: sa.Connection) -> None:
    """Who claims a claimed event (issue 7): ``events.claimed_by``."""
    if "claimed_by" not in {c["name"] for c in sa.inspect(conn).get_columns("events")}:
        conn.execute(sa.text("ALTER TABLE events ADD COLUMN claimed_by TEXT"))


def _main_events(conn: sa.Connection) -> None:
    """Each article's main event (issue 7): the table ``main_events``. Articles stored
    before it have none until they are analysed again."""
    schema.main_events.create(conn, checkfirst=True)


def _figure_time_and_range(conn: sa.Connection) -> None:
    """The TIMEX3 value of a figure's as-of time, by which a story orders its figures, and
    the upper end of a range (issue 7): ``figures.as_of_value``, ``figures.high``. Figures
    stored before have neither: they are ordered by their article's report day, as before,
    and a range shows its lower end."""
    columns = {c["name"] for c in sa.inspect(conn).get_columns("figures")}
    if "as_of_value" not in columns:
        conn.execute(sa.text("ALTER TABLE figures ADD COLUMN as_of_value VARCHAR(40)"))
    if "high" not in columns:
        conn.execute(sa.text("ALTER TABLE figures ADD COLUMN high FLOAT"))


def _figure_incident(conn: sa.Connection) -> None:
    """The one incident a toll is of, beside the article's own event (issue 7):
    ``figures.incident``. Figures stored before have none: a story judges them with its
    toll, as before."""
    if "incident" not in {c["name"] for c in sa.inspect(conn).get_columns("figures")}:
        conn.execute(sa.text("ALTER TABLE figures ADD COLUMN incident TEXT"))


def _place_precision(conn: sa.Connection) -> None:
    """Whose point a place is (issue 6): ``places.precision``, "town" for a street or
    building placed at its town. Places stored before are all the named place's own."""
    if "precision" not in {c["name"] for c in sa.inspect(conn).get_columns("places")}:
        conn.execute(sa.text("ALTER TABLE places ADD COLUMN precision VARCHAR(8) NOT NULL DEFAULT 'place'"))


def _figure_increment(conn: sa.Connection) -> None:
    """Whether a figure counts the new ones of a day rather than a running total (issue 7):
    ``figures.increment``. Figures stored before are all read as totals, as before."""
    if "increment" not in {c["name"] for c in sa.inspect(conn).get_columns("figures")}:
        conn.execute(sa.text("ALTER TABLE figures ADD COLUMN increment BOOLEAN NOT NULL DEFAULT FALSE"))


def _place_in_dateline(conn: sa.Connection) -> None:
    """Whether a place is named in the dateline that cleaning took out of the text (issue
    6): ``places.in_dateline``; its span then indexes the dateline's words. Places stored
    before are all the text's (an article stored before has no dateline place until it is
    analysed again)."""
    if "in_dateline" not in {c["name"] for c in sa.inspect(conn).get_columns("places")}:
        conn.execute(sa.text("ALTER TABLE places ADD COLUMN in_dateline BOOLEAN NOT NULL DEFAULT FALSE"))


MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("0001_initial", _initial),
    ("0002_sqlite_fts", _sqlite_fts),
    ("0003_story_index", _story_index),
    ("0004_relate_keys", _relate_keys),
    ("0005_event_claimed_by", _event_claimed_by),
    ("0006_main_events", _main_events),
    ("0007_figure_time_and_range", _figure_time_and_range),
    ("0008_figure_incident", _figure_incident),
    ("0009_place_precision", _place_precision),
    ("0010_figure_increment", _figure_increment),
    ("0011_place_in_dateline", _place_in_dateline),
)


def applied(conn: sa.Connection) -> set[str]:
    if not sa.inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.execute(sa.select(schema.schema_migrations.c.name)).scalars())


def migrate(engine: sa.Engine) -> list[str]:
    """Bring the database up to date; return the names of the migrations run."""
    with engine.begin() as conn:
        schema.schema_migrations.create(conn, checkfirst=True)
        done = applied(conn)
    ran = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with engine.begin() as conn:
            fn(conn)
            conn.execute(
                sa.insert(schema.schema_migrations).values(
                    name=name, applied_at=datetime.now(UTC).isoformat(timespec="seconds")
                )
            )
        ran.append(name)
    return ran
