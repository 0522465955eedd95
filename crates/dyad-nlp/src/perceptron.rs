//! A sparse multiclass averaged perceptron over hashed features.
//!
//! Training keeps, for each feature, only the classes it was ever updated for, with the lazy
//! timestamps of Collins-style averaging. [`Trainer::finish`] averages, prunes near-zero weights
//! and freezes them into [`Weights`]: 16-bit weights in an open-addressing table whose slots
//! hold a feature's tag and where its weights start, so a lookup touches one cache line. The
//! few features with many votes (tags and their pairs, the bias) are also kept as dense rows,
//! which are added as vectors. Model files store the sparse table as it is, so loading is a
//! sequential copy. The tagger and the parser both build on it.

use crate::binio::{ModelError, Reader, Writer};
use crate::hash::HashedMap;

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u64,
}

/// The perceptron while it learns.
pub struct Trainer {
    classes: usize,
    rows: HashedMap<Vec<Entry>>,
    step: u64,
}

impl Trainer {
    /// A trainer for `classes` output classes, all weights zero.
    pub fn new(classes: usize) -> Self {
        Self { classes, rows: HashedMap::default(), step: 0 }
    }

    /// Number of output classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the current weights of `features` to `scores` (one slot per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }

    /// Advances the averaging clock: call once per training example.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Rewards `truth` and penalises `guess` on `features` (nothing when they agree).
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for f in features {
            let row = self.rows.entry(*f).or_default();
            Self::nudge(row, truth as u16, 1.0, self.step);
            Self::nudge(row, guess as u16, -1.0, self.step);
        }
    }

    /// Adds `delta` to the weight of `class` on each of `features`: one half of a structured
    /// update, where the gold and the predicted sequences are rewarded and penalised step by step.
    pub fn adjust(&mut self, features: &[u64], class: usize, delta: f32) {
        for f in features {
            let row = self.rows.entry(*f).or_default();
            Self::nudge(row, class as u16, delta, self.step);
        }
    }

    fn nudge(row: &mut Vec<Entry>, class: u16, delta: f32, now: u64) {
        let i = match row.iter().position(|e| e.class == class) {
            Some(i) => i,
            None => {
                row.push(Entry { class, weight: 0.0, total: 0.0, stamp: now });
                row.len() - 1
            }
        };
        let e = &mut row[i];
        e.total += f64::from(e.weight) * (now - e.stamp) as f64;
        e.stamp = now;
        e.weight += delta;
    }

    /// Averages the weights over all steps, drops those smaller than `prune` in magnitude,
    /// and freezes the rest.
    pub fn finish(self, prune: f32) -> Weights {
        Self::finish_together(vec![self], prune)
    }

    /// Freezes the mean of several trainers' averaged weights (trainers of the same classes,
    /// e.g. trained on the same data in different orders): a linear model whose score is the
    /// mean of theirs, so it ranks like their ensemble at the cost of one model. Weights
    /// smaller than `prune` in magnitude after the mean are dropped. One trainer gives exactly
    /// what [`Trainer::finish`] gives.
    pub fn finish_together(trainers: Vec<Trainer>, prune: f32) -> Weights {
        let classes = trainers.first().map_or(0, |t| t.classes);
        let share = 1.0 / trainers.len().max(1) as f64;
        let mut means: HashedMap<Vec<(u16, f64)>> = HashedMap::default();
        for trainer in trainers {
            let now = trainer.step.max(1);
            for (key, row) in trainer.rows {
                let mean = means.entry(key).or_default();
                for e in row {
                    let average = (e.total + f64::from(e.weight) * (now - e.stamp) as f64) / now as f64;
                    match mean.iter_mut().find(|(class, _)| *class == e.class) {
                        Some((_, sum)) => *sum += average * share,
                        None => mean.push((e.class, average * share)),
                    }
                }
            }
        }
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = means
            .into_iter()
            .filter_map(|(key, row)| {
                let mut kept: Vec<(u16, f32)> = row
                    .into_iter()
                    .map(|(class, w)| (class, w as f32))
                    .filter(|(_, w)| w.abs() >= prune)
                    .collect();
                kept.sort_by_key(|(c, _)| *c);
                (!kept.is_empty()).then_some((key, kept))
            })
            .collect();
        rows.sort_by_key(|(k, _)| *k);
        Weights::build(classes, rows)
    }
}

