//! Parser features: words, tags, children, labels, distance and valency around the stack top and
//! the buffer front (after Zhang & Nivre 2011, adapted to the arc-hybrid system, where the
//! word under the stack top is the other candidate head), and the supertags the parser's
//! supertagger guessed for the two stack words and the two buffer words, alone and in pairs.
//!
//! Measured and not kept: the buffer front's leftmost child (a preposition) conjoined with the
//! words of both candidate heads, the classic PP-attachment tuple, made the model larger and
//! worse (EWT dev UAS 85.82 against 86.00, test 86.36 against 86.65); a third lookahead word
//! and the count of words left were no better on a greedy parser, nor was a signature of each
//! word (its shape and last three letters) for the stack top and the buffer front, meant for
//! unknown words (greedy, gold tags: EWT dev 87.86 against 87.87).

use super::state::{State, TagChoice, NONE};
use crate::hash::combine;

/// The per-word inputs of the parser: hashes of the lowercase form and of the POS tag.
#[derive(Debug, Clone, Copy)]
pub struct Input {
    /// Hash of the lowercase word form.
    pub word: u64,
    /// Hash of the XPOS tag.
    pub tag: u64,
    /// Hash of the runner-up XPOS tag, where the tagger offered one (see [`TagChoice`]).
    pub alt: u64,
    /// Hash of the word's supertag as the parser's supertagger guessed it (its relation and
    /// the side of its head).
    pub supertag: u64,
}

/// What stands at one position of a configuration.
#[derive(Clone, Copy)]
struct Slot {
    supertag: u64,
    word: u64,
    tag: u64,
    label: u64,
}

const ABSENT: Slot = Slot { supertag: 0xa4, word: 0xa0, tag: 0xa1, label: 0xa2 };

/// Feature extractor over a sentence's inputs; the last input is the root.
pub struct Extractor<'a> {
    inputs: &'a [Input],
}

/// The runner-up hash of a word the tagger offered no runner-up for.
pub const NO_RUNNER_UP: u64 = 0;

impl<'a> Extractor<'a> {
    /// An extractor for `inputs` (one per word, then one for the root).
    pub fn new(inputs: &'a [Input]) -> Self {
        Self { inputs }
    }

    /// The initial configuration for the first `n` inputs, with their runner-up tags on offer.
    pub fn initial_state(&self, n: usize) -> State {
        let mut state = State::new(n);
        self.restart(&mut state, n);
        state
    }

    /// Makes `state` the initial configuration for the first `n` inputs, reusing its buffers.
    pub fn restart(&self, state: &mut State, n: usize) {
        state.reset(n);
        state.offer_runner_ups(|w| self.inputs.get(w).is_some_and(|i| i.alt != NO_RUNNER_UP));
    }

    fn slot(&self, state: &State, w: u32) -> Slot {
        if w == NONE {
            return ABSENT;
        }
        let Some(input) = self.inputs.get(w as usize) else { return ABSENT };
        let label = if state.heads.get(w as usize).is_some_and(|h| *h != NONE) {
            u64::from(state.labels[w as usize])
        } else {
            0xa3
        };
        let tag =
            if state.tags.get(w as usize) == Some(&TagChoice::RunnerUp) { input.alt } else { input.tag };
        Slot { supertag: input.supertag, word: input.word, tag, label }
    }

    fn child(&self, state: &State, w: u32, side: usize, k: usize) -> Slot {
        if w == NONE {
            return ABSENT;
        }
        let c = &state.children[w as usize];
        self.slot(state, if side == 0 { c.left[k] } else { c.right[k] })
    }

