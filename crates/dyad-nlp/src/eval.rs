//! Scoring a system CoNLL-U file against a gold one with the CoNLL 2018 shared-task metrics.
//!
//! The metrics and the alignment follow the official `conll18_ud_eval.py`:
//!
//! - Both files must spell the same text once whitespace is removed from token forms; every
//!   surface token and sentence is then a character span of that text, and spans match only when
//!   both ends match (`Tokens`, `Sentences`).
//! - Syntactic words are aligned by span, except around multi-word tokens: there the smallest
//!   stretch of text holding every overlapping multi-word token (of either file) is aligned by a
//!   longest common subsequence of lowercased forms (`Words`).
//! - Tag, lemma and dependency metrics count aligned words that agree. Precision divides by the
//!   system's words, recall by the gold words, and "aligned accuracy" by the aligned words.
//!   `UFeats` compares only the universal features, `LAS` only the universal part of the
//!   relation (before `:`), a gold lemma `_` agrees with any lemma, and a head agrees when the
//!   system head word is aligned to the gold head word (or both are the root).
//!
//! Unlike the official script, odd input is scored rather than refused: a missing head (`_`) or
//! one outside its sentence agrees with nothing, so tagger-only output scores 0 on UAS and LAS,
//! and sentences without words take no part in the `Sentences` metric.

use std::fmt;
use std::ops::Range;

use crate::conllu::{Sentence, Word};

/// The features compared by `UFeats`; the official scorer drops all others before comparing.
const UNIVERSAL_FEATURES: [&str; 21] = [
    "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case",
    "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person",
    "Polite",
];

/// Largest multi-word region (gold words times system words) aligned by LCS. Real treebanks stay
/// far below it; a larger region, which only degenerate input produces, is left unaligned so
/// that time and memory stay bounded.
const MAX_LCS_CELLS: usize = 1 << 20;

/// How many characters of context a text-mismatch error shows on each side of the difference.
const CONTEXT_CHARS: usize = 15;

/// Why a system file cannot be scored against a gold file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    /// The files do not spell the same text once whitespace is removed from token forms.
    #[error(
        "gold and system texts differ at {location}: after \"{context}\", \
         gold has \"{gold}\" but system has \"{system}\""
    )]
    TextMismatch {
        /// Where in the gold file the first differing character is.
        location: GoldLocation,
        /// The characters both texts share just before the difference (whitespace removed).
        context: String,
        /// The gold characters from the difference on (whitespace removed).
        gold: String,
        /// The system characters from the difference on (whitespace removed).
        system: String,
    },
}

/// A place in the gold file, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoldLocation {
    /// Inside a surface token.
    Token {
        /// 1-based sentence number.
        sentence: usize,
        /// CoNLL-U ID of the token's first word.
        word: usize,
        /// The token's surface form.
        form: String,
    },
    /// Past the last token: the gold text is a prefix of the system text.
    End,
}

impl fmt::Display for GoldLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Token { sentence, word, form } => {
                write!(f, "gold sentence {sentence}, word {word} (`{form}`)")
            }
            Self::End => f.write_str("the end of the gold file"),
        }
    }
}

/// Counts behind one metric, with the ratios derived from them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Units (tokens, sentences or words) in the gold file.
    pub gold: usize,
    /// Units in the system file.
    pub system: usize,
    /// Units that match (or aligned words that agree).
    pub correct: usize,
    /// Aligned words, for metrics computed on aligned words; `None` for span metrics.
    pub aligned: Option<usize>,
}

impl Score {
    /// Correct over system units; 0 when the system has none.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }

    /// Correct over gold units; 0 when the gold file has none.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall, `2 * correct / (gold + system)`.
    pub fn f1(&self) -> f64 {
        ratio(self.correct.saturating_mul(2), self.gold.saturating_add(self.system))
    }

