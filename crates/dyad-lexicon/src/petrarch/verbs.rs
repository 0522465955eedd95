//! PETRARCH verb dictionaries in CAMEO.2.0 syntax (`CAMEO.2.0.txt`) to `events.tsv`.
//!
//! The dictionary has synonym sets (`&CURRENCY` and its `+` members), then verb blocks: a
//! header `--- NAME [code] ---`, verbs (`SAY {SAID}`, `DEFECT [120]`, `+BEEF_UP`) and patterns
//! that hold for every verb of the block, `- pre-verb * post-verb [code] # comment`, where a bare
//! word is the head of a noun phrase, `{A B}` a phrase headed by `B`, `(P X)` a prepositional
//! phrase, `&SET` a synonym set, `$` the source and `+` the target.
//!
//! A pattern maps to dyad's frame model when the verb's own dependents say it: an object head
//! (`obj:aid|loan`), a particle (`prt:up`), prepositional phrases (`with:*`, `against:rebel`)
//! and where the target is (`>to`). Words before the verb (the subject), modifiers inside a
//! noun phrase, several nouns in a row, a source after the verb and codes that only go from the
//! target to the source (`[:050]`) cannot be said, and such patterns are counted as unmapped
//! with their reason instead of being forced.

use super::text;
use super::{Problem, Problems};
use crate::tsv;
use std::collections::{BTreeMap, BTreeSet};

/// The lemma of a lowercase word with a Penn tag (`NN`, `NNS`), as the coder's lemmatizer
/// gives it, so that a pattern's `TALKS` becomes the `talk` the coder will see.
pub type Lemmatize<'a> = &'a dyn Fn(&str, &str) -> String;

/// One line of `events.tsv`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EventLine {
    /// The CAMEO code.
    pub code: String,
    /// The verb's lemma.
    pub lemma: String,
    /// The frame: constraints, target slots and `<>`, space-separated.
    pub frame: String,
    /// The source line (the pattern's, or the verb's for a verb alone).
    pub line: usize,
}

/// Figures of one verb dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Synonym sets read.
    pub synsets: usize,
    /// Verbs read (each verb of each block).
    pub verbs: usize,
    /// Verbs with a code of their own or of their block, written as a line without a pattern.
    pub coded_verbs: usize,
    /// Pattern lines read.
    pub patterns: usize,
    /// Patterns written for at least one verb.
    pub mapped: usize,
    /// Patterns that could not be said in the frame model, by reason.
    pub unmapped: BTreeMap<&'static str, usize>,
    /// Mapped patterns with a paired code `[A:B]`, B ≠ A, whose reverse event B was dropped.
    pub reverse_dropped: usize,
    /// Verb transformations (`~ …`), which have no counterpart and are not imported.
    pub transformations: usize,
}

impl Stats {
    /// Number of unmapped patterns.
    pub fn unmapped_total(&self) -> usize {
        self.unmapped.values().sum()
    }
}

/// What a verb dictionary gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verbs {
    /// The lines of `events.tsv`, in the order of the file, without repeats.
    pub lines: Vec<EventLine>,
    /// Figures.
    pub stats: Stats,
}

/// Particles a phrasal verb takes (`put off`, `set up`).
const PARTICLES: [&str; 9] = ["up", "down", "off", "out", "back", "away", "over", "forward", "aside"];

/// Prepositions that may introduce a target written as a bare `PREP +`.
const PREPOSITIONS: [&str; 22] = [
    "to", "with", "against", "on", "for", "from", "at", "in", "into", "toward", "towards", "of", "about",
    "over", "upon", "by", "onto", "across", "through", "under", "between", "among",
];

/// Where the target is looked for when a pattern does not mark it, in order.
const DEFAULT_TARGETS: [&str; 6] = ["obj", "with", "to", "against", "on", "iobj"];

/// A pattern's code.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Code {
    /// `---`: no event.
    Null,
    /// Only an event from the target to the source (`[:050]`).
    ReverseOnly,
    /// An event; `reciprocal` for `[X:X]`, `reverse_dropped` for `[X:Y]`.
    Event { code: String, reciprocal: bool, reverse_dropped: bool },
}

