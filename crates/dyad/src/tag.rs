//! `dyad tag`: raw text (or CoNLL-U with given tokens) in, tagged and lemmatized CoNLL-U out.

use crate::input::{display_name, read_text};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad_nlp::analyze::Pipeline;
use dyad_nlp::conllu;
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

/// Arguments of `dyad tag`.
#[derive(Args)]
pub struct TagArgs {
    /// Input files; `-` or nothing reads standard input.
    pub files: Vec<PathBuf>,
    /// Input format.
    #[arg(long, value_enum, default_value = "text")]
    pub input: InputKind,
    /// A tagger model file (default: the model embedded in the binary).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD instead of stopping at it.
    #[arg(long)]
    pub lossy: bool,
}

/// Loads the tagger from `model`, or the embedded one.
pub fn load_pipeline(model: Option<&Path>) -> Result<Pipeline> {
    match model {
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("reading model {}", path.display()))?;
            let tagger =
                Tagger::from_bytes(&bytes).with_context(|| format!("loading model {}", path.display()))?;
            Ok(Pipeline::new(tagger))
        }
        None => Pipeline::embedded().context("loading the embedded tagger model"),
    }
}

/// Runs `dyad tag`.
pub fn run(args: TagArgs) -> Result<()> {
    let pipeline = load_pipeline(args.model.as_deref())?;
    let files = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0;
    for path in &files {
        match tag_file(&pipeline, path, args.input, args.lossy) {
            Ok(text) => out.write_all(text.as_bytes())?,
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

fn tag_file(pipeline: &Pipeline, path: &Path, input: InputKind, lossy: bool) -> Result<String> {
    let text = read_text(path, lossy)?;
    let mut out = String::with_capacity(text.len() * 8);
    match input {
        InputKind::Text => {
            let sentences = pipeline.analyze(&text);
            let doc_id = path.file_stem().and_then(|s| s.to_str()).filter(|s| *s != "-");
            for s in pipeline.to_conllu(&text, &sentences, doc_id) {
                conllu::write_sentence(&mut out, &s);
            }
        }
        InputKind::Conllu => {
            let mut sentences = conllu::parse(&text).with_context(|| display_name(path))?;
            pipeline.tag_conllu(&mut sentences);
            for s in &sentences {
                conllu::write_sentence(&mut out, s);
            }
        }
    }
    Ok(out)
}