    /// Correct over aligned words, for metrics computed on aligned words.
    pub fn aligned_accuracy(&self) -> Option<f64> {
        self.aligned.map(|aligned| ratio(self.correct, aligned))
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// All metrics of one evaluation. [`Scores::get`] looks them up by their official names and the
/// `Display` impl renders the official table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Surface tokens (a multi-word token counts once), matched by character span.
    pub tokens: Score,
    /// Sentences, matched by character span.
    pub sentences: Score,
    /// Syntactic words, as aligned.
    pub words: Score,
    /// Universal POS tags of aligned words.
    pub upos: Score,
    /// Language-specific POS tags of aligned words.
    pub xpos: Score,
    /// Universal features of aligned words.
    pub ufeats: Score,
    /// UPOS, XPOS and universal features together.
    pub all_tags: Score,
    /// Lemmas of aligned words (a gold `_` agrees with anything).
    pub lemmas: Score,
    /// Unlabelled attachment: heads of aligned words.
    pub uas: Score,
    /// Labelled attachment: heads and universal relations of aligned words.
    pub las: Score,
}

impl Scores {
    /// The official metric names, in the official order.
    pub const NAMES: [&'static str; 10] =
        ["Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS"];

    /// Every metric with its official name, in the official order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Score)> {
        let scores = [
            &self.tokens,
            &self.sentences,
            &self.words,
            &self.upos,
            &self.xpos,
            &self.ufeats,
            &self.all_tags,
            &self.lemmas,
            &self.uas,
            &self.las,
        ];
        Self::NAMES.into_iter().zip(scores)
    }

    /// The metric with this official name (`"UPOS"`, `"LAS"`, ...), ignoring ASCII case.
    pub fn get(&self, name: &str) -> Option<&Score> {
        self.iter().find(|(metric, _)| metric.eq_ignore_ascii_case(name)).map(|(_, score)| score)
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Metric     | Precision |    Recall |  F1 Score | AligndAcc")?;
        writeln!(f, "-----------+-----------+-----------+-----------+-----------")?;
        for (name, score) in self.iter() {
            write!(
                f,
                "{name:11}|{:10.2} |{:10.2} |{:10.2} |",
                100.0 * score.precision(),
                100.0 * score.recall(),
                100.0 * score.f1()
            )?;
            match score.aligned_accuracy() {
                Some(accuracy) => writeln!(f, "{:10.2}", 100.0 * accuracy)?,
                None => writeln!(f)?,
            }
        }
        Ok(())
    }
}

/// Scores `system` against `gold`. Fails only when the two do not spell the same text once
/// whitespace is removed from token forms.
pub fn evaluate(gold: &[Sentence], system: &[Sentence]) -> Result<Scores, EvalError> {
    let gold_flat = Flat::new(gold);
    let system_flat = Flat::new(system);
    if gold_flat.chars != system_flat.chars {
        return Err(mismatch(gold, &gold_flat.chars, &system_flat.chars));
    }
    let alignment = align_words(&gold_flat.words, &system_flat.words);
    let score = |agree: &dyn Fn(&FlatWord, &FlatWord) -> bool| {
        aligned_score(&gold_flat, &system_flat, &alignment, agree)
    };
    let heads = |g: &FlatWord, s: &FlatWord| alignment.heads_agree(g.head, s.head);
    Ok(Scores {
        tokens: spans_score(&gold_flat.tokens, &system_flat.tokens),
        sentences: spans_score(&gold_flat.sentences, &system_flat.sentences),
        words: Score {
            gold: gold_flat.words.len(),
            system: system_flat.words.len(),
            correct: alignment.pairs.len(),
            aligned: None,
        },
        upos: score(&|g, s| g.word.upos == s.word.upos),
        xpos: score(&|g, s| g.word.xpos == s.word.xpos),
        ufeats: score(&|g, s| g.feats == s.feats),
        all_tags: score(&|g, s| {
            g.word.upos == s.word.upos && g.word.xpos == s.word.xpos && g.feats == s.feats
        }),
        lemmas: score(&|g, s| g.word.lemma == "_" || g.word.lemma == s.word.lemma),
        uas: score(&heads),
        las: score(&|g, s| heads(g, s) && g.deprel == s.deprel),
    })
}

/// A half-open range of character positions in the whitespace-free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
}

/// A word's head, resolved to an index into the file's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    Root,
    Word(usize),
    /// `_`, or an index outside the sentence: agrees with nothing.
    Missing,
}

