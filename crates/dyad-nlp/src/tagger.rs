//! Part-of-speech tagger: a greedy left-to-right averaged perceptron predicting UPOS and Penn
//! XPOS together (one class per pair seen in training), with the lemmatizer in the same model.
//!
//! Features are the word, its affixes and shape, two words of context on each side, the two
//! previous predicted tags, and the *ambiguity class* of the neighbours (the set of tags each
//! was seen with in training). Tagging runs in two greedy passes: the second sees the first
//! pass's tags of the next two words, so decisions use both sides. The second pass is trained on
//! first-pass tags predicted by models that did not see the sentence (jackknifing), so it learns
//! how far to trust them; it rescores only the words the first pass was unsure of, adding both
//! passes' scores. Frequent words that always carry one tag skip the perceptron.
//!
//! A tagger may also read a tag each word already has from another tagger, as features of its
//! own (the *given* tags): the parser's supertagger reads the part-of-speech tags this way.

use crate::binio::{self, ModelError, Reader, Writer};
use crate::conllu;
use crate::hash::{combine, hash_bytes, HashedMap, SplitMix64};
use crate::lemma::Lemmatizer;
use crate::perceptron::{argmax, Trainer, Weights, MAX_CLASSES};
use crate::wordshape::WordHashes;
use std::collections::BTreeMap;

const MAGIC: &[u8] = b"DYADTAG3";

/// Context words on each side that features look at.
const WINDOW: usize = 2;

/// A first-pass decision whose score beats the runner-up by this much is final (tuned on EWT
/// dev: rescoring every word gains 0.01 UPOS there, and costs more time).
const SURE_MARGIN: f32 = 20.0;

/// A runner-up tag trailing the chosen one by less than this is offered to the parser, which may
/// take it instead (on EWT dev, taking it exactly where it is right would lift UAS from 85.87
/// to 87.09; 80 gives 87.19 for many more offers). A parser trained with offers at 80 did
/// worse than at 40: EWT dev UAS 85.72 against 86.00, test 86.14 against 86.65.
const RUNNER_UP_MARGIN: f32 = 40.0;

/// Folds of the jackknife that predicts first-pass tags for training the second pass.
const FOLDS: usize = 4;

/// Training settings; the defaults reproduce the committed model.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    /// A word seen at least this often with one tag in at least `unambiguous_share` of its
    /// occurrences is tagged from the dictionary.
    pub unambiguous_count: u32,
    /// See `unambiguous_count`.
    pub unambiguous_share: f64,
    /// Words seen fewer times than this get no ambiguity class: for rare training words the
    /// class gives the answer away, and the tagger would lean on it more than it can at test time.
    pub ambiguity_count: u32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            epochs: 16,
            seed: 1,
            prune: 0.0,
            unambiguous_count: 20,
            unambiguous_share: 0.995,
            ambiguity_count: 5,
        }
    }
}

/// A tag pair as the tagger predicts it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tag {
    /// Universal POS tag.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
}

/// A trained tagger and lemmatizer.
#[derive(Debug, Clone)]
pub struct Tagger {
    tags: Vec<Tag>,
    /// First pass: left context only.
    first: Weights,
    /// Second pass: also the first pass's tags of the next two words.
    second: Weights,
    /// Exact form hash → class, for frequent unambiguous words.
    unambiguous: HashedMap<u16>,
    /// Lowercase form hash → hash of the set of classes it was seen with.
    ambiguity: HashedMap<u64>,
    lemmatizer: Lemmatizer,
}

/// What features read of a sentence, each per-word list padded with `WINDOW` markers on
/// both sides.
#[derive(Debug, Default)]
struct Context {
    hashes: Vec<WordHashes>,
    ambiguity: Vec<u64>,
    /// Hashes of the given tags (see [`Tagger::tag_given`]); empty when none are given.
    given: Vec<u64>,
    /// The casing style of the sentence (see [`casing_style`]).
    casing: u64,
}

