//! Dependency parser: arc-hybrid transitions scored by an averaged perceptron, producing
//! labelled UD trees in linear time.
//!
//! Two regimes share the transition system and the features. With a beam of 1 the parser is
//! greedy, trained with a dynamic oracle and exploration. With a wider beam (the default) it is
//! a global model: beam search keeps the best partial sequences by the sum of their move scores,
//! and training makes max-violation updates against a reference sequence (module `beam`).
//! Sentences longer than `BEAM_MAX_WORDS` (200 words) are parsed greedily by either model, which keeps
//! parsing linear in the sentence length.
//!
//! Several perceptrons may train at once, one thread each, seeing the data in different orders;
//! the model is the mean of their weights ([`TrainConfig::ensemble`]), which ranks parses like
//! their ensemble at the cost of one parser.
//!
//! The parser reads word forms and XPOS tags. It is trained on tags predicted by taggers that
//! did not see the sentence (jackknifing; see [`train_with_predicted_tags`]), so that at run time
//! it meets the tagger's mistakes it learned to live with. Non-projective arcs (0.1% of EWT test)
//! cannot be built; the oracle still finds the cheapest projective tree for such sentences.
//!
//! Where the tagger hesitated between two tags it offers its runner-up, and the parser decides
//! which of the two a word keeps when it shifts it ([`Tree::runner_ups_taken`]): syntax settles
//! what the tagger's window could not (a past tense against a participle, a noun against a verb).
//!
//! Before parsing, a supertagger (the POS tagger's model, trained on other tags) guesses each
//! word's relation and the side of its head (`nsubj/R`, `obj/L`) from the words around it and
//! their part-of-speech tags, and the parser reads the guesses as features (after Ouchi, Duh
//! and Matsumoto 2014). It is trained, like the tags, on guesses from supertaggers that did not
//! see the sentence (83.9% right on EWT train that way). This lifted EWT dev from 86.00 to 87.09
//! UAS (LAS 82.85 to 83.95) and test from 86.65 / 83.71 to 87.01 / 84.23, at beam 5 against 6.
//! Without the tags, the supertagger read verbs ending in -ed before a noun as adjectives
//! ("shelled positions": `amod/R`) and the parser followed it: the event coder then lost 10 of
//! its PLOVER gold sentences. A supertagger of one pass (the given tags show the right
//! context) was 0.3 UAS worse on dev and test.

mod beam;
mod features;
mod oracle;
mod state;

use crate::binio::{self, ModelError, Reader, Writer};
use crate::conllu;
use crate::hash::{combine, hash_bytes, SplitMix64};
use crate::perceptron::{Trainer, Weights, MAX_CLASSES};
use crate::tagger::{Scratch as TagScratch, Tagger, TrainConfig as TagConfig};
use crate::wordshape::lowercase_hash;
use beam::Beam;
use features::{Extractor, Input, NO_RUNNER_UP};
use oracle::{Costs, Gold};
use state::{Move, State, TagChoice, NONE, SHIFTS};
use std::collections::BTreeSet;

const MAGIC: &[u8] = b"DYADPAR6";

/// The widest beam a model may ask for: wider beams cost time for no accuracy (16 was no better
/// than 8 on EWT dev).
pub const MAX_BEAM: usize = 64;

/// The most relation labels a model may have: two moves per label, plus the two shifts, must
/// fit the perceptron's classes.
const MAX_LABELS: usize = (MAX_CLASSES - SHIFTS) / 2;

/// Sentences longer than this are parsed greedily: beam candidates are copied configurations,
/// so beam search costs time linear in the sentence length per step.
const BEAM_MAX_WORDS: usize = 200;

/// Training settings; the defaults reproduce the committed model.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffles and of exploration.
    pub seed: u64,
    /// From the second epoch on, the chance of following the model's own (possibly wrong)
    /// move instead of the best gold move.
    pub explore: f64,
    /// Folds of the jackknife that predicts training tags.
    pub folds: usize,
    /// Beam width in training: 1 trains greedily with the dynamic oracle; wider beams train a
    /// global model with max-violation updates.
    pub beam: usize,
    /// Beam width the model parses with (1: greedy). A single parser trained at 8 parsed EWT
    /// dev better at 4 than at 8 (85.17 UAS against 85.06); an ensemble of three gains with
    /// the width (85.59 at 4, 85.79 at 6, 85.96 at 8). The model before supertags parsed EWT
    /// test at 86.65 UAS with 6, 86.81 with 8 and 86.89 with 12; 8 cost about 13% more parse
    /// time. With supertags read with their part-of-speech tags, EWT dev gives 86.82 / 83.71 at
    /// 4, 87.09 / 83.95 at 5, 87.06 / 83.95 at 6 and 87.12 / 84.01 at 8: 5 is the narrowest
    /// width at the top on dev (`dyad code` on news must keep near 2,000 sentences/s on one
    /// core).
    pub decode_beam: usize,
    /// Parsers trained at once with consecutive seeds (each sees the data in its own order);
    /// the model is the mean of their weights, so it ranks parses by their summed scores at
    /// the cost of one parser. On EWT dev at beam 4, three parsers alone average UAS 85.44,
    /// their mean model gives 85.59 and four give 85.74; four train in the time of three on
    /// two cores. Eight are no better than four at the default beam (EWT dev 86.08 against
    /// 86.00 UAS, test 86.59 against 86.65) and train twice as long.
    pub ensemble: usize,
    /// Averaged weights smaller than this in magnitude are dropped from the model. On EWT dev
    /// 1.0 drops half the weights at no measurable cost (85.17 UAS against 85.13 at 0.5); 1.5
    /// costs 0.4.
    pub prune: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self { epochs: 15, seed: 1, explore: 0.9, folds: 4, beam: 8, decode_beam: 5, ensemble: 4, prune: 1.0 }
    }
}

