//! The `legal_accesses` table. Append-only: a legal basis a professional recorded to read the
//! other register of a client on their team, with the reason, until `valid_until`.

use crate::domain::ids::{CaseId, UserId};
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legal_accesses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    pub user_id: UserId,
    /// social / health (`domain::consent::Register`)
    pub register: String,
    /// `domain::consent::LegalBasis`
    pub basis: String,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub created_at: DateTimeUtc,
    pub valid_until: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
