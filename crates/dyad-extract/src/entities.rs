//! Entity mentions: people, organisations, locations and nationalities, each with its byte
//! span, a type and, where the lexicon or the words around it tell, a CAMEO actor code.
//!
//! Mentions come from two sources, merged per sentence:
//! - proper-noun spans (runs of NNP/NNPS words, joined across `of`/`for`/`&`/`and` inside
//!   organisation names such as "Bank of America"), with leading titles and role words
//!   ("President", "Deputy Finance Minister") split off as the role of the person after them
//!   and a leading nationality or country ("Cuban", "Russia's") split off as its own mention;
//! - capitalised lexicon terms (countries, capitals, places, regions → LOCATION; IGOs and
//!   metonyms → ORGANIZATION; adjectives and demonyms → NATIONALITY).
//!
//! Names the lexicon does not know are typed by their shape and context: an organisation
//! keyword at the end (Corp, Bank, Party, Ministry …), a title or role before them or "said"
//! after them, a preposition of place before them, a list after "companies such as". Mentions
//! of one entity are then grouped per document ([`group`]): the same name, or a later
//! surname-only mention of a person.

use dyad_lexicon::{Entry, Lexicon};
use dyad_nlp::analyze::Sentence;
use dyad_nlp::tagger::Tagger;
use std::collections::HashMap;

/// The type of an entity mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, government body, party, IGO or other organisation.
    Organization,
    /// A country, city, region or other place.
    Location,
    /// A nationality adjective or demonym ("Cuban", "Russians").
    Nationality,
}

impl EntityType {
    /// The name used in the output ("PERSON", …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Organization => "ORGANIZATION",
            Self::Location => "LOCATION",
            Self::Nationality => "NATIONALITY",
        }
    }
}

/// One mention of an entity in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The mention's type.
    pub kind: EntityType,
    /// The actor code, if known (`RUS`, `CUBGOV`, `IGONON`).
    pub actor: Option<String>,
    /// The role word(s) before a person ("President"), if any.
    pub role: Option<String>,
    /// Whether the type comes from the lexicon or a clear cue rather than the default.
    confident: bool,
    /// Whether a common noun follows: the name modifies it ("the Boeing tanker").
    modifier: bool,
}

/// An entity of a document and its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The longest mention's text.
    pub name: String,
    /// The entity's type.
    pub kind: EntityType,
    /// The actor code of its first coded mention.
    pub actor: Option<String>,
    /// The role of its first mention with one.
    pub role: Option<String>,
    /// The mentions, in text order.
    pub mentions: Vec<EntityMention>,
}

/// Words ending an organisation name.
const ORG_ENDS: &str = "\
    corp corp. corporation inc inc. co co. company companies ltd ltd. llc plc ag sa s.a. n.v. gmbh \
    bank party ministry agency council university college group institute association organization \
    organisation foundation federation union commission committee department office court army navy \
    force forces police airlines airways motors industries holdings technologies systems partners \
    capital fund society league movement front church club school hospital times post news press \
    journal television tv radio network exchange reserve board authority assembly parliament \
    congress senate service services guard brigade brigades team bureau center centre alliance \
    coalition trust railways energy oil petroleum electric communications media research labs \
    pharmaceuticals securities investments enterprises international";

/// Company suffixes, which end a company's name.
const CORPORATE: &str = "inc inc. corp corp. ltd ltd. llc plc co. n.v. ag gmbh s.a.";

/// Heads of an organisation name that `of` may follow ("Bank of America").
const ORG_HEADS: &str = "\
    bank ministry university department institute council association organization organisation \
    federation union commission committee office court church league house board chamber college \
    school academy party movement front army republic kingdom state states bureau agency government \
    parliament assembly congress society museum center centre fund secretariat people's police \
    forces force corporation company group authority service embassy consulate";

/// Titles before a person's name that are not agent nouns of the lexicon.
const TITLES: &str = "\
    mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady gen gen. col col. lt lt. capt capt. sgt sgt. \
    sen sen. rep rep. gov gov. pres pres. prof prof. rev rev. st pope saint ceo cfo coo chairman \
    chairwoman chairperson director spokesman spokeswoman analyst judge justice senator governor \
    mayor coach manager founder executive officer chief leader captain colonel general lieutenant \
    sergeant commander admiral marshal professor doctor father sister brother bishop archbishop \
    cardinal rabbi imam sheikh ayatollah emir king queen prince princess president minister \
    secretary secretary-general premier chancellor ambassador envoy lawmaker congressman congresswoman representative \
    deputy vice speaker candidate actor actress singer author writer player striker midfielder \
    defender goalkeeper star economist attorney lawyer prosecutor astronaut chef designer editor \
    reporter correspondent commissioner superintendent inspector detective officials pm";

/// Words that name an organisation or a place rather than a person, when they end a role:
/// an agent term ending in one of these is not a title ("Foreign Ministry").
const NOT_PERSON_HEADS: &str = "\
    ministry ministries government governments administration cabinet regime authorities army police \
    military forces troops party parliament court office treasury opposition rebels militants";

/// Prepositions after which an unknown capitalised name is a place.
const PLACE_PREPOSITIONS: &str = "in near across throughout outside into";

/// Nouns that, before "such as", announce a list of organisations.
const ORG_NOUNS: &str = "\
    companies firms banks groups corporations businesses organizations organisations agencies \
    airlines carriers manufacturers makers producers retailers brands parties newspapers \
    broadcasters operators giants universities institutions lenders insurers investors funds teams \
    clubs";

/// Verbs after a name that mark its bearer as a speaker.
const SPEECH_VERBS: &str = "said says told added stated explained noted argued wrote";

/// Lowercase first-letter capitalised words that are not names at the start of a span.
const NOT_NAME_STARTS: &str = "the a an this that these those in on at and but";

