//! `dyad eval`: scoring system output against gold data.

use crate::input::read_conllu;
use crate::tag::{load_pipeline, ModelArgs};
use crate::{events_eval, timex_eval};
use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use dyad_extract::coder::Coder;
use dyad_nlp::analyze::Pipeline;
use dyad_nlp::conllu;
use dyad_nlp::eval::evaluate;
use std::path::PathBuf;

/// Arguments of `dyad eval`.
#[derive(Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    what: Target,
}

/// What dyad starts from when it produces the system side itself.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Start {
    /// The raw text rebuilt from the gold file's `# text` lines (a space between sentences, a
    /// newline between paragraphs, a blank line between documents): scores tokenization and
    /// sentence splitting too.
    Text,
    /// The gold tokens and sentences: scores the tagger, lemmatizer and parser alone.
    Tokens,
    /// The gold tokens, sentences and tags: scores the parser alone, as if tagging were
    /// perfect (the gap to `tokens` is what tagging errors cost the parser).
    Tags,
}

#[derive(Subcommand)]
enum Target {
    /// Score CoNLL-U with the CoNLL 2018 shared-task metrics (tokens, sentences, words, UPOS,
    /// XPOS, UFeats, AllTags, lemmas, UAS, LAS), aligning on characters so the system may
    /// tokenize on its own. Without SYSTEM, dyad analyses the gold file's text itself.
    ///
    /// Examples: dyad eval conllu ../shared/train/ud-ewt/en_ewt-ud-test.conllu --from tokens
    ///           dyad eval conllu gold.conllu system.conllu
    Conllu {
        /// The gold CoNLL-U file.
        gold: PathBuf,
        /// A system CoNLL-U file to score; without it dyad produces one.
        system: Option<PathBuf>,
        /// Where dyad's own run starts when no SYSTEM file is given.
        #[arg(long, value_enum, default_value = "text")]
        from: Start,
        #[command(flatten)]
        models: ModelArgs,
        /// Tag only: do not parse (UAS and LAS then score 0).
        #[arg(long)]
        no_parse: bool,
    },
    /// Score the entity layer on MEANTIME names: PER/ORG/LOC exact-span P/R/F1 over the scored
    /// region of each rebuilt text (the protocol of ../shared/peers/SPACY.md § 2b).
    ///
    /// Example: dyad eval entities --failures
    Entities {
        /// MEANTIME names as JSON Lines (`text`, `scored_region_end`, `gold` char spans).
        #[arg(default_value = "../shared/eval/meantime-en/dev.ner.jsonl")]
        file: PathBuf,
        /// Print every missed and extra mention.
        #[arg(long)]
        failures: bool,
    },
    /// Score the entity layer on a CoNLL-2003 file (wikigold): PER/ORG/LOC exact token-span
    /// P/R/F1 (MISC ignored: gold MISC spans are not scored, system spans overlapping one not
    /// counted). Each -DOCSTART- document is analysed as one text rebuilt from its tokens, and
    /// dyad's mentions are mapped back to token spans.
    ///
    /// Example: dyad eval wikigold --failures
    Wikigold {
        /// The CoNLL file (token first, IOB tag last on each line).
        #[arg(default_value = "../shared/eval/wikigold-conll/wikigold.conll.txt")]
        file: PathBuf,
        /// How the text is rebuilt: `conll` keeps the given tokens and sentences (a space
        /// between tokens, a line break between sentences); `text` detokenises them.
        #[arg(long, value_enum, default_value = "conll")]
        input: crate::wikigold_eval::Input,
        /// Print every missed and extra mention.
        #[arg(long)]
        failures: bool,
    },
    /// Score the entity layer on re3d (the protocol of ../shared/peers/SPACY.md § 2c): PER/ORG/LOC
    /// P/R/F1 with exact and relaxed spans, by default against the "names" view (gold of all
    /// confidences whose text is a name, not a pronoun, nominal or role phrase).
    ///
    /// Example: dyad eval re3d --failures
    Re3d {
        /// The folder of re3d subsets (each with documents.json and entities.json).
        #[arg(default_value = "../shared/eval/re3d")]
        dir: PathBuf,
        /// Score only gold annotations at least this confident (the peer's other view: 0.5).
        #[arg(long, value_name = "CONFIDENCE")]
        min_confidence: Option<f64>,
        /// Score all gold mentions, not only the name-like ones.
        #[arg(long)]
        all_mentions: bool,
        /// Print every exact-span miss and extra mention.
        #[arg(long)]
        failures: bool,
    },
    /// Score the time layer on MEANTIME: TIMEX3 recognition (P/R/F1 by overlap) and the value
    /// accuracy of the matched DATE, TIME and DURATION expressions, each document read against
    /// its creation time.
    ///
    /// Example: dyad eval meantime ../shared/eval/meantime-en/dev.jsonl
    Meantime {
        /// MEANTIME flattened to JSON Lines.
        #[arg(default_value = "../shared/eval/meantime-en/dev.jsonl")]
        file: PathBuf,
        /// Print each miss, wrong value and extra expression.
        #[arg(long)]
        failures: bool,
    },
    /// Score the time layer on a Recognizers-Text date-time spec: the share of cases whose
    /// expected expressions are all found with an accepted value and nothing else.
    ///
    /// Example: dyad eval datetime --failures
    Datetime {
        /// The spec file (JSON array of cases).
        #[arg(
            default_value = "../shared/eval/date-money-specs/recognizers-text/DateTime/English/DateTimeModel.json"
        )]
        file: PathBuf,
        /// Print each case that fails, with what was expected and found.
        #[arg(long)]
        failures: bool,
    },
    /// Score the event coder on gold documents (the gold format of DESIGN.md): strict and
    /// lenient precision, recall and F1 per document and in total.
    ///
    /// Example: dyad eval events --gold ../shared/seed/russia-cuba.gold.json --failures
    Events {
        /// Gold documents: JSON (an object or an array) or JSON Lines.
        #[arg(long, default_value = "../shared/seed/russia-cuba.gold.json")]
        gold: PathBuf,
        /// Print each missed required event and each system event matching no gold event.
        #[arg(long)]
        failures: bool,
        /// A lexicon overlay folder (see `dyad code --lexicon`).
        #[arg(long, value_name = "DIR")]
        lexicon: Option<PathBuf>,
    },
    /// Score the event coder on PLOVER gold sentences: the share of sentences with a system
    /// event of the gold type whose source and target countries are gold ones, and the system
    /// events per sentence.
    ///
    /// Example: dyad eval plover ../shared/eval/plover-gsr/dev.jsonl --failures
    Plover {
        /// PLOVER gold sentences as JSON Lines.
        #[arg(default_value = "../shared/eval/plover-gsr/dev.jsonl")]
        file: PathBuf,
        /// Print each sentence scored wrong with what the coder found.
        #[arg(long)]
        failures: bool,
        /// A lexicon overlay folder (see `dyad code --lexicon`).
        #[arg(long, value_name = "DIR")]
        lexicon: Option<PathBuf>,
    },
    /// Code the PETRARCH-2 unit-test records and count the expected codings reproduced (same
    /// source, target and CAMEO code), usually with the suite's dictionaries imported first.
    ///
    /// Example: dyad lexicon import-petrarch ../shared/data/petrarch2/dictionaries/PETR.Validate.* --output /tmp/petr
    ///          dyad eval petrarch --lexicon /tmp/petr
    Petrarch {
        /// The unit-test records.
        #[arg(default_value = "../shared/data/petrarch2/text/PETR.UnitTest.records.xml")]
        file: PathBuf,
        /// Print each record scored wrong with what the coder found.
        #[arg(long)]
        failures: bool,
        /// A lexicon overlay folder (see `dyad code --lexicon`).
        #[arg(long, value_name = "DIR")]
        lexicon: Option<PathBuf>,
    },
    /// Score the money recognizer on the Recognizers-Text currency suite: a case is right when
    /// every expected amount is found with its value and currency. Cases the reference .NET
    /// port fails are skipped.
    ///
    /// Example: dyad eval currency --failures
    Currency {
        /// The suite: a JSON array of cases.
        #[arg(
            default_value = "../shared/eval/date-money-specs/recognizers-text/NumberWithUnit/English/CurrencyModel.json"
        )]
        file: PathBuf,
        /// Also list the failing cases with what was expected and what was found.
        #[arg(long)]
        failures: bool,
    },
}

