//! English numbers in running text: digits with thousands separators and decimals ("94,000",
//! "12,34,567.89", "48.2"), number words ("twenty-one", "a hundred and fifty", "two and a half"),
//! scale words and abbreviations ("million", "1.2bn", "5m", "35 lakh"), hyphenated compounds
//! ("38-million"), negative numbers ("-15"), ranges ("5-10 million": bounds, no value) and vague
//! quantities ("billions of", "tens of thousands", "dozens") that give a lower bound instead of a
//! value.
//!
//! The recognizer works on a light token stream of its own ([`tokens`]) rather than on the
//! tagger's tokens, so that amounts keep exact byte offsets whatever the spacing ("$ 75 million",
//! "US$40bn") and so that this module has no model to load. Values are `f64`: digit strings are
//! converted once, with their power-of-ten scale folded into the exponent, so "48.2 million" is
//! exactly 48200000; numbers too large for `f64` (hundreds of digits) have no value.

/// A number found in a text: its byte span (end exclusive) and what it says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The value the text states, when it states one ("48.2 million" → 48200000).
    pub value: Option<f64>,
    /// A lower bound, when the text only gives one ("billions" → 1e9, "tens of thousands" → 1e4)
    /// or gives a range ("5-10 million" → 5e6).
    pub min: Option<f64>,
    /// The upper bound of a range ("5-10 million" → 1e7).
    pub max: Option<f64>,
}

/// Every number in `text`, left to right, none overlapping.
pub fn numbers(text: &str) -> Vec<Number> {
    let toks = tokens(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match number_at(&toks, i) {
            Some(n) => {
                found.push(Number {
                    start: toks[i].start,
                    end: toks[n.end - 1].end,
                    value: n.value,
                    min: n.min,
                    max: n.max,
                });
                i = n.end;
            }
            None => i += 1,
        }
    }
    found
}

/// The value of `text` when the whole of it (trimmed) is one number: `parse("twenty-one")` is 21.
pub fn parse(text: &str) -> Option<f64> {
    let toks = tokens(text);
    number_at(&toks, 0).filter(|n| n.end == toks.len()).and_then(|n| n.value)
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// ASCII digits, with thousands separators and one decimal part ("12,345.67").
    Digits,
    /// A run of letters (any script).
    Word,
    /// Any other single non-space character ("$", "%", "-", ".").
    Symbol,
}

/// One token of the light tokenization: its byte span, its lower-cased form and its shape.
#[derive(Clone, Debug)]
pub(crate) struct Token<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The token as written.
    pub text: &'a str,
    /// The token in lower case, what the tables are matched against.
    pub lower: String,
    /// Digits, letters or a symbol.
    pub shape: Shape,
}

impl Token<'_> {
    /// Whether the token is written in ASCII capitals only ("USD", not "usd" or "Usd").
    pub fn is_upper(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_uppercase())
    }
}

/// Splits `text` into digit runs, letter runs and single symbols, skipping white space.
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let (end, shape) = if c.is_ascii_digit() {
            (digits_end(bytes, start), Shape::Digits)
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(at, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = at + d.len_utf8();
                chars.next();
            }
            (end, Shape::Word)
        } else if c.is_whitespace() {
            continue;
        } else {
            (start + c.len_utf8(), Shape::Symbol)
        };
        while chars.peek().is_some_and(|&(at, _)| at < end) {
            chars.next();
        }
        let text = &text[start..end];
        toks.push(Token { start, end, text, lower: text.to_lowercase(), shape });
    }
    toks
}

/// The end of the digit run starting at `start`: digits, then comma groups of three (or the
/// Indian two-digit groups before a last group of three), then at most one decimal part.
fn digits_end(bytes: &[u8], start: usize) -> usize {
    let run = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut end = start + run(start);
    while bytes.get(end) == Some(&b',') {
        let group = run(end + 1);
        let next = bytes.get(end + 1 + group);
        if group == 3 || (group == 2 && next == Some(&b',')) {
            end += 1 + group;
        } else {
            break;
        }
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1 + run(end + 1);
    }
    end
}