/// Common given names: an unknown two- or three-word name starting with one is a person.
const FIRST_NAMES: &str = "\
    Aaron Abdul Abdullah Adam Ahmed Alan Albert Alberto Alex Alexander Alexei Ali Alice Amanda Amy \
    Ana Andrea Andreas Andrew Andrei Angela Ann Anna Anne Anthony Antonio Arthur Barack Barbara Ben \
    Benjamin Bernard Bill Bob Boris Brian Bruce Carl Carlos Caroline Catherine Charles Chris \
    Christian Christine Christopher Claire Colin Craig Daniel David Dennis Dmitry Donald Douglas Ed \
    Edward Elizabeth Emily Emmanuel Eric Fernando Francis Francisco Frank Fred Gary George Gordon \
    Greg Hamid Hans Harry Hassan Helen Henry Hillary Hugo Hussein Ian Igor Ivan Jack Jacob James Jan \
    Jane Jason Jean Jeff Jennifer Jerry Jim Joe John Jon Jonathan Jorge Jose Joseph Juan Julia Karl \
    Kate Kevin Kim Larry Laura Lee Leonid Linda Lisa Luis Mahmoud Manuel Marco Margaret Maria Mark \
    Martin Mary Matthew Michael Michel Miguel Mike Mohamed Mohammad Mohammed Muhammad Nancy Nicolas \
    Nick Nicola Nikolai Noel Olga Omar Pablo Patrick Paul Pedro Peter Philip Pierre Rafael Ralph \
    Raul Richard Rick Robert Roberto Roger Ron Ronald Rupert Ryan Sam Samuel Sarah Scott Sergei \
    Sergey Simon Stephen Steve Steven Susan Thomas Tim Timothy Tom Tony Valentina Vladimir Walter \
    William Xi Yuri Louis Ken Kenneth Fritz Howard Dan Dave Don Doug Gerhard Wolfgang Jürgen Klaus \
    Helmut François Jacques Silvio Romano Mario Giorgio Shinzo Junichiro Taro Yoshihiko Naoto Hu Wen \
    Li Narendra Manmohan Sonia Rahul Benazir Nawaz Pervez Imran Recep Ahmet Bashar Hosni Muammar \
    Saddam Nouri Ashraf Kofi Ban Nelson Thabo Olusegun Goodluck Muhammadu Uhuru Yoweri Jimmy Dick \
    Condoleezza Hank Theresa Keir Jeremy Justin Malcolm Jacinda Lula Dilma Jair Cristina Mauricio \
    Evo Nicolás Fidel Raúl Enrique Felipe Andrés Ehud Ariel Shimon Yasser Ismail Khaled Ayman Osama \
    Abu Moon Park Roh Gloria Rodrigo Joko Susilo Megawati Mahathir Najib Thaksin Yingluck Prayut \
    Aung Jobs Warren Elon Ratan Mukesh Jusman Frederick Alfred Harold Roy Ray Wayne Terry Philippe \
    Jean-Claude Jean-Marie Dominique Ségolène Marine Jens Anders Lars Sven Olaf Erik Mikhail Dmitri \
    Viktor Yulia Petro Volodymyr Aleksandr Nursultan Bruno Gustavo Alfredo Eduardo Ricardo Sergio \
    Javier Alejandro Diego Ernesto Marcelo Gabriel Oscar Ramón Ramon Julio César Cesar Víctor Victor \
    Guillermo Alvaro Álvaro Marta Carmen Teresa Rosa Isabel Lucia Paola Giuseppe Francesco Luca \
    Matteo Stefan Markus Heinz Dieter Günter Ursula Annalena Frank-Walter Pieter Willem Johan Henrik \
    Ole Tarja Sauli Kamala Mitch Chuck Ted";

/// Lowercase particles inside personal names.
const PARTICLES: &str = "bin ibn van von der den de da del della di dos du le la";

/// Ends of place names the lexicon does not list.
const LOC_ENDS: &str = "\
    park palace square street avenue road airport bridge river lake mountain mountains island \
    islands valley bay sea ocean gulf desert province region county district strait peninsula canal \
    coast plaza boulevard harbour harbor port hills heights";

/// Ends of names of events and periods, which are not entities here.
const EVENT_ENDS: &str = "day war summit week year games olympics festival eve";

/// Capitalised words that are not names.
const NOT_NAMES: &str = "\
    monday tuesday wednesday thursday friday saturday sunday january february march april june july \
    august september october november december jan. feb. aug. sept. oct. nov. dec. i mr mrs ms may \
    god internet web utc gmt est edt pst pdt cet bst";

/// A word of a sentence with what entity finding needs.
#[derive(Debug, Clone)]
struct W<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    lower: String,
    proper: bool,
    noun: bool,
}

