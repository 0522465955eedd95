//! The arc-hybrid transition system: a stack, a buffer ending in the root, and the arcs so far.
//!
//! Words are numbered `0..n`; the root is `n` and sits at the end of the buffer. `SHIFT` moves
//! the buffer front onto the stack; `LEFT(l)` makes the buffer front the head of the stack top
//! and pops it; `RIGHT(l)` makes the word under the stack top its head and pops it. The root
//! takes exactly one dependent, and only when it is the last word left on the stack, so every
//! parse is a single tree.
//!
//! Where the tagger hesitated it offers a runner-up tag; `SHIFT-ALT` shifts such a word with
//! its runner-up tag instead of its first, so tagging and parsing are decided together.

/// No word: a missing head or an empty position.
pub const NONE: u32 = u32::MAX;

/// A transition as the classifier sees it: class 0 is SHIFT, 1 is SHIFT-ALT, `2 + 2l` is LEFT
/// with label `l`, `3 + 2l` is RIGHT with label `l`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer front, keeping its first tag.
    Shift,
    /// Push the buffer front, taking its runner-up tag.
    ShiftAlt,
    /// Buffer front becomes head of the stack top, with this label.
    Left(u16),
    /// The word under the stack top becomes its head, with this label.
    Right(u16),
}

/// Classes that are not arcs: SHIFT and SHIFT-ALT.
pub const SHIFTS: usize = 2;

impl Move {
    /// The classifier class of this move.
    pub fn class(self) -> usize {
        match self {
            Move::Shift => 0,
            Move::ShiftAlt => 1,
            Move::Left(l) => SHIFTS + 2 * usize::from(l),
            Move::Right(l) => SHIFTS + 1 + 2 * usize::from(l),
        }
    }

    /// The move of a classifier class.
    pub fn of_class(class: usize) -> Self {
        match class {
            0 => Move::Shift,
            1 => Move::ShiftAlt,
            c if c % 2 == 0 => Move::Left(((c - SHIFTS) / 2) as u16),
            c => Move::Right(((c - SHIFTS - 1) / 2) as u16),
        }
    }
}

/// What a word's tag is to the parser: its first tag with no runner-up offered, its first tag
/// with one offered, or the runner-up taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagChoice {
    /// The tagger's tag, no alternative.
    Only,
    /// The tagger's tag, the runner-up not (yet) taken.
    First,
    /// The runner-up, taken by SHIFT-ALT.
    RunnerUp,
}

/// The children of a word that features look at, and its label sets.
#[derive(Debug, Clone, Copy)]
pub struct Children {
    /// Leftmost and second-leftmost left children.
    pub left: [u32; 2],
    /// Rightmost and second-rightmost right children.
    pub right: [u32; 2],
    /// Numbers of left and right children.
    pub count: [u16; 2],
    /// Bit sets of the labels of left and right children (label index modulo 64).
    pub labels: [u64; 2],
}

impl Default for Children {
    fn default() -> Self {
        Self { left: [NONE; 2], right: [NONE; 2], count: [0; 2], labels: [0; 2] }
    }
}

/// A parser configuration.
#[derive(Debug, Clone)]
pub struct State {
    /// Number of words (the root is word `n`).
    pub n: u32,
    /// The stack, top last.
    pub stack: Vec<u32>,
    /// The buffer front; the buffer is `front..=n`.
    pub front: u32,
    /// Head of each word, `NONE` while unattached; the root's dependent has head `n`.
    pub heads: Vec<u32>,
    /// Label of each word's arc.
    pub labels: Vec<u16>,
    /// Children of each word and of the root (index `n`).
    pub children: Vec<Children>,
    /// Each word's tag as the parser has it.
    pub tags: Vec<TagChoice>,
}

impl State {
    /// The initial configuration for `n` words.
    pub fn new(n: usize) -> Self {
        let n32 = u32::try_from(n).unwrap_or(u32::MAX - 1);
        Self {
            n: n32,
            stack: Vec::with_capacity(n.min(1 << 16)),
            front: 0,
            heads: vec![NONE; n],
            labels: vec![0; n],
            children: vec![Children::default(); n + 1],
            tags: vec![TagChoice::Only; n],
        }
    }

    /// Offers the runner-up tag of the words `offered` says have one (SHIFT-ALT may take it).
    pub fn offer_runner_ups(&mut self, offered: impl Fn(usize) -> bool) {
        for (w, tag) in self.tags.iter_mut().enumerate() {
            *tag = if offered(w) { TagChoice::First } else { TagChoice::Only };
        }
    }

