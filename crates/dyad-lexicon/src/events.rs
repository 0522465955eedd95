//! The event lexicon: the CAMEO code table (`lexicon/cameo.tsv`: name, Goldstein value,
//! PLOVER type), the event patterns that map trigger words and their dependents to codes
//! (`lexicon/events.tsv`), the words that set an event's modality (`lexicon/modality.tsv`) and
//! the codes of intending an event (`lexicon/intents.tsv`: "will visit" is 036, not 042) and
//! the codes of domestic events, aimed at their source's own country when the text names no
//! target (`lexicon/domestic.tsv`).
//!
//! A pattern is data, not code: `111 V denounce >obj` says that the verb "denounce" codes 111
//! with its object as target; `070 V provide obj:aid|loan >to` needs the object's lemma to be
//! "aid" or "loan" and finds the target in the `to` phrase. The coder tries a trigger's most
//! constrained patterns first.

use crate::tsv::{rows, Problem};
use std::collections::HashMap;

/// One CAMEO code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code ("111").
    pub code: String,
    /// Its name ("Criticize or denounce").
    pub name: String,
    /// Its Goldstein value.
    pub goldstein: f64,
    /// Its PLOVER event type.
    pub plover: String,
    /// Its PLOVER mode, if any.
    pub mode: Option<String>,
}

/// The part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    /// A verb ("denounced").
    Verb,
    /// A noun ("talks", "sanctions").
    Noun,
}

/// A dependent of the trigger a pattern looks at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The direct object.
    Obj,
    /// The indirect object.
    Iobj,
    /// An open to-infinitive complement ("vow to strengthen").
    Xcomp,
    /// A clausal complement ("demanded that Belgrade withdraw"); as a target slot, its subject.
    Ccomp,
    /// A verb particle ("call off").
    Prt,
    /// A phrase introduced by this preposition ("with", "against").
    Prep(String),
}

impl Slot {
    fn parse(s: &str) -> Option<Self> {
        let ok = !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        Some(match s {
            "obj" => Self::Obj,
            "iobj" => Self::Iobj,
            "xcomp" => Self::Xcomp,
            "ccomp" => Self::Ccomp,
            "prt" => Self::Prt,
            _ if ok => Self::Prep(s.to_string()),
            _ => return None,
        })
    }
}

/// A condition on a dependent of the trigger: present, and (when `lemmas` is given) headed by
/// one of these lemmas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraint {
    /// Which dependent.
    pub slot: Slot,
    /// The lemmas its head may have; `None` = any.
    pub lemmas: Option<Vec<String>>,
}

/// An event pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The CAMEO code it assigns.
    pub code: String,
    /// The trigger's part of speech.
    pub pos: TriggerPos,
    /// The trigger's lemma.
    pub lemma: String,
    /// Conditions on the trigger's dependents.
    pub constraints: Vec<Constraint>,
    /// Where the target is looked for, in order of preference.
    pub targets: Vec<Slot>,
    /// Whether a compound source without a target acts on itself both ways ("A and B met").
    pub reciprocal: bool,
    /// The pattern as written, for explanations.
    pub text: String,
    /// Line in the source.
    pub line: usize,
}

/// How a modality word relates to a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// The word governs the trigger ("vowed to strengthen", "close to agreeing").
    Governor,
    /// The word depends on the trigger or on a verb governing it ("could", "not").
    Dependent,
}

/// The modality a cue word gives, by name ("intended", "negated", "hypothetical", "reported").
pub type ModalityName = String;

/// The compiled event lexicon.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    codes: HashMap<String, CameoCode>,
    patterns: HashMap<(TriggerPos, String), Vec<Pattern>>,
    modality: HashMap<(Cue, String), ModalityName>,
    intents: HashMap<String, String>,
    domestic: Vec<String>,
    count: usize,
}

/// The file names of the event lexicon, as they sit under `lexicon/`.
pub const EVENT_FILES: [&str; 5] = ["cameo.tsv", "events.tsv", "modality.tsv", "intents.tsv", "domestic.tsv"];

