//! The client's own team ("Minun tiimini"): who may be proposed in which seat, the client's yes or
//! no to each proposed member, and the rule that a case in collaboration or follow-up always has
//! exactly one social-care and one health-care coordinator.

use super::ids::UserId;
use super::named::named_values;
use super::role::{Role, Sector, TeamRole};
use super::stage::Stage;
use serde::{Deserialize, Serialize};

/// Where a seat on the team stands: proposed by the pair, then accepted or declined by the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
#[serde(rename_all = "snake_case")]
pub enum SeatStatus {
    Proposed,
    Accepted,
    Declined,
}

named_values!(SeatStatus, "seat status" { Proposed => "proposed", Accepted => "accepted", Declined => "declined" });

/// One seat on a team as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat {
    pub user_id: UserId,
    pub team_role: TeamRole,
    pub status: SeatStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TeamError {
    #[error("{role:?} needs a replacement before the current one leaves: a case in {stage:?} always has one")]
    CoordinatorWithoutReplacement { role: TeamRole, stage: Stage },
    #[error("a {role:?} must be a {sector:?} professional")]
    WrongSectorForSeat { role: TeamRole, sector: Sector },
    #[error("this person cannot take the seat {role:?}")]
    WrongPersonForSeat { role: TeamRole },
    #[error("the person is already on the team")]
    AlreadyOnTeam,
    #[error("the team already has an own worker")]
    OwnWorkerTaken,
    #[error("the person is not on the team")]
    NotOnTeam,
    #[error("the client has already answered")]
    AlreadyAnswered,
    #[error("\"{value}\" is not one of the choices")]
    InvalidChoice { value: String },
    #[error("a name to search for is at most {max} characters")]
    SearchTooLong { max: usize },
}

/// The longest name fragment the search for someone to propose takes.
pub const MAX_SEARCH: usize = 100;
/// How many professionals one search for someone to propose lists: a wellbeing area has
/// thousands, so the pair narrows by name rather than scrolling through them all.
pub const CANDIDATES_SHOWN: usize = 20;

/// What the pair typed to find someone to propose, trimmed; nothing typed is no search (the
/// form then offers only the relatives the client has named).
pub fn candidate_search(raw: &str) -> Result<Option<String>, TeamError> {
    match raw.trim() {
        "" => Ok(None),
        term if term.chars().count() > MAX_SEARCH => Err(TeamError::SearchTooLong { max: MAX_SEARCH }),
        term => Ok(Some(term.to_owned())),
    }
}

fn active(seat: &Seat) -> bool {
    seat.status != SeatStatus::Declined
}

/// May `candidate` (with this account role and, for staff, sector) be proposed for `role`?
/// Coordinators come from the two registers, relatives only into the relative seat, staff into
/// the professional seats; one own worker at a time.
pub fn check_proposal(
    seats: &[Seat],
    candidate_id: UserId,
    candidate_role: Role,
    candidate_sector: Option<Sector>,
    role: TeamRole,
) -> Result<(), TeamError> {
    if seats.iter().any(|s| s.user_id == candidate_id && active(s)) {
        return Err(TeamError::AlreadyOnTeam);
    }
    match (role, candidate_role) {
        (TeamRole::Relative, Role::Relative) => {}
        // An administrator and an audit reviewer never see client content, so they sit on no team.
        (TeamRole::Relative, _) | (_, Role::Relative | Role::Client | Role::Administrator | Role::Auditor) => {
            return Err(TeamError::WrongPersonForSeat { role });
        }
        (TeamRole::SocialCoordinator | TeamRole::HealthCoordinator, Role::Professional) => {
            return Err(TeamError::WrongPersonForSeat { role });
        }
        _ => {}
    }
    if role.is_coordinator() {
        let needed = if role == TeamRole::SocialCoordinator { Sector::Social } else { Sector::Health };
        if candidate_sector != Some(needed) {
            return Err(TeamError::WrongSectorForSeat { role, sector: needed });
        }
    }
    if role == TeamRole::OwnWorker && seats.iter().any(|s| s.team_role == TeamRole::OwnWorker && active(s)) {
        return Err(TeamError::OwnWorkerTaken);
    }
    Ok(())
}

/// May `user_id` leave the team? A coordinator of a case run by the pair may leave only when a
/// replacement for the same seat has been accepted (`replacement`).
pub fn check_removal(
    seats: &[Seat],
    user_id: UserId,
    stage: Stage,
    replacement: Option<UserId>,
) -> Result<(), TeamError> {
    let seat = seats.iter().find(|s| s.user_id == user_id && active(s)).ok_or(TeamError::NotOnTeam)?;
    if seat.team_role.is_coordinator() && stage.needs_coordinator_pair() {
        let replaced = replacement
            .is_some_and(|r| r != user_id && seats.iter().any(|s| s.user_id == r && s.team_role == seat.team_role));
        if !replaced {
            return Err(TeamError::CoordinatorWithoutReplacement { role: seat.team_role, stage });
        }
    }
    Ok(())
}

