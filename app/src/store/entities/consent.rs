//! The `consents` table. Append-only: whose consent it is, who gave it and how. What it gives and
//! whether it still stands are in its `consent_events`.

use crate::domain::ids::{ClientId, UserId};
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub client_id: ClientId,
    /// `client` or `legal_proxy` (`domain::consent::GivenBy`).
    pub given_by: String,
    /// `pathway`, `oral` or `written` (`domain::consent::Method`).
    pub method: String,
    /// The legal representative's name, when one gave the consent.
    pub proxy_name: Option<String>,
    pub recorded_by_user_id: UserId,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
