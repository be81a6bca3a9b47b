//! Raising a concern (identification) and deciding on it: the input parsed once at the edge, and
//! the rules a decision must meet.

use super::calendar::{parse_day, DateError};
use super::life_area::LifeArea;
use super::named::named_values;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_TEXT: usize = 4000;
pub const MAX_NAME: usize = 200;
pub const MAX_REASON: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ConcernError {
    #[error("describe the concern in your own words")]
    TextEmpty,
    #[error("the description is longer than {max} characters")]
    TextTooLong { max: usize },
    #[error("the person's name is missing")]
    NameEmpty,
    #[error("the name is longer than {max} characters")]
    NameTooLong { max: usize },
    #[error("the date of birth is not a date (YYYY-MM-DD)")]
    BirthDateInvalid,
    #[error("the date of birth is in the future")]
    BirthDateInFuture,
    #[error("the date is not between 1900 and 2100")]
    DateOutOfRange,
    #[error("the municipality is missing")]
    MunicipalityEmpty,
    #[error("'{area}' is not a life area")]
    UnknownLifeArea { area: String },
    #[error("give the reason for the decision")]
    ReasonEmpty,
    #[error("the reason is longer than {max} characters")]
    ReasonTooLong { max: usize },
    #[error("'{value}' is not a valid choice")]
    InvalidChoice { value: String },
    #[error("a count must be a whole number from 0 to 999")]
    CountOutOfRange,
    #[error("the client has not agreed to proceed, so the case cannot be opened")]
    NoAgreementToProceed,
    #[error("this concern has already been decided")]
    AlreadyDecided,
    #[error("the person already has an open case: one case at a time")]
    ClientHasOpenCase,
}

/// Where a concern stands: open until a coordinator screens it, then accepted (a case is opened)
/// or declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
#[serde(rename_all = "snake_case")]
pub enum ConcernStatus {
    Open,
    Accepted,
    Declined,
}

named_values!(ConcernStatus, "concern status" { Open => "open", Accepted => "accepted", Declined => "declined" });

impl ConcernStatus {
    /// The status a decision leaves the concern in.
    pub fn decided(accept: bool) -> Self {
        if accept {
            ConcernStatus::Accepted
        } else {
            ConcernStatus::Declined
        }
    }
}

fn bounded(raw: &str, max: usize, empty: ConcernError, too_long: ConcernError) -> Result<String, ConcernError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(empty);
    }
    if text.chars().count() > max {
        return Err(too_long);
    }
    Ok(text.to_string())
}

/// The concern in the words of the person who raised it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConcernText(String);

