//! The rows the store keeps besides events, and the mapping of an [`Event`] to and from the
//! columns of the `events` table.

use crate::Error;
use dyad_extract::entities::Entity;
use dyad_extract::event::{Actor, DateSource, Event, EventAmount, Location, Modality, Span};
use rusqlite::types::Value;
use rusqlite::Row;
use serde::Serialize;

/// A stored document: its metadata, text and the hash that makes ingest idempotent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DocumentRow {
    /// The document's id (the `doc_id` of its events).
    pub id: String,
    /// The publisher or feed, if known.
    pub source: Option<String>,
    /// Where the document was published.
    pub url: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its creation date (`YYYY-MM-DD`), the anchor of relative dates.
    pub date: Option<String>,
    /// A hash of the text as coded (see [`content_hash`]); a document is coded again only
    /// when it changes.
    pub content_hash: String,
    /// The text, kept for searches and for showing the words of an event in context.
    pub text: Option<String>,
    /// When the document was coded (UTC, `YYYY-MM-DDTHH:MM:SSZ`); `None` on writing stamps
    /// the current time.
    pub coded_at: Option<String>,
}

/// A named entity of a document with its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityRow {
    /// The entity's name (its longest mention).
    pub name: String,
    /// PERSON, ORGANIZATION, LOCATION or NATIONALITY.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its actor code, if known.
    pub actor: Option<String>,
    /// The role of a person ("President"), if any.
    pub role: Option<String>,
    /// Its mentions, in text order.
    pub mentions: Vec<MentionRow>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionRow {
    /// The words.
    pub text: String,
    /// Byte offset of the first byte in the document text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl EntityRow {
    /// The row of an entity found by `dyad_extract::entities` in `text`; a mention whose
    /// offsets do not fall on the text's character boundaries gets empty words.
    pub fn from_entity(entity: &Entity, text: &str) -> Self {
        EntityRow {
            name: entity.name.clone(),
            kind: entity.kind.name().to_string(),
            actor: entity.actor.clone(),
            role: entity.role.clone(),
            mentions: entity
                .mentions
                .iter()
                .map(|m| MentionRow {
                    text: text.get(m.start..m.end).unwrap_or_default().to_string(),
                    start: m.start,
                    end: m.end,
                })
                .collect(),
        }
    }
}

/// A document with everything coded from it, as written in one go.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodedDocument {
    /// The document.
    pub document: DocumentRow,
    /// Its events; each one's `doc_id` must be the document's id.
    pub events: Vec<Event>,
    /// Its entities.
    pub entities: Vec<EntityRow>,
}

/// A stored event with what the store knows around it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    /// The row number: stable while the event's document is not coded again.
    pub rowid: i64,
    /// The event record.
    pub event: Event,
    /// The URL of its document, if known.
    pub url: Option<String>,
    /// When its document was coded.
    pub coded_at: String,
}

/// A change detector for document texts: 64-bit FNV-1a over the bytes, with the length, in
/// hex. Stable across platforms and Rust versions; not a cryptographic hash.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{}:{h:016x}", text.len())
}

fn date_source_name(d: DateSource) -> &'static str {
    match d {
        DateSource::Text => "text",
        DateSource::Document => "document",
        DateSource::None => "none",
    }
}

fn int(n: usize) -> Value {
    Value::Integer(i64::try_from(n).unwrap_or(i64::MAX))
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt_text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, text)
}

fn opt_real(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Value::Real)
}

fn actor_values(actor: Option<&Actor>, out: &mut Vec<Value>) {
    match actor {
        Some(a) => out.extend([
            text(&a.text),
            text(&a.code),
            opt_text(a.country.as_deref()),
            opt_text(a.sector.as_deref()),
            opt_text(a.entity.as_deref()),
            int(a.start),
            int(a.end),
        ]),
        None => out.extend(std::iter::repeat_n(Value::Null, 7)),
    }
}

