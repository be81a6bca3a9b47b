//! Who is signed in, as the pages see it.

use crate::domain::ids::UserId;
use crate::domain::Role;
use serde::{Deserialize, Serialize};

/// The signed-in person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
}
