//! An audit reviewer's search of the access log (DOMAIN.md: every view and change of client data
//! is logged; the issue: an audit reviewer role can search the log). The reviewer narrows by the
//! client, by who accessed, by a period and by the kind of basis; every term is optional, and no
//! term at all lists the newest entries. Parsed here, so a bad term gets its own message before
//! any query runs.

use super::access::Basis;
use super::calendar::from_finnish_time;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// The longest name or username fragment a search takes.
pub const MAX_TERM: usize = 100;
/// How many entries one page of results holds.
pub const PAGE: u64 = 100;
/// The longest period one search spans, in days (a reviewer narrows by a year at most at a time).
pub const MAX_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum AuditSearchError {
    #[error("a name to search for is at most {max} characters")]
    TermTooLong { max: usize },
    #[error("'{value}' is not a date (use the form 2026-11-24)")]
    DateInvalid { value: String },
    #[error("the date is not between 1900 and 2100")]
    DateOutOfRange,
    #[error("the period ends before it begins")]
    PeriodReversed,
    #[error("a period is at most {max} days")]
    PeriodTooLong { max: i64 },
    #[error("'{value}' is not a kind of basis")]
    UnknownBasis { value: String },
    #[error("'{value}' is not a place in the results")]
    CursorInvalid { value: String },
}

/// The kinds of basis an access can have, as a reviewer filters by them (a consent of any number,
/// a team seat of any kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasisKind {
    OwnClient,
    RelativeLink,
    Team,
    Identification,
    Screening,
    CoordinatorPair,
    Consent,
    Legal,
    AuditReview,
}

impl BasisKind {
    pub const ALL: [BasisKind; 9] = [
        BasisKind::Team,
        BasisKind::Consent,
        BasisKind::Legal,
        BasisKind::OwnClient,
        BasisKind::RelativeLink,
        BasisKind::Identification,
        BasisKind::Screening,
        BasisKind::CoordinatorPair,
        BasisKind::AuditReview,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BasisKind::OwnClient => "own_client",
            BasisKind::RelativeLink => "relative_link",
            BasisKind::Team => "team",
            BasisKind::Identification => "identification",
            BasisKind::Screening => "screening",
            BasisKind::CoordinatorPair => "coordinator_pair",
            BasisKind::Consent => "consent",
            BasisKind::Legal => "legal",
            BasisKind::AuditReview => "audit_review",
        }
    }

    pub fn of(basis: Basis) -> BasisKind {
        match basis {
            Basis::OwnClient => BasisKind::OwnClient,
            Basis::RelativeLink => BasisKind::RelativeLink,
            Basis::Team(_) => BasisKind::Team,
            Basis::Identification => BasisKind::Identification,
            Basis::Screening => BasisKind::Screening,
            Basis::CoordinatorPair => BasisKind::CoordinatorPair,
            Basis::Consent(_) => BasisKind::Consent,
            Basis::Legal(_) => BasisKind::Legal,
            Basis::AuditReview => BasisKind::AuditReview,
        }
    }

    /// How the stored basis text of this kind looks: the whole text, or its start before a `:`.
    pub fn stored(self) -> StoredBasis {
        match self {
            BasisKind::Team => StoredBasis::Prefix("team:"),
            BasisKind::Consent => StoredBasis::Prefix("consent:"),
            BasisKind::Legal => StoredBasis::Prefix("legal:"),
            kind => StoredBasis::Exact(kind.as_str()),
        }
    }

    pub fn parse(raw: &str) -> Option<BasisKind> {
        BasisKind::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

/// How to match `audit_log.basis` for a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredBasis {
    Exact(&'static str),
    Prefix(&'static str),
}

/// A search, parsed. Dates are Finnish calendar days, `until` included.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditSearch {
    /// Part of the client's name, as typed (matched without regard to case).
    pub client: Option<String>,
    /// Part of the accessor's name or username.
    pub actor: Option<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub basis: Option<BasisKind>,
    /// Only entries older than this one (the next page).
    pub before: Option<i32>,
}

/// The search as typed into the form; empty fields mean "any", and are left out when the search
/// is written as a query string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditSearchForm {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub client: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub actor: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub from: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub until: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub basis: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub before: String,
}

fn term(raw: &str) -> Result<Option<String>, AuditSearchError> {
    let raw = raw.trim();
    if raw.chars().count() > MAX_TERM {
        return Err(AuditSearchError::TermTooLong { max: MAX_TERM });
    }
    Ok((!raw.is_empty()).then(|| raw.to_string()))
}