/// A parse: for each word its head (1-based as in CoNLL-U, 0 for the root) and relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    /// Head of each word: 0 for the root, else the 1-based index of the head word.
    pub heads: Vec<usize>,
    /// Relation label index of each word (see [`Parser::label`]).
    pub labels: Vec<u16>,
    /// Per word, whether the parser took the runner-up tag it was offered instead of the first.
    pub runner_ups_taken: Vec<bool>,
}

/// The tags a parser reads for one training sentence, as a tagger predicted them.
#[derive(Debug, Clone, Default)]
pub struct PredictedTags {
    /// The XPOS tag of each word.
    pub tags: Vec<String>,
    /// The runner-up XPOS tag of each word where the tagger offered one.
    pub runner_ups: Vec<Option<String>>,
    /// The supertag of each word (empty: none).
    pub supertags: Vec<String>,
}

/// A trained parser.
#[derive(Debug, Clone)]
pub struct Parser {
    labels: Vec<String>,
    root_label: u16,
    beam: usize,
    weights: Weights,
    /// Guesses each word's relation and head side from the words around it, before parsing;
    /// the guesses are features. Models trained on gold tags have none.
    supertagger: Option<Supertagger>,
}

/// A tagger trained on supertags (see [`supertag_of`]), with the parser's hash of each of them.
#[derive(Debug, Clone)]
struct Supertagger {
    tagger: Tagger,
    hashes: Vec<u64>,
}

impl Supertagger {
    fn new(tagger: Tagger) -> Self {
        let hashes = (0..tagger.tag_count()).map(|c| supertag_hash(&tagger.tag_of(c as u16).xpos)).collect();
        Self { tagger, hashes }
    }

    /// The parser's hash of the supertag of class `class`.
    fn hash_of(&self, class: u16) -> u64 {
        self.hashes.get(usize::from(class)).copied().unwrap_or(NO_SUPERTAG)
    }
}

/// Reusable buffers for parsing.
#[derive(Debug, Default)]
pub struct Scratch {
    inputs: Vec<Input>,
    features: Vec<u64>,
    scores: Vec<f32>,
    beam: Beam,
    supertagging: TagScratch,
    supertags: Vec<u64>,
}

