//! The service process as the process map draws it: each stage's steps in order, who takes part
//! in each, what it records, the legal deadline that runs there and the guiding principles that
//! act there (DOMAIN.md). The words are in the locale files; this module holds the structure,
//! the order the map is walked in by keyboard, and which step a case is in from its facts.

use super::deadline::AssessmentClock;
use super::paging::{PageInvalid, PageRequest};
use super::plan::{PlanContent, TaskStatus};
use super::shortened;
use super::stage::Stage;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A step on the map, in the order of the service path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Anyone raises a concern in their own words.
    Concern,
    /// The coordinators check urgency, place the person on the segmentation quadrant and ask
    /// for consent to go on; a coordinator pair is proposed.
    Screening,
    /// The service need is assessed in dialogue (a network meeting or a home visit).
    Assessment,
    /// "Minun tiimini": the team is chosen with the client.
    Team,
    /// The client plan, with the client's goals in their own words.
    Plan,
    /// Dialogic network meetings ending in agreed next steps.
    Meetings,
    /// Scheduled reviews score each goal, the client's own score beside.
    Review,
    /// The client's feedback after meetings and at closure.
    Feedback,
    /// Closure with a handover or continuation note; reassessment when needs change.
    Closure,
}

/// A map choice that arrived and is not one of the map's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MapError {
    #[error("\"{value}\" is not a step of the process")]
    UnknownStep { value: String },
    #[error("\"{value}\" is not one of the map's filters")]
    UnknownScope { value: String },
    #[error("\"{value}\" is neither the open nor the closed cases")]
    UnknownListing { value: String },
    #[error("\"{value}\" is not a page number from 1 to {max}")]
    PageInvalid { value: String, max: u32 },
}

impl From<PageInvalid> for MapError {
    fn from(PageInvalid { value, max }: PageInvalid) -> Self {
        MapError::PageInvalid { value, max }
    }
}

impl FromStr for Step {
    type Err = MapError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Step::ALL
            .into_iter()
            .find(|step| step.as_str() == s)
            .ok_or_else(|| MapError::UnknownStep { value: shortened(s) })
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The guiding principles of the Ylöjärvi model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Principle {
    OpenDialogue,
    SystemicThinking,
    Participation,
}

/// Who takes part in a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Client,
    Relatives,
    Professionals,
    CoordinatorPair,
}

