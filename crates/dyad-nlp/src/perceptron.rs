//! A sparse multiclass averaged perceptron over hashed features.
//!
//! Training keeps, for each feature, only the classes it was ever updated for, with the lazy
//! timestamps of Collins-style averaging. [`Trainer::finish`] averages, prunes near-zero weights
//! and freezes them into [`Weights`]: an open-addressing table whose slots hold a feature key and
//! the range of its weights, so a lookup touches one cache line. Model files store the features
//! in key order and the table is rebuilt on loading, always to the same layout. The tagger and
//! the parser both build on it.

use crate::binio::{ModelError, Reader, Writer};
use crate::hash::HashedMap;

/// Key 0 marks an empty slot in [`Weights`]; a feature that hashes to 0 is stored as 1.
#[inline]
fn slot_key(feature: u64) -> u64 {
    feature.max(1)
}

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
            if let Some(row) = self.rows.get(&slot_key(*f)) {
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
            let row = self.rows.entry(slot_key(*f)).or_default();
            Self::nudge(row, truth as u16, 1.0, self.step);
            Self::nudge(row, guess as u16, -1.0, self.step);
        }
    }

    /// Adds `delta` to the weight of `class` on each of `features`: one half of a structured
    /// update, where the gold and the predicted sequences are rewarded and penalised step by step.
    pub fn adjust(&mut self, features: &[u64], class: usize, delta: f32) {
        for f in features {
            let row = self.rows.entry(slot_key(*f)).or_default();
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
        let now = self.step.max(1);
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = self
            .rows
            .into_iter()
            .filter_map(|(key, row)| {
                let mut kept: Vec<(u16, f32)> = row
                    .iter()
                    .map(|e| {
                        let total = e.total + f64::from(e.weight) * (now - e.stamp) as f64;
                        (e.class, (total / now as f64) as f32)
                    })
                    .filter(|(_, w)| w.abs() >= prune)
                    .collect();
                kept.sort_by_key(|(c, _)| *c);
                (!kept.is_empty()).then_some((key, kept))
            })
            .collect();
        rows.sort_by_key(|(k, _)| *k);
        Weights::build(self.classes, rows)
    }
}

/// One slot of the open-addressing table: a feature and the range of its weights. Key and range
/// sit together so that a lookup touches one cache line.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    end: u32,
}

/// One weight of a feature: the class it votes for, and how much.
#[derive(Debug, Clone, Copy)]
struct Vote {
    class: u16,
    weight: f32,
}

/// Frozen, averaged weights: what a trained model carries.
#[derive(Debug, Clone)]
pub struct Weights {
    classes: usize,
    mask: usize,
    slots: Vec<Slot>,
    votes: Vec<Vote>,
}

impl Weights {
    /// Builds weights from rows sorted by feature key.
    fn build(classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Self {
        let keys = rows.iter().map(|(k, _)| *k).collect();
        let counts = rows.iter().map(|(_, r)| r.len() as u32).collect();
        let votes =
            rows.into_iter().flat_map(|(_, r)| r).map(|(class, weight)| Vote { class, weight }).collect();
        Self::from_columns(classes, keys, counts, votes)
    }

    /// Builds the table from feature keys in increasing order, each with `counts[i]` of the
    /// `votes` in turn. Inserting in key order makes the layout, and so the model, deterministic.
    fn from_columns(classes: usize, keys: Vec<u64>, counts: Vec<u32>, votes: Vec<Vote>) -> Self {
        let capacity = (keys.len() * 2).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut slots = vec![Slot::default(); capacity];
        let mut start = 0u32;
        for (&key, &count) in keys.iter().zip(&counts) {
            let mut i = (key as usize) & mask;
            while slots[i].key != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot { key, start, end: start.saturating_add(count) };
            start = start.saturating_add(count);
        }
        Self { classes, mask, slots, votes }
    }

    /// The occupied slots in increasing key order.
    fn rows(&self) -> Vec<Slot> {
        let mut rows: Vec<Slot> = self.slots.iter().filter(|s| s.key != 0).copied().collect();
        rows.sort_unstable_by_key(|s| s.key);
        rows
    }

    /// The same weights without those smaller than `threshold` in magnitude (and without the
    /// features left empty): a smaller model that loads faster. Equal to training with
    /// [`Trainer::finish`]`(threshold)`.
    pub fn pruned(&self, threshold: f32) -> Weights {
        let rows = self
            .rows()
            .into_iter()
            .filter_map(|s| {
                let kept: Vec<(u16, f32)> = self.votes[s.start as usize..s.end as usize]
                    .iter()
                    .filter(|v| v.weight.abs() >= threshold)
                    .map(|v| (v.class, v.weight))
                    .collect();
                (!kept.is_empty()).then_some((s.key, kept))
            })
            .collect();
        Weights::build(self.classes, rows)
    }

    /// Number of output classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with at least one weight.
    pub fn features(&self) -> usize {
        self.slots.iter().filter(|s| s.key != 0).count()
    }

    /// Adds the weights of `features` to `scores` (one slot per class).
    ///
    /// Lookups are cache misses in a large table, so they run in passes over a batch of
    /// features: first the home slots of all of them are read (independent loads whose misses
    /// overlap), then the first weight of each row is touched, and only then are probes resolved
    /// and weights added, in feature order (the sums are the same as one feature at a time).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        const BATCH: usize = 32;
        let mut home = [Slot::default(); BATCH];
        for batch in features.chunks(BATCH) {
            for (f, h) in batch.iter().zip(&mut home) {
                *h = self.slots[(slot_key(*f) as usize) & self.mask];
            }
            let mut touched = 0.0f32;
            for h in &home[..batch.len()] {
                if let Some(v) = self.votes.get(h.start as usize) {
                    touched += v.weight;
                }
            }
            std::hint::black_box(touched);
            for (f, h) in batch.iter().zip(&home) {
                let key = slot_key(*f);
                let row = if h.key == key {
                    self.votes.get(h.start as usize..h.end as usize)
                } else if h.key == 0 {
                    None
                } else {
                    self.row(key)
                };
                for v in row.unwrap_or(&[]) {
                    if let Some(s) = scores.get_mut(usize::from(v.class)) {
                        *s += v.weight;
                    }
                }
            }
        }
    }

