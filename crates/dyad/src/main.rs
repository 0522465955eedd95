//! `dyad`: political event data from English news text. This binary is the user's surface:
//! every subcommand lives in its own module and reports errors with the file (and line) at fault.

mod bench;
mod code;
mod documents;
mod eval;
mod events_eval;
mod events_out;
mod export;
mod ingest;
mod input;
mod knowledge;
mod lexicon;
mod ner_eval;
#[cfg(feature = "parquet")]
mod parquet_out;
mod petrarch_eval;
mod query;
mod re3d_eval;
mod specs;
mod tag;
mod timex_eval;
mod train;
mod wikigold_eval;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Political event data from English news: who did what to whom, when and where.
#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about,
    long_about = None,
    after_help = "Examples:\n  dyad code --date 2019-10-31 examples/russia-cuba.txt\n  dyad ingest examples/ --db dyad.db\n  dyad parse examples/russia-cuba.txt\n  dyad code --entities --date 2019-10-31 examples/russia-cuba.txt\n  dyad eval conllu ../shared/train/ud-ewt/en_ewt-ud-test.conllu --from tokens\n  dyad bench examples/russia-cuba.txt\n  dyad query dyads RUS CUB --by month --db dyad.db"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Tokenize, split, tag and lemmatize text; write CoNLL-U.
    ///
    /// Example: dyad tag examples/russia-cuba.txt
    Tag(tag::TagArgs),
    /// Tokenize, split, tag, lemmatize and parse text; write CoNLL-U with heads and relations.
    ///
    /// Example: dyad parse examples/russia-cuba.txt
    Parse(tag::TagArgs),
    /// Code documents into event records (who did what to whom, CAMEO and PLOVER) as JSON
    /// Lines, CSV or a table; with --entities, one JSON object per document with its entities,
    /// times and amounts instead.
    ///
    /// Example: dyad code --date 2019-10-31 examples/russia-cuba.txt
    Code(code::CodeArgs),
    /// Check the lexicon sources (countries, regions, organisations, metonyms, agents, places),
    /// or import PETRARCH-2 / Phoenix dictionaries as a lexicon overlay.
    ///
    /// Example: dyad lexicon check lexicon/
    Lexicon(lexicon::LexiconArgs),
    /// Train a model from a UD treebank.
    ///
    /// Example: dyad train tagger --train ../shared/train/ud-ewt/en_ewt-ud-train.conllu
    Train(train::TrainArgs),
    /// Score system output against gold data.
    ///
    /// Example: dyad eval conllu gold.conllu system.conllu
    Eval(eval::EvalArgs),
    /// Measure throughput and model load time on a text file; prints figures.
    ///
    /// Example: dyad bench examples/russia-cuba.txt
    Bench(bench::BenchArgs),
    /// Code documents into a dyad database (SQLite), in parallel, with a progress bar; a
    /// document already there with the same text is skipped, a changed one replaced.
    ///
    /// Example: dyad ingest examples/ --db dyad.db
    Ingest(ingest::IngestArgs),
    /// Query a dyad database: events with filters, dyad time series, top actors.
    ///
    /// Example: dyad query dyads RUS CUB --by month --db dyad.db
    Query(query::QueryArgs),
    /// Export the events of a dyad database as JSON Lines, CSV, GDELT 2.0 event rows or Parquet.
    ///
    /// Example: dyad export --format gdelt --output events.tsv --db dyad.db
    Export(export::ExportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Tag(args) => tag::run(args, false),
        Command::Parse(args) => tag::run(args, true),
        Command::Code(args) => code::run(args),
        Command::Lexicon(args) => lexicon::run(args),
        Command::Train(args) => train::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