/// Whether `word` is one of the words of `list` (whitespace-separated).
fn listed(list: &str, word: &str) -> bool {
    // Most words are in no list: a substring search rules them out before the split.
    !word.is_empty() && list.contains(word) && list.split_whitespace().any(|w| w == word)
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether `s` is written in capitals only (an acronym or an all-caps word).
fn all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// The entry of `entries` that stands for the term, by priority.
fn best_entry(entries: &[Entry]) -> Option<Entry> {
    let rank = |e: &Entry| match e {
        Entry::Igo(_) => 0,
        Entry::Country(_) => 1,
        Entry::Nationality(_) => 2,
        Entry::Capital(_) => 3,
        Entry::Metonym(_) | Entry::Group(_) => 4,
        Entry::Region(_) => 5,
        Entry::Place(_) => 6,
        Entry::Agent(_) => 7,
    };
    entries.iter().copied().min_by_key(rank)
}

/// The mention type a lexicon entry gives (agent nouns give none).
fn entry_type(entry: Entry) -> Option<EntityType> {
    match entry {
        Entry::Country(_) | Entry::Capital(_) | Entry::Region(_) | Entry::Place(_) => {
            Some(EntityType::Location)
        }
        Entry::Igo(_) | Entry::Metonym(_) | Entry::Group(_) => Some(EntityType::Organization),
        Entry::Nationality(_) => Some(EntityType::Nationality),
        Entry::Agent(_) => None,
    }
}

/// A lexicon term found over words `from..to` of a sentence.
#[derive(Debug, Clone, Copy)]
struct Term {
    from: usize,
    to: usize,
    entry: Entry,
}

/// Finds the entity mentions of an analysed text, in text order.
pub fn find_mentions(
    text: &str,
    sentences: &[Sentence],
    tagger: &Tagger,
    lexicon: &Lexicon,
) -> Vec<EntityMention> {
    let mut out = Vec::new();
    // Words written with a capital inside a sentence somewhere in the document: names, so the
    // same word at the start of a sentence is one too, whatever its tag.
    let mut names = std::collections::HashSet::new();
    for sentence in sentences {
        for w in sentence.words.iter().skip(1) {
            if let Some(t) = text.get(w.start..w.end).filter(|t| capitalised(t)) {
                names.insert(t);
            }
        }
    }
    for sentence in sentences {
        let words: Vec<W> = sentence
            .words
            .iter()
            .filter_map(|w| {
                let t = text.get(w.start..w.end)?;
                let xpos = tagger.tag_of(w.tag).xpos.as_str();
                let lower = t.to_lowercase().replace('’', "'");
                let first = w.start == sentence.words.first().map_or(0, |f| f.start);
                let closed = matches!(
                    xpos,
                    "DT" | "PRP"
                        | "PRP$"
                        | "IN"
                        | "CC"
                        | "WDT"
                        | "WP"
                        | "WP$"
                        | "WRB"
                        | "MD"
                        | "TO"
                        | "EX"
                        | "PDT"
                        | "RB"
                        | "UH"
                );
                let nominal = !closed;
                let tagged = matches!(xpos, "NNP" | "NNPS")
                    || (nominal && !first && t.chars().any(char::is_alphabetic))
                    || (nominal && first && names.contains(t));
                let proper = tagged && capitalised(t) && t != "I" && !listed(NOT_NAMES, lower.as_str());
                let noun = matches!(xpos, "NN" | "NNS") && !capitalised(t);
                Some(W { start: w.start, end: w.end, text: t, lower, proper, noun })
            })
            .collect();
        sentence_mentions(text, &words, lexicon, &mut out);
    }
    settle_types(text, &mut out);
    of_country(text, &mut out);
    // "US$40", "GB £20": a country code before an amount is part of the currency.
    out.retain(|m| {
        let after = text[m.end..].trim_start();
        !(after.starts_with(['$', '£', '€', '¥']) && m.end - m.start <= 3)
    });
    // Organisation names take their article, as MEANTIME and ACE extents do ("the Pentagon"),
    // and so do places whose lexicon name has it ("the United States").
    for m in out.iter_mut() {
        let takes_article = m.kind == EntityType::Organization
            || (m.kind == EntityType::Location
                && !lexicon.lookup(&format!("the {}", &text[m.start..m.end])).is_empty());
        if !takes_article || m.modifier {
            continue;
        }
        let before = &text[..m.start];
        if before.ends_with("the ") || before.ends_with("The ") {
            let at = m.start - 4;
            if at == 0 || !text[..at].ends_with(|c: char| c.is_alphanumeric()) {
                m.start = at;
            }
        }
    }
    out
}

/// The lexicon terms of a sentence's words.
fn terms_of(text: &str, words: &[W], lexicon: &Lexicon) -> Vec<Term> {
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return Vec::new() };
    let Some(slice) = text.get(first.start..last.end) else { return Vec::new() };
    let mut terms = Vec::new();
    for m in lexicon.find(slice) {
        let (s, e) = (m.start + first.start, m.end + first.start);
        let from = words.iter().position(|w| w.start == s);
        let to = words.iter().position(|w| w.end == e);
        if let (Some(mut from), Some(to), Some(entry)) = (from, to, best_entry(m.entries)) {
            // "the United States", "former Yugoslavia": lowercase words before the name are not
            // part of it.
            // "The United States" opening a sentence: the article is not part of the name either.
            while to > from
                && (!capitalised(words[from].text) || words[from].lower == "the")
                && words[from + 1..=to].iter().any(|w| capitalised(w.text))
            {
                from += 1;
            }
            // An acronym is not a place's alternate name ("GAZ" is not Gaza).
            if matches!(entry, Entry::Place(_)) && from == to && all_caps(words[from].text) {
                continue;
            }
            terms.push(Term { from, to: to + 1, entry });
        }
    }
    // A proper noun no term matches may be a misspelt country ("Ethopia", "Afganistan").
    let covered = |i: usize| terms.iter().any(|t| (t.from..t.to).contains(&i));
    let misspelt: Vec<Term> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| w.proper && capitalised(w.text) && !all_caps(w.text) && !covered(*i))
        .filter(|(_, w)| !given_name(lexicon, w.text))
        .filter_map(|(i, w)| lexicon.misspelt(w.text).map(|entry| Term { from: i, to: i + 1, entry }))
        .collect();
    if !misspelt.is_empty() {
        terms.extend(misspelt);
        terms.sort_by_key(|t| t.from);
    }
    terms
}

/// The mentions of one sentence.
fn sentence_mentions(text: &str, words: &[W], lexicon: &Lexicon, out: &mut Vec<EntityMention>) {
    let first = out.len();
    sentence_names(text, words, lexicon, out);
    for m in &mut out[first..] {
        if let Some(i) = words.iter().position(|w| w.start >= m.end) {
            m.modifier = words[i].noun;
        }
    }
}