impl EventLexicon {
    /// Compiles the five sources (texts in the order of [`EVENT_FILES`]); lines that cannot be
    /// read are returned as problems naming `names[i]` and the line, the rest loads.
    pub fn compile(texts: [&str; 5], names: [&str; 5]) -> (Self, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut lexicon = Self::default();
        for row in rows(names[0], texts[0], 4, &mut problems) {
            let problem = |m: String| Problem { file: names[0].to_string(), line: row.line, message: m };
            let code = row.cell(0);
            if !code.bytes().all(|b| b.is_ascii_digit()) || !(2..=4).contains(&code.len()) {
                problems.push(problem(format!("`{code}` is not a CAMEO code (2 to 4 digits)")));
                continue;
            }
            let Ok(goldstein) = row.cell(2).parse::<f64>() else {
                problems.push(problem(format!("Goldstein value `{}` is not a number", row.cell(2))));
                continue;
            };
            let mode = Some(row.cell(4)).filter(|m| !m.is_empty() && *m != "-").map(str::to_string);
            let entry = CameoCode {
                code: code.to_string(),
                name: row.cell(1).to_string(),
                goldstein,
                plover: row.cell(3).to_string(),
                mode,
            };
            if lexicon.codes.insert(code.to_string(), entry).is_some() {
                problems.push(problem(format!("code {code} is defined twice")));
            }
        }
        problems.extend(lexicon.add_patterns(names[1], texts[1]));
        for row in rows(names[2], texts[2], 3, &mut problems) {
            let cue = match row.cell(1) {
                "governor" => Cue::Governor,
                "dependent" => Cue::Dependent,
                other => {
                    let message = format!("cue `{other}` is neither `governor` nor `dependent`");
                    problems.push(Problem { file: names[2].to_string(), line: row.line, message });
                    continue;
                }
            };
            let modality = row.cell(2);
            if !["intended", "negated", "hypothetical", "reported"].contains(&modality) {
                let message = format!("unknown modality `{modality}`");
                problems.push(Problem { file: names[2].to_string(), line: row.line, message });
                continue;
            }
            for word in row.values(0) {
                lexicon.modality.insert((cue, word.to_lowercase()), modality.to_string());
            }
        }
        for row in rows(names[3], texts[3], 2, &mut problems) {
            let (from, to) = (row.cell(0), row.cell(1));
            if !from.bytes().all(|b| b.is_ascii_digit()) || !lexicon.codes.contains_key(to) {
                let message = format!("`{from}` → `{to}`: expected a code prefix and a code of cameo.tsv");
                problems.push(Problem { file: names[3].to_string(), line: row.line, message });
                continue;
            }
            lexicon.intents.insert(from.to_string(), to.to_string());
        }
        for row in rows(names[4], texts[4], 1, &mut problems) {
            let prefix = row.cell(0);
            if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) {
                let message = format!("`{prefix}` is not a CAMEO code prefix");
                problems.push(Problem { file: names[4].to_string(), line: row.line, message });
                continue;
            }
            lexicon.domestic.push(prefix.to_string());
        }
        (lexicon, problems)
    }

    /// The code of intending an event of `code`: the line of `intents.tsv` with the longest
    /// prefix of it, if any.
    pub fn intent(&self, code: &str) -> Option<&str> {
        (1..=code.len()).rev().find_map(|n| self.intents.get(&code[..n])).map(String::as_str)
    }

    /// Whether an event of `code` with no named target is aimed at its source's own country.
    pub fn domestic(&self, code: &str) -> bool {
        self.domestic.iter().any(|p| code.starts_with(p.as_str()))
    }

    /// Adds the patterns of an `events.tsv` source (the project's, or an overlay's) and returns
    /// the lines it could not read, named by `file` and line.
    pub fn add_patterns(&mut self, file: &str, text: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        for row in rows(file, text, 3, &mut problems) {
            let cells = [row.cell(0), row.cell(1), row.cell(2), row.cell(3)];
            match self.pattern(cells, row.line) {
                Ok(p) => {
                    self.count += 1;
                    let list = self.patterns.entry((p.pos, p.lemma.clone())).or_default();
                    list.push(p);
                    // Most constrained first; the source order breaks ties (the sort is stable).
                    list.sort_by_key(|p| std::cmp::Reverse(specificity(p)));
                }
                Err(m) => problems.push(Problem { file: file.to_string(), line: row.line, message: m }),
            }
        }
        problems
    }

    /// The event lexicon compiled into the binary from the project's `lexicon/`.
    pub fn embedded() -> (Self, Vec<Problem>) {
        let texts = [
            include_str!("../../../lexicon/cameo.tsv"),
            include_str!("../../../lexicon/events.tsv"),
            include_str!("../../../lexicon/modality.tsv"),
            include_str!("../../../lexicon/intents.tsv"),
            include_str!("../../../lexicon/domestic.tsv"),
        ];
        Self::compile(texts, EVENT_FILES.map(|f| f))
    }

    /// Reads and compiles the event lexicon in `dir`; a missing file is an error naming it.
    pub fn from_dir(dir: &std::path::Path) -> std::io::Result<(Self, Vec<Problem>)> {
        let paths = EVENT_FILES.map(|f| dir.join(f));
        let mut texts = Vec::new();
        for p in &paths {
            let text = std::fs::read_to_string(p)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
            texts.push(text);
        }
        let names = paths.map(|p| p.display().to_string());
        let (lexicon, problems) = Self::compile(
            [&texts[0], &texts[1], &texts[2], &texts[3], &texts[4]],
            [names[0].as_str(), names[1].as_str(), names[2].as_str(), names[3].as_str(), names[4].as_str()],
        );
        Ok((lexicon, problems))
    }

    /// The code table entry of `code`, if the table has it.
    pub fn code(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// The patterns of a trigger lemma, most constrained first.
    pub fn patterns(&self, pos: TriggerPos, lemma: &str) -> &[Pattern] {
        self.patterns.get(&(pos, lemma.to_string())).map_or(&[], Vec::as_slice)
    }

    /// The modality a cue word gives in this relation to a trigger, if it is a cue.
    pub fn modality(&self, cue: Cue, lemma: &str) -> Option<&str> {
        self.modality.get(&(cue, lemma.to_string())).map(String::as_str)
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Number of codes in the table.
    pub fn codes(&self) -> usize {
        self.codes.len()
    }

    /// Reads one pattern line: code, pos, lemma, frame.
    fn pattern(&self, cells: [&str; 4], line: usize) -> Result<Pattern, String> {
        let [code, pos, lemma, frame] = cells;
        if !self.codes.contains_key(code) {
            return Err(format!("CAMEO code `{code}` is not in cameo.tsv"));
        }
        let pos = match pos {
            "V" => TriggerPos::Verb,
            "N" => TriggerPos::Noun,
            _ => return Err(format!("part of speech `{pos}` is neither V nor N")),
        };
        if lemma.is_empty() || lemma.contains(char::is_whitespace) || lemma.to_lowercase() != lemma {
            return Err(format!("trigger `{lemma}` is not one lowercase word"));
        }
        let mut pattern = Pattern {
            code: code.to_string(),
            pos,
            lemma: lemma.to_string(),
            constraints: Vec::new(),
            targets: Vec::new(),
            reciprocal: false,
            text: format!("{code} {} {lemma} {frame}", cells[1]).trim_end().to_string(),
            line,
        };
        for item in frame.split_whitespace().filter(|i| *i != "-") {
            if item == "<>" {
                pattern.reciprocal = true;
            } else if let Some(slot) = item.strip_prefix('>') {
                pattern.targets.push(Slot::parse(slot).ok_or(format!("bad target slot `{item}`"))?);
            } else if let Some((slot, lemmas)) = item.split_once(':') {
                let slot = Slot::parse(slot).ok_or(format!("bad slot in `{item}`"))?;
                let lemmas = match lemmas {
                    "*" => None,
                    _ if lemmas.is_empty() => return Err(format!("no lemma after `:` in `{item}`")),
                    _ => Some(lemmas.split('|').map(str::to_lowercase).collect()),
                };
                pattern.constraints.push(Constraint { slot, lemmas });
            } else {
                return Err(format!("frame item `{item}` is not SLOT:LEMMAS, >SLOT or <>"));
            }
        }
        Ok(pattern)
    }
}

/// How constrained a pattern is: lemma constraints weigh more than presence constraints.
fn specificity(p: &Pattern) -> usize {
    p.constraints.iter().map(|c| if c.lemmas.is_some() { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAMEO: &str = "# codes\n11\tDisapprove\t-2\tACCUSE\t-\n111\tCriticize or denounce\t-2\tACCUSE\t-\n\
                         07\tProvide aid\t7\tAID\t-\n070\tProvide aid\t7\tAID\t-\n";

    fn compile(events: &str, modality: &str) -> (EventLexicon, Vec<Problem>) {
        let names = ["cameo.tsv", "events.tsv", "modality.tsv", "intents.tsv", "domestic.tsv"];
        EventLexicon::compile([CAMEO, events, modality, "07\t070\n", "14\tprotests\n"], names)
    }

    #[test]
    fn reads_patterns_and_orders_them_by_specificity() {
        let (lexicon, problems) = compile(
            "070\tV\tprovide\t>to\n070\tV\tprovide\tobj:aid|loan >to >for\n111\tV\tdenounce\t>obj\n",
            "",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let provide = lexicon.patterns(TriggerPos::Verb, "provide");
        assert_eq!(provide.len(), 2);
        assert_eq!(
            provide[0].constraints,
            vec![Constraint { slot: Slot::Obj, lemmas: Some(vec!["aid".into(), "loan".into()]) }]
        );
        assert_eq!(provide[0].targets, vec![Slot::Prep("to".into()), Slot::Prep("for".into())]);
        assert_eq!(lexicon.code("111").map(|c| c.goldstein), Some(-2.0));
        assert_eq!(lexicon.len(), 3);
    }

    #[test]
    fn reports_bad_lines_with_file_and_line_and_keeps_the_rest() {
        let events =
            "999\tV\tfoo\t-\n111\tX\tfoo\t-\n111\tV\tTwo words\t-\n111\tV\tslam\t>Obj\n111\tV\tblast\t>obj\n";
        let (lexicon, problems) = compile(events, "could\tsometimes\thypothetical\n");
        let lines: Vec<(&str, usize)> = problems.iter().map(|p| (p.file.as_str(), p.line)).collect();
        assert_eq!(
            lines,
            vec![
                ("events.tsv", 1),
                ("events.tsv", 2),
                ("events.tsv", 3),
                ("events.tsv", 4),
                ("modality.tsv", 1)
            ]
        );
        assert_eq!(lexicon.len(), 1);
        assert!(problems[0].message.contains("999"));
    }

    #[test]
    fn intents_take_the_longest_prefix() {
        let names = ["cameo.tsv", "events.tsv", "modality.tsv", "intents.tsv", "domestic.tsv"];
        let (lexicon, problems) = EventLexicon::compile([CAMEO, "", "", "07\t070\n1\t999\n", "14\n"], names);
        assert_eq!(
            problems.iter().map(|p| (p.file.as_str(), p.line)).collect::<Vec<_>>(),
            [("intents.tsv", 2)]
        );
        assert_eq!(lexicon.intent("070"), Some("070"));
        assert_eq!(lexicon.intent("111"), None);
        assert!(lexicon.domestic("1411") && !lexicon.domestic("111"));
    }

    #[test]
    fn reads_modality_cues() {
        let (lexicon, problems) = compile("", "vow|pledge\tgovernor\tintended\nnot\tdependent\tnegated\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(lexicon.modality(Cue::Governor, "pledge"), Some("intended"));
        assert_eq!(lexicon.modality(Cue::Dependent, "not"), Some("negated"));
        assert_eq!(lexicon.modality(Cue::Governor, "not"), None);
    }

    #[test]
    fn the_embedded_lexicon_compiles_without_problems() {
        let (lexicon, problems) = EventLexicon::embedded();
        assert!(problems.is_empty(), "{:?}", &problems[..problems.len().min(5)]);
        assert!(lexicon.codes() > 250);
    }
}
