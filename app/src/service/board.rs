//! Live case boards on the server: a board read as its reader may see it; cards moved, edited and
//! assigned under a version check, so that a stale change is refused rather than applied over
//! someone else's; comments with @mentions; notifications. Every change a board shows is written
//! as a board event in the same transaction as the change (`store::board_events`), and the
//! event ids are published after commit for the live boards to fetch and show.
//!
//! Every card leaves by one rule, whichever way it leaves (a board page, a card, a notification,
//! a live board's catch-up or a live event): the reader may read the case as a professional on its
//! team (`Access::view_team_board`) at that moment, and each such read is logged.

use crate::domain::board::{
    action_move, action_version, case_move, check_version, column_fits, mention_notices, overdue_actions,
    parse_version, Board, BoardError, CardRef, Column, Comment,
};
use crate::domain::calendar::finnish_date;
use crate::domain::ids::{CaseId, UserId};
use crate::domain::paging::PageRequest;
use crate::domain::plan::{check_edit, PlanAction, PlanChange, PlanContent, RawPlanChange};
use crate::domain::{Access, AccessDenied, Basis, Role, Sector, Stage, TeamRole};
use crate::error::AppError;
use crate::events::{self, DomainEvent, Events};
use crate::model::{
    board::{
        BoardCard, BoardChange, BoardEventBody, BoardPage, CardCommentView, LegalNotice, NotificationQuery,
        NotificationView, Notifications,
    },
    team::ParticipantChoice,
};
use crate::store::access::authorise;
use crate::store::audit;
use crate::store::audit::Action;
use crate::store::board_events::{
    about_a_case_seated_as_professional, changed, my_seats, notify, notify_all, pair_of, readable, record, CardContext,
    Notice,
};
use crate::store::case_set::{person, CaseSet};
use crate::store::cases::{
    client_names, current_seats, display_names, find_case, participant_choices, participant_choices_of,
    COORDINATOR_SEATS,
};
use crate::store::entities::{
    board_event, card_comment, case, case_member, coordinator_pair, legal_access, notification, user,
};
use crate::store::plan_versions::{save_version, NextVersion};
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::{snapshot, write_txn};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, Set, TransactionSession, TransactionTrait,
};
use std::collections::{HashMap, HashSet};

/// How long a closed case stays in the closure column of its pair's board.
const CLOSED_SHOWN_DAYS: i64 = 30;

/// How many notifications a person's list shows.
const NOTIFICATIONS_PER_PAGE: u32 = 50;

/// Whether a case is still on the boards: open, or closed less than `CLOSED_SHOWN_DAYS` ago. A
/// board is of the work at hand; a year's closed cases are in the case list.
fn on_boards(now: DateTime<Utc>) -> sea_orm::Condition {
    sea_orm::Condition::any()
        .add(case::Column::ClosedAt.is_null())
        .add(case::Column::ClosedAt.gt(now - Duration::days(CLOSED_SHOWN_DAYS)))
}

/// The cases a pair's board shows: those the pair coordinates, the closed ones for a while.
async fn pair_cases(
    db: &impl ConnectionTrait,
    pair: &coordinator_pair::Model,
    now: DateTime<Utc>,
) -> Result<Vec<case::Model>, AppError> {
    let coordinated = current_seats()
        .filter(case_member::Column::TeamRole.is_in(COORDINATOR_SEATS))
        .filter(case_member::Column::UserId.is_in([pair.social_user_id, pair.health_user_id]))
        .select_only()
        .column(case_member::Column::CaseId)
        .into_query();
    Ok(case::Entity::find()
        .filter(case::Column::Id.in_subquery(coordinated))
        .filter(on_boards(now))
        .order_by_asc(case::Column::Id)
        .all(db)
        .await?)
}

/// The newest board event id.
async fn newest_event(db: &impl ConnectionTrait) -> Result<i32, AppError> {
    let newest: Option<Option<i32>> = board_event::Entity::find()
        .select_only()
        .column_as(board_event::Column::Id.max(), "newest")
        .into_tuple()
        .one(db)
        .await?;
    Ok(newest.flatten().unwrap_or(0))
}

