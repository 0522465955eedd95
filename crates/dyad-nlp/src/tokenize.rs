//! Tokenizer (placeholder: splits on whitespace until the real one lands).

/// A surface token: its byte span in the text, and where it splits into two syntactic words
/// (`don't` → `do` + `n't`), as an absolute byte offset inside the span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Byte offset where the second word of a two-word token begins, if any.
    pub split: Option<usize>,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Token { start: s, end: i, split: None });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Token { start: s, end: text.len(), split: None });
    }
    out
}
