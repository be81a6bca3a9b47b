//! The `screenings` table. A coordinator's screening of a concern and the decision taken.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::Sector;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "screenings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub concern_id: i32,
    pub coordinator_user_id: UserId,
    pub coping: String,
    pub risk: String,
    pub services_in_use: i32,
    pub recent_contacts: i32,
    pub life_areas_with_needs: i32,
    /// What the domain proposed.
    pub proposed_target_group: bool,
    /// What the coordinator decided.
    pub accepted: bool,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    /// The case opened on acceptance.
    pub case_id: Option<CaseId>,
    pub sector: Sector,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
