//! `dyad lexicon`: checking the lexicon sources, importing PETRARCH dictionaries.

use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use dyad_lexicon::events::{EventLexicon, EVENT_FILES};
use dyad_lexicon::petrarch::{self, actors, agents, verbs, Kind, Problem};
use dyad_lexicon::Lexicon;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `dyad lexicon`.
#[derive(Args)]
pub struct LexiconArgs {
    #[command(subcommand)]
    what: Action,
}

#[derive(Subcommand)]
enum Action {
    /// Validate the lexicon sources: unreadable lines, duplicate codes and terms, codes that
    /// point nowhere, terms that denote two different actors, and (when the folder has them)
    /// the event lexicon's codes, patterns, modality cues, intents and domestic codes. Each
    /// problem is printed as file:line: message; the exit status says whether there were any.
    ///
    /// Example: dyad lexicon check lexicon/
    Check {
        /// The folder of the TSV sources.
        #[arg(default_value = "lexicon")]
        dir: PathBuf,
    },
    /// Import PETRARCH-2 / Phoenix dictionaries as a lexicon overlay: actor dictionaries
    /// (*.actors.txt) become officials.tsv, agent dictionaries (*.agents.txt) agents.tsv, verb
    /// dictionaries (CAMEO.*.txt, *.verbs.txt) events.tsv. The kind of each file is told by its
    /// name. Lines that cannot be read are printed as file:line: message on stderr and the rest
    /// imports; a summary gives the entries read, the lines skipped, the share of verb patterns
    /// that map to dyad's frames, and the time taken.
    ///
    /// Example: dyad lexicon import-petrarch ../shared/data/petrarch2/dictionaries/Phoenix.*.actors.txt
    /// ../shared/data/petrarch2/dictionaries/Phoenix.agents.txt --output overlay/
    ImportPetrarch {
        /// The PETRARCH dictionaries.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The folder to write the overlay into (created if missing).
        #[arg(long, short)]
        output: PathBuf,
    },
}

/// Runs `dyad lexicon`.
pub fn run(args: LexiconArgs) -> Result<()> {
    match args.what {
        Action::Check { dir } => {
            let started = Instant::now();
            let (lexicon, mut problems) = Lexicon::from_dir(&dir)?;
            let compiled = started.elapsed();
            problems.extend(lexicon.check());
            // The event lexicon, when the folder has one (a full lexicon, not an overlay).
            if dir.join(EVENT_FILES[0]).exists() {
                let (events, event_problems) = EventLexicon::from_dir(&dir)?;
                problems.extend(event_problems);
                eprintln!(
                    "{}: {} CAMEO codes, {} event patterns",
                    dir.display(),
                    events.codes(),
                    events.len()
                );
            }
            for p in &problems {
                println!("{p}");
            }
            eprintln!(
                "{}: {} countries, {} regions, {} organisations, {} metonyms, {} groups, {} agent terms, {} places; \
                 {} terms compiled in {:.1} ms",
                dir.display(),
                lexicon.countries.len(),
                lexicon.regions.len(),
                lexicon.igos.len(),
                lexicon.metonyms.len(),
                lexicon.groups.len(),
                lexicon.agents.len(),
                lexicon.places.len(),
                lexicon.terms(),
                compiled.as_secs_f64() * 1000.0
            );
            if !problems.is_empty() {
                bail!("{} problems in {}", problems.len(), dir.display());
            }
            Ok(())
        }
        Action::ImportPetrarch { files, output } => import_petrarch(&files, &output),
    }
}

/// What the files of one kind gave: rows rendered, sources, and a count of entries.
#[derive(Default)]
struct Output {
    rows: String,
    sources: Vec<String>,
    entries: usize,
    written: usize,
}

