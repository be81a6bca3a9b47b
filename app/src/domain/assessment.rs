//! The service-need assessment (palvelutarpeen arviointi), done in dialogue: the need and its
//! weight in each SHL 11 § life area, strengths, who took part and how, the shared understanding
//! reached, whether an own worker is needed, and everyone's own view in their own words.
//!
//! The form is parsed here once into `AssessmentContent`; `check_complete` says what is still
//! missing before the assessment can be finished. A finished assessment is never edited: an
//! amendment is a new version.

use super::ids::UserId;
use super::life_area::LifeArea;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const MAX_NEED: usize = 2000;
pub const MAX_TEXT: usize = 4000;

/// How much support a need in one life area calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    Minor,
    Moderate,
    Major,
}

impl Weight {
    pub const ALL: [Weight; 3] = [Weight::Minor, Weight::Moderate, Weight::Major];

    pub fn as_str(self) -> &'static str {
        match self {
            Weight::Minor => "minor",
            Weight::Moderate => "moderate",
            Weight::Major => "major",
        }
    }
}

/// How the assessment conversation was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactMode {
    Meeting,
    HomeVisit,
    Phone,
    Video,
}

impl ContactMode {
    pub const ALL: [ContactMode; 4] =
        [ContactMode::Meeting, ContactMode::HomeVisit, ContactMode::Phone, ContactMode::Video];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactMode::Meeting => "meeting",
            ContactMode::HomeVisit => "home_visit",
            ContactMode::Phone => "phone",
            ContactMode::Video => "video",
        }
    }
}

/// The need in one life area, in words, with its weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaNeed {
    pub area: LifeArea,
    pub weight: Weight,
    pub need: String,
}

/// Someone who took part in the assessment, as recorded at the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub user_id: UserId,
    pub name: String,
}

/// Who wrote a view: the client, a relative, or a professional on the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewAuthor {
    Client,
    Relative,
    Professional,
}

impl ViewAuthor {
    pub fn as_str(self) -> &'static str {
        match self {
            ViewAuthor::Client => "client",
            ViewAuthor::Relative => "relative",
            ViewAuthor::Professional => "professional",
        }
    }
}

impl std::str::FromStr for ViewAuthor {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [ViewAuthor::Client, ViewAuthor::Relative, ViewAuthor::Professional]
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| format!("unknown view author '{s}'"))
    }
}

/// What the coordinator pair records; everyone's own views are kept beside it, in their words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentContent {
    /// Only the life areas with a need, in the order of the law.
    pub needs: Vec<AreaNeed>,
    pub strengths: String,
    pub mode: Option<ContactMode>,
    pub participants: Vec<Participant>,
    pub client_took_part: bool,
    /// Others who took part, e.g. "daughter Pirjo (by phone)".
    pub others: String,
    pub shared_understanding: String,
    /// `None` until decided.
    pub own_worker_needed: Option<bool>,
}

/// The form as it arrives: per-area weight and need keyed by the area's name, the rest as text.
#[derive(Debug, Clone, Default)]
pub struct RawAssessment {
    pub weights: HashMap<String, String>,
    pub needs: HashMap<String, String>,
    pub strengths: String,
    pub mode: String,
    pub participant_ids: Vec<UserId>,
    pub client_took_part: bool,
    pub others: String,
    pub shared_understanding: String,
    pub own_worker_needed: String,
}

/// What must be in place before an assessment can be completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    Needs,
    Mode,
    Participants,
    ClientView,
    SharedUnderstanding,
    OwnWorkerDecision,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum AssessmentError {
    #[error("describe the need in life area {area:?}, or leave its weight empty")]
    NeedWithoutText { area: LifeArea },
    #[error("choose a weight for the need in life area {area:?}")]
    NeedWithoutWeight { area: LifeArea },
    #[error("a text is longer than {max} characters")]
    TextTooLong { max: usize },
    #[error("'{value}' is not a valid choice")]
    InvalidChoice { value: String },
    #[error("a participant is not on the client's team")]
    UnknownParticipant,
    #[error("the assessment is not complete yet: {missing:?}")]
    Incomplete { missing: Vec<Missing> },
    #[error("write your view first")]
    ViewEmpty,
    #[error("the assessment has been saved by someone else since it was loaded")]
    StaleDraft,
    #[error("the assessment has not been started")]
    NotStarted,
    #[error("an assessment can be started only while the case is in assessment, or amended after one is complete")]
    CannotStart,
}