/// Reads `X`, `X:Y`, `:Y` or `---`.
fn code(s: &str) -> Result<Code, String> {
    let s = s.trim();
    let (a, b) = s.split_once(':').unwrap_or((s, ""));
    let (a, b) = (a.trim(), b.trim());
    if a == "---" || (a.is_empty() && (b.is_empty() || b == "---")) {
        return Ok(Code::Null);
    }
    if a.is_empty() {
        return if cameo(b) { Ok(Code::ReverseOnly) } else { Err(format!("code [{s}] is not a CAMEO code")) };
    }
    if !cameo(a) || !(b.is_empty() || b == "---" || cameo(b)) {
        return Err(format!("code [{s}] is not a CAMEO code"));
    }
    Ok(Code::Event {
        code: a.to_string(),
        reciprocal: a == b,
        reverse_dropped: !b.is_empty() && b != a && b != "---",
    })
}

/// Whether `s` has the shape of a CAMEO code: 2 to 4 digits under a root 01–20.
pub fn cameo(s: &str) -> bool {
    (2..=4).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit())
        && s[..2].parse::<u32>().is_ok_and(|r| (1..=20).contains(&r))
}

/// A verb of a block.
#[derive(Debug, Clone)]
struct Verb {
    lemma: String,
    code: Option<Code>,
    /// Frame items its own words add (`prt:up` for `+BEEF_UP`), or why it cannot be said.
    extra: Result<Vec<String>, &'static str>,
    line: usize,
}

/// A pattern, mapped or not.
#[derive(Debug, Clone)]
struct Pattern {
    mapped: Result<(Frame, String, bool), &'static str>,
    line: usize,
}

/// The verb-independent part of a mapped pattern.
#[derive(Debug, Clone, Default)]
struct Frame {
    constraints: Vec<String>,
    targets: Vec<String>,
}

#[derive(Default)]
struct Block {
    code: Option<Code>,
    verbs: Vec<Verb>,
    patterns: Vec<Pattern>,
}

/// Reads one verb dictionary; `file` names it in the problems, `lemma` lemmatizes nouns.
pub fn read(file: &str, bytes: &[u8], lemma: Lemmatize<'_>) -> (Verbs, Vec<Problem>) {
    let mut problems = Problems::new(file);
    let mut synsets: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut out = Verbs::default();
    let mut seen = BTreeSet::new();
    let mut synset: Option<String> = None;
    let mut block: Option<Block> = None;
    for line in text::lines(bytes, &mut problems) {
        let n = line.number;
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(label) = t.strip_prefix('&') {
            flush(block.take(), &mut out, &mut seen);
            let label = label.split_whitespace().next().unwrap_or("").trim_end_matches('_').to_string();
            synsets.entry(label.clone()).or_default();
            out.stats.synsets += 1;
            synset = Some(label);
        } else if t.starts_with("---") {
            flush(block.take(), &mut out, &mut seen);
            synset = None;
            let code = bracket(t).and_then(|c| match code(c) {
                Ok(c) => Some(c),
                Err(m) => {
                    problems.skip(
                        n,
                        "unknown code",
                        format!("block {m}; its verbs get no code of their own"),
                    );
                    None
                }
            });
            block = Some(Block { code, ..Block::default() });
        } else if t.starts_with('~') {
            out.stats.transformations += 1;
        } else if let (Some(label), Some(member)) = (&synset, t.strip_prefix('+')) {
            if let Some(members) = synsets.get_mut(label) {
                members.push(member.trim().to_string());
            }
        } else if let Some(pattern) = t.strip_prefix('-') {
            let Some(b) = block.as_mut() else {
                problems.skip(n, "outside a block", "pattern outside a verb block");
                continue;
            };
            out.stats.patterns += 1;
            b.patterns.push(read_pattern(pattern, n, &synsets, lemma, &mut problems));
        } else if let Some(b) = block.as_mut() {
            if let Some(v) = read_verb(t, n, b.code.as_ref(), lemma, &mut problems) {
                out.stats.verbs += 1;
                b.verbs.push(v);
            }
        } else {
            problems.skip(
                n,
                "outside a block",
                format!("{t:?} is neither a synonym set nor in a verb block"),
            );
        }
    }
    flush(block, &mut out, &mut seen);
    (out, problems.list)
}

/// The text inside the first `[…]` of `s`.
fn bracket(s: &str) -> Option<&str> {
    let open = s.find('[')?;
    let rest = &s[open + 1..];
    Some(rest.find(']').map_or(rest, |c| &rest[..c]))
}

