//! The lexicon's tables, read from their TSV sources, and the entries their terms denote.

use crate::tsv::{rows, Problem, Row};

/// The CAMEO actor type (sector) codes dyad knows, with the party (PTY) and religion (REL)
/// codes of the Phoenix dictionaries.
pub const SECTORS: [&str; 41] = [
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV",
    "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "AMN", "IRC", "GRP", "UNO",
    "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET", "REL", "PTY",
];

/// A country or territory.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166 alpha-3 code, also the CAMEO country code.
    pub code: String,
    /// The usual English short name.
    pub name: String,
    /// Capital city names (the first is the usual one).
    pub capitals: Vec<String>,
    /// The region code the country belongs to.
    pub region: String,
    /// Where the entry is defined.
    pub line: usize,
}

/// An organisation or a region: a code and a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// The actor code (`IGOUNO`, `LAM`).
    pub code: String,
    /// The usual name.
    pub name: String,
    /// Where the entry is defined.
    pub line: usize,
}

/// A term that stands for an actor: a metonym ("Kremlin" → RUSGOV) or an agent noun
/// ("finance minister" → GOV).
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    /// The term as written in the source.
    pub term: String,
    /// The actor code (metonyms) or sector code (agents).
    pub code: String,
    /// Where the entry is defined.
    pub line: usize,
}

/// A populated place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The place's name.
    pub name: String,
    /// ISO 3166 alpha-3 code of its country.
    pub country: String,
    /// First-level administrative division, as GeoNames gives it.
    pub admin1: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population.
    pub population: u64,
    /// Whether it is its country's capital.
    pub capital: bool,
    /// Where the entry is defined.
    pub line: usize,
}

/// What a term denotes: an index into one of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    /// A country by name or alias.
    Country(u32),
    /// A country's adjective or demonym ("Russian", "Cubans").
    Nationality(u32),
    /// A country's capital, which as an agent stands for its government.
    Capital(u32),
    /// A metonym ("Kremlin").
    Metonym(u32),
    /// An international organisation.
    Igo(u32),
    /// A region or continent.
    Region(u32),
    /// An agent noun.
    Agent(u32),
    /// A populated place.
    Place(u32),
    /// A named non-state group ("Hezbollah").
    Group(u32),
}

/// The source texts of a lexicon, by file.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// `countries.tsv`: code, name, aliases, adjectives, capital, region.
    pub countries: &'a str,
    /// `regions.tsv`: code, name, aliases.
    pub regions: &'a str,
    /// `igos.tsv`: code, name, aliases.
    pub igos: &'a str,
    /// `metonyms.tsv`: term(s), actor code.
    pub metonyms: &'a str,
    /// `agents.tsv`: term(s), sector.
    pub agents: &'a str,
    /// `places.tsv`: name, country, admin1, lat, lon, population, capital, aliases, geonameid.
    pub places: &'a str,
    /// `officials.tsv`: name(s), actor code, role, start, end.
    pub officials: &'a str,
    /// `groups.tsv`: term(s), actor code.
    pub groups: &'a str,
}

/// The file names of the sources, in the order of [`Sources`]' fields.
pub const FILES: [&str; 8] = [
    "countries.tsv",
    "regions.tsv",
    "igos.tsv",
    "metonyms.tsv",
    "agents.tsv",
    "places.tsv",
    "officials.tsv",
    "groups.tsv",
];

/// A table's rows with the terms each defines.
pub(crate) struct Parsed<T> {
    pub items: Vec<T>,
    pub terms: Vec<(String, Entry)>,
}

fn problem(file: &str, line: usize, message: String) -> Problem {
    Problem { file: file.to_string(), line, message }
}

