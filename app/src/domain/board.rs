//! Live case boards: which boards there are and their columns, what moving a card to a column
//! means, the version every card carries so that two people's edits never silently overwrite
//! each other, comments with @mentions, whom a change notifies, who is viewing a board, and how a
//! board that reconnects catches up without losing or repeating a change.
//!
//! A coordinator pair's board shows its cases in the columns of the process steps; a team's
//! board and the personal "assigned to me" board show plan actions in the columns of their
//! status. Within a stage the step follows from what is recorded (the team formed, goals
//! written, a review held), so a case card moves only between stages, and only as the process
//! allows (`stage::check_transition` decides the rest on the server, with the case's facts).

use super::ids::{CaseId, UserId};
use super::named::named_values;
use super::plan::{PlanAction, PlanContent, TaskStatus};
use super::process::Step;
use super::shortened;
use super::stage::Stage;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

/// One board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Board {
    /// A coordinator pair's cases, by process step.
    Pair { pair_id: i32 },
    /// One client's team: the plan's actions, by status.
    Team { case_id: CaseId },
    /// The actions the viewer owns on any case, by status.
    Mine,
}

/// A column of a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Column {
    Step(Step),
    Status(TaskStatus),
}

/// A card: a case on a pair's board, a plan action on a team's or a person's board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CardRef {
    Case { case_id: CaseId },
    Action { case_id: CaseId, key: u32 },
}

/// The steps a pair's board has columns for: every step a case can be in (concerns are not yet
/// cases; they are screened on their own page).
pub const PAIR_COLUMNS: [Step; 8] = [
    Step::Screening,
    Step::Assessment,
    Step::Team,
    Step::Plan,
    Step::Meetings,
    Step::Review,
    Step::Feedback,
    Step::Closure,
];

/// The longest comment a card takes, in characters.
pub const MAX_COMMENT: usize = 2000;

/// The longest an action's description may be, in characters (as in the plan).
pub const MAX_ACTION: usize = super::plan::MAX_TEXT;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum BoardError {
    #[error("\"{value}\" is not a board")]
    UnknownBoard { value: String },
    #[error("\"{value}\" is not a column")]
    UnknownColumn { value: String },
    #[error("\"{value}\" is not a card")]
    UnknownCard { value: String },
    #[error("this board has no such column")]
    ColumnNotOnBoard,
    #[error("the card is already in that column")]
    AlreadyThere,
    #[error("within a stage a case's step follows from what is recorded; open the case to do the work of step {step}")]
    StepFollowsFromRecords { step: Step },
    #[error("someone changed this card meanwhile (now version {current}); here is what it holds now")]
    Stale { current: i32 },
    #[error("the card's version is not a number")]
    BadVersion,
    #[error("write a comment first")]
    EmptyComment,
    #[error("a comment is at most {max} characters")]
    CommentTooLong { max: usize },
    #[error("@{username} is not on this client's team, so they cannot be mentioned here")]
    MentionOffTeam { username: String },
    #[error("describe the action")]
    EmptyAction,
    #[error("an action is at most {max} characters")]
    ActionTooLong { max: usize },
    #[error("the plan has no such action")]
    NoSuchAction,
}

impl Board {
    /// The board's name in addresses and on the wire: `pair-3`, `team-12`, `mine`.
    pub fn key(self) -> String {
        match self {
            Board::Pair { pair_id } => format!("pair-{pair_id}"),
            Board::Team { case_id } => format!("team-{case_id}"),
            Board::Mine => "mine".to_owned(),
        }
    }

    /// The board's columns, in order.
    pub fn columns(self) -> Vec<Column> {
        match self {
            Board::Pair { .. } => PAIR_COLUMNS.into_iter().map(Column::Step).collect(),
            Board::Team { .. } | Board::Mine => TaskStatus::ALL.into_iter().map(Column::Status).collect(),
        }
    }

    pub fn has_column(self, column: Column) -> bool {
        self.columns().contains(&column)
    }
}

impl fmt::Display for Board {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

fn positive(raw: &str) -> Option<i32> {
    raw.parse::<i32>().ok().filter(|n| *n > 0)
}

impl FromStr for Board {
    type Err = BoardError;
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let unknown = || BoardError::UnknownBoard { value: shortened(raw) };
        if raw == "mine" {
            return Ok(Board::Mine);
        }
        let (kind, id) = raw.split_once('-').ok_or_else(unknown)?;
        let id = positive(id).ok_or_else(unknown)?;
        match kind {
            "pair" => Ok(Board::Pair { pair_id: id }),
            "team" => Ok(Board::Team { case_id: CaseId(id) }),
            _ => Err(unknown()),
        }
    }
}