/// The values of an event's columns, in [`crate::EVENT_COLUMNS`] order.
pub(crate) fn event_values(e: &Event) -> Result<Vec<Value>, Error> {
    let mut v = Vec::with_capacity(crate::EVENT_COLUMNS.len());
    v.extend([
        text(&e.id),
        text(&e.doc_id),
        int(e.sentence),
        opt_text(e.date.as_deref()),
        text(date_source_name(e.date_source)),
    ]);
    actor_values(e.source.as_ref(), &mut v);
    actor_values(e.target.as_ref(), &mut v);
    v.extend([
        text(&e.cameo),
        text(&e.cameo_root),
        text(&e.cameo_name),
        Value::Real(e.goldstein),
        Value::Integer(i64::from(e.quad_class)),
        text(&e.plover),
        opt_text(e.plover_mode.as_deref()),
        text(&e.trigger.text),
        int(e.trigger.start),
        int(e.trigger.end),
    ]);
    match &e.location {
        Some(l) => {
            v.extend([text(&l.text), opt_text(l.country.as_deref()), opt_real(l.lat), opt_real(l.lon)])
        }
        None => v.extend(std::iter::repeat_n(Value::Null, 4)),
    }
    v.extend([
        Value::Text(serde_json::to_string(&e.amounts)?),
        text(e.modality.name()),
        Value::Integer(i64::from(e.historical)),
        Value::Real(e.confidence),
        text(&e.rule),
        int(e.mentions),
        Value::Text(serde_json::to_string(&e.other_triggers)?),
    ]);
    debug_assert_eq!(v.len(), crate::EVENT_COLUMNS.len());
    Ok(v)
}

fn bad(id: &str, what: impl Into<String>) -> Error {
    Error::Corrupt { id: id.to_string(), what: what.into() }
}

fn actor_at(row: &Row, at: usize) -> rusqlite::Result<Option<Actor>> {
    let Some(code) = row.get::<_, Option<String>>(at + 1)? else { return Ok(None) };
    Ok(Some(Actor {
        text: row.get::<_, Option<String>>(at)?.unwrap_or_default(),
        code,
        country: row.get(at + 2)?,
        sector: row.get(at + 3)?,
        entity: row.get(at + 4)?,
        start: row.get::<_, Option<usize>>(at + 5)?.unwrap_or(0),
        end: row.get::<_, Option<usize>>(at + 6)?.unwrap_or(0),
    }))
}

fn str_at<'r>(row: &'r Row, at: usize) -> rusqlite::Result<&'r str> {
    Ok(row.get_ref(at)?.as_str()?)
}

/// Reads an event from the columns of `row` that start at index 0 in [`crate::EVENT_COLUMNS`]
/// order.
pub(crate) fn event_from_row(row: &Row) -> Result<Event, Error> {
    let id: String = row.get(0)?;
    let date_source = match str_at(row, 4)? {
        "text" => DateSource::Text,
        "document" => DateSource::Document,
        "none" => DateSource::None,
        other => return Err(bad(&id, format!("date_source {other:?}"))),
    };
    let modality = match str_at(row, 34)? {
        "asserted" => Modality::Asserted,
        "intended" => Modality::Intended,
        "negated" => Modality::Negated,
        "hypothetical" => Modality::Hypothetical,
        "reported" => Modality::Reported,
        other => return Err(bad(&id, format!("modality {other:?}"))),
    };
    let amounts: Vec<EventAmount> = serde_json::from_str(str_at(row, 33)?)?;
    let location = match row.get::<_, Option<String>>(29)? {
        Some(text) => Some(Location { text, country: row.get(30)?, lat: row.get(31)?, lon: row.get(32)? }),
        None => None,
    };
    Ok(Event {
        doc_id: row.get(1)?,
        sentence: row.get(2)?,
        date: row.get(3)?,
        date_source,
        source: actor_at(row, 5)?,
        target: actor_at(row, 12)?,
        cameo: row.get(19)?,
        cameo_root: row.get(20)?,
        cameo_name: row.get(21)?,
        goldstein: row.get(22)?,
        quad_class: row.get(23)?,
        plover: row.get(24)?,
        plover_mode: row.get(25)?,
        trigger: Span { text: row.get(26)?, start: row.get(27)?, end: row.get(28)? },
        location,
        amounts,
        modality,
        historical: row.get(35)?,
        confidence: row.get(36)?,
        rule: row.get(37)?,
        mentions: row.get(38)?,
        other_triggers: serde_json::from_str(str_at(row, 39)?)?,
        id,
    })
}