/// Reads `countries.tsv`.
pub(crate) fn countries(text: &str, problems: &mut Vec<Problem>) -> Parsed<Country> {
    let file = FILES[0];
    let mut parsed = Parsed { items: Vec::new(), terms: Vec::new() };
    for row in rows(file, text, 2, problems) {
        let code = row.cell(0);
        if !is_country_code(code) {
            problems.push(problem(
                file,
                row.line,
                format!("country code {code:?} is not three capital letters"),
            ));
            continue;
        }
        let index = parsed.items.len() as u32;
        let names = std::iter::once(row.cell(1)).chain(row.values(2));
        parsed.terms.extend(names.map(|n| (n.to_string(), Entry::Country(index))));
        parsed.terms.extend(row.values(3).into_iter().map(|a| (a.to_string(), Entry::Nationality(index))));
        let capitals: Vec<String> = row.values(4).into_iter().map(str::to_string).collect();
        parsed.terms.extend(capitals.iter().map(|c| (c.clone(), Entry::Capital(index))));
        parsed.items.push(Country {
            code: code.to_string(),
            name: row.cell(1).to_string(),
            capitals,
            region: row.cell(5).to_string(),
            line: row.line,
        });
    }
    parsed
}

/// Reads a code–name–aliases table (`regions.tsv`, `igos.tsv`).
pub(crate) fn named(
    file: &str,
    text: &str,
    entry: fn(u32) -> Entry,
    problems: &mut Vec<Problem>,
) -> Parsed<Named> {
    let mut parsed = Parsed { items: Vec::new(), terms: Vec::new() };
    for row in rows(file, text, 2, problems) {
        let index = parsed.items.len() as u32;
        let names = std::iter::once(row.cell(1)).chain(row.values(2));
        parsed.terms.extend(names.map(|n| (n.to_string(), entry(index))));
        parsed.items.push(Named {
            code: row.cell(0).to_string(),
            name: row.cell(1).to_string(),
            line: row.line,
        });
    }
    parsed
}

/// Reads a term–code table (`metonyms.tsv`, `agents.tsv`); a cell of `|`-separated terms gives
/// one entry per term.
pub(crate) fn coded(
    file: &str,
    text: &str,
    entry: impl Fn(u32) -> Entry,
    problems: &mut Vec<Problem>,
) -> Parsed<Coded> {
    let mut parsed = Parsed { items: Vec::new(), terms: Vec::new() };
    for row in rows(file, text, 2, problems) {
        for term in row.values(0) {
            let index = parsed.items.len() as u32;
            parsed.terms.push((term.to_string(), entry(index)));
            parsed.items.push(Coded {
                term: term.to_string(),
                code: row.cell(1).to_string(),
                line: row.line,
            });
        }
    }
    parsed
}

/// Reads `places.tsv`.
pub(crate) fn places(text: &str, problems: &mut Vec<Problem>) -> Parsed<Place> {
    let file = FILES[5];
    let mut parsed = Parsed { items: Vec::new(), terms: Vec::new() };
    for row in rows(file, text, 2, problems) {
        match place(&row) {
            Ok(place) => {
                let index = parsed.items.len() as u32;
                let names = std::iter::once(row.cell(0)).chain(row.values(7));
                parsed.terms.extend(names.map(|n| (n.to_string(), Entry::Place(index))));
                parsed.items.push(place);
            }
            Err(message) => problems.push(problem(file, row.line, message)),
        }
    }
    parsed
}

fn place(row: &Row<'_>) -> Result<Place, String> {
    if row.cells.len() < 7 {
        return Err(format!("expected at least 7 tab-separated cells, found {}", row.cells.len()));
    }
    let number = |i: usize, what: &str| -> Result<f64, String> {
        row.cell(i)
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("{what} {:?} is not a number", row.cell(i)))
    };
    let (lat, lon) = (number(3, "latitude")?, number(4, "longitude")?);
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("coordinates {lat}, {lon} out of range"));
    }
    let population =
        row.cell(5).parse::<u64>().map_err(|_| format!("population {:?} is not a count", row.cell(5)))?;
    let capital = match row.cell(6) {
        "1" => true,
        "0" => false,
        other => return Err(format!("capital flag {other:?} is not 0 or 1")),
    };
    Ok(Place {
        name: row.cell(0).to_string(),
        country: row.cell(1).to_string(),
        admin1: row.cell(2).to_string(),
        lat,
        lon,
        population,
        capital,
        line: row.line,
    })
}

/// Whether `code` looks like an ISO 3166 alpha-3 code.
pub fn is_country_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}
