//! What a signed-in person is asked to give feedback on (meetings attended, a closure).

use crate::domain::feedback::{Feedback, Occasion, Score};
use crate::domain::ids::CaseId;
use crate::domain::Stage;
use crate::error::AppError;
use crate::model::feedback::FeedbackPrompt;
use crate::store::entities::{case, case_closure, feedback, meeting};
use crate::store::meetings::invited;
use crate::store::session::CurrentUser;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// What `user` may give feedback on in `found` (already authorised to give it): the closure if
/// the case is closed, then the `ended` meetings (newest first) they were invited to, each with
/// the feedback they gave.
pub async fn prompts(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    found: &case::Model,
    ended: Vec<meeting::Model>,
) -> Result<Vec<FeedbackPrompt>, AppError> {
    let given = feedback::Entity::find()
        .filter(feedback::Column::CaseId.eq(found.id))
        .filter(feedback::Column::AuthorUserId.eq(user.id))
        .all(db)
        .await?;
    let given_on = |occasion: Occasion, target: i32| -> Result<Option<Feedback>, AppError> {
        given
            .iter()
            .find(|row| match occasion {
                Occasion::Meeting => row.meeting_id == Some(target),
                Occasion::Closure => row.closure_id == Some(target),
            })
            .map(|row| Ok(Feedback { score: stored_score(row)?, text: row.text.clone() }))
            .transpose()
    };
    let mut out = Vec::new();
    for row in ended {
        if invited(&row)?.contains(&user.id) {
            out.push(FeedbackPrompt {
                occasion: Occasion::Meeting,
                target_id: row.id,
                given: given_on(Occasion::Meeting, row.id)?,
                title: row.title,
                at: row.starts_at,
            });
        }
    }
    if found.stage == Stage::Closed {
        if let Some(closure) = latest_closure(db, found.id).await? {
            out.insert(
                0,
                FeedbackPrompt {
                    occasion: Occasion::Closure,
                    target_id: closure.id,
                    given: given_on(Occasion::Closure, closure.id)?,
                    title: String::new(),
                    at: closure.closed_at,
                },
            );
        }
    }
    Ok(out)
}

pub fn stored_score(row: &feedback::Model) -> Result<Score, AppError> {
    Score::from_stored(row.score).ok_or_else(|| {
        tracing::error!(feedback_id = row.id, score = row.score, "stored feedback score is invalid");
        AppError::Internal
    })
}

pub fn stored_occasion(row: &feedback::Model) -> Result<Occasion, AppError> {
    Occasion::parse(&row.occasion).map_err(|_| {
        tracing::error!(feedback_id = row.id, occasion = row.occasion, "stored feedback occasion is invalid");
        AppError::Internal
    })
}

/// The latest closure of a case, if it was ever closed.
pub async fn latest_closure(
    db: &impl ConnectionTrait,
    case_id: CaseId,
) -> Result<Option<case_closure::Model>, AppError> {
    Ok(case_closure::Entity::find()
        .filter(case_closure::Column::CaseId.eq(case_id))
        .order_by_desc(case_closure::Column::ClosedAt)
        .order_by_desc(case_closure::Column::Id)
        .one(db)
        .await?)
}
