//! `dyad eval meantime` and `dyad eval datetime`: the time layer scored on MEANTIME's TIMEX3
//! annotations and on the Recognizers-Text date-time specs.

use anyhow::{bail, Context, Result};
use dyad_extract::time::interval::{clock_seconds, period, Moment};
use dyad_extract::time::{find_in_document, Date, Timex};
use dyad_nlp::analyze::Pipeline;
use serde_json::Value;
use std::path::Path;

/// Overlap of two byte spans.
fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The times dyad finds in `text`, analysed by `pipeline`.
fn times(pipeline: &Pipeline, text: &str, dct: Option<Date>) -> Vec<Timex> {
    find_in_document(text, &pipeline.analyze(text), pipeline.tagger(), dct)
}

/// Reads a JSON file, skipping a UTF-8 byte order mark.
fn read_json(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .with_context(|| format!("parsing {}", path.display()))
}

/// MEANTIME figures: recognition by overlap, and value accuracy of the matched expressions.
#[derive(Debug, Default)]
pub struct MeantimeScores {
    gold: usize,
    system: usize,
    matched: usize,
    valued: usize,
    value_right: usize,
}

impl std::fmt::Display for MeantimeScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
        let (p, r) = (ratio(self.matched, self.system), ratio(self.matched, self.gold));
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        writeln!(
            f,
            "TIMEX3 recognition (overlap): gold {}, system {}, matched {}",
            self.gold, self.system, self.matched
        )?;
        writeln!(f, "  precision {p:.2}%  recall {r:.2}%  F1 {f1:.2}%")?;
        writeln!(
            f,
            "value accuracy of matched DATE/TIME/DURATION: {} of {} = {:.2}%",
            self.value_right,
            self.valued,
            ratio(self.value_right, self.valued)
        )
    }
}

/// MEANTIME annotates times in the first sentences of each article only (the title, the
/// dateline and the next four): system expressions are counted there.
const ANNOTATED_SENTENCES: usize = 6;

/// Scores the time layer on MEANTIME (`dev.jsonl`: one document a line with tokens, TIMEX3
/// values and the DCT). Each document's text is its tokens joined by spaces, a line a sentence;
/// expressions are counted in the annotated sentences. With `failures`, prints every miss,
/// wrong value and extra expression.
pub fn meantime(path: &Path, pipeline: &Pipeline, failures: bool) -> Result<MeantimeScores> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut scores = MeantimeScores::default();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let doc: Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), n + 1))?;
        let id = doc["doc_id"].as_str().unwrap_or("?");
        let dct = doc["dct"].as_str().and_then(|d| Date::parse(d).ok());
        let (text, spans) = rebuild_text(&doc);
        let annotated_end =
            text.match_indices('\n').nth(ANNOTATED_SENTENCES - 1).map_or(text.len(), |(i, _)| i);
        let system: Vec<Timex> =
            times(pipeline, &text, dct).into_iter().filter(|t| t.start < annotated_end).collect();
        let gold: Vec<(usize, usize, &str, &str)> = doc["timex3"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| {
                let ids = t["t_ids"].as_array()?;
                let first = spans.get(&ids.first()?.as_u64()?)?;
                let last = spans.get(&ids.last()?.as_u64()?)?;
                Some((first.0, last.1, t["type"].as_str().unwrap_or(""), t["value"].as_str().unwrap_or("")))
            })
            .collect();
        scores.gold += gold.len();
        scores.system += system.len();
        let mut used = vec![false; system.len()];
        for (start, end, kind, value) in &gold {
            let found = system
                .iter()
                .enumerate()
                .find(|(i, s)| !used[*i] && overlaps((s.start, s.end), (*start, *end)));
            let Some((i, s)) = found else {
                if failures {
                    println!("{id}\tmissed\t{kind} {value}\t{:?}", &text[*start..*end]);
                }
                continue;
            };
            used[i] = true;
            scores.matched += 1;
            if matches!(*kind, "DATE" | "TIME" | "DURATION") {
                scores.valued += 1;
                if s.value.as_deref() == Some(value) {
                    scores.value_right += 1;
                } else if failures {
                    println!("{id}\tvalue\t{kind} {value}\t{:?}\tgot {:?}", &text[s.start..s.end], s.value);
                }
            }
        }
        if failures {
            for (s, _) in system.iter().zip(&used).filter(|(_, u)| !**u) {
                println!("{id}\textra\t{} {:?}\t{:?}", s.kind.name(), s.value, &text[s.start..s.end]);
            }
        }
    }
    Ok(scores)
}