    /// Makes this the initial configuration for `n` words, reusing its buffers.
    pub fn reset(&mut self, n: usize) {
        self.n = u32::try_from(n).unwrap_or(u32::MAX - 1);
        self.stack.clear();
        self.front = 0;
        self.heads.clear();
        self.heads.resize(n, NONE);
        self.labels.clear();
        self.labels.resize(n, 0);
        self.children.clear();
        self.children.resize(n + 1, Children::default());
        self.tags.clear();
        self.tags.resize(n, TagChoice::Only);
    }

    /// Makes this a copy of `other`, reusing its buffers (unlike `clone`).
    pub fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.stack.clone_from(&other.stack);
        self.front = other.front;
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.children.clone_from(&other.children);
        self.tags.clone_from(&other.tags);
    }

    /// Whether parsing is finished.
    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.front >= self.n
    }

    /// The `k`-th word from the stack top (0 = top), or `NONE`.
    #[inline]
    pub fn stack_at(&self, k: usize) -> u32 {
        self.stack.len().checked_sub(k + 1).map_or(NONE, |i| self.stack[i])
    }

    /// The `k`-th word of the buffer (0 = front; the root counts), or `NONE`.
    #[inline]
    pub fn buffer_at(&self, k: u32) -> u32 {
        let i = self.front.saturating_add(k);
        if i <= self.n {
            i
        } else {
            NONE
        }
    }

    /// Whether `m` can be applied; `root_label` is the only label allowed on the root's arc.
    pub fn is_valid(&self, m: Move, root_label: u16) -> bool {
        match m {
            Move::Shift => self.front < self.n,
            Move::ShiftAlt => self.tags.get(self.front as usize) == Some(&TagChoice::First),
            Move::Left(l) => {
                !self.stack.is_empty()
                    && if self.front == self.n {
                        self.stack.len() == 1 && l == root_label
                    } else {
                        l != root_label
                    }
            }
            Move::Right(l) => self.stack.len() >= 2 && l != root_label,
        }
    }

    /// Applies a valid move.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift | Move::ShiftAlt => {
                if m == Move::ShiftAlt {
                    if let Some(tag) = self.tags.get_mut(self.front as usize) {
                        *tag = TagChoice::RunnerUp;
                    }
                }
                self.stack.push(self.front);
                self.front += 1;
            }
            Move::Left(l) => {
                if let Some(dependent) = self.stack.pop() {
                    self.attach(self.front, dependent, l);
                }
            }
            Move::Right(l) => {
                if let Some(dependent) = self.stack.pop() {
                    if let Some(&head) = self.stack.last() {
                        self.attach(head, dependent, l);
                    }
                }
            }
        }
    }

    fn attach(&mut self, head: u32, dependent: u32, label: u16) {
        self.heads[dependent as usize] = head;
        self.labels[dependent as usize] = label;
        let c = &mut self.children[head as usize];
        let side = usize::from(dependent > head);
        c.count[side] = c.count[side].saturating_add(1);
        c.labels[side] |= 1u64 << (label % 64);
        // Left children arrive right to left, right children left to right: the newest is
        // always the outermost.
        let slot = if side == 0 { &mut c.left } else { &mut c.right };
        slot[1] = slot[0];
        slot[0] = dependent;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_and_keeps_the_root_single() {
        // "Russia vowed ties": vowed is root, Russia and ties its dependents.
        let root = 0;
        let mut s = State::new(3);
        s.apply(Move::Shift);
        assert!(!s.is_valid(Move::Right(1), root), "RIGHT needs two stack words");
        s.apply(Move::Left(1)); // vowed → Russia
        s.apply(Move::Shift);
        s.apply(Move::Shift);
        assert!(s.is_valid(Move::Right(2), root));
        s.apply(Move::Right(2)); // vowed → ties
        assert!(!s.is_valid(Move::Shift, root), "nothing left to shift");
        assert!(!s.is_valid(Move::Left(1), root), "only the root label goes to the root");
        s.apply(Move::Left(root));
        assert!(s.is_terminal());
        assert_eq!(s.heads, [1, 3, 1]);
        assert_eq!(s.children[1].left[0], 0);
        assert_eq!(s.children[1].right[0], 2);
        assert!(!s.is_valid(Move::ShiftAlt, root), "no runner-up offered");
        for class in 0..7 {
            assert_eq!(Move::of_class(class).class(), class);
        }
    }
}
