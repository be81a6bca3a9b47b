//! Sign-in input, parsed once at the edge so the rest of the code holds only valid values.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum NameError {
    #[error("the username is empty")]
    UsernameEmpty,
    #[error("the username is longer than 64 characters")]
    UsernameTooLong,
    #[error("a username has only letters a–z, digits, '.', '-' and '_'")]
    UsernameCharacters,
    #[error("the password is empty")]
    PasswordEmpty,
    #[error("the password is longer than 256 characters")]
    PasswordTooLong,
}

/// A username: 1–64 characters of `a-z 0-9 . - _`, compared case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, NameError> {
        let name = raw.trim().to_lowercase();
        if name.is_empty() {
            return Err(NameError::UsernameEmpty);
        }
        if name.chars().count() > 64 {
            return Err(NameError::UsernameTooLong);
        }
        if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c)) {
            return Err(NameError::UsernameCharacters);
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password as typed; never trimmed, never logged.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn parse(raw: String) -> Result<Self, NameError> {
        if raw.is_empty() {
            return Err(NameError::PasswordEmpty);
        }
        if raw.chars().count() > 256 {
            return Err(NameError::PasswordTooLong);
        }
        Ok(Self(raw))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_trimmed_and_lowercased() {
        assert_eq!(Username::parse("  Aino.K ").unwrap().as_str(), "aino.k");
    }

    #[test]
    fn bad_usernames_say_what_is_wrong() {
        assert_eq!(Username::parse("   "), Err(NameError::UsernameEmpty));
        assert_eq!(Username::parse(&"a".repeat(65)), Err(NameError::UsernameTooLong));
        assert_eq!(Username::parse("aino k"), Err(NameError::UsernameCharacters));
        assert_eq!(Username::parse("äiti"), Err(NameError::UsernameCharacters));
        assert_eq!(Username::parse("x' OR 1=1"), Err(NameError::UsernameCharacters));
    }

    #[test]
    fn passwords_keep_their_spaces_and_hide_in_debug() {
        let p = Password::parse(" secret ".into()).unwrap();
        assert_eq!(p.expose(), " secret ");
        assert_eq!(format!("{p:?}"), "Password(…)");
        assert_eq!(Password::parse(String::new()), Err(NameError::PasswordEmpty));
        assert_eq!(Password::parse("x".repeat(257)), Err(NameError::PasswordTooLong));
    }
}
