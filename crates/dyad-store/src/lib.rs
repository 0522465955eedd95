//! The embedded store of dyad: one SQLite file (WAL mode) with the coded documents, their
//! events (every field of the event record as a column) and their entities, plus the queries
//! and aggregates the CLI and the server read.
//!
//! Writing is for one writer at a time: [`Store::put_document`] and [`Store::put_documents`]
//! take `&mut self` and replace each document's events and entities in one transaction, so a
//! reader never sees half a document and a failed write leaves the old version in place.
//! [`Store::has`] tells ingest whether a document with the same content is already stored.
//! Readers open their own [`Store`] on the same file; WAL lets them read while one writes.
//!
//! The schema is versioned with `PRAGMA user_version` and brought up to date on opening by
//! an ordered list of migrations ([`SCHEMA_VERSION`]).

#![warn(missing_docs)]

mod query;
mod rows;
mod schema;

pub use query::{ActorCount, Direction, DyadPeriod, DyadSeries, EventFilter, Period, TopActors};
pub use rows::{content_hash, CodedDocument, DocumentRow, EntityRow, EventRow, MentionRow};
pub use schema::EVENT_COLUMNS;

use dyad_extract::event::Event;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::{Path, PathBuf};

/// The schema version this build writes: the number of migrations.
pub const SCHEMA_VERSION: u32 = schema::MIGRATIONS.len() as u32;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// [`Store::open_existing`] found no file.
    #[error("no database at {}", .0.display())]
    NotFound(PathBuf),
    /// The database was written by a newer dyad, with migrations this one does not know.
    #[error("database schema version {found} is newer than this dyad's ({supported}): upgrade dyad")]
    NewerSchema {
        /// The database's `user_version`.
        found: u32,
        /// [`SCHEMA_VERSION`].
        supported: u32,
    },
    /// An event to write does not belong to the document it is written with.
    #[error("event {event_id} has doc_id {event_doc:?}, but is written with document {doc_id:?}")]
    ForeignEvent {
        /// The event's id.
        event_id: String,
        /// The event's `doc_id`.
        event_doc: String,
        /// The document's id.
        doc_id: String,
    },
    /// A stored value cannot be read back into an event record.
    #[error("stored event {id}: bad {what}")]
    Corrupt {
        /// The event's id.
        id: String,
        /// What is wrong.
        what: String,
    },
    /// A bad argument to a query.
    #[error("{0}")]
    Invalid(String),
    /// An error of SQLite.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// JSON of the amounts column.
    #[error("amounts JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// A `Result` with the store's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Counts of stored rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Events.
    pub events: u64,
    /// Entities.
    pub entities: u64,
    /// Entity mentions.
    pub mentions: u64,
}

/// An open dyad database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens the database at `path`, creating it if missing, and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::setup(Connection::open(path)?)
    }

    /// Opens the database at `path`, which must exist ([`Error::NotFound`] otherwise).
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(Error::NotFound(path.to_path_buf()));
        }
        Self::open(path)
    }

    /// A database in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Self> {
        // WAL: readers do not block the writer; NORMAL sync is durable across crashes of the
        // process in WAL mode and much faster than FULL.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;
             PRAGMA cache_size = -65536;
             PRAGMA temp_store = MEMORY;",
        )?;
        migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Whether the document `doc_id` is stored with this content hash: ingest skips it then.
    pub fn has(&self, doc_id: &str, content_hash: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM documents WHERE id = ?1 AND content_hash = ?2",
                params![doc_id, content_hash],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Stores a document with its events and entities, replacing whatever was stored for it,
    /// in one transaction: on error nothing changes.
    pub fn put_document(
        &mut self,
        document: &DocumentRow,
        events: &[Event],
        entities: &[EntityRow],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        Writer::new(&tx)?.put(document, events, entities)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores many documents as [`Store::put_document`] does, in one transaction (the fast
    /// path of ingest: a few hundred to a few thousand documents a batch). On error none of
    /// the batch is written.
    pub fn put_documents(&mut self, documents: &[CodedDocument]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut w = Writer::new(&tx)?;
            for d in documents {
                w.put(&d.document, &d.events, &d.entities)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes a document with its events and entities; whether it was there.
    pub fn delete_document(&mut self, doc_id: &str) -> Result<bool> {
        Ok(self.conn.execute("DELETE FROM documents WHERE id = ?1", [doc_id])? > 0)
    }

    /// The stored document `id`, if any.
    pub fn document(&self, id: &str) -> Result<Option<DocumentRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, source, url, title, date, content_hash, text, coded_at
                 FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok(DocumentRow {
                        id: r.get(0)?,
                        source: r.get(1)?,
                        url: r.get(2)?,
                        title: r.get(3)?,
                        date: r.get(4)?,
                        content_hash: r.get(5)?,
                        text: r.get(6)?,
                        coded_at: r.get(7)?,
                    })
                },
            )
            .optional()?)
    }

    /// The entities of a document with their mentions, in stored order.
    pub fn entities(&self, doc_id: &str) -> Result<Vec<EntityRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.name, e.type, e.actor, e.role, m.text, m.start, m.end
             FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
             WHERE e.doc_id = ?1 ORDER BY e.id, m.id",
        )?;
        let mut rows = stmt.query([doc_id])?;
        let mut out: Vec<(i64, EntityRow)> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if out.last().is_none_or(|(last, _)| *last != id) {
                let row = EntityRow {
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    actor: r.get(3)?,
                    role: r.get(4)?,
                    mentions: Vec::new(),
                };
                out.push((id, row));
            }
            if let Some(text) = r.get::<_, Option<String>>(5)? {
                let m = MentionRow { text, start: r.get(6)?, end: r.get(7)? };
                out.last_mut().expect("pushed above").1.mentions.push(m);
            }
        }
        Ok(out.into_iter().map(|(_, e)| e).collect())
    }

    /// How many rows each table holds.
    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<u64> {
            Ok(self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            documents: n("documents")?,
            events: n("events")?,
            entities: n("entities")?,
            mentions: n("mentions")?,
        })
    }

    /// Updates the query planner's statistics (`PRAGMA optimize`): worth running after a
    /// large ingest.
    pub fn optimize(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA optimize = 0x10002;")?;
        Ok(())
    }

    /// The underlying connection, for ad-hoc SQL (read it; write through the methods).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Applies the pending migrations, each in its own transaction with its version number.
