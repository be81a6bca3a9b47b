//! Who may do what with one client's case, decided from the viewer's role and their relationship
//! to the client. The answer carries the basis that the audit log records.
//!
//! Access needs a reason plus a role (DOMAIN.md): the client themself, a relative within the scope
//! the client granted, or membership of the client's team. An administrator never sees client
//! content.

use super::assessment::ViewAuthor;
use super::ids::UserId;
use super::plan::PlanRole;
use super::register::LegalBasis;
use super::role::{Role, TeamRole};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How the person asking is related to the client whose case it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relationship {
    /// The person is the client.
    OwnClient,
    /// A relative with a live link the client granted, within its scope.
    Relative { can_view: bool, can_write: bool },
    /// An accepted member of the client's team.
    Team(TeamRole),
    /// No relationship at all.
    Unrelated,
}

/// The reason an access is allowed; written to the audit log with every access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    OwnClient,
    RelativeLink,
    Team(TeamRole),
    /// A professional raising a concern about someone (identification).
    Identification,
    /// A coordinator screening concerns.
    Screening,
    /// A coordinator of the pair that coordinates the case (the pair's board).
    CoordinatorPair,
    /// The client's consent with this id (another register's records).
    Consent(i32),
    /// A legal basis from the fixed list (another register's records, without consent).
    Legal(LegalBasis),
    /// An audit reviewer searching the access log about the client.
    AuditReview,
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Basis::OwnClient => f.write_str("own_client"),
            Basis::RelativeLink => f.write_str("relative_link"),
            Basis::Team(role) => write!(f, "team:{}", role.as_str()),
            Basis::Identification => f.write_str("identification"),
            Basis::Screening => f.write_str("screening"),
            Basis::CoordinatorPair => f.write_str("coordinator_pair"),
            Basis::Consent(id) => write!(f, "consent:{id}"),
            Basis::Legal(basis) => write!(f, "legal:{}", basis.as_str()),
            Basis::AuditReview => f.write_str("audit_review"),
        }
    }
}

