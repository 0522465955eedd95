//! Reading the store: filtered events, dyad time series, top actors.

use crate::schema::{actor_key, EVENT_COLUMNS};
use crate::{rows, Error, EventRow, Result, Store};
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which events [`Store::events`] returns; every field set narrows the selection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// Source actor code prefix (`RUS` matches `RUSGOV`).
    pub source: Option<String>,
    /// Target actor code prefix.
    pub target: Option<String>,
    /// Source country (ISO alpha-3).
    pub source_country: Option<String>,
    /// Target country.
    pub target_country: Option<String>,
    /// Source sector (`GOV`).
    pub source_sector: Option<String>,
    /// Target sector.
    pub target_sector: Option<String>,
    /// CAMEO code prefix: a root (`11`) or a code and its children (`111`).
    pub cameo: Option<String>,
    /// QuadClass, 1 to 4.
    pub quad_class: Option<u8>,
    /// PLOVER event type (`ACCUSE`).
    pub plover: Option<String>,
    /// Modality (`asserted`).
    pub modality: Option<String>,
    /// Earliest date, inclusive (`2019`, `2019-10`, `2019-10-31`).
    pub from: Option<String>,
    /// Latest date, inclusive: `2019-10` takes all of October.
    pub to: Option<String>,
    /// Document id.
    pub doc_id: Option<String>,
    /// Words in the trigger or the document text (ASCII case-insensitive substring).
    pub text: Option<String>,
    /// At most this many events.
    pub limit: Option<u64>,
}

/// The length of a dyad series' periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Calendar days (`2019-10-31`).
    Day,
    /// ISO weeks, named by their Monday (`2019-10-28`).
    Week,
    /// Calendar months (`2019-10`).
    Month,
}

impl Period {
    /// The SQL expression of an event's period; NULL when the date is too coarse for it.
    fn bucket(self) -> &'static str {
        match self {
            Period::Day => "date(substr(date, 1, 10))",
            Period::Week => "date(substr(date, 1, 10), '-6 days', 'weekday 1')",
            Period::Month => {
                "CASE WHEN date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]*' THEN substr(date, 1, 7) END"
            }
        }
    }
}

/// Which way an event of a dyad goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Direction {
    /// From the first actor to the second.
    #[serde(rename = "a->b")]
    AToB,
    /// From the second actor to the first.
    #[serde(rename = "b->a")]
    BToA,
}

/// The events of one direction of a dyad in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadPeriod {
    /// The period (`2019-10`; a week is named by its Monday).
    pub period: String,
    /// The direction.
    pub direction: Direction,
    /// The source's actor key.
    pub source: String,
    /// The target's actor key.
    pub target: String,
    /// Events per QuadClass: verbal cooperation, material cooperation, verbal conflict,
    /// material conflict.
    pub quad_counts: [u64; 4],
    /// All events.
    pub events: u64,
    /// The sum of their Goldstein values.
    pub goldstein_sum: f64,
    /// Their mean Goldstein value.
    pub goldstein_mean: f64,
}

/// A dyad's time series, both directions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadSeries {
    /// The periods with events, by period, then direction.
    pub periods: Vec<DyadPeriod>,
    /// Events of the dyad left out because their date is missing or too coarse for the period
    /// (`2019-10` has no day), per direction: A→B, B→A.
    pub undated: [u64; 2],
}

/// An actor code and its number of events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorCount {
    /// The actor code.
    pub code: String,
    /// How many events.
    pub events: u64,
}

/// The most frequent actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopActors {
    /// By events as source, most first.
    pub as_source: Vec<ActorCount>,
    /// By events as target, most first.
    pub as_target: Vec<ActorCount>,
}

/// The smallest string greater than every string that starts with `prefix`, if there is one
/// that is valid UTF-8; with it, a prefix match is an index range.
fn prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = (last as u32 + 1..=char::MAX as u32).find_map(char::from_u32) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// Builds a WHERE clause and its parameters.
#[derive(Default)]
pub(crate) struct Where {
    pub(crate) terms: Vec<String>,
    pub(crate) params: Vec<Value>,
}

impl Where {
    fn param(&mut self, v: impl Into<String>) -> String {
        self.params.push(Value::Text(v.into()));
        format!("?{}", self.params.len())
    }

    fn eq(&mut self, column: &str, v: &Option<String>) {
        if let Some(v) = v {
            let p = self.param(v.as_str());
            self.terms.push(format!("{column} = {p}"));
        }
    }

