//! The word scanner the time grammar runs on: words, numbers and punctuation with byte offsets,
//! lowercased. Kept apart from the full tokenizer because the grammar wants hyphens and
//! periods as separate pieces ("fifty-year", "Nov.") whatever the treebank conventions say.

/// A piece of text: a run of letters and digits, or one other non-space character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// The text, lowercased.
    pub lower: String,
    /// Whether the piece starts with an uppercase letter (months and weekdays are capitalised).
    pub capitalised: bool,
}

impl Piece {
    /// The value of an all-digit piece (at most 9 digits).
    pub fn number(&self) -> Option<u32> {
        (self.lower.len() <= 9 && !self.lower.is_empty() && self.lower.bytes().all(|b| b.is_ascii_digit()))
            .then(|| self.lower.parse().ok())
            .flatten()
    }

    /// Whether the piece is all digits, of `len` digits.
    pub fn is_digits(&self, len: usize) -> bool {
        self.lower.len() == len && self.lower.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Splits `text` into pieces; spaces separate them and are dropped.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(i, n)) = chars.peek() {
                if !n.is_alphanumeric() {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
        }
        let raw = &text[start..end];
        out.push(Piece { start, end, lower: raw.to_lowercase(), capitalised: c.is_uppercase() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation_with_offsets() {
        let p = pieces("On Nov. 2, the fifty-year “deal”");
        let words: Vec<&str> = p.iter().map(|p| p.lower.as_str()).collect();
        assert_eq!(words, ["on", "nov", ".", "2", ",", "the", "fifty", "-", "year", "“", "deal", "”"]);
        assert_eq!((p[1].start, p[1].end, p[1].capitalised), (3, 6, true));
        assert_eq!(p[3].number(), Some(2));
        assert_eq!(p[9].start, 26);
        assert_eq!(pieces("9999999999").first().and_then(Piece::number), None);
    }
}
