//! Writing event records: JSON Lines (the record of DESIGN.md), CSV (the same fields, flat) or an
//! aligned table for reading on a terminal.

use anyhow::Result;
use clap::ValueEnum;
use dyad_extract::event::Event;
use std::io::Write;

/// How events are written.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Format {
    /// One JSON object a line (the default when the output is not a terminal).
    Jsonl,
    /// Comma-separated values with a header line.
    Csv,
    /// An aligned table (the default on a terminal).
    Table,
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 27] = [
    "id",
    "doc_id",
    "sentence",
    "date",
    "date_source",
    "source_text",
    "source_code",
    "source_country",
    "source_sector",
    "target_text",
    "target_code",
    "target_country",
    "target_sector",
    "cameo",
    "cameo_root",
    "cameo_name",
    "goldstein",
    "quad_class",
    "plover",
    "trigger",
    "trigger_start",
    "location",
    "location_country",
    "modality",
    "historical",
    "mentions",
    "rule",
];

/// Writes events in one format, with a header line before the first CSV or table row.
pub struct EventWriter {
    format: Format,
    explain: bool,
    started: bool,
}

impl EventWriter {
    /// A writer of `format`; `explain` adds the rule and parse path under each table row (JSON
    /// and CSV always carry them in `rule`).
    pub fn new(format: Format, explain: bool) -> Self {
        Self { format, explain, started: false }
    }

    /// Writes the events of one document to `out`.
    pub fn write(&mut self, out: &mut impl Write, events: &[Event]) -> Result<()> {
        if !self.started {
            self.started = true;
            match self.format {
                Format::Csv => writeln!(out, "{}", CSV_COLUMNS.join(","))?,
                Format::Table => writeln!(
                    out,
                    "{:<16} {:<10} {:<12} {:<5} {:<12} {:<18} {:<12} name",
                    "id", "date", "source", "code", "target", "trigger", "modality"
                )?,
                Format::Jsonl => {}
            }
        }
        for e in events {
            match self.format {
                Format::Jsonl => writeln!(out, "{}", serde_json::to_string(e)?)?,
                Format::Csv => writeln!(out, "{}", csv_row(e).join(","))?,
                Format::Table => self.table_row(out, e)?,
            }
        }
        Ok(())
    }

    fn table_row(&self, out: &mut impl Write, e: &Event) -> Result<()> {
        let code =
            |a: &Option<dyad_extract::event::Actor>| a.as_ref().map_or("-".to_string(), |a| a.code.clone());
        writeln!(
            out,
            "{:<16} {:<10} {:<12} {:<5} {:<12} {:<18} {:<12} {}",
            e.id,
            e.date.as_deref().unwrap_or("-"),
            code(&e.source),
            e.cameo,
            code(&e.target),
            e.trigger.text,
            e.modality.name(),
            e.cameo_name
        )?;
        if self.explain {
            writeln!(out, "    rule: {}", e.rule)?;
        }
        Ok(())
    }
}

/// The CSV cells of an event, quoted where needed.
fn csv_row(e: &Event) -> Vec<String> {
    let actor = |a: &Option<dyad_extract::event::Actor>| match a {
        Some(a) => [
            a.text.clone(),
            a.code.clone(),
            a.country.clone().unwrap_or_default(),
            a.sector.clone().unwrap_or_default(),
        ],
        None => Default::default(),
    };
    let [st, sc, sn, ss] = actor(&e.source);
    let [tt, tc, tn, ts] = actor(&e.target);
    let cells = [
        e.id.clone(),
        e.doc_id.clone(),
        e.sentence.to_string(),
        e.date.clone().unwrap_or_default(),
        serde_json::to_value(e.date_source)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        st,
        sc,
        sn,
        ss,
        tt,
        tc,
        tn,
        ts,
        e.cameo.clone(),
        e.cameo_root.clone(),
        e.cameo_name.clone(),
        e.goldstein.to_string(),
        e.quad_class.to_string(),
        e.plover.clone(),
        e.trigger.text.clone(),
        e.trigger.start.to_string(),
        e.location.as_ref().map(|l| l.text.clone()).unwrap_or_default(),
        e.location.as_ref().and_then(|l| l.country.clone()).unwrap_or_default(),
        e.modality.name().to_string(),
        e.historical.to_string(),
        e.mentions.to_string(),
        e.rule.clone(),
    ];
    cells.into_iter().map(|c| csv_cell(&c)).collect()
}

/// A CSV cell: quoted when it holds a comma, quote or line break.
pub fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_only_when_needed() {
        assert_eq!(csv_cell("RUSGOV"), "RUSGOV");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"no\""), "\"say \"\"no\"\"\"");
    }
}