/// The names of one sentence, typed.
fn sentence_names(text: &str, words: &[W], lexicon: &Lexicon, out: &mut Vec<EntityMention>) {
    let terms = terms_of(text, words, lexicon);
    // Which words are inside a name: proper nouns, and capitalised lexicon names.
    let mut inside = vec![false; words.len()];
    for (i, w) in words.iter().enumerate() {
        inside[i] = w.proper;
    }
    // "Bank of America" opening a sentence, where the tagger reads "Bank" as a common noun.
    if words.len() > 2
        && capitalised(words[0].text)
        && listed(ORG_HEADS, words[0].lower.as_str())
        && words[1].lower == "of"
        && inside[2]
    {
        inside[0] = true;
    }
    // Name particles between two name words: "Bashar al-Assad", "Ludwig van Beethoven".
    for i in 1..words.len().saturating_sub(1) {
        let w = &words[i];
        let prefixed = ["al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "bin-"]
            .iter()
            .any(|p| w.text.starts_with(p) && w.text[p.len()..].starts_with(char::is_uppercase));
        let particle = listed(PARTICLES, w.text) && inside[i + 1] && words[i + 1].proper;
        if (prefixed || particle) && inside[i - 1] {
            inside[i] = true;
        }
    }
    for t in &terms {
        if entry_type(t.entry).is_some() && capitalised(words[t.from].text) {
            for flag in &mut inside[t.from..t.to] {
                *flag = true;
            }
        }
    }
    // Runs of name words, joined across connectors inside organisation names.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !inside[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < words.len() && inside[i] {
            i += 1;
        }
        // Join "Bank of America", "Ministry of Foreign Affairs", "Procter & Gamble".
        while i + 1 < words.len() && inside[i + 1] {
            let joiner = words[i].lower.as_str();
            let head = words[i - 1].lower.as_str();
            let join = match joiner {
                "&" => true,
                "of" | "for" => listed(ORG_HEADS, head) || head == "affairs" || listed(TITLES, head),
                "and"
                    if listed(TITLES, words[start].lower.as_str())
                        && words[start..i].iter().any(|w| w.lower == "of") =>
                {
                    true
                }
                "and" => {
                    let mut j = i + 1;
                    while j < words.len() && inside[j] {
                        j += 1;
                    }
                    listed(ORG_ENDS, words[j - 1].lower.as_str()) && !listed(ORG_ENDS, head) && j - i > 1
                }
                _ => false,
            };
            if !join {
                break;
            }
            i += 1;
            // "Ministry of the Interior"
            while i < words.len() && inside[i] {
                i += 1;
            }
        }
        if i + 2 < words.len() && words[i].lower == "of" && words[i + 1].lower == "the" && inside[i + 2] {
            let head = words[i - 1].lower.as_str();
            if listed(ORG_HEADS, head) {
                i += 2;
                while i < words.len() && inside[i] {
                    i += 1;
                }
            }
        }
        runs.push((start, i));
    }
    let mut covered = vec![false; words.len()];
    for &(start, end) in &runs {
        split_run(words, start, end, &terms, lexicon, out);
        for c in &mut covered[start..end] {
            *c = true;
        }
    }
    // Capitalised lexicon terms outside the runs (a capitalised adjective tagged JJ).
    for t in &terms {
        if covered[t.from..t.to].iter().any(|c| *c) || !capitalised(words[t.from].text) {
            continue;
        }
        if let Some(kind) = entry_type(t.entry) {
            out.push(mention(words, t.from, t.to, kind, Some(lexicon.code(t.entry).to_string()), None, true));
        }
    }
    out.sort_by_key(|m| (m.start, m.end));
}

fn mention(
    words: &[W],
    from: usize,
    to: usize,
    kind: EntityType,
    actor: Option<String>,
    role: Option<String>,
    confident: bool,
) -> EntityMention {
    EntityMention {
        start: words[from].start,
        end: words[to - 1].end,
        kind,
        actor,
        role,
        confident,
        modifier: false,
    }
}

/// Whether the agent term at `t` is a person's title ("President", not "Foreign Ministry").
fn person_title(words: &[W], t: &Term) -> bool {
    let last = words[t.to - 1].lower.as_str();
    matches!(t.entry, Entry::Agent(_))
        && !listed(NOT_PERSON_HEADS, last)
        && (listed(TITLES, last) || ["man", "woman", "person", "ist"].iter().any(|e| last.ends_with(e)))
}

/// Splits a run of name words into mentions: titles and role words, a leading nationality or
/// country, and the name(s) they introduce.
fn split_run(
    words: &[W],
    start: usize,
    end: usize,
    terms: &[Term],
    lexicon: &Lexicon,
    out: &mut Vec<EntityMention>,
) {
    let term_from = |i: usize| terms.iter().filter(|t| t.from == i && t.to <= end).max_by_key(|t| t.to);
    let mut i = start;
    // Leading determiners capitalised at the start of a sentence.
    while i < end && listed(NOT_NAME_STARTS, words[i].lower.as_str()) {
        i += 1;
    }
    let mut country: Option<String> = None;
    let mut organisation: Option<String> = None;
    let mut sector: Option<String> = None;
    let mut role: Vec<&str> = Vec::new();
    let mut titled = false;
    // A country's possessive before the run: "Russia's Vladimir Putin".
    if start >= 2 && words[start - 1].lower == "'s" {
        if let Some(c) = terms.iter().find(|c| c.to == start - 1 && matches!(c.entry, Entry::Country(_))) {
            country = Some(lexicon.code(c.entry).to_string());
        }
    }
    // A role in lower case just before the run: "the Cuban president Miguel Diaz-Canel".
    if let Some(t) = terms.iter().find(|t| t.to == start && person_title(words, t)) {
        role.extend(words[t.from..t.to].iter().map(|w| w.text));
        sector = Some(lexicon.code(t.entry).to_string());
        titled = true;
        if let Some(c) = terms.iter().find(|c| {
            c.to == t.from && matches!(c.entry, Entry::Country(_) | Entry::Nationality(_) | Entry::Capital(_))
        }) {
            country = Some(lexicon.code(c.entry).to_string());
        }
    }
    let whole_org = listed(ORG_ENDS, words[end - 1].lower.as_str()) && end - i > 1;
    while i < end {
        // A lexicon term spanning the rest of the run: that is the mention.
        if let Some(t) = term_from(i) {
            if let Some(kind) = entry_type(t.entry) {
                let rest_is_title = t.to < end && term_from(t.to).is_some_and(|n| person_title(words, n));
                let possessive = t.to < end && words[t.to].lower == "'s";
                let nationality_first = kind == EntityType::Nationality && t.to < end && !whole_org;
                // "U.N. Secretary-General Kofi Annan", "NATO chief Mark Rutte": the body whose
                // officer the name is.
                let ends_in_title = listed(TITLES, words[t.to - 1].lower.as_str());
                let organisation_first = matches!(t.entry, Entry::Igo(_))
                    && t.to < end
                    && !whole_org
                    && (ends_in_title || (t.to + 1 < end && listed(TITLES, words[t.to].lower.as_str())));
                if t.to == end || rest_is_title || possessive || nationality_first || organisation_first {
                    let code = lexicon.code(t.entry).to_string();
                    out.push(mention(words, i, t.to, kind, Some(code.clone()), None, true));
                    if matches!(t.entry, Entry::Country(_) | Entry::Nationality(_) | Entry::Capital(_)) {
                        country = Some(code);
                    } else if organisation_first {
                        organisation = Some(code);
                        if ends_in_title {
                            role.extend(words[i..t.to].iter().map(|w| w.text));
                            titled = true;
                        }
                    }
                    i = t.to;
                    if possessive {
                        i += 1;
                    }
                    continue;
                }
            } else if person_title(words, t) && !whole_org && t.to < end {
                role.extend(words[i..t.to].iter().map(|w| w.text));
                sector = Some(lexicon.code(t.entry).to_string());
                titled = true;
                i = t.to;
                continue;
            }
        }
        let lower = words[i].lower.as_str();
        if listed(TITLES, lower) && i + 1 < end && !whole_org {
            role.push(words[i].text);
            titled = true;
            i += 1;
            continue;
        }
        break;
    }
    // "Minister of Foreign Trade and Foreign Investment Rodrigo Malmierca": the portfolio is
    // part of the role; the name is the last words, from a given name if there is one.
    if titled && i + 1 < end && words[i].lower == "of" {
        let name = (i + 1..end)
            .find(|&k| listed(FIRST_NAMES, words[k].text))
            .unwrap_or(end.saturating_sub(2).max(i + 1));
        role.extend(words[i..name].iter().map(|w| w.text));
        i = name;
    }
    if i >= end {
        return;
    }
    // A role word inside the rest splits it: "Northrop Grumman CEO Ron Sugar".
    let mut name_end = end;
    if !whole_org {
        for j in i + 1..end.saturating_sub(1) {
            let t = terms.iter().find(|t| t.from == j && t.to < end && person_title(words, t));
            let title_here = listed(TITLES, words[j].lower.as_str()) && !words[j].lower.ends_with('.');
            if t.is_some() || title_here {
                name_end = j;
                break;
            }
            // "Apple Inc. Steve Jobs": a company suffix ends the company's name.
            if listed(CORPORATE, words[j].lower.as_str()) && name_shaped(words[j + 1].text) {
                name_end = j + 1;
                break;
            }
        }
    }
    if name_end < end {
        push_name(words, i, name_end, terms, lexicon, None, None, false, out);
        split_run(words, name_end, end, terms, lexicon, out);
        return;
    }
    let role = if role.is_empty() { None } else { Some(role.join(" ")) };
    let actor = match (&country, &sector) {
        _ if organisation.is_some() && titled => organisation,
        (Some(c), Some(s)) => Some(format!("{c}{s}")),
        (Some(c), None) => Some(c.clone()),
        (None, Some(s)) if titled => Some(s.clone()),
        _ => None,
    };
    push_name(words, i, end, terms, lexicon, actor, role, titled, out);
}