fn migrate(conn: &mut Connection) -> Result<()> {
    let found: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema { found, supported: SCHEMA_VERSION });
    }
    for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
        tx.commit()?;
    }
    Ok(())
}

/// The prepared statements of one write transaction.
struct Writer<'t> {
    delete_events: rusqlite::Statement<'t>,
    delete_entities: rusqlite::Statement<'t>,
    upsert_document: rusqlite::Statement<'t>,
    insert_event: rusqlite::Statement<'t>,
    insert_entity: rusqlite::Statement<'t>,
    insert_mention: rusqlite::Statement<'t>,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t Transaction<'_>) -> Result<Self> {
        let placeholders = (1..=EVENT_COLUMNS.len()).map(|i| format!("?{i}")).collect::<Vec<_>>();
        Ok(Writer {
            delete_events: tx.prepare("DELETE FROM events WHERE doc_id = ?1")?,
            delete_entities: tx.prepare("DELETE FROM entities WHERE doc_id = ?1")?,
            upsert_document: tx.prepare(
                "INSERT INTO documents (id, source, url, title, date, content_hash, text, coded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                         coalesce(?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
                 ON CONFLICT (id) DO UPDATE SET
                   source = excluded.source, url = excluded.url, title = excluded.title,
                   date = excluded.date, content_hash = excluded.content_hash,
                   text = excluded.text, coded_at = excluded.coded_at",
            )?,
            insert_event: tx.prepare(&format!(
                "INSERT INTO events ({}) VALUES ({})",
                EVENT_COLUMNS.join(", "),
                placeholders.join(", ")
            ))?,
            insert_entity: tx.prepare(
                "INSERT INTO entities (doc_id, name, type, actor, role) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            insert_mention: tx
                .prepare("INSERT INTO mentions (entity_id, start, end, text) VALUES (?1, ?2, ?3, ?4)")?,
        })
    }

    fn put(&mut self, d: &DocumentRow, events: &[Event], entities: &[EntityRow]) -> Result<()> {
        self.delete_events.execute([&d.id])?;
        self.delete_entities.execute([&d.id])?;
        self.upsert_document.execute(params![
            d.id,
            d.source,
            d.url,
            d.title,
            d.date,
            d.content_hash,
            d.text,
            d.coded_at
        ])?;
        for e in events {
            if e.doc_id != d.id {
                return Err(Error::ForeignEvent {
                    event_id: e.id.clone(),
                    event_doc: e.doc_id.clone(),
                    doc_id: d.id.clone(),
                });
            }
            self.insert_event.execute(rusqlite::params_from_iter(rows::event_values(e)?))?;
        }
        for ent in entities {
            let id = self.insert_entity.insert(params![d.id, ent.name, ent.kind, ent.actor, ent.role])?;
            for m in &ent.mentions {
                self.insert_mention.execute(params![id, m.start, m.end, m.text])?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
