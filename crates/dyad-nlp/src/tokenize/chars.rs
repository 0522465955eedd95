//! Character classes and UTF-8 cursor helpers of the tokenizer.

/// The character starting at byte `i`, if `i` is a char boundary inside `text`.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

/// The character ending at byte `i` (the one before it), if any.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).and_then(|j| text.as_bytes().get(j)) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(..i)?.chars().next_back(),
        None => None,
    }
}

/// Characters that separate tokens and never belong to one: whitespace, control characters and
/// zero-width spaces.
#[inline]
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Characters that make up words: letters, digits, `_`, and for non-ASCII text everything that
/// is not in a punctuation or symbol block (so combining marks of any script stay in the word).
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric() || !is_symbol_block(c)
}

/// Non-ASCII characters treated as punctuation or symbols (each one or each run is its own token).
fn is_symbol_block(c: char) -> bool {
    matches!(c,
        '\u{00A0}'..='\u{00BF}' | '\u{00D7}' | '\u{00F7}'
        | '\u{037E}' | '\u{0387}'
        | '\u{055A}'..='\u{055F}' | '\u{0589}' | '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05F3}' | '\u{05F4}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}'
        | '\u{0964}' | '\u{0965}'
        | '\u{2000}'..='\u{2BFF}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FE10}'..='\u{FE6F}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '\u{1F000}'..='\u{1FAFF}')
}

/// Apostrophes that can join a clitic to its host (`don't`, `Russia’s`, ``mama`s``).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`')
}

/// Characters that modify the symbol before them and stay in its token: variation selectors,
/// emoji skin tones, the keycap mark and the zero-width joiner.
#[inline]
pub(crate) fn is_symbol_modifier(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}' | '\u{200D}')
}

/// Punctuation that ends a sentence (`.`, `!`, `?`, `…`), also in runs such as `?!` or `...`.
#[inline]
pub(crate) fn is_final_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Punctuation that opens a quotation or a bracket.
#[inline]
pub(crate) fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '“' | '‘' | '«' | '"' | '\'' | '`' | '„' | '‹')
}

/// Punctuation that closes a quotation or a bracket at the end of a sentence; curly quotes typed
/// the wrong way round count, being attached to the sentence end.
#[inline]
pub(crate) fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '“' | '‘' | ')' | ']' | '}' | '»' | '›')
}