/// Reusable buffers, so tagging a sentence allocates only its result.
#[derive(Debug, Default)]
pub struct Scratch {
    context: Context,
    features: Vec<u64>,
    scores: Vec<f32>,
    /// Per word, whether the first pass left it for the second to decide.
    unsure: Vec<bool>,
    /// The first pass's scores, word after word.
    first_scores: Vec<f32>,
    /// Per word of the last tagged sentence, the close runner-up class (see
    /// [`Scratch::runner_ups`]).
    runner_ups: Vec<Option<u16>>,
}

impl Scratch {
    /// Per word of the sentence last tagged with this scratch, the class whose score trailed
    /// the chosen one by less than `RUNNER_UP_MARGIN` (40), if any: the tagger's second
    /// choice where it hesitated. Words tagged from the dictionary have none.
    pub fn runner_ups(&self) -> &[Option<u16>] {
        &self.runner_ups
    }
}

impl Tagger {
    /// Loads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(compressed: &[u8]) -> Result<Self, ModelError> {
        let bytes = binio::decompress(compressed)?;
        let mut r = Reader::new(&bytes);
        r.expect_magic(MAGIC, "tagger")?;
        let n = r.len(8, "tagger: tags")?;
        if n == 0 || n > MAX_CLASSES {
            return Err(ModelError::Corrupt(format!("tagger: {n} tags")));
        }
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            tags.push(Tag { upos: r.str("tagger: upos")?, xpos: r.str("tagger: xpos")? });
        }
        let mut unambiguous = HashedMap::default();
        for _ in 0..r.len(10, "tagger: dictionary")? {
            let key = r.u64("tagger: dictionary")?;
            let class = u16::from_le_bytes([r.u8("tagger: dictionary")?, r.u8("tagger: dictionary")?]);
            if usize::from(class) >= tags.len() {
                return Err(ModelError::Corrupt("tagger: dictionary class out of range".into()));
            }
            unambiguous.insert(key, class);
        }
        let mut ambiguity = HashedMap::default();
        for _ in 0..r.len(16, "tagger: ambiguity classes")? {
            ambiguity.insert(r.u64("tagger: ambiguity classes")?, r.u64("tagger: ambiguity classes")?);
        }
        let first = Weights::read(&mut r)?;
        let second = Weights::read(&mut r)?;
        if first.classes() != tags.len() || second.classes() != tags.len() {
            return Err(ModelError::Corrupt("tagger: weights and tag set disagree".into()));
        }
        let lemmatizer = Lemmatizer::read(&mut r)?;
        Ok(Self { tags, first, second, unambiguous, ambiguity, lemmatizer })
    }

    /// Serialises and compresses the model; the same model always gives the same bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut w = Writer::default();
        w.raw(MAGIC);
        w.len(self.tags.len());
        for t in &self.tags {
            w.str(&t.upos);
            w.str(&t.xpos);
        }
        write_sorted(&mut w, &self.unambiguous, |w, c| w.raw(&c.to_le_bytes()));
        write_sorted(&mut w, &self.ambiguity, |w, h| w.u64(*h));
        self.first.write(&mut w);
        self.second.write(&mut w);
        self.lemmatizer.write(&mut w);
        w.finish()
    }

    /// The tag pair of a class index returned by [`Tagger::tag`].
    pub fn tag_of(&self, class: u16) -> &Tag {
        &self.tags[usize::from(class).min(self.tags.len().saturating_sub(1))]
    }

    /// Number of tag pairs (classes) the model predicts.
    pub fn tag_count(&self) -> usize {
        self.tags.len()
    }

    /// Number of features with weights, tag pairs, and dictionary words: the model's size.
    pub fn stats(&self) -> (usize, usize, usize) {
        (self.first.features() + self.second.features(), self.tags.len(), self.unambiguous.len())
    }

    /// The lemmatizer trained with this tagger.
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// Tags one sentence given as word forms; returns one class per word.
    pub fn tag(&self, words: &[&str], scratch: &mut Scratch) -> Vec<u16> {
        self.tag_given(words, &[], scratch)
    }

    /// Like [`Tagger::tag`], reading also a tag each word already has from another tagger
    /// (`given`, one per word or empty), as a model trained with [`Tagger::train_given`] expects:
    /// the supertagger reads the part-of-speech tags this way.
    pub fn tag_given(&self, words: &[&str], given: &[&str], scratch: &mut Scratch) -> Vec<u16> {
        self.prepare(words, given, scratch);
        let first = self.greedy_pass(&self.first, words, None, scratch);
        self.greedy_pass(&self.second, words, Some(&first), scratch)
    }

    /// The best class, its margin over the runner-up, and the runner-up (class 0 and an
    /// infinite margin when there is only one class).
    fn lead(scores: &[f32]) -> (usize, f32, u16) {
        let best = argmax(scores);
        let (mut second, mut second_score) = (0, f32::NEG_INFINITY);
        for (class, &s) in scores.iter().enumerate() {
            if class != best && s > second_score {
                (second, second_score) = (class, s);
            }
        }
        (best, scores[best] - second_score, second as u16)
    }

    /// One left-to-right pass with `weights`, seeing `lookahead` tags when given.
    fn greedy_pass(
        &self,
        weights: &Weights,
        words: &[&str],
        lookahead: Option<&[u16]>,
        scratch: &mut Scratch,
    ) -> Vec<u16> {
        let mut out: Vec<u16> = Vec::with_capacity(words.len());
        let classes = self.tags.len();
        if lookahead.is_none() {
            scratch.unsure.clear();
            scratch.first_scores.clear();
            scratch.first_scores.resize(words.len() * classes, 0.0);
            scratch.runner_ups.clear();
            scratch.runner_ups.resize(words.len(), None);
        }
        for i in 0..words.len() {
            if let Some(class) = self.unambiguous.get(&scratch.context.hashes[i + WINDOW].exact) {
                out.push(*class);
                if lookahead.is_none() {
                    scratch.unsure.push(false);
                }
                continue;
            }
            if let Some(ahead) = lookahead {
                if !scratch.unsure.get(i).copied().unwrap_or(true) {
                    out.push(ahead[i]);
                    continue;
                }
            }
            scratch.features.clear();
            features(&scratch.context, i, &out, lookahead, &mut scratch.features);
            scratch.scores.clear();
            scratch.scores.resize(self.tags.len(), 0.0);
            weights.score(&scratch.features, &mut scratch.scores);
            if lookahead.is_none() {
                scratch.first_scores[i * classes..(i + 1) * classes].copy_from_slice(&scratch.scores);
            } else {
                // The second pass decides with both passes' scores: two models vote (on EWT dev,
                // +0.1 UPOS over the second pass alone).
                for (s, f) in
                    scratch.scores.iter_mut().zip(&scratch.first_scores[i * classes..(i + 1) * classes])
                {
                    *s += f;
                }
            }
            let (best, margin, runner_up) = Self::lead(&scratch.scores);
            if lookahead.is_none() {
                // The second pass rescores only the words the first was unsure of; the others
                // keep their first-pass tag.
                scratch.unsure.push(margin < SURE_MARGIN);
            }
            scratch.runner_ups[i] = (margin < RUNNER_UP_MARGIN).then_some(runner_up);
            out.push(best as u16);
        }
        out
    }

    fn prepare(&self, words: &[&str], given: &[&str], scratch: &mut Scratch) {
        prepare_context(words, given, scratch, |lower| self.ambiguity.get(&lower).copied());
    }

    /// Trains a tagger and lemmatizer on CoNLL-U sentences. `progress` hears each finished epoch
    /// of the two final passes as (pass, epoch, training accuracy). Fails when the sentences hold
    /// no words or more tag pairs than a model can number.
    pub fn train(
        sentences: &[conllu::Sentence],
        config: &TrainConfig,
        progress: impl FnMut(usize, usize, f64),
    ) -> Result<Self, ModelError> {
        Self::train_given(sentences, &[], config, progress)
    }

    /// Like [`Tagger::train`], where each word also has a tag from another tagger (`given`, one
    /// list per sentence, or empty for none), to be read through [`Tagger::tag_given`]. The
    /// given tags should be as good as at tagging time: predicted, not gold. Fails also when a
    /// sentence's given tags do not match its words.
    pub fn train_given(
        sentences: &[conllu::Sentence],
        given: &[Vec<String>],
        config: &TrainConfig,
        mut progress: impl FnMut(usize, usize, f64),
    ) -> Result<Self, ModelError> {
        if !given.is_empty()
            && (given.len() != sentences.len()
                || sentences.iter().zip(given).any(|(s, g)| s.words.len() != g.len()))
        {
            return Err(ModelError::Untrainable("the given tags do not match the sentences' words".into()));
        }
        let tag_set: Vec<Tag> = sentences
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| Tag { upos: w.upos.clone(), xpos: w.xpos.clone() })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if tag_set.is_empty() || tag_set.len() > MAX_CLASSES {
            return Err(ModelError::Untrainable(format!(
                "{} distinct tag pairs in the training data",
                tag_set.len()
            )));
        }
        let class_of: BTreeMap<&Tag, u16> = tag_set.iter().enumerate().map(|(i, t)| (t, i as u16)).collect();
        let examples: Vec<Example> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| Example {
                forms: s.words.iter().map(|w| w.form.as_str()).collect(),
                classes: s
                    .words
                    .iter()
                    .map(|w| class_of[&Tag { upos: w.upos.clone(), xpos: w.xpos.clone() }])
                    .collect(),
                given: given.get(i).map_or(Vec::new(), |g| g.iter().map(String::as_str).collect()),
            })
            .collect();
        let all: Vec<usize> = (0..examples.len()).collect();
        let (unambiguous, ambiguity) = dictionaries(&examples, &all, config);
        let lemmatizer = Lemmatizer::train(
            sentences
                .iter()
                .flat_map(|s| &s.words)
                .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str())),
        );
        let weights = Trainer::new(0).finish(0.0);
        let mut model = Self {
            tags: tag_set,
            first: weights.clone(),
            second: weights,
            unambiguous,
            ambiguity,
            lemmatizer,
        };
        let lookahead = model.jackknifed_first_pass(&examples, config);
        model.first = model.train_pass(&examples, &all, None, config, &mut |e, a| progress(1, e, a));
        model.second =
            model.train_pass(&examples, &all, Some(&lookahead), config, &mut |e, a| progress(2, e, a));
        Ok(model)
    }

    /// The first-pass tags of every example as predicted by a first pass trained on the other
    /// folds: what the second pass learns to read.
    fn jackknifed_first_pass(&self, examples: &[Example], config: &TrainConfig) -> Vec<Vec<u16>> {
        let all: Vec<usize> = (0..examples.len()).collect();
        let mut lookahead: Vec<Vec<u16>> = vec![Vec::new(); examples.len()];
        for fold in 0..FOLDS {
            let (held, rest): (Vec<usize>, Vec<usize>) = all.iter().partition(|i| *i % FOLDS == fold);
            // The fold's model knows only its own training part, dictionaries included, so the
            // held-out tags are as good as at test time, not better.
            let (unambiguous, ambiguity) = dictionaries(examples, &rest, config);
            let fold_model = Self { unambiguous, ambiguity, ..self.clone() };
            let weights = fold_model.train_pass(examples, &rest, None, config, &mut |_, _| {});
            let mut scratch = Scratch::default();
            for i in held {
                let example = &examples[i];
                fold_model.prepare(&example.forms, &example.given, &mut scratch);
                lookahead[i] = fold_model.greedy_pass(&weights, &example.forms, None, &mut scratch);
            }
        }
        lookahead
    }

    /// Trains one pass on the examples at `indices`, in a seeded shuffled order each epoch.
    fn train_pass(
        &self,
        examples: &[Example],
        indices: &[usize],
        lookahead: Option<&[Vec<u16>]>,
        config: &TrainConfig,
        progress: &mut dyn FnMut(usize, f64),
    ) -> Weights {
        let mut trainer = Trainer::new(self.tags.len());
        let mut order = indices.to_vec();
        let mut rng = SplitMix64::new(config.seed);
        let mut scratch = Scratch::default();
        let mut scores = vec![0.0; self.tags.len()];
        for epoch in 0..config.epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &index in &order {
                let example = &examples[index];
                let ahead = lookahead.map(|l| l[index].as_slice());
                self.prepare(&example.forms, &example.given, &mut scratch);
                let mut predicted: Vec<u16> = Vec::with_capacity(example.forms.len());
                for (i, truth) in example.classes.iter().map(|g| usize::from(*g)).enumerate() {
                    scratch.features.clear();
                    features(&scratch.context, i, &predicted, ahead, &mut scratch.features);
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    trainer.score(&scratch.features, &mut scores);
                    let guess = argmax(&scores);
                    trainer.update(&scratch.features, truth, guess);
                    trainer.tick();
                    right += usize::from(guess == truth);
                    total += 1;
                    predicted.push(guess as u16);
                }
            }
            progress(epoch + 1, right as f64 / total.max(1) as f64);
        }
        trainer.finish(config.prune)
    }
}

