//! Lemmatizer: exceptions learned from the treebank, then suffix edit rules by Penn tag.
//!
//! Training turns every (form, XPOS, lemma) of the treebank into a suffix edit on the lowercase
//! strings — strip N characters, append a string (`studies`/NNS → strip 3, append `y`) — and
//! keeps, for each tag and lowercase suffix of up to [`MAX_SUFFIX`] characters, the most frequent
//! edit. Case is decided per tag (`Moscow`/NNP keeps it, `Books`/NNS is lowercased), from the
//! capitalised words of the treebank. A known (form, tag) whose lemma the rules would get wrong
//! is stored as an exception.

use crate::binio::{ModelError, Reader, Writer};
use crate::hash::{combine, hash_bytes, HashedMap};
use crate::wordshape::{last_chars, lowercase};
use std::collections::BTreeMap;

/// Longest suffix, in characters, that a rule looks at.
pub const MAX_SUFFIX: usize = 6;

/// A suffix rule needs this many distinct training words behind it (the empty suffix always counts).
const MIN_RULE_SUPPORT: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Edit {
    strip: u8,
    append: String,
}

impl Edit {
    /// The suffix edit that turns lowercase `form` into lowercase `lemma`; `None` only for
    /// absurdly long strips.
    fn between(form: &str, lemma: &str) -> Option<Self> {
        let (form, lemma) = (form.to_lowercase(), lemma.to_lowercase());
        let keep = common_len(&form, &lemma);
        let strip = form[keep..].chars().count();
        Some(Self { strip: u8::try_from(strip).ok()?, append: lemma[keep..].to_string() })
    }

    /// Applies the edit to `base` (already cased as the lemma should be).
    fn apply(&self, base: &str) -> String {
        let chars = base.chars().count();
        if usize::from(self.strip) > chars {
            return base.to_string();
        }
        let cut = base.char_indices().nth(chars - usize::from(self.strip)).map_or(base.len(), |(i, _)| i);
        let mut out = base[..cut].to_string();
        out.push_str(&self.append);
        out
    }
}

/// Length in bytes of the longest common prefix of two strings, on character boundaries.
fn common_len(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, c), _)| i + c.len_utf8())
}

/// The key of a suffix rule, from the hash of its tag and the suffix.
fn rule_key(tag: u64, suffix: &str) -> u64 {
    combine(tag, hash_bytes(suffix.as_bytes()))
}

fn exception_key(form: &str, xpos: &str) -> u64 {
    combine(hash_bytes(form.as_bytes()), combine(7, hash_bytes(xpos.as_bytes())))
}

/// A trained lemmatizer.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    rules: HashedMap<Edit>,
    /// Hashes of the tags whose lemmas keep the form's capitals.
    keeps_case: HashedMap<()>,
    /// Hashes of the tags whose lemmas drop thousands separators (`1,100` → `1100`).
    drops_separators: HashedMap<()>,
    exceptions: HashedMap<String>,
    /// The stored form of `rules` and `exceptions`, kept for writing the model back.
    source: Vec<(String, String, String)>,
}

