//! sea-orm entities, one module per table. Server-only: never compiled into the browser bundle.

pub mod assessment;
pub mod assessment_view;
pub mod audit_entry;
pub mod board_event;
pub mod case;
pub mod case_closure;
pub mod case_event;
pub mod card_comment;
pub mod case_member;
pub mod client;
pub mod meeting;
pub mod meeting_voice;
pub mod notification;
pub mod concern;
pub mod coordinator_pair;
pub mod feedback;
pub mod organisation;
pub mod plan_review;
pub mod plan_version;
pub mod relative_link;
pub mod screening;
pub mod session;
pub mod sign_in_attempt;
pub mod staff_profile;
pub mod user;
