//! The dynamic oracle of the arc-hybrid system (Goldberg & Nivre 2013): for any configuration,
//! how many arcs of the gold tree each move makes unreachable. Training follows the cheapest
//! moves, and may follow its own mistakes, learning to recover from them. Shifting a word with
//! the wrong one of its offered tags costs one, like a wrong label.

use super::state::{Move, State, NONE, SHIFTS};

/// A gold tree: the head of each word (`n` for the root) and its label.
#[derive(Debug, Clone, Copy)]
pub struct Gold<'a> {
    /// Gold head per word.
    pub heads: &'a [u32],
    /// Gold label per word.
    pub labels: &'a [u16],
    /// Per word, whether the tagger offered a runner-up tag and, if so, whether the runner-up
    /// (not its first tag) is the right one; empty when no word has a runner-up.
    pub runner_ups: &'a [Option<bool>],
}

impl Gold<'_> {
    /// Whether word `w` should be shifted with its runner-up tag.
    fn takes_runner_up(&self, w: u32) -> bool {
        self.runner_ups.get(w as usize) == Some(&Some(true))
    }
}

/// The gold arcs that would be lost by SHIFT, LEFT and RIGHT, before labels.
#[derive(Debug, Clone, Copy)]
pub struct Costs {
    shift: u32,
    left: u32,
    right: u32,
    s0: u32,
    s1: u32,
}

impl Costs {
    /// Computes the costs in `state` (linear in the sentence length).
    pub fn of(state: &State, gold: Gold<'_>) -> Self {
        let (s0, s1, front) = (state.stack_at(0), state.stack_at(1), state.front);
        let head = |w: u32| gold.heads.get(w as usize).copied().unwrap_or(NONE);
        let dependents_in_buffer = |w: u32| (front..state.n).filter(|&d| head(d) == w).count() as u32;
        let mut shift = 0;
        if front < state.n {
            let below_top = &state.stack[..state.stack.len().saturating_sub(1)];
            shift += u32::from(below_top.contains(&head(front)));
            shift += state.stack.iter().filter(|&&d| head(d) == front).count() as u32;
        }
        let (mut left, mut right) = (0, 0);
        if s0 != NONE {
            let s0_deps = dependents_in_buffer(s0);
            let h = head(s0);
            left = s0_deps + u32::from(h != NONE && ((s1 != NONE && h == s1) || (h > front && h <= state.n)));
            right = s0_deps + u32::from(h != NONE && h >= front && h <= state.n);
        }
        Self { shift, left, right, s0, s1 }
    }

    /// The cost of a labelled move: an arc (LEFT or RIGHT) to the gold head with the wrong label
    /// costs one more.
    pub fn of_move(&self, m: Move, front: u32, gold: Gold<'_>) -> u32 {
        let gold_label = |w: u32| gold.labels.get(w as usize).copied();
        let gold_head = |w: u32| gold.heads.get(w as usize).copied();
        match m {
            Move::Shift => self.shift + u32::from(gold.takes_runner_up(front)),
            Move::ShiftAlt => self.shift + u32::from(!gold.takes_runner_up(front)),
            Move::Left(l) => {
                self.left + u32::from(gold_head(self.s0) == Some(front) && gold_label(self.s0) != Some(l))
            }
            Move::Right(l) => {
                self.right + u32::from(gold_head(self.s0) == Some(self.s1) && gold_label(self.s0) != Some(l))
            }
        }
    }
}

