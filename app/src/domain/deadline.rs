//! The legal clock of the service-need assessment (Social Welfare Act 36 §): the assessment must
//! start without delay, and for a person aged 75 or over or receiving the highest care allowance
//! by the 7th working day after the first contact.

use super::calendar::{add_working_days, working_days_between};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Working days within which the assessment must start for those the law names.
pub const STATUTORY_WORKING_DAYS: u32 = 7;
pub const STATUTORY_AGE: u32 = 75;

/// Full years of age on a date.
pub fn age_on(date_of_birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut age = on.year() - date_of_birth.year();
    if (on.month(), on.day()) < (date_of_birth.month(), date_of_birth.day()) {
        age -= 1;
    }
    age.max(0) as u32
}

/// The day by which the assessment must start, when the law sets one; otherwise `None`
/// ("without delay", with no fixed number of days).
pub fn assessment_due(
    first_contact: NaiveDate,
    date_of_birth: NaiveDate,
    highest_care_allowance: bool,
) -> Option<NaiveDate> {
    let statutory = highest_care_allowance || age_on(date_of_birth, first_contact) >= STATUTORY_AGE;
    statutory.then(|| add_working_days(first_contact, STATUTORY_WORKING_DAYS))
}

/// Where a deadline stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum DeadlineState {
    /// Working days left after today, due date not yet reached.
    Left {
        working_days: u32,
        due: NaiveDate,
    },
    DueToday {
        due: NaiveDate,
    },
    Overdue {
        working_days: u32,
        due: NaiveDate,
    },
}

impl DeadlineState {
    pub fn on(due: NaiveDate, today: NaiveDate) -> DeadlineState {
        use std::cmp::Ordering;
        match today.cmp(&due) {
            Ordering::Equal => DeadlineState::DueToday { due },
            Ordering::Less => DeadlineState::Left { working_days: working_days_between(today, due) as u32, due },
            Ordering::Greater => DeadlineState::Overdue { working_days: working_days_between(due, today) as u32, due },
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, DeadlineState::Overdue { .. })
    }

    /// The day it is due.
    pub fn due(self) -> NaiveDate {
        match self {
            DeadlineState::Left { due, .. } | DeadlineState::DueToday { due } | DeadlineState::Overdue { due, .. } => {
                due
            }
        }
    }
}

/// Where the assessment's legal clock stands for one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "clock")]
pub enum AssessmentClock {
    /// Not started and the law sets a day: how it stands today.
    Running { state: DeadlineState },
    /// Not started and the law sets no day: start without delay. Working days since first contact.
    WithoutDelay { since: NaiveDate, working_days: u32 },
    /// Started; `due` when the law set a day, and whether the start was in time.
    Started { on: NaiveDate, due: Option<NaiveDate>, in_time: bool },
}

impl AssessmentClock {
    /// The clock from the first contact, the client's facts, the start (if any) and today.
    pub fn at(
        first_contact: NaiveDate,
        date_of_birth: NaiveDate,
        highest_care_allowance: bool,
        started: Option<NaiveDate>,
        today: NaiveDate,
    ) -> AssessmentClock {
        let due = assessment_due(first_contact, date_of_birth, highest_care_allowance);
        match (started, due) {
            (Some(on), due) => AssessmentClock::Started { on, due, in_time: due.is_none_or(|due| on <= due) },
            (None, Some(due)) => AssessmentClock::Running { state: DeadlineState::on(due, today) },
            (None, None) => AssessmentClock::WithoutDelay {
                since: first_contact,
                working_days: working_days_between(first_contact, today).max(0) as u32,
            },
        }
    }

