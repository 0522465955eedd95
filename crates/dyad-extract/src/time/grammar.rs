//! The grammar of temporal expressions: rules over scanned pieces, each returning where its
//! reading ends and the normalised value. At each place the longest reading wins.

use super::calendar::Date;
use super::holidays::Holiday;
use super::interval::{add_duration, duration_between, period, Moment};
use super::scan::{pieces, Piece};
use super::words::{cardinal, frequency, month, month_is_ambiguous, ordinal, season, weekday, Unit};
use super::{Range, Tense, Timex, TimexKind};
use std::cell::RefCell;

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

    /// A year in words at `i` ("nineteen eighty six", "nineteen hundred ninety three", "two
    /// thousand and fifteen"; "two thousand" alone only `after_date`), and the piece after it.
    fn spelled_year(&self, i: usize, after_date: bool) -> Option<(i32, usize)> {
        let number_word = |k: usize| {
            let w = self.w(k);
            cardinal(w).filter(|_| w.bytes().all(|b| b.is_ascii_lowercase()) && !matches!(w, "a" | "an"))
        };
        // Tens and units: "eighty six", "ninety", "seventy-two", "thirteen".
        let below_hundred = |k: usize| -> Option<(u32, usize)> {
            let tens = number_word(k).filter(|n| (10..100).contains(n))?;
            let k2 = if self.is(k + 1, "-") { k + 2 } else { k + 1 };
            match number_word(k2).filter(|u| (1..10).contains(u) && tens % 10 == 0 && tens >= 20) {
                Some(unit) => Some((tens + unit, k2 + 1)),
                None => Some((tens, k + 1)),
            }
        };
        if self.is(i, "two") && self.is(i + 1, "thousand") {
            let k = if self.is(i + 2, "and") { i + 3 } else { i + 2 };
            let rest = below_hundred(k)
                .or_else(|| number_word(k).filter(|n| (1..10).contains(n)).map(|n| (n, k + 1)));
            return match rest {
                Some((n, end)) => Some((2000 + n as i32, end)),
                None if after_date => Some((2000, i + 2)),
                None => None,
            };
        }
        let century = number_word(i).filter(|n| (10..=20).contains(n))?;
        let k = if self.is(i + 1, "hundred") { i + 2 } else { i + 1 };
        let (n, end) = below_hundred(k)?;
        Some((century as i32 * 100 + n as i32, end))
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
        let candidates = [dct.year - 1, dct.year, dct.year + 1].map(in_year);
        let days = candidates.iter().flatten().copied();
        match self.tense {
            Tense::Past => days.filter(|d| *d <= dct).max(),
            Tense::Future => days.filter(|d| *d >= dct).min(),
            Tense::Present => days.min_by_key(|d| distance(*d, dct)),
        }
    }

    /// Like [`Self::nearest_in_tense`] over the months of the year around the DCT: the day
    /// `in_month` gives in each month, picked in the tense's direction.
    fn nearest_in_tense_months(
        &self,
        dct: Date,
        in_month: impl Fn(i32, u32) -> Option<Date>,
    ) -> Option<Date> {
        let days = (-12..=12).filter_map(|k| dct.add_months(k)).filter_map(|d| in_month(d.year, d.month));
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

    /// Holidays: "Christmas", "on Easter Monday", "last Easter", "Thanksgiving 2023",
    /// "Independence Day of this year".
    fn holiday(&self, i: usize) -> Option<Reading> {
        // "the weekend of Halloween", "Labor Day weekend": the weekend next to the holiday.
        let k = if self.is(i, "the") { i + 1 } else { i };
        if self.is(k, "weekend") && self.is(k + 1, "of") {
            let day = self.holiday_day(k + 2)?;
            return Reading::new(day.end, TimexKind::Date, day.value.as_deref().and_then(weekend_of));
        }
        let day = self.holiday_day(i)?;
        if self.is(day.end, "weekend") {
            return Reading::new(day.end + 1, TimexKind::Date, day.value.as_deref().and_then(weekend_of));
        }
        Some(day)
    }

    /// A holiday's day at `i` (see [`Self::holiday`]).
    fn holiday_day(&self, i: usize) -> Option<Reading> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let (shift, j) = match self.w(j) {
            "last" | "previous" | "past" => (Some(-1), j + 1),
            "next" | "following" | "coming" => (Some(1), j + 1),
            "this" => (Some(0), j + 1),
            _ => (None, j),
        };
        if !Holiday::may_start(self.w(j)) {
            return None;
        }
        let words = self.words_from(j);
        let names: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        let (holiday, len) = Holiday::named(&names)?;
        if names[0] == "good" && !self.p[j].capitalised {
            return None; // "a good Friday for markets"
        }
        let mut end = words[len - 1].1;
        let of = if self.is(end, "of") { end + 1 } else { end };
        let year = if let Some(y) = self.year_at(of) {
            end = of + 1;
            Some(Some(y))
        } else if let Some((y, after)) = self.anchored_year(of) {
            end = after;
            Some(y)
        } else {
            None
        };
        let day = match (year, shift, self.dct) {
            (Some(year), ..) => year.and_then(|y| holiday.in_year(y)),
            (None, Some(0), Some(dct)) => holiday.in_year(dct.year),
            (None, Some(shift), Some(dct)) => {
                let days = (dct.year - 2..=dct.year + 2).filter_map(|y| holiday.in_year(y));
                if shift < 0 {
                    days.filter(|d| *d < dct).max()
                } else {
                    days.filter(|d| *d > dct).min()
                }
            }
            (None, None, Some(dct)) => self.nearest_in_tense(dct, |y| holiday.in_year(y)),
            (None, _, None) => {
                let value = holiday.fixed_day().map(|(m, d)| format!("XXXX-{m:02}-{d:02}"));
                return Reading::new(end, TimexKind::Date, value);
            }
        };
        Reading::new(end, TimexKind::Date, day.map(|d| d.to_string()))
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

    /// "the Cold War", "World War II", "the Great Depression": found, never valued.
    fn named_period(&self, i: usize) -> Option<Reading> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let end = match (self.w(j), self.w(j + 1)) {
            ("cold", "war") | ("great", "depression") | ("middle", "ages") => j + 2,
            ("world", "war") if matches!(self.w(j + 2), "i" | "ii" | "one" | "two" | "1" | "2") => j + 3,
            _ => return None,
        };
        Reading::new(end, TimexKind::Date, None)
    }

    /// Recurrences: "every year", "each week", "every other day", "every Monday", "Fridays",
    /// "every morning", "every weekend", "twice a year", "15 a year", "annually"; a clock time
    /// after a daily or weekly one fixes its time ("every Monday at 4pm", "everyday 6am").
    fn set(&self, i: usize) -> Option<Reading> {
        let (end, value) = self.recurrence(i)?;
        let daily = value == "P1D" || value.starts_with("XXXX-WXX-") || value.starts_with('T');
        let at = if self.is(end, "at") { end + 1 } else { end };
        if let Some((clock, clock_end)) = self.clock_at(at).filter(|_| daily) {
            let day = if value.starts_with("XXXX") { &value[..10] } else { "" };
            return Reading::new(clock_end, TimexKind::Set, Some(format!("{day}T{clock}")));
        }
        Reading::new(end, TimexKind::Set, Some(value))
    }

    /// A recurrence at `i` without its clock time, and the piece after it.
    fn recurrence(&self, i: usize) -> Option<(usize, String)> {
        if let Some(period) = frequency(self.w(i)) {
            return Some((i + 1, period.to_string()));
        }
        let after_count = i > 0
            && (self.p.get(i - 1).is_some_and(|p| p.number().is_some())
                || matches!(self.w(i - 1), "times" | "once" | "twice"));
        match self.w(i) {
            "everyday" => Some((i + 1, "P1D".into())),
            "weekends" => Some((i + 1, "P1WE".into())),
            "annual" => Some((i + 1, "P1Y".into())),
            "semiannual" => Some((i + 1, "P0.5Y".into())),
            "semi" if self.is(i + 1, "-") && matches!(self.w(i + 2), "annual" | "annually") => {
                Some((i + 3, "P0.5Y".into()))
            }
            "mornings" | "afternoons" | "evenings" | "nights" if !self.is(i.wrapping_sub(1), "the") => {
                Some((i + 1, format!("T{}", part_of_day(self.w(i).strip_suffix('s')?)?)))
            }
            "any" if self.is(i + 1, "weekend") => Some((i + 2, "P1WE".into())),
            "every" | "each" => {
                // "every other Friday": every second one is still that weekday.
                let j =
                    if self.is(i + 1, "other") && weekday(self.w(i + 2)).is_some() { i + 2 } else { i + 1 };
                // "every two weekends".
                if let Some((n, k)) = self.count_at(j).filter(|(_, k)| self.is(*k, "weekends")) {
                    return Some((k + 1, format!("P{n}WE")));
                }
                if let Some(day) = weekday(self.w(j)).filter(|_| self.w(j).len() > 3) {
                    return Some(match part_of_day(self.w(j + 1)) {
                        Some(part) => (j + 2, format!("XXXX-WXX-{day}T{part}")),
                        None => (j + 1, format!("XXXX-WXX-{day}")),
                    });
                }
                if let Some(part) = part_of_day(self.w(j)) {
                    return Some((j + 1, format!("T{part}")));
                }
                match self.w(j) {
                    "weekend" => return Some((j + 1, "P1WE".into())),
                    "weekday" => return Some((j + 1, "P1WD".into())),
                    _ => {}
                }
                let (n, k) = if self.is(j, "other") {
                    (2, j + 1)
                } else {
                    self.count_at(j).filter(|(_, k)| Unit::of(self.w(*k)).is_some()).unwrap_or((1, j))
                };
                let unit = Unit::of(self.w(k))?;
                Some((k + 1, unit.duration(Some(n))))
            }
            "a" | "per" if after_count || self.is(i, "per") => {
                let unit = Unit::of(self.w(i + 1)).filter(|_| !self.w(i + 1).ends_with('s'))?;
                Some((i + 2, unit.duration(Some(1))))
            }
            // "Fridays", "Tuesday afternoons", "Fridays mornings".
            word => {
                let plural_part = self.w(i + 1).strip_suffix('s').and_then(part_of_day);
                let day = word
                    .strip_suffix('s')
                    .filter(|d| d.len() > 5)
                    .and_then(weekday)
                    .or_else(|| weekday(word).filter(|_| word.len() > 5 && plural_part.is_some()))?;
                let part = plural_part;
                Some(match part {
                    Some(part) => (i + 2, format!("XXXX-WXX-{day}T{part}")),
                    None => (i + 1, format!("XXXX-WXX-{day}")),
                })
            }
        }
    }

    /// The clock time (`16:00`) of a time of day at `i`, and the piece after it.
    fn clock_at(&self, i: usize) -> Option<(String, usize)> {
        let reading = self.time_of_day(i)?;
        let clock = reading.value?.rsplit_once('T')?.1.to_string();
        Some((clock, reading.end))
    }

    /// Dates with a month name: "November 2", "2 November 2018", "Nov. 2, 2018", "March 2008",
    /// "May 9 next year", "in May".
    fn month_date(&self, i: usize) -> Option<Reading> {
        // "Dec31", "mar3": a month and its day in one piece.
        let word = self.w(i);
        if let Some(k) = word.find(|c: char| c.is_ascii_digit()).filter(|k| *k >= 3) {
            let (name, digits) = word.split_at(k);
            let day = digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d) && digits.len() <= 2);
            if let (Some(m), Some(day)) = (month(name), day) {
                return self.finish_date(m, Some(day), i + 1);
            }
        }
        // Day first: "2 November", "the 2nd of November".
        let start = if self.is(i, "the") { i + 1 } else { i };
        if let Some((day, j)) = self.day_at(start) {
            let j = if self.is(j, "of") { j + 1 } else { j };
            if let Some(m) = month(self.w(j)) {
                if !month_is_ambiguous(self.w(j)) || self.p[j].capitalised {
                    return self.finish_date(m, Some(day), self.skip_period(j + 1));
                }
            }
        }
        let month_next =
            month(self.w(i + 1)).filter(|_| !month_is_ambiguous(self.w(i + 1)) || self.p[i + 1].capitalised);
        if let (Some(shift), Some(m)) = (year_shift(self.w(i)), month_next) {
            // "this September", "last May": the month in the year the word names.
            let value = self.dct.map(|d| format!("{:04}-{m:02}", d.year + shift));
            return Reading::new(self.skip_period(i + 2), TimexKind::Date, value);
        }
        let m = month(self.w(i))?;
        let after = self.skip_period(i + 1);
        if let Some((day, j)) = self.day_at(after).filter(|_| self.year_at(after).is_none()) {
            if !month_is_ambiguous(self.w(i)) || self.p[i].capitalised {
                return self.finish_date(m, Some(day), j);
            }
        }
        let comma_or_of = if matches!(self.w(after), "," | "of") { after + 1 } else { after };
        if self.year_at(comma_or_of).is_some() {
            return self.finish_date(m, None, after);
        }
        let prepared = i > 0 && DATE_PREPOSITIONS.contains(&self.w(i - 1));
        let plain = !month_is_ambiguous(self.w(i)) && self.w(i).len() > 3;
        if (plain || prepared) && self.p[i].capitalised {
            return self.finish_date(m, None, after);
        }
        None
    }

    /// Completes a month date from `j`: an optional year (", 2018", "2018", "next year").
    fn finish_date(&self, month: u32, day: Option<u32>, j: usize) -> Option<Reading> {
        let after_comma = if self.is(j, ",") || self.is(j, "of") { j + 1 } else { j };
        let (year, end) = if let Some(y) = self.year_at(after_comma) {
            (Some(Some(y)), after_comma + 1)
        } else if let Some((y, end)) = self.spelled_year(after_comma, true) {
            (Some(Some(y)), end)
        } else if let Some(yy) =
            self.p.get(j + 1).filter(|p| self.is(j, "of") && p.is_digits(2)).and_then(|p| p.number())
        {
            // "April of 87".
            (Some(Some(self.two_digit_year(yy))), j + 2)
        } else if let Some((y, end)) = self.anchored_year(j) {
            (Some(y), end)
        } else {
            (None, j)
        };
        let value = match (year, day) {
            (Some(Some(y)), Some(d)) => Date::new(y, month, d).map(|d| d.to_string()),
            (Some(Some(y)), None) => Some(format!("{y:04}-{month:02}")),
            (Some(None), _) => None,
            (None, Some(d)) => self.resolve_day(month, d),
            (None, None) => Some(self.resolve_month(month)),
        };
        Reading::new(end, TimexKind::Date, value)
    }

    /// "2019-08-01" and "10/31/2019" (month first, as US news write it).
    fn numeric_date(&self, i: usize) -> Option<Reading> {
        if let Some(date) = self.named_month_date(i) {
            return Some(date);
        }
        let piece = self.p.get(i)?;
        // "20161016": a compact date, when it is one.
        if piece.is_digits(8) && !matches!(self.w(i.wrapping_sub(1)), "-" | "+" | "/" | ".") {
            let (y, m, d) = (
                piece.lower[..4].parse().ok()?,
                piece.lower[4..6].parse().ok()?,
                piece.lower[6..].parse().ok()?,
            );
            let date = Date::new(y, m, d).filter(|d| (1900..=2100).contains(&d.year))?;
            return Reading::new(i + 1, TimexKind::Date, Some(date.to_string()));
        }
        if let Some(y) = self.year_at(i) {
            if self.is(i + 1, "-") && self.is(i + 3, "-") && !self.is(i + 5, "-") {
                let (m, d) = (self.p.get(i + 2)?.number()?, self.p.get(i + 4)?.number()?);
                return Reading::new(i + 5, TimexKind::Date, Some(Date::new(y, m, d)?.to_string()));
            }
            return None;
        }
        let first = piece.number().filter(|n| (1..=31).contains(n) && piece.lower.len() <= 2)?;
        // "10/1/2018", "10-1-2018", "23.04.2022" (the last two with a full year only).
        let separator = self.w(i + 1);
        let full_year = self.p.get(i + 4).is_some_and(|p| p.is_digits(4));
        let separated = match separator {
            "/" => true,
            "-" | "." => full_year,
            _ => false,
        };
        if !separated || !self.is(i + 3, separator) || self.is(i.wrapping_sub(1), separator) {
            return None;
        }
        let second = self.p.get(i + 2)?.number()?;
        let y = self.p.get(i + 4)?;
        let year = match y.lower.len() {
            4 => y.number()? as i32,
            2 => self.two_digit_year(y.number()?),
            _ => return None,
        };
        // Month first, as US news write it; day first when the first cannot be a month, and
        // with dots, as European dates write it.
        let (m, d) = if first > 12 || separator == "." { (second, first) } else { (first, second) };
        Reading::new(i + 5, TimexKind::Date, Some(Date::new(year, m, d)?.to_string()))
    }

    /// The year a two-digit year means: this century's up to ten years past the DCT's
    /// (2000 without one), else the last century's ("03/18/40" in 2018 is 1940).
    fn two_digit_year(&self, yy: u32) -> i32 {
        let now = self.dct.map_or(2000, |d| d.year);
        let year = 2000 + yy as i32;
        if year <= now + 10 {
            year
        } else {
            year - 100
        }
    }

    /// Dates with a month name joined by hyphens or slashes: "05-Aug-2016", "2019/aug/01",
    /// "Sep-23-2020", "Dec/2018", "Oct/2".
    fn named_month_date(&self, i: usize) -> Option<Reading> {
        let mut fields = vec![i];
        while fields.len() < 3 && matches!(self.w(fields[fields.len() - 1] + 1), "-" | "/") {
            let next = fields[fields.len() - 1] + 2;
            if self.p.get(next).is_none() {
                break;
            }
            fields.push(next);
        }
        let at = |k: usize| fields.get(k).copied();
        let month_at =
            fields.iter().position(|f| month(self.w(*f)).is_some() && self.p[*f].lower.len() >= 3)?;
        if fields.len() < 2 || self.is(i.wrapping_sub(1), "-") || self.is(i.wrapping_sub(1), "/") {
            return None;
        }
        let m = month(self.w(fields[month_at]))?;
        let year = |k: Option<usize>| k.and_then(|f| self.year_at(f));
        let day = |k: Option<usize>| k.and_then(|f| self.p[f].number()).filter(|d| (1..=31).contains(d));
        let end = fields[fields.len() - 1] + 1;
        let value = match (month_at, fields.len()) {
            (0, 2) => match (year(at(1)), day(at(1))) {
                (Some(y), _) => Some(format!("{y:04}-{m:02}")),
                (None, Some(d)) => self.resolve_day(m, d),
                _ => return None,
            },
            (0, 3) => Some(Date::new(year(at(2))?, m, day(at(1))?)?.to_string()),
            (1, 3) => match year(at(0)) {
                Some(y) => Some(Date::new(y, m, day(at(2))?)?.to_string()),
                None => Some(Date::new(year(at(2))?, m, day(at(0))?)?.to_string()),
            },
            (1, 2) => Some(format!("{:04}-{m:02}", year(at(0))?)),
            _ => return None,
        };
        Reading::new(end, TimexKind::Date, value)
    }

    /// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night", "now".
    fn relative_day(&self, i: usize) -> Option<Reading> {
        let day = |shift: i64| self.dct.and_then(|d| d.add_days(shift));
        let date = |shift: i64| day(shift).map(|d| d.to_string());
        let part = |shift: i64, code: &str| day(shift).map(|d| format!("{d}T{code}"));
        let (end, kind, value) = match (self.w(i), self.w(i + 1), self.w(i + 2), self.w(i + 3)) {
            ("the", "day", "before", "yesterday") => (i + 4, TimexKind::Date, date(-2)),
            ("the", "day", "after", "tomorrow") => (i + 4, TimexKind::Date, date(2)),
            ("today", ..) => (i + 1, TimexKind::Date, date(0)),
            // "on the 18th", "around the 21st this month": a day of a month.
            ("the", ord, ..) if ordinal(ord).is_some() && ord.starts_with(|c: char| c.is_ascii_digit()) => {
                let (n, k) = self.day_at(i + 1)?;
                if self.w(k).starts_with(char::is_alphabetic)
                    && !matches!(self.w(k), "this" | "next" | "last" | "at" | "and" | "or" | "to")
                {
                    return None;
                }
                let named =
                    self.relative_period(k).filter(|r| r.value.as_ref().is_some_and(|v| v.len() == 7));
                match (named, self.dct) {
                    (Some(month), _) => {
                        let m = month.value?;
                        let value =
                            Date::new(m[..4].parse().ok()?, m[5..].parse().ok()?, n).map(|d| d.to_string());
                        (month.end, TimexKind::Date, value)
                    }
                    (None, Some(dct)) => {
                        let value = self
                            .nearest_in_tense_months(dct, |y, m| Date::new(y, m, n))
                            .map(|d| d.to_string());
                        (k, TimexKind::Date, value)
                    }
                    (None, None) => (k, TimexKind::Date, Some(format!("XXXX-XX-{n:02}"))),
                }
            }
            ("yesterday", ..) => (i + 1, TimexKind::Date, date(-1)),
            ("tomorrow" | "tmrw" | "tmr", ..) => (i + 1, TimexKind::Date, date(1)),
            ("tonight", ..) => (i + 1, TimexKind::Time, part(0, "NI")),
            ("last", "night", ..) => (i + 2, TimexKind::Time, part(-1, "NI")),
            ("this", p, ..) if part_of_day(p).is_some() => (i + 2, TimexKind::Time, part(0, part_of_day(p)?)),
            ("now" | "currently" | "nowadays", ..) => (i + 1, TimexKind::Date, Some("PRESENT_REF".into())),
            ("at", "present", ..) => (i + 2, TimexKind::Date, Some("PRESENT_REF".into())),
            ("at", "the", "moment" | "minute", _) => (i + 3, TimexKind::Date, Some("PRESENT_REF".into())),
            ("at", "the", "present", "time") => (i + 4, TimexKind::Date, Some("PRESENT_REF".into())),
            // "the day before." alone: "the day after falling" is no date.
            ("the", "day", "before" | "after", next) if !next.starts_with(char::is_alphanumeric) => {
                (i + 3, TimexKind::Date, date(if self.is(i + 2, "before") { -1 } else { 1 }))
            }
            ("the", "week", "after", "next") => {
                (i + 4, TimexKind::Date, self.dct.and_then(|d| calendar_period(d, Unit::Week, 2)))
            }
            ("tonite", ..) => (i + 1, TimexKind::Time, part(0, "NI")),
            ("recently", ..) => (i + 1, TimexKind::Date, Some("PAST_REF".into())),
            ("in", "the", "past", _) if !is_unit_or_count(self.w(i + 3)) => {
                (i + 3, TimexKind::Date, Some("PAST_REF".into()))
            }
            ("in", "the", "future", _) => (i + 3, TimexKind::Date, Some("FUTURE_REF".into())),
            // News report the day they are written: "on the day", "late in the day".
            ("the", "same", "day", _) => (i + 3, TimexKind::Date, date(0)),
            ("the", "day", ..) if i > 0 && matches!(self.w(i - 1), "on" | "for" | "during" | "in" | "of") => {
                (i + 2, TimexKind::Date, date(0))
            }
            // "the beginning of the year", "the end of the month": the DCT's period.
            ("the", "beginning" | "start" | "end" | "middle", "of", "the") => {
                let unit = Unit::of(self.w(i + 4)).filter(|_| !self.w(i + 4).ends_with('s'))?;
                let value = self.dct.and_then(|d| calendar_period(d, unit, 0));
                (i + 5, TimexKind::Date, value)
            }
            _ => return None,
        };
        Reading::new(end, kind, value)
    }

    /// "on Monday", "last Friday", "next Tuesday evening".
    fn weekday(&self, i: usize) -> Option<Reading> {
        let (shift, j) = match self.w(i) {
            "last" | "past" | "previous" => (Some(-1), i + 1),
            "next" | "coming" => (Some(1), i + 1),
            "this" => (Some(0), i + 1),
            _ => (None, i),
        };
        let day = weekday(self.w(j))?;
        if self.w(j).len() <= 4 && !self.p[j].capitalised {
            return None;
        }
        let resolved = self.dct.and_then(|dct| {
            let today = i64::from(dct.weekday());
            let target = i64::from(day);
            let back = (today - target).rem_euclid(7);
            let forward = (target - today).rem_euclid(7);
            let offset = match (shift, self.tense) {
                (Some(-1), _) => -(if back == 0 { 7 } else { back }),
                (Some(1), _) => {
                    if forward == 0 {
                        7
                    } else {
                        forward
                    }
                }
                (Some(_), _) => target - today,
                (None, Tense::Future) => forward,
                (None, _) => -back,
            };
            dct.add_days(offset)
        });
        let mut end = j + 1;
        let mut kind = TimexKind::Date;
        let mut value = match resolved {
            Some(d) => Some(d.to_string()),
            None if self.dct.is_none() => Some(format!("XXXX-WXX-{day}")),
            None => None,
        };
        // "Tuesday, March 7", "Friday 5/12": the date says which one.
        let comma = if self.is(end, ",") { end + 1 } else { end };
        if let Some(date) =
            self.month_date(comma).or_else(|| self.numeric_date(comma)).filter(|d| d.kind == TimexKind::Date)
        {
            return Some(self.join_day_and_clock(comma, date));
        }
        // "Tuesday the eleventh", "Sun 14th": the nearest such day that is that weekday.
        let the = if self.is(end, "the") { end + 1 } else { end };
        if let Some((n, after)) = self.day_at(the).filter(|_| {
            the > end || ordinal(self.w(the)).is_some() || self.p.get(the).is_some_and(|p| p.lower.len() > 2)
        }) {
            let date = self.dct.and_then(|dct| {
                self.nearest_in_tense_months(dct, |y, m| Date::new(y, m, n).filter(|d| d.weekday() == day))
            });
            return Some(self.join_day_and_clock(
                the,
                Reading {
                    end: after,
                    kind: TimexKind::Date,
                    value: date.map(|d| d.to_string()),
                    range: None,
                },
            ));
        }
        // "Tuesday in the morning", "Sunday late evening".
        let lead = match (self.w(end), self.w(end + 1)) {
            ("in", "the") => 2,
            ("early" | "late", _) => 1,
            _ => 0,
        };
        let part = part_of_day(self.w(end + lead));
        if part.is_some() {
            end += lead;
        }
        let after_part = end + usize::from(part.is_some());
        // "Wednesday next week", "Monday of the following week": the day in that week.
        let of = if self.is(after_part, "of") { after_part + 1 } else { after_part };
        if let Some(week) = self.relative_period(of).filter(|w| w.value.as_ref().is_some_and(|v| is_week(v)))
        {
            value = week.value.as_deref().and_then(|w| day_in_week(w, day)).map(|d| d.to_string());
            end = week.end;
            if let Some(code) = part {
                kind = TimexKind::Time;
                value = value.map(|v| format!("{v}T{code}"));
            }
            return Reading::new(end, kind, value);
        }
        if let Some(code) = part {
            end += 1;
            kind = TimexKind::Time;
            value = value.map(|v| format!("{v}T{code}"));
        }
        Reading::new(end, kind, value)
    }

    /// "this month", "last year", "earlier this month", "next week", "the past decade": the
    /// calendar period, also after "the" (MEANTIME, like TimeML, reads "the last year" as the
    /// year before).
    fn relative_period(&self, i: usize) -> Option<Reading> {
        let mut j = i;
        while matches!(
            self.w(j),
            "earlier"
                | "later"
                | "early"
                | "late"
                | "mid"
                | "end"
                | "beginning"
                | "start"
                | "middle"
                | "the"
                | "of"
                | "-"
        ) {
            j += 1;
            if j > i + 4 {
                return None;
            }
        }
        let shift = match self.w(j) {
            "this" | "current" => 0,
            "last" | "past" | "previous" => -1,
            "next" | "coming" | "following" => 1,
            _ => return None,
        };
        let unit_word = self.w(j + 1);
        let end = j + 2;
        if unit_word == "weekend" {
            let value = self.dct.and_then(|d| d.add_days(7 * shift)).map(|d| {
                let (y, w) = d.iso_week();
                format!("{y:04}-W{w:02}-WE")
            });
            return Reading::new(end, TimexKind::Date, value);
        }
        if let Some(code) = season(unit_word) {
            let value = self.dct.map(|d| format!("{:04}-{code}", d.year + shift as i32));
            return Reading::new(end, TimexKind::Date, value);
        }
        let unit = Unit::of(unit_word).filter(|_| !unit_word.ends_with('s'))?;
        let value = self.dct.and_then(|d| calendar_period(d, unit, shift));
        // "next week Wednesday", "next week on Tuesday": the day in that week.
        let on = if self.is(end, "on") { end + 1 } else { end };
        if let (Unit::Week, Some(day)) = (unit, weekday(self.w(on)).filter(|_| self.w(on).len() > 3)) {
            let date = value.as_deref().and_then(|w| day_in_week(w, day)).map(|d| d.to_string());
            return Reading::new(on + 1, TimexKind::Date, date);
        }
        Reading::new(end, TimexKind::Date, value)
    }

    /// "the first week of 2015", "the last week of March", "the 3rd week of 2018": an ISO
    /// week. A year's last week is its last ISO week; a month's, the week holding its last
    /// seven days' first (MEANTIME reads "the last week of March" 2009 as 2009-W13).
    fn week_of(&self, i: usize) -> Option<Reading> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let n = match self.w(j) {
            "last" | "final" => None,
            w => Some(ordinal(w).filter(|n| (1..=53).contains(n))?),
        };
        if !(self.is(j + 1, "week") && self.is(j + 2, "of")) {
            return None;
        }
        let k = j + 3;
        let (start, last, end) = if let Some(y) = self.year_at(k) {
            (Date::new(y, 1, 4)?, Date::new(y, 12, 28)?, k + 1)
        } else if let Some((Some(y), end)) = self.anchored_year(k) {
            (Date::new(y, 1, 4)?, Date::new(y, 12, 28)?, end)
        } else {
            let m = self.month_date(k).filter(|r| r.value.as_ref().is_some_and(|v| v.len() == 7))?;
            let (first, next) = period(m.value.as_deref()?)?;
            let first_monday = first.date.add_days((8 - i64::from(first.date.weekday())) % 7)?;
            (first_monday, next.date.add_days(-7)?, m.end)
        };
        let day = match n {
            Some(n) => {
                start.add_days(7 * i64::from(n - 1)).filter(|d| *d <= last.add_days(6).unwrap_or(*d))?
            }
            None => last,
        };
        let (y, w) = day.iso_week();
        Reading::new(end, TimexKind::Date, Some(format!("{y:04}-W{w:02}")))
    }

    /// Amounts of time written tight or with a decimal, and a few more: "3h", "10d", "5years",
    /// "3.5 years", "123.45 sec", "all day", "two nights".
    fn other_duration(&self, i: usize) -> Option<Reading> {
        let tight_unit = |letters: &str| match letters {
            "h" => Some(Unit::Hour),
            "d" => Some(Unit::Day),
            "w" => Some(Unit::Week),
            "y" => Some(Unit::Year),
            other => Unit::of(other),
        };
        // "all day", "all month".
        if self.is(i, "all") {
            let unit = Unit::of(self.w(i + 1))
                .filter(|u| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year))
                .filter(|_| !self.w(i + 1).ends_with('s'))?;
            return Reading::new(i + 2, TimexKind::Duration, Some(unit.duration(Some(1))));
        }
        // "two nights": nights count days.
        let counted = self.count_at(i).filter(|_| !matches!(self.w(i), "a" | "an"));
        if let Some((n, k)) = counted.filter(|(_, k)| matches!(self.w(*k), "night" | "nights")) {
            return Reading::new(k + 1, TimexKind::Duration, Some(Unit::Day.duration(Some(n))));
        }
        let word = self.w(i);
        let digits = word.find(|c: char| !c.is_ascii_digit()).unwrap_or(word.len());
        if digits == 0 || self.is(i.wrapping_sub(1), "-") {
            return None;
        }
        // "3h", "5years".
        if digits < word.len() {
            let unit = tight_unit(&word[digits..])?;
            return Reading::new(i + 1, TimexKind::Duration, unit.duration_of(&word[..digits]));
        }
        // "3.5years", "123.45 sec".
        if !self.is(i + 1, ".") {
            return None;
        }
        let fraction = self.w(i + 2);
        let fraction_digits = fraction.find(|c: char| !c.is_ascii_digit()).unwrap_or(fraction.len());
        if fraction_digits == 0 {
            return None;
        }
        let (unit, end) = if fraction_digits < fraction.len() {
            (tight_unit(&fraction[fraction_digits..])?, i + 3)
        } else {
            (Unit::of(self.w(i + 3))?, i + 4)
        };
        let count = format!("{word}.{}", &fraction[..fraction_digits]);
        Reading::new(end, TimexKind::Duration, unit.duration_of(&count))
    }

    /// "the 15th day of next month", "the third month of 2021", "week 27 of last year": a day of
    /// a month, a month of a year, an ISO week of a year, counted.
    fn nth_of(&self, i: usize) -> Option<Reading> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let (n, unit, of) = if self.is(j, "week") {
            (self.p.get(j + 1)?.number()?, Unit::Week, j + 2)
        } else {
            let (n, k) = self.day_at(j).filter(|_| self.p.get(j).is_some_and(|p| p.number().is_none()))?;
            (n, Unit::of(self.w(k)).filter(|u| matches!(u, Unit::Day | Unit::Month))?, k + 1)
        };
        if !self.is(of, "of") {
            return None;
        }
        let whole = self.longest(of + 1)?;
        let period_value = whole.value.as_deref()?;
        let value = match (unit, period_value.len()) {
            (Unit::Day, 7) => Date::new(period_value[..4].parse().ok()?, period_value[5..].parse().ok()?, n)
                .map(|d| d.to_string()),
            (Unit::Month, 4) => (1..=12).contains(&n).then(|| format!("{period_value}-{n:02}")),
            (Unit::Week, 4) => {
                let year: i32 = period_value.parse().ok()?;
                let last = Date::new(year, 12, 28)?.iso_week().1;
                (1..=last).contains(&n).then(|| format!("{year:04}-W{n:02}"))
            }
            _ => return None,
        };
        Reading::new(whole.end, TimexKind::Date, value)
    }

    /// "the end of the day", "end of tomorrow", "EOD": the day's last second; "end of month",
    /// "EOY": the period itself.
    fn end_of(&self, i: usize) -> Option<Reading> {
        let last_second = |day: Option<&str>| day.map(|d| format!("{d}T23:59:59"));
        let today = self.dct.map(|d| d.to_string());
        match self.w(i) {
            "eod" => return Reading::new(i + 1, TimexKind::Time, last_second(today.as_deref())),
            "eom" => {
                return Reading::new(
                    i + 1,
                    TimexKind::Date,
                    self.dct.and_then(|d| calendar_period(d, Unit::Month, 0)),
                )
            }
            "eoy" => {
                return Reading::new(
                    i + 1,
                    TimexKind::Date,
                    self.dct.and_then(|d| calendar_period(d, Unit::Year, 0)),
                )
            }
            _ => {}
        }
        let j = if self.is(i, "the") { i + 1 } else { i };
        if !(self.is(j, "end") && self.is(j + 1, "of")) {
            return None;
        }
        let k = j + 2;
        let after_the = if self.is(k, "the") { k + 1 } else { k };
        if self.is(after_the, "day") {
            return Reading::new(after_the + 1, TimexKind::Time, last_second(today.as_deref()));
        }
        let day =
            self.relative_day(k).or_else(|| self.weekday(after_the)).filter(|r| r.kind == TimexKind::Date);
        if let Some(day) = day {
            return Reading::new(day.end, TimexKind::Time, last_second(day_of(day.value.as_deref())));
        }
        let unit =
            Unit::of(self.w(after_the)).filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year))?;
        Reading::new(after_the + 1, TimexKind::Date, self.dct.and_then(|d| calendar_period(d, unit, 0)))
    }

    /// Parts of the day on their own: "in the morning", "later in the evening", "early
    /// morning", on the DCT's day.
    fn part_of_day_alone(&self, i: usize) -> Option<Reading> {
        let mut j = i;
        let mut marked = false;
        if matches!(self.w(j), "early" | "late" | "later") {
            j += 1;
            marked = true;
        }
        if self.is(j, "in") && self.is(j + 1, "the") {
            j += 2;
            marked = true;
        }
        let code = part_of_day(self.w(j)).or(self.is(j, "daytime").then_some("DT")).filter(|_| marked)?;
        let value = match self.dct {
            Some(d) => format!("{d}T{code}"),
            None => format!("T{code}"),
        };
        Reading::new(j + 1, TimexKind::Time, Some(value))
    }

    /// "three years ago", "two weeks from now"; the day a count of days to years before or
    /// after another day ("two days after tomorrow", "three weeks from Monday") or, in a future
    /// clause, after the DCT ("will vote in two weeks").
    fn ago(&self, i: usize) -> Option<Reading> {
        if self.is(i, "in") && self.tense == Tense::Future {
            let (n, j) =
                self.count_at(i + 1).or_else(|| matches!(self.w(i + 1), "a" | "an").then_some((1, i + 2)))?;
            let unit = Unit::of(self.w(j))?;
            let value = self.dct.and_then(|d| shift_day(d, unit, i64::from(n))).map(|d| d.to_string());
            return value.is_some().then(|| Reading::new(j + 1, TimexKind::Date, value)).flatten();
        }
        let (n, j) = self.count_at(i)?;
        let unit = Unit::of(self.w(j))?;
        let anchor =
            self.longest(j + 2).filter(|r| r.kind == TimexKind::Date && day_of(r.value.as_deref()).is_some());
        if let ("before" | "after" | "from", Some(day)) = (self.w(j + 1), anchor) {
            let sign = if self.is(j + 1, "before") { -1 } else { 1 };
            let from = day
                .value
                .as_deref()
                .and_then(|v| Date::parse(v).ok())
                .filter(|_| day.kind == TimexKind::Date);
            let value = from.and_then(|d| shift_day(d, unit, sign * i64::from(n))).map(|d| d.to_string());
            return Reading::new(day.end, TimexKind::Date, value);
        }
        let (sign, end) = match (self.w(j + 1), self.w(j + 2)) {
            ("ago", _) | ("earlier", _) => (-1, j + 2),
            ("from", "now") => (1, j + 3),
            _ => return None,
        };
        let shift = sign * i64::from(n);
        let value = self.dct.and_then(|d| match unit {
            Unit::Day => d.add_days(shift).map(|d| d.to_string()),
            Unit::Week => d.add_days(7 * shift).map(|d| {
                let (y, w) = d.iso_week();
                format!("{y:04}-W{w:02}")
            }),
            Unit::Month => d.add_months(shift).map(|d| format!("{:04}-{:02}", d.year, d.month)),
            Unit::Year => d.add_months(12 * shift).map(|d| format!("{:04}", d.year)),
            Unit::Decade => d.add_months(120 * shift).map(|d| format!("{:03}", d.year / 10)),
            _ => None,
        });
        Reading::new(end, TimexKind::Date, value)
    }

    /// "the first quarter of 2008", "Q3", "the second half of last year".
    fn quarter(&self, i: usize) -> Option<Reading> {
        // "2017 Q1", "2019-H2": the year first.
        if let Some(y) = self.year_at(i) {
            let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
            let (n, part) = quarter_code(self.w(k))?;
            return Reading::new(k + 1, TimexKind::Date, Some(format!("{y:04}-{part}{n}")));
        }
        let j = if self.is(i, "the") { i + 1 } else { i };
        let (n, part, k) = if let Some((n, part)) = quarter_code(self.w(j)) {
            (n, part, j + 1)
        } else {
            let n = ordinal(self.w(j))?;
            match self.w(j + 1) {
                "quarter" => (n, "Q", j + 2),
                "half" => (n, "H", j + 2),
                _ => return None,
            }
        };
        if !(1..=4).contains(&n) || (part == "H" && n > 2) {
            return None;
        }
        let of = if self.is(k, "of") || (self.is(k, "-") && j == i) { k + 1 } else { k };
        let (year, end) = if let Some(y) = self.year_at(of) {
            (Some(y), of + 1)
        } else if let Some((y, end)) = self.anchored_year(of) {
            (y, end)
        } else {
            (self.dct.map(|d| d.year), k)
        };
        let value = year.map(|y| format!("{y:04}-{part}{n}"));
        Reading::new(end, TimexKind::Date, value)
    }

    /// "this summer", "the winter of 2008", "spring".
    fn season(&self, i: usize) -> Option<Reading> {
        let (shift, j) = match self.w(i) {
            "last" => (-1, i + 1),
            "next" => (1, i + 1),
            "this" | "the" => (0, i + 1),
            _ => (0, i),
        };
        let code = season(self.w(j))?;
        let of = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
        let (year, end) = match self.year_at(of) {
            Some(y) => (Some(y), of + 1),
            None if j == i && !(i > 0 && DATE_PREPOSITIONS.contains(&self.w(i - 1))) => return None,
            None => (self.dct.map(|d| d.year + shift), j + 1),
        };
        Reading::new(end, TimexKind::Date, year.map(|y| format!("{y:04}-{code}")))
    }

    /// Years and decades: "1991", "in 2030", "the 1990s", "the mid-1990s", "the 20th century".
    fn year(&self, i: usize) -> Option<Reading> {
        if let Some((y, end)) = self.spelled_year(i, false).filter(|(_, end)| *end >= i + 2) {
            return Reading::new(end, TimexKind::Date, Some(format!("{y:04}")));
        }
        let mut j = if self.is(i, "the") { i + 1 } else { i };
        if matches!(self.w(j), "early" | "late" | "mid") {
            j += if self.is(j + 1, "-") { 2 } else { 1 };
        }
        if let Some(n) = ordinal(self.w(j)).filter(|_| self.is(j + 1, "century")) {
            return Reading::new(j + 2, TimexKind::Date, (n >= 1).then(|| format!("{:02}", n - 1)));
        }
        let word = self.w(j);
        if let Some(decade) = word.strip_suffix('s').filter(|d| d.len() == 4 && d.ends_with('0')) {
            let y: u32 = decade.parse().ok()?;
            return Reading::new(
                j + 1,
                TimexKind::Date,
                (1000..3000).contains(&y).then(|| format!("{:03}", y / 10)),
            );
        }
        if self.is(j, "'") || self.is(j, "’") {
            // "'82": the most recent such year up to the DCT.
            let two = self.p.get(j + 1).filter(|p| p.is_digits(2))?.number()? as i32;
            let now = self.dct.map_or(2000, |d| d.year);
            let year = if 2000 + two <= now { 2000 + two } else { 1900 + two };
            return Reading::new(j + 2, TimexKind::Date, Some(format!("{year:04}")));
        }
        let year = self.year_at(j)?;
        if j == i && !self.stands_as_year(j) {
            return None;
        }
        Reading::new(j + 1, TimexKind::Date, Some(format!("{year:04}")))
    }

    /// Whether a four-digit number reads as a year, not as a count ("2000 troops") or part of
    /// an amount ("$2000", "2000%").
    fn stands_as_year(&self, j: usize) -> bool {
        const PLURAL_VERBS: [&str; 8] = ["was", "is", "has", "does", "as", "this", "its", "his"];
        let before = if j > 0 { self.w(j - 1) } else { "" };
        let next = self.w(j + 1);
        // Not in an amount, a phone number, a code or a decimal ("555-1212", "40.1693").
        if matches!(before, "$" | "€" | "£" | "¥" | "#" | "no" | "number" | "-" | "." | "+")
            || before.bytes().all(|b| b.is_ascii_digit()) && !before.is_empty()
        {
            return false;
        }
        if matches!(
            next,
            "%" | "percent" | "per" | "million" | "billion" | "thousand" | "people" | "-" | ":" | "/" | "."
        ) {
            // A year ends a sentence ("in 1991."), not a decimal ("1666.90").
            return next == "." && !self.w(j + 2).starts_with(|c: char| c.is_ascii_digit());
        }
        let plural_noun = next.len() > 2
            && next.ends_with('s')
            && next.bytes().all(|b| b.is_ascii_lowercase())
            && !PLURAL_VERBS.contains(&next);
        !plural_noun
    }

    /// Times of day: "3 p.m.", "3pm", "15:30", "7:56:30 pm", "8.30pm", "9a", "11ish", "noon",
    /// "midnight", "seven o'clock", "half past seven", "a quarter to eight".
    fn time_of_day(&self, i: usize) -> Option<Reading> {
        match self.w(i) {
            "noon" | "midday" | "noonish" => return self.clock(12, 0, 0, i + 1),
            "midnight" => return self.clock(0, 0, 0, i + 1),
            "mid" if self.is(i + 1, "night") => return self.clock(0, 0, 0, i + 2),
            _ => {}
        }
        if let Some(r) = self.spoken_clock(i) {
            return Some(r);
        }
        let word = self.w(i);
        // "3pm", "9a", "11ish": the hour and its mark in one piece.
        if let Some(k) = word.find(|c: char| !c.is_ascii_digit()).filter(|k| (1..=2).contains(k)) {
            let hour: u32 = word[..k].parse().ok()?;
            return match &word[k..] {
                "ish" if hour <= 24 => self.clock(hour, 0, 0, i + 1),
                mark => self.with_meridiem(hour, 0, 0, meridiem_mark(mark)?, i + 1),
            };
        }
        let spelled =
            cardinal(word).filter(|h| (1..=12).contains(h) && word.bytes().all(|b| b.is_ascii_lowercase()));
        let hour = self.p.get(i)?.number().filter(|h| *h <= 24 && word.len() <= 2).or(spelled)?;
        // "at seven twenty-seven", "from three thirty": spelled minutes after a spelled hour,
        // where a word before says a time follows.
        let clock_word_before =
            matches!(self.w(i.wrapping_sub(1)), "at" | "from" | "to" | "until" | "till" | "around");
        if let (Some(_), true) = (spelled, clock_word_before) {
            if let Some((minute, end)) = self.spelled_minutes(i + 1) {
                let end = if matches!(self.w(end), "minutes" | "minute") { end + 1 } else { end };
                return self.clock(hour, minute, 0, end);
            }
        }
        let (mut minute, mut second, mut j, mut mark) = (0, 0, i + 1, None);
        let separator = self.w(j);
        let dotted = separator == ".";
        if (separator == ":" || dotted) && spelled.is_none() {
            let piece = self.w(j + 1);
            let digits = piece.find(|c: char| !c.is_ascii_digit()).unwrap_or(piece.len());
            if digits != 2 {
                return None;
            }
            minute = piece[..2].parse().ok().filter(|m| *m < 60)?;
            mark = meridiem_mark(&piece[2..]);
            if !piece[2..].is_empty() && mark.is_none() {
                return None;
            }
            j += 2;
            if !dotted
                && mark.is_none()
                && self.is(j, ":")
                && self.p.get(j + 1).is_some_and(|p| p.is_digits(2))
            {
                second = self.p[j + 1].number().filter(|s| *s < 60)?;
                j += 2;
            }
        }
        let (mark, end) = match mark {
            Some(mark) => (Some(mark), j),
            None => match (self.w(j), self.w(j + 1), self.w(j + 2)) {
                ("a" | "p", ".", "m") => {
                    (meridiem_mark(self.w(j)), if self.is(j + 3, ".") { j + 4 } else { j + 3 })
                }
                ("am" | "pm", ..) => (meridiem_mark(self.w(j)), j + 1),
                // "9 a" only before punctuation or the end: "a" is mostly the article.
                ("a" | "p", next, _) if !next.starts_with(|c: char| c.is_alphanumeric()) => {
                    (meridiem_mark(self.w(j)), j + 1)
                }
                _ => (None, j),
            },
        };
        if let Some(pm) = mark {
            return self.with_meridiem(hour, minute, second, pm, end);
        }
        if let Some(after) = self.oclock(end) {
            return (hour <= 12).then(|| self.clock(hour, minute, 0, after)).flatten();
        }
        // "7 in the evening": the part of the day makes the number an hour.
        if self.is(end, "in")
            && self.is(end + 1, "the")
            && part_of_day(self.w(end + 2)).is_some()
            && hour <= 12
        {
            return self.clock(hour, minute, 0, end);
        }
        (end >= i + 3 && !dotted && spelled.is_none() && hour < 24)
            .then(|| self.clock(hour, minute, second, end))
            .flatten()
    }

    /// Minutes in words at `i`, 10 to 59 ("thirty", "twenty-seven", "forty five"), and the
    /// piece after them.
    fn spelled_minutes(&self, i: usize) -> Option<(u32, usize)> {
        let word =
            |k: usize| cardinal(self.w(k)).filter(|_| self.w(k).bytes().all(|b| b.is_ascii_lowercase()));
        let tens = word(i).filter(|n| (10..60).contains(n))?;
        let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
        match word(k).filter(|u| (1..10).contains(u) && tens % 10 == 0 && tens >= 20) {
            Some(unit) => Some((tens + unit, k + 1)),
            None => Some((tens, i + 1)),
        }
    }

    /// A time of day on the DCT's day (only the clock without a DCT).
    fn clock(&self, hour: u32, minute: u32, second: u32, end: usize) -> Option<Reading> {
        let clock = if second > 0 {
            format!("T{hour:02}:{minute:02}:{second:02}")
        } else {
            format!("T{hour:02}:{minute:02}")
        };
        let value = match self.dct {
            Some(d) => format!("{d}{clock}"),
            None => clock,
        };
        Reading::new(end, TimexKind::Time, Some(value))
    }

    /// A twelve-hour clock time, after noon when `pm`.
    fn with_meridiem(&self, hour: u32, minute: u32, second: u32, pm: bool, end: usize) -> Option<Reading> {
        (1..=12)
            .contains(&hour)
            .then(|| self.clock(hour % 12 + if pm { 12 } else { 0 }, minute, second, end))?
    }

    /// "o'clock" or "oclock" at `i`, and the piece after it.
    fn oclock(&self, i: usize) -> Option<usize> {
        match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("oclock", ..) => Some(i + 1),
            ("o", "'" | "’", "clock") => Some(i + 3),
            _ => None,
        }
    }

    /// Minutes before or after an hour: "half past seven", "a quarter to eight", "ten past 9",
    /// "20 min past eight", "15 past seven o'clock".
    fn spoken_clock(&self, i: usize) -> Option<Reading> {
        let j = if self.is(i, "a") { i + 1 } else { i };
        let (minutes, fraction) = match self.w(j) {
            "half" => (30, true),
            "quarter" => (15, true),
            w => (self.p.get(j)?.number().or_else(|| cardinal(w)).filter(|m| (1..60).contains(m))?, false),
        };
        let k = if matches!(self.w(j + 1), "min" | "mins" | "minute" | "minutes") { j + 2 } else { j + 1 };
        let after = match self.w(k) {
            "past" => true,
            // "five to seven" may be a range of hours; only a half, a quarter or minutes named
            // count back.
            "to" if fraction || k == j + 2 => false,
            _ => return None,
        };
        let hour_word = self.w(k + 1);
        let hour =
            self.p.get(k + 1)?.number().or_else(|| cardinal(hour_word)).filter(|h| (1..=12).contains(h))?;
        let end = self.oclock(k + 2).unwrap_or(k + 2);
        let total = if after { hour * 60 + minutes } else { (hour * 60 + 720 - minutes) % 720 };
        self.clock(total / 60, total % 60, 0, end)
    }

    /// Amounts of time: "two weeks", "within two weeks", "the next three years", "a fifty-year
    /// history", "for years".
    fn duration(&self, i: usize) -> Option<Reading> {
        // "5 upcoming years", "10 previous weeks": the count before the direction.
        // Not the tail of a figure ("1,000 last week").
        let whole_count = !matches!(self.w(i), "a" | "an") && !matches!(self.w(i.wrapping_sub(1)), "," | ".");
        if let Some((n, k)) = self.count_at(i).filter(|(n, _)| *n > 0 && whole_count) {
            let direction = match self.w(k) {
                "next" | "upcoming" | "coming" | "following" => 1,
                "past" | "previous" | "last" => -1,
                _ => 0,
            };
            if let Some(unit) = Unit::of(self.w(k + 1)).filter(|_| direction != 0) {
                let range = self.dct.and_then(|dct| running_range(dct, unit, i64::from(n), direction, false));
                let value = Some(unit.duration(Some(n)));
                return Some(Reading { end: k + 2, kind: TimexKind::Duration, value, range });
            }
        }
        let mut j = i;
        let within = self.is(j, "within");
        if within {
            j += 1;
        }
        // "the next three years" runs forward from the DCT, "the past five days" back to it.
        let lead = if self.is(j, "the") { j + 1 } else { j };
        let direction = match self.w(lead) {
            "next" | "coming" | "following" | "upcoming" => 1,
            "past" | "last" | "previous" => -1,
            _ => 0,
        };
        if direction != 0 || (lead > j && matches!(self.w(lead), "first" | "final")) {
            j = lead + 1;
        }
        let (n, k) = match self.w(j) {
            "several" | "few" | "many" | "some" | "recent" => (None, j + 1),
            // "for years", "over the years": an unknown number of units.
            w if (w == "years" || w == "decades" || w == "months")
                && (j > 0 && matches!(self.w(j - 1), "for" | "the")) =>
            {
                (None, j)
            }
            "a" if self.is(j + 1, "few") || self.is(j + 1, "couple") => {
                (None, j + if self.is(j + 2, "of") { 3 } else { 2 })
            }
            _ => {
                let (n, k) = self.count_at(j)?;
                // "one and a half hours": the unit after the half.
                let half = self.is(k, "and") && self.is(k + 1, "a") && self.is(k + 2, "half");
                (Some(n), if half { k + 3 } else { k })
            }
        };
        // "fifty-year", "10-year": an adjective of duration; "six straight days".
        let k = if self.is(k, "-") && Unit::of(self.w(k + 1)).is_some() { k + 1 } else { k };
        let k = if is_day_kind(self.w(k)) && Unit::of(self.w(k + 1)).is_some() { k + 1 } else { k };
        let unit = Unit::of(self.w(k))?;
        // "a second round", "a second wave": the ordinal, not the unit.
        let next = self.w(k + 1);
        if self.w(k) == "second"
            && next.starts_with(char::is_alphabetic)
            && !matches!(next, "ago" | "later" | "before" | "after" | "of" | "or" | "and" | "to" | "from")
        {
            return None;
        }
        if n == Some(1)
            && self.w(j) != "one"
            && matches!(self.w(j), "a" | "an")
            && i == j
            && self.w(k).ends_with('s')
        {
            return None;
        }
        let mut end = if matches!(self.w(k + 1), "long" | "old") { k + 2 } else { k + 1 };
        // "one and a half hours", "two years and a half", "1 hour and 30 minutes".
        let half_before = k >= 3 && self.is(k - 1, "half") && self.is(k - 2, "a") && self.is(k - 3, "and");
        let half_after = self.is(end, "and")
            && (self.is(end + 1, "half") || (self.is(end + 1, "a") && self.is(end + 2, "half")));
        if let Some(n) = n.filter(|_| half_before || half_after) {
            if half_after {
                end += if self.is(end + 1, "half") { 2 } else { 3 };
            }
            let value = unit.duration_of(&format!("{n}.5"));
            return Some(Reading { end, kind: TimexKind::Duration, value, range: None });
        }
        if let (Some(n), true) = (n, self.is(end, "and")) {
            if let Some((m, k2)) = self.count_at(end + 1) {
                if let Some(smaller) = Unit::of(self.w(k2)).filter(|u| u.is_below(unit)) {
                    let value = join_durations(&unit.duration(Some(n)), &smaller.duration(Some(m)));
                    return Some(Reading {
                        end: k2 + 1,
                        kind: TimexKind::Duration,
                        value: Some(value),
                        range: None,
                    });
                }
            }
        }
        // "the last four months of 2021", "the first 2 weeks of 2021": inside that period.
        let edge = matches!(self.w(lead), "first" | "last" | "final");
        let whole = self.longest(end + 1).filter(|_| edge && self.is(end, "of"));
        if let (Some(whole), Some(n)) = (whole, n) {
            let first = self.w(lead) == "first";
            let range = whole.value.as_deref().and_then(|v| range_inside(v, unit, i64::from(n), first));
            if range.is_some() {
                return Some(Reading {
                    end: whole.end,
                    kind: TimexKind::Duration,
                    value: Some(unit.duration(Some(n))),
                    range,
                });
            }
        }
        let range = match (self.dct, n) {
            // "within two weeks" runs forward from the DCT.
            (Some(dct), Some(n)) if direction != 0 || within => {
                let direction = if direction == 0 { 1 } else { direction };
                running_range(dct, unit, i64::from(n), direction, within)
            }
            _ => None,
        };
        Some(Reading { end, kind: TimexKind::Duration, value: Some(unit.duration(n)), range })
    }
}