/// Who may own actions, per case.
async fn owner_choices(
    db: &impl ConnectionTrait,
    case_ids: &[CaseId],
) -> Result<Vec<(CaseId, Vec<ParticipantChoice>)>, AppError> {
    let mut all = participant_choices_of(db, case_ids).await?;
    Ok(case_ids.iter().map(|id| (*id, all.remove(id).unwrap_or_default())).collect())
}

/// A pair, when `user` may open its board.
async fn pair_for(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    pair_id: i32,
) -> Result<coordinator_pair::Model, AppError> {
    let pair = coordinator_pair::Entity::find_by_id(pair_id).one(db).await?.ok_or(AppError::NotFound)?;
    Access::view_pair_board(user.role, user.id, (pair.social_user_id, pair.health_user_id))?;
    Ok(pair)
}

/// A board as `user` may see it. Every case on it is logged as listed.
pub async fn load(
    db: &(impl ConnectionTrait + TransactionTrait),
    reads: &ReadLog,
    user: &CurrentUser,
    raw_board: &str,
) -> Result<BoardPage, AppError> {
    Access::view_boards(user.role)?;
    let board: Board = raw_board.parse()?;
    // Every read in one snapshot; it ends before the reads are logged (the committer needs the pool).
    let snapshot = snapshot::begin(db).await?;
    let (page, listed) = read_board(&snapshot, user, board).await?;
    snapshot.commit().await?;
    // Every case the board shows is logged before the page leaves, in one group commit.
    reads.record(listed).await?;
    Ok(page)
}

/// The board and the audit entries of the cases it lists.
async fn read_board<'u>(
    db: &impl ConnectionTrait,
    user: &'u CurrentUser,
    board: Board,
) -> Result<(BoardPage, Vec<audit::Entry<'u>>), AppError> {
    let now = Utc::now();
    // Read first: an event written while the board is read is then caught up on, never missed.
    let last_event = newest_event(db).await?;
    let mut pair = Vec::new();
    let (title, mut cases) = match board {
        Board::Pair { pair_id } => {
            let found = pair_for(db, user, pair_id).await?;
            let cases = pair_cases(db, &found, now).await?;
            pair = vec![found.social_user_id, found.health_user_id];
            (found.name, cases)
        }
        Board::Team { case_id } => {
            let (found, _, _) = authorise(db, user, case_id, Access::view_team_board).await?;
            // The client's name comes with the cards' context below.
            (String::new(), vec![found])
        }
        Board::Mine => {
            let cases = case::Entity::find()
                .filter(CaseSet::seated(person(user.id)).contains((case::Entity, case::Column::Id)))
                .filter(on_boards(now))
                .order_by_asc(case::Column::Id)
                .all(db)
                .await?;
            (String::new(), cases)
        }
    };
    // The reader's seats on these cases only: a coordinator of years sits on hundreds of closed ones.
    let shown: Vec<CaseId> = cases.iter().map(|c| c.id).collect();
    let seats = my_seats(db, user.id, Some(&shown)).await?;
    let readable = readable(user, &seats);
    // On the pair's board, the pair's cases that this coordinator sits on: a case where only someone
    // else of the pair (or another pair's coordinator) sits is not theirs to read. On their own
    // board, the cases where they sit as a professional. A team's board was authorised above.
    if !matches!(board, Board::Team { .. }) {
        cases.retain(|c| readable.contains_key(&c.id));
    }
    let context = match board {
        Board::Pair { .. } => CardContext::for_cases(db, &cases, now).await?,
        Board::Team { .. } | Board::Mine => CardContext::for_actions(db, &cases, now).await?,
    };
    let title = match board {
        Board::Team { .. } => {
            cases.first().and_then(|c| context.clients.get(&c.client_id)).cloned().unwrap_or_default()
        }
        Board::Pair { .. } | Board::Mine => title,
    };
    let mut cards = Vec::new();
    let mut listed = Vec::new();
    for c in &cases {
        // Every case here passed the team-board rule: the pair's and the reader's own boards kept
        // only readable cases above, and a team's board was authorised by it.
        let basis = readable.get(&c.id).copied().ok_or(AccessDenied::NotOnTeam)?;
        match board {
            Board::Pair { .. } => cards.push(context.case_card(c)?),
            Board::Team { .. } => cards.extend(context.action_cards(c, |_| true)?),
            Board::Mine => cards.extend(context.action_cards(c, |a| a.owner_user_id == user.id)?),
        }
        if board != Board::Mine || cards.iter().any(|card| card.card.case_id() == c.id) {
            listed.push(audit::Entry::on_case(user, c, "board", Action::List, basis));
        }
    }
    let coordinated: Vec<CaseId> = seats.iter().filter(|(_, seat)| seat.is_coordinator()).map(|(id, _)| *id).collect();
    // Who may own an action, where the reader may give actions to someone: the pair's cases.
    let editable: Vec<CaseId> = match board {
        Board::Pair { .. } => Vec::new(),
        Board::Team { .. } | Board::Mine => cases.iter().map(|c| c.id).filter(|id| coordinated.contains(id)).collect(),
    };
    let owners = owner_choices(db, &editable).await?;
    let page = BoardPage {
        board,
        title,
        pair,
        cards,
        last_event,
        reader_user_id: user.id,
        coordinated,
        owners,
        today: context.today,
    };
    Ok((page, listed))
}

