//! Closed sets of named values (roles, sectors, team seats, statuses): each value has one stable
//! name, which is what forms, URLs, JSON and the database hold. `named_values!` writes the name
//! table once and derives the rest from it (`ALL`, `as_str`, `Display`, `FromStr`), so a value and
//! its name cannot drift apart between the two directions.

/// A name outside a closed set: stored data or input Polku does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{value}' is not a known {set}")]
pub struct UnknownName {
    pub set: &'static str,
    pub value: String,
}

/// `named_values!(Role, "role" { Client => "client", … })` for an enum whose every variant is
/// listed once, in order.
macro_rules! named_values {
    ($ty:ident, $set:literal { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: [$ty; [$($name),+].len()] = [$($ty::$variant),+];

            /// The value's stable name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::domain::named::UnknownName;
            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                match raw {
                    $($name => Ok($ty::$variant),)+
                    _ => Err($crate::domain::named::UnknownName { set: $set, value: $crate::domain::shortened(raw) }),
                }
            }
        }
    };
}
pub(crate) use named_values;

#[cfg(test)]
mod tests {
    use super::UnknownName;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Colour {
        Red,
        DarkBlue,
    }
    named_values!(Colour, "colour" { Red => "red", DarkBlue => "dark_blue" });

    #[test]
    fn every_value_goes_to_its_name_and_back() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
        for colour in Colour::ALL {
            assert_eq!(colour.as_str().parse::<Colour>(), Ok(colour));
            assert_eq!(colour.to_string(), colour.as_str());
        }
        assert_eq!(Colour::DarkBlue.as_str(), "dark_blue");
    }

    #[test]
    fn an_unknown_name_says_which_set_and_what_came() {
        let err = "Red".parse::<Colour>().unwrap_err();
        assert_eq!(err, UnknownName { set: "colour", value: "Red".into() });
        assert_eq!(err.to_string(), "'Red' is not a known colour");
        let long = "x".repeat(500);
        assert_eq!(long.parse::<Colour>().unwrap_err().value.chars().count(), 40, "shortened");
    }
}