/// One end of a range: an expression, or a bare number the other end completes ("5 to 6pm",
/// "April 9th through 17th").
enum Point {
    /// An expression read from `start`.
    Full { start: usize, reading: Reading },
    /// A number of one or two digits (or an ordinal), with minutes after a colon.
    Number { n: u32, minute: u32, end: usize },
}

impl Point {
    /// The piece after the point.
    fn end(&self) -> usize {
        match self {
            Self::Full { reading, .. } => reading.end,
            Self::Number { end, .. } => *end,
        }
    }
}

impl Grammar<'_> {
    /// Ranges: "from 2009 to 2011", "between 3 and 5pm", "2014-2018", "April 9th through
    /// 17th", "Jan-Feb 2017", "3:00 to 4:00 tomorrow": one DURATION valued by its length, with
    /// its first and last points. The last point's start ends the range, as TimeML and the
    /// Recognizers-Text specs count it ("from 2009 to 2011" is two years).
    fn range(&self, i: usize) -> Option<Reading> {
        // A day before clock times dates them: "tomorrow from 7 to 8pm", "Monday 3-8".
        let dated = self.longest(i).and_then(|day| {
            day_of(day.value.as_deref())?;
            self.range_after(day.end, Some(day.value?))
                .filter(|r| r.range.as_ref().is_some_and(|(b, _)| is_clock(b)))
        });
        dated.or_else(|| self.range_after(i, None))
    }

    /// A range from `i`, its clock times on `day` when one stands before it.
    fn range_after(&self, i: usize, day: Option<String>) -> Option<Reading> {
        if let Some(span) = self.span_from_start(i, day.as_deref()) {
            return Some(span);
        }
        let between = self.is(i, "between");
        let led = between || self.is(i, "from");
        let first_at = if led { i + 1 } else { i };
        // Not inside a chain of numbers ("138-2010-2015" is a phone number).
        if self.is(first_at.wrapping_sub(1), "-") {
            return None;
        }
        let first = self.point(first_at, led)?;
        let joined = match self.w(first.end()) {
            "to" | "until" | "till" | "through" | "thru" | "-" | "–" | "~" => true,
            "and" => between,
            _ => false,
        };
        if !joined {
            return None;
        }
        let second = self.second_point(&first, led)?;
        let mut end = second.end();
        if self.is(end, "-") {
            return None;
        }
        // A day after clock times dates them too: "3:00 to 4:00 tomorrow", "5 to 6pm of April 22";
        // bare hours need a day or a "from" or "between" ("won 3-2 on Sunday" is a score).
        let numbers = matches!((&first, &second), (Point::Number { .. }, Point::Number { .. }));
        let day = day.or_else(|| {
            let on = if matches!(self.w(end), "on" | "of") { end + 1 } else { end };
            let after = self.longest(on).filter(|r| day_of(r.value.as_deref()).is_some());
            after.filter(|_| led || !numbers).and_then(|r| {
                end = r.end;
                r.value
            })
        });
        // "from April to June in 2017": a year after the range holds for both points.
        let trailing_year = match (self.w(end), self.year_at(end + 1)) {
            ("in" | "of", Some(y)) if !is_clock(first_value(&first).unwrap_or("")) => Some(y),
            _ => None,
        };
        let (mut begin, mut last) = match (&first, &second, day.as_deref()) {
            (Point::Number { n: a, minute: am, .. }, Point::Number { n: b, minute: bm, .. }, Some(day)) => {
                hour_range(day, (*a, *am), (*b, *bm))?
            }
            _ => self.complete(&first, &second)?,
        };
        if let Some(on) = day_of(day.as_deref()).filter(|_| is_clock(&begin) && is_clock(&last)) {
            // Morning hours on an afternoon, evening or night are the later ones: "between 7
            // and 9:30 last night".
            let later = day
                .as_deref()
                .is_some_and(|d| d.ends_with("TAF") || d.ends_with("TEV") || d.ends_with("TNI"));
            let hour = |v: &str| v.get(11..13).and_then(|h| h.parse::<u32>().ok());
            let shift = later && hour(&begin).is_some_and(|h| h < 12) && hour(&last).is_some_and(|h| h < 12);
            let on_day = |v: &str| match (shift, hour(v)) {
                (true, Some(h)) => format!("{on}T{:02}{}", h + 12, &v[13..]),
                _ => format!("{on}{}", &v[10..]),
            };
            begin = on_day(&begin);
            last = on_day(&last);
        }
        if let Some(y) = trailing_year.filter(|_| begin.len() >= 7 && last.len() >= 7) {
            begin = format!("{y:04}{}", &begin[4..]);
            last = format!("{y:04}{}", &last[4..]);
            end += 2;
        }
        let length = duration_between(period(&begin)?.0, period(&last)?.0)?;
        Some(Reading { end, kind: TimexKind::Duration, value: Some(length), range: Some((begin, last)) })
    }

    /// An amount of time from a start: "from 2pm for 2 hours", "for 3 hours from 10 am",
    /// "a week starting tomorrow", "for 3 days, from today": a range of that length.
    fn span_from_start(&self, i: usize, day: Option<&str>) -> Option<Reading> {
        let clock_at = |k: usize| {
            self.time_of_day(k).or_else(|| {
                // A bare hour after "from": "from 9 for 2.5 hrs".
                let hour =
                    self.p.get(k)?.number().filter(|h| (1..=12).contains(h) && self.w(k).len() <= 2)?;
                self.is(k.wrapping_sub(1), "from").then(|| self.clock(hour, 0, 0, k + 1)).flatten()
            })
        };
        let amount = |k: usize| {
            self.duration(k).or_else(|| self.other_duration(k)).filter(|d| d.kind == TimexKind::Duration)
        };
        let (start, length, end) = if self.is(i, "from") {
            // "from 2pm for 2 hours"
            let start = clock_at(i + 1)?;
            if !self.is(start.end, "for") {
                return None;
            }
            let length = amount(start.end + 1)?;
            let end = length.end;
            (start, length, end)
        } else {
            // "for 3 hours from 10 am", "a week starting tomorrow", "for 3 days, from today"
            let k = if self.is(i, "for") { i + 1 } else { i };
            // Only a count starts an amount here: most places are turned away at no cost.
            if k == i && self.count_at(i).is_none() {
                return None;
            }
            let length = amount(k)?;
            let mut j = length.end;
            if self.is(j, ",") {
                j += 1;
            }
            let starting = matches!(self.w(j), "starting" | "beginning");
            if !(starting || (self.is(j, "from") && k > i)) {
                return None;
            }
            j += 1;
            if starting && matches!(self.w(j), "from" | "on") {
                j += 1;
            }
            let start =
                clock_at(j).or_else(|| self.longest(j).filter(|r| day_of(r.value.as_deref()).is_some()))?;
            let end = start.end;
            (start, length, end)
        };
        let mut begin = start.value.clone()?;
        if let Some(on) = day_of(day).filter(|_| is_clock(&begin)) {
            begin = format!("{on}{}", &begin[10..]);
        }
        let from = Moment::parse(&begin)?;
        let until = add_duration(from, length.value.as_deref()?)?;
        let last = until.value(is_clock(&begin) || until.second != 0);
        Some(Reading { end, kind: TimexKind::Duration, value: length.value, range: Some((begin, last)) })
    }

    /// The second point of a range after `first`: a month name is one there even where it
    /// could be a verb ("from March to May").
    fn second_point(&self, first: &Point, led: bool) -> Option<Point> {
        let at = first.end() + 1;
        let month_first = matches!(first, Point::Full { reading, .. } if reading.value.as_ref().is_some_and(|v| v.len() == 7));
        match month(self.w(at)).filter(|_| month_first) {
            Some(m) if self.longest(at).is_none() => {
                let reading =
                    Reading::new(self.skip_period(at + 1), TimexKind::Date, Some(self.resolve_month(m)))?;
                Some(Point::Full { start: at, reading })
            }
            _ => self.point(at, led),
        }
    }

    /// One end of a range at `i`.
    fn point(&self, i: usize, led: bool) -> Option<Point> {
        if let Some(reading) = self.boundary(i) {
            return Some(Point::Full { start: i, reading });
        }
        if let Some(reading) = self.longest(i) {
            return Some(Point::Full { start: i, reading });
        }
        if led {
            // After "from" or "between": a month name ("from march"), a month and day in
            // figures ("from 10/1 to 11/7").
            if let Some(m) = month(self.w(i)) {
                let reading =
                    Reading::new(self.skip_period(i + 1), TimexKind::Date, Some(self.resolve_month(m)))?;
                return Some(Point::Full { start: i, reading });
            }
            let month_day = self
                .p
                .get(i)
                .and_then(Piece::number)
                .filter(|m| (1..=12).contains(m))
                .zip(self.p.get(i + 2).and_then(Piece::number).filter(|d| (1..=31).contains(d)));
            if let Some((m, d)) = month_day.filter(|_| self.is(i + 1, "/") && !self.is(i + 3, "/")) {
                let reading = Reading::new(i + 3, TimexKind::Date, self.resolve_day(m, d))?;
                return Some(Point::Full { start: i, reading });
            }
        }
        // "Nov-Feb 2017": a month that a hyphen joins to another.
        if let Some(m) = month(self.w(i)).filter(|_| self.is(i + 1, "-") && month(self.w(i + 2)).is_some()) {
            let reading =
                Reading::new(self.skip_period(i + 1), TimexKind::Date, Some(self.resolve_month(m)))?;
            return Some(Point::Full { start: i, reading });
        }
        // "2014-2018": a year that a hyphen joins to another is not read alone.
        if let Some(y) = self.year_at(i).filter(|_| self.is(i + 1, "-") || self.is(i.wrapping_sub(1), "-")) {
            return Some(Point::Full {
                start: i,
                reading: Reading::new(i + 1, TimexKind::Date, Some(format!("{y:04}")))?,
            });
        }
        let (n, end) =
            self.day_at(i).or_else(|| self.p.get(i)?.number().filter(|n| *n <= 24).map(|n| (n, i + 1)))?;
        // Not a piece of a numeric date ("10/1/2018", "2019-aug-01").
        let before = self.w(i.wrapping_sub(1));
        let inside_date = self.is(end, "/") || before == "/" || (before == "-" && !self.joins_range(i));
        if inside_date {
            return None;
        }
        if self.is(end, ":") {
            let minute = self.p.get(end + 1).filter(|p| p.is_digits(2))?.number().filter(|m| *m < 60)?;
            return Some(Point::Number { n, minute, end: end + 2 });
        }
        Some(Point::Number { n, minute: 0, end })
    }

    /// A range's point at the start, middle or end of a year or month: "the end of 2008" is
    /// 2009-01-01, where the range stops; "the middle of March" is March 16.
    fn boundary(&self, i: usize) -> Option<Reading> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let edge = self.w(j);
        if !matches!(edge, "end" | "start" | "beginning" | "middle") || !self.is(j + 1, "of") {
            return None;
        }
        let whole = self.month_date(j + 2).or_else(|| self.year(j + 2))?;
        let value = whole.value.as_deref().filter(|v| v.len() == 4 || v.len() == 7)?;
        let (first, next) = period(value)?;
        let day = match edge {
            "end" => next.date,
            "middle" if value.len() == 4 => Date::new(first.date.year, 7, 2)?,
            "middle" => first.date.add_days(15)?,
            _ => first.date,
        };
        Reading::new(whole.end, TimexKind::Date, Some(day.to_string()))
    }

    /// Whether the piece before `i` is the hyphen of a range whose first point is a bare number
    /// ("3-8pm", "November 19-20"), not of a numeric date.
    fn joins_range(&self, i: usize) -> bool {
        self.is(i.wrapping_sub(1), "-")
            && self.p.get(i.wrapping_sub(2)).is_some_and(|p| {
                p.number().is_some_and(|n| n <= 31) || p.lower.ends_with("am") || p.lower.ends_with("pm")
            })
            && !self.is(i.wrapping_sub(3), "-")
            && !self.is(i.wrapping_sub(3), "/")
            && !self.is(i + 1, "/")
            && !self.is(i + 1, "-")
    }

    /// The values of a range's two points, a bare number completed from the other point: a
    /// clock hour takes the other time's day and half of the day, a day number its month.
    fn complete(&self, first: &Point, second: &Point) -> Option<(String, String)> {
        match (first, second) {
            (Point::Full { start, reading: a }, Point::Full { start: b_start, reading: b }) => {
                // "between now and November 15th": now is the DCT.
                let now = |v: String| match (v.as_str(), self.dct) {
                    ("PRESENT_REF", Some(dct)) => dct.to_string(),
                    _ => v,
                };
                let (mut a_value, mut b_value) = (now(a.value.clone()?), now(b.value.clone()?));
                if is_clock(&a_value) && is_clock(&b_value) {
                    // A bare clock time ("3:00 to 4:00 tomorrow", "Monday 1pm to 3pm") is on
                    // the other's day.
                    let bare = |at: usize, r: &Reading| self.time_of_day(at).is_some_and(|t| t.end == r.end);
                    if bare(*start, a) {
                        a_value = format!("{}{}", &b_value[..10], &a_value[10..]);
                    } else if bare(*b_start, b) {
                        b_value = format!("{}{}", &a_value[..10], &b_value[10..]);
                    }
                    // "2:00 to 2:30 pm": an unmarked first hour in the second's afternoon.
                    let hour = |v: &str| v.get(11..13).and_then(|h| h.parse::<u32>().ok());
                    if let (Some(h), Some(last)) = (hour(&a_value), hour(&b_value)) {
                        if h < 12 && h + 12 <= last && !self.has_meridiem(*start, a.end) {
                            a_value = format!("{}{:02}{}", &a_value[..11], h + 12, &a_value[13..]);
                        }
                    }
                } else if !is_clock(&a_value) && !is_clock(&b_value) {
                    // "Jan-Feb 2017": a first point without a year takes the second's.
                    let has_year = |from: usize, to: usize| {
                        (from..to).any(|k| self.year_at(k).is_some() || year_shift(self.w(k)).is_some())
                    };
                    match (has_year(*start, a.end), has_year(*b_start, b.end)) {
                        (false, true) => a_value = same_year_before(&a_value, &b_value).unwrap_or(a_value),
                        // "from May to September", "from Nov to March": the second follows the first.
                        (false, false) => b_value = same_year_after(&b_value, &a_value).unwrap_or(b_value),
                        _ => {}
                    }
                }
                Some((a_value, b_value))
            }
            (Point::Number { n, minute, .. }, Point::Full { reading: b, .. }) => {
                let b_value = b.value.clone()?;
                let b_start = Moment::parse(&b_value)?;
                let a_value = if is_clock(&b_value) {
                    let b_hour = b_start.second / 3600;
                    let hour = if *n < 12 && n + 12 <= b_hour { n + 12 } else { *n };
                    (hour < 24).then(|| format!("{}T{hour:02}:{minute:02}", &b_value[..10]))?
                } else {
                    let day = Date::new(b_start.date.year, b_start.date.month, *n)?;
                    (day < b_start.date && *minute == 0).then(|| day.to_string())?
                };
                Some((a_value, b_value))
            }
            (Point::Full { reading: a, .. }, Point::Number { n, minute, .. }) => {
                let a_value = a.value.clone()?;
                let a_start = Moment::parse(&a_value)?;
                let b_value = if is_clock(&a_value) {
                    let a_hour = a_start.second / 3600;
                    let hour = if *n <= a_hour && n + 12 < 24 { n + 12 } else { *n };
                    format!("{}T{hour:02}:{minute:02}", &a_value[..10])
                } else {
                    let day = Date::new(a_start.date.year, a_start.date.month, *n)?;
                    (day > a_start.date && *minute == 0).then(|| day.to_string())?
                };
                Some((a_value, b_value))
            }
            (Point::Number { .. }, Point::Number { .. }) => None,
        }
    }
}

