//! Consent between the social-care and health-care registers. The two are separate registers
//! (DOMAIN.md): a professional reads their own register's records of a client on the team, the
//! shared plan and meetings always, and the other register's records only under the client's
//! recorded consent or a legal basis from a fixed list.
//!
//! A consent is specific: which parties (organisations, or seats on the client's team), which
//! registers, for what purpose, from when until when, given by whom and how. It may be narrowed
//! (never widened: a wider consent is a new one) and withdrawn; a withdrawn or lapsed consent opens
//! nothing, from the moment it is withdrawn.

use super::access::{AccessDenied, Basis};
pub use super::register::{LegalBasis, Register};
use super::role::{Sector, TeamRole};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Whom a consent lets read: everyone of one organisation on the team, or whoever sits in one
/// seat of the team (say, the health coordinator).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Party {
    Organisation(i32),
    Seat(TeamRole),
}

impl Party {
    /// How a form names the party: `org:<id>` or `seat:<team role>`.
    pub fn key(self) -> String {
        match self {
            Party::Organisation(id) => format!("org:{id}"),
            Party::Seat(seat) => format!("seat:{}", seat.as_str()),
        }
    }

    pub fn parse(raw: &str) -> Result<Party, ConsentError> {
        match raw.split_once(':') {
            Some(("org", id)) => id.parse().map(Party::Organisation).map_err(|_| ConsentError::UnknownChoice),
            Some(("seat", seat)) => match seat.parse::<TeamRole>() {
                Ok(TeamRole::Relative) | Err(_) => Err(ConsentError::UnknownChoice),
                Ok(seat) => Ok(Party::Seat(seat)),
            },
            _ => Err(ConsentError::UnknownChoice),
        }
    }
}

/// Who gave the consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GivenBy {
    Client,
    /// A legal representative (guardian, holder of a continuing power of attorney).
    LegalProxy,
}

impl GivenBy {
    pub fn as_str(self) -> &'static str {
        match self {
            GivenBy::Client => "client",
            GivenBy::LegalProxy => "legal_proxy",
        }
    }

    pub fn parse(raw: &str) -> Option<GivenBy> {
        [GivenBy::Client, GivenBy::LegalProxy].into_iter().find(|g| g.as_str() == raw)
    }
}

/// How it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// By the client on their own pathway page.
    Pathway,
    /// Told to a professional, who recorded it.
    Oral,
    /// On a signed form.
    Written,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Pathway => "pathway",
            Method::Oral => "oral",
            Method::Written => "written",
        }
    }

    pub fn parse(raw: &str) -> Option<Method> {
        [Method::Pathway, Method::Oral, Method::Written].into_iter().find(|m| m.as_str() == raw)
    }
}

/// The longest name of a legal representative, in characters.
const PROXY_NAME_MAX: usize = 200;

/// Who gave a consent that a professional records, and how: the client or their legal
/// representative (named), told to the professional or signed on a form. A consent given on the
/// client's own page is never recorded this way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenThrough {
    pub given_by: GivenBy,
    /// The representative's name, exactly when a representative gave it.
    pub proxy_name: Option<String>,
    pub method: Method,
}

