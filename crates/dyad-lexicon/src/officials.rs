//! Officials with their terms of office (`lexicon/officials.tsv`): a person's name gives the
//! actor code valid at a date, so that Medvedev is RUSGOV in 2019 and Putin RUSGOV since 1999.

use crate::tsv::{rows, Problem};
use std::collections::HashMap;

/// One term of office of one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Official {
    /// The person's names; the first is the usual one.
    pub names: Vec<String>,
    /// The actor code during the term.
    pub code: String,
    /// The office ("president").
    pub role: String,
    /// First day of the term as `yyyymmdd`, `None` = open.
    pub start: Option<u32>,
    /// Last day of the term as `yyyymmdd`, `None` = still in office.
    pub end: Option<u32>,
    /// Where the entry is defined.
    pub line: usize,
}

impl Official {
    /// Whether the term covers the day `date` (`yyyymmdd`).
    pub fn serves_on(&self, date: u32) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

/// The officials table, indexed by full name and by surname.
#[derive(Debug, Clone, Default)]
pub struct Officials {
    terms: Vec<Official>,
    by_name: HashMap<String, Vec<usize>>,
    by_surname: HashMap<String, Vec<usize>>,
    given_names: std::collections::HashSet<String>,
}

impl Officials {
    /// Reads the table from `text` (reported as `file`); bad lines go to `problems`.
    pub fn compile(file: &str, text: &str, problems: &mut Vec<Problem>) -> Self {
        let mut table = Self::default();
        table.extend(file, text, problems);
        table
    }

    /// Adds the terms of another source (an overlay) to the table.
    pub fn extend(&mut self, file: &str, text: &str, problems: &mut Vec<Problem>) {
        let table = self;
        for row in rows(file, text, 3, problems) {
            let report = |message: String| Problem { file: file.to_string(), line: row.line, message };
            let (Some(start), Some(end)) = (day(row.cell(3), false), day(row.cell(4), true)) else {
                problems.push(report(format!(
                    "dates {:?} and {:?} must be YYYY-MM-DD, YYYY-MM, YYYY or -",
                    row.cell(3),
                    row.cell(4)
                )));
                continue;
            };
            if let (Some(s), Some(e)) = (start, end) {
                if s > e {
                    problems.push(report(format!("the term ends ({e}) before it starts ({s})")));
                    continue;
                }
            }
            let names: Vec<String> = row.values(0).into_iter().map(str::to_string).collect();
            let index = table.terms.len();
            for name in &names {
                let key = fold(name);
                table.by_name.entry(key.clone()).or_default().push(index);
                if let Some((_, surname)) = key.rsplit_once(' ') {
                    table.by_surname.entry(surname.to_string()).or_default().push(index);
                    if let Some(given) = key.split(' ').next().filter(|g| g.len() > 1 && !g.ends_with('.')) {
                        table.given_names.insert(given.to_string());
                    }
                }
            }
            let role = row.cell(2).to_string();
            table.terms.push(Official {
                names,
                code: row.cell(1).to_string(),
                role,
                start,
                end,
                line: row.line,
            });
        }
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether `word` is the first name of a person in the table ("Vladimir"), so that an
    /// unknown "Vladimir Smirnov" reads as a person.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(&fold(word))
    }

    /// Every term, in source order.
    pub fn terms(&self) -> &[Official] {
        &self.terms
    }

    /// The term of the person called `name` at `date` (`yyyymmdd`; without a date, the latest
    /// term): by full name first, then by surname alone when every official of that surname
    /// serving then has the same code ("Castro" is CUBGOV whichever Castro it is).
    pub fn at(&self, name: &str, date: Option<u32>) -> Option<&Official> {
        if let Some(found) = self.named(name, date) {
            return Some(found);
        }
        let key = fold(name);
        let surname = key.rsplit(' ').next()?;
        let terms = self.by_surname.get(surname)?;
        let serving: Vec<&Official> = match date {
            Some(d) => terms.iter().map(|i| &self.terms[*i]).filter(|t| t.serves_on(d)).collect(),
            None => terms.iter().map(|i| &self.terms[*i]).collect(),
        };
        let first = serving.first()?;
        serving.iter().all(|t| t.code == first.code).then_some(first)
    }

    /// The country of the person called `name` in any of their terms, when all agree: by full
    /// name, or by surname when `surname_will_do` ("President Bush" in 2000, out of office, is
    /// still American). For mentions that no term serving at the document date explains.
    pub fn country(&self, name: &str, surname_will_do: bool) -> Option<&str> {
        let key = fold(name);
        let terms = self.by_name.get(&key).or_else(|| {
            let surname = key.rsplit(' ').next().filter(|_| surname_will_do)?;
            self.by_surname.get(surname)
        })?;
        let country = |i: &usize| self.terms[*i].code.get(..3);
        let first = country(terms.first()?)?;
        terms.iter().all(|i| country(i) == Some(first)).then_some(first)
    }

