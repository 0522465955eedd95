//! `dyad bench`: throughput of the language layer and of the whole coder on one core, and
//! start-up (model and lexicon load) time.
//!
//! Figures are printed, never asserted: timing depends on the machine and its load.

use crate::input::read_text;
use crate::tag::{load_pipeline, read_model, ModelArgs};
use anyhow::Result;
use clap::Args;
use dyad_extract::coder::{Coder, Document};
use dyad_lexicon::events::EventLexicon;
use dyad_lexicon::Lexicon;
use dyad_nlp::analyze::{EMBEDDED_PARSER, EMBEDDED_TAGGER};
use dyad_nlp::parser::Parser;
use dyad_nlp::sentence::split_sentences;
use dyad_nlp::tagger::Tagger;
use dyad_nlp::tokenize::tokenize;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Arguments of `dyad bench`.
#[derive(Args)]
pub struct BenchArgs {
    /// Text files to run on (default: the bundled seed article).
    pub files: Vec<PathBuf>,
    /// Minimum time each measurement runs, in seconds (the best of its rounds is reported).
    #[arg(long, default_value_t = 3.0)]
    pub seconds: f64,
    /// The models to measure (default: the embedded ones) and the parser's beam width.
    #[command(flatten)]
    pub models: ModelArgs,
}

/// Runs `dyad bench`.
pub fn run(args: BenchArgs) -> Result<()> {
    let files =
        if args.files.is_empty() { vec![PathBuf::from("examples/russia-cuba.txt")] } else { args.files };
    let texts: Vec<String> = files.iter().map(|f| read_text(f, false)).collect::<Result<_>>()?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let budget = Duration::from_secs_f64(args.seconds.max(0.1));

    let tagger_bytes = model_bytes(args.models.model.as_deref(), EMBEDDED_TAGGER)?;
    let parser_bytes = model_bytes(args.models.parser_model.as_deref(), EMBEDDED_PARSER)?;
    let load = best_time(budget.min(Duration::from_secs(1)), || {
        black_box(Tagger::from_bytes(&tagger_bytes).map(|_| ()))
    });
    let parser_load = best_time(budget.min(Duration::from_secs(1)), || {
        black_box(Parser::from_bytes(&parser_bytes).map(|_| ()))
    });
    let tagging = load_pipeline(&args.models, false)?;
    let parsing = load_pipeline(&args.models, true)?;
    let tokens: usize = texts.iter().map(|t| tokenize(t).len()).sum();
    let sentences: usize = texts.iter().map(|t| split_sentences(t, &tokenize(t)).len()).sum();
    println!("input: {} file(s), {bytes} bytes, {tokens} tokens, {sentences} sentences", files.len());
    println!("model load (tagger + lemmatizer): {:.2} ms", load.as_secs_f64() * 1e3);
    println!("model load (parser): {:.2} ms", parser_load.as_secs_f64() * 1e3);
    if let Some(parser) = parsing.parser() {
        println!("parser beam width: {}", parser.beam());
    }

    let t = best_time(budget, || {
        for text in &texts {
            black_box(tokenize(text));
        }
    });
    report("tokenize", tokens, sentences, t);
    let t = best_time(budget, || {
        for text in &texts {
            black_box(split_sentences(text, &tokenize(text)));
        }
    });
    report("tokenize + split", tokens, sentences, t);
    let t = best_time(budget, || {
        for text in &texts {
            black_box(tagging.analyze(text));
        }
    });
    report("tokenize + split + tag", tokens, sentences, t);
    let t = best_time(budget, || {
        for text in &texts {
            black_box(parsing.analyze(text));
        }
    });
    report("... + parse", tokens, sentences, t);
    let started = Instant::now();
    let (lexicon, _) = Lexicon::embedded();
    let (events, _) = EventLexicon::embedded();
    println!("lexicon + event lexicon compile: {:.2} ms", started.elapsed().as_secs_f64() * 1e3);
    let coder = Coder { pipeline: &parsing, lexicon: &lexicon, events: &events };
    let t = best_time(budget, || {
        for (n, text) in texts.iter().enumerate() {
            black_box(coder.code(&Document { id: &n.to_string(), text, dct: None }));
        }
    });
    report("dyad code (end to end)", tokens, sentences, t);
    Ok(())
}

/// The bytes of the model file at `path`, or the embedded model's.
fn model_bytes(path: Option<&Path>, embedded: &[u8]) -> Result<Vec<u8>> {
    path.map_or_else(|| Ok(embedded.to_vec()), read_model)
}

/// Runs `f` repeatedly for at least `budget` and returns its fastest round.
fn best_time<T>(budget: Duration, mut f: impl FnMut() -> T) -> Duration {
    let started = Instant::now();
    let mut best = Duration::MAX;
    while started.elapsed() < budget || best == Duration::MAX {
        let t = Instant::now();
        black_box(f());
        best = best.min(t.elapsed());
    }
    best
}

fn report(what: &str, tokens: usize, sentences: usize, t: Duration) {
    let s = t.as_secs_f64().max(1e-9);
    println!(
        "{what:<24} {:>12.0} tokens/s  {:>10.0} sentences/s  (one core, best round {:.3} ms)",
        tokens as f64 / s,
        sentences as f64 / s,
        s * 1e3
    );
}
