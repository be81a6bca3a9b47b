//! The client plan (asiakassuunnitelma, SHL 39 §): the client's goals in their own words, the
//! client's own actions, each member's actions with an owner and a due date, services with their
//! expected duration, disagreements with both views, and a review date.
//!
//! Who may change what: the client owns the wording of their goals (a professional may suggest a
//! phrasing, kept beside it); the coordinator pair edits the rest; a member updates the status of
//! the actions they own. Every saved change is a new version; `diff` says what changed between
//! any two.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Open,
    InProgress,
    Done,
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
    pub owner_user_id: i32,
    pub due: NaiveDate,
    pub status: TaskStatus,
    pub goal_key: Option<u32>,
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

/// Who is changing the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    Client,
    Coordinator,
    /// A team member, identified so that they may update their own tasks.
    Member { user_id: i32 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PlanError {
    #[error("only the client writes or changes the wording of their goals")]
    ClientOwnsGoalWording,
    #[error("a team member may only update the status of their own tasks")]
    OnlyOwnTasks,
    #[error("the client changes their goals; the rest of the plan is the coordinator pair's")]
    ClientChangesGoalsOnly,
}

fn goal_words(plan: &PlanContent) -> Vec<(u32, &str)> {
    plan.goals.iter().map(|g| (g.key, g.client_words.as_str())).collect()
}

/// Checks a change of the plan from `old` to `new` by `editor`.
pub fn check_edit(editor: Editor, old: &PlanContent, new: &PlanContent) -> Result<(), PlanError> {
    let wording_changed = goal_words(old) != goal_words(new);
    match editor {
        Editor::Client => {
            let outside_goals = |p: &PlanContent| PlanContent { goals: Vec::new(), ..p.clone() };
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
            let others_same = PlanContent { actions: Vec::new(), ..old.clone() } == PlanContent { actions: Vec::new(), ..new.clone() };
            let only_own_status = old.actions.len() == new.actions.len()
                && old.actions.iter().zip(&new.actions).all(|(a, b)| {
                    a == b || (a.owner_user_id == user_id && PlanAction { status: b.status, ..a.clone() } == *b)
                });
            if others_same && only_own_status { Ok(()) } else { Err(PlanError::OnlyOwnTasks) }
        }
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
    ActionStatus { key: u32, from: TaskStatus, to: TaskStatus },
    ActionDue { key: u32, from: NaiveDate, to: NaiveDate },
    ActionOwner { key: u32, from: i32, to: i32 },
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
                if before.status != action.status {
                    out.push(PlanDiff::ActionStatus { key: action.key, from: before.status, to: action.status });
                }
                if before.due != action.due {
                    out.push(PlanDiff::ActionDue { key: action.key, from: before.due, to: action.due });
                }
                if before.owner_user_id != action.owner_user_id {
                    out.push(PlanDiff::ActionOwner { key: action.key, from: before.owner_user_id, to: action.owner_user_id });
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
                PlanAction { key: 1, what: "Kotiin kaiteet".into(), owner_user_id: 7, due: d(12, 4), status: TaskStatus::Open, goal_key: Some(1) },
                PlanAction { key: 2, what: "Fysioterapia".into(), owner_user_id: 8, due: d(12, 15), status: TaskStatus::Open, goal_key: Some(1) },
            ],
            services: vec![Service { name: "Kotihoito".into(), provider: "Järvelän hyvinvointialue".into(), until: Some(d(12, 31)) }],
            disagreements: Vec::new(),
            review_date: Some(d(12, 20)),
        }
    }

    #[test]
    fn the_client_owns_the_wording_of_their_goals() {
        let mut reworded = plan();
        reworded.goals[0].client_words = "Asiakas asioi kaupassa itsenäisesti".into();
        assert_eq!(check_edit(Editor::Coordinator, &plan(), &reworded), Err(PlanError::ClientOwnsGoalWording));
        assert_eq!(check_edit(Editor::Member { user_id: 7 }, &plan(), &reworded), Err(PlanError::ClientOwnsGoalWording));
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
        more.goals.push(Goal { key: 2, client_words: "Haluan nähdä ystäviä".into(), suggested_wording: None, client_actions: String::new() });
        assert_eq!(check_edit(Editor::Client, &plan(), &more), Ok(()));
    }

    #[test]
    fn a_member_updates_only_the_status_of_their_own_tasks() {
        let mut started = plan();
        started.actions[0].status = TaskStatus::InProgress;
        assert_eq!(check_edit(Editor::Member { user_id: 7 }, &plan(), &started), Ok(()));
        assert_eq!(check_edit(Editor::Member { user_id: 8 }, &plan(), &started), Err(PlanError::OnlyOwnTasks));
        let mut moved = plan();
        moved.actions[0].due = d(12, 31);
        assert_eq!(check_edit(Editor::Member { user_id: 7 }, &plan(), &moved), Err(PlanError::OnlyOwnTasks), "the due date is the pair's");
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
        new.actions.push(PlanAction { key: 3, what: "Vertaisryhmä".into(), owner_user_id: 9, due: d(12, 10), status: TaskStatus::Open, goal_key: None });
        new.review_date = Some(d(12, 27));
        assert_eq!(
            diff(&old, &new),
            vec![
                PlanDiff::GoalReworded { key: 1, from: "Haluan käydä itse kaupassa".into(), to: "Haluan käydä itse kaupassa ja apteekissa".into() },
                PlanDiff::ActionStatus { key: 1, from: TaskStatus::Open, to: TaskStatus::Done },
                PlanDiff::ActionAdded { key: 3, what: "Vertaisryhmä".into() },
                PlanDiff::ActionRemoved { key: 2, what: "Fysioterapia".into() },
                PlanDiff::ReviewDate { from: Some(d(12, 20)), to: Some(d(12, 27)) },
            ]
        );
        assert!(diff(&old, &old).is_empty());
    }
}
