//! Live case boards: reading a board, moving and editing cards, comments with @mentions, and the
//! reader's notifications. Live changes arrive over the `/live/board/{board}` websocket.

use crate::domain::ids::UserId;
use crate::error::AppError;
use crate::model::board::{BoardCard, BoardPage, CardCommentView, NotificationQuery, Notifications};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::board, service::state::app_state, service::state::require_user};

/// A board (`pair-3`, `team-12` or `mine`) as the reader may see it.
#[server(prefix = "/api", endpoint = "board")]
pub async fn get_board(board: String) -> Result<BoardPage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        board::load(&state.db, &state.reads, &user, &board).await
    })
    .await
}

/// The boards the reader may open besides their own: their coordinator pair's.
#[server(prefix = "/api", endpoint = "my_boards")]
pub async fn my_boards() -> Result<Vec<(i32, String)>, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        board::my_pairs(&app_state()?.db, &user).await
    })
    .await
}

/// Moves a card (`case-7`, `action-7-2`) to a column (`step:review`, `status:done`); `version`
/// is the card's version as the reader saw it. Returns the card as it is now.
#[server(prefix = "/api", endpoint = "move_card")]
pub async fn move_card(card: String, column: String, version: String) -> Result<BoardCard, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        board::move_card(&state.db, &state.events, &user, &card, &column, &version).await
    })
    .await
}

/// Edits an action card: what is done, who owns it, by when.
#[server(prefix = "/api", endpoint = "edit_card")]
pub async fn edit_card(
    card: String,
    version: String,
    what: String,
    #[server(default)] owner: Option<UserId>,
    due: String,
) -> Result<BoardCard, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let edit = board::RawActionEdit { card: &card, seen: &version, what: &what, owner, due: &due };
        board::edit_action(&state.db, &state.events, &user, edit).await
    })
    .await
}

/// One card as it is now: what a refused stale change shows before it is reapplied.
#[server(prefix = "/api", endpoint = "card")]
pub async fn get_card(card: String) -> Result<BoardCard, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        board::card(&state.db, &state.reads, &user, &card).await
    })
    .await
}

/// The comments on a card, oldest first.
#[server(prefix = "/api", endpoint = "card_comments")]
pub async fn card_comments(card: String) -> Result<Vec<CardCommentView>, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        board::comments(&state.db, &state.reads, &user, &card).await
    })
    .await
}

/// Comments on a card; `@username` mentions notify the people named (on the client's team).
#[server(prefix = "/api", endpoint = "comment_card")]
pub async fn comment_card(card: String, body: String) -> Result<CardCommentView, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        board::comment(&state.db, &state.events, &user, &card, &body).await
    })
    .await
}

/// One page of the reader's notifications, newest first, with how many are unread.
#[server(prefix = "/api", endpoint = "notifications")]
pub async fn get_notifications(#[server(flatten)] query: NotificationQuery) -> Result<Notifications, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        board::notifications(&state.db, &state.reads, &user, &query).await
    })
    .await
}

/// How many of the reader's notifications are unread (0 for people without boards).
#[server(prefix = "/api", endpoint = "unread_notifications")]
pub async fn unread_notifications() -> Result<u32, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        board::unread(&app_state()?.db, &user).await
    })
    .await
}

/// Marks one notification (`id`) or all of the reader's read. Returns how many changed.
#[server(prefix = "/api", endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read(#[server(default)] id: Option<i32>) -> Result<u64, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        board::mark_read(&app_state()?.db, &user, id).await
    })
    .await
}
