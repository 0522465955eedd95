//! Times of day: clock times in figures and words, parts of the day, and their joining to the
//! day they fall on.

use super::*;

impl Grammar<'_> {
    /// The clock time (`16:00`) of a time of day at `i`, and the piece after it.
    pub(super) fn clock_at(&self, i: usize) -> Option<(String, usize)> {
        let reading = self.time_of_day(i)?;
        let clock = reading.value?.rsplit_once('T')?.1.to_string();
        Some((clock, reading.end))
    }

    /// Parts of the day on their own: "in the morning", "later in the evening", "early
    /// morning", on the DCT's day.
    pub(super) fn part_of_day_alone(&self, i: usize) -> Option<Reading> {
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

    /// Times of day: "3 p.m.", "3pm", "15:30", "7:56:30 pm", "8.30pm", "9a", "11ish", "noon",
    /// "midnight", "seven o'clock", "half past seven", "a quarter to eight".
    pub(super) fn time_of_day(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn spelled_minutes(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn clock(&self, hour: u32, minute: u32, second: u32, end: usize) -> Option<Reading> {
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
    pub(super) fn with_meridiem(
        &self,
        hour: u32,
        minute: u32,
        second: u32,
        pm: bool,
        end: usize,
    ) -> Option<Reading> {
        (1..=12)
            .contains(&hour)
            .then(|| self.clock(hour % 12 + if pm { 12 } else { 0 }, minute, second, end))?
    }

    /// "o'clock" or "oclock" at `i`, and the piece after it.
    pub(super) fn oclock(&self, i: usize) -> Option<usize> {
        match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("oclock", ..) => Some(i + 1),
            ("o", "'" | "’", "clock") => Some(i + 3),
            _ => None,
        }
    }

    /// Minutes before or after an hour: "half past seven", "a quarter to eight", "ten past 9",
    /// "20 min past eight", "15 past seven o'clock".
    pub(super) fn spoken_clock(&self, i: usize) -> Option<Reading> {
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

    /// Joins a day and a time of day next to it into one TIME: "tomorrow 8:00am", "Friday
    /// night", "8am this morning", "tomorrow at noon", "tonight around 7", "7 in the evening".
    /// A clock hour without "am" or "pm" on an afternoon, evening or night is the later one.
    /// `r` is the reading found at `start`.
    pub(super) fn join_day_and_clock(&self, start: usize, r: Reading) -> Reading {
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
    pub(super) fn after_clock_link(&self, i: usize) -> usize {
        match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("no", "later" | "earlier", "than") => i + 3,
            ("later" | "earlier", "than", _) => i + 2,
            ("at" | "around" | "@" | "before" | "after" | "by", ..) => i + 1,
            _ => i,
        }
    }

    /// A bare hour ("7", "seven") right after "at" or "around" at `i - 1`: "tonight around 7",
    /// "Saturday at 5".
    pub(super) fn hour_after_at(&self, i: usize) -> Option<Reading> {
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
    pub(super) fn has_meridiem(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| {
            let w = self.w(k);
            matches!(w, "a" | "p" | "am" | "pm" | "noon" | "midnight")
                || (w.ends_with('m') && w.starts_with(|c: char| c.is_ascii_digit()))
        })
    }

    /// `value` (a clock time read from pieces `from..to`) moved to the afternoon or evening
    /// when `part` (`TAF`, `TEV`, `TNI`) says so and the pieces give no "am" or "pm".
    pub(super) fn later_in_day(&self, value: &str, part: &str, from: usize, to: usize) -> String {
        let marked = self.has_meridiem(from, to);
        let Some((day, clock)) = value.rsplit_once('T') else { return value.to_string() };
        let hour = clock.get(..2).and_then(|h| h.parse::<u32>().ok());
        match hour {
            Some(h) if h < 12 && !marked && is_later_part(part) => {
                format!("{day}T{:02}{}", h + 12, &clock[2..])
            }
            _ => value.to_string(),
        }
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