impl Basis {
    /// A basis as the audit log stores it (`Display`); `None` for anything else.
    pub fn parse(raw: &str) -> Option<Basis> {
        let (kind, detail) = raw.split_once(':').map_or((raw, None), |(k, d)| (k, Some(d)));
        match (kind, detail) {
            ("own_client", None) => Some(Basis::OwnClient),
            ("relative_link", None) => Some(Basis::RelativeLink),
            ("identification", None) => Some(Basis::Identification),
            ("screening", None) => Some(Basis::Screening),
            ("coordinator_pair", None) => Some(Basis::CoordinatorPair),
            ("audit_review", None) => Some(Basis::AuditReview),
            ("team", Some(seat)) => seat.parse().ok().map(Basis::Team),
            ("consent", Some(id)) => id.parse().ok().map(Basis::Consent),
            ("legal", Some(basis)) => LegalBasis::parse(basis).map(Basis::Legal),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum AccessDenied {
    #[error("administrators do not see client content")]
    AdministratorNoClientContent,
    #[error("only the client's own team may open this case")]
    NotOnTeam,
    #[error("this is not your case")]
    NotYourCase,
    #[error("the client has not allowed you to see this")]
    OutsideRelativeScope,
    #[error("only the case's coordinator pair may do this")]
    NotCoordinatorOfCase,
    #[error("only administrators may do this")]
    AdministratorsOnly,
    #[error("the pathway view is for clients and their relatives")]
    ClientsAndRelativesOnly,
    #[error("only coordinators screen concerns")]
    CoordinatorsOnly,
    #[error("only the client decides who is on their team")]
    ClientOnly,
    #[error("relatives read the plan; the client and the team write it")]
    RelativeReadsPlan,
    #[error("feedback comes from the client and their relatives")]
    FeedbackFromClientSide,
    #[error("the process map's numbers are for professionals and coordinators")]
    StaffOnly,
    #[error("requests from pages of other sites are refused")]
    CrossOrigin,
    #[error("boards are for the professionals on a client's team")]
    BoardsForStaff,
    #[error("only the pair's own coordinators see its board")]
    NotThisPair,
    #[error("the client has not consented to this register being shown to you")]
    NoConsent,
    #[error("record entries are written by the professionals on the client's team")]
    RecordsByProfessionals,
    #[error("relatives do not read the registers' record entries")]
    RecordsNotForRelatives,
    #[error("only the client manages their consents here and sees who has read their information")]
    ClientsOwnPrivacy,
    #[error("audit reviewers search the access log; they do not see client content")]
    AuditorSeesLogOnly,
    #[error("only audit reviewers search the access log")]
    AuditorsOnly,
    #[error("a consent given to the team is recorded by a professional on the client's team")]
    ConsentRecordedByTeam,
    #[error("the case list is for the professionals on clients' teams; clients and close ones follow their pathway")]
    CaseListForTeams,
}

/// What a person may do with one case.
pub struct Access;

impl Access {
    /// May this person open the case (summary, stage, team, history)?
    pub fn view_case(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        match (role, rel) {
            (Role::Administrator, _) => Err(AccessDenied::AdministratorNoClientContent),
            (Role::Auditor, _) => Err(AccessDenied::AuditorSeesLogOnly),
            (Role::Client, Relationship::OwnClient) => Ok(Basis::OwnClient),
            (Role::Client, _) => Err(AccessDenied::NotYourCase),
            (Role::Relative, Relationship::Relative { can_view: true, .. }) => Ok(Basis::RelativeLink),
            (Role::Relative, Relationship::Relative { can_view: false, .. }) => Err(AccessDenied::OutsideRelativeScope),
            (Role::Relative, _) => Err(AccessDenied::NotYourCase),
            (Role::Professional | Role::Coordinator, Relationship::Team(team_role))
                if team_role != TeamRole::Relative =>
            {
                Ok(Basis::Team(team_role))
            }
            (Role::Professional | Role::Coordinator, _) => Err(AccessDenied::NotOnTeam),
        }
    }

    /// May this person move the case from one stage to another? Only the coordinator pair can.
    pub fn change_stage(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        let basis = Self::view_case(role, rel)?;
        match (role, basis) {
            (Role::Coordinator, Basis::Team(team_role)) if team_role.is_coordinator() => Ok(basis),
            _ => Err(AccessDenied::NotCoordinatorOfCase),
        }
    }

    /// May this person record the assessment, amend it, or change the client's facts that run its
    /// clock? The coordinator pair, like moving the case.
    pub fn edit_assessment(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        Self::change_stage(role, rel)
    }

    /// May this person write in their own words about the client's matters, and as whom: a view
    /// into the assessment, what they said in a meeting, feedback, a concern? The one rule for
    /// writing: the client; a relative the client lets see and write; any professional on the
    /// team. A relative who may only view reads.
    pub fn contribute(role: Role, rel: Relationship) -> Result<(Basis, ViewAuthor), AccessDenied> {
        match (role, rel) {
            (Role::Relative, Relationship::Relative { can_view: true, can_write: true }) => {
                Ok((Basis::RelativeLink, ViewAuthor::Relative))
            }
            (Role::Relative, Relationship::Relative { .. }) => Err(AccessDenied::OutsideRelativeScope),
            _ => {
                let basis = Self::view_case(role, rel)?;
                let author = if role == Role::Client { ViewAuthor::Client } else { ViewAuthor::Professional };
                Ok((basis, author))
            }
        }
    }

    /// May this person propose members to the team or remove them? The coordinator pair.
    pub fn manage_team(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        Self::change_stage(role, rel)
    }

    /// May this person accept or decline a proposed team member? Only the client: it is their team.
    pub fn answer_proposal(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        match (role, rel) {
            (Role::Client, Relationship::OwnClient) => Ok(Basis::OwnClient),
            (Role::Client, _) => Err(AccessDenied::NotYourCase),
            _ => {
                Self::view_case(role, rel)?;
                Err(AccessDenied::ClientOnly)
            }
        }
    }

    /// May this person schedule network meetings and agree their steps into the plan? The pair.
    pub fn run_meeting(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        Self::change_stage(role, rel)
    }

    /// May this person change the client plan, and which parts? The client (their goals), the
    /// coordinator pair (the rest), other team members (their own tasks). Relatives read it.
    pub fn edit_plan(role: Role, rel: Relationship) -> Result<(Basis, PlanRole), AccessDenied> {
        let basis = Self::view_case(role, rel)?;
        match (role, basis) {
            (Role::Client, Basis::OwnClient) => Ok((basis, PlanRole::Client)),
            (Role::Coordinator, Basis::Team(seat)) if seat.is_coordinator() => Ok((basis, PlanRole::Coordinator)),
            (Role::Professional | Role::Coordinator, Basis::Team(_)) => Ok((basis, PlanRole::Member)),
            _ => Err(AccessDenied::RelativeReadsPlan),
        }
    }

    /// May this person give feedback on the client's meetings and closure, and as whom? The
    /// client; a relative the client lets write. The team hears it only in aggregate.
    pub fn give_feedback(role: Role, rel: Relationship) -> Result<(Basis, ViewAuthor), AccessDenied> {
        match Self::contribute(role, rel)? {
            (_, ViewAuthor::Professional) => Err(AccessDenied::FeedbackFromClientSide),
            client_side => Ok(client_side),
        }
    }

    /// May this person read a case's feedback in aggregate? Its coordinator pair.
    pub fn read_feedback(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        Self::change_stage(role, rel)
    }

    /// May this person raise a concern about the client? Anyone may: a professional about anyone,
    /// the client about themself, a relative when the client has let them write.
    pub fn raise_concern(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        match (role, rel) {
            (Role::Administrator, _) => Err(AccessDenied::AdministratorNoClientContent),
            (Role::Auditor, _) => Err(AccessDenied::AuditorSeesLogOnly),
            (Role::Client, Relationship::OwnClient) => Ok(Basis::OwnClient),
            (Role::Client, _) => Err(AccessDenied::NotYourCase),
            (Role::Relative, _) => Self::contribute(role, rel).map(|(basis, _)| basis),
            (Role::Professional | Role::Coordinator, _) => Ok(Basis::Identification),
        }
    }

    /// May this person screen concerns and decide on them? Coordinators only.
    pub fn screen(role: Role) -> Result<Basis, AccessDenied> {
        match role {
            Role::Coordinator => Ok(Basis::Screening),
            _ => Err(AccessDenied::CoordinatorsOnly),
        }
    }

    /// May this person see how many cases stand in each step of the process map? Professionals
    /// and coordinators: the numbers carry no names, and the cases behind a step are listed only
    /// where the reader is on the team.
    pub fn process_counts(role: Role) -> Result<(), AccessDenied> {
        match role {
            Role::Professional | Role::Coordinator => Ok(()),
            Role::Administrator => Err(AccessDenied::AdministratorNoClientContent),
            Role::Auditor => Err(AccessDenied::AuditorSeesLogOnly),
            Role::Client | Role::Relative => Err(AccessDenied::StaffOnly),
        }
    }

    /// May this person follow live changes (`/live`)? The live views are staff views today; what
    /// they hear names no one, and each view reloads through the rules above.
    pub fn follow_live(role: Role) -> Result<(), AccessDenied> {
        Self::process_counts(role)
    }

    /// May this person list the cases on whose teams they sit? Professionals and coordinators; the
    /// client and close ones follow their pathway instead.
    pub fn list_own_cases(role: Role) -> Result<(), AccessDenied> {
        match role {
            Role::Professional | Role::Coordinator => Ok(()),
            Role::Administrator => Err(AccessDenied::AdministratorNoClientContent),
            Role::Auditor => Err(AccessDenied::AuditorSeesLogOnly),
            Role::Client | Role::Relative => Err(AccessDenied::CaseListForTeams),
        }
    }

    /// May this person open boards at all (their own board)? Professionals and coordinators.
    pub fn view_boards(role: Role) -> Result<(), AccessDenied> {
        match role {
            Role::Professional | Role::Coordinator => Ok(()),
            Role::Administrator => Err(AccessDenied::AdministratorNoClientContent),
            Role::Auditor => Err(AccessDenied::AuditorSeesLogOnly),
            Role::Client | Role::Relative => Err(AccessDenied::BoardsForStaff),
        }
    }

    /// May this person open a coordinator pair's board? One of the pair's two coordinators.
    pub fn view_pair_board(role: Role, user_id: UserId, pair: (UserId, UserId)) -> Result<(), AccessDenied> {
        Self::view_boards(role)?;
        if role == Role::Coordinator && (user_id == pair.0 || user_id == pair.1) {
            Ok(())
        } else {
            Err(AccessDenied::NotThisPair)
        }
    }

    /// May this person open a client's team board, see its cards' comments and comment on them?
    /// The professionals on the team; the client and relatives have their pathway.
    pub fn view_team_board(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        Self::view_boards(role)?;
        Self::view_case(role, rel)
    }

    /// May this person read the record entries of a case at all? The client (all but those hidden
    /// from them) and the team (each entry then by its register: `consent::read_record`).
    /// Relatives do not: what they see is the pathway the client shares.
    pub fn read_records(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        match Self::view_case(role, rel)? {
            Basis::RelativeLink => Err(AccessDenied::RecordsNotForRelatives),
            basis => Ok(basis),
        }
    }

    /// May this person write a record entry? A professional on the team, into their own register.
    pub fn write_record(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        match Self::view_case(role, rel)? {
            basis @ Basis::Team(_) => Ok(basis),
            _ => Err(AccessDenied::RecordsByProfessionals),
        }
    }

    /// May this person record a legal basis to read the other register of a client on their team?
    /// A professional on the team, for themself.
    pub fn open_by_law(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        Self::write_record(role, rel)
    }

    /// May this person record a consent the client or their legal representative gave them (told
    /// or signed), or its withdrawal? A professional on the client's team.
    pub fn record_consent(role: Role, rel: Relationship) -> Result<Basis, AccessDenied> {
        match Self::view_case(role, rel)? {
            basis @ Basis::Team(_) => Ok(basis),
            _ => Err(AccessDenied::ConsentRecordedByTeam),
        }
    }

    /// May this person open their own information page: give, narrow and withdraw consent, set
    /// what their close ones may do, and read who has accessed their information? A client, about
    /// themself; the page is about the person signed in, not about a case, so the role decides.
    pub fn own_privacy(role: Role) -> Result<Basis, AccessDenied> {
        match role {
            Role::Client => Ok(Basis::OwnClient),
            Role::Administrator => Err(AccessDenied::AdministratorNoClientContent),
            Role::Auditor => Err(AccessDenied::AuditorSeesLogOnly),
            Role::Professional | Role::Coordinator | Role::Relative => Err(AccessDenied::ClientsOwnPrivacy),
        }
    }

    /// May this person search the access log across clients? Audit reviewers only; the search is
    /// itself logged, about each client it names, with the basis `AuditReview`.
    pub fn search_audit(role: Role) -> Result<Basis, AccessDenied> {
        match role {
            Role::Auditor => Ok(Basis::AuditReview),
            _ => Err(AccessDenied::AuditorsOnly),
        }
    }

    /// May this person see a non-disclosure client's address and municipality?
    /// Only the client and the coordinator pair (DOMAIN.md, turvakielto).
    pub fn see_protected_location(rel: Relationship, non_disclosure: bool) -> bool {
        !non_disclosure
            || matches!(rel, Relationship::OwnClient)
            || matches!(rel, Relationship::Team(role) if role.is_coordinator())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAFF: [Role; 2] = [Role::Professional, Role::Coordinator];

    #[test]
    fn only_staff_see_the_numbers_of_the_process_map() {
        for role in STAFF {
            assert_eq!(Access::process_counts(role), Ok(()));
        }
        assert_eq!(Access::process_counts(Role::Client), Err(AccessDenied::StaffOnly));
        assert_eq!(Access::process_counts(Role::Relative), Err(AccessDenied::StaffOnly));
        assert_eq!(Access::process_counts(Role::Administrator), Err(AccessDenied::AdministratorNoClientContent));
    }

    #[test]
    fn boards_are_for_the_team_and_a_pair_board_for_its_pair() {
        for role in STAFF {
            assert_eq!(Access::view_boards(role), Ok(()));
        }
        assert_eq!(Access::view_boards(Role::Client), Err(AccessDenied::BoardsForStaff));
        assert_eq!(Access::view_boards(Role::Administrator), Err(AccessDenied::AdministratorNoClientContent));
        assert_eq!(Access::view_pair_board(Role::Coordinator, UserId(3), (UserId(3), UserId(4))), Ok(()));
        assert_eq!(Access::view_pair_board(Role::Coordinator, UserId(4), (UserId(3), UserId(4))), Ok(()));
        assert_eq!(
            Access::view_pair_board(Role::Coordinator, UserId(5), (UserId(3), UserId(4))),
            Err(AccessDenied::NotThisPair)
        );
        assert_eq!(
            Access::view_pair_board(Role::Professional, UserId(3), (UserId(3), UserId(4))),
            Err(AccessDenied::NotThisPair)
        );
        assert_eq!(
            Access::view_pair_board(Role::Relative, UserId(3), (UserId(3), UserId(4))),
            Err(AccessDenied::BoardsForStaff)
        );
        let member = Relationship::Team(TeamRole::Member);
        assert_eq!(Access::view_team_board(Role::Professional, member), Ok(Basis::Team(TeamRole::Member)));
        assert_eq!(Access::view_team_board(Role::Professional, Relationship::Unrelated), Err(AccessDenied::NotOnTeam));
        assert_eq!(Access::view_team_board(Role::Client, Relationship::OwnClient), Err(AccessDenied::BoardsForStaff));
        assert_eq!(
            Access::view_team_board(Role::Relative, Relationship::Relative { can_view: true, can_write: true }),
            Err(AccessDenied::BoardsForStaff)
        );
    }

    #[test]
    fn an_audit_reviewer_searches_the_log_and_sees_no_client_content() {
        assert_eq!(Access::search_audit(Role::Auditor), Ok(Basis::AuditReview));
        for role in [Role::Client, Role::Relative, Role::Professional, Role::Coordinator, Role::Administrator] {
            assert_eq!(Access::search_audit(role), Err(AccessDenied::AuditorsOnly), "{role}");
        }
        for rel in [Relationship::OwnClient, Relationship::Team(TeamRole::SocialCoordinator), Relationship::Unrelated] {
            assert_eq!(Access::view_case(Role::Auditor, rel), Err(AccessDenied::AuditorSeesLogOnly));
            assert_eq!(Access::raise_concern(Role::Auditor, rel), Err(AccessDenied::AuditorSeesLogOnly));
            assert_eq!(Access::read_records(Role::Auditor, rel), Err(AccessDenied::AuditorSeesLogOnly));
        }
        assert_eq!(Access::process_counts(Role::Auditor), Err(AccessDenied::AuditorSeesLogOnly));
        assert_eq!(Access::view_boards(Role::Auditor), Err(AccessDenied::AuditorSeesLogOnly));
        assert_eq!(Basis::parse(&Basis::AuditReview.to_string()), Some(Basis::AuditReview));
    }

    #[test]
    fn a_client_sees_only_their_own_case() {
        assert_eq!(Access::view_case(Role::Client, Relationship::OwnClient), Ok(Basis::OwnClient));
        assert_eq!(Access::view_case(Role::Client, Relationship::Unrelated), Err(AccessDenied::NotYourCase));
    }

    #[test]
    fn a_relative_sees_only_within_the_granted_scope() {
        assert_eq!(
            Access::view_case(Role::Relative, Relationship::Relative { can_view: true, can_write: false }),
            Ok(Basis::RelativeLink)
        );
        assert_eq!(
            Access::view_case(Role::Relative, Relationship::Relative { can_view: false, can_write: false }),
            Err(AccessDenied::OutsideRelativeScope)
        );
        assert_eq!(Access::view_case(Role::Relative, Relationship::Unrelated), Err(AccessDenied::NotYourCase));
    }

    #[test]
    fn staff_need_to_be_on_the_team() {
        for role in STAFF {
            assert_eq!(
                Access::view_case(role, Relationship::Team(TeamRole::Member)),
                Ok(Basis::Team(TeamRole::Member))
            );
            assert_eq!(Access::view_case(role, Relationship::Unrelated), Err(AccessDenied::NotOnTeam));
            assert_eq!(
                Access::view_case(role, Relationship::Relative { can_view: true, can_write: false }),
                Err(AccessDenied::NotOnTeam)
            );
        }
    }

    #[test]
    fn administrators_never_see_client_content() {
        for rel in [
            Relationship::OwnClient,
            Relationship::Team(TeamRole::SocialCoordinator),
            Relationship::Relative { can_view: true, can_write: false },
            Relationship::Unrelated,
        ] {
            assert_eq!(Access::view_case(Role::Administrator, rel), Err(AccessDenied::AdministratorNoClientContent));
        }
    }

    #[test]
    fn only_the_coordinator_pair_moves_a_case() {
        for seat in [TeamRole::SocialCoordinator, TeamRole::HealthCoordinator] {
            assert_eq!(Access::change_stage(Role::Coordinator, Relationship::Team(seat)), Ok(Basis::Team(seat)));
        }
        assert_eq!(
            Access::change_stage(Role::Coordinator, Relationship::Team(TeamRole::Member)),
            Err(AccessDenied::NotCoordinatorOfCase)
        );
        assert_eq!(
            Access::change_stage(Role::Professional, Relationship::Team(TeamRole::OwnWorker)),
            Err(AccessDenied::NotCoordinatorOfCase)
        );
        assert_eq!(
            Access::change_stage(Role::Client, Relationship::OwnClient),
            Err(AccessDenied::NotCoordinatorOfCase)
        );
        assert_eq!(Access::change_stage(Role::Coordinator, Relationship::Unrelated), Err(AccessDenied::NotOnTeam));
    }

    #[test]
    fn anyone_may_raise_a_concern_within_their_relationship() {
        assert_eq!(Access::raise_concern(Role::Professional, Relationship::Unrelated), Ok(Basis::Identification));
        assert_eq!(Access::raise_concern(Role::Client, Relationship::OwnClient), Ok(Basis::OwnClient));
        assert_eq!(
            Access::raise_concern(Role::Relative, Relationship::Relative { can_view: true, can_write: true }),
            Ok(Basis::RelativeLink)
        );
        assert_eq!(
            Access::raise_concern(Role::Relative, Relationship::Relative { can_view: true, can_write: false }),
            Err(AccessDenied::OutsideRelativeScope)
        );
        assert_eq!(Access::raise_concern(Role::Relative, Relationship::Unrelated), Err(AccessDenied::NotYourCase));
        assert_eq!(Access::raise_concern(Role::Client, Relationship::Unrelated), Err(AccessDenied::NotYourCase));
        assert_eq!(
            Access::raise_concern(Role::Administrator, Relationship::Unrelated),
            Err(AccessDenied::AdministratorNoClientContent)
        );
    }

    #[test]
    fn the_client_a_writing_relative_and_the_team_write_and_a_viewing_relative_reads() {
        assert_eq!(
            Access::contribute(Role::Client, Relationship::OwnClient),
            Ok((Basis::OwnClient, ViewAuthor::Client))
        );
        assert_eq!(Access::contribute(Role::Client, Relationship::Unrelated), Err(AccessDenied::NotYourCase));
        assert_eq!(
            Access::contribute(Role::Relative, Relationship::Relative { can_view: true, can_write: true }),
            Ok((Basis::RelativeLink, ViewAuthor::Relative))
        );
        assert_eq!(
            Access::contribute(Role::Relative, Relationship::Relative { can_view: true, can_write: false }),
            Err(AccessDenied::OutsideRelativeScope)
        );
        assert_eq!(
            Access::contribute(Role::Relative, Relationship::Relative { can_view: false, can_write: true }),
            Err(AccessDenied::OutsideRelativeScope)
        );
        assert_eq!(
            Access::contribute(Role::Professional, Relationship::Team(TeamRole::Member)),
            Ok((Basis::Team(TeamRole::Member), ViewAuthor::Professional))
        );
        assert_eq!(Access::contribute(Role::Professional, Relationship::Unrelated), Err(AccessDenied::NotOnTeam));
        assert_eq!(
            Access::contribute(Role::Administrator, Relationship::Unrelated),
            Err(AccessDenied::AdministratorNoClientContent)
        );
    }

    #[test]
    fn only_the_pair_records_the_assessment() {
        assert!(Access::edit_assessment(Role::Coordinator, Relationship::Team(TeamRole::HealthCoordinator)).is_ok());
        assert_eq!(
            Access::edit_assessment(Role::Professional, Relationship::Team(TeamRole::Member)),
            Err(AccessDenied::NotCoordinatorOfCase)
        );
        assert_eq!(
            Access::edit_assessment(Role::Client, Relationship::OwnClient),
            Err(AccessDenied::NotCoordinatorOfCase)
        );
    }

    #[test]
    fn the_client_the_pair_and_members_each_change_their_part_of_the_plan() {
        assert_eq!(Access::edit_plan(Role::Client, Relationship::OwnClient), Ok((Basis::OwnClient, PlanRole::Client)));
        assert_eq!(
            Access::edit_plan(Role::Coordinator, Relationship::Team(TeamRole::HealthCoordinator)),
            Ok((Basis::Team(TeamRole::HealthCoordinator), PlanRole::Coordinator))
        );
        assert_eq!(
            Access::edit_plan(Role::Coordinator, Relationship::Team(TeamRole::Member)),
            Ok((Basis::Team(TeamRole::Member), PlanRole::Member)),
            "a coordinator on someone else's team is a member there"
        );
        assert_eq!(
            Access::edit_plan(Role::Professional, Relationship::Team(TeamRole::OwnWorker)),
            Ok((Basis::Team(TeamRole::OwnWorker), PlanRole::Member))
        );
        assert_eq!(
            Access::edit_plan(Role::Relative, Relationship::Relative { can_view: true, can_write: true }),
            Err(AccessDenied::RelativeReadsPlan)
        );
        assert_eq!(Access::edit_plan(Role::Professional, Relationship::Unrelated), Err(AccessDenied::NotOnTeam));
        assert_eq!(
            Access::edit_plan(Role::Administrator, Relationship::Unrelated),
            Err(AccessDenied::AdministratorNoClientContent)
        );
    }

    #[test]
    fn feedback_comes_from_the_client_and_writing_relatives_and_the_pair_reads_it() {
        assert_eq!(
            Access::give_feedback(Role::Client, Relationship::OwnClient),
            Ok((Basis::OwnClient, ViewAuthor::Client))
        );
        assert_eq!(
            Access::give_feedback(Role::Relative, Relationship::Relative { can_view: true, can_write: true }),
            Ok((Basis::RelativeLink, ViewAuthor::Relative))
        );
        assert_eq!(
            Access::give_feedback(Role::Relative, Relationship::Relative { can_view: true, can_write: false }),
            Err(AccessDenied::OutsideRelativeScope)
        );
        assert_eq!(Access::give_feedback(Role::Client, Relationship::Unrelated), Err(AccessDenied::NotYourCase));
        assert_eq!(
            Access::give_feedback(Role::Coordinator, Relationship::Team(TeamRole::SocialCoordinator)),
            Err(AccessDenied::FeedbackFromClientSide)
        );
        assert_eq!(Access::give_feedback(Role::Professional, Relationship::Unrelated), Err(AccessDenied::NotOnTeam));
        assert!(Access::read_feedback(Role::Coordinator, Relationship::Team(TeamRole::HealthCoordinator)).is_ok());
        assert_eq!(
            Access::read_feedback(Role::Professional, Relationship::Team(TeamRole::OwnWorker)),
            Err(AccessDenied::NotCoordinatorOfCase)
        );
        assert_eq!(
            Access::read_feedback(Role::Client, Relationship::OwnClient),
            Err(AccessDenied::NotCoordinatorOfCase)
        );
    }

    #[test]
    fn the_pair_proposes_and_only_the_client_answers() {
        assert!(Access::manage_team(Role::Coordinator, Relationship::Team(TeamRole::SocialCoordinator)).is_ok());
        assert_eq!(
            Access::manage_team(Role::Professional, Relationship::Team(TeamRole::OwnWorker)),
            Err(AccessDenied::NotCoordinatorOfCase)
        );
        assert_eq!(Access::answer_proposal(Role::Client, Relationship::OwnClient), Ok(Basis::OwnClient));
        assert_eq!(Access::answer_proposal(Role::Client, Relationship::Unrelated), Err(AccessDenied::NotYourCase));
        assert_eq!(
            Access::answer_proposal(Role::Relative, Relationship::Relative { can_view: true, can_write: true }),
            Err(AccessDenied::ClientOnly)
        );
        assert_eq!(
            Access::answer_proposal(Role::Coordinator, Relationship::Team(TeamRole::SocialCoordinator)),
            Err(AccessDenied::ClientOnly)
        );
        assert_eq!(Access::answer_proposal(Role::Professional, Relationship::Unrelated), Err(AccessDenied::NotOnTeam));
    }

    #[test]
    fn only_coordinators_screen() {
        assert_eq!(Access::screen(Role::Coordinator), Ok(Basis::Screening));
        for role in [Role::Professional, Role::Client, Role::Relative, Role::Administrator] {
            assert_eq!(Access::screen(role), Err(AccessDenied::CoordinatorsOnly));
        }
    }

    #[test]
    fn records_are_written_by_the_team_and_read_by_the_team_and_the_client() {
        let member = Relationship::Team(TeamRole::Member);
        let relative = Relationship::Relative { can_view: true, can_write: true };
        assert_eq!(Access::write_record(Role::Professional, member), Ok(Basis::Team(TeamRole::Member)));
        assert_eq!(
            Access::write_record(Role::Client, Relationship::OwnClient),
            Err(AccessDenied::RecordsByProfessionals)
        );
        assert_eq!(Access::write_record(Role::Relative, relative), Err(AccessDenied::RecordsByProfessionals));
        assert_eq!(Access::write_record(Role::Professional, Relationship::Unrelated), Err(AccessDenied::NotOnTeam));
        assert_eq!(Access::read_records(Role::Coordinator, member), Ok(Basis::Team(TeamRole::Member)));
        assert_eq!(Access::read_records(Role::Client, Relationship::OwnClient), Ok(Basis::OwnClient));
        assert_eq!(Access::read_records(Role::Relative, relative), Err(AccessDenied::RecordsNotForRelatives));
        assert_eq!(Access::read_records(Role::Administrator, member), Err(AccessDenied::AdministratorNoClientContent));
    }

    #[test]
    fn the_case_list_is_for_professionals_and_says_why_to_everyone_else() {
        assert_eq!(Access::list_own_cases(Role::Professional), Ok(()));
        assert_eq!(Access::list_own_cases(Role::Coordinator), Ok(()));
        assert_eq!(Access::list_own_cases(Role::Client), Err(AccessDenied::CaseListForTeams));
        assert_eq!(Access::list_own_cases(Role::Relative), Err(AccessDenied::CaseListForTeams));
        assert_eq!(Access::list_own_cases(Role::Administrator), Err(AccessDenied::AdministratorNoClientContent));
        assert_eq!(Access::list_own_cases(Role::Auditor), Err(AccessDenied::AuditorSeesLogOnly));
    }

    #[test]
    fn a_consent_given_to_the_team_is_recorded_by_a_professional_on_it() {
        let relative = Relationship::Relative { can_view: true, can_write: true };
        assert_eq!(
            Access::record_consent(Role::Professional, Relationship::Team(TeamRole::Member)),
            Ok(Basis::Team(TeamRole::Member))
        );
        assert_eq!(
            Access::record_consent(Role::Coordinator, Relationship::Team(TeamRole::HealthCoordinator)),
            Ok(Basis::Team(TeamRole::HealthCoordinator))
        );
        assert_eq!(
            Access::record_consent(Role::Client, Relationship::OwnClient),
            Err(AccessDenied::ConsentRecordedByTeam)
        );
        assert_eq!(Access::record_consent(Role::Relative, relative), Err(AccessDenied::ConsentRecordedByTeam));
        assert_eq!(Access::record_consent(Role::Professional, Relationship::Unrelated), Err(AccessDenied::NotOnTeam));
        assert_eq!(
            Access::record_consent(Role::Auditor, Relationship::Team(TeamRole::Member)),
            Err(AccessDenied::AuditorSeesLogOnly)
        );
    }

    #[test]
    fn only_the_client_steers_their_consent_and_reads_their_access_log() {
        assert_eq!(Access::own_privacy(Role::Client), Ok(Basis::OwnClient));
        for role in [Role::Relative, Role::Coordinator, Role::Professional] {
            assert_eq!(Access::own_privacy(role), Err(AccessDenied::ClientsOwnPrivacy), "{role:?}");
        }
        assert_eq!(Access::own_privacy(Role::Administrator), Err(AccessDenied::AdministratorNoClientContent));
        assert_eq!(Access::own_privacy(Role::Auditor), Err(AccessDenied::AuditorSeesLogOnly));
    }

    #[test]
    fn protected_location_is_for_the_client_and_the_coordinator_pair() {
        assert!(Access::see_protected_location(Relationship::Unrelated, false));
        assert!(Access::see_protected_location(Relationship::OwnClient, true));
        assert!(Access::see_protected_location(Relationship::Team(TeamRole::HealthCoordinator), true));
        assert!(!Access::see_protected_location(Relationship::Team(TeamRole::Member), true));
        assert!(!Access::see_protected_location(Relationship::Relative { can_view: true, can_write: false }, true));
    }

    #[test]
    fn the_basis_reads_well_in_the_audit_log() {
        assert_eq!(Basis::Team(TeamRole::OwnWorker).to_string(), "team:own_worker");
        assert_eq!(Basis::OwnClient.to_string(), "own_client");
        for basis in [
            Basis::OwnClient,
            Basis::RelativeLink,
            Basis::Team(TeamRole::HealthCoordinator),
            Basis::Identification,
            Basis::Screening,
            Basis::CoordinatorPair,
            Basis::Consent(12),
            Basis::Legal(LegalBasis::ChildWelfare),
        ] {
            assert_eq!(Basis::parse(&basis.to_string()), Some(basis), "{basis}");
        }
        assert_eq!(Basis::parse("team:janitor"), None);
        assert_eq!(Basis::parse("consent:x"), None);
        assert_eq!(Basis::parse("forged"), None);
    }
}
