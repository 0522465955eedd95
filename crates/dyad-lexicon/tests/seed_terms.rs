//! The committed lexicon on the seed article: it loads without problems and finds the
//! countries, adjectives, capitals, regions, organisations and agent nouns the event coder needs.

use dyad_lexicon::{Entry, Lexicon};
use std::path::Path;

#[test]
fn the_committed_lexicon_finds_the_seed_articles_actors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (lexicon, problems) = Lexicon::from_dir(&root.join("lexicon")).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert!(lexicon.check().is_empty(), "{:?}", lexicon.check());
    assert!(lexicon.places.len() >= 3000 && lexicon.countries.len() >= 240);
    let text = std::fs::read_to_string(root.join("examples/russia-cuba.txt")).unwrap();
    let text = text.as_str();
    let found: Vec<(&str, &str)> = lexicon
        .find(text)
        .iter()
        .flat_map(|m| m.entries.iter().map(move |e| (&text[m.start..m.end], *e)))
        .filter(|(_, e)| !matches!(e, Entry::Place(_)))
        .map(|(t, e)| (t, lexicon.code(e)))
        .collect();
    for expected in [
        ("Russia", "RUS"),
        ("Cuba", "CUB"),
        ("Cuban", "CUB"),
        ("Moscow", "RUS"),
        ("U.S.", "USA"),
        ("Latin American nations", "LAM"),
        ("Communist Party", "PTY"),
        ("Non-Aligned Movement", "IGONON"),
        ("the Soviet Union", "SUN"),
        ("Deputy Finance Minister", "GOV"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    let havana = lexicon.lookup("Havana").iter().find_map(|e| match e {
        Entry::Place(i) => Some(&lexicon.places[*i as usize]),
        _ => None,
    });
    assert!(havana.is_some_and(|p| p.country == "CUB" && p.capital && (p.lat - 23.13).abs() < 0.1));
}