impl Column {
    /// `step:plan`, `status:in_progress`.
    pub fn key(self) -> String {
        match self {
            Column::Step(step) => format!("step:{}", step.as_str()),
            Column::Status(status) => format!("status:{}", status.as_str()),
        }
    }
}

impl FromStr for Column {
    type Err = BoardError;
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let unknown = || BoardError::UnknownColumn { value: shortened(raw) };
        match raw.split_once(':').ok_or_else(unknown)? {
            ("step", step) => step.parse().map(Column::Step).map_err(|_| unknown()),
            ("status", status) => {
                TaskStatus::ALL.into_iter().find(|s| s.as_str() == status).map(Column::Status).ok_or_else(unknown)
            }
            _ => Err(unknown()),
        }
    }
}

impl CardRef {
    /// `case-12`, `action-12-3`: also the card's element id on the page.
    pub fn key(self) -> String {
        match self {
            CardRef::Case { case_id } => format!("case-{case_id}"),
            CardRef::Action { case_id, key } => format!("action-{case_id}-{key}"),
        }
    }

    pub fn case_id(self) -> CaseId {
        match self {
            CardRef::Case { case_id } | CardRef::Action { case_id, .. } => case_id,
        }
    }
}

impl FromStr for CardRef {
    type Err = BoardError;
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let unknown = || BoardError::UnknownCard { value: shortened(raw) };
        let mut parts = raw.split('-');
        let card = match (parts.next(), parts.next(), parts.next()) {
            (Some("case"), Some(case), None) => {
                CardRef::Case { case_id: positive(case).map(CaseId).ok_or_else(unknown)? }
            }
            (Some("action"), Some(case), Some(key)) => CardRef::Action {
                case_id: positive(case).map(CaseId).ok_or_else(unknown)?,
                key: key.parse().map_err(|_| unknown())?,
            },
            _ => return Err(unknown()),
        };
        if parts.next().is_some() {
            return Err(unknown());
        }
        Ok(card)
    }
}

/// Whether `column` is one a card of this kind can stand in: a case card in a step of a pair's
/// board, an action card in a status.
pub fn column_fits(card: CardRef, column: Column) -> Result<(), BoardError> {
    match (card, column) {
        (CardRef::Case { .. }, Column::Step(step)) if PAIR_COLUMNS.contains(&step) => Ok(()),
        (CardRef::Action { .. }, Column::Status(_)) => Ok(()),
        _ => Err(BoardError::ColumnNotOnBoard),
    }
}

/// The stage a case card moved from `from` to `to` asks for. Whether the case may make that move
/// (a coordinator pair, a completed assessment) is `stage::check_transition`'s to say.
pub fn case_move(from: Step, to: Column) -> Result<Stage, BoardError> {
    let Column::Step(to) = to else {
        return Err(BoardError::ColumnNotOnBoard);
    };
    if !PAIR_COLUMNS.contains(&to) {
        return Err(BoardError::ColumnNotOnBoard);
    }
    if to == from {
        return Err(BoardError::AlreadyThere);
    }
    if to.stage() == from.stage() {
        return Err(BoardError::StepFollowsFromRecords { step: to });
    }
    Ok(to.stage())
}

/// The status an action card moved to `to` gets.
pub fn action_move(from: TaskStatus, to: Column) -> Result<TaskStatus, BoardError> {
    match to {
        Column::Status(to) if to == from => Err(BoardError::AlreadyThere),
        Column::Status(to) => Ok(to),
        Column::Step(_) => Err(BoardError::ColumnNotOnBoard),
    }
}

/// The version a card was shown at, as it came back with a change.
pub fn parse_version(raw: &str) -> Result<i32, BoardError> {
    raw.trim().parse::<i32>().ok().filter(|v| *v >= 0).ok_or(BoardError::BadVersion)
}

/// A change made against version `seen` of a card whose version is now `current` would
/// overwrite what someone else did in between: refused, and the fresh card goes back with it.
pub fn check_version(seen: i32, current: i32) -> Result<(), BoardError> {
    if seen == current {
        Ok(())
    } else {
        Err(BoardError::Stale { current })
    }
}

/// An action's version: how many times it has changed since it was made. Stored with the action
/// so that two people changing two different actions of one plan do not conflict.
pub fn action_version(action: &PlanAction) -> i32 {
    i32::try_from(action.revision).unwrap_or(i32::MAX)
}

