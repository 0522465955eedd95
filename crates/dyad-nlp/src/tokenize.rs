//! Tokenizer following the UD English EWT conventions, with exact byte offsets.
//!
//! One pass over the text, no regular expressions and no allocation besides the output: the text
//! is cut at whitespace into chunks, and each chunk is read left to right into words and
//! punctuation.
//! - Words keep inner `.` (`U.S`, `3.5`, `www.un.org`), `,` and `:` and `/` between digits
//!   (`1,000`, `5:30`, `9/11`), `&` between letters (`AT&T`), `@` (e-mail addresses), apostrophes
//!   and hyphens. URLs (`http://…`, `www.…`) are kept whole.
//! - A final period stays on abbreviations (`Mr.`, `Corp.`, `Jan.`), initials (`J.`) and dotted
//!   forms (`U.S.`, `p.m.`); elsewhere it is punctuation. As in EWT, an abbreviation that ends a
//!   sentence (before a line break or an opener such as `He`) gives up its period to the sentence:
//!   `against the U.S. He said` → `U.S` `.` `He` `said`.
//! - Hyphens are split off as EWT does (`search - engine`, `38 - million - euro`) except after
//!   prefixes (`e-mail`, `non-violence`), in names (`Diaz-Canel`, `al-Assad`) and in phone numbers.
//! - Clitics make two-word tokens (`don't` = `do` + `n't`, `Russia’s`, `I'm`, `cannot`, `gonna`,
//!   `parents'`), recorded in [`Token::split`].
//! - Punctuation is one token per character, except runs of the same character (`--`, `!!`,
//!   `''`), runs of final punctuation (`...`, `?!`) and emoticons (`:)`).

pub(crate) mod abbrev;
pub(crate) mod chars;

use chars::{char_at, char_before, is_apostrophe, is_opening, is_separator, is_symbol_modifier, is_word};

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

impl Token {
    /// The token's text in `text` (empty if the span does not fit `text`).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits `text` into tokens, in order, with byte spans that never cut a character.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tk = Tokenizer { text, out: Vec::with_capacity(text.len() / 5 + 1), open_single: false };
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if is_separator(c) {
            if c == '\n' {
                tk.open_single = false;
            }
            i += c.len_utf8();
        } else {
            let end = chunk_end(text, i);
            tk.chunk(i, end);
            i = end;
        }
    }
    tk.out
}

