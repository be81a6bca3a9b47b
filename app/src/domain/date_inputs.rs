//! Property tests over every date and time a person can type into Polku: whatever the text, each
//! parser answers (no panic), a date it accepts lies within `calendar::EARLIEST_YEAR` and
//! `calendar::LATEST_YEAR`, and a date it refuses is refused with that form's own date message.

use super::audit_search::{AuditSearch, AuditSearchError, AuditSearchForm};
use super::calendar::{parse_day, parse_minute, DateError, EARLIEST_YEAR, LATEST_YEAR};
use super::concern::{ConcernError, PersonDetails};
use super::consent::{parse_consent_day, ConsentError, RelativeScope};
use super::ids::UserId;
use super::meeting::{MeetingError, MeetingPlan, RawMeeting};
use super::plan::{parse_future_date, PlanError};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

fn within(day: NaiveDate) -> bool {
    (EARLIEST_YEAR..=LATEST_YEAR).contains(&day.year())
}

/// Text shaped like a date or a time, with years of any size and sign, months and days out of
/// range, and stray characters: what a crafted request sends.
fn date_like() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just(""), Just("+"), Just("-")],
        prop_oneof![-300_000i64..300_000, 1800i64..2200, Just(262_142), Just(-262_143), Just(i64::from(i32::MAX))],
        0u32..15,
        0u32..35,
        prop_oneof![Just(String::new()), (0u32..30, 0u32..70).prop_map(|(h, m)| format!("T{h:02}:{m:02}"))],
        prop_oneof![Just(""), Just(" "), Just("x"), Just("\u{0}")],
    )
        .prop_map(|(sign, year, month, day, time, tail)| format!("{sign}{year}-{month:02}-{day:02}{time}{tail}"))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![date_like(), any::<String>()]
}

fn check_every_form(raw: &str) {
    match parse_day(raw) {
        Ok(day) => assert!(within(day), "{raw}: {day}"),
        Err(DateError::Invalid | DateError::TooEarly | DateError::TooLate) => {}
    }
    match parse_minute(raw) {
        Ok(at) => assert!(within(at.date()), "{raw}: {at}"),
        Err(DateError::Invalid | DateError::TooEarly | DateError::TooLate) => {}
    }
    match PersonDetails::parse("Testi Henkilö", raw, "Järvelä", today()) {
        Ok(person) => assert!(within(person.date_of_birth) && person.date_of_birth <= today(), "{raw}"),
        Err(ConcernError::BirthDateInvalid | ConcernError::BirthDateInFuture | ConcernError::DateOutOfRange) => {}
        Err(other) => panic!("{raw}: {other:?}"),
    }
    match parse_future_date(raw, today()) {
        Ok(day) => assert!(within(day) && day >= today(), "{raw}"),
        Err(PlanError::DateInvalid | PlanError::DateInPast | PlanError::DateOutOfRange) => {}
        Err(other) => panic!("{raw}: {other:?}"),
    }
    let meeting = RawMeeting {
        title: "Kokous".into(),
        starts: raw.to_string(),
        minutes: "60".into(),
        place: "Sote-keskus".into(),
        video_link: String::new(),
        participants: vec![UserId(1)],
    };
    let now = today().and_hms_opt(9, 0, 0).unwrap().and_utc();
    match MeetingPlan::parse(&meeting, &[UserId(1)], now) {
        Ok(plan) => {
            assert!(within(plan.starts_at.date_naive()) && plan.starts_at >= now, "{raw}");
            let _ = plan.ends_at();
        }
        Err(MeetingError::StartInvalid | MeetingError::StartInPast | MeetingError::StartTooFar) => {}
        Err(other) => panic!("{raw}: {other:?}"),
    }
    match parse_consent_day(raw) {
        Ok(day) => assert!(within(day), "{raw}"),
        Err(ConsentError::DateInvalid | ConsentError::DateOutOfRange) => {}
        Err(other) => panic!("{raw}: {other:?}"),
    }
    match RelativeScope::parse(true, false, raw, today()) {
        Ok(scope) => assert!(scope.until.is_none_or(within), "{raw}"),
        Err(
            ConsentError::DateInvalid
            | ConsentError::DateOutOfRange
            | ConsentError::EndsBeforeItBegins
            | ConsentError::TooLong,
        ) => {}
        Err(other) => panic!("{raw}: {other:?}"),
    }
    for form in [
        AuditSearchForm { from: raw.to_string(), ..Default::default() },
        AuditSearchForm { until: raw.to_string(), ..Default::default() },
        AuditSearchForm { from: "2026-01-01".into(), until: raw.to_string(), ..Default::default() },
    ] {
        match AuditSearch::parse(&form) {
            Ok(search) => {
                assert!(search.from.is_none_or(within) && search.until.is_none_or(within), "{raw}");
                let _ = search.period();
            }
            Err(
                AuditSearchError::DateInvalid { .. }
                | AuditSearchError::DateOutOfRange
                | AuditSearchError::PeriodReversed
                | AuditSearchError::PeriodTooLong { .. },
            ) => {}
            Err(other) => panic!("{raw}: {other:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn every_typed_date_gets_an_answer_within_two_centuries(raw in any_text()) {
        check_every_form(&raw);
    }
}

#[test]
fn the_dates_a_review_found_are_refused_by_name() {
    for raw in ["+262142-01-01", "+262142-12-31T23:59", "-262143-01-01", "262142-06-01", "+2147483647-01-01"] {
        check_every_form(raw);
        assert!(parse_day(raw).is_err() && parse_minute(raw).is_err(), "{raw}");
    }
}
