//! The `case_members` table. The client's team ("Minun tiimini").

use crate::domain::ids::{CaseId, UserId};
use crate::domain::role::{Sector, TeamRole};
use crate::domain::team::SeatStatus;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: CaseId,
    pub user_id: UserId,
    /// social_coordinator / health_coordinator / own_worker / member / relative
    pub team_role: TeamRole,
    /// When the seat was created (proposed, or added directly by the system).
    pub joined_at: DateTimeUtc,
    pub sector: Sector,
    /// proposed / accepted / declined: the client's answer to the pair's proposal.
    pub status: SeatStatus,
    pub proposed_by_user_id: Option<UserId>,
    pub answered_at: Option<DateTimeUtc>,
    /// Set when the person leaves the team; the seat stays for the history.
    pub left_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
