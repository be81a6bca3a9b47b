//! Who people are in Polku: account roles, the sector a professional or a record belongs to,
//! and the roles people have in one client's team.

use super::named::named_values;
use serde::{Deserialize, Serialize};

/// The role of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
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

named_values!(Role, "role" {
    Client => "client",
    Relative => "relative",
    Professional => "professional",
    Coordinator => "coordinator",
    Administrator => "administrator",
    Auditor => "auditor",
});

/// The register a professional works in, or a record belongs to. Social-care and health-care
/// records are separate registers; `Shared` is what the whole team sees (plan, meetings).
/// `Other` is a professional outside both registers (NGO, school, employment services).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Social,
    Health,
    Shared,
    Other,
}

named_values!(Sector, "sector" {
    Social => "social",
    Health => "health",
    Shared => "shared",
    Other => "other",
});

/// A person's role in one client's team ("Minun tiimini").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
#[serde(rename_all = "snake_case")]
pub enum TeamRole {
    SocialCoordinator,
    HealthCoordinator,
    OwnWorker,
    Member,
    Relative,
}

impl TeamRole {
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

named_values!(TeamRole, "team role" {
    SocialCoordinator => "social_coordinator",
    HealthCoordinator => "health_coordinator",
    OwnWorker => "own_worker",
    Member => "member",
    Relative => "relative",
});

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
