//! The meaning layer of dyad: what the analysed text says about amounts (and, to come, times,
//! entities and events), each with the byte offsets of the words that say it.
//!
//! [`number`] reads English numbers (digits, words, scales, vague quantities); [`money`] finds
//! amounts of money, percentages and counts of people built on them.

pub mod money;
pub mod number;
