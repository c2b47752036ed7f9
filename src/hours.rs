//! Opening hours: an OpenStreetMap `opening_hours` expression (`Mo-Fr 09:00-17:00; PH off`),
//! parsed once when a resource loads and evaluated against the local time in Europe/Amsterdam,
//! with the Dutch public holidays.
//!
//! Crates: `opening-hours` parses and evaluates the OSM syntax (the reference grammar, with an
//! embedded holiday table for NL; its optional features, which pull in time-zone and country
//! geometry databases, stay off). `chrono-tz` turns an instant into the local time in
//! Amsterdam with the IANA rules, so the DST changes (last Sunday of March and October) are
//! exact. The expression is evaluated on that local (naive) time, which is how OSM hours are
//! written. The clock is a value ([`Now`]) that the app and the commands are given, so tests
//! pick any instant.

use crate::i18n::Catalog;
use chrono::{DateTime, Datelike, NaiveDateTime, TimeDelta, Timelike, Utc};
use chrono_tz::Europe::Amsterdam;
use opening_hours::localization::Country;
use opening_hours::{Context, OpeningHours, RuleKind};
use std::sync::{Arc, LazyLock};

/// An instant, in seconds since the Unix epoch (UTC): what "now" is for the open-now line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Now(pub i64);

impl Now {
    /// The system clock.
    pub fn system() -> Now {
        Now(Utc::now().timestamp())
    }

    /// `PLEIN_NOW` (`2026-12-03T14:30Z`) when set and valid, else the system clock: a curator
    /// can see what plein shows on Sunday morning, and tests get exact lines.
    pub fn from_env() -> Now {
        std::env::var("PLEIN_NOW")
            .ok()
            .and_then(|v| Now::parse(v.trim()))
            .unwrap_or_else(Now::system)
    }

    /// An instant from a UTC date and time (for tests and `PLEIN_NOW`); `None` when impossible.
    pub fn utc(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> Option<Now> {
        chrono::NaiveDate::from_ymd_opt(year, month, day)
            .and_then(|d| d.and_hms_opt(hour, minute, 0))
            .map(|t| Now(t.and_utc().timestamp()))
    }

    /// Parses `2026-12-03T14:30Z` (or with `:00` seconds, or `+01:00`), as `PLEIN_NOW` takes it.
    pub fn parse(s: &str) -> Option<Now> {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .or_else(|| DateTime::parse_from_rfc3339(&s.replace('Z', ":00Z")).ok())
            .map(|t| Now(t.timestamp()))
    }

    /// The local date and time in Amsterdam.
    pub fn local(self) -> NaiveDateTime {
        let utc = DateTime::<Utc>::from_timestamp(self.0, 0).unwrap_or_default();
        utc.with_timezone(&Amsterdam).naive_local()
    }

    /// The local calendar date in Amsterdam: (year, month, day).
    pub fn date(self) -> (i32, u32, u32) {
        let l = self.local();
        (l.year(), l.month(), l.day())
    }
}

/// A parsed `opening_hours` expression with the Dutch public holidays.
#[derive(Clone)]
pub struct Hours {
    text: String,
    parsed: Arc<OpeningHours>,
}

impl std::fmt::Debug for Hours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Hours({:?})", self.text)
    }
}

impl PartialEq for Hours {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Hours {}

impl serde::Serialize for Hours {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// The Dutch holiday table, decoded once.
static NL: LazyLock<opening_hours::ContextHolidays> = LazyLock::new(|| Country::NL.holidays());

/// How far ahead the next opening is looked for (beyond it: "closed" without a time).
const HORIZON_DAYS: i64 = 8;

impl Hours {
    /// Parses an expression; the error says what the parser expected, in English (for
    /// `plein check`).
    pub fn parse(text: &str) -> Result<Hours, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("the expression is empty".into());
        }
        let oh = text.parse::<OpeningHours>().map_err(|e| {
            // The parser draws the line with a caret; its last line says what it expected.
            let msg = e.to_string();
            let last = msg.lines().map(str::trim).rfind(|l| !l.is_empty());
            last.map_or(msg.clone(), |l| l.trim_start_matches("= ").to_owned())
        })?;
        let oh = oh.with_context(Context::default().with_holidays(NL.clone()));
        Ok(Hours {
            text: text.to_owned(),
            parsed: Arc::new(oh),
        })
    }

