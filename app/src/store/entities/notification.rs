//! The `notifications` table: a person was assigned, mentioned, owns something overdue, or (the
//! coordinator pair) someone opened a register of their client by law. Only
//! `read_at` ever changes.

use crate::domain::board::NotificationKind;
use crate::domain::ids::{CaseId, UserId};
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: UserId,
    /// `assigned`, `mentioned`, `overdue` or `legal_basis` (`domain::board::NotificationKind`).
    pub kind: NotificationKind,
    pub case_id: CaseId,
    pub card: String,
    pub actor_user_id: Option<UserId>,
    pub comment_id: Option<i32>,
    /// For `overdue`: the due date that passed (one notice per action and due date).
    pub due_on: Option<Date>,
    pub created_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
    /// For `legal_basis`: the legal basis someone recorded to open a register of the client.
    pub legal_access_id: Option<i32>,
}

impl ActiveModelBehavior for ActiveModel {}