/// A legal deadline that runs in a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    /// Social care checks at once whether urgent help is needed.
    UrgentHelpAtOnce,
    /// The assessment starts without delay, by the 7th working day for people aged 75 or over
    /// or on the highest care allowance (Social Welfare Act 36 §).
    AssessmentStart,
    /// The plan names the date of its next review (Social Welfare Act 39 §).
    ReviewDate,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Concern,
        Step::Screening,
        Step::Assessment,
        Step::Team,
        Step::Plan,
        Step::Meetings,
        Step::Review,
        Step::Feedback,
        Step::Closure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Concern => "concern",
            Step::Screening => "screening",
            Step::Assessment => "assessment",
            Step::Team => "team",
            Step::Plan => "plan",
            Step::Meetings => "meetings",
            Step::Review => "review",
            Step::Feedback => "feedback",
            Step::Closure => "closure",
        }
    }

    pub fn stage(self) -> Stage {
        match self {
            Step::Concern | Step::Screening => Stage::Identification,
            Step::Assessment => Stage::Assessment,
            Step::Team | Step::Plan | Step::Meetings => Stage::Collaboration,
            Step::Review | Step::Feedback => Stage::FollowUp,
            Step::Closure => Stage::Closed,
        }
    }

    /// The steps of one stage, in order.
    pub fn of_stage(stage: Stage) -> impl Iterator<Item = Step> {
        Step::ALL.into_iter().filter(move |s| s.stage() == stage)
    }

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The step the map moves to with the "next" arrow key; the last step stays put.
    pub fn next(self) -> Step {
        Step::ALL.get(self.index() + 1).copied().unwrap_or(self)
    }

    /// The step the map moves to with the "previous" arrow key; the first step stays put.
    pub fn previous(self) -> Step {
        self.index().checked_sub(1).map_or(self, |i| Step::ALL[i])
    }

    /// Position on the map, 0-based.
    pub fn position(self) -> usize {
        self.index()
    }

    pub fn parties(self) -> &'static [Party] {
        use Party::*;
        match self {
            Step::Concern => &[Client, Relatives, Professionals],
            Step::Screening => &[CoordinatorPair, Client],
            Step::Assessment | Step::Meetings | Step::Review => &[Client, Relatives, Professionals, CoordinatorPair],
            Step::Team => &[Client, CoordinatorPair, Relatives, Professionals],
            Step::Plan => &[Client, CoordinatorPair, Professionals],
            Step::Feedback => &[Client, Relatives],
            Step::Closure => &[CoordinatorPair, Client],
        }
    }

    pub fn principles(self) -> &'static [Principle] {
        use Principle::*;
        match self {
            Step::Concern | Step::Feedback => &[Participation],
            Step::Screening => &[SystemicThinking],
            Step::Assessment | Step::Meetings => &[OpenDialogue, SystemicThinking, Participation],
            Step::Team => &[SystemicThinking, Participation],
            Step::Plan | Step::Review => &[Participation, OpenDialogue],
            Step::Closure => &[Participation],
        }
    }

    pub fn deadline(self) -> Option<Deadline> {
        match self {
            Step::Concern | Step::Screening => Some(Deadline::UrgentHelpAtOnce),
            Step::Assessment => Some(Deadline::AssessmentStart),
            Step::Plan | Step::Review => Some(Deadline::ReviewDate),
            _ => None,
        }
    }
}

impl Principle {
    pub const ALL: [Principle; 3] = [Principle::OpenDialogue, Principle::SystemicThinking, Principle::Participation];

    pub fn as_str(self) -> &'static str {
        match self {
            Principle::OpenDialogue => "open_dialogue",
            Principle::SystemicThinking => "systemic_thinking",
            Principle::Participation => "participation",
        }
    }
}

/// Where a step stands on one client's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Done,
    Current,
    Upcoming,
}

impl StepState {
    /// Where `step` stands when the client's case is in `current`. A closed case has done
    /// everything before its closure.
    pub fn of(step: Step, current: Step) -> StepState {
        use std::cmp::Ordering;
        match step.position().cmp(&current.position()) {
            Ordering::Less => StepState::Done,
            Ordering::Equal => StepState::Current,
            Ordering::Greater => StepState::Upcoming,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Current => "current",
            StepState::Upcoming => "upcoming",
        }
    }
}

/// Which cases the staff map counts. Every scope counts without names; the list behind a
/// step holds only the cases whose team the reader is on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MapScope {
    /// The cases whose team I am on, and the concerns I raised.
    #[default]
    Mine,
    /// The cases on which someone of my organisation is on the team, and the concerns they raised.
    Organisation,
    /// Every case and concern of the service.
    All,
}

impl MapScope {
    pub const ALL: [MapScope; 3] = [MapScope::Mine, MapScope::Organisation, MapScope::All];

    pub fn as_str(self) -> &'static str {
        match self {
            MapScope::Mine => "mine",
            MapScope::Organisation => "organisation",
            MapScope::All => "all",
        }
    }
}

impl FromStr for MapScope {
    type Err = MapError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MapScope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == s)
            .ok_or_else(|| MapError::UnknownScope { value: shortened(s) })
    }
}

/// The case list behind the map, as a person asked for it: open cases (the default) or closed
/// ones, in one step or all (the closure step is the closed cases), one page of `per_page`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseListing {
    pub step: Option<Step>,
    pub closed: bool,
    /// From 1.
    pub page: u32,
    pub per_page: u32,
}

