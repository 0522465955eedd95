//! The stretch of time a TimeML value denotes: `2019` runs from 2019-01-01 to 2020-01-01,
//! `2019-Q3` from July to October, `199` (the 1990s) from 1990 to 2000. Ranges ("from 2009 to
//! 2011") are measured with it, and scorers compare values written in other notations through it.

use super::calendar::Date;

/// A moment: a day and the seconds into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment {
    /// The day.
    pub date: Date,
    /// Seconds since the day's midnight, 0..86,400.
    pub second: u32,
}

impl Moment {
    /// Midnight at the start of `date`.
    pub fn midnight(date: Date) -> Self {
        Self { date, second: 0 }
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM-DDThh[:mm[:ss]]` or the same with a space for the `T`.
    pub fn parse(text: &str) -> Option<Self> {
        let (day, clock) = match text.split_once(['T', ' ']) {
            Some((day, clock)) => (day, Some(clock)),
            None => (text, None),
        };
        if day.len() != 10 {
            return None;
        }
        let date = Date::parse(day).ok()?;
        let second = match clock {
            Some(clock) => clock_seconds(clock)?,
            None => 0,
        };
        Some(Self { date, second })
    }
}

/// Seconds into the day of `hh[:mm[:ss]]`.
pub fn clock_seconds(clock: &str) -> Option<u32> {
    let mut total = 0;
    let mut parts = 0;
    for (i, part) in clock.split(':').enumerate() {
        if i > 2 || part.len() != 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = part.parse().ok()?;
        let limit = if i == 0 { 24 } else { 60 };
        if n >= limit {
            return None;
        }
        total += n * [3600, 60, 1][i];
        parts += 1;
    }
    (parts > 0).then_some(total)
}

/// The stretch `[start, end)` a calendar value denotes: a day, ISO week, month, quarter, half,
/// year, decade (`199`) or century (`19`); a time of day (`2019-10-31T15:00`) is the moment
/// alone. Values with unknown digits (`XXXX-11`), parts of days and durations have none.
pub fn period(value: &str) -> Option<(Moment, Moment)> {
    let day = |y: i32, m: u32, d: u32| Date::new(y, m, d).map(Moment::midnight);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if value.contains('T') {
        let moment = Moment::parse(value)?;
        return Some((moment, moment));
    }
    let (year, rest) = value.split_once('-').map_or((value, None), |(y, r)| (y, Some(r)));
    if !digits(year) {
        return None;
    }
    let n: i32 = year.parse().ok()?;
    let Some(rest) = rest else {
        return match year.len() {
            4 => Some((day(n, 1, 1)?, day(n + 1, 1, 1)?)),
            3 => Some((day(n * 10, 1, 1)?, day(n * 10 + 10, 1, 1)?)),
            2 => Some((day(n * 100, 1, 1).or(day(1, 1, 1))?, day(n * 100 + 100, 1, 1)?)),
            _ => None,
        };
    };
    if year.len() != 4 {
        return None;
    }
    let months = |first: u32, count: i64| {
        let start = Date::new(n, first, 1)?;
        Some((Moment::midnight(start), Moment::midnight(start.add_months(count)?)))
    };
    if let Some(week) = rest.strip_prefix('W').filter(|w| digits(w)) {
        let week: i64 = week.parse().ok()?;
        // ISO week 1 holds January 4.
        let january_4 = Date::new(n, 1, 4)?;
        let monday = january_4.add_days(1 - i64::from(january_4.weekday()) + 7 * (week - 1))?;
        return (1..=53)
            .contains(&week)
            .then(|| Some((Moment::midnight(monday), Moment::midnight(monday.add_days(7)?))))
            .flatten();
    }
    if let Some(q) =
        rest.strip_prefix('Q').and_then(|q| q.parse::<u32>().ok()).filter(|q| (1..=4).contains(q))
    {
        return months(3 * q - 2, 3);
    }
    if let Some(h) =
        rest.strip_prefix('H').and_then(|h| h.parse::<u32>().ok()).filter(|h| (1..=2).contains(h))
    {
        return months(6 * h - 5, 6);
    }
    match rest.split_once('-') {
        None if digits(rest) && rest.len() == 2 => months(rest.parse().ok()?, 1),
        Some((m, d)) if digits(m) && digits(d) && m.len() == 2 && d.len() == 2 => {
            let start = Date::new(n, m.parse().ok()?, d.parse().ok()?)?;
            Some((Moment::midnight(start), Moment::midnight(start.add_days(1)?)))
        }
        _ => None,
    }
}

/// The TimeML duration from `from` to `to` in the coarsest unit that measures it exactly:
/// `P4Y` between new years, `P52M` between firsts of months, `P9D` between midnights, else
/// hours, minutes and seconds (`PT2H30M`). `None` when `to` is not after `from`.
pub fn duration_between(from: Moment, to: Moment) -> Option<String> {
    if to <= from {
        return None;
    }
    let midnights = from.second == 0 && to.second == 0;
    let months =
        i64::from(to.date.year - from.date.year) * 12 + i64::from(to.date.month) - i64::from(from.date.month);
    if midnights && from.date.day == 1 && to.date.day == 1 {
        if from.date.month == to.date.month {
            return Some(format!("P{}Y", months / 12));
        }
        return Some(format!("P{months}M"));
    }
    let days = from.date.days_until(to.date);
    if midnights {
        return Some(format!("P{days}D"));
    }
    let seconds = days * 86_400 + i64::from(to.second) - i64::from(from.second);
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut out = String::from("PT");
    for (n, unit) in [(h, 'H'), (m, 'M'), (s, 'S')] {
        if n > 0 {
            out.push_str(&format!("{n}{unit}"));
        }
    }
    Some(out)
}

/// `from` moved on by a TimeML duration (`P3D`, `P2W`, `P1Y`, `PT2.5H`, `PT3H30M`); fractions
/// only in hours, minutes and seconds.
pub fn add_duration(from: Moment, duration: &str) -> Option<Moment> {
    let body = duration.strip_prefix('P')?;
    let (date_part, time_part) = body.split_once('T').unwrap_or((body, ""));
    let mut date = from.date;
    let mut seconds = f64::from(from.second);
    for (part, in_time) in [(date_part, false), (time_part, true)] {
        let mut number = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let n: f64 = number.parse().ok()?;
            number.clear();
            let whole = || (n.fract() == 0.0).then_some(n as i64);
            match (in_time, c) {
                (false, 'Y') => date = date.add_months(12 * whole()?)?,
                (false, 'M') => date = date.add_months(whole()?)?,
                (false, 'W') => date = date.add_days(7 * whole()?)?,
                (false, 'D') => date = date.add_days(whole()?)?,
                (true, 'H') => seconds += n * 3600.0,
                (true, 'M') => seconds += n * 60.0,
                (true, 'S') => seconds += n,
                _ => return None,
            }
        }
        if !number.is_empty() {
            return None;
        }
    }
    let days = (seconds / 86_400.0).floor();
    Some(Moment { date: date.add_days(days as i64)?, second: (seconds - days * 86_400.0).round() as u32 })
}

impl Moment {
    /// The TimeML value of the moment: the day alone at midnight when `clock` is false,
    /// else with hours and minutes (and seconds when it has them).
    pub fn value(self, clock: bool) -> String {
        if !clock {
            return self.date.to_string();
        }
        let (h, m, s) = (self.second / 3600, self.second % 3600 / 60, self.second % 60);
        if s > 0 {
            format!("{}T{h:02}:{m:02}:{s:02}", self.date)
        } else {
            format!("{}T{h:02}:{m:02}", self.date)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Moment {
        Moment::parse(s).unwrap()
    }

    #[test]
    fn calendar_values_denote_their_stretch() {
        assert_eq!(period("2019"), Some((m("2019-01-01"), m("2020-01-01"))));
        assert_eq!(period("199"), Some((m("1990-01-01"), m("2000-01-01"))));
        assert_eq!(period("20"), Some((m("2000-01-01"), m("2100-01-01"))));
        assert_eq!(period("2019-Q3"), Some((m("2019-07-01"), m("2019-10-01"))));
        assert_eq!(period("2019-H2"), Some((m("2019-07-01"), m("2020-01-01"))));
        assert_eq!(period("2019-02"), Some((m("2019-02-01"), m("2019-03-01"))));
        assert_eq!(period("2019-W44"), Some((m("2019-10-28"), m("2019-11-04"))));
        assert_eq!(period("2020-W53"), Some((m("2020-12-28"), m("2021-01-04"))));
        assert_eq!(period("2019-10-31"), Some((m("2019-10-31"), m("2019-11-01"))));
        assert_eq!(period("2019-10-31T15:30"), Some((m("2019-10-31 15:30:00"), m("2019-10-31T15:30"))));
        for none in ["XXXX-11", "P2W", "2019-10-31TMO", "2019-13", "2019-W60", "PRESENT_REF", "", "2019-Q5"] {
            assert_eq!(period(none), None, "{none}");
        }
    }

    #[test]
    fn durations_take_the_coarsest_exact_unit() {
        let d = |a: &str, b: &str| duration_between(m(a), m(b));
        assert_eq!(d("2014-01-01", "2018-01-01").as_deref(), Some("P4Y"));
        assert_eq!(d("2014-01-01", "2018-05-01").as_deref(), Some("P52M"));
        assert_eq!(d("2018-10-01", "2018-11-07").as_deref(), Some("P37D"));
        assert_eq!(d("2016-11-07T09:00", "2016-11-07T11:30").as_deref(), Some("PT2H30M"));
        assert_eq!(d("2016-11-07T03", "2016-11-07T17").as_deref(), Some("PT14H"));
        assert_eq!(d("2016-11-07", "2016-11-07"), None);
        assert_eq!(clock_seconds("24:00"), None);
    }

    #[test]
    fn durations_move_moments_on() {
        let add = |a: &str, d: &str| add_duration(m(a), d).map(|x| x.value(true));
        assert_eq!(add("2016-11-07T09:00", "PT2.5H").as_deref(), Some("2016-11-07T11:30"));
        assert_eq!(add("2016-11-07T22:00", "PT3H30M").as_deref(), Some("2016-11-08T01:30"));
        assert_eq!(add("2019-05-20", "P2W").map(|v| v[..10].to_string()).as_deref(), Some("2019-06-03"));
        assert_eq!(add("2019-01-31", "P1M").map(|v| v[..10].to_string()).as_deref(), Some("2019-02-28"));
        assert_eq!(add("2019-01-31", "P1.5M"), None);
        assert_eq!(add("2019-01-31", "PXD"), None);
    }
}