impl Parser {
    /// Loads a model written by [`Parser::to_bytes`]. The supertagger loads on a second core
    /// while the rest decompresses and the weights load: one after the other they took 95 ms,
    /// near the 100 ms a parser may take.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader::new(bytes);
        r.expect_magic(MAGIC, "parser")?;
        let size = r.u32("parser: supertagger size")? as usize;
        let supertagger = r.raw(size, "parser: supertagger")?;
        let rest = bytes.get(r.position()..).unwrap_or(&[]);
        let (read, supertagger) = std::thread::scope(|scope| {
            let supertagger = (size > 0).then(|| scope.spawn(|| Tagger::from_bytes(supertagger)));
            let read = Self::read_parser(rest);
            let supertagger = supertagger
                .map(|t| t.join().unwrap_or_else(|_| Err(ModelError::Corrupt("parser: supertagger".into()))));
            (read, supertagger)
        });
        let (labels, root_label, beam, weights) = read?;
        let supertagger = supertagger.transpose()?.map(Supertagger::new);
        let root_label = u16::try_from(root_label)
            .ok()
            .filter(|l| usize::from(*l) < labels.len())
            .ok_or_else(|| ModelError::Corrupt("parser: root label out of range".into()))?;
        if weights.classes() != SHIFTS + 2 * labels.len() {
            return Err(ModelError::Corrupt("parser: weights and labels disagree".into()));
        }
        if beam == 0 || beam > MAX_BEAM {
            return Err(ModelError::Corrupt(format!("parser: beam width {beam}")));
        }
        if labels.len() > MAX_LABELS {
            return Err(ModelError::Corrupt(format!("parser: {} labels", labels.len())));
        }
        Ok(Self { labels, root_label, beam, weights, supertagger })
    }

    /// Reads the compressed part of a model file: labels, root label, beam width and weights.
    fn read_parser(compressed: &[u8]) -> Result<(Vec<String>, u32, usize, Weights), ModelError> {
        let bytes = binio::decompress(compressed)?;
        let mut r = Reader::new(&bytes);
        let labels = r.strs("parser: labels")?;
        let root_label = r.u32("parser: root label")?;
        let beam = r.u32("parser: beam width")? as usize;
        Ok((labels, root_label, beam, Weights::read(&mut r)?))
    }

    /// Serialises and compresses the model; the same model always gives the same bytes. The
    /// file holds the magic, the supertagger's size and its own compressed file (size 0: none),
    /// then the rest compressed, so the two decompress apart.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let supertagger = match &self.supertagger {
            Some(supertagger) => supertagger.tagger.to_bytes()?,
            None => Vec::new(),
        };
        let size = u32::try_from(supertagger.len())
            .map_err(|_| ModelError::Corrupt("parser: supertagger over 4 GiB".into()))?;
        let mut w = Writer::default();
        w.strs(&self.labels);
        w.u32(u32::from(self.root_label));
        w.u32(u32::try_from(self.beam).unwrap_or(u32::MAX));
        self.weights.write(&mut w);
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&supertagger);
        out.extend_from_slice(&w.finish()?);
        Ok(out)
    }

    /// The relation name of a label index.
    pub fn label(&self, index: u16) -> &str {
        self.labels.get(usize::from(index)).map_or("dep", String::as_str)
    }

    /// The beam width the parser decodes with (1: greedy).
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// The same parser decoding with another beam width (1: greedy): wider is slower and,
    /// up to the training width, usually more accurate.
    /// The width is kept between 1 and [`MAX_BEAM`].
    pub fn with_beam(self, width: usize) -> Self {
        Self { beam: width.clamp(1, MAX_BEAM), ..self }
    }

    /// Number of relation labels and of features with weights.
    pub fn stats(&self) -> (usize, usize) {
        (self.labels.len(), self.weights.features())
    }

    /// Parses one sentence given its word forms and XPOS tags (equal lengths; extra items of
    /// the longer slice are ignored). Linear in the sentence length: sentences longer than
    /// `BEAM_MAX_WORDS` (200) are parsed greedily.
    pub fn parse(&self, words: &[&str], tags: &[&str], scratch: &mut Scratch) -> Tree {
        self.parse_with_runner_ups(words, tags, &[], scratch)
    }

    /// Like [`Parser::parse`], where the tagger also offers a runner-up tag for some words
    /// (`runner_ups`, one per word or empty): the parser keeps whichever of the two fits the
    /// best parse, and says which it took in [`Tree::runner_ups_taken`].
    pub fn parse_with_runner_ups(
        &self,
        words: &[&str],
        tags: &[&str],
        runner_ups: &[Option<&str>],
        scratch: &mut Scratch,
    ) -> Tree {
        let n = words.len().min(tags.len());
        scratch.supertags.clear();
        if let Some(supertagger) = &self.supertagger {
            let classes = supertagger.tagger.tag_given(&words[..n], &tags[..n], &mut scratch.supertagging);
            scratch.supertags.extend(classes.iter().map(|c| supertagger.hash_of(*c)));
        }
        fill_inputs(&words[..n], &tags[..n], runner_ups, &scratch.supertags, &mut scratch.inputs);
        let extractor = Extractor::new(&scratch.inputs);
        if self.beam > 1 && n <= BEAM_MAX_WORDS {
            let state = scratch.beam.parse(&self.weights, &extractor, n, self.beam, self.root_label);
            return tree_of(state);
        }
        let mut state = extractor.initial_state(n);
        while !state.is_terminal() {
            scratch.features.clear();
            extractor.extract(&state, &mut scratch.features);
            scratch.scores.clear();
            scratch.scores.resize(self.weights.classes(), 0.0);
            self.weights.score(&scratch.features, &mut scratch.scores);
            match best_valid(&scratch.scores, |m| state.is_valid(m, self.root_label)) {
                Some(m) => state.apply(m),
                None => break,
            }
        }
        tree_of(&state)
    }

    /// Trains a parser on gold trees. It reads the tags in `predicted` (one entry per
    /// sentence, with runner-ups) when given, else the sentences' own XPOS column. The
    /// `config.ensemble` members train at once, one thread each; `progress` hears each
    /// member's epochs (member and epoch from 1) with its share of optimal moves (greedy
    /// training) or of steps where the beam's best prefix was the gold one (beam training).
    /// Fails when no sentence has a usable tree.
    pub fn train(
        sentences: &[conllu::Sentence],
        predicted: Option<&[PredictedTags]>,
        config: &TrainConfig,
        mut progress: impl FnMut(usize, usize, f64),
    ) -> Result<Self, ModelError> {
        let labels: Vec<String> = sentences
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| w.deprel.clone())
            .chain(std::iter::once("root".to_string()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let root_label = labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
        let examples: Vec<Example> = sentences
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Example::new(s, predicted.and_then(|p| p.get(i)), &labels))
            .collect();
        if examples.is_empty() || labels.len() > MAX_LABELS {
            return Err(ModelError::Untrainable(format!(
                "{} usable trees and {} relation labels in the training data",
                examples.len(),
                labels.len()
            )));
        }
        let classes = SHIFTS + 2 * labels.len();
        let sequences: Vec<Vec<Move>> = if config.beam > 1 {
            examples
                .iter()
                .map(|ex| {
                    let start = Extractor::new(&ex.inputs).initial_state(ex.heads.len());
                    oracle::sequence(ex.gold(), start, root_label, classes)
                })
                .collect()
        } else {
            Vec::new()
        };
        let task = Task { examples: &examples, sequences: &sequences, classes, root_label, config };
        let trainers = std::thread::scope(|scope| {
            let (sender, heard) = std::sync::mpsc::channel();
            let members: Vec<_> = (0..config.ensemble.max(1))
                .map(|member| {
                    let sender = sender.clone();
                    let seed = config.seed.wrapping_add(member as u64);
                    scope.spawn(move || {
                        task.learn(seed, |epoch, share| {
                            // The receiver outlives every member, so a send cannot fail.
                            let _ = sender.send((member + 1, epoch, share));
                        })
                    })
                })
                .collect();
            drop(sender);
            for (member, epoch, share) in heard {
                progress(member, epoch, share);
            }
            members.into_iter().map(|m| m.join()).collect::<Result<Vec<Trainer>, _>>()
        })
        .map_err(|_| ModelError::Untrainable("a training thread failed".into()))?;
        Ok(Self {
            labels,
            root_label,
            beam: config.decode_beam.max(1),
            weights: Trainer::finish_together(trainers, config.prune),
            supertagger: None,
        })
    }
}