impl CaseListing {
    /// Reads the list's four form fields, each empty for its default: `show` is `open` or
    /// `closed`; `page` and `per_page` as `PageRequest` reads them, `max_per_page` the default.
    pub fn parse(step: &str, show: &str, page: &str, per_page: &str, max_per_page: u32) -> Result<Self, MapError> {
        let step: Option<Step> = if step.is_empty() { None } else { Some(step.parse()?) };
        let closed = match show {
            "" | "open" => step == Some(Step::Closure),
            "closed" => true,
            other => return Err(MapError::UnknownListing { value: shortened(other) }),
        };
        let PageRequest { page, per_page } = PageRequest::parse(page, per_page, max_per_page)?;
        Ok(CaseListing { step, closed, page, per_page })
    }

    /// How many cases come before this page.
    pub fn offset(&self) -> u64 {
        PageRequest { page: self.page, per_page: self.per_page }.offset()
    }
}

/// Whether a case is late with something that has a date today: the assessment's legal start
/// day has passed and it has not started; or, while the team works, the plan's review date has
/// passed or one of its tasks is past due and not done.
pub fn is_overdue(stage: Stage, clock: Option<AssessmentClock>, plan: &PlanContent, today: NaiveDate) -> bool {
    is_late(late_from(stage, clock, plan), today)
}

/// Whether a case whose first late day is `late_from` (`late_from`, as stored) is late `today`.
pub fn is_late(late_from: Option<NaiveDate>, today: NaiveDate) -> bool {
    late_from.is_some_and(|from| from <= today)
}

/// The date a case's card shows, from the case's stored first late day: before the team works,
/// the assessment's legal start day, which is the day before the case is late; while the team
/// works, the plan's review date (each task shows its own date on its own card).
pub fn card_due(stage: Stage, late_from: Option<NaiveDate>, review_date: Option<NaiveDate>) -> Option<NaiveDate> {
    match stage {
        Stage::Identification | Stage::Assessment => late_from.and_then(|late| late.pred_opt()),
        Stage::Collaboration | Stage::FollowUp => review_date,
        Stage::Closed => None,
    }
}

/// The first day a case is late (`is_overdue`), or `None` while nothing dated can make it late:
/// the day after the assessment's legal start day, or the day after the earliest of the plan's
/// review date and its open tasks' due dates. It does not depend on today, so it is stored with
/// the case's step and a count of late cases is a comparison in the database.
pub fn late_from(stage: Stage, clock: Option<AssessmentClock>, plan: &PlanContent) -> Option<NaiveDate> {
    let due = match stage {
        Stage::Identification | Stage::Assessment => match clock {
            Some(AssessmentClock::Running { state }) => Some(state.due()),
            _ => None,
        },
        Stage::Collaboration | Stage::FollowUp => plan
            .review_date
            .into_iter()
            .chain(plan.actions.iter().filter(|task| task.status != TaskStatus::Done).map(|task| task.due))
            .min(),
        Stage::Closed => None,
    };
    due.and_then(|due| due.succ_opt())
}

/// How many cases (at the concern step: open concerns) stand in one step, and how many of them
/// are late (at the concern step: urgent ones, which must be looked at at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepCount {
    pub step: Step,
    pub count: u32,
    pub overdue: u32,
}

/// The counts of every step of the map, in map order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepCounts(Vec<StepCount>);

impl StepCounts {
    /// Counts items, each a step and whether it is late.
    pub fn tally(items: impl IntoIterator<Item = (Step, bool)>) -> StepCounts {
        let mut counts: Vec<StepCount> =
            Step::ALL.into_iter().map(|step| StepCount { step, count: 0, overdue: 0 }).collect();
        for (step, late) in items {
            let slot = &mut counts[step.position()];
            slot.count += 1;
            slot.overdue += u32::from(late);
        }
        StepCounts(counts)
    }

    /// Adds `count` items of which `late` are late, counted elsewhere (cases, in the database).
    pub fn add(&mut self, step: Step, count: u32, late: u32) {
        let slot = &mut self.0[step.position()];
        slot.count += count;
        slot.overdue += late;
    }

