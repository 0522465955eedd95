//! `dyad eval wikigold`: the entity layer scored on a CoNLL-2003 file (wikigold): PER/ORG/LOC
//! exact token-span P/R/F1, MISC ignored.
//!
//! Each `-DOCSTART-` document is analysed as one text (the entity layer settles a name's type
//! over the whole document), rebuilt from the given tokens: with `--input conll` a space between
//! tokens and a line break between sentences, so dyad keeps the file's sentences; with
//! `--input text` detokenised prose. dyad's mentions (byte spans) are mapped back to token
//! spans; one that does not start and end on token boundaries matches nothing. Gold MISC spans
//! are not scored, and system spans overlapping one are not counted.

use crate::ner_eval::{print_failures, system_spans, without_article, Matches, NerScores, Span, TYPES};
use anyhow::{Context, Result};
use clap::ValueEnum;
use dyad_lexicon::Lexicon;
use dyad_nlp::analyze::Pipeline;
use std::path::Path;

/// One token of a CoNLL file: its form, its NER tag and its line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllToken {
    /// The token as written (first column).
    pub form: String,
    /// The IOB tag (last column): `O`, `I-PER`, `B-ORG` …
    pub tag: String,
    /// The line of the file it is on, from 1.
    pub line: usize,
}

/// One document of a CoNLL file: its sentences of tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllDoc {
    /// The line of its `-DOCSTART-` (or of its first token when the file has none), from 1.
    pub line: usize,
    /// Its sentences, each a run of tokens between blank lines.
    pub sentences: Vec<Vec<ConllToken>>,
}

impl ConllDoc {
    /// All its tokens, in order.
    fn tokens(&self) -> impl Iterator<Item = &ConllToken> {
        self.sentences.iter().flatten()
    }
}

/// A CoNLL file read: its documents, and a `file:line: problem` message for each malformed
/// line (which is skipped).
#[derive(Debug, Default)]
pub struct Conll {
    /// The documents, in file order.
    pub docs: Vec<ConllDoc>,
    /// The malformed lines skipped.
    pub problems: Vec<String>,
}

