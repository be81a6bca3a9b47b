//! The case boards, their cards and live events, and the notifications boards give.

use super::team::ParticipantChoice;
use crate::domain::ids::{CaseId, UserId};
use crate::domain::Stage;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A card on a live board, as everyone who may open the board sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardCard {
    pub card: crate::domain::board::CardRef,
    /// Raised by every change of the card; a change names the version it was made against.
    pub version: i32,
    pub column: crate::domain::board::Column,
    pub client_name: String,
    /// An action: what is to be done. A case: empty (the client's name is the title).
    pub what: String,
    pub stage: Stage,
    pub step: crate::domain::process::Step,
    /// An action's due date; a case's nearest legal or planned date (assessment start, review).
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    /// A case: its coordinator pair; an action: its owner.
    pub owners: Vec<String>,
    /// The people of `owners`, by id (absent from events stored before it was added).
    #[serde(default)]
    pub owner_ids: Vec<UserId>,
    /// An action's owner.
    pub owner_user_id: Option<UserId>,
    pub comments: u32,
}

/// A board as its reader sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardPage {
    pub board: crate::domain::board::Board,
    /// The pair's or the client's name; empty for the reader's own board.
    pub title: String,
    /// On a pair's board, the pair's two people: a card of a case they coordinate together does not
    /// repeat them. Empty on other boards.
    pub pair: Vec<UserId>,
    pub cards: Vec<BoardCard>,
    /// The newest board event when the board was read: live changes and catching up start after it.
    pub last_event: i32,
    pub reader_user_id: UserId,
    /// Cases whose coordinator pair the reader is in: they move any card, edit and assign.
    pub coordinated: Vec<CaseId>,
    /// Who may own an action, per case on the board.
    pub owners: Vec<(CaseId, Vec<ParticipantChoice>)>,
    pub today: NaiveDate,
}

/// What happened to a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoardChange {
    Added,
    Moved,
    Edited,
    Assigned,
    Commented,
    Removed,
}

impl BoardChange {
    pub fn as_str(self) -> &'static str {
        match self {
            BoardChange::Added => "added",
            BoardChange::Moved => "moved",
            BoardChange::Edited => "edited",
            BoardChange::Assigned => "assigned",
            BoardChange::Commented => "commented",
            BoardChange::Removed => "removed",
        }
    }
}

/// A comment on a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardCommentView {
    pub id: i32,
    pub author: String,
    pub body: String,
    pub at: DateTime<Utc>,
}

/// What a board event holds besides who did what: the card after the change (none once removed),
/// the comment written, and an action's owner before an assignment (whose own board loses it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEventBody {
    pub card: Option<BoardCard>,
    pub comment: Option<CardCommentView>,
    pub previous_owner: Option<UserId>,
    /// The pair whose board shows the case.
    pub pair_id: Option<i32>,
}

/// One change as a live board receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEvent {
    pub id: i32,
    pub case_id: CaseId,
    pub card: crate::domain::board::CardRef,
    pub change: BoardChange,
    pub actor: String,
    pub actor_user_id: UserId,
    pub at: DateTime<Utc>,
    pub body: BoardEventBody,
}

/// A notification for its recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i32,
    pub kind: crate::domain::board::NotificationKind,
    pub case_id: CaseId,
    pub card: crate::domain::board::CardRef,
    pub client_name: String,
    /// The action's description, for actions.
    pub what: String,
    pub actor: Option<String>,
    /// The comment's beginning, for mentions.
    pub excerpt: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub at: DateTime<Utc>,
    pub read: bool,
    /// For a legal-basis notice: which register was opened, on which ground, and why.
    pub legal: Option<LegalNotice>,
}

/// A register of the client opened by law, as the coordinator pair is told of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalNotice {
    pub register: crate::domain::consent::Register,
    pub basis: crate::domain::consent::LegalBasis,
    pub reason: String,
}

/// Which page of their notifications the reader asks for (empty: the newest), and how many a
/// page holds (empty: as many as a page may).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationQuery {
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub per_page: String,
}

/// One page of the reader's notifications, newest first, and how many are unread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notifications {
    pub items: Vec<NotificationView>,
    pub unread: u32,
    pub page: u32,
    pub per_page: u32,
    /// How many notifications the reader has, on every page.
    pub total: u64,
}

impl Notifications {
    /// How many pages the list has (at least one, perhaps empty).
    pub fn pages(&self) -> u32 {
        crate::domain::paging::page_count(self.total, self.per_page)
    }
}

/// What a live board hears over `/live/board/{board}`.
// A message is built to be sent or matched once; boxing the event would cost an allocation for
// each of the many events and save nothing that lives long.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum BoardFeed {
    /// A change of a card on this board.
    Event { event: BoardEvent },
    /// Who is viewing this board now.
    Presence { viewers: Vec<String> },
    /// Everything missed since the board was read has been sent; live changes follow.
    CaughtUp { last_event: i32 },
    /// Too much was missed to send one by one: read the whole board again.
    Resync,
}
