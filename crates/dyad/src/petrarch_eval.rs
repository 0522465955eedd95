//! `dyad eval petrarch`: the PETRARCH-2 unit-test records (`PETR.UnitTest.records.xml`) coded
//! by dyad, usually with the suite's own toy dictionaries imported as a lexicon overlay.
//!
//! Each record gives a sentence, its date and the codings PETRARCH must produce (source,
//! target, CAMEO code) or `noevents`. A coding is reproduced when dyad emits an event with the
//! same source, target and code; a record is right when all its codings are reproduced (and,
//! for `noevents`, when dyad codes nothing).

use anyhow::{Context, Result};
use dyad_extract::coder::{Coder, Document};
use dyad_extract::time::Date;
use std::path::Path;

/// One unit-test record.
#[derive(Debug, Default)]
struct Record {
    id: String,
    date: Option<Date>,
    text: String,
    codings: Vec<(String, String, String)>,
    no_events: bool,
}

/// The value of attribute `name` in the attribute text of a tag (`name="v"` or `name = 'v'`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let after = rest[at + name.len()..].trim_start();
        if let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let end = value[1..].find(quote)?;
            return Some(value[1..1 + end].to_string());
        }
        rest = &rest[at + name.len()..];
    }
    None
}

/// The records of the suite.
fn records(xml: &str) -> Vec<Record> {
    let mut out = Vec::new();
    for block in xml.split("<Sentence ").skip(1) {
        let block = block.split("</Sentence>").next().unwrap_or(block);
        let head = block.split('>').next().unwrap_or("");
        let mut record = Record {
            id: attribute(head, "id").unwrap_or_default(),
            date: attribute(head, "date").and_then(|d| {
                let iso = format!("{}-{}-{}", d.get(..4)?, d.get(4..6)?, d.get(6..8)?);
                Date::parse(&iso).ok()
            }),
            ..Default::default()
        };
        for coding in block.split("<EventCoding").skip(1) {
            let tag = coding.split('>').next().unwrap_or("");
            if attribute(tag, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                record.no_events = true;
                continue;
            }
            let get = |n: &str| attribute(tag, n).unwrap_or_default();
            record.codings.push((get("sourcecode"), get("targetcode"), get("eventcode")));
        }
        if let Some(text) = block.split("<Text>").nth(1).and_then(|t| t.split("</Text>").next()) {
            record.text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        out.push(record);
    }
    out
}

/// Scores the coder on the unit-test records.
pub fn run(coder: &Coder<'_>, path: &Path, failures: bool) -> Result<()> {
    let xml = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    let xml = String::from_utf8_lossy(&xml);
    let records = records(&xml);
    let (mut codings, mut reproduced, mut right, mut quiet, mut quiet_right) = (0, 0, 0, 0, 0);
    for r in &records {
        let coded = coder.code(&Document { id: &r.id, text: &r.text, dct: r.date });
        let found: Vec<(String, String, String)> = coded
            .events
            .iter()
            .map(|e| {
                let code = |a: &Option<dyad_extract::event::Actor>| {
                    a.as_ref().map_or(String::new(), |a| a.code.clone())
                };
                (code(&e.source), code(&e.target), e.cameo.clone())
            })
            .collect();
        if r.no_events {
            quiet += 1;
            let ok = found.is_empty();
            quiet_right += usize::from(ok);
            right += usize::from(ok);
            if failures && !ok {
                println!("{}: want no event; got {found:?}\n    {}", r.id, r.text);
            }
            continue;
        }
        let hits = r.codings.iter().filter(|c| found.contains(c)).count();
        codings += r.codings.len();
        reproduced += hits;
        let ok = hits == r.codings.len();
        right += usize::from(ok);
        if failures && !ok {
            println!("{}: want {:?}; got {found:?}\n    {}", r.id, r.codings, r.text);
        }
    }
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "records {}: right {right} ({:.3}); codings reproduced {reproduced}/{codings} ({:.3}); \
         no-event records kept quiet {quiet_right}/{quiet}",
        records.len(),
        share(right, records.len()),
        share(reproduced, codings)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_codings_and_noevents() {
        let xml = r#"<Sentences>
<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
<!-- comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>
Arnor is about to restore
full diplomatic ties with Gondor.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="19950102" id="X-2">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing here.</Text>
</Sentence>"#;
        let r = records(xml);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].id, "DEMO-01");
        assert_eq!(r[0].date, Date::parse("1995-01-01").ok());
        assert_eq!(r[0].text, "Arnor is about to restore full diplomatic ties with Gondor.");
        assert_eq!(r[0].codings[0], ("ARN".into(), "GON".into(), "064".into()));
        assert_eq!(r[0].codings[1].0, "\"INJURY TOLL\"");
        assert!(r[1].no_events && r[1].codings.is_empty());
    }
}