/// A number recognized at a token index: the token index just past it and its value or bound.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Parsed {
    /// Token index just past the number.
    pub end: usize,
    /// The stated value.
    pub value: Option<f64>,
    /// The lower bound of a vague quantity or a range.
    pub min: Option<f64>,
    /// The upper bound of a range.
    pub max: Option<f64>,
    /// Whether a scale word or abbreviation multiplied it ("5 million", "1.2bn").
    pub scaled: bool,
}

/// Power-of-ten scales, written out and abbreviated. Abbreviations of one letter count only when
/// written against the digits ("5m", "10k"), where they cannot be a separate word.
const SCALES: &[(&str, i32)] = &[
    ("hundred", 2),
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("lakh", 5),
    ("lakhs", 5),
    ("crore", 7),
    ("crores", 7),
    ("bn", 9),
    ("bln", 9),
    ("mn", 6),
    ("mln", 6),
    ("mio", 6),
    ("tn", 12),
    ("trn", 12),
];

/// One-letter scale abbreviations, counted only when attached to the digits.
const LETTER_SCALES: &[(&str, i32)] = &[("k", 3), ("m", 6), ("b", 9), ("t", 12)];

/// Plural scale nouns of vague quantities and the lower bound each gives.
const VAGUE: &[(&str, f64)] = &[
    ("tens", 10.0),
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

/// Number words below twenty.
const ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Tens words, from twenty.
const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// The value of a word below twenty.
fn ones(word: &str) -> Option<f64> {
    ONES.iter().position(|w| *w == word).map(|v| v as f64)
}

/// The value of a tens word.
fn tens(word: &str) -> Option<f64> {
    TENS.iter().position(|w| *w == word).map(|v| (v as f64 + 2.0) * 10.0)
}

/// Whether `word` (lowercase) is a number word the reader knows: "seven", "forty", "hundred",
/// "dozen". A cheap test before [`parse`], which allocates.
pub(crate) fn is_number_word(word: &str) -> bool {
    ones(word).is_some() || tens(word).is_some() || scale(word).is_some() || word == "dozen"
}

/// The power of ten of a scale word ("million" → 6).
pub(crate) fn scale(word: &str) -> Option<i32> {
    SCALES.iter().find(|(w, _)| *w == word).map(|&(_, e)| e)
}

/// The power of ten of a written-out scale word of a thousand or more, the only ones that combine
/// with fractions and vague quantities ("half a million", "hundreds of millions").
fn big_scale(word: &str) -> Option<i32> {
    match word {
        "thousand" => Some(3),
        "million" => Some(6),
        "billion" => Some(9),
        "trillion" => Some(12),
        _ => None,
    }
}

/// Whether token `i` exists and is the given lower-cased text.
pub(crate) fn is(toks: &[Token], i: usize, word: &str) -> bool {
    toks.get(i).is_some_and(|t| t.lower == word)
}

/// Whether tokens `i` and `i + 1` touch (no space between them).
pub(crate) fn attached(toks: &[Token], i: usize) -> bool {
    matches!((toks.get(i), toks.get(i + 1)), (Some(a), Some(b)) if a.end == b.start)
}

impl Parsed {
    /// The same number multiplied by ten to the power `e` ("MUSD", "75 USD million").
    pub fn times(self, e: i32) -> Parsed {
        let f = 10f64.powi(e);
        let by = |x: Option<f64>| x.map(|x| x * f).filter(|x| x.is_finite());
        Parsed { value: by(self.value), min: by(self.min), max: by(self.max), ..self }
    }
}

/// Recognizes the longest number starting at token `i`.
pub(crate) fn number_at(toks: &[Token], i: usize) -> Option<Parsed> {
    let tok = toks.get(i)?;
    match tok.shape {
        Shape::Digits => Some(range(toks, digits_number(toks, i))),
        Shape::Word => vague_number(toks, i).or_else(|| word_number(toks, i)),
        Shape::Symbol => negative(toks, i),
    }
}

/// A minus sign written against digits ("-15", "−3.2"), when it does not join them to a word or
/// number before it ("2016-11", "covid-19").
fn negative(toks: &[Token], i: usize) -> Option<Parsed> {
    let glued_before = i > 0 && attached(toks, i - 1) && toks[i - 1].shape != Shape::Symbol;
    let digits_after = toks.get(i + 1).is_some_and(|t| t.shape == Shape::Digits) && attached(toks, i);
    if !matches!(toks[i].text, "-" | "−") || glued_before || !digits_after {
        return None;
    }
    let n = digits_number(toks, i + 1);
    Some(Parsed { value: n.value.map(|v| -v), ..n })
}

/// Digits with an optional scale: "94,000", "48.2 million", "38-million", "1.2bn", "5m".
fn digits_number(toks: &[Token], i: usize) -> Parsed {
    let digits: String = toks[i].text.chars().filter(|&c| c != ',').collect();
    let mut exp = 0;
    let mut end = i + 1;
    loop {
        let hyphen = is(toks, end, "-") && attached(toks, end - 1) && attached(toks, end);
        let at = if hyphen { end + 1 } else { end };
        let Some(tok) = toks.get(at) else { break };
        let letter = (at == i + 1 && attached(toks, i))
            .then(|| LETTER_SCALES.iter().find(|(w, _)| *w == tok.lower))
            .flatten()
            .map(|&(_, e)| e)
            // "5m euros" and "5 km" differ in what follows; a letter scale must end the word.
            .filter(|_| !attached(toks, at) || toks.get(at + 1).is_some_and(|t| t.shape == Shape::Symbol));
        match scale(&tok.lower).or(letter) {
            Some(e) if tok.shape == Shape::Word => {
                exp += e;
                end = at + 1;
            }
            _ => break,
        }
    }
    let value = format!("{digits}e{exp}").parse::<f64>().ok().filter(|v| v.is_finite());
    Parsed { end, value, min: None, max: None, scaled: exp != 0 }
}

/// A range of digit numbers sharing the second one's scale: "5-10 million", "20 to 25",
/// "1.5–2bn". It has bounds and no value.
fn range(toks: &[Token], low: Parsed) -> Parsed {
    let k = low.end;
    let dash =
        matches!(toks.get(k).map(|t| t.text), Some("-" | "–")) && attached(toks, k - 1) == attached(toks, k);
    if low.scaled || !(dash || is(toks, k, "to")) || toks.get(k + 1).is_none_or(|t| t.shape != Shape::Digits)
    {
        return low;
    }
    let high = digits_number(toks, k + 1);
    // The second number's scale applies to both: its value over its digits alone.
    let base = digits_number(&toks[k + 1..k + 2], 0).value.filter(|b| *b != 0.0);
    let (Some(lo), Some(hi), Some(base)) = (low.value, high.value, base) else { return low };
    let min = lo * (hi / base);
    if min > hi {
        return low;
    }
    Parsed { end: high.end, value: None, min: Some(min), max: Some(hi), scaled: high.scaled }
}

/// Vague quantities: "billions", "tens of thousands", "hundreds of millions", "multibillion",
/// "several hundred", "a few thousand". They give a lower bound and no value.
fn vague_number(toks: &[Token], i: usize) -> Option<Parsed> {
    let word = toks[i].lower.as_str();
    let (mut min, mut end) = if let Some(&(_, v)) = VAGUE.iter().find(|(w, _)| *w == word) {
        (v, i + 1)
    } else if word == "several" {
        (2.0, i + 1)
    } else if word == "a" && is(toks, i + 1, "few") {
        (2.0, i + 2)
    } else if let Some(rest) = word.strip_prefix("multi") {
        // "multibillion" or "multi-billion".
        let (scale_word, end) = if rest.is_empty() && is(toks, i + 1, "-") {
            (toks.get(i + 2)?.lower.as_str(), i + 3)
        } else {
            (rest, i + 1)
        };
        (10f64.powi(big_scale(scale_word)?), end)
    } else {
        return None;
    };
    if matches!(word, "several" | "a") {
        // "several hundred thousand": plain scale words multiply the bound.
        while let Some(e) =
            toks.get(end).and_then(|t| scale(&t.lower)).filter(|_| toks[end].shape == Shape::Word)
        {
            min *= 10f64.powi(e);
            end += 1;
        }
    }
    // "tens of thousands", "hundreds of millions of".
    while is(toks, end, "of") {
        match toks.get(end + 1).and_then(|t| VAGUE.iter().find(|(w, _)| *w == t.lower)) {
            Some(&(_, v)) if v >= 100.0 => {
                min *= v;
                end += 2;
            }
            _ => break,
        }
    }
    Some(Parsed { end, value: None, min: Some(min), max: None, scaled: true })
}

/// What the previous word of a written-out number was, which decides what may follow it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Ones,
    Tens,
    Hundred,
    Scale,
    And,
}

