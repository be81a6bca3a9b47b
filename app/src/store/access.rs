//! Who may read or write a case: the reader's relationship to its client, found from seats and
//! relative links, then decided by the caller's rule from `domain::Access`.

use crate::domain::ids::CaseId;
use crate::domain::{Relationship, Role};
use crate::error::AppError;
use crate::store::cases::{current_seats, find_case, live_relative_link};
use crate::store::entities::{case, case_member, client};
use crate::store::session::CurrentUser;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Finds a case and decides `user`'s access to it with `rule` (one of `domain::Access`): the
/// case, the reader's relationship to its client, and what the rule answered (the basis).
pub async fn authorise<T>(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    case_id: CaseId,
    rule: impl FnOnce(Role, Relationship) -> Result<T, crate::domain::AccessDenied>,
) -> Result<(case::Model, Relationship, T), AppError> {
    let found = find_case(db, case_id).await?;
    let rel = relationship(db, user, &found).await?;
    let answer = rule(user.role, rel)?;
    Ok((found, rel, answer))
}

/// How `user` is related to the client of `case`.
pub async fn relationship(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    case: &case::Model,
) -> Result<Relationship, AppError> {
    let rel = match user.role {
        Role::Client => {
            let own =
                client::Entity::find_by_id(case.client_id).filter(client::Column::UserId.eq(user.id)).one(db).await?;
            if own.is_some() {
                Relationship::OwnClient
            } else {
                Relationship::Unrelated
            }
        }
        Role::Relative => match live_relative_link(db, user.id, case.client_id).await? {
            Some(link) => Relationship::Relative { can_view: link.can_view, can_write: link.can_write },
            None => Relationship::Unrelated,
        },
        Role::Professional | Role::Coordinator => {
            let member = current_seats()
                .filter(case_member::Column::CaseId.eq(case.id))
                .filter(case_member::Column::UserId.eq(user.id))
                .one(db)
                .await?;
            match member {
                Some(m) => Relationship::Team(m.team_role),
                None => Relationship::Unrelated,
            }
        }
        Role::Administrator | Role::Auditor => Relationship::Unrelated,
    };
    Ok(rel)
}