/// A comment on a card: trimmed, not empty, at most `MAX_COMMENT` characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment(String);

impl Comment {
    pub fn parse(raw: &str) -> Result<Comment, BoardError> {
        let body = raw.trim();
        if body.is_empty() {
            return Err(BoardError::EmptyComment);
        }
        if body.chars().count() > MAX_COMMENT {
            return Err(BoardError::CommentTooLong { max: MAX_COMMENT });
        }
        Ok(Comment(body.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The usernames mentioned as `@username`, lower-cased, each once, in the order written. An
    /// `@` inside a word (an e-mail address) is not a mention, and a full stop or comma ending the
    /// sentence is not part of the name.
    pub fn mentions(&self) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        let chars: Vec<char> = self.0.chars().collect();
        let is_name = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
        let mut i = 0;
        while i < chars.len() {
            let starts_word =
                i == 0 || !(chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], '.' | '-' | '_' | '@'));
            if chars[i] == '@' && starts_word {
                let name: String = chars[i + 1..].iter().take_while(|c| is_name(**c)).collect();
                let name = name.trim_end_matches(['.', '-', '_']).to_ascii_lowercase();
                i += 1 + name.len();
                if !name.is_empty() && name.len() <= 64 && !found.contains(&name) {
                    found.push(name);
                }
            } else {
                i += 1;
            }
        }
        found
    }
}

/// An action's description as written on a card: trimmed, not empty, not too long.
pub fn parse_action_text(raw: &str) -> Result<String, BoardError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(BoardError::EmptyAction);
    }
    if text.chars().count() > MAX_ACTION {
        return Err(BoardError::ActionTooLong { max: MAX_ACTION });
    }
    Ok(text.to_owned())
}

/// Why someone is notified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// Someone made them the owner of an action.
    Assigned,
    /// Someone mentioned them in a comment.
    Mentioned,
    /// An action they own passed its due date and is not done.
    Overdue,
    /// Someone opened a register of a client they coordinate by law (the pair is told each time).
    LegalBasis,
}

named_values!(NotificationKind, "notification kind" {
    Assigned => "assigned",
    Mentioned => "mentioned",
    Overdue => "overdue",
    LegalBasis => "legal_basis",
});

/// Whom giving an action to `new_owner` notifies: the new owner, unless they took it themself or
/// already had it.
pub fn assignment_notice(actor: UserId, old_owner: Option<UserId>, new_owner: UserId) -> Option<UserId> {
    (Some(new_owner) != old_owner && new_owner != actor).then_some(new_owner)
}

/// Whom a comment notifies: those it mentions, each once, never its author.
pub fn mention_notices(actor: UserId, mentioned: &[UserId]) -> Vec<UserId> {
    let mut seen = BTreeSet::new();
    mentioned.iter().copied().filter(|id| *id != actor && seen.insert(*id)).collect()
}

/// The actions of a plan that are past due and not done, with their owner and due date: each is
/// one overdue notice to its owner (once per action and due date).
pub fn overdue_actions(plan: &PlanContent, today: NaiveDate) -> Vec<(u32, UserId, NaiveDate)> {
    plan.actions.iter().filter(|a| a.is_overdue(today)).map(|a| (a.key, a.owner_user_id, a.due)).collect()
}

/// Who is viewing a board now. One person with the board open in two tabs is one viewer, who
/// leaves when the last tab closes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presence {
    viewers: BTreeMap<UserId, (String, u32)>,
}

impl Presence {
    /// Someone opened the board; true when they were not there before.
    pub fn join(&mut self, user_id: UserId, name: &str) -> bool {
        let entry = self.viewers.entry(user_id).or_insert_with(|| (name.to_owned(), 0));
        entry.1 += 1;
        entry.1 == 1
    }

    /// Someone closed the board; true when that was their last open copy.
    pub fn leave(&mut self, user_id: UserId) -> bool {
        match self.viewers.get_mut(&user_id) {
            Some(entry) if entry.1 > 1 => {
                entry.1 -= 1;
                false
            }
            Some(_) => {
                self.viewers.remove(&user_id);
                true
            }
            None => false,
        }
    }

    /// The viewers, each once, by user id.
    pub fn viewers(&self) -> Vec<(UserId, String)> {
        self.viewers.iter().map(|(id, (name, _))| (*id, name.clone())).collect()
    }