/// A MEANTIME document's text (tokens joined by spaces, a line a sentence) and the byte span of
/// each token id.
fn rebuild_text(doc: &Value) -> (String, std::collections::HashMap<u64, (usize, usize)>) {
    let mut text = String::new();
    let mut spans = std::collections::HashMap::new();
    for sentence in doc["sentences"].as_array().into_iter().flatten() {
        let tokens = sentence["tokens"].as_array().into_iter().flatten();
        let ids = sentence["t_ids"].as_array().into_iter().flatten();
        for (i, (token, id)) in tokens.zip(ids).enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(token.as_str().unwrap_or(""));
            if let Some(id) = id.as_u64() {
                spans.insert(id, (start, text.len()));
            }
        }
        text.push('\n');
    }
    (text, spans)
}

/// Recognizers-Text figures: cases counted and cases right.
#[derive(Debug, Default)]
pub struct SpecScores {
    counted: usize,
    right: usize,
    skipped: usize,
}

impl std::fmt::Display for SpecScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let share = if self.counted == 0 { 0.0 } else { 100.0 * self.right as f64 / self.counted as f64 };
        writeln!(
            f,
            "date-time cases right: {} of {} = {share:.2}% ({} marked NotSupported for dotnet skipped)",
            self.right, self.counted, self.skipped
        )
    }
}

