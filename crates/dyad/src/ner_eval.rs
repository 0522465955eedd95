//! `dyad eval entities`: the entity layer scored on MEANTIME names, by the protocol of
//! `../shared/peers/SPACY.md` § 2b (rebuilt text, scored region, gold spans in characters,
//! PER/ORG/LOC exact-span F1, nationalities ignored).

use anyhow::{Context, Result};
use dyad_extract::entities::{find_mentions, EntityType};
use dyad_lexicon::Lexicon;
use dyad_nlp::analyze::Pipeline;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The three scored types, in the order they are printed.
const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

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

/// MEANTIME entity figures, overall and per type.
#[derive(Debug, Default)]
pub struct NerScores {
    all: Counts,
    by_type: BTreeMap<&'static str, Counts>,
}

impl std::fmt::Display for NerScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let line = |f: &mut std::fmt::Formatter<'_>, name: &str, c: &Counts| {
            let (p, r, f1) = c.prf();
            writeln!(
                f,
                "{name:<4} P {p:.3}  R {r:.3}  F1 {f1:.3}  (matched {}, system {}, gold {})",
                c.matched, c.system, c.gold
            )
        };
        writeln!(f, "MEANTIME names, PER/ORG/LOC exact span")?;
        line(f, "all", &self.all)?;
        for t in TYPES {
            line(f, t, &self.by_type.get(t).copied().unwrap_or_default())?;
        }
        Ok(())
    }
}

/// The MEANTIME label of a dyad type; nationalities are not scored.
fn label(kind: EntityType) -> Option<&'static str> {
    match kind {
        EntityType::Person => Some("PER"),
        EntityType::Organization => Some("ORG"),
        EntityType::Location => Some("LOC"),
        EntityType::Nationality => None,
    }
}

/// Scores `path` (`dev.ner.jsonl`: per document `text`, `scored_region_end` and `gold` spans
/// in characters). A system mention counts if it starts before the scored region's end. With
/// `failures`, prints every miss (`missed`) and false positive (`extra`).
pub fn meantime(path: &Path, pipeline: &Pipeline, lexicon: &Lexicon, failures: bool) -> Result<NerScores> {
    let file = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut scores = NerScores::default();
    for (n, line) in file.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let doc: Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), n + 1))?;
        let id = doc["doc_id"].as_str().unwrap_or("?");
        let text = doc["text"].as_str().unwrap_or("");
        let region = doc["scored_region_end"].as_u64().unwrap_or(u64::MAX) as usize;
        // Character offset of every byte offset that starts a character (and of the end).
        let mut chars = vec![0usize; text.len() + 1];
        for (c, (b, ch)) in text.char_indices().enumerate() {
            for slot in &mut chars[b..b + ch.len_utf8()] {
                *slot = c;
            }
        }
        chars[text.len()] = text.chars().count();
        let system: Vec<(usize, usize, &str)> =
            find_mentions(text, &pipeline.analyze(text), pipeline.tagger(), lexicon)
                .into_iter()
                .filter_map(|m| Some((chars[m.start], chars[m.end], label(m.kind)?)))
                .filter(|(s, _, _)| *s < region)
                .collect();
        let gold: Vec<(usize, usize, &str)> = doc["gold"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|g| {
                let t = g["type"].as_str()?;
                let t = TYPES.into_iter().find(|k| *k == t)?;
                Some((g["start"].as_u64()? as usize, g["end"].as_u64()? as usize, t))
            })
            .collect();
        let piece = |s: usize, e: usize| text.chars().skip(s).take(e - s).collect::<String>();
        let mut used = vec![false; system.len()];
        for g in &gold {
            scores.all.gold += 1;
            scores.by_type.entry(g.2).or_default().gold += 1;
            match system.iter().enumerate().find(|(i, s)| !used[*i] && *s == g) {
                Some((i, _)) => {
                    used[i] = true;
                    scores.all.matched += 1;
                    scores.by_type.entry(g.2).or_default().matched += 1;
                }
                None if failures => {
                    let got: Vec<String> = system
                        .iter()
                        .filter(|s| s.0 < g.1 && g.0 < s.1)
                        .map(|s| format!("{} {:?}", s.2, piece(s.0, s.1)))
                        .collect();
                    println!("{id}\tmissed\t{} {:?}\tgot {}", g.2, piece(g.0, g.1), got.join("; "));
                }
                None => {}
            }
        }
        for (s, u) in system.iter().zip(&used) {
            scores.all.system += 1;
            scores.by_type.entry(s.2).or_default().system += 1;
            if failures && !*u {
                println!("{id}\textra\t{} {:?}", s.2, piece(s.0, s.1));
            }
        }
    }
    Ok(scores)
}