    /// The viewers' names, sorted, each once.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.viewers.values().map(|(name, _)| name.clone()).collect();
        names.sort();
        names
    }

    pub fn is_empty(&self) -> bool {
        self.viewers.is_empty()
    }
}

/// The names of everyone viewing a board through any server instance (`lists`, one per
/// instance), sorted, each person once.
pub fn viewers_everywhere<'a>(lists: impl IntoIterator<Item = &'a Vec<(UserId, String)>>) -> Vec<String> {
    let people: BTreeMap<UserId, &String> = lists.into_iter().flatten().map(|(id, name)| (*id, name)).collect();
    let mut names: Vec<String> = people.into_values().cloned().collect();
    names.sort();
    names
}

/// How many recent event ids a board remembers.
pub const REMEMBERED: usize = 256;

/// The board events one open board has applied, so that after a reconnect it asks only for what
/// it missed and applies nothing twice. Events are numbered when they are written and two
/// transactions may commit in the other order, so the board remembers the ids it applied above
/// a floor rather than only the highest one; an event that came back anyway changes nothing,
/// because a card takes an event only when it carries a newer version of the card.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    floor: i64,
    recent: BTreeSet<i64>,
}

impl Seen {
    /// A board loaded when the newest event was `loaded_at`: every event up to it is in the board.
    pub fn loaded_at(loaded_at: i64) -> Seen {
        Seen { floor: loaded_at, recent: BTreeSet::new() }
    }

    /// Whether event `id` is new to this board; remembers it if so.
    pub fn accept(&mut self, id: i64) -> bool {
        if id <= self.floor || !self.recent.insert(id) {
            return false;
        }
        while self.recent.len() > REMEMBERED {
            if let Some(oldest) = self.recent.pop_first() {
                self.floor = self.floor.max(oldest);
            }
        }
        true
    }

    /// Catching up asks for the events after this id.
    pub fn resume_after(&self) -> i64 {
        self.floor
    }
}

