//! PETRARCH actor dictionaries (`Phoenix.Countries.actors.txt` …) to `officials.tsv`.
//!
//! A record is a name line (`VLADIMIR_PUTIN_ [RUSGOV]`, the code optional), synonyms on `+`
//! lines, and codes on indented lines, plain (`[RUSELI]`, the default) or dated
//! (`[RUSGOV 20000507-20080507]`, `[RUSGOV >120507]`, `[RUSELI <991231]`). Each code period of a
//! record becomes one line of `officials.tsv` with all the record's names; null codes (`[---]`)
//! give no line.

use super::date::{self, Date};
use super::text::{self, Line};
use super::{Problem, Problems};
use crate::tsv;

/// A code and the period it holds (bounds inclusive; `None` = open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// The actor code (`RUSGOV`).
    pub code: String,
    /// First day, if bounded.
    pub start: Option<Date>,
    /// Last day, if bounded.
    pub end: Option<Date>,
}

/// An actor record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Its names in title case, the primary name first.
    pub names: Vec<String>,
    /// Its code periods, in the order of the file, without repeats.
    pub periods: Vec<Period>,
    /// The line of its primary name.
    pub line: usize,
}

/// What an actor dictionary held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actors {
    /// The records with at least one name and one code.
    pub actors: Vec<Actor>,
    /// Records whose only codes are null (`[---]`): deliberately not actors, not written.
    pub null_coded: usize,
}

enum State {
    Start,
    Record(Actor, Seen),
    Orphan,
}

/// What the code groups of a record held besides good codes.
#[derive(Default)]
struct Seen {
    /// A null code (`[---]`).
    null: bool,
    /// Any code group at all, good or bad.
    group: bool,
}

/// Reads one actor dictionary; `file` names it in the problems.
pub fn read(file: &str, bytes: &[u8]) -> (Actors, Vec<Problem>) {
    let mut problems = Problems::new(file);
    let mut out = Actors::default();
    let mut state = State::Start;
    for line in text::lines(bytes, &mut problems) {
        let n = line.number;
        let t = line.text.trim();
        if t.is_empty() {
            // A comment where a name should be (`  # CountryInfo.txt`): the name was lost.
            finish(std::mem::replace(&mut state, State::Orphan), &mut out, &mut problems);
            problems.skip(
                n,
                "name missing",
                "a comment where a name was expected; the synonyms and codes below it up to the next name are skipped",
            );
            continue;
        }
        if t.starts_with('[') || t.starts_with('+') {
            match &mut state {
                State::Record(actor, seen) => {
                    if let Some(synonym) = t.strip_prefix('+') {
                        let (name, codes) = split_name(synonym);
                        push_name(actor, name, n, &mut problems);
                        read_codes(codes, n, &mut actor.periods, seen, &mut problems);
                    } else {
                        read_codes(t, n, &mut actor.periods, seen, &mut problems);
                    }
                }
                State::Orphan => {
                    problems.skip(n, "name missing", "belongs to a record whose name is missing")
                }
                State::Start => problems.skip(n, "name missing", "a synonym or code before the first name"),
            }
            continue;
        }
        if let State::Record(actor, seen) = &mut state {
            if actor.periods.is_empty() && !seen.group && !actor.names.is_empty() && !t.contains('[') {
                // `LEONID_BREZHNEV_` then `LEONID_ILYICH_BREZHNEV` then the dates: a synonym
                // that lost its `+`.
                problems.repair(n, "missing +", "a name after a name without codes: read as its synonym");
                push_name(actor, t, n, &mut problems);
                continue;
            }
        }
        finish(std::mem::replace(&mut state, State::Start), &mut out, &mut problems);
        state = primary(&line, &mut problems);
    }
    finish(state, &mut out, &mut problems);
    (out, problems.list)
}

/// Starts a record at its name line.
fn primary(line: &Line<'_>, problems: &mut Problems<'_>) -> State {
    let n = line.number;
    if line.text.starts_with(char::is_whitespace) {
        problems.repair(n, "stray space", "name line starts with white space");
    }
    let (name, codes) = split_name(line.text.trim());
    let mut actor = Actor { names: Vec::new(), periods: Vec::new(), line: n };
    push_name(&mut actor, name, n, problems);
    let mut seen = Seen::default();
    read_codes(codes, n, &mut actor.periods, &mut seen, problems);
    State::Record(actor, seen)
}

/// Closes a record: written if it has names and codes.
fn finish(state: State, out: &mut Actors, problems: &mut Problems<'_>) {
    let State::Record(actor, seen) = state else { return };
    if actor.names.is_empty() {
        return; // Its names were reported.
    }
    if actor.periods.is_empty() {
        if seen.null {
            out.null_coded += 1;
        } else if !seen.group {
            problems.skip(actor.line, "no code", format!("actor {:?} has no code", actor.names[0]));
        }
        return;
    }
    out.actors.push(actor);
}

/// Splits `NAME [CODE] …` at the first bracket.
fn split_name(s: &str) -> (&str, &str) {
    match s.find('[') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    }
}