/// The most classes a model may have: a vote keeps its class in 15 bits.
pub const MAX_CLASSES: usize = LAST_VOTE as usize;

/// The bit of [`Vote::class`] that marks the last vote of a feature.
const LAST_VOTE: u16 = 0x8000;

/// The bit of [`Slot::start`] that makes the rest of it a dense row's index, not a vote's.
const DENSE: u32 = 0x8000_0000;

/// One slot of the open-addressing table: the upper half of a feature's hash (0 for an empty
/// slot; the lower half chose the slot) and where the feature's votes start, or, with
/// [`DENSE`] set, which dense row holds them. Eight bytes, so a probe touches one cache line
/// and the table stays small.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    tag: u32,
    start: u32,
}

/// One weight of a feature: the class it votes for ([`LAST_VOTE`] set on a feature's last
/// vote) and the weight in units of [`Weights::step`].
#[derive(Debug, Clone, Copy)]
struct Vote {
    class: u16,
    weight: i16,
}

/// The slot tag of a feature: its upper 32 bits, never 0 (which marks an empty slot).
#[inline]
fn tag_of(feature: u64) -> u32 {
    ((feature >> 32) as u32).max(1)
}

/// Frozen, averaged weights: what a trained model carries.
///
/// Weights are quantized to 16 bits against the largest one (0.003 of a unit for the parser)
/// and a feature is known by its slot and a 32-bit tag: the model is half the size of full keys
/// and float weights, and the lookup table is its own file layout, so loading is a sequential
/// copy. A feature whose tag equals that of one already on its probe path is dropped when the
/// table is built (about one in a billion features).
#[derive(Debug, Clone)]
pub struct Weights {
    classes: usize,
    step: f32,
    mask: usize,
    slots: Vec<Slot>,
    votes: Vec<Vote>,
    /// Classes per dense row: the class count rounded up to a multiple of 8, so rows add as
    /// whole vectors.
    stride: usize,
    /// The rows of the features with many votes, one weight per class, `stride` apart. Summing
    /// them vote by vote was half of parse time (a tag pair votes for most of the 103 moves).
    dense: Vec<i16>,
    /// Where each dense row's votes start in `votes` (model files keep the sparse form).
    dense_starts: Vec<u32>,
}

impl Weights {
    /// Builds weights from averaged rows sorted by feature key; inserting in key order makes the
    /// layout, and so the model file, deterministic.
    fn build(classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Self {
        let largest = rows.iter().flat_map(|(_, r)| r).fold(0.0f32, |m, (_, w)| m.max(w.abs()));
        let step = if largest > 0.0 { largest / f32::from(i16::MAX) } else { 1.0 };
        let rows: Vec<(u64, Vec<Vote>)> = rows
            .into_iter()
            .filter_map(|(key, row)| {
                let votes: Vec<Vote> = row
                    .into_iter()
                    .map(|(class, w)| Vote { class, weight: (w / step).round() as i16 })
                    .filter(|v| v.weight != 0)
                    .collect();
                (!votes.is_empty()).then_some((key, votes))
            })
            .collect();
        let capacity = table_capacity(rows.len());
        let mask = capacity - 1;
        let mut placed: Vec<Option<usize>> = vec![None; capacity];
        let mut tags = vec![0u32; capacity];
        'rows: for (row, (key, _)) in rows.iter().enumerate() {
            let tag = tag_of(*key);
            let mut i = (*key as usize) & mask;
            while tags[i] != 0 {
                if tags[i] == tag {
                    continue 'rows;
                }
                i = (i + 1) & mask;
            }
            tags[i] = tag;
            placed[i] = Some(row);
        }
        let mut slots = vec![Slot::default(); capacity];
        let mut votes = Vec::with_capacity(rows.iter().map(|(_, r)| r.len()).sum());
        let mut wide = Vec::new();
        for (i, row) in placed.into_iter().enumerate() {
            let Some(row) = row else { continue };
            slots[i] = Slot { tag: tags[i], start: votes.len() as u32 };
            votes.extend_from_slice(&rows[row].1);
            if let Some(last) = votes.last_mut() {
                last.class |= LAST_VOTE;
            }
            if rows[row].1.len() >= dense_min_votes(classes) {
                wide.push(i);
            }
        }
        Self::with_dense_rows(classes, step, slots, votes, &wide)
    }

