//! Amounts of time and recurrences: durations ("two weeks", "the next three days") and sets
//! ("every Friday", "3pm each day").

use super::*;

impl Grammar<'_> {
    /// Recurrences: "every year", "each week", "every other day", "every Monday", "Fridays",
    /// "every morning", "every weekend", "twice a year", "15 a year", "annually"; a clock time
    /// after a daily or weekly one fixes its time ("every Monday at 4pm", "everyday 6am").
    pub(super) fn set(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn recurrence(&self, i: usize) -> Option<(usize, String)> {
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

    /// Amounts of time written tight or with a decimal, and a few more: "3h", "10d", "5years",
    /// "3.5 years", "123.45 sec", "all day", "two nights".
    pub(super) fn other_duration(&self, i: usize) -> Option<Reading> {
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

    /// Amounts of time: "two weeks", "within two weeks", "the next three years", "a fifty-year
    /// history", "for years".
    pub(super) fn duration(&self, i: usize) -> Option<Reading> {
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

/// Two TimeML durations as one, the second in smaller units: `PT1H` and `PT30M` give `PT1H30M`,
/// `P1D` and `PT5H` give `P1DT5H`.
fn join_durations(first: &str, second: &str) -> String {
    match (first.strip_prefix("PT"), second.strip_prefix("PT")) {
        (Some(a), Some(b)) => format!("PT{a}{b}"),
        (None, Some(b)) => format!("{first}T{b}"),
        _ => format!("{first}{}", &second[1..]),
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

/// Adjectives between a count and a unit of days: "six straight days", "five trading days".
fn is_day_kind(word: &str) -> bool {
    matches!(
        word,
        "straight" | "consecutive" | "full" | "trading" | "business" | "working" | "more" | "additional"
    )
}
