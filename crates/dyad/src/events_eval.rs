//! `dyad eval events` and `dyad eval plover`: the event coder scored against gold events.
//!
//! `events` reads the gold format of DESIGN.md (one JSON object per document, JSON or JSON
//! Lines): a system event matches a gold event when its trigger lies in the gold sentence, its
//! source and target match and its code is accepted; strict actor match = the gold code is a
//! prefix of the system code, lenient = the same country (first three letters). Recall counts
//! the required gold events, precision the system events matching any gold event.
//!
//! `plover` reads PLOVER gold sentences (`text`, `event`, `source`/`target` lists of
//! `{code}`): a sentence is right when some system event has the gold type (0.5b1 labels mapped
//! to PLOVER 2021: DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT, INVESTIGATE→ACCUSE) and a
//! source and target whose countries are among the gold ones.
//!
//! Both count only asserted, intended and reported events: negated and hypothetical ones are
//! flagged records, not claims that the event happened.

use anyhow::{bail, Context, Result};
use dyad_extract::coder::{Coder, Document};
use dyad_extract::event::{Event, Modality};
use dyad_extract::time::Date;
use serde_json::Value;
use std::path::Path;

/// Whether an event counts as a claim that it happened (or was meant to).
fn counted(e: &Event) -> bool {
    !matches!(e.modality, Modality::Negated | Modality::Hypothetical)
}