/// Written-out numbers: "five", "twenty-one", "a hundred and fifty", "two and a half million",
/// "half a million", "three quarters billion", "a dozen".
fn word_number(toks: &[Token], i: usize) -> Option<Parsed> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last = Last::Start;
    let mut scaled = false;
    let mut j = i;
    // "a"/"an" stand for one before a hundred, a thousand, a dozen, a quarter, a half.
    if matches!(toks[i].lower.as_str(), "a" | "an") {
        let next = toks.get(i + 1)?.lower.as_str();
        if !(scale(next).is_some() || matches!(next, "dozen" | "quarter" | "half")) {
            return None;
        }
        current = 1.0;
        last = Last::Ones;
        j += 1;
    }
    while let Some(tok) = toks.get(j) {
        let w = tok.lower.as_str();
        if let Some(v) =
            ones(w).filter(|_| matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And))
        {
            current += v;
            last = Last::Ones;
        } else if let Some(v) = ones(w).filter(|&v| last == Last::Tens && (1.0..10.0).contains(&v)) {
            current += v;
            last = Last::Ones;
        } else if let Some(v) =
            tens(w).filter(|_| matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And))
        {
            current += v;
            last = Last::Tens;
            // "twenty-one": the hyphen joins the ones word.
            if is(toks, j + 1, "-")
                && toks.get(j + 2).and_then(|t| ones(&t.lower)).is_some_and(|v| v > 0.0 && v < 10.0)
            {
                current += ones(&toks[j + 2].lower).unwrap_or(0.0);
                last = Last::Ones;
                j += 2;
            }
        } else if w == "hundred" && matches!(last, Last::Ones | Last::Tens) && current % 100.0 != 0.0 {
            current *= 100.0;
            last = Last::Hundred;
        } else if w == "dozen" && last == Last::Ones {
            current *= 12.0;
            last = Last::Hundred;
        } else if let Some(e) =
            scale(w).filter(|&e| e >= 3 && tok.shape == Shape::Word && last != Last::Start)
        {
            if !matches!(last, Last::Ones | Last::Tens | Last::Hundred) {
                break;
            }
            total += current * 10f64.powi(e);
            current = 0.0;
            last = Last::Scale;
            scaled = true;
        } else if let Some(f) = fraction(toks, j, last) {
            // "half a million", "three quarters billion", "two and a half".
            let (value, next, with_scale) = f;
            if last == Last::And {
                current += value;
            } else {
                current = if current == 0.0 { value } else { current * value };
            }
            j = next;
            if let Some(e) = with_scale {
                total += current * 10f64.powi(e);
                current = 0.0;
                last = Last::Scale;
                scaled = true;
            } else {
                last = Last::Hundred;
            }
            continue;
        } else if w == "and" && and_continues(toks, j, last) {
            last = Last::And;
        } else {
            break;
        }
        j += 1;
    }
    // A number cannot end on "and", nor be "a" alone.
    while j > i && is(toks, j - 1, "and") {
        j -= 1;
    }
    if j == i || (j == i + 1 && matches!(toks[i].lower.as_str(), "a" | "an")) || last == Last::Start {
        return None;
    }
    Some(Parsed { end: j, value: Some(total + current), min: None, max: None, scaled })
}

