//! Reading and writing CoNLL-U, the Universal Dependencies file format.
//!
//! The reader keeps what the language layer trains and scores on: words with their ten columns,
//! multi-word token ranges (`1-2 don't`), and sentence comments. Empty nodes (`8.1`) belong to
//! enhanced dependencies, which dyad does not use; they are skipped.

use std::fmt::Write as _;

/// A malformed CoNLL-U line, with its 1-based line number.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number in the input.
    pub line: usize,
    /// What is wrong with the line.
    pub message: String,
}

/// One syntactic word: a CoNLL-U line whose ID is an integer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Word {
    /// Word form as written.
    pub form: String,
    /// Lemma (`_` when unknown).
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Language-specific POS tag (Penn Treebank tags in EWT).
    pub xpos: String,
    /// Morphological features, verbatim.
    pub feats: String,
    /// 1-based head index, 0 for the root; `None` when the column is `_`.
    pub head: Option<usize>,
    /// Dependency relation to the head.
    pub deprel: String,
    /// Enhanced dependencies, verbatim.
    pub deps: String,
    /// The MISC column, verbatim.
    pub misc: String,
}

/// A multi-word token such as `don't` spanning words `do` and `n't`.
#[derive(Debug, Clone, PartialEq)]
pub struct MultiWord {
    /// 1-based index of the first word it covers.
    pub first: usize,
    /// 1-based index of the last word it covers (inclusive).
    pub last: usize,
    /// The surface form.
    pub form: String,
    /// The MISC column, verbatim.
    pub misc: String,
}

/// One sentence: comments, words and multi-word tokens.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Comment lines without the leading `# ` (e.g. `text = ...`, `newdoc id = ...`).
    pub comments: Vec<String>,
    /// The words in order; word `i` has CoNLL-U ID `i + 1`.
    pub words: Vec<Word>,
    /// Multi-word tokens, in order of their first word.
    pub multiwords: Vec<MultiWord>,
}

impl Sentence {
    /// The value of a `key = value` comment, such as `text` or `sent_id`.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let rest = c.strip_prefix(key)?.trim_start();
            rest.strip_prefix('=').map(str::trim)
        })
    }

    /// Whether this sentence starts a new document (`# newdoc`).
    pub fn starts_document(&self) -> bool {
        self.comments.iter().any(|c| c.starts_with("newdoc"))
    }

    /// Surface tokens in order: each is either a single word or a multi-word token, given as
    /// (surface form, range of 0-based word indices, MISC of the surface token).
    pub fn surface_tokens(&self) -> Vec<(&str, std::ops::Range<usize>, &str)> {
        let mut out = Vec::with_capacity(self.words.len());
        let mut mwts = self.multiwords.iter().peekable();
        let mut i = 0;
        while i < self.words.len() {
            if let Some(m) = mwts.peek() {
                if m.first == i + 1 && m.last > m.first && m.last <= self.words.len() {
                    out.push((m.form.as_str(), i..m.last, m.misc.as_str()));
                    i = m.last;
                    mwts.next();
                    continue;
                }
                if m.first <= i + 1 {
                    mwts.next();
                    continue;
                }
            }
            let w = &self.words[i];
            out.push((w.form.as_str(), i..i + 1, w.misc.as_str()));
            i += 1;
        }
        out
    }
}

/// Rebuilds the raw text of a treebank from its `# text` comments, the way a scorer of
/// tokenization from raw text needs it: sentences joined by a space within a paragraph
/// (`# newpar`), by a newline between paragraphs, and by a blank line between documents
/// (`# newdoc`). Sentences without `# text` contribute their word forms joined by spaces.
pub fn raw_text(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            out.push_str(if s.starts_document() {
                "\n\n"
            } else if s.comments.iter().any(|c| c.starts_with("newpar")) {
                "\n"
            } else {
                " "
            });
        }
        match s.comment("text") {
            Some(text) => out.push_str(text),
            None => out.push_str(&s.words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>().join(" ")),
        }
    }
    out.push('\n');
    out
}

