//! Dates and calendar periods: month dates, written and numeric dates, weekdays, relative
//! days and periods, holidays, weeks, quarters, seasons and years.

use super::*;

impl Grammar<'_> {
    /// A year in words at `i` ("nineteen eighty six", "nineteen hundred ninety three", "two
    /// thousand and fifteen"; "two thousand" alone only `after_date`), and the piece after it.
    pub(super) fn spelled_year(&self, i: usize, after_date: bool) -> Option<(i32, usize)> {
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

    /// Holidays: "Christmas", "on Easter Monday", "last Easter", "Thanksgiving 2023",
    /// "Independence Day of this year".
    pub(super) fn holiday(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn holiday_day(&self, i: usize) -> Option<Reading> {
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

    /// "the Cold War", "World War II", "the Great Depression": found, never valued.
    pub(super) fn named_period(&self, i: usize) -> Option<Reading> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let end = match (self.w(j), self.w(j + 1)) {
            ("cold", "war") | ("great", "depression") | ("middle", "ages") => j + 2,
            ("world", "war") if matches!(self.w(j + 2), "i" | "ii" | "one" | "two" | "1" | "2") => j + 3,
            _ => return None,
        };
        Reading::new(end, TimexKind::Date, None)
    }

    /// Dates with a month name: "November 2", "2 November 2018", "Nov. 2, 2018", "March 2008",
    /// "May 9 next year", "in May".
    pub(super) fn month_date(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn finish_date(&self, month: u32, day: Option<u32>, j: usize) -> Option<Reading> {
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
    pub(super) fn numeric_date(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn two_digit_year(&self, yy: u32) -> i32 {
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
    pub(super) fn named_month_date(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn relative_day(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn weekday(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn relative_period(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn week_of(&self, i: usize) -> Option<Reading> {
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

    /// "the 15th day of next month", "the third month of 2021", "week 27 of last year": a day of
    /// a month, a month of a year, an ISO week of a year, counted.
    pub(super) fn nth_of(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn end_of(&self, i: usize) -> Option<Reading> {
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

    /// "three years ago", "two weeks from now"; the day a count of days to years before or
    /// after another day ("two days after tomorrow", "three weeks from Monday") or, in a future
    /// clause, after the DCT ("will vote in two weeks").
    pub(super) fn ago(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn quarter(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn season(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn year(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn stands_as_year(&self, j: usize) -> bool {
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
