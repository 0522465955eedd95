//! Regression gates of the time layer on MEANTIME and the Recognizers-Text date-time specs,
//! through `dyad eval meantime|datetime`. Each prints its figures and is skipped, with a note,
//! when `../shared` is absent.

use std::path::PathBuf;
use std::process::Command;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `dyad eval <what>` and returns its report, or `None` when the suite file is missing.
fn eval(what: &str, file: &str) -> Option<String> {
    if !workspace().join(file).exists() {
        eprintln!("note: {file} not found; the {what} gate checks nothing");
        return None;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["eval", what, file])
        .current_dir(workspace())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8(out.stdout).unwrap();
    println!("{report}");
    Some(report)
}

/// The number before the first `%` after `label` in `report`.
fn percent_after(report: &str, label: &str) -> f64 {
    let rest = &report[report.find(label).unwrap_or_else(|| panic!("{label} in {report}")) + label.len()..];
    let end = rest.find('%').unwrap();
    rest[..end].rsplit([' ', '=']).next().unwrap().trim().parse().unwrap()
}

#[test]
fn meantime_recognition_and_values_stay_above_their_floors() {
    let Some(report) = eval("meantime", "../shared/eval/meantime-en/dev.jsonl") else { return };
    let f1 = percent_after(&report, "F1");
    let values = percent_after(&report, "value accuracy of matched DATE/TIME/DURATION:");
    assert!(f1 >= 87.0, "recognition F1 {f1}");
    assert!(values >= 83.0, "value accuracy {values}");
}

#[test]
fn recognizers_date_time_cases_stay_above_their_floor() {
    let file = "../shared/eval/date-money-specs/recognizers-text/DateTime/English/DateTimeModel.json";
    let Some(report) = eval("datetime", file) else { return };
    let right = percent_after(&report, "cases right:");
    assert!(right >= 70.0, "cases right {right}%");
}
