//! PETRARCH agent dictionaries (`Phoenix.agents.txt`) to `agents.tsv`.
//!
//! An entry is `PHRASE {PLURALS} [~SEC]`: the phrase (words joined by `_`), optional explicit
//! plurals (`{}` = none; without braces the regular plural is made), and a code added after the
//! actor's (`~GOV`). Substitution markers are defined as `!PERSON! = MAN, MEN, WOMAN` and
//! expanded wherever they occur (`CONGRESS!PERSON!`), without further plurals.

use super::text;
use super::{Problem, Problems};
use crate::tsv;
use std::collections::BTreeMap;

/// An agent entry: its terms (lowercase; singular, plurals or expansions) and its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// The terms, lowercase, words joined by single spaces, without repeats.
    pub terms: Vec<String>,
    /// The code without `~` (`GOV`, or a compound such as `GOVMED`).
    pub code: String,
    /// The line of the entry.
    pub line: usize,
}

/// How many substitution markers one entry may expand, in all.
pub const MAX_MARKERS: usize = 4;

/// Reads one agent dictionary; `file` names it in the problems.
pub fn read(file: &str, bytes: &[u8]) -> (Vec<Agent>, Vec<Problem>) {
    let mut problems = Problems::new(file);
    let mut macros: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut out = Vec::new();
    for line in text::lines(bytes, &mut problems) {
        let n = line.number;
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!') {
            if let Some((name, values)) = t.split_once('=') {
                let values: Vec<String> =
                    values.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
                let name = name.trim();
                if values.is_empty() || name.len() < 3 || !name.ends_with('!') {
                    problems.skip(n, "bad macro", format!("substitution {t:?} is not !NAME! = A, B, …"));
                } else {
                    macros.insert(name.to_string(), values);
                }
                continue;
            }
        }
        if let Some(agent) = entry(t, n, &macros, &mut problems) {
            out.push(agent);
        }
    }
    (out, problems.list)
}

/// Reads one entry line.
fn entry(
    t: &str,
    n: usize,
    macros: &BTreeMap<String, Vec<String>>,
    problems: &mut Problems<'_>,
) -> Option<Agent> {
    let Some(open) = t.find('[') else {
        problems.skip(n, "no code", format!("{t:?} has no [code]"));
        return None;
    };
    let after = &t[open + 1..];
    let inner = match after.find([']', '}']) {
        Some(close) => {
            if after[close..].starts_with('}') {
                problems.repair(
                    n,
                    "missing bracket",
                    format!("code `[{}` closed with `}}`", &after[..close]),
                );
            }
            &after[..close]
        }
        None => {
            problems.repair(n, "missing bracket", format!("`[{after}` has no closing `]`"));
            after
        }
    };
    let inner = inner.trim();
    let code = if let Some(c) = inner.strip_prefix('~') {
        c.trim()
    } else if inner.ends_with('~') {
        problems.skip(
            n,
            "prefix code",
            format!("code [{inner}] goes before the actor's code, which agents.tsv cannot say"),
        );
        return None;
    } else {
        problems.skip(n, "unknown code", format!("code [{inner}] has no `~`"));
        return None;
    };
    let code = code.to_ascii_uppercase();
    if code.is_empty() || code.len() % 3 != 0 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        problems.skip(n, "unknown code", format!("code [{inner}] is not one or more three-letter codes"));
        return None;
    }
    let head = &t[..open];
    let (phrase, plurals) = match head.find('{') {
        Some(b) => {
            let rest = &head[b + 1..];
            let list = rest.split('}').next().unwrap_or("");
            (&head[..b], Some(list.split_whitespace().collect::<Vec<_>>()))
        }
        None => (head, None),
    };
    let phrase = phrase.trim();
    if phrase.is_empty() {
        problems.skip(n, "no term", "an agent code without a phrase");
        return None;
    }
    if text::mojibake(head) {
        problems.skip(n, "mojibake", format!("phrase {phrase:?} has broken characters"));
        return None;
    }
    let mut forms = Vec::new();
    if phrase.contains('!') {
        match expand(phrase, macros, 0) {
            Ok(all) => forms.extend(all),
            Err(m) => {
                problems.skip(n, "unknown macro", m);
                return None;
            }
        }
    } else {
        forms.push(phrase.to_string());
        match plurals {
            Some(list) => forms.extend(list.into_iter().map(str::to_string)),
            None => forms.push(plural(phrase)),
        }
    }
    let mut terms: Vec<String> = Vec::new();
    for f in forms {
        let term = text::words(&f).join(" ").to_lowercase();
        if !term.is_empty() && !terms.contains(&term) {
            terms.push(term);
        }
    }
    Some(Agent { terms, code, line: n })
}

/// Every expansion of the `!NAME!` markers of `phrase` (at most [`MAX_MARKERS`] markers deep).
fn expand(phrase: &str, macros: &BTreeMap<String, Vec<String>>, depth: usize) -> Result<Vec<String>, String> {
    let Some(start) = phrase.find('!') else { return Ok(vec![phrase.to_string()]) };
    if depth >= MAX_MARKERS {
        return Err(format!(
            "{phrase:?}: more than {MAX_MARKERS} substitutions (a marker that names itself?)"
        ));
    }
    let Some(len) = phrase[start + 1..].find('!') else {
        return Err(format!("{phrase:?}: `!` without its closing `!`"));
    };
    let name = &phrase[start..start + len + 2];
    let values = macros.get(name).ok_or_else(|| format!("{phrase:?}: substitution {name} is not defined"))?;
    let mut out = Vec::new();
    for v in values {
        let replaced = format!("{}{v}{}", &phrase[..start], &phrase[start + len + 2..]);
        out.extend(expand(&replaced, macros, depth + 1)?);
    }
    Ok(out)
}

