//! The knowledge of dyad: countries and their names, adjectives and capitals, regions,
//! international organisations, metonyms (Kremlin → RUSGOV), named non-state groups (Hezbollah
//! → LBNREB), agent nouns (finance minister →
//! GOV), places with coordinates, officials with their terms of office ([`officials`]) and,
//! apart, the event lexicon: CAMEO codes, event patterns and modality cues ([`events`]).
//!
//! The sources are TSV files under `lexicon/`, one entry a line, reviewed like code
//! ([`tsv`]); they are compiled into one [`matcher::Matcher`] over the words of a text, which
//! finds every term in one pass. [`Lexicon::check`] validates the sources: duplicates, codes
//! that point nowhere, terms that denote two different actors. [`petrarch`] reads PETRARCH-2 /
//! Phoenix dictionaries into the same formats, as an overlay.

pub mod events;
pub mod matcher;
pub mod officials;
pub mod petrarch;
pub mod spelling;
pub mod tables;
pub mod tsv;

use matcher::{words, Matcher, Word};
use officials::Officials;
use spelling::Misspellings;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
pub use tables::{Coded, Country, Entry, Named, Place, Sources, FILES, SECTORS};
pub use tsv::Problem;

/// A compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Countries and territories.
    pub countries: Vec<Country>,
    /// Regions and continents.
    pub regions: Vec<Named>,
    /// International organisations.
    pub igos: Vec<Named>,
    /// Metonyms and their actor codes.
    pub metonyms: Vec<Coded>,
    /// Named non-state groups and their actor codes.
    pub groups: Vec<Coded>,
    /// Agent nouns and their sectors.
    pub agents: Vec<Coded>,
    /// Populated places.
    pub places: Vec<Place>,
    /// Officials with their terms of office.
    pub officials: Officials,
    terms: Matcher<Entry>,
    /// Country names and nationalities by their one-letter misspellings.
    misspellings: Misspellings,
    /// Every term that denotes an actor (all but place names), for the checks.
    actor_terms: Vec<(String, Entry)>,
    /// The file names problems are reported under, in the order of [`FILES`].
    names: [String; 8],
}

/// A term found in a text: its byte span and every entry it denotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention<'l> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the term denotes.
    pub entries: &'l [Entry],
}

impl Lexicon {
    /// Compiles the sources; lines that cannot be read are returned as problems, the rest loads.
    /// `names` are the file names problems are reported under.
    pub fn compile(sources: Sources<'_>, names: [String; 8]) -> (Self, Vec<Problem>) {
        let mut problems = Vec::new();
        let countries = tables::countries(sources.countries, &mut problems);
        let regions = tables::named(FILES[1], sources.regions, Entry::Region, &mut problems);
        let igos = tables::named(FILES[2], sources.igos, Entry::Igo, &mut problems);
        let metonyms = tables::coded(FILES[3], sources.metonyms, Entry::Metonym, &mut problems);
        let agents = tables::coded(FILES[4], sources.agents, Entry::Agent, &mut problems);
        let places = tables::places(sources.places, &mut problems);
        let officials = Officials::compile(FILES[6], sources.officials, &mut problems);
        let groups = tables::coded(FILES[7], sources.groups, Entry::Group, &mut problems);
        let mut terms = Matcher::default();
        let actors =
            [&countries.terms, &regions.terms, &igos.terms, &metonyms.terms, &groups.terms, &agents.terms];
        let actor_terms: Vec<(String, Entry)> = actors.into_iter().flatten().cloned().collect();
        for (term, entry) in actor_terms.iter().chain(&places.terms) {
            terms.insert(term, *entry);
        }
        let misspellings = Misspellings::new(&countries.terms);
        for p in &mut problems {
            if let Some(i) = FILES.iter().position(|f| *f == p.file) {
                p.file = names[i].clone();
            }
        }
        let lexicon = Self {
            countries: countries.items,
            regions: regions.items,
            igos: igos.items,
            metonyms: metonyms.items,
            groups: groups.items,
            agents: agents.items,
            places: places.items,
            officials,
            terms,
            misspellings,
            actor_terms,
            names,
        };
        (lexicon, problems)
    }