/// Authorises a change of an action card and reads what it needs: the case, the reader's part
/// in the plan, the latest plan version and the action as it is now (refused if its version is
/// not the one the reader saw).
async fn action_for_change(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: CaseId,
    key: u32,
    seen: i32,
) -> Result<(case::Model, Basis, crate::domain::plan::PlanRole, i32, PlanContent, PlanAction), AppError> {
    let (found, _, (basis, role)) = authorise(txn, user, case_id, Access::edit_plan).await?;
    Access::view_boards(user.role)?;
    if !crate::store::plans::is_open(found.stage) {
        return Err(crate::domain::plan::PlanError::NotInCollaboration.into());
    }
    let (current, plan) = crate::store::plans::latest(txn, case_id).await?;
    let action = plan.actions.iter().find(|a| a.key == key).cloned().ok_or(BoardError::NoSuchAction)?;
    check_version(seen, action_version(&action))?;
    Ok((found, basis, role, current, plan, action))
}

/// Saves `change` to an action's plan as the next version, inside the caller's transaction.
async fn save_action_change(
    txn: &impl ConnectionTrait,
    user: &CurrentUser,
    found: &case::Model,
    (basis, role): (Basis, crate::domain::plan::PlanRole),
    current: i32,
    old: &PlanContent,
    change: PlanChange,
) -> Result<Vec<DomainEvent>, AppError> {
    let new = change.apply(old)?;
    check_edit(role.editor(user.id), old, &new)?;
    let (version, board) =
        save_version(txn, user, NextVersion { case_id: found.id, after: current, role, old, new: &new }, Utc::now())
            .await?;
    audit::record(txn, audit::Entry::on_case(user, found, "plan", Action::Update, basis)).await?;
    Ok(vec![board, DomainEvent::PlanChanged { case_id: found.id, version, actor_user_id: user.id }])
}