    #[inline]
    fn row(&self, key: u64) -> Option<&[Vote]> {
        let mut i = (key as usize) & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return self.votes.get(slot.start as usize..slot.end as usize);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Appends the weights to a model file: the features in key order, then how many weights
    /// each has, then their classes, then their values, each as one array (columns compress
    /// better than rows). The table itself is rebuilt on loading.
    pub fn write(&self, w: &mut Writer) {
        let rows = self.rows();
        w.len(self.classes);
        w.len(rows.len());
        for s in &rows {
            w.u64(s.key);
        }
        for s in &rows {
            w.len((s.end - s.start) as usize);
        }
        for s in &rows {
            for v in &self.votes[s.start as usize..s.end as usize] {
                w.raw(&v.class.to_le_bytes());
            }
        }
        for s in &rows {
            for v in &self.votes[s.start as usize..s.end as usize] {
                w.f32(v.weight);
            }
        }
    }

    /// Reads weights written by [`Weights::write`], checking keys, counts and classes.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let classes = r.u32("weights: class count")? as usize;
        let features = r.len(12, "weights: feature count")?;
        let keys = read_array(r, features, "weights: keys", u64::from_le_bytes)?;
        if keys.first() == Some(&0) || keys.windows(2).any(|k| k[0] >= k[1]) {
            return Err(ModelError::Corrupt("weights: feature keys not increasing".into()));
        }
        let counts = read_array(r, features, "weights: counts", u32::from_le_bytes)?;
        let total = counts.iter().try_fold(0u32, |sum, c| sum.checked_add(*c));
        let total = total.ok_or_else(|| ModelError::Corrupt("weights: too many weights".into()))? as usize;
        let classes_of = read_array(r, total, "weights: classes", u16::from_le_bytes)?;
        if classes_of.iter().any(|c| *c as usize >= classes) {
            return Err(ModelError::Corrupt("weights: class index out of range".into()));
        }
        let values = read_array(r, total, "weights: values", f32::from_le_bytes)?;
        let votes =
            classes_of.into_iter().zip(values).map(|(class, weight)| Vote { class, weight }).collect();
        Ok(Self::from_columns(classes, keys, counts, votes))
    }
}

fn read_array<T, const N: usize>(
    r: &mut Reader<'_>,
    n: usize,
    what: &'static str,
    decode: impl Fn([u8; N]) -> T,
) -> Result<Vec<T>, ModelError> {
    let bytes = r.raw(n.checked_mul(N).ok_or(ModelError::Truncated(what))?, what)?;
    Ok(bytes
        .chunks_exact(N)
        .map(|c| {
            let mut a = [0u8; N];
            a.copy_from_slice(c);
            decode(a)
        })
        .collect())
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
}
