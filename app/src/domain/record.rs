//! Record entries: what a professional on the team writes into their own register about the
//! client (DOMAIN.md: every record carries its sector). A social-care worker writes into the
//! social-care register, a health-care worker into the health-care register, others (an NGO, a
//! school) into neither register, and what they write is shared with the team.
//!
//! Who reads an entry is decided per entry: the writer's own register and shared entries for the
//! team, the other register under consent (`consent::read_record`). The client reads every entry
//! about themself except one a professional hid with a recorded reason, and is told how many are
//! withheld.

use super::role::Sector;
use serde::{Deserialize, Serialize};

pub const MAX_TEXT: usize = 4000;
pub const MAX_REASON: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum RecordError {
    #[error("write the entry")]
    TextEmpty,
    #[error("an entry is at most {max} characters")]
    TextTooLong { max: usize },
    #[error("hiding an entry from the client needs the reason")]
    ReasonNeeded,
    #[error("the reason is at most {max} characters")]
    ReasonTooLong { max: usize },
    #[error("your profile has no sector, so there is no register to write into")]
    NoRegister,
}

/// A new entry, parsed: its text, and the reason when it is hidden from the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub sector: Sector,
    pub text: String,
    pub hidden_reason: Option<String>,
}

impl NewEntry {
    /// `writer` is the writer's own sector; `hide` whether they hide it from the client, which
    /// needs `reason`. A reason given without hiding is ignored.
    pub fn parse(writer: Option<Sector>, text: &str, hide: bool, reason: &str) -> Result<NewEntry, RecordError> {
        let sector = match writer {
            Some(sector @ (Sector::Social | Sector::Health | Sector::Other)) => sector,
            Some(Sector::Shared) | None => return Err(RecordError::NoRegister),
        };
        let text = text.trim();
        if text.is_empty() {
            return Err(RecordError::TextEmpty);
        }
        if text.chars().count() > MAX_TEXT {
            return Err(RecordError::TextTooLong { max: MAX_TEXT });
        }
        let hidden_reason = if hide {
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(RecordError::ReasonNeeded);
            }
            if reason.chars().count() > MAX_REASON {
                return Err(RecordError::ReasonTooLong { max: MAX_REASON });
            }
            Some(reason.to_owned())
        } else {
            None
        };
        Ok(NewEntry { sector, text: text.to_owned(), hidden_reason })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_goes_into_the_writers_own_register() {
        assert_eq!(
            NewEntry::parse(Some(Sector::Social), " Toimeentulotuki haettu. ", false, "").unwrap().sector,
            Sector::Social
        );
        assert_eq!(
            NewEntry::parse(Some(Sector::Health), "Verenpaine 130/80.", false, "").unwrap().text,
            "Verenpaine 130/80."
        );
        assert_eq!(
            NewEntry::parse(Some(Sector::Other), "Vertaisryhmä alkaa.", false, "").unwrap().sector,
            Sector::Other
        );
        assert_eq!(NewEntry::parse(None, "x", false, ""), Err(RecordError::NoRegister));
        assert_eq!(NewEntry::parse(Some(Sector::Shared), "x", false, ""), Err(RecordError::NoRegister));
    }

    #[test]
    fn hiding_from_the_client_needs_a_reason() {
        assert_eq!(NewEntry::parse(Some(Sector::Social), "x", true, "  "), Err(RecordError::ReasonNeeded));
        let hidden = NewEntry::parse(Some(Sector::Social), "x", true, " Lastensuojelun selvitys kesken ").unwrap();
        assert_eq!(hidden.hidden_reason.as_deref(), Some("Lastensuojelun selvitys kesken"));
        assert_eq!(NewEntry::parse(Some(Sector::Social), "x", false, "ignored").unwrap().hidden_reason, None);
        assert_eq!(
            NewEntry::parse(Some(Sector::Social), "x", true, &"r".repeat(MAX_REASON + 1)),
            Err(RecordError::ReasonTooLong { max: MAX_REASON })
        );
    }

    #[test]
    fn an_entry_has_words_and_a_limit() {
        assert_eq!(NewEntry::parse(Some(Sector::Health), " \n ", false, ""), Err(RecordError::TextEmpty));
        assert_eq!(
            NewEntry::parse(Some(Sector::Health), &"x".repeat(MAX_TEXT + 1), false, ""),
            Err(RecordError::TextTooLong { max: MAX_TEXT })
        );
    }
}
