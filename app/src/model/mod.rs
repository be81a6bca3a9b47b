//! What server functions send to the pages: plain serialisable views, shaped per reader so that
//! nothing the reader may not see ever leaves the server.
//!
//! One file per feature, named after the server functions (`api`) that send them.

pub mod admin;
pub mod assessment;
pub mod audit;
pub mod auth;
pub mod board;
pub mod cases;
pub mod concerns;
pub mod feedback;
pub mod live;
pub mod meetings;
pub mod pathway;
pub mod plan;
pub mod privacy;
pub mod team;