/// End of the chunk (maximal run of non-separators) starting at `i`.
fn chunk_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if b.is_ascii_whitespace() || b.is_ascii_control() {
                break;
            }
            i += 1;
        } else {
            match char_at(text, i) {
                Some(c) if !is_separator(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// URL schemes and prefixes that start a token kept whole up to the end of its chunk.
const URL_STARTS: &[&str] = &["ftp://", "http://", "https://", "mailto:", "www."];

/// Whether `word` is one of the emoticons kept as one token (`:)`, `;-)`, `^_^`).
pub fn is_emoticon(word: &str) -> bool {
    EMOTICONS.contains(&word)
}

/// Emoticons kept as one token when they end a chunk.
const EMOTICONS: &[&str] =
    &[":'(", ":(", ":)", ":-(", ":-)", ":-D", ":-P", ":/", ":D", ":P", ":p", ";)", ";-)", "<3", "=)", "^_^"];

/// Top-level domains that mark a word as a host name (`Get-A-Free-House.com` stays whole).
const DOMAINS: &[&str] = &["com", "edu", "gov", "net", "org", "uk"];

/// Words that a leading apostrophe belongs to (`'em`, `'cause`, `'til`).
const APOSTROPHE_WORDS: &[&str] = &["cause", "em", "til"];

/// The tokenizer state while reading one text.
struct Tokenizer<'a> {
    text: &'a str,
    out: Vec<Token>,
    /// An opening single quote waits for its closing one: a final `s'` is then a quote, not a
    /// plural possessive.
    open_single: bool,
}

impl Tokenizer<'_> {
    /// Appends the token `[start, end)` unless it is empty.
    fn push(&mut self, start: usize, end: usize, split: Option<usize>) {
        if start < end {
            self.out.push(Token { start, end, split });
        }
    }

    /// Tokenizes the chunk `[start, end)`.
    fn chunk(&mut self, start: usize, end: usize) {
        let mut i = start;
        while let Some(c) = char_at(self.text, i).filter(|_| i < end) {
            let next = if is_word(c) { self.word(i, end) } else { self.punct(i, start, end, c) };
            // Every step consumes at least one character.
            i = next.max(i + c.len_utf8());
        }
    }

    /// Reads the word starting at `i`; returns where it ends.
    fn word(&mut self, i: usize, end: usize) -> usize {
        if let Some(url_end) = self.url(i, end) {
            self.push(i, url_end, None);
            return url_end;
        }
        let mut w_end = scan_word(self.text, i, end);
        let word = &self.text[i..w_end];
        match char_at(self.text, w_end).filter(|_| w_end < end) {
            Some('/') if has_domain(word) => {
                let url_end = url_end(self.text, w_end, end);
                self.push(i, url_end, None);
                return url_end;
            }
            Some(c) if is_apostrophe(c) && c != '`' && self.is_plural_possessive(word) => {
                let tail = w_end;
                w_end += c.len_utf8();
                self.emit_word(i, w_end, Some(tail));
                return w_end;
            }
            Some('.') if self.keeps_period(word, w_end, end) => w_end += 1,
            _ => {}
        }
        self.emit_word(i, w_end, None);
        w_end
    }

    /// The end of a URL starting at `i`, if one does.
    fn url(&self, i: usize, end: usize) -> Option<usize> {
        let rest = self.text.get(i..end)?;
        if !matches!(rest.as_bytes().first(), Some(b'f' | b'F' | b'h' | b'H' | b'm' | b'M' | b'w' | b'W')) {
            return None;
        }
        let is_url = URL_STARTS
            .iter()
            .any(|p| rest.len() > p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
        is_url.then(|| url_end(self.text, i, end))
    }

    /// Whether a final apostrophe after `word` marks a plural possessive (`parents'`).
    fn is_plural_possessive(&self, word: &str) -> bool {
        !self.open_single && word.len() > 1 && word.ends_with(['s', 'S'])
    }

    /// Whether the period at `dot` stays on `word`: an abbreviation, initial or dotted form, unless
    /// the period also ends the sentence (EWT writes a final `etc.` as `etc` `.`, but `Inc..` as
    /// `Inc.` `.`).
    fn keeps_period(&self, word: &str, dot: usize, end: usize) -> bool {
        let known = if word == "No" || word == "Nos" {
            next_visible_is_digit(self.text, dot + 1)
        } else {
            is_initial(word) || is_dotted(word) || abbrev::is_abbreviation(word)
        };
        if !known {
            return false;
        }
        match char_at(self.text, dot + 1).filter(|_| dot + 1 < end) {
            Some('.') => char_at(self.text, dot + 2) != Some('.'),
            Some(c) if chars::is_final_punct(c) => false,
            _ => abbrev::is_title(word) || !ends_sentence(self.text, dot + 1, is_initial(word)),
        }
    }

    /// Emits the word `[start, end)`, splitting off hyphens and finding its clitic. `tail` forces
    /// the split of the last piece (a plural possessive apostrophe).
    fn emit_word(&mut self, start: usize, end: usize, tail: Option<usize>) {
        let word = &self.text[start..end];
        let mut piece = start;
        if word.contains('-') && !keeps_hyphens(word) {
            if !word.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
                piece = self.split_hyphens(start, end);
            } else if !is_phone_number(word) {
                return self.emit_number_range(start, end);
            }
        }
        let last = &self.text[piece..end];
        if let (None, Some(cut)) = (tail, unit_split(last)) {
            self.push(piece, piece + cut, None);
            self.push(piece + cut, end, None);
        } else {
            let split = tail.or_else(|| clitic_split(last).map(|s| piece + s));
            self.push(piece, end, split);
        }
    }

    /// Emits the parts of the hyphenated word `[start, end)` and its hyphens as EWT splits them,
    /// except the last part, whose start is returned.
    fn split_hyphens(&mut self, start: usize, end: usize) -> usize {
        let mut piece = start;
        let mut part = start;
        while let Some(h) = self.text[part..end].find('-').map(|o| part + o) {
            let next = self.text[h + 1..end].find('-').map_or(end, |o| h + 1 + o);
            let (left, right) = (&self.text[part..h], &self.text[h + 1..next]);
            if !hyphen_joins(left, right, part == start) {
                self.push(piece, h, None);
                self.push(h, h + 1, None);
                piece = h + 1;
            }
            part = h + 1;
        }
        piece
    }

    /// Emits digit groups joined by hyphens that are not a phone number (`1969-1970`) as
    /// `1969` `-` `1970`.
    fn emit_number_range(&mut self, start: usize, end: usize) {
        let mut piece = start;
        while let Some(h) = self.text[piece..end].find('-').map(|o| piece + o) {
            self.push(piece, h, None);
            self.push(h, h + 1, None);
            piece = h + 1;
        }
        self.push(piece, end, None);
    }

    /// Reads the punctuation or symbol token starting at `i` (chunk `[start, end)`).
    fn punct(&mut self, i: usize, start: usize, end: usize, c: char) -> usize {
        let next = char_at(self.text, i + c.len_utf8()).filter(|_| i + c.len_utf8() < end);
        if let Some(e) = self.emoticon(i, end) {
            self.push(i, e, None);
            return e;
        }
        if next.is_some_and(|n| sticks_to(c, n)) && !preceded_by_word(self.text, i, start) {
            // `.5`, `+1`, `#hashtag`, `@user`.
            let e = scan_word(self.text, i + 1, end);
            self.push(i, e, None);
            return e;
        }
        if matches!(c, '\'' | '’' | '‘' | '`') {
            return self.single_quote(i, start, end, c);
        }
        let e = if chars::is_final_punct(c) {
            run_end(self.text, i, end, chars::is_final_punct)
        } else if c as u32 >= 0x2000 && !is_symbol_modifier(c) && !matches!(c, '–' | '—' | '“' | '”')
        {
            symbol_end(self.text, i, end)
        } else if matches!(c, '(' | ')' | '[' | ']' | '{' | '}') {
            i + 1
        } else {
            run_end(self.text, i, end, |x| x == c)
        };
        self.push(i, e, None);
        e
    }

    /// An emoticon starting at `i` and ending the chunk, or followed only by a little final
    /// punctuation (`:-).`).
    fn emoticon(&self, i: usize, end: usize) -> Option<usize> {
        let rest = self.text.get(i..end)?;
        if !matches!(rest.as_bytes().first(), Some(b':' | b';' | b'=' | b'^' | b'<')) {
            return None;
        }
        EMOTICONS
            .iter()
            .find(|e| {
                rest.strip_prefix(**e).is_some_and(|tail| {
                    tail.len() <= 3 && tail.chars().all(|c| chars::is_final_punct(c) || c == ',')
                })
            })
            .map(|e| i + e.len())
    }

    /// Reads a single quote or apostrophe at `i`: the start of `'90s` or `'em`, or a quote.
    fn single_quote(&mut self, i: usize, start: usize, end: usize, c: char) -> usize {
        let after = i + c.len_utf8();
        if c != '‘' && after < end {
            let w_end = scan_word(self.text, after, end);
            let word = &self.text[after..w_end];
            if is_year_abbreviation(word) || APOSTROPHE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                self.push(i, w_end, None);
                return w_end;
            }
        }
        let e = run_end(self.text, i, end, |x| x == c);
        let opening = c == '‘' || !preceded_by_word_or_closer(self.text, i, start);
        self.open_single = opening;
        self.push(i, e, None);
        e
    }
}