    /// Whether the case needs attention because of the clock: overdue, or started late.
    pub fn is_overdue(self) -> bool {
        match self {
            AssessmentClock::Running { state } => state.is_overdue(),
            AssessmentClock::Started { in_time, .. } => !in_time,
            AssessmentClock::WithoutDelay { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn age_counts_full_years() {
        assert_eq!(age_on(d(1951, 11, 24), d(2026, 11, 23)), 74);
        assert_eq!(age_on(d(1951, 11, 23), d(2026, 11, 23)), 75);
        assert_eq!(age_on(d(2000, 2, 29), d(2026, 2, 28)), 25);
    }

    #[test]
    fn the_seven_day_clock_applies_from_75_or_with_the_highest_care_allowance() {
        let contact = d(2026, 11, 23);
        assert_eq!(assessment_due(contact, d(1951, 11, 23), false), Some(d(2026, 12, 2)));
        assert_eq!(assessment_due(contact, d(1951, 11, 24), false), None, "74 years old");
        assert_eq!(assessment_due(contact, d(1990, 1, 1), true), Some(d(2026, 12, 2)));
    }

    #[test]
    fn the_clock_counts_working_days_over_the_year_boundary() {
        assert_eq!(assessment_due(d(2026, 12, 22), d(1940, 1, 1), false), Some(d(2027, 1, 5)));
    }

    #[test]
    fn the_state_tells_days_left_due_today_and_overdue() {
        let due = d(2026, 12, 2);
        assert_eq!(DeadlineState::on(due, d(2026, 11, 23)), DeadlineState::Left { working_days: 7, due });
        assert_eq!(DeadlineState::on(due, d(2026, 12, 2)), DeadlineState::DueToday { due });
        assert_eq!(DeadlineState::on(due, d(2026, 12, 4)), DeadlineState::Overdue { working_days: 2, due });
        assert!(DeadlineState::on(due, d(2026, 12, 3)).is_overdue());
        // A weekend after the due date: overdue by one working day on Monday 7 Dec.
        assert_eq!(
            DeadlineState::on(d(2026, 12, 4), d(2026, 12, 7)),
            DeadlineState::Overdue { working_days: 1, due: d(2026, 12, 4) }
        );
    }

    #[test]
    fn the_clock_runs_until_the_assessment_starts() {
        let contact = d(2026, 11, 23);
        let old = d(1940, 1, 1);
        let due = d(2026, 12, 2);
        assert_eq!(
            AssessmentClock::at(contact, old, false, None, d(2026, 11, 30)),
            AssessmentClock::Running { state: DeadlineState::Left { working_days: 2, due } }
        );
        let late = AssessmentClock::at(contact, old, false, None, d(2026, 12, 3));
        assert!(late.is_overdue());
        assert_eq!(
            AssessmentClock::at(contact, old, false, Some(d(2026, 12, 2)), d(2026, 12, 10)),
            AssessmentClock::Started { on: d(2026, 12, 2), due: Some(due), in_time: true }
        );
        let started_late = AssessmentClock::at(contact, old, false, Some(d(2026, 12, 3)), d(2026, 12, 10));
        assert_eq!(started_late, AssessmentClock::Started { on: d(2026, 12, 3), due: Some(due), in_time: false });
        assert!(started_late.is_overdue());
    }

    #[test]
    fn without_a_statutory_day_the_clock_counts_working_days_since_contact() {
        let contact = d(2026, 12, 22);
        assert_eq!(
            AssessmentClock::at(contact, d(1990, 1, 1), false, None, d(2027, 1, 5)),
            AssessmentClock::WithoutDelay { since: contact, working_days: 7 }
        );
        assert!(!AssessmentClock::at(contact, d(1990, 1, 1), false, None, d(2027, 3, 1)).is_overdue());
        assert_eq!(
            AssessmentClock::at(contact, d(1990, 1, 1), true, None, d(2027, 1, 5)),
            AssessmentClock::Running { state: DeadlineState::DueToday { due: d(2027, 1, 5) } },
            "the highest care allowance starts the 7-day clock at any age"
        );
    }

    #[test]
    fn a_due_date_passed_over_a_weekend_is_overdue_not_due_today() {
        // Due Friday 4 Dec; on Saturday 5 Dec no working day has passed, but the day has.
        assert_eq!(
            DeadlineState::on(d(2026, 12, 4), d(2026, 12, 5)),
            DeadlineState::Overdue { working_days: 0, due: d(2026, 12, 4) }
        );
    }
}
