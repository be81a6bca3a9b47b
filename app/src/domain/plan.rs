//! The client plan (asiakassuunnitelma, SHL 39 §): the client's goals in their own words, the
//! client's own actions, each member's actions with an owner and a due date, services with their
//! expected duration, disagreements with both views, and a review date.
//!
//! Who may change what: the client owns the wording of their goals (a professional may suggest a
//! phrasing, kept beside it); the coordinator pair edits the rest; a member updates the status of
//! the actions they own. Every saved change is a new version; `diff` says what changed between
//! any two.

use super::ids::UserId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Open,
    InProgress,
    Done,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 3] = [TaskStatus::Open, TaskStatus::InProgress, TaskStatus::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Open => "open",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Done => "done",
        }
    }
}

/// A goal as the client put it. `key` stays the same across versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub key: u32,
    pub client_words: String,
    /// A professional's suggested phrasing, shown beside the client's words, never instead.
    pub suggested_wording: Option<String>,
    /// What the client will do themself.
    pub client_actions: String,
}

/// An action is a task: one owner, a due date and a status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    pub key: u32,
    pub what: String,
    pub owner_user_id: UserId,
    pub due: NaiveDate,
    pub status: TaskStatus,
    pub goal_key: Option<u32>,
    /// How many times this action has changed since it was added: the version its card on a
    /// board carries. Plans saved before boards existed read as 0.
    #[serde(default)]
    pub revision: u32,
}

impl PlanAction {
    /// Past its due date and not done.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status != TaskStatus::Done && self.due < today
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub name: String,
    pub provider: String,
    /// Until when the service is expected to be needed.
    pub until: Option<NaiveDate>,
}

/// Where views differ: both views, with their reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disagreement {
    pub topic: String,
    pub client_view: String,
    pub professional_view: String,
    pub reasons: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanContent {
    pub goals: Vec<Goal>,
    pub actions: Vec<PlanAction>,
    pub services: Vec<Service>,
    pub disagreements: Vec<Disagreement>,
    pub review_date: Option<NaiveDate>,
}

/// What a person may change in a plan, by their place in the case (see `Access::edit_plan`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanRole {
    /// The client: their goals and their own actions.
    Client,
    /// The coordinator pair: everything but the wording of the client's goals.
    Coordinator,
    /// Another member of the team: the status of the actions they own.
    Member,
}

impl PlanRole {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanRole::Client => "client",
            PlanRole::Coordinator => "coordinator",
            PlanRole::Member => "member",
        }
    }

    pub fn editor(self, user_id: UserId) -> Editor {
        match self {
            PlanRole::Client => Editor::Client,
            PlanRole::Coordinator => Editor::Coordinator,
            PlanRole::Member => Editor::Member { user_id },
        }
    }
}

impl std::str::FromStr for PlanRole {
    type Err = ();
    fn from_str(raw: &str) -> Result<Self, ()> {
        [PlanRole::Client, PlanRole::Coordinator, PlanRole::Member].into_iter().find(|r| r.as_str() == raw).ok_or(())
    }
}

/// Who is changing the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    Client,
    Coordinator,
    /// A team member, identified so that they may update their own tasks.
    Member {
        user_id: UserId,
    },
}

/// The longest text any field of the plan takes.
pub const MAX_TEXT: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PlanError {
    #[error("only the client writes or changes the wording of their goals")]
    ClientOwnsGoalWording,
    #[error("a team member may only update the status of their own tasks")]
    OnlyOwnTasks,
    #[error("the client changes their goals; the rest of the plan is the coordinator pair's")]
    ClientChangesGoalsOnly,
    #[error("the plan is made once the case is in collaboration or follow-up")]
    NotInCollaboration,
    #[error("someone saved the plan after you opened it")]
    Stale,
    #[error("write the goal in the client's own words")]
    GoalWordsEmpty,
    #[error("say what will be done")]
    ActionEmpty,
    #[error("choose who does it: a member of the team")]
    OwnerNotOnTeam,
    #[error("give a date as YYYY-MM-DD")]
    DateInvalid,
    #[error("the date has already passed")]
    DateInPast,
    #[error("the date is not between 1900 and 2100")]
    DateOutOfRange,
    #[error("name the service and who provides it")]
    ServiceIncomplete,
    #[error("a disagreement needs the topic, both views and the reasons")]
    DisagreementIncomplete,
    #[error("a text is longer than {max} characters")]
    TextTooLong { max: usize },
    #[error("there is no such goal in the plan")]
    UnknownGoal,
    #[error("there is no such action in the plan")]
    UnknownAction,
    #[error("there is no such service in the plan")]
    UnknownService,
    #[error("\"{value}\" is not one of the choices")]
    InvalidChoice { value: String },
}

fn goal_words(plan: &PlanContent) -> Vec<(u32, &str)> {
    plan.goals.iter().map(|g| (g.key, g.client_words.as_str())).collect()
}

/// The plan with every action's revision cleared: revisions follow the changes, so whether a
/// change is allowed is decided on the rest.
fn without_revisions(plan: &PlanContent) -> PlanContent {
    let mut plan = plan.clone();
    for action in &mut plan.actions {
        action.revision = 0;
    }
    plan
}