    pub fn get(&self, step: Step) -> StepCount {
        self.0[step.position()]
    }

    pub fn iter(&self) -> impl Iterator<Item = StepCount> + '_ {
        self.0.iter().copied()
    }

    /// The steps whose numbers differ from `before`: what a live map highlights.
    pub fn changed_since(&self, before: &StepCounts) -> Vec<Step> {
        self.iter().zip(before.iter()).filter(|(now, then)| now != then).map(|(now, _)| now.step).collect()
    }
}

impl Default for StepCounts {
    fn default() -> Self {
        StepCounts::tally([])
    }
}

/// The next dated thing on a client's path, as the pathway tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum NextDate {
    /// The coming network meeting.
    Meeting { title: String, at: chrono::DateTime<chrono::Utc> },
    /// The plan's next review.
    Review { on: NaiveDate },
    /// The day by which the law says the assessment must start.
    AssessmentStart { by: NaiveDate },
}

impl NextDate {
    /// The Finnish calendar day it falls on.
    pub fn day(&self) -> NaiveDate {
        match self {
            NextDate::Meeting { at, .. } => super::calendar::finnish_date(*at),
            NextDate::Review { on } => *on,
            NextDate::AssessmentStart { by } => *by,
        }
    }

    /// The soonest of `candidates`; on the same day a meeting comes first, since it has a time.
    pub fn soonest(candidates: impl IntoIterator<Item = NextDate>) -> Option<NextDate> {
        candidates.into_iter().min_by_key(|next| (next.day(), !matches!(next, NextDate::Meeting { .. })))
    }
}

/// What is known about a case that places it on a step within its stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepFacts {
    /// Someone besides the coordinator pair is on the team.
    pub team_formed: bool,
    /// The plan has at least one goal.
    pub plan_has_goals: bool,
    /// The plan has been reviewed at least once.
    pub reviewed: bool,
}