    /// Reads and compiles the sources in `dir`; a missing or unreadable file is an error naming
    /// it, except `groups.tsv`, which may be absent.
    pub fn from_dir(dir: &Path) -> std::io::Result<(Self, Vec<Problem>)> {
        let read = |f: &str| {
            let path = dir.join(f);
            std::fs::read_to_string(&path)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        };
        let texts = [
            read(FILES[0])?,
            read(FILES[1])?,
            read(FILES[2])?,
            read(FILES[3])?,
            read(FILES[4])?,
            read(FILES[5])?,
            read(FILES[6])?,
            // Named groups came later than the other sources: a folder without them has none.
            if dir.join(FILES[7]).exists() { read(FILES[7])? } else { String::new() },
        ];
        let sources = Sources {
            countries: &texts[0],
            regions: &texts[1],
            igos: &texts[2],
            metonyms: &texts[3],
            agents: &texts[4],
            places: &texts[5],
            officials: &texts[6],
            groups: &texts[7],
        };
        Ok(Self::compile(sources, FILES.map(|f| dir.join(f).display().to_string())))
    }

    /// The lexicon compiled into the binary from the project's `lexicon/*.tsv`, so that no
    /// file is needed at run time; problems in the sources are returned as by [`Self::compile`].
    pub fn embedded() -> (Self, Vec<Problem>) {
        let sources = Sources {
            countries: include_str!("../../../lexicon/countries.tsv"),
            regions: include_str!("../../../lexicon/regions.tsv"),
            igos: include_str!("../../../lexicon/igos.tsv"),
            metonyms: include_str!("../../../lexicon/metonyms.tsv"),
            agents: include_str!("../../../lexicon/agents.tsv"),
            places: include_str!("../../../lexicon/places.tsv"),
            officials: include_str!("../../../lexicon/officials.tsv"),
            groups: include_str!("../../../lexicon/groups.tsv"),
        };
        Self::compile(sources, FILES.map(|f| format!("lexicon/{f}")))
    }

    /// Adds the sources of an overlay folder on top of this lexicon: whichever of
    /// `agents.tsv`, `metonyms.tsv`, `groups.tsv` and `officials.tsv` it holds (as `dyad lexicon
    /// import-petrarch` writes them, or written by hand). Lines that cannot be read are returned
    /// as problems naming the overlay file; the other files of a full lexicon are not overlays
    /// and are reported if present.
    pub fn add_overlay(&mut self, dir: &Path) -> std::io::Result<Vec<Problem>> {
        let mut problems = Vec::new();
        for file in FILES {
            let path = dir.join(file);
            if !path.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            let name = path.display().to_string();
            match file {
                "agents.tsv" | "metonyms.tsv" | "groups.tsv" => {
                    let (entry, table): (fn(u32) -> Entry, &mut Vec<Coded>) = match file {
                        "agents.tsv" => (Entry::Agent, &mut self.agents),
                        "groups.tsv" => (Entry::Group, &mut self.groups),
                        _ => (Entry::Metonym, &mut self.metonyms),
                    };
                    let offset = table.len() as u32;
                    let shifted = move |i: u32| entry(i + offset);
                    let parsed = tables::coded(&name, &text, shifted, &mut problems);
                    table.extend(parsed.items);
                    for (term, entry) in parsed.terms {
                        self.terms.insert(&term, entry);
                        self.actor_terms.push((term, entry));
                    }
                }
                "officials.tsv" => self.officials.extend(&name, &text, &mut problems),
                _ => problems.push(Problem {
                    file: name,
                    line: 0,
                    message:
                        "an overlay may hold agents.tsv, metonyms.tsv, groups.tsv and officials.tsv; this file is ignored"
                            .to_string(),
                }),
            }
        }
        Ok(problems)
    }

    /// Number of distinct terms the matcher knows.
    pub fn terms(&self) -> usize {
        self.terms.terms()
    }