    /// Completes a table of sparse rows: copies the `wide` ones (slot indices, in slot order, of
    /// the rows with at least [`dense_min_votes`]) into dense rows (a vector add of a row then
    /// costs no more than its scattered votes) and points their slots there. The callers find
    /// the wide rows as they fill the table: a second pass over the slots took a fifth of a
    /// parser load.
    fn with_dense_rows(
        classes: usize,
        step: f32,
        mut slots: Vec<Slot>,
        votes: Vec<Vote>,
        wide: &[usize],
    ) -> Self {
        let stride = dense_stride(classes);
        let (mut dense, mut dense_starts) = (Vec::with_capacity(wide.len() * stride), Vec::new());
        advise_huge_pages(&dense);
        for &i in wide {
            let Some(slot) = slots.get_mut(i) else { continue };
            let row = sparse_row(&votes, slot.start as usize);
            let index = dense_starts.len();
            dense_starts.push(slot.start);
            dense.resize(dense.len() + stride, 0i16);
            for v in row {
                dense[index * stride + usize::from(v.class & !LAST_VOTE)] = v.weight;
            }
            slot.start = DENSE | index as u32;
        }
        Self { classes, step, mask: slots.len() - 1, slots, votes, stride, dense, dense_starts }
    }

    /// Number of output classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with at least one weight.
    pub fn features(&self) -> usize {
        self.slots.iter().filter(|s| s.tag != 0).count()
    }