/// The regular plural of a phrase's last word (`MINISTER` → `MINISTERS`, `PARTY` → `PARTIES`,
/// `CONGRESS` → `CONGRESSES`, `CHAIRMAN` → `CHAIRMEN`).
fn plural(phrase: &str) -> String {
    let p = phrase.trim_end_matches(['_', ' ']);
    let upper = p.to_ascii_uppercase();
    let vowel = |c: u8| b"AEIOU".contains(&c);
    let b = upper.as_bytes();
    if upper.ends_with("MAN") {
        format!("{}EN", &p[..p.len() - 2])
    } else if upper.ends_with('Y') && b.len() > 1 && !vowel(b[b.len() - 2]) {
        format!("{}IES", &p[..p.len() - 1])
    } else if ["S", "SH", "CH", "X", "Z"].iter().any(|e| upper.ends_with(e)) {
        format!("{p}ES")
    } else {
        format!("{p}S")
    }
}

/// The columns of `agents.tsv`, for its header.
pub const COLUMNS: [&str; 2] = [
    "term    lowercase; singular, plural and substitution variants of one entry separated by '|'",
    "sector  the code added after the actor's code, without '~' (GOV; compounds such as GOVMED are kept)",
];

/// Renders agents as the rows of `agents.tsv` (no header).
pub fn render(agents: &[Agent], out: &mut String) -> usize {
    for a in agents {
        out.push_str(&format!("{}\t{}\n", a.terms.join("|"), a.code));
    }
    agents.len()
}

/// Re-reads an `agents.tsv`; returns its number of rows and the problems of its lines.
pub fn check(file: &str, text: &str) -> (usize, Vec<tsv::Problem>) {
    let mut problems = Vec::new();
    let rows = tsv::rows(file, text, 2, &mut problems);
    for row in &rows {
        let mut bad =
            |m: String| problems.push(tsv::Problem { file: file.to_string(), line: row.line, message: m });
        if row.cells.len() != 2 {
            bad(format!("expected 2 cells, found {}", row.cells.len()));
        }
        if row.values(0).iter().any(|t| t.to_lowercase() != *t) {
            bad("term not in lower case".into());
        }
        let code = row.cell(1);
        if code.len() % 3 != 0 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            bad(format!("sector {code:?} is not three-letter codes"));
        }
    }
    (rows.len(), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!-- AGENTS -->\n\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n\
!MINIST! = MINISTER, MINISTERS\n\
FARMER [~AGR]\n\
PARTY [~PTY] # comment\n\
CONGRESS!PERSON! [~LEG]\n\
FOREIGN_!MINIST! [~GOV]\n\
POLICE {} [~COP]\n\
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVJUD]\n\
DEPARMENT_OF_ENVIRONMENT [~ENV}\n\
ISLAMIC_EXTREMIST\n\
TRUCE_MONITOR [IGO~]\n\
HUSBAND!PERSON![~AGR]\n\
!NOPE!_CHIEF [~GOV]\n\
WIZARD [~MA]\n\
!MINIST! DE_OBRAS_P\u{C3}\u{161}BLICAS [~GOV]\n\
CONGRESS [~LEG\n";

    #[test]
    fn reads_entries_expands_macros_and_reports_the_dirt() {
        let (agents, problems) = read("a.agents.txt", SAMPLE.as_bytes());
        let got: Vec<String> = agents.iter().map(|a| format!("{}\t{}", a.terms.join("|"), a.code)).collect();
        assert_eq!(
            got,
            [
                "farmer|farmers\tAGR",
                "party|parties\tPTY",
                "congressman|congressmen|congresswoman|congresswomen|congressperson\tLEG",
                "foreign minister|foreign ministers\tGOV",
                "police\tCOP",
                "attorney general|attorneys general\tGOVJUD",
                "deparment of environment|deparment of environments\tENV",
                "husbandman|husbandmen|husbandwoman|husbandwomen|husbandperson\tAGR",
                "congress|congresses\tLEG",
            ]
        );
        let lines: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.reason)).collect();
        assert_eq!(
            lines,
            [
                (10, "missing bracket"),
                (11, "no code"),
                (12, "prefix code"),
                (14, "unknown macro"),
                (15, "unknown code"),
                (16, "mojibake"),
                (17, "missing bracket"),
            ]
        );
        let mut out = String::new();
        render(&agents, &mut out);
        assert_eq!(check("agents.tsv", &out), (9, vec![]));
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("MILITIAMAN"), "MILITIAMEN");
        assert_eq!(plural("ENVOY"), "ENVOYS");
        assert_eq!(plural("BOSS_"), "BOSSES");
        assert_eq!(plural("CHURCH"), "CHURCHES");
    }

    #[test]
    fn no_panic_on_arbitrary_bytes() {
        for sample in
            [&b"!!\n!A! =\n[\n{[~\n!A!_B [~GOV]\n\xff [~"[..], b"X {[~GOV]", b"!X! = !X!\n!X! [~GOV]"]
        {
            let _ = read("x", sample);
        }
    }
}
