//! One error type for every server function. Each variant maps to an HTTP status and, in the UI,
//! to a message in the user's language (see `components::error`). Server-side details are logged,
//! never sent to the browser.

use crate::domain::audit_search::AuditSearchError;
use crate::domain::board::BoardError;
use crate::domain::closure::ClosureError;
use crate::domain::consent::ConsentError;
use crate::domain::feedback::FeedbackError;
use crate::domain::meeting::MeetingError;
use crate::domain::paging::PageInvalid;
use crate::domain::plan::PlanError;
use crate::domain::process::MapError;
use crate::domain::record::RecordError;
use crate::domain::review::ReviewError;
use crate::domain::team::TeamError;
use crate::domain::{AccessDenied, AssessmentError, ConcernError, NameError, Stage, TransitionError};
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "error", content = "detail")]
pub enum AppError {
    #[error("sign-in required")]
    Unauthenticated,
    #[error("wrong username or password")]
    BadCredentials,
    #[error("too many failed sign-ins; try again in {retry_in_minutes} minutes")]
    TooManyAttempts { retry_in_minutes: u32 },
    #[error("access denied: {0}")]
    Forbidden(AccessDenied),
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0}")]
    InvalidName(NameError),
    #[error("invalid input: {0}")]
    Transition(TransitionError),
    #[error("invalid input: {0}")]
    Concern(ConcernError),
    #[error("assessment: {0}")]
    Assessment(AssessmentError),
    #[error("team: {0}")]
    Team(TeamError),
    #[error("closure: {0}")]
    Closure(ClosureError),
    #[error("plan: {0}")]
    Plan(PlanError),
    #[error("meeting: {0}")]
    Meeting(MeetingError),
    #[error("review: {0}")]
    Review(ReviewError),
    #[error("feedback: {0}")]
    Feedback(FeedbackError),
    #[error("process map: {0}")]
    Map(MapError),
    #[error("list: {0}")]
    Page(PageInvalid),
    #[error("board: {0}")]
    Board(BoardError),
    #[error("consent: {0}")]
    Consent(ConsentError),
    #[error("record: {0}")]
    Record(RecordError),
    #[error("audit search: {0}")]
    AuditSearch(AuditSearchError),
    #[error("the case has moved to {current} since it was loaded")]
    StaleStage { current: Stage },
    #[error("malformed request: {0}")]
    BadRequest(String),
    /// A text holds a character that no text of Polku may (a NUL); nothing was read or written.
    #[error("a text contains a NUL character")]
    InvalidText,
    /// The request was larger than any form of Polku sends.
    #[error("the request is too large")]
    TooLarge,
    #[error("something went wrong on the server")]
    Internal,
}

