//! Who people are in Polku: account roles, the sector a professional or a record belongs to,
//! and the roles people have in one client's team.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The role of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Client,
    Relative,
    Professional,
    Coordinator,
    Administrator,
    /// An audit reviewer (*lokitarkastaja*): searches the access log, sees no client content.
    Auditor,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Role::Client, Role::Relative, Role::Professional, Role::Coordinator, Role::Administrator, Role::Auditor];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Client => "client",
            Role::Relative => "relative",
            Role::Professional => "professional",
            Role::Coordinator => "coordinator",
            Role::Administrator => "administrator",
            Role::Auditor => "auditor",
        }
    }

    /// Professionals and coordinators: people who work with clients.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Professional | Role::Coordinator)
    }

    /// The page a person lands on after signing in.
    pub fn home_path(self) -> &'static str {
        match self {
            Role::Client | Role::Relative => "/pathway",
            Role::Professional | Role::Coordinator => "/cases",
            Role::Administrator => "/admin",
            Role::Auditor => "/audit",
        }
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| format!("unknown role '{s}'"))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The register a professional works in, or a record belongs to. Social-care and health-care
/// records are separate registers; `Shared` is what the whole team sees (plan, meetings).
/// `Other` is a professional outside both registers (NGO, school, employment services).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Social,
    Health,
    Shared,
    Other,
}

impl Sector {
    pub const ALL: [Sector; 4] = [Sector::Social, Sector::Health, Sector::Shared, Sector::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Social => "social",
            Sector::Health => "health",
            Sector::Shared => "shared",
            Sector::Other => "other",
        }
    }
}

impl FromStr for Sector {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Sector::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| format!("unknown sector '{s}'"))
    }
}

/// A person's role in one client's team ("Minun tiimini").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamRole {
    SocialCoordinator,
    HealthCoordinator,
    OwnWorker,
    Member,
    Relative,
}

impl TeamRole {
    pub const ALL: [TeamRole; 5] = [
        TeamRole::SocialCoordinator,
        TeamRole::HealthCoordinator,
        TeamRole::OwnWorker,
        TeamRole::Member,
        TeamRole::Relative,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TeamRole::SocialCoordinator => "social_coordinator",
            TeamRole::HealthCoordinator => "health_coordinator",
            TeamRole::OwnWorker => "own_worker",
            TeamRole::Member => "member",
            TeamRole::Relative => "relative",
        }
    }

    pub fn is_coordinator(self) -> bool {
        matches!(self, TeamRole::SocialCoordinator | TeamRole::HealthCoordinator)
    }

    /// The coordinator seat a professional of this sector fills in a pair.
    pub fn coordinator_for(sector: Sector) -> Option<TeamRole> {
        match sector {
            Sector::Social => Some(TeamRole::SocialCoordinator),
            Sector::Health => Some(TeamRole::HealthCoordinator),
            Sector::Shared | Sector::Other => None,
        }
    }
}

impl FromStr for TeamRole {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TeamRole::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| format!("unknown team role '{s}'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
        }
        for s in Sector::ALL {
            assert_eq!(s.as_str().parse::<Sector>(), Ok(s));
        }
        for t in TeamRole::ALL {
            assert_eq!(t.as_str().parse::<TeamRole>(), Ok(t));
        }
        assert!("root".parse::<Role>().is_err());
    }

    #[test]
    fn only_social_and_health_professionals_can_coordinate() {
        assert_eq!(TeamRole::coordinator_for(Sector::Social), Some(TeamRole::SocialCoordinator));
        assert_eq!(TeamRole::coordinator_for(Sector::Health), Some(TeamRole::HealthCoordinator));
        assert_eq!(TeamRole::coordinator_for(Sector::Other), None);
        assert_eq!(TeamRole::coordinator_for(Sector::Shared), None);
    }

    #[test]
    fn each_role_has_its_own_home() {
        assert_eq!(Role::Client.home_path(), "/pathway");
        assert_eq!(Role::Coordinator.home_path(), "/cases");
        assert_eq!(Role::Administrator.home_path(), "/admin");
        assert!(Role::Professional.is_staff() && !Role::Administrator.is_staff());
    }
}
