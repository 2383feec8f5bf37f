"""The store: the one record that the CLI, the API, the web pages and exports read.

``open_store(url)`` takes a SQLite path (the default is ``./newsdesk.db``), a
``sqlite:///`` URL or a ``postgresql://`` URL, and brings the schema up to date.

All reading and writing goes through a ``Tx`` bound to one connection: ``store.begin()``
for a transaction (each ingest batch is one; a crash rolls it back whole), and
``store.read()`` for queries.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from newsdesk.errors import StoreError, StoreMissing
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
)
from newsdesk.store import schema
from newsdesk.store.migrations import migrate

DEFAULT_DB = "newsdesk.db"

__all__ = ["DEFAULT_DB", "Store", "Tx", "database_url", "open_store"]


def database_url(db: str | os.PathLike[str] | None = None) -> str:
    """Turn ``--db`` / ``NEWSDESK_DB`` / the default into a SQLAlchemy URL."""
    db = os.fspath(db) if db is not None else os.environ.get("NEWSDESK_DB") or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver DESIGN.md chose; SQLAlchemy's default would be psycopg2.
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers (the web UI) do not block the ingest writer, and a crash mid-write
    # leaves the last committed state readable.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def open_store(db: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """The store at ``db`` (see ``database_url``), its schema brought up to date.

    ``create=False``: raise StoreMissing rather than make an empty store where there is
    none (commands that only read: a typo in ``--db`` should not leave a new file behind).
    """
    url = database_url(db)
    try:
        engine = sa.create_engine(url)
        if not create and not _exists(engine):
            engine.dispose()
            where = engine.url.database if engine.dialect.name == "sqlite" else _shown(url)
            raise StoreMissing(
                f"no store at {where}: `newsdesk ingest FILES` makes one, or give --db PATH (or NEWSDESK_DB)"
            )
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        migrate(engine)
    except (sa.exc.SQLAlchemyError, ValueError, ImportError) as exc:  # a URL or driver SQLAlchemy cannot use
        reason = getattr(exc, "orig", None) or exc  # the driver's words, without SQLAlchemy's links
        raise StoreError(f"cannot open the store at {_shown(url)}: {reason}") from exc
    return Store(engine)


def _shown(url: str) -> str:
    """``url`` fit to print: its password hidden."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # a URL SQLAlchemy cannot parse has no password it could hide
        return url.split("@")[-1]


def _exists(engine: sa.Engine) -> bool:
    """A SQLite file that is there, or a database that has newsdesk's tables."""
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        return not path or path == ":memory:" or Path(path).exists()
    with engine.connect() as conn:
        return sa.inspect(conn).has_table("schema_migrations")


class Store:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def begin(self) -> Iterator[Tx]:
        """A transaction: everything done through the Tx commits together or not at all."""
        with self.engine.begin() as conn:
            yield Tx(conn)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        with self.engine.connect() as conn:
            yield Tx(conn)

    def close(self) -> None:
        self.engine.dispose()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# A fact's optional spans besides its own (a quote's speaker; a main event's place and
# time), each stored as ``<name>_start`` / ``<name>_end``, both null for None.
_OPTIONAL_SPANS = ("speaker", "place", "when")


def _span_row(fact) -> dict:
    """A fact as a row: its ``span`` as ``start``/``end``, its optional spans likewise."""
    row = asdict(fact)
    row["start"], row["end"] = row.pop("span")
    for name in _OPTIONAL_SPANS:
        if f"{name}_span" in row:
            span = row.pop(f"{name}_span")
            row[f"{name}_start"], row[f"{name}_end"] = span if span is not None else (None, None)
    return row


