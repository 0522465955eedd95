//! `dyad export`: the stored events as JSON Lines, CSV or GDELT 2.0 event rows.

use crate::query::{DbArgs, FilterArgs};
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use dyad_extract::event::{Actor, Event};
use dyad_store::{EventRow, EVENT_COLUMNS};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `dyad export`.
#[derive(Args)]
pub struct ExportArgs {
    /// The output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExportFormat,
    /// Write to this file instead of standard output (with --partition: this folder).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Parquet only: write a folder partitioned by month (`month=2019-10/events.parquet`).
    #[arg(long)]
    partition: bool,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
}

/// What `dyad export` writes.
#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// The event records of DESIGN.md, one JSON object a line.
    Jsonl,
    /// One event a line, the columns of the database's events table, with a header line.
    Csv,
    /// The 61 tab-separated columns of the GDELT 2.0 Event table, no header; the fields dyad
    /// has no value for are empty.
    Gdelt,
    /// The events table's columns, typed and zstd-compressed (needs --output and a dyad built
    /// with `--features parquet`).
    Parquet,
}

/// Runs `dyad export`.
pub fn run(args: ExportArgs) -> Result<()> {
    let store = args.db.open()?;
    if let ExportFormat::Parquet = args.format {
        let Some(path) = &args.output else { bail!("--format parquet writes a file: name it with --output") };
        if args.partition {
            let (n, undated) = parquet_partitioned(&store, &args.filter.filter(), path)?;
            eprintln!("{n} events written by month under {}", path.display());
            if undated > 0 {
                eprintln!("dyad: warning: {undated} events have no date and are in no partition; export them without --partition");
            }
            return Ok(());
        }
        let n = parquet(&store, &args.filter.filter(), path)?;
        eprintln!("{n} events written to {}", path.display());
        return Ok(());
    }
    if args.partition {
        bail!("--partition writes Parquet: use it with --format parquet");
    }
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(sink);
    if let ExportFormat::Csv = args.format {
        writeln!(out, "{}", csv_line(EVENT_COLUMNS.iter().map(|c| c.to_string())))?;
    }
    let mut n = 0u64;
    store.for_each_event(&args.filter.filter(), |row| -> Result<()> {
        match args.format {
            ExportFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(&row.event)?)?,
            ExportFormat::Csv => writeln!(out, "{}", csv_line(csv_fields(&row.event)))?,
            ExportFormat::Gdelt => writeln!(out, "{}", gdelt_fields(&row).join("\t"))?,
            ExportFormat::Parquet => {} // written above
        }
        n += 1;
        Ok(())
    })?;
    out.flush()?;
    if let Some(path) = &args.output {
        eprintln!("{n} events written to {}", path.display());
    }
    Ok(())
}

#[cfg(feature = "parquet")]
fn parquet(
    store: &dyad_store::Store,
    filter: &dyad_store::EventFilter,
    path: &std::path::Path,
) -> Result<u64> {
    crate::parquet_out::write(store, filter, path)
}

#[cfg(feature = "parquet")]
fn parquet_partitioned(
    store: &dyad_store::Store,
    filter: &dyad_store::EventFilter,
    dir: &std::path::Path,
) -> Result<(u64, u64)> {
    crate::parquet_out::write_partitioned(store, filter, dir)
}

#[cfg(not(feature = "parquet"))]
fn parquet_partitioned(
    _: &dyad_store::Store,
    _: &dyad_store::EventFilter,
    _: &std::path::Path,
) -> Result<(u64, u64)> {
    bail!("this dyad was built without Parquet support: build it with `cargo build --release --features parquet`")
}

#[cfg(not(feature = "parquet"))]
fn parquet(_: &dyad_store::Store, _: &dyad_store::EventFilter, _: &std::path::Path) -> Result<u64> {
    bail!("this dyad was built without Parquet support: build it with `cargo build --release --features parquet`")
}