impl Grammar<'_> {
    /// Joins a day and a time of day next to it into one TIME: "tomorrow 8:00am", "Friday
    /// night", "8am this morning", "tomorrow at noon", "tonight around 7", "7 in the evening".
    /// A clock hour without "am" or "pm" on an afternoon, evening or night is the later one.
    /// `r` is the reading found at `start`.
    fn join_day_and_clock(&self, start: usize, r: Reading) -> Reading {
        let is_day = |v: &Option<String>| v.as_ref().is_some_and(|v| v.len() == 10);
        let part_of = |v: &Option<String>| {
            v.as_deref()
                .and_then(|v| v.get(10..))
                .filter(|p| p.len() == 3 && !p[1..].starts_with(|c: char| c.is_ascii_digit()))
                .map(str::to_string)
        };
        let time = |kind, end, value: Option<String>| Reading { end, kind, value, range: None };
        if r.kind == TimexKind::Date && is_day(&r.value) {
            let day = r.value.clone().unwrap_or_default();
            if let Some(code) = part_of_day(self.w(r.end)) {
                return time(TimexKind::Time, r.end + 1, Some(format!("{day}T{code}")));
            }
            let at = self.after_clock_link(r.end);
            if let Some(clock) = self.time_of_day(at).or_else(|| self.hour_after_at(at)) {
                let clock_time =
                    clock.value.as_deref().and_then(|v| v.split_once('T')).map(|(_, t)| t.to_string());
                return time(TimexKind::Time, clock.end, clock_time.map(|t| format!("{day}T{t}")));
            }
        }
        // "tonight at 7", "last night around 8": the clock on that day, later in the day.
        if let (TimexKind::Time, Some(part)) = (r.kind, part_of(&r.value)) {
            let at = if matches!(self.w(r.end), "at" | "around") { r.end + 1 } else { r.end };
            if let Some(clock) = self.time_of_day(at).or_else(|| self.hour_after_at(at)) {
                let day = r.value.as_deref().map(|v| v[..10].to_string());
                let clock_value = clock.value.as_deref().map(|v| self.later_in_day(v, &part, at, clock.end));
                let value = day
                    .zip(clock_value)
                    .map(|(d, c)| format!("{d}T{}", c.rsplit_once('T').map_or("", |x| x.1)));
                return time(TimexKind::Time, clock.end, value);
            }
            return r;
        }
        if r.kind == TimexKind::Time {
            let clock = r.value.as_deref().and_then(|v| v.split_once('T')).map(|(_, t)| t.to_string());
            // A clock time before a daily recurrence: "3pm each day", "6am everyday".
            if let Some((end, _)) = self.recurrence(r.end).filter(|(_, v)| v == "P1D") {
                return Reading {
                    end,
                    kind: TimexKind::Set,
                    value: clock.map(|c| format!("T{c}")),
                    range: None,
                };
            }
            // "7 in the evening", "one in the morning".
            if let (true, Some(part)) =
                (self.is(r.end, "in") && self.is(r.end + 1, "the"), part_of_day(self.w(r.end + 2)))
            {
                let value =
                    r.value.as_deref().map(|v| self.later_in_day(v, &format!("T{part}"), start, r.end));
                return time(TimexKind::Time, r.end + 3, value);
            }
            // "9am on Tuesday", "13:00 February 28, 2013", "3 pm or later on Monday".
            let mut on = r.end;
            if self.is(on, "or") && self.is(on + 1, "later") {
                on += 2;
            }
            if self.is(on, "on") {
                on += 1;
            }
            let day_rules =
                [Grammar::relative_day, Grammar::weekday, Grammar::month_date, Grammar::numeric_date];
            for rule in day_rules {
                if let Some(day) = rule(self, on).filter(|d| is_day(&d.value) || d.kind == TimexKind::Time) {
                    let date = day.value.as_deref().map(|v| v[..10.min(v.len())].to_string());
                    let clock = match (r.value.as_deref(), part_of(&day.value)) {
                        (Some(v), Some(part)) => Some(self.later_in_day(v, &part, start, r.end)),
                        (v, _) => v.map(str::to_string),
                    };
                    let clock = clock.as_deref().and_then(|v| v.split_once('T')).map(|(_, t)| t.to_string());
                    let value = date.zip(clock).map(|(d, c)| format!("{d}T{c}"));
                    return time(TimexKind::Time, day.end, value);
                }
            }
        }
        r
    }

    /// Where a clock time after a day starts, past the words that link them: "at", "around",
    /// "@", "before", "after", "by", "later than", "no later than", "earlier than".
    fn after_clock_link(&self, i: usize) -> usize {
        match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("no", "later" | "earlier", "than") => i + 3,
            ("later" | "earlier", "than", _) => i + 2,
            ("at" | "around" | "@" | "before" | "after" | "by", ..) => i + 1,
            _ => i,
        }
    }

    /// A bare hour ("7", "seven") right after "at" or "around" at `i - 1`: "tonight around 7",
    /// "Saturday at 5".
    fn hour_after_at(&self, i: usize) -> Option<Reading> {
        if !matches!(self.w(i.wrapping_sub(1)), "at" | "around" | "by" | "than") {
            return None;
        }
        let word = self.w(i);
        let hour = self
            .p
            .get(i)?
            .number()
            .filter(|_| word.len() <= 2)
            .or_else(|| cardinal(word).filter(|_| word != "a" && word != "an"))?;
        if !(1..=12).contains(&hour)
            || Unit::of(self.w(i + 1)).is_some()
            || self.w(i + 1).starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        self.clock(hour, 0, 0, i + 1)
    }

    /// Whether pieces `from..to` mark a clock time's half of the day ("am", "p.m.", "3pm", "noon").
    fn has_meridiem(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| {
            let w = self.w(k);
            matches!(w, "a" | "p" | "am" | "pm" | "noon" | "midnight")
                || (w.ends_with('m') && w.starts_with(|c: char| c.is_ascii_digit()))
        })
    }

    /// `value` (a clock time read from pieces `from..to`) moved to the afternoon or evening
    /// when `part` (`TAF`, `TEV`, `TNI`) says so and the pieces give no "am" or "pm".
    fn later_in_day(&self, value: &str, part: &str, from: usize, to: usize) -> String {
        let marked = self.has_meridiem(from, to);

        let Some((day, clock)) = value.rsplit_once('T') else { return value.to_string() };
        let hour = clock.get(..2).and_then(|h| h.parse::<u32>().ok());
        match hour {
            Some(h) if h < 12 && !marked && matches!(part, "TAF" | "TEV" | "TNI") => {
                format!("{day}T{:02}{}", h + 12, &clock[2..])
            }
            _ => value.to_string(),
        }
    }
}

