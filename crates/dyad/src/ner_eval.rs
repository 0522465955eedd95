//! `dyad eval entities`: the entity layer scored on MEANTIME names, by the protocol of
//! `../shared/peers/SPACY.md` § 2b (rebuilt text, scored region, gold spans in characters,
//! PER/ORG/LOC exact-span F1, nationalities ignored). Also the scoring shared with
//! `dyad eval wikigold` and `dyad eval re3d`: typed spans, counts, failure listings.

use anyhow::{Context, Result};
use dyad_extract::entities::{find_mentions, EntityType};
use dyad_lexicon::Lexicon;
use dyad_nlp::analyze::Pipeline;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The three scored types, in the order they are printed.
pub(crate) const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// A typed span of a document: start, end (in the unit the caller chose: characters, bytes or
/// tokens) and the scored type.
pub(crate) type Span = (usize, usize, &'static str);

/// Counts of one type (or all): gold spans, system spans, exact matches.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    system: usize,
    matched: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(self.matched, self.system), ratio(self.matched, self.gold));
        (p, r, if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
    }
}

/// Entity figures of one view, overall and per type, under a title line.
#[derive(Debug, Default)]
pub struct NerScores {
    title: String,
    all: Counts,
    by_type: BTreeMap<&'static str, Counts>,
}

/// Which spans of one document found a partner: `gold[i]` for the i-th gold span,
/// `system[j]` for the j-th system span.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Matches {
    pub gold: Vec<bool>,
    pub system: Vec<bool>,
}

impl NerScores {
    /// Empty scores printed under `title`.
    pub(crate) fn new(title: impl Into<String>) -> Self {
        Self { title: title.into(), ..Self::default() }
    }

    /// Counts one document: each gold span matches an equal system span (same bounds and type)
    /// not matched before.
    pub(crate) fn add(&mut self, gold: &[Span], system: &[Span]) -> Matches {
        let mut matches = Matches { gold: vec![false; gold.len()], system: vec![false; system.len()] };
        for (g, found) in gold.iter().zip(&mut matches.gold) {
            self.count(g.2, |c| c.gold += 1);
            if let Some(i) = (0..system.len()).find(|&i| !matches.system[i] && system[i] == *g) {
                matches.system[i] = true;
                *found = true;
                self.count(g.2, |c| c.matched += 1);
            }
        }
        for s in system {
            self.count(s.2, |c| c.system += 1);
        }
        matches
    }

    /// Counts a system span of type `kind` that cannot match any gold span.
    pub(crate) fn add_unmatched_system(&mut self, kind: &'static str) {
        self.count(kind, |c| c.system += 1);
    }

    fn count(&mut self, kind: &'static str, f: impl Fn(&mut Counts)) {
        f(&mut self.all);
        f(self.by_type.entry(kind).or_default());
    }

    /// Overall (gold, system, matched) counts.
    pub(crate) fn totals(&self) -> (usize, usize, usize) {
        (self.all.gold, self.all.system, self.all.matched)
    }
}

/// One figure line: `name P … R … F1 … (matched, system, gold)`.
fn line(f: &mut std::fmt::Formatter<'_>, name: &str, c: &Counts) -> std::fmt::Result {
    let (p, r, f1) = c.prf();
    writeln!(
        f,
        "{name:<4} P {p:.3}  R {r:.3}  F1 {f1:.3}  (matched {}, system {}, gold {})",
        c.matched, c.system, c.gold
    )
}

impl std::fmt::Display for NerScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}", self.title)?;
        line(f, "all", &self.all)?;
        for t in TYPES {
            line(f, t, &self.by_type.get(t).copied().unwrap_or_default())?;
        }
        Ok(())
    }
}

/// Prints the misses (`missed`, with the system spans overlapping them) and the false
/// positives (`extra`) of one document, as `id`, a tab, the kind and the span's text, which
/// `piece` gives for a start and end.
pub(crate) fn print_failures(
    id: &str,
    gold: &[Span],
    system: &[Span],
    matches: &Matches,
    piece: impl Fn(usize, usize) -> String,
) {
    for (g, _) in gold.iter().zip(&matches.gold).filter(|(_, m)| !**m) {
        let got: Vec<String> = system
            .iter()
            .filter(|s| s.0 < g.1 && g.0 < s.1)
            .map(|s| format!("{} {:?}", s.2, piece(s.0, s.1)))
            .collect();
        println!("{id}\tmissed\t{} {:?}\tgot {}", g.2, piece(g.0, g.1), got.join("; "));
    }
    for (s, _) in system.iter().zip(&matches.system).filter(|(_, m)| !**m) {
        println!("{id}\textra\t{} {:?}", s.2, piece(s.0, s.1));
    }
}