/// Moves a card to a column of its board: a case card to another stage (as the process allows;
/// the pair only), an action card to another status (the pair any, a member their own). `seen`
/// is the card's version as the reader saw it.
pub async fn move_card(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    raw_card: &str,
    raw_column: &str,
    seen: &str,
) -> Result<BoardCard, AppError> {
    let card: CardRef = raw_card.parse()?;
    let column: Column = raw_column.parse()?;
    column_fits(card, column)?;
    let seen = parse_version(seen)?;
    let txn = write_txn::begin(db).await?;
    let published = match card {
        CardRef::Case { case_id } => {
            let (found, _, basis) = authorise(&txn, user, case_id, Access::change_stage).await?;
            check_version(seen, found.version)?;
            let context = CardContext::for_cases(&txn, std::slice::from_ref(&found), Utc::now()).await?;
            let step = context.place(case_id)?.step;
            let to = case_move(step, column)?;
            if to == Stage::Closed {
                return Err(crate::domain::TransitionError::ClosingNeedsSummary.into());
            }
            crate::store::stage_moves::apply_move(&txn, user, &found, basis, to, Utc::now()).await?
        }
        CardRef::Action { case_id, key } => {
            let (found, basis, role, current, plan, action) = action_for_change(&txn, user, case_id, key, seen).await?;
            let status = action_move(action.status, column)?;
            save_action_change(&txn, user, &found, (basis, role), current, &plan, PlanChange::SetStatus { key, status })
                .await?
        }
    };
    let fresh = recorded_card(&published, card)?;
    txn.commit().await?;
    events::publish_all(bus, published);
    Ok(fresh)
}

/// The card as the change just recorded it (the body of its newest board event among `published`).
fn recorded_card(published: &[DomainEvent], card: CardRef) -> Result<BoardCard, AppError> {
    published
        .iter()
        .filter_map(|e| match e {
            DomainEvent::BoardChanged { written, .. } => Some(written.iter()),
            _ => None,
        })
        .flatten()
        .filter(|event| event.card == card)
        .max_by_key(|event| event.id)
        .and_then(|event| event.body.card.clone())
        .ok_or(AppError::NotFound)
}

/// An action card's edit as its form sends it: the card, the version it was made against, and
/// what is done, who owns it and by when.
pub struct RawActionEdit<'a> {
    pub card: &'a str,
    pub seen: &'a str,
    pub what: &'a str,
    pub owner: Option<UserId>,
    pub due: &'a str,
}

/// Edits an action on its card: what is done, who owns it, by when (the pair). Giving it to
/// someone else notifies them.
pub async fn edit_action(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    edit: RawActionEdit<'_>,
) -> Result<BoardCard, AppError> {
    let RawActionEdit { card: raw_card, seen, what, owner, due } = edit;
    let card: CardRef = raw_card.parse()?;
    let CardRef::Action { case_id, key } = card else {
        return Err(BoardError::UnknownCard { value: card.key() }.into());
    };
    let seen = parse_version(seen)?;
    let txn = write_txn::begin(db).await?;
    let (found, basis, role, current, plan, _) = action_for_change(&txn, user, case_id, key, seen).await?;
    let team: Vec<UserId> = participant_choices(&txn, case_id).await?.into_iter().map(|p| p.user_id).collect();
    let raw = RawPlanChange {
        op: "edit_action".into(),
        key: Some(key),
        what: what.into(),
        owner,
        due: due.into(),
        ..RawPlanChange::default()
    };
    let change = PlanChange::parse(&raw, &plan, &team, finnish_date(Utc::now()))?;
    let published = save_action_change(&txn, user, &found, (basis, role), current, &plan, change).await?;
    let fresh = recorded_card(&published, card)?;
    txn.commit().await?;
    events::publish_all(bus, published);
    Ok(fresh)
}

/// A card as it is now, or `None` when it no longer exists (an action removed from the plan).
pub async fn card_now(db: &impl ConnectionTrait, card: CardRef) -> Result<Option<BoardCard>, AppError> {
    let found = find_case(db, card.case_id()).await?;
    let cases = std::slice::from_ref(&found);
    match card {
        CardRef::Case { .. } => Ok(Some(CardContext::for_cases(db, cases, Utc::now()).await?.case_card(&found)?)),
        CardRef::Action { key, .. } => {
            let context = CardContext::for_actions(db, cases, Utc::now()).await?;
            let action = context.plans.get(&found.id).and_then(|p| p.actions.iter().find(|a| a.key == key));
            action.map(|a| context.action_card(&found, a)).transpose()
        }
    }
}