impl GivenThrough {
    pub fn parse(given_by: &str, proxy_name: &str, method: &str) -> Result<GivenThrough, ConsentError> {
        let given_by = GivenBy::parse(given_by).ok_or(ConsentError::UnknownChoice)?;
        let method = match Method::parse(method) {
            Some(method @ (Method::Oral | Method::Written)) => method,
            Some(Method::Pathway) | None => return Err(ConsentError::UnknownChoice),
        };
        let name = proxy_name.trim();
        let proxy_name = match given_by {
            GivenBy::Client if name.is_empty() => None,
            GivenBy::Client => return Err(ConsentError::ProxyNameWithoutProxy),
            GivenBy::LegalProxy if name.is_empty() => return Err(ConsentError::ProxyNameMissing),
            GivenBy::LegalProxy if name.chars().count() > PROXY_NAME_MAX => return Err(ConsentError::ProxyNameTooLong),
            GivenBy::LegalProxy => Some(name.to_string()),
        };
        Ok(GivenThrough { given_by, proxy_name, method })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum ConsentError {
    #[error("a consent names at least one party")]
    NoParties,
    #[error("a consent opens at least one register")]
    NoRegisters,
    #[error("say what the information is needed for")]
    PurposeEmpty,
    #[error("the purpose is longer than 500 characters")]
    PurposeTooLong,
    #[error("a consent cannot end before it begins")]
    EndsBeforeItBegins,
    #[error("a consent is valid for at most five years")]
    TooLong,
    #[error("narrowing keeps within what the consent already gave")]
    WiderThanBefore,
    #[error("this consent has been withdrawn")]
    Withdrawn,
    #[error("a choice on the form is not one offered")]
    UnknownChoice,
    #[error("the date is not a valid date")]
    DateInvalid,
    #[error("the date is not between 1900 and 2100")]
    DateOutOfRange,
    #[error("say why the law lets you read this register now")]
    ReasonEmpty,
    #[error("the reason is longer than 500 characters")]
    ReasonTooLong,
    #[error("say in a sentence of your own words why you need the information now")]
    ReasonTooThin,
    #[error("the law does not give this basis to your profession for this register")]
    BasisNotYours,
    #[error("your own register is open to you already")]
    OwnRegister,
    #[error("a close one who writes also sees what they write about")]
    WriteNeedsView,
    #[error("name the legal representative who gave the consent")]
    ProxyNameMissing,
    #[error("the representative's name is longer than 200 characters")]
    ProxyNameTooLong,
    #[error("a representative's name goes with a consent a representative gave")]
    ProxyNameWithoutProxy,
}

/// A day of a consent or a close one's scope, typed into a date field.
pub fn parse_consent_day(raw: &str) -> Result<NaiveDate, ConsentError> {
    super::calendar::parse_day(raw).map_err(|e| match e {
        super::calendar::DateError::Invalid => ConsentError::DateInvalid,
        super::calendar::DateError::TooEarly | super::calendar::DateError::TooLate => ConsentError::DateOutOfRange,
    })
}

/// What the client lets a close one do: see their pathway, write their own views and feedback,
/// until a day or until further notice. Writing needs seeing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelativeScope {
    pub can_view: bool,
    pub can_write: bool,
    pub until: Option<NaiveDate>,
}

impl RelativeScope {
    pub fn parse(
        can_view: bool,
        can_write: bool,
        until: &str,
        today: NaiveDate,
    ) -> Result<RelativeScope, ConsentError> {
        if can_write && !can_view {
            return Err(ConsentError::WriteNeedsView);
        }
        let until = match until.trim() {
            "" => None,
            raw => {
                let day = parse_consent_day(raw)?;
                if day < today {
                    return Err(ConsentError::EndsBeforeItBegins);
                }
                if day > today + chrono::Duration::days(5 * 366) {
                    return Err(ConsentError::TooLong);
                }
                Some(day)
            }
        };
        Ok(RelativeScope { can_view, can_write, until })
    }
}

/// A legal basis a professional records to read the other register without consent: which
/// register, on which ground of the fixed list, and why, in their words. It lasts a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalAccess {
    pub register: Register,
    pub basis: LegalBasis,
    pub reason: String,
}

impl LegalAccess {
    /// How long a recorded legal basis keeps the register open.
    pub const LASTS_HOURS: i64 = 24;
    /// The fewest characters a reason has: a sentence, not a letter.
    pub const MIN_REASON: usize = 15;

    pub fn parse(
        reader_sector: Sector,
        register: &str,
        basis: &str,
        reason: &str,
    ) -> Result<LegalAccess, ConsentError> {
        let register = Register::parse(register).ok_or(ConsentError::UnknownChoice)?;
        if Register::of(reader_sector) == Some(register) {
            return Err(ConsentError::OwnRegister);
        }
        let basis = LegalBasis::parse(basis).ok_or(ConsentError::UnknownChoice)?;
        if !basis.opens(reader_sector, register) {
            return Err(ConsentError::BasisNotYours);
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(ConsentError::ReasonEmpty);
        }
        if reason.chars().count() > 500 {
            return Err(ConsentError::ReasonTooLong);
        }
        if !has_substance(reason) {
            return Err(ConsentError::ReasonTooThin);
        }
        Ok(LegalAccess { register, basis, reason: reason.to_owned() })
    }
}

