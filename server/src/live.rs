//! `GET /live`: the websocket over which a signed-in staff member's live views hear that cases or
//! concerns changed. What goes out is a `LiveNotice` (which kind of thing changed, never whose);
//! the view then reloads through the ordinary server functions, which decide what its reader may
//! see. Only the site's own pages may open it (its Origin must be the site's), and the session is
//! checked again while the socket stays open, without counting that as activity.

use crate::origin::same_origin;
use app::domain::board::{Board, Seen};
use app::domain::ids::{CaseId, UserId};
use app::domain::{Access, AccessDenied};
use app::error::AppError;
use app::events::DomainEvent;
use app::model::{board::BoardFeed, live::LiveNotice};
use app::service::feed::FeedItem;
use app::service::AppState;
use app::store::session::{self, CurrentUser};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::header::ORIGIN;
use http::request::Parts;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::broadcast::Receiver;

/// How often an open socket checks that its session still lives.
const SESSION_CHECK: Duration = Duration::from_secs(60);

/// Close code sent when the session behind a socket has ended (4000–4999 are the application's).
pub const CLOSE_SIGNED_OUT: u16 = 4401;

/// A live socket only ever sends short notices and events and receives nothing but pings and a
/// close, so small buffers serve it: with a thousand boards open, the library's 128 KiB read
/// buffer per socket would be most of the server's memory. Messages are written out at once.
fn sized(upgrade: WebSocketUpgrade) -> WebSocketUpgrade {
    upgrade.read_buffer_size(4 * 1024).write_buffer_size(0).max_message_size(64 * 1024)
}

fn refuse(error: AppError) -> Response {
    (error.status(), axum::Json(error)).into_response()
}

/// Who opens a live socket: a page of the site's own with a live session, or the refusal.
async fn signed_in(state: &AppState, parts: &Parts) -> Result<(CurrentUser, String), Response> {
    if !same_origin(&parts.headers, crate::origin::scheme(&state.config)) {
        tracing::warn!(origin = ?parts.headers.get(ORIGIN), path = %parts.uri.path(), "live connection from another origin refused");
        return Err(refuse(AccessDenied::CrossOrigin.into()));
    }
    let Some(token) = session::cookie_token(parts) else { return Err(refuse(AppError::Unauthenticated)) };
    match session::user_for_token(&state.db, &token, &state.config).await {
        Ok(Some(user)) => Ok((user, token)),
        Ok(None) => Err(refuse(AppError::Unauthenticated)),
        Err(error) => Err(refuse(error)),
    }
}

/// Resolves with the frame to close a socket with once its session has ended (checked every
/// `SESSION_CHECK`, without counting as activity) or the server is stopping.
async fn must_close(state: &AppState, token: &str) -> CloseFrame {
    let mut check = tokio::time::interval(SESSION_CHECK);
    check.tick().await;
    loop {
        tokio::select! {
            _ = check.tick() => {
                if !matches!(session::is_live(&state.db, token).await, Ok(true)) {
                    return CloseFrame { code: CLOSE_SIGNED_OUT, reason: "signed out".into() };
                }
            }
            () = state.stopping.wait() => return CloseFrame { code: 1012, reason: "restarting".into() },
        }
    }
}

pub async fn live(State(state): State<AppState>, parts: Parts, upgrade: WebSocketUpgrade) -> Response {
    let (user, token) = match signed_in(&state, &parts).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    if let Err(denied) = Access::follow_live(user.role) {
        return refuse(denied.into());
    }
    let events = state.events.subscribe();
    sized(upgrade).on_upgrade(move |socket| follow(socket, events, state, token, user.id))
}

