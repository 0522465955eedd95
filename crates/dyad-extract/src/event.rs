//! The event record of DESIGN.md: who did what to whom, when, where and how much, coded in
//! CAMEO and PLOVER, with the words that carry it and the rule that fired.
//!
//! This is the one type every later stage (output formats, the store, exports) reads; its
//! serialised field names are the JSON Lines fields of DESIGN.md § Event record.

use serde::{Deserialize, Serialize};

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Deterministic id: `doc_id:sentence:n`, `n` counting the document's events in the
    /// sentence, in output order.
    pub id: String,
    /// The document's id.
    pub doc_id: String,
    /// Index of the sentence of the (first) trigger in the document.
    pub sentence: usize,
    /// The event's date (`YYYY-MM-DD`, or a coarser TimeML value such as `2019-11`), if known.
    pub date: Option<String>,
    /// Where the date comes from.
    pub date_source: DateSource,
    /// Who acts.
    pub source: Option<Actor>,
    /// Who is acted upon.
    pub target: Option<Actor>,
    /// The CAMEO code ("111"): a string, since "010" is not "10".
    pub cameo: String,
    /// Its two-digit root ("11").
    pub cameo_root: String,
    /// The CAMEO name of the code.
    pub cameo_name: String,
    /// The Goldstein value of the code (−10 conflict … +10 cooperation).
    pub goldstein: f64,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// The PLOVER event type (ACCUSE, CONSULT …).
    pub plover: String,
    /// The PLOVER mode, where the crosswalk gives one.
    pub plover_mode: Option<String>,
    /// The word that carries the event.
    pub trigger: Span,
    /// Where it happened, when the text says so.
    pub location: Option<Location>,
    /// Amounts attached to the trigger ("a 38-million-euro loan").
    pub amounts: Vec<EventAmount>,
    /// Asserted, intended, negated, hypothetical or reported.
    pub modality: Modality,
    /// Whether the event lies well before the document date.
    pub historical: bool,
    /// A score in [0, 1]: how complete and direct the evidence is.
    pub confidence: f64,
    /// The lexicon entry and the path that coded the event, for `--explain` and audits.
    pub rule: String,
    /// How many mentions in the document this record stands for.
    pub mentions: usize,
    /// The triggers of the mentions after the first, which the record merges.
    pub other_triggers: Vec<Span>,
}

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A temporal expression governing the trigger.
    Text,
    /// The document creation date.
    Document,
    /// Neither: the document has no date and the text gives none.
    None,
}

/// The modality of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Said to have happened.
    Asserted,
    /// Vowed, planned, promised, close to happening.
    Intended,
    /// Said not to have happened ("did not condemn").
    Negated,
    /// Possible or conditional ("could impose").
    Hypothetical,
    /// Reported by someone else without being vouched for.
    Reported,
}

impl Modality {
    /// The name used in the output.
    pub fn name(self) -> &'static str {
        match self {
            Self::Asserted => "asserted",
            Self::Intended => "intended",
            Self::Negated => "negated",
            Self::Hypothetical => "hypothetical",
            Self::Reported => "reported",
        }
    }
}

/// An event participant: the words that name it and the actor code they resolve to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The words in the text ("The presidents of Russia and Cuba", "He").
    pub text: String,
    /// The CAMEO-style actor code ("RUSGOV", "IGONON", "LAM").
    pub code: String,
    /// The ISO 3166 alpha-3 country, if the actor has one.
    pub country: Option<String>,
    /// The sector code, if any ("GOV").
    pub sector: Option<String>,
    /// The named entity the words refer to, when coreference found one ("Vladimir Putin").
    pub entity: Option<String>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A span of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The words.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Where an event took place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place's name as written.
    pub text: String,
    /// Its country, if known.
    pub country: Option<String>,
    /// Latitude in degrees, when the place lexicon knows it.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
}

/// An amount attached to an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventAmount {
    /// The words.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// MONEY, PERCENT or PEOPLE.
    pub kind: String,
    /// ISO 4217 code of a money amount, if known.
    pub currency: Option<String>,
    /// The value, if exact.
    pub value: Option<f64>,
    /// A lower bound ("billions of dollars"), if the text gives one.
    pub min: Option<f64>,
}
