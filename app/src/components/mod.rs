//! Pieces shared by the pages.

pub mod action;
pub mod clock;
pub mod error;
pub mod header;
mod ids;
pub mod labels;
pub mod live;
pub mod page_title;
pub mod pager;
pub mod process_map;

pub use action::{last_outcome, succeeded};
pub use clock::Clock;
pub use error::{ErrorMessage, Loading};
pub use page_title::PageTitle;
pub use pager::Pager;