/// One CSV line (RFC 4180 quoting) of `fields`.
pub fn csv_line(fields: impl IntoIterator<Item = String>) -> String {
    let quoted: Vec<String> =
        fields
            .into_iter()
            .map(|f| {
                if f.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f
                }
            })
            .collect();
    quoted.join(",")
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn opt_num(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// The name serde gives a unit enum value ("document", "asserted").
fn name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The fields of an event in [`EVENT_COLUMNS`] order, as the CSV export writes them.
pub fn csv_fields(e: &Event) -> Vec<String> {
    let actor = |a: &Option<Actor>| match a {
        Some(a) => vec![
            a.text.clone(),
            a.code.clone(),
            opt(&a.country),
            opt(&a.sector),
            opt(&a.entity),
            a.start.to_string(),
            a.end.to_string(),
        ],
        None => vec![String::new(); 7],
    };
    let mut f =
        vec![e.id.clone(), e.doc_id.clone(), e.sentence.to_string(), opt(&e.date), name(&e.date_source)];
    f.extend(actor(&e.source));
    f.extend(actor(&e.target));
    f.extend([
        e.cameo.clone(),
        e.cameo_root.clone(),
        e.cameo_name.clone(),
        e.goldstein.to_string(),
        e.quad_class.to_string(),
        e.plover.clone(),
        opt(&e.plover_mode),
        e.trigger.text.clone(),
        e.trigger.start.to_string(),
        e.trigger.end.to_string(),
    ]);
    match &e.location {
        Some(l) => f.extend([l.text.clone(), opt(&l.country), opt_num(l.lat), opt_num(l.lon)]),
        None => f.extend(vec![String::new(); 4]),
    }
    f.extend([
        serde_json::to_string(&e.amounts).unwrap_or_else(|_| "[]".into()),
        name(&e.modality),
        e.historical.to_string(),
        e.confidence.to_string(),
        e.rule.clone(),
        e.mentions.to_string(),
    ]);
    f
}

/// The number of columns of the GDELT 2.0 Event table.
pub const GDELT_COLUMNS: usize = 61;

/// The GDELT 2.0 Event table row of an event (column order of
/// `GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv`). Dates are filled as far as the
/// event's date is precise; actor names are upper case as in GDELT; the geography columns
/// other than the action's name and coordinates stay empty (GDELT uses FIPS codes and
/// GeoNames feature ids, which dyad does not assign).
pub fn gdelt_fields(row: &EventRow) -> Vec<String> {
    let e = &row.event;
    let mut f = vec![String::new(); GDELT_COLUMNS];
    f[0] = row.rowid.to_string();
    let digits =
        |s: &str, n: usize| s.get(..n).filter(|p| p.bytes().all(|b| b.is_ascii_digit())).map(str::to_string);
    if let Some(date) = e.date.as_deref() {
        let year = digits(date, 4);
        let month =
            date.get(5..).and_then(|s| digits(s, 2)).filter(|_| date.as_bytes().get(4) == Some(&b'-'));
        let day = date.get(8..).and_then(|s| digits(s, 2)).filter(|_| date.as_bytes().get(7) == Some(&b'-'));
        if let (Some(y), Some(m), Some(d)) = (&year, &month, &day) {
            f[1] = format!("{y}{m}{d}");
            let (yn, mn, dn): (f64, f64, f64) =
                (y.parse().unwrap_or(0.0), m.parse().unwrap_or(0.0), d.parse().unwrap_or(0.0));
            f[4] = format!("{:.4}", yn + (mn * 30.0 + dn) / 365.0);
        }
        if let (Some(y), Some(m)) = (&year, &month) {
            f[2] = format!("{y}{m}");
        }
        if let Some(y) = year {
            f[3] = y;
        }
    }
    for (at, actor) in [(5, &e.source), (15, &e.target)] {
        if let Some(a) = actor {
            f[at] = a.code.clone();
            f[at + 1] = a.entity.as_deref().unwrap_or(&a.text).to_uppercase();
            f[at + 2] = opt(&a.country);
            f[at + 7] = opt(&a.sector);
        }
    }
    f[25] = if e.sentence == 0 { "1" } else { "0" }.to_string();
    f[26] = e.cameo.clone();
    f[27] = e.cameo.get(..3).unwrap_or(&e.cameo).to_string();
    f[28] = e.cameo_root.clone();
    f[29] = e.quad_class.to_string();
    f[30] = e.goldstein.to_string();
    f[31] = e.mentions.to_string();
    f[32] = "1".into();
    f[33] = "1".into();
    if let Some(l) = &e.location {
        f[52] = l.text.clone();
        f[56] = opt_num(l.lat);
        f[57] = opt_num(l.lon);
    }
    f[59] = row.coded_at.chars().filter(char::is_ascii_digit).take(14).collect();
    f[60] = row.url.clone().unwrap_or_else(|| e.doc_id.clone());
    for field in &mut f {
        if field.contains(['\t', '\n', '\r']) {
            *field = field.replace(['\t', '\n', '\r'], " ");
        }
    }
    f
}