fn bounded(raw: &str, max: usize) -> Result<String, AssessmentError> {
    let text = raw.trim();
    if text.chars().count() > max {
        return Err(AssessmentError::TextTooLong { max });
    }
    Ok(text.to_string())
}

fn choice<T: Copy>(raw: &str, all: &[T], name: impl Fn(T) -> &'static str) -> Result<Option<T>, AssessmentError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    all.iter()
        .copied()
        .find(|v| name(*v) == raw)
        .map(Some)
        .ok_or_else(|| AssessmentError::InvalidChoice { value: raw.chars().take(40).collect() })
}

impl AssessmentContent {
    /// Parses a draft. `team` are the people who may be named as participants (id, name).
    /// A draft may be incomplete; each value present must be valid.
    pub fn parse(raw: &RawAssessment, team: &[(UserId, String)]) -> Result<Self, AssessmentError> {
        let mut needs = Vec::new();
        for area in LifeArea::ALL {
            let weight =
                choice(raw.weights.get(area.as_str()).map(String::as_str).unwrap_or(""), &Weight::ALL, Weight::as_str)?;
            let need = bounded(raw.needs.get(area.as_str()).map(String::as_str).unwrap_or(""), MAX_NEED)?;
            match (weight, need.is_empty()) {
                (None, true) => {}
                (Some(_), true) => return Err(AssessmentError::NeedWithoutText { area }),
                (None, false) => return Err(AssessmentError::NeedWithoutWeight { area }),
                (Some(weight), false) => needs.push(AreaNeed { area, weight, need }),
            }
        }
        let mut participants = Vec::new();
        for id in &raw.participant_ids {
            let (_, name) = team.iter().find(|(member, _)| member == id).ok_or(AssessmentError::UnknownParticipant)?;
            if !participants.iter().any(|p: &Participant| p.user_id == *id) {
                participants.push(Participant { user_id: *id, name: name.clone() });
            }
        }
        let own_worker_needed = match raw.own_worker_needed.trim() {
            "" => None,
            "yes" => Some(true),
            "no" => Some(false),
            other => return Err(AssessmentError::InvalidChoice { value: other.chars().take(40).collect() }),
        };
        Ok(AssessmentContent {
            needs,
            strengths: bounded(&raw.strengths, MAX_TEXT)?,
            mode: choice(&raw.mode, &ContactMode::ALL, ContactMode::as_str)?,
            participants,
            client_took_part: raw.client_took_part,
            others: bounded(&raw.others, MAX_TEXT)?,
            shared_understanding: bounded(&raw.shared_understanding, MAX_TEXT)?,
            own_worker_needed,
        })
    }

    /// What is still missing before the assessment can be completed. The client's own view must
    /// be there in their words (written by them or a relative they allow); nobody completes an
    /// assessment about a person without hearing them.
    pub fn missing(&self, client_views: usize) -> Vec<Missing> {
        let mut missing = Vec::new();
        if self.needs.is_empty() {
            missing.push(Missing::Needs);
        }
        if self.mode.is_none() {
            missing.push(Missing::Mode);
        }
        if self.participants.is_empty() && !self.client_took_part {
            missing.push(Missing::Participants);
        }
        if client_views == 0 {
            missing.push(Missing::ClientView);
        }
        if self.shared_understanding.is_empty() {
            missing.push(Missing::SharedUnderstanding);
        }
        if self.own_worker_needed.is_none() {
            missing.push(Missing::OwnWorkerDecision);
        }
        missing
    }

    pub fn check_complete(&self, client_views: usize) -> Result<(), AssessmentError> {
        let missing = self.missing(client_views);
        if missing.is_empty() {
            Ok(())
        } else {
            Err(AssessmentError::Incomplete { missing })
        }
    }
}

/// A view written into the assessment, in the author's own words.
pub fn parse_view(raw: &str) -> Result<String, AssessmentError> {
    let text = bounded(raw, MAX_TEXT)?;
    if text.is_empty() {
        Err(AssessmentError::ViewEmpty)
    } else {
        Ok(text)
    }
}

