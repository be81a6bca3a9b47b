//! The use cases, one file per feature: each authorises on the server, parses, applies the
//! domain rule, writes through the `store` in one transaction and publishes after commit. No
//! use case calls into another's file; what two need lives in the store. Server-only, behind
//! the `ssr` feature.

pub mod assessments;
pub mod audit_review;
pub mod board;
pub mod cases;
pub mod concerns;
pub mod consents;
pub mod feed;
pub mod feedback;
pub mod meetings;
pub mod pathway;
pub mod plan;
pub mod process;
pub mod records;
pub mod state;
pub mod team;

pub use state::AppState;
