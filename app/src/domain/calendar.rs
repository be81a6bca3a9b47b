//! Working days in Finland, for legal deadlines such as the service-need assessment clock
//! (Social Welfare Act 36 §: start by the 7th working day for people aged 75+ or on the highest
//! care allowance).
//!
//! A working day is Monday to Friday except the public holidays and the days the Act on the
//! Calculation of Statutory Time Limits (150/1930) treats like them: New Year's Day, Epiphany,
//! Good Friday, Easter Monday, May Day, Ascension Day, Midsummer Eve, Independence Day, Christmas
//! Eve, Christmas Day and St Stephen's Day. (Easter Sunday, Whit Sunday, Midsummer Day and All
//! Saints' Day always fall on a weekend.)
//!
//! Every date or time a person types is read here (`parse_day`, `parse_minute`), within the years
//! Polku has any use for, so that no stored date is so far out that arithmetic on it overflows
//! or a day-by-day count runs for ever; the arithmetic here is total all the same, for rows written
//! before the bounds existed.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// The first year a typed date may fall in (the oldest clients were born after it).
pub const EARLIEST_YEAR: i32 = 1900;
/// The last year a typed date may fall in.
pub const LATEST_YEAR: i32 = 2100;

/// What is wrong with a typed date or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum DateError {
    #[error("not a date in the form YYYY-MM-DD (or a time in the form YYYY-MM-DDTHH:MM)")]
    Invalid,
    #[error("the date is before {EARLIEST_YEAR}")]
    TooEarly,
    #[error("the date is after {LATEST_YEAR}")]
    TooLate,
}

fn within_years(day: NaiveDate) -> Result<NaiveDate, DateError> {
    match day.year() {
        year if year < EARLIEST_YEAR => Err(DateError::TooEarly),
        year if year > LATEST_YEAR => Err(DateError::TooLate),
        _ => Ok(day),
    }
}

/// A day typed as `YYYY-MM-DD` (what a date field sends), between `EARLIEST_YEAR` and `LATEST_YEAR`.
pub fn parse_day(raw: &str) -> Result<NaiveDate, DateError> {
    let raw = raw.trim();
    let day = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| DateError::Invalid)?;
    // chrono reads a signed year of any length ("+262142-01-01"); such a year is out of range.
    within_years(day)
}

/// A wall-clock minute typed as `YYYY-MM-DDTHH:MM` (what a datetime-local field sends), between
/// `EARLIEST_YEAR` and `LATEST_YEAR`.
pub fn parse_minute(raw: &str) -> Result<NaiveDateTime, DateError> {
    let at = NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M").map_err(|_| DateError::Invalid)?;
    within_years(at.date())?;
    Ok(at)
}

/// The last Sunday of a month; `None` only outside the years chrono can represent.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    (22..=31).rev().filter_map(|day| NaiveDate::from_ymd_opt(year, month, day)).find(|d| d.weekday() == Weekday::Sun)
}

/// The calendar day in Finland at an instant: UTC+2, and UTC+3 in summer time (from 01:00 UTC on
/// the last Sunday of March to 01:00 UTC on the last Sunday of October). Deadlines are counted in
/// Finnish days, so a concern raised at 01:30 Helsinki time counts from that Finnish day.
pub fn finnish_date(at: DateTime<Utc>) -> NaiveDate {
    finnish_time(at).date()
}

/// Hours ahead of UTC in Finland at an instant.
fn offset_hours(at: DateTime<Utc>) -> i64 {
    let year = at.year();
    let one_am = |day: NaiveDate| day.and_time(NaiveTime::from_hms_opt(1, 0, 0).unwrap_or(NaiveTime::MIN)).and_utc();
    match (last_sunday(year, 3), last_sunday(year, 10)) {
        (Some(from), Some(until)) if at >= one_am(from) && at < one_am(until) => 3,
        _ => 2,
    }
}

/// The wall-clock time in Finland at an instant (at the very end of chrono's range, UTC's).
pub fn finnish_time(at: DateTime<Utc>) -> NaiveDateTime {
    at.checked_add_signed(Duration::hours(offset_hours(at))).unwrap_or(at).naive_utc()
}

/// The instant of a Finnish wall-clock time. None for the hour skipped when summer time starts;
/// the hour repeated when it ends is read as summer time (the earlier of the two).
pub fn from_finnish_time(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    [3, 2]
        .into_iter()
        .filter_map(|hours| Some((local.checked_sub_signed(Duration::hours(hours))?.and_utc(), hours)))
        .find(|(at, hours)| offset_hours(*at) == *hours)
        .map(|(at, _)| at)
}