/// A card as `user` may see it: the fresh state a refused stale change offers to reapply on.
pub async fn card(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    raw_card: &str,
) -> Result<BoardCard, AppError> {
    let card: CardRef = raw_card.parse()?;
    let (found, basis) = authorise_card(db, user, card).await?;
    reads.record_one(card_read(user, &found, basis)).await?;
    card_now(db, card).await?.ok_or(AppError::NotFound)
}

/// May `user` see this card? Team professionals see every card of the case; a pair's
/// coordinator sees its case cards. The caller logs the reading (`card_read`): as a read, or in
/// the transaction of a change.
async fn authorise_card(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    card: CardRef,
) -> Result<(case::Model, Basis), AppError> {
    let (found, _, basis) = authorise(db, user, card.case_id(), Access::view_team_board).await?;
    Ok((found, basis))
}

/// The audit entry of `user` reading a card of case `found` on `basis`.
fn card_read<'u>(user: &'u CurrentUser, found: &case::Model, basis: Basis) -> audit::Entry<'u> {
    audit::Entry::on_case(user, found, "board_card", Action::View, basis)
}

/// The comments on a card, oldest first.
pub async fn comments(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    raw_card: &str,
) -> Result<Vec<CardCommentView>, AppError> {
    let card: CardRef = raw_card.parse()?;
    let (found, basis) = authorise_card(db, user, card).await?;
    reads.record_one(card_read(user, &found, basis)).await?;
    let rows = card_comment::Entity::find()
        .filter(card_comment::Column::CaseId.eq(card.case_id()))
        .filter(card_comment::Column::Card.eq(card.key()))
        .order_by_asc(card_comment::Column::Id)
        .all(db)
        .await?;
    let names = display_names(db, rows.iter().map(|r| r.author_user_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|r| CardCommentView {
            id: r.id,
            author: names.get(&r.author_user_id).cloned().unwrap_or_default(),
            body: r.body,
            at: r.created_at,
        })
        .collect())
}

/// Comments on a card; everyone it @mentions is notified. A mention of someone who is not on
/// the client's team is refused (naming the client to them would be a leak), and nothing is
/// written.
pub async fn comment(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    raw_card: &str,
    body: &str,
) -> Result<CardCommentView, AppError> {
    let card: CardRef = raw_card.parse()?;
    let txn = write_txn::begin(db).await?;
    let (found, basis) = authorise_card(&txn, user, card).await?;
    audit::record(&txn, card_read(user, &found, basis)).await?;
    let mut commented = card_now(&txn, card).await?.ok_or(BoardError::NoSuchAction)?;
    let comment = Comment::parse(body)?;
    let mentioned = comment.mentions();
    let team: HashSet<UserId> = participant_choices(&txn, found.id).await?.into_iter().map(|p| p.user_id).collect();
    let people: HashMap<String, UserId> = user::Entity::find()
        .filter(user::Column::Username.is_in(mentioned.clone()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|u| (u.username.to_lowercase(), u.id))
        .collect();
    let mut mentioned_ids = Vec::with_capacity(mentioned.len());
    for username in mentioned {
        match people.get(&username) {
            Some(id) if team.contains(id) => mentioned_ids.push(*id),
            _ => return Err(BoardError::MentionOffTeam { username }.into()),
        }
    }
    let now = Utc::now();
    let row = card_comment::ActiveModel {
        case_id: Set(found.id),
        card: Set(card.key()),
        author_user_id: Set(user.id),
        body: Set(comment.as_str().to_owned()),
        sector: Set(Sector::Shared),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let notified = mention_notices(user.id, &mentioned_ids);
    for recipient in &notified {
        notify(&txn, Notice::mentioned(*recipient, card, user.id, row.id), now).await?;
    }
    let view = CardCommentView { id: row.id, author: user.display_name.clone(), body: row.body, at: now };
    commented.comments += 1;
    let body = BoardEventBody {
        card: Some(commented),
        comment: Some(view.clone()),
        previous_owner: None,
        pair_id: pair_of(&txn, found.id).await?,
    };
    let event = record(&txn, user, found.id, card, BoardChange::Commented, &body, now).await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "board_comment", Action::Create, basis)).await?;
    txn.commit().await?;
    events::publish(bus, changed(found.id, vec![event], notified));
    Ok(view)
}