/// Types and pushes the name over words `from..to`.
#[allow(clippy::too_many_arguments)]
fn push_name(
    words: &[W],
    from: usize,
    to: usize,
    terms: &[Term],
    lexicon: &Lexicon,
    actor: Option<String>,
    role: Option<String>,
    titled: bool,
    out: &mut Vec<EntityMention>,
) {
    let mut to = to;
    // A trailing possessive is not part of the name.
    while to > from && (words[to - 1].lower == "'s" || words[to - 1].lower == "'") {
        to -= 1;
    }
    // "Airbus A380" names a product, not an organisation; in "Adam Air Flight 574" the
    // airline is "Adam Air".
    if words[from..to].iter().any(|w| model_number(w.text)) {
        return;
    }
    if to > from + 1 && words[to - 1].lower == "flight" {
        to -= 1;
    }
    if to <= from {
        return;
    }
    // A role without a name after it ("Chief Operating Officer", "CEO") is not a name.
    if listed(TITLES, words[to - 1].lower.as_str()) && !listed(ORG_ENDS, words[to - 1].lower.as_str()) {
        return;
    }
    if let Some(t) = terms.iter().find(|t| t.from == from && t.to == to) {
        if let Some(kind) = entry_type(t.entry) {
            out.push(mention(words, from, to, kind, Some(lexicon.code(t.entry).to_string()), None, true));
            return;
        }
    }
    let last = words[to - 1].lower.as_str();
    let n = to - from;
    let before = |k: usize| from.checked_sub(k).map(|i| words[i].lower.as_str());
    let after = words.get(to).map(|w| w.lower.as_str());
    if listed(EVENT_ENDS, last) {
        return;
    }
    let (kind, confident) = if listed(LOC_ENDS, last) && n > 1 {
        (EntityType::Location, true)
    } else if listed(ORG_ENDS, last) && n > 1 || words[from].lower.ends_with("ministry") {
        (EntityType::Organization, true)
    } else if titled {
        (EntityType::Person, true)
    } else if n == 1
        && all_caps(words[from].text)
        && words[from].text.chars().filter(|c| c.is_alphabetic()).count() > 1
    {
        (EntityType::Organization, false)
    } else if org_noun_of_list(words, from).is_some() {
        (EntityType::Organization, true)
    } else if before(1).is_some_and(|b| listed(PLACE_PREPOSITIONS, b)) {
        (EntityType::Location, false)
    } else if after.is_some_and(|a| listed(SPEECH_VERBS, a))
        && n >= 2
        && words[from..to].iter().all(|w| name_part(w.text))
        && given_name(lexicon, words[from].text)
    {
        (EntityType::Person, true)
    } else if before(1) == Some(",")
        && from >= 2
        && out.last().is_some_and(|m| m.kind == EntityType::Location && m.end == words[from - 2].end)
    {
        // "Mobile, Alabama"
        (EntityType::Location, false)
    } else if (2..=4).contains(&n)
        && words[from..to].iter().all(|w| name_part(w.text))
        && name_shaped(words[to - 1].text)
        && (given_name(lexicon, words[from].text) || words[from + 1].text.ends_with('.'))
    {
        (EntityType::Person, false)
    } else {
        (EntityType::Organization, false)
    };
    // "the Cuban Communist Party" = CUB + PTY: a country or nationality opening an
    // organisation's name, and the sector its last word names.
    let actor = match (actor, kind) {
        (None, EntityType::Organization) => terms
            .iter()
            .find(|t| {
                t.from == from && t.to < to && matches!(t.entry, Entry::Country(_) | Entry::Nationality(_))
            })
            .map(|t| format!("{}{}", lexicon.code(t.entry), org_sector(last)))
            .or_else(|| {
                org_noun_of_list(words, from).and_then(|noun| list_actor(words, noun, terms, lexicon))
            }),
        (actor, _) => actor,
    };
    out.push(mention(words, from, to, kind, actor, role, confident));
}