/// Precision and recall tallies, strict and lenient.
#[derive(Default, Clone, Copy)]
struct Tally {
    required: usize,
    found: [usize; 2],
    system: usize,
    correct: [usize; 2],
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.required += other.required;
        self.system += other.system;
        for k in 0..2 {
            self.found[k] += other.found[k];
            self.correct[k] += other.correct[k];
        }
    }

    fn line(&self, name: &str) -> String {
        let mut s = format!("{name:<24} required {:>3}  system {:>3}", self.required, self.system);
        for (k, mode) in ["strict", "lenient"].iter().enumerate() {
            let r = ratio(self.found[k], self.required);
            let p = ratio(self.correct[k], self.system);
            let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
            s += &format!("  {mode}: found {}/{} P {p:.3} R {r:.3} F1 {f:.3}", self.found[k], self.required);
        }
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The gold actor values of a field: "" or missing = any, a string, or a list of strings.
fn gold_actors(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) if !s.is_empty() => vec![s.clone()],
        Value::Array(a) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

/// Whether a system actor matches gold codes (empty = any or none); `lenient` compares the
/// first three letters (the country, or IGO/NGO/region) only.
fn actor_matches(gold: &[String], system: Option<&str>, lenient: bool) -> bool {
    if gold.is_empty() {
        return true;
    }
    let Some(system) = system else { return false };
    gold.iter().any(|g| {
        if lenient {
            g.get(..3).is_some_and(|p| system.starts_with(p))
        } else {
            system.starts_with(g.as_str())
        }
    })
}

/// The character offset of byte offset `b` of `text`.
fn char_offset(text: &str, b: usize) -> usize {
    text.get(..b).map_or(0, |s| s.chars().count())
}

/// Scores the coder on gold documents.
pub fn run_events(coder: &Coder<'_>, path: &Path, failures: bool) -> Result<()> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let docs: Vec<Value> = match serde_json::from_str::<Value>(&raw) {
        Ok(Value::Array(a)) => a,
        Ok(v @ Value::Object(_)) => vec![v],
        _ => raw
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| serde_json::from_str(l).with_context(|| format!("{}:{}", path.display(), n + 1)))
            .collect::<Result<_>>()?,
    };
    let mut total = Tally::default();
    for doc in &docs {
        let id = doc["id"].as_str().unwrap_or("doc");
        let Some(text) = doc["text"].as_str() else {
            bail!("{}: document {id} has no `text`", path.display())
        };
        let dct = doc["dct"].as_str().and_then(|d| Date::parse(d).ok());
        let sentences: Vec<(usize, usize)> = doc["sentences"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| Some((s.get(0)?.as_u64()? as usize, s.get(1)?.as_u64()? as usize)))
                    .collect()
            })
            .unwrap_or_default();
        let gold = doc["events"].as_array().cloned().unwrap_or_default();
        let coded = coder.code(&Document { id, text, dct });
        let events: Vec<&Event> = coded.events.iter().filter(|e| counted(e)).collect();
        // A record stands for all its mentions: any of their triggers may lie in the sentence.
        let in_sentence = |e: &Event, g: &Value| {
            let s = g["sentence"].as_u64().unwrap_or(u64::MAX) as usize;
            std::iter::once(&e.trigger).chain(&e.other_triggers).any(|t| {
                let c = char_offset(text, t.start);
                sentences.get(s).is_some_and(|(a, b)| c >= *a && c < *b)
            })
        };
        let matches = |e: &Event, g: &Value, lenient: bool| {
            let codes: Vec<String> = gold_actors(&g["codes"]);
            in_sentence(e, g)
                && actor_matches(
                    &gold_actors(&g["source"]),
                    e.source.as_ref().map(|a| a.code.as_str()),
                    lenient,
                )
                && actor_matches(
                    &gold_actors(&g["target"]),
                    e.target.as_ref().map(|a| a.code.as_str()),
                    lenient,
                )
                && codes.iter().any(|c| e.cameo.starts_with(c.as_str()))
        };
        let mut tally = Tally { system: events.len(), ..Default::default() };
        for g in &gold {
            if g["required"].as_bool() != Some(true) {
                continue;
            }
            tally.required += 1;
            for (k, lenient) in [false, true].into_iter().enumerate() {
                if events.iter().any(|e| matches(e, g, lenient)) {
                    tally.found[k] += 1;
                } else if failures && !lenient {
                    println!(
                        "missed  {id} s{} {} {} → {} {}",
                        g["sentence"], g["trigger"], g["source"], g["target"], g["codes"]
                    );
                }
            }
        }
        for e in &events {
            for (k, lenient) in [false, true].into_iter().enumerate() {
                if gold.iter().any(|g| matches(e, g, lenient)) {
                    tally.correct[k] += 1;
                } else if failures && !lenient {
                    let code = |a: &Option<dyad_extract::event::Actor>| {
                        a.as_ref().map_or("-".into(), |a| a.code.clone())
                    };
                    println!(
                        "extra   {id} s{} {} {} → {} {} ({})",
                        e.sentence,
                        e.trigger.text,
                        code(&e.source),
                        code(&e.target),
                        e.cameo,
                        e.rule
                    );
                }
            }
        }
        println!("{}", tally.line(id));
        total.add(tally);
    }
    if docs.len() > 1 {
        println!("{}", total.line("total"));
    }
    Ok(())
}

/// The PLOVER 2021 type of a 0.5b1 gold label.
fn plover_2021(label: &str) -> &str {
    match label {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        "INVESTIGATE" => "ACCUSE",
        other => other,
    }
}