/// The client answers a proposal once: yes or no.
pub fn check_answer(seat: &Seat) -> Result<(), TeamError> {
    if seat.status == SeatStatus::Proposed {
        Ok(())
    } else {
        Err(TeamError::AlreadyAnswered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_for_someone_to_propose_is_trimmed_and_bounded() {
        assert_eq!(candidate_search("  Rauni "), Ok(Some("Rauni".to_owned())));
        assert_eq!(candidate_search(" \t "), Ok(None));
        assert_eq!(candidate_search(&"ä".repeat(MAX_SEARCH)), Ok(Some("ä".repeat(MAX_SEARCH))));
        assert_eq!(candidate_search(&"ä".repeat(MAX_SEARCH + 1)), Err(TeamError::SearchTooLong { max: MAX_SEARCH }));
    }

    fn seat(user_id: UserId, team_role: TeamRole) -> Seat {
        Seat { user_id, team_role, status: SeatStatus::Accepted }
    }

    fn pair() -> Vec<Seat> {
        vec![
            seat(UserId(1), TeamRole::SocialCoordinator),
            seat(UserId(2), TeamRole::HealthCoordinator),
            seat(UserId(3), TeamRole::Member),
        ]
    }

    #[test]
    fn a_coordinator_cannot_leave_a_running_case_without_a_replacement() {
        for stage in [Stage::Collaboration, Stage::FollowUp] {
            assert_eq!(
                check_removal(&pair(), UserId(1), stage, None),
                Err(TeamError::CoordinatorWithoutReplacement { role: TeamRole::SocialCoordinator, stage })
            );
        }
        assert_eq!(
            check_removal(&pair(), UserId(2), Stage::Assessment, None),
            Ok(()),
            "before collaboration the pair is not required"
        );
        assert_eq!(check_removal(&pair(), UserId(3), Stage::Collaboration, None), Ok(()), "members may leave");
    }

    #[test]
    fn a_replacement_must_hold_the_same_seat() {
        let mut seats = pair();
        seats.push(seat(UserId(4), TeamRole::HealthCoordinator));
        assert!(
            check_removal(&seats, UserId(1), Stage::Collaboration, Some(UserId(4))).is_err(),
            "a health coordinator cannot replace a social one"
        );
        seats.push(seat(UserId(5), TeamRole::SocialCoordinator));
        assert_eq!(check_removal(&seats, UserId(1), Stage::Collaboration, Some(UserId(5))), Ok(()));
        assert!(
            check_removal(&seats, UserId(1), Stage::Collaboration, Some(UserId(1))).is_err(),
            "nobody replaces themself"
        );
        assert_eq!(check_removal(&seats, UserId(9), Stage::Collaboration, None), Err(TeamError::NotOnTeam));
    }

    #[test]
    fn coordinators_come_from_their_register() {
        assert_eq!(
            check_proposal(&pair(), UserId(7), Role::Coordinator, Some(Sector::Social), TeamRole::SocialCoordinator),
            Ok(())
        );
        assert_eq!(
            check_proposal(&pair(), UserId(7), Role::Coordinator, Some(Sector::Health), TeamRole::SocialCoordinator),
            Err(TeamError::WrongSectorForSeat { role: TeamRole::SocialCoordinator, sector: Sector::Social })
        );
        assert_eq!(
            check_proposal(&pair(), UserId(7), Role::Professional, Some(Sector::Health), TeamRole::HealthCoordinator),
            Err(TeamError::WrongPersonForSeat { role: TeamRole::HealthCoordinator })
        );
    }

    #[test]
    fn anyone_who_can_help_may_be_proposed_into_the_right_seat() {
        assert_eq!(
            check_proposal(&pair(), UserId(7), Role::Professional, Some(Sector::Other), TeamRole::Member),
            Ok(())
        );
        assert_eq!(check_proposal(&pair(), UserId(8), Role::Relative, None, TeamRole::Relative), Ok(()));
        assert_eq!(
            check_proposal(&pair(), UserId(8), Role::Relative, None, TeamRole::Member),
            Err(TeamError::WrongPersonForSeat { role: TeamRole::Member })
        );
        assert_eq!(
            check_proposal(&pair(), UserId(7), Role::Professional, Some(Sector::Health), TeamRole::Relative),
            Err(TeamError::WrongPersonForSeat { role: TeamRole::Relative })
        );
        assert_eq!(
            check_proposal(&pair(), UserId(3), Role::Professional, Some(Sector::Health), TeamRole::Member),
            Err(TeamError::AlreadyOnTeam)
        );
        for outsider in [Role::Administrator, Role::Auditor, Role::Client] {
            assert_eq!(
                check_proposal(&pair(), UserId(9), outsider, Some(Sector::Social), TeamRole::Member),
                Err(TeamError::WrongPersonForSeat { role: TeamRole::Member }),
                "{outsider:?}"
            );
        }
    }

    #[test]
    fn one_own_worker_at_a_time_and_declined_seats_do_not_count() {
        let mut seats = pair();
        seats.push(Seat { user_id: UserId(6), team_role: TeamRole::OwnWorker, status: SeatStatus::Declined });
        assert_eq!(
            check_proposal(&seats, UserId(6), Role::Professional, Some(Sector::Social), TeamRole::OwnWorker),
            Ok(())
        );
        seats.push(seat(UserId(7), TeamRole::OwnWorker));
        assert_eq!(
            check_proposal(&seats, UserId(8), Role::Professional, Some(Sector::Social), TeamRole::OwnWorker),
            Err(TeamError::OwnWorkerTaken)
        );
    }

    #[test]
    fn the_client_answers_once() {
        let proposed = Seat { user_id: UserId(7), team_role: TeamRole::Member, status: SeatStatus::Proposed };
        assert_eq!(check_answer(&proposed), Ok(()));
        assert_eq!(check_answer(&seat(UserId(7), TeamRole::Member)), Err(TeamError::AlreadyAnswered));
    }
}