impl Lemmatizer {
    /// Learns rules and exceptions from (form, XPOS, lemma) triples.
    pub fn train<'a>(examples: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut rule_counts: BTreeMap<(String, String), BTreeMap<Edit, u32>> = BTreeMap::new();
        let mut seen: BTreeMap<(String, String), BTreeMap<String, u32>> = BTreeMap::new();
        let mut case_votes: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        let mut separator_votes: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for (form, xpos, lemma) in examples {
            if lemma == "_" {
                continue;
            }
            if is_grouped_number(form) {
                let votes = separator_votes.entry(xpos.to_string()).or_default();
                if lemma == form.replace(',', "") {
                    votes.0 += 1;
                } else {
                    votes.1 += 1;
                }
            }
            if form.chars().any(char::is_uppercase) && lemma.to_lowercase() != lemma.to_uppercase() {
                let votes = case_votes.entry(xpos.to_string()).or_default();
                if lemma.chars().any(char::is_uppercase) {
                    votes.0 += 1;
                } else {
                    votes.1 += 1;
                }
            }
            *seen.entry((form.into(), xpos.into())).or_default().entry(lemma.into()).or_default() += 1;
        }
        // Rules count word types, not tokens: a frequent abbreviation (`Nov` → `November`)
        // must not make `ov` a suffix rule.
        for ((form, xpos), lemmas) in &seen {
            let Some(lemma) = most_frequent(lemmas) else {
                continue;
            };
            let Some(edit) = Edit::between(form, lemma) else {
                continue;
            };
            let lower = form.to_lowercase();
            for n in 0..=MAX_SUFFIX.min(lower.chars().count()) {
                let key = (xpos.to_string(), last_chars(&lower, n).to_string());
                *rule_counts.entry(key).or_default().entry(edit.clone()).or_default() += 1;
            }
        }
        let mut source: Vec<(String, String, String)> = case_votes
            .iter()
            .filter(|(_, (keep, lower))| keep > lower)
            .map(|(xpos, _)| ("C".to_string(), xpos.clone(), String::new()))
            .collect();
        source.extend(
            separator_votes
                .iter()
                .filter(|(_, (drop, keep))| drop > keep)
                .map(|(xpos, _)| ("S".to_string(), xpos.clone(), String::new())),
        );
        for ((xpos, suffix), edits) in &rule_counts {
            let support: u32 = edits.values().sum();
            if suffix.is_empty() || support >= MIN_RULE_SUPPORT {
                if let Some(edit) = most_frequent(edits) {
                    source.push((format!("R{xpos}"), suffix.clone(), encode_edit(edit)));
                }
            }
        }
        // Exceptions are decided against the whole lookup path, in two rounds: a capitalised
        // form may be sent astray by its lowercase form's exception from the first round.
        let mut lemmatizer = Self::from_source(source);
        for _ in 0..2 {
            let wrong: Vec<(String, String, String)> = seen
                .iter()
                .filter_map(|((form, xpos), lemmas)| {
                    let best = most_frequent(lemmas)?;
                    (lemmatizer.lemmatize(form, xpos) != *best)
                        .then(|| (format!("E{xpos}"), form.clone(), best.clone()))
                })
                .collect();
            let mut source = std::mem::take(&mut lemmatizer.source);
            source.extend(wrong);
            lemmatizer = Self::from_source(source);
        }
        lemmatizer
    }

    fn from_source(source: Vec<(String, String, String)>) -> Self {
        let mut rules = HashedMap::default();
        let mut exceptions = HashedMap::default();
        let mut keeps_case = HashedMap::default();
        let mut drops_separators = HashedMap::default();
        for (kind, key, value) in &source {
            if kind == "C" {
                keeps_case.insert(hash_bytes(key.as_bytes()), ());
            } else if kind == "S" {
                drops_separators.insert(hash_bytes(key.as_bytes()), ());
            }
            if let Some(xpos) = kind.strip_prefix('R') {
                if let Some(edit) = decode_edit(value) {
                    rules.insert(rule_key(hash_bytes(xpos.as_bytes()), key), edit);
                }
            } else if let Some(xpos) = kind.strip_prefix('E') {
                exceptions.insert(exception_key(key, xpos), value.clone());
            }
        }
        Self { rules, keeps_case, drops_separators, exceptions, source }
    }

    /// The lemma of `form` tagged `xpos`.
    /// An unknown capitalised form of a known irregular word (`Went`, `Children`) takes the
    /// lemma of its lowercase form, unless the tag keeps capitals.
    pub fn lemmatize(&self, form: &str, xpos: &str) -> String {
        if let Some(lemma) = self.exceptions.get(&exception_key(form, xpos)) {
            return lemma.clone();
        }
        let tag = hash_bytes(xpos.as_bytes());
        if self.drops_separators.contains_key(&tag) && is_grouped_number(form) {
            return form.replace(',', "");
        }
        let lower = lowercase(form);
        let keeps_case = self.keeps_case.contains_key(&tag);
        if !keeps_case && lower != form {
            if let Some(lemma) = self.exceptions.get(&exception_key(&lower, xpos)) {
                return lemma.clone();
            }
        }
        let base = if keeps_case { form } else { &lower };
        if xpos.starts_with("VB") {
            if let Some(lemma) = double_l_verb(&lower) {
                return lemma;
            }
        }
        for n in (0..=MAX_SUFFIX.min(lower.chars().count())).rev() {
            if let Some(edit) = self.rules.get(&rule_key(tag, last_chars(&lower, n))) {
                return edit.apply(base);
            }
        }
        base.to_string()
    }

    /// Number of suffix rules and of exceptions.
    pub fn size(&self) -> (usize, usize) {
        (self.rules.len(), self.exceptions.len())
    }

    /// Appends the lemmatizer to a model file.
    pub fn write(&self, w: &mut Writer) {
        w.len(self.source.len());
        for (kind, key, value) in &self.source {
            w.str(kind);
            w.str(key);
            w.str(value);
        }
    }

    /// Reads a lemmatizer written by [`Lemmatizer::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let n = r.len(12, "lemmatizer: entries")?;
        let mut source = Vec::with_capacity(n);
        for _ in 0..n {
            source.push((r.str("lemmatizer: kind")?, r.str("lemmatizer: key")?, r.str("lemmatizer: value")?));
        }
        Ok(Self::from_source(source))
    }
}

