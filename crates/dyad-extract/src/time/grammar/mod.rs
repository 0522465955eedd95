//! The grammar of temporal expressions: rules over scanned pieces, each returning where its
//! reading ends and the normalised value. At each place the longest reading wins.

use super::calendar::Date;
use super::holidays::Holiday;
use super::interval::{add_duration, duration_between, period, Moment};
use super::scan::{pieces, Piece};
use super::words::{cardinal, frequency, month, month_is_ambiguous, ordinal, season, weekday, Unit};
use super::{Range, Tense, Timex, TimexKind};
use std::cell::RefCell;

mod amounts;
mod clock;
mod dates;
mod range;

/// A reading found by a rule: the piece after its last one, its type and value.
#[derive(Clone)]
struct Reading {
    end: usize,
    kind: TimexKind,
    value: Option<String>,
    /// The first and last points of a range, as TimeML values.
    range: Option<(String, String)>,
}

impl Reading {
    fn new(end: usize, kind: TimexKind, value: Option<String>) -> Option<Self> {
        Some(Self { end, kind, value, range: None })
    }
}

/// Finds the expressions of `text`: at each piece, the longest reading of any rule (the first
/// rule wins among readings of the same length).
pub fn find(text: &str, dct: Option<Date>, tense: Tense) -> Vec<Timex> {
    let pieces = pieces(text);
    find_in(&pieces, dct, tense)
}

fn find_in(pieces: &[Piece], dct: Option<Date>, tense: Tense) -> Vec<Timex> {
    let g = Grammar { p: pieces, dct, tense, longest_at: RefCell::new(vec![None; pieces.len()]) };
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        match g.range(i).or_else(|| g.longest(i)) {
            Some(r) => {
                out.push(Timex {
                    start: pieces[i].start,
                    end: pieces[r.end - 1].end,
                    kind: r.kind,
                    value: r.value,
                    range: r.range.map(|(begin, end)| Range { begin, end }),
                });
                i = r.end;
            }
            None => i += 1,
        }
    }
    out
}

impl Grammar<'_> {
    /// The longest reading of any single-expression rule at `i` (the first rule wins among
    /// readings of the same length), joined with a time of day or day next to it.
    fn longest(&self, i: usize) -> Option<Reading> {
        if i >= self.p.len() {
            return None;
        }
        if let Some(known) = self.longest_at.borrow().get(i).cloned().flatten() {
            return known;
        }
        let found = self.find_longest(i);
        if let Some(slot) = self.longest_at.borrow_mut().get_mut(i) {
            *slot = Some(found.clone());
        }
        found
    }

    /// [`Self::longest`] without the memory.
    fn find_longest(&self, i: usize) -> Option<Reading> {
        let rules: [fn(&Self, usize) -> Option<Reading>; 19] = [
            Self::named_period,
            Self::holiday,
            Self::end_of,
            Self::week_of,
            Self::nth_of,
            Self::set,
            Self::month_date,
            Self::numeric_date,
            Self::relative_day,
            Self::weekday,
            Self::relative_period,
            Self::ago,
            Self::quarter,
            Self::season,
            Self::year,
            Self::time_of_day,
            Self::duration,
            Self::other_duration,
            Self::part_of_day_alone,
        ];
        let mut best: Option<Reading> = None;
        for rule in rules {
            if let Some(r) = rule(self, i) {
                if r.end > i && best.as_ref().is_none_or(|b| r.end > b.end) {
                    best = Some(r);
                }
            }
        }
        best.map(|r| self.join_day_and_clock(i, r))
    }
}

struct Grammar<'a> {
    p: &'a [Piece],
    dct: Option<Date>,
    tense: Tense,
    /// The longest reading at each piece, once found: rules look ahead through one another
    /// ("two days after two days after ..."), which without it takes exponential time.
    longest_at: RefCell<Vec<Option<Option<Reading>>>>,
}

/// Words before a bare month or weekday that make it a date ("in May", not "may go").
const DATE_PREPOSITIONS: [&str; 14] = [
    "in", "on", "since", "until", "till", "by", "from", "during", "early", "late", "mid", "of", "before",
    "after",
];