/// Reads a verb line: `VERB {forms} [code]`, `+VERB_PRT {…}`, `PRE_+VERB`.
fn read_verb(
    t: &str,
    n: usize,
    block_code: Option<&Code>,
    lemma: Lemmatize<'_>,
    problems: &mut Problems<'_>,
) -> Option<Verb> {
    let mut rest = t.to_string();
    if let Some(open) = rest.find('{') {
        match rest[open..].find('}') {
            Some(close) => rest.replace_range(open..open + close + 1, " "),
            None => {
                problems.repair(n, "missing bracket", "verb forms `{…` without `}`");
                rest.truncate(open);
            }
        }
    }
    let own = match bracket(&rest).map(code) {
        Some(Ok(c)) => Some(c),
        Some(Err(m)) => {
            problems.skip(n, "unknown code", m);
            return None;
        }
        None => None,
    };
    let word = rest.split(['[', ' ', '\t']).next().unwrap_or("").trim();
    let parts: Vec<&str> = word.split('_').filter(|p| !p.is_empty()).collect();
    let (verb, extra) = match parts.iter().position(|p| p.starts_with('+')) {
        Some(i) if parts.len() > 1 => {
            let extra = if i > 0 { Err("words before the verb") } else { compound(&parts[1..], lemma) };
            (parts[i].trim_start_matches('+'), extra)
        }
        _ => (word.trim_start_matches('+').trim_end_matches('_'), Ok(Vec::new())),
    };
    let lemma = verb.to_lowercase();
    if lemma.is_empty() || !lemma.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') {
        problems.skip(n, "bad verb", format!("verb {word:?} is not a word"));
        return None;
    }
    let code = own.or_else(|| block_code.cloned());
    Some(Verb { lemma, code, extra, line: n })
}

/// The frame items of the words after a multi-word verb: particles, then at most one noun.
fn compound(rest: &[&str], lemma: Lemmatize<'_>) -> Result<Vec<String>, &'static str> {
    let mut items = Vec::new();
    let mut obj = false;
    for w in rest {
        let w = w.to_lowercase();
        if PARTICLES.contains(&w.as_str()) && !obj {
            items.push(format!("prt:{w}"));
        } else if !obj && !PREPOSITIONS.contains(&w.as_str()) {
            items.push(format!("obj:{}", noun(&w, lemma)));
            obj = true;
        } else {
            return Err("a multi-word verb with a preposition or several nouns");
        }
    }
    Ok(items)
}

/// The lemma of a lowercase noun.
fn noun(w: &str, lemma: Lemmatize<'_>) -> String {
    let plural = w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is"));
    let l = lemma(w, if plural { "NNS" } else { "NN" }).to_lowercase();
    if l.is_empty() || l.contains(char::is_whitespace) {
        w.to_string()
    } else {
        l
    }
}

/// A token of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Word(String),
    Synset(String),
    Phrase(Vec<Item>),
    Prep(String, Vec<Item>),
    Source,
    Target,
    Skip,
    Star,
}

/// Reads a pattern line (after its `-`).
fn read_pattern(
    p: &str,
    n: usize,
    synsets: &BTreeMap<String, Vec<String>>,
    lemma: Lemmatize<'_>,
    problems: &mut Problems<'_>,
) -> Pattern {
    let unread = |problems: &mut Problems<'_>, reason: &'static str, m: String| {
        problems.skip(n, reason, m);
        Pattern { mapped: Err(reason), line: n }
    };
    let Some(open) = p.rfind('[') else {
        return unread(problems, "no code", format!("pattern {:?} has no [code]", p.trim()));
    };
    let inner = &p[open + 1..];
    let inner = match inner.find(']') {
        Some(c) => &inner[..c],
        None => {
            problems.repair(n, "missing bracket", format!("code `[{inner}` has no closing `]`"));
            inner
        }
    };
    let code = match code(inner) {
        Ok(c) => c,
        Err(m) => return unread(problems, "unknown code", m),
    };
    let items = match parse_items(&p[..open]) {
        Ok(items) => items,
        Err(m) => {
            return unread(problems, "unreadable pattern", format!("pattern {:?}: {m}", p[..open].trim()))
        }
    };
    if let Err(undefined) = undefined_synset(&items, synsets) {
        return unread(
            problems,
            "undefined synset",
            format!("synonym set &{undefined} is not defined above"),
        );
    }
    let (code, reciprocal) = match code {
        Code::Null => return Pattern { mapped: Err("null code [---]"), line: n },
        Code::ReverseOnly => return Pattern { mapped: Err("code only from target to source [:X]"), line: n },
        Code::Event { code, reciprocal, reverse_dropped } => {
            if reverse_dropped {
                // Counted when the pattern maps.
                return Pattern {
                    mapped: frame(&items, synsets, lemma).map(|f| (f, format!("{code}!"), false)),
                    line: n,
                };
            }
            (code, reciprocal)
        }
    };
    Pattern { mapped: frame(&items, synsets, lemma).map(|f| (f, code, reciprocal)), line: n }
}

