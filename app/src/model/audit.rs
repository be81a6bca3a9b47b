//! The audit reviewer's search over the access log.

use crate::domain::ids::CaseId;
use crate::domain::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One entry of the access log as an audit reviewer sees it: everything the log holds, with names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i32,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub actor_username: String,
    pub role: Role,
    pub organisation: Option<String>,
    /// The client the access was about, by name; `None` for an access about no one client.
    pub client: Option<String>,
    pub case_id: Option<CaseId>,
    pub resource: String,
    pub action: String,
    pub basis: Option<crate::domain::Basis>,
    /// The basis as stored, for one Polku no longer knows.
    pub stored_basis: String,
}

/// One page of an audit reviewer's search, newest first, and the form for the next page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditResults {
    pub rows: Vec<AuditRow>,
    pub next: Option<crate::domain::audit_search::AuditSearchForm>,
}