/// Checks a change of the plan from `old` to `new` by `editor`.
pub fn check_edit(editor: Editor, old: &PlanContent, new: &PlanContent) -> Result<(), PlanError> {
    let (old, new) = (&without_revisions(old), &without_revisions(new));
    let wording_changed = goal_words(old) != goal_words(new);
    match editor {
        Editor::Client => {
            // Removing a goal unlinks its actions; nothing else outside the goals may change.
            let outside_goals = |p: &PlanContent| {
                let mut rest = PlanContent { goals: Vec::new(), ..p.clone() };
                for action in &mut rest.actions {
                    action.goal_key = action.goal_key.filter(|k| new.goals.iter().any(|g| g.key == *k));
                }
                rest
            };
            let suggestions_kept = new.goals.iter().all(|g| match old.goals.iter().find(|o| o.key == g.key) {
                Some(before) => before.suggested_wording == g.suggested_wording,
                None => g.suggested_wording.is_none(),
            });
            if outside_goals(old) == outside_goals(new) && suggestions_kept {
                Ok(())
            } else {
                Err(PlanError::ClientChangesGoalsOnly)
            }
        }
        Editor::Coordinator => {
            if wording_changed {
                return Err(PlanError::ClientOwnsGoalWording);
            }
            Ok(())
        }
        Editor::Member { user_id } => {
            if wording_changed {
                return Err(PlanError::ClientOwnsGoalWording);
            }
            let others_same = PlanContent { actions: Vec::new(), ..old.clone() }
                == PlanContent { actions: Vec::new(), ..new.clone() };
            let only_own_status = old.actions.len() == new.actions.len()
                && old.actions.iter().zip(&new.actions).all(|(a, b)| {
                    a == b || (a.owner_user_id == user_id && PlanAction { status: b.status, ..a.clone() } == *b)
                });
            if others_same && only_own_status {
                Ok(())
            } else {
                Err(PlanError::OnlyOwnTasks)
            }
        }
    }
}

/// A change of the plan as it arrives from a form, before parsing. Which fields count depends on
/// `op`; the others are ignored, and a field the form did not send is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawPlanChange {
    pub op: String,
    #[serde(deserialize_with = "super::form::optional_number")]
    pub key: Option<u32>,
    pub words: String,
    pub client_actions: String,
    pub suggestion: String,
    pub what: String,
    #[serde(deserialize_with = "super::form::optional_number")]
    pub owner: Option<UserId>,
    pub due: String,
    pub status: String,
    #[serde(deserialize_with = "super::form::optional_number")]
    pub goal: Option<u32>,
    pub name: String,
    pub provider: String,
    pub until: String,
    pub topic: String,
    pub client_view: String,
    pub professional_view: String,
    pub reasons: String,
    pub review_date: String,
}

/// An action agreed on, before it has a key in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAction {
    pub what: String,
    pub owner_user_id: UserId,
    pub due: NaiveDate,
    pub goal_key: Option<u32>,
}

/// One change of the plan, parsed. Applying it gives the next version's content; `check_edit`
/// then decides whether the person may make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanChange {
    AddGoal {
        words: String,
        client_actions: String,
    },
    RewordGoal {
        key: u32,
        words: String,
        client_actions: String,
    },
    SuggestWording {
        key: u32,
        suggestion: Option<String>,
    },
    RemoveGoal {
        key: u32,
    },
    AddActions(Vec<NewAction>),
    RescheduleAction {
        key: u32,
        owner_user_id: UserId,
        due: NaiveDate,
    },
    /// What an action is, who owns it and when it is due, as edited on its card.
    EditAction {
        key: u32,
        what: String,
        owner_user_id: UserId,
        due: NaiveDate,
    },
    SetStatus {
        key: u32,
        status: TaskStatus,
    },
    RemoveAction {
        key: u32,
    },
    AddService(Service),
    RemoveService {
        index: usize,
    },
    AddDisagreement(Disagreement),
    SetReviewDate(NaiveDate),
    /// Everything `from` still has to do goes to `to`: what the pair does when `from` leaves the
    /// team, so that no open action is left with someone who may no longer see the case.
    HandOver {
        from: UserId,
        to: UserId,
    },
}

fn text(raw: &str, empty: PlanError) -> Result<String, PlanError> {
    let trimmed = optional_text(raw)?;
    trimmed.ok_or(empty)
}

fn optional_text(raw: &str) -> Result<Option<String>, PlanError> {
    let trimmed = raw.trim();
    if trimmed.chars().count() > MAX_TEXT {
        return Err(PlanError::TextTooLong { max: MAX_TEXT });
    }
    Ok((!trimmed.is_empty()).then(|| trimmed.to_string()))
}

/// A date from a date field, not before `today`.
pub fn parse_future_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, PlanError> {
    let date = super::calendar::parse_day(raw).map_err(|e| match e {
        super::calendar::DateError::Invalid => PlanError::DateInvalid,
        super::calendar::DateError::TooEarly => PlanError::DateInPast,
        super::calendar::DateError::TooLate => PlanError::DateOutOfRange,
    })?;
    if date < today {
        return Err(PlanError::DateInPast);
    }
    Ok(date)
}

