//! The live feed of the boards inside one server instance. Server functions publish the ids of
//! the board events they wrote (`DomainEvent::BoardChanged`) after commit; one task per instance
//! reads those events once and hands them to the open board sockets, each of which keeps the
//! ones its board shows. Who is viewing which board is kept per instance and published as an
//! event too, so that with several instances everyone is seen wherever they are connected.
//!
//! A card is client data, so an event leaves only by the rule a board page is read by, decided
//! when it is sent: the task knows who follows which board here (`follow`), asks for each event
//! which of those readers may read its case now (`board_events::deliver`, which logs each delivery as a
//! read), and the event carries the readers let through. A socket sends nothing else.

use crate::domain::board::{viewers_everywhere, Board, Presence};
use crate::domain::ids::{CaseId, UserId};
use crate::events::{self, DomainEvent, Events};
use crate::model::board::{BoardEvent, BoardFeed};
use crate::store::board_events;
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use sea_orm::DatabaseConnection;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use tokio::sync::broadcast::{self, error::RecvError, Receiver, Sender};

/// A board event and what a board socket sends for it, written once for all the sockets.
#[derive(Debug)]
pub struct Prepared {
    pub event: BoardEvent,
    /// The event as sent; cloning it shares the bytes, so each socket costs no copy.
    pub text: axum::extract::ws::Utf8Bytes,
    /// Who may be sent it: the readers following a board here who may read its case now, each
    /// delivery logged.
    pub readers: HashSet<UserId>,
}

/// Someone following a board on this instance.
#[derive(Debug, Clone)]
struct Follower {
    user: CurrentUser,
    board: Board,
}

/// A board followed on this instance until this is dropped (the socket closed).
pub struct Following {
    hub: BoardHub,
    id: u64,
}

impl Drop for Following {
    fn drop(&mut self) {
        self.hub.followers().remove(&self.id);
    }
}

/// One thing the open boards of this instance hear.
#[derive(Debug, Clone)]
pub enum FeedItem {
    Event(Arc<Prepared>),
    Presence {
        board: Board,
        viewers: Vec<String>,
    },
    /// Who is on this case's team, or which pair runs it, may have changed: boards that follow
    /// it check that their reader may still see it.
    AccessChanged {
        case_id: CaseId,
    },
    /// The feed fell behind: every board reads itself again.
    Resync,
}

/// Who is viewing each board: here, and through every instance (this one included) as the bus
/// last told.
#[derive(Default)]
struct Viewing {
    here: HashMap<Board, Presence>,
    everywhere: HashMap<(u64, Board), Vec<(UserId, String)>>,
}

#[derive(Clone)]
pub struct BoardHub {
    feed: Sender<FeedItem>,
    viewing: Arc<Mutex<Viewing>>,
    bus: Arc<OnceLock<Events>>,
    following: Arc<Mutex<HashMap<u64, Follower>>>,
    next_follower: Arc<AtomicU64>,
}

impl Default for BoardHub {
    fn default() -> Self {
        BoardHub {
            feed: broadcast::channel(4096).0,
            viewing: Arc::default(),
            bus: Arc::default(),
            following: Arc::default(),
            next_follower: Arc::default(),
        }
    }
}

impl BoardHub {
    pub fn subscribe(&self) -> Receiver<FeedItem> {
        self.feed.subscribe()
    }

