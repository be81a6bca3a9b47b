//! What the `/live` socket tells an open view: only which kind of thing changed.

use serde::{Deserialize, Serialize};

/// What a live view is told over `/live` when something changes: only which kind of thing
/// changed, never whose, so that the view reloads what its reader may see through the ordinary
/// server functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LiveNotice {
    /// A case opened or moved, or its team or plan changed.
    Cases,
    /// A concern was raised or decided.
    Concerns,
    /// A record entry was written, or a client's consent changed: who may read which entries.
    Records,
    /// The connection dropped and is back: anything may have changed meanwhile.
    Resync,
    /// The reader has new notifications. Sent to those people alone: the header's unread count
    /// follows it on every staff page.
    Notified,
}
