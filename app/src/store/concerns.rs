//! The statuses of concern rows.

pub const OPEN: &str = "open";
