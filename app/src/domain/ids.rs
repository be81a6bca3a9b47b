//! Typed ids of the things most code passes around — cases, clients and the people who use
//! Polku — so that a case's id cannot be handed where a person's is meant. Each is the bare number
//! on the wire, in URLs and in forms (serde `transparent`, `Display`, `FromStr`), and its own
//! column type in the database (sea-orm `DeriveValueType`, on the server).

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType))]
        #[serde(transparent)]
        pub struct $name(pub i32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                raw.parse().map($name)
            }
        }
    };
}

typed_id!(
    /// A case: one client's episode of multidisciplinary support.
    CaseId
);
typed_id!(
    /// A client: the person the support is for (who may or may not have an account).
    ClientId
);
typed_id!(
    /// An account: a professional, a client, a relative, an administrator or an auditor.
    UserId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_its_bare_number_on_the_wire_and_in_urls() {
        assert_eq!(serde_json::to_string(&CaseId(42)).unwrap(), "42");
        assert_eq!(serde_json::from_str::<UserId>("7").unwrap(), UserId(7));
        assert_eq!(format!("/cases/{}", CaseId(42)), "/cases/42");
        assert_eq!("42".parse::<CaseId>(), Ok(CaseId(42)));
        assert!("4x".parse::<ClientId>().is_err());
    }
}
