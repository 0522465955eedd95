//! Dates of PETRARCH actor codes: `YYMMDD` (00–30 are 20YY, the rest 19YY, as in KEDS, TABARI
//! and PETRARCH) or `YYYYMMDD`, checked against the calendar.

use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day, 1–31.
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a date string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not 6 or 8 digits.
    #[error("date `{0}` is not YYMMDD or YYYYMMDD")]
    Shape(String),
    /// Digits that name no day of the calendar.
    #[error("date `{0}` is not a day of the calendar")]
    Calendar(String),
}

/// Reads a PETRARCH date.
pub fn parse(s: &str) -> Result<Date, DateError> {
    let digits = |a: usize, b: usize| s[a..b].parse::<u32>().ok();
    if !s.bytes().all(|b| b.is_ascii_digit()) || !(s.len() == 6 || s.len() == 8) {
        return Err(DateError::Shape(s.to_string()));
    }
    let (year, rest) = if s.len() == 6 {
        let yy = digits(0, 2).unwrap_or(0) as i32;
        (if yy <= 30 { 2000 + yy } else { 1900 + yy }, 2)
    } else {
        (digits(0, 4).unwrap_or(0) as i32, 4)
    };
    let month = digits(rest, rest + 2).unwrap_or(0);
    let day = digits(rest + 2, rest + 4).unwrap_or(0);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(DateError::Calendar(s.to_string()));
    }
    Ok(Date { year, month, day })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The civil date (year, month, day) of a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Howard Hinnant's algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_shapes_and_rejects_bad_dates() {
        assert_eq!(parse("011222").unwrap().to_string(), "2001-12-22");
        assert_eq!(parse("300101").unwrap().to_string(), "2030-01-01");
        assert_eq!(parse("450703").unwrap().to_string(), "1945-07-03");
        assert_eq!(parse("18970101").unwrap().to_string(), "1897-01-01");
        assert_eq!(parse("20120229").unwrap().to_string(), "2012-02-29");
        assert_eq!(parse("20100229"), Err(DateError::Calendar("20100229".into())));
        assert_eq!(parse("201005011"), Err(DateError::Shape("201005011".into())));
        assert_eq!(parse("1920030320"), Err(DateError::Shape("1920030320".into())));
        assert_eq!(parse("2001-1"), Err(DateError::Shape("2001-1".into())));
        assert_eq!(parse("051331"), Err(DateError::Calendar("051331".into())));
    }

    #[test]
    fn civil_dates_from_day_counts() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_000), (2022, 1, 8));
    }
}