/// The reference transition sequence of a tree for global training: from `start`, the
/// sentence's initial configuration (with its runner-up tags on offer), always the cheapest
/// valid move, arcs before shifts and lower classes first.
/// For a projective tree it rebuilds the tree (and picks the right offered tags) exactly;
/// otherwise, the closest projective tree.
pub fn sequence(gold: Gold<'_>, start: State, root_label: u16, classes: usize) -> Vec<Move> {
    let n = gold.heads.len();
    let mut state = start;
    let mut moves = Vec::with_capacity(2 * n);
    while !state.is_terminal() {
        let costs = Costs::of(&state, gold);
        let best = (SHIFTS..classes)
            .chain(0..SHIFTS)
            .map(Move::of_class)
            .filter(|m| state.is_valid(*m, root_label))
            .min_by_key(|m| costs.of_move(*m, state.front, gold));
        let Some(m) = best else { break };
        state.apply(m);
        moves.push(m);
    }
    moves
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following zero-cost moves from the start reaches the gold tree exactly.
    #[test]
    fn zero_cost_moves_rebuild_a_projective_tree() {
        // "The presidents of Russia vowed": the→presidents, presidents→vowed, of→Russia,
        // Russia→presidents, vowed→root. Labels 0 = root, 1.. others.
        let heads = [1u32, 4, 3, 1, 5];
        let labels = [1u16, 2, 3, 4, 0];
        let gold = Gold { heads: &heads, labels: &labels, runner_ups: &[] };
        let mut state = State::new(5);
        let mut steps = 0;
        while !state.is_terminal() && steps < 20 {
            let costs = Costs::of(&state, gold);
            let next = (0..12)
                .map(Move::of_class)
                .filter(|m| state.is_valid(*m, 0))
                .find(|m| costs.of_move(*m, state.front, gold) == 0)
                .expect("a zero-cost move exists for a projective tree");
            state.apply(next);
            steps += 1;
        }
        assert_eq!(state.heads, heads);
        assert_eq!(state.labels, labels);
    }

    /// The reference sequence has two moves per word and rebuilds a projective tree exactly.
    #[test]
    fn the_reference_sequence_rebuilds_a_projective_tree() {
        let heads = [1u32, 4, 3, 1, 5];
        let labels = [1u16, 2, 3, 4, 0];
        let gold = Gold { heads: &heads, labels: &labels, runner_ups: &[] };
        let moves = sequence(gold, State::new(5), 0, 12);
        assert_eq!(moves.len(), 10);
        let mut state = State::new(5);
        for m in moves {
            state.apply(m);
        }
        assert!(state.is_terminal());
        assert_eq!(state.heads, heads);
        assert_eq!(state.labels, labels);
    }

    #[test]
    fn a_wrong_attachment_has_a_cost() {
        let heads = [1u32, 2];
        let labels = [1u16, 0];
        let gold = Gold { heads: &heads, labels: &labels, runner_ups: &[] };
        let mut state = State::new(2);
        state.apply(Move::Shift);
        let costs = Costs::of(&state, gold);
        assert_eq!(costs.of_move(Move::Left(1), state.front, gold), 0);
        assert_eq!(costs.of_move(Move::Left(2), state.front, gold), 1, "wrong label");
        assert_eq!(costs.of_move(Move::Shift, state.front, gold), 1, "0 could no longer take 1 as head");
    }

    /// The reference sequence takes a runner-up tag exactly where it is the right one.
    #[test]
    fn the_reference_sequence_takes_the_right_offered_tags() {
        let heads = [1u32, 3, 1];
        let labels = [1u16, 0, 2];
        let runner_ups = [Some(true), None, Some(false)];
        let gold = Gold { heads: &heads, labels: &labels, runner_ups: &runner_ups };
        let offered = || {
            let mut state = State::new(3);
            state.offer_runner_ups(|w| runner_ups[w].is_some());
            state
        };
        let shifts: Vec<Move> = sequence(gold, offered(), 0, 8)
            .into_iter()
            .filter(|m| matches!(m, Move::Shift | Move::ShiftAlt))
            .collect();
        assert_eq!(shifts, [Move::ShiftAlt, Move::Shift, Move::Shift]);
        let state = offered();
        let costs = Costs::of(&state, gold);
        assert_eq!(costs.of_move(Move::Shift, 0, gold), 1, "the runner-up was right");
        assert_eq!(costs.of_move(Move::ShiftAlt, 0, gold), 0);
    }
}