/// The base of a verb form in "-lled"/"-lling", which suffix rules cannot decide: they learn
/// "expelled" → "expel" and so read "shelled" as "shel", or "rolled" → "roll" and so read
/// "controlled" as "controll". The base keeps "ll" when it has one syllable (shell, spell,
/// kill) or when "ll" follows an "a" or "i" (install, recall, fulfill); otherwise, and after a
/// vowel pair (fuelled, dialled), the consonant was doubled by inflection (control, patrol,
/// compel, cancel, fuel). `None` for other forms.
fn double_l_verb(lower: &str) -> Option<String> {
    let stem = lower.strip_suffix("ed").or_else(|| lower.strip_suffix("ing"))?;
    let before = stem.strip_suffix("ll")?;
    let vowel = |c: char| "aeiou".contains(c);
    let syllables =
        before.chars().zip(before.chars().skip(1)).filter(|(a, b)| !vowel(*a) && vowel(*b)).count()
            + usize::from(before.starts_with(vowel));
    let mut reversed = before.chars().rev();
    let last_vowel = reversed.next().filter(|c| vowel(*c))?;
    // British spelling doubles after a vowel pair too: fuelled, dialled, equalled.
    let pair = reversed.next().is_some_and(vowel) && !before.ends_with("que");
    if pair {
        Some(format!("{before}l"))
    } else if syllables <= 1 || matches!(last_vowel, 'a' | 'i') {
        Some(stem.to_string())
    } else {
        Some(format!("{before}l"))
    }
}

/// A number written with thousands separators: `1,100`, `38,000,000.50`.
fn is_grouped_number(form: &str) -> bool {
    let integer = form.split_once('.').map_or(form, |(i, _)| i);
    let mut groups = integer.split(',');
    let first_ok =
        groups.next().is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let mut rest = groups.peekable();
    first_ok && rest.peek().is_some() && rest.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

fn most_frequent<K: Clone + Ord>(counts: &BTreeMap<K, u32>) -> Option<&K> {
    // BTreeMap order breaks ties deterministically (the smallest key wins).
    counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(k, _)| k)
}

fn encode_edit(e: &Edit) -> String {
    format!("{}:{}", e.strip, e.append)
}

fn decode_edit(s: &str) -> Option<Edit> {
    let (strip, append) = s.split_once(':')?;
    Some(Edit { strip: strip.parse().ok()?, append: append.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trained() -> Lemmatizer {
        let data = [
            ("studies", "NNS", "study"),
            ("parties", "NNS", "party"),
            ("cities", "NNS", "city"),
            ("talks", "NNS", "talk"),
            ("ties", "NNS", "tie"),
            ("vowed", "VBD", "vow"),
            ("denounced", "VBD", "denounce"),
            ("called", "VBD", "call"),
            ("was", "VBD", "be"),
            ("The", "DT", "the"),
            ("Books", "NNS", "book"),
            ("1,100", "CD", "1100"),
            ("2,000", "CD", "2000"),
            ("Moscow", "NNP", "Moscow"),
            ("Havana", "NNP", "Havana"),
        ];
        Lemmatizer::train(data.iter().map(|(a, b, c)| (*a, *b, *c)))
    }

    #[test]
    fn learns_suffix_rules_and_exceptions() {
        let l = trained();
        assert_eq!(l.lemmatize("was", "VBD"), "be");
        assert_eq!(l.lemmatize("Was", "VBD"), "be");
        assert_eq!(l.lemmatize("ties", "NNS"), "tie");
        assert_eq!(l.lemmatize("The", "DT"), "the");
        assert_eq!(l.lemmatize("Kremlin", "NNP"), "Kremlin");
        assert_eq!(l.lemmatize("cities", "NNS"), "city");
        assert_eq!(l.lemmatize("Parties", "NNS"), "party");
        assert_eq!(l.lemmatize("38,000,000", "CD"), "38000000");
        assert_eq!(l.lemmatize("3,5", "CD"), "3,5");
    }

    #[test]
    fn verbs_in_lled_keep_or_undouble_their_l_by_the_shape_of_the_base() {
        let cases = [
            ("shelled", "shell"),
            ("spelled", "spell"),
            ("killing", "kill"),
            ("installed", "install"),
            ("controlled", "control"),
            ("patrolling", "patrol"),
            ("expelled", "expel"),
            ("fuelled", "fuel"),
            ("quelled", "quell"),
        ];
        for (form, lemma) in cases {
            assert_eq!(double_l_verb(form).as_deref(), Some(lemma), "{form}");
        }
        assert_eq!(double_l_verb("walked"), None);
        assert_eq!(double_l_verb("ll"), None);
    }

    #[test]
    fn round_trips_and_handles_odd_input() {
        let l = trained();
        let mut w = Writer::default();
        l.write(&mut w);
        let back = Lemmatizer::read(&mut Reader::new(&w.bytes)).unwrap();
        assert_eq!(back.lemmatize("parties", "NNS"), "party");
        assert_eq!(back.lemmatize("", "NNS"), "");
        assert_eq!(back.lemmatize("Ünïcödé", "NNP"), "Ünïcödé");
        assert_eq!(back.lemmatize("Ünïcödé", "XX"), "ünïcödé");
        assert_eq!(Edit { strip: 9, append: "x".into() }.apply("ab"), "ab");
    }
}
