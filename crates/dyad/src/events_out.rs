//! Writing event records: JSON Lines (the record of DESIGN.md), CSV (the columns of the store's
//! events table, as `dyad export --format csv` writes them) or an aligned table for reading on a
//! terminal.

use crate::export::{csv_fields, csv_line};
use anyhow::Result;
use clap::ValueEnum;
use dyad_extract::event::Event;
use dyad_store::EVENT_COLUMNS;
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
                Format::Csv => writeln!(out, "{}", csv_line(EVENT_COLUMNS.iter().map(|c| c.to_string())))?,
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
                Format::Csv => writeln!(out, "{}", csv_line(csv_fields(e)))?,
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
