//! The database schema as an ordered list of migrations.
//!
//! Migration `n` (counting from 1) brings a database from `PRAGMA user_version = n - 1` to `n`.
//! Migrations are append-only: a released one is never edited, a change is a new entry.

/// The columns of the `events` table that carry the event record, in record order. Inserts,
/// selects and the CSV export all use this order.
pub const EVENT_COLUMNS: [&str; 40] = [
    "id",
    "doc_id",
    "sentence",
    "date",
    "date_source",
    "source_text",
    "source_code",
    "source_country",
    "source_sector",
    "source_entity",
    "source_start",
    "source_end",
    "target_text",
    "target_code",
    "target_country",
    "target_sector",
    "target_entity",
    "target_start",
    "target_end",
    "cameo",
    "cameo_root",
    "cameo_name",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "location_text",
    "location_country",
    "location_lat",
    "location_lon",
    "amounts",
    "modality",
    "historical",
    "confidence",
    "rule",
    "mentions",
    "other_triggers",
];

/// The SQL expression of an event side's *actor key*: its country, or, for an actor without
/// one (IGOs, regions), its code. Dyad aggregates group by it; the `events_dyad` index is
/// built on it, so queries must spell it exactly so.
pub(crate) fn actor_key(side: &str) -> String {
    format!("coalesce({side}_country, {side}_code)")
}

/// The migrations, oldest first.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents, events, entities and their mentions.
    "
CREATE TABLE documents (
    id           TEXT PRIMARY KEY NOT NULL,
    source       TEXT,
    url          TEXT,
    title        TEXT,
    date         TEXT,
    content_hash TEXT NOT NULL,
    text         TEXT,
    coded_at     TEXT NOT NULL
);

CREATE TABLE events (
    rowid            INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence         INTEGER NOT NULL,
    date             TEXT,
    date_source      TEXT NOT NULL,
    source_text      TEXT,
    source_code      TEXT,
    source_country   TEXT,
    source_sector    TEXT,
    source_entity    TEXT,
    source_start     INTEGER,
    source_end       INTEGER,
    target_text      TEXT,
    target_code      TEXT,
    target_country   TEXT,
    target_sector    TEXT,
    target_entity    TEXT,
    target_start     INTEGER,
    target_end       INTEGER,
    cameo            TEXT NOT NULL,
    cameo_root       TEXT NOT NULL,
    cameo_name       TEXT NOT NULL,
    goldstein        REAL NOT NULL,
    quad_class       INTEGER NOT NULL,
    plover           TEXT NOT NULL,
    plover_mode      TEXT,
    trigger_text     TEXT NOT NULL,
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    location_text    TEXT,
    location_country TEXT,
    location_lat     REAL,
    location_lon     REAL,
    amounts          TEXT NOT NULL,
    modality         TEXT NOT NULL,
    historical       INTEGER NOT NULL,
    confidence       REAL NOT NULL,
    rule             TEXT NOT NULL,
    mentions         INTEGER NOT NULL,
    other_triggers   TEXT NOT NULL
);

CREATE INDEX events_date ON events(date);
-- Covering index of the dyad aggregates: actor keys, then date, then the aggregated values,
-- so `dyads` reads one contiguous index range per direction and never the table.
CREATE INDEX events_dyad ON events(
    coalesce(source_country, source_code), coalesce(target_country, target_code),
    date, quad_class, goldstein);
CREATE INDEX events_cameo ON events(cameo_root, cameo);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);

CREATE TABLE entities (
    id     INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name   TEXT NOT NULL,
    type   TEXT NOT NULL,
    actor  TEXT,
    role   TEXT
);
CREATE INDEX entities_doc ON entities(doc_id);

CREATE TABLE mentions (
    id        INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);
",
];
