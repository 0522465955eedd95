//! The meaning layer of dyad: what the analysed text says about when, how much, who and what.
//!
//! [`time`] finds temporal expressions and normalises them to TimeML values against the
//! document creation time.

pub mod time;
