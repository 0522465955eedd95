//! Reading documents: text files (a document each), JSON Lines files (a document a line with
//! `id`, `text` and optional `date`, `source`, `url`, `title`), standard input, and folders of
//! them. A bad line is reported with its file and line and the others are read.

use crate::input::{display_name, read_text};
use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use dyad_extract::time::Date;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// How inputs are read.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum InputKind {
    /// `.jsonl` files as JSON Lines, everything else as text.
    Auto,
    /// Every input is one text document.
    Text,
    /// Every input holds JSON Lines documents.
    Jsonl,
}

/// One document to code.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Its id: the file stem of a text input, the `id` of a JSON line.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its creation date, if known.
    pub dct: Option<Date>,
    /// The publisher or feed (`source`), if given.
    pub source: Option<String>,
    /// Where it was published (`url`), if given.
    pub url: Option<String>,
    /// Its headline (`title`), if given.
    pub title: Option<String>,
}

/// The documents of one input, and how many of its lines were bad (each reported on stderr
/// with its file and line). `dct` dates text inputs; JSON lines carry their own date.
pub fn read_documents(
    path: &Path,
    kind: InputKind,
    lossy: bool,
    dct: Option<Date>,
) -> Result<(Vec<Document>, usize)> {
    let jsonl = match kind {
        InputKind::Auto => path.extension().is_some_and(|e| e == "jsonl"),
        InputKind::Text => false,
        InputKind::Jsonl => true,
    };
    if jsonl {
        read_jsonl(path, lossy)
    } else {
        read_document(path, lossy, dct)
    }
}

/// The files under `paths`: files as given, folders walked recursively in name order (hidden
/// entries skipped), `-` kept for standard input.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

/// A text input as one document.
fn read_document(path: &Path, lossy: bool, dct: Option<Date>) -> Result<(Vec<Document>, usize)> {
    let text = read_text(path, lossy)?;
    let id = path.file_stem().and_then(|s| s.to_str()).filter(|s| *s != "-").unwrap_or("stdin");
    let document = Document { id: id.to_string(), text, dct, source: None, url: None, title: None };
    Ok((vec![document], 0))
}

/// The documents of a JSON Lines input, and how many of its lines were bad (each reported with
/// its file and line; the others are kept).
fn read_jsonl(path: &Path, lossy: bool) -> Result<(Vec<Document>, usize)> {
    let text = read_text(path, lossy)?;
    let name = display_name(path);
    let mut documents = Vec::new();
    let mut bad = 0;
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match parse_document(line) {
            Ok((doc, warning)) => {
                if let Some(w) = warning {
                    eprintln!("dyad: warning: {name}:{}: document {}: {w}", n + 1, doc.id);
                }
                documents.push(doc);
            }
            Err(e) => {
                bad += 1;
                eprintln!("dyad: error: {name}:{}: {e:#}", n + 1);
            }
        }
    }
    Ok((documents, bad))
}

/// A document from one JSON line, and a warning when its date does not parse (the document is
/// then read without one).
fn parse_document(line: &str) -> Result<(Document, Option<String>)> {
    let value: Value = serde_json::from_str(line).context("not a JSON object")?;
    let id = match &value["id"] {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => bail!("no `id`"),
    };
    let Some(text) = value["text"].as_str() else { bail!("document {id}: no `text`") };
    let (dct, warning) = match value["date"].as_str() {
        None => (None, None),
        Some(d) => match Date::parse(d) {
            Ok(date) => (Some(date), None),
            Err(e) => (None, Some(format!("{e}; its relative dates stay unresolved"))),
        },
    };
    let field = |k: &str| value[k].as_str().map(str::to_string);
    let document = Document {
        id,
        text: text.to_string(),
        dct,
        source: field("source"),
        url: field("url"),
        title: field("title"),
    };
    Ok((document, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_line_gives_a_document_with_its_fields() {
        let line = r#"{"id": 7, "text": "Hi.", "date": "2019-10-31", "url": "http://x", "title": "T"}"#;
        let (doc, warning) = parse_document(line).unwrap();
        assert_eq!(
            (doc.id.as_str(), doc.url.as_deref(), doc.title.as_deref()),
            ("7", Some("http://x"), Some("T"))
        );
        assert_eq!(doc.dct, Date::parse("2019-10-31").ok());
        assert!(warning.is_none());
        let (doc, warning) = parse_document(r#"{"id": "a", "text": "x", "date": "soon"}"#).unwrap();
        assert!(doc.dct.is_none() && warning.is_some());
        assert!(parse_document(r#"{"text": "x"}"#).is_err());
        assert!(parse_document("{not json").is_err());
    }
}