    /// The entries of exactly `term`.
    pub fn lookup(&self, term: &str) -> &[Entry] {
        self.terms.get(term)
    }

    /// The country a word that matches no term misspells by one letter, if it
    /// can only be one ("Ethopia", "Afganistan"); see [`spelling`].
    pub fn misspelt(&self, word: &str) -> Option<Entry> {
        self.misspellings.lookup(word)
    }

    /// Every term of `text`, left to right, longest first, none overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention<'_>> {
        let words: Vec<Word> = words(text);
        self.terms
            .find(&words)
            .into_iter()
            .map(|m| Mention { start: words[m.start].start, end: words[m.end - 1].end, entries: m.entries })
            .collect()
    }

    /// The actor code an entry stands for (a country's code for its names, adjectives and
    /// capital; the sector for an agent noun; the country for a place).
    pub fn code(&self, entry: Entry) -> &str {
        let at = |i: u32| i as usize;
        match entry {
            Entry::Country(i) | Entry::Nationality(i) | Entry::Capital(i) => &self.countries[at(i)].code,
            Entry::Metonym(i) => &self.metonyms[at(i)].code,
            Entry::Group(i) => &self.groups[at(i)].code,
            Entry::Igo(i) => &self.igos[at(i)].code,
            Entry::Region(i) => &self.regions[at(i)].code,
            Entry::Agent(i) => &self.agents[at(i)].code,
            Entry::Place(i) => &self.places[at(i)].country,
        }
    }

    /// Where an entry is defined: its file and line.
    fn origin(&self, entry: Entry) -> (&str, usize) {
        let at = |i: u32| i as usize;
        let (file, line) = match entry {
            Entry::Country(i) | Entry::Nationality(i) | Entry::Capital(i) => (0, self.countries[at(i)].line),
            Entry::Region(i) => (1, self.regions[at(i)].line),
            Entry::Igo(i) => (2, self.igos[at(i)].line),
            Entry::Metonym(i) => (3, self.metonyms[at(i)].line),
            Entry::Agent(i) => (4, self.agents[at(i)].line),
            Entry::Place(i) => (5, self.places[at(i)].line),
            Entry::Group(i) => (7, self.groups[at(i)].line),
        };
        (&self.names[file], line)
    }

    /// Validates the compiled sources: duplicate codes and terms, codes that point nowhere
    /// (a region, country or sector that does not exist), and terms that denote two different
    /// actors. Places may share names (the matcher ranks them by context and population).
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut report = |file: &str, line: usize, message: String| {
            problems.push(Problem { file: file.to_string(), line, message });
        };
        let countries: HashSet<&str> = self.countries.iter().map(|c| c.code.as_str()).collect();
        let regions: HashSet<&str> = self.regions.iter().map(|r| r.code.as_str()).collect();
        let name = |i: usize| self.names[i].as_str();
        duplicates(
            self.countries.iter().map(|c| (c.code.clone(), c.line)),
            name(0),
            "country code",
            &mut report,
        );
        duplicates(
            self.regions.iter().map(|r| (r.code.clone(), r.line)),
            name(1),
            "region code",
            &mut report,
        );
        duplicates(
            self.igos.iter().map(|o| (o.code.clone(), o.line)),
            name(2),
            "organisation code",
            &mut report,
        );
        let norm = |t: &str| matcher::term_words(t).into_iter().map(|w| w.norm).collect::<Vec<_>>().join(" ");
        duplicates(self.metonyms.iter().map(|m| (norm(&m.term), m.line)), name(3), "metonym", &mut report);
        duplicates(self.agents.iter().map(|a| (norm(&a.term), a.line)), name(4), "agent term", &mut report);
        duplicates(self.groups.iter().map(|g| (norm(&g.term), g.line)), name(7), "group", &mut report);
        for c in &self.countries {
            if !regions.contains(c.region.as_str()) {
                report(name(0), c.line, format!("{}: region {:?} is not in {}", c.code, c.region, name(1)));
            }
        }
        for r in &self.regions {
            if !tables::is_country_code(&r.code) {
                report(name(1), r.line, format!("region code {:?} is not three capital letters", r.code));
            }
        }
        for o in &self.igos {
            let well_formed = (o.code.starts_with("IGO") || o.code.starts_with("NGO"))
                && o.code.len() >= 6
                && o.code.bytes().all(|b| b.is_ascii_uppercase());
            if !well_formed {
                report(
                    name(2),
                    o.line,
                    format!("organisation code {:?} is not IGO… or NGO… in capitals", o.code),
                );
            }
        }
        for m in &self.metonyms {
            let (country, sector) = m.code.split_at(m.code.len().min(3));
            if !countries.contains(country) || !SECTORS.contains(&sector) {
                report(
                    name(3),
                    m.line,
                    format!("{:?}: actor code {:?} is not a known country and sector", m.term, m.code),
                );
            }
        }
        for g in &self.groups {
            // IMG: a group with no single home country (al-Qaeda).
            let (home, sector) = g.code.split_at(g.code.len().min(3));
            if !(countries.contains(home) || home == "IMG") || !SECTORS.contains(&sector) {
                report(
                    name(7),
                    g.line,
                    format!(
                        "{:?}: actor code {:?} is not a known country (or IMG) and sector",
                        g.term, g.code
                    ),
                );
            }
        }
        let igos: HashSet<&str> = self.igos.iter().map(|o| o.code.as_str()).collect();
        for o in self.officials.terms() {
            let (country, sector) = o.code.split_at(o.code.len().min(3));
            let known = igos.contains(o.code.as_str())
                || (countries.contains(country) && (sector.is_empty() || SECTORS.contains(&sector)));
            if !known {
                let who = o.names.first().map_or("", String::as_str);
                report(name(6), o.line, format!("{who:?}: actor code {:?} is not a known actor", o.code));
            }
        }
        for a in &self.agents {
            if !SECTORS.contains(&a.code.as_str()) {
                report(
                    name(4),
                    a.line,
                    format!("{:?}: sector {:?} is not a CAMEO sector code", a.term, a.code),
                );
            }
        }
        for p in &self.places {
            if !countries.contains(p.country.as_str()) {
                report(name(5), p.line, format!("{}: country {:?} is not in {}", p.name, p.country, name(0)));
            }
        }
        for (term, entries) in self.terms_by_actor() {
            let codes: Vec<&str> = entries.iter().map(|e| self.code(*e)).collect();
            if codes.iter().any(|c| *c != codes[0]) {
                let (file, line) = self.origin(entries[entries.len() - 1]);
                let (first_file, first_line) = self.origin(entries[0]);
                report(
                    file,
                    line,
                    format!(
                        "{term:?} denotes both {} ({first_file}:{first_line}) and {}",
                        codes[0],
                        codes[codes.len() - 1]
                    ),
                );
            }
        }
        problems
    }

    /// Each term that denotes actors (everything but places) with more than one entry.
    fn terms_by_actor(&self) -> BTreeMap<String, Vec<Entry>> {
        let mut out: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        for (term, entry) in &self.actor_terms {
            let key = matcher::term_words(term).into_iter().map(|w| w.norm).collect::<Vec<_>>().join(" ");
            let entries = out.entry(key).or_default();
            if !entries.contains(entry) {
                entries.push(*entry);
            }
        }
        out.retain(|_, e| e.len() > 1);
        out
    }
}

