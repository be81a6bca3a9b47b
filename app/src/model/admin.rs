//! The staff directory the administrator keeps.

use crate::domain::{Role, Sector};
use serde::{Deserialize, Serialize};

/// A row of the administrator's staff directory (no client content).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffRow {
    pub username: String,
    pub name: String,
    pub role: Role,
    pub profession: String,
    pub sector: Sector,
    pub organisation: String,
}
