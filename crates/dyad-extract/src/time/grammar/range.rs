//! Ranges between two points ("from 2009 to 2011", "between 3 and 5pm") and amounts of time
//! from a start ("from 2pm for 2 hours").

use super::*;

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
    pub(super) fn range(&self, i: usize) -> Option<Reading> {
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
            let later = day.as_deref().is_some_and(is_later_part);
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

/// The value of a range point read as an expression.
fn first_value(point: &Point) -> Option<&str> {
    match point {
        Point::Full { reading, .. } => reading.value.as_deref(),
        Point::Number { .. } => None,
    }
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
    let later = is_later_part(day);
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
