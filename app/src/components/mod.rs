//! Pieces shared by the pages.

pub mod clock;
pub mod error;
pub mod header;
pub mod labels;

pub use clock::Clock;
pub use error::{ErrorMessage, Loading};