fn day(raw: &str) -> Result<Option<NaiveDate>, AuditSearchError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    super::calendar::parse_day(raw).map(Some).map_err(|e| match e {
        super::calendar::DateError::Invalid => AuditSearchError::DateInvalid { value: super::shortened(raw) },
        super::calendar::DateError::TooEarly | super::calendar::DateError::TooLate => AuditSearchError::DateOutOfRange,
    })
}

/// Which part of their own access log a client reads: all of it or one kind of basis, a page at a
/// time from the newest (`before`: the oldest entry of the page they read last).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnLogQuery {
    pub basis: Option<BasisKind>,
    pub before: Option<i32>,
}

impl OwnLogQuery {
    /// How many entries one page of the client's own log shows.
    pub const PAGE: u64 = 50;

    pub fn parse(basis: &str, before: &str) -> Result<OwnLogQuery, AuditSearchError> {
        Ok(OwnLogQuery { basis: basis_kind(basis)?, before: cursor(before)? })
    }
}

fn basis_kind(raw: &str) -> Result<Option<BasisKind>, AuditSearchError> {
    match raw.trim() {
        "" => Ok(None),
        raw => BasisKind::parse(raw)
            .map(Some)
            .ok_or_else(|| AuditSearchError::UnknownBasis { value: super::shortened(raw) }),
    }
}

/// A name as the search matches it: folded to lower case letter by letter (Å as å), as it is
/// stored in each client's and account's `search_name` when written.
pub fn search_key(name: &str) -> String {
    name.to_lowercase()
}