/// Whether `tag` is an IOB tag: `O`, or `I-`/`B-` and a type.
fn is_tag(tag: &str) -> bool {
    tag == "O"
        || tag
            .strip_prefix("I-")
            .or_else(|| tag.strip_prefix("B-"))
            .is_some_and(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

/// Reads CoNLL-2003 text (`name` names it in messages): a token per line, its columns separated
/// by whitespace, the first the token and the last its IOB tag; blank lines end sentences and
/// `-DOCSTART-` lines start documents. A line without a tag column or whose last column is not
/// an IOB tag is reported and skipped; the rest is read.
pub fn read_conll(text: &str, name: &str) -> Conll {
    let mut out = Conll::default();
    let mut doc: Option<ConllDoc> = None;
    let mut sentence: Vec<ConllToken> = Vec::new();
    let end_sentence = |doc: &mut Option<ConllDoc>, sentence: &mut Vec<ConllToken>| {
        if let Some(d) = doc.as_mut().filter(|_| !sentence.is_empty()) {
            d.sentences.push(std::mem::take(sentence));
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let fields: Vec<&str> = raw.split_whitespace().collect();
        match fields.as_slice() {
            [] => end_sentence(&mut doc, &mut sentence),
            ["-DOCSTART-", ..] => {
                end_sentence(&mut doc, &mut sentence);
                out.docs.extend(doc.take().filter(|d| !d.sentences.is_empty()));
                doc = Some(ConllDoc { line, sentences: Vec::new() });
            }
            [form, .., tag] if is_tag(tag) => {
                doc.get_or_insert_with(|| ConllDoc { line, sentences: Vec::new() });
                sentence.push(ConllToken { form: form.to_string(), tag: tag.to_string(), line });
            }
            [_] => out.problems.push(format!("{name}:{line}: no tag column in {raw:?}")),
            _ => out.problems.push(format!("{name}:{line}: the last column of {raw:?} is not an IOB tag")),
        }
    }
    end_sentence(&mut doc, &mut sentence);
    out.docs.extend(doc.filter(|d| !d.sentences.is_empty()));
    out
}

/// The entity spans of a sentence's IOB tags (IOB1 or IOB2), as token ranges with their type:
/// an entity runs over `I-X` tags of one type; `B-X` or a change of type starts another.
pub fn iob_spans(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().chain(std::iter::once(&"O")).enumerate() {
        let (begin, kind) = match tag.split_once('-') {
            Some((prefix, kind)) => (prefix == "B", Some(kind)),
            None => (false, None),
        };
        let continues = !begin && kind.is_some() && open.is_some_and(|(_, k)| Some(k) == kind);
        if !continues {
            if let Some((start, k)) = open.take() {
                spans.push((start, i, k.to_string()));
            }
            open = kind.map(|k| (i, k));
        }
    }
    spans
}

/// How the text dyad analyses is rebuilt from the tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Input {
    /// The given tokens, a space between them and a line break between sentences: dyad keeps
    /// the file's tokens and sentences.
    Conll,
    /// Detokenised prose (no space before `,` `.` `'s` `)` …, none after `(` `$` an opening
    /// quote), sentences joined by a space: dyad splits sentences itself.
    Text,
}

/// The text of a document rebuilt from its tokens, and each token's byte span in it.
pub fn doc_text(doc: &ConllDoc, input: Input) -> (String, Vec<(usize, usize)>) {
    const NO_SPACE_BEFORE: [&str; 18] =
        [",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"];
    const NO_SPACE_AFTER: [&str; 6] = ["(", "[", "{", "$", "``", "£"];
    let mut text = String::new();
    let mut bounds = Vec::new();
    let mut glue_next = true;
    let mut open_quote = false;
    for (n, sentence) in doc.sentences.iter().enumerate() {
        for (i, token) in sentence.iter().enumerate() {
            let form = token.form.as_str();
            let sep = match input {
                Input::Conll if i == 0 && n > 0 => "\n",
                Input::Conll if i == 0 => "",
                Input::Conll => " ",
                Input::Text => {
                    let closing = form == "\"" && open_quote;
                    if glue_next || NO_SPACE_BEFORE.contains(&form) || form == "''" || closing {
                        ""
                    } else {
                        " "
                    }
                }
            };
            text.push_str(sep);
            bounds.push((text.len(), text.len() + form.len()));
            text.push_str(form);
            if input == Input::Text {
                glue_next = NO_SPACE_AFTER.contains(&form);
                if form == "\"" {
                    open_quote = !open_quote;
                    glue_next = open_quote;
                }
            }
        }
    }
    (text, bounds)
}

/// The token span (first token, one past the last) of the byte span `start..end`, when it
/// starts at a token's start and ends at a token's end; `bounds` are the tokens' byte spans in
/// order.
pub fn token_span(bounds: &[(usize, usize)], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = bounds.binary_search_by_key(&start, |b| b.0).ok()?;
    let last = bounds.binary_search_by_key(&end, |b| b.1).ok()?;
    (first <= last).then_some((first, last + 1))
}

/// wikigold figures: the PER/ORG/LOC scores and what was set aside.
#[derive(Debug)]
pub struct WikigoldScores {
    scores: NerScores,
    docs: usize,
    sentences: usize,
    tokens: usize,
    /// System spans overlapping a gold MISC span, not counted.
    on_misc: usize,
    /// System spans not on token boundaries, counted as false positives.
    off_tokens: usize,
}

impl std::fmt::Display for WikigoldScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.scores)?;
        writeln!(
            f,
            "{} documents, {} sentences, {} tokens; system spans not counted for overlapping gold \
             MISC: {}; not on token boundaries (false positives): {}",
            self.docs, self.sentences, self.tokens, self.on_misc, self.off_tokens
        )?;
        // The spaCy peer (SPACY.md § 2a) counts system spans over gold MISC as false positives.
        let (gold, system, matched) = self.scores.totals();
        let system = system + self.on_misc;
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(matched, system), ratio(matched, gold));
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        writeln!(f, "with those over MISC counted as false positives (the spaCy peer's count): P {p:.3}  R {r:.3}  F1 {f1:.3}")
    }
}

