//! Live events across server instances. Several instances serving one PostgreSQL database pass
//! each other's domain events with `NOTIFY` on one channel and `LISTEN` to it: what a server
//! function publishes on one instance reaches the live views of all of them. With SQLite there is
//! one instance and nothing to relay.
//!
//! An event goes out after its change has committed, tagged with the sending instance, which
//! ignores its own when they come back. A `NOTIFY` payload is at most 8000 bytes; a board change
//! naming more events than fit is sent in parts. The listener reconnects by itself after losing
//! its connection; the boards then catch up from the board events table (nothing is lost, only
//! late). The listening connection is the instance's one connection outside its pool.

use app::events::{DomainEvent, Events};
use sea_orm::sqlx::postgres::{PgListener, PgPoolOptions};
use sea_orm::{DatabaseConnection, DbBackend, DbErr};
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

/// The largest payload sent in one `NOTIFY` (PostgreSQL's limit is 8000 bytes).
const MAX_PAYLOAD: usize = 7900;

#[derive(Serialize, Deserialize)]
struct Envelope {
    from: u64,
    event: DomainEvent,
}

/// The payloads that carry `event` from instance `from`, split where a board change is too big.
fn payloads(from: u64, event: DomainEvent) -> Vec<String> {
    let whole = serde_json::to_string(&Envelope { from, event: event.clone() }).unwrap_or_default();
    if whole.len() <= MAX_PAYLOAD {
        return vec![whole];
    }
    match event {
        DomainEvent::BoardChanged { case_id, events, notified, .. } if events.len() > 1 => {
            let (first, second) = events.split_at(events.len() / 2);
            let mut out = payloads(
                from,
                DomainEvent::BoardChanged { case_id, events: first.to_vec(), notified, written: Vec::new() },
            );
            out.extend(payloads(
                from,
                DomainEvent::BoardChanged {
                    case_id,
                    events: second.to_vec(),
                    notified: Vec::new(),
                    written: Vec::new(),
                },
            ));
            out
        }
        other => {
            tracing::error!(?other, "an event too large to relay was delivered on this instance only");
            Vec::new()
        }
    }
}

/// Starts relaying `events` through `channel` when `db` is PostgreSQL.
pub async fn start(db: &DatabaseConnection, events: &Events, channel: &str) -> Result<(), DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    let pool = db.get_postgres_connection_pool().clone();
    // The listener holds its connection for as long as the server runs: one of its own, beside the
    // pool, so a pool of one connection still has it for the requests.
    let listening = PgPoolOptions::new()
        .max_connections(1)
        .connect_with((*pool.connect_options()).clone())
        .await
        .map_err(|e| DbErr::Custom(format!("LISTEN connection: {e}")))?;
    let mut listener =
        PgListener::connect_with(&listening).await.map_err(|e| DbErr::Custom(format!("LISTEN connection: {e}")))?;
    listener.listen(channel).await.map_err(|e| DbErr::Custom(format!("LISTEN {channel}: {e}")))?;
    let me = events.instance();

    let (out, mut outgoing) = mpsc::unbounded_channel::<DomainEvent>();
    events.relay_to(out);
    let channel_out = channel.to_string();
    tokio::spawn(async move {
        while let Some(event) = outgoing.recv().await {
            for payload in payloads(me, event) {
                let sent = sea_orm::sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(&channel_out)
                    .bind(&payload)
                    .execute(&pool)
                    .await;
                if let Err(error) = sent {
                    tracing::error!(%error, "an event could not be relayed to the other instances");
                }
            }
        }
    });

    let here = events.clone();
    tokio::spawn(async move {
        loop {
            match listener.recv().await {
                Ok(notification) => match serde_json::from_str::<Envelope>(notification.payload()) {
                    Ok(envelope) if envelope.from != me => here.deliver_here(envelope.event),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "a relayed event could not be read"),
                },
                Err(error) => {
                    tracing::warn!(%error, "the event relay lost its connection; reconnecting");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::{CaseId, UserId};

    #[test]
    fn a_board_change_too_big_for_one_notify_is_sent_in_parts_that_name_every_event_once() {
        let events: Vec<i32> = (1_000_000..1_002_000).collect();
        let parts = payloads(
            7,
            DomainEvent::BoardChanged {
                case_id: CaseId(3),
                events: events.clone(),
                notified: vec![UserId(9)],
                written: Vec::new(),
            },
        );
        assert!(parts.len() > 1);
        let mut seen = Vec::new();
        let mut notified = Vec::new();
        for part in &parts {
            assert!(part.len() <= MAX_PAYLOAD);
            let Envelope { from, event: DomainEvent::BoardChanged { events, notified: n, .. } } =
                serde_json::from_str(part).unwrap()
            else {
                panic!("a board change")
            };
            assert_eq!(from, 7);
            seen.extend(events);
            notified.extend(n);
        }
        assert_eq!(seen, events);
        assert_eq!(notified, vec![UserId(9)], "the notified are told once");
        assert_eq!(payloads(7, DomainEvent::Notified { user_ids: vec![UserId(1)] }).len(), 1);
    }
}