/// The scored label of a dyad type (PER, ORG, LOC); nationalities are not scored.
fn label(kind: EntityType) -> Option<&'static str> {
    match kind {
        EntityType::Person => Some("PER"),
        EntityType::Organization => Some("ORG"),
        EntityType::Location => Some("LOC"),
        EntityType::Nationality => None,
    }
}

/// The PER/ORG/LOC mentions dyad finds in `text` (analysed as one document), as byte spans in
/// text order; nationalities are left out.
pub(crate) fn system_spans(text: &str, pipeline: &Pipeline, lexicon: &Lexicon) -> Vec<Span> {
    find_mentions(text, &pipeline.analyze(text), pipeline.tagger(), lexicon)
        .into_iter()
        .filter_map(|m| Some((m.start, m.end, label(m.kind)?)))
        .collect()
}

/// Spans without a leading article: dyad's organisation mentions take "the" as MEANTIME and
/// ACE extents do ("the Pentagon"); CoNLL-2003 extents leave it out.
pub(crate) fn without_article(text: &str, spans: Vec<Span>) -> Vec<Span> {
    spans
        .into_iter()
        .map(|(start, end, kind)| {
            let article =
                ["the ", "The "].iter().any(|a| text.get(start..end).is_some_and(|t| t.starts_with(a)));
            if article && end > start + 4 {
                (start + 4, end, kind)
            } else {
                (start, end, kind)
            }
        })
        .collect()
}

/// The character offset of every byte offset of `text` (a byte inside a character gives that
/// character's offset), and of its end.
fn char_offsets(text: &str) -> Vec<usize> {
    let mut chars = vec![0usize; text.len() + 1];
    for (c, (b, ch)) in text.char_indices().enumerate() {
        for slot in &mut chars[b..b + ch.len_utf8()] {
            *slot = c;
        }
    }
    chars[text.len()] = text.chars().count();
    chars
}

/// Scores `path` (`dev.ner.jsonl`: per document `text`, `scored_region_end` and `gold` spans
/// in characters). A system mention counts if it starts before the scored region's end. With
/// `failures`, prints every miss (`missed`) and false positive (`extra`).
pub fn meantime(path: &Path, pipeline: &Pipeline, lexicon: &Lexicon, failures: bool) -> Result<NerScores> {
    let file = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut scores = NerScores::new("MEANTIME names, PER/ORG/LOC exact span");
    for (n, line) in file.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let doc: Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), n + 1))?;
        let id = doc["doc_id"].as_str().unwrap_or("?");
        let text = doc["text"].as_str().unwrap_or("");
        let region = doc["scored_region_end"].as_u64().unwrap_or(u64::MAX) as usize;
        let chars = char_offsets(text);
        let system: Vec<Span> = system_spans(text, pipeline, lexicon)
            .into_iter()
            .map(|(s, e, t)| (chars[s], chars[e], t))
            .filter(|(s, _, _)| *s < region)
            .collect();
        let gold: Vec<Span> = doc["gold"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|g| {
                let t = g["type"].as_str()?;
                let t = TYPES.into_iter().find(|k| *k == t)?;
                Some((g["start"].as_u64()? as usize, g["end"].as_u64()? as usize, t))
            })
            .collect();
        let matches = scores.add(&gold, &system);
        if failures {
            let piece = |s: usize, e: usize| text.chars().skip(s).take(e - s).collect::<String>();
            print_failures(id, &gold, &system, &matches, piece);
        }
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_dropped_from_extents() {
        let text = "the Pentagon and The UN";
        assert_eq!(
            without_article(text, vec![(0, 12, "ORG"), (17, 23, "ORG")]),
            vec![(4, 12, "ORG"), (21, 23, "ORG")]
        );
    }
}
