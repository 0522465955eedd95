//! `dyad train`: trains the language models from a UD treebank, reproducibly.

use crate::input::read_conllu;
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use dyad_nlp::analyze::Pipeline;
use dyad_nlp::tagger::{Tagger, TrainConfig};
use std::path::PathBuf;
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
    });
    let bytes = tagger.to_bytes()?;
    std::fs::write(&args.output, &bytes).with_context(|| format!("writing {}", args.output.display()))?;
    let (features, tags, dictionary) = tagger.stats();
    let (rules, exceptions) = tagger.lemmatizer().size();
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s: {features} features, {tags} tag pairs, {dictionary} dictionary words, {rules} lemma rules, {exceptions} lemma exceptions",
        args.output.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    if let Some(dev) = &args.dev {
        let gold = read_conllu(dev)?;
        let mut system = gold.clone();
        Pipeline::new(tagger).tag_conllu(&mut system);
        let (mut n, mut upos, mut xpos, mut lemma) = (0usize, 0usize, 0usize, 0usize);
        for (g, s) in gold.iter().zip(&system) {
            for (gw, sw) in g.words.iter().zip(&s.words) {
                n += 1;
                upos += usize::from(gw.upos == sw.upos);
                xpos += usize::from(gw.xpos == sw.xpos);
                lemma += usize::from(gw.lemma == sw.lemma);
            }
        }
        let pct = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
        eprintln!(
            "{} (gold tokens): UPOS {:.2}%  XPOS {:.2}%  lemma {:.2}%",
            dev.display(),
            pct(upos),
            pct(xpos),
            pct(lemma)
        );
    }
    Ok(())
}