    /// Writes the features of `state` into `out`.
    pub fn extract(&self, state: &State, out: &mut Vec<u64>) {
        let (s0w, s1w, s2w) = (state.stack_at(0), state.stack_at(1), state.stack_at(2));
        let (b0w, b1w, b2w) = (state.buffer_at(0), state.buffer_at(1), state.buffer_at(2));
        let s0 = self.slot(state, s0w);
        let s1 = self.slot(state, s1w);
        let s2 = self.slot(state, s2w);
        let b0 = self.slot(state, b0w);
        let b1 = self.slot(state, b1w);
        let b2 = self.slot(state, b2w);
        let s0l1 = self.child(state, s0w, 0, 0);
        let s0l2 = self.child(state, s0w, 0, 1);
        let s0r1 = self.child(state, s0w, 1, 0);
        let s0r2 = self.child(state, s0w, 1, 1);
        let s1l1 = self.child(state, s1w, 0, 0);
        let s1r1 = self.child(state, s1w, 1, 0);
        let b0l1 = self.child(state, b0w, 0, 0);
        let b0l2 = self.child(state, b0w, 0, 1);
        let distance = |a: u32, b: u32| -> u64 {
            if a == NONE || b == NONE {
                return 99;
            }
            match a.abs_diff(b) {
                d @ 0..=4 => u64::from(d),
                5..=9 => 5,
                _ => 6,
            }
        };
        let d0 = distance(s0w, b0w);
        let d1 = distance(s1w, s0w);
        let valency = |w: u32, side: usize| -> u64 {
            if w == NONE {
                99
            } else {
                u64::from(state.children[w as usize].count[side].min(4))
            }
        };
        let label_set = |w: u32, side: usize| -> u64 {
            if w == NONE {
                99
            } else {
                state.children[w as usize].labels[side]
            }
        };

        let mut t: u64 = 0;
        let mut push = |value: u64| {
            t += 1;
            out.push(combine(t, value));
        };
        let c2 = combine;
        let c3 = |a, b, c| combine(a, combine(b, c));
        // Single positions.
        push(s0.word);
        push(s0.tag);
        push(c2(s0.word, s0.tag));
        push(s1.word);
        push(s1.tag);
        push(c2(s1.word, s1.tag));
        push(s2.tag);
        push(b0.word);
        push(b0.tag);
        push(c2(b0.word, b0.tag));
        push(b1.word);
        push(b1.tag);
        push(c2(b1.word, b1.tag));
        push(b2.tag);
        // Pairs: the stack top with its two candidate heads.
        push(c2(c2(s0.word, s0.tag), c2(b0.word, b0.tag)));
        push(c3(s0.word, s0.tag, b0.word));
        push(c3(s0.word, b0.word, b0.tag));
        push(c3(s0.word, s0.tag, b0.tag));
        push(c3(s0.tag, b0.word, b0.tag));
        push(c2(s0.word, b0.word));
        push(c2(s0.tag, b0.tag));
        push(c2(c2(s1.word, s1.tag), c2(s0.word, s0.tag)));
        push(c3(s1.word, s1.tag, s0.tag));
        push(c3(s1.tag, s0.word, s0.tag));
        push(c2(s1.word, s0.word));
        push(c2(s1.tag, s0.tag));
        push(c2(b0.tag, b1.tag));
        // Tag triples.
        push(c3(b0.tag, b1.tag, b2.tag));
        push(c3(s0.tag, b0.tag, b1.tag));
        push(c3(s1.tag, s0.tag, b0.tag));
        push(c3(s2.tag, s1.tag, s0.tag));
        push(c3(s0.tag, s0l1.tag, b0.tag));
        push(c3(s0.tag, s0r1.tag, b0.tag));
        push(c3(s0.tag, b0.tag, b0l1.tag));
        push(c3(s1.tag, s0.tag, s0l1.tag));
        push(c3(s1.tag, s0.tag, s0r1.tag));
        push(c3(s1.tag, s1r1.tag, s0.tag));
        push(c3(s1.tag, s1l1.tag, s0.tag));
        // Coordination: conjuncts tend to share their form, so a word after the next one that
        // matches the word under the stack top says the stack top's phrase is complete.
        push(c3(s1.tag, s0.tag, b1.tag));
        push(c3(s1.tag, b0.tag, b1.tag));
        push(c3(s0.tag, b0.word, b1.tag));
        push(c2(c3(s1.tag, b0.word, b1.tag), s0.tag));
        // Distance.
        push(c2(s0.word, d0));
        push(c2(s0.tag, d0));
        push(c2(b0.word, d0));
        push(c2(b0.tag, d0));
        push(c3(s0.tag, b0.tag, d0));
        push(c3(s1.tag, s0.tag, d1));
        push(c2(c2(s1.word, s0.word), d1));
        // Valency.
        push(c2(s0.word, valency(s0w, 1)));
        push(c2(s0.tag, valency(s0w, 1)));
        push(c2(s0.word, valency(s0w, 0)));
        push(c2(s0.tag, valency(s0w, 0)));
        push(c2(s1.tag, valency(s1w, 1)));
        push(c2(b0.word, valency(b0w, 0)));
        push(c2(b0.tag, valency(b0w, 0)));
        // Children.
        for c in [s0l1, s0r1, b0l1, s1r1] {
            push(c.word);
            push(c.tag);
            push(c.label);
        }
        for c in [s0l2, s0r2, b0l2] {
            push(c.tag);
            push(c.label);
        }
        push(c3(s0.tag, s0l1.tag, s0l2.tag));
        push(c3(s0.tag, s0r1.tag, s0r2.tag));
        push(c3(b0.tag, b0l1.tag, b0l2.tag));
        push(c3(s0.tag, s0l1.label, s0r1.label));
        push(c3(s1.tag, s1r1.label, s0.tag));
        // Label sets.
        push(c2(s0.word, label_set(s0w, 1)));
        push(c2(s0.tag, label_set(s0w, 1)));
        push(c2(s0.word, label_set(s0w, 0)));
        push(c2(s0.tag, label_set(s0w, 0)));
        push(c2(b0.word, label_set(b0w, 0)));
        push(c2(b0.tag, label_set(b0w, 0)));
        push(c2(s1.tag, label_set(s1w, 1)));
        // Supertags.
        push(s0.supertag);
        push(b0.supertag);
        push(s1.supertag);
        push(b1.supertag);
        push(c2(s0.supertag, b0.supertag));
        push(c2(s1.supertag, s0.supertag));
        push(c3(s0.supertag, b0.supertag, b1.supertag));
        // Bias.
        push(1);
        // Runner-up tags on offer (last, as only some states have them): when to take one.
        let offered = |w: u32| state.tags.get(w as usize) == Some(&TagChoice::First);
        let alt = |w: u32| self.inputs.get(w as usize).map_or(NO_RUNNER_UP, |i| i.alt);
        if offered(b0w) {
            let b0alt = alt(b0w);
            push(c2(b0.tag, b0alt));
            push(c3(b0.tag, b0alt, b0.word));
            push(c3(b0.tag, b0alt, s0.tag));
            push(c3(b0.tag, b0alt, b1.tag));
            push(c2(c2(b0.tag, b0alt), c2(s0.tag, b1.tag)));
            push(c3(b0.tag, b0alt, s0.word));
            // Conjuncts share their tag: the candidates against the two words that may head
            // the coordination, and against the word's own left child (a conjunction, an
            // auxiliary).
            push(c3(b0.tag, b0alt, s1.tag));
            push(c2(c2(b0.tag, b0alt), c2(s0.tag, s1.tag)));
            push(c3(b0.tag, b0alt, b0l1.tag));
        }
    }
}
