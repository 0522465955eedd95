//! The words of time: months, weekdays, units, seasons, ordinals and small cardinals.

/// The month (1..=12) a word names: full names and the usual abbreviations.
pub fn month(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if let Some(i) = NAMES.iter().position(|n| *n == word) {
        return Some(i as u32 + 1);
    }
    match word {
        "jan" => Some(1),
        "feb" => Some(2),
        "mar" => Some(3),
        "apr" => Some(4),
        "jun" => Some(6),
        "jul" => Some(7),
        "aug" => Some(8),
        "sep" | "sept" => Some(9),
        "oct" => Some(10),
        "nov" => Some(11),
        "dec" => Some(12),
        _ => None,
    }
}

/// Whether a month word is ambiguous with a common word ("may", "march") and needs a date
/// around it to count as a month.
pub fn month_is_ambiguous(word: &str) -> bool {
    matches!(word, "may" | "march" | "mar" | "jan" | "dec" | "sat" | "sun")
}

/// The ISO weekday (1 = Monday … 7 = Sunday) a word names.
pub fn weekday(word: &str) -> Option<u32> {
    match word {
        "monday" | "mon" => Some(1),
        "tuesday" | "tue" | "tues" => Some(2),
        "wednesday" | "wed" => Some(3),
        "thursday" | "thu" | "thur" | "thurs" => Some(4),
        "friday" | "fri" => Some(5),
        "saturday" | "sat" => Some(6),
        "sunday" | "sun" => Some(7),
        _ => None,
    }
}

/// A unit of time, as TimeML durations write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Seconds (`PTnS`).
    Second,
    /// Minutes (`PTnM`).
    Minute,
    /// Hours (`PTnH`).
    Hour,
    /// Days (`PnD`).
    Day,
    /// Weeks (`PnW`).
    Week,
    /// Months (`PnM`).
    Month,
    /// Quarters (three months).
    Quarter,
    /// Years (`PnY`).
    Year,
    /// Decades (ten years).
    Decade,
    /// Centuries (a hundred years).
    Century,
}

impl Unit {
    /// The unit a word names, singular or plural.
    pub fn of(word: &str) -> Option<Self> {
        Some(match word {
            "second" | "seconds" | "sec" | "secs" => Self::Second,
            "minute" | "minutes" | "min" | "mins" => Self::Minute,
            "hour" | "hours" | "hr" | "hrs" => Self::Hour,
            "day" | "days" => Self::Day,
            "week" | "weeks" => Self::Week,
            "month" | "months" => Self::Month,
            "quarter" | "quarters" => Self::Quarter,
            "year" | "years" | "yr" | "yrs" => Self::Year,
            "decade" | "decades" => Self::Decade,
            "century" | "centuries" => Self::Century,
            _ => return None,
        })
    }

    /// A TimeML duration of a count written in figures (`1.5`), for the units TimeML writes
    /// directly (not quarters, decades or centuries): `PT1.5H`, `P2.5Y`.
    pub fn duration_of(self, count: &str) -> Option<String> {
        Some(match self {
            Self::Second => format!("PT{count}S"),
            Self::Minute => format!("PT{count}M"),
            Self::Hour => format!("PT{count}H"),
            Self::Day => format!("P{count}D"),
            Self::Week => format!("P{count}W"),
            Self::Month => format!("P{count}M"),
            Self::Year => format!("P{count}Y"),
            Self::Quarter | Self::Decade | Self::Century => return None,
        })
    }

    /// Whether this unit is smaller than `other` and can follow it in one duration ("an hour
    /// and 30 minutes"): seconds to days and months, never weeks or the multiples of months
    /// and years.
    pub fn is_below(self, other: Self) -> bool {
        let rank = |u: Self| u as u8;
        rank(self) < rank(other) && !matches!(self, Self::Week | Self::Quarter | Self::Decade)
    }

    /// A TimeML duration of `n` units (`X` for an unknown number): `P2W`, `PT3H`, `P10Y`.
    pub fn duration(self, n: Option<u32>) -> String {
        let scaled = |k: u32| n.map_or("X".to_string(), |n| n.saturating_mul(k).to_string());
        match self {
            Self::Second => format!("PT{}S", scaled(1)),
            Self::Minute => format!("PT{}M", scaled(1)),
            Self::Hour => format!("PT{}H", scaled(1)),
            Self::Day => format!("P{}D", scaled(1)),
            Self::Week => format!("P{}W", scaled(1)),
            Self::Month => format!("P{}M", scaled(1)),
            Self::Quarter => format!("P{}M", scaled(3)),
            Self::Year => format!("P{}Y", scaled(1)),
            Self::Decade => format!("P{}Y", scaled(10)),
            Self::Century => format!("P{}Y", scaled(100)),
        }
    }
}

/// The adverbs of frequency TimeML calls sets, with their period.
pub fn frequency(word: &str) -> Option<&'static str> {
    match word {
        "daily" | "nightly" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "quarterly" => Some("P3M"),
        "annually" | "yearly" => Some("P1Y"),
        _ => None,
    }
}

/// The TimeML code of a season word.
pub fn season(word: &str) -> Option<&'static str> {
    match word {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "autumn" | "fall" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    }
}

/// The value of an ordinal written as a word or with a suffix ("third", "3rd", "21st").
pub fn ordinal(word: &str) -> Option<u32> {
    const WORDS: [&str; 31] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
    ];
    // Every ordinal ends so: most words are turned away here, at no cost.
    if !["st", "nd", "rd", "th"].iter().any(|end| word.ends_with(end)) {
        return None;
    }
    if let Some(i) = WORDS.iter().position(|w| *w == word) {
        return Some(i as u32 + 1);
    }
    let digits = word
        .strip_suffix("st")
        .or(word.strip_suffix("nd"))
        .or(word.strip_suffix("rd"))
        .or(word.strip_suffix("th"))?;
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The value of a whole number of units written as a word or in digits ("two", "twelve",
/// "40"); "a" and "an" count as one. The amount recogniser reads the number.
pub fn cardinal(word: &str) -> Option<u32> {
    if matches!(word, "a" | "an") {
        return Some(1);
    }
    if !word.is_empty() && word.len() <= 9 && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().filter(|n| *n <= 1_000_000);
    }
    // Only number words go to the number reader (it allocates; the grammar asks at every word).
    if !crate::number::is_number_word(word) {
        return None;
    }
    let value = crate::number::parse(word)?;
    (value >= 0.0 && value.fract() == 0.0 && value <= 1e6).then_some(value as u32)
}