/// One training sentence: its words, their classes and their given tags (empty: none).
struct Example<'a> {
    forms: Vec<&'a str>,
    classes: Vec<u16>,
    given: Vec<&'a str>,
}

/// Builds the unambiguous-word dictionary and the ambiguity classes from the training data.
fn dictionaries(
    examples: &[Example],
    indices: &[usize],
    config: &TrainConfig,
) -> (HashedMap<u16>, HashedMap<u64>) {
    let mut by_form: BTreeMap<&str, BTreeMap<u16, u32>> = BTreeMap::new();
    let mut by_lower: BTreeMap<String, BTreeMap<u16, u32>> = BTreeMap::new();
    for example in indices.iter().map(|&i| &examples[i]) {
        for (form, class) in example.forms.iter().zip(&example.classes) {
            *by_form.entry(form).or_default().entry(*class).or_default() += 1;
            *by_lower.entry(form.to_lowercase()).or_default().entry(*class).or_default() += 1;
        }
    }
    let mut unambiguous = HashedMap::default();
    for (form, counts) in &by_form {
        let total: u32 = counts.values().sum();
        if let Some((class, n)) = counts.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c))) {
            if total >= config.unambiguous_count
                && f64::from(*n) >= config.unambiguous_share * f64::from(total)
            {
                unambiguous.insert(hash_bytes(form.as_bytes()), *class);
            }
        }
    }
    let mut ambiguity = HashedMap::default();
    for (lower, counts) in &by_lower {
        let total: u32 = counts.values().sum();
        if total < config.ambiguity_count {
            continue;
        }
        let mut h = 0x616d_6267;
        for (class, n) in counts {
            if f64::from(*n) >= 0.05 * f64::from(total) {
                h = combine(h, u64::from(*class));
            }
        }
        ambiguity.insert(hash_bytes(lower.as_bytes()), h);
    }
    (unambiguous, ambiguity)
}