/// A word shaped like a given name or surname: capitalised, then lowercase letters (hyphens,
/// apostrophes and a second capital allowed: "Diaz-Canel", "O'Brien", "McCain").
fn name_shaped(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
        && word.chars().any(char::is_lowercase)
}

/// The CAMEO sector an organisation's last word names ("" when it names none).
fn org_sector(last: &str) -> &'static str {
    match last {
        "party" | "front" | "movement" => "PTY",
        "ministry" | "government" | "council" | "office" | "department" | "agency" | "commission"
        | "authority" | "bureau" | "service" => "GOV",
        "parliament" | "assembly" | "congress" | "senate" => "LEG",
        "court" => "JUD",
        "army" | "navy" | "force" | "forces" | "guard" => "MIL",
        "police" => "COP",
        "university" | "college" | "institute" | "school" | "academy" => "EDU",
        "times" | "post" | "news" | "press" | "journal" | "television" | "tv" | "radio" | "network"
        | "media" => "MED",
        "union" | "federation" | "association" | "league" => "LAB",
        "church" => "REL",
        _ if listed(ORG_ENDS, last) => "BUS",
        _ => "",
    }
}

/// A word of a person's name: name-shaped, or an initial ("H.").
fn name_part(word: &str) -> bool {
    let initial =
        word.len() == 2 && word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.');
    name_shaped(word) || initial
}

/// A given name: in the list of common ones, or the first name of an official of the lexicon.
fn given_name(lexicon: &Lexicon, word: &str) -> bool {
    listed(FIRST_NAMES, word) || lexicon.officials.is_given_name(word)
}

/// A model number: letters and digits in one word ("A380", "737-800", "F-16").
fn model_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(char::is_alphabetic)
}

/// Where the organisation noun stands when the name at word `from` is in a list after
/// "companies such as", "banks including" and the like.
fn org_noun_of_list(words: &[W], from: usize) -> Option<usize> {
    let mut j = from;
    while j >= 2 {
        let w = words[j - 1].lower.as_str();
        if w == "as" && words[j - 2].lower == "such" {
            return (j >= 3 && listed(ORG_NOUNS, words[j - 3].lower.as_str())).then(|| j - 3);
        }
        if w == "including" || w == "like" {
            return listed(ORG_NOUNS, words[j - 2].lower.as_str()).then(|| j - 2);
        }
        if !(words[j - 1].proper || w == "," || w == "and" || w == "or" || capitalised(words[j - 1].text)) {
            return None;
        }
        j -= 1;
    }
    None
}

/// The actor of the organisations a list names: the sector its noun names, with the country
/// or nationality shortly before it ("Russian energy companies such as InterRAO" → RUSBUS), or
/// the sector alone, which the document's country completes (see [`find_entities`]).
fn list_actor(words: &[W], noun: usize, terms: &[Term], lexicon: &Lexicon) -> Option<String> {
    let country = terms.iter().rev().find(|t| {
        t.to <= noun && t.to + 2 >= noun && matches!(t.entry, Entry::Country(_) | Entry::Nationality(_))
    });
    let sector = match org_sector(words[noun].lower.trim_end_matches('s')) {
        "" => "BUS",
        s => s,
    };
    Some(format!("{}{sector}", country.map_or("", |c| lexicon.code(c.entry))))
}

/// Gives default-typed mentions the type of a confident mention of the same name, and makes a
/// surname after a person's full name a person.
fn settle_types(text: &str, mentions: &mut [EntityMention]) {
    let mut known: HashMap<String, (EntityType, Option<String>)> = HashMap::new();
    for m in mentions.iter().filter(|m| m.confident) {
        let name = text[m.start..m.end].to_string();
        known.entry(name.clone()).or_insert((m.kind, m.actor.clone()));
    }
    let mut surnames: HashMap<String, Option<String>> = HashMap::new();
    for m in mentions.iter() {
        let name = &text[m.start..m.end];
        if m.kind == EntityType::Person && name.contains(' ') {
            if let Some(last) = name.rsplit(' ').next() {
                surnames.entry(last.to_string()).or_insert(m.actor.clone());
            }
        }
    }
    for m in mentions.iter_mut() {
        let name = &text[m.start..m.end];
        if !m.confident {
            if let Some((kind, actor)) = known.get(name) {
                m.kind = *kind;
                if m.actor.is_none() {
                    m.actor.clone_from(actor);
                }
                continue;
            }
        }
        if !name.contains(' ') && m.kind != EntityType::Nationality {
            if let Some(actor) = surnames.get(name) {
                if !m.confident || m.kind != EntityType::Person {
                    m.kind = EntityType::Person;
                    if m.actor.is_none() {
                        m.actor.clone_from(actor);
                    }
                }
            }
        }
    }
}

/// Groups a document's mentions into entities: the same name and type, or a later surname of
/// a person. The name of an entity is its longest mention.
pub fn group(text: &str, mentions: Vec<EntityMention>) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_name: HashMap<(String, EntityType), usize> = HashMap::new();
    for m in mentions {
        let full = text.get(m.start..m.end).unwrap_or("");
        let name =
            full.strip_prefix("the ").or_else(|| full.strip_prefix("The ")).unwrap_or(full).to_string();
        let mut found = by_name.get(&(name.clone(), m.kind)).copied();
        if found.is_none() && m.kind == EntityType::Person && !name.contains(' ') {
            found = entities.iter().position(|e| {
                e.kind == EntityType::Person && e.name.rsplit(' ').next() == Some(name.as_str())
            });
        }
        let i = match found {
            Some(i) => i,
            None => {
                entities.push(Entity {
                    name: String::new(),
                    kind: m.kind,
                    actor: None,
                    role: None,
                    mentions: Vec::new(),
                });
                entities.len() - 1
            }
        };
        by_name.insert((name.clone(), m.kind), i);
        let e = &mut entities[i];
        if name.len() > e.name.len() {
            e.name = name;
        }
        // A coded mention with a sector beats a bare country code.
        if m.actor.as_ref().is_some_and(|a| e.actor.as_ref().is_none_or(|b| a.len() > b.len())) {
            e.actor.clone_from(&m.actor);
        }
        if e.role.is_none() {
            e.role.clone_from(&m.role);
        }
        e.mentions.push(m);
    }
    entities
}