/// Reports the keys that occur twice, at the later line.
fn duplicates(
    keys: impl Iterator<Item = (String, usize)>,
    file: &str,
    what: &str,
    report: &mut impl FnMut(&str, usize, String),
) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (key, line) in keys {
        if let Some(first) = seen.get(&key) {
            report(file, line, format!("duplicate {what} {key:?} (first at line {first})"));
        } else {
            seen.insert(key, line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: Sources<'static> = Sources {
        countries: "# code\tname\taliases\tadjectives\tcapital\tregion\n\
RUS\tRussia\tRussian Federation|the Russian Federation\tRussian|Russians\tMoscow\tEUR\n\
CUB\tCuba\t\tCuban|Cubans\tHavana\tLAM\n\
COD\tDR Congo\tCongo\tCongolese\tKinshasa\tAFR\n\
COG\tRepublic of the Congo\tCongo-Brazzaville\tCongolese\tBrazzaville\tAFR\n\
usa\tbad code\n\
XYZ\tNowhere\t\t\t\tMARS\n",
        regions: "EUR\tEurope\tEuropean\nLAM\tLatin America\tLatin American\nAFR\tAfrica\nLAM\tLatin America again\n",
        igos: "IGOUNO\tUnited Nations\tUN|U.N.\nUN\tbad\n",
        metonyms: "Kremlin\tRUSGOV\nWhite House\tUSAGOV\nkremlin\tRUSGOV\n",
        agents: "finance minister|deputy finance minister\tGOV\ntroops\tMIL\nwizards\tMAG\n",
        places: "Moscow\tRUS\t48\t55.7522\t37.6156\t10381222\t1\tMoskva\t524901\n\
Havana\tCUB\t02\t23.1330\t-82.3830\t2163824\t1\tLa Habana\t3553478\n\
Atlantis\tATL\t00\t95.0\t0.0\t1\t0\n",
        officials: "Vladimir Putin\tRUSGOV\tpresident\t2012-05-07\t-\nNobody\tXXXGOV\tpresident\t2001\t2002\n",
        groups: "Red Brigade|Red Brigades\tRUSREB\nal-Qaeda\tIMGREB\nWizard Front\tCUBWIZ\n",
    };

    fn lexicon() -> (Lexicon, Vec<Problem>) {
        Lexicon::compile(SOURCES, FILES.map(str::to_string))
    }

    #[test]
    fn compiles_terms_and_finds_them_with_their_codes() {
        let (lex, problems) = lexicon();
        let text = "The Kremlin said Russian Deputy Finance Minister Sergei Storchak flew to La Habana \
                    to discuss the Red Brigades.";
        // Codes once each: "Kremlin" is defined twice (a duplicate `check` reports).
        let found: Vec<(&str, Vec<&str>)> = lex
            .find(text)
            .iter()
            .map(|m| {
                let mut codes: Vec<&str> = m.entries.iter().map(|e| lex.code(*e)).collect();
                codes.dedup();
                (&text[m.start..m.end], codes)
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Kremlin", vec!["RUSGOV"]),
                ("Russian", vec!["RUS"]),
                ("Deputy Finance Minister", vec!["GOV"]),
                ("La Habana", vec!["CUB"]),
                ("Red Brigades", vec!["RUSREB"]),
            ]
        );
        assert_eq!(lex.lookup("Moscow"), [Entry::Capital(0), Entry::Place(0)]);
        let lines: Vec<(String, usize)> = problems.iter().map(|p| (p.file.clone(), p.line)).collect();
        assert_eq!(lines, [("countries.tsv".to_string(), 6), ("places.tsv".to_string(), 3)]);
    }

    #[test]
    fn check_names_duplicates_bad_codes_and_ambiguous_terms() {
        let (lex, _) = lexicon();
        let problems: Vec<String> = lex.check().iter().map(ToString::to_string).collect();
        let expect = [
            "regions.tsv:4: duplicate region code \"LAM\"",
            "metonyms.tsv:3: duplicate metonym \"kremlin\"",
            "countries.tsv:7: XYZ: region \"MARS\"",
            "igos.tsv:2: organisation code \"UN\"",
            "metonyms.tsv:2: \"White House\": actor code \"USAGOV\"",
            "agents.tsv:3: \"wizards\": sector \"MAG\"",
            "officials.tsv:2: \"Nobody\": actor code \"XXXGOV\"",
            "groups.tsv:3: \"Wizard Front\": actor code \"CUBWIZ\"",
            "countries.tsv:5: \"congolese\" denotes both COD (countries.tsv:4) and COG",
        ];
        for e in expect {
            assert!(problems.iter().any(|p| p.starts_with(e)), "{e} not in {problems:#?}");
        }
        assert_eq!(problems.len(), expect.len(), "{problems:#?}");
    }
}