/// Sends each notice until the browser goes away, the session ends or the server stops. A
/// receiver that fell behind tells the view to reload everything instead of losing changes.
/// `reader` alone hears of the notifications given to them.
async fn follow(
    mut socket: WebSocket,
    mut events: Receiver<DomainEvent>,
    state: AppState,
    token: String,
    reader: UserId,
) {
    let closing = must_close(&state, &token);
    tokio::pin!(closing);
    loop {
        let notice = tokio::select! {
            event = events.recv() => match event {
                Ok(event) => match event.notice_for(reader) {
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
            frame = &mut closing => {
                let _ = socket.send(Message::Close(Some(frame))).await;
                break;
            }
        };
        let text = serde_json::to_string(&notice).unwrap_or_default();
        if socket.send(Message::Text(text.into())).await.is_err() {
            break;
        }
    }
}

/// How many missed events a board is sent one by one when it reconnects; beyond that it reads
/// itself again.
const CATCH_UP_LIMIT: u64 = 500;

/// Close code sent when the reader may no longer see the board (left the team, the pair changed).
pub const CLOSE_NO_LONGER_ALLOWED: u16 = 4403;

#[derive(serde::Deserialize)]
pub struct Resume {
    /// The newest board event the board has applied.
    #[serde(default)]
    after: i32,
}

/// `GET /live/board/{board}?after=N`: one open board's feed. It first sends what happened after
/// event `after` (catching up after a reconnect), then every change of a card the board shows
/// as it happens, and who else is viewing the board. The same checks as `/live` hold: the
/// site's own pages only, a live session, and the board's own access rule, checked again when
/// the board's cases change hands. Each card, caught up on or live, is sent only if its reader
/// may read its case at that moment, and each is logged (`board::deliver`).
pub async fn board(
    State(state): State<AppState>,
    axum::extract::Path(raw_board): axum::extract::Path<String>,
    axum::extract::Query(resume): axum::extract::Query<Resume>,
    parts: Parts,
    upgrade: WebSocketUpgrade,
) -> Response {
    let (user, token) = match signed_in(&state, &parts).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    let board: Board = match raw_board.parse() {
        Ok(board) => board,
        Err(error) => return refuse(AppError::Board(error)),
    };
    let cases = match app::service::board::followed_cases(&state.db, &user, board).await {
        Ok(cases) => cases,
        Err(error) => return refuse(error),
    };
    // Subscribed before catching up, so that nothing falls between the two.
    let feed = state.boards.subscribe();
    let follow = BoardFollow { token, user, board, cases, after: resume.after };
    sized(upgrade).on_upgrade(move |socket| follow_board(socket, feed, state, follow))
}

async fn send(socket: &mut WebSocket, item: &BoardFeed) -> bool {
    let text = serde_json::to_string(item).unwrap_or_default();
    socket.send(Message::Text(text.into())).await.is_ok()
}

/// Who follows which board from where: what a board socket needs once the upgrade is done.
struct BoardFollow {
    token: String,
    user: CurrentUser,
    board: Board,
    cases: Vec<CaseId>,
    /// The last event the board applied before it connected.
    after: i32,
}

async fn follow_board(mut socket: WebSocket, mut feed: Receiver<FeedItem>, state: AppState, follow: BoardFollow) {
    let BoardFollow { token, user, board, mut cases, after } = follow;
    // Followed before catching up: an event committed after the catch-up's read is decided for
    // this reader when it is delivered.
    let _following = state.boards.follow(user.clone(), board);
    let mut seen = Seen::loaded_at(i64::from(after));
    let missed =
        app::store::board_events::catch_up(&state.db, &state.reads, &user, board, &cases, after, CATCH_UP_LIMIT).await;
    let caught_up = match missed {
        Ok(None) => send(&mut socket, &BoardFeed::Resync).await,
        Ok(Some(missed)) => {
            let mut ok = true;
            let mut last = after;
            for event in missed {
                last = last.max(event.id);
                seen.accept(i64::from(event.id));
                ok = ok && send(&mut socket, &BoardFeed::Event { event }).await;
            }
            ok && send(&mut socket, &BoardFeed::CaughtUp { last_event: last }).await
        }
        Err(_) => send(&mut socket, &BoardFeed::Resync).await,
    };
    if !caught_up {
        return;
    }
    state.boards.join(board, user.id, &user.display_name);
    let closing = must_close(&state, &token);
    tokio::pin!(closing);
    loop {
        let item = tokio::select! {
            item = feed.recv() => match item {
                Ok(FeedItem::Event(prepared)) => {
                    let event = &prepared.event;
                    let for_me = prepared.readers.contains(&user.id) && app::store::board_events::shows(board, user.id, event);
                    if !for_me || !seen.accept(i64::from(event.id)) {
                        continue;
                    }
                    if socket.send(Message::Text(prepared.text.clone())).await.is_err() {
                        break;
                    }
                    continue;
                }
                Ok(FeedItem::Presence { board: changed, viewers }) if changed == board => BoardFeed::Presence { viewers },
                Ok(FeedItem::Presence { .. }) => continue,
                Ok(FeedItem::AccessChanged { case_id }) => {
                    if !matches!(board, Board::Pair { .. }) && !cases.contains(&case_id) {
                        continue;
                    }
                    match app::service::board::followed_cases(&state.db, &user, board).await {
                        // A case its reader may no longer read: the board reads itself again
                        // (through the page's rule), so that its cards leave the screen at once.
                        Ok(now) if cases.iter().any(|id| !now.contains(id)) => {
                            cases = now;
                            BoardFeed::Resync
                        }
                        Ok(now) => {
                            cases = now;
                            continue;
                        }
                        Err(_) => {
                            let frame = CloseFrame { code: CLOSE_NO_LONGER_ALLOWED, reason: "no longer allowed".into() };
                            let _ = socket.send(Message::Close(Some(frame))).await;
                            break;
                        }
                    }
                }
                Ok(FeedItem::Resync) | Err(RecvError::Lagged(_)) => BoardFeed::Resync,
                Err(RecvError::Closed) => break,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => continue,
            },
            frame = &mut closing => {
                let _ = socket.send(Message::Close(Some(frame))).await;
                break;
            }
        };
        if !send(&mut socket, &item).await {
            break;
        }
    }
    state.boards.leave(board, user.id);
}