/// The entities of an analysed document. `date` (`yyyymmdd`, the document's) picks the term of
/// office of the officials named: without it, their latest term.
pub fn find_entities(
    text: &str,
    sentences: &[Sentence],
    tagger: &Tagger,
    lexicon: &Lexicon,
    date: Option<u32>,
) -> Vec<Entity> {
    let mut entities = group(text, find_mentions(text, sentences, tagger, lexicon));
    for e in &mut entities {
        code_official(e, lexicon, date);
    }
    if let Some(country) = dominant_country(&entities) {
        for e in &mut entities {
            place_in(e, &country);
        }
    }
    entities
}

/// The country a document is about: the country code most mentioned by its locations (at
/// least three mentions), if one leads.
fn dominant_country(entities: &[Entity]) -> Option<String> {
    let places = entities.iter().filter(|e| e.kind == EntityType::Location);
    let codes = places.flat_map(|e| std::iter::repeat_n(e.actor.as_deref(), e.mentions.len()));
    leading_country(codes.flatten(), 3)
}

/// The country code (three letters) that occurs most often among `codes`, at least `min`
/// times and strictly more often than any other.
pub fn leading_country<'a>(codes: impl Iterator<Item = &'a str>, min: usize) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for code in codes.filter(|c| c.len() == 3) {
        *counts.entry(code).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    match ranked.as_slice() {
        [(code, n), rest @ ..] if *n >= min && rest.first().is_none_or(|r| r.1 < *n) => {
            Some(code.to_string())
        }
        _ => None,
    }
}

/// "King Hassan of Morocco": a titled person known only by the sector of their title takes the
/// country named right after them.
fn of_country(text: &str, mentions: &mut [EntityMention]) {
    for k in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(k);
        let (person, place) = (&mut before[k - 1], &after[0]);
        let sector = person.actor.as_deref().filter(|a| is_sector(a));
        let country = place.actor.as_deref().filter(|a| a.len() == 3 && place.kind == EntityType::Location);
        let joined = text.get(person.end..place.start).is_some_and(|between| between == " of ");
        if let (EntityType::Person, Some(sector), Some(country), true) =
            (person.kind, sector, country, joined)
        {
            person.actor = Some(format!("{country}{sector}"));
        }
    }
}

/// Whether an actor code is a sector alone ("GOV"), which says whose it is not.
fn is_sector(code: &str) -> bool {
    dyad_lexicon::SECTORS.contains(&code)
}

/// Gives an entity a code, and its mentions that have none or only a bare country.
fn give_code(e: &mut Entity, code: String) {
    for m in e.mentions.iter_mut().filter(|m| m.actor.as_ref().is_none_or(|a| a.len() == 3)) {
        m.actor = Some(code.clone());
    }
    e.actor = Some(code);
}

/// Places an entity the text leaves without a country in the document's country: an unknown
/// location ("Zariadie Park"), an organisation known only by its sector ("companies such as
/// InterRAO" → BUS).
fn place_in(e: &mut Entity, country: &str) {
    let code = match (&e.actor, e.kind) {
        (None, EntityType::Location) => country.to_string(),
        (Some(sector), EntityType::Organization) if is_sector(sector) => {
            format!("{country}{sector}")
        }
        _ => return,
    };
    give_code(e, code);
}

/// Gives an entity the code of its office at `date` when the officials table knows it (a
/// person by full name or unambiguous surname, anything else by its full name) and the text
/// does not say otherwise: the entity has no code or a bare country code.
fn code_official(e: &mut Entity, lexicon: &Lexicon, date: Option<u32>) {
    let official = match e.kind {
        EntityType::Person => lexicon.officials.at(&e.name, date),
        EntityType::Nationality => None,
        _ => lexicon.officials.named(&e.name, date),
    };
    // A lone surname the entity layer could not type ("Putin offered ...") is the official's.
    let lone_surname = e.actor.is_none() && !e.name.contains(' ') && e.kind != EntityType::Nationality;
    let (official, retype) = match official {
        Some(o) => (o, false),
        None if lone_surname => match lexicon.officials.at(&e.name, date) {
            Some(o) => (o, true),
            None => return,
        },
        None => return out_of_office(e, lexicon),
    };
    if retype {
        e.kind = EntityType::Person;
        for m in &mut e.mentions {
            m.kind = EntityType::Person;
        }
    }
    // The text's own role wins ("the first secretary of the party, Raul Castro" is CUBPTY).
    let fits = |code: &Option<String>| code.as_ref().is_none_or(|c| c.len() == 3);
    if !fits(&e.actor) {
        return;
    }
    e.actor = Some(official.code.clone());
    if e.role.is_none() {
        e.role = Some(official.role.clone());
    }
    for m in e.mentions.iter_mut().filter(|m| fits(&m.actor)) {
        m.actor = Some(official.code.clone());
    }
}