/// The range of `n` units running from the DCT in `direction` (1: "the next three days", from
/// the day after the DCT, or from the DCT itself `within` them; -1: "the past three days", up
/// to the DCT). Quarters and decades count whole calendar periods ("the next two decades" of
/// 2018 run from 2020 to 2040). Units under a day have none: the DCT has no time of day.
fn running_range(dct: Date, unit: Unit, n: i64, direction: i64, within: bool) -> Option<(String, String)> {
    let shift = |from: Date, count: i64| match unit {
        Unit::Quarter => from.add_months(3 * count),
        Unit::Decade => from.add_months(120 * count),
        _ => shift_day(from, unit, count),
    };
    let (begin, end) = match unit {
        Unit::Quarter | Unit::Decade => {
            let current = period(&calendar_period(dct, unit, 0)?)?.0.date;
            let start = if direction > 0 { shift(current, 1)? } else { current };
            if direction > 0 {
                (start, shift(start, n)?)
            } else {
                (shift(start, -n)?, start)
            }
        }
        _ if direction > 0 => {
            let start = if within { dct } else { dct.add_days(1)? };
            (start, shift(start, n)?)
        }
        _ => (shift(dct, -n)?, dct),
    };
    Some((begin.to_string(), end.to_string()))
}

/// The value of a range point read as an expression.
fn first_value(point: &Point) -> Option<&str> {
    match point {
        Point::Full { reading, .. } => reading.value.as_deref(),
        Point::Number { .. } => None,
    }
}

