//! Client feedback on the server: the client or a writing relative gives it on their pathway after
//! a meeting they were invited to and when the case closes, once each; the coordinators read it
//! only in aggregate over the cases they lead, never by person or case.

use crate::domain::feedback::{
    check_closure, check_meeting, Feedback, FeedbackError, FeedbackSummary, MeetingFacts, Occasion, RawFeedback,
};
use crate::domain::ids::CaseId;
use crate::domain::{Access, Relationship, Sector, Stage, TeamRole};
use crate::error::AppError;
use crate::events::{self, DomainEvent, Events};
use crate::model::feedback::{FeedbackComment, FeedbackOverview};
use crate::store::access::authorise;
use crate::store::audit::{self, Action};
use crate::store::cases::current_seats;
use crate::store::entities::{case, case_closure, case_member, feedback};
use crate::store::feedback::{latest_closure, stored_occasion, stored_score};
use crate::store::meetings::{find_meeting, has_ended, invited};
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::write_txn;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionSession,
    TransactionTrait,
};
use std::collections::HashSet;

/// How many written comments the overview shows.
const COMMENTS_SHOWN: usize = 20;

/// Records `user`'s feedback on a meeting or the closure of a case. Once per person and occasion;
/// checked in the transaction, and the unique indexes hold it against two racing sends.
pub async fn give(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    case_id: CaseId,
    raw: &RawFeedback,
) -> Result<(), AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, (basis, author)) = authorise(&txn, user, case_id, Access::give_feedback).await?;
    let (occasion, target_id) = (Occasion::parse(&raw.occasion)?, raw.target_id);
    let mine = feedback::Entity::find().filter(feedback::Column::AuthorUserId.eq(user.id));
    let (meeting_id, closure_id) = match occasion {
        Occasion::Meeting => {
            let row = find_meeting(&txn, case_id, target_id).await?;
            let already_given = mine.filter(feedback::Column::MeetingId.eq(row.id)).one(&txn).await?.is_some();
            check_meeting(MeetingFacts {
                ended: has_ended(&row, Utc::now()),
                author_invited: invited(&row)?.contains(&user.id),
                already_given,
            })?;
            (Some(row.id), None)
        }
        Occasion::Closure => {
            let closure = case_closure::Entity::find_by_id(target_id)
                .filter(case_closure::Column::CaseId.eq(case_id))
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?;
            let latest = latest_closure(&txn, case_id).await?.map(|c| c.id);
            let closed = found.stage == Stage::Closed && latest == Some(closure.id);
            let already_given = mine.filter(feedback::Column::ClosureId.eq(closure.id)).one(&txn).await?.is_some();
            check_closure(closed, already_given)?;
            (None, Some(closure.id))
        }
    };
    let parsed = Feedback::parse(&raw.score, &raw.text)?;
    let inserted = feedback::ActiveModel {
        case_id: Set(case_id),
        occasion: Set(occasion.as_str().to_string()),
        meeting_id: Set(meeting_id),
        closure_id: Set(closure_id),
        score: Set(i32::from(parsed.score.get())),
        text: Set(parsed.text),
        author_user_id: Set(user.id),
        author_kind: Set(author.as_str().to_string()),
        sector: Set(Sector::Shared),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    crate::store::unless_duplicate(inserted, FeedbackError::AlreadyGiven)?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "feedback", Action::Create, basis)).await?;
    txn.commit().await?;
    events::publish(bus, DomainEvent::FeedbackGiven { case_id, occasion });
    Ok(())
}

/// Feedback on the cases `user` coordinates now, in aggregate. Every case whose feedback is read
/// is logged.
pub async fn overview(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
) -> Result<FeedbackOverview, AppError> {
    Access::screen(user.role)?;
    let seats = current_seats()
        .filter(case_member::Column::UserId.eq(user.id))
        .filter(case_member::Column::TeamRole.is_in([TeamRole::SocialCoordinator, TeamRole::HealthCoordinator]))
        .all(db)
        .await?;
    let mut led = Vec::with_capacity(seats.len());
    for seat in &seats {
        let role = seat.team_role;
        led.push((seat.case_id, Access::read_feedback(user.role, Relationship::Team(role))?));
    }
    let rows = feedback::Entity::find()
        .filter(feedback::Column::CaseId.is_in(led.iter().map(|(id, _)| *id).collect::<Vec<_>>()))
        .order_by_desc(feedback::Column::CreatedAt)
        .order_by_desc(feedback::Column::Id)
        .all(db)
        .await?;
    let read: HashSet<CaseId> = rows.iter().map(|r| r.case_id).collect();
    let cases =
        case::Entity::find().filter(case::Column::Id.is_in(read.iter().copied().collect::<Vec<_>>())).all(db).await?;
    let listed = cases
        .iter()
        .filter_map(|found| {
            let (_, basis) = led.iter().find(|(id, _)| *id == found.id)?;
            Some(audit::Entry::on_case(user, found, "feedback", Action::List, *basis))
        })
        .collect();
    reads.record(listed).await?;
    let mut scored = Vec::with_capacity(rows.len());
    for row in &rows {
        scored.push((stored_occasion(row)?, stored_score(row)?));
    }
    let of = |occasion: Occasion| FeedbackSummary::of(scored.iter().filter(|(o, _)| *o == occasion).map(|(_, s)| *s));
    let comments = rows
        .iter()
        .zip(&scored)
        .filter(|(row, _)| !row.text.is_empty())
        .take(COMMENTS_SHOWN)
        .map(|(row, (occasion, score))| FeedbackComment {
            occasion: *occasion,
            score: *score,
            text: row.text.clone(),
            at: row.created_at,
        })
        .collect();
    Ok(FeedbackOverview {
        cases: u32::try_from(read.len()).unwrap_or(u32::MAX),
        after_meetings: of(Occasion::Meeting),
        at_closure: of(Occasion::Closure),
        comments,
    })
}
