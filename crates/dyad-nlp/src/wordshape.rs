//! Cheap per-word facts that the tagger's and parser's features are built from.

use crate::hash::{combine, hash_bytes, StreamHasher};

/// The word shape: letters become `X`/`x`, digits `d`, runs longer than two are cut
/// (`Diaz-Canel` → `Xxx-Xxx`, `38-million` → `dd-xx`, `U.S.` → `X.X.`); at most 40 characters
/// of the word are looked at.
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    shape_chars(word, |c| out.push(c));
    out
}

/// The hash of [`shape`] of `word`, without building the string.
pub fn shape_hash(word: &str) -> u64 {
    let mut h = StreamHasher::default();
    let mut buf = [0u8; 4];
    shape_chars(word, |c| h.write(c.encode_utf8(&mut buf).as_bytes()));
    h.finish()
}

fn shape_chars(word: &str, mut emit: impl FnMut(char)) {
    let mut last = None;
    let mut run = 0;
    for c in word.chars().take(40) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if Some(class) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(class);
        }
        if run <= 2 {
            emit(class);
        }
    }
}

/// The hashes of a word's lowercase form, affixes and shape, computed once per word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordHashes {
    /// Form as written.
    pub exact: u64,
    /// Lowercase form.
    pub lower: u64,
    /// Suffixes of 1 to 4 characters of the lowercase form.
    pub suffix: [u64; 4],
    /// Prefixes of 1 to 3 characters of the lowercase form.
    pub prefix: [u64; 3],
    /// Word shape (see [`shape`]).
    pub shape: u64,
}

impl WordHashes {
    /// Hashes of a real word.
    pub fn of(word: &str) -> Self {
        let lower = lowercase(word);
        let mut suffix = [0; 4];
        for (n, slot) in suffix.iter_mut().enumerate() {
            *slot = combine(n as u64 + 1, hash_bytes(last_chars(&lower, n + 1).as_bytes()));
        }
        let mut prefix = [0; 3];
        for (n, slot) in prefix.iter_mut().enumerate() {
            *slot = combine(n as u64 + 11, hash_bytes(first_chars(&lower, n + 1).as_bytes()));
        }
        Self {
            exact: hash_bytes(word.as_bytes()),
            lower: hash_bytes(lower.as_bytes()),
            suffix,
            prefix,
            shape: shape_hash(word),
        }
    }

    /// Hashes standing for a position before the sentence start (`offset` < 0) or after its end.
    pub fn padding(offset: i64) -> Self {
        let h = combine(0x5eed, offset as u64);
        Self { exact: h, lower: h, suffix: [h; 4], prefix: [h; 3], shape: h }
    }
}

/// A word's lowercase form, borrowed when it is lowercase ASCII already.
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// The hash of a word's lowercase form, as in [`WordHashes::lower`].
pub fn lowercase_hash(word: &str) -> u64 {
    hash_bytes(lowercase(word).as_bytes())
}

/// The last `n` characters of `s` (all of it when shorter).
pub fn last_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

/// The first `n` characters of `s` (all of it when shorter).
pub fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("Diaz-Canel"), "Xxx-Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1991"), "dd");
        assert_eq!(shape_hash("Diaz-Canel"), hash_bytes(shape("Diaz-Canel").as_bytes()));
        assert_eq!(last_chars("Moscow", 3), "cow");
        assert_eq!(last_chars("ab", 3), "ab");
        assert_eq!(first_chars("Périódico", 2), "Pé");
        assert_eq!(first_chars("", 2), "");
    }
}