/// What every member of an ensemble learns from.
#[derive(Clone, Copy)]
struct Task<'a> {
    examples: &'a [Example],
    /// Each example's reference move sequence (beam training only).
    sequences: &'a [Vec<Move>],
    classes: usize,
    root_label: u16,
    config: &'a TrainConfig,
}

impl Task<'_> {
    /// Trains one perceptron, shuffling and exploring by `seed`; `progress` hears each epoch.
    fn learn(&self, seed: u64, mut progress: impl FnMut(usize, f64)) -> Trainer {
        let (config, classes, root_label) = (self.config, self.classes, self.root_label);
        let mut trainer = Trainer::new(classes);
        let mut rng = SplitMix64::new(seed);
        let mut order: Vec<usize> = (0..self.examples.len()).collect();
        let (mut features, mut scores) = (Vec::new(), vec![0.0f32; classes]);
        let mut beam = Beam::default();
        for epoch in 0..config.epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &i in &order {
                let ex = &self.examples[i];
                if let Some(sequence) = self.sequences.get(i) {
                    let extractor = Extractor::new(&ex.inputs);
                    let (r, t) = beam.train(
                        &mut trainer,
                        &extractor,
                        ex.heads.len(),
                        sequence,
                        config.beam,
                        root_label,
                    );
                    trainer.tick();
                    right += r;
                    total += t;
                    continue;
                }
                let gold = ex.gold();
                let extractor = Extractor::new(&ex.inputs);
                let mut state = extractor.initial_state(ex.heads.len());
                while !state.is_terminal() {
                    features.clear();
                    extractor.extract(&state, &mut features);
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    trainer.score(&features, &mut scores);
                    let valid = |m: Move| state.is_valid(m, root_label);
                    let Some(guess) = best_valid(&scores, valid) else { break };
                    let costs = Costs::of(&state, gold);
                    let cost = |m: Move| costs.of_move(m, state.front, gold);
                    let least =
                        (0..classes).map(Move::of_class).filter(|m| valid(*m)).map(cost).min().unwrap_or(0);
                    let Some(best) = best_valid(&scores, |m| valid(m) && cost(m) == least) else { break };
                    trainer.update(&features, best.class(), guess.class());
                    trainer.tick();
                    right += usize::from(cost(guess) == least);
                    total += 1;
                    let explore = epoch > 0 && (rng.next_u64() % 1_000_000) as f64 / 1e6 < config.explore;
                    state.apply(if explore { guess } else { best });
                }
            }
            progress(epoch + 1, right as f64 / total.max(1) as f64);
        }
        trainer
    }
}

