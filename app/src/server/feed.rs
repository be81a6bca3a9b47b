//! The live feed of the boards inside one server instance. Server functions publish the ids of
//! the board events they wrote (`DomainEvent::BoardChanged`) after commit; one task per instance
//! reads those events once and hands them to every open board socket, which keeps the ones its
//! board shows. Who is viewing which board is kept here too.

use super::board;
use super::events::{DomainEvent, Events};
use crate::domain::board::{Board, Presence};
use crate::model::BoardEvent;
use sea_orm::DatabaseConnection;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast::{self, error::RecvError, Receiver, Sender};

/// One thing the open boards of this instance hear.
#[derive(Debug, Clone)]
pub enum FeedItem {
    Event(Arc<BoardEvent>),
    Presence { board: Board, viewers: Vec<String> },
    Notified { user_ids: Arc<Vec<i32>> },
    /// The feed fell behind: every board reads itself again.
    Resync,
}

#[derive(Clone)]
pub struct BoardHub {
    feed: Sender<FeedItem>,
    presence: Arc<Mutex<HashMap<Board, Presence>>>,
}

impl Default for BoardHub {
    fn default() -> Self {
        BoardHub { feed: broadcast::channel(4096).0, presence: Arc::default() }
    }
}

impl BoardHub {
    pub fn subscribe(&self) -> Receiver<FeedItem> {
        self.feed.subscribe()
    }

    fn send(&self, item: FeedItem) {
        let _ = self.feed.send(item);
    }

    fn changed_presence(&self, board: Board, change: impl FnOnce(&mut Presence) -> bool) {
        let viewers = {
            let mut all = self.presence.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let here = all.entry(board).or_default();
            if !change(here) {
                return;
            }
            let viewers = here.names();
            if here.is_empty() {
                all.remove(&board);
            }
            viewers
        };
        self.send(FeedItem::Presence { board, viewers });
    }

    /// Someone opened `board`.
    pub fn join(&self, board: Board, user_id: i32, name: &str) {
        self.changed_presence(board, |p| p.join(user_id, name));
    }

    /// Someone closed `board`.
    pub fn leave(&self, board: Board, user_id: i32) {
        self.changed_presence(board, |p| p.leave(user_id));
    }

    /// Who is viewing `board` now.
    pub fn viewers(&self, board: Board) -> Vec<String> {
        let all = self.presence.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        all.get(&board).map(Presence::names).unwrap_or_default()
    }

    /// Follows the instance's events and feeds the boards until the event channel closes.
    pub fn spawn(&self, db: DatabaseConnection, events: &Events) -> tokio::task::JoinHandle<()> {
        let mut incoming = events.subscribe();
        let hub = self.clone();
        tokio::spawn(async move {
            loop {
                match incoming.recv().await {
                    Ok(DomainEvent::BoardChanged { events, notified, .. }) => match board::events_by_id(&db, &events).await {
                        Ok(found) => {
                            for event in found {
                                hub.send(FeedItem::Event(Arc::new(event)));
                            }
                            if !notified.is_empty() {
                                hub.send(FeedItem::Notified { user_ids: Arc::new(notified) });
                            }
                        }
                        Err(error) => {
                            tracing::error!(?error, "board events could not be read; boards resync");
                            hub.send(FeedItem::Resync);
                        }
                    },
                    Ok(DomainEvent::Notified { user_ids }) => hub.send(FeedItem::Notified { user_ids: Arc::new(user_ids) }),
                    Ok(_) => {}
                    Err(RecvError::Lagged(_)) => hub.send(FeedItem::Resync),
                    Err(RecvError::Closed) => break,
                }
            }
        })
    }
}