    /// Adds the weights of `features` to `scores` (one slot per class).
    ///
    /// Lookups are cache misses in a large table, so they run in passes over a batch of
    /// features: first the home slots of all of them are read (independent loads whose misses
    /// overlap), then the first weight of each row is touched, and only then are probes resolved
    /// and weights added, in feature order (the sums are the same as one feature at a time).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        // Votes are summed as integers and scaled once per class, not once per vote.
        const SMALL: usize = 256;
        if self.stride <= SMALL {
            let mut sums = [0i32; SMALL];
            self.sum_votes(features, &mut sums);
            self.add_scaled(&sums, scores);
        } else {
            let mut sums = vec![0i32; self.stride];
            self.sum_votes(features, &mut sums);
            self.add_scaled(&sums, scores);
        }
    }

    /// Adds `sums` (in quantization steps) to `scores`.
    fn add_scaled(&self, sums: &[i32], scores: &mut [f32]) {
        for (s, v) in scores.iter_mut().zip(sums) {
            *s += *v as f32 * self.step;
        }
    }

    /// Adds the quantized votes of `features` to `sums` (one slot per class, at least
    /// `stride` slots).
    fn sum_votes(&self, features: &[u64], sums: &mut [i32]) {
        const BATCH: usize = 32;
        let mut home = [Slot::default(); BATCH];
        for batch in features.chunks(BATCH) {
            for (f, h) in batch.iter().zip(&mut home) {
                *h = self.slots[(*f as usize) & self.mask];
            }
            let mut touched = 0i32;
            for h in &home[..batch.len()] {
                touched += i32::from(self.first_weight(h.start));
            }
            std::hint::black_box(touched);
            for (f, h) in batch.iter().zip(&home) {
                let tag = tag_of(*f);
                let start = if h.tag == tag {
                    Some(h.start)
                } else if h.tag == 0 {
                    None
                } else {
                    self.find(*f, tag)
                };
                match start {
                    Some(start) if start & DENSE != 0 => self.add_dense((start & !DENSE) as usize, sums),
                    Some(start) => self.add_row(start as usize, sums),
                    None => {}
                }
            }
        }
    }

    /// Where the votes of the feature with `key` and `tag` start, probing past its home slot.
    #[inline]
    fn find(&self, key: u64, tag: u32) -> Option<u32> {
        let mut i = (key as usize) & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.tag == tag {
                return Some(slot.start);
            }
            if slot.tag == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The first weight a slot's `start` points to (0 past the end), read to bring its row
    /// into cache.
    #[inline]
    fn first_weight(&self, start: u32) -> i16 {
        if start & DENSE != 0 {
            let at = (start & !DENSE) as usize * self.stride;
            self.dense.get(at).copied().unwrap_or(0)
        } else {
            self.votes.get(start as usize).map_or(0, |v| v.weight)
        }
    }

    /// Adds dense row `index` to `sums`, one weight per class.
    #[inline]
    fn add_dense(&self, index: usize, sums: &mut [i32]) {
        let Some(row) = self.dense.get(index * self.stride..(index + 1) * self.stride) else { return };
        let Some(sums) = sums.get_mut(..self.stride) else { return };
        for (s, w) in sums.iter_mut().zip(row) {
            *s += i32::from(*w);
        }
    }

    /// Adds the votes of the row starting at `start` to `sums`.
    #[inline]
    fn add_row(&self, start: usize, sums: &mut [i32]) {
        for v in self.votes.get(start..).unwrap_or(&[]) {
            if let Some(s) = sums.get_mut(usize::from(v.class & !LAST_VOTE)) {
                *s += i32::from(v.weight);
            }
            if v.class & LAST_VOTE != 0 {
                break;
            }
        }
    }

    /// Appends the weights to a model file in the table's own layout, as columns (they compress
    /// better than rows): the step, the table size, a bitmap of the occupied slots, their tags,
    /// how many votes each has, the votes' classes, then their weights.
    pub fn write(&self, w: &mut Writer) {
        w.len(self.classes);
        w.f32(self.step);
        w.len(self.slots.len());
        let occupied: Vec<&Slot> = self.slots.iter().filter(|s| s.tag != 0).collect();
        w.len(occupied.len());
        for chunk in self.slots.chunks(64) {
            let bits = chunk.iter().enumerate().fold(0u64, |b, (i, s)| b | (u64::from(s.tag != 0) << i));
            w.u64(bits);
        }
        for s in &occupied {
            w.u32(s.tag);
        }
        for s in &occupied {
            let start = self.sparse_start(s);
            w.raw(&(sparse_row(&self.votes, start).len() as u16).to_le_bytes());
        }
        for v in &self.votes {
            w.raw(&(v.class & !LAST_VOTE).to_le_bytes());
        }
        for v in &self.votes {
            w.raw(&v.weight.to_le_bytes());
        }
    }

    /// Reads weights written by [`Weights::write`], checking the table size, the bitmap, the
    /// counts and the classes. Columns are decoded straight from the file's bytes into the
    /// table: loading touches little memory besides the model itself.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let corrupt = |what: &str| ModelError::Corrupt(format!("weights: {what}"));
        let classes = r.u32("weights: class count")? as usize;
        if classes > MAX_CLASSES {
            return Err(corrupt("too many classes"));
        }
        let step = r.f32("weights: step")?;
        if !(step.is_finite() && step > 0.0) {
            return Err(corrupt("bad weight step"));
        }
        let capacity = r.u32("weights: table size")? as usize;
        let features = r.u32("weights: feature count")? as usize;
        if capacity != table_capacity(features) {
            return Err(corrupt("table size does not fit the feature count"));
        }
        let bitmap: Vec<u64> =
            words(r.raw(capacity / 8, "weights: slot bitmap")?, u64::from_le_bytes).collect();
        if bitmap.iter().map(|b| b.count_ones() as usize).sum::<usize>() != features {
            return Err(corrupt("slot bitmap does not match the feature count"));
        }
        let tags = r.raw(features * 4, "weights: tags")?;
        let counts = r.raw(features * 2, "weights: counts")?;
        let mut total = 0usize;
        for count in words(counts, u16::from_le_bytes) {
            if count == 0 || usize::from(count) > classes {
                return Err(corrupt("a feature without votes or with too many"));
            }
            total += usize::from(count);
        }
        if total >= DENSE as usize {
            return Err(corrupt("too many votes"));
        }
        let vote_classes = r.raw(total * 2, "weights: classes")?;
        let vote_weights = r.raw(total * 2, "weights: values")?;
        let mut votes = Vec::with_capacity(total);
        advise_huge_pages(&votes);
        for (class, weight) in
            words(vote_classes, u16::from_le_bytes).zip(words(vote_weights, i16::from_le_bytes))
        {
            if usize::from(class) >= classes {
                return Err(corrupt("class index out of range"));
            }
            votes.push(Vote { class, weight });
        }
        let mut slots = Vec::with_capacity(capacity);
        advise_huge_pages(&slots);
        slots.resize(capacity, Slot::default());
        let occupied = bitmap.iter().enumerate().flat_map(|(word, &bits)| {
            std::iter::successors(Some(bits).filter(|b| *b != 0), |b| Some(b & (b - 1)).filter(|b| *b != 0))
                .map(move |b| word * 64 + b.trailing_zeros() as usize)
        });
        let mut rows = words(tags, u32::from_le_bytes).zip(words(counts, u16::from_le_bytes));
        let mut start = 0u32;
        let mut wide = Vec::new();
        for i in occupied {
            let Some((tag, count)) = rows.next().filter(|(tag, _)| *tag != 0) else {
                return Err(corrupt("an occupied slot without a tag"));
            };
            slots[i] = Slot { tag, start };
            start += u32::from(count);
            votes[start as usize - 1].class |= LAST_VOTE;
            if usize::from(count) >= dense_min_votes(classes) {
                wide.push(i);
            }
        }
        Ok(Self::with_dense_rows(classes, step, slots, votes, &wide))
    }

    /// Where the votes of an occupied slot start in `votes`, whether or not it has a dense row.
    fn sparse_start(&self, slot: &Slot) -> usize {
        if slot.start & DENSE != 0 {
            self.dense_starts.get((slot.start & !DENSE) as usize).map_or(0, |s| *s as usize)
        } else {
            slot.start as usize
        }
    }
}

