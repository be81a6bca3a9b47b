//! `GET /live`: the websocket over which a signed-in staff member's live views hear that cases or
//! concerns changed. What goes out is a `LiveNotice` (which kind of thing changed, never whose);
//! the view then reloads through the ordinary server functions, which decide what its reader may
//! see. Only the site's own pages may open it (its Origin must be the site's), and the session is
//! checked again while the socket stays open, without counting that as activity.

use app::domain::{Access, AccessDenied};
use app::error::AppError;
use app::model::LiveNotice;
use app::server::events::DomainEvent;
use app::server::{session, AppState};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use crate::origin::same_origin;
use http::header::ORIGIN;
use http::request::Parts;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::broadcast::Receiver;

/// How often an open socket checks that its session still lives.
const SESSION_CHECK: Duration = Duration::from_secs(60);

/// Close code sent when the session behind a socket has ended (4000–4999 are the application's).
pub const CLOSE_SIGNED_OUT: u16 = 4401;

fn refuse(error: AppError) -> Response {
    (error.status(), axum::Json(error)).into_response()
}

pub async fn live(State(state): State<AppState>, parts: Parts, upgrade: WebSocketUpgrade) -> Response {
    if !same_origin(&parts.headers) {
        tracing::warn!(origin = ?parts.headers.get(ORIGIN), "live connection from another origin refused");
        return refuse(AccessDenied::CrossOrigin.into());
    }
    let Some(token) = session::cookie_token(&parts) else { return refuse(AppError::Unauthenticated) };
    let user = match session::user_for_token(&state.db, &token, &state.config).await {
        Ok(Some(user)) => user,
        Ok(None) => return refuse(AppError::Unauthenticated),
        Err(error) => return refuse(error),
    };
    if let Err(denied) = Access::follow_live(user.role) {
        return refuse(denied.into());
    }
    let events = state.events.subscribe();
    upgrade.on_upgrade(move |socket| follow(socket, events, state, token))
}

/// Sends each notice until the browser goes away, the session ends or the server stops. A
/// receiver that fell behind tells the view to reload everything instead of losing changes.
async fn follow(mut socket: WebSocket, mut events: Receiver<DomainEvent>, state: AppState, token: String) {
    let mut check = tokio::time::interval(SESSION_CHECK);
    check.tick().await;
    loop {
        let notice = tokio::select! {
            event = events.recv() => match event {
                Ok(event) => match event.notice() {
                    Some(notice) => notice,
                    None => continue,
                },
                Err(RecvError::Lagged(_)) => LiveNotice::Resync,
                Err(RecvError::Closed) => break,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => continue,
            },
            _ = check.tick() => {
                if matches!(session::is_live(&state.db, &token).await, Ok(true)) {
                    continue;
                }
                let frame = CloseFrame { code: CLOSE_SIGNED_OUT, reason: "signed out".into() };
                let _ = socket.send(Message::Close(Some(frame))).await;
                break;
            }
            () = state.stopping.wait() => {
                let _ = socket.send(Message::Close(Some(CloseFrame { code: 1012, reason: "restarting".into() }))).await;
                break;
            }
        };
        let text = serde_json::to_string(&notice).unwrap_or_default();
        if socket.send(Message::Text(text.into())).await.is_err() {
            break;
        }
    }
}