/// One syntactic word, with what the metrics compare precomputed.
struct FlatWord<'a> {
    word: &'a Word,
    /// The span of the word's surface token (the whole token for words of a multi-word token).
    span: Span,
    in_multiword: bool,
    head: Head,
    /// The universal part of the relation.
    deprel: &'a str,
    /// The universal features, sorted.
    feats: String,
}

/// A whole file laid out on its whitespace-free text.
#[derive(Default)]
struct Flat<'a> {
    chars: Vec<char>,
    tokens: Vec<Span>,
    sentences: Vec<Span>,
    words: Vec<FlatWord<'a>>,
}

impl<'a> Flat<'a> {
    fn new(sentences: &'a [Sentence]) -> Self {
        let mut flat = Self::default();
        for sentence in sentences {
            flat.push_sentence(sentence);
        }
        flat
    }

    fn push_sentence(&mut self, sentence: &'a Sentence) {
        let first_word = self.words.len();
        let start = self.chars.len();
        for (form, range, _) in sentence.surface_tokens() {
            let span = self.push_token(form);
            let in_multiword = range.len() > 1;
            let words = sentence.words.get(range).unwrap_or_default();
            for word in words {
                let head = resolve_head(word.head, first_word, sentence.words.len());
                self.words.push(FlatWord::new(word, span, in_multiword, head));
            }
        }
        if self.words.len() > first_word {
            let end = self.chars.len();
            self.sentences.push(Span { start, end });
        }
    }

    fn push_token(&mut self, form: &str) -> Span {
        let start = self.chars.len();
        self.chars.extend(form.chars().filter(|c| !c.is_whitespace()));
        let span = Span { start, end: self.chars.len() };
        self.tokens.push(span);
        span
    }
}

impl<'a> FlatWord<'a> {
    fn new(word: &'a Word, span: Span, in_multiword: bool, head: Head) -> Self {
        let deprel = word.deprel.split(':').next().unwrap_or_default();
        Self { word, span, in_multiword, head, deprel, feats: universal_feats(&word.feats) }
    }
}

/// Resolves a 1-based head of a sentence whose first word has file index `first_word`.
fn resolve_head(head: Option<usize>, first_word: usize, sentence_len: usize) -> Head {
    match head {
        Some(0) => Head::Root,
        Some(h) if h <= sentence_len => Head::Word(first_word + h - 1),
        _ => Head::Missing,
    }
}

/// The universal features of a FEATS column, sorted and joined with `|`.
fn universal_feats(feats: &str) -> String {
    let mut kept: Vec<&str> = feats
        .split('|')
        .filter(|f| {
            let name = f.split('=').next().unwrap_or_default();
            UNIVERSAL_FEATURES.contains(&name)
        })
        .collect();
    kept.sort_unstable();
    kept.join("|")
}

/// Describes the first difference between the gold and system texts.
fn mismatch(gold: &[Sentence], gold_chars: &[char], system_chars: &[char]) -> EvalError {
    let at = gold_chars.iter().zip(system_chars).take_while(|(g, s)| g == s).count();
    let snippet = |chars: &[char]| -> String { chars.iter().skip(at).take(CONTEXT_CHARS).collect() };
    EvalError::TextMismatch {
        location: locate(gold, at),
        context: gold_chars[at.saturating_sub(CONTEXT_CHARS)..at].iter().collect(),
        gold: snippet(gold_chars),
        system: snippet(system_chars),
    }
}

/// The gold token holding character `at` of the whitespace-free text.
fn locate(gold: &[Sentence], at: usize) -> GoldLocation {
    let mut end = 0;
    for (index, sentence) in gold.iter().enumerate() {
        for (form, range, _) in sentence.surface_tokens() {
            end += form.chars().filter(|c| !c.is_whitespace()).count();
            if end > at {
                return GoldLocation::Token {
                    sentence: index + 1,
                    word: range.start + 1,
                    form: form.to_string(),
                };
            }
        }
    }
    GoldLocation::End
}

