//! `dyad lexicon`: checking the lexicon sources.

use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use dyad_lexicon::Lexicon;
use std::path::PathBuf;
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
    /// point nowhere, terms that denote two different actors. Each problem is printed as
    /// file:line: message; the exit status says whether there were any.
    ///
    /// Example: dyad lexicon check lexicon/
    Check {
        /// The folder of the TSV sources.
        #[arg(default_value = "lexicon")]
        dir: PathBuf,
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
            for p in &problems {
                println!("{p}");
            }
            eprintln!(
                "{}: {} countries, {} regions, {} organisations, {} metonyms, {} agent terms, {} places; \
                 {} terms compiled in {:.1} ms",
                dir.display(),
                lexicon.countries.len(),
                lexicon.regions.len(),
                lexicon.igos.len(),
                lexicon.metonyms.len(),
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
    }
}