impl ConcernText {
    pub fn parse(raw: &str) -> Result<Self, ConcernError> {
        bounded(raw, MAX_TEXT, ConcernError::TextEmpty, ConcernError::TextTooLong { max: MAX_TEXT }).map(Self)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who the concern is about, when a professional raises it about someone new to Polku.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDetails {
    pub name: String,
    pub date_of_birth: NaiveDate,
    pub municipality: String,
}

impl PersonDetails {
    pub fn parse(name: &str, date_of_birth: &str, municipality: &str, today: NaiveDate) -> Result<Self, ConcernError> {
        let name = bounded(name, MAX_NAME, ConcernError::NameEmpty, ConcernError::NameTooLong { max: MAX_NAME })?;
        let date_of_birth = parse_day(date_of_birth).map_err(|e| match e {
            DateError::Invalid => ConcernError::BirthDateInvalid,
            DateError::TooEarly => ConcernError::DateOutOfRange,
            DateError::TooLate => ConcernError::BirthDateInFuture,
        })?;
        if date_of_birth > today {
            return Err(ConcernError::BirthDateInFuture);
        }
        let municipality = bounded(
            municipality,
            MAX_NAME,
            ConcernError::MunicipalityEmpty,
            ConcernError::NameTooLong { max: MAX_NAME },
        )?;
        Ok(Self { name, date_of_birth, municipality })
    }
}

/// The life areas a concern touches, without repeats, in the order of the law.
pub fn parse_life_areas(raw: &[String]) -> Result<Vec<LifeArea>, ConcernError> {
    let mut areas = raw
        .iter()
        .map(|a| a.parse::<LifeArea>().map_err(|_| ConcernError::UnknownLifeArea { area: super::shortened(a) }))
        .collect::<Result<Vec<_>, _>>()?;
    areas.sort();
    areas.dedup();
    Ok(areas)
}

/// The reason a coordinator gives for accepting or declining.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionReason(String);

impl DecisionReason {
    pub fn parse(raw: &str) -> Result<Self, ConcernError> {
        bounded(raw, MAX_REASON, ConcernError::ReasonEmpty, ConcernError::ReasonTooLong { max: MAX_REASON }).map(Self)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A count typed into the screening form (services in use, recent contacts…).
pub fn parse_count(raw: &str) -> Result<u32, ConcernError> {
    raw.trim().parse::<u32>().ok().filter(|n| *n <= 999).ok_or(ConcernError::CountOutOfRange)
}

/// A choice from a fixed list, by its name.
pub fn parse_choice<T: serde::de::DeserializeOwned>(raw: &str) -> Result<T, ConcernError> {
    serde_json::from_value(serde_json::Value::String(raw.trim().to_string()))
        .map_err(|_| ConcernError::InvalidChoice { value: super::shortened(raw) })
}

/// Accepting a concern opens a case, which needs the client's agreement to proceed.
pub fn check_acceptance(agrees_to_proceed: bool) -> Result<(), ConcernError> {
    if agrees_to_proceed {
        Ok(())
    } else {
        Err(ConcernError::NoAgreementToProceed)
    }
}

/// The coordinator pair with the fewest open cases; ties go to the pair listed first.
pub fn least_loaded_pair(loads: &[(i32, usize)]) -> Option<i32> {
    loads.iter().min_by_key(|(id, load)| (*load, *id)).map(|(id, _)| *id)
}

/// The person a professional raises a concern about, as the form sends it (each field may be
/// missing: a client or a relative does not send them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawPerson {
    pub name: String,
    pub date_of_birth: String,
    pub municipality: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::screening::{Coping, Risk};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn the_concern_is_kept_in_the_persons_own_words() {
        assert_eq!(ConcernText::parse("  Äiti ei jaksa enää.  ").unwrap().as_str(), "Äiti ei jaksa enää.");
        assert_eq!(ConcernText::parse(" \n "), Err(ConcernError::TextEmpty));
        assert_eq!(ConcernText::parse(&"a".repeat(MAX_TEXT + 1)), Err(ConcernError::TextTooLong { max: MAX_TEXT }));
    }

    #[test]
    fn person_details_are_checked_one_by_one() {
        let ok = PersonDetails::parse("Tuula Saarinen", "1944-05-02", "Järvelä", today()).unwrap();
        assert_eq!(ok.date_of_birth, NaiveDate::from_ymd_opt(1944, 5, 2).unwrap());
        assert_eq!(PersonDetails::parse("", "1944-05-02", "Järvelä", today()), Err(ConcernError::NameEmpty));
        assert_eq!(PersonDetails::parse("T", "2.5.1944", "Järvelä", today()), Err(ConcernError::BirthDateInvalid));
        assert_eq!(PersonDetails::parse("T", "2027-01-01", "Järvelä", today()), Err(ConcernError::BirthDateInFuture));
        assert_eq!(PersonDetails::parse("T", "1944-05-02", " ", today()), Err(ConcernError::MunicipalityEmpty));
    }

    #[test]
    fn life_areas_are_known_unique_and_ordered() {
        let raw = ["housing".to_string(), "daily_living".to_string(), "housing".to_string()];
        assert_eq!(parse_life_areas(&raw), Ok(vec![LifeArea::DailyLiving, LifeArea::Housing]));
        assert_eq!(
            parse_life_areas(&["weather".to_string()]),
            Err(ConcernError::UnknownLifeArea { area: "weather".into() })
        );
        assert_eq!(parse_life_areas(&[]), Ok(vec![]));
    }

    #[test]
    fn a_decision_needs_a_reason_and_acceptance_needs_agreement() {
        assert_eq!(DecisionReason::parse(""), Err(ConcernError::ReasonEmpty));
        assert!(DecisionReason::parse("Monta palvelua, tilanne kriisiytymässä").is_ok());
        assert_eq!(check_acceptance(false), Err(ConcernError::NoAgreementToProceed));
        assert_eq!(check_acceptance(true), Ok(()));
    }

    #[test]
    fn counts_and_choices_are_parsed_strictly() {
        assert_eq!(parse_count(" 4 "), Ok(4));
        assert_eq!(parse_count("-1"), Err(ConcernError::CountOutOfRange));
        assert_eq!(parse_count("1000"), Err(ConcernError::CountOutOfRange));
        assert_eq!(parse_count("neljä"), Err(ConcernError::CountOutOfRange));
        assert_eq!(parse_choice::<Coping>("reduced"), Ok(Coping::Reduced));
        assert_eq!(parse_choice::<Risk>("high"), Ok(Risk::High));
        assert_eq!(parse_choice::<Risk>("medium"), Err(ConcernError::InvalidChoice { value: "medium".into() }));
    }

    #[test]
    fn the_least_loaded_pair_is_proposed() {
        assert_eq!(least_loaded_pair(&[(1, 7), (2, 5)]), Some(2));
        assert_eq!(least_loaded_pair(&[(1, 5), (2, 5)]), Some(1));
        assert_eq!(least_loaded_pair(&[]), None);
    }
}
