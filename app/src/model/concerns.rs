//! Raising a concern and screening it.

use crate::domain::ids::{CaseId, ClientId};
use crate::domain::Role;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// How many concerns one page of the screening list shows: each carries its screening form.
pub const CONCERNS_PER_PAGE: u32 = 20;

/// The screening list's form field as it arrives: `page` (from 1; empty for the first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConcernListQuery {
    #[serde(default)]
    pub page: String,
}

/// One page of the open concerns, urgent first, then oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConcernPage {
    pub concerns: Vec<ConcernView>,
    pub page: u32,
    pub per_page: u32,
    /// How many concerns are open, on every page.
    pub total: u64,
}

impl ConcernPage {
    /// How many pages the list has (at least one, perhaps empty).
    pub fn pages(&self) -> u32 {
        crate::domain::paging::page_count(self.total, self.per_page)
    }
}

/// A concern waiting for screening, as a coordinator sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConcernView {
    pub id: i32,
    pub client_name: String,
    pub date_of_birth: NaiveDate,
    pub raised_by: String,
    pub raised_as: Role,
    pub text: String,
    pub life_areas: Vec<crate::domain::LifeArea>,
    pub urgent: bool,
    pub agrees_to_proceed: bool,
    pub agrees_to_involve: bool,
    pub created_at: DateTime<Utc>,
    /// The person already has a case that is not closed: accepting would open a second one, which
    /// Polku refuses.
    pub has_open_case: bool,
}

/// What the concern form offers the signed-in person: a relative chooses among the clients who
/// let them write; a client raises a concern about themself; staff describe the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RaiseContext {
    pub role: Role,
    pub clients: Vec<ClientChoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientChoice {
    pub id: ClientId,
    pub name: String,
}

/// The outcome of a screening decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decided {
    pub accepted: bool,
    pub case_id: Option<CaseId>,
    /// The coordinator pair the new case went to (social first), when it is known.
    pub coordinators: Vec<String>,
}
