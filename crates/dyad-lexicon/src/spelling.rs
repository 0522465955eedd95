//! Country names misspelt by one letter ("Ethopia", "Afganistan", "Phillippines"), which wire
//! text has often enough that an event loses its actor.
//!
//! A symmetric-deletion index (as in SymSpell): every name is stored under itself and under each
//! string one deletion away; a word is looked up the same way, so one lookup per letter finds
//! the names one insertion, deletion, substitution or transposition away. Measured on the
//! MEANTIME, wikigold and re3d texts, most words one letter from a name are other names, so the
//! index is narrow: country names only (a nationality one letter off is usually another word:
//! "Brixton" and "Briton", "Americas" and "Americans"); never the first or the last letter
//! ("Prussian" is not "Russian", "Indiana" not "India"); names of at least [`MIN_LETTERS`]
//! letters ("Kansas", "Allawi" and "Mersey" are not misspellings); and not the names of
//! [`OWN_NAMES`], which are names in their own right.

use crate::tables::Entry;
use std::collections::HashMap;

/// The fewest letters a name, and a word looked up, must have.
pub const MIN_LETTERS: usize = 7;

/// Words one letter from a country name that are names in their own right (lowercase).
pub const OWN_NAMES: &[&str] = &["columbia", "cameron"];

/// The index of the names that a misspelling may stand for.
#[derive(Debug, Clone, Default)]
pub struct Misspellings {
    /// A name or one of its deletions → the entry, or `None` when two entries share the key.
    keys: HashMap<String, Option<Entry>>,
}

impl Misspellings {
    /// Indexes the one-word terms of `terms` whose entry is a country or a nationality.
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a (String, Entry)>) -> Self {
        let mut keys: HashMap<String, Option<Entry>> = HashMap::new();
        for (term, entry) in terms {
            if !matches!(entry, Entry::Country(_)) {
                continue;
            }
            let Some(name) = plain_word(term) else { continue };
            for key in std::iter::once(name.clone()).chain(deletions(&name)) {
                let slot = keys.entry(key).or_insert(Some(*entry));
                if *slot != Some(*entry) {
                    *slot = None;
                }
            }
        }
        Self { keys }
    }

    /// The one country `word` is a misspelling of, if exactly one is within a letter of it.
    /// The caller looks words up only when they match no term exactly.
    pub fn lookup(&self, word: &str) -> Option<Entry> {
        let word = plain_word(word).filter(|w| !OWN_NAMES.contains(&w.as_str()))?;
        let mut found: Option<Entry> = None;
        for key in std::iter::once(word.clone()).chain(deletions(&word)) {
            match self.keys.get(&key) {
                None => {}
                Some(None) => return None,
                Some(Some(entry)) => match found {
                    Some(f) if f != *entry => return None,
                    _ => found = Some(*entry),
                },
            }
        }
        found
    }
}

/// `word` lowercased, if it is one word of ASCII letters, at least [`MIN_LETTERS`] of them.
fn plain_word(word: &str) -> Option<String> {
    (word.len() >= MIN_LETTERS && word.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| word.to_ascii_lowercase())
}

/// The strings one deletion away from `word` (ASCII), keeping its first and last letters.
fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    (1..word.len().saturating_sub(1)).map(move |i| format!("{}{}", &word[..i], &word[i + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Misspellings {
        let terms = [
            ("Ethiopia".to_string(), Entry::Country(0)),
            ("Afghanistan".to_string(), Entry::Country(1)),
            ("Philippines".to_string(), Entry::Country(2)),
            ("Austria".to_string(), Entry::Country(3)),
            ("Australia".to_string(), Entry::Country(4)),
            ("Niger".to_string(), Entry::Country(5)),
            ("Colombia".to_string(), Entry::Country(6)),
            ("Kremlin".to_string(), Entry::Metonym(0)),
            ("Americans".to_string(), Entry::Nationality(7)),
        ];
        Misspellings::new(terms.iter())
    }

    /// Insertions, deletions, substitutions and transpositions of one letter are found.
    #[test]
    fn finds_names_one_letter_away() {
        let m = index();
        assert_eq!(m.lookup("Ethopia"), Some(Entry::Country(0)));
        assert_eq!(m.lookup("Afganistan"), Some(Entry::Country(1)));
        assert_eq!(m.lookup("Phillippines"), Some(Entry::Country(2)));
        assert_eq!(m.lookup("Ehtiopia"), Some(Entry::Country(0)));
        assert_eq!(m.lookup("Austira"), Some(Entry::Country(3)));
    }

    /// Words further away, short names, other kinds of entry and non-words find nothing.
    #[test]
    fn leaves_other_words_alone() {
        let m = index();
        assert_eq!(m.lookup("Etopa"), None);
        assert_eq!(m.lookup("Ethiopias"), None, "an ending is not a typo");
        assert_eq!(m.lookup("Nigel"), None, "Niger is too short to take part");
        assert_eq!(m.lookup("Austrie"), None, "not the last letter");
        assert_eq!(m.lookup("Kremlim"), None, "only countries");
        assert_eq!(m.lookup("Americas"), None, "not nationalities");
        assert_eq!(m.lookup("Xthiopia"), None, "not the first letter");
        assert_eq!(m.lookup("Columbia"), None, "a name in its own right");
        assert_eq!(m.lookup("Colombja"), Some(Entry::Country(6)));
        assert_eq!(m.lookup("Ethiópia"), None);
        assert_eq!(m.lookup(""), None);
    }
}