/// The first synonym set of `items` that is not defined.
fn undefined_synset(items: &[Item], synsets: &BTreeMap<String, Vec<String>>) -> Result<(), String> {
    for i in items {
        match i {
            Item::Synset(s) if !synsets.contains_key(s) => return Err(s.clone()),
            Item::Phrase(inner) | Item::Prep(_, inner) => undefined_synset(inner, synsets)?,
            _ => {}
        }
    }
    Ok(())
}

/// Tokenizes a pattern: words, `&SETS`, `{phrases}`, `(prepositional phrases)`, `$ + ^ % *`.
fn parse_items(s: &str) -> Result<Vec<Item>, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut at = 0;
    let items = items(&chars, &mut at, None, 0)?;
    Ok(items)
}

fn items(chars: &[char], at: &mut usize, closing: Option<char>, depth: usize) -> Result<Vec<Item>, String> {
    if depth > 3 {
        return Err("brackets nested too deep".into());
    }
    let mut out = Vec::new();
    loop {
        while *at < chars.len() && chars[*at].is_whitespace() {
            *at += 1;
        }
        let Some(&c) = chars.get(*at) else {
            return match closing {
                Some(c) => Err(format!("`{c}` missing")),
                None => Ok(out),
            };
        };
        *at += 1;
        match c {
            ')' | '}' if Some(c) == closing => return Ok(out),
            ')' | '}' => return Err(format!("unexpected `{c}`")),
            '(' => {
                let mut inner = items(chars, at, Some(')'), depth + 1)?.into_iter();
                match inner.next() {
                    Some(Item::Word(p)) => out.push(Item::Prep(p.to_lowercase(), inner.collect())),
                    _ => return Err("`(` not followed by a preposition".into()),
                }
            }
            '{' => out.push(Item::Phrase(items(chars, at, Some('}'), depth + 1)?)),
            '*' => out.push(Item::Star),
            '$' => out.push(Item::Source),
            '+' => out.push(Item::Target),
            '^' | '%' => out.push(Item::Skip),
            _ => {
                let start = *at - 1;
                while *at < chars.len() && !chars[*at].is_whitespace() && !"(){}*$+^%".contains(chars[*at]) {
                    *at += 1;
                }
                let word: String = chars[start..*at].iter().collect();
                if let Some(set) = word.strip_prefix('&') {
                    out.push(Item::Synset(set.trim_end_matches('_').to_string()));
                } else {
                    let parts = text::words(&word);
                    match parts.len() {
                        0 => {}
                        1 => out.push(Item::Word(parts[0].to_string())),
                        _ => out.push(Item::Phrase(
                            parts.into_iter().map(|w| Item::Word(w.to_string())).collect(),
                        )),
                    }
                }
            }
        }
    }
}

