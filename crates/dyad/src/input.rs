//! Reading input files and standard input as text, with clear errors for bad bytes.

use anyhow::{bail, Context, Result};
use std::io::Read;
use std::path::Path;

/// Reads `path` (or standard input for `-`) as UTF-8. Invalid UTF-8 is an error naming the byte
/// offset, unless `lossy` asks to replace bad sequences with U+FFFD.
pub fn read_text(path: &Path, lossy: bool) -> Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).context("reading standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("reading {}", path.display()))?
    };
    decode(bytes, lossy).with_context(|| format!("in {}", display_name(path)))
}

fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            bail!("invalid UTF-8 at byte {at} (pass --lossy to replace bad bytes with U+FFFD)")
        }
    }
}

/// Reads and parses a CoNLL-U file; a malformed line is reported with the file and line.
pub fn read_conllu(path: &Path) -> Result<Vec<dyad_nlp::conllu::Sentence>> {
    let text = read_text(path, false)?;
    dyad_nlp::conllu::parse(&text).with_context(|| format!("parsing {}", display_name(path)))
}

/// How a path is named in messages (`<stdin>` for `-`).
pub fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset_or_is_replaced() {
        let bad = b"ab\xffcd".to_vec();
        let err = decode(bad.clone(), false).unwrap_err().to_string();
        assert!(err.contains("byte 2"), "{err}");
        assert_eq!(decode(bad, true).unwrap(), "ab\u{fffd}cd");
        assert_eq!(decode(Vec::new(), false).unwrap(), "");
    }
}
