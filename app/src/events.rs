//! Domain events published after a change commits, for live views to follow: the bus every use
//! case publishes on. It is a floor of its own, under the store (whose board-event projection names
//! the events it writes) and over nothing but the domain and the views. Every event is delivered to
//! this server instance's listeners at once; when the instance shares its database with others
//! (PostgreSQL), it is also handed to a relay that passes it on to them (`server::relay`), and what
//! the relay brings from the others is delivered here.

use crate::domain::board::Board;
use crate::domain::feedback::Occasion;
use crate::domain::ids::{CaseId, ClientId, UserId};
use crate::domain::Stage;
use crate::model::{board::BoardEvent, live::LiveNotice};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};
use tokio::sync::{broadcast, mpsc};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DomainEvent {
    StageChanged {
        case_id: CaseId,
        from: Stage,
        to: Stage,
        actor_user_id: UserId,
        version: i32,
    },
    CaseOpened {
        case_id: CaseId,
        stage: Stage,
        actor_user_id: UserId,
    },
    ConcernRaised {
        concern_id: i32,
        urgent: bool,
    },
    ConcernDecided {
        concern_id: i32,
        accepted: bool,
    },
    TeamChanged {
        case_id: CaseId,
        actor_user_id: UserId,
    },
    PlanChanged {
        case_id: CaseId,
        version: i32,
        actor_user_id: UserId,
    },
    FeedbackGiven {
        case_id: CaseId,
        occasion: Occasion,
    },
    /// A record entry was written into a register.
    RecordWritten {
        case_id: CaseId,
    },
    /// A client gave, narrowed or withdrew consent: who may read which records changed.
    ConsentChanged {
        client_id: ClientId,
    },
    /// Board events were written (`store::board_events`). `notified` are the people the change gave a
    /// notification. On the instance that wrote them, `written` holds the events themselves, so
    /// its boards hear them without reading them back; the relay carries only the ids, and other
    /// instances read the events by id.
    BoardChanged {
        case_id: CaseId,
        events: Vec<i32>,
        notified: Vec<UserId>,
        #[serde(skip)]
        written: Vec<BoardEvent>,
    },
    /// These people have new notifications.
    Notified {
        user_ids: Vec<UserId>,
    },
    /// Who is viewing `board` through server instance `instance` now.
    Presence {
        instance: u64,
        board: Board,
        viewers: Vec<(UserId, String)>,
    },
}

impl DomainEvent {
    /// What live views are told of this event: which kind of thing changed, never whose. A view
    /// that hears it reloads through the ordinary server functions, which decide what the reader
    /// may see. Feedback changes no view that is live today.
    pub fn notice(&self) -> Option<LiveNotice> {
        match self {
            DomainEvent::StageChanged { .. }
            | DomainEvent::CaseOpened { .. }
            | DomainEvent::TeamChanged { .. }
            | DomainEvent::PlanChanged { .. } => Some(LiveNotice::Cases),
            DomainEvent::ConcernRaised { .. } | DomainEvent::ConcernDecided { .. } => Some(LiveNotice::Concerns),
            DomainEvent::RecordWritten { .. } | DomainEvent::ConsentChanged { .. } => Some(LiveNotice::Records),
            DomainEvent::FeedbackGiven { .. }
            | DomainEvent::BoardChanged { .. }
            | DomainEvent::Notified { .. }
            | DomainEvent::Presence { .. } => None,
        }
    }

    /// What `reader`'s live views are told of this event: `notice`, and also that they have new
    /// notifications when the event gave them some (which no one else hears).
    pub fn notice_for(&self, reader: UserId) -> Option<LiveNotice> {
        match self {
            DomainEvent::Notified { user_ids } | DomainEvent::BoardChanged { notified: user_ids, .. }
                if user_ids.contains(&reader) =>
            {
                Some(LiveNotice::Notified)
            }
            other => other.notice(),
        }
    }
}