/// Matches spans of two sorted lists: a gold span is correct when a system span has both ends.
fn spans_score(gold: &[Span], system: &[Span]) -> Score {
    let (mut gi, mut si, mut correct) = (0, 0, 0);
    while let (Some(g), Some(s)) = (gold.get(gi), system.get(si)) {
        if s.start < g.start {
            si += 1;
        } else if g.start < s.start {
            gi += 1;
        } else {
            correct += usize::from(g.end == s.end);
            gi += 1;
            si += 1;
        }
    }
    Score { gold: gold.len(), system: system.len(), correct, aligned: None }
}

/// Counts aligned words on which `agree(gold word, system word)` holds.
fn aligned_score(
    gold: &Flat,
    system: &Flat,
    alignment: &Alignment,
    agree: &dyn Fn(&FlatWord, &FlatWord) -> bool,
) -> Score {
    let correct = alignment.pairs.iter().filter(|&&(g, s)| agree(&gold.words[g], &system.words[s])).count();
    Score {
        gold: gold.words.len(),
        system: system.words.len(),
        correct,
        aligned: Some(alignment.pairs.len()),
    }
}

/// Which gold word each system word is aligned to.
struct Alignment {
    /// (gold index, system index) pairs, in order.
    pairs: Vec<(usize, usize)>,
    /// For each system word, the gold word aligned to it.
    gold_of_system: Vec<Option<usize>>,
}

impl Alignment {
    fn new(system_len: usize) -> Self {
        Self { pairs: Vec::new(), gold_of_system: vec![None; system_len] }
    }

    fn push(&mut self, gold: usize, system: usize) {
        self.pairs.push((gold, system));
        if let Some(slot) = self.gold_of_system.get_mut(system) {
            *slot = Some(gold);
        }
    }

    /// Whether a system head points at the word aligned to the gold head (or both are the root).
    fn heads_agree(&self, gold: Head, system: Head) -> bool {
        match (gold, system) {
            (Head::Root, Head::Root) => true,
            (Head::Word(g), Head::Word(s)) => self.gold_of_system.get(s) == Some(&Some(g)),
            _ => false,
        }
    }
}

/// Aligns the words of two files: by span outside multi-word tokens, by LCS of forms inside.
fn align_words(gold: &[FlatWord], system: &[FlatWord]) -> Alignment {
    let mut alignment = Alignment::new(system.len());
    let (mut gi, mut si) = (0, 0);
    while let (Some(g), Some(s)) = (gold.get(gi), system.get(si)) {
        if g.in_multiword || s.in_multiword {
            let region = multiword_region(gold, system, gi, si);
            align_region(gold, system, &region, &mut alignment);
            (gi, si) = (region.gold.end, region.system.end);
        } else if g.span == s.span {
            alignment.push(gi, si);
            gi += 1;
            si += 1;
        } else if g.span.start <= s.span.start {
            gi += 1;
        } else {
            si += 1;
        }
    }
    alignment
}

/// The words of both files in the smallest stretch of text that starts at a multi-word token and
/// holds every multi-word token it overlaps.
struct Region {
    gold: Range<usize>,
    system: Range<usize>,
}

/// Finds the region starting at `gold[gi]` or `system[si]`, whichever is in a multi-word token.
/// The region always ends past `gi` or `si`, so callers make progress.
fn multiword_region(gold: &[FlatWord], system: &[FlatWord], gi: usize, si: usize) -> Region {
    let (mut g, mut s) = (gi, si);
    let mut end = 0;
    if let (Some(gw), Some(sw)) = (gold.get(g), system.get(s)) {
        let (starter, other, other_index) = if gw.in_multiword { (gw, sw, &mut s) } else { (sw, gw, &mut g) };
        end = starter.span.end;
        if !other.in_multiword && other.span.start < starter.span.start {
            *other_index += 1;
        }
    }
    let (gold_start, system_start) = (g, s);
    while !beyond_end(gold, g, end) || !beyond_end(system, s, end) {
        let next_gold =
            gold.get(g).filter(|gw| system.get(s).is_none_or(|sw| gw.span.start <= sw.span.start));
        if let Some(gw) = next_gold {
            end = extend_end(gw, end);
            g += 1;
        } else if let Some(sw) = system.get(s) {
            end = extend_end(sw, end);
            s += 1;
        } else {
            break;
        }
    }
    if (g, s) == (gi, si) {
        // Only an empty multi-word token stops here: pass over the word that started the region.
        if gold.get(gi).is_some_and(|w| w.in_multiword) {
            g += 1;
        } else {
            s += 1;
        }
    }
    Region { gold: gold_start..g, system: system_start..s }
}

