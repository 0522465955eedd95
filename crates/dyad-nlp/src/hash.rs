//! Stable 64-bit hashing of feature strings.
//!
//! Model files store feature hashes, so the function must never change between builds or
//! platforms: it is written out here rather than borrowed from `std`, whose hasher is unspecified.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const MULTIPLIER: u64 = 0x0000_0100_0000_01b3;

/// Hashes a byte string (FNV-1a, finished with a bit mixer so nearby inputs spread).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = StreamHasher::default();
    h.write(bytes);
    h.finish()
}

/// [`hash_bytes`] fed piece by piece: the same bytes give the same hash however they are split.
#[derive(Debug, Clone, Copy)]
pub struct StreamHasher(u64);

impl Default for StreamHasher {
    fn default() -> Self {
        Self(SEED)
    }
}

impl StreamHasher {
    /// Feeds bytes.
    #[inline]
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(MULTIPLIER);
        }
    }

    /// The hash of everything fed so far.
    #[inline]
    pub fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// Combines two hashes into one, order-sensitively.
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    mix(a ^ b.rotate_left(23).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The finaliser of SplitMix64: a bijection that spreads every input bit over the output.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A hasher for keys that are already hashes: it passes them through.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by a 64-bit hash (a feature or a word), without hashing the key again.
pub type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// A deterministic pseudo-random generator (SplitMix64) for shuffling training data reproducibly.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// Shuffles a slice in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_across_builds() {
        // Model files depend on these exact values.
        assert_eq!(hash_bytes(b""), mix(SEED));
        let mut s = StreamHasher::default();
        s.write(b"Mos");
        s.write(b"cow");
        assert_eq!(s.finish(), hash_bytes(b"Moscow"));
        assert_ne!(hash_bytes(b"ab"), hash_bytes(b"ba"));
        assert_ne!(combine(1, 2), combine(2, 1));
        let mut r = SplitMix64::new(7);
        let first = r.next_u64();
        assert_eq!(SplitMix64::new(7).next_u64(), first);
    }
}
