//! Domain events published after a change commits, for live views to follow.

use crate::domain::feedback::Occasion;
use crate::domain::Stage;
use serde::Serialize;
use tokio::sync::broadcast;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DomainEvent {
    StageChanged { case_id: i32, from: Stage, to: Stage, actor_user_id: i32, version: i32 },
    CaseOpened { case_id: i32, stage: Stage, actor_user_id: i32 },
    ConcernRaised { concern_id: i32, urgent: bool },
    PlanChanged { case_id: i32, version: i32, actor_user_id: i32 },
    FeedbackGiven { case_id: i32, occasion: Occasion },
}

pub type Events = broadcast::Sender<DomainEvent>;

pub fn channel() -> Events {
    broadcast::channel(1024).0
}

/// Publishes an event; having no listener is not an error.
pub fn publish(events: &Events, event: DomainEvent) {
    let _ = events.send(event);
}
