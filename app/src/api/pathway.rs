//! "My pathway" for clients and their relatives.

use crate::error::AppError;
use crate::model::Pathway;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{cases, respond, session::require_user, state::app_state};

/// The pathways the signed-in client or relative may see.
#[server(prefix = "/api", endpoint = "my_pathway")]
pub async fn my_pathway() -> Result<Vec<Pathway>, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        cases::pathways(&app_state()?.db, &user).await
    })
    .await
}
