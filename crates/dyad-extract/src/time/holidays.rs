//! Holidays that date news events ("on Christmas Eve", "last Easter", "two weeks before
//! Thanksgiving"): the day each falls on in a given year, fixed or movable. Holidays that
//! differ by country are those of the United States, as the Recognizers-Text specs take them.

use super::calendar::{days_in_month, Date};

/// How a holiday's day is found in a year.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// Days after Easter Sunday (negative: before it).
    Easter(i64),
    /// The `n`th given weekday (1 = Monday) of a month; `n` = -1 is the last.
    Weekday { month: u32, weekday: u32, n: i32 },
    /// The Friday after Thanksgiving.
    DayAfterThanksgiving,
}

/// Holiday names as lowercase words (an apostrophe's "s" joined to its word: "new years"),
/// longest first where one name starts another.
const HOLIDAYS: [(&[&str], Rule); 30] = [
    (&["christmas", "eve"], Rule::Fixed(12, 24)),
    (&["christmas", "day"], Rule::Fixed(12, 25)),
    (&["christmas"], Rule::Fixed(12, 25)),
    (&["boxing", "day"], Rule::Fixed(12, 26)),
    (&["new", "years", "eve"], Rule::Fixed(12, 31)),
    (&["new", "year", "eve"], Rule::Fixed(12, 31)),
    (&["new", "years", "day"], Rule::Fixed(1, 1)),
    (&["new", "year", "day"], Rule::Fixed(1, 1)),
    (&["independence", "day"], Rule::Fixed(7, 4)),
    (&["halloween"], Rule::Fixed(10, 31)),
    (&["valentines", "day"], Rule::Fixed(2, 14)),
    (&["international", "workers", "day"], Rule::Fixed(5, 1)),
    (&["veterans", "day"], Rule::Fixed(11, 11)),
    (&["armistice", "day"], Rule::Fixed(11, 11)),
    (&["easter", "monday"], Rule::Easter(1)),
    (&["easter", "sunday"], Rule::Easter(0)),
    (&["easter"], Rule::Easter(0)),
    (&["good", "friday"], Rule::Easter(-2)),
    (&["thanksgiving", "day"], Rule::Weekday { month: 11, weekday: 4, n: 4 }),
    (&["thanksgiving"], Rule::Weekday { month: 11, weekday: 4, n: 4 }),
    (&["labor", "day"], Rule::Weekday { month: 9, weekday: 1, n: 1 }),
    (&["memorial", "day"], Rule::Weekday { month: 5, weekday: 1, n: -1 }),
    (&["mothers", "day"], Rule::Weekday { month: 5, weekday: 7, n: 2 }),
    (&["fathers", "day"], Rule::Weekday { month: 6, weekday: 7, n: 3 }),
    (&["martin", "luther", "king", "day"], Rule::Weekday { month: 1, weekday: 1, n: 3 }),
    (&["black", "friday"], Rule::DayAfterThanksgiving),
    (&["earth", "day"], Rule::Fixed(4, 22)),
    (&["saint", "patricks", "day"], Rule::Fixed(3, 17)),
    (&["saint", "patrick"], Rule::Fixed(3, 17)),
    (&["st", "patricks", "day"], Rule::Fixed(3, 17)),
];

/// A holiday named in a text.
#[derive(Debug, Clone, Copy)]
pub struct Holiday(Rule);

impl Holiday {
    /// Whether some holiday's name starts with `word` (lowercase): a cheap test before
    /// [`Self::named`].
    pub fn may_start(word: &str) -> bool {
        HOLIDAYS.iter().any(|(name, _)| {
            name[0] == word || (name[0].ends_with('s') && name[0].strip_suffix('s') == Some(word))
        })
    }

    /// The holiday whose name `words` start with, and how many words the name takes.
    pub fn named(words: &[&str]) -> Option<(Self, usize)> {
        HOLIDAYS.iter().find_map(|(name, rule)| {
            (words.len() >= name.len() && words[..name.len()] == **name).then_some((Self(*rule), name.len()))
        })
    }

    /// Its day in `year`.
    pub fn in_year(self, year: i32) -> Option<Date> {
        match self.0 {
            Rule::Fixed(month, day) => Date::new(year, month, day),
            Rule::Easter(offset) => easter(year)?.add_days(offset),
            Rule::DayAfterThanksgiving => {
                Self(Rule::Weekday { month: 11, weekday: 4, n: 4 }).in_year(year)?.add_days(1)
            }
            Rule::Weekday { month, weekday, n } => {
                let first = Date::new(year, month, 1)?;
                let to_first = (i64::from(weekday) - i64::from(first.weekday())).rem_euclid(7);
                let day = if n > 0 {
                    to_first + 7 * i64::from(n - 1)
                } else {
                    let last_full_week = i64::from(days_in_month(year, month)) - 7;
                    to_first + 7 * ((last_full_week - to_first).div_euclid(7) + 1)
                };
                first.add_days(day).filter(|d| d.month == month)
            }
        }
    }

    /// Its month and day when they are the same every year (for values without a year).
    pub fn fixed_day(self) -> Option<(u32, u32)> {
        match self.0 {
            Rule::Fixed(month, day) => Some((month, day)),
            _ => None,
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<Date> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    Date::new(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(name: &str, year: i32) -> String {
        let words: Vec<&str> = name.split(' ').collect();
        let (holiday, len) = Holiday::named(&words).unwrap();
        assert_eq!(len, words.len(), "{name}");
        holiday.in_year(year).unwrap().to_string()
    }

    #[test]
    fn fixed_and_movable_holidays_fall_on_their_days() {
        assert_eq!(day("christmas eve", 2019), "2019-12-24");
        assert_eq!(day("easter", 2018), "2018-04-01");
        assert_eq!(day("easter", 2019), "2019-04-21");
        assert_eq!(day("easter monday", 2020), "2020-04-13");
        assert_eq!(day("good friday", 2024), "2024-03-29");
        assert_eq!(day("thanksgiving", 2023), "2023-11-23");
        assert_eq!(day("labor day", 2021), "2021-09-06");
        assert_eq!(day("memorial day", 2021), "2021-05-31");
        assert_eq!(day("memorial day", 2022), "2022-05-30");
        assert!(Holiday::named(&["boxing"]).is_none());
    }
}
