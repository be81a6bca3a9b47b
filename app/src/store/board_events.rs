//! The board-event projection: the card rows that plan, team and stage saves write in their own
//! transaction, the notifications they give, and the reads by which an event reaches a board
//! (`deliver`, `catch_up`), each delivery logged as a read.

use crate::domain::board::{action_version, assignment_notice, Board, CardRef, Column, NotificationKind};
use crate::domain::calendar::finnish_date;
use crate::domain::ids::{CaseId, ClientId, UserId};
use crate::domain::plan::{PlanAction, PlanContent};
use crate::domain::process::is_late;
use crate::domain::{Access, Basis, Relationship, TeamRole};
use crate::error::AppError;
use crate::events::DomainEvent;
use crate::model::board::{BoardCard, BoardChange, BoardEvent, BoardEventBody};
use crate::store::audit::Action;
use crate::store::cases::{
    client_names, coordinators_of, current_seats, display_names, find_case, Coordinators, COORDINATOR_SEATS,
};
use crate::store::entities::{
    board_event, card_comment, case, case_member, case_place, coordinator_pair, notification,
};
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::{audit, placement};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TryInsertResult,
};
use std::collections::{HashMap, HashSet};

/// The pair each of `case_ids` belongs to: the pair whose coordinator holds a coordinator seat on
/// the case now.
async fn pairs_of(db: &impl ConnectionTrait, case_ids: &[CaseId]) -> Result<HashMap<CaseId, i32>, AppError> {
    let seats = current_seats()
        .filter(case_member::Column::CaseId.is_in(case_ids.to_vec()))
        .filter(case_member::Column::TeamRole.is_in(COORDINATOR_SEATS))
        .all(db)
        .await?;
    let pairs = coordinator_pair::Entity::find().order_by_asc(coordinator_pair::Column::Id).all(db).await?;
    let mut out = HashMap::new();
    for seat in seats {
        if let Some(pair) = pairs.iter().find(|p| p.social_user_id == seat.user_id || p.health_user_id == seat.user_id)
        {
            out.entry(seat.case_id).or_insert(pair.id);
        }
    }
    Ok(out)
}

/// How many comments each card of `case_ids` has.
async fn comment_counts(db: &impl ConnectionTrait, case_ids: &[CaseId]) -> Result<HashMap<String, u32>, AppError> {
    let rows: Vec<(String, i64)> = card_comment::Entity::find()
        .filter(card_comment::Column::CaseId.is_in(case_ids.to_vec()))
        .select_only()
        .column(card_comment::Column::Card)
        .column_as(card_comment::Column::Id.count(), "n")
        .group_by(card_comment::Column::Card)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(card, n)| (card, u32::try_from(n).unwrap_or(u32::MAX))).collect())
}

/// Everything a set of cards needs to be drawn, read once for all of them.
pub struct CardContext {
    pub clients: HashMap<ClientId, String>,
    /// Each case's stored place: the step and lateness the process map counts too, and the date
    /// its card shows.
    pub places: HashMap<CaseId, case_place::Model>,
    pub coordinators: HashMap<CaseId, Coordinators>,
    pub comments: HashMap<String, u32>,
    /// The latest plans and their owners' names: read for action cards only (`for_actions`).
    pub plans: HashMap<CaseId, PlanContent>,
    pub names: HashMap<UserId, String>,
    pub today: chrono::NaiveDate,
}

impl CardContext {
    /// What the case cards of `cases` show. No plan is read: a case card's date is stored with
    /// its place.
    pub async fn for_cases(
        db: &impl ConnectionTrait,
        cases: &[case::Model],
        now: DateTime<Utc>,
    ) -> Result<CardContext, AppError> {
        let ids: Vec<CaseId> = cases.iter().map(|c| c.id).collect();
        Ok(CardContext {
            clients: client_names(db, cases).await?,
            places: placement::stored_of(db, &ids).await?,
            coordinators: coordinators_of(db, &ids).await?,
            comments: comment_counts(db, &ids).await?,
            plans: HashMap::new(),
            names: HashMap::new(),
            today: finnish_date(now),
        })
    }

