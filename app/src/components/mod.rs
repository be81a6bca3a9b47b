//! Pieces shared by the pages.

pub mod error;
pub mod header;
pub mod labels;

pub use error::{ErrorMessage, Loading};