/// Whether a reason reads as words: at least `LegalAccess::MIN_REASON` characters, two words of
/// letters, and more than a handful of different letters (not "x" nor "aaaaaaaaaaaaaaa").
fn has_substance(reason: &str) -> bool {
    let words = reason.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    let letters: BTreeSet<char> = reason.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    reason.chars().count() >= LegalAccess::MIN_REASON && words >= 2 && letters.len() >= 5
}

/// What a consent gives, parsed: parties and registers not empty, a purpose, a period of at most
/// five years that does not end before it begins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    pub parties: BTreeSet<Party>,
    pub registers: BTreeSet<Register>,
    pub purpose: String,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
}

impl Terms {
    pub fn parse(
        parties: impl IntoIterator<Item = Party>,
        registers: impl IntoIterator<Item = Register>,
        purpose: &str,
        valid_from: NaiveDate,
        valid_until: NaiveDate,
    ) -> Result<Terms, ConsentError> {
        let parties: BTreeSet<Party> = parties.into_iter().collect();
        let registers: BTreeSet<Register> = registers.into_iter().collect();
        let purpose = purpose.trim();
        if parties.is_empty() {
            return Err(ConsentError::NoParties);
        }
        if registers.is_empty() {
            return Err(ConsentError::NoRegisters);
        }
        if purpose.is_empty() {
            return Err(ConsentError::PurposeEmpty);
        }
        if purpose.chars().count() > 500 {
            return Err(ConsentError::PurposeTooLong);
        }
        if valid_until < valid_from {
            return Err(ConsentError::EndsBeforeItBegins);
        }
        if valid_until > valid_from + chrono::Duration::days(5 * 366) {
            return Err(ConsentError::TooLong);
        }
        Ok(Terms { parties, registers, purpose: purpose.to_owned(), valid_from, valid_until })
    }

    /// Whether these terms give nothing that `wider` did not: fewer or the same parties and
    /// registers, the same purpose, a period inside the old one.
    pub fn within(&self, wider: &Terms) -> bool {
        self.parties.is_subset(&wider.parties)
            && self.registers.is_subset(&wider.registers)
            && self.purpose == wider.purpose
            && self.valid_from >= wider.valid_from
            && self.valid_until <= wider.valid_until
    }
}

/// A recorded consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub id: i32,
    pub terms: Terms,
    pub given_by: GivenBy,
    pub method: Method,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// What happened to a consent; each is stored with the terms from then on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentChange {
    Given,
    Narrowed,
    Withdrawn,
}

impl ConsentChange {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentChange::Given => "given",
            ConsentChange::Narrowed => "narrowed",
            ConsentChange::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(raw: &str) -> Option<ConsentChange> {
        [ConsentChange::Given, ConsentChange::Narrowed, ConsentChange::Withdrawn]
            .into_iter()
            .find(|c| c.as_str() == raw)
    }
}

/// The professional who would read another register, as far as consent is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub organisation_id: Option<i32>,
    pub sector: Sector,
    pub seat: TeamRole,
}

impl Consent {
    /// The consent as its history left it, oldest change first: the terms of the latest change,
    /// withdrawn from the moment of a withdrawal. `None` when the history does not begin with
    /// the consent being given.
    pub fn from_history(
        id: i32,
        given_by: GivenBy,
        method: Method,
        history: impl IntoIterator<Item = (ConsentChange, Terms, DateTime<Utc>)>,
    ) -> Option<Consent> {
        let mut history = history.into_iter();
        let (ConsentChange::Given, terms, _) = history.next()? else { return None };
        let mut consent = Consent { id, terms, given_by, method, withdrawn_at: None };
        for (change, terms, at) in history {
            consent.terms = terms;
            if change == ConsentChange::Withdrawn {
                consent.withdrawn_at = Some(at);
            }
        }
        Some(consent)
    }

    /// In force on today's Finnish day (its days are Finnish days) and not withdrawn by `now`.
    pub fn in_force(&self, now: DateTime<Utc>) -> bool {
        let today = super::calendar::finnish_date(now);
        self.withdrawn_at.is_none_or(|at| at > now) && self.terms.valid_from <= today && today <= self.terms.valid_until
    }

    /// Whether this consent, now, lets `reader` read `register`.
    pub fn lets(&self, reader: &Reader, register: Register, now: DateTime<Utc>) -> bool {
        self.in_force(now)
            && self.terms.registers.contains(&register)
            && self.terms.parties.iter().any(|party| match *party {
                Party::Organisation(id) => reader.organisation_id == Some(id),
                Party::Seat(seat) => reader.seat == seat,
            })
    }