/// The reader's notifications about cases they may read now (the one rule of cards: a
/// professional on the case's team), newest first; each case shown is logged as read.
pub async fn notifications(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    query: &NotificationQuery,
) -> Result<Notifications, AppError> {
    Access::view_boards(user.role)?;
    let asked = PageRequest::parse(&query.page, &query.per_page, NOTIFICATIONS_PER_PAGE)?;
    let mine = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user.id))
        .filter(about_a_case_seated_as_professional(user.id));
    let total = mine.clone().count(db).await?;
    let mut rows = mine
        .order_by_desc(notification::Column::Id)
        .offset(asked.offset())
        .limit(u64::from(asked.per_page))
        .all(db)
        .await?;
    let unread = unread(db, user).await?;
    let mut case_ids: Vec<CaseId> = rows.iter().map(|r| r.case_id).collect();
    case_ids.sort_unstable();
    case_ids.dedup();
    // Decided by the rule of cards for each case, as every other exit of a card is.
    let readable = readable(user, &my_seats(db, user.id, Some(&case_ids)).await?);
    rows.retain(|r| readable.contains_key(&r.case_id));
    case_ids.retain(|id| readable.contains_key(id));
    let cases = case::Entity::find().filter(case::Column::Id.is_in(case_ids.clone())).all(db).await?;
    let read = cases
        .iter()
        .filter_map(|c| {
            readable.get(&c.id).map(|basis| audit::Entry::on_case(user, c, "notification", Action::List, *basis))
        })
        .collect();
    reads.record(read).await?;
    let clients = client_names(db, &cases).await?;
    let client_of: HashMap<CaseId, String> =
        cases.iter().map(|c| (c.id, clients.get(&c.client_id).cloned().unwrap_or_default())).collect();
    let plans = crate::store::plans::latest_of(db, case_ids).await?;
    let names = display_names(db, rows.iter().filter_map(|r| r.actor_user_id).collect()).await?;
    let comments: HashMap<i32, String> = card_comment::Entity::find()
        .filter(card_comment::Column::Id.is_in(rows.iter().filter_map(|r| r.comment_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.body.chars().take(140).collect()))
        .collect();
    let legal: HashMap<i32, LegalNotice> = legal_access::Entity::find()
        .filter(legal_access::Column::Id.is_in(rows.iter().filter_map(|r| r.legal_access_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let (register, basis) = crate::store::legal_access::ground(&row)?;
            Ok((row.id, LegalNotice { register, basis, reason: row.reason }))
        })
        .collect::<Result<_, AppError>>()?;
    let items = rows
        .into_iter()
        .map(|r| {
            let card: CardRef = r.card.parse().map_err(|_| AppError::Internal)?;
            let what = match card {
                CardRef::Action { case_id, key } => plans
                    .get(&case_id)
                    .and_then(|p| p.actions.iter().find(|a| a.key == key))
                    .map(|a| a.what.clone())
                    .unwrap_or_default(),
                CardRef::Case { .. } => String::new(),
            };
            Ok(NotificationView {
                id: r.id,
                kind: r.kind,
                case_id: r.case_id,
                card,
                client_name: client_of.get(&r.case_id).cloned().unwrap_or_default(),
                what,
                actor: r.actor_user_id.and_then(|id| names.get(&id).cloned()),
                excerpt: r.comment_id.and_then(|id| comments.get(&id).cloned()),
                due_on: r.due_on,
                at: r.created_at,
                read: r.read_at.is_some(),
                legal: r.legal_access_id.and_then(|id| legal.get(&id).cloned()),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(Notifications { items, unread, page: asked.page, per_page: asked.per_page, total })
}

/// How many of the reader's notifications about cases they may read now are unread.
pub async fn unread(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<u32, AppError> {
    Access::view_boards(user.role)?;
    let n = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user.id))
        .filter(notification::Column::ReadAt.is_null())
        .filter(about_a_case_seated_as_professional(user.id))
        .count(db)
        .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Marks the reader's notifications read: one (`Some(id)`) or all. Someone else's is not found.
pub async fn mark_read(db: &impl ConnectionTrait, user: &CurrentUser, id: Option<i32>) -> Result<u64, AppError> {
    Access::view_boards(user.role)?;
    let mut update = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Some(Utc::now())))
        .filter(notification::Column::UserId.eq(user.id))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(id) = id {
        update = update.filter(notification::Column::Id.eq(id));
    }
    let done = update.exec(db).await?.rows_affected;
    if id.is_some() && done == 0 {
        let mine = notification::Entity::find_by_id(id.unwrap_or_default())
            .filter(notification::Column::UserId.eq(user.id))
            .one(db)
            .await?;
        if mine.is_none() {
            return Err(AppError::NotFound);
        }
    }
    Ok(done)
}

/// Gives an overdue notice to the owner of every action past due and not done on an open case,
/// when the owner is on the case's team now, once per action and due date. Run at start and then
/// periodically; returns whom it notified.
pub async fn sweep_overdue(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<Vec<UserId>, AppError> {
    let open = CaseSet::Selected(Box::new(
        case::Entity::find()
            .filter(case::Column::Stage.is_in([Stage::Collaboration, Stage::FollowUp]))
            .select_only()
            .column(case::Column::Id)
            .into_query(),
    ));
    // Only someone on the team now is told: an action left with someone who has gone names a
    // client they may no longer read about.
    let seated: HashSet<(CaseId, UserId)> = current_seats()
        .filter(open.contains((case_member::Entity, case_member::Column::CaseId)))
        .filter(case_member::Column::TeamRole.ne(TeamRole::Relative))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.case_id, m.user_id))
        .collect();
    let plans = crate::store::plans::latest_in(db, &open).await?;
    let today = finnish_date(now);
    let notices = plans.into_iter().flat_map(|(case_id, plan)| {
        overdue_actions(&plan, today)
            .into_iter()
            .filter(|(_, owner, _)| seated.contains(&(case_id, *owner)))
            .map(move |(key, owner, due)| Notice::overdue(owner, CardRef::Action { case_id, key }, due))
            .collect::<Vec<_>>()
    });
    // Given in a few statements, not one per action: the notices the unique index already holds
    // are skipped in the database.
    let mut notified = notify_all(db, notices.collect(), now).await?;
    notified.sort_unstable();
    notified.dedup();
    Ok(notified)
}

/// The case ids a board's live feed follows for `user`, and whether the user may follow it.
pub async fn followed_cases(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    board: Board,
) -> Result<Vec<CaseId>, AppError> {
    Access::view_boards(user.role)?;
    match board {
        Board::Pair { pair_id } => {
            let pair = pair_for(db, user, pair_id).await?;
            let readable = readable(user, &my_seats(db, user.id, None).await?);
            Ok(pair_cases(db, &pair, Utc::now())
                .await?
                .into_iter()
                .map(|c| c.id)
                .filter(|id| readable.contains_key(id))
                .collect())
        }
        Board::Team { case_id } => {
            authorise(db, user, case_id, Access::view_team_board).await?;
            Ok(vec![case_id])
        }
        Board::Mine => Ok(readable(user, &my_seats(db, user.id, None).await?).into_keys().collect()),
    }
}

/// The pair boards `user` may open (a coordinator's own pair).
pub async fn my_pairs(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<Vec<(i32, String)>, AppError> {
    Access::view_boards(user.role)?;
    if user.role != Role::Coordinator {
        return Ok(Vec::new());
    }
    Ok(coordinator_pair::Entity::find()
        .filter(
            coordinator_pair::Column::SocialUserId.eq(user.id).or(coordinator_pair::Column::HealthUserId.eq(user.id)),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}