impl Grammar<'_> {
    /// The lowercase piece at `i`, or "" past the end.
    fn w(&self, i: usize) -> &str {
        self.p.get(i).map_or("", |p| p.lower.as_str())
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    /// Skips a period after an abbreviation ("Nov.").
    fn skip_period(&self, i: usize) -> usize {
        if self.is(i, ".") && self.w(i.wrapping_sub(1)).len() <= 4 {
            i + 1
        } else {
            i
        }
    }

    /// A four-digit year from 1000 to 2999 at `i`.
    fn year_at(&self, i: usize) -> Option<i32> {
        let p = self.p.get(i)?;
        p.is_digits(4).then(|| p.number()).flatten().filter(|y| (1000..=2999).contains(y)).map(|y| y as i32)
    }

    /// A day of the month at `i` (digits or ordinal) and the piece after it.
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let p = self.p.get(i)?;
        // "twenty-first", "thirty first", "twenty nine".
        if let Some(tens) = match self.w(i) {
            "twenty" => Some(20),
            "thirty" => Some(30),
            _ => None,
        } {
            let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
            let unit = ordinal(self.w(k))
                .or_else(|| cardinal(self.w(k)).filter(|_| !matches!(self.w(k), "a" | "an")));
            if let Some(unit) = unit.filter(|u| (1..=9).contains(u) && tens + u <= 31) {
                return Some((tens + unit, k + 1));
            }
        }
        let day = if p.lower.len() <= 2 { p.number() } else { None }.or_else(|| ordinal(&p.lower))?;
        (1..=31).contains(&day).then_some((day, i + 1))
    }

    /// A small number at `i`, in digits or words (also "twenty-one"), and the piece after it.
    fn count_at(&self, i: usize) -> Option<(u32, usize)> {
        let first = cardinal(self.w(i))?;
        if (20..100).contains(&first) && first % 10 == 0 && self.is(i + 1, "-") {
            if let Some(unit) = cardinal(self.w(i + 2)).filter(|u| (1..10).contains(u)) {
                return Some((first + unit, i + 3));
            }
        }
        Some((first, i + 1))
    }

    /// "next year", "last year", "this year" at `i`: the year they name.
    fn anchored_year(&self, i: usize) -> Option<(Option<i32>, usize)> {
        let shift = year_shift(self.w(i))?;
        self.is(i + 1, "year").then(|| (self.dct.map(|d| d.year + shift), i + 2))
    }

    /// The day `month`-`day` without a year, in the tense's direction from the DCT.
    fn resolve_day(&self, month: u32, day: u32) -> Option<String> {
        let Some(dct) = self.dct else {
            return Date::new(2000, month, day).map(|_| format!("XXXX-{month:02}-{day:02}"));
        };
        self.nearest_in_tense(dct, |y| Date::new(y, month, day)).map(|d| d.to_string())
    }

    /// The day that `in_year` gives in the year before, of or after the DCT's, picked in the
    /// tense's direction: the latest up to the DCT in the past, the first from it in the future,
    /// the nearest in the present.
    fn nearest_in_tense(&self, dct: Date, in_year: impl Fn(i32) -> Option<Date>) -> Option<Date> {
        self.pick_in_tense(dct, [dct.year - 1, dct.year, dct.year + 1].into_iter().filter_map(in_year))
    }

    /// Like [`Self::nearest_in_tense`] over the months of the year around the DCT: the day
    /// `in_month` gives in each month, picked in the tense's direction.
    fn nearest_in_tense_months(
        &self,
        dct: Date,
        in_month: impl Fn(i32, u32) -> Option<Date>,
    ) -> Option<Date> {
        let days = (-12..=12).filter_map(|k| dct.add_months(k)).filter_map(|d| in_month(d.year, d.month));
        self.pick_in_tense(dct, days)
    }

    /// Among `days`, the latest up to the DCT in the past, the first from it in the future, the
    /// nearest in the present.
    fn pick_in_tense(&self, dct: Date, days: impl Iterator<Item = Date>) -> Option<Date> {
        match self.tense {
            Tense::Past => days.filter(|d| *d <= dct).max(),
            Tense::Future => days.filter(|d| *d >= dct).min(),
            Tense::Present => days.min_by_key(|d| distance(*d, dct)),
        }
    }

    /// Up to five words from `i`, an apostrophe's "s" joined to its word ("new year's" gives
    /// "new", "years"), each with the piece after it.
    fn words_from(&self, i: usize) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        let mut k = i;
        while out.len() < 5 && k < self.p.len() {
            let w = self.w(k);
            if w == "'" || w == "’" {
                let Some(last) = out.last_mut() else { break };
                if self.is(k + 1, "s") {
                    last.0.push('s');
                    k += 1;
                }
                k += 1;
                last.1 = k;
                continue;
            }
            if !w.chars().all(char::is_alphanumeric) {
                break;
            }
            out.push((w.to_string(), k + 1));
            k += 1;
        }
        out
    }

    /// The month `month` without a year, in the tense's direction from the DCT.
    fn resolve_month(&self, month: u32) -> String {
        let Some(dct) = self.dct else { return format!("XXXX-{month:02}") };
        let year = match self.tense {
            Tense::Past if month > dct.month => dct.year - 1,
            Tense::Future if month < dct.month => dct.year + 1,
            _ => dct.year,
        };
        format!("{year:04}-{month:02}")
    }
}

