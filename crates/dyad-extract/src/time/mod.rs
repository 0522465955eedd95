//! Temporal expressions: found in text and normalised to TimeML values against the document
//! creation time (DCT).
//!
//! News dates are mostly relative ("on November 2", "earlier this month", "May 9 next year"),
//! so each expression is resolved against the DCT, in the direction the clause's tense gives: a
//! past-tense "on November 2" in an article of 31 October 2019 is 2018-11-02. Without a DCT,
//! what the text fixes is kept and the rest written as `X` (`XXXX-11-02`), and purely relative
//! expressions get no value. Named periods ("the Cold War") are found and get no value.

pub mod calendar;
mod grammar;
mod holidays;
pub mod interval;
mod scan;
mod words;

pub use calendar::{BadDate, Date};
use dyad_nlp::analyze::Sentence;
use dyad_nlp::tagger::Tagger;

/// The TimeML type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexKind {
    /// A calendar date or period: `2019-10-31`, `2019-10`, `2019-W44`, `2019`, `201` (the 2010s).
    Date,
    /// A time of day: `2019-10-31T15:00`.
    Time,
    /// An amount of time: `P2W`, `PT3H`.
    Duration,
    /// A recurrence: `P1Y` for "every year".
    Set,
}

impl TimexKind {
    /// The TimeML name: DATE, TIME, DURATION or SET.
    pub fn name(self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Duration => "DURATION",
            Self::Set => "SET",
        }
    }
}

/// The tense of the clause around an expression: the direction in which an underspecified date
/// ("on Friday", "in May") is looked for from the DCT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Reported events: the most recent such date up to the DCT.
    Past,
    /// The nearest such date.
    Present,
    /// Plans and promises: the next such date from the DCT.
    Future,
}

impl Tense {
    /// The tense of a clause from its words and their Penn Treebank tags: a modal "will",
    /// "shall" or "'ll" makes it future, a past-tense verb past, anything else present.
    pub fn of_clause(words: &[&str], tags: &[&str]) -> Self {
        let future = words.iter().zip(tags).any(|(w, t)| {
            *t == "MD" && matches!(w.to_lowercase().as_str(), "will" | "shall" | "'ll" | "’ll" | "wo")
        });
        if future {
            Self::Future
        } else if tags.contains(&"VBD") {
            Self::Past
        } else {
            Self::Present
        }
    }
}

/// A temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// The TimeML type.
    pub kind: TimexKind,
    /// The TimeML value (`2018-11-02`, `P2W`, `XXXX-11-02`); `None` for named periods and for
    /// relative expressions without a DCT.
    pub value: Option<String>,
    /// For a range ("from 2009 to 2011", "the next three days"), the points it runs between;
    /// the expression is then a DURATION valued by the range's length (`P2Y`), as TimeML has it.
    pub range: Option<Range>,
}

/// The points of a range as TimeML values (TimeML's beginPoint and endPoint). The range covers
/// the time from the start of `begin` to the start of `end`: "from 2009 to 2011" is two years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    /// Where the range begins: `2009`.
    pub begin: String,
    /// Where it ends: `2011`.
    pub end: String,
}

/// Finds the temporal expressions of `text` (a sentence or a document whose clauses share
/// `tense`) and normalises them against `dct`. Expressions do not overlap; each is the longest
/// reading at its place.
pub fn find_times(text: &str, dct: Option<Date>, tense: Tense) -> Vec<Timex> {
    grammar::find(text, dct, tense)
}