/// An action's due date: the date it has now (`kept`), even if that has passed, or a date from
/// `today` on.
fn parse_due(raw: &str, kept: Option<NaiveDate>, today: NaiveDate) -> Result<NaiveDate, PlanError> {
    match kept {
        Some(date) if super::calendar::parse_day(raw) == Ok(date) => Ok(date),
        _ => parse_future_date(raw, today),
    }
}

fn parse_status(raw: &str) -> Result<TaskStatus, PlanError> {
    TaskStatus::ALL
        .into_iter()
        .find(|s| s.as_str() == raw)
        .ok_or_else(|| PlanError::InvalidChoice { value: super::shortened(raw) })
}

/// An action to be added: something to do, an owner on the team (`team` holds their user ids)
/// and a due date from `today` on.
pub fn parse_new_action(
    what: &str,
    owner: Option<UserId>,
    due: &str,
    goal_key: Option<u32>,
    team: &[UserId],
    today: NaiveDate,
) -> Result<NewAction, PlanError> {
    let what = text(what, PlanError::ActionEmpty)?;
    let owner_user_id = owner.filter(|id| team.contains(id)).ok_or(PlanError::OwnerNotOnTeam)?;
    let due = parse_future_date(due, today)?;
    Ok(NewAction { what, owner_user_id, due, goal_key })
}

impl PlanChange {
    /// Parses a change to the plan `old`. `team` holds the user ids that may own actions; dates
    /// must not be past `today`, except an action's due date left as it is (an overdue action can
    /// be reworded or given to someone else without inventing a new date for it).
    pub fn parse(raw: &RawPlanChange, old: &PlanContent, team: &[UserId], today: NaiveDate) -> Result<Self, PlanError> {
        // A change without the goal, task or service it is about names what is missing.
        let goal = || raw.key.ok_or(PlanError::UnknownGoal);
        let action = || raw.key.ok_or(PlanError::UnknownAction);
        let due = || {
            let kept = old.actions.iter().find(|a| Some(a.key) == raw.key).map(|a| a.due);
            parse_due(&raw.due, kept, today)
        };
        Ok(match raw.op.as_str() {
            "add_goal" => PlanChange::AddGoal {
                words: text(&raw.words, PlanError::GoalWordsEmpty)?,
                client_actions: optional_text(&raw.client_actions)?.unwrap_or_default(),
            },
            "reword_goal" => PlanChange::RewordGoal {
                key: goal()?,
                words: text(&raw.words, PlanError::GoalWordsEmpty)?,
                client_actions: optional_text(&raw.client_actions)?.unwrap_or_default(),
            },
            "suggest_wording" => {
                PlanChange::SuggestWording { key: goal()?, suggestion: optional_text(&raw.suggestion)? }
            }
            "remove_goal" => PlanChange::RemoveGoal { key: goal()? },
            "add_action" => {
                PlanChange::AddActions(vec![parse_new_action(&raw.what, raw.owner, &raw.due, raw.goal, team, today)?])
            }
            "reschedule_action" => PlanChange::RescheduleAction {
                key: action()?,
                owner_user_id: raw.owner.filter(|id| team.contains(id)).ok_or(PlanError::OwnerNotOnTeam)?,
                due: due()?,
            },
            "edit_action" => PlanChange::EditAction {
                key: action()?,
                what: text(&raw.what, PlanError::ActionEmpty)?,
                owner_user_id: raw.owner.filter(|id| team.contains(id)).ok_or(PlanError::OwnerNotOnTeam)?,
                due: due()?,
            },
            "set_status" => PlanChange::SetStatus { key: action()?, status: parse_status(&raw.status)? },
            "remove_action" => PlanChange::RemoveAction { key: action()? },
            "add_service" => {
                let name = text(&raw.name, PlanError::ServiceIncomplete)?;
                let provider = text(&raw.provider, PlanError::ServiceIncomplete)?;
                let until = match raw.until.trim() {
                    "" => None,
                    date => Some(parse_future_date(date, today)?),
                };
                PlanChange::AddService(Service { name, provider, until })
            }
            "remove_service" => PlanChange::RemoveService { index: raw.key.ok_or(PlanError::UnknownService)? as usize },
            "add_disagreement" => PlanChange::AddDisagreement(Disagreement {
                topic: text(&raw.topic, PlanError::DisagreementIncomplete)?,
                client_view: text(&raw.client_view, PlanError::DisagreementIncomplete)?,
                professional_view: text(&raw.professional_view, PlanError::DisagreementIncomplete)?,
                reasons: text(&raw.reasons, PlanError::DisagreementIncomplete)?,
            }),
            "set_review_date" => PlanChange::SetReviewDate(parse_future_date(&raw.review_date, today)?),
            other => return Err(PlanError::InvalidChoice { value: super::shortened(other) }),
        })
    }