    /// The consent with narrower terms; refused when the new terms give anything more, or the
    /// consent is already withdrawn.
    pub fn narrowed(&self, to: Terms) -> Result<Consent, ConsentError> {
        if self.withdrawn_at.is_some() {
            return Err(ConsentError::Withdrawn);
        }
        if !to.within(&self.terms) {
            return Err(ConsentError::WiderThanBefore);
        }
        Ok(Consent { terms: to, ..self.clone() })
    }

    pub fn withdrawn(&self, at: DateTime<Utc>) -> Result<Consent, ConsentError> {
        if self.withdrawn_at.is_some() {
            return Err(ConsentError::Withdrawn);
        }
        Ok(Consent { withdrawn_at: Some(at), ..self.clone() })
    }
}

/// May a professional on the client's team read a record of `sector`, and on what basis? Shared
/// records and their own register's on their seat; the other register's under a consent in force
/// that names them, or else a legal basis the reader recorded for that register; otherwise not.
pub fn read_record(
    reader: &Reader,
    sector: Sector,
    consents: &[Consent],
    legal: &[(Register, LegalBasis)],
    now: DateTime<Utc>,
) -> Result<Basis, AccessDenied> {
    let Some(register) = Register::of(sector) else { return Ok(Basis::Team(reader.seat)) };
    if Register::of(reader.sector) == Some(register) {
        return Ok(Basis::Team(reader.seat));
    }
    if let Some(consent) = consents.iter().find(|c| c.lets(reader, register, now)) {
        return Ok(Basis::Consent(consent.id));
    }
    legal.iter().find(|(r, _)| *r == register).map(|&(_, basis)| Basis::Legal(basis)).ok_or(AccessDenied::NoConsent)
}

