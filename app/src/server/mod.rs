//! Server-only code: database access, sessions, audit, demo data. Compiled with the `ssr`
//! feature only, so none of it (and no sea-orm) reaches the browser bundle.

pub mod assessments;
pub mod audit;
pub mod cases;
pub mod concerns;
pub mod entities;
pub mod events;
pub mod meetings;
pub mod password;
pub mod plan;
pub mod respond;
pub mod seed;
pub mod session;
pub mod state;
pub mod team;

pub use state::{AppState, Config};