    /// The plan after this change. Keys of new goals and actions follow the largest so far, so a
    /// key always means the same goal or action across versions.
    pub fn apply(&self, old: &PlanContent) -> Result<PlanContent, PlanError> {
        let mut plan = old.clone();
        let goal = |plan: &mut PlanContent, key: u32| -> Result<usize, PlanError> {
            plan.goals.iter().position(|g| g.key == key).ok_or(PlanError::UnknownGoal)
        };
        let action = |plan: &mut PlanContent, key: u32| -> Result<usize, PlanError> {
            plan.actions.iter().position(|a| a.key == key).ok_or(PlanError::UnknownAction)
        };
        match self {
            PlanChange::AddGoal { words, client_actions } => {
                let key = plan.goals.iter().map(|g| g.key).max().unwrap_or(0) + 1;
                plan.goals.push(Goal {
                    key,
                    client_words: words.clone(),
                    suggested_wording: None,
                    client_actions: client_actions.clone(),
                });
            }
            PlanChange::RewordGoal { key, words, client_actions } => {
                let at = goal(&mut plan, *key)?;
                plan.goals[at].client_words = words.clone();
                plan.goals[at].client_actions = client_actions.clone();
            }
            PlanChange::SuggestWording { key, suggestion } => {
                let at = goal(&mut plan, *key)?;
                plan.goals[at].suggested_wording = suggestion.clone();
            }
            PlanChange::RemoveGoal { key } => {
                let at = goal(&mut plan, *key)?;
                plan.goals.remove(at);
                for action in plan.actions.iter_mut().filter(|a| a.goal_key == Some(*key)) {
                    action.goal_key = None;
                }
            }
            PlanChange::AddActions(new) => {
                let last = plan.actions.iter().map(|a| a.key).max().unwrap_or(0);
                for (key, item) in (last + 1..).zip(new) {
                    if item.goal_key.is_some_and(|k| !plan.goals.iter().any(|g| g.key == k)) {
                        return Err(PlanError::UnknownGoal);
                    }
                    plan.actions.push(PlanAction {
                        key,
                        what: item.what.clone(),
                        owner_user_id: item.owner_user_id,
                        due: item.due,
                        status: TaskStatus::Open,
                        goal_key: item.goal_key,
                        revision: 0,
                    });
                }
            }
            PlanChange::RescheduleAction { key, owner_user_id, due } => {
                let at = action(&mut plan, *key)?;
                plan.actions[at].owner_user_id = *owner_user_id;
                plan.actions[at].due = *due;
            }
            PlanChange::EditAction { key, what, owner_user_id, due } => {
                let at = action(&mut plan, *key)?;
                plan.actions[at].what = what.clone();
                plan.actions[at].owner_user_id = *owner_user_id;
                plan.actions[at].due = *due;
            }
            PlanChange::SetStatus { key, status } => {
                let at = action(&mut plan, *key)?;
                plan.actions[at].status = *status;
            }
            PlanChange::RemoveAction { key } => {
                let at = action(&mut plan, *key)?;
                plan.actions.remove(at);
            }
            PlanChange::AddService(service) => plan.services.push(service.clone()),
            PlanChange::RemoveService { index } => {
                if *index >= plan.services.len() {
                    return Err(PlanError::UnknownService);
                }
                plan.services.remove(*index);
            }
            PlanChange::AddDisagreement(disagreement) => plan.disagreements.push(disagreement.clone()),
            PlanChange::SetReviewDate(date) => plan.review_date = Some(*date),
            PlanChange::HandOver { from, to } => {
                for action in
                    plan.actions.iter_mut().filter(|a| a.owner_user_id == *from && a.status != TaskStatus::Done)
                {
                    action.owner_user_id = *to;
                }
            }
        }
        for action in &mut plan.actions {
            if let Some(before) = old.actions.iter().find(|a| a.key == action.key) {
                if before != action {
                    action.revision = before.revision + 1;
                }
            }
        }
        Ok(plan)
    }
}

/// One difference between two versions of a plan, for the compare view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PlanDiff {
    GoalAdded { key: u32, words: String },
    GoalRemoved { key: u32, words: String },
    GoalReworded { key: u32, from: String, to: String },
    ActionAdded { key: u32, what: String },
    ActionRemoved { key: u32, what: String },
    ActionRenamed { key: u32, from: String, to: String },
    ActionStatus { key: u32, from: TaskStatus, to: TaskStatus },
    ActionDue { key: u32, from: NaiveDate, to: NaiveDate },
    ActionOwner { key: u32, from: UserId, to: UserId },
    ServicesChanged,
    DisagreementsChanged,
    ReviewDate { from: Option<NaiveDate>, to: Option<NaiveDate> },
}

