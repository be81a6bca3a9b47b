//! The two registers, social care and health care, and the legal grounds on which a professional
//! of one may open the other's records without consent. Both the access rule (`access::Basis`
//! names a legal ground) and consent (`consent::Terms` names registers) stand on these.

use super::role::Sector;
use serde::{Deserialize, Serialize};

/// One of the two registers; `Sector::Shared` and `Sector::Other` are no register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    Social,
    Health,
}

impl Register {
    pub fn of(sector: Sector) -> Option<Register> {
        match sector {
            Sector::Social => Some(Register::Social),
            Sector::Health => Some(Register::Health),
            Sector::Shared | Sector::Other => None,
        }
    }

    /// The sector whose records this register holds.
    pub fn sector(self) -> Sector {
        match self {
            Register::Social => Sector::Social,
            Register::Health => Sector::Health,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Register::Social => "social",
            Register::Health => "health",
        }
    }

    pub fn parse(raw: &str) -> Option<Register> {
        [Register::Social, Register::Health].into_iter().find(|r| r.as_str() == raw)
    }
}

/// The grounds other than consent on which another register may be read (the fixed list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    /// The client cannot be asked and the information is needed for urgent care.
    UrgentCare,
    /// A child welfare notification or assessment (Child Welfare Act 25 §, 26 §).
    ChildWelfare,
    /// A duty to assess the need for support of someone who cannot look after themself
    /// (Social Welfare Act 35 §).
    SocialWelfareDuty,
}

impl LegalBasis {
    pub const ALL: [LegalBasis; 3] = [LegalBasis::UrgentCare, LegalBasis::ChildWelfare, LegalBasis::SocialWelfareDuty];

    pub fn as_str(self) -> &'static str {
        match self {
            LegalBasis::UrgentCare => "urgent_care",
            LegalBasis::ChildWelfare => "child_welfare",
            LegalBasis::SocialWelfareDuty => "social_welfare_duty",
        }
    }

    pub fn parse(raw: &str) -> Option<LegalBasis> {
        LegalBasis::ALL.into_iter().find(|b| b.as_str() == raw)
    }

    /// Whether the law gives this basis to a professional of `reader`'s sector for `register`:
    /// urgent care lets health care read what social care knows of someone who cannot be asked;
    /// the child-welfare and social-welfare duties let social care read what health care knows.
    /// No one else (a school, an NGO, employment services) opens a register by law.
    pub fn opens(self, reader: Sector, register: Register) -> bool {
        match self {
            LegalBasis::UrgentCare => reader == Sector::Health && register == Register::Social,
            LegalBasis::ChildWelfare | LegalBasis::SocialWelfareDuty => {
                reader == Sector::Social && register == Register::Health
            }
        }
    }
}
