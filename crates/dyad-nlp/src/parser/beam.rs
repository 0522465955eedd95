//! Beam search over arc-hybrid transitions and its global training (Zhang & Clark 2008; Zhang &
//! Nivre 2011): a sequence scores the sum of its moves' scores, the beam keeps the best partial
//! sequences, and training updates the perceptron where the beam's best prefix outscores the gold
//! prefix by the most ("max-violation", Huang, Fayong & Guo 2012).
//!
//! Every arc-hybrid sequence over `n` words has exactly `2n` moves (each word is shifted once and
//! attached once), so all candidates of a beam finish together and prefixes of equal length
//! compete fairly. Candidates are full configurations copied from their parents, which costs
//! time linear in the sentence length per step: callers keep beam search for sentences of bounded
//! length.

use super::features::Extractor;
use super::state::{Move, State};
use crate::perceptron::{Trainer, Weights};

/// Scores features for every class: frozen weights when parsing, the trainer when learning.
pub trait Scorer {
    /// Number of classes.
    fn classes(&self) -> usize;
    /// Adds the weights of `features` to `scores` (one slot per class).
    fn score(&self, features: &[u64], scores: &mut [f32]);
}

impl Scorer for Weights {
    fn classes(&self) -> usize {
        Weights::classes(self)
    }
    fn score(&self, features: &[u64], scores: &mut [f32]) {
        Weights::score(self, features, scores);
    }
}

impl Scorer for Trainer {
    fn classes(&self) -> usize {
        Trainer::classes(self)
    }
    fn score(&self, features: &[u64], scores: &mut [f32]) {
        Trainer::score(self, features, scores);
    }
}

/// When parsing, candidates whose score trails the step's best by more than this are dropped,
/// so the beam narrows where the model is sure of its move. Scores are in the units of the
/// committed model's weights: on EWT dev this margin keeps UAS/LAS (85.18/82.05 against
/// 85.17/82.06 with the full beam of 4) for about 10% less parse time. Narrower margins cost
/// more than they save: 96 changes an arc of the seed's first sentence, 64 loses 0.2 UAS.
/// Training always keeps the full beam.
const PARSE_MARGIN: f64 = 128.0;

/// Which candidates a step keeps: at most `width`, and none trailing the best by more than
/// `margin`.
#[derive(Debug, Clone, Copy)]
struct Limit {
    width: usize,
    margin: f64,
}

/// Offers `candidate` to `best`, the `width` best candidates of a step so far, highest score
/// first. Candidates are offered in item and class order, so of two with equal scores the one
/// offered first ranks higher, and most offers are turned away by one comparison.
fn offer(best: &mut Vec<Candidate>, width: usize, candidate: Candidate) {
    if best.len() >= width && best.last().is_some_and(|last| candidate.score <= last.score) {
        return;
    }
    let at = best.iter().position(|b| candidate.score > b.score).unwrap_or(best.len());
    best.insert(at, candidate);
    best.truncate(width);
}

/// No move yet: the parent of a sequence's first move.
const START: u32 = u32::MAX;

/// A partial sequence in the beam; its configuration sits at the same index in `states`.
#[derive(Debug, Clone, Copy)]
struct Item {
    /// Sum of the scores of its moves.
    score: f64,
    /// Its last move in `history`, or [`START`].
    last: u32,
    /// Whether it is a prefix of the gold sequence.
    gold: bool,
}

/// One move of some sequence, linked to the move before it.
#[derive(Debug, Clone, Copy)]
struct Link {
    parent: u32,
    class: u16,
}

/// An extension of a beam item by one move.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    score: f64,
    item: u32,
    class: u16,
}

/// Reusable buffers of beam search.
#[derive(Debug, Default)]
pub struct Beam {
    states: Vec<State>,
    next_states: Vec<State>,
    items: Vec<Item>,
    next_items: Vec<Item>,
    candidates: Vec<Candidate>,
    history: Vec<Link>,
    /// The best item after each step.
    tops: Vec<Item>,
    /// Buffers of training's pass over the gold and predicted prefixes.
    features: Vec<u64>,
    scores: Vec<f32>,
    /// The features of the current step's items, one after another, and where each item's
    /// begin. About a quarter of a step's items have all their features in common with an
    /// earlier item (their histories differ out of the features' sight); they take its scores
    /// instead of looking them up again.
    step_features: Vec<u64>,
    step_starts: Vec<usize>,
    /// The scores of each item of the current step, `classes` apart.
    step_scores: Vec<f32>,
    moves: Vec<Move>,
}

impl Beam {
    /// Parses the `n` words seen by `extractor` keeping the `width` best sequences (fewer where
    /// the others trail by more than [`PARSE_MARGIN`]); returns the final configuration of the
    /// best one.
    pub fn parse<S: Scorer>(
        &mut self,
        scorer: &S,
        extractor: &Extractor<'_>,
        n: usize,
        width: usize,
        root_label: u16,
    ) -> &State {
        self.search(scorer, extractor, n, Limit { width, margin: PARSE_MARGIN }, root_label, &[]);
        &self.states[0]
    }