/// The half of the day a mark gives: `pm`, `p` after noon, `am`, `a` before.
fn meridiem_mark(mark: &str) -> Option<bool> {
    match mark {
        "pm" | "p" => Some(true),
        "am" | "a" => Some(false),
        _ => None,
    }
}

/// Two TimeML durations as one, the second in smaller units: `PT1H` and `PT30M` give `PT1H30M`,
/// `P1D` and `PT5H` give `P1DT5H`.
fn join_durations(first: &str, second: &str) -> String {
    match (first.strip_prefix("PT"), second.strip_prefix("PT")) {
        (Some(a), Some(b)) => format!("PT{a}{b}"),
        (None, Some(b)) => format!("{first}T{b}"),
        _ => format!("{first}{}", &second[1..]),
    }
}

/// The weekend (`2021-W43-WE`) by a day (`2021-10-31`): its week's, or for a Monday the one
/// before it (Labor Day weekend).
fn weekend_of(day: &str) -> Option<String> {
    let day = Date::parse(day).ok()?;
    let day = if day.weekday() == 1 { day.add_days(-1)? } else { day };
    let (y, w) = day.iso_week();
    Some(format!("{y:04}-W{w:02}-WE"))
}

/// Whether a value is an ISO week: `2019-W44`.
fn is_week(value: &str) -> bool {
    value.len() == 8 && value.as_bytes()[5] == b'W'
}