/// The text fields of the assessment form, as it sends them (each may be missing; the checkbox
/// `client_took_part` arrives as "on" when ticked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawAssessmentText {
    pub strengths: String,
    pub mode: String,
    pub client_took_part: Option<String>,
    pub others: String,
    pub shared_understanding: String,
    pub own_worker_needed: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Vec<(UserId, String)> {
        vec![(UserId(7), "Sanna Virtanen".into()), (UserId(8), "Heikki Laine".into())]
    }

    fn complete_form() -> RawAssessment {
        RawAssessment {
            weights: HashMap::from([("housing".into(), "major".into()), ("illness".into(), "moderate".into())]),
            needs: HashMap::from([
                ("housing".into(), " Stairs at home are too steep ".into()),
                ("illness".into(), "Diabetes care needs support".into()),
            ]),
            strengths: "A daughter who visits weekly".into(),
            mode: "home_visit".into(),
            participant_ids: vec![UserId(7), UserId(8), UserId(7)],
            client_took_part: true,
            others: String::new(),
            shared_understanding: "Safer housing first, then regular diabetes follow-up".into(),
            own_worker_needed: "yes".into(),
        }
    }

    #[test]
    fn a_full_form_parses_in_the_order_of_the_law() {
        let content = AssessmentContent::parse(&complete_form(), &team()).unwrap();
        assert_eq!(content.needs.len(), 2);
        assert_eq!(content.needs[0].area, LifeArea::Housing);
        assert_eq!(content.needs[0].need, "Stairs at home are too steep");
        assert_eq!(content.needs[1].weight, Weight::Moderate);
        assert_eq!(content.mode, Some(ContactMode::HomeVisit));
        assert_eq!(content.participants.len(), 2, "a repeated participant counts once");
        assert_eq!(content.own_worker_needed, Some(true));
        assert_eq!(content.check_complete(1), Ok(()));
    }

    #[test]
    fn weight_and_need_go_together() {
        let mut form = complete_form();
        form.needs.remove("housing");
        assert_eq!(
            AssessmentContent::parse(&form, &team()),
            Err(AssessmentError::NeedWithoutText { area: LifeArea::Housing })
        );
        let mut form = complete_form();
        form.weights.remove("illness");
        assert_eq!(
            AssessmentContent::parse(&form, &team()),
            Err(AssessmentError::NeedWithoutWeight { area: LifeArea::Illness })
        );
    }

    #[test]
    fn choices_and_participants_are_checked() {
        let mut form = complete_form();
        form.mode = "telepathy".into();
        assert_eq!(
            AssessmentContent::parse(&form, &team()),
            Err(AssessmentError::InvalidChoice { value: "telepathy".into() })
        );
        let mut form = complete_form();
        form.weights.insert("housing".into(), "huge".into());
        assert!(matches!(AssessmentContent::parse(&form, &team()), Err(AssessmentError::InvalidChoice { .. })));
        let mut form = complete_form();
        form.participant_ids.push(UserId(99));
        assert_eq!(AssessmentContent::parse(&form, &team()), Err(AssessmentError::UnknownParticipant));
        let mut form = complete_form();
        form.own_worker_needed = "maybe".into();
        assert!(matches!(AssessmentContent::parse(&form, &team()), Err(AssessmentError::InvalidChoice { .. })));
    }

    #[test]
    fn long_texts_are_refused() {
        let mut form = complete_form();
        form.strengths = "x".repeat(MAX_TEXT + 1);
        assert_eq!(AssessmentContent::parse(&form, &team()), Err(AssessmentError::TextTooLong { max: MAX_TEXT }));
    }

    #[test]
    fn an_empty_draft_is_a_valid_draft_that_lists_everything_missing() {
        let content = AssessmentContent::parse(&RawAssessment::default(), &team()).unwrap();
        assert_eq!(
            content.check_complete(0),
            Err(AssessmentError::Incomplete {
                missing: vec![
                    Missing::Needs,
                    Missing::Mode,
                    Missing::Participants,
                    Missing::ClientView,
                    Missing::SharedUnderstanding,
                    Missing::OwnWorkerDecision,
                ]
            })
        );
    }

    #[test]
    fn completion_needs_the_clients_own_view() {
        let content = AssessmentContent::parse(&complete_form(), &team()).unwrap();
        assert_eq!(content.check_complete(0), Err(AssessmentError::Incomplete { missing: vec![Missing::ClientView] }));
    }

    #[test]
    fn the_client_alone_is_enough_company() {
        let mut form = complete_form();
        form.participant_ids.clear();
        let content = AssessmentContent::parse(&form, &team()).unwrap();
        assert_eq!(content.check_complete(1), Ok(()));
    }

    #[test]
    fn a_view_needs_words() {
        assert_eq!(parse_view("  "), Err(AssessmentError::ViewEmpty));
        assert_eq!(parse_view(" I want to stay at home "), Ok("I want to stay at home".into()));
        assert_eq!(parse_view(&"x".repeat(MAX_TEXT + 1)), Err(AssessmentError::TextTooLong { max: MAX_TEXT }));
    }
}