/// Fills the context of a sentence: padded per-word hashes, ambiguity classes and given tags.
fn prepare_context(
    words: &[&str],
    given: &[&str],
    scratch: &mut Scratch,
    ambiguity_of: impl Fn(u64) -> Option<u64>,
) {
    let c = &mut scratch.context;
    c.hashes.clear();
    c.ambiguity.clear();
    c.given.clear();
    let with_given = !given.is_empty();
    for k in 0..WINDOW {
        c.hashes.push(WordHashes::padding(-(WINDOW as i64) + k as i64));
        c.ambiguity.push(combine(0xa0, k as u64));
    }
    for (i, w) in words.iter().enumerate() {
        let hashes = WordHashes::of(w);
        c.ambiguity.push(ambiguity_of(hashes.lower).unwrap_or(0x000b_5ee4));
        c.hashes.push(hashes);
        if with_given {
            c.given.push(given.get(i).map_or(0x9a_0000, |t| hash_bytes(t.as_bytes())));
        }
    }
    for k in 0..WINDOW {
        c.hashes.push(WordHashes::padding(k as i64 + 1));
        c.ambiguity.push(combine(0xa1, k as u64));
    }
    if with_given {
        let padding = |side: u64| (0..WINDOW as u64).map(move |k| combine(side, k));
        c.given.splice(0..0, padding(0x9a));
        c.given.extend(padding(0x9b));
    }
    c.casing = casing_style(words);
}

