//! The pure domain core: the rules of the service process with no I/O, so the same code runs on
//! the server and in the browser and is unit-tested without a database.

pub mod access;
pub mod assessment;
pub mod audit_search;
pub mod board;
pub mod calendar;
pub mod closure;
pub mod concern;
pub mod consent;
#[cfg(test)]
mod date_inputs;
pub mod deadline;
pub mod feedback;
pub mod form;
pub mod ids;
pub mod life_area;
pub mod meeting;
pub mod named;
pub mod names;
pub mod paging;
pub mod plan;
pub mod process;
pub mod record;
pub mod register;
pub mod review;
pub mod role;
pub mod screening;
pub mod stage;
pub mod team;
pub mod throttle;

/// What came in that was not understood, shortened for the message that names it.
pub(crate) fn shortened(raw: &str) -> String {
    raw.chars().take(40).collect()
}

pub use access::{Access, AccessDenied, Basis, Relationship};
pub use assessment::AssessmentError;
pub use concern::ConcernError;
pub use deadline::{AssessmentClock, DeadlineState};
pub use ids::{CaseId, ClientId, UserId};
pub use life_area::LifeArea;
pub use names::{NameError, Password, Username};
pub use role::{Role, Sector, TeamRole};
pub use stage::{CaseFacts, Stage, TransitionError};