/// Finds the temporal expressions of an analysed document. Each is resolved in the tense of the
/// clause it hangs from when the sentence is parsed, else in the sentence's (see
/// [`Tense::of_clause`]). Offsets are into `text`.
pub fn find_in_document(
    text: &str,
    sentences: &[Sentence],
    tagger: &Tagger,
    dct: Option<Date>,
) -> Vec<Timex> {
    let mut out = Vec::new();
    for s in sentences {
        let (Some(first), Some(last)) = (s.tokens.first(), s.tokens.last()) else { continue };
        let Some(sentence) = text.get(first.start..last.end) else { continue };
        let words: Vec<&str> = s.words.iter().map(|w| text.get(w.start..w.end).unwrap_or("")).collect();
        let tags: Vec<&str> = s.words.iter().map(|w| tagger.tag_of(w.tag).xpos.as_str()).collect();
        let tense = Tense::of_clause(&words, &tags);
        // Values depend on the tense, spans do not: read the sentence in its own tense, and
        // again in a clause's tense only for an expression whose governing verb has another.
        let reading = find_times(sentence, dct, tense);
        let mut other: Vec<(Tense, Vec<Timex>)> = Vec::new();
        for (k, t) in reading.iter().enumerate() {
            let span = (t.start + first.start, t.end + first.start);
            let clause = clause_tense(s, &words, &tags, span).unwrap_or(tense);
            let (mut value, mut range) = (t.value.clone(), t.range.clone());
            if clause != tense {
                if !other.iter().any(|(c, _)| *c == clause) {
                    other.push((clause, find_times(sentence, dct, clause)));
                }
                let again = other.iter().find(|(c, _)| *c == clause).and_then(|(_, r)| r.get(k));
                if let Some(a) = again.filter(|a| (a.start, a.end) == (t.start, t.end)) {
                    value.clone_from(&a.value);
                    range.clone_from(&a.range);
                }
            }
            out.push(Timex { start: span.0, end: span.1, kind: t.kind, value, range });
        }
    }
    out
}

/// The tense of the clause an expression hangs from, when the sentence is parsed: the verb
/// governing the expression's phrase, with its auxiliaries.
fn clause_tense(s: &Sentence, words: &[&str], tags: &[&str], span: (usize, usize)) -> Option<Tense> {
    let inside = |i: usize| s.words.get(i).is_some_and(|w| w.start >= span.0 && w.end <= span.1);
    let governor = s.words.iter().enumerate().filter(|(i, _)| inside(*i)).find_map(|(_, w)| {
        let head = w.head?.checked_sub(1)?;
        (!inside(head)).then_some(head)
    })?;
    if !tags.get(governor)?.starts_with("VB") {
        return None;
    }
    let mut clause_words = vec![words[governor]];
    let mut clause_tags = vec![tags[governor]];
    for (i, w) in s.words.iter().enumerate() {
        if w.head == Some(governor + 1) && matches!(tags[i], "MD" | "VBD" | "VBZ" | "VBP") {
            clause_words.push(words[i]);
            clause_tags.push(tags[i]);
        }
    }
    // A participle or infinitive alone ("talks following ...") says nothing of the time.
    let finite = clause_tags.iter().any(|t| matches!(*t, "MD" | "VBD" | "VBZ" | "VBP"));
    finite.then(|| Tense::of_clause(&clause_words, &clause_tags))
}

/// Where an event's date comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventDate {
    /// A temporal expression attached to the trigger: its index in the given times.
    Text(usize),
    /// No expression dates the trigger: the document creation time.
    Document,
}