/// What changed from `old` to `new`, goals first, then actions, then the rest.
pub fn diff(old: &PlanContent, new: &PlanContent) -> Vec<PlanDiff> {
    let mut out = Vec::new();
    for goal in &new.goals {
        match old.goals.iter().find(|g| g.key == goal.key) {
            None => out.push(PlanDiff::GoalAdded { key: goal.key, words: goal.client_words.clone() }),
            Some(before) if before.client_words != goal.client_words => out.push(PlanDiff::GoalReworded {
                key: goal.key,
                from: before.client_words.clone(),
                to: goal.client_words.clone(),
            }),
            Some(_) => {}
        }
    }
    for goal in old.goals.iter().filter(|g| !new.goals.iter().any(|n| n.key == g.key)) {
        out.push(PlanDiff::GoalRemoved { key: goal.key, words: goal.client_words.clone() });
    }
    for action in &new.actions {
        match old.actions.iter().find(|a| a.key == action.key) {
            None => out.push(PlanDiff::ActionAdded { key: action.key, what: action.what.clone() }),
            Some(before) => {
                if before.what != action.what {
                    out.push(PlanDiff::ActionRenamed {
                        key: action.key,
                        from: before.what.clone(),
                        to: action.what.clone(),
                    });
                }
                if before.status != action.status {
                    out.push(PlanDiff::ActionStatus { key: action.key, from: before.status, to: action.status });
                }
                if before.due != action.due {
                    out.push(PlanDiff::ActionDue { key: action.key, from: before.due, to: action.due });
                }
                if before.owner_user_id != action.owner_user_id {
                    out.push(PlanDiff::ActionOwner {
                        key: action.key,
                        from: before.owner_user_id,
                        to: action.owner_user_id,
                    });
                }
            }
        }
    }
    for action in old.actions.iter().filter(|a| !new.actions.iter().any(|n| n.key == a.key)) {
        out.push(PlanDiff::ActionRemoved { key: action.key, what: action.what.clone() });
    }
    if old.services != new.services {
        out.push(PlanDiff::ServicesChanged);
    }
    if old.disagreements != new.disagreements {
        out.push(PlanDiff::DisagreementsChanged);
    }
    if old.review_date != new.review_date {
        out.push(PlanDiff::ReviewDate { from: old.review_date, to: new.review_date });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn plan() -> PlanContent {
        PlanContent {
            goals: vec![Goal {
                key: 1,
                client_words: "Haluan käydä itse kaupassa".into(),
                suggested_wording: None,
                client_actions: "Kävelen joka päivä pihalla".into(),
            }],
            actions: vec![
                PlanAction {
                    key: 1,
                    what: "Kotiin kaiteet".into(),
                    owner_user_id: UserId(7),
                    due: d(12, 4),
                    status: TaskStatus::Open,
                    goal_key: Some(1),
                    revision: 0,
                },
                PlanAction {
                    key: 2,
                    what: "Fysioterapia".into(),
                    owner_user_id: UserId(8),
                    due: d(12, 15),
                    status: TaskStatus::Open,
                    goal_key: Some(1),
                    revision: 0,
                },
            ],
            services: vec![Service {
                name: "Kotihoito".into(),
                provider: "Järvelän hyvinvointialue".into(),
                until: Some(d(12, 31)),
            }],
            disagreements: Vec::new(),
            review_date: Some(d(12, 20)),
        }
    }

    #[test]
    fn the_client_owns_the_wording_of_their_goals() {
        let mut reworded = plan();
        reworded.goals[0].client_words = "Asiakas asioi kaupassa itsenäisesti".into();
        assert_eq!(check_edit(Editor::Coordinator, &plan(), &reworded), Err(PlanError::ClientOwnsGoalWording));
        assert_eq!(
            check_edit(Editor::Member { user_id: UserId(7) }, &plan(), &reworded),
            Err(PlanError::ClientOwnsGoalWording)
        );
        assert_eq!(check_edit(Editor::Client, &plan(), &reworded), Ok(()));
    }

    #[test]
    fn a_professional_may_suggest_a_phrasing_beside_the_clients_words() {
        let mut suggested = plan();
        suggested.goals[0].suggested_wording = Some("Asioi kaupassa itsenäisesti kolmen kuukauden kuluttua".into());
        assert_eq!(check_edit(Editor::Coordinator, &plan(), &suggested), Ok(()));
        assert_eq!(check_edit(Editor::Client, &plan(), &suggested), Err(PlanError::ClientChangesGoalsOnly));
    }

    #[test]
    fn the_client_changes_goals_and_the_pair_the_rest() {
        let mut later = plan();
        later.review_date = Some(d(12, 27));
        assert_eq!(check_edit(Editor::Client, &plan(), &later), Err(PlanError::ClientChangesGoalsOnly));
        assert_eq!(check_edit(Editor::Coordinator, &plan(), &later), Ok(()));
        let mut more = plan();
        more.goals.push(Goal {
            key: 2,
            client_words: "Haluan nähdä ystäviä".into(),
            suggested_wording: None,
            client_actions: String::new(),
        });
        assert_eq!(check_edit(Editor::Client, &plan(), &more), Ok(()));
    }

    #[test]
    fn a_member_updates_only_the_status_of_their_own_tasks() {
        let mut started = plan();
        started.actions[0].status = TaskStatus::InProgress;
        assert_eq!(check_edit(Editor::Member { user_id: UserId(7) }, &plan(), &started), Ok(()));
        assert_eq!(check_edit(Editor::Member { user_id: UserId(8) }, &plan(), &started), Err(PlanError::OnlyOwnTasks));
        let mut moved = plan();
        moved.actions[0].due = d(12, 31);
        assert_eq!(
            check_edit(Editor::Member { user_id: UserId(7) }, &plan(), &moved),
            Err(PlanError::OnlyOwnTasks),
            "the due date is the pair's"
        );
    }

    #[test]
    fn an_action_past_its_due_date_and_not_done_is_overdue() {
        let action = &plan().actions[0];
        assert!(!action.is_overdue(d(12, 4)), "due today is not overdue");
        assert!(action.is_overdue(d(12, 5)));
        let done = PlanAction { status: TaskStatus::Done, ..action.clone() };
        assert!(!done.is_overdue(d(12, 31)));
    }

    #[test]
    fn the_diff_names_each_change() {
        let old = plan();
        let mut new = plan();
        new.goals[0].client_words = "Haluan käydä itse kaupassa ja apteekissa".into();
        new.actions[0].status = TaskStatus::Done;
        new.actions.remove(1);
        new.actions.push(PlanAction {
            key: 3,
            what: "Vertaisryhmä".into(),
            owner_user_id: UserId(9),
            due: d(12, 10),
            status: TaskStatus::Open,
            goal_key: None,
            revision: 0,
        });
        new.review_date = Some(d(12, 27));
        assert_eq!(
            diff(&old, &new),
            vec![
                PlanDiff::GoalReworded {
                    key: 1,
                    from: "Haluan käydä itse kaupassa".into(),
                    to: "Haluan käydä itse kaupassa ja apteekissa".into()
                },
                PlanDiff::ActionStatus { key: 1, from: TaskStatus::Open, to: TaskStatus::Done },
                PlanDiff::ActionAdded { key: 3, what: "Vertaisryhmä".into() },
                PlanDiff::ActionRemoved { key: 2, what: "Fysioterapia".into() },
                PlanDiff::ReviewDate { from: Some(d(12, 20)), to: Some(d(12, 27)) },
            ]
        );
        assert!(diff(&old, &old).is_empty());
    }

    fn raw(op: &str) -> RawPlanChange {
        RawPlanChange { op: op.into(), ..Default::default() }
    }

    #[test]
    fn a_change_is_parsed_with_a_specific_reason_for_each_mistake() {
        let today = d(12, 1);
        let team = [UserId(7), UserId(8)];
        let parse = |r: RawPlanChange| PlanChange::parse(&r, &plan(), &team, today);
        assert_eq!(parse(RawPlanChange { words: "  ".into(), ..raw("add_goal") }), Err(PlanError::GoalWordsEmpty));
        assert_eq!(
            parse(RawPlanChange { words: "x".repeat(MAX_TEXT + 1), ..raw("add_goal") }),
            Err(PlanError::TextTooLong { max: MAX_TEXT })
        );
        let action =
            |owner, due: &str| RawPlanChange { what: "Kaiteet".into(), owner, due: due.into(), ..raw("add_action") };
        assert_eq!(parse(action(Some(UserId(99)), "2026-12-04")), Err(PlanError::OwnerNotOnTeam));
        assert_eq!(parse(action(None, "2026-12-04")), Err(PlanError::OwnerNotOnTeam));
        assert_eq!(parse(action(Some(UserId(7)), "4.12.2026")), Err(PlanError::DateInvalid));
        assert_eq!(parse(action(Some(UserId(7)), "2026-11-30")), Err(PlanError::DateInPast));
        assert_eq!(
            parse(action(Some(UserId(7)), "2026-12-04")),
            Ok(PlanChange::AddActions(vec![NewAction {
                what: "Kaiteet".into(),
                owner_user_id: UserId(7),
                due: d(12, 4),
                goal_key: None
            }]))
        );
        assert_eq!(
            parse(RawPlanChange { topic: "Asuminen".into(), client_view: "Kotona".into(), ..raw("add_disagreement") }),
            Err(PlanError::DisagreementIncomplete)
        );
        assert_eq!(
            parse(RawPlanChange { name: "Kotihoito".into(), ..raw("add_service") }),
            Err(PlanError::ServiceIncomplete)
        );
        assert_eq!(
            parse(RawPlanChange { key: Some(1), status: "finished".into(), ..raw("set_status") }),
            Err(PlanError::InvalidChoice { value: "finished".into() })
        );
        assert_eq!(
            parse(raw("rewrite_everything")),
            Err(PlanError::InvalidChoice { value: "rewrite_everything".into() })
        );
        assert_eq!(
            parse(RawPlanChange { words: "x".into(), ..raw("reword_goal") }),
            Err(PlanError::UnknownGoal),
            "no key: which goal?"
        );
        assert_eq!(parse(RawPlanChange { status: "done".into(), ..raw("set_status") }), Err(PlanError::UnknownAction));
        assert_eq!(
            parse(RawPlanChange { review_date: "2026-11-30".into(), ..raw("set_review_date") }),
            Err(PlanError::DateInPast)
        );
    }

    #[test]
    fn applying_a_change_keeps_keys_stable_and_refuses_unknown_targets() {
        let added = PlanChange::AddGoal { words: "Haluan nähdä ystäviä".into(), client_actions: String::new() }
            .apply(&plan())
            .unwrap();
        assert_eq!(added.goals.iter().map(|g| g.key).collect::<Vec<_>>(), vec![1, 2]);
        let removed = PlanChange::RemoveGoal { key: 1 }.apply(&added).unwrap();
        assert!(removed.actions.iter().all(|a| a.goal_key.is_none()), "actions of a removed goal stay, unlinked");
        let again =
            PlanChange::AddGoal { words: "Uusi".into(), client_actions: String::new() }.apply(&removed).unwrap();
        assert_eq!(again.goals[1].key, 3, "a removed goal's key is never reused");
        let two = PlanChange::AddActions(vec![
            NewAction { what: "A".into(), owner_user_id: UserId(7), due: d(12, 9), goal_key: Some(1) },
            NewAction { what: "B".into(), owner_user_id: UserId(8), due: d(12, 9), goal_key: None },
        ])
        .apply(&plan())
        .unwrap();
        assert_eq!(two.actions.iter().map(|a| a.key).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
        assert!(two.actions[2..].iter().all(|a| a.status == TaskStatus::Open));
        assert_eq!(
            PlanChange::SetStatus { key: 9, status: TaskStatus::Done }.apply(&plan()),
            Err(PlanError::UnknownAction)
        );
        assert_eq!(
            PlanChange::RewordGoal { key: 9, words: "x".into(), client_actions: String::new() }.apply(&plan()),
            Err(PlanError::UnknownGoal)
        );
        assert_eq!(PlanChange::RemoveService { index: 5 }.apply(&plan()), Err(PlanError::UnknownService));
        assert_eq!(
            PlanChange::AddActions(vec![NewAction {
                what: "A".into(),
                owner_user_id: UserId(7),
                due: d(12, 9),
                goal_key: Some(9)
            }])
            .apply(&plan()),
            Err(PlanError::UnknownGoal)
        );
    }

    #[test]
    fn each_change_of_an_action_raises_its_revision_and_leaves_the_others_alone() {
        let done = PlanChange::SetStatus { key: 2, status: TaskStatus::Done }.apply(&plan()).unwrap();
        assert_eq!(done.actions.iter().map(|a| a.revision).collect::<Vec<_>>(), vec![0, 1]);
        let edited = PlanChange::EditAction {
            key: 2,
            what: "Fysioterapeutin kotikäynti".into(),
            owner_user_id: UserId(7),
            due: d(12, 18),
        }
        .apply(&done)
        .unwrap();
        assert_eq!(edited.actions[1].revision, 2);
        assert_eq!(
            (edited.actions[1].what.as_str(), edited.actions[1].owner_user_id, edited.actions[1].due),
            ("Fysioterapeutin kotikäynti", UserId(7), d(12, 18))
        );
        assert_eq!(
            diff(&done, &edited),
            vec![
                PlanDiff::ActionRenamed {
                    key: 2,
                    from: "Fysioterapia".into(),
                    to: "Fysioterapeutin kotikäynti".into()
                },
                PlanDiff::ActionDue { key: 2, from: d(12, 15), to: d(12, 18) },
                PlanDiff::ActionOwner { key: 2, from: UserId(8), to: UserId(7) },
            ]
        );
        let unchanged = PlanChange::SetReviewDate(d(12, 27)).apply(&edited).unwrap();
        assert_eq!(unchanged.actions.iter().map(|a| a.revision).collect::<Vec<_>>(), vec![0, 2], "only what changed");
        let unlinked = PlanChange::RemoveGoal { key: 1 }.apply(&plan()).unwrap();
        assert!(unlinked.actions.iter().all(|a| a.revision == 1), "unlinking from a removed goal changes the card");
        let stored: PlanAction = serde_json::from_str(
            r#"{"key":1,"what":"x","owner_user_id":7,"due":"2026-12-04","status":"open","goal_key":null}"#,
        )
        .unwrap();
        assert_eq!(stored.revision, 0, "plans saved before revisions existed read as revision 0");
    }

    #[test]
    fn an_action_edited_on_its_card_is_parsed_and_is_the_pairs_to_make() {
        let team = [UserId(7), UserId(8)];
        let today = d(11, 23);
        let raw = |what: &str, owner, due: &str| RawPlanChange {
            op: "edit_action".into(),
            key: Some(2),
            what: what.into(),
            owner,
            due: due.into(),
            ..RawPlanChange::default()
        };
        assert_eq!(
            PlanChange::parse(&raw(" Soitto ", Some(UserId(7)), "2026-12-01"), &plan(), &team, today),
            Ok(PlanChange::EditAction { key: 2, what: "Soitto".into(), owner_user_id: UserId(7), due: d(12, 1) })
        );
        assert_eq!(
            PlanChange::parse(&raw(" ", Some(UserId(7)), "2026-12-01"), &plan(), &team, today),
            Err(PlanError::ActionEmpty)
        );
        assert_eq!(
            PlanChange::parse(&raw("x", Some(UserId(99)), "2026-12-01"), &plan(), &team, today),
            Err(PlanError::OwnerNotOnTeam)
        );
        assert_eq!(
            PlanChange::parse(&raw("x", Some(UserId(7)), "2026-11-01"), &plan(), &team, today),
            Err(PlanError::DateInPast)
        );
        let edit = PlanChange::EditAction { key: 2, what: "Soitto".into(), owner_user_id: UserId(8), due: d(12, 1) };
        let new = edit.apply(&plan()).unwrap();
        assert_eq!(check_edit(Editor::Coordinator, &plan(), &new), Ok(()));
        assert_eq!(
            check_edit(Editor::Member { user_id: UserId(8) }, &plan(), &new),
            Err(PlanError::OnlyOwnTasks),
            "a member changes only the status"
        );
        assert_eq!(check_edit(Editor::Client, &plan(), &new), Err(PlanError::ClientChangesGoalsOnly));
    }

    #[test]
    fn an_overdue_action_keeps_its_date_when_reworded_or_handed_on_but_moves_only_forward() {
        let team = [UserId(7), UserId(8)];
        // Action 2 ("Fysioterapia") was due on 15 December; it is now the 20th.
        let today = d(12, 20);
        let change = |op: &str, what: &str, owner, due: &str| {
            let raw = RawPlanChange {
                op: op.into(),
                key: Some(2),
                what: what.into(),
                owner,
                due: due.into(),
                ..RawPlanChange::default()
            };
            PlanChange::parse(&raw, &plan(), &team, today)
        };
        assert_eq!(
            change("edit_action", "Fysioterapia kotona", Some(UserId(8)), "2026-12-15"),
            Ok(PlanChange::EditAction {
                key: 2,
                what: "Fysioterapia kotona".into(),
                owner_user_id: UserId(8),
                due: d(12, 15)
            }),
            "reworded, its date as it was"
        );
        assert_eq!(
            change("reschedule_action", "", Some(UserId(7)), " 2026-12-15 "),
            Ok(PlanChange::RescheduleAction { key: 2, owner_user_id: UserId(7), due: d(12, 15) }),
            "given to someone else, its date as it was"
        );
        assert_eq!(
            change("edit_action", "x", Some(UserId(8)), "2026-12-16"),
            Err(PlanError::DateInPast),
            "moved, but not forward enough"
        );
        assert_eq!(
            change("edit_action", "x", Some(UserId(8)), "2026-12-20"),
            Ok(PlanChange::EditAction { key: 2, what: "x".into(), owner_user_id: UserId(8), due: d(12, 20) })
        );
        let other_date_of_another_action = RawPlanChange {
            op: "edit_action".into(),
            key: Some(1),
            what: "x".into(),
            owner: Some(UserId(7)),
            due: "2026-12-15".into(),
            ..RawPlanChange::default()
        };
        assert_eq!(
            PlanChange::parse(&other_date_of_another_action, &plan(), &team, today),
            Err(PlanError::DateInPast),
            "only an action's own date is kept, not another's"
        );
    }

    #[test]
    fn the_rules_decide_who_may_make_each_parsed_change() {
        let by = |editor, change: PlanChange| check_edit(editor, &plan(), &change.apply(&plan()).unwrap());
        let reword =
            || PlanChange::RewordGoal { key: 1, words: "Käyn kaupassa itse".into(), client_actions: String::new() };
        assert_eq!(by(Editor::Client, reword()), Ok(()));
        assert_eq!(by(Editor::Coordinator, reword()), Err(PlanError::ClientOwnsGoalWording));
        let suggest = || PlanChange::SuggestWording { key: 1, suggestion: Some("Asioi itse".into()) };
        assert_eq!(by(Editor::Coordinator, suggest()), Ok(()));
        assert_eq!(by(Editor::Client, suggest()), Err(PlanError::ClientChangesGoalsOnly));
        let done = || PlanChange::SetStatus { key: 2, status: TaskStatus::Done };
        assert_eq!(by(Editor::Member { user_id: UserId(8) }, done()), Ok(()));
        assert_eq!(by(Editor::Member { user_id: UserId(7) }, done()), Err(PlanError::OnlyOwnTasks));
        assert_eq!(by(Editor::Client, done()), Err(PlanError::ClientChangesGoalsOnly));
        assert_eq!(by(Editor::Coordinator, PlanChange::RemoveGoal { key: 1 }), Err(PlanError::ClientOwnsGoalWording));
        assert_eq!(by(Editor::Client, PlanChange::RemoveGoal { key: 1 }), Ok(()), "its actions stay, unlinked");
        let mut moved = plan();
        moved.actions[0].goal_key = None;
        assert_eq!(check_edit(Editor::Client, &plan(), &moved), Err(PlanError::ClientChangesGoalsOnly));
    }

    #[test]
    fn a_member_who_leaves_hands_over_what_they_still_have_to_do() {
        let mut plan = plan();
        plan.actions[0].status = TaskStatus::Done;
        plan.actions.push(PlanAction {
            key: 3,
            what: "Vertaisryhmä".into(),
            owner_user_id: UserId(7),
            due: d(12, 10),
            status: TaskStatus::InProgress,
            goal_key: None,
            revision: 0,
        });
        let handed = PlanChange::HandOver { from: UserId(7), to: UserId(3) }.apply(&plan).unwrap();
        let owners: Vec<(u32, UserId, u32)> =
            handed.actions.iter().map(|a| (a.key, a.owner_user_id, a.revision)).collect();
        assert_eq!(
            owners,
            vec![(1, UserId(7), 0), (2, UserId(8), 0), (3, UserId(3), 1)],
            "done stays with who did it; the rest moves, and its card changes"
        );
        assert_eq!(check_edit(Editor::Coordinator, &plan, &handed), Ok(()));
        assert_eq!(
            PlanChange::HandOver { from: UserId(42), to: UserId(3) }.apply(&plan).unwrap(),
            plan,
            "nothing to hand over"
        );
    }
}
