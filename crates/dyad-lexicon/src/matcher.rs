//! Compiled term matchers: a trie over normalised word sequences, so that "the Russian
//! Federation", "U.S." and "Deputy Finance Minister" are found in one left-to-right pass over a
//! text's words, longest term first.

use dyad_nlp::tokenize::tokenize;
use dyad_nlp::wordshape::lowercase;
use std::collections::HashMap;

/// A word of a text, with its byte span and normalised form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Lowercased, with typographic apostrophes made straight.
    pub norm: String,
}

/// The normal form terms and text words are compared in.
pub fn normalise(word: &str) -> String {
    lowercase(word).replace(['’', '‘'], "'")
}

/// The words of `text` as the tokenizer cuts them (a two-word token such as `Russia's` gives
/// two).
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for t in tokenize(text) {
        let pieces = match t.split {
            Some(at) if at > t.start && at < t.end => vec![(t.start, at), (at, t.end)],
            _ => vec![(t.start, t.end)],
        };
        for (start, end) in pieces {
            if let Some(w) = text.get(start..end) {
                out.push(Word { start, end, norm: normalise(w) });
            }
        }
    }
    out
}

/// The words of a term as they are cut inside a sentence: a term is tokenized with a word after
/// it, so that "U.S." keeps its final period as it does in "the U.S. said".
pub fn term_words(term: &str) -> Vec<Word> {
    let mut padded = words(&format!("{term} x"));
    padded.pop();
    padded
}

/// A term found in a text: the words it covers and what it denotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match<'m, T> {
    /// Index of the first word.
    pub start: usize,
    /// Index one past the last word.
    pub end: usize,
    /// Every entry the term denotes ("Georgia" is a country and a US state).
    pub entries: &'m [T],
}

/// A trie of terms, each denoting one or more entries of type `T`.
#[derive(Debug, Clone)]
pub struct Matcher<T> {
    children: Vec<HashMap<Box<str>, u32>>,
    entries: Vec<Vec<T>>,
}

impl<T> Default for Matcher<T> {
    fn default() -> Self {
        Self { children: vec![HashMap::new()], entries: vec![Vec::new()] }
    }
}

impl<T: PartialEq> Matcher<T> {
    /// Adds `term` (text, cut into words like documents are) denoting `entry`. An empty term
    /// is ignored; the same entry twice under one term is kept once.
    pub fn insert(&mut self, term: &str, entry: T) {
        let words = term_words(term);
        if words.is_empty() {
            return;
        }
        let mut node = 0usize;
        for w in words {
            node = match self.children[node].get(w.norm.as_str()) {
                Some(next) => *next as usize,
                None => {
                    let next = self.entries.len();
                    self.children.push(HashMap::new());
                    self.entries.push(Vec::new());
                    self.children[node].insert(w.norm.into_boxed_str(), next as u32);
                    next
                }
            };
        }
        if !self.entries[node].contains(&entry) {
            self.entries[node].push(entry);
        }
    }

    /// The entries of exactly `term`, if it was inserted.
    pub fn get(&self, term: &str) -> &[T] {
        let mut node = 0usize;
        for w in term_words(term) {
            match self.children[node].get(w.norm.as_str()) {
                Some(next) => node = *next as usize,
                None => return &[],
            }
        }
        if node == 0 {
            &[]
        } else {
            &self.entries[node]
        }
    }

    /// The longest term starting at word `start` of `words`.
    pub fn longest_at<'m>(&'m self, words: &[Word], start: usize) -> Option<Match<'m, T>> {
        let mut node = 0usize;
        let mut best = None;
        for (i, w) in words.iter().enumerate().skip(start) {
            let Some(next) = self.children[node].get(w.norm.as_str()) else { break };
            node = *next as usize;
            if !self.entries[node].is_empty() {
                best = Some(Match { start, end: i + 1, entries: self.entries[node].as_slice() });
            }
        }
        best
    }

    /// The terms of `words`, left to right, longest first, none overlapping.
    pub fn find<'m>(&'m self, words: &[Word]) -> Vec<Match<'m, T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(words, i) {
                // A term led by an article yields to a longer one after it: "the West Bank" is
                // not "the West" (the Western powers) and "Bank".
                Some(m)
                    if words[i].norm == "the"
                        && self.longest_at(words, i + 1).is_some_and(|n| n.end > m.end) =>
                {
                    i += 1;
                }
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Number of distinct terms.
    pub fn terms(&self) -> usize {
        self.entries.iter().filter(|e| !e.is_empty()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_longest_terms_with_offsets_and_shared_names() {
        let mut m = Matcher::default();
        m.insert("Russia", "RUS");
        m.insert("the Russian Federation", "RUS");
        m.insert("Russian", "RUS-adj");
        m.insert("U.S.", "USA");
        m.insert("Georgia", "GEO");
        m.insert("Georgia", "US-GA");
        m.insert("Georgia", "GEO");
        m.insert("", "nothing");
        let text = "The Russian Federation and the U.S. met Russia’s and Georgia's envoys.";
        let w = words(text);
        let found: Vec<(&str, Vec<&str>)> = m
            .find(&w)
            .iter()
            .map(|x| (&text[w[x.start].start..w[x.end - 1].end], x.entries.to_vec()))
            .collect();
        assert_eq!(
            found,
            [
                ("The Russian Federation", vec!["RUS"]),
                ("U.S.", vec!["USA"]),
                ("Russia", vec!["RUS"]),
                ("Georgia", vec!["GEO", "US-GA"]),
            ]
        );
        assert_eq!(m.get("russian"), ["RUS-adj"]);
        m.insert("the West", "WST");
        m.insert("West Bank", "PSE");
        let text = "Troops left the West Bank and the West.";
        let w = words(text);
        let found: Vec<&str> = m.find(&w).iter().flat_map(|x| x.entries.to_vec()).collect();
        assert_eq!(found, ["PSE", "WST"]);
        assert!(m.get("the Russian").is_empty());
        assert_eq!(m.terms(), 7);
    }
}