/// Scores the CoNLL file at `path`: each document analysed as one text rebuilt as `input`
/// says. Malformed lines are reported on standard error and skipped. With `failures`, prints
/// every miss (`missed`) and false positive (`extra`) with the file and line of the document.
pub fn run(
    path: &Path,
    input: Input,
    pipeline: &Pipeline,
    lexicon: &Lexicon,
    failures: bool,
) -> Result<WikigoldScores> {
    let name = crate::input::display_name(path);
    let text = crate::input::read_text(path, false).with_context(|| format!("reading {name}"))?;
    let conll = read_conll(&text, &name);
    for problem in &conll.problems {
        eprintln!("warning: {problem} (line skipped)");
    }
    let mut out = WikigoldScores {
        scores: NerScores::new("wikigold, PER/ORG/LOC exact token span (MISC ignored)"),
        docs: conll.docs.len(),
        sentences: conll.docs.iter().map(|d| d.sentences.len()).sum(),
        tokens: conll.docs.iter().map(|d| d.tokens().count()).sum(),
        on_misc: 0,
        off_tokens: 0,
    };
    for doc in &conll.docs {
        let (text, bounds) = doc_text(doc, input);
        let system = without_article(&text, system_spans(&text, pipeline, lexicon));
        let outcome = out.add_doc(doc, &bounds, system);
        if failures {
            let id = format!("{name}:{}", doc.line);
            let words = |s: usize, e: usize| text[bounds[s].0..bounds[e - 1].1].to_string();
            print_failures(&id, &outcome.gold, &outcome.system, &outcome.matches, words);
            for (s, e, t) in outcome.stray {
                println!("{id}\textra\t{t} {:?}\t(not on token boundaries)", &text[s..e]);
            }
        }
    }
    Ok(out)
}

/// How one document was scored: its gold spans and dyad's counted spans, in tokens, which of
/// them matched, and dyad's spans not on token boundaries, in bytes.
#[derive(Debug)]
struct DocOutcome {
    gold: Vec<Span>,
    system: Vec<Span>,
    matches: Matches,
    stray: Vec<Span>,
}