    /// What the case cards and the action cards of `cases` show: their latest plans too.
    pub async fn for_actions(
        db: &impl ConnectionTrait,
        cases: &[case::Model],
        now: DateTime<Utc>,
    ) -> Result<CardContext, AppError> {
        let mut context = Self::for_cases(db, cases, now).await?;
        context.plans = crate::store::plans::latest_of(db, cases.iter().map(|c| c.id).collect()).await?;
        let owners = context.plans.values().flat_map(|p| p.actions.iter().map(|a| a.owner_user_id)).collect();
        context.names = display_names(db, owners).await?;
        Ok(context)
    }

    /// The stored place of a case on the cards.
    pub fn place(&self, case_id: CaseId) -> Result<&case_place::Model, AppError> {
        self.places.get(&case_id).ok_or_else(|| {
            tracing::error!(case_id = case_id.0, "a case on a board has no stored place");
            AppError::Internal
        })
    }

    pub fn case_card(&self, c: &case::Model) -> Result<BoardCard, AppError> {
        let place = self.place(c.id)?;
        let coordinators = self.coordinators.get(&c.id);
        let card = CardRef::Case { case_id: c.id };
        Ok(BoardCard {
            card,
            version: c.version,
            column: Column::Step(place.step),
            client_name: self.clients.get(&c.client_id).cloned().unwrap_or_default(),
            what: String::new(),
            stage: c.stage,
            step: place.step,
            due: place.due_on,
            overdue: is_late(place.late_from, self.today),
            owners: coordinators.map(|them| them.names.clone()).unwrap_or_default(),
            owner_ids: coordinators.map(|them| them.ids.clone()).unwrap_or_default(),
            owner_user_id: None,
            comments: self.comments.get(&card.key()).copied().unwrap_or(0),
        })
    }

    pub fn action_card(&self, c: &case::Model, action: &PlanAction) -> Result<BoardCard, AppError> {
        let place = self.place(c.id)?;
        let card = CardRef::Action { case_id: c.id, key: action.key };
        Ok(BoardCard {
            card,
            version: action_version(action),
            column: Column::Status(action.status),
            client_name: self.clients.get(&c.client_id).cloned().unwrap_or_default(),
            what: action.what.clone(),
            stage: c.stage,
            step: place.step,
            due: Some(action.due),
            overdue: action.is_overdue(self.today),
            owners: self.names.get(&action.owner_user_id).cloned().into_iter().collect(),
            owner_ids: vec![action.owner_user_id],
            owner_user_id: Some(action.owner_user_id),
            comments: self.comments.get(&card.key()).copied().unwrap_or(0),
        })
    }

    pub fn action_cards(
        &self,
        c: &case::Model,
        keep: impl Fn(&PlanAction) -> bool,
    ) -> Result<Vec<BoardCard>, AppError> {
        match self.plans.get(&c.id) {
            Some(plan) => plan.actions.iter().filter(|a| keep(a)).map(|a| self.action_card(c, a)).collect(),
            None => Ok(Vec::new()),
        }
    }
}