/// Whether an "and" at `j` continues a written-out number: after a hundred or a scale word before
/// a ones or tens word ("a hundred and fifty"), or before "a half" ("two and a half").
fn and_continues(toks: &[Token], j: usize, last: Last) -> bool {
    let next = toks.get(j + 1).map_or("", |t| t.lower.as_str());
    let number_follows = ones(next).is_some() || tens(next).is_some();
    (matches!(last, Last::Hundred | Last::Scale) && number_follows)
        || (matches!(last, Last::Ones | Last::Tens) && next == "a" && is(toks, j + 2, "half"))
}

/// A fraction word at `j` ("half", "a half", "quarter", "quarters") allowed after `last`: its
/// value, the token after it, and the scale that must or may follow ("half a million").
fn fraction(toks: &[Token], j: usize, last: Last) -> Option<(f64, usize, Option<i32>)> {
    let mut k = j;
    if is(toks, k, "a") && last == Last::And {
        k += 1;
    }
    let value = match toks.get(k)?.lower.as_str() {
        "half" => 0.5,
        "quarter" | "quarters" => 0.25,
        _ => return None,
    };
    k += 1;
    if last == Last::And {
        let e = toks.get(k).and_then(|t| big_scale(&t.lower));
        return Some((value, if e.is_some() { k + 1 } else { k }, e));
    }
    // Elsewhere a fraction needs a scale ("half a million", "quarter million", "three quarters
    // billion", "a quarter of a million") or a percentage after "a" ("half a percentage point").
    if !matches!(last, Last::Start | Last::Ones) {
        return None;
    }
    let article = if is(toks, k, "a") {
        k + 1
    } else if is(toks, k, "of") && is(toks, k + 1, "a") {
        k + 2
    } else {
        k
    };
    match toks.get(article).map(|t| t.lower.as_str()) {
        Some(w) if big_scale(w).is_some() => Some((value, article + 1, big_scale(w))),
        Some("percent" | "percentage" | "per") if article > k => Some((value, article, None)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (&str, Option<f64>, Option<f64>) {
        let found = numbers(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (&text[found[0].start..found[0].end], found[0].value, found[0].min)
    }

    #[test]
    fn digits_with_separators_decimals_and_scales() {
        assert_eq!(one("paid 94,000 to"), ("94,000", Some(94000.0), None));
        assert_eq!(one("a 48.2 million contract"), ("48.2 million", Some(48_200_000.0), None));
        assert_eq!(one("12,34,567.89 rupees"), ("12,34,567.89", Some(1_234_567.89), None));
        assert_eq!(one("a 38-million-euro loan"), ("38-million", Some(38e6), None));
        assert_eq!(one("1.2bn rubles"), ("1.2bn", Some(1.2e9), None));
        assert_eq!(one("$5m"), ("5m", Some(5e6), None));
        assert_eq!(one("35 lakh rupees"), ("35 lakh", Some(3.5e6), None));
        assert_eq!(parse("0.1"), Some(0.1));
    }

    #[test]
    fn a_comma_not_followed_by_a_group_of_three_ends_the_number() {
        let found = numbers("500 USD,100 times; 1,2 or 3");
        let values: Vec<_> = found.iter().map(|n| n.value).collect();
        assert_eq!(values, [Some(500.0), Some(100.0), Some(1.0), Some(2.0), Some(3.0)]);
    }

    #[test]
    fn number_words() {
        assert_eq!(parse("one"), Some(1.0));
        assert_eq!(parse("twenty-one"), Some(21.0));
        assert_eq!(parse("forty five"), Some(45.0));
        assert_eq!(parse("a hundred and fifty"), Some(150.0));
        assert_eq!(parse("two and a half"), Some(2.5));
        assert_eq!(parse("two and a half million"), Some(2.5e6));
        assert_eq!(parse("half a million"), Some(5e5));
        assert_eq!(parse("a quarter million"), Some(2.5e5));
        assert_eq!(parse("a quarter of a million"), Some(2.5e5));
        assert_eq!(one("half a percentage point"), ("half a", Some(0.5), None));
        assert_eq!(parse("three quarters billion"), Some(7.5e8));
        assert_eq!(parse("nineteen hundred"), Some(1900.0));
        assert_eq!(parse("three thousand two hundred and six"), Some(3206.0));
        assert_eq!(parse("a dozen"), Some(12.0));
        assert_eq!(parse("five million"), Some(5e6));
        // Not one number: words that do not combine.
        assert_eq!(parse("one two"), None);
        assert_eq!(parse("a"), None);
        assert_eq!(parse("half"), None);
    }

    #[test]
    fn a_number_does_not_swallow_a_trailing_and() {
        assert_eq!(one("one and only"), ("one", Some(1.0), None));
        assert_eq!(one("a hundred and"), ("a hundred", Some(100.0), None));
    }

    #[test]
    fn vague_quantities_give_a_lower_bound() {
        assert_eq!(one("billions of dollars"), ("billions", None, Some(1e9)));
        assert_eq!(one("tens of thousands of people"), ("tens of thousands", None, Some(1e4)));
        assert_eq!(one("hundreds of millions"), ("hundreds of millions", None, Some(1e8)));
        assert_eq!(one("dozens of protesters"), ("dozens", None, Some(12.0)));
        assert_eq!(one("several hundred troops"), ("several hundred", None, Some(200.0)));
        assert_eq!(one("a multibillion deal"), ("multibillion", None, Some(1e9)));
        assert_eq!(one("a multi-million deal"), ("multi-million", None, Some(1e6)));
    }

    #[test]
    fn ranges_share_the_second_scale_and_give_bounds() {
        let found = numbers("$5-10 million, 20 to 25 and 30 - 40 but 1990-91 and 10-5");
        let bounds: Vec<_> = found.iter().map(|n| (n.value, n.min, n.max)).collect();
        assert_eq!(
            bounds,
            [
                (None, Some(5e6), Some(1e7)),
                (None, Some(20.0), Some(25.0)),
                (None, Some(30.0), Some(40.0)),
                (Some(1990.0), None, None),
                (Some(91.0), None, None),
                (Some(10.0), None, None),
                (Some(5.0), None, None),
            ]
        );
    }

    #[test]
    fn a_minus_sign_against_digits_is_negative_but_not_a_hyphen() {
        let values: Vec<_> =
            numbers("fell -3.2 and −15 in 2016-11 after covid-19").iter().map(|n| n.value).collect();
        assert_eq!(values, [Some(-3.2), Some(-15.0), Some(2016.0), Some(11.0), Some(19.0)]);
    }

    #[test]
    fn huge_numbers_have_no_value_and_do_not_panic() {
        let digits = "9".repeat(500);
        let found = numbers(&digits);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end, found[0].value), (0, 500, None));
        assert_eq!(parse(&format!("{} billion billion", "9".repeat(300))), None);
    }

    #[test]
    fn offsets_are_bytes_in_utf8_text() {
        let text = "Telefónica paid €323 million";
        let n = numbers(text);
        assert_eq!(&text[n[0].start..n[0].end], "323 million");
        assert_eq!(n[0].start, "Telefónica paid €".len());
    }
}
