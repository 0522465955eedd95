//! Sentence splitter (placeholder: splits after `.`, `!`, `?` until the real one lands).

use crate::tokenize::Token;
use std::ops::Range;

/// Groups tokens into sentences, returned as ranges of token indices covering all tokens in order.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    for (i, t) in tokens.iter().enumerate() {
        if matches!(&text[t.start..t.end], "." | "!" | "?") {
            out.push(begin..i + 1);
            begin = i + 1;
        }
    }
    if begin < tokens.len() {
        out.push(begin..tokens.len());
    }
    out
}
