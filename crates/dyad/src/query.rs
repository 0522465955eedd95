//! `dyad query`: events, dyad time series and top actors from a dyad database.

use crate::export::{csv_fields, csv_line};
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use dyad_store::{Direction, EventFilter, Period, Store, EVENT_COLUMNS};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `dyad query`.
#[derive(Args)]
pub struct QueryArgs {
    #[command(subcommand)]
    what: What,
}

// Parsed once per run: the size of the events variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum What {
    /// List the events that pass the filters, by date.
    ///
    /// Example: dyad query events --source RUS --cameo 11 --from 2019-10 --format csv
    Events {
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Count the events between two actors per period, both directions: events per QuadClass,
    /// Goldstein sum and mean. An actor is a country (RUS), or the code of an actor without one
    /// (IGOUNO).
    ///
    /// Example: dyad query dyads RUS CUB --by month
    Dyads {
        /// The first actor.
        a: String,
        /// The second actor.
        b: String,
        /// The length of the periods.
        #[arg(long, value_enum, default_value = "month")]
        by: By,
        /// Earliest date, inclusive (2019, 2019-10, 2019-10-31).
        #[arg(long)]
        from: Option<String>,
        /// Latest date, inclusive (2019-10 takes all of October).
        #[arg(long)]
        to: Option<String>,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The actor codes with the most events as source and as target.
    ///
    /// Example: dyad query actors --top 20
    Actors {
        /// How many actors of each role.
        #[arg(long, default_value_t = 10)]
        top: usize,
        #[command(flatten)]
        out: OutArgs,
    },
}

/// The period of `dyad query dyads`.
#[derive(Clone, Copy, ValueEnum)]
enum By {
    /// Calendar days.
    Day,
    /// ISO weeks, named by their Monday.
    Week,
    /// Calendar months.
    Month,
}

/// How query results are printed.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for reading.
    Table,
    /// Comma-separated values with a header line.
    Csv,
    /// One JSON object a line.
    Jsonl,
}

/// The database and output format of a query.
#[derive(Args)]
struct OutArgs {
    /// The output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    #[command(flatten)]
    db: DbArgs,
}

/// The database to read.
#[derive(Args)]
pub struct DbArgs {
    /// The database file (made by `dyad ingest`).
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
}

impl DbArgs {
    /// Opens the database, which must exist.
    pub fn open(&self) -> Result<Store> {
        let path = &self.db;
        if !path.is_file() {
            bail!(
                "no database at {}: create one with `dyad ingest FILE… --db {}`, or name another with --db",
                path.display(),
                path.display()
            );
        }
        Store::open_existing(path).with_context(|| format!("cannot open database {}", path.display()))
    }
}

/// The event filters of `dyad query events` and `dyad export`.
#[derive(Args)]
pub struct FilterArgs {
    /// Source actor code prefix (RUS matches RUSGOV).
    #[arg(long)]
    source: Option<String>,
    /// Target actor code prefix.
    #[arg(long)]
    target: Option<String>,
    /// Source country (ISO 3166 alpha-3).
    #[arg(long)]
    source_country: Option<String>,
    /// Target country.
    #[arg(long)]
    target_country: Option<String>,
    /// Source sector (GOV, MIL, BUS …).
    #[arg(long)]
    source_sector: Option<String>,
    /// Target sector.
    #[arg(long)]
    target_sector: Option<String>,
    /// CAMEO root (11) or code with its children (111).
    #[arg(long)]
    cameo: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    /// conflict.
    #[arg(long)]
    quad_class: Option<u8>,
    /// PLOVER event type (ACCUSE, CONSULT …).
    #[arg(long)]
    plover: Option<String>,
    /// Modality: asserted, intended, negated, hypothetical or reported.
    #[arg(long)]
    modality: Option<String>,
    /// Earliest date, inclusive (2019, 2019-10, 2019-10-31).
    #[arg(long)]
    from: Option<String>,
    /// Latest date, inclusive (2019-10 takes all of October).
    #[arg(long)]
    to: Option<String>,
    /// Only the events of this document.
    #[arg(long)]
    doc: Option<String>,
    /// Words in the trigger or the document text (case-insensitive).
    #[arg(long)]
    text: Option<String>,
    /// At most this many events.
    #[arg(long)]
    limit: Option<u64>,
}

impl FilterArgs {
    /// The store's filter.
    pub fn filter(&self) -> EventFilter {
        let upper = |s: &Option<String>| s.as_ref().map(|s| s.to_uppercase());
        EventFilter {
            source: upper(&self.source),
            target: upper(&self.target),
            source_country: upper(&self.source_country),
            target_country: upper(&self.target_country),
            source_sector: upper(&self.source_sector),
            target_sector: upper(&self.target_sector),
            cameo: self.cameo.clone(),
            quad_class: self.quad_class,
            plover: self.plover.clone(),
            modality: self.modality.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            doc_id: self.doc.clone(),
            text: self.text.clone(),
            limit: self.limit,
        }
    }
}