/// Parses CoNLL-U text into sentences. Fails on the first malformed line, naming it.
pub fn parse(input: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for (index, raw) in input.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            // A block of comments without words is kept for the next sentence.
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            current.comments.push(comment.trim_start().to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError {
                line: line_no,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node of the enhanced graph
        }
        if let Some((a, b)) = id.split_once('-') {
            let first = parse_index(a, line_no)?;
            let last = parse_index(b, line_no)?;
            if last < first || first != current.words.len() + 1 {
                return Err(ConlluError {
                    line: line_no,
                    message: format!("multi-word range {id} does not start at the next word"),
                });
            }
            current.multiwords.push(MultiWord {
                first,
                last,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        let index = parse_index(id, line_no)?;
        if index != current.words.len() + 1 {
            return Err(ConlluError {
                line: line_no,
                message: format!("word ID {index} out of sequence (expected {})", current.words.len() + 1),
            });
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(parse_index(h, line_no)?),
        };
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

fn parse_index(s: &str, line: usize) -> Result<usize, ConlluError> {
    s.parse().map_err(|_| ConlluError { line, message: format!("`{s}` is not a word index") })
}

/// Writes one sentence as CoNLL-U (comments, multi-word lines, words, blank line).
pub fn write_sentence(out: &mut String, sentence: &Sentence) {
    for c in &sentence.comments {
        let _ = writeln!(out, "# {c}");
    }
    let mut mwts = sentence.multiwords.iter().peekable();
    for (i, w) in sentence.words.iter().enumerate() {
        let id = i + 1;
        while let Some(m) = mwts.peek() {
            if m.first < id {
                mwts.next();
            } else {
                break;
            }
        }
        if let Some(m) = mwts.peek() {
            if m.first == id {
                let _ = writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                    m.first,
                    m.last,
                    clean(&m.form),
                    or_blank(&m.misc)
                );
                mwts.next();
            }
        }
        let head = w.head.map_or_else(|| "_".to_string(), |h| h.to_string());
        let _ = writeln!(
            out,
            "{id}\t{}\t{}\t{}\t{}\t{}\t{head}\t{}\t{}\t{}",
            clean(&w.form),
            or_blank(&w.lemma),
            or_blank(&w.upos),
            or_blank(&w.xpos),
            or_blank(&w.feats),
            or_blank(&w.deprel),
            or_blank(&w.deps),
            or_blank(&w.misc),
        );
    }
    out.push('\n');
}

/// A form may not hold tabs or newlines in CoNLL-U; they are replaced by spaces.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

fn or_blank(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_empty() {
        "_".into()
    } else {
        clean(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn round_trips_words_multiwords_and_comments() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].comment("text"), Some("I don't know."));
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].words[3].head, Some(0));
        let toks: Vec<_> = s[0].surface_tokens().into_iter().map(|t| t.0).collect();
        assert_eq!(toks, ["I", "don't", "know", "."]);
        let mut out = String::new();
        write_sentence(&mut out, &s[0]);
        assert_eq!(out, SAMPLE);
    }

    #[test]
    fn rebuilds_raw_text_by_paragraph_and_document() {
        let doc = "# newdoc id = a\n# newpar\n# text = A b.\n1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n\n# text = C.\n1\tC\t_\t_\t_\t_\t_\t_\t_\t_\n\n# newpar\n# text = D.\n1\tD\t_\t_\t_\t_\t_\t_\t_\t_\n\n# newdoc id = b\n# text = E.\n1\tE\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        assert_eq!(raw_text(&parse(doc).unwrap()), "A b. C.\nD.\n\nE.\n");
    }

    #[test]
    fn names_the_bad_line() {
        let err = parse("1\tI\tI\tPRON\n").unwrap_err();
        assert_eq!(err.line, 1);
        let err = parse("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t0\troot\t_\t_\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().contains("out of sequence"));
    }
}