/// Runs `dyad eval`.
pub fn run(args: EvalArgs) -> Result<()> {
    match args.what {
        Target::Conllu { gold, system, from, models, no_parse } => {
            let gold_sentences = read_conllu(&gold)?;
            let system_sentences = match system {
                Some(path) => read_conllu(&path)?,
                None => {
                    let pipeline = load_pipeline(&models, !no_parse)?;
                    analyse(&pipeline, &gold_sentences, from)
                }
            };
            let scores = evaluate(&gold_sentences, &system_sentences)
                .with_context(|| format!("scoring against {}", gold.display()))?;
            print!("{scores}");
            Ok(())
        }
        Target::Entities { file, failures } => {
            let (lexicon, _) = dyad_lexicon::Lexicon::embedded();
            print!("{}", crate::ner_eval::meantime(&file, &Pipeline::embedded(false)?, &lexicon, failures)?);
            Ok(())
        }
        Target::Wikigold { file, input, failures } => {
            let (lexicon, _) = dyad_lexicon::Lexicon::embedded();
            let pipeline = Pipeline::embedded(false)?;
            print!("{}", crate::wikigold_eval::run(&file, input, &pipeline, &lexicon, failures)?);
            Ok(())
        }
        Target::Re3d { dir, min_confidence, all_mentions, failures } => {
            let (lexicon, _) = dyad_lexicon::Lexicon::embedded();
            let view = crate::re3d_eval::View { min_confidence, all_mentions };
            print!("{}", crate::re3d_eval::run(&dir, view, &Pipeline::embedded(false)?, &lexicon, failures)?);
            Ok(())
        }
        Target::Meantime { file, failures } => {
            print!("{}", timex_eval::meantime(&file, &Pipeline::embedded(true)?, failures)?);
            Ok(())
        }
        Target::Datetime { file, failures } => {
            print!("{}", timex_eval::datetime(&file, &Pipeline::embedded(true)?, failures)?);
            Ok(())
        }
        Target::Currency { file, failures } => crate::specs::run_currency(&file, failures),
        Target::Events { gold, failures, lexicon } => {
            with_coder(lexicon.as_deref(), |coder| events_eval::run_events(coder, &gold, failures))
        }
        Target::Petrarch { file, failures, lexicon } => {
            with_coder(lexicon.as_deref(), |coder| crate::petrarch_eval::run(coder, &file, failures))
        }
        Target::Plover { file, failures, lexicon } => {
            with_coder(lexicon.as_deref(), |coder| events_eval::run_plover(coder, &file, failures))
        }
    }
}