/// The date rule of the event coder: a DATE or TIME expression with a value whose phrase
/// hangs from the event's trigger in the dependency tree (directly, as "on Friday" hangs from
/// "met") dates the event; otherwise the document date does. `trigger` is the index of the
/// trigger among `sentence.words`; `times` are the document's expressions (as
/// [`find_in_document`] gives them). The nearest governing expression wins.
pub fn event_date(sentence: &Sentence, trigger: usize, times: &[Timex]) -> EventDate {
    let words = &sentence.words;
    let Some(trigger_word) = words.get(trigger) else { return EventDate::Document };
    let governs = |t: &Timex| {
        let inside = |i: usize| words.get(i).is_some_and(|w| w.start >= t.start && w.end <= t.end);
        // The phrase's head: a word inside whose head lies outside.
        words.iter().enumerate().filter(|(i, _)| inside(*i)).any(|(_, w)| {
            let head = w.head.and_then(|h| h.checked_sub(1));
            head.is_some_and(|h| !inside(h) && h == trigger)
        })
    };
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return EventDate::Document };
    times
        .iter()
        .enumerate()
        .filter(|(_, t)| t.start >= first.start && t.end <= last.end)
        .filter(|(_, t)| matches!(t.kind, TimexKind::Date | TimexKind::Time) && t.value.is_some())
        .filter(|(_, t)| governs(t))
        .min_by_key(|(_, t)| t.start.abs_diff(trigger_word.start))
        .map_or(EventDate::Document, |(i, _)| EventDate::Text(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, dct: &str, tense: Tense) -> Vec<(String, &'static str, Option<String>)> {
        let dct = Date::parse(dct).ok();
        find_times(text, dct, tense)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.kind.name(), t.value))
            .collect()
    }

    fn one(text: &str, dct: &str, tense: Tense) -> (String, Option<String>) {
        let mut v = values(text, dct, tense);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        let (t, _, value) = v.remove(0);
        (t, value)
    }

    #[test]
    fn an_expression_hanging_from_the_trigger_dates_the_event_and_others_do_not() {
        let pipeline = dyad_nlp::analyze::Pipeline::embedded(true).unwrap();
        let text = "Putin will visit Cuba on May 9 next year, the Kremlin said on Monday.";
        let sentences = pipeline.analyze(text);
        let times = find_in_document(text, &sentences, pipeline.tagger(), Date::parse("2019-10-31").ok());
        let word =
            |form: &str| sentences[0].words.iter().position(|w| &text[w.start..w.end] == form).unwrap();
        let date = |form: &str| match event_date(&sentences[0], word(form), &times) {
            EventDate::Text(i) => times[i].value.clone(),
            EventDate::Document => None,
        };
        assert_eq!(date("visit").as_deref(), Some("2020-05-09"));
        assert_eq!(date("said").as_deref(), Some("2019-10-28"));
        assert_eq!(event_date(&sentences[0], word("Cuba"), &times), EventDate::Document);
        assert_eq!(event_date(&sentences[0], 999, &times), EventDate::Document);
    }

    #[test]
    fn resolves_the_seed_article_expressions() {
        let dct = "2019-10-31";
        let v = |t: &str| Some(t.to_string());
        assert_eq!(
            one("talks in Moscow on November 2, Diaz-Canel called for", dct, Tense::Past),
            ("November 2".into(), v("2018-11-02"))
        );
        assert_eq!(
            one("a deal within two weeks", dct, Tense::Present),
            ("within two weeks".into(), v("P2W"))
        );
        assert_eq!(
            one("he visited earlier this month", dct, Tense::Past),
            ("earlier this month".into(), v("2019-10"))
        );
        assert_eq!(
            one("Putin will visit on May 9 next year", dct, Tense::Future),
            ("May 9 next year".into(), v("2020-05-09"))
        );
        assert_eq!(one("aid during the Cold War ended", dct, Tense::Past), ("the Cold War".into(), None));
        assert_eq!(one("the Soviet Union collapsed in 1991.", dct, Tense::Past), ("1991".into(), v("1991")));
    }

    #[test]
    fn resolves_relative_days_weeks_and_years() {
        let dct = "2019-10-31"; // a Thursday
        let v = |s: &str| Some(s.to_string());
        assert_eq!(one("It happened yesterday.", dct, Tense::Past).1, v("2019-10-30"));
        assert_eq!(one("They met on Monday.", dct, Tense::Past).1, v("2019-10-28"));
        assert_eq!(one("They will meet on Monday.", dct, Tense::Future).1, v("2019-11-04"));
        assert_eq!(one("They met last week.", dct, Tense::Past).1, v("2019-W43"));
        assert_eq!(one("Sales fell last year.", dct, Tense::Past).1, v("2018"));
        assert_eq!(one("It opened three years ago.", dct, Tense::Past).1, v("2016"));
        assert_eq!(one("in the first quarter of 2008", dct, Tense::Past).1, v("2008-Q1"));
        assert_eq!(one("sales in 2017 Q1", dct, Tense::Past).1, v("2017-Q1"));
        assert_eq!(one("sales in H2-2019", dct, Tense::Past).1, v("2019-H2"));
        assert_eq!(one("during the 1990s", dct, Tense::Past).1, v("199"));
        assert_eq!(one("on March 1, 2008", dct, Tense::Past).1, v("2008-03-01"));
        assert_eq!(one("a fifty-year history", dct, Tense::Past).1, v("P50Y"));
        assert_eq!(one("15 tankers a year", dct, Tense::Present), ("a year".into(), v("P1Y")));
    }

    #[test]
    fn ranges_are_durations_between_two_points() {
        let dct = Date::parse("2016-11-07").ok(); // a Monday
        let range = |text: &str, tense: Tense| {
            let found = find_times(text, dct, tense);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let t = &found[0];
            let points = t.range.as_ref().map(|r| format!("{} {}", r.begin, r.end));
            (
                text[t.start..t.end].to_string(),
                t.kind,
                t.value.clone().unwrap_or_default(),
                points.unwrap_or_default(),
            )
        };
        let d = TimexKind::Duration;
        assert_eq!(
            range("prices rose from 2009 to 2011.", Tense::Past),
            ("from 2009 to 2011".into(), d, "P2Y".into(), "2009 2011".into())
        );
        assert_eq!(
            range("in 2014-2018", Tense::Past),
            ("2014-2018".into(), d, "P4Y".into(), "2014 2018".into())
        );
        assert_eq!(
            range("open between 3 and 5pm", Tense::Present).2,
            "PT2H",
            "the bare hour takes the afternoon of the other"
        );
        assert_eq!(
            range("off April 9th through 17th", Tense::Past).3,
            "2016-04-09 2016-04-17",
            "the bare day takes the month of the other"
        );
        assert_eq!(range("held Nov-Feb 2017", Tense::Past).3, "2016-11 2017-02");
        assert_eq!(range("out 3:00 to 4:00 tomorrow", Tense::Future).3, "2016-11-08T03:00 2016-11-08T04:00");
        assert_eq!(
            range("talks over the next three days", Tense::Future),
            ("the next three days".into(), d, "P3D".into(), "2016-11-08 2016-11-11".into())
        );
        assert_eq!(range("in the past five years", Tense::Past).3, "2011-11-07 2016-11-07");
        assert_eq!(range("from Nov to March", Tense::Future).3, "2016-11 2017-03");
        assert_eq!(range("between 7 and 9 last night", Tense::Past).3, "2016-11-06T19:00 2016-11-06T21:00");
        assert_eq!(range("open Monday 3-8", Tense::Future).2, "PT5H");
        assert_eq!(range("from now until November 15th", Tense::Future).3, "2016-11-07 2016-11-15");
        assert_eq!(range("over the next two decades", Tense::Future).3, "2020-01-01 2040-01-01");
    }

    #[test]
    fn counts_from_a_day_give_a_day() {
        let dct = "2018-07-05";
        let v = |s: &str| Some(s.to_string());
        assert_eq!(
            one("Talks will resume in two weeks.", dct, Tense::Future),
            ("in two weeks".into(), v("2018-07-19"))
        );
        assert_eq!(one("two days after tomorrow", dct, Tense::Present).1, v("2018-07-08"));
        assert_eq!(one("three weeks before yesterday", dct, Tense::Past).1, v("2018-06-13"));
        assert_eq!(
            one("He was freed in two weeks.", dct, Tense::Past),
            ("two weeks".into(), v("P2W")),
            "a past clause measures, it does not date"
        );
    }

    #[test]
    fn weeks_days_in_weeks_ends_and_parts_of_days() {
        let dct = "2018-11-21"; // a Wednesday in 2018-W47
        let v = |s: &str| Some(s.to_string());
        assert_eq!(one("the first week of 2015", dct, Tense::Past).1, v("2015-W01"));
        assert_eq!(one("the last week of 2016", dct, Tense::Past).1, v("2016-W52"));
        assert_eq!(one("in the last week of March 2009", dct, Tense::Past).1, v("2009-W13"));
        assert_eq!(one("the 3rd week of 2018", dct, Tense::Past).1, v("2018-W03"));
        assert_eq!(
            one("next week on Tuesday", dct, Tense::Future),
            ("next week on Tuesday".into(), v("2018-11-27"))
        );
        assert_eq!(one("Wednesday evening next week", dct, Tense::Future).1, v("2018-11-28TEV"));
        assert_eq!(one("by the end of the day", dct, Tense::Future).1, v("2018-11-21T23:59:59"));
        assert_eq!(one("end of tomorrow", dct, Tense::Future).1, v("2018-11-22T23:59:59"));
        assert_eq!(one("by end of month", dct, Tense::Future).1, v("2018-11"));
        assert_eq!(one("later in the evening", dct, Tense::Future).1, v("2018-11-21TEV"));
        assert!(values("a night of violence", dct, Tense::Past).is_empty());
    }

    #[test]
    fn weekdays_with_dates_spelled_days_and_compound_durations() {
        let dct = "2019-06-17"; // a Monday
        let v = |s: &str| Some(s.to_string());
        assert_eq!(
            one("on Tuesday, March 7, 2017", dct, Tense::Past),
            ("Tuesday, March 7, 2017".into(), v("2017-03-07"))
        );
        assert_eq!(one("on Tuesday the eleventh", dct, Tense::Past).1, v("2019-06-11"));
        assert_eq!(one("February twenty-second", dct, Tense::Past).1, v("2019-02-22"));
        assert_eq!(one("it took one and a half hours", dct, Tense::Past).1, v("PT1.5H"));
        assert_eq!(one("almost two and a half years", dct, Tense::Past).1, v("P2.5Y"));
        assert_eq!(one("1 hour and 30 minutes", dct, Tense::Past).1, v("PT1H30M"));
        assert_eq!(one("3 days after January 12th", dct, Tense::Past).1, v("2019-01-15"));
    }

    #[test]
    fn clock_times_in_figures_words_and_parts_of_the_day() {
        let dct = "2016-11-07";
        let clock = |text: &str| one(text, dct, Tense::Future).1.unwrap_or_default();
        assert_eq!(clock("back at 7:56:30 pm"), "2016-11-07T19:56:30");
        assert_eq!(clock("back at 8.30pm"), "2016-11-07T20:30");
        assert_eq!(clock("leaving at half past seven"), "2016-11-07T07:30");
        assert_eq!(clock("a quarter to eight"), "2016-11-07T07:45");
        assert_eq!(clock("at seven o'clock"), "2016-11-07T07:00");
        assert_eq!(clock("at 7 in the evening"), "2016-11-07T19:00");
        assert_eq!(clock("tonight around 7"), "2016-11-07T19:00");
        assert_eq!(clock("tonight at 1am"), "2016-11-07T01:00");
        assert_eq!(clock("in the afternoon at 3"), "2016-11-07T15:00");
        assert!(values("prices rose 6.45 percent", dct, Tense::Past).is_empty());
        assert!(values("a 5 to 4 vote", dct, Tense::Past).iter().all(|t| t.1 != "TIME"));
    }

    #[test]
    fn clocks_join_days_and_counted_parts_of_periods() {
        let dct = "2021-06-14"; // a Monday
        let v = |s: &str| Some(s.to_string());
        assert_eq!(one("at 13:00 February 28, 2013", dct, Tense::Past).1, v("2013-02-28T13:00"));
        assert_eq!(one("9am on Tuesday", dct, Tense::Future).1, v("2021-06-15T09:00"));
        assert_eq!(one("tomorrow no later than 6pm", dct, Tense::Future).1, v("2021-06-15T18:00"));
        assert_eq!(one("Tuesday in the morning", dct, Tense::Future).1, v("2021-06-15TMO"));
        assert_eq!(one("the 15th day of next month", dct, Tense::Future).1, v("2021-07-15"));
        assert_eq!(one("the third month of 2021", dct, Tense::Past).1, v("2021-03"));
        assert_eq!(one("week 27 of last year", dct, Tense::Past).1, v("2020-W27"));
        assert_eq!(one("over Labor Day 2021 weekend", dct, Tense::Past).1, v("2021-W35-WE"));
        assert_eq!(one("the weekend of Thanksgiving 2023", dct, Tense::Past).1, v("2023-W47-WE"));
        assert_eq!(one("on Black Friday 2010", dct, Tense::Past).1, v("2010-11-26"));
    }

    #[test]
    fn written_dates_tight_durations_and_numbers_that_are_not_years() {
        let dct = "2018-05-29";
        let v = |s: &str| Some(s.to_string());
        assert_eq!(one("dated 05-Aug-2016", dct, Tense::Past).1, v("2016-08-05"));
        assert_eq!(one("plans for Dec/2018", dct, Tense::Future).1, v("2018-12"));
        assert_eq!(one("on 2019/aug/01", dct, Tense::Future).1, v("2019-08-01"));
        assert_eq!(one("on 20161016", dct, Tense::Past).1, v("2016-10-16"));
        assert_eq!(one("on 13/04/21", dct, Tense::Future).1, v("2021-04-13"));
        assert_eq!(one("born 03/18/40", dct, Tense::Past).1, v("1940-03-18"));
        assert_eq!(one("for 3h", dct, Tense::Future).1, v("PT3H"));
        assert_eq!(one("for 3.5 years", dct, Tense::Future).1, v("P3.5Y"));
        assert_eq!(one("stayed two nights", dct, Tense::Past).1, v("P2D"));
        assert_eq!(one("open all day", dct, Tense::Past).1, v("P1D"));
        assert_eq!(one("at present", dct, Tense::Present).1, v("PRESENT_REF"));
        for text in [
            "Call 555-1212",
            "Tel: +86 138-2010-2015",
            "Latitude: 40.1693, 1666.90125",
            "a second wave",
            "This may take long",
        ] {
            assert!(values(text, dct, Tense::Present).is_empty(), "{text}");
        }
    }

    #[test]
    fn spans_from_a_start_spelled_years_and_days_of_the_month() {
        let dct = "2016-11-07";
        let range = |text: &str| {
            let t = find_times(text, Date::parse(dct).ok(), Tense::Future);
            assert_eq!(t.len(), 1, "{text}: {t:?}");
            t[0].range.as_ref().map(|r| format!("{} {}", r.begin, r.end)).unwrap_or_default()
        };
        assert_eq!(range("from 2pm for 2 hours"), "2016-11-07T14:00 2016-11-07T16:00");
        assert_eq!(range("for 3 hours from 10 am"), "2016-11-07T10:00 2016-11-07T13:00");
        assert_eq!(range("a week starting tomorrow"), "2016-11-08 2016-11-15");
        assert_eq!(range("in the 5 upcoming years"), "2016-11-08 2021-11-08");
        let v = |s: &str| Some(s.to_string());
        assert_eq!(one("born on 13 Sept nineteen seventy two", dct, Tense::Past).1, v("1972-09-13"));
        assert_eq!(one("left in two thousand and fifteen", dct, Tense::Past).1, v("2015"));
        assert_eq!(one("the vote on the 18th", dct, Tense::Future).1, v("2016-11-18"));
        assert_eq!(one("at seven twenty-seven", dct, Tense::Future).1, v("2016-11-07T07:27"));
        assert!(values("the 18th century", dct, Tense::Past)
            .iter()
            .all(|t| t.2.as_deref() != Some("2016-11-18")));
        assert!(values("the 4th Infantry Division", dct, Tense::Past).is_empty());
        assert_eq!(range("the last four months of 2021"), "2021-09-01 2022-01-01");
        assert_eq!(range("the first 2 weeks of 2021"), "2021-01-04 2021-01-18");
        assert_eq!(one("sold on Dec31, 1994", dct, Tense::Past).1, v("1994-12-31"));
        assert_eq!(one("in April of 87", dct, Tense::Past).1, v("1987-04"));
    }

    #[test]
    fn holidays_fall_on_their_day_in_the_tense_or_year_given() {
        let dct = "2019-08-05";
        let v = |s: &str| Some(s.to_string());
        assert_eq!(
            one("Protests on Christmas Eve ended.", dct, Tense::Past),
            ("Christmas Eve".into(), v("2018-12-24"))
        );
        assert_eq!(one("They will meet on Thanksgiving.", dct, Tense::Future).1, v("2019-11-28"));
        assert_eq!(
            one("When was the last Easter?", dct, Tense::Past),
            ("the last Easter".into(), v("2019-04-21"))
        );
        assert_eq!(one("on Easter 2018", dct, Tense::Past), ("Easter 2018".into(), v("2018-04-01")));
        assert_eq!(one("on New Year's Day", dct, Tense::Future).1, v("2020-01-01"));
        assert_eq!(one("two weeks before Christmas", dct, Tense::Future).1, v("2019-12-11"));
        assert!(values("a good Friday for markets", dct, Tense::Past).iter().all(|t| t.0 != "good Friday"));
    }

    #[test]
    fn recurrences_name_their_day_and_clock() {
        let set = |text: &str| {
            let found = values(text, "2016-11-07", Tense::Present);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, "SET", "{text}");
            (found[0].0.clone(), found[0].2.clone().unwrap_or_default())
        };
        assert_eq!(set("protests every Friday"), ("every Friday".into(), "XXXX-WXX-5".into()));
        assert_eq!(set("they meet Tuesdays"), ("Tuesdays".into(), "XXXX-WXX-2".into()));
        assert_eq!(set("each Monday at 4pm"), ("each Monday at 4pm".into(), "XXXX-WXX-1T16:00".into()));
        assert_eq!(set("patrols every night").1, "TNI");
        assert_eq!(set("a briefing at 3pm each day"), ("3pm each day".into(), "T15:00".into()));
        assert_eq!(set("inspections every other week").1, "P2W");
        assert_eq!(set("markets closed weekends").1, "P1WE");
    }

    #[test]
    fn numbers_and_numeric_dates_are_not_ranges() {
        let dct = Date::parse("2016-11-07").ok();
        for text in [
            "rose from 10 to 20 percent",
            "between 2000 and 3000 troops",
            "up 5-7 points",
            "won 3-2 on Sunday",
        ] {
            assert!(find_times(text, dct, Tense::Past).iter().all(|t| t.range.is_none()), "{text}");
        }
        let found = find_times("from 10/1/2018 to 10/7/2018", dct, Tense::Past);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value.as_deref(), Some("P6D"));
    }

    #[test]
    fn leaves_what_no_dct_fixes_unknown() {
        let found = values("on November 2 and yesterday", "", Tense::Past);
        assert_eq!(found[0].2.as_deref(), Some("XXXX-11-02"));
        assert_eq!(found[1].2, None);
    }

    #[test]
    fn counts_are_not_years_and_may_is_not_a_month() {
        assert!(values("2000 troops may leave", "2019-10-31", Tense::Present).is_empty());
        assert!(values("He said he may go.", "2019-10-31", Tense::Present).is_empty());
    }

    #[test]
    fn impossible_dates_and_random_text_give_no_value_and_no_panic() {
        assert!(values("on February 30, 2019", "2019-10-31", Tense::Past)
            .iter()
            .all(|(_, _, v)| v.as_deref() != Some("2019-02-30")));
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let alphabet: Vec<char> =
            "0123456789 -/:.,'apmMayJuneyearsago lastnext weekday Monday 99999 ½€".chars().collect();
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            for dct in [Some("0001-01-01"), Some("9999-12-31"), None] {
                let dct = dct.and_then(|d| Date::parse(d).ok());
                for t in find_times(&s, dct, Tense::Past) {
                    assert!(t.start < t.end && s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
                }
            }
        }
    }

    #[test]
    fn long_chains_of_counted_days_read_as_one_day() {
        // Each "two days after" looks ahead through the rest; read once per place, the chain
        // stays linear (read afresh, 200 links would never finish).
        let text = format!("It happened {}tomorrow.", "two days after ".repeat(200));
        let found = find_times(&text, Date::parse("2019-01-01").ok(), Tense::Past);
        assert_eq!(found.len(), 1);
        let expected = Date::parse("2019-01-01").unwrap().add_days(1 + 2 * 200).unwrap().to_string();
        assert_eq!(found[0].value.as_deref(), Some(expected.as_str()));
    }

    #[test]
    fn random_sentences_of_time_words_give_sound_spans_and_no_panic() {
        // Words every rule keys on, strung at random, at the edges of the calendar and without
        // a DCT: ranges, clocks, holidays, counts and separators in any order.
        let words = [
            "from",
            "to",
            "between",
            "and",
            "-",
            "/",
            ".",
            ",",
            "'",
            "the",
            "of",
            "at",
            "on",
            "in",
            "for",
            "every",
            "next",
            "last",
            "first",
            "week",
            "weekend",
            "month",
            "year",
            "day",
            "days",
            "hours",
            "Monday",
            "Friday",
            "May",
            "March",
            "Dec",
            "Easter",
            "Christmas",
            "eve",
            "half",
            "past",
            "quarter",
            "o",
            "clock",
            "pm",
            "a",
            "am",
            "m",
            "tonight",
            "morning",
            "end",
            "starting",
            "twenty",
            "nineteen",
            "thousand",
            "two",
            "31",
            "12",
            "9",
            "2019",
            "0",
            "99999",
            "20161016",
            "3h",
            "Q4",
            "18th",
            "ago",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..4000 {
            let mut s = String::new();
            for _ in 0..(seed % 12 + 1) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(words[(seed % words.len() as u64) as usize]);
                s.push(if seed.is_multiple_of(3) { '-' } else { ' ' });
            }
            for (dct, tense) in
                [("0001-01-01", Tense::Past), ("9999-12-31", Tense::Future), ("", Tense::Present)]
            {
                let mut last_end = 0;
                for t in find_times(&s, Date::parse(dct).ok(), tense) {
                    assert!(t.start >= last_end && t.start < t.end && t.end <= s.len(), "{s:?}: {t:?}");
                    last_end = t.end;
                }
            }
        }
    }
}