/// Runs `dyad lexicon import-petrarch`.
fn import_petrarch(files: &[PathBuf], output: &Path) -> Result<()> {
    let started = Instant::now();
    let mut outputs: BTreeMap<Kind, Output> = BTreeMap::new();
    let mut problems_total: Vec<Problem> = Vec::new();
    let mut tagger: Option<dyad_nlp::tagger::Tagger> = None;
    let mut per_file: Vec<String> = Vec::new();
    for path in files {
        let kind = Kind::of(path).ok_or_else(|| petrarch::ImportError::UnknownKind { path: path.clone() })?;
        let bytes = petrarch::read(path)?;
        let name = path.display().to_string();
        let out = outputs.entry(kind).or_default();
        out.sources.push(name.clone());
        let problems = match kind {
            Kind::Actors => {
                let (read, problems) = actors::read(&name, &bytes);
                let names: usize = read.actors.iter().map(|a| a.names.len()).sum();
                let rows = actors::render(&read.actors, &mut out.rows);
                out.entries += read.actors.len();
                out.written += rows;
                per_file.push(format!(
                    "{name}: {} actors, {names} names, {rows} code periods; {} null-coded actors left out",
                    read.actors.len(),
                    read.null_coded
                ));
                problems
            }
            Kind::Agents => {
                let (read, problems) = agents::read(&name, &bytes);
                let terms: usize = read.iter().map(|a| a.terms.len()).sum();
                out.written += agents::render(&read, &mut out.rows);
                out.entries += read.len();
                per_file.push(format!("{name}: {} agent entries, {terms} terms", read.len()));
                problems
            }
            Kind::Verbs => {
                if tagger.is_none() {
                    tagger = Some(dyad_nlp::tagger::Tagger::from_bytes(dyad_nlp::analyze::EMBEDDED_TAGGER)?);
                }
                let lemmatizer = tagger.as_ref().map(|t| t.lemmatizer());
                let lemma =
                    |w: &str, xpos: &str| lemmatizer.map_or_else(|| w.to_string(), |l| l.lemmatize(w, xpos));
                let (read, problems) = verbs::read(&name, &bytes, &lemma);
                let s = &read.stats;
                out.written += verbs::render(&read.lines, &mut out.rows);
                out.entries += s.patterns;
                let share = if s.patterns == 0 { 0.0 } else { 100.0 * s.mapped as f64 / s.patterns as f64 };
                let reasons: Vec<String> = top(s.unmapped.iter().map(|(r, n)| (r.to_string(), *n)), 6);
                per_file.push(format!(
                    "{name}: {} synonym sets, {} verbs ({} with a code of their own or their block's), \
                     {} patterns: {} mapped ({share:.1}%), {} unmapped [{}]; {} paired codes kept one way; \
                     {} transformations not imported; {} lines of events.tsv",
                    s.synsets,
                    s.verbs,
                    s.coded_verbs,
                    s.patterns,
                    s.mapped,
                    s.unmapped_total(),
                    reasons.join(", "),
                    s.reverse_dropped,
                    s.transformations,
                    read.lines.len()
                ));
                problems
            }
        };
        for p in &problems {
            eprintln!("{p}");
        }
        problems_total.extend(problems);
    }
    std::fs::create_dir_all(output)
        .map_err(|source| petrarch::ImportError::Write { path: output.to_path_buf(), source })?;
    let date = petrarch::today();
    for (kind, out) in &outputs {
        let (file, what, columns): (&str, &str, &[&str]) = match kind {
            Kind::Actors => (
                "officials.tsv",
                "actors with their codes and terms, one line per code period",
                &actors::COLUMNS,
            ),
            Kind::Agents => ("agents.tsv", "agent nouns and the sector codes they add", &agents::COLUMNS),
            Kind::Verbs => ("events.tsv", "verb event patterns", &verbs::COLUMNS),
        };
        let mut text = petrarch::header(what, &out.sources, &date, columns);
        text.push_str(&out.rows);
        petrarch::write(&output.join(file), &text)?;
    }
    let elapsed = started.elapsed();
    for line in &per_file {
        eprintln!("{line}");
    }
    let skipped: Vec<&Problem> =
        problems_total.iter().filter(|p| p.action == petrarch::Action::Skipped).collect();
    let reasons = |list: &[&Problem]| {
        let mut by: BTreeMap<String, usize> = BTreeMap::new();
        for p in list {
            *by.entry(p.reason.to_string()).or_default() += 1;
        }
        top(by.into_iter(), 8).join(", ")
    };
    let repaired: Vec<&Problem> =
        problems_total.iter().filter(|p| p.action == petrarch::Action::Repaired).collect();
    for (kind, out) in &outputs {
        let what = match kind {
            Kind::Actors => "officials.tsv",
            Kind::Agents => "agents.tsv",
            Kind::Verbs => "events.tsv",
        };
        eprintln!("{}: {} lines from {} entries", output.join(what).display(), out.written, out.entries);
    }
    eprintln!("lines skipped: {} [{}]", skipped.len(), reasons(&skipped));
    eprintln!("lines repaired: {} [{}]", repaired.len(), reasons(&repaired));
    eprintln!("imported {} files in {:.3} s", files.len(), elapsed.as_secs_f64());
    Ok(())
}

/// The `n` largest counts as "reason N", largest first.
fn top(counts: impl Iterator<Item = (String, usize)>, n: usize) -> Vec<String> {
    let mut v: Vec<(String, usize)> = counts.collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().take(n).map(|(r, c)| format!("{r} {c}")).collect()
}
