//! Regression gate for the money recognizer on the Recognizers-Text currency suite, run through
//! `dyad eval currency`. It needs `../shared` (as CI has it); without it it says so and passes.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn the_currency_suite_holds_its_score() {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let suite = workspace
        .join("../shared/eval/date-money-specs/recognizers-text/NumberWithUnit/English/CurrencyModel.json");
    if !suite.exists() {
        eprintln!("skipped: {} not found (needs ../shared)", suite.display());
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["eval", "currency"])
        .arg(&suite)
        .current_dir(&workspace)
        .output()
        .expect("dyad runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let figure = |label: &str| -> usize {
        let line =
            stdout.lines().find_map(|l| l.strip_prefix(label)).unwrap_or_else(|| panic!("{label}: {stdout}"));
        line.split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{label}: {stdout}"))
    };
    let (counted, right) = (figure("cases counted"), figure("cases right"));
    // 177 cases once the 3 the reference port fails are skipped; measured 171 right (96.6%) when
    // the gate was set. The floor is 85%; this gate leaves room for harmless changes only.
    assert_eq!(counted, 177, "{stdout}");
    assert!(right as f64 >= 0.93 * counted as f64, "{stdout}");
}