/// The date of weekday `day` (1 = Monday) in the ISO week `week` (`2019-W44`).
fn day_in_week(week: &str, day: u32) -> Option<Date> {
    period(week)?.0.date.add_days(i64::from(day) - 1)
}

/// A quarter or half written as a code: `q3` (3, "Q"), `h2` (2, "H").
fn quarter_code(word: &str) -> Option<(u32, &'static str)> {
    let (part, digits) = match word.as_bytes().first()? {
        b'q' => ("Q", &word[1..]),
        b'h' => ("H", &word[1..]),
        _ => return None,
    };
    let n: u32 = digits.parse().ok()?;
    let top = if part == "Q" { 4 } else { 2 };
    (digits.len() == 1 && (1..=top).contains(&n)).then_some((n, part))
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

/// The first or last `n` units of the year or month `period` (`2021`, `2021-10`): days and
/// months from its edge, weeks as whole ISO weeks ("the first 2 weeks of 2021" run from
/// 2021-01-04, the Monday of its week 1).
fn range_inside(period_value: &str, unit: Unit, n: i64, first: bool) -> Option<(String, String)> {
    let (start, next) = period(period_value).filter(|_| matches!(period_value.len(), 4 | 7))?;
    let (start, next) = (start.date, next.date);
    let monday_on_or_after = |d: Date| d.add_days((8 - i64::from(d.weekday())) % 7);
    let (begin, end) = match (unit, first) {
        (Unit::Week, true) => {
            let b = if period_value.len() == 4 {
                period(&format!("{period_value}-W01"))?.0.date
            } else {
                monday_on_or_after(start)?
            };
            (b, b.add_days(7 * n)?)
        }
        (Unit::Week, false) => {
            let e = if period_value.len() == 4 {
                period(&format!("{:04}-W01", start.year + 1))?.0.date
            } else {
                monday_on_or_after(next)?
            };
            (e.add_days(-7 * n)?, e)
        }
        (Unit::Day | Unit::Month | Unit::Year, true) => (start, shift_day(start, unit, n)?),
        (Unit::Day | Unit::Month | Unit::Year, false) => (shift_day(next, unit, -n)?, next),
        _ => return None,
    };
    (begin >= start.add_days(-6)? && end <= next.add_days(6)?).then(|| (begin.to_string(), end.to_string()))
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

/// `value` (a month or day without a written year) moved into the year of `other`, a year
/// earlier if it would then come after it: "Nov-Feb 2017" runs from November 2016.
fn same_year_before(value: &str, other: &str) -> Option<String> {
    let year = other.get(..4)?;
    let moved = format!("{year}{}", value.get(4..)?);
    let (start, other_start) = (period(&moved)?.0, period(other)?.0);
    if start < other_start {
        return Some(moved);
    }
    let earlier: i32 = year.parse::<i32>().ok()? - 1;
    Some(format!("{earlier:04}{}", value.get(4..)?))
}

/// `value` (a month or day without a written year) moved to the first year in which it comes
/// after `other`: "from Nov to March" ends in the March after November.
fn same_year_after(value: &str, other: &str) -> Option<String> {
    let year: i32 = other.get(..4)?.parse().ok()?;
    let other_start = period(other)?.0;
    [year, year + 1]
        .into_iter()
        .map(|y| format!("{y:04}{}", value.get(4..).unwrap_or("")))
        .find(|moved| period(moved).is_some_and(|(start, _)| start > other_start))
}

/// The clock times of bare hours on `day` ("Monday 3-8", "between 7 and 9 last night"): the
/// second after the first, both in the afternoon or evening when the day names one.
fn hour_range(day: &str, first: (u32, u32), second: (u32, u32)) -> Option<(String, String)> {
    let later = day.ends_with("TAF") || day.ends_with("TEV") || day.ends_with("TNI");
    let a = first.0 + if later && first.0 < 12 { 12 } else { 0 };
    let mut b = second.0 + if later && second.0 < 12 { 12 } else { 0 };
    if b <= a && b + 12 < 24 {
        b += 12;
    }
    if b <= a || b >= 24 {
        return None;
    }
    let day = day_of(Some(day))?;
    Some((format!("{day}T{a:02}:{:02}", first.1), format!("{day}T{b:02}:{:02}", second.1)))
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

/// Adjectives between a count and a unit of days: "six straight days", "five trading days".
fn is_day_kind(word: &str) -> bool {
    matches!(
        word,
        "straight" | "consecutive" | "full" | "trading" | "business" | "working" | "more" | "additional"
    )
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
