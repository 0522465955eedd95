//! The seed article's times against its hand annotation (`../shared/seed/russia-cuba.gold.json`):
//! every gold time found with its text and value. Skipped, with a note, without `../shared`.

use dyad_extract::time::{find_in_document, Date};
use dyad_nlp::analyze::Pipeline;
use std::path::Path;

const GOLD: &str = "../../../shared/seed/russia-cuba.gold.json";
const ARTICLE: &str = "../../examples/russia-cuba.txt";

#[test]
fn finds_every_gold_time_of_the_seed_article_with_its_value() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(gold) = std::fs::read_to_string(root.join(GOLD)) else {
        eprintln!("note: {GOLD} not found; the seed time test checks nothing");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
    let text = std::fs::read_to_string(root.join(ARTICLE)).unwrap();
    let dct = Date::parse(gold["dct"].as_str().unwrap()).unwrap();
    let pipeline = Pipeline::embedded(true).unwrap();
    let found = find_in_document(&text, &pipeline.analyze(&text), pipeline.tagger(), Some(dct));
    let times = gold["times"].as_array().unwrap();
    assert_eq!(times.len(), 12);
    for time in times {
        let want = time["text"].as_str().unwrap();
        let value = time["value"].as_str().unwrap();
        let alt: Vec<&str> =
            time["alt"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
        let hit = found.iter().find(|t| &text[t.start..t.end] == want);
        let Some(hit) = hit else { panic!("{want:?} not found among {found:?}") };
        if !value.is_empty() {
            let got = hit.value.as_deref().unwrap_or("");
            assert!(got == value || alt.contains(&got), "{want:?}: {got:?}, expected {value:?} or {alt:?}");
        }
    }
}
