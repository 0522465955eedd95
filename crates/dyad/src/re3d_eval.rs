//! `dyad eval re3d`: the entity layer scored on re3d (Dstl), by the protocol of
//! `../shared/peers/SPACY.md` § 2c: every subset's `documents.json` and `entities.json`
//! (JSON Lines; entity offsets in characters of the document's `text`), one gold type per span
//! (its most confident annotation), Person/Organisation/Location as PER/ORG/LOC. The default
//! view keeps gold annotations of every confidence whose text is name-like (the peer's
//! `name_like`: no pronouns, nominals or role phrases), the peer's fairest view for a name
//! tagger. P/R/F1 with exact spans and with relaxed ones (no leading the/a/an, no trailing
//! possessive on either side); every dyad PER/ORG/LOC mention is scored.

use crate::ner_eval::{print_failures, system_spans, NerScores, Span};
use anyhow::{bail, Context, Result};
use dyad_lexicon::Lexicon;
use dyad_nlp::analyze::Pipeline;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Words that are pronouns or quantifiers, not names.
const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "we",
    "us",
    "our",
    "ours",
    "you",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "it",
    "its",
    "they",
    "them",
    "their",
    "theirs",
    "this",
    "that",
    "these",
    "those",
    "who",
    "whom",
    "whose",
    "which",
    "itself",
    "themselves",
    "himself",
    "herself",
    "ourselves",
    "one",
    "others",
    "many",
    "some",
    "all",
];

/// Role nouns: a phrase with one is a description, not a name.
const ROLE_WORDS: &[&str] = &[
    "ceo",
    "president",
    "chairman",
    "chief",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "director",
    "analyst",
    "officer",
    "executive",
    "head",
    "leader",
    "founder",
    "co-founder",
];

/// Lowercase words allowed inside a name.
const NAME_CONNECTORS: &[&str] = &[
    "of", "and", "&", "de", "du", "des", "la", "le", "for", "the", "on", "'s", "’s", "-", "al", "von", "van",
    "der", "y", "del",
];

/// Whether a gold mention is a proper name (the peer's `name_like`): after an optional leading
/// "the", the first word starts with a capital letter, every word is capitalised, a number or
/// a connector (of, and, de, 's …), there is no comma or bracket, it is not a pronoun and no
/// word is a role noun. "General Motors", "the United States" pass; "he", "the city",
/// "President of the United States" do not.
pub fn name_like(text: &str) -> bool {
    let t = text.replace('’', "'");
    if t.contains([',', '(', ')', '[', ']']) {
        return false;
    }
    let mut words: Vec<&str> = t.split_whitespace().collect();
    if words.first().is_some_and(|w| w.to_lowercase() == "the") {
        words.remove(0);
    }
    let Some(first) = words.first() else { return false };
    if PRONOUNS.contains(&words.join(" ").to_lowercase().as_str())
        || PRONOUNS.contains(&first.to_lowercase().as_str())
    {
        return false;
    }
    if !first.chars().next().is_some_and(|c| c.is_alphabetic() && c.is_uppercase()) {
        return false;
    }
    words.iter().all(|w| {
        let initial = w.chars().next().unwrap_or(' ');
        !ROLE_WORDS.contains(&w.to_lowercase().as_str())
            && (initial.is_uppercase() || initial.is_ascii_digit() || NAME_CONNECTORS.contains(w))
    })
}

/// The relaxed form of the byte span `start..end` of `text` (the peer's `relax_span`): without
/// a leading the/a/an, a trailing possessive ('s, ’s) and trailing spaces or apostrophes.
pub fn relax(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let piece = |s: usize, e: usize| text.get(s..e).unwrap_or("");
    for article in ["the ", "a ", "an "] {
        let p = piece(start, end);
        if p.len() > article.len() && p.get(..article.len()).is_some_and(|h| h.eq_ignore_ascii_case(article))
        {
            start += article.len();
            break;
        }
    }
    for suffix in ["'s", "’s", " 's", " ’s"] {
        let p = piece(start, end);
        if p.len() > suffix.len() && p.ends_with(suffix) {
            end -= suffix.len();
            break;
        }
    }
    while let Some(c) = piece(start, end).chars().next_back().filter(|c| matches!(c, ' ' | '\'' | '’')) {
        end -= c.len_utf8();
    }
    while piece(start, end).starts_with(' ') {
        start += 1;
    }
    (start, end)
}

/// Which gold annotations are scored.
#[derive(Debug, Clone, Copy)]
pub struct View {
    /// Only annotations at least this confident (all when `None`).
    pub min_confidence: Option<f64>,
    /// Also annotations that are not name-like (pronouns, nominals, role phrases).
    pub all_mentions: bool,
}

impl View {
    fn describe(&self) -> String {
        let which = if self.all_mentions { "all mentions" } else { "names" };
        match self.min_confidence {
            Some(c) => format!("{which}, gold confidence >= {c}"),
            None => format!("{which}, gold of all confidences"),
        }
    }
}

/// re3d figures: exact and relaxed spans.
#[derive(Debug)]
pub struct Re3dScores {
    exact: NerScores,
    relaxed: NerScores,
    docs: usize,
}

impl std::fmt::Display for Re3dScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.exact, self.relaxed)?;
        writeln!(f, "{} documents", self.docs)
    }
}

/// Reads a JSON Lines file, an error naming the file and line for a malformed one.
fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).with_context(|| format!("{}:{}", path.display(), n + 1)))
        .collect()
}