/// Runs `f` with the embedded coder (models, lexicon and event lexicon) and an optional
/// lexicon overlay.
fn with_coder(overlay: Option<&std::path::Path>, f: impl FnOnce(&Coder<'_>) -> Result<()>) -> Result<()> {
    let pipeline = Pipeline::embedded(true).context("loading the embedded models")?;
    let (lexicon, events) = crate::knowledge::load(overlay)?;
    f(&Coder { pipeline: &pipeline, lexicon: &lexicon, events: &events })
}

/// dyad's own analysis of the gold file, from its raw text or from its tokens.
fn analyse(pipeline: &Pipeline, gold: &[conllu::Sentence], from: Start) -> Vec<conllu::Sentence> {
    match from {
        Start::Text => {
            let text = conllu::raw_text(gold);
            let sentences = pipeline.analyze(&text);
            pipeline.to_conllu(&text, &sentences, None)
        }
        Start::Tokens => {
            let mut system = gold.to_vec();
            for w in system.iter_mut().flat_map(|s| s.words.iter_mut()) {
                // Only the tokens are given: features and the tree are not the tagger's to score.
                (w.feats, w.head, w.deprel, w.deps) = (String::new(), None, String::new(), String::new());
            }
            pipeline.annotate_conllu(&mut system);
            system
        }
        Start::Tags => {
            let mut system = gold.to_vec();
            for w in system.iter_mut().flat_map(|s| s.words.iter_mut()) {
                (w.head, w.deprel, w.deps) = (None, String::new(), String::new());
            }
            pipeline.parse_conllu(&mut system);
            system
        }
    }
}
