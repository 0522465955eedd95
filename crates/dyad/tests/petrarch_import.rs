//! `dyad lexicon import-petrarch` on the real PETRARCH-2 / Phoenix dictionaries: plausible
//! counts, and output files that re-read cleanly in dyad's formats. Skipped, with a note, when
//! `../shared` is absent.

use dyad_lexicon::petrarch::{actors, agents, verbs};
use std::path::PathBuf;
use std::process::Command;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn imports_the_phoenix_dictionaries_into_files_that_read_back() {
    let dir = workspace().join("../shared/data/petrarch2/dictionaries");
    if !dir.exists() {
        eprintln!("note: {} not found; the PETRARCH import test checks nothing", dir.display());
        return;
    }
    let out = std::env::temp_dir().join(format!("dyad-petrarch-import-{}", std::process::id()));
    let files = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
        "CAMEO.2.0.txt",
        "PETR.Validate.verbs.txt",
    ];
    let mut args: Vec<String> = vec!["lexicon".into(), "import-petrarch".into()];
    args.extend(files.iter().map(|f| dir.join(f).display().to_string()));
    args.extend(["--output".into(), out.display().to_string()]);
    let run = Command::new(env!("CARGO_BIN_EXE_dyad")).args(&args).current_dir(workspace()).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    println!("{stderr}");
    assert!(run.status.success(), "{stderr}");
    // Problems name their file and line; the summary gives the time and the mapping shares.
    assert!(stderr.contains("Phoenix.Countries.actors.txt:2039: "), "{stderr}");
    assert!(stderr.contains("lines skipped: ") && stderr.contains("imported 6 files in "), "{stderr}");
    assert!(stderr.contains("CAMEO.2.0.txt: ") && stderr.contains(" mapped ("), "{stderr}");

    let read = |f: &str| std::fs::read_to_string(out.join(f)).unwrap();
    let (rows, problems) = actors::check("officials.tsv", &read("officials.tsv"));
    assert!(problems.is_empty(), "{problems:#?}");
    let officials = read("officials.tsv");
    let names: usize = officials
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap_or("").split('|').count())
        .sum();
    let distinct: std::collections::HashSet<&str> = officials
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split('\t').next().unwrap_or("").split('|'))
        .collect();
    println!("officials.tsv: {rows} rows, {} distinct names ({names} with repeats)", distinct.len());
    assert!(rows > 20_000 && distinct.len() > 10_000, "{rows} rows, {} names", distinct.len());
    assert!(officials.contains("Vladimir Putin|"), "Putin is an official");

    let (rows, problems) = agents::check("agents.tsv", &read("agents.tsv"));
    assert!(problems.is_empty(), "{problems:#?}");
    let terms: usize = read("agents.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap_or("").split('|').count())
        .sum();
    println!("agents.tsv: {rows} rows, {terms} terms");
    assert!(rows > 1_000 && terms > 1_000);

    let (rows, problems) = verbs::check("events.tsv", &read("events.tsv"));
    assert!(problems.is_empty(), "{problems:#?}");
    println!("events.tsv: {rows} rows");
    let mapped: usize = stderr
        .lines()
        .filter_map(|l| l.split(" patterns: ").nth(1))
        .filter_map(|r| r.split_whitespace().next()?.parse::<usize>().ok())
        .sum();
    assert!(mapped > 300, "{mapped} patterns mapped");
    assert!(rows > 1_000);
    let _ = std::fs::remove_dir_all(&out);
}