/// The `LIKE` pattern (escape character `\`) that finds `term` anywhere in a search key: folded
/// the same way, with `%`, `_` and `\` meaning only themselves.
pub fn contains_pattern(term: &str) -> String {
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for c in search_key(term).chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

fn cursor(raw: &str) -> Result<Option<i32>, AuditSearchError> {
    match raw.trim() {
        "" => Ok(None),
        raw => match raw.parse::<i32>() {
            Ok(id) if id > 0 => Ok(Some(id)),
            _ => Err(AuditSearchError::CursorInvalid { value: super::shortened(raw) }),
        },
    }
}

impl AuditSearch {
    pub fn parse(form: &AuditSearchForm) -> Result<AuditSearch, AuditSearchError> {
        let from = day(&form.from)?;
        let until = day(&form.until)?;
        if let (Some(from), Some(until)) = (from, until) {
            if until < from {
                return Err(AuditSearchError::PeriodReversed);
            }
            if (until - from).num_days() >= MAX_DAYS {
                return Err(AuditSearchError::PeriodTooLong { max: MAX_DAYS });
            }
        }
        let (basis, before) = (basis_kind(&form.basis)?, cursor(&form.before)?);
        Ok(AuditSearch { client: term(&form.client)?, actor: term(&form.actor)?, from, until, basis, before })
    }

    /// The period as instants: from the start of `from` in Finland, up to (not including) the
    /// start of the day after `until`.
    pub fn period(&self) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        let start = |day: NaiveDate| from_finnish_time(day.and_time(NaiveTime::MIN));
        (self.from.and_then(start), self.until.and_then(|d| d.succ_opt()).and_then(start))
    }

    /// The form that asks for this search again, from entry `before` on (the next page's link).
    pub fn form(&self, before: Option<i32>) -> AuditSearchForm {
        AuditSearchForm {
            client: self.client.clone().unwrap_or_default(),
            actor: self.actor.clone().unwrap_or_default(),
            from: self.from.map(|d| d.to_string()).unwrap_or_default(),
            until: self.until.map(|d| d.to_string()).unwrap_or_default(),
            basis: self.basis.map(|b| b.as_str().to_string()).unwrap_or_default(),
            before: before.map(|id| id.to_string()).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consent::LegalBasis;
    use crate::domain::TeamRole;

    fn form(client: &str, from: &str, until: &str, basis: &str) -> AuditSearchForm {
        AuditSearchForm {
            client: client.into(),
            from: from.into(),
            until: until.into(),
            basis: basis.into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_empty_search_lists_everything() {
        assert_eq!(AuditSearch::parse(&AuditSearchForm::default()), Ok(AuditSearch::default()));
        assert_eq!(AuditSearch::parse(&form("   ", " ", "", " ")), Ok(AuditSearch::default()));
    }

    #[test]
    fn terms_are_trimmed_and_dates_and_basis_parsed() {
        let search = AuditSearch::parse(&form(" Eino ", "2026-11-01", "2026-11-24", "consent")).unwrap();
        assert_eq!(search.client.as_deref(), Some("Eino"));
        assert_eq!(search.from, NaiveDate::from_ymd_opt(2026, 11, 1));
        assert_eq!(search.until, NaiveDate::from_ymd_opt(2026, 11, 24));
        assert_eq!(search.basis, Some(BasisKind::Consent));
        assert_eq!(AuditSearch::parse(&search.form(None)), Ok(search.clone()));
        assert_eq!(AuditSearch::parse(&search.form(Some(42))).unwrap().before, Some(42));
    }

    #[test]
    fn a_period_runs_from_midnight_to_midnight_in_finland() {
        let search = AuditSearch::parse(&form("", "2026-11-01", "2026-11-24", "")).unwrap();
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        assert_eq!(search.period(), (Some(at("2026-10-31T22:00:00Z")), Some(at("2026-11-24T22:00:00Z"))));
        let summer = AuditSearch::parse(&form("", "", "2026-07-01", "")).unwrap();
        assert_eq!(summer.period(), (None, Some(at("2026-07-01T21:00:00Z"))));
    }

    #[test]
    fn each_bad_term_has_its_own_error() {
        assert_eq!(
            AuditSearch::parse(&form("", "24.11.2026", "", "")),
            Err(AuditSearchError::DateInvalid { value: "24.11.2026".into() })
        );
        assert_eq!(
            AuditSearch::parse(&form("", "2026-11-24", "2026-11-01", "")),
            Err(AuditSearchError::PeriodReversed)
        );
        assert_eq!(
            AuditSearch::parse(&form("", "2025-11-01", "2026-11-24", "")),
            Err(AuditSearchError::PeriodTooLong { max: MAX_DAYS })
        );
        assert!(AuditSearch::parse(&form("", "2025-11-24", "2026-11-23", "")).is_ok());
        assert_eq!(
            AuditSearch::parse(&form("", "", "", "whim")),
            Err(AuditSearchError::UnknownBasis { value: "whim".into() })
        );
        assert_eq!(
            AuditSearch::parse(&form(&"x".repeat(MAX_TERM + 1), "", "", "")),
            Err(AuditSearchError::TermTooLong { max: MAX_TERM })
        );
        for cursor in ["0", "-3", "next"] {
            let bad = AuditSearchForm { before: cursor.into(), ..Default::default() };
            assert_eq!(AuditSearch::parse(&bad), Err(AuditSearchError::CursorInvalid { value: cursor.into() }));
        }
    }

    #[test]
    fn every_basis_has_a_kind_that_matches_how_it_is_stored() {
        let bases = [
            Basis::OwnClient,
            Basis::RelativeLink,
            Basis::Team(TeamRole::OwnWorker),
            Basis::Identification,
            Basis::Screening,
            Basis::CoordinatorPair,
            Basis::Consent(7),
            Basis::Legal(LegalBasis::UrgentCare),
            Basis::AuditReview,
        ];
        for basis in bases {
            let kind = BasisKind::of(basis);
            let stored = basis.to_string();
            let matches = match kind.stored() {
                StoredBasis::Exact(text) => stored == text,
                StoredBasis::Prefix(start) => stored.starts_with(start),
            };
            assert!(matches, "{basis:?} stored as {stored} is of kind {kind:?}");
            assert_eq!(BasisKind::parse(kind.as_str()), Some(kind));
            for other in BasisKind::ALL.into_iter().filter(|&k| k != kind) {
                let also = match other.stored() {
                    StoredBasis::Exact(text) => stored == text,
                    StoredBasis::Prefix(start) => stored.starts_with(start),
                };
                assert!(!also, "{stored} would match {other:?} too");
            }
        }
    }

    #[test]
    fn a_name_is_found_by_any_part_of_it_whatever_its_case() {
        assert_eq!(search_key("ÅSA Äijälä-Öhman"), "åsa äijälä-öhman");
        assert_eq!(contains_pattern("ÄIJ"), "%äij%");
        assert_eq!(contains_pattern("100%_a\\b"), "%100\\%\\_a\\\\b%", "wildcards in a term match only themselves");
    }
}