/// Maps a pattern's items to constraints and explicit target slots.
fn frame(
    items: &[Item],
    synsets: &BTreeMap<String, Vec<String>>,
    lemma: Lemmatize<'_>,
) -> Result<Frame, &'static str> {
    let stars = items.iter().filter(|i| **i == Item::Star).count();
    if stars != 1 {
        return Err("no single * for the verb");
    }
    let star = items.iter().position(|i| *i == Item::Star).unwrap_or(0);
    let (pre, post) = (&items[..star], &items[star + 1..]);
    if !(pre.is_empty() || pre == [Item::Source]) {
        return Err("words before the verb");
    }
    let mut f = Frame::default();
    let mut obj = false;
    let mut prep = false;
    let mut i = 0;
    while i < post.len() {
        match &post[i] {
            Item::Word(w) if i == 0 && PARTICLES.contains(&w.to_lowercase().as_str()) => {
                f.constraints.push(format!("prt:{}", w.to_lowercase()));
            }
            Item::Word(w)
                if PREPOSITIONS.contains(&w.to_lowercase().as_str())
                    && post.get(i + 1) == Some(&Item::Target) =>
            {
                f.targets.push(w.to_lowercase());
                prep = true;
                i += 1;
            }
            Item::Target if !obj && !prep => {
                f.targets.push("obj".into());
                obj = true;
            }
            Item::Word(_) | Item::Synset(_) | Item::Phrase(_) if !obj && !prep => {
                f.constraints.push(format!("obj:{}", lemmas(&post[i], synsets, lemma)?));
                obj = true;
            }
            Item::Word(_) | Item::Synset(_) | Item::Phrase(_) => return Err("several nouns after the verb"),
            Item::Prep(p, inner) => {
                if !p.chars().all(|c| c.is_ascii_alphabetic()) {
                    return Err("a preposition that is not a word");
                }
                prep = true;
                match inner.as_slice() {
                    [] | [Item::Skip] => f.constraints.push(format!("{p}:*")),
                    [Item::Target] => f.targets.push(p.clone()),
                    [Item::Source] => return Err("source after the verb"),
                    [noun] => f.constraints.push(format!("{p}:{}", lemmas(noun, synsets, lemma)?)),
                    _ => return Err("several words after a preposition"),
                }
            }
            Item::Source => return Err("source after the verb"),
            Item::Target => return Err("target after other words"),
            Item::Skip | Item::Star => return Err("^ or % tokens"),
        }
        i += 1;
    }
    Ok(f)
}

/// The `|`-joined lemmas a noun item stands for.
fn lemmas(
    item: &Item,
    synsets: &BTreeMap<String, Vec<String>>,
    lemma: Lemmatize<'_>,
) -> Result<String, &'static str> {
    let word = |w: &str| -> Result<String, &'static str> {
        if w.contains('/') {
            return Err("alternatives with /");
        }
        Ok(noun(&w.to_lowercase(), lemma))
    };
    match item {
        Item::Word(w) => word(w),
        Item::Phrase(inner) => match inner.as_slice() {
            [Item::Word(w)] => word(w),
            [one] => lemmas(one, synsets, lemma),
            _ => Err("a noun with modifiers"),
        },
        Item::Synset(s) => {
            let members = synsets.get(s).ok_or("undefined synset")?;
            let mut out: Vec<String> = Vec::new();
            for m in members {
                if let [w] = text::words(m).as_slice() {
                    if w.contains('/') || w.starts_with('&') {
                        continue;
                    }
                    let l = noun(&w.to_lowercase(), lemma);
                    if !out.contains(&l) {
                        out.push(l);
                    }
                }
            }
            if out.is_empty() {
                return Err("a synonym set of phrases only");
            }
            Ok(out.join("|"))
        }
        _ => Err("a marker where a noun was expected"),
    }
}

/// Writes the lines of a finished block.
fn flush(block: Option<Block>, out: &mut Verbs, seen: &mut BTreeSet<(String, String, String)>) {
    let Some(block) = block else { return };
    let mut emit = |out: &mut Verbs, code: &str, lemma: &str, frame: String, line: usize| {
        if seen.insert((code.to_string(), lemma.to_string(), frame.clone())) {
            out.lines.push(EventLine { code: code.to_string(), lemma: lemma.to_string(), frame, line });
        }
    };
    for v in &block.verbs {
        if let (Some(Code::Event { code, reciprocal, .. }), Ok(extra)) = (&v.code, &v.extra) {
            out.stats.coded_verbs += 1;
            let f = Frame { constraints: extra.clone(), targets: Vec::new() };
            emit(out, code, &v.lemma, render_frame(&f, *reciprocal), v.line);
        }
    }
    for p in &block.patterns {
        let (f, code, reciprocal) = match &p.mapped {
            Ok(m) => m,
            Err(reason) => {
                *out.stats.unmapped.entry(reason).or_default() += 1;
                continue;
            }
        };
        let (code, reverse_dropped) = match code.strip_suffix('!') {
            Some(c) => (c, true),
            None => (code.as_str(), false),
        };
        let mut written = false;
        for v in &block.verbs {
            let Ok(extra) = &v.extra else { continue };
            let slot = |c: &String| c.split(':').next().unwrap_or("").to_string();
            let clash = extra.iter().any(|e| f.constraints.iter().any(|c| slot(c) == slot(e)));
            if clash {
                continue;
            }
            let mut merged = f.clone();
            merged.constraints.splice(0..0, extra.iter().cloned());
            emit(out, code, &v.lemma, render_frame(&merged, *reciprocal), p.line);
            written = true;
        }
        if written {
            out.stats.mapped += 1;
            out.stats.reverse_dropped += usize::from(reverse_dropped);
        } else {
            *out.stats.unmapped.entry("no verb of the block can take it").or_default() += 1;
        }
    }
}

