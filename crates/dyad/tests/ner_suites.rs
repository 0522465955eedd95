//! Regression gates of the entity layer on NER suites: wikigold through `dyad eval wikigold`
//! and re3d through `dyad eval re3d`. Each prints its figures and is skipped, with a note, when
//! its data under `../shared` is absent.

mod common;

use common::{run, workspace};

/// The F1 of the first overall (`all`) line of a report: the exact-span figure.
fn overall_f1(report: &str) -> f64 {
    let line = report.lines().find(|l| l.starts_with("all")).expect("an overall line");
    line.split("F1 ").nth(1).and_then(|r| r.split_whitespace().next()).unwrap().parse().unwrap()
}

#[test]
fn wikigold_stays_above_its_floor() {
    let file = "../shared/eval/wikigold-conll/wikigold.conll.txt";
    if !workspace().join(file).exists() {
        eprintln!("note: {file} not found; the wikigold gate checks nothing");
        return;
    }
    let report = run(&["eval", "wikigold", "--input", "conll", file]);
    println!("{report}");
    let f1 = overall_f1(&report);
    // Measured 0.523 when the gate was set at the floor (spaCy en_core_web_sm: 0.533).
    assert!(f1 >= 0.50, "wikigold PER/ORG/LOC exact F1 {f1}");
}

#[test]
fn re3d_names_stay_above_their_floor() {
    let dir = "../shared/eval/re3d";
    if !workspace().join(dir).exists() {
        eprintln!("note: {dir} not found; the re3d gate checks nothing");
        return;
    }
    let report = run(&["eval", "re3d", dir]);
    println!("{report}");
    let f1 = overall_f1(&report);
    // Measured 0.531 when the gate was set (66 documents; spaCy: 0.475 on 88).
    assert!(f1 >= 0.50, "re3d names PER/ORG/LOC exact F1 {f1}");
}