/// The votes of the row starting at `start`, up to and including its last one.
fn sparse_row(votes: &[Vote], start: usize) -> &[Vote] {
    let rest = votes.get(start..).unwrap_or(&[]);
    let len = rest.iter().position(|v| v.class & LAST_VOTE != 0).map_or(rest.len(), |i| i + 1);
    &rest[..len]
}

/// Decodes `bytes` as consecutive little-endian words of `N` bytes.
fn words<'a, T: 'a, const N: usize>(
    bytes: &'a [u8],
    decode: fn([u8; N]) -> T,
) -> impl Iterator<Item = T> + 'a {
    bytes.chunks_exact(N).map(move |c| {
        let mut a = [0u8; N];
        a.copy_from_slice(c);
        decode(a)
    })
}

/// Classes per dense row: the class count rounded up to a multiple of 8, so rows add as
/// vectors.
fn dense_stride(classes: usize) -> usize {
    classes.next_multiple_of(8).max(8)
}

/// The fewest votes for which a row is also kept dense: one per 8 classes.
fn dense_min_votes(classes: usize) -> usize {
    dense_stride(classes) / 8
}

/// The table size for `features` features: a power of two at least 1.5 times as large, so
/// probes stay short, and at least 64 so the slot bitmap is whole words. Fuller tables parse
/// slower: the parser's ensemble model in a table 70% full (the next power of two at 4/3)
/// parsed news 15-20% slower than in one 35% full, for 25 ms less loading.
fn table_capacity(features: usize) -> usize {
    (features + features / 2).next_power_of_two().max(64)
}

