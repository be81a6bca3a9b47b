//! The `cases` table. One client's episode of multidisciplinary support.

use crate::domain::ids::{CaseId, ClientId};
use crate::domain::role::Sector;
use crate::domain::stage::Stage;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: CaseId,
    pub client_id: ClientId,
    pub stage: Stage,
    pub sector: Sector,
    pub opened_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    /// When the concern that led to the case was raised; starts the assessment's legal clock.
    pub first_contact_at: Option<DateTimeUtc>,
    /// Bumped on every change, for optimistic concurrency.
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