    fn prefix(&mut self, column: &str, v: &Option<String>) {
        let Some(v) = v.as_deref().filter(|v| !v.is_empty()) else { return };
        let lo = self.param(v);
        match prefix_end(v) {
            Some(end) => {
                let hi = self.param(end);
                self.terms.push(format!("({column} >= {lo} AND {column} < {hi})"));
            }
            None => self.terms.push(format!("substr({column}, 1, length({lo})) = {lo}")),
        }
    }

    pub(crate) fn sql(&self) -> String {
        if self.terms.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.terms.join(" AND "))
        }
    }
}

fn like_pattern(words: &str) -> String {
    let mut p = String::from("%");
    for c in words.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

impl EventFilter {
    pub(crate) fn to_where(&self) -> Result<Where> {
        let mut w = Where::default();
        w.prefix("e.source_code", &self.source);
        w.prefix("e.target_code", &self.target);
        // The actor-key term is implied by the country term; it lets SQLite use the
        // events_dyad index, whose leading column it is (same expression as actor_key()).
        for (side, country) in [("source", &self.source_country), ("target", &self.target_country)] {
            if let Some(c) = country {
                let p = w.param(c.as_str());
                w.terms.push(format!(
                    "e.{side}_country = {p} AND coalesce(e.{side}_country, e.{side}_code) = {p}"
                ));
            }
        }
        w.eq("e.source_sector", &self.source_sector);
        w.eq("e.target_sector", &self.target_sector);
        if let Some(cameo) = self.cameo.as_deref().filter(|c| !c.is_empty()) {
            if cameo.len() < 2 {
                return Err(Error::Invalid(format!(
                    "CAMEO filter {cameo:?}: give a root of two digits (\"01\") or a code"
                )));
            }
            // The root equality lets SQLite use the (cameo_root, cameo) index.
            let root = w.param(cameo.get(..2).unwrap_or(cameo));
            w.terms.push(format!("e.cameo_root = {root}"));
            if cameo.len() > 2 {
                w.prefix("e.cameo", &Some(cameo.to_string()));
            }
        }
        if let Some(q) = self.quad_class {
            if !(1..=4).contains(&q) {
                return Err(Error::Invalid(format!("QuadClass {q}: give 1, 2, 3 or 4")));
            }
            w.terms.push(format!("e.quad_class = {q}"));
        }
        w.eq("e.plover", &self.plover.as_ref().map(|p| p.to_uppercase()));
        w.eq("e.modality", &self.modality.as_ref().map(|m| m.to_lowercase()));
        if let Some(from) = &self.from {
            let p = w.param(from.as_str());
            w.terms.push(format!("e.date >= {p}"));
        }
        if let Some(to) = &self.to {
            // Every date that starts with `to` is before it with U+10FFFF appended.
            let p = w.param(format!("{to}\u{10FFFF}"));
            w.terms.push(format!("e.date < {p}"));
        }
        w.eq("e.doc_id", &self.doc_id);
        if let Some(text) = self.text.as_deref().filter(|t| !t.is_empty()) {
            let p = w.param(like_pattern(text));
            w.terms.push(format!("(e.trigger_text LIKE {p} ESCAPE '\\' OR d.text LIKE {p} ESCAPE '\\')"));
        }
        Ok(w)
    }
}

/// The dyad aggregate of one direction: source key ?1, target key ?2, dates from ?3 to
/// before ?4 (either NULL for no bound).
pub(crate) fn dyads_sql(period: Period) -> String {
    format!(
        "SELECT {bucket} AS period, quad_class, count(*), total(goldstein)
         FROM events
         WHERE {skey} = ?1 AND {tkey} = ?2 AND (?3 IS NULL OR date >= ?3)
           AND (?4 IS NULL OR date < ?4)
         GROUP BY 1, 2",
        bucket = period.bucket(),
        skey = actor_key("source"),
        tkey = actor_key("target"),
    )
}

impl Store {
    /// The events that pass `filter`, by date, then document, then order in the document.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        self.for_each_event(filter, |row| {
            out.push(row);
            Ok::<(), Error>(())
        })?;
        Ok(out)
    }

    /// Calls `f` on each event that passes `filter`, in the order of [`Store::events`],
    /// without holding them all in memory (for exports); stops at the first error of `f`.
    pub fn for_each_event<E: From<Error>>(
        &self,
        filter: &EventFilter,
        mut f: impl FnMut(EventRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut w = filter.to_where()?;
        let limit = match filter.limit {
            Some(n) => {
                w.params.push(Value::Integer(i64::try_from(n).unwrap_or(i64::MAX)));
                format!("LIMIT ?{}", w.params.len())
            }
            None => String::new(),
        };
        let columns = EVENT_COLUMNS.iter().map(|c| format!("e.{c}")).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT {columns}, e.rowid, d.url, d.coded_at
             FROM events e JOIN documents d ON d.id = e.doc_id
             {}
             ORDER BY e.date, e.doc_id, e.rowid {limit}",
            w.sql()
        );
        let mut stmt = self.conn.prepare(&sql).map_err(Error::from)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(w.params)).map_err(Error::from)?;
        let n = EVENT_COLUMNS.len();
        while let Some(r) = rows.next().map_err(Error::from)? {
            let row = (|| -> Result<EventRow> {
                Ok(EventRow {
                    event: rows::event_from_row(r)?,
                    rowid: r.get(n)?,
                    url: r.get(n + 1)?,
                    coded_at: r.get(n + 2)?,
                })
            })()?;
            f(row)?;
        }
        Ok(())
    }

    /// The time series of the dyad of actors `a` and `b`, both directions, by `period`.
    ///
    /// An actor is matched by its *key*: its country (`RUS`), or, for an actor without one
    /// (IGOs, regions), its code (`IGOUNO`). The covering index `events_dyad` makes this a
    /// range scan of the index per direction.
    pub fn dyads(&self, a: &str, b: &str, period: Period) -> Result<DyadSeries> {
        self.dyads_between(a, b, period, None, None)
    }

    /// [`Store::dyads`] over the dates from `from` to `to` (inclusive, prefixes as in
    /// [`EventFilter`]).
    pub fn dyads_between(
        &self,
        a: &str,
        b: &str,
        period: Period,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<DyadSeries> {
        let sql = dyads_sql(period);
        let to = to.map(|t| format!("{t}\u{10FFFF}"));
        let mut stmt = self.conn.prepare(&sql)?;
        let mut groups: BTreeMap<(String, Direction), DyadPeriod> = BTreeMap::new();
        let mut undated = [0, 0];
        let directions: &[(Direction, &str, &str)] = if a == b {
            &[(Direction::AToB, a, b)]
        } else {
            &[(Direction::AToB, a, b), (Direction::BToA, b, a)]
        };
        for &(direction, source, target) in directions {
            let mut rows = stmt.query(rusqlite::params![source, target, from, to])?;
            while let Some(r) = rows.next()? {
                let quad: i64 = r.get(1)?;
                let count: u64 = r.get(2)?;
                let sum: f64 = r.get(3)?;
                let Some(p) = r.get::<_, Option<String>>(0)? else {
                    undated[direction as usize] += count;
                    continue;
                };
                let entry = groups.entry((p.clone(), direction)).or_insert_with(|| DyadPeriod {
                    period: p,
                    direction,
                    source: source.to_string(),
                    target: target.to_string(),
                    quad_counts: [0; 4],
                    events: 0,
                    goldstein_sum: 0.0,
                    goldstein_mean: 0.0,
                });
                if let Some(slot) = usize::try_from(quad - 1).ok().and_then(|i| entry.quad_counts.get_mut(i))
                {
                    *slot += count;
                }
                entry.events += count;
                entry.goldstein_sum += sum;
            }
        }
        let periods = groups
            .into_values()
            .map(|mut p| {
                p.goldstein_mean = p.goldstein_sum / p.events.max(1) as f64;
                p
            })
            .collect();
        Ok(DyadSeries { periods, undated })
    }

    /// The `n` actor codes with the most events as source and as target.
    pub fn top_actors(&self, n: usize) -> Result<TopActors> {
        let top = |side: &str| -> Result<Vec<ActorCount>> {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT {side}_code, count(*) AS n FROM events WHERE {side}_code IS NOT NULL
                 GROUP BY {side}_code ORDER BY n DESC, {side}_code LIMIT ?1"
            ))?;
            let rows = stmt.query_map([n], |r| Ok(ActorCount { code: r.get(0)?, events: r.get(1)? }))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(TopActors { as_source: top("source")?, as_target: top("target")? })
    }
}
