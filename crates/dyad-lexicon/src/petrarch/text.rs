//! The text layer shared by the PETRARCH readers: bytes to lines (lossily, reporting the
//! lines that were not UTF-8), comments (`#` to the end of the line, `<!-- … -->` also over
//! several lines), phrases (`_` and spaces between words), title case and mojibake.

use super::Problems;
use std::borrow::Cow;

/// One line of a dictionary, comments removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// The 1-based line number.
    pub number: usize,
    /// The text without its comment and without trailing white space (leading white space is
    /// kept: it distinguishes date lines in actor dictionaries).
    pub text: Cow<'a, str>,
    /// Whether the line had a comment (so an empty `text` was not a blank line).
    pub commented: bool,
}

/// The lines of `bytes` that carry something, comments removed. Invalid UTF-8 is replaced by
/// U+FFFD and the line reported as repaired; blank and comment-only lines are left out unless
/// they start with a space (a name lost before its comment, which the actor reader reports).
pub fn lines<'a>(bytes: &'a [u8], problems: &mut Problems<'_>) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let number = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let text = match std::str::from_utf8(raw) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                problems.repair(
                    number,
                    "invalid UTF-8",
                    format!("byte {} is not UTF-8; replaced by U+FFFD", e.valid_up_to()),
                );
                String::from_utf8_lossy(raw)
            }
        };
        let (text, commented) = strip_comments(text, &mut in_xml_comment);
        let kept = text.trim_end();
        if kept.trim_start().is_empty() && !(commented && text.starts_with(' ')) {
            continue;
        }
        let text = match text {
            Cow::Borrowed(s) => Cow::Borrowed(s.trim_end()),
            Cow::Owned(s) => Cow::Owned(s.trim_end().to_string()),
        };
        out.push(Line { number, text, commented });
    }
    out
}

/// Removes `<!-- … -->` comments (tracking one that spans lines), a line starting with `<!`,
/// and everything from `#`.
fn strip_comments<'a>(text: Cow<'a, str>, in_xml: &mut bool) -> (Cow<'a, str>, bool) {
    let mut commented = false;
    let mut text = text;
    if *in_xml {
        commented = true;
        match text.find("-->") {
            Some(end) => {
                *in_xml = false;
                text = Cow::Owned(text[end + 3..].to_string());
            }
            None => return (Cow::Borrowed(""), true),
        }
    }
    while let Some(start) = text.find("<!--") {
        commented = true;
        match text[start + 4..].find("-->") {
            Some(end) => {
                let rest = &text[start + 4 + end + 3..];
                text = Cow::Owned(format!("{}{}", &text[..start], rest));
            }
            None => {
                *in_xml = true;
                text = Cow::Owned(text[..start].to_string());
                break;
            }
        }
    }
    if text.trim_start().starts_with("<!") {
        return (Cow::Borrowed(""), true);
    }
    if let Some(hash) = text.find('#') {
        commented = true;
        text = match text {
            Cow::Borrowed(s) => Cow::Borrowed(&s[..hash]),
            Cow::Owned(s) => Cow::Owned(s[..hash].to_string()),
        };
    }
    (text, commented)
}

/// The words of a PETRARCH phrase: `_` and white space separate words; empty words go.
pub fn words(phrase: &str) -> Vec<&str> {
    phrase.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()).collect()
}

/// A phrase in title case, words joined by one space: `VLADIMIR_PUTIN_` → "Vladimir Putin",
/// `AL-'IDALAT` → "Al-'Idalat", `O'BRIEN` → "O'Brien", `SYRIA'S` → "Syria's". Words without a
/// vowel (`PKK`) and dotted abbreviations (`U.S.`) stay in capitals.
pub fn title(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for (i, word) in words(phrase).into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let vowel = word.chars().any(|c| "AEIOUYaeiouy".contains(c) || (c.is_alphabetic() && !c.is_ascii()));
        if !vowel || word.contains('.') {
            out.push_str(word);
            continue;
        }
        let mut start = true;
        let mut segment = 0;
        for c in word.chars() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            if c.is_alphanumeric() {
                segment += 1;
                start = false;
            } else {
                // After a hyphen a new word starts; after an apostrophe only behind one letter
                // (O'Brien) or at the start of a part ('Idalat).
                start = c == '-' || (c == '\'' && segment <= 1);
                segment = 0;
            }
        }
    }
    out
}

/// Whether `s` shows signs of a broken encoding: the replacement character U+FFFD, or UTF-8
/// read as Latin-1/Windows-1252 (`Ã` or `Â` before a continuation-byte character, as in
/// `PÃšBLICAS`).
pub fn mojibake(s: &str) -> bool {
    if s.contains('\u{FFFD}') {
        return true;
    }
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '\u{C2}'..='\u{C5}') {
            if let Some(&n) = chars.peek() {
                let continuation = matches!(n, '\u{80}'..='\u{BF}')
                    || matches!(n, '\u{152}'..='\u{178}' | '\u{192}' | '\u{2C6}' | '\u{2DC}')
                    || matches!(n, '\u{2013}'..='\u{203A}' | '\u{20AC}' | '\u{2122}');
                if continuation {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_drop_comments_and_report_bad_bytes() {
        let bytes = b"# head\nRUSSIA_ [RUS] # a comment\n\n<!-- one\ntwo -->\nCUBA\xff_ [CUB]\n  # lost name\n<! -- odd -->\n";
        let mut p = Problems::new("f");
        let got: Vec<(usize, String)> =
            lines(bytes, &mut p).into_iter().map(|l| (l.number, l.text.into_owned())).collect();
        assert_eq!(
            got,
            [(2, "RUSSIA_ [RUS]".to_string()), (6, "CUBA\u{FFFD}_ [CUB]".to_string()), (7, String::new())]
        );
        assert_eq!(p.list.len(), 1);
        assert_eq!(p.list[0].line, 6);
        assert_eq!(p.list[0].reason, "invalid UTF-8");
    }

    #[test]
    fn titles_and_mojibake() {
        assert_eq!(title("VLADIMIR_PUTIN_"), "Vladimir Putin");
        assert_eq!(title("  MAZAR-I-SHARIF_ "), "Mazar-I-Sharif");
        assert_eq!(title("HARAKAT_AL-'IDALAT"), "Harakat Al-'Idalat");
        assert_eq!(title("O'BRIEN SYRIA'S"), "O'Brien Syria's");
        assert_eq!(title("PKK U.S._FORCES"), "PKK U.S. Forces");
        assert_eq!(title("RECEP_TAYYIP_ERDOĞAN"), "Recep Tayyip Erdoğan");
        assert!(mojibake("COTE_D\u{FFFD}IVOIRE"));
        assert!(mojibake("OBRAS_PÃšBLICAS"));
        assert!(!mojibake("ERDOĞAN MESÛD_BARZANÎ"));
    }
}
