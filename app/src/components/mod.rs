//! Pieces shared by the pages.

pub mod action;
pub mod clock;
pub mod error;
pub mod header;
pub mod labels;

pub use action::succeeded;
pub use clock::Clock;
pub use error::{ErrorMessage, Loading};
