//! `dyad code`: documents in, event records out (JSON Lines, CSV or a table); with
//! `--entities`, the document-level record of DESIGN.md with the entities, times and amounts of
//! each document instead.

use crate::documents::{expand, read_documents, Document, InputKind};
use crate::events_out::{EventWriter, Format};
use anyhow::{bail, Context, Result};
use clap::Args;
use dyad_extract::coder::{Coded, Coder};
use dyad_extract::entities::Entity;
use dyad_extract::money::{Amount, Kind};
use dyad_extract::time::{Date, Timex};
use dyad_nlp::analyze::Pipeline;
use serde_json::{json, Value};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Arguments of `dyad code`.
#[derive(Args)]
pub struct CodeArgs {
    /// Inputs: text files (a document each, named by the file stem), JSON Lines files (`.jsonl`:
    /// a document a line with `id`, `text` and an optional `date`), folders of them (read
    /// recursively), or `-` (standard input).
    files: Vec<PathBuf>,
    /// How to read the inputs: by file extension, or all as text or all as JSON Lines.
    #[arg(long, value_enum, default_value = "auto")]
    input: InputKind,
    /// The creation date (YYYY-MM-DD) of text inputs, against which relative dates are
    /// resolved; JSON Lines documents carry their own `date`. Without it "on November 2" is
    /// `XXXX-11-02` and "yesterday" has no value.
    #[arg(long)]
    date: Option<String>,
    /// Print one object per document with its entities, times and amounts instead of events.
    #[arg(long)]
    entities: bool,
    /// Output format of the events: JSON Lines when the output is piped, a table on a terminal.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// A lexicon overlay folder added on top of the embedded lexicon: agents.tsv, metonyms.tsv,
    /// officials.tsv, events.tsv (as `dyad lexicon import-petrarch` writes them).
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Parse with this beam width instead of the model's 5: 1 (greedy) is about 2.5 times
    /// faster and codes fewer events right.
    #[arg(long)]
    beam: Option<usize>,
    /// Show the lexicon entry and the parse path that coded each event.
    #[arg(long)]
    explain: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of failing the input.
    #[arg(long)]
    lossy: bool,
}

/// Runs `dyad code`.
pub fn run(args: CodeArgs) -> Result<()> {
    let dct = args.date.as_deref().map(Date::parse).transpose().context("--date")?;
    let mut pipeline = Pipeline::embedded(true).context("loading the embedded models")?;
    if let Some(width) = args.beam {
        pipeline = pipeline.with_beam(width);
    }
    let (lexicon, events) = crate::knowledge::load(args.lexicon.as_deref())?;
    let coder = Coder { pipeline: &pipeline, lexicon: &lexicon, events: &events };
    let files = if args.files.is_empty() { vec![PathBuf::from("-")] } else { expand(&args.files)? };
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let format = args.format.unwrap_or(if terminal { Format::Table } else { Format::Jsonl });
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut writer = (!args.entities).then(|| EventWriter::new(format, args.explain));
    let mut failures = 0;
    for path in &files {
        match read_documents(path, args.input, args.lossy, dct) {
            Ok((documents, bad)) => {
                failures += bad;
                for doc in documents {
                    let coded = coder.code(&dyad_extract::coder::Document {
                        id: &doc.id,
                        text: &doc.text,
                        dct: doc.dct,
                    });
                    match writer.as_mut() {
                        Some(w) => w.write(&mut out, &coded.events)?,
                        None => writeln!(out, "{}", record(&doc, &coded))?,
                    }
                }
            }
            Err(e) => {
                failures += 1;
                eprintln!("dyad: error: {e:#}");
            }
        }
    }
    out.flush()?;
    if failures > 0 {
        bail!("{failures} inputs or documents failed (named above); the others were coded");
    }
    Ok(())
}

/// The document-level record: entities, times and amounts with their offsets and values.
fn record(doc: &Document, coded: &Coded) -> Value {
    let entities: Vec<Value> = coded.entities.iter().map(|e| entity_json(&doc.text, e)).collect();
    let times: Vec<Value> = coded.times.iter().map(|t| time_json(&doc.text, t)).collect();
    let amounts: Vec<Value> = coded.amounts.iter().map(|a| amount_json(&doc.text, a)).collect();
    json!({
        "doc_id": doc.id,
        "date": doc.dct.map(|d| d.to_string()),
        "entities": entities,
        "times": times,
        "amounts": amounts,
    })
}

fn entity_json(text: &str, e: &Entity) -> Value {
    let mentions: Vec<Value> = e
        .mentions
        .iter()
        .map(|m| json!({"text": text.get(m.start..m.end).unwrap_or(""), "start": m.start, "end": m.end}))
        .collect();
    json!({
        "name": e.name,
        "type": e.kind.name(),
        "actor": e.actor,
        "role": e.role,
        "mentions": mentions,
    })
}

fn time_json(text: &str, t: &Timex) -> Value {
    let mut time = json!({
        "text": text.get(t.start..t.end).unwrap_or(""),
        "start": t.start,
        "end": t.end,
        "type": t.kind.name(),
        "value": t.value,
    });
    if let Some(range) = &t.range {
        time["range"] = json!({"begin": range.begin, "end": range.end});
    }
    time
}

fn amount_json(text: &str, a: &Amount) -> Value {
    let kind = match a.kind {
        Kind::Money => "MONEY",
        Kind::Percent => "PERCENT",
        Kind::People => "PEOPLE",
    };
    json!({
        "text": a.text(text),
        "start": a.start,
        "end": a.end,
        "kind": kind,
        "currency": a.currency,
        "unit": a.unit,
        "value": a.value,
        "min": a.min,
        "max": a.max,
    })
}
