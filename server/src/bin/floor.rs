//! The floors for the benchmarks (`make bench`, `make bench-scale`): the least an axum server can
//! do. `GET /ws` subscribes to a websocket broadcast; `POST /publish` sends every subscriber the
//! time it was called, in microseconds since the epoch (Polku's board feed is measured against
//! this). `GET /files/…` serves the files of the folder given as the second argument, as any
//! static file server would (a page's bytes, to measure Polku's page against).
//! Usage: `floor [address] [folder]`.

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::broadcast;

fn now_micros() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_micros()).unwrap_or(0)
}

async fn subscribe(State(tx): State<broadcast::Sender<String>>, upgrade: WebSocketUpgrade) -> Response {
    let rx = tx.subscribe();
    upgrade.on_upgrade(move |socket| follow(socket, rx))
}

async fn follow(mut socket: WebSocket, mut rx: broadcast::Receiver<String>) {
    loop {
        tokio::select! {
            message = rx.recv() => match message {
                Ok(text) => if socket.send(Message::Text(text.into())).await.is_err() { break },
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => break,
            },
            incoming = socket.recv() => if !matches!(incoming, Some(Ok(_))) { break },
        }
    }
}

async fn publish(State(tx): State<broadcast::Sender<String>>) -> &'static str {
    let _ = tx.send(format!("{{\"at_us\":{}}}", now_micros()));
    "sent"
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:3310".to_string());
    let (tx, _) = broadcast::channel(1024);
    let folder = std::env::args().nth(2).unwrap_or_else(|| ".".to_string());
    let app = Router::new()
        .route("/ws", get(subscribe))
        .route("/publish", post(publish))
        .with_state(tx)
        .nest_service("/files", tower_http::services::ServeDir::new(folder));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}
