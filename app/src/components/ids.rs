//! Typed ids in HTML attributes (`value=`, `data-case=`): each is written as its bare number, as
//! the forms and URLs that read it back expect.

use crate::domain::{CaseId, ClientId, UserId};
use leptos::attr::IntoAttributeValue;

macro_rules! as_attribute {
    ($($id:ty),+) => {
        $(impl IntoAttributeValue for $id {
            type Output = String;
            fn into_attribute_value(self) -> String {
                self.to_string()
            }
        })+
    };
}

as_attribute!(CaseId, ClientId, UserId);