impl AppError {
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::Unauthenticated | AppError::BadCredentials => StatusCode::UNAUTHORIZED,
            AppError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::InvalidName(_) | AppError::Transition(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::StaleStage { .. }
            | AppError::Concern(ConcernError::AlreadyDecided | ConcernError::ClientHasOpenCase) => StatusCode::CONFLICT,
            AppError::Concern(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Assessment(
                AssessmentError::StaleDraft | AssessmentError::NotStarted | AssessmentError::CannotStart,
            ) => StatusCode::CONFLICT,
            AppError::Assessment(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Team(TeamError::AlreadyAnswered | TeamError::AlreadyOnTeam) => StatusCode::CONFLICT,
            AppError::Team(_) | AppError::Closure(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Plan(PlanError::Stale) => StatusCode::CONFLICT,
            AppError::Plan(
                PlanError::ClientOwnsGoalWording | PlanError::OnlyOwnTasks | PlanError::ClientChangesGoalsOnly,
            ) => StatusCode::FORBIDDEN,
            AppError::Plan(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Meeting(MeetingError::StepsAlreadyAgreed) => StatusCode::CONFLICT,
            AppError::Meeting(_) | AppError::Review(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Feedback(
                FeedbackError::AlreadyGiven | FeedbackError::MeetingNotOver | FeedbackError::CaseNotClosed,
            ) => StatusCode::CONFLICT,
            AppError::Feedback(FeedbackError::NotInvited) => StatusCode::FORBIDDEN,
            AppError::Feedback(_) | AppError::Map(_) | AppError::Page(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Board(BoardError::Stale { .. } | BoardError::AlreadyThere) => StatusCode::CONFLICT,
            AppError::Board(BoardError::NoSuchAction) => StatusCode::NOT_FOUND,
            AppError::Board(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Consent(ConsentError::Withdrawn) => StatusCode::CONFLICT,
            AppError::Consent(_) | AppError::Record(_) | AppError::AuditSearch(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::InvalidText => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn forbidden(reason: AccessDenied) -> Self {
        AppError::Forbidden(reason)
    }
}

impl From<AccessDenied> for AppError {
    fn from(reason: AccessDenied) -> Self {
        AppError::Forbidden(reason)
    }
}

impl From<NameError> for AppError {
    fn from(e: NameError) -> Self {
        AppError::InvalidName(e)
    }
}

impl From<ConcernError> for AppError {
    fn from(e: ConcernError) -> Self {
        AppError::Concern(e)
    }
}

impl From<AssessmentError> for AppError {
    fn from(e: AssessmentError) -> Self {
        AppError::Assessment(e)
    }
}

impl From<ClosureError> for AppError {
    fn from(e: ClosureError) -> Self {
        AppError::Closure(e)
    }
}

impl From<ReviewError> for AppError {
    fn from(e: ReviewError) -> Self {
        AppError::Review(e)
    }
}

impl From<FeedbackError> for AppError {
    fn from(e: FeedbackError) -> Self {
        AppError::Feedback(e)
    }
}

impl From<BoardError> for AppError {
    fn from(e: BoardError) -> Self {
        AppError::Board(e)
    }
}

impl From<ConsentError> for AppError {
    fn from(e: ConsentError) -> Self {
        AppError::Consent(e)
    }
}

impl From<AuditSearchError> for AppError {
    fn from(e: AuditSearchError) -> Self {
        AppError::AuditSearch(e)
    }
}

impl From<RecordError> for AppError {
    fn from(e: RecordError) -> Self {
        AppError::Record(e)
    }
}

impl From<PageInvalid> for AppError {
    fn from(e: PageInvalid) -> Self {
        AppError::Page(e)
    }
}

impl From<MapError> for AppError {
    fn from(e: MapError) -> Self {
        AppError::Map(e)
    }
}

impl From<MeetingError> for AppError {
    fn from(e: MeetingError) -> Self {
        AppError::Meeting(e)
    }
}

impl From<PlanError> for AppError {
    fn from(e: PlanError) -> Self {
        AppError::Plan(e)
    }
}

impl From<TeamError> for AppError {
    fn from(e: TeamError) -> Self {
        AppError::Team(e)
    }
}

impl From<TransitionError> for AppError {
    fn from(e: TransitionError) -> Self {
        AppError::Transition(e)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Framework-level failures: malformed arguments are the caller's fault (400); a failed
    /// request in the browser (network down) is reported as such; nothing else leaks details.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let error = match value {
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => {
                AppError::BadRequest(msg.chars().take(200).collect())
            }
            ServerFnErrorErr::Request(msg) | ServerFnErrorErr::Response(msg) => {
                AppError::BadRequest(format!("request failed: {}", msg.chars().take(200).collect::<String>()))
            }
            other => {
                #[cfg(feature = "ssr")]
                tracing::error!(error = %other, "server function failed");
                let _ = other;
                AppError::Internal
            }
        };
        #[cfg(feature = "ssr")]
        crate::response::set_status(error.status());
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::StatusCode;

    #[test]
    fn each_error_has_the_status_its_cause_deserves() {
        assert_eq!(AppError::Unauthenticated.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(AppError::BadCredentials.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(AppError::forbidden(AccessDenied::NotOnTeam).status(), StatusCode::FORBIDDEN);
        assert_eq!(AppError::NotFound.status(), StatusCode::NOT_FOUND);
        assert_eq!(AppError::from(NameError::UsernameEmpty).status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            AppError::from(TransitionError::SameStage { stage: Stage::Closed }).status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(AppError::StaleStage { current: Stage::Closed }.status(), StatusCode::CONFLICT);
        assert_eq!(AppError::from(AssessmentError::StaleDraft).status(), StatusCode::CONFLICT);
        assert_eq!(AppError::from(AssessmentError::ViewEmpty).status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(AppError::BadRequest("x".into()).status(), StatusCode::BAD_REQUEST);
        assert_eq!(AppError::Internal.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn malformed_arguments_are_the_callers_fault() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("missing field `to`".into()));
        assert_eq!(error, AppError::BadRequest("missing field `to`".into()));
        assert_eq!(AppError::from_server_fn_error(ServerFnErrorErr::ServerError("boom".into())), AppError::Internal);
    }

    #[test]
    fn errors_travel_as_tagged_json() {
        let json = serde_json::to_value(AppError::forbidden(AccessDenied::NotOnTeam)).unwrap();
        assert_eq!(json, serde_json::json!({"error": "forbidden", "detail": "not_on_team"}));
    }
}
