//! `dyad train`: trains the language models from a UD treebank, reproducibly.

use crate::input::read_conllu;
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use dyad_nlp::analyze::{Pipeline, EMBEDDED_TAGGER};
use dyad_nlp::eval::{evaluate, Scores};
use dyad_nlp::parser::{self, Parser, TrainConfig as ParserConfig};
use dyad_nlp::tagger::{Tagger, TrainConfig};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `dyad train`.
#[derive(Args)]
pub struct TrainArgs {
    #[command(subcommand)]
    what: Model,
}

#[derive(Subcommand)]
enum Model {
    /// Train the POS tagger and lemmatizer (the committed model: defaults on EWT train).
    ///
    /// Example: dyad train tagger --train ../shared/train/ud-ewt/en_ewt-ud-train.conllu --dev ../shared/train/ud-ewt/en_ewt-ud-dev.conllu
    Tagger(TaggerArgs),
    /// Train the dependency parser and its supertagger (the committed model: defaults on EWT
    /// train, with tags and supertags predicted by jackknifed taggers). Takes half an hour on
    /// two cores.
    ///
    /// Example: dyad train parser --dev ../shared/train/ud-ewt/en_ewt-ud-dev.conllu
    Parser(ParserArgs),
}

#[derive(Args)]
struct ParserArgs {
    /// Training treebank (CoNLL-U).
    #[arg(long, default_value = "../shared/train/ud-ewt/en_ewt-ud-train.conllu")]
    train: PathBuf,
    /// Development treebank, scored after training with the embedded tagger (never trained on).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, short, default_value = "models/parser.zst")]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = ParserConfig::default().epochs)]
    epochs: usize,
    /// Shuffle and exploration seed.
    #[arg(long, default_value_t = ParserConfig::default().seed)]
    seed: u64,
    /// Beam width in training (1: greedy with the dynamic oracle).
    #[arg(long, default_value_t = ParserConfig::default().beam as u16, value_parser = clap::value_parser!(u16).range(1..=64))]
    beam: u16,
    /// Beam width the model parses with unless `--beam` says otherwise when parsing (at most
    /// the training width).
    #[arg(long, default_value_t = ParserConfig::default().decode_beam as u16, value_parser = clap::value_parser!(u16).range(1..=64))]
    decode_beam: u16,
    /// Parsers trained at once (one thread each, with consecutive seeds) whose mean is the model.
    #[arg(long, default_value_t = ParserConfig::default().ensemble as u16, value_parser = clap::value_parser!(u16).range(1..=16))]
    ensemble: u16,
    /// Train on the treebank's gold tags instead of jackknifed predicted ones, without a
    /// supertagger (quicker, for experiments; the parser then trusts tags more than it should).
    #[arg(long)]
    gold_tags: bool,
}

#[derive(Args)]
struct TaggerArgs {
    /// Training treebank (CoNLL-U).
    #[arg(long, default_value = "../shared/train/ud-ewt/en_ewt-ud-train.conllu")]
    train: PathBuf,
    /// Development treebank, scored after training (never trained on).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, short, default_value = "models/tagger.zst")]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    epochs: usize,
    /// Averaged weights smaller than this are dropped.
    #[arg(long, default_value_t = TrainConfig::default().prune)]
    prune: f32,
    /// Minimum count of a word for its ambiguity class feature.
    #[arg(long, default_value_t = TrainConfig::default().ambiguity_count)]
    ambiguity_count: u32,
    /// Shuffle seed.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
}

/// Runs `dyad train`.
pub fn run(args: TrainArgs) -> Result<()> {
    match args.what {
        Model::Tagger(a) => train_tagger(a),
        Model::Parser(a) => train_parser(a),
    }
}

fn train_tagger(args: TaggerArgs) -> Result<()> {
    let train = read_conllu(&args.train)?;
    let config = TrainConfig {
        epochs: args.epochs,
        seed: args.seed,
        prune: args.prune,
        ambiguity_count: args.ambiguity_count,
        ..TrainConfig::default()
    };
    let started = Instant::now();
    eprintln!("training the tagger on {} sentences from {}", train.len(), args.train.display());
    let tagger = Tagger::train(&train, &config, |pass, epoch, accuracy| {
        eprintln!(
            "  pass {pass}, epoch {epoch:>2}/{}: training accuracy {:.2}%",
            config.epochs,
            accuracy * 100.0
        );
    })?;
    let (features, tags, dictionary) = tagger.stats();
    let (rules, exceptions) = tagger.lemmatizer().size();
    write_model(
        &args.output,
        &tagger.to_bytes()?,
        started,
        &format!("{features} features, {tags} tag pairs, {dictionary} dictionary words, {rules} lemma rules, {exceptions} lemma exceptions"),
    )?;
    if let Some(dev) = &args.dev {
        let scores = score_on_gold_tokens(&Pipeline::new(tagger, None), dev)?;
        eprintln!(
            "{} (gold tokens): UPOS {:.2}%  XPOS {:.2}%  lemma {:.2}%",
            dev.display(),
            scores.upos.f1() * 100.0,
            scores.xpos.f1() * 100.0,
            scores.lemmas.f1() * 100.0
        );
    }
    Ok(())
}

/// Writes a trained model and says what it holds and how long training took.
fn write_model(path: &Path, bytes: &[u8], started: Instant, holds: &str) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s: {holds}",
        path.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Scores a pipeline on a development treebank, starting from its gold tokens.
fn score_on_gold_tokens(pipeline: &Pipeline, dev: &Path) -> Result<Scores> {
    let gold = read_conllu(dev)?;
    let mut system = gold.clone();
    pipeline.annotate_conllu(&mut system);
    Ok(evaluate(&gold, &system)?)
}

fn train_parser(args: ParserArgs) -> Result<()> {
    let train = read_conllu(&args.train)?;
    let beam = usize::from(args.beam);
    let config = ParserConfig {
        epochs: args.epochs,
        seed: args.seed,
        beam,
        decode_beam: usize::from(args.decode_beam).min(beam),
        ensemble: usize::from(args.ensemble),
        ..ParserConfig::default()
    };
    let started = Instant::now();
    eprintln!("training the parser on {} sentences from {}", train.len(), args.train.display());
    let say = |what: &str| eprintln!("  [{:>6.1} s] {what}", started.elapsed().as_secs_f64());
    let parser = if args.gold_tags {
        Parser::train(&train, None, &config, |member, epoch, share| {
            say(&parser::epoch_report(&config, member, epoch, share))
        })?
    } else {
        parser::train_with_predicted_tags(&train, &TrainConfig::default(), &config, say)?
    };
    let (labels, features) = parser.stats();
    write_model(
        &args.output,
        &parser.to_bytes()?,
        started,
        &format!("{labels} relations, {features} features"),
    )?;
    if let Some(dev) = &args.dev {
        let tagger = Tagger::from_bytes(EMBEDDED_TAGGER)?;
        let scores = score_on_gold_tokens(&Pipeline::new(tagger, Some(parser)), dev)?;
        eprintln!(
            "{} (gold tokens, predicted tags): UAS {:.2}%  LAS {:.2}%",
            dev.display(),
            scores.uas.f1() * 100.0,
            scores.las.f1() * 100.0
        );
    }
    Ok(())
}