/// The index of the highest score (the first one on ties, so results are deterministic).
#[inline]
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

/// Asks Linux to back the buffer of `v` (allocated, not yet written) with 2 MiB pages. Feature
/// lookups land at random in tables of tens of megabytes; with 4 KiB pages nearly every one
/// also misses the TLB. Advice only: where the kernel declines, nothing changes.
fn advise_huge_pages<T>(v: &Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const PAGE: usize = 4096;
        let bytes = v.capacity() * std::mem::size_of::<T>();
        if bytes < 4 << 20 {
            return;
        }
        let start = (v.as_ptr() as usize).next_multiple_of(PAGE);
        let end = (v.as_ptr() as usize + bytes) & !(PAGE - 1);
        // SAFETY: madvise reads and writes no memory; MADV_HUGEPAGE only changes how the
        // kernel backs the pages of this live allocation, which [start, end) lies within.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end.saturating_sub(start), libc::MADV_HUGEPAGE);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = v;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Learns "feature 10 → class 1, feature 20 → class 2" and survives a save/load round trip.
    #[test]
    fn learns_separable_data_and_round_trips() {
        let mut t = Trainer::new(3);
        let data = [(vec![10u64, 99], 1usize), (vec![20, 99], 2), (vec![0, 99], 0)];
        for _ in 0..5 {
            for (feats, truth) in &data {
                let mut s = vec![0.0; 3];
                t.score(feats, &mut s);
                t.update(feats, *truth, argmax(&s));
                t.tick();
            }
        }
        let weights = t.finish(0.0);
        let mut w = Writer::default();
        weights.write(&mut w);
        let loaded = Weights::read(&mut Reader::new(&w.bytes)).unwrap();
        for (feats, truth) in &data {
            let mut s = vec![0.0; 3];
            loaded.score(feats, &mut s);
            assert_eq!(argmax(&s), *truth);
        }
        assert!(Weights::read(&mut Reader::new(&w.bytes[..w.bytes.len() - 3])).is_err());
    }

    /// Trainers frozen together score the mean of their averaged weights; pruning applies to
    /// the mean, so a weight only one of two trainers holds counts half.
    #[test]
    fn trainers_frozen_together_score_their_mean() {
        let mut a = Trainer::new(2);
        a.adjust(&[5], 1, 4.0);
        a.tick();
        let mut b = Trainer::new(2);
        b.adjust(&[5], 1, 2.0);
        b.adjust(&[6], 0, 3.0);
        b.tick();
        let score = |w: &Weights, feature: u64| {
            let mut s = vec![0.0; 2];
            w.score(&[feature], &mut s);
            s
        };
        let together = Trainer::finish_together(vec![a, b], 0.0);
        let close = |x: f32, y: f32| (x - y).abs() < 1e-3;
        assert!(close(score(&together, 5)[1], 3.0), "{:?}", score(&together, 5));
        assert!(close(score(&together, 6)[0], 1.5), "{:?}", score(&together, 6));
        let mut c = Trainer::new(2);
        c.adjust(&[6], 0, 3.0);
        c.tick();
        let pruned = Trainer::finish_together(vec![c, Trainer::new(2)], 2.0);
        assert_eq!(pruned.features(), 0);
    }

    /// Trains on `data` for a few rounds and freezes the weights.
    fn trained(data: &[(Vec<u64>, usize)], classes: usize) -> Weights {
        let mut t = Trainer::new(classes);
        for _ in 0..5 {
            for (feats, truth) in data {
                let mut s = vec![0.0; classes];
                t.score(feats, &mut s);
                t.update(feats, *truth, argmax(&s));
                t.tick();
            }
        }
        t.finish(0.0)
    }

    /// Quantized weights score within one step of the trainer's averaged ones, and writing what
    /// was read gives the same bytes (the file is the table).
    #[test]
    fn quantized_weights_score_like_the_trainer_and_rewrite_identically() {
        let data: Vec<(Vec<u64>, usize)> = (0..200u64)
            .map(|i| (vec![i.wrapping_mul(0x9e37_79b9_7f4a_7c15), i % 5 + 1000, 1 << 40], (i % 5) as usize))
            .collect();
        let weights = trained(&data, 5);
        let mut w = Writer::default();
        weights.write(&mut w);
        let loaded = Weights::read(&mut Reader::new(&w.bytes)).unwrap();
        let mut again = Writer::default();
        loaded.write(&mut again);
        assert_eq!(w.bytes, again.bytes);
        assert_eq!(loaded.features(), weights.features());
        for (feats, truth) in &data {
            let mut s = vec![0.0; 5];
            loaded.score(feats, &mut s);
            assert_eq!(argmax(&s), *truth, "{feats:?}");
        }
    }

    /// A feature voting for most classes is summed from its dense row and one voting for two
    /// from its sparse votes; both give the trainer's weights, before and after a round trip.
    #[test]
    fn dense_and_sparse_rows_score_alike() {
        const CLASSES: usize = 40;
        let (dense, sparse, unknown) = (0x1234_5678_9abc_def0u64, 0x0fed_cba9_8765_4321u64, 77u64);
        let mut t = Trainer::new(CLASSES);
        for class in 0..CLASSES {
            t.adjust(&[dense], class, class as f32 - 19.5);
        }
        t.adjust(&[sparse], 3, 2.0);
        t.adjust(&[sparse], 17, -1.0);
        t.tick();
        let weights = t.finish(0.0);
        assert_eq!(weights.dense_starts.len(), 1, "one feature has a dense row");
        let mut expected: Vec<f32> = (0..CLASSES).map(|class| class as f32 - 19.5).collect();
        expected[3] += 2.0;
        expected[17] -= 1.0;
        let mut w = Writer::default();
        weights.write(&mut w);
        let loaded = Weights::read(&mut Reader::new(&w.bytes)).unwrap();
        for model in [&weights, &loaded] {
            let mut scores = vec![0.0f32; CLASSES];
            model.score(&[dense, sparse, unknown], &mut scores);
            for (class, (got, want)) in scores.iter().zip(&expected).enumerate() {
                assert!((got - want).abs() < 0.01, "class {class}: {got} vs {want}");
            }
        }
    }

    /// A damaged table (a slot bitmap that disagrees with the feature count, a class out of
    /// range) is refused with an error, not a panic.
    #[test]
    fn rejects_damaged_tables() {
        let weights = trained(&[(vec![10, 99], 1), (vec![20, 99], 2)], 3);
        let mut w = Writer::default();
        weights.write(&mut w);
        // classes, step, capacity, feature count, then the bitmap.
        let bitmap_at = 16;
        let mut bad_bitmap = w.bytes.clone();
        bad_bitmap[bitmap_at] ^= 0xff;
        assert!(Weights::read(&mut Reader::new(&bad_bitmap)).is_err());
        let mut bad_class = w.bytes.clone();
        let classes_at = w.bytes.len() - 4 * weights.votes.len();
        bad_class[classes_at] = 7;
        assert!(Weights::read(&mut Reader::new(&bad_class)).is_err());
        let mut bad_capacity = w.bytes.clone();
        bad_capacity[8] = 0x80;
        assert!(Weights::read(&mut Reader::new(&bad_capacity)).is_err());
    }
}