    fn followers(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Follower>> {
        self.following.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// `user` follows `board` here until the returned guard is dropped. A socket follows before
    /// it catches up on what it missed, so that every event is either in the catch-up or
    /// decided for it live.
    pub fn follow(&self, user: CurrentUser, board: Board) -> Following {
        let id = self.next_follower.fetch_add(1, Ordering::Relaxed);
        self.followers().insert(id, Follower { user, board });
        Following { hub: self.clone(), id }
    }

    /// The people here whose boards show `event`, each once.
    fn readers_of(&self, event: &BoardEvent) -> Vec<CurrentUser> {
        let mut seen = HashSet::new();
        self.followers()
            .values()
            .filter(|f| board_events::shows(f.board, f.user.id, event) && seen.insert(f.user.id))
            .map(|f| f.user.clone())
            .collect()
    }

    fn send(&self, item: FeedItem) {
        let _ = self.feed.send(item);
    }

    fn viewing(&self) -> std::sync::MutexGuard<'_, Viewing> {
        self.viewing.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn changed_presence(&self, board: Board, change: impl FnOnce(&mut Presence) -> bool) {
        let viewers = {
            let mut viewing = self.viewing();
            let here = viewing.here.entry(board).or_default();
            if !change(here) {
                return;
            }
            let viewers = here.viewers();
            if here.is_empty() {
                viewing.here.remove(&board);
            }
            viewers
        };
        if let Some(bus) = self.bus.get() {
            events::publish(bus, DomainEvent::Presence { instance: bus.instance(), board, viewers });
        }
    }

    /// Someone opened `board` on this instance.
    pub fn join(&self, board: Board, user_id: UserId, name: &str) {
        self.changed_presence(board, |p| p.join(user_id, name));
    }

    /// Someone closed `board` on this instance.
    pub fn leave(&self, board: Board, user_id: UserId) {
        self.changed_presence(board, |p| p.leave(user_id));
    }

    fn presence(&self, instance: u64, board: Board, viewers: Vec<(UserId, String)>) {
        let names = {
            let mut viewing = self.viewing();
            if viewers.is_empty() {
                viewing.everywhere.remove(&(instance, board));
            } else {
                viewing.everywhere.insert((instance, board), viewers);
            }
            viewers_everywhere(viewing.everywhere.iter().filter(|((_, b), _)| *b == board).map(|(_, list)| list))
        };
        self.send(FeedItem::Presence { board, viewers: names });
    }

    /// Follows the instance's events and feeds the boards until the event channel closes.
    pub fn spawn(&self, db: DatabaseConnection, reads: ReadLog, events: &Events) -> tokio::task::JoinHandle<()> {
        let _ = self.bus.set(events.clone());
        let mut incoming = events.subscribe();
        let hub = self.clone();
        tokio::spawn(async move {
            loop {
                match incoming.recv().await {
                    Ok(DomainEvent::BoardChanged { events, written, .. }) => {
                        match written_or_read(&db, written, &events).await {
                            Ok(found) => {
                                if let Err(error) = hub.deliver(&db, &reads, found).await {
                                    tracing::error!(?error, "board events could not be delivered; boards resync");
                                    hub.send(FeedItem::Resync);
                                }
                            }
                            Err(error) => {
                                tracing::error!(?error, "board events could not be read; boards resync");
                                hub.send(FeedItem::Resync);
                            }
                        }
                    }
                    Ok(DomainEvent::Presence { instance, board, viewers }) => hub.presence(instance, board, viewers),
                    Ok(DomainEvent::TeamChanged { case_id, .. } | DomainEvent::CaseOpened { case_id, .. }) => {
                        hub.send(FeedItem::AccessChanged { case_id })
                    }
                    Ok(_) => {}
                    Err(RecvError::Lagged(_)) => hub.send(FeedItem::Resync),
                    Err(RecvError::Closed) => break,
                }
            }
        })
    }
}

impl BoardHub {
    /// Sends the events of one change (a change concerns one case) to the boards here that show
    /// them and whose readers may read the case now: decided once for all of them, each reader's
    /// delivery logged once. Nothing is sent (or logged) when no one here follows a board that
    /// shows any of them.
    async fn deliver(
        &self,
        db: &DatabaseConnection,
        reads: &ReadLog,
        events: Vec<BoardEvent>,
    ) -> Result<(), crate::error::AppError> {
        let mut by_case: HashMap<CaseId, Vec<BoardEvent>> = HashMap::new();
        for event in events {
            by_case.entry(event.case_id).or_default().push(event);
        }
        for (case_id, events) in by_case {
            let mut seen = HashSet::new();
            let readers: Vec<CurrentUser> =
                events.iter().flat_map(|e| self.readers_of(e)).filter(|r| seen.insert(r.id)).collect();
            if readers.is_empty() {
                continue;
            }
            let allowed = board_events::deliver(db, reads, case_id, &readers).await?;
            if allowed.is_empty() {
                continue;
            }
            for event in events {
                let feed = BoardFeed::Event { event };
                let text = serde_json::to_string(&feed).unwrap_or_default();
                if let BoardFeed::Event { event } = feed {
                    self.send(FeedItem::Event(Arc::new(Prepared {
                        event,
                        text: text.into(),
                        readers: allowed.clone(),
                    })));
                }
            }
        }
        Ok(())
    }
}

/// The events as this instance wrote them, or, relayed from another instance, read by id.
async fn written_or_read(
    db: &DatabaseConnection,
    written: Vec<BoardEvent>,
    ids: &[i32],
) -> Result<Vec<BoardEvent>, crate::error::AppError> {
    if written.is_empty() {
        board_events::events_by_id(db, ids).await
    } else {
        Ok(written)
    }
}