    /// The term of the actor called exactly `name` (any of its spellings) at `date`, or its
    /// latest term without a date.
    pub fn named(&self, name: &str, date: Option<u32>) -> Option<&Official> {
        self.by_name.get(&fold(name)).and_then(|terms| self.pick(terms, date))
    }

    /// The term among `terms` serving at `date`, or the latest without a date.
    fn pick(&self, terms: &[usize], date: Option<u32>) -> Option<&Official> {
        let terms = terms.iter().map(|i| &self.terms[*i]);
        match date {
            // A dated term beats an undated default row (imported dictionaries have both).
            Some(d) => terms.filter(|t| t.serves_on(d)).max_by_key(|t| t.start.is_some() || t.end.is_some()),
            None => terms.max_by_key(|t| t.start.unwrap_or(0)),
        }
    }
}

/// A date cell as `yyyymmdd`: `Some(None)` for "-" (open), `None` when it does not parse. A year
/// or month alone means its first day, or its last when `end` is set.
fn day(cell: &str, end: bool) -> Option<Option<u32>> {
    if cell == "-" || cell.is_empty() {
        return Some(None);
    }
    let parts: Vec<&str> = cell.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let year = number(parts.first()?, 4)?;
    let month = match parts.get(1) {
        Some(m) => number(m, 2).filter(|m| (1..=12).contains(m))?,
        None if end => 12,
        None => 1,
    };
    let day = match parts.get(2) {
        Some(d) => number(d, 2).filter(|d| (1..=31).contains(d))?,
        None if end => 31,
        None => 1,
    };
    (parts.len() <= 3).then_some(Some(year * 10_000 + month * 100 + day))
}

/// A name folded for lookup: lowercase, common Latin accents removed, spaces normalised.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ç' | 'ć' | 'č' => 'c',
            'ñ' | 'ń' | 'ň' => 'n',
            'š' | 'ś' | 'ş' | 'ș' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ý' | 'ÿ' => 'y',
            'ğ' => 'g',
            'ł' => 'l',
            'ř' => 'r',
            'ț' | 'ţ' => 't',
            'đ' => 'd',
            '’' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if plain == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(plain);
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# officials\n\
        Vladimir Putin\tRUSGOV\tprime minister\t1999-08-16\t2000-05-07\n\
        Vladimir Putin\tRUSGOV\tpresident\t2000-05-07\t2008-05-07\n\
        Dmitry Medvedev|Dmitri Medvedev\tRUSGOV\tpresident\t2008-05-07\t2012-05-07\n\
        Dmitry Medvedev|Dmitri Medvedev\tRUSGOV\tprime minister\t2012-05-08\t2020-01-16\n\
        Fidel Castro\tCUBGOV\tpresident\t1976\t2008-02-24\n\
        Raúl Castro\tCUBGOV\tpresident\t2008-02-24\t2018-04-19\n\
        John Smith\tGBRGOV\tminister\t2001\t2002\n\
        John Smith\tUSAGOV\tsecretary\t2001\t2002\n\
        Bad Dates\tUSAGOV\tpresident\t2001-13-01\t-\n\
        Backwards\tUSAGOV\tpresident\t2005\t2001\n";

    fn table() -> (Officials, Vec<Problem>) {
        let mut problems = Vec::new();
        (Officials::compile("officials.tsv", TABLE, &mut problems), problems)
    }

    #[test]
    fn a_name_gives_the_code_of_its_term_at_the_date() {
        let (t, problems) = table();
        assert_eq!(problems.iter().map(|p| p.line).collect::<Vec<_>>(), vec![10, 11]);
        assert_eq!(t.at("Dmitri Medvedev", Some(20191031)).map(|o| o.role.as_str()), Some("prime minister"));
        assert_eq!(t.at("Dmitry Medvedev", Some(20100101)).map(|o| o.role.as_str()), Some("president"));
        assert_eq!(t.at("Dmitry Medvedev", Some(20210101)), None);
        assert_eq!(t.at("Dmitry Medvedev", None).map(|o| o.role.as_str()), Some("prime minister"));
    }

    #[test]
    fn a_surname_resolves_only_when_its_officials_agree() {
        let (t, _) = table();
        assert_eq!(t.at("Castro", Some(20100101)).map(|o| o.code.as_str()), Some("CUBGOV"));
        assert_eq!(t.at("Raul Castro", Some(20100101)).map(|o| o.names[0].as_str()), Some("Raúl Castro"));
        assert_eq!(t.at("Smith", Some(20010601)), None);
        assert_eq!(t.at("Putin", Some(20050101)).map(|o| o.code.as_str()), Some("RUSGOV"));
        assert!(t.is_given_name("Vladimir") && t.is_given_name("Raul") && !t.is_given_name("Castro"));
    }

    #[test]
    fn dates_read_years_months_and_open_ends() {
        assert_eq!(day("2019", false), Some(Some(20190101)));
        assert_eq!(day("2019", true), Some(Some(20191231)));
        assert_eq!(day("2019-05", true), Some(Some(20190531)));
        assert_eq!(day("-", true), Some(None));
        assert_eq!(day("19-05-01", false), None);
        assert_eq!(day("2019-05-01-02", false), None);
    }
}