/// Trains a parser the way the committed model is trained: the training sentences' tags and
/// supertags are replaced by those of taggers trained on the other folds, then the parser
/// learns on them and keeps the supertagger trained on all of them. `progress` hears what is
/// happening, as text.
///
/// Folds take every fourth sentence, so a fold tagger knows the rest of a sentence's document
/// and tags it better than at test time (with two folds, 95.9% XPOS right against 94.6% on
/// EWT dev). Folds of whole documents made the training tags as good as at test time (94.78%
/// right), but the parser was no better (EWT dev UAS 85.89 against 86.00, test 86.54 against
/// 86.65, before supertags), nor did mixing its scores with the committed model's help (test
/// 86.64).
pub fn train_with_predicted_tags(
    sentences: &[conllu::Sentence],
    tagger_config: &TagConfig,
    config: &TrainConfig,
    mut progress: impl FnMut(&str),
) -> Result<Parser, ModelError> {
    let folds = config.folds.max(2);
    progress(&format!("tagging the training data in {folds} folds, each by a tagger trained on the others"));
    let fold_tags = std::thread::scope(|scope| {
        let taggers: Vec<_> = (0..folds)
            .map(|fold| scope.spawn(move || tag_fold(sentences, &[], fold, folds, tagger_config)))
            .collect();
        taggers.into_iter().map(|t| t.join()).collect::<Result<Vec<_>, _>>()
    })
    .map_err(|_| ModelError::Untrainable("a tagging thread failed".into()))?;
    let mut predicted = vec![PredictedTags::default(); sentences.len()];
    for (fold, tags) in fold_tags.into_iter().enumerate() {
        for (slot, tags) in predicted.iter_mut().skip(fold).step_by(folds).zip(tags?) {
            *slot = tags;
        }
    }
    progress("supertagging the training data the same way, and training the supertagger on all of it");
    let supertagged: Vec<conllu::Sentence> = sentences.iter().map(with_supertags).collect();
    let supertagged = &supertagged;
    let tags: Vec<Vec<String>> = predicted.iter().map(|p| p.tags.clone()).collect();
    let tags = &tags;
    let (fold_supertags, supertagger) = std::thread::scope(|scope| {
        let whole = scope.spawn(move || Tagger::train_given(supertagged, tags, tagger_config, |_, _, _| {}));
        let taggers: Vec<_> = (0..folds)
            .map(|fold| scope.spawn(move || tag_fold(supertagged, tags, fold, folds, tagger_config)))
            .collect();
        let folds = taggers.into_iter().map(|t| t.join()).collect::<Result<Vec<_>, _>>();
        folds.and_then(|f| Ok((f, whole.join()?)))
    })
    .map_err(|_| ModelError::Untrainable("a supertagging thread failed".into()))?;
    for (fold, tags) in fold_supertags.into_iter().enumerate() {
        for (slot, tags) in predicted.iter_mut().skip(fold).step_by(folds).zip(tags?) {
            slot.supertags = tags.tags;
        }
    }
    let (right, total) = supertagged.iter().zip(&predicted).fold((0usize, 0usize), |(r, t), (s, p)| {
        (r + s.words.iter().zip(&p.supertags).filter(|(w, tag)| w.xpos == **tag).count(), t + s.words.len())
    });
    progress(&format!("training supertags: {:.2}% right", 100.0 * right as f64 / total.max(1) as f64));
    let parser = Parser::train(sentences, Some(&predicted), config, |member, epoch, share| {
        progress(&epoch_report(config, member, epoch, share))
    })?;
    Ok(Parser { supertagger: Some(Supertagger::new(supertagger?)), ..parser })
}

/// The sentence with each word's tags replaced by its supertag, what the supertagger learns.
fn with_supertags(s: &conllu::Sentence) -> conllu::Sentence {
    let mut s = s.clone();
    for (i, w) in s.words.iter_mut().enumerate() {
        let supertag = supertag_of(&w.deprel, w.head, i + 1);
        w.upos = supertag.clone();
        w.xpos = supertag;
    }
    s
}

/// A word's supertag: its relation and the side its head is on (`nsubj/R`: a subject whose
/// head follows it; `root/0`), for the word with CoNLL-U ID `id` and head `head`.
fn supertag_of(relation: &str, head: Option<usize>, id: usize) -> String {
    let side = match head {
        Some(0) | None => "0",
        Some(h) if h < id => "L",
        Some(_) => "R",
    };
    format!("{relation}/{side}")
}

/// The parser's hash of a supertag.
fn supertag_hash(supertag: &str) -> u64 {
    combine(0x57, hash_bytes(supertag.as_bytes()))
}

/// The supertag hash of a word without one (a model trained without a supertagger).
const NO_SUPERTAG: u64 = 0x5eed;

/// One line of training progress, as [`Parser::train`] reports it: which member, which epoch,
/// and its share of optimal moves.
pub fn epoch_report(config: &TrainConfig, member: usize, epoch: usize, share: f64) -> String {
    format!(
        "parser {member}/{}, epoch {epoch:>2}/{}: {:.2}% optimal moves",
        config.ensemble.max(1),
        config.epochs,
        share * 100.0
    )
}