/// The case ids on whose team `user` holds a seat now, with the seat: of all their cases, or of
/// `only` these.
pub async fn my_seats(
    db: &impl ConnectionTrait,
    user_id: UserId,
    only: Option<&[CaseId]>,
) -> Result<HashMap<CaseId, TeamRole>, AppError> {
    let mut seats = current_seats().filter(case_member::Column::UserId.eq(user_id));
    if let Some(case_ids) = only {
        seats = seats.filter(case_member::Column::CaseId.is_in(case_ids.to_vec()));
    }
    Ok(seats
        .select_only()
        .column(case_member::Column::CaseId)
        .column(case_member::Column::TeamRole)
        .into_tuple::<(CaseId, TeamRole)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The cards of which of `seats`' cases `user` may read now, with the basis: the one rule every
/// card leaves by (a professional on the case's team).
pub fn readable(user: &CurrentUser, seats: &HashMap<CaseId, TeamRole>) -> HashMap<CaseId, Basis> {
    seats
        .iter()
        .filter_map(|(case_id, seat)| {
            Access::view_team_board(user.role, Relationship::Team(*seat)).ok().map(|basis| (*case_id, basis))
        })
        .collect()
}

/// Which of `readers` may be sent a card of `case_id` now, decided by the one rule at the moment
/// of sending, and the audit entry of each such delivery.
async fn deliveries<'a>(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    readers: &'a [CurrentUser],
) -> Result<(HashSet<UserId>, Vec<audit::Entry<'a>>), AppError> {
    let found = find_case(db, case_id).await?;
    let ids: Vec<UserId> = readers.iter().map(|r| r.id).collect();
    let seats: HashMap<UserId, TeamRole> = current_seats()
        .filter(case_member::Column::CaseId.eq(case_id))
        .filter(case_member::Column::UserId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| Ok((m.user_id, m.team_role)))
        .collect::<Result<_, AppError>>()?;
    let mut allowed = HashSet::new();
    let mut entries = Vec::new();
    for reader in readers {
        let rel = seats.get(&reader.id).map_or(Relationship::Unrelated, |seat| Relationship::Team(*seat));
        if let Ok(basis) = Access::view_team_board(reader.role, rel) {
            if allowed.insert(reader.id) {
                entries.push(audit::Entry::on_case(reader, &found, "board_event", Action::View, basis));
            }
        }
    }
    Ok((allowed, entries))
}

/// Which of `readers` may be sent a card of `case_id` now, decided by the one rule at the moment
/// of sending, each such delivery (live or caught up on) logged as a read of the card, committed
/// with the other reads of the moment (`ReadLog`) before anything is sent. Returns the user ids
/// let through.
pub async fn deliver(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    case_id: CaseId,
    readers: &[CurrentUser],
) -> Result<HashSet<UserId>, AppError> {
    let (allowed, entries) = deliveries(db, case_id, readers).await?;
    reads.record(entries).await?;
    Ok(allowed)
}

/// What a board that was away missed since event `after`, oldest first: the events its board
/// shows of `cases` (those it follows), each case's decided for its reader as `deliver` decides,
/// all the deliveries logged in one group before any is sent. `None` when more than `limit` were
/// missed: the board reads itself again instead.
pub async fn catch_up(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    board: Board,
    cases: &[CaseId],
    after: i32,
    limit: u64,
) -> Result<Option<Vec<BoardEvent>>, AppError> {
    let missed: Vec<BoardEvent> =
        events_after(db, cases, after, limit + 1).await?.into_iter().filter(|e| shows(board, user.id, e)).collect();
    if missed.len() as u64 > limit {
        return Ok(None);
    }
    let mut of_cases: Vec<CaseId> = missed.iter().map(|e| e.case_id).collect();
    of_cases.sort_unstable();
    of_cases.dedup();
    // The reader's seats on these cases and the cases themselves: two statements however many
    // cases the missed events are of.
    let allowed = readable(user, &my_seats(db, user.id, Some(&of_cases)).await?);
    let shown = case::Entity::find().filter(case::Column::Id.is_in(allowed.keys().copied())).all(db).await?;
    let logged = shown
        .iter()
        .filter_map(|c| {
            allowed.get(&c.id).map(|basis| audit::Entry::on_case(user, c, "board_event", Action::View, *basis))
        })
        .collect();
    reads.record(logged).await?;
    Ok(Some(missed.into_iter().filter(|e| allowed.contains_key(&e.case_id)).collect()))
}

/// Writes a board event inside the caller's transaction and returns it as boards receive it.
pub async fn record(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: CaseId,
    card: CardRef,
    change: BoardChange,
    body: &BoardEventBody,
    now: DateTime<Utc>,
) -> Result<BoardEvent, AppError> {
    let row = board_event::ActiveModel {
        case_id: Set(case_id),
        card: Set(card.key()),
        kind: Set(change.as_str().to_owned()),
        actor_user_id: Set(user.id),
        payload: Set(serde_json::to_string(body).map_err(|_| AppError::Internal)?),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(BoardEvent {
        id: row.id,
        case_id,
        card,
        change,
        actor: user.display_name.clone(),
        actor_user_id: user.id,
        at: row.created_at,
        body: body.clone(),
    })
}

/// The event of board events written in one transaction, for publishing after commit.
pub fn changed(case_id: CaseId, written: Vec<BoardEvent>, notified: Vec<UserId>) -> DomainEvent {
    DomainEvent::BoardChanged { case_id, events: written.iter().map(|e| e.id).collect(), notified, written }
}

/// The pair whose board shows `case_id`, if any.
pub async fn pair_of(txn: &impl ConnectionTrait, case_id: CaseId) -> Result<Option<i32>, AppError> {
    Ok(pairs_of(txn, &[case_id]).await?.get(&case_id).copied())
}

/// Records a change of a case's card (its stage, team or plan changed) inside the caller's
/// transaction, with the card as it is now. The caller publishes the event after commit.
pub async fn record_case(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: CaseId,
    change: BoardChange,
) -> Result<DomainEvent, AppError> {
    let now = Utc::now();
    let found = find_case(txn, case_id).await?;
    let context = CardContext::for_cases(txn, std::slice::from_ref(&found), now).await?;
    let event = record_case_card(txn, user, &found, &context, change, pair_of(txn, case_id).await?, now).await?;
    Ok(changed(case_id, vec![event], Vec::new()))
}

/// Writes the event of a case's card from a context already read for it.
async fn record_case_card(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    found: &case::Model,
    context: &CardContext,
    change: BoardChange,
    pair_id: Option<i32>,
    now: DateTime<Utc>,
) -> Result<BoardEvent, AppError> {
    let body = BoardEventBody { card: Some(context.case_card(found)?), comment: None, previous_owner: None, pair_id };
    record(txn, user, found.id, CardRef::Case { case_id: found.id }, change, &body, now).await
}

/// Raises a case's version: its card changed without a stage move.
async fn bump_version(txn: &impl ConnectionTrait, case_id: CaseId) -> Result<(), AppError> {
    case::Entity::update_many()
        .col_expr(case::Column::Version, Expr::col(case::Column::Version).add(1))
        .col_expr(case::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(case::Column::Id.eq(case_id))
        .exec(txn)
        .await?;
    Ok(())
}

/// Raises a case's version (its card changed without a stage move) and records the change.
pub async fn touch_case(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: CaseId,
    change: BoardChange,
) -> Result<DomainEvent, AppError> {
    bump_version(txn, case_id).await?;
    record_case(txn, user, case_id, change).await
}

/// Records what a saved plan changed on the boards, inside the caller's transaction: a card for
/// each action added, moved, edited, given to someone or removed, the case's own card, and an
/// "assigned" notice to each new owner. Called by every path that saves a plan version.
pub async fn plan_saved(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: CaseId,
    old: &PlanContent,
    new: &PlanContent,
) -> Result<DomainEvent, AppError> {
    let now = Utc::now();
    bump_version(txn, case_id).await?;
    let found = find_case(txn, case_id).await?;
    // The plan being saved is the newest: its cards are drawn from it, not read back.
    let mut context = CardContext::for_cases(txn, std::slice::from_ref(&found), now).await?;
    context.plans.insert(case_id, new.clone());
    context.names = display_names(txn, new.actions.iter().map(|a| a.owner_user_id).collect()).await?;
    let pair_id = pair_of(txn, case_id).await?;
    let mut written = Vec::new();
    let mut notified = Vec::new();
    for action in &new.actions {
        let before = old.actions.iter().find(|a| a.key == action.key);
        let change = match before {
            None => BoardChange::Added,
            Some(before) if before == action => continue,
            Some(before) if before.owner_user_id != action.owner_user_id => BoardChange::Assigned,
            Some(before)
                if PlanAction { status: action.status, revision: action.revision, ..before.clone() } == *action =>
            {
                BoardChange::Moved
            }
            Some(_) => BoardChange::Edited,
        };
        let previous_owner = before.map(|b| b.owner_user_id).filter(|owner| *owner != action.owner_user_id);
        let body =
            BoardEventBody { card: Some(context.action_card(&found, action)?), comment: None, previous_owner, pair_id };
        let card = CardRef::Action { case_id, key: action.key };
        written.push(record(txn, user, case_id, card, change, &body, now).await?);
        let old_owner = before.map(|b| b.owner_user_id);
        if let Some(owner) = assignment_notice(user.id, old_owner, action.owner_user_id) {
            notify(txn, Notice::assigned(owner, card, user.id), now).await?;
            notified.push(owner);
        }
    }
    for gone in old.actions.iter().filter(|a| !new.actions.iter().any(|n| n.key == a.key)) {
        let body = BoardEventBody { card: None, comment: None, previous_owner: Some(gone.owner_user_id), pair_id };
        written.push(
            record(txn, user, case_id, CardRef::Action { case_id, key: gone.key }, BoardChange::Removed, &body, now)
                .await?,
        );
    }
    written.push(record_case_card(txn, user, &found, &context, BoardChange::Edited, pair_id, now).await?);
    Ok(changed(case_id, written, notified))
}

/// A notification to be given, made by the constructor of its kind so that each kind carries
/// exactly what its text needs.
pub struct Notice {
    recipient: UserId,
    kind: NotificationKind,
    card: CardRef,
    actor: Option<UserId>,
    comment_id: Option<i32>,
    due_on: Option<chrono::NaiveDate>,
    legal_access_id: Option<i32>,
}

impl Notice {
    fn new(recipient: UserId, kind: NotificationKind, card: CardRef) -> Self {
        Notice { recipient, kind, card, actor: None, comment_id: None, due_on: None, legal_access_id: None }
    }

    /// `actor` handed the task on `card` to `recipient`.
    pub fn assigned(recipient: UserId, card: CardRef, actor: UserId) -> Self {
        Notice { actor: Some(actor), ..Notice::new(recipient, NotificationKind::Assigned, card) }
    }

    /// `actor` mentioned `recipient` in comment `comment_id` on `card`.
    pub fn mentioned(recipient: UserId, card: CardRef, actor: UserId, comment_id: i32) -> Self {
        Notice {
            actor: Some(actor),
            comment_id: Some(comment_id),
            ..Notice::new(recipient, NotificationKind::Mentioned, card)
        }
    }

    /// The task on `card` that `recipient` owns was due on `due_on` and is not done.
    pub fn overdue(recipient: UserId, card: CardRef, due_on: chrono::NaiveDate) -> Self {
        Notice { due_on: Some(due_on), ..Notice::new(recipient, NotificationKind::Overdue, card) }
    }

    /// `actor` opened another register's records of case `case_id` on legal basis `legal_access_id`.
    pub fn legal_basis(recipient: UserId, case_id: CaseId, actor: UserId, legal_access_id: i32) -> Self {
        Notice {
            actor: Some(actor),
            legal_access_id: Some(legal_access_id),
            ..Notice::new(recipient, NotificationKind::LegalBasis, CardRef::Case { case_id })
        }
    }
}

/// Gives a notification; returns false when it had been given already (an overdue notice is given
/// once per action and due date).
pub async fn notify(txn: &impl ConnectionTrait, notice: Notice, now: DateTime<Utc>) -> Result<bool, AppError> {
    Ok(!notify_all(txn, vec![notice], now).await?.is_empty())
}

/// Notices one statement gives at most: 11 parameters each stays inside both databases' limits.
const NOTICES_PER_STATEMENT: usize = 500;

/// Gives many notifications in a few statements, skipping those given already; returns the
/// recipient of each one given now.
pub async fn notify_all(
    txn: &impl ConnectionTrait,
    notices: Vec<Notice>,
    now: DateTime<Utc>,
) -> Result<Vec<UserId>, AppError> {
    let mut given = Vec::new();
    let mut rows: Vec<notification::ActiveModel> = notices
        .into_iter()
        .map(|notice| notification::ActiveModel {
            user_id: Set(notice.recipient),
            kind: Set(notice.kind),
            case_id: Set(notice.card.case_id()),
            card: Set(notice.card.key()),
            actor_user_id: Set(notice.actor),
            comment_id: Set(notice.comment_id),
            due_on: Set(notice.due_on),
            created_at: Set(now),
            read_at: Set(None),
            legal_access_id: Set(notice.legal_access_id),
            ..Default::default()
        })
        .collect();
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(NOTICES_PER_STATEMENT));
        let inserted = notification::Entity::insert_many(rows)
            .on_conflict_do_nothing_on([
                notification::Column::UserId,
                notification::Column::Kind,
                notification::Column::Card,
                notification::Column::DueOn,
            ])
            .exec_with_returning_many(txn)
            .await?;
        if let TryInsertResult::Inserted(models) = inserted {
            given.extend(models.into_iter().map(|n| n.user_id));
        }
        rows = rest;
    }
    Ok(given)
}

/// Board events by id, as live boards receive them; unknown ids are skipped.
pub async fn events_by_id(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<BoardEvent>, AppError> {
    let rows = board_event::Entity::find()
        .filter(board_event::Column::Id.is_in(ids.to_vec()))
        .order_by_asc(board_event::Column::Id)
        .all(db)
        .await?;
    to_views(db, rows).await
}

/// The board events after `after` on the given cases, oldest first, at most `limit`: what a board
/// that was away missed.
pub async fn events_after(
    db: &impl ConnectionTrait,
    case_ids: &[CaseId],
    after: i32,
    limit: u64,
) -> Result<Vec<BoardEvent>, AppError> {
    let rows = board_event::Entity::find()
        .filter(board_event::Column::Id.gt(after))
        .filter(board_event::Column::CaseId.is_in(case_ids.to_vec()))
        .order_by_asc(board_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    to_views(db, rows).await
}

async fn to_views(db: &impl ConnectionTrait, rows: Vec<board_event::Model>) -> Result<Vec<BoardEvent>, AppError> {
    let names = display_names(db, rows.iter().map(|r| r.actor_user_id).collect()).await?;
    rows.into_iter()
        .map(|r| {
            let card: CardRef = r.card.parse().map_err(|_| AppError::Internal)?;
            let change =
                serde_json::from_value(serde_json::Value::String(r.kind.clone())).map_err(|_| AppError::Internal)?;
            let body: BoardEventBody = serde_json::from_str(&r.payload).map_err(|e| {
                tracing::error!(board_event = r.id, error = %e, "stored board event is invalid");
                AppError::Internal
            })?;
            Ok(BoardEvent {
                id: r.id,
                case_id: r.case_id,
                card,
                change,
                actor: names.get(&r.actor_user_id).cloned().unwrap_or_default(),
                actor_user_id: r.actor_user_id,
                at: r.created_at,
                body,
            })
        })
        .collect()
}

/// Whether a board shows an event: a pair's board its cases' cards, a team's board its case's
/// actions, a person's board the actions they own or just stopped owning.
pub fn shows(board: Board, reader_user_id: UserId, event: &BoardEvent) -> bool {
    match (board, event.card) {
        (Board::Pair { pair_id }, CardRef::Case { .. }) => event.body.pair_id == Some(pair_id),
        (Board::Team { case_id }, CardRef::Action { .. }) => event.case_id == case_id,
        (Board::Mine, CardRef::Action { .. }) => {
            event.body.card.as_ref().and_then(|c| c.owner_user_id) == Some(reader_user_id)
                || event.body.previous_owner == Some(reader_user_id)
        }
        _ => false,
    }
}

/// Whether `user_id` sits now as a professional on the team of the notification's case (the rule
/// of cards, as SQL): what their notifications may be about. A correlated subquery, so the
/// database goes through the person's own notifications (a few, by index) and checks each one's
/// seat, instead of through every case the person sits on.
pub fn about_a_case_seated_as_professional(user_id: UserId) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::QueryTrait;
    Expr::exists(
        current_seats()
            .select_only()
            .column(case_member::Column::Id)
            .filter(case_member::Column::UserId.eq(user_id))
            .filter(case_member::Column::TeamRole.ne(TeamRole::Relative))
            .filter(
                Expr::col((case_member::Entity, case_member::Column::CaseId))
                    .equals((notification::Entity, notification::Column::CaseId)),
            )
            .into_query(),
    )
}

/// Forgets the notifications `user_id` had about `case_id`: they left its team, and what they were
/// told of it is no longer theirs to read.
pub async fn forget_notifications(
    txn: &impl ConnectionTrait,
    user_id: UserId,
    case_id: CaseId,
) -> Result<(), AppError> {
    notification::Entity::delete_many()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::CaseId.eq(case_id))
        .exec(txn)
        .await?;
    Ok(())
}

/// Tells the coordinator pair of a case that `user` opened one of its registers by law (the
/// recorded basis `legal_access_id`), inside the caller's transaction; the pair member who did it
/// is not told of their own act. Returns whom it told, for the caller to publish after commit.
pub async fn notify_pair_of_legal_basis(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: CaseId,
    legal_access_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<UserId>, AppError> {
    let pair: Vec<UserId> = current_seats()
        .filter(case_member::Column::CaseId.eq(case_id))
        .filter(case_member::Column::TeamRole.is_in(COORDINATOR_SEATS))
        .all(txn)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .filter(|id| *id != user.id)
        .collect();
    for recipient in &pair {
        notify(txn, Notice::legal_basis(*recipient, case_id, user.id, legal_access_id), now).await?;
    }
    Ok(pair)
}