/// The step a case in `stage` is in. Identification cases are being screened (a concern becomes
/// a case when it is accepted); collaboration moves from forming the team to the plan to the
/// meetings; follow-up from the review to gathering feedback.
pub fn current_step(stage: Stage, facts: StepFacts) -> Step {
    match stage {
        Stage::Identification => Step::Screening,
        Stage::Assessment => Step::Assessment,
        Stage::Collaboration if !facts.team_formed => Step::Team,
        Stage::Collaboration if !facts.plan_has_goals => Step::Plan,
        Stage::Collaboration => Step::Meetings,
        Stage::FollowUp if !facts.reviewed => Step::Review,
        Stage::FollowUp => Step::Feedback,
        Stage::Closed => Step::Closure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::paging::LAST_PAGE;
    use crate::domain::UserId;

    #[test]
    fn the_steps_follow_the_stages_in_order() {
        let stages: Vec<Stage> = Step::ALL.iter().map(|s| s.stage()).collect();
        let mut sorted = stages.clone();
        sorted.sort_by_key(|s| s.position());
        assert_eq!(stages, sorted, "no step comes before a step of an earlier stage");
        for stage in Stage::ALL {
            assert!(Step::of_stage(stage).next().is_some(), "{stage:?} has a step on the map");
        }
        assert_eq!(
            Step::of_stage(Stage::Collaboration).collect::<Vec<_>>(),
            vec![Step::Team, Step::Plan, Step::Meetings]
        );
    }

    #[test]
    fn arrow_keys_walk_the_map_and_stop_at_its_ends() {
        let mut walked = vec![Step::Concern];
        while walked.last().unwrap().next() != *walked.last().unwrap() {
            walked.push(walked.last().unwrap().next());
        }
        assert_eq!(walked, Step::ALL.to_vec());
        assert_eq!(Step::Closure.next(), Step::Closure);
        assert_eq!(Step::Concern.previous(), Step::Concern);
        for step in Step::ALL.into_iter().skip(1) {
            assert_eq!(step.previous().next(), step);
        }
    }

    #[test]
    fn the_client_takes_part_in_every_step_and_dialogue_acts_where_people_meet() {
        for step in Step::ALL {
            assert!(step.parties().contains(&Party::Client), "{step:?}");
            assert!(!step.principles().is_empty(), "{step:?}");
        }
        for step in [Step::Assessment, Step::Meetings] {
            assert!(step.principles().contains(&Principle::OpenDialogue));
        }
        assert_eq!(Step::Assessment.deadline(), Some(Deadline::AssessmentStart));
        assert_eq!(Step::Screening.deadline(), Some(Deadline::UrgentHelpAtOnce));
        assert_eq!(Step::Team.deadline(), None);
    }

    #[test]
    fn a_case_is_placed_on_the_step_its_facts_say() {
        let none = StepFacts::default();
        assert_eq!(current_step(Stage::Identification, none), Step::Screening);
        assert_eq!(current_step(Stage::Assessment, none), Step::Assessment);
        assert_eq!(current_step(Stage::Collaboration, none), Step::Team);
        let team = StepFacts { team_formed: true, ..none };
        assert_eq!(current_step(Stage::Collaboration, team), Step::Plan);
        let goals = StepFacts { plan_has_goals: true, ..team };
        assert_eq!(current_step(Stage::Collaboration, goals), Step::Meetings);
        assert_eq!(current_step(Stage::FollowUp, goals), Step::Review);
        assert_eq!(current_step(Stage::FollowUp, StepFacts { reviewed: true, ..goals }), Step::Feedback);
        assert_eq!(current_step(Stage::Closed, goals), Step::Closure);
        for stage in Stage::ALL {
            assert_eq!(current_step(stage, none).stage(), stage, "the step is always within the case's stage");
        }
    }

    #[test]
    fn a_clients_steps_are_done_current_or_to_come() {
        assert_eq!(StepState::of(Step::Concern, Step::Team), StepState::Done);
        assert_eq!(StepState::of(Step::Assessment, Step::Team), StepState::Done);
        assert_eq!(StepState::of(Step::Team, Step::Team), StepState::Current);
        assert_eq!(StepState::of(Step::Plan, Step::Team), StepState::Upcoming);
        assert!(Step::ALL.iter().all(|s| StepState::of(*s, Step::Closure) != StepState::Upcoming));
    }

    #[test]
    fn steps_and_scopes_read_back_from_their_names() {
        for step in Step::ALL {
            assert_eq!(step.as_str().parse::<Step>(), Ok(step));
        }
        for scope in MapScope::ALL {
            assert_eq!(scope.as_str().parse::<MapScope>(), Ok(scope));
        }
        assert_eq!("everything".parse::<MapScope>(), Err(MapError::UnknownScope { value: "everything".into() }));
        assert_eq!("".parse::<Step>(), Err(MapError::UnknownStep { value: String::new() }));
        assert_eq!("x".repeat(100).parse::<Step>(), Err(MapError::UnknownStep { value: "x".repeat(40) }));
        assert_eq!(MapScope::default(), MapScope::Mine);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_case_is_late_when_a_date_it_must_keep_has_passed() {
        use crate::domain::deadline::DeadlineState;
        use crate::domain::plan::PlanAction;
        let today = d(2026, 11, 23);
        let empty = PlanContent::default();
        let late_start = Some(AssessmentClock::Running { state: DeadlineState::on(d(2026, 11, 20), today) });
        let in_time = Some(AssessmentClock::Running { state: DeadlineState::on(d(2026, 11, 25), today) });
        let started_late =
            Some(AssessmentClock::Started { on: d(2026, 11, 21), due: Some(d(2026, 11, 20)), in_time: false });
        assert!(is_overdue(Stage::Assessment, late_start, &empty, today));
        assert!(is_overdue(Stage::Identification, late_start, &empty, today));
        assert!(!is_overdue(Stage::Assessment, in_time, &empty, today));
        assert!(!is_overdue(Stage::Assessment, started_late, &empty, today), "the start was late, but it has started");
        assert!(!is_overdue(Stage::Assessment, None, &empty, today));

        let review_passed = PlanContent { review_date: Some(d(2026, 11, 22)), ..PlanContent::default() };
        let review_today = PlanContent { review_date: Some(today), ..PlanContent::default() };
        assert!(is_overdue(Stage::FollowUp, None, &review_passed, today));
        assert!(is_overdue(Stage::Collaboration, None, &review_passed, today));
        assert!(!is_overdue(Stage::Collaboration, None, &review_today, today));
        assert!(!is_overdue(Stage::Closed, late_start, &review_passed, today), "a closed case is late with nothing");
        assert_eq!(late_from(Stage::Assessment, late_start, &empty), Some(d(2026, 11, 21)));
        assert_eq!(late_from(Stage::Collaboration, None, &review_today), Some(d(2026, 11, 24)), "late the day after");
        assert_eq!(late_from(Stage::Collaboration, None, &empty), None);

        let task = |due, status| PlanAction {
            key: 1,
            what: "Soita".into(),
            owner_user_id: UserId(1),
            due,
            status,
            goal_key: None,
            revision: 0,
        };
        let late_task = PlanContent { actions: vec![task(d(2026, 11, 1), TaskStatus::Open)], ..PlanContent::default() };
        let done_task = PlanContent { actions: vec![task(d(2026, 11, 1), TaskStatus::Done)], ..PlanContent::default() };
        assert!(is_overdue(Stage::Collaboration, None, &late_task, today));
        assert!(!is_overdue(Stage::Collaboration, None, &done_task, today));
    }

    #[test]
    fn a_card_shows_the_legal_start_day_before_the_team_works_and_the_review_date_after() {
        use crate::domain::deadline::DeadlineState;
        use crate::domain::plan::PlanAction;
        let today = d(2026, 11, 23);
        let legal_day = d(2026, 11, 25);
        let running = Some(AssessmentClock::Running { state: DeadlineState::on(legal_day, today) });
        let started = Some(AssessmentClock::Started { on: d(2026, 11, 21), due: Some(legal_day), in_time: true });
        let empty = PlanContent::default();
        for stage in [Stage::Identification, Stage::Assessment] {
            let stored = late_from(stage, running, &empty);
            assert_eq!(card_due(stage, stored, None), Some(legal_day), "{stage:?}: the day the law sets");
            assert!(!is_late(stored, legal_day) && is_late(stored, legal_day.succ_opt().unwrap()));
            assert_eq!(card_due(stage, late_from(stage, started, &empty), None), None, "started: nothing to keep");
        }
        let task = PlanAction {
            key: 1,
            what: "Soita".into(),
            owner_user_id: UserId(1),
            due: d(2026, 11, 24),
            status: TaskStatus::Open,
            goal_key: None,
            revision: 0,
        };
        let plan = PlanContent { review_date: Some(d(2026, 12, 15)), actions: vec![task], ..PlanContent::default() };
        for stage in [Stage::Collaboration, Stage::FollowUp] {
            let stored = late_from(stage, None, &plan);
            assert_eq!(stored, Some(d(2026, 11, 25)), "the task's date makes the case late first");
            assert_eq!(card_due(stage, stored, plan.review_date), Some(d(2026, 12, 15)), "the card shows the review");
        }
        assert_eq!(card_due(Stage::Closed, Some(today), plan.review_date), None);
    }

    #[test]
    fn counts_cover_every_step_and_tell_what_changed() {
        let before = StepCounts::tally([(Step::Assessment, false), (Step::Assessment, true), (Step::Team, false)]);
        assert_eq!(before.iter().count(), Step::ALL.len());
        assert_eq!(before.get(Step::Assessment), StepCount { step: Step::Assessment, count: 2, overdue: 1 });
        assert_eq!(before.get(Step::Closure), StepCount { step: Step::Closure, count: 0, overdue: 0 });
        let after = StepCounts::tally([(Step::Assessment, false), (Step::Team, false), (Step::Team, false)]);
        assert_eq!(after.changed_since(&before), vec![Step::Assessment, Step::Team]);
        assert!(after.changed_since(&after).is_empty());
        assert_eq!(StepCounts::default(), StepCounts::tally([]));
    }

    #[test]
    fn the_case_list_is_open_cases_page_one_unless_asked_otherwise() {
        let listing = CaseListing::parse("", "", "", "", 50).unwrap();
        assert_eq!(listing, CaseListing { step: None, closed: false, page: 1, per_page: 50 });
        assert_eq!(listing.offset(), 0);
        let closed = CaseListing::parse("", "closed", "3", "20", 50).unwrap();
        assert_eq!(closed, CaseListing { step: None, closed: true, page: 3, per_page: 20 });
        assert_eq!(closed.offset(), 40);
        assert!(CaseListing::parse("closure", "", "", "", 50).unwrap().closed, "the closure step is the closed cases");
        assert!(!CaseListing::parse("plan", "open", " 2 ", "", 50).unwrap().closed);
        assert_eq!(CaseListing::parse("", "", "100000", "", 50).unwrap().offset(), 99_999 * 50);
    }

    #[test]
    fn a_case_list_asked_for_wrongly_is_told_what_is_wrong() {
        let refused = |step, show, page, per_page| CaseListing::parse(step, show, page, per_page, 50).unwrap_err();
        assert_eq!(refused("", "archived", "", ""), MapError::UnknownListing { value: "archived".into() });
        assert_eq!(refused("lunch", "", "", ""), MapError::UnknownStep { value: "lunch".into() });
        for page in ["0", "-1", "x", "1.5", "100001", "99999999999999999999"] {
            assert_eq!(
                refused("", "", page, ""),
                MapError::PageInvalid { value: page.into(), max: LAST_PAGE },
                "{page}"
            );
        }
        assert_eq!(refused("", "", "", "51"), MapError::PageInvalid { value: "51".into(), max: 50 });
        assert_eq!(refused("", "", "", "0"), MapError::PageInvalid { value: "0".into(), max: 50 });
    }

    #[test]
    fn numbers_counted_in_the_database_add_to_a_step() {
        let mut counts = StepCounts::tally([(Step::Closure, false), (Step::Review, true)]);
        counts.add(Step::Closure, 541, 0);
        counts.add(Step::Review, 10, 4);
        assert_eq!(counts.get(Step::Closure), StepCount { step: Step::Closure, count: 542, overdue: 0 });
        assert_eq!(counts.get(Step::Review), StepCount { step: Step::Review, count: 11, overdue: 5 });
    }

    #[test]
    fn the_pathway_tells_the_soonest_dated_thing_next() {
        use chrono::TimeZone;
        let meeting = NextDate::Meeting {
            title: "Verkostotapaaminen".into(),
            at: chrono::Utc.with_ymd_and_hms(2026, 12, 3, 22, 30, 0).unwrap(),
        };
        assert_eq!(meeting.day(), d(2026, 12, 4), "half past midnight in Helsinki is already the 4th");
        let review = NextDate::Review { on: d(2026, 12, 10) };
        assert_eq!(NextDate::soonest([review.clone(), meeting.clone()]), Some(meeting.clone()));
        let same_day = NextDate::Review { on: d(2026, 12, 4) };
        assert_eq!(
            NextDate::soonest([same_day, meeting.clone()]),
            Some(meeting),
            "the meeting has a time, so it comes first"
        );
        assert_eq!(
            NextDate::soonest([NextDate::AssessmentStart { by: d(2026, 12, 2) }, review]),
            Some(NextDate::AssessmentStart { by: d(2026, 12, 2) })
        );
        assert_eq!(NextDate::soonest([]), None);
    }
}