/// The frame column: constraints, target slots (the pattern's, else the defaults that no
/// constraint fixes to a lemma list), `<>`.
fn render_frame(f: &Frame, reciprocal: bool) -> String {
    let mut items: Vec<String> = f.constraints.clone();
    let fixed =
        |slot: &str| f.constraints.iter().any(|c| c.starts_with(&format!("{slot}:")) && !c.ends_with(":*"));
    if f.targets.is_empty() {
        items.extend(DEFAULT_TARGETS.iter().filter(|s| !fixed(s)).map(|s| format!(">{s}")));
    } else {
        items.extend(f.targets.iter().map(|s| format!(">{s}")));
    }
    if reciprocal {
        items.push("<>".into());
    }
    if items.is_empty() {
        "-".into()
    } else {
        items.join(" ")
    }
}

/// The columns of `events.tsv`, for its header.
pub const COLUMNS: [&str; 4] = [
    "code   CAMEO code (a string: \"010\" is not \"10\")",
    "pos    V (verb trigger) or N (noun trigger); PETRARCH patterns are all V",
    "lemma  the trigger's base form, lowercase, one word",
    "frame  space-separated: obj:L1|L2, obj:*, xcomp:L, prt:up, P:L1|L2 or P:* (a phrase of preposition P), target slots >obj >with >to … in order of preference, <> reciprocal; '-' for none",
];

/// Renders the lines of `events.tsv` (no header).
pub fn render(lines: &[EventLine], out: &mut String) -> usize {
    for l in lines {
        out.push_str(&format!("{}\tV\t{}\t{}\n", l.code, l.lemma, l.frame));
    }
    lines.len()
}