/// End of the word starting at `i`: word characters and the joiners allowed between them.
fn scan_word(text: &str, i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut p = i;
    loop {
        // Fast path over ASCII letters and digits.
        while p < end && bytes.get(p).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
            p += 1;
        }
        let Some(c) = char_at(text, p).filter(|_| p < end) else {
            break;
        };
        if is_word(c) {
            p += c.len_utf8();
            continue;
        }
        let after = p + c.len_utf8();
        if c == '.' {
            // An address shortened by a mailing-list archive: `franz371...@gmail.com`.
            let dots = run_end(text, p, end, |x| x == '.');
            if dots > after && char_at(text, dots) == Some('@') && dots < end {
                p = dots;
                continue;
            }
        }
        let next = char_at(text, after).filter(|_| after < end);
        let prev = char_before(text, p).filter(|_| p > i);
        match (prev, next) {
            (Some(prev), Some(next)) if joins(prev, c, next) => p = after,
            _ => break,
        }
    }
    p
}

/// Whether the punctuation `c` belongs to the word starting with `next` after it: `.5`, `+1`,
/// `#hashtag`, `@user`.
fn sticks_to(c: char, next: char) -> bool {
    match c {
        '.' | '+' => next.is_ascii_digit(),
        '#' | '@' => next.is_alphabetic(),
        _ => false,
    }
}

