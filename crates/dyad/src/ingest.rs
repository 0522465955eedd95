//! `dyad ingest`: code documents into the database. Documents are read in batches; the new and
//! changed ones of a batch (by id and content hash) are coded in parallel and written by one
//! writer in one transaction, so a run killed at any moment leaves whole documents only, and
//! running it again codes what is missing and nothing twice.

use crate::documents::{expand, read_documents, Document, InputKind};
use anyhow::{Context, Result};
use clap::Args;
use dyad_extract::coder::Coder;
use dyad_extract::time::Date;
use dyad_nlp::analyze::Pipeline;
use dyad_store::{content_hash, CodedDocument, DocumentRow, EntityRow, Store};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Arguments of `dyad ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Inputs: text files, JSON Lines files (`.jsonl`: `id`, `text`, optional `date`, `source`,
    /// `url`, `title`), folders of them (read recursively) or `-` (standard input).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The database (created if missing).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// How to read the inputs: by file extension, or all as text or all as JSON Lines.
    #[arg(long, value_enum, default_value = "auto")]
    input: InputKind,
    /// The creation date (YYYY-MM-DD) of text inputs; JSON Lines documents carry their own.
    #[arg(long)]
    date: Option<String>,
    /// A lexicon overlay folder (see `dyad code --lexicon`).
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Parse with this beam width instead of the model's 5: 1 (greedy) is about 2.5 times
    /// faster and codes fewer events right.
    #[arg(long)]
    beam: Option<usize>,
    /// Documents coded and written per transaction.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// Worker threads for coding (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Replace invalid UTF-8 with U+FFFD instead of skipping the input.
    #[arg(long)]
    lossy: bool,
}

/// What a run did.
#[derive(Default)]
struct Tally {
    read: usize,
    coded: usize,
    unchanged: usize,
    events: usize,
    failed: usize,
}

/// Runs `dyad ingest`.
pub fn run(args: IngestArgs) -> Result<()> {
    let started = Instant::now();
    let dct = args.date.as_deref().map(Date::parse).transpose().context("--date")?;
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().ok();
    }
    let mut pipeline = Pipeline::embedded(true).context("loading the embedded models")?;
    if let Some(width) = args.beam {
        pipeline = pipeline.with_beam(width);
    }
    let (lexicon, events) = crate::knowledge::load(args.lexicon.as_deref())?;
    let coder = Coder { pipeline: &pipeline, lexicon: &lexicon, events: &events };
    let mut store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let bar = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} documents ({per_sec}) {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    let mut tally = Tally::default();
    let mut pending: Vec<Document> = Vec::new();
    for path in expand(&args.paths)? {
        match read_documents(&path, args.input, args.lossy, dct) {
            Ok((documents, bad)) => {
                tally.failed += bad;
                pending.extend(documents);
            }
            Err(e) => {
                tally.failed += 1;
                bar.suspend(|| eprintln!("dyad: error: {e:#}"));
            }
        }
        while pending.len() >= args.batch.max(1) {
            let rest = pending.split_off(args.batch.max(1));
            ingest_batch(&coder, &mut store, std::mem::replace(&mut pending, rest), &mut tally)?;
            bar.set_position(tally.read as u64);
            bar.set_message(format!(
                "{} coded, {} unchanged, {} events",
                tally.coded, tally.unchanged, tally.events
            ));
        }
    }
    ingest_batch(&coder, &mut store, pending, &mut tally)?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "dyad: {} documents read in {seconds:.1} s ({:.0}/s): {} coded with {} events, {} unchanged, {} failed; database {}",
        tally.read,
        tally.read as f64 / seconds.max(1e-9),
        tally.coded,
        tally.events,
        tally.unchanged,
        tally.failed,
        args.db.display()
    );
    if tally.failed > 0 {
        anyhow::bail!("{} inputs or documents failed (named above); the others were ingested", tally.failed);
    }
    Ok(())
}

/// Codes the new and changed documents of a batch in parallel and writes them in one
/// transaction.
fn ingest_batch(coder: &Coder<'_>, store: &mut Store, batch: Vec<Document>, tally: &mut Tally) -> Result<()> {
    tally.read += batch.len();
    let mut todo = Vec::with_capacity(batch.len());
    for doc in batch {
        let hash = content_hash(&doc.text);
        if store.has(&doc.id, &hash)? {
            tally.unchanged += 1;
        } else {
            todo.push((doc, hash));
        }
    }
    let coded: Vec<CodedDocument> = todo
        .into_par_iter()
        .map(|(doc, hash)| {
            let coded =
                coder.code(&dyad_extract::coder::Document { id: &doc.id, text: &doc.text, dct: doc.dct });
            let entities = coded.entities.iter().map(|e| EntityRow::from_entity(e, &doc.text)).collect();
            CodedDocument {
                events: coded.events,
                entities,
                document: DocumentRow {
                    date: doc.dct.map(|d| d.to_string()),
                    id: doc.id,
                    source: doc.source,
                    url: doc.url,
                    title: doc.title,
                    content_hash: hash,
                    text: Some(doc.text),
                    coded_at: None,
                },
            }
        })
        .collect();
    tally.coded += coded.len();
    tally.events += coded.iter().map(|c| c.events.len()).sum::<usize>();
    store.put_documents(&coded).context("writing to the database")?;
    Ok(())
}