/// How the sentence is cased: 0 mostly lowercase, 1 mixed, 2 title case (a headline),
/// 3 mostly capitals. Capitalised words mean less in headlines and shouting than in prose.
fn casing_style(words: &[&str]) -> u64 {
    let (mut alphabetic, mut capitalised, mut upper) = (0u32, 0u32, 0u32);
    for w in words {
        let Some(first) = w.chars().next().filter(|c| c.is_alphabetic()) else {
            continue;
        };
        alphabetic += 1;
        if first.is_uppercase() {
            capitalised += 1;
            if w.chars().count() > 1 && !w.chars().any(char::is_lowercase) {
                upper += 1;
            }
        }
    }
    let share = |n: u32| f64::from(n) / f64::from(alphabetic.max(1));
    match (share(capitalised), share(upper)) {
        (_, u) if u > 0.6 => 3,
        (c, _) if c > 0.6 => 2,
        (c, _) if c > 0.3 => 1,
        _ => 0,
    }
}

/// The tag at `i` as a feature value; positions before the start and after the end of `tags`
/// get fixed markers by side and distance.
fn tag_at(tags: &[u16], i: isize) -> u64 {
    match usize::try_from(i) {
        Ok(i) => tags.get(i).map_or(0x2_0000 + (i - tags.len()) as u64, |t| u64::from(*t)),
        Err(_) => 0x1_0000 + i.unsigned_abs() as u64,
    }
}