/// The subset folders of `dir` (those with a `documents.json`), in name order.
fn subsets(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.join("documents.json").is_file())
        .collect();
    out.sort();
    if out.is_empty() {
        bail!("no re3d subset (a folder with documents.json) in {}", dir.display());
    }
    Ok(out)
}

/// The scored type of a re3d entity type.
fn scored_type(kind: &str) -> Option<&'static str> {
    match kind {
        "Person" => Some("PER"),
        "Organisation" => Some("ORG"),
        "Location" => Some("LOC"),
        _ => None,
    }
}

/// Scores the re3d subsets under `dir` in `view`. With `failures`, prints every exact-span
/// miss (`missed`) and false positive (`extra`) with the first 8 characters of the document id.
pub fn run(
    dir: &Path,
    view: View,
    pipeline: &Pipeline,
    lexicon: &Lexicon,
    failures: bool,
) -> Result<Re3dScores> {
    let (mut docs, mut entities) = (Vec::new(), Vec::new());
    for subset in subsets(dir)? {
        docs.extend(read_jsonl(&subset.join("documents.json"))?);
        let path = subset.join("entities.json");
        entities.extend(read_jsonl(&path)?.into_iter().enumerate().map(|(n, e)| (path.clone(), n, e)));
    }
    let id = |d: &Value| d["_id"].as_str().unwrap_or("").to_string();
    docs.sort_by_key(id);
    let index: HashMap<String, usize> = docs.iter().enumerate().map(|(i, d)| (id(d), i)).collect();
    // One gold annotation per span: the most confident (the first of equals, in file order).
    let mut best: BTreeMap<(usize, usize, usize), (f64, String)> = BTreeMap::new();
    for (path, n, e) in &entities {
        let field = |k: &str| e[k].as_u64().map(|v| v as usize);
        let (Some(doc), Some(begin), Some(end), Some(kind), Some(confidence)) = (
            e["documentId"].as_str().and_then(|d| index.get(d)),
            field("begin"),
            field("end"),
            e["type"].as_str(),
            e["confidence"].as_f64(),
        ) else {
            bail!("{}: entity {} lacks documentId, begin, end, type or confidence", path.display(), n + 1);
        };
        let slot = best.entry((*doc, begin, end)).or_insert((f64::NEG_INFINITY, String::new()));
        if confidence > slot.0 {
            *slot = (confidence, kind.to_string());
        }
    }
    let mut gold: Vec<Vec<Span>> = vec![Vec::new(); docs.len()];
    // The byte offset of every character offset of each text, and of its end.
    let offsets: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| {
            let text = d["text"].as_str().unwrap_or("");
            text.char_indices().map(|(b, _)| b).chain([text.len()]).collect()
        })
        .collect();
    for ((doc, begin, end), (confidence, kind)) in &best {
        let (text, bytes) = (docs[*doc]["text"].as_str().unwrap_or(""), &offsets[*doc]);
        let (Some(&start), Some(&stop)) = (bytes.get(*begin), bytes.get(*end)) else { continue };
        let Some(t) = scored_type(kind).filter(|_| start < stop) else { continue };
        if view.min_confidence.is_some_and(|c| *confidence < c)
            || (!view.all_mentions && !name_like(&text[start..stop]))
        {
            continue;
        }
        gold[*doc].push((start, stop, t));
    }
    let view_name = view.describe();
    let mut out = Re3dScores {
        exact: NerScores::new(format!("re3d {view_name}, PER/ORG/LOC exact span")),
        relaxed: NerScores::new(format!("re3d {view_name}, PER/ORG/LOC relaxed span (no the/a/an, no 's)")),
        docs: docs.len(),
    };
    for (doc, gold) in docs.iter().zip(&gold) {
        let text = doc["text"].as_str().unwrap_or("");
        let mut system = system_spans(text, pipeline, lexicon);
        system.sort();
        system.dedup();
        let matches = out.exact.add(gold, &system);
        let relaxed = |spans: &[Span]| {
            let mut r: Vec<Span> = spans
                .iter()
                .map(|&(s, e, t)| {
                    let (s, e) = relax(text, s, e);
                    (s, e, t)
                })
                .collect();
            r.sort();
            r.dedup();
            r
        };
        out.relaxed.add(&relaxed(gold), &relaxed(&system));
        if failures {
            let id = id(doc);
            let short = id.get(..8).unwrap_or(&id);
            print_failures(short, gold, &system, &matches, |s, e| text[s..e].to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_told_from_descriptions() {
        for name in ["General Motors", "the United States", "Daesh", "Bank of America", "Al-Qaeda's", "F-16"]
        {
            assert!(name_like(name), "{name}");
        }
        for not in
            ["he", "the city", "U.S. automaker", "President of the United States", "Iraq, Syria", "", "The"]
        {
            assert!(!name_like(not), "{not}");
        }
    }

    #[test]
    fn relaxed_spans_lose_articles_and_possessives() {
        let text = "the Pentagon’s plan and A Team's";
        let (s, e) = relax(text, 0, "the Pentagon’s".len());
        assert_eq!(&text[s..e], "Pentagon");
        let a = text.find("A Team").unwrap();
        let (s, e) = relax(text, a, text.len());
        assert_eq!(&text[s..e], "Team");
        assert_eq!(relax(text, 4, 12), (4, 12));
        assert_eq!(relax("the ", 0, 4), (0, 3));
    }
}
