//! Reading the lexicon's TSV sources: one entry a line, `#` comments, `|` between the values of
//! a cell. Every problem names its file and line, and reading goes on past it.

use std::fmt;

/// A problem found in a lexicon source, at a file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The source file's name (as given to the reader).
    pub file: String,
    /// The 1-based line number (0 when the problem concerns the whole file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// One data line of a TSV source: its line number and its cells, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// The 1-based line number.
    pub line: usize,
    /// The cells, trimmed of surrounding spaces.
    pub cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Cell `i`, or "" when the line is shorter.
    pub fn cell(&self, i: usize) -> &'a str {
        self.cells.get(i).copied().unwrap_or("")
    }

    /// The `|`-separated values of cell `i`, without empty ones.
    pub fn values(&self, i: usize) -> Vec<&'a str> {
        self.cell(i).split('|').map(str::trim).filter(|v| !v.is_empty()).collect()
    }
}

/// The data lines of `text`: comments (`#` first) and blank lines are skipped; a line with
/// fewer than `min_cells` non-empty leading cells is reported in `problems` and skipped.
pub fn rows<'a>(file: &str, text: &'a str, min_cells: usize, problems: &mut Vec<Problem>) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cells.len() < min_cells || cells[..min_cells].iter().any(|c| c.is_empty()) {
            problems.push(Problem {
                file: file.to_string(),
                line: n + 1,
                message: format!(
                    "expected at least {min_cells} tab-separated non-empty cells, found {:?}",
                    cells
                ),
            });
            continue;
        }
        out.push(Row { line: n + 1, cells });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_reports_short_lines_with_their_number() {
        let text = "# header\n\nRUS\tRussia\tRussian Federation| the Russian Federation \nbroken line\n\tempty key\n";
        let mut problems = Vec::new();
        let rows = rows("countries.tsv", text, 2, &mut problems);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].values(2), ["Russian Federation", "the Russian Federation"]);
        assert_eq!(rows[0].cell(7), "");
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [4, 5]);
        assert!(problems[0].to_string().starts_with("countries.tsv:4: expected at least 2"));
    }
}
