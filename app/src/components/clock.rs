//! The service-need assessment's legal clock in words, with a state class for the colour:
//! days left, due today, overdue, or when it started and whether that was in time.

use super::labels;
use crate::domain::{AssessmentClock, DeadlineState};
use crate::i18n::*;
use leptos::prelude::*;

fn state_class(clock: AssessmentClock) -> &'static str {
    match clock {
        AssessmentClock::Running { state: DeadlineState::Left { .. } } => "clock clock-running",
        AssessmentClock::Running { state: DeadlineState::DueToday { .. } } => "clock clock-due",
        AssessmentClock::Running { state: DeadlineState::Overdue { .. } } => "clock clock-overdue",
        AssessmentClock::WithoutDelay { .. } => "clock clock-running",
        AssessmentClock::Started { in_time: true, .. } => "clock clock-ok",
        AssessmentClock::Started { in_time: false, .. } => "clock clock-overdue",
    }
}

#[component]
pub fn Clock(clock: AssessmentClock) -> impl IntoView {
    let i18n = use_i18n();
    let date = move |d| labels::date(i18n, d);
    let text = match clock {
        AssessmentClock::Running { state: DeadlineState::Left { working_days, due } } => {
            t!(i18n, clock.left, days = move || working_days, due = move || date(due)).into_any()
        }
        AssessmentClock::Running { state: DeadlineState::DueToday { due } } => {
            t!(i18n, clock.due_today, due = move || date(due)).into_any()
        }
        AssessmentClock::Running { state: DeadlineState::Overdue { working_days: 0, due } } => {
            t!(i18n, clock.overdue_since, due = move || date(due)).into_any()
        }
        AssessmentClock::Running { state: DeadlineState::Overdue { working_days, due } } => {
            t!(i18n, clock.overdue, days = move || working_days, due = move || date(due)).into_any()
        }
        AssessmentClock::WithoutDelay { since, working_days } => {
            t!(i18n, clock.without_delay, days = move || working_days, since = move || date(since)).into_any()
        }
        AssessmentClock::Started { on, due: None, .. } => t!(i18n, clock.started, on = move || date(on)).into_any(),
        AssessmentClock::Started { on, due: Some(due), in_time: true } => {
            t!(i18n, clock.started_in_time, on = move || date(on), due = move || date(due)).into_any()
        }
        AssessmentClock::Started { on, due: Some(due), in_time: false } => {
            t!(i18n, clock.started_late, on = move || date(on), due = move || date(due)).into_any()
        }
    };
    view! { <span class=state_class(clock) data-testid="clock" data-overdue=clock.is_overdue().to_string()>{text}</span> }
}
