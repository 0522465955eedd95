//! The meaning layer of dyad: what the analysed text says about when and how much (and, to
//! come, who and what), each with the byte offsets of the words that say it.
//!
//! [`time`] finds temporal expressions and normalises them to TimeML values against the
//! document creation time; [`number`] reads English numbers (digits, words, scales, vague
//! quantities); [`money`] finds amounts of money, percentages and counts of people built on
//! them.

pub mod entities;
pub mod money;
pub mod number;
pub mod time;