/// Feature templates; each feature is `combine(template, value)`.
mod template {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const SUFFIX: u64 = 3; // + 0..4
    pub const PREFIX: u64 = 8; // + 0..3
    pub const SHAPE: u64 = 12;
    pub const PREV_TAG: u64 = 13;
    pub const PREV_TAG2: u64 = 14;
    pub const PREV_TAGS: u64 = 15;
    pub const PREV_TAG_WORD: u64 = 16;
    pub const CONTEXT_WORD: u64 = 20; // + offset index 0..4
    pub const CONTEXT_SUFFIX: u64 = 25; // + offset index
    pub const CONTEXT_SHAPE: u64 = 30; // + offset index
    pub const AMBIGUITY: u64 = 35; // + offset index 0..5
    pub const WORD_NEXT: u64 = 41;
    pub const PREV_WORD_WORD: u64 = 42;
    pub const PREV_TAG_AMBIGUITY: u64 = 43;
    pub const FIRST_SHAPE: u64 = 44;
    pub const NEXT_AMBIGUITIES: u64 = 45;
    pub const EXACT: u64 = 46;
    pub const PREV_NEXT_SHAPE: u64 = 47;
    pub const NEXT_TAG: u64 = 48;
    pub const NEXT_TAG2: u64 = 49;
    pub const NEXT_TAGS: u64 = 50;
    pub const PREV_NEXT_TAG: u64 = 51;
    pub const NEXT_TAG_WORD: u64 = 52;
    pub const NEXT_TAG_SUFFIX: u64 = 53;
    pub const CASING_SHAPE: u64 = 54;
    pub const CASING_WORD: u64 = 55;
    pub const PREV_TAG_SUFFIX: u64 = 56;
    pub const GIVEN: u64 = 57; // + offset index 0..5
    pub const GIVEN_TRIGRAM: u64 = 62;
    pub const GIVEN_NEXT: u64 = 63;
    pub const GIVEN_PREV: u64 = 64;
    pub const GIVEN_WORD: u64 = 65;
    pub const GIVEN_PREV_TAG: u64 = 66;
}