/// The gold actor codes of a PLOVER field (a list of `{code}` objects; "" or null = none).
fn plover_actors(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["code"].as_str())
                .filter(|c| !c.is_empty())
                .map(|c| iso_country(c).to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The ISO 3166 code of a gold country code: the PLOVER gold writes Italy and Japan with the
/// old KEDS codes ITL and JAP, where dyad (and CAMEO's country list) use ITA and JPN.
fn iso_country(code: &str) -> &str {
    match code {
        "ITL" => "ITA",
        "JAP" => "JPN",
        _ => code,
    }
}

/// Whether a system actor matches PLOVER gold codes by country: the gold's `IGO` stands for
/// any international organisation, governmental or not (it codes Amnesty and the Red Cross),
/// so it accepts dyad's NGO codes too.
fn plover_actor_matches(gold: &[String], system: Option<&str>) -> bool {
    let international = |c: &str| c.starts_with("IGO") || c.starts_with("NGO");
    actor_matches(gold, system, true)
        || (gold.iter().any(|g| international(g)) && system.is_some_and(international))
}

/// Scores the coder on PLOVER gold sentences.
pub fn run_plover(coder: &Coder<'_>, path: &Path, failures: bool) -> Result<()> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let (mut sentences, mut right, mut typed, mut produced) = (0, 0, 0, 0);
    let mut bad = 0;
    let mut per_type: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for (n, line) in raw.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let gold: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("dyad: error: {}:{}: {e}", path.display(), n + 1);
                bad += 1;
                continue;
            }
        };
        let id = gold["id"].as_str().unwrap_or("");
        let Some(text) = gold["text"].as_str() else {
            eprintln!("dyad: error: {}:{}: no `text`", path.display(), n + 1);
            bad += 1;
            continue;
        };
        let dct = gold["date"].as_str().and_then(|d| Date::parse(d).ok());
        let want = plover_2021(gold["event"].as_str().unwrap_or(""));
        let (sources, targets) = (plover_actors(&gold["source"]), plover_actors(&gold["target"]));
        let coded = coder.code(&Document { id, text, dct });
        sentences += 1;
        produced += coded.events.len();
        let events: Vec<&Event> = coded.events.iter().filter(|e| counted(e)).collect();
        let of_type: Vec<&&Event> = events.iter().filter(|e| e.plover == want).collect();
        let ok = of_type.iter().any(|e| {
            plover_actor_matches(&sources, e.source.as_ref().map(|a| a.code.as_str()))
                && plover_actor_matches(&targets, e.target.as_ref().map(|a| a.code.as_str()))
        });
        typed += usize::from(!of_type.is_empty());
        right += usize::from(ok);
        let slot = per_type.entry(want.to_string()).or_default();
        slot.0 += 1;
        slot.1 += usize::from(ok);
        if failures && !ok {
            let got: Vec<String> = events
                .iter()
                .map(|e| {
                    let code = |a: &Option<dyad_extract::event::Actor>| {
                        a.as_ref().map_or("-".into(), |a| a.code.clone())
                    };
                    format!(
                        "{} {}→{} {} ({})",
                        e.plover,
                        code(&e.source),
                        code(&e.target),
                        e.cameo,
                        e.trigger.text
                    )
                })
                .collect();
            println!("{id}: want {want} {sources:?}→{targets:?}; got [{}]\n    {text}", got.join("; "));
        }
    }
    for (t, (n, ok)) in &per_type {
        println!("{t:<12} {ok:>3}/{n:<3} {:.3}", ratio(*ok, *n));
    }
    println!(
        "sentences {sentences}: right type and actors {right} ({:.3}); right type {typed} ({:.3}); events per sentence {:.2}",
        ratio(right, sentences),
        ratio(typed, sentences),
        ratio(produced, sentences)
    );
    if bad > 0 {
        bail!("{bad} lines could not be read (named above)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_actor_match_is_a_prefix_and_lenient_the_country() {
        let gold = vec!["RUSGOV".to_string()];
        assert!(actor_matches(&gold, Some("RUSGOV"), false));
        assert!(!actor_matches(&gold, Some("RUS"), false));
        assert!(actor_matches(&gold, Some("RUS"), true));
        assert!(actor_matches(&["USA".to_string()], Some("USAGOV"), false));
        assert!(actor_matches(&[], None, false));
        assert!(!actor_matches(&gold, None, true));
    }

    #[test]
    fn plover_igo_accepts_any_international_organisation() {
        assert!(plover_actor_matches(&["IGO".to_string()], Some("NGOHRIAMN")));
        assert!(!plover_actor_matches(&["IGO".to_string()], Some("USA")));
        assert!(plover_actor_matches(&["USA".to_string()], Some("USAGOV")));
    }

    #[test]
    fn old_plover_labels_map_to_2021_types() {
        assert_eq!(plover_2021("DISAPPROVE"), "ACCUSE");
        assert_eq!(plover_2021("AGREE"), "AGREE");
    }

    #[test]
    fn character_offsets_count_characters_not_bytes() {
        assert_eq!(char_offset("“a” b", "“a” ".len()), 4);
    }
}