/// The instance's event bus.
#[derive(Clone)]
pub struct Events {
    /// This instance among those sharing the database: what it relays carries it, so that it
    /// knows its own events when they come back, and so does who is viewing which board.
    instance: u64,
    local: broadcast::Sender<DomainEvent>,
    /// The relay to the other instances, once there is one.
    relay: Arc<OnceLock<mpsc::UnboundedSender<DomainEvent>>>,
}

impl Events {
    pub fn instance(&self) -> u64 {
        self.instance
    }

    pub fn subscribe(&self) -> broadcast::Receiver<DomainEvent> {
        self.local.subscribe()
    }

    /// Hands every event published from now on to `relay` too.
    pub fn relay_to(&self, relay: mpsc::UnboundedSender<DomainEvent>) {
        let _ = self.relay.set(relay);
    }

    /// Delivers an event another instance published to this instance's listeners only.
    pub fn deliver_here(&self, event: DomainEvent) {
        let _ = self.local.send(event);
    }
}

/// A random number for this instance, different for each server process.
fn instance_id() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.finish()
}

pub fn channel() -> Events {
    Events { instance: instance_id(), local: broadcast::channel(1024).0, relay: Arc::default() }
}

/// Publishes an event here and, through the relay, to the other instances; having no listener
/// is not an error.
pub fn publish(events: &Events, event: DomainEvent) {
    if let Some(relay) = events.relay.get() {
        let _ = relay.send(event.clone());
    }
    let _ = events.local.send(event);
}

/// Publishes events in order.
pub fn publish_all(events: &Events, all: impl IntoIterator<Item = DomainEvent>) {
    for event in all {
        publish(events, event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_views_hear_that_cases_or_concerns_changed_and_nothing_more() {
        let moved = DomainEvent::StageChanged {
            case_id: CaseId(7),
            from: Stage::Assessment,
            to: Stage::Collaboration,
            actor_user_id: UserId(3),
            version: 2,
        };
        assert_eq!(moved.notice(), Some(LiveNotice::Cases));
        assert_eq!(
            DomainEvent::TeamChanged { case_id: CaseId(7), actor_user_id: UserId(3) }.notice(),
            Some(LiveNotice::Cases)
        );
        assert_eq!(DomainEvent::ConcernRaised { concern_id: 1, urgent: true }.notice(), Some(LiveNotice::Concerns));
        assert_eq!(DomainEvent::ConcernDecided { concern_id: 1, accepted: false }.notice(), Some(LiveNotice::Concerns));
        assert_eq!(DomainEvent::FeedbackGiven { case_id: CaseId(7), occasion: Occasion::Closure }.notice(), None);
        assert_eq!(DomainEvent::ConsentChanged { client_id: ClientId(4) }.notice(), Some(LiveNotice::Records));
        assert_eq!(serde_json::to_string(&LiveNotice::Records).unwrap(), r#""records""#, "which client, never");
        let sent = serde_json::to_string(&moved.notice().unwrap()).unwrap();
        assert_eq!(sent, r#""cases""#, "no case id, client or actor goes out");
    }

    #[test]
    fn a_notification_is_told_to_its_recipient_alone_and_other_events_to_everyone_alike() {
        let (liisa, sanna) = (UserId(7), UserId(8));
        let notified = DomainEvent::Notified { user_ids: vec![liisa] };
        assert_eq!(notified.notice_for(liisa), Some(LiveNotice::Notified));
        assert_eq!(notified.notice_for(sanna), None);
        let board =
            DomainEvent::BoardChanged { case_id: CaseId(1), events: vec![3], notified: vec![liisa], written: vec![] };
        assert_eq!(board.notice_for(liisa), Some(LiveNotice::Notified));
        assert_eq!(board.notice_for(sanna), None, "a board's own socket tells of its cards");
        let plan = DomainEvent::PlanChanged { case_id: CaseId(1), version: 2, actor_user_id: sanna };
        assert_eq!(
            (plan.notice_for(liisa), plan.notice_for(sanna)),
            (Some(LiveNotice::Cases), Some(LiveNotice::Cases))
        );
    }
}
