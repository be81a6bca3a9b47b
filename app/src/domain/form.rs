//! Reading a form's fields into the structs the server functions take (`#[server(flatten)]`): a
//! flattened struct reaches serde as text, so its numbers arrive as strings. These read a number
//! given either way, and an empty field as none.

use serde::{Deserialize, Deserializer};
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(untagged)]
enum NumberOrText<T> {
    Number(T),
    Text(String),
}

/// A number a form may leave empty: `None` when empty, an error when not a number.
pub fn optional_number<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr + Deserialize<'de>,
    T::Err: std::fmt::Display,
{
    match Option::<NumberOrText<T>>::deserialize(deserializer)? {
        None => Ok(None),
        Some(NumberOrText::Number(n)) => Ok(Some(n)),
        Some(NumberOrText::Text(text)) if text.trim().is_empty() => Ok(None),
        Some(NumberOrText::Text(text)) => text.trim().parse().map(Some).map_err(serde::de::Error::custom),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Form {
        #[serde(default, deserialize_with = "optional_number")]
        key: Option<u32>,
    }

    #[test]
    fn a_number_is_read_from_text_or_a_number_and_empty_is_none() {
        let read = |json: &str| serde_json::from_str::<Form>(json);
        assert_eq!(read(r#"{"key": "7"}"#).unwrap(), Form { key: Some(7) });
        assert_eq!(read(r#"{"key": 7}"#).unwrap(), Form { key: Some(7) });
        assert_eq!(read(r#"{"key": ""}"#).unwrap(), Form { key: None });
        assert_eq!(read(r#"{}"#).unwrap(), Form { key: None });
        assert!(read(r#"{"key": "seven"}"#).is_err());
        assert!(read(r#"{"key": "-1"}"#).is_err());
    }
}
