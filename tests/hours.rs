//! Open now: OSM opening hours evaluated for an exact clock in Europe/Amsterdam, with Dutch
//! public holidays and both DST changes.

use plein::hours::{Hours, Now, Status};
use plein::i18n::{Catalog, Lang};

fn line(expr: &str, now: Now, lang: Lang) -> String {
    Hours::parse(expr)
        .expect("valid hours")
        .status(now)
        .render(Catalog::get(lang))
        .expect("a known state")
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> Now {
    Now::utc(y, m, d, h, min).expect("a date")
}

const OFFICE: &str = "Mo-Fr 09:00-17:00; PH off";

#[test]
fn open_until_today_and_closed_until_monday() {
    // Thursday 3 December 2026, 11:00 in Amsterdam (UTC+1).
    assert_eq!(
        line(OFFICE, utc(2026, 12, 3, 10, 0), Lang::Nl),
        "nu open tot 17:00"
    );
    assert_eq!(
        line(OFFICE, utc(2026, 12, 3, 10, 0), Lang::En),
        "open now until 17:00"
    );
    // Friday 18:30: closed until Monday morning.
    let friday = utc(2026, 12, 4, 17, 30);
    assert_eq!(line(OFFICE, friday, Lang::Nl), "gesloten, opent ma 9:00");
    assert_eq!(line(OFFICE, friday, Lang::En), "closed, opens Mon 9:00");
    // Before opening on a weekday: today's time only.
    assert_eq!(
        line(OFFICE, utc(2026, 12, 3, 7, 0), Lang::Nl),
        "gesloten, opent 9:00"
    );
}

#[test]
fn public_holidays_close_with_ph_off() {
    // Christmas Day 2026 is a Friday; Boxing Day a Saturday: next opening Monday 28th.
    let christmas = utc(2026, 12, 25, 10, 0);
    assert_eq!(line(OFFICE, christmas, Lang::Nl), "gesloten, opent ma 9:00");
    // King's Day 2027 is a Tuesday (12:00 in summer time): opens again Wednesday.
    let kings_day = utc(2027, 4, 27, 10, 0);
    assert_eq!(line(OFFICE, kings_day, Lang::Nl), "gesloten, opent wo 9:00");
    // The day before, an ordinary Monday, it is open.
    assert_eq!(
        line(OFFICE, utc(2027, 4, 26, 10, 0), Lang::Nl),
        "nu open tot 17:00"
    );
}

#[test]
fn summer_time_starts_on_the_last_sunday_of_march() {
    let sunday = "Su 10:00-12:00";
    // 28 March 2027: from 01:00 UTC Amsterdam is UTC+2. 08:30 UTC is 10:30 local.
    assert_eq!(
        line(sunday, utc(2027, 3, 28, 8, 30), Lang::Nl),
        "nu open tot 12:00"
    );
    // 07:30 UTC is 09:30 local: not yet.
    assert_eq!(
        line(sunday, utc(2027, 3, 28, 7, 30), Lang::Nl),
        "gesloten, opent 10:00"
    );
    // The Sunday before, still winter time: 08:30 UTC is 09:30 local.
    assert_eq!(
        line(sunday, utc(2027, 3, 21, 8, 30), Lang::Nl),
        "gesloten, opent 10:00"
    );
}

#[test]
fn winter_time_starts_on_the_last_sunday_of_october() {
    let sunday = "Su 10:00-12:00";
    // 25 October 2026: from 01:00 UTC Amsterdam is UTC+1 again. 08:30 UTC is 09:30 local.
    assert_eq!(
        line(sunday, utc(2026, 10, 25, 8, 30), Lang::Nl),
        "gesloten, opent 10:00"
    );
    assert_eq!(
        line(sunday, utc(2026, 10, 25, 9, 30), Lang::Nl),
        "nu open tot 12:00"
    );
    // The Sunday before, summer time: 08:30 UTC is 10:30 local.
    assert_eq!(
        line(sunday, utc(2026, 10, 18, 8, 30), Lang::Nl),
        "nu open tot 12:00"
    );
}

#[test]
fn overnight_always_and_never() {
    let night = "Mo-Su 20:00-09:00";
    // Thursday 23:00: open until Friday morning.
    assert_eq!(
        line(night, utc(2026, 12, 3, 22, 0), Lang::Nl),
        "nu open tot vr 9:00"
    );
    assert_eq!(
        line("24/7", utc(2026, 12, 3, 22, 0), Lang::Nl),
        "nu open, dag en nacht"
    );
    let never = Hours::parse("off").expect("valid");
    assert_eq!(never.status(utc(2026, 12, 3, 10, 0)), Status::Closed(None));
}

#[test]
fn the_free_text_hours_stand_when_there_are_no_structured_ones() {
    let loaded = plein::corpus::load(&plein::corpus::Source::Bundled).expect("bundled");
    let r = loaded
        .corpus
        .resource("zelfmoordpreventie-113")
        .expect("113");
    assert!(r.opening_hours.is_none());
    let cat = Catalog::get(Lang::Nl);
    assert_eq!(
        plein::present::hours_text(r, utc(2026, 12, 3, 10, 0), cat).as_deref(),
        Some("dag en nacht")
    );
}

#[test]
fn now_parses_the_plein_now_forms() {
    assert_eq!(
        Now::parse("2026-12-03T10:00Z"),
        Some(utc(2026, 12, 3, 10, 0))
    );
    assert_eq!(
        Now::parse("2026-12-03T11:00:00+01:00"),
        Some(utc(2026, 12, 3, 10, 0))
    );
    assert_eq!(Now::parse("morgen"), None);
}
