//! Records, consents, the client's own access log and relatives' links.

use crate::domain::ids::CaseId;
use crate::domain::{Role, Sector};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One record entry as its reader may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordEntryView {
    pub id: i32,
    /// The register it was written into (`Other` for a professional outside both).
    pub sector: Sector,
    pub author: String,
    pub text: String,
    pub at: DateTime<Utc>,
    /// Why it is hidden from the client; shown to the team only.
    pub hidden_reason: Option<String>,
}

/// The record entries of one case, as the reader may see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordsPage {
    pub case_id: CaseId,
    pub client_name: String,
    pub entries: Vec<RecordEntryView>,
    /// The registers the reader may not read now (no consent, no legal basis): their entries are
    /// left out, and the page says so.
    pub closed_registers: Vec<crate::domain::consent::Register>,
    /// The register a new entry of the reader goes into; `None` when they may not write.
    pub writes_into: Option<Sector>,
    /// For the client: how many entries a professional has hidden from them, with a reason.
    pub withheld: usize,
    /// The reader is the client.
    pub own: bool,
    /// For a professional on the team: the client's consents, newest first, and whom a consent
    /// the professional records may name. Empty for the client, who has their own page.
    pub consents: Vec<ConsentView>,
    pub consent_choices: Vec<PartyChoice>,
    pub today: NaiveDate,
}

/// A party a consent may name, with its name for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyChoice {
    pub party: crate::domain::consent::Party,
    /// The organisation's name; empty for a seat (its label comes from the seat).
    pub name: String,
}

/// One consent of the client, for their privacy page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsentView {
    pub id: i32,
    pub parties: Vec<PartyChoice>,
    pub registers: Vec<crate::domain::consent::Register>,
    pub purpose: String,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub given_by: crate::domain::consent::GivenBy,
    pub method: crate::domain::consent::Method,
    /// The legal representative who gave it, if one did.
    pub proxy_name: Option<String>,
    /// The professional who recorded it, when the client did not give it on their own page.
    pub recorded_by: Option<String>,
    pub given_at: DateTime<Utc>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// The professional who recorded the withdrawal, when the client did not withdraw it themself.
    pub withdrawn_by: Option<String>,
    pub in_force: bool,
}

/// One read or change of the client's information, in the client's access log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessLogEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub role: Role,
    pub organisation: Option<String>,
    /// What was accessed (`audit_log.resource`: case, plan, record_entry…).
    pub resource: String,
    /// view / list / create / update
    pub action: String,
    /// On what basis; `None` when the stored basis is not one Polku knows.
    pub basis: Option<crate::domain::Basis>,
}

/// One page of the client's own access log, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessLogPage {
    pub entries: Vec<AccessLogEntry>,
    /// The kind of basis the page is filtered by, if any.
    pub basis: Option<crate::domain::audit_search::BasisKind>,
    /// Where the next (older) page starts, when there is one.
    pub next: Option<i32>,
}

/// The client's own page about their information: consents and who has accessed what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrivacyPage {
    pub client_name: String,
    pub consents: Vec<ConsentView>,
    /// Whom a new consent may name: the organisations of the client's team and the team's seats.
    pub choices: Vec<PartyChoice>,
    /// The cases whose record entries the client may read.
    pub cases: Vec<CaseId>,
    pub log: AccessLogPage,
    /// The client's close ones and what each may do.
    pub relatives: Vec<RelativeView>,
    /// Today in Finland: a new consent starts today.
    pub today: NaiveDate,
}

/// A close one of the client, with the scope the client gave them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelativeView {
    pub link_id: i32,
    pub name: String,
    /// How they are related, in words ("tytär").
    pub relationship: String,
    pub can_view: bool,
    pub can_write: bool,
    /// The last day, Finnish time; `None` until further notice.
    pub until: Option<NaiveDate>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Their scope has ended by its day.
    pub lapsed: bool,
}
