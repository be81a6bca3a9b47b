//! The audit rows of reads, committed in groups. A page or server function that shows client data
//! hands its rows to the `ReadLog` and waits until they are durable before it answers: no read is
//! shown unlogged. One committer task takes every row queued while its previous commit was running
//! and writes them in one transaction, so a hundred readers at once cost one commit (one fsync on
//! SQLite) instead of a hundred, and no reader holds a connection to write. Changes keep writing
//! their audit rows in their own transaction, all or nothing with the change.

use crate::error::AppError;
use crate::store::audit::{self, Entry};
use crate::store::entities::audit_entry;
use sea_orm::{DatabaseConnection, DbErr};
use tokio::sync::{mpsc, oneshot};

/// The most rows one group commit writes; what queued beyond waits for the next.
const GROUP_ROWS: usize = 5_000;

/// How many readers may wait for the committer before the next one waits to be queued.
const QUEUE: usize = 1_024;

/// One reader's rows and where to tell it they are stored.
struct Pending {
    rows: Vec<audit_entry::ActiveModel>,
    stored: oneshot::Sender<Result<(), String>>,
}

/// A handle to the committer task; cloning it is cheap and every clone feeds the same task.
#[derive(Clone)]
pub struct ReadLog {
    queue: mpsc::Sender<Pending>,
}

impl std::fmt::Debug for ReadLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadLog").finish_non_exhaustive()
    }
}

impl ReadLog {
    /// Starts the committer on `db`. It ends when the last handle is dropped, after committing
    /// what was queued.
    pub fn start(db: DatabaseConnection) -> ReadLog {
        let (queue, waiting) = mpsc::channel(QUEUE);
        tokio::spawn(commit_groups(db, waiting));
        ReadLog { queue }
    }

    /// Logs the reads `entries` and returns once their rows are committed; an error means they are
    /// not stored and the data must not be shown. Nothing is written for no entries.
    pub async fn record(&self, entries: Vec<Entry<'_>>) -> Result<(), AppError> {
        if entries.is_empty() {
            return Ok(());
        }
        let (stored, answer) = oneshot::channel();
        let pending = Pending { rows: audit::rows(entries), stored };
        if self.queue.send(pending).await.is_err() {
            tracing::error!("the audit committer has stopped; a read was refused");
            return Err(AppError::Internal);
        }
        match answer.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(error)) => {
                tracing::error!(%error, "a read's audit rows could not be stored; the read was refused");
                Err(AppError::Internal)
            }
            Err(_) => {
                tracing::error!("the audit committer stopped before storing a read's rows");
                Err(AppError::Internal)
            }
        }
    }

    /// `record` for one entry.
    pub async fn record_one(&self, entry: Entry<'_>) -> Result<(), AppError> {
        self.record(vec![entry]).await
    }
}

/// The committer: waits for a reader, takes every reader queued since, commits their rows in one
/// transaction and answers each. Should a group fail, each reader's rows are tried on their own,
/// so that one bad row refuses only its own read.
async fn commit_groups(db: DatabaseConnection, mut waiting: mpsc::Receiver<Pending>) {
    while let Some(first) = waiting.recv().await {
        let mut rows = first.rows.len();
        let mut group = vec![first];
        while rows < GROUP_ROWS {
            match waiting.try_recv() {
                Ok(next) => {
                    rows += next.rows.len();
                    group.push(next);
                }
                Err(_) => break,
            }
        }
        let all: Vec<audit_entry::ActiveModel> =
            group.iter().flat_map(|pending| pending.rows.iter().cloned()).collect();
        match store(&db, all).await {
            Ok(()) => {
                for pending in group {
                    let _ = pending.stored.send(Ok(()));
                }
            }
            Err(error) if group.len() == 1 => {
                let _ = group.pop().map(|pending| pending.stored.send(Err(error.to_string())));
            }
            Err(_) => {
                for pending in group {
                    let result = store(&db, pending.rows).await.map_err(|error| error.to_string());
                    let _ = pending.stored.send(result);
                }
            }
        }
    }
}

/// Commits `rows` in one transaction.
async fn store(db: &DatabaseConnection, rows: Vec<audit_entry::ActiveModel>) -> Result<(), DbErr> {
    let txn = crate::store::write_txn::begin(db).await?;
    audit::insert_rows(&txn, rows).await?;
    txn.commit().await
}
