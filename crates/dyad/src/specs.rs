//! Scoring dyad's recognizers on the Microsoft Recognizers-Text "Specs" suites: JSON arrays of
//! cases (UTF-8 with a byte-order mark), each an `Input` sentence with its expected `Results`.
//! Cases whose `NotSupported` list names "dotnet" fail even the reference port and are skipped.

use anyhow::{bail, Context, Result};
use dyad_extract::money::{self, amounts, Kind};
use serde_json::Value;
use std::fmt;
use std::path::Path;

/// The score of a currency suite.
#[derive(Debug, Default)]
pub struct CurrencyScore {
    /// Cases scored.
    pub counted: usize,
    /// Cases skipped because the reference port fails them.
    pub skipped: usize,
    /// Cases where every expected amount was found (and, where none is expected, none was).
    pub right: usize,
    /// The cases that were not right.
    pub failures: Vec<Failure>,
}

/// A case that was not right: its input, what was expected and what was found.
#[derive(Debug)]
pub struct Failure {
    /// The case's sentence.
    pub input: String,
    /// The expected amounts as "text = value unit [code]", the missed ones marked.
    pub expected: Vec<String>,
    /// The money amounts found, written the same way.
    pub found: Vec<String>,
}

impl CurrencyScore {
    /// Right cases as a percentage of the cases counted.
    pub fn percent(&self) -> f64 {
        if self.counted == 0 {
            0.0
        } else {
            100.0 * self.right as f64 / self.counted as f64
        }
    }
}

impl fmt::Display for CurrencyScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "cases counted  {} ({} skipped: the reference .NET port fails them)",
            self.counted, self.skipped
        )?;
        writeln!(f, "cases right    {}", self.right)?;
        writeln!(f, "accuracy       {:.2}%", self.percent())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "input:    {}", self.input)?;
        writeln!(f, "expected: {}", self.expected.join("; "))?;
        writeln!(f, "found:    {}", self.found.join("; "))
    }
}

/// Scores [`money::amounts`] on a Recognizers-Text `CurrencyModel.json` suite given as text.
///
/// An expected result is found when some money amount has its value (both absent, or equal to
/// within a relative 1e-9) and its currency: the ISO code when the case gives `isoCurrency`,
/// otherwise the unit its `unit` name maps to in dyad's currency table ("Dollar" accepts any
/// dollar, "Pence" a penny). Spans are not compared.
pub fn score_currency(json: &str) -> Result<CurrencyScore> {
    let cases: Value =
        serde_json::from_str(json.trim_start_matches('\u{feff}')).context("reading the suite as JSON")?;
    let Some(cases) = cases.as_array() else { bail!("the suite is not a JSON array of cases") };
    let mut score = CurrencyScore::default();
    for (n, case) in cases.iter().enumerate() {
        let not_supported = case.get("NotSupported").and_then(Value::as_str).unwrap_or("");
        if not_supported.split(',').any(|p| p.trim().eq_ignore_ascii_case("dotnet")) {
            score.skipped += 1;
            continue;
        }
        let input =
            case.get("Input").and_then(Value::as_str).with_context(|| format!("case {n} has no Input"))?;
        let expected = case
            .get("Results")
            .and_then(Value::as_array)
            .with_context(|| format!("case {n} has no Results"))?;
        let found: Vec<money::Amount> =
            amounts(input).into_iter().filter(|a| a.kind == Kind::Money).collect();
        let mut right = !expected.is_empty() || found.is_empty();
        let mut described = Vec::new();
        for result in expected {
            let resolution =
                result.get("Resolution").with_context(|| format!("case {n}: a result has no Resolution"))?;
            let ok = expected_is_found(resolution, &found)
                .with_context(|| format!("case {n}: a Resolution lacks its value or unit"))?;
            right &= ok;
            let text = result.get("Text").and_then(Value::as_str).unwrap_or("");
            let mark = if ok { "" } else { "MISSED " };
            described.push(format!("{mark}{text} = {}", resolution));
        }
        score.counted += 1;
        if right {
            score.right += 1;
        } else {
            score.failures.push(Failure {
                input: input.to_string(),
                expected: described,
                found: found.iter().map(|a| describe(input, a)).collect(),
            });
        }
    }
    Ok(score)
}

/// Whether an expected `Resolution` ({"value", "unit", "isoCurrency"?}) is among the amounts
/// found; `None` when the resolution is malformed.
fn expected_is_found(resolution: &Value, found: &[money::Amount]) -> Option<bool> {
    let value = match resolution.get("value") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_str()?.parse::<f64>().ok()?),
    };
    let unit = resolution.get("unit")?.as_str()?;
    let code = resolution.get("isoCurrency").and_then(Value::as_str);
    // The suite's unit names ("Finnish markka", "Netherlands guilder", "Pence") in dyad's table:
    // the whole name, else its last word.
    let mapped = money::currency(unit).or_else(|| unit.rsplit(' ').next().and_then(money::currency));
    let same_value = |a: &money::Amount| match (value, a.value) {
        (None, None) => true,
        (Some(e), Some(f)) => (e - f).abs() <= 1e-9 * e.abs().max(1.0),
        _ => false,
    };
    let same_currency = |a: &money::Amount| match (code, mapped) {
        (Some(code), _) => a.currency == Some(code),
        (None, Some(c)) => a.unit == c.unit,
        (None, None) => false,
    };
    Some(found.iter().any(|a| same_value(a) && same_currency(a)))
}

/// An amount as "text = value unit [code]".
fn describe(input: &str, a: &money::Amount) -> String {
    let value = a.value.map_or_else(|| format!("≥{}", a.min.unwrap_or(0.0)), |v| v.to_string());
    format!("{} = {value} {} [{}]", a.text(input), a.unit, a.currency.unwrap_or("-"))
}

/// Runs `dyad eval currency`: scores the suite at `path` and prints the figures, and the failing
/// cases when asked.
pub fn run_currency(path: &Path, failures: bool) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let score = score_currency(&text).with_context(|| format!("scoring {}", path.display()))?;
    if failures {
        for failure in &score.failures {
            println!("{failure}");
        }
    }
    print!("{score}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_small_suite_with_a_bom_and_a_skipped_case() {
        let suite = "\u{feff}[
          {\"Input\": \"won a $48.2 million contract\", \"Results\": [{\"Text\": \"$48.2 million\",
            \"Resolution\": {\"value\": \"48200000\", \"unit\": \"Dollar\"}}]},
          {\"Input\": \"for 420 million finnish markka\", \"Results\": [{\"Text\": \"420 million finnish markka\",
            \"Resolution\": {\"value\": \"420000000\", \"unit\": \"Finnish markka\"}}]},
          {\"Input\": \"It costs 10 us dollar\", \"Results\": [{\"Text\": \"10 us dollar\",
            \"Resolution\": {\"value\": \"10\", \"unit\": \"United States dollar\", \"isoCurrency\": \"CAD\"}}]},
          {\"Input\": \"All 70 of us.\", \"Results\": []},
          {\"Input\": \"rmb 10\", \"NotSupported\": \"dotnet, java\", \"Results\": []}
        ]";
        let score = score_currency(suite).unwrap();
        assert_eq!((score.counted, score.skipped, score.right), (4, 1, 3));
        assert_eq!(score.failures.len(), 1);
        assert_eq!(score.failures[0].input, "It costs 10 us dollar");
        assert!(score.to_string().contains("75.00%"));
    }

    #[test]
    fn a_malformed_suite_is_an_error() {
        assert!(score_currency("{}").is_err());
        assert!(score_currency("[{\"Results\": []}]").is_err());
    }
}