/// Re-reads an `events.tsv`; returns its number of rows and the problems of its lines.
pub fn check(file: &str, text: &str) -> (usize, Vec<tsv::Problem>) {
    let mut problems = Vec::new();
    let rows = tsv::rows(file, text, 4, &mut problems);
    for row in &rows {
        let mut bad =
            |m: String| problems.push(tsv::Problem { file: file.to_string(), line: row.line, message: m });
        if row.cells.len() != 4 {
            bad(format!("expected 4 cells, found {}", row.cells.len()));
        }
        if !cameo(row.cell(0)) {
            bad(format!("code {:?} is not a CAMEO code", row.cell(0)));
        }
        if !["V", "N"].contains(&row.cell(1)) {
            bad(format!("part of speech {:?} is neither V nor N", row.cell(1)));
        }
        let lemma = row.cell(2);
        if lemma.is_empty() || lemma.contains(char::is_whitespace) || lemma.to_lowercase() != lemma {
            bad(format!("lemma {lemma:?} is not one lowercase word"));
        }
        let slot = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        for item in row.cell(3).split(' ').filter(|i| *i != "-") {
            let ok = item == "<>"
                || item.strip_prefix('>').is_some_and(slot)
                || item.split_once(':').is_some_and(|(s, l)| {
                    slot(s)
                        && (l == "*"
                            || (!l.is_empty()
                                && l.split('|').all(|w| !w.is_empty() && w.to_lowercase() == w)))
                });
            if !ok {
                bad(format!("frame item {item:?} is not SLOT:LEMMAS, >SLOT or <>"));
            }
        }
    }
    (rows.len(), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy lemmatizer: plural nouns lose their `s`.
    fn lemma(w: &str, xpos: &str) -> String {
        match (w, xpos) {
            ("forces", _) => "force".into(),
            (_, "NNS") => w.trim_end_matches('s').into(),
            _ => w.into(),
        }
    }

    const SAMPLE: &str = "# head\n\
&CURRENCY\n\
+DOLLAR\n\
+EURO\n\
+SWISS_FRANC\n\
&MILITARY\n\
+TROOPS\n\
+FORCES\n\
--- GRANT [070] ---\n\
GRANT\n\
GIVE {GAVE GIVEN GIVING} # jw\n\
+HAND_OVER {+HANDS_OVER +HANDED_OVER}\n\
WIRE_+TAP\n\
- * &CURRENCY [071] # GRANT\n\
- * (TO +) [070]\n\
- * AID (TO +) [073:073]\n\
- * {FINANCIAL AID} [071]\n\
- &MILITARY * [150]\n\
- * [:050]\n\
- * PLAN [---]\n\
- * TALKS (WITH) [046:043]\n\
- * &NOSUCH [071]\n\
- * LOAN [345]\n\
- * UP (FROM ^) [042\n\
- * (FOR {FINANCIAL AID}) [071]\n\
- * OFF $ [071]\n\
--- MEET [040] ---\n\
MEET {MET MEETING}\n\
DEFECT [---]\n\
- * + [040:040]\n\
- * TROOP TOWARD + [154]\n\
~ a (a b WILL_ATTACK) SAY = a b 138\n";

    fn run() -> (Verbs, Vec<Problem>) {
        read("v.verbs.txt", SAMPLE.as_bytes(), &lemma)
    }

    #[test]
    fn maps_patterns_to_frames() {
        let (v, _) = run();
        let got: Vec<String> =
            v.lines.iter().map(|l| format!("{} {} {}", l.code, l.lemma, l.frame)).collect();
        let expect = [
            "070 grant >obj >with >to >against >on >iobj",
            "070 give >obj >with >to >against >on >iobj",
            "070 hand prt:over >obj >with >to >against >on >iobj",
            "071 grant obj:dollar|euro >with >to >against >on >iobj",
            "071 give obj:dollar|euro >with >to >against >on >iobj",
            "071 hand prt:over obj:dollar|euro >with >to >against >on >iobj",
            "070 grant >to",
            "070 give >to",
            "070 hand prt:over >to",
            "073 grant obj:aid >to <>",
            "073 give obj:aid >to <>",
            "073 hand prt:over obj:aid >to <>",
            "046 grant obj:talk with:* >with >to >against >on >iobj",
            "046 give obj:talk with:* >with >to >against >on >iobj",
            "046 hand prt:over obj:talk with:* >with >to >against >on >iobj",
            "042 grant prt:up from:* >obj >with >to >against >on >iobj",
            "042 give prt:up from:* >obj >with >to >against >on >iobj",
            "040 meet >obj >with >to >against >on >iobj",
            "040 meet >obj <>",
            "154 meet obj:troop >toward",
            "040 defect >obj <>",
            "154 defect obj:troop >toward",
        ];
        for e in expect {
            assert!(got.contains(&e.to_string()), "{e} not in {got:#?}");
        }
        assert_eq!(got.len(), expect.len(), "{got:#?}");
        let s = &v.stats;
        assert_eq!((s.synsets, s.verbs, s.coded_verbs, s.patterns), (2, 6, 4, 15));
        assert_eq!((s.mapped, s.unmapped_total(), s.reverse_dropped, s.transformations), (7, 8, 1, 1));
        assert_eq!(s.unmapped.get("words before the verb"), Some(&1), "{:#?}", s.unmapped);
        assert_eq!(s.unmapped.get("a noun with modifiers"), Some(&2));
        assert_eq!(s.unmapped.get("null code [---]"), Some(&1));
        assert_eq!(s.unmapped.get("source after the verb"), Some(&1));
        let mut out = String::new();
        render(&v.lines, &mut out);
        assert_eq!(check("events.tsv", &out), (22, vec![]));
    }

    #[test]
    fn reports_unreadable_lines() {
        let (_, problems) = run();
        let lines: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.reason)).collect();
        assert_eq!(lines, [(22, "undefined synset"), (23, "unknown code"), (24, "missing bracket")]);
    }

    #[test]
    fn checks_codes_and_frames() {
        assert!(cameo("010") && cameo("0331") && cameo("20") && !cameo("345") && !cameo("00") && !cameo("1"));
        let (_, p) = check("e", "111\tV\tdenounce\t>obj\n345\tX\tTwo words\tobj:\n");
        assert_eq!(p.len(), 4, "{p:#?}");
    }

    #[test]
    fn no_panic_on_arbitrary_bytes() {
        for sample in [
            &b"--- X ---\nA\n- ((((( [01]\n- }{ [01]\n- * ( [01]\n- * () [01]\n-\n- [\n&\n+\n"[..],
            b"- * X [010]\n--- [\n\xff\n- * * [010]\n--- A [:] ---\nB [:]\n",
        ] {
            let _ = read("x", sample, &lemma);
        }
    }
}
