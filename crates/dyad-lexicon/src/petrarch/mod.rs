//! Importing PETRARCH-2 / Phoenix dictionaries into dyad's own lexicon formats.
//!
//! The PETRARCH dictionaries are flat text files with a syntax of their own (documented in
//! the PETRARCH-2 `dictionaries.rst`): actor dictionaries ([`actors`]), agent dictionaries
//! ([`agents`]) and CAMEO verb dictionaries ([`verbs`]). Each reader takes the raw bytes of one
//! file, converts them lossily to text, and returns what it could read together with one
//! [`Problem`] per line it had to skip or repair, so that one bad line never stops an import.
//! Each kind renders to a TSV file in dyad's style: `officials.tsv`, `agents.tsv`,
//! `events.tsv`.

pub mod actors;
pub mod agents;
pub mod date;
pub mod text;
pub mod verbs;

use std::fmt;
use std::path::{Path, PathBuf};

/// What happened to a line the reader could not take as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    /// The line (or the entry it belongs to) was left out.
    Skipped,
    /// The line was read after a repair (a stray character dropped, a bracket closed).
    Repaired,
}

/// A line of a PETRARCH dictionary that could not be read as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as named by the caller.
    pub file: String,
    /// The 1-based line number.
    pub line: usize,
    /// Whether the line was skipped or repaired.
    pub action: Action,
    /// A short category for summaries ("bad date", "mojibake", ...).
    pub reason: &'static str,
    /// What is wrong, in full.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.action {
            Action::Skipped => "skipped",
            Action::Repaired => "repaired",
        };
        write!(f, "{}:{}: {} ({what})", self.file, self.line, self.message)
    }
}

/// Collects the problems of one file.
#[derive(Debug)]
pub struct Problems<'f> {
    file: &'f str,
    /// The problems so far.
    pub list: Vec<Problem>,
}

impl<'f> Problems<'f> {
    /// An empty list for `file`.
    pub fn new(file: &'f str) -> Self {
        Self { file, list: Vec::new() }
    }

    /// Records a skipped line.
    pub fn skip(&mut self, line: usize, reason: &'static str, message: impl Into<String>) {
        self.push(line, Action::Skipped, reason, message.into());
    }

    /// Records a repaired line.
    pub fn repair(&mut self, line: usize, reason: &'static str, message: impl Into<String>) {
        self.push(line, Action::Repaired, reason, message.into());
    }

    fn push(&mut self, line: usize, action: Action, reason: &'static str, message: String) {
        self.list.push(Problem { file: self.file.to_string(), line, action, reason, message });
    }
}

/// The kind of a PETRARCH dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Actors: names, synonyms and dated codes (`*.actors.txt`).
    Actors,
    /// Agents: role nouns and their sector codes (`*.agents.txt`).
    Agents,
    /// Verb patterns in CAMEO.2.0 syntax (`*.verbs.txt`, `CAMEO.*.txt`).
    Verbs,
}

impl Kind {
    /// The kind a file name announces: `…actors…`, `…agents…`, `…verbs…` or `CAMEO…`;
    /// `None` for other names.
    pub fn of(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.contains("actors") {
            Some(Self::Actors)
        } else if name.contains("agents") {
            Some(Self::Agents)
        } else if name.contains("verbs") || name.starts_with("cameo") {
            Some(Self::Verbs)
        } else {
            None
        }
    }
}

/// Errors of the import that stop it: files that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The kind of a file cannot be told from its name.
    #[error("{path}: not a PETRARCH actors, agents or verbs dictionary (the name should contain `actors`, `agents` or `verbs`, or start with `CAMEO`)")]
    UnknownKind {
        /// The file.
        path: PathBuf,
    },
}

/// Reads a whole file as bytes.
pub fn read(path: &Path) -> Result<Vec<u8>, ImportError> {
    std::fs::read(path).map_err(|source| ImportError::Read { path: path.to_path_buf(), source })
}

/// Writes `text` to `path`.
pub fn write(path: &Path, text: &str) -> Result<(), ImportError> {
    std::fs::write(path, text).map_err(|source| ImportError::Write { path: path.to_path_buf(), source })
}

/// The `#` comment header of an output file: what it holds, its sources and the import date.
pub fn header(what: &str, sources: &[String], date: &str, columns: &[&str]) -> String {
    let mut out = format!("# dyad lexicon overlay: {what}.\n");
    out.push_str(&format!("# Imported by `dyad lexicon import-petrarch` on {date} from:\n"));
    for s in sources {
        out.push_str(&format!("#   {s}\n"));
    }
    out.push_str(
        "# Columns (UTF-8, tab-separated; '#' starts a comment line; '|' separates several values):\n",
    );
    for c in columns {
        out.push_str(&format!("#   {c}\n"));
    }
    out
}

/// Today's date (UTC) as YYYY-MM-DD, from the system clock.
pub fn today() -> String {
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (y, m, d) = date::civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_file_names() {
        assert_eq!(Kind::of(Path::new("a/Phoenix.Countries.actors.txt")), Some(Kind::Actors));
        assert_eq!(Kind::of(Path::new("Phoenix.agents.txt")), Some(Kind::Agents));
        assert_eq!(Kind::of(Path::new("CAMEO.2.0.txt")), Some(Kind::Verbs));
        assert_eq!(Kind::of(Path::new("PETR.Validate.verbs.txt")), Some(Kind::Verbs));
        assert_eq!(Kind::of(Path::new("Phoenix.discards.txt")), None);
    }

    #[test]
    fn problems_print_file_line_and_message() {
        let mut p = Problems::new("x.txt");
        p.skip(3, "bad date", "date `2001` is not YYMMDD or YYYYMMDD");
        assert_eq!(p.list[0].to_string(), "x.txt:3: date `2001` is not YYMMDD or YYYYMMDD (skipped)");
        assert_eq!(today().len(), 10);
    }
}