/// The day `n` days, weeks, months or years after `from` (before it when `n` is negative).
fn shift_day(from: Date, unit: Unit, n: i64) -> Option<Date> {
    match unit {
        Unit::Day => from.add_days(n),
        Unit::Week => from.add_days(7 * n),
        Unit::Month => from.add_months(n),
        Unit::Year => from.add_months(12 * n),
        _ => None,
    }
}

/// The day (`YYYY-MM-DD`) a date or time value falls on.
fn day_of(value: Option<&str>) -> Option<&str> {
    let day = value?.get(..10)?;
    (Date::parse(day).is_ok() && value?.len() >= 10).then_some(day)
}

/// Whether a value is a time of day on a day: `2019-10-31T15:00`.
fn is_clock(value: &str) -> bool {
    value.len() > 11 && value.as_bytes()[10] == b'T' && value.as_bytes()[11].is_ascii_digit()
}

/// The year "this", "last" and "next" point to, relative to the DCT's.
fn year_shift(word: &str) -> Option<i32> {
    match word {
        "this" => Some(0),
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    }
}

/// Whether a value ends in a part of the day whose hours are after noon (`TAF`, `TEV`,
/// `TNI`): "7 in the evening", "between 7 and 9 last night".
fn is_later_part(value: &str) -> bool {
    value.ends_with("TAF") || value.ends_with("TEV") || value.ends_with("TNI")
}

/// The TimeML name of a part of the day.
fn part_of_day(word: &str) -> Option<&'static str> {
    match word {
        "morning" => Some("MO"),
        "afternoon" => Some("AF"),
        "evening" => Some("EV"),
        "night" => Some("NI"),
        _ => None,
    }
}

fn is_unit_or_count(word: &str) -> bool {
    Unit::of(word).is_some() || cardinal(word).is_some() || matches!(word, "several" | "few")
}

/// Days between two dates.
fn distance(a: Date, b: Date) -> i64 {
    (0..=800i64).find(|n| a.add_days(*n) == Some(b) || b.add_days(*n) == Some(a)).unwrap_or(i64::MAX)
}

/// The calendar period `shift` units from the DCT's: "2019-W43", "2019-10", "2019-Q4", "2019",
/// "201" (the 2010s), "20" (the 2000s century).
fn calendar_period(dct: Date, unit: Unit, shift: i64) -> Option<String> {
    match unit {
        Unit::Day => dct.add_days(shift).map(|d| d.to_string()),
        Unit::Week => dct.add_days(7 * shift).map(|d| {
            let (y, w) = d.iso_week();
            format!("{y:04}-W{w:02}")
        }),
        Unit::Month => dct.add_months(shift).map(|d| format!("{:04}-{:02}", d.year, d.month)),
        Unit::Quarter => {
            dct.add_months(3 * shift).map(|d| format!("{:04}-Q{}", d.year, (d.month - 1) / 3 + 1))
        }
        Unit::Year => dct.add_months(12 * shift).map(|d| format!("{:04}", d.year)),
        Unit::Decade => Some(format!("{:03}", (i64::from(dct.year) / 10 + shift).max(0))),
        Unit::Century => Some(format!("{:02}", (i64::from(dct.year) / 100 + shift).max(0))),
        _ => None,
    }
}