/// Adds a name in title case unless it is empty, broken or already there.
fn push_name(actor: &mut Actor, raw: &str, n: usize, problems: &mut Problems<'_>) {
    let raw = raw.trim();
    if raw.contains(']') || raw.contains('{') || raw.contains('}') {
        problems.skip(n, "stray bracket", format!("name {raw:?} holds a bracket"));
        return;
    }
    if text::mojibake(raw) {
        problems.skip(n, "mojibake", format!("name {raw:?} has broken characters"));
        return;
    }
    let name = text::title(raw);
    if name.is_empty() {
        problems.skip(n, "name missing", "empty name");
        return;
    }
    if !actor.names.iter().any(|m| m.eq_ignore_ascii_case(&name)) {
        actor.names.push(name);
    }
}

/// Reads the `[…]` groups of `s` into `periods`, noting null codes and groups in `seen`.
fn read_codes(s: &str, n: usize, periods: &mut Vec<Period>, seen: &mut Seen, problems: &mut Problems<'_>) {
    let mut rest = s.trim();
    while !rest.is_empty() {
        let Some(open) = rest.find('[') else {
            problems.repair(n, "stray text", format!("text {rest:?} outside brackets ignored"));
            break;
        };
        seen.group = true;
        let after = &rest[open + 1..];
        let (inner, next) = match after.find(']') {
            Some(close) => (&after[..close], &after[close + 1..]),
            None => {
                problems.repair(
                    n,
                    "missing bracket",
                    format!("`[{after}` has no closing `]`; read to the end of the line"),
                );
                (after, "")
            }
        };
        match period(inner) {
            Ok(Some(p)) => {
                if !periods.contains(&p) {
                    periods.push(p);
                }
            }
            Ok(None) => seen.null = true,
            Err((reason, message)) => problems.skip(n, reason, message),
        }
        rest = next.trim();
    }
}

/// Reads `CODE`, `CODE <D`, `CODE >D` or `CODE D-D`; `None` for the null code `---`.
fn period(inner: &str) -> Result<Option<Period>, (&'static str, String)> {
    let inner = inner.trim();
    let (code, spec) = match inner.find(char::is_whitespace) {
        Some(i) => (&inner[..i], inner[i..].split_whitespace().collect::<String>()),
        None => (inner, String::new()),
    };
    if code == "---" {
        return Ok(None);
    }
    let upper = code.to_ascii_uppercase();
    if upper.len() < 3 || !upper.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(("unknown code", format!("code {code:?} is not an actor code")));
    }
    let bad = |e: date::DateError| ("bad date", format!("[{inner}]: {e}"));
    let (start, end) = if spec.is_empty() {
        (None, None)
    } else if let Some(d) = spec.strip_prefix('<') {
        (None, Some(date::parse(d).map_err(bad)?))
    } else if let Some(d) = spec.strip_prefix('>') {
        (Some(date::parse(d).map_err(bad)?), None)
    } else if let Some((a, b)) = spec.split_once('-') {
        (Some(date::parse(a).map_err(bad)?), Some(date::parse(b).map_err(bad)?))
    } else {
        return Err(("bad date", format!("[{inner}]: date restriction {spec:?} is not <D, >D or D-D")));
    };
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(("bad date", format!("[{inner}]: period ends ({e}) before it starts ({s})")));
        }
    }
    Ok(Some(Period { code: upper, start, end }))
}

/// The columns of `officials.tsv`, for its header.
pub const COLUMNS: [&str; 5] = [
    "name   the actor's names in title case, the primary name first",
    "code   the actor code (CAMEO/Phoenix style: RUSGOV, IGOUNO, USAELI)",
    "role   the office, or '-' when unknown",
    "start  first day the code holds, YYYY-MM-DD, or '-' (open)",
    "end    last day the code holds, YYYY-MM-DD, or '-' (open). A line with both open is the actor's default code, used on days no dated line of the same names covers",
];

/// Renders actors as the rows of `officials.tsv` (no header), one line per code period.
pub fn render(actors: &[Actor], out: &mut String) -> usize {
    let day = |d: Option<Date>| d.map_or_else(|| "-".to_string(), |d| d.to_string());
    let mut rows = 0;
    for a in actors {
        let names = a.names.join("|");
        for p in &a.periods {
            out.push_str(&format!("{names}\t{}\t-\t{}\t{}\n", p.code, day(p.start), day(p.end)));
            rows += 1;
        }
    }
    rows
}