/// The XPOS tags of fold `fold` of `folds` (every `folds`-th sentence from the `fold`-th), as
/// predicted by a tagger trained on the other folds; `given` are tags the tagger reads besides
/// the words (see [`Tagger::train_given`]; empty: none).
fn tag_fold(
    sentences: &[conllu::Sentence],
    given: &[Vec<String>],
    fold: usize,
    folds: usize,
    config: &TagConfig,
) -> Result<Vec<PredictedTags>, ModelError> {
    let (sentences_rest, given_rest) =
        (outside_fold(sentences, fold, folds), outside_fold(given, fold, folds));
    let tagger = Tagger::train_given(&sentences_rest, &given_rest, config, |_, _, _| {})?;
    let mut scratch = TagScratch::default();
    let xpos = |class: u16| tagger.tag_of(class).xpos.clone();
    Ok(sentences
        .iter()
        .enumerate()
        .filter(|(i, _)| i % folds == fold)
        .map(|(i, s)| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let sentence_given: Vec<&str> =
                given.get(i).map_or(Vec::new(), |g| g.iter().map(String::as_str).collect());
            let classes = tagger.tag_given(&forms, &sentence_given, &mut scratch);
            PredictedTags {
                tags: classes.into_iter().map(xpos).collect(),
                runner_ups: scratch.runner_ups().iter().map(|r| r.map(xpos)).collect(),
                supertags: Vec::new(),
            }
        })
        .collect())
}

/// The items not in fold `fold` of `folds`.
fn outside_fold<T: Clone>(items: &[T], fold: usize, folds: usize) -> Vec<T> {
    items.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, x)| x.clone()).collect()
}

/// One training sentence in the parser's terms.
struct Example {
    inputs: Vec<Input>,
    heads: Vec<u32>,
    labels: Vec<u16>,
    /// Per word: whether a runner-up tag is offered, and whether it is the right one.
    runner_ups: Vec<Option<bool>>,
}

impl Example {
    /// `None` for sentences whose heads are missing or out of range, or whose predicted tags
    /// do not match their words.
    fn new(s: &conllu::Sentence, predicted: Option<&PredictedTags>, labels: &[String]) -> Option<Self> {
        let n = s.words.len();
        let mut heads = Vec::with_capacity(n);
        let mut label_ids = Vec::with_capacity(n);
        for w in &s.words {
            let h = w.head?;
            if h > n {
                return None;
            }
            heads.push(if h == 0 { n as u32 } else { h as u32 - 1 });
            label_ids.push(labels.iter().position(|l| *l == w.deprel)? as u16);
        }
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let gold_tags: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        let (tags, offered): (Vec<&str>, Vec<Option<&str>>) = match predicted {
            Some(p) if p.tags.len() == n && p.runner_ups.len() == n => (
                p.tags.iter().map(String::as_str).collect(),
                p.runner_ups.iter().map(|r| r.as_deref()).collect(),
            ),
            Some(_) => return None,
            None => (gold_tags.clone(), Vec::new()),
        };
        let runner_ups = offered
            .iter()
            .zip(tags.iter().zip(&gold_tags))
            .map(|(r, (first, gold))| r.filter(|r| r != first).map(|r| r == *gold))
            .collect();
        let mut inputs = Vec::new();
        let supertags: Vec<u64> =
            predicted.map(|p| p.supertags.iter().map(|t| supertag_hash(t)).collect()).unwrap_or_default();
        fill_inputs(&forms, &tags, &offered, &supertags, &mut inputs);
        Some(Self { inputs, heads, labels: label_ids, runner_ups })
    }

    /// The gold tree and tag choices.
    fn gold(&self) -> Gold<'_> {
        Gold { heads: &self.heads, labels: &self.labels, runner_ups: &self.runner_ups }
    }
}

/// The parser's view of a sentence: word, tag and runner-up tag hashes (`runner_ups` is one
/// per word, or empty), then the root.
fn fill_inputs(
    words: &[&str],
    tags: &[&str],
    runner_ups: &[Option<&str>],
    supertags: &[u64],
    inputs: &mut Vec<Input>,
) {
    let tag_hash = |t: &str| combine(0x7a6, hash_bytes(t.as_bytes()));
    inputs.clear();
    for (i, (w, t)) in words.iter().zip(tags).enumerate() {
        let alt = runner_ups.get(i).copied().flatten().filter(|r| r != t).map_or(NO_RUNNER_UP, tag_hash);
        let supertag = supertags.get(i).copied().unwrap_or(NO_SUPERTAG);
        inputs.push(Input { word: lowercase_hash(w), tag: tag_hash(t), alt, supertag });
    }
    inputs.push(Input { word: 0x00c0_ffee, tag: 0x00c0_ffee, alt: NO_RUNNER_UP, supertag: 0x00c0_ffee });
}

/// The tree built in a final configuration.
fn tree_of(state: &State) -> Tree {
    let heads =
        state.heads.iter().map(|&h| if h == NONE || h >= state.n { 0 } else { h as usize + 1 }).collect();
    let runner_ups_taken = state.tags.iter().map(|t| *t == TagChoice::RunnerUp).collect();
    Tree { heads, labels: state.labels.clone(), runner_ups_taken }
}

