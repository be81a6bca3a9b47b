//! "My pathway" for clients and their relatives.

use crate::error::AppError;
use crate::model::pathway::Pathway;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::pathway, service::state::app_state, service::state::require_user};

/// The pathways the signed-in client or relative may see.
#[server(prefix = "/api", endpoint = "my_pathway")]
pub async fn my_pathway() -> Result<Vec<Pathway>, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        pathway::pathways(&state.db, &state.reads, &user).await
    })
    .await
}