/// Whether the joiner `c` between `prev` and `next` keeps them in one word.
fn joins(prev: char, c: char, next: char) -> bool {
    match c {
        '.' | '-' | '@' => is_word(next),
        ',' | ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '&' => prev.is_alphabetic() && next.is_alphabetic(),
        '\'' | '’' | '`' => is_word(prev) && next.is_alphabetic(),
        _ => false,
    }
}

/// End of a URL starting at `i` in the chunk ending at `end`: the chunk minus final punctuation
/// (a closing parenthesis stays if the URL opened one).
fn url_end(text: &str, i: usize, end: usize) -> usize {
    let url = &text[i..end];
    let has_paren = url.contains('(');
    let trimmed = url.trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '”' | '’' | ']' | '>' | '}')
            || (c == ')' && !has_paren)
    });
    i + trimmed.len()
}

/// End of the run of characters satisfying `pred` starting at `i`.
fn run_end(text: &str, i: usize, end: usize, pred: impl Fn(char) -> bool) -> usize {
    let mut p = i;
    while let Some(c) = char_at(text, p).filter(|&c| p < end && pred(c)) {
        p += c.len_utf8();
    }
    p
}

/// End of a symbol (emoji) at `i` with its modifiers and joined symbols (`👍🏽`, `👨‍👩‍👧`).
fn symbol_end(text: &str, i: usize, end: usize) -> usize {
    let mut p = i + char_at(text, i).map_or(1, char::len_utf8);
    while let Some(c) = char_at(text, p).filter(|_| p < end) {
        if c == '\u{200D}' {
            let after = p + c.len_utf8();
            match char_at(text, after).filter(|_| after < end) {
                Some(n) if !is_separator(n) => p = after + n.len_utf8(),
                _ => return after,
            }
        } else if is_symbol_modifier(c) || ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    p
}

/// Whether the character before `i` (inside the chunk starting at `start`) is a word character.
fn preceded_by_word(text: &str, i: usize, start: usize) -> bool {
    i > start && char_before(text, i).is_some_and(is_word)
}

/// Whether the character before `i` ends a word or a quotation, so a quote at `i` closes.
fn preceded_by_word_or_closer(text: &str, i: usize, start: usize) -> bool {
    i > start && char_before(text, i).is_some_and(|c| !is_opening(c) && !matches!(c, '-' | '—' | '–'))
}

/// Whether the sentence ends after an abbreviation's period at `i - 1`: closing quotes or brackets
/// may follow, then a line break or the end of the text, or a sentence opener such as `He` or
/// `The` (after an `initial`, of two letters or more: `J. R. R. Tolkien`, `Chester A. Arthur`).
fn ends_sentence(text: &str, i: usize, initial: bool) -> bool {
    let Some(rest) = text.get(i..) else {
        return true;
    };
    let rest = rest.trim_start_matches(chars::is_closing);
    let after_space = rest.trim_start();
    if after_space.is_empty() || rest[..rest.len() - after_space.len()].contains(['\n', '\r']) {
        return true;
    }
    if after_space.len() == rest.len() {
        return false;
    }
    let word_len = after_space.bytes().take(12).take_while(u8::is_ascii_alphabetic).count();
    abbrev::opens_sentence_after(&after_space[..word_len], initial)
}

/// Whether the first non-space character from `i` is a digit (`No. 5`).
fn next_visible_is_digit(text: &str, i: usize) -> bool {
    text.get(i..).and_then(|rest| rest.trim_start().chars().next()).is_some_and(|c| c.is_ascii_digit())
}

/// A single letter, as in the initial `J.`
fn is_initial(word: &str) -> bool {
    let mut it = word.chars();
    matches!((it.next(), it.next()), (Some(c), None) if c.is_alphabetic())
}

/// Letters in groups of one or two joined by periods: `U.S`, `p.m`, `Ph.D`, `e.g`.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|g| (1..=2).contains(&g.chars().count()) && g.chars().all(char::is_alphabetic))
}

/// A year written with a leading apostrophe, without it: `90s`, `07`.
fn is_year_abbreviation(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[..2].iter().all(u8::is_ascii_digit) && (b.len() == 2 || &b[2..] == b"s")
}