class Tx:
    """Queries and writes over one connection."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn

    # -- writing ---------------------------------------------------------------------

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        q = sa.select(schema.articles.c.id).where(schema.articles.c.id.in_(ids))
        return set(self.conn.execute(q).scalars())

    def next_seq(self) -> int:
        return (self.conn.execute(sa.select(sa.func.max(schema.articles.c.seq))).scalar() or 0) + 1

    def add_source(self, article_id: str, doc: Document) -> bool:
        """Record one more place an article was found; False if already known."""
        t = schema.article_sources
        exists = self.conn.execute(
            sa.select(t.c.article_id).where(t.c.article_id == article_id, t.c.origin == doc.origin)
        ).first()
        if exists:
            return False
        self.conn.execute(
            sa.insert(t).values(
                article_id=article_id,
                origin=doc.origin,
                url=doc.url,
                source=doc.source,
                title=doc.title,
                published=doc.published,
            )
        )
        return True

    def save_analysis(self, analysis: Analysis, *, seq: int) -> None:
        a = analysis.article
        self.conn.execute(
            sa.insert(schema.articles).values(
                id=a.id,
                seq=seq,
                text=a.text,
                title=a.title,
                url=a.url,
                source=a.source,
                published=a.published,
                language=a.language,
                origin=a.origin,
                outline=list(a.outline),
                standfirst=a.standfirst,
                byline=a.byline,
                dateline=a.dateline,
                removed=[asdict(r) for r in a.removed],
                flags=[{"kind": f.kind, "text": f.text, "span": list(f.span)} for f in a.flags],
                notes=list(analysis.notes),
                story_id=None,
                ingested_at=_now(),
            )
        )
        if self.conn.dialect.name == "sqlite":
            self.conn.exec_driver_sql(
                "INSERT INTO articles_fts (id, title, text) VALUES (?, ?, ?)", (a.id, a.title or "", a.text)
            )
        for entity in analysis.entities:
            self.upsert_entity(entity)
        for table, facts in zip(
            schema.FACT_TABLES,
            (analysis.mentions, analysis.places, analysis.dates, analysis.quotes, analysis.figures, analysis.events),
            strict=True,
        ):
            rows = [_span_row(f) for f in facts]
            if rows:
                self.conn.execute(sa.insert(table), rows)
        if analysis.main_event is not None:
            self.conn.execute(sa.insert(schema.main_events).values(**_span_row(analysis.main_event)))

    def upsert_entity(self, entity: Entity) -> None:
        t = schema.entities
        row = asdict(entity)
        row["aliases"] = sorted(set(entity.aliases))
        old = self.conn.execute(sa.select(t).where(t.c.id == entity.id)).mappings().first()
        if old is None:
            self.conn.execute(sa.insert(t).values(**row))
            return
        changes = {}
        aliases = sorted(set(old["aliases"]) | set(entity.aliases))
        if aliases != sorted(old["aliases"]):
            changes["aliases"] = aliases
        # Fill what the first article did not know (a role, coordinates); never overwrite.
        for key in ("description", "lat", "lon", "country", "geonameid"):
            if old[key] is None and row[key] is not None:
                changes[key] = row[key]
        if changes:
            self.conn.execute(sa.update(t).where(t.c.id == entity.id).values(**changes))

    def set_story(self, article_id: str, story_id: str) -> None:
        t = schema.articles
        self.conn.execute(sa.update(t).where(t.c.id == article_id).values(story_id=story_id))

    def save_story(self, story: Story, *, updated_seq: int, dossier: dict) -> None:
        t = schema.stories
        values = dict(
            title=story.title,
            first_seen=story.first_seen,
            last_seen=story.last_seen,
            updated_seq=updated_seq,
            dossier=dossier,
        )
        if self.conn.execute(sa.select(t.c.id).where(t.c.id == story.id)).first():
            self.conn.execute(sa.update(t).where(t.c.id == story.id).values(**values))
        else:
            self.conn.execute(sa.insert(t).values(id=story.id, **values))

    def set_dossier(self, story_id: str, dossier: dict) -> None:
        t = schema.stories
        self.conn.execute(sa.update(t).where(t.c.id == story_id).values(dossier=dossier))

    def delete_story(self, story_id: str) -> None:
        self.conn.execute(sa.delete(schema.stories).where(schema.stories.c.id == story_id))

    def save_relation(self, rel: Relation) -> None:
        t = schema.relations
        key = (t.c.kind == rel.kind) & (t.c.source == rel.source) & (t.c.copy == rel.copy)
        self.conn.execute(sa.delete(t).where(key))
        self.save_relations([rel])

    def save_relations(self, rels: list[Relation]) -> None:
        """Insert ``rels`` in one statement (the caller has dropped what they replace)."""
        rows = [
            {
                "kind": rel.kind,
                "source": rel.source,
                "copy": rel.copy,
                "score": rel.score,
                "evidence": [[list(a), list(b)] for a, b in rel.evidence],
            }
            for rel in rels
        ]
        if rows:
            self.conn.execute(sa.insert(schema.relations), rows)

    # -- reading ---------------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute(sa.select(schema.articles).where(schema.articles.c.id == article_id)).mappings().first()
        return _article(row) if row else None

    def full_article_id(self, id_or_prefix: str) -> str | None:
        """The article id that is ``id_or_prefix`` or the one id it is a prefix of (as git
        takes a commit's); None if there is none, or more than one."""
        t = schema.articles
        if self.conn.execute(sa.select(t.c.id).where(t.c.id == id_or_prefix)).first():
            return id_or_prefix
        ids = self.conn.execute(sa.select(t.c.id).where(t.c.id.startswith(id_or_prefix, autoescape=True)).limit(2))
        found = ids.scalars().all()
        return found[0] if len(found) == 1 else None

    def article_ids(self, *, story_id: str | None = None) -> list[str]:
        t = schema.articles
        q = sa.select(t.c.id).order_by(t.c.seq)
        if story_id is not None:
            q = q.where(t.c.story_id == story_id)
        return list(self.conn.execute(q).scalars())

    def story_of(self, article_id: str) -> str | None:
        t = schema.articles
        return self.conn.execute(sa.select(t.c.story_id).where(t.c.id == article_id)).scalar()

    def sources(self, article_id: str) -> list[dict]:
        t = schema.article_sources
        q = sa.select(t).where(t.c.article_id == article_id).order_by(t.c.origin)
        return [dict(r) for r in self.conn.execute(q).mappings()]

    def analysis(self, article_id: str) -> Analysis | None:
        row = self.conn.execute(sa.select(schema.articles).where(schema.articles.c.id == article_id)).mappings().first()
        if row is None:
            return None
        facts = {}
        for table, cls in zip(schema.FACT_TABLES, (Mention, Place, DateRef, Quote, Figure, Event), strict=True):
            # a dateline's places first, as the places stage lists them: their words opened the text
            first = [table.c.in_dateline.desc()] if "in_dateline" in table.c else []
            q = sa.select(table).where(table.c.article_id == article_id).order_by(*first, table.c.start, table.c.end)
            facts[table.name] = tuple(_fact(cls, r) for r in self.conn.execute(q).mappings())
        entity_ids = sorted({m.entity_id for m in facts["mentions"]})
        return Analysis(
            article=_article(row),
            entities=tuple(self.entities(entity_ids)),
            notes=tuple(row["notes"]),
            main_event=self.main_event(article_id),
            **facts,
        )

    def main_event(self, article_id: str) -> MainEvent | None:
        """The article's main event, if it has one (``facts/main.py``)."""
        t = schema.main_events
        row = self.conn.execute(sa.select(t).where(t.c.article_id == article_id)).mappings().first()
        return _fact(MainEvent, row) if row else None

    def entities(self, ids: Iterable[str]) -> list[Entity]:
        ids = list(ids)
        if not ids:
            return []
        t = schema.entities
        rows = self.conn.execute(sa.select(t).where(t.c.id.in_(ids)).order_by(t.c.id)).mappings()
        return [Entity(**{**r, "aliases": tuple(r["aliases"])}) for r in rows]

    def relations(self, article_ids: Iterable[str] | None = None) -> list[Relation]:
        t = schema.relations
        q = sa.select(t).order_by(t.c.kind, t.c.source, t.c.copy)
        if article_ids is not None:
            ids = list(article_ids)
            q = q.where(t.c.source.in_(ids) | t.c.copy.in_(ids))
        return [
            Relation(
                kind=r["kind"],
                source=r["source"],
                copy=r["copy"],
                score=r["score"],
                evidence=tuple((tuple(a), tuple(b)) for a, b in r["evidence"]),
            )
            for r in self.conn.execute(q).mappings()
        ]

    def story_rows(
        self, *, limit: int | None = None, offset: int = 0, search: str | None = None, since: str | None = None
    ) -> list[dict]:
        """Stories, newest activity first, with their article counts."""
        s, a = schema.stories, schema.articles
        n_articles = sa.func.count(a.c.id).label("n_articles")
        q = (
            sa.select(s, n_articles)
            .select_from(s.join(a, a.c.story_id == s.c.id))
            .group_by(s.c.id)
            .order_by(s.c.updated_seq.desc(), s.c.id)
        )
        if since:
            q = q.where(sa.or_(s.c.last_seen >= since, s.c.last_seen.is_(None)))
        if search and search.split():  # a blank search is no search (FTS5 refuses an empty query)
            q = q.where(s.c.id.in_(self._search_story_ids(search)))
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        return [dict(r) for r in self.conn.execute(q).mappings()]

    def _search_story_ids(self, query: str) -> sa.Select:
        a = schema.articles
        if self.conn.dialect.name == "sqlite":
            # Each word as a quoted FTS5 string: user input never becomes FTS syntax.
            match = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            hits = sa.text("SELECT id FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=match)
            return sa.select(a.c.story_id).where(a.c.id.in_(hits.columns(sa.column("id"))))
        cond = sa.and_(*(sa.or_(a.c.text.ilike(f"%{w}%"), a.c.title.ilike(f"%{w}%")) for w in query.split()))
        return sa.select(a.c.story_id).where(cond)

    def story_row(self, story_id: str) -> dict | None:
        t = schema.stories
        row = self.conn.execute(sa.select(t).where(t.c.id == story_id)).mappings().first()
        if row is None:
            # Accept a unique prefix, as git does for commits.
            q = sa.select(t).where(t.c.id.startswith(story_id, autoescape=True)).limit(2)
            rows = self.conn.execute(q).mappings().all()
            row = rows[0] if len(rows) == 1 else None
        return dict(row) if row else None

    def story_meta(self, story_ids: Iterable[str]) -> dict[str, dict]:
        """Outlets, key entities and central article per story (kept by the stories stage)."""
        ids = list(story_ids)
        if not ids:
            return {}
        t = schema.story_meta
        rows = self.conn.execute(sa.select(t).where(t.c.story_id.in_(ids))).mappings()
        return {r["story_id"]: dict(r) for r in rows}

    def story_ids(self) -> list[str]:
        t = schema.stories
        return list(self.conn.execute(sa.select(t.c.id).order_by(t.c.updated_seq.desc(), t.c.id)).scalars())

    def counts(self) -> dict[str, int]:
        return {
            t.name: self.conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
            for t in (schema.articles, schema.article_sources, schema.stories, schema.relations, *schema.FACT_TABLES,
                      schema.main_events)
        }


def _article(row) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        published=row["published"],
        language=row["language"],
        origin=row["origin"],
        outline=tuple(row["outline"]),
        standfirst=row["standfirst"],
        byline=row["byline"],
        dateline=row["dateline"],
        removed=tuple(Removal(**r) for r in row["removed"]),
        flags=tuple(Flag(kind=f["kind"], text=f["text"], span=tuple(f["span"])) for f in row["flags"]),
    )


def _fact(cls, row):
    """A fact of class ``cls`` from its row (``_span_row`` read back)."""
    row = dict(row)
    row["span"] = (row.pop("start"), row.pop("end"))
    for name in _OPTIONAL_SPANS:
        if f"{name}_start" in row:
            start, end = row.pop(f"{name}_start"), row.pop(f"{name}_end")
            row[f"{name}_span"] = (start, end) if start is not None else None
    return cls(**row)
