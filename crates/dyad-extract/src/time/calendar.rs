//! Civil dates in the proleptic Gregorian calendar: the arithmetic that relative expressions
//! ("three weeks ago", "next Friday", "May 9 next year") need, without a date-time dependency.

use std::fmt;

/// A calendar day. Years run from 1 to 9999, the range TimeML values can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, 1..=9999.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of the month, 1..=31 as the month allows.
    pub day: u32,
}

/// Why a document date could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a date (expected YYYY-MM-DD, optionally followed by a time): {0:?}")]
pub struct BadDate(pub String);

/// The first and last years a [`Date`] may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Days in `month` of `year`; 0 for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

impl Date {
    /// The date, when it exists (February 30 and year 0 do not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        (YEARS.contains(&year) && day >= 1 && day <= days_in_month(year, month)).then_some(Self {
            year,
            month,
            day,
        })
    }

    /// Reads `YYYY-MM-DD`, also the date part of `YYYY-MM-DDThh:mm:ss`.
    pub fn parse(s: &str) -> Result<Self, BadDate> {
        let bad = || BadDate(s.to_string());
        let date = s.trim().split(['T', ' ']).next().ok_or_else(bad)?;
        let mut parts = date.splitn(3, '-');
        let mut next = || parts.next().filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let (y, m, d) = (next().ok_or_else(bad)?, next().ok_or_else(bad)?, next().ok_or_else(bad)?);
        if y.len() != 4 || m.len() > 2 || d.len() > 2 {
            return Err(bad());
        }
        let (y, m, d) =
            (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        Self::new(y, m, d).ok_or_else(bad)
    }

    /// Days since 0001-01-01 (day 0).
    fn ordinal(self) -> i64 {
        // Count from March so that the leap day ends the year.
        let (y, m) = if self.month <= 2 {
            (i64::from(self.year) - 1, self.month + 9)
        } else {
            (i64::from(self.year), self.month - 3)
        };
        let era_days = 365 * y + y / 4 - y / 100 + y / 400;
        era_days + (153 * i64::from(m) + 2) / 5 + i64::from(self.day) - 1 - 306
    }

    fn from_ordinal(n: i64) -> Option<Self> {
        // Invert `ordinal` by estimating the year, then correcting it.
        let mut year = (n * 400 / 146_097) as i32 + 1;
        let new_year = |year: i32| Self { year, month: 1, day: 1 }.ordinal();
        while year > 1 && new_year(year) > n {
            year -= 1;
        }
        while new_year(year + 1) <= n {
            year += 1;
        }
        let mut rest = n - new_year(year);
        let mut month = 1;
        while rest >= i64::from(days_in_month(year, month)) {
            rest -= i64::from(days_in_month(year, month));
            month += 1;
        }
        Self::new(year, month, rest as u32 + 1)
    }

    /// The date `days` later (earlier when negative), if it stays within [`YEARS`].
    pub fn add_days(self, days: i64) -> Option<Self> {
        let n = self.ordinal().checked_add(days)?;
        (n >= 0).then(|| Self::from_ordinal(n)).flatten()
    }

    /// The same day `months` later (earlier when negative), clamped to the month's length.
    pub fn add_months(self, months: i64) -> Option<Self> {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = index.rem_euclid(12) as u32 + 1;
        Self::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// Days from this date to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Self) -> i64 {
        later.ordinal() - self.ordinal()
    }

    /// Day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
    pub fn weekday(self) -> u32 {
        // 0001-01-01 was a Monday.
        (self.ordinal().rem_euclid(7) + 1) as u32
    }

    /// The ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - i64::from(self.weekday())).unwrap_or(self);
        let first = Self { year: thursday.year, month: 1, day: 1 };
        (thursday.year, ((thursday.ordinal() - first.ordinal()) / 7 + 1) as u32)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert!(Date::new(2019, 2, 29).is_none());
        assert!(Date::new(2020, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(0, 1, 1).is_none());
        assert!(Date::new(99_999, 1, 1).is_none());
        for bad in ["", "2019", "2019-13-01", "2019-02-30", "19-10-31", "2019-1x-01", "yesterday"] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(d("2016-11-07T00:00:00"), Date { year: 2016, month: 11, day: 7 });
    }

    #[test]
    fn day_arithmetic_round_trips_over_four_centuries() {
        let start = d("1900-01-01");
        let mut day = start;
        for i in 0..146_097i64 {
            assert_eq!(start.add_days(i), Some(day));
            assert_eq!(day.add_days(-i), Some(start));
            let next = day.add_days(1).unwrap();
            assert!(next > day);
            day = next;
        }
        assert_eq!(d("2000-01-01").add_days(146_097), Some(d("2400-01-01")));
        assert_eq!(d("0001-01-01").add_days(-1), None);
        assert_eq!(d("9999-12-31").add_days(1), None);
    }

    #[test]
    fn months_clamp_and_weekdays_and_weeks_follow_iso() {
        assert_eq!(d("2019-01-31").add_months(1), Some(d("2019-02-28")));
        assert_eq!(d("2019-10-31").add_months(-12), Some(d("2018-10-31")));
        assert_eq!(d("2019-10-31").weekday(), 4, "a Thursday");
        assert_eq!(d("2016-11-07").weekday(), 1, "a Monday");
        assert_eq!(d("2019-10-31").iso_week(), (2019, 44));
        assert_eq!(d("2021-01-01").iso_week(), (2020, 53));
        assert_eq!(d("2019-12-30").iso_week(), (2020, 1));
    }
}