/// A person the officials table knows, but in no term at the document date ("President Bush"
/// in 2000): the person keeps the country of their offices, with the sector their title gives
/// or ELI (a former official). A bare surname counts only with a title ("President Bush").
fn out_of_office(e: &mut Entity, lexicon: &Lexicon) {
    if e.kind != EntityType::Person {
        return;
    }
    let sector = match &e.actor {
        None => "ELI",
        Some(s) if is_sector(s) => s.as_str(),
        Some(_) => return,
    };
    // A bare surname with a title may be the official's; a full name must be theirs.
    let surname_will_do = e.role.is_some() && !e.name.contains(' ');
    let Some(country) = lexicon.officials.country(&e.name, surname_will_do) else { return };
    let code = format!("{country}{sector}");
    give_code(e, code);
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_nlp::analyze::Pipeline;
    use std::sync::OnceLock;

    fn setup() -> &'static (Pipeline, Lexicon) {
        static SETUP: OnceLock<(Pipeline, Lexicon)> = OnceLock::new();
        SETUP.get_or_init(|| (Pipeline::embedded(false).unwrap(), Lexicon::embedded().0))
    }

    fn mentions(text: &str) -> Vec<(String, EntityType, Option<String>)> {
        let (p, l) = setup();
        find_mentions(text, &p.analyze(text), p.tagger(), l)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.kind, m.actor))
            .collect()
    }

    fn get(found: &[(String, EntityType, Option<String>)], name: &str) -> (EntityType, Option<String>) {
        let m = found.iter().find(|m| m.0 == name).unwrap_or_else(|| panic!("{name} not in {found:?}"));
        (m.1, m.2.clone())
    }

    #[test]
    fn cuban_president() {
        let found = mentions("Cuban President Miguel Diaz-Canel arrived in Moscow on Friday.");
        let (kind, actor) = get(&found, "Miguel Diaz-Canel");
        assert_eq!(kind, EntityType::Person);
        assert!(actor.as_deref().is_some_and(|a| a.starts_with("CUB")), "{actor:?}");
        assert_eq!(get(&found, "Cuban").0, EntityType::Nationality);
        assert_eq!(get(&found, "Moscow"), (EntityType::Location, Some("RUS".to_string())));
    }

    #[test]
    fn possessive_country() {
        let found = mentions("He met Russia's Vladimir Putin in the Kremlin.");
        assert_eq!(get(&found, "Vladimir Putin").0, EntityType::Person);
        assert_eq!(get(&found, "Russia").0, EntityType::Location);
    }

    #[test]
    fn igo() {
        let found = mentions("Cuba is a leader of the Non-Aligned Movement.");
        assert_eq!(
            get(&found, "the Non-Aligned Movement"),
            (EntityType::Organization, Some("IGONON".to_string()))
        );
    }

    #[test]
    fn a_nationality_before_a_list_noun_codes_the_listed_organisations() {
        let found = mentions("Russian energy companies such as InterRAO and Sinara signed the deals.");
        for name in ["InterRAO", "Sinara"] {
            assert_eq!(get(&found, name), (EntityType::Organization, Some("RUSBUS".to_string())), "{name}");
        }
        let found = mentions("Energy companies such as InterRAO signed the deals.");
        assert_eq!(get(&found, "InterRAO"), (EntityType::Organization, Some("BUS".to_string())));
    }

    #[test]
    fn a_given_name_and_initials_make_a_person() {
        let found = mentions("The town hall was built by Frederick H. Collier in 1901.");
        assert_eq!(get(&found, "Frederick H. Collier").0, EntityType::Person);
        let found = mentions("Yesterday Vladimir Smirnov opened the exhibition.");
        assert_eq!(get(&found, "Vladimir Smirnov").0, EntityType::Person);
    }

    #[test]
    fn the_document_country_completes_unknown_places_and_sector_only_organisations() {
        let (p, l) = setup();
        let text = "Putin met in Moscow. Moscow hosted talks in Russia. Energy companies such as \
                    InterRAO attended. Diaz-Canel visited Zariadie Park in Moscow.";
        let entities = find_entities(text, &p.analyze(text), p.tagger(), l, None);
        let actor = |name: &str| entities.iter().find(|e| e.name == name).and_then(|e| e.actor.clone());
        assert_eq!(actor("InterRAO").as_deref(), Some("RUSBUS"));
        assert_eq!(actor("Zariadie Park").as_deref(), Some("RUS"));
    }

    #[test]
    fn organisations_and_surnames() {
        let found = mentions(
            "Bank of America and the Ministry of Foreign Affairs met. Energy companies such as InterRAO, Sinara and Zarubezhneft signed deals. John Smith said yes. Smith left.",
        );
        assert_eq!(get(&found, "Bank of America").0, EntityType::Organization);
        assert_eq!(get(&found, "the Ministry of Foreign Affairs").0, EntityType::Organization);
        assert_eq!(get(&found, "Sinara").0, EntityType::Organization);
        assert_eq!(get(&found, "Smith").0, EntityType::Person);
    }

    #[test]
    fn an_official_out_of_office_keeps_the_country_of_the_office() {
        let (p, l) = setup();
        let actor = |text: &str, name: &str| {
            let entities = find_entities(text, &p.analyze(text), p.tagger(), l, Some(20000101));
            entities.into_iter().find(|e| e.name == name).and_then(|e| e.actor)
        };
        let text = "President Bush threatened Russia.";
        assert_eq!(actor(text, "Bush").as_deref(), Some("USAGOV"));
        assert_eq!(actor("Mikhail Gorbachev spoke in Cuba.", "Mikhail Gorbachev").as_deref(), Some("SUNELI"));
    }

    #[test]
    fn an_organisation_before_a_title_owns_the_office() {
        let found = mentions("U.N. Secretary-General Kofi Annan announced the withdrawal.");
        assert_eq!(get(&found, "Kofi Annan"), (EntityType::Person, Some("IGOUNO".to_string())));
    }

    #[test]
    fn grouping() {
        let (p, l) = setup();
        let text = "President Miguel Diaz-Canel spoke. Diaz-Canel then left for Moscow.";
        let entities = find_entities(text, &p.analyze(text), p.tagger(), l, None);
        let person = entities.iter().find(|e| e.kind == EntityType::Person).unwrap();
        assert_eq!(person.name, "Miguel Diaz-Canel");
        assert_eq!(person.mentions.len(), 2);
    }

    #[test]
    fn odd_input() {
        assert!(mentions("").is_empty());
        let _ = mentions("RUSSIA AND CUBA SIGN DEALS IN MOSCOW AS PUTIN MEETS DIAZ-CANEL.");
        let _ = mentions("The Of And & 's 's Of The.");
        let _ = mentions("Bank of");
        let _ = mentions("President");
    }
}