/// Whether `word` ends with a known top-level domain after a period (`nytimes.com`).
fn has_domain(word: &str) -> bool {
    word.rsplit_once('.')
        .is_some_and(|(host, tld)| !host.is_empty() && DOMAINS.iter().any(|d| d.eq_ignore_ascii_case(tld)))
}

/// Words whose hyphens are never split: host names, file names and e-mail addresses.
fn keeps_hyphens(word: &str) -> bool {
    word.contains('@') || word.as_bytes().windows(2).any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic())
}

/// Digit groups joined by hyphens that EWT keeps whole: phone numbers, extensions, zip codes and
/// dates (`713-853-3989`, `345-9945`, `3-5213`, `11-20-2000`), not ranges (`1969-1970`, `5-10`).
fn is_phone_number(word: &str) -> bool {
    let mut groups = word.split('-').map(str::len);
    match (groups.next(), groups.next(), groups.next()) {
        (Some(_), Some(_), Some(_)) => true,
        (Some(a), Some(b), None) => b == 4 && matches!(a, 1..=3 | 5),
        _ => false,
    }
}

/// Where a number meets its unit in one word (`5pm` → 1, `7:30PM` → 4, `39K` → 2, `3.5km` → 3);
/// ordinals, decades and codes stay whole (`21st`, `1990s`, `4105SF`).
fn unit_split(word: &str) -> Option<usize> {
    let digits = word.bytes().take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':')).count();
    let (number, unit) = (word.get(..digits)?, word.get(digits..)?);
    if !number.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let whole = ["st", "nd", "rd", "th", "s", "d"].iter().any(|s| s.eq_ignore_ascii_case(unit));
    let short = unit.len() == 1
        || (unit.len() <= 3 && unit.bytes().all(|b| b.is_ascii_lowercase()))
        || unit == "AM"
        || unit == "PM";
    let splits = short && unit.bytes().all(|b| b.is_ascii_alphabetic()) && !whole;
    splits.then_some(digits)
}

/// Whether the hyphen between `left` and `right` stays inside the word; `first` if `left` starts
/// the word.
fn hyphen_joins(left: &str, right: &str, first: bool) -> bool {
    (first && abbrev::is_hyphen_prefix(left))
        || (is_name_part(right) && (is_name_part(left) || abbrev::is_name_particle(left)))
}

/// A capitalised word of at least two letters, possibly with an apostrophe (`Canel`, `Canel's`).
fn is_name_part(word: &str) -> bool {
    let mut it = word.chars();
    it.next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || is_apostrophe(c))
        && word.chars().any(char::is_lowercase)
}