/// Scores the time layer on a Recognizers-Text `DateTimeModel.json`: a case is right when every
/// expected expression is found (overlapping its text) with a value equal to its TIMEX or one
/// of its resolved values, filling in its TIMEX pattern (`XXXX-08`) with a year it resolves
/// to, or denoting the same stretch of time (the specs write ranges,
/// quarters and decades as `(2014-01-01,2018-01-01,P4Y)`, TimeML as a DURATION from `2014` to
/// `2018`, `2019-Q3`, `199`), and nothing else is found. The specs leave times of day
/// without a day (`T15`, `TMO`); dyad puts them on the document's day, and they are compared
/// there. Cases that the reference .NET
/// implementation itself fails (`NotSupported` naming dotnet) are skipped.
pub fn datetime(path: &Path, pipeline: &Pipeline, failures: bool) -> Result<SpecScores> {
    let cases = read_json(path)?;
    let Some(cases) = cases.as_array() else { bail!("{}: expected a JSON array of cases", path.display()) };
    let mut scores = SpecScores::default();
    for case in cases {
        let unsupported = case["NotSupported"].as_str().unwrap_or("").to_lowercase();
        if unsupported.contains("dotnet") {
            scores.skipped += 1;
            continue;
        }
        let input = case["Input"].as_str().unwrap_or("");
        let dct = case["Context"]["ReferenceDateTime"].as_str().and_then(|d| Date::parse(d).ok());
        let system = times(pipeline, input, dct);
        let expected = case["Results"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        let mut used = vec![false; system.len()];
        let mut right = true;
        for result in expected {
            let (Some(start), Some(end)) = (result["Start"].as_u64(), result["End"].as_u64()) else {
                right = false;
                continue;
            };
            let span = (char_to_byte(input, start as usize), char_to_byte(input, end as usize + 1));
            // A time without a day (`TMO`, `T15`) is read on the reference day, where dyad puts
            // times of day.
            let accepted: Vec<String> = accepted_values(&result["Resolution"])
                .iter()
                .flat_map(|v| {
                    [Some(v.clone()), dct.filter(|_| v.starts_with('T')).map(|d| format!("{d}{v}"))]
                })
                .flatten()
                .map(|v| same_clock(&v))
                .collect();
            let stretches = accepted_stretches(&result["Resolution"], dct);
            let hit = system.iter().enumerate().find(|(i, s)| {
                !used[*i]
                    && overlaps((s.start, s.end), span)
                    && (s.value.as_ref().is_some_and(|v| {
                        accepted.contains(&same_clock(v)) || fills_pattern(v, &result["Resolution"])
                    }) || stretch(s).is_some_and(|st| stretches.contains(&st)))
            });
            match hit {
                Some((i, _)) => used[i] = true,
                None => right = false,
            }
        }
        right &= used.iter().all(|u| *u);
        scores.counted += 1;
        scores.right += usize::from(right);
        if failures && !right {
            let found: Vec<String> = system
                .iter()
                .map(|t| {
                    let range =
                        t.range.as_ref().map(|r| format!(" ({} to {})", r.begin, r.end)).unwrap_or_default();
                    format!("{:?}={}{range}", &input[t.start..t.end], t.value.as_deref().unwrap_or("-"))
                })
                .collect();
            let wanted: Vec<String> = expected
                .iter()
                .map(|r| {
                    format!("{:?}={:?}", r["Text"].as_str().unwrap_or(""), accepted_values(&r["Resolution"]))
                })
                .collect();
            println!("{input}\n    expected {}\n    found    {}", wanted.join("; "), found.join("; "));
        }
    }
    Ok(scores)
}

/// The stretches of time a result accepts, when the spec resolves it to moments: a range's
/// start and end, or a date-time's or time's moment (as a stretch of no length). A clock time
/// without a day (`08:00:00`) is read on the reference day, where dyad puts clock times.
fn accepted_stretches(resolution: &Value, reference: Option<Date>) -> Vec<(Moment, Moment)> {
    let moment = |text: &str| {
        Moment::parse(text).or_else(|| Some(Moment { date: reference?, second: clock_seconds(text)? }))
    };
    let mut out = Vec::new();
    for v in resolution["values"].as_array().into_iter().flatten() {
        if let (Some(start), Some(end)) = (v["start"].as_str(), v["end"].as_str()) {
            out.extend(moment(start).zip(moment(end)));
        } else if matches!(v["type"].as_str(), Some("datetime" | "time")) {
            out.extend(v["value"].as_str().and_then(moment).map(|m| (m, m)));
        }
    }
    out
}

/// The stretch of time an expression denotes: a range from the start of its first point to the
/// start of its last, or what its calendar value covers (a day, a month, a decade; a clock
/// time is a moment).
fn stretch(t: &Timex) -> Option<(Moment, Moment)> {
    match &t.range {
        Some(range) => Some((period(&range.begin)?.0, period(&range.end)?.0)),
        None => period(t.value.as_deref()?),
    }
}

/// Whether `value` fills in a TIMEX pattern of the result with a year the spec resolves it to:
/// `2017-08` for "since August" written `XXXX-08` and resolved to August 2016 or 2017.
fn fills_pattern(value: &str, resolution: &Value) -> bool {
    let values = resolution["values"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let years: Vec<&str> = values
        .iter()
        .flat_map(|v| ["start", "end", "value"].map(|key| v[key].as_str()))
        .flatten()
        .filter_map(|s| s.get(..4))
        .collect();
    values.iter().filter_map(|v| v["timex"].as_str()).any(|pattern| {
        pattern.contains('X')
            && pattern.len() == value.len()
            && pattern.bytes().zip(value.bytes()).all(|(p, v)| p == b'X' || p == v)
            && years.contains(&&value[..4.min(value.len())])
    })
}

/// `value` with its clock time written to the hour or minute it gives: `T16:00` and `T16:00:00`
/// as `T16` (the specs write the shortest form, TimeML often the minutes).
fn same_clock(value: &str) -> String {
    let Some((day, clock)) = value.rsplit_once('T') else { return value.to_string() };
    if clock.is_empty() || !clock.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return value.to_string();
    }
    let mut clock = clock;
    while clock.len() > 2 {
        match clock.strip_suffix(":00") {
            Some(shorter) => clock = shorter,
            None => break,
        }
    }
    format!("{day}T{clock}")
}

/// The values a result accepts: each resolution's TIMEX and resolved value.
fn accepted_values(resolution: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for v in resolution["values"].as_array().into_iter().flatten() {
        for key in ["timex", "value"] {
            if let Some(s) = v[key].as_str() {
                out.push(s.to_string());
            }
        }
    }
    out
}

/// The byte offset of character `index` in `text` (the specs count characters).
fn char_to_byte(text: &str, index: usize) -> usize {
    text.char_indices().nth(index).map_or(text.len(), |(b, _)| b)
}