    /// The expression as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Open or closed at `now`, and until when.
    pub fn status(&self, now: Now) -> Status {
        let local = now.local();
        // Minutes: OSM hours have no seconds, and a change "at 17:00:30" reads wrong.
        let local = local.with_second(0).unwrap_or(local);
        // One lazy walk over the coming week: the first range is now's state; for open, the
        // first range that is not open ends it; for closed, the first open range starts it.
        let horizon = local + TimeDelta::days(HORIZON_DAYS);
        let mut ranges = self.parsed.iter_range(local, horizon);
        let Some(first) = ranges.next() else {
            return Status::Closed(None);
        };
        match first.kind {
            RuleKind::Open => match ranges.find(|r| r.kind != RuleKind::Open) {
                Some(r) => Status::OpenUntil(At::closing(local, r.range.start)),
                None => Status::OpenAlways,
            },
            RuleKind::Closed => {
                let opens = std::iter::once(first)
                    .chain(ranges)
                    .find(|r| r.kind == RuleKind::Open)
                    .map(|r| At::opening(local, r.range.start));
                Status::Closed(opens)
            }
            RuleKind::Unknown => Status::Unknown,
        }
    }
}

/// When a change happens, relative to now: the weekday (0 = Monday), whether it is today, and
/// the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u32,
    /// The same calendar day as now.
    pub today: bool,
    /// Hour, 0–24 (24 for midnight at the end of a day).
    pub hour: u32,
    /// Minute.
    pub minute: u32,
}

impl At {
    /// A closing time: the midnight that ends a day reads as "tot 24:00" of that day, not as
    /// the next day's 0:00.
    fn closing(now: NaiveDateTime, at: NaiveDateTime) -> At {
        if at.hour() == 0 && at.minute() == 0 && at.date() > now.date() {
            let day = at.date().pred_opt().unwrap_or(at.date());
            return At::on(now, day, 24, 0);
        }
        At::opening(now, at)
    }

    /// An opening time, as it is.
    fn opening(now: NaiveDateTime, at: NaiveDateTime) -> At {
        At::on(now, at.date(), at.hour(), at.minute())
    }

    fn on(now: NaiveDateTime, day: chrono::NaiveDate, hour: u32, minute: u32) -> At {
        At {
            weekday: day.weekday().num_days_from_monday(),
            today: day == now.date(),
            hour,
            minute,
        }
    }

    fn render(self, cat: &Catalog) -> String {
        let time = format!("{}:{:02}", self.hour, self.minute);
        if self.today {
            time
        } else {
            let day = cat.t(WEEKDAYS[self.weekday as usize % 7]);
            format!("{day} {time}")
        }
    }
}

const WEEKDAYS: [&str; 7] = [
    "hours.mo", "hours.tu", "hours.we", "hours.th", "hours.fr", "hours.sa", "hours.su",
];

/// Open or closed, as the open-now line says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Open now, until then.
    OpenUntil(At),
    /// Open now, with no end in sight (24/7).
    OpenAlways,
    /// Closed now; opens then (or not within the next week).
    Closed(Option<At>),
    /// The expression says "unknown" for now.
    Unknown,
}

impl Status {
    /// Open now.
    pub fn is_open(self) -> bool {
        matches!(self, Status::OpenUntil(_) | Status::OpenAlways)
    }

    /// "nu open tot 17:00", "gesloten, opent ma 9:00", in the UI language; `None` for unknown.
    pub fn render(self, cat: &Catalog) -> Option<String> {
        Some(match self {
            Status::OpenUntil(at) => cat.f("hours.open_until", &[("at", &at.render(cat))]),
            Status::OpenAlways => cat.t("hours.open_always").to_owned(),
            Status::Closed(Some(at)) => cat.f("hours.closed_opens", &[("at", &at.render(cat))]),
            Status::Closed(None) => cat.t("hours.closed").to_owned(),
            Status::Unknown => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn midnight_at_the_end_of_today_is_24_00() {
        let h = Hours::parse("Mo-Su 18:00-24:00").expect("parses");
        let now = Now::utc(2026, 12, 3, 19, 0).expect("date"); // 20:00 in Amsterdam
        assert_eq!(
            h.status(now),
            Status::OpenUntil(At {
                weekday: 3,
                today: true,
                hour: 24,
                minute: 0
            })
        );
    }

    #[test]
    fn an_opening_at_midnight_is_the_next_day_at_0_00() {
        let h = Hours::parse("Mo 00:00-12:00").expect("parses");
        let sunday_evening = Now::utc(2026, 12, 6, 20, 0).expect("date"); // 21:00
        assert_eq!(
            h.status(sunday_evening),
            Status::Closed(Some(At {
                weekday: 0,
                today: false,
                hour: 0,
                minute: 0
            }))
        );
    }

    #[test]
    fn bad_expressions_say_so() {
        assert!(Hours::parse("maandag tot vrijdag").is_err());
        assert!(Hours::parse("  ").is_err());
        assert!(Hours::parse("Mo-Fr 09:00-17:00; PH off").is_ok());
    }
}
