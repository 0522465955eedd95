//! `dyad tag` and `dyad parse`: raw text (or CoNLL-U with given tokens) in, tagged and
//! lemmatized (and parsed) CoNLL-U out.

use crate::input::{display_name, read_text};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad_nlp::analyze::{Pipeline, EMBEDDED_PARSER, EMBEDDED_TAGGER};
use dyad_nlp::conllu;
use dyad_nlp::parser::Parser;
use dyad_nlp::tagger::Tagger;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What the input of `tag` is.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputKind {
    /// Raw text: dyad tokenizes and splits it.
    Text,
    /// CoNLL-U: the given tokens and sentences are kept (for scoring on gold tokenization).
    Conllu,
}

/// Arguments of `dyad tag` and `dyad parse`.
#[derive(Args)]
pub struct TagArgs {
    /// Input files; `-` or nothing reads standard input.
    pub files: Vec<PathBuf>,
    /// Input format.
    #[arg(long, value_enum, default_value = "text")]
    pub input: InputKind,
    #[command(flatten)]
    pub models: ModelArgs,
    /// Replace invalid UTF-8 with U+FFFD instead of stopping at it.
    #[arg(long)]
    pub lossy: bool,
}

/// Which models to use: the embedded ones unless files are given.
#[derive(Args)]
pub struct ModelArgs {
    /// A tagger model file (default: the model embedded in the binary).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// A parser model file (default: the model embedded in the binary).
    #[arg(long)]
    pub parser_model: Option<PathBuf>,
    /// Parse with this beam width instead of the model's (1 is greedy and fastest; at most 64).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub beam: Option<u16>,
}

/// Loads the tagger (and, with `parse`, the parser) from the given files or the embedded models.
pub fn load_pipeline(models: &ModelArgs, parse: bool) -> Result<Pipeline> {
    let tagger = match models.model.as_deref() {
        Some(path) => Tagger::from_bytes(&read_model(path)?)
            .with_context(|| format!("loading model {}", path.display()))?,
        None => Tagger::from_bytes(EMBEDDED_TAGGER).context("loading the embedded tagger model")?,
    };
    let parser = match (parse, models.parser_model.as_deref()) {
        (false, _) => None,
        (true, Some(path)) => Some(
            Parser::from_bytes(&read_model(path)?)
                .with_context(|| format!("loading model {}", path.display()))?,
        ),
        (true, None) => {
            Some(Parser::from_bytes(EMBEDDED_PARSER).context("loading the embedded parser model")?)
        }
    };
    let parser = match models.beam {
        Some(width) => parser.map(|p| p.with_beam(usize::from(width))),
        None => parser,
    };
    Ok(Pipeline::new(tagger, parser))
}

/// The bytes of the model file at `path`, with the path in the error.
pub fn read_model(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("reading model {}", path.display()))
}

/// Runs `dyad tag` (`parse` false) or `dyad parse` (`parse` true).
pub fn run(args: TagArgs, parse: bool) -> Result<()> {
    let pipeline = load_pipeline(&args.models, parse)?;
    let files = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0;
    for path in &files {
        match tag_file(&pipeline, path, args.input, args.lossy, &mut out) {
            Ok(()) => {}
            Err(e) => {
                failures += 1;
                eprintln!("dyad: error: {e:#}");
            }
        }
    }
    out.flush()?;
    if failures > 0 {
        anyhow::bail!("{failures} of {} inputs failed", files.len());
    }
    Ok(())
}

/// Analyses one input and writes its CoNLL-U to `out`, a sentence at a time.
fn tag_file(
    pipeline: &Pipeline,
    path: &Path,
    input: InputKind,
    lossy: bool,
    out: &mut impl Write,
) -> Result<()> {
    let text = read_text(path, lossy)?;
    let mut buffer = String::new();
    let mut result = Ok(());
    let mut write = |s: &conllu::Sentence| {
        buffer.clear();
        conllu::write_sentence(&mut buffer, s);
        if result.is_ok() {
            result = out.write_all(buffer.as_bytes());
        }
    };
    match input {
        InputKind::Text => {
            let doc_id = path.file_stem().and_then(|s| s.to_str()).filter(|s| *s != "-");
            pipeline.analyze_each(&text, |n, sentence| {
                if let Some(s) = pipeline.sentence_to_conllu(&text, &sentence, n, doc_id) {
                    write(&s);
                }
            });
        }
        InputKind::Conllu => {
            let mut sentences = conllu::parse(&text).with_context(|| display_name(path))?;
            pipeline.annotate_conllu(&mut sentences);
            sentences.iter().for_each(&mut write);
        }
    }
    result?;
    Ok(())
}