/// The highest-scoring move among those `allowed`, if any.
fn best_valid(scores: &[f32], allowed: impl Fn(Move) -> bool) -> Option<Move> {
    let mut best: Option<(usize, f32)> = None;
    for (class, &s) in scores.iter().enumerate() {
        if best.is_none_or(|(_, b)| s > b) && allowed(Move::of_class(class)) {
            best = Some((class, s));
        }
    }
    best.map(|(c, _)| Move::of_class(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<conllu::Sentence> {
        let text = "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tvowed\tvow\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tties\ttie\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tpresidents\tpresident\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\tdenounced\tdenounce\tVERB\tVBD\t_\t0\troot\t_\t_\n4\tinterference\tinterference\tNOUN\tNN\t_\t3\tobj\t_\t_\n\n";
        let one = conllu::parse(text).unwrap();
        (0..20).flat_map(|_| one.clone()).collect()
    }

    #[test]
    fn learns_toy_trees_and_round_trips_bit_for_bit() {
        let config = TrainConfig { epochs: 5, prune: 0.0, ..TrainConfig::default() };
        let parser = Parser::train(&toy(), None, &config, |_, _, _| {}).unwrap();
        let mut scratch = Scratch::default();
        let tree = parser.parse(&["Cuba", "vowed", "ties"], &["NNP", "VBD", "NNS"], &mut scratch);
        assert_eq!(tree.heads, [2, 0, 2]);
        let labels: Vec<&str> = tree.labels.iter().map(|l| parser.label(*l)).collect();
        assert_eq!(labels, ["nsubj", "root", "obj"]);
        let bytes = parser.to_bytes().unwrap();
        assert_eq!(bytes, Parser::train(&toy(), None, &config, |_, _, _| {}).unwrap().to_bytes().unwrap());
        let loaded = Parser::from_bytes(&bytes).unwrap();
        assert_eq!(loaded.parse(&["Cuba", "vowed", "ties"], &["NNP", "VBD", "NNS"], &mut scratch), tree);
        assert!(Parser::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    }

    #[test]
    fn supertags_name_the_relation_and_the_side_of_the_head() {
        assert_eq!(supertag_of("nsubj", Some(3), 1), "nsubj/R");
        assert_eq!(supertag_of("obj", Some(2), 3), "obj/L");
        assert_eq!(supertag_of("root", Some(0), 2), "root/0");
        let tagged = with_supertags(&toy()[0]);
        let tags: Vec<&str> = tagged.words.iter().map(|w| w.xpos.as_str()).collect();
        assert_eq!(tags, ["nsubj/R", "root/0", "obj/L"]);
    }

    /// The parser trained the way the committed model is carries the supertagger it learned
    /// with, reads its guesses, and keeps it through a round trip of its bytes.
    #[test]
    fn a_parser_trained_on_predicted_tags_carries_its_supertagger() {
        let tagger_config = TagConfig { epochs: 3, ..TagConfig::default() };
        let config = TrainConfig { epochs: 3, ensemble: 1, ..beam_config() };
        let parser = train_with_predicted_tags(&toy(), &tagger_config, &config, |_| {}).unwrap();
        let supertagger = parser.supertagger.as_ref().expect("a supertagger");
        let mut tagging = TagScratch::default();
        let guessed =
            supertagger.tagger.tag_given(&["Russia", "vowed", "ties"], &["NNP", "VBD", "NNS"], &mut tagging);
        let guessed: Vec<&str> =
            guessed.iter().map(|c| supertagger.tagger.tag_of(*c).xpos.as_str()).collect();
        assert_eq!(guessed, ["nsubj/R", "root/0", "obj/L"]);
        let mut scratch = Scratch::default();
        let tree = parser.parse(&["Russia", "vowed", "ties"], &["NNP", "VBD", "NNS"], &mut scratch);
        assert_eq!(tree.heads, [2, 0, 2]);
        assert_ne!(scratch.inputs[0].supertag, NO_SUPERTAG, "the parser read the supertags");
        let bytes = parser.to_bytes().unwrap();
        let loaded = Parser::from_bytes(&bytes).unwrap();
        assert!(loaded.supertagger.is_some());
        assert_eq!(loaded.to_bytes().unwrap(), bytes);
        assert_eq!(loaded.parse(&["Russia", "vowed", "ties"], &["NNP", "VBD", "NNS"], &mut scratch), tree);
    }

    #[test]
    fn parses_one_word_empty_and_very_long_sentences_into_single_trees() {
        let parser =
            Parser::train(&toy(), None, &TrainConfig { epochs: 1, ..TrainConfig::default() }, |_, _, _| {})
                .unwrap();
        assert!(Parser::train(&[], None, &TrainConfig::default(), |_, _, _| {}).is_err());
        let mut scratch = Scratch::default();
        assert_eq!(parser.parse(&["Yes"], &["UH"], &mut scratch).heads, [0]);
        assert!(parser.parse(&[], &[], &mut scratch).heads.is_empty());
        let words = vec!["ties"; 2000];
        let tags = vec!["NNS"; 2000];
        let tree = parser.parse(&words, &tags, &mut scratch);
        assert_eq!(tree.heads.len(), 2000);
        assert_eq!(tree.heads.iter().filter(|h| **h == 0).count(), 1, "exactly one root");
    }

    fn beam_config() -> TrainConfig {
        TrainConfig { epochs: 5, beam: 4, decode_beam: 4, prune: 0.0, ..TrainConfig::default() }
    }

    #[test]
    fn beam_training_learns_toy_trees_and_records_its_width() {
        let parser = Parser::train(&toy(), None, &beam_config(), |_, _, _| {}).unwrap();
        assert_eq!(parser.beam(), 4);
        let mut scratch = Scratch::default();
        let tree = parser.parse(&["Cuba", "vowed", "ties"], &["NNP", "VBD", "NNS"], &mut scratch);
        assert_eq!(tree.heads, [2, 0, 2]);
        let labels: Vec<&str> = tree.labels.iter().map(|l| parser.label(*l)).collect();
        assert_eq!(labels, ["nsubj", "root", "obj"]);
        let words = ["The", "leaders", "denounced", "ties"];
        let tree = parser.parse(&words, &["DT", "NNS", "VBD", "NNS"], &mut scratch);
        assert_eq!(tree.heads, [2, 3, 0, 3]);
        let bytes = parser.to_bytes().unwrap();
        let loaded = Parser::from_bytes(&bytes).unwrap();
        assert_eq!(loaded.beam(), 4);
        assert_eq!(loaded.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn a_beam_of_one_parses_like_the_greedy_parser() {
        let config = TrainConfig { epochs: 2, beam: 1, decode_beam: 1, ..TrainConfig::default() };
        let parser = Parser::train(&toy(), None, &config, |_, _, _| {}).unwrap();
        let sentences: [(&[&str], &[&str]); 3] = [
            (&["Cuba", "vowed", "ties"], &["NNP", "VBD", "NNS"]),
            (&["The", "presidents", "vowed", "interference", "ties"], &["DT", "NNS", "VBD", "NN", "NNS"]),
            (
                &["ties", "ties", "The", "The", "vowed", "Russia", "ties"],
                &["NNS", "NNS", "DT", "DT", "VBD", "NNP", "NNS"],
            ),
        ];
        let mut scratch = Scratch::default();
        let mut beam = Beam::default();
        for (words, tags) in sentences {
            let greedy = parser.parse(words, tags, &mut scratch);
            let mut inputs = Vec::new();
            fill_inputs(words, tags, &[], &[], &mut inputs);
            let state =
                beam.parse(&parser.weights, &Extractor::new(&inputs), words.len(), 1, parser.root_label);
            assert_eq!(tree_of(state), greedy);
        }
    }

    #[test]
    fn a_beam_parser_builds_single_trees_for_short_and_very_long_sentences() {
        let parser =
            Parser::train(&toy(), None, &TrainConfig { epochs: 1, ..beam_config() }, |_, _, _| {}).unwrap();
        let mut scratch = Scratch::default();
        assert_eq!(parser.parse(&["Yes"], &["UH"], &mut scratch).heads, [0]);
        assert!(parser.parse(&[], &[], &mut scratch).heads.is_empty());
        for n in [BEAM_MAX_WORDS, 2000] {
            let tree = parser.parse(&vec!["ties"; n], &vec!["NNS"; n], &mut scratch);
            assert_eq!(tree.heads.len(), n);
            assert_eq!(tree.heads.iter().filter(|h| **h == 0).count(), 1, "exactly one root");
        }
    }

    /// Trained where the tagger mistakes the verb for a participle and offers the right tag
    /// as its runner-up, the parser learns to take it, in beam and in greedy search.
    #[test]
    fn learns_when_to_take_the_runner_up_tag() {
        let sentences = toy();
        let predicted: Vec<PredictedTags> = sentences
            .iter()
            .map(|s| PredictedTags {
                tags: s
                    .words
                    .iter()
                    .map(|w| if w.xpos == "VBD" { "VBN" } else { &w.xpos }.to_string())
                    .collect(),
                runner_ups: s.words.iter().map(|w| (w.xpos == "VBD").then(|| "VBD".to_string())).collect(),
                supertags: Vec::new(),
            })
            .collect();
        for config in
            [beam_config(), TrainConfig { epochs: 5, beam: 1, decode_beam: 1, ..TrainConfig::default() }]
        {
            let parser = Parser::train(&sentences, Some(&predicted), &config, |_, _, _| {}).unwrap();
            let mut scratch = Scratch::default();
            let tree = parser.parse_with_runner_ups(
                &["Cuba", "vowed", "ties"],
                &["NNP", "VBN", "NNS"],
                &[None, Some("VBD"), None],
                &mut scratch,
            );
            assert_eq!(tree.runner_ups_taken, [false, true, false], "beam {}", config.beam);
            assert_eq!(tree.heads, [2, 0, 2]);
            let plain = parser.parse(&["Cuba", "vowed", "ties"], &["NNP", "VBD", "NNS"], &mut scratch);
            assert_eq!(plain.runner_ups_taken, [false; 3], "nothing offered, nothing taken");
        }
    }
}