/// Whether `words[i]` lies past a region ending at character `end`.
fn beyond_end(words: &[FlatWord], i: usize, end: usize) -> bool {
    words.get(i).is_none_or(|w| if w.in_multiword { w.span.start >= end } else { w.span.end > end })
}

/// A region grows to cover every multi-word token it takes in.
fn extend_end(word: &FlatWord, end: usize) -> usize {
    if word.in_multiword {
        end.max(word.span.end)
    } else {
        end
    }
}

/// Aligns the words of a region by the longest common subsequence of their lowercased forms.
fn align_region(gold: &[FlatWord], system: &[FlatWord], region: &Region, alignment: &mut Alignment) {
    let forms = |words: &[FlatWord], range: &Range<usize>| -> Vec<String> {
        words.get(range.clone()).unwrap_or_default().iter().map(|w| folded_form(&w.word.form)).collect()
    };
    let gold_forms = forms(gold, &region.gold);
    let system_forms = forms(system, &region.system);
    if gold_forms.len().saturating_mul(system_forms.len()) > MAX_LCS_CELLS {
        return;
    }
    for (g, s) in lcs_pairs(&gold_forms, &system_forms) {
        alignment.push(region.gold.start + g, region.system.start + s);
    }
}

/// A form as the LCS compares it: whitespace removed, lowercased.
fn folded_form(form: &str) -> String {
    form.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// Index pairs of a longest common subsequence, preferring to skip gold items on ties as the
/// official scorer does.
fn lcs_pairs(gold: &[String], system: &[String]) -> Vec<(usize, usize)> {
    let width = system.len() + 1;
    // table[g * width + s] = LCS length of gold[g..] and system[s..].
    let mut table = vec![0u32; (gold.len() + 1) * width];
    for g in (0..gold.len()).rev() {
        for s in (0..system.len()).rev() {
            table[g * width + s] = if gold[g] == system[s] {
                table[(g + 1) * width + s + 1] + 1
            } else {
                table[(g + 1) * width + s].max(table[g * width + s + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut g, mut s) = (0, 0);
    while g < gold.len() && s < system.len() {
        if gold[g] == system[s] {
            pairs.push((g, s));
            g += 1;
            s += 1;
        } else if table[g * width + s] == table[(g + 1) * width + s] {
            g += 1;
        } else {
            s += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::{parse, MultiWord};

    const GOLD: &str = "# text = I don't know.\n\
        1\tI\tI\tPRON\tPRP\tCase=Nom|Number=Sing|Person=1|PronType=Prs\t4\tnsubj\t_\t_\n\
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
        2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres\t4\taux\t_\t_\n\
        3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
        4\tknow\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n\
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
        # text = Bob's cat sleeps.\n\
        1\tBob\tBob\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t_\tSpaceAfter=No\n\
        2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
        3\tcat\tcat\tNOUN\tNN\tNumber=Sing\t4\tnsubj\t_\t_\n\
        4\tsleeps\tsleep\tVERB\tVBZ\tNumber=Sing|Person=3\t0\troot\t_\tSpaceAfter=No\n\
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    fn sentences(text: &str) -> Vec<Sentence> {
        parse(text).expect("test CoNLL-U parses")
    }

    fn score(gold: &str, system: &str) -> Scores {
        evaluate(&sentences(gold), &sentences(system)).expect("texts match")
    }

    /// Replaces one line of `GOLD` (matched by its first two columns) with `line`.
    fn edit(id_and_form: &str, line: &str) -> String {
        GOLD.lines()
            .map(|l| if l.starts_with(id_and_form) { line } else { l })
            .map(|l| format!("{l}\n"))
            .collect()
    }

    fn f1(scores: &Scores, name: &str) -> f64 {
        scores.get(name).expect("known metric").f1()
    }

    fn assert_perfect(scores: &Scores) {
        for (name, s) in scores.iter() {
            assert_eq!(s.f1(), 1.0, "{name}: {s:?}");
        }
    }

    /// Sentences built like the official scorer's own tests: `"abc a b c"` is a multi-word token
    /// `abc` of words `a b c`, anything else a plain word. Heads are left out.
    fn words_sentence(tokens: &[&str]) -> Vec<Sentence> {
        let mut sentence = Sentence::default();
        for token in tokens {
            let mut parts = token.split(' ');
            let form = parts.next().unwrap_or_default();
            let words: Vec<&str> = parts.collect();
            if words.is_empty() {
                sentence.words.push(word(form));
                continue;
            }
            let first = sentence.words.len() + 1;
            sentence.multiwords.push(MultiWord {
                first,
                last: first + words.len() - 1,
                form: form.to_string(),
                misc: String::new(),
            });
            sentence.words.extend(words.into_iter().map(word));
        }
        vec![sentence]
    }

    fn word(form: &str) -> Word {
        Word { form: form.to_string(), ..Word::default() }
    }

    fn aligned_words(gold: &[&str], system: &[&str]) -> usize {
        let scores = evaluate(&words_sentence(gold), &words_sentence(system)).expect("same text");
        scores.words.correct
    }

    #[test]
    fn identical_files_score_perfectly() {
        let scores = score(GOLD, GOLD);
        assert_perfect(&scores);
        assert_eq!(scores.tokens.gold, 9);
        assert_eq!(scores.words.gold, 10);
        assert_eq!(scores.sentences.gold, 2);
        assert_eq!(scores.upos.aligned_accuracy(), Some(1.0));
    }

    #[test]
    fn splitting_a_multiword_token_differently_costs_tokens_and_words_only() {
        // "don't" as the plain tokens "don" + "'t": neither form matches "do" / "n't".
        let system = GOLD.replace(
            "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
             2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres\t4\taux\t_\t_\n\
             3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n",
            "2\tdon\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres\t4\taux\t_\tSpaceAfter=No\n\
             3\t't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n",
        );
        let scores = score(GOLD, &system);
        assert_eq!((scores.tokens.correct, scores.tokens.gold, scores.tokens.system), (8, 9, 10));
        assert_eq!((scores.words.correct, scores.words.gold, scores.words.system), (8, 10, 10));
        assert_eq!(scores.upos.correct, 8);
        assert_eq!(scores.upos.aligned_accuracy(), Some(1.0));
        assert_eq!(scores.las.aligned_accuracy(), Some(1.0));
        assert_eq!(f1(&scores, "Sentences"), 1.0);
    }

    #[test]
    fn merging_two_tokens_loses_both_but_keeps_the_rest() {
        let system = GOLD.replacen(
            "4\tknow\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n\
             5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n",
            "4\tknow.\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_\n",
            1,
        );
        let scores = score(GOLD, &system);
        assert_eq!((scores.tokens.correct, scores.tokens.system), (7, 8));
        assert_eq!((scores.words.correct, scores.words.system), (8, 9));
        assert_eq!(scores.upos.correct, 8);
        // `I`, `do` and `n't` hang on `know.`, which aligns with no gold word.
        assert_eq!(scores.uas.correct, 5);
        assert_eq!(scores.lemmas.aligned_accuracy(), Some(1.0));
    }

    #[test]
    fn a_sentence_boundary_difference_costs_sentences_only() {
        // One system sentence with both roots: the heads are renumbered, so they still agree.
        let second = GOLD.split("\n\n").nth(1).expect("two sentences");
        let renumbered: String = second
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let mut cols: Vec<String> = l.split('\t').map(str::to_string).collect();
                for col in [0, 6] {
                    let n: usize = cols[col].parse().expect("index");
                    cols[col] = if n == 0 { n } else { n + 5 }.to_string();
                }
                cols.join("\t") + "\n"
            })
            .collect();
        let first = GOLD.split("\n\n").next().expect("first sentence");
        let system = format!("{first}\n{renumbered}\n");
        let scores = score(GOLD, &system);
        assert_eq!((scores.sentences.correct, scores.sentences.gold, scores.sentences.system), (0, 2, 1));
        for (name, s) in scores.iter().filter(|(name, _)| *name != "Sentences") {
            assert_eq!(s.f1(), 1.0, "{name}");
        }
    }

    #[test]
    fn a_text_mismatch_names_the_place() {
        let system = GOLD.replace("1\tBob\tBob", "1\tRob\tBob");
        let err = evaluate(&sentences(GOLD), &sentences(&system)).unwrap_err();
        let EvalError::TextMismatch { location, context, gold, system } = &err;
        assert_eq!(*location, GoldLocation::Token { sentence: 2, word: 1, form: "Bob".into() });
        assert_eq!(context, "Idon'tknow.");
        assert!(gold.starts_with("Bob's"));
        assert!(system.starts_with("Rob's"));
        let message = err.to_string();
        assert!(message.contains("gold sentence 2, word 1 (`Bob`)"), "{message}");

        let truncated = GOLD.split("\n\n").next().expect("first sentence").to_string() + "\n\n";
        let err = evaluate(&sentences(&truncated), &sentences(GOLD)).unwrap_err();
        assert!(matches!(err, EvalError::TextMismatch { location: GoldLocation::End, .. }));
    }

    #[test]
    fn a_wrong_head_costs_uas_and_las_a_wrong_label_only_las() {
        let wrong_head = edit("3\tcat", "3\tcat\tcat\tNOUN\tNN\tNumber=Sing\t2\tnsubj\t_\t_");
        let scores = score(GOLD, &wrong_head);
        assert_eq!((scores.uas.correct, scores.las.correct), (9, 9));
        assert_eq!(scores.upos.correct, 10);

        let wrong_label = edit("3\tcat", "3\tcat\tcat\tNOUN\tNN\tNumber=Sing\t4\tobj\t_\t_");
        let scores = score(GOLD, &wrong_label);
        assert_eq!((scores.uas.correct, scores.las.correct), (10, 9));

        // Subtypes are ignored: `nmod` agrees with `nmod:poss`.
        let subtype = edit("1\tBob", "1\tBob\tBob\tPROPN\tNNP\tNumber=Sing\t3\tnmod\t_\tSpaceAfter=No");
        assert_eq!(score(GOLD, &subtype).las.correct, 10);
    }

    #[test]
    fn gold_multiword_tokens_align_with_plain_system_tokens() {
        let system = GOLD.replace("2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n", "").replace(
            "2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres\t4\taux\t_\t_",
            "2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres\t4\taux\t_\tSpaceAfter=No",
        );
        let scores = score(GOLD, &system);
        assert_eq!((scores.tokens.correct, scores.tokens.gold, scores.tokens.system), (8, 9, 10));
        for name in ["Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS"] {
            assert_eq!(f1(&scores, name), 1.0, "{name}");
        }
    }

    #[test]
    fn missing_system_heads_score_zero_attachment() {
        let untagged: String = GOLD
            .lines()
            .map(|l| {
                let mut cols: Vec<&str> = l.split('\t').collect();
                if cols.len() == 10 && !cols[0].contains('-') {
                    cols[6] = "_";
                    cols[7] = "_";
                }
                cols.join("\t") + "\n"
            })
            .collect();
        let scores = score(GOLD, &untagged);
        assert_eq!((scores.uas.correct, scores.las.correct), (0, 0));
        assert_eq!(scores.uas.aligned_accuracy(), Some(0.0));
        assert_eq!(f1(&scores, "AllTags"), 1.0);
    }

    #[test]
    fn gold_lemma_underscore_agrees_and_only_universal_features_count() {
        let gold = edit("5\t.\t.", "5\t.\t_\tPUNCT\t.\t_\t4\tpunct\t_\t_");
        let system = edit(
            "1\tI",
            "1\tI\tme\tPRON\tPRP\tPronType=Prs|Person=1|Number=Sing|Case=Nom|Typo=Yes\t4\tnsubj\t_\t_",
        );
        let scores = score(&gold, &system);
        assert_eq!(scores.ufeats.correct, 10);
        // `I`/`me` disagree; the gold `_` of the final period agrees with the system's `.`.
        assert_eq!(scores.lemmas.correct, 9);
    }

    #[test]
    fn word_alignment_matches_the_official_cases() {
        let cases: [(&[&str], &[&str], usize); 15] = [
            (&["a"], &["a"], 1),
            (&["a", "b", "c"], &["a", "b", "c"], 3),
            (&["abc a b c"], &["a", "b", "c"], 3),
            (&["a", "bc b c", "d"], &["a", "b", "c", "d"], 4),
            (&["abcd a b c d"], &["ab a b", "cd c d"], 4),
            (&["abc a b c", "de d e"], &["a", "bcd b c d", "e"], 5),
            (&["abcd"], &["a", "b", "c", "d"], 0),
            (&["abc", "d"], &["a", "b", "c", "d"], 1),
            (&["a", "bc", "d"], &["a", "b", "c", "d"], 2),
            (&["a", "bc b c", "d"], &["a", "b", "cd"], 2),
            (&["abc a BX c", "def d EX f"], &["ab a b", "cd c d", "ef e f"], 4),
            (&["ab a b", "cd bc d"], &["a", "bc", "d"], 2),
            (&["a", "bc b c", "d"], &["ab AX BX", "cd CX a"], 1),
            (&["a", "b"], &["ab"], 0),
            (&["ab A B"], &["a", "b"], 2),
        ];
        for (gold, system, expected) in cases {
            assert_eq!(aligned_words(gold, system), expected, "{gold:?} vs {system:?}");
        }
    }

    #[test]
    fn odd_input_is_scored_without_panicking() {
        let comment_only = sentences("# only a comment\n\n");
        for scores in [evaluate(&[], &[]), evaluate(&comment_only, &[])] {
            let scores = scores.expect("both texts are empty");
            assert!(scores.iter().all(|(_, s)| s.f1() == 0.0 && s.gold == 0));
        }

        // Heads out of range, inconsistent ranges, an empty multi-word token.
        let mut odd = sentences(GOLD);
        odd[0].words[0].head = Some(99);
        odd[0].multiwords.push(multiword(5, 3, "x"));
        odd[0].multiwords.push(multiword(4, 40, "y"));
        odd[1].multiwords.push(multiword(1, 2, " "));
        let scores = evaluate(&odd, &odd).expect("same text");
        assert_eq!((scores.uas.correct, scores.uas.gold), (7, 10));
        assert_eq!(scores.words.correct, 8);

        // An empty word inside a multi-word token.
        let mut empty_word = sentences(GOLD);
        empty_word[1].words[0].form = String::new();
        empty_word[1].multiwords.push(multiword(1, 2, "Bob's"));
        let scores = evaluate(&sentences(GOLD), &empty_word).expect("same text");
        assert_eq!(scores.words.correct, 9);
    }

    fn multiword(first: usize, last: usize, form: &str) -> MultiWord {
        MultiWord { first, last, form: form.to_string(), misc: String::new() }
    }

    #[test]
    fn a_huge_multiword_region_is_left_unaligned() {
        let forms: Vec<String> = (0..1100).map(|i| format!("w{i}")).collect();
        let plain: Vec<&str> = forms.iter().map(String::as_str).collect();
        let merged = format!("{} {}", forms.concat(), plain.join(" "));
        let scores = evaluate(&words_sentence(&plain), &words_sentence(&[&merged])).expect("same");
        assert_eq!(scores.words.correct, 0);
        assert_eq!(scores.tokens.system, 1);
    }

    #[test]
    fn the_table_looks_like_the_official_one() {
        let table = score(GOLD, GOLD).to_string();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "Metric     | Precision |    Recall |  F1 Score | AligndAcc");
        assert_eq!(lines[2], "Tokens     |    100.00 |    100.00 |    100.00 |");
        assert_eq!(lines[5], "UPOS       |    100.00 |    100.00 |    100.00 |    100.00");
        assert_eq!(lines.len(), 12);
        assert!(Scores::default().get("las").is_some());
        assert!(Scores::default().get("MLAS").is_none());
    }

    #[test]
    fn ewt_dev_scores_perfectly_against_itself() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/train/ud-ewt/en_ewt-ud-dev.conllu");
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("note: {path} is missing; skipping the EWT self-evaluation");
            return;
        };
        let dev = sentences(&text);
        let scores = evaluate(&dev, &dev).expect("same text");
        assert_perfect(&scores);
        assert!(scores.words.gold > 20_000);
    }
}