/// Where a word splits into host and clitic, relative to its start: `don't` → 2, `I'm` → 1,
/// `Russia’s` → 6, `cannot` → 3.
fn clitic_split(word: &str) -> Option<usize> {
    let mut rev = word.char_indices().rev();
    let (_, c1) = rev.next()?;
    let (i2, c2) = rev.next()?;
    let (c1, c2l) = (c1.to_ascii_lowercase(), c2.to_ascii_lowercase());
    if is_apostrophe(c2) && matches!(c1, 's' | 'm' | 'd') && i2 > 0 {
        return Some(i2);
    }
    let (i3, c3) = rev.next()?;
    if is_apostrophe(c3) && matches!((c2l, c1), ('r' | 'v', 'e') | ('l', 'l')) && i3 > 0 {
        return Some(i3);
    }
    if c1 == 't' && is_apostrophe(c2) && c3.eq_ignore_ascii_case(&'n') && i3 > 0 {
        return Some(i3);
    }
    abbrev::bare_contraction_split(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `text` as strings, two-word tokens written `host|clitic`.
    fn toks(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|t| match t.split {
                Some(s) => format!("{}|{}", &text[t.start..s], &text[s..t.end]),
                None => text[t.start..t.end].to_string(),
            })
            .collect()
    }

    /// Checks the invariants every tokenization must keep: ordered, non-empty, non-overlapping
    /// spans on char boundaries, splits strictly inside, only separators between tokens.
    fn check_spans(text: &str) {
        let tokens = tokenize(text);
        let mut last = 0;
        for t in &tokens {
            assert!(last <= t.start && t.start < t.end && t.end <= text.len(), "{t:?}");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(text[last..t.start].chars().all(chars::is_separator), "{:?}", &text[last..t.start]);
            if let Some(s) = t.split {
                assert!(t.start < s && s < t.end && text.is_char_boundary(s), "{t:?}");
            }
            last = t.end;
        }
        assert!(text[last..].chars().all(chars::is_separator));
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t\r\n ").is_empty());
    }

    #[test]
    fn punctuation_is_split_off() {
        assert_eq!(toks("Hello, world!"), ["Hello", ",", "world", "!"]);
        assert_eq!(toks("(Reuters) - Talks end."), ["(", "Reuters", ")", "-", "Talks", "end", "."]);
        assert_eq!(toks("Wait... what?!"), ["Wait", "...", "what", "?!"]);
        assert_eq!(toks("ties—including"), ["ties", "—", "including"]);
        assert_eq!(toks("2000–2014"), ["2000", "–", "2014"]);
        assert_eq!(toks("really…"), ["really", "…"]);
    }

    #[test]
    fn quotes_straight_and_curly() {
        assert_eq!(toks("called U.S. “interference.”"), ["called", "U.S.", "“", "interference", ".", "”"]);
        assert_eq!(toks("he said \"no.\""), ["he", "said", "\"", "no", ".", "\""]);
        assert_eq!(
            toks("for 'courageous achievement' at"),
            ["for", "'", "courageous", "achievement", "'", "at"]
        );
        assert_eq!(toks("‘Yes’, he said"), ["‘", "Yes", "’", ",", "he", "said"]);
        assert_eq!(toks("''quoted''"), ["''", "quoted", "''"]);
    }

    #[test]
    fn clitics_with_straight_and_curly_apostrophes() {
        assert_eq!(toks("don't"), ["do|n't"]);
        assert_eq!(toks("don’t"), ["do|n’t"]);
        assert_eq!(toks("can't won't"), ["ca|n't", "wo|n't"]);
        assert_eq!(toks("I'm I’ve we'll they're he'd"), ["I|'m", "I|’ve", "we|'ll", "they|'re", "he|'d"]);
        assert_eq!(toks("Russia’s Moscow's"), ["Russia|’s", "Moscow|'s"]);
        assert_eq!(toks("cannot gonna"), ["can|not", "gon|na"]);
        assert_eq!(toks("the parents' car"), ["the", "parents|'", "car"]);
        assert_eq!(toks("O'Brien's"), ["O'Brien|'s"]);
        assert_eq!(toks("in the '90s, 'em"), ["in", "the", "'90s", ",", "'em"]);
    }

    #[test]
    fn hyphens_as_ewt_except_names() {
        assert_eq!(toks("Miguel Diaz-Canel"), ["Miguel", "Diaz-Canel"]);
        assert_eq!(toks("Bashar al-Assad"), ["Bashar", "al-Assad"]);
        assert_eq!(toks("Diaz-Canel's visit"), ["Diaz-Canel|'s", "visit"]);
        assert_eq!(toks("a 38-million-euro loan"), ["a", "38", "-", "million", "-", "euro", "loan"]);
        assert_eq!(toks("its search-engine"), ["its", "search", "-", "engine"]);
        assert_eq!(toks("e-mail non-violence"), ["e-mail", "non-violence"]);
        assert_eq!(toks("from 1969-1970"), ["from", "1969", "-", "1970"]);
        assert_eq!(toks("call 713-853-3989"), ["call", "713-853-3989"]);
        assert_eq!(toks("U.S.-led"), ["U.S.", "-", "led"]);
        assert_eq!(toks("well -- maybe"), ["well", "--", "maybe"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(toks("Mr. Smith, Jan. 5"), ["Mr.", "Smith", ",", "Jan.", "5"]);
        assert_eq!(toks("Apple Corp. and U.S. officials"), ["Apple", "Corp.", "and", "U.S.", "officials"]);
        assert_eq!(toks("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
        assert_eq!(toks("at 5 p.m. today, e.g. this"), ["at", "5", "p.m.", "today", ",", "e.g.", "this"]);
        assert_eq!(toks("No. 5 and no. Then"), ["No.", "5", "and", "no", ".", "Then"]);
        assert_eq!(toks("He came home."), ["He", "came", "home", "."]);
    }

    #[test]
    fn sentence_final_abbreviation_splits_its_period_as_ewt() {
        assert_eq!(toks("against the U.S. He said"), ["against", "the", "U.S", ".", "He", "said"]);
        assert_eq!(toks("bread, milk, etc.\nNext"), ["bread", ",", "milk", ",", "etc", ".", "Next"]);
        assert_eq!(toks("CCNG, Inc.. On"), ["CCNG", ",", "Inc.", ".", "On"]);
        assert_eq!(toks("Mr. He Jun"), ["Mr.", "He", "Jun"]);
    }

    #[test]
    fn numbers_and_money() {
        assert_eq!(toks("$40 and $3.5 billion"), ["$", "40", "and", "$", "3.5", "billion"]);
        assert_eq!(toks("1,000 people, 10% more"), ["1,000", "people", ",", "10", "%", "more"]);
        assert_eq!(toks("at 5:30 on 9/11"), ["at", "5:30", "on", "9/11"]);
        assert_eq!(toks("5pm 39K 21st 1990s"), ["5", "pm", "39", "K", "21st", "1990s"]);
        assert_eq!(toks("down .5 to +1"), ["down", ".5", "to", "+1"]);
    }

    #[test]
    fn urls_and_emails_stay_whole() {
        assert_eq!(
            toks("See http://www.un.org/en/news.html?id=5&x=y-z."),
            ["See", "http://www.un.org/en/news.html?id=5&x=y-z", "."]
        );
        assert_eq!(
            toks("(www.risk-conferences.com/risk2001)"),
            ["(", "www.risk-conferences.com/risk2001", ")"]
        );
        assert_eq!(toks("visit nytimes.com/2019/world, or"), ["visit", "nytimes.com/2019/world", ",", "or"]);
        assert_eq!(toks("Mail carol.st-clair@enron.com."), ["Mail", "carol.st-clair@enron.com", "."]);
        assert_eq!(toks("<franz371...@gmail.com>"), ["<", "franz371...@gmail.com", ">"]);
        assert_eq!(toks("join #audiobooks @POTUS"), ["join", "#audiobooks", "@POTUS"]);
    }

    #[test]
    fn emoticons() {
        assert_eq!(toks("great :) and :-). Fine;)"), ["great", ":)", "and", ":-)", ".", "Fine", ";)"]);
    }

    #[test]
    fn mixed_scripts_and_emoji() {
        let text = "Путин встретился с Díaz-Canel 习近平。 قال الرئيس، 👍🏽 👨‍👩‍👧 🇨🇺!";
        check_spans(text);
        assert_eq!(
            toks(text),
            [
                "Путин",
                "встретился",
                "с",
                "Díaz-Canel",
                "习近平",
                "。",
                "قال",
                "الرئيس",
                "،",
                "👍🏽",
                "👨‍👩‍👧",
                "🇨🇺",
                "!"
            ]
        );
        assert_eq!(toks("नमस्ते दुनिया"), ["नमस्ते", "दुनिया"]);
    }

    #[test]
    fn control_characters_separate_tokens() {
        let text = "a\u{0}b\u{7}c\u{1b}[0m d\u{200B}e\u{FEFF}f \u{85}g";
        check_spans(text);
        assert_eq!(toks(text), ["a", "b", "c", "[", "0", "m", "d", "e", "f", "g"]);
    }

    #[test]
    fn long_chunks_are_linear() {
        let started = std::time::Instant::now();
        for unit in ["a", "a-", "a.", ".,", "'a", "a'", "$1,", "U.S.", "x@y.", ":)", "…!", "👍🏽", "ж-"]
        {
            let text = unit.repeat(5_000_000 / unit.len());
            check_spans(&text);
            assert!(!tokenize(&text).is_empty());
        }
        let url = format!("http://{}", "a/".repeat(1_000_000));
        assert_eq!(tokenize(&url).len(), 1);
        assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
    }

    #[test]
    fn spans_are_exact_on_arbitrary_input() {
        let samples = [
            "“Quote,” she said—then left…",
            "’’ ‘‘ '' `` ’s ’ ' s' x'",
            "..., ?!? -- --- — – ... . . .",
            "U.S.. Inc... A.B.C.D. e.g.. http:// www. @ # + .",
            "\u{301}\u{200D}\u{FE0F}a\u{301} \u{200D}",
        ];
        for text in samples {
            check_spans(text);
        }
    }

    #[test]
    fn seed_article_tokens() {
        let text = include_str!("../../../examples/russia-cuba.txt");
        check_spans(text);
        let words = toks(text);
        for expected in ["Diaz-Canel", "Russia|’s", "al-Assad", "U.S.", "Moscow|’s"] {
            assert!(words.iter().any(|w| w == expected), "{expected} missing");
        }
    }
}