/// Whether a card shown at version `shown` takes an event that carries version `incoming`.
pub fn is_newer(shown: i32, incoming: i32) -> bool {
    incoming > shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(key: u32, owner: UserId, due: NaiveDate, status: TaskStatus) -> PlanAction {
        PlanAction { key, what: format!("task {key}"), owner_user_id: owner, due, status, goal_key: None, revision: 0 }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn boards_columns_and_cards_round_trip_through_their_names() {
        for board in [Board::Pair { pair_id: 3 }, Board::Team { case_id: CaseId(12) }, Board::Mine] {
            assert_eq!(board.key().parse::<Board>(), Ok(board));
            for column in board.columns() {
                assert_eq!(column.key().parse::<Column>(), Ok(column));
                assert!(board.has_column(column));
            }
        }
        for card in [
            CardRef::Case { case_id: CaseId(7) },
            CardRef::Action { case_id: CaseId(7), key: 0 },
            CardRef::Action { case_id: CaseId(9), key: 41 },
        ] {
            assert_eq!(card.key().parse::<CardRef>(), Ok(card));
        }
        assert_eq!(CardRef::Action { case_id: CaseId(9), key: 4 }.case_id(), CaseId(9));
    }

    #[test]
    fn names_that_are_not_boards_columns_or_cards_are_refused_with_what_came() {
        for bad in ["", "pair", "pair-", "pair-0", "pair--2", "team-x", "board-3", "mine-1"] {
            assert!(matches!(bad.parse::<Board>(), Err(BoardError::UnknownBoard { .. })), "{bad}");
        }
        for bad in ["", "step", "step:", "step:nowhere", "status:late", "plan"] {
            assert!(matches!(bad.parse::<Column>(), Err(BoardError::UnknownColumn { .. })), "{bad}");
        }
        for bad in ["", "case", "case-0", "case-1-2", "action-1", "action-1-x", "action-1-2-3", "task-1-2"] {
            assert!(matches!(bad.parse::<CardRef>(), Err(BoardError::UnknownCard { .. })), "{bad}");
        }
        let long = "x".repeat(500);
        let Err(BoardError::UnknownBoard { value }) = long.parse::<Board>() else { panic!() };
        assert_eq!(value.len(), 40, "what came back is shortened");
    }

    #[test]
    fn a_pair_board_has_the_steps_a_case_can_be_in_and_a_team_board_the_task_statuses() {
        let pair = Board::Pair { pair_id: 1 }.columns();
        assert_eq!(pair.len(), 8);
        assert!(!pair.contains(&Column::Step(Step::Concern)), "concerns are not cases yet");
        assert_eq!(
            Board::Team { case_id: CaseId(1) }.columns(),
            vec![
                Column::Status(TaskStatus::Open),
                Column::Status(TaskStatus::InProgress),
                Column::Status(TaskStatus::Done)
            ]
        );
        assert_eq!(Board::Mine.columns(), Board::Team { case_id: CaseId(1) }.columns());
    }

    #[test]
    fn a_case_card_moves_between_stages_and_within_a_stage_its_records_decide() {
        assert_eq!(case_move(Step::Meetings, Column::Step(Step::Review)), Ok(Stage::FollowUp));
        assert_eq!(case_move(Step::Assessment, Column::Step(Step::Team)), Ok(Stage::Collaboration));
        assert_eq!(case_move(Step::Feedback, Column::Step(Step::Closure)), Ok(Stage::Closed));
        assert_eq!(
            case_move(Step::Team, Column::Step(Step::Plan)),
            Err(BoardError::StepFollowsFromRecords { step: Step::Plan })
        );
        assert_eq!(case_move(Step::Plan, Column::Step(Step::Plan)), Err(BoardError::AlreadyThere));
        assert_eq!(case_move(Step::Plan, Column::Status(TaskStatus::Done)), Err(BoardError::ColumnNotOnBoard));
        assert_eq!(case_move(Step::Screening, Column::Step(Step::Concern)), Err(BoardError::ColumnNotOnBoard));
    }

    #[test]
    fn a_card_stands_only_in_columns_of_its_kind() {
        let case = CardRef::Case { case_id: CaseId(1) };
        let action = CardRef::Action { case_id: CaseId(1), key: 1 };
        assert_eq!(column_fits(case, Column::Step(Step::Review)), Ok(()));
        assert_eq!(column_fits(case, Column::Step(Step::Concern)), Err(BoardError::ColumnNotOnBoard));
        assert_eq!(column_fits(case, Column::Status(TaskStatus::Done)), Err(BoardError::ColumnNotOnBoard));
        assert_eq!(column_fits(action, Column::Status(TaskStatus::Done)), Ok(()));
        assert_eq!(column_fits(action, Column::Step(Step::Plan)), Err(BoardError::ColumnNotOnBoard));
    }

    #[test]
    fn an_action_card_moves_to_any_other_status() {
        assert_eq!(action_move(TaskStatus::Open, Column::Status(TaskStatus::Done)), Ok(TaskStatus::Done));
        assert_eq!(action_move(TaskStatus::Done, Column::Status(TaskStatus::Open)), Ok(TaskStatus::Open));
        assert_eq!(action_move(TaskStatus::Open, Column::Status(TaskStatus::Open)), Err(BoardError::AlreadyThere));
        assert_eq!(action_move(TaskStatus::Open, Column::Step(Step::Plan)), Err(BoardError::ColumnNotOnBoard));
    }

    #[test]
    fn a_change_made_against_an_older_version_is_refused_with_the_current_one() {
        assert_eq!(check_version(4, 4), Ok(()));
        assert_eq!(check_version(3, 4), Err(BoardError::Stale { current: 4 }));
        assert_eq!(check_version(5, 4), Err(BoardError::Stale { current: 4 }));
        assert_eq!(parse_version(" 7 "), Ok(7));
        for bad in ["", "x", "-1", "1.5"] {
            assert_eq!(parse_version(bad), Err(BoardError::BadVersion), "{bad}");
        }
        let mut a = action(1, UserId(2), day(1), TaskStatus::Open);
        a.revision = 3;
        assert_eq!(action_version(&a), 3);
    }

    #[test]
    fn comments_are_trimmed_and_bounded() {
        assert_eq!(Comment::parse("  hei  ").unwrap().as_str(), "hei");
        assert_eq!(Comment::parse(" \n "), Err(BoardError::EmptyComment));
        assert!(Comment::parse(&"ä".repeat(MAX_COMMENT)).is_ok(), "characters are counted, not bytes");
        assert_eq!(Comment::parse(&"a".repeat(MAX_COMMENT + 1)), Err(BoardError::CommentTooLong { max: MAX_COMMENT }));
    }

    #[test]
    fn mentions_are_the_usernames_after_an_at_sign_each_once() {
        let comment =
            Comment::parse("@Liisa.Makinen voisitko soittaa? Kiitos @heikki.laine. Myös @liisa.makinen, ja @olli_r!")
                .unwrap();
        assert_eq!(comment.mentions(), vec!["liisa.makinen", "heikki.laine", "olli_r"]);
        let no_mentions = Comment::parse("Sähköposti: sanna@example.fi, ja @ yksin sekä @@").unwrap();
        assert!(no_mentions.mentions().is_empty(), "{:?}", no_mentions.mentions());
        assert_eq!(Comment::parse("(@jari.koskinen)").unwrap().mentions(), vec!["jari.koskinen"]);
    }

    #[test]
    fn action_text_is_trimmed_and_bounded() {
        assert_eq!(parse_action_text("  Soitto kotiin "), Ok("Soitto kotiin".to_owned()));
        assert_eq!(parse_action_text("   "), Err(BoardError::EmptyAction));
        assert_eq!(parse_action_text(&"a".repeat(MAX_ACTION + 1)), Err(BoardError::ActionTooLong { max: MAX_ACTION }));
    }

    #[test]
    fn an_assignment_notifies_the_new_owner_unless_they_took_it_themself() {
        assert_eq!(assignment_notice(UserId(1), Some(UserId(2)), UserId(3)), Some(UserId(3)));
        assert_eq!(assignment_notice(UserId(3), Some(UserId(2)), UserId(3)), None, "took it themself");
        assert_eq!(assignment_notice(UserId(1), None, UserId(3)), Some(UserId(3)), "a new task");
        assert_eq!(assignment_notice(UserId(1), Some(UserId(3)), UserId(3)), None, "already theirs");
        assert_eq!(
            mention_notices(UserId(1), &[UserId(2), UserId(1), UserId(3), UserId(2)]),
            vec![UserId(2), UserId(3)],
            "never the author, each once"
        );
    }

    #[test]
    fn overdue_actions_are_past_due_and_not_done() {
        let plan = PlanContent {
            actions: vec![
                action(1, UserId(10), day(20), TaskStatus::Open),
                action(2, UserId(11), day(20), TaskStatus::Done),
                action(3, UserId(12), day(23), TaskStatus::InProgress),
                action(4, UserId(13), day(22), TaskStatus::InProgress),
            ],
            ..PlanContent::default()
        };
        assert_eq!(overdue_actions(&plan, day(23)), vec![(1, UserId(10), day(20)), (4, UserId(13), day(22))]);
    }

    #[test]
    fn presence_counts_people_not_tabs() {
        let mut here = Presence::default();
        assert!(here.join(UserId(1), "Sanna Virtanen"));
        assert!(here.join(UserId(2), "Heikki Laine"));
        assert!(!here.join(UserId(1), "Sanna Virtanen"), "a second tab is not a new viewer");
        assert_eq!(here.names(), vec!["Heikki Laine", "Sanna Virtanen"]);
        assert!(!here.leave(UserId(1)), "one tab still open");
        assert!(here.leave(UserId(1)));
        assert!(!here.leave(UserId(1)), "not there");
        assert_eq!(here.names(), vec!["Heikki Laine"]);
        assert_eq!(here.viewers(), vec![(UserId(2), "Heikki Laine".to_string())]);
        assert!(here.leave(UserId(2)));
        assert!(here.is_empty());
        let one = vec![(UserId(1), "Sanna Virtanen".to_string()), (UserId(2), "Heikki Laine".to_string())];
        let other = vec![(UserId(2), "Heikki Laine".to_string()), (UserId(3), "Liisa Mäkinen".to_string())];
        assert_eq!(
            viewers_everywhere([&one, &other]),
            vec!["Heikki Laine", "Liisa Mäkinen", "Sanna Virtanen"],
            "one person on two instances once"
        );
    }

    #[test]
    fn a_board_applies_each_event_once_and_catches_up_after_what_it_has() {
        let mut seen = Seen::loaded_at(10);
        assert!(!seen.accept(9), "already in the loaded board");
        assert!(!seen.accept(10));
        assert!(seen.accept(12));
        assert!(seen.accept(11), "committed later than 12 but not yet applied");
        assert!(!seen.accept(12), "not twice");
        assert_eq!(seen.resume_after(), 10, "12 and 11 are remembered, so catching up starts after 10");
        for id in 13..(13 + REMEMBERED as i64) {
            assert!(seen.accept(id));
        }
        assert_eq!(seen.resume_after(), 12, "the two oldest were forgotten and raised the floor");
        assert!(!seen.accept(12));
        assert!(!seen.accept(13 + REMEMBERED as i64 - 1));
        assert!(is_newer(3, 4));
        assert!(!is_newer(4, 4), "an event the board already shows changes nothing");
    }
}