/// `at` plus `minutes`, or the last instant chrono knows when that is beyond it.
pub fn plus_minutes(at: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
    at.checked_add_signed(Duration::minutes(minutes)).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm); `None` only outside
/// the years chrono can represent.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Midsummer Eve: the Friday between 19 and 25 June; `None` only outside chrono's years.
pub fn midsummer_eve(year: i32) -> Option<NaiveDate> {
    (19..=25).filter_map(|day| NaiveDate::from_ymd_opt(year, 6, day)).find(|d| d.weekday() == Weekday::Fri)
}

/// Whether a weekday is a holiday that stops the deadline clock.
pub fn is_holiday(date: NaiveDate) -> bool {
    let year = date.year();
    let fixed = [(1, 1), (1, 6), (5, 1), (12, 6), (12, 24), (12, 25), (12, 26)];
    if fixed.contains(&(date.month(), date.day())) {
        return true;
    }
    let easter = easter_sunday(year);
    let after_easter = |days: i64| easter.and_then(|e| e.checked_add_signed(Duration::days(days)));
    let movable = [after_easter(-2), after_easter(1), after_easter(39), midsummer_eve(year)];
    movable.contains(&Some(date))
}

pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_holiday(date)
}

/// The `n`th working day after `start` (the start day itself does not count); the last day chrono
/// knows if that is beyond it.
pub fn add_working_days(start: NaiveDate, n: u32) -> NaiveDate {
    let mut date = start;
    let mut left = n;
    while left > 0 {
        let Some(next) = date.succ_opt() else { return date };
        date = next;
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// Working days after `from` up to and including `to`; negative when `to` is before `from`.
/// Day by day: the dates Polku reads are within two centuries of each other (`parse_day`).
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    let (start, end, sign) = if to >= from { (from, to, 1) } else { (to, from, -1) };
    let mut count = 0;
    let mut date = start;
    while date < end {
        let Some(next) = date.succ_opt() else { break };
        date = next;
        if is_working_day(date) {
            count += 1;
        }
    }
    sign * count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn finnish_wall_clock_times_convert_both_ways_around_summer_time() {
        let local = |m, day, h, min| d(2026, m, day).and_hms_opt(h, min, 0).unwrap();
        let utc = |m, day, h, min| local(m, day, h, min).and_utc();
        assert_eq!(from_finnish_time(local(1, 15, 13, 0)), Some(utc(1, 15, 11, 0)), "winter: UTC+2");
        assert_eq!(from_finnish_time(local(6, 15, 13, 0)), Some(utc(6, 15, 10, 0)), "summer: UTC+3");
        assert_eq!(from_finnish_time(local(3, 29, 3, 30)), None, "03:30 never happens on 29.3.2026");
        assert_eq!(
            from_finnish_time(local(10, 25, 3, 30)),
            Some(utc(10, 25, 0, 30)),
            "the repeated hour reads as summer time"
        );
        for at in [utc(1, 15, 11, 0), utc(6, 15, 10, 0), utc(10, 25, 0, 30), utc(12, 31, 23, 30)] {
            assert_eq!(from_finnish_time(finnish_time(at)), Some(at));
        }
    }

    #[test]
    fn the_finnish_day_follows_helsinki_time_in_winter_and_summer() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        assert_eq!(finnish_date(at("2026-11-22T21:59:00Z")), d(2026, 11, 22));
        assert_eq!(finnish_date(at("2026-11-22T22:00:00Z")), d(2026, 11, 23), "midnight at UTC+2");
        assert_eq!(finnish_date(at("2026-06-18T21:00:00Z")), d(2026, 6, 19), "midnight at UTC+3");
        assert_eq!(finnish_date(at("2026-12-31T22:30:00Z")), d(2027, 1, 1), "new year in Helsinki first");
        // Summer time 2026 runs from 29 March to 25 October, 01:00 UTC.
        assert_eq!(finnish_date(at("2026-03-29T00:59:00Z")), d(2026, 3, 29));
        assert_eq!(finnish_date(at("2026-10-24T21:30:00Z")), d(2026, 10, 25), "still summer time");
        assert_eq!(finnish_date(at("2026-10-25T21:30:00Z")), d(2026, 10, 25), "winter time again");
    }

    #[test]
    fn easter_is_computed_for_known_years() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2027), Some(d(2027, 3, 28)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
    }

    #[test]
    fn movable_holidays_follow_easter_and_midsummer() {
        assert!(is_holiday(d(2026, 4, 3)), "Good Friday 2026");
        assert!(is_holiday(d(2026, 4, 6)), "Easter Monday 2026");
        assert!(is_holiday(d(2026, 5, 14)), "Ascension Day 2026");
        assert_eq!(midsummer_eve(2026), Some(d(2026, 6, 19)));
        assert_eq!(midsummer_eve(2027), Some(d(2027, 6, 25)));
        assert!(!is_working_day(d(2026, 6, 19)));
        assert!(is_working_day(d(2026, 6, 18)));
    }

    #[test]
    fn weekends_and_fixed_holidays_are_not_working_days() {
        assert!(!is_working_day(d(2026, 11, 21)), "Saturday");
        assert!(!is_working_day(d(2026, 11, 22)), "Sunday");
        assert!(is_working_day(d(2026, 11, 23)), "Monday");
        assert!(
            !is_working_day(d(2025, 12, 24)) && !is_working_day(d(2025, 12, 25)) && !is_working_day(d(2025, 12, 26))
        );
        assert!(!is_working_day(d(2027, 1, 6)), "Epiphany");
        assert!(!is_working_day(d(2026, 5, 1)), "May Day");
        assert!(!is_working_day(d(2027, 12, 6)), "Independence Day on a Monday");
    }

    #[test]
    fn seven_working_days_across_christmas_and_the_new_year() {
        // Tuesday 22 Dec 2026: 23, 28, 29, 30, 31 Dec, 4, 5 Jan (24–27 Dec and 1 Jan are off).
        assert_eq!(add_working_days(d(2026, 12, 22), 7), d(2027, 1, 5));
        // From Wednesday 30 Dec: 31 Dec, 4, 5, (6 Epiphany) 7, 8, 11, 12 Jan.
        assert_eq!(add_working_days(d(2026, 12, 30), 7), d(2027, 1, 12));
    }

    #[test]
    fn seven_working_days_across_easter() {
        // Monday 30 Mar 2026: 31 Mar, 1, 2, (3 Good Friday, 6 Easter Monday) 7, 8, 9, 10 Apr.
        assert_eq!(add_working_days(d(2026, 3, 30), 7), d(2026, 4, 10));
    }

    #[test]
    fn an_ordinary_week_is_seven_working_days_in_nine_days() {
        assert_eq!(add_working_days(d(2026, 11, 23), 7), d(2026, 12, 2));
        assert_eq!(add_working_days(d(2026, 11, 21), 1), d(2026, 11, 23), "from a Saturday the next is Monday");
    }

    #[test]
    fn counting_between_dates_matches_adding() {
        for start in [d(2026, 12, 22), d(2026, 3, 30), d(2026, 6, 17), d(2026, 11, 23)] {
            for n in 0..15 {
                assert_eq!(working_days_between(start, add_working_days(start, n)), n as i64);
            }
        }
        assert_eq!(working_days_between(d(2026, 12, 2), d(2026, 11, 23)), -7);
        assert_eq!(working_days_between(d(2026, 11, 23), d(2026, 11, 23)), 0);
    }

    #[test]
    fn typed_dates_are_read_within_two_centuries_or_refused_with_the_reason() {
        assert_eq!(parse_day(" 2026-12-02 "), Ok(d(2026, 12, 2)));
        assert_eq!(parse_day("1900-01-01"), Ok(d(1900, 1, 1)));
        assert_eq!(parse_day("2100-12-31"), Ok(d(2100, 12, 31)));
        assert_eq!(parse_day("1899-12-31"), Err(DateError::TooEarly));
        assert_eq!(parse_day("+262142-01-01"), Err(DateError::TooLate));
        assert_eq!(parse_day("-262143-01-01"), Err(DateError::TooEarly));
        assert_eq!(parse_day("2.12.2026"), Err(DateError::Invalid));
        assert_eq!(parse_day("2026-02-30"), Err(DateError::Invalid));
        assert_eq!(parse_minute("2026-12-02T13:05"), Ok(d(2026, 12, 2).and_hms_opt(13, 5, 0).unwrap()));
        assert_eq!(parse_minute("+262142-12-31T23:59"), Err(DateError::TooLate));
        assert_eq!(parse_minute("2026-12-02 13:05"), Err(DateError::Invalid));
    }

    #[test]
    fn arithmetic_at_the_ends_of_time_does_not_panic() {
        for at in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC] {
            let _ = finnish_date(at);
            let _ = from_finnish_time(finnish_time(at));
            let _ = plus_minutes(at, 480);
            let _ = is_working_day(at.date_naive());
            let _ = add_working_days(at.date_naive(), 7);
        }
        assert_eq!(plus_minutes(DateTime::<Utc>::MAX_UTC, 60), DateTime::<Utc>::MAX_UTC);
        assert_eq!(from_finnish_time(NaiveDateTime::MIN), None);
    }
}