/// Computes the features of word `i` (0-based in the sentence) into `out`, given the tags
/// already predicted to its left and, in the second pass, the first pass's tags.
fn features(context: &Context, i: usize, predicted: &[u16], lookahead: Option<&[u16]>, out: &mut Vec<u64>) {
    use template::*;
    let Context { hashes, ambiguity, given, casing } = context;
    let casing = *casing;
    let at = i + WINDOW;
    let p1 = tag_at(predicted, i as isize - 1);
    let p2 = tag_at(predicted, i as isize - 2);
    let w = &hashes[at];
    out.push(combine(BIAS, 0));
    out.push(combine(WORD, w.lower));
    out.push(combine(EXACT, combine(w.exact, u64::from(i == 0))));
    out.push(combine(PREV_NEXT_SHAPE, combine(hashes[at - 1].shape, combine(w.shape, hashes[at + 1].shape))));
    for (n, s) in w.suffix.iter().enumerate() {
        out.push(combine(SUFFIX + n as u64, *s));
    }
    for (n, p) in w.prefix.iter().enumerate() {
        out.push(combine(PREFIX + n as u64, *p));
    }
    out.push(combine(SHAPE, w.shape));
    out.push(combine(PREV_TAG, p1));
    out.push(combine(PREV_TAG2, p2));
    out.push(combine(PREV_TAGS, combine(p1, p2)));
    out.push(combine(PREV_TAG_WORD, combine(p1, w.lower)));
    out.push(combine(PREV_TAG_SUFFIX, combine(p1, w.suffix[2])));
    out.push(combine(CASING_SHAPE, combine(casing, w.shape)));
    out.push(combine(CASING_WORD, combine(casing, w.exact)));
    for (k, offset) in [at - 2, at - 1, at + 1, at + 2].into_iter().enumerate() {
        let c = &hashes[offset];
        out.push(combine(CONTEXT_WORD + k as u64, c.lower));
        out.push(combine(CONTEXT_SUFFIX + k as u64, c.suffix[2]));
        out.push(combine(CONTEXT_SHAPE + k as u64, c.shape));
    }
    for (k, offset) in (at - 2..=at + 2).enumerate() {
        out.push(combine(AMBIGUITY + k as u64, ambiguity[offset]));
    }
    out.push(combine(WORD_NEXT, combine(w.lower, hashes[at + 1].lower)));
    out.push(combine(PREV_WORD_WORD, combine(hashes[at - 1].lower, w.lower)));
    out.push(combine(PREV_TAG_AMBIGUITY, combine(p1, ambiguity[at])));
    if i == 0 {
        out.push(combine(FIRST_SHAPE, w.shape));
    }
    out.push(combine(NEXT_AMBIGUITIES, combine(ambiguity[at + 1], ambiguity[at + 2])));
    if !given.is_empty() {
        for (k, offset) in (at - 2..=at + 2).enumerate() {
            out.push(combine(GIVEN + k as u64, given[offset]));
        }
        out.push(combine(GIVEN_TRIGRAM, combine(given[at - 1], combine(given[at], given[at + 1]))));
        out.push(combine(GIVEN_NEXT, combine(given[at], given[at + 1])));
        out.push(combine(GIVEN_PREV, combine(given[at - 1], given[at])));
        out.push(combine(GIVEN_WORD, combine(given[at], w.lower)));
        out.push(combine(GIVEN_PREV_TAG, combine(given[at], p1)));
    }
    if let Some(ahead) = lookahead {
        let n1 = tag_at(ahead, i as isize + 1);
        let n2 = tag_at(ahead, i as isize + 2);
        out.push(combine(NEXT_TAG, n1));
        out.push(combine(NEXT_TAG2, n2));
        out.push(combine(NEXT_TAGS, combine(n1, n2)));
        out.push(combine(PREV_NEXT_TAG, combine(p1, n1)));
        out.push(combine(NEXT_TAG_WORD, combine(n1, w.lower)));
        out.push(combine(NEXT_TAG_SUFFIX, combine(n1, w.suffix[2])));
    }
}