/// Runs `dyad query`.
pub fn run(args: QueryArgs) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.what {
        What::Events { filter, out: o } => events(&o.db.open()?, &filter.filter(), o.format, &mut out)?,
        What::Dyads { a, b, by, from, to, out: o } => {
            let period = match by {
                By::Day => Period::Day,
                By::Week => Period::Week,
                By::Month => Period::Month,
            };
            let (a, b) = (a.to_uppercase(), b.to_uppercase());
            let store = o.db.open()?;
            let series = store.dyads_between(&a, &b, period, from.as_deref(), to.as_deref())?;
            dyads(&series, o.format, &mut out)?;
            let [ab, ba] = series.undated;
            if ab + ba > 0 {
                eprintln!(
                    "note: {ab} {a}→{b} and {ba} {b}→{a} events have no date precise enough for the period"
                );
            }
        }
        What::Actors { top, out: o } => actors(&o.db.open()?.top_actors(top)?, o.format, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Writes the events that pass `filter`.
fn events(store: &Store, filter: &EventFilter, format: Format, out: &mut impl Write) -> Result<()> {
    match format {
        Format::Table => writeln!(
            out,
            "{:<10}  {:<9}  {:<5} {:<28}  {:<9}  {:>4} {:>6}  {:<16}  doc",
            "date", "source", "cameo", "event", "target", "quad", "gold", "trigger"
        )?,
        Format::Csv => writeln!(out, "{}", csv_line(EVENT_COLUMNS.iter().map(|c| c.to_string())))?,
        Format::Jsonl => {}
    }
    store.for_each_event(filter, |row| -> Result<()> {
        let e = &row.event;
        match format {
            Format::Table => {
                let code = |a: &Option<dyad_extract::event::Actor>| {
                    a.as_ref().map_or("-".to_string(), |a| a.code.clone())
                };
                writeln!(
                    out,
                    "{:<10}  {:<9}  {:<5} {:<28}  {:<9}  {:>4} {:>6.1}  {:<16}  {}",
                    e.date.as_deref().unwrap_or("-"),
                    cut(&code(&e.source), 9),
                    e.cameo,
                    cut(&e.cameo_name, 28),
                    cut(&code(&e.target), 9),
                    e.quad_class,
                    e.goldstein,
                    cut(&e.trigger.text, 16),
                    e.doc_id
                )?;
            }
            Format::Csv => writeln!(out, "{}", csv_line(csv_fields(e)))?,
            Format::Jsonl => writeln!(out, "{}", serde_json::to_string(e)?)?,
        }
        Ok(())
    })
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::AToB => "a->b",
        Direction::BToA => "b->a",
    }
}

/// Writes a dyad series.
fn dyads(series: &dyad_store::DyadSeries, format: Format, out: &mut impl Write) -> Result<()> {
    let header = [
        "period",
        "direction",
        "source",
        "target",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
        "events",
        "goldstein_sum",
        "goldstein_mean",
    ];
    match format {
        Format::Table => writeln!(
            out,
            "{:<10}  {:<15}  {:>6} {:>6} {:>6} {:>6}  {:>7}  {:>9}  {:>7}",
            "period", "source→target", "q1", "q2", "q3", "q4", "events", "gold sum", "mean"
        )?,
        Format::Csv => writeln!(out, "{}", csv_line(header.iter().map(|h| h.to_string())))?,
        Format::Jsonl => {}
    }
    for p in &series.periods {
        let [q1, q2, q3, q4] = p.quad_counts;
        match format {
            Format::Table => writeln!(
                out,
                "{:<10}  {:<15}  {q1:>6} {q2:>6} {q3:>6} {q4:>6}  {:>7}  {:>9.1}  {:>7.2}",
                p.period,
                format!("{}→{}", p.source, p.target),
                p.events,
                p.goldstein_sum,
                p.goldstein_mean
            )?,
            Format::Csv => {
                let fields = [
                    p.period.clone(),
                    direction_name(p.direction).to_string(),
                    p.source.clone(),
                    p.target.clone(),
                    q1.to_string(),
                    q2.to_string(),
                    q3.to_string(),
                    q4.to_string(),
                    p.events.to_string(),
                    p.goldstein_sum.to_string(),
                    p.goldstein_mean.to_string(),
                ];
                writeln!(out, "{}", csv_line(fields))?
            }
            Format::Jsonl => writeln!(out, "{}", serde_json::to_string(p)?)?,
        }
    }
    Ok(())
}

/// Writes the top actors.
fn actors(top: &dyad_store::TopActors, format: Format, out: &mut impl Write) -> Result<()> {
    let roles = [("source", &top.as_source), ("target", &top.as_target)];
    match format {
        Format::Table => {
            writeln!(
                out,
                "{:>4}  {:<14} {:>9}    {:<14} {:>9}",
                "rank", "as source", "events", "as target", "events"
            )?;
            for i in 0..top.as_source.len().max(top.as_target.len()) {
                let cell = |v: &Vec<dyad_store::ActorCount>| {
                    v.get(i)
                        .map_or((String::new(), String::new()), |a| (a.code.clone(), a.events.to_string()))
                };
                let ((s, sn), (t, tn)) = (cell(&top.as_source), cell(&top.as_target));
                writeln!(out, "{:>4}  {s:<14} {sn:>9}    {t:<14} {tn:>9}", i + 1)?;
            }
        }
        Format::Csv => {
            writeln!(out, "role,rank,code,events")?;
            for (role, list) in roles {
                for (i, a) in list.iter().enumerate() {
                    let fields =
                        [role.to_string(), (i + 1).to_string(), a.code.clone(), a.events.to_string()];
                    writeln!(out, "{}", csv_line(fields))?;
                }
            }
        }
        Format::Jsonl => {
            for (role, list) in roles {
                for (i, a) in list.iter().enumerate() {
                    let v =
                        serde_json::json!({"role": role, "rank": i + 1, "code": a.code, "events": a.events});
                    writeln!(out, "{v}")?;
                }
            }
        }
    }
    Ok(())
}