    /// Runs the search, keeping the candidates `limit` allows at each step; items are marked
    /// gold while they follow `gold`. Afterwards `states[0]` is the best final configuration
    /// and `tops` holds the best item of every step.
    fn search<S: Scorer>(
        &mut self,
        scorer: &S,
        extractor: &Extractor<'_>,
        n: usize,
        limit: Limit,
        root_label: u16,
        gold: &[Move],
    ) {
        let width = limit.width.max(1);
        let classes = scorer.classes();
        if self.states.is_empty() {
            self.states.push(State::new(n));
        }
        self.states.truncate(1);
        extractor.restart(&mut self.states[0], n);
        self.items.clear();
        self.items.push(Item { score: 0.0, last: START, gold: true });
        self.history.clear();
        self.tops.clear();
        while !self.states[0].is_terminal() {
            let step = self.tops.len();
            self.candidates.clear();
            self.step_features.clear();
            self.step_starts.clear();
            self.step_scores.clear();
            for (i, (state, item)) in self.states.iter().zip(&self.items).enumerate() {
                let start = self.step_features.len();
                extractor.extract(state, &mut self.step_features);
                let (earlier, mine) = self.step_features.split_at(start);
                let twin = self
                    .step_starts
                    .iter()
                    .zip(self.step_starts.iter().skip(1).chain([&start]))
                    .position(|(&from, &to)| earlier[from..to] == *mine);
                self.step_starts.push(start);
                let at = self.step_scores.len();
                match twin {
                    Some(j) => self.step_scores.extend_from_within(j * classes..(j + 1) * classes),
                    None => {
                        self.step_scores.resize(at + classes, 0.0);
                        scorer.score(mine, &mut self.step_scores[at..]);
                    }
                }
                for (class, &s) in self.step_scores[at..].iter().enumerate() {
                    if state.is_valid(Move::of_class(class), root_label) {
                        let candidate = Candidate {
                            score: item.score + f64::from(s),
                            item: i as u32,
                            class: class as u16,
                        };
                        offer(&mut self.candidates, width, candidate);
                    }
                }
            }
            if self.candidates.is_empty() {
                break;
            }
            let floor = self.candidates[0].score - limit.margin;
            self.candidates.retain(|c| c.score >= floor);
            self.next_items.clear();
            while self.next_states.len() < self.candidates.len() {
                self.next_states.push(State::new(0));
            }
            for (c, next) in self.candidates.iter().zip(&mut self.next_states) {
                let parent = self.items[c.item as usize];
                let m = Move::of_class(usize::from(c.class));
                next.copy_from(&self.states[c.item as usize]);
                next.apply(m);
                let last = u32::try_from(self.history.len()).unwrap_or(START);
                self.history.push(Link { parent: parent.last, class: c.class });
                let gold = parent.gold && gold.get(step) == Some(&m);
                self.next_items.push(Item { score: c.score, last, gold });
            }
            std::mem::swap(&mut self.states, &mut self.next_states);
            std::mem::swap(&mut self.items, &mut self.next_items);
            self.states.truncate(self.items.len().max(1));
            self.tops.push(self.items[0]);
        }
    }

    /// Decodes one training sentence of `n` words and, where the beam's best prefix beats the gold one by the
    /// most, rewards the gold prefix's moves and penalises the predicted prefix's. Returns the
    /// number of steps after which the best prefix was gold, and the number of steps.
    pub fn train(
        &mut self,
        trainer: &mut Trainer,
        extractor: &Extractor<'_>,
        n: usize,
        gold: &[Move],
        width: usize,
        root_label: u16,
    ) -> (usize, usize) {
        self.search(trainer, extractor, n, Limit { width, margin: f64::INFINITY }, root_label, gold);
        let right = self.tops.iter().filter(|t| t.gold).count();
        let total = self.tops.len();
        // The gold prefix's score after each step, under the same weights.
        let mut state = extractor.initial_state(n);
        let mut gold_score = 0.0f64;
        let mut worst: Option<(usize, f64)> = None;
        for (step, (&m, top)) in gold.iter().zip(&self.tops).enumerate() {
            self.features.clear();
            extractor.extract(&state, &mut self.features);
            self.scores.clear();
            self.scores.resize(trainer.classes(), 0.0);
            trainer.score(&self.features, &mut self.scores);
            gold_score += f64::from(self.scores.get(m.class()).copied().unwrap_or(0.0));
            state.apply(m);
            let margin = top.score - gold_score;
            if !top.gold && worst.is_none_or(|(_, w)| margin > w) {
                worst = Some((step, margin));
            }
        }
        let Some((step, _)) = worst else { return (right, total) };
        // The predicted prefix, read back from its last move.
        self.moves.clear();
        let mut link = self.tops[step].last;
        while let Some(l) = self.history.get(link as usize) {
            self.moves.push(Move::of_class(usize::from(l.class)));
            link = l.parent;
        }
        self.moves.reverse();
        let prefix = &gold[..=step];
        let shared = prefix.iter().zip(&self.moves).take_while(|(g, p)| g == p).count();
        let mut common = extractor.initial_state(n);
        for &m in &prefix[..shared] {
            common.apply(m);
        }
        for (moves, delta) in [(prefix, 1.0f32), (&self.moves[..], -1.0)] {
            let mut state = common.clone();
            for &m in moves.iter().skip(shared) {
                self.features.clear();
                extractor.extract(&state, &mut self.features);
                trainer.adjust(&self.features, m.class(), delta);
                state.apply(m);
            }
        }
        (right, total)
    }
}