fn write_sorted<V>(w: &mut Writer, map: &HashedMap<V>, value: impl Fn(&mut Writer, &V)) {
    let mut keys: Vec<&u64> = map.keys().collect();
    keys.sort();
    w.len(keys.len());
    for k in keys {
        w.u64(*k);
        value(w, &map[k]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy_treebank() -> Vec<conllu::Sentence> {
        let text = "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tvowed\tvow\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tties\ttie\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n\
1\tCuba\tCuba\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tdenounced\tdenounce\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tinterference\tinterference\tNOUN\tNN\t_\t2\tobj\t_\t_\n\n";
        let one = conllu::parse(text).unwrap();
        (0..30).flat_map(|_| one.clone()).collect()
    }

    #[test]
    fn learns_toy_data_and_round_trips_bit_for_bit() {
        let config = TrainConfig { epochs: 3, ..TrainConfig::default() };
        let mut epochs = 0;
        let tagger = Tagger::train(&toy_treebank(), &config, |_, _, _| epochs += 1).unwrap();
        assert_eq!(epochs, 6);
        let mut scratch = Scratch::default();
        let tags = tagger.tag(&["Cuba", "vowed", "ties"], &mut scratch);
        let xpos: Vec<_> = tags.iter().map(|c| tagger.tag_of(*c).xpos.as_str()).collect();
        assert_eq!(xpos, ["NNP", "VBD", "NNS"]);
        let bytes = tagger.to_bytes().unwrap();
        let again = Tagger::train(&toy_treebank(), &config, |_, _, _| {}).unwrap().to_bytes().unwrap();
        assert_eq!(bytes, again, "training must be deterministic");
        let loaded = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(loaded.tag(&["Cuba", "vowed", "ties"], &mut scratch), tags);
        assert_eq!(loaded.lemmatizer().lemmatize("vowed", "VBD"), "vow");
    }

    #[test]
    fn reads_the_given_tags_it_was_trained_with() {
        let text =
            "1\tties\ttie\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n1\tties\ttie\tVERB\tVBZ\t_\t0\troot\t_\t_\n\n";
        let sentences: Vec<_> = (0..30).flat_map(|_| conllu::parse(text).unwrap()).collect();
        // The word alone cannot tell the two tags apart; the given tag can.
        let given: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| vec![if s.words[0].xpos == "NNS" { "A" } else { "B" }.to_string()])
            .collect();
        let config = TrainConfig { epochs: 3, ..TrainConfig::default() };
        let tagger = Tagger::train_given(&sentences, &given, &config, |_, _, _| {}).unwrap();
        let mut scratch = Scratch::default();
        for (given, expected) in [("A", "NNS"), ("B", "VBZ")] {
            let class = tagger.tag_given(&["ties"], &[given], &mut scratch)[0];
            assert_eq!(tagger.tag_of(class).xpos, expected, "given {given}");
        }
        assert!(Tagger::train_given(&sentences, &given[1..], &config, |_, _, _| {}).is_err());
    }

    #[test]
    fn tags_empty_and_odd_sentences() {
        let tagger = Tagger::train(
            &toy_treebank(),
            &TrainConfig { epochs: 1, ..TrainConfig::default() },
            |_, _, _| {},
        )
        .unwrap();
        assert!(Tagger::train(&[], &TrainConfig::default(), |_, _, _| {}).is_err());
        let mut scratch = Scratch::default();
        assert!(tagger.tag(&[], &mut scratch).is_empty());
        assert_eq!(tagger.tag(&["\u{0}", "🙂", "Москва"], &mut scratch).len(), 3);
        assert!(Tagger::from_bytes(b"garbage").is_err());
    }
}
