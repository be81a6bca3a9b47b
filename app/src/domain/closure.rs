//! Closing a case: nobody's path just stops. A closure records a summary of what was done and a
//! handover or continuation note (who carries on, or what the client can do if needs return).
//! A closed case reopens through a new assessment; its history keeps both.

use serde::{Deserialize, Serialize};

pub const MAX_TEXT: usize = 4000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ClosureError {
    #[error("write a closure summary")]
    SummaryEmpty,
    #[error("write the handover or continuation note")]
    ContinuationEmpty,
    #[error("a text is longer than {max} characters")]
    TextTooLong { max: usize },
}

/// A parsed closure: both texts present and within bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub summary: String,
    pub continuation: String,
}

impl Closure {
    pub fn parse(summary: &str, continuation: &str) -> Result<Self, ClosureError> {
        let (summary, continuation) = (summary.trim(), continuation.trim());
        if summary.is_empty() {
            return Err(ClosureError::SummaryEmpty);
        }
        if continuation.is_empty() {
            return Err(ClosureError::ContinuationEmpty);
        }
        if summary.chars().count() > MAX_TEXT || continuation.chars().count() > MAX_TEXT {
            return Err(ClosureError::TextTooLong { max: MAX_TEXT });
        }
        Ok(Closure { summary: summary.to_string(), continuation: continuation.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closure_needs_both_texts() {
        assert_eq!(Closure::parse(" ", "Kotihoito jatkaa."), Err(ClosureError::SummaryEmpty));
        assert_eq!(Closure::parse("Tavoitteet saavutettiin.", "\n"), Err(ClosureError::ContinuationEmpty));
        assert_eq!(
            Closure::parse(&"x".repeat(MAX_TEXT + 1), "Kotihoito jatkaa."),
            Err(ClosureError::TextTooLong { max: MAX_TEXT })
        );
        let ok = Closure::parse(" Tavoitteet saavutettiin. ", "Kotihoito jatkaa; uusi arvio tarvittaessa.").unwrap();
        assert_eq!(ok.summary, "Tavoitteet saavutettiin.");
    }
}