/// Who gave a consent a professional records, as the form sends it: `client` or `legal_proxy`,
/// the representative's name (absent when the client gave it), and `oral` or `written`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawGivenThrough {
    pub given_by: String,
    #[serde(default)]
    pub proxy_name: String,
    pub method: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-11-24T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_consents_days_are_finnish_days() {
        let at = |raw: &str| raw.parse::<DateTime<Utc>>().unwrap();
        let mut consent = consent(&[Party::Seat(TeamRole::Member)], &[Register::Social]);
        consent.terms.valid_from = date("2026-12-02");
        consent.terms.valid_until = date("2026-12-31");
        // 22:30 UTC on 1 December is half past midnight on 2 December in Helsinki.
        assert!(!consent.in_force(at("2026-12-01T21:59:00Z")), "not before its first Finnish day");
        assert!(consent.in_force(at("2026-12-01T22:30:00Z")), "from the first minute of its first day");
        assert!(consent.in_force(at("2026-12-31T21:59:00Z")), "to the last minute of its last day");
        assert!(!consent.in_force(at("2026-12-31T22:30:00Z")), "not after it, though still 31 December in UTC");
    }

    #[test]
    fn a_recorded_consent_says_who_gave_it_and_how() {
        assert_eq!(
            GivenThrough::parse("client", "  ", "oral"),
            Ok(GivenThrough { given_by: GivenBy::Client, proxy_name: None, method: Method::Oral })
        );
        assert_eq!(
            GivenThrough::parse("legal_proxy", " Matti Mäntylä ", "written"),
            Ok(GivenThrough {
                given_by: GivenBy::LegalProxy,
                proxy_name: Some("Matti Mäntylä".into()),
                method: Method::Written
            })
        );
        assert_eq!(GivenThrough::parse("legal_proxy", "", "written"), Err(ConsentError::ProxyNameMissing));
        assert_eq!(GivenThrough::parse("legal_proxy", &"ä".repeat(201), "oral"), Err(ConsentError::ProxyNameTooLong));
        assert!(GivenThrough::parse("legal_proxy", &"ä".repeat(200), "oral").is_ok());
        assert_eq!(GivenThrough::parse("client", "Matti", "oral"), Err(ConsentError::ProxyNameWithoutProxy));
    }

    #[test]
    fn a_professional_records_only_what_was_told_or_signed() {
        assert_eq!(GivenThrough::parse("client", "", "pathway"), Err(ConsentError::UnknownChoice));
        assert_eq!(GivenThrough::parse("client", "", "email"), Err(ConsentError::UnknownChoice));
        assert_eq!(GivenThrough::parse("neighbour", "", "oral"), Err(ConsentError::UnknownChoice));
    }

    #[test]
    fn each_register_holds_its_own_sector() {
        for register in [Register::Social, Register::Health] {
            assert_eq!(Register::of(register.sector()), Some(register));
        }
    }

    fn terms(parties: &[Party], registers: &[Register]) -> Terms {
        Terms::parse(
            parties.iter().copied(),
            registers.iter().copied(),
            "Monialainen yhteistyö",
            date("2026-11-01"),
            date("2027-11-01"),
        )
        .unwrap()
    }

    fn consent(parties: &[Party], registers: &[Register]) -> Consent {
        Consent {
            id: 7,
            terms: terms(parties, registers),
            given_by: GivenBy::Client,
            method: Method::Pathway,
            withdrawn_at: None,
        }
    }

    const NURSE: Reader = Reader { organisation_id: Some(2), sector: Sector::Health, seat: TeamRole::Member };
    const SOCIAL_WORKER: Reader =
        Reader { organisation_id: Some(1), sector: Sector::Social, seat: TeamRole::OwnWorker };
    const NGO_WORKER: Reader = Reader { organisation_id: Some(3), sector: Sector::Other, seat: TeamRole::Member };

    #[test]
    fn shared_records_and_ones_own_register_need_no_consent() {
        assert_eq!(read_record(&NURSE, Sector::Shared, &[], &[], now()), Ok(Basis::Team(TeamRole::Member)));
        assert_eq!(read_record(&NURSE, Sector::Health, &[], &[], now()), Ok(Basis::Team(TeamRole::Member)));
        assert_eq!(read_record(&SOCIAL_WORKER, Sector::Social, &[], &[], now()), Ok(Basis::Team(TeamRole::OwnWorker)));
    }

    #[test]
    fn the_other_register_needs_a_consent_that_names_the_reader() {
        assert_eq!(read_record(&NURSE, Sector::Social, &[], &[], now()), Err(AccessDenied::NoConsent));
        assert_eq!(read_record(&NGO_WORKER, Sector::Health, &[], &[], now()), Err(AccessDenied::NoConsent));
        let to_health_org = consent(&[Party::Organisation(2)], &[Register::Social]);
        assert_eq!(
            read_record(&NURSE, Sector::Social, std::slice::from_ref(&to_health_org), &[], now()),
            Ok(Basis::Consent(7))
        );
        assert_eq!(
            read_record(&NGO_WORKER, Sector::Social, &[to_health_org], &[], now()),
            Err(AccessDenied::NoConsent)
        );
        let to_own_worker = consent(&[Party::Seat(TeamRole::OwnWorker)], &[Register::Health]);
        assert_eq!(
            read_record(&SOCIAL_WORKER, Sector::Health, std::slice::from_ref(&to_own_worker), &[], now()),
            Ok(Basis::Consent(7))
        );
        assert_eq!(
            read_record(&NURSE, Sector::Social, &[to_own_worker], &[], now()),
            Err(AccessDenied::NoConsent),
            "wrong register"
        );
    }

    #[test]
    fn a_withdrawn_or_lapsed_consent_opens_nothing() {
        let given = consent(&[Party::Organisation(2)], &[Register::Social]);
        let withdrawn = given.withdrawn(now() - chrono::Duration::seconds(1)).unwrap();
        assert_eq!(
            read_record(&NURSE, Sector::Social, std::slice::from_ref(&withdrawn), &[], now()),
            Err(AccessDenied::NoConsent)
        );
        assert_eq!(withdrawn.withdrawn(now()), Err(ConsentError::Withdrawn));
        let later = "2027-11-02T08:00:00Z".parse().unwrap();
        assert!(!given.in_force(later));
        let before = "2026-10-31T08:00:00Z".parse().unwrap();
        assert!(!given.in_force(before));
        assert!(given.in_force(now()));
    }

    #[test]
    fn a_legal_basis_opens_the_other_register_when_no_consent_does() {
        let urgent = [(Register::Social, LegalBasis::UrgentCare)];
        assert_eq!(read_record(&NURSE, Sector::Social, &[], &urgent, now()), Ok(Basis::Legal(LegalBasis::UrgentCare)));
        assert_eq!(
            read_record(&SOCIAL_WORKER, Sector::Health, &[], &urgent, now()),
            Err(AccessDenied::NoConsent),
            "only the register it names"
        );
        let given = consent(&[Party::Organisation(2)], &[Register::Social]);
        assert_eq!(read_record(&NURSE, Sector::Social, &[given], &urgent, now()), Ok(Basis::Consent(7)));
    }

    #[test]
    fn a_legal_basis_names_a_register_a_ground_of_the_list_and_a_reason() {
        let opened =
            LegalAccess::parse(Sector::Health, "social", "urgent_care", " Tajuton potilas, ei tavoitettavissa. ")
                .unwrap();
        assert_eq!((opened.register, opened.basis), (Register::Social, LegalBasis::UrgentCare));
        assert_eq!(opened.reason, "Tajuton potilas, ei tavoitettavissa.");
        assert_eq!(LegalAccess::parse(Sector::Health, "health", "urgent_care", "x"), Err(ConsentError::OwnRegister));
        assert_eq!(LegalAccess::parse(Sector::Health, "social", "curiosity", "x"), Err(ConsentError::UnknownChoice));
        let reason = "Lapsen hoitoon liittyvä selvitys on kesken.";
        assert_eq!(
            LegalAccess::parse(Sector::Health, "social", "child_welfare", reason),
            Err(ConsentError::BasisNotYours)
        );
        assert_eq!(LegalAccess::parse(Sector::Social, "health", "child_welfare", " "), Err(ConsentError::ReasonEmpty));
        assert_eq!(
            LegalAccess::parse(Sector::Social, "health", "social_welfare_duty", &"x".repeat(501)),
            Err(ConsentError::ReasonTooLong)
        );
    }

    #[test]
    fn a_legal_basis_is_for_the_sector_the_law_gives_it_to() {
        let reason = "Asiakas ei ole tavoitettavissa, tieto tarvitaan nyt.";
        assert!(LegalAccess::parse(Sector::Health, "social", "urgent_care", reason).is_ok());
        assert!(LegalAccess::parse(Sector::Social, "health", "child_welfare", reason).is_ok());
        assert!(LegalAccess::parse(Sector::Social, "health", "social_welfare_duty", reason).is_ok());
        assert_eq!(
            LegalAccess::parse(Sector::Social, "health", "urgent_care", reason),
            Err(ConsentError::BasisNotYours)
        );
        for register in ["social", "health"] {
            for basis in LegalBasis::ALL {
                assert_eq!(
                    LegalAccess::parse(Sector::Other, register, basis.as_str(), reason),
                    Err(ConsentError::BasisNotYours),
                    "a school or an NGO opens nothing by law: {register} {basis:?}"
                );
            }
        }
    }

    #[test]
    fn a_reason_for_opening_by_law_is_a_sentence() {
        for thin in ["x", "Kiire", "aaaaaaaaaaaaaaaaaaaa", "a a a a a a a a a a a", "123456789012345678 9", "Hoito."] {
            assert_eq!(
                LegalAccess::parse(Sector::Health, "social", "urgent_care", thin),
                Err(ConsentError::ReasonTooThin),
                "{thin:?}"
            );
        }
        assert!(LegalAccess::parse(Sector::Health, "social", "urgent_care", "Kiireellinen hoito.").is_ok());
        assert!(LegalAccess::parse(Sector::Health, "social", "urgent_care", "Tajuton potilas päivystyksessä").is_ok());
    }

    #[test]
    fn a_close_ones_scope_is_parsed_and_writing_needs_seeing() {
        let today = date("2026-11-24");
        assert_eq!(
            RelativeScope::parse(true, true, "", today),
            Ok(RelativeScope { can_view: true, can_write: true, until: None })
        );
        assert_eq!(RelativeScope::parse(true, false, "2027-01-31", today).unwrap().until, Some(date("2027-01-31")));
        assert!(!RelativeScope::parse(false, false, "", today).unwrap().can_view);
        assert_eq!(RelativeScope::parse(false, true, "", today), Err(ConsentError::WriteNeedsView));
        assert_eq!(RelativeScope::parse(true, false, "eilen", today), Err(ConsentError::DateInvalid));
        assert_eq!(RelativeScope::parse(true, false, "2026-11-23", today), Err(ConsentError::EndsBeforeItBegins));
        assert_eq!(RelativeScope::parse(true, false, "2032-01-01", today), Err(ConsentError::TooLong));
    }

    #[test]
    fn a_consent_narrows_but_never_widens() {
        let given = consent(
            &[Party::Organisation(2), Party::Seat(TeamRole::HealthCoordinator)],
            &[Register::Social, Register::Health],
        );
        let narrower = given.narrowed(terms(&[Party::Organisation(2)], &[Register::Social])).unwrap();
        assert_eq!(narrower.id, given.id);
        assert_eq!(narrower.terms.parties.len(), 1);
        assert_eq!(
            narrower.narrowed(terms(&[Party::Organisation(2), Party::Organisation(3)], &[Register::Social])),
            Err(ConsentError::WiderThanBefore)
        );
        let mut longer = terms(&[Party::Organisation(2)], &[Register::Social]);
        longer.valid_until = date("2028-01-01");
        assert_eq!(narrower.narrowed(longer), Err(ConsentError::WiderThanBefore));
        let mut shorter = terms(&[Party::Organisation(2)], &[Register::Social]);
        shorter.valid_until = date("2026-12-31");
        assert!(narrower.narrowed(shorter).is_ok());
    }

    #[test]
    fn a_consent_is_what_its_history_left_it() {
        let wide = terms(&[Party::Organisation(2), Party::Organisation(3)], &[Register::Social]);
        let narrow = terms(&[Party::Organisation(2)], &[Register::Social]);
        let at = now() - chrono::Duration::hours(1);
        let history = vec![(ConsentChange::Given, wide.clone(), at), (ConsentChange::Narrowed, narrow.clone(), at)];
        let consent = Consent::from_history(7, GivenBy::Client, Method::Pathway, history.clone()).unwrap();
        assert_eq!(consent.terms, narrow);
        assert!(consent.in_force(now()));
        let mut withdrawn = history.clone();
        withdrawn.push((ConsentChange::Withdrawn, narrow.clone(), at));
        let consent = Consent::from_history(7, GivenBy::Client, Method::Pathway, withdrawn).unwrap();
        assert_eq!(consent.withdrawn_at, Some(at));
        assert!(!consent.in_force(now()));
        assert_eq!(Consent::from_history(7, GivenBy::Client, Method::Pathway, history[1..].to_vec()), None);
        assert_eq!(Consent::from_history(7, GivenBy::Client, Method::Pathway, Vec::new()), None);
        assert_eq!(ConsentChange::parse("narrowed"), Some(ConsentChange::Narrowed));
        assert_eq!(ConsentChange::parse("forged"), None);
    }

    #[test]
    fn terms_are_parsed_with_a_specific_reason_for_what_is_wrong() {
        let (from, until) = (date("2026-11-01"), date("2027-11-01"));
        let social = [Register::Social];
        let org = [Party::Organisation(2)];
        assert_eq!(Terms::parse([], social, "x", from, until), Err(ConsentError::NoParties));
        assert_eq!(Terms::parse(org, [], "x", from, until), Err(ConsentError::NoRegisters));
        assert_eq!(Terms::parse(org, social, "  ", from, until), Err(ConsentError::PurposeEmpty));
        assert_eq!(Terms::parse(org, social, &"x".repeat(501), from, until), Err(ConsentError::PurposeTooLong));
        assert_eq!(Terms::parse(org, social, "x", until, from), Err(ConsentError::EndsBeforeItBegins));
        assert_eq!(Terms::parse(org, social, "x", from, date("2032-11-02")), Err(ConsentError::TooLong));
        assert_eq!(Terms::parse(org, social, " hoito ", from, until).unwrap().purpose, "hoito");
        assert_eq!(Party::parse("org:2"), Ok(Party::Organisation(2)));
        assert_eq!(Party::parse(&Party::Seat(TeamRole::OwnWorker).key()), Ok(Party::Seat(TeamRole::OwnWorker)));
        assert_eq!(
            Party::parse("seat:relative"),
            Err(ConsentError::UnknownChoice),
            "a relative is no party to a register consent"
        );
        assert_eq!(Party::parse("org:x"), Err(ConsentError::UnknownChoice));
        assert_eq!(Register::parse("health"), Some(Register::Health));
        assert_eq!(Register::parse("shared"), None);
    }
}
