//! The meaning layer of dyad: what the analysed text says about who, when and how much (and,
//! to come, what), each with the byte offsets of the words that say it.
//!
//! [`time`] finds temporal expressions and normalises them to TimeML values against the
//! document creation time; [`number`] reads English numbers (digits, words, scales, vague
//! quantities); [`money`] finds amounts of money, percentages and counts of people built on
//! them; [`entities`] finds people, organisations, locations and nationalities with their
//! actor codes and groups the mentions of each entity.

pub mod coder;
pub mod entities;
pub mod event;
pub mod money;
pub mod number;
pub mod time;