impl WikigoldScores {
    /// Scores a document whose tokens have the byte spans `bounds` in its text, given dyad's
    /// mentions there (`system`, byte spans): those overlapping a gold MISC span are set aside,
    /// those on token boundaries are scored as token spans, the others count as false positives.
    fn add_doc(&mut self, doc: &ConllDoc, bounds: &[(usize, usize)], system: Vec<Span>) -> DocOutcome {
        let mut gold: Vec<Span> = Vec::new();
        let mut misc: Vec<(usize, usize)> = Vec::new();
        let mut offset = 0;
        for sentence in &doc.sentences {
            let tags: Vec<&str> = sentence.iter().map(|t| t.tag.as_str()).collect();
            for (s, e, kind) in iob_spans(&tags) {
                match TYPES.into_iter().find(|t| *t == kind) {
                    Some(t) => gold.push((offset + s, offset + e, t)),
                    None => misc.push((bounds[offset + s].0, bounds[offset + e - 1].1)),
                }
            }
            offset += sentence.len();
        }
        let (mut tokens, mut stray) = (Vec::new(), Vec::new());
        for (s, e, t) in system {
            if misc.iter().any(|m| s < m.1 && m.0 < e) {
                self.on_misc += 1;
            } else if let Some((first, last)) = token_span(bounds, s, e) {
                tokens.push((first, last, t));
            } else {
                self.off_tokens += 1;
                self.scores.add_unmatched_system(t);
                stray.push((s, e, t));
            }
        }
        let matches = self.scores.add(&gold, &tokens);
        DocOutcome { gold, system: tokens, matches, stray }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nvisited O\nNew I-LOC\nYork I-LOC\n. O\n\n\
                          He O\nmet O\nthe O\nUN I-ORG\nBROKEN\nin O\n1990 O\n. O\n\n\
                          -DOCSTART- -X- -X- O\n\nEU NNP I-NEJ I-ORG\nlanguage O\n";

    #[test]
    fn conll_is_read_by_documents_and_sentences_and_a_bad_line_is_reported() {
        let conll = read_conll(SAMPLE, "sample.conll");
        assert_eq!(conll.problems, ["sample.conll:14: no tag column in \"BROKEN\""]);
        assert_eq!(conll.docs.len(), 2);
        let first = &conll.docs[0];
        assert_eq!(first.line, 1);
        assert_eq!(first.sentences.len(), 2);
        // The malformed line is skipped; the tokens after it are read.
        let forms: Vec<&str> = first.sentences[1].iter().map(|t| t.form.as_str()).collect();
        assert_eq!(forms, ["He", "met", "the", "UN", "in", "1990", "."]);
        assert_eq!(first.sentences[1][4].line, 15);
        // Four columns: the first is the token, the last the tag.
        assert_eq!(conll.docs[1].line, 19);
        assert_eq!(
            conll.docs[1].sentences[0][0],
            ConllToken { form: "EU".into(), tag: "I-ORG".into(), line: 21 }
        );
        let bad = read_conll("a O\nb I-\nc\td\tO\n", "x");
        assert_eq!(bad.problems, ["x:2: the last column of \"b I-\" is not an IOB tag"]);
        assert_eq!(bad.docs[0].sentences[0].len(), 2);
        assert!(read_conll("\n\n-DOCSTART- O\n\n", "x").docs.is_empty());
    }

    #[test]
    fn iob1_and_iob2_tags_give_spans() {
        let spans = |tags: &[&str]| iob_spans(tags);
        assert_eq!(spans(&["I-PER", "I-PER", "O", "I-LOC"]), [(0, 2, "PER".into()), (3, 4, "LOC".into())]);
        // IOB1: B- starts a touching entity of the same type; a type change starts another.
        assert_eq!(
            spans(&["I-LOC", "B-LOC", "I-ORG"]),
            [(0, 1, "LOC".into()), (1, 2, "LOC".into()), (2, 3, "ORG".into())]
        );
        // IOB2.
        assert_eq!(spans(&["B-PER", "I-PER", "B-PER"]), [(0, 2, "PER".into()), (2, 3, "PER".into())]);
        assert!(spans(&["O", "O"]).is_empty());
    }

    #[test]
    fn texts_are_rebuilt_and_byte_spans_map_back_to_tokens() {
        let conll = read_conll(SAMPLE, "sample.conll");
        let (text, bounds) = doc_text(&conll.docs[0], Input::Conll);
        assert_eq!(text, "John Smith visited New York .\nHe met the UN in 1990 .");
        assert_eq!(&text[bounds[3].0..bounds[4].1], "New York");
        assert_eq!(token_span(&bounds, 0, 10), Some((0, 2)));
        assert_eq!(token_span(&bounds, bounds[9].0, bounds[9].1), Some((9, 10)));
        // Not on token boundaries: inside a token, or ending inside one.
        assert_eq!(token_span(&bounds, 1, 10), None);
        assert_eq!(token_span(&bounds, 0, 7), None);
        let (prose, bounds) = doc_text(&conll.docs[0], Input::Text);
        assert_eq!(prose, "John Smith visited New York. He met the UN in 1990.");
        assert_eq!(token_span(&bounds, 19, 27), Some((3, 5)));
        let quoted = read_conll("He O\nsaid O\n\" O\nno O\n\" O\n( O\nsic O\n) O\n's O\n", "q");
        assert_eq!(doc_text(&quoted.docs[0], Input::Text).0, "He said \"no\" (sic)'s");
    }

    #[test]
    fn misc_overlaps_are_set_aside_and_stray_spans_are_false_positives() {
        let sample = "Paris I-LOC\nHilton I-ORG\nand O\nthe O\nFrench I-MISC\nOpen I-MISC\n. O\n\nAnn I-PER\nLee I-PER\n";
        let conll = read_conll(sample, "s");
        let (text, bounds) = doc_text(&conll.docs[0], Input::Conll);
        assert_eq!(text, "Paris Hilton and the French Open .\nAnn Lee");
        let mut scores = WikigoldScores {
            scores: NerScores::new("test"),
            docs: 1,
            sentences: 2,
            tokens: 9,
            on_misc: 0,
            off_tokens: 0,
        };
        let at = |s: &str| text.find(s).unwrap();
        let system = vec![
            (0, 5, "LOC"),                           // right
            (at("Hilton"), at("Hilton") + 6, "PER"), // wrong type
            (at("the French"), at(" Open"), "ORG"),  // over MISC: not counted
            (at("Ann"), at("Ann") + 2, "PER"),       // not on token boundaries
            (at("Ann"), text.len(), "PER"),          // right
        ];
        let outcome = scores.add_doc(&conll.docs[0], &bounds, system);
        assert_eq!(outcome.gold, [(0, 1, "LOC"), (1, 2, "ORG"), (7, 9, "PER")]);
        assert_eq!(outcome.system, [(0, 1, "LOC"), (1, 2, "PER"), (7, 9, "PER")]);
        assert_eq!(outcome.matches.gold, [true, false, true]);
        assert_eq!(outcome.stray.len(), 1);
        assert_eq!((scores.on_misc, scores.off_tokens), (1, 1));
        assert_eq!(scores.scores.totals(), (3, 4, 2));
    }
}
