//! The `consent_events` table. Append-only: a consent given, narrowed or withdrawn, with its terms
//! from then on (`domain::consent::Terms` as JSON).

use crate::domain::ids::UserId;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consent_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub consent_id: i32,
    /// `given`, `narrowed` or `withdrawn` (`domain::consent::ConsentChange`).
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub terms: String,
    pub actor_user_id: UserId,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