/// Re-reads an `officials.tsv` and returns the problems of its lines (none for a file this
/// module wrote) and the number of rows.
pub fn check(file: &str, text: &str) -> (usize, Vec<tsv::Problem>) {
    let mut problems = Vec::new();
    let rows = tsv::rows(file, text, 5, &mut problems);
    for row in &rows {
        let mut bad =
            |m: String| problems.push(tsv::Problem { file: file.to_string(), line: row.line, message: m });
        if row.cells.len() != 5 {
            bad(format!("expected 5 cells, found {}", row.cells.len()));
        }
        if row.values(0).is_empty() {
            bad("no name".into());
        }
        let code = row.cell(1);
        if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            bad(format!("code {code:?} is not an actor code"));
        }
        for i in [3, 4] {
            let d = row.cell(i);
            let iso = d.len() == 10
                && d.bytes()
                    .enumerate()
                    .all(|(k, b)| if k == 4 || k == 7 { b == b'-' } else { b.is_ascii_digit() });
            if d != "-" && !iso {
                bad(format!("date {d:?} is neither YYYY-MM-DD nor '-'"));
            }
        }
    }
    (rows.len(), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# head\n\
RUSSIA_  [RUS]\n\
+RUSSIAN_FEDERATION_\n\
VLADIMIR_PUTIN_  # CountryInfo.txt\n\
+PRESIDENT_PUTIN\n\
\t[RUSELI 19520101-991231]\n\
\t[RUSGOV >000101]\n\
\t[RUSGOV > 000101]\n\
\t[RUSELI]\n\
\x20\x20# CountryInfo.txt\n\
\t[RUSELI 570101-000101]\n\
+LOST_SYNONYM\n\
BAD_DATES_\n\
\t[ABCGOV 201005011]\n\
\t[ABCGOV 1920030320-20060520]\n\
\t[ABCGOV 20121204]\n\
\t[ABCGOV 990101-980101]\n\
\t[ABCELI 990101-000101\n\
COTE_D\u{FFFD}IVOIRE_  [CIV]\n\
+IVORY_COAST\n\
INDIAN_OCEAN  [---]\n\
NO_CODE_AT_ALL\n\
LORIEN  [ELR/GAL]\n\
PALESTINIAN [pse]\n\
JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]\n\
+FAEROYENE]_\n\
LEONID_BREZHNEV_\n\
LEONID_ILYICH_BREZHNEV\n\
\t[RUSGOV 641014-821110]\n";

    #[test]
    fn reads_records_periods_and_reports_the_dirt() {
        let (got, problems) = read("a.actors.txt", SAMPLE.as_bytes());
        let names: Vec<&str> = got.actors.iter().map(|a| a.names[0].as_str()).collect();
        assert_eq!(
            names,
            [
                "Russia",
                "Vladimir Putin",
                "Bad Dates",
                "Ivory Coast",
                "Palestinian",
                "Javier De Cuellar",
                "Leonid Brezhnev"
            ]
        );
        assert_eq!(got.actors[6].names, ["Leonid Brezhnev", "Leonid Ilyich Brezhnev"]);
        assert_eq!(got.actors[0].names, ["Russia", "Russian Federation"]);
        let putin = &got.actors[1];
        assert_eq!(putin.names, ["Vladimir Putin", "President Putin"]);
        let periods: Vec<String> = putin
            .periods
            .iter()
            .map(|p| {
                format!("{} {:?} {:?}", p.code, p.start.map(|d| d.to_string()), p.end.map(|d| d.to_string()))
            })
            .collect();
        assert_eq!(
            periods,
            [
                "RUSELI Some(\"1952-01-01\") Some(\"1999-12-31\")",
                "RUSGOV Some(\"2000-01-01\") None",
                "RUSELI None None"
            ]
        );
        // Only the repaired period survives of the bad dates.
        assert_eq!(got.actors[2].periods.len(), 1);
        assert_eq!(got.actors[2].periods[0].code, "ABCELI");
        assert_eq!(got.null_coded, 1);
        let lines: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.reason)).collect();
        assert_eq!(
            lines,
            [
                (10, "name missing"),
                (11, "name missing"),
                (12, "name missing"),
                (14, "bad date"),
                (15, "bad date"),
                (16, "bad date"),
                (17, "bad date"),
                (18, "missing bracket"),
                (19, "mojibake"),
                (22, "no code"),
                (23, "unknown code"),
                (26, "stray bracket"),
                (28, "missing +"),
            ]
        );
        assert!(problems[0].to_string().starts_with("a.actors.txt:10: a comment where a name"));
    }

    #[test]
    fn renders_one_line_per_period_and_reads_back() {
        let (got, _) = read("a", SAMPLE.as_bytes());
        let mut out = String::new();
        let rows = render(&got.actors, &mut out);
        assert_eq!(rows, 10);
        assert!(out.contains("Vladimir Putin|President Putin\tRUSGOV\t-\t2000-01-01\t-\n"));
        assert!(out.contains("Javier De Cuellar\tIGOUNO\t-\t1982-01-01\t1991-12-31\n"));
        assert!(out.contains("Palestinian\tPSE\t-\t-\t-\n"));
        let (n, problems) = check("officials.tsv", &out);
        assert_eq!((n, problems), (10, vec![]));
        let (_, problems) = check("o", "Putin\tRUSGOV\t-\t2000-1-1\t-\nx\tbad code\t-\t-\t-\n");
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn no_panic_on_arbitrary_bytes() {
        for sample in
            [&b"\xff\xfe[[[]]]\n+\n\t[\n\t]\n"[..], b"[A 1-]\n+[\n\t[ABC <]\n", b"\t\t\n+\xc3", b"["]
        {
            let _ = read("x", sample);
        }
    }
}
