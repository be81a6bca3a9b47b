//! Translated names of domain values, and dates written the local way.

use crate::domain::assessment::{ContactMode, Missing, ViewAuthor, Weight};
use crate::domain::audit_search::BasisKind;
use crate::domain::board::Column;
use crate::domain::calendar::{finnish_date, finnish_time};
use crate::domain::feedback::Occasion;
use crate::domain::plan::TaskStatus;
use crate::domain::process::{Deadline, Party, Principle, Step};
use crate::domain::register::{LegalBasis, Register};
use crate::domain::review::GoalScore;
use crate::domain::screening::Segment;
use crate::domain::{Basis, LifeArea, Role, Sector, Stage, TeamRole};
use crate::i18n::*;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use leptos::prelude::*;

pub type I18n = leptos_i18n::I18nContext<Locale>;

pub fn task_status(i18n: I18n, status: TaskStatus) -> String {
    match status {
        TaskStatus::Open => t_string!(i18n, plan.status_open).to_string(),
        TaskStatus::InProgress => t_string!(i18n, plan.status_in_progress).to_string(),
        TaskStatus::Done => t_string!(i18n, plan.status_done).to_string(),
    }
}

/// A board column's name: a step of the process or an action's status.
pub fn column(i18n: I18n, column: Column) -> String {
    match column {
        Column::Step(step) => self::step(i18n, step),
        Column::Status(status) => task_status(i18n, status),
    }
}

pub fn stage(i18n: I18n, stage: Stage) -> String {
    match stage {
        Stage::Identification => t_string!(i18n, stage.identification).to_string(),
        Stage::Assessment => t_string!(i18n, stage.assessment).to_string(),
        Stage::Collaboration => t_string!(i18n, stage.collaboration).to_string(),
        Stage::FollowUp => t_string!(i18n, stage.follow_up).to_string(),
        Stage::Closed => t_string!(i18n, stage.closed).to_string(),
    }
}

pub fn team_role(i18n: I18n, role: TeamRole) -> String {
    match role {
        TeamRole::SocialCoordinator => t_string!(i18n, team_role.social_coordinator).to_string(),
        TeamRole::HealthCoordinator => t_string!(i18n, team_role.health_coordinator).to_string(),
        TeamRole::OwnWorker => t_string!(i18n, team_role.own_worker).to_string(),
        TeamRole::Member => t_string!(i18n, team_role.member).to_string(),
        TeamRole::Relative => t_string!(i18n, team_role.relative).to_string(),
    }
}

pub fn role(i18n: I18n, role: Role) -> String {
    match role {
        Role::Client => t_string!(i18n, role.client).to_string(),
        Role::Relative => t_string!(i18n, role.relative).to_string(),
        Role::Professional => t_string!(i18n, role.professional).to_string(),
        Role::Coordinator => t_string!(i18n, role.coordinator).to_string(),
        Role::Administrator => t_string!(i18n, role.administrator).to_string(),
        Role::Auditor => t_string!(i18n, role.auditor).to_string(),
    }
}

pub fn sector(i18n: I18n, sector: Sector) -> String {
    match sector {
        Sector::Social => t_string!(i18n, sector.social).to_string(),
        Sector::Health => t_string!(i18n, sector.health).to_string(),
        Sector::Shared => t_string!(i18n, sector.shared).to_string(),
        Sector::Other => t_string!(i18n, sector.other).to_string(),
    }
}

pub fn life_area(i18n: I18n, area: LifeArea) -> String {
    match area {
        LifeArea::DailyLiving => t_string!(i18n, life_area.daily_living).to_string(),
        LifeArea::Housing => t_string!(i18n, life_area.housing).to_string(),
        LifeArea::Finances => t_string!(i18n, life_area.finances).to_string(),
        LifeArea::SocialRelations => t_string!(i18n, life_area.social_relations).to_string(),
        LifeArea::ViolenceOrCrisis => t_string!(i18n, life_area.violence_or_crisis).to_string(),
        LifeArea::ChildDevelopment => t_string!(i18n, life_area.child_development).to_string(),
        LifeArea::SubstanceUse => t_string!(i18n, life_area.substance_use).to_string(),
        LifeArea::MentalHealth => t_string!(i18n, life_area.mental_health).to_string(),
        LifeArea::Illness => t_string!(i18n, life_area.illness).to_string(),
        LifeArea::FunctionalAbility => t_string!(i18n, life_area.functional_ability).to_string(),
        LifeArea::SupportForRelatives => t_string!(i18n, life_area.support_for_relatives).to_string(),
    }
}

pub fn segment(i18n: I18n, segment: Segment) -> String {
    match segment {
        Segment::SelfManaging => t_string!(i18n, segment.self_managing).to_string(),
        Segment::Support => t_string!(i18n, segment.support).to_string(),
        Segment::Care => t_string!(i18n, segment.care).to_string(),
        Segment::Collaboration => t_string!(i18n, segment.collaboration).to_string(),
    }
}

pub fn weight(i18n: I18n, weight: Weight) -> String {
    match weight {
        Weight::Minor => t_string!(i18n, weight.minor).to_string(),
        Weight::Moderate => t_string!(i18n, weight.moderate).to_string(),
        Weight::Major => t_string!(i18n, weight.major).to_string(),
    }
}

pub fn contact_mode(i18n: I18n, mode: ContactMode) -> String {
    match mode {
        ContactMode::Meeting => t_string!(i18n, mode.meeting).to_string(),
        ContactMode::HomeVisit => t_string!(i18n, mode.home_visit).to_string(),
        ContactMode::Phone => t_string!(i18n, mode.phone).to_string(),
        ContactMode::Video => t_string!(i18n, mode.video).to_string(),
    }
}

pub fn view_author(i18n: I18n, author: ViewAuthor) -> String {
    match author {
        ViewAuthor::Client => t_string!(i18n, view_author.client).to_string(),
        ViewAuthor::Relative => t_string!(i18n, view_author.relative).to_string(),
        ViewAuthor::Professional => t_string!(i18n, view_author.professional).to_string(),
    }
}

pub fn missing(i18n: I18n, missing: Missing) -> String {
    match missing {
        Missing::Needs => t_string!(i18n, missing.needs).to_string(),
        Missing::Mode => t_string!(i18n, missing.mode).to_string(),
        Missing::Participants => t_string!(i18n, missing.participants).to_string(),
        Missing::ClientView => t_string!(i18n, missing.client_view).to_string(),
        Missing::SharedUnderstanding => t_string!(i18n, missing.shared_understanding).to_string(),
        Missing::OwnWorkerDecision => t_string!(i18n, missing.own_worker_decision).to_string(),
    }
}

/// The name of a language from its code ("fi" → "Suomi"), the code itself when unknown.
pub fn language(i18n: I18n, code: &str) -> String {
    match code {
        "fi" => t_string!(i18n, languages.fi).to_string(),
        "sv" => t_string!(i18n, languages.sv).to_string(),
        "en" => t_string!(i18n, languages.en).to_string(),
        other => other.to_string(),
    }
}

/// A date as Finnish and Swedish readers write it (14.3.1947); English readers get 14/03/1947.
pub fn date(i18n: I18n, date: NaiveDate) -> String {
    match i18n.get_locale() {
        Locale::en => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
        Locale::fi | Locale::sv => format!("{}.{}.{}", date.day(), date.month(), date.year()),
    }
}

/// The Finnish calendar day of an instant.
pub fn day(i18n: I18n, at: DateTime<Utc>) -> String {
    date(i18n, finnish_date(at))
}

/// The Finnish wall-clock time of an instant: "1.12.2026 klo 13.00", "1.12.2026 kl. 13.00",
/// "01/12/2026 13:00".
pub fn time(i18n: I18n, at: DateTime<Utc>) -> String {
    let local = finnish_time(at);
    let day = date(i18n, local.date());
    match i18n.get_locale() {
        Locale::fi => format!("{day} klo {}", local.format("%H.%M")),
        Locale::sv => format!("{day} kl. {}", local.format("%H.%M")),
        Locale::en => format!("{day} {}", local.format("%H:%M")),
    }
}

/// An average given in tenths, with the reader's decimal mark: "4,2" or "4.2".
pub fn tenths(i18n: I18n, tenths: u32) -> String {
    let mark = if i18n.get_locale() == Locale::en { '.' } else { ',' };
    format!("{}{mark}{}", tenths / 10, tenths % 10)
}

pub fn occasion(i18n: I18n, occasion: Occasion) -> String {
    match occasion {
        Occasion::Meeting => t_string!(i18n, feedback.occasion.meeting).to_string(),
        Occasion::Closure => t_string!(i18n, feedback.occasion.closure).to_string(),
    }
}

pub fn step(i18n: I18n, step: Step) -> String {
    match step {
        Step::Concern => t_string!(i18n, step.concern).to_string(),
        Step::Screening => t_string!(i18n, step.screening).to_string(),
        Step::Assessment => t_string!(i18n, step.assessment).to_string(),
        Step::Team => t_string!(i18n, step.team).to_string(),
        Step::Plan => t_string!(i18n, step.plan).to_string(),
        Step::Meetings => t_string!(i18n, step.meetings).to_string(),
        Step::Review => t_string!(i18n, step.review).to_string(),
        Step::Feedback => t_string!(i18n, step.feedback).to_string(),
        Step::Closure => t_string!(i18n, step.closure).to_string(),
    }
}

/// What happens in a step, for staff.
pub fn step_what(i18n: I18n, step: Step) -> String {
    match step {
        Step::Concern => t_string!(i18n, step_what.concern).to_string(),
        Step::Screening => t_string!(i18n, step_what.screening).to_string(),
        Step::Assessment => t_string!(i18n, step_what.assessment).to_string(),
        Step::Team => t_string!(i18n, step_what.team).to_string(),
        Step::Plan => t_string!(i18n, step_what.plan).to_string(),
        Step::Meetings => t_string!(i18n, step_what.meetings).to_string(),
        Step::Review => t_string!(i18n, step_what.review).to_string(),
        Step::Feedback => t_string!(i18n, step_what.feedback).to_string(),
        Step::Closure => t_string!(i18n, step_what.closure).to_string(),
    }
}

/// What a step records.
pub fn step_records(i18n: I18n, step: Step) -> String {
    match step {
        Step::Concern => t_string!(i18n, step_records.concern).to_string(),
        Step::Screening => t_string!(i18n, step_records.screening).to_string(),
        Step::Assessment => t_string!(i18n, step_records.assessment).to_string(),
        Step::Team => t_string!(i18n, step_records.team).to_string(),
        Step::Plan => t_string!(i18n, step_records.plan).to_string(),
        Step::Meetings => t_string!(i18n, step_records.meetings).to_string(),
        Step::Review => t_string!(i18n, step_records.review).to_string(),
        Step::Feedback => t_string!(i18n, step_records.feedback).to_string(),
        Step::Closure => t_string!(i18n, step_records.closure).to_string(),
    }
}

/// A step in plain language, for the client and their close ones.
pub fn step_plain(i18n: I18n, step: Step) -> String {
    match step {
        Step::Concern => t_string!(i18n, step_plain.concern).to_string(),
        Step::Screening => t_string!(i18n, step_plain.screening).to_string(),
        Step::Assessment => t_string!(i18n, step_plain.assessment).to_string(),
        Step::Team => t_string!(i18n, step_plain.team).to_string(),
        Step::Plan => t_string!(i18n, step_plain.plan).to_string(),
        Step::Meetings => t_string!(i18n, step_plain.meetings).to_string(),
        Step::Review => t_string!(i18n, step_plain.review).to_string(),
        Step::Feedback => t_string!(i18n, step_plain.feedback).to_string(),
        Step::Closure => t_string!(i18n, step_plain.closure).to_string(),
    }
}

pub fn party(i18n: I18n, party: Party) -> String {
    match party {
        Party::Client => t_string!(i18n, party.client).to_string(),
        Party::Relatives => t_string!(i18n, party.relatives).to_string(),
        Party::Professionals => t_string!(i18n, party.professionals).to_string(),
        Party::CoordinatorPair => t_string!(i18n, party.coordinator_pair).to_string(),
    }
}

pub fn principle(i18n: I18n, principle: Principle) -> String {
    match principle {
        Principle::OpenDialogue => t_string!(i18n, principle.open_dialogue).to_string(),
        Principle::SystemicThinking => t_string!(i18n, principle.systemic_thinking).to_string(),
        Principle::Participation => t_string!(i18n, principle.participation).to_string(),
    }
}

pub fn principle_text(i18n: I18n, principle: Principle) -> String {
    match principle {
        Principle::OpenDialogue => t_string!(i18n, principle_text.open_dialogue).to_string(),
        Principle::SystemicThinking => t_string!(i18n, principle_text.systemic_thinking).to_string(),
        Principle::Participation => t_string!(i18n, principle_text.participation).to_string(),
    }
}

pub fn deadline(i18n: I18n, deadline: Deadline) -> String {
    match deadline {
        Deadline::UrgentHelpAtOnce => t_string!(i18n, deadline.urgent_help_at_once).to_string(),
        Deadline::AssessmentStart => t_string!(i18n, deadline.assessment_start).to_string(),
        Deadline::ReviewDate => t_string!(i18n, deadline.review_date).to_string(),
    }
}

/// A goal's score at a review; `None` is the client's score when they gave none.
pub fn goal_score(i18n: I18n, score: Option<GoalScore>) -> String {
    match score {
        Some(GoalScore::Achieved) => t_string!(i18n, review.achieved).to_string(),
        Some(GoalScore::Progressing) => t_string!(i18n, review.progressing).to_string(),
        Some(GoalScore::NotProgressing) => t_string!(i18n, review.not_progressing).to_string(),
        Some(GoalScore::Changed) => t_string!(i18n, review.changed).to_string(),
        None => t_string!(i18n, review.not_given).to_string(),
    }
}

pub fn kind_name(i18n: I18n, kind: BasisKind) -> String {
    let text = match kind {
        BasisKind::Team => t_string!(i18n, audit.kind.team),
        BasisKind::Consent => t_string!(i18n, audit.kind.consent),
        BasisKind::Legal => t_string!(i18n, audit.kind.legal),
        BasisKind::OwnClient => t_string!(i18n, audit.kind.own_client),
        BasisKind::RelativeLink => t_string!(i18n, audit.kind.relative_link),
        BasisKind::Identification => t_string!(i18n, audit.kind.identification),
        BasisKind::Screening => t_string!(i18n, audit.kind.screening),
        BasisKind::CoordinatorPair => t_string!(i18n, audit.kind.coordinator_pair),
        BasisKind::AuditReview => t_string!(i18n, audit.kind.audit_review),
    };
    text.to_string()
}

pub fn register_name(i18n: I18n, register: Register) -> String {
    match register {
        Register::Social => t_string!(i18n, privacy.register_social).to_string(),
        Register::Health => t_string!(i18n, privacy.register_health).to_string(),
    }
}

pub fn resource_name(i18n: I18n, resource: &str) -> String {
    let text = match resource {
        "case" => t_string!(i18n, privacy.resource.case),
        "case_list" => t_string!(i18n, privacy.resource.case_list),
        "case_stage" => t_string!(i18n, privacy.resource.case_stage),
        "client" => t_string!(i18n, privacy.resource.client),
        "pathway" => t_string!(i18n, privacy.resource.pathway),
        "assessment" => t_string!(i18n, privacy.resource.assessment),
        "assessment_view" => t_string!(i18n, privacy.resource.assessment_view),
        "plan" => t_string!(i18n, privacy.resource.plan),
        "plan_review" => t_string!(i18n, privacy.resource.plan_review),
        "meeting" => t_string!(i18n, privacy.resource.meeting),
        "meeting_voice" => t_string!(i18n, privacy.resource.meeting_voice),
        "team" => t_string!(i18n, privacy.resource.team),
        "feedback" => t_string!(i18n, privacy.resource.feedback),
        "board" => t_string!(i18n, privacy.resource.board),
        "board_card" => t_string!(i18n, privacy.resource.board_card),
        "board_comment" => t_string!(i18n, privacy.resource.board_comment),
        "board_event" => t_string!(i18n, privacy.resource.board_event),
        "notification" => t_string!(i18n, privacy.resource.notification),
        "concern" => t_string!(i18n, privacy.resource.concern),
        "screening" => t_string!(i18n, privacy.resource.screening),
        "record_entry" => t_string!(i18n, privacy.resource.record_entry),
        "consent" => t_string!(i18n, privacy.resource.consent),
        "access_log" => t_string!(i18n, privacy.resource.access_log),
        "legal_basis" => t_string!(i18n, privacy.resource.legal_basis),
        "relative_link" => t_string!(i18n, privacy.resource.relative_link),
        _ => t_string!(i18n, privacy.resource.other),
    };
    text.to_string()
}

pub fn action_name(i18n: I18n, action: &str) -> String {
    let text = match action {
        "list" => t_string!(i18n, privacy.action.list),
        "create" => t_string!(i18n, privacy.action.create),
        "update" => t_string!(i18n, privacy.action.update),
        _ => t_string!(i18n, privacy.action.view),
    };
    text.to_string()
}

pub fn basis_view(i18n: I18n, basis: Option<Basis>) -> AnyView {
    match basis {
        Some(Basis::OwnClient) => t!(i18n, privacy.basis.own_client).into_any(),
        Some(Basis::RelativeLink) => t!(i18n, privacy.basis.relative_link).into_any(),
        Some(Basis::Team(seat)) => t!(i18n, privacy.basis.team, role = move || team_role(i18n, seat)).into_any(),
        Some(Basis::Identification) => t!(i18n, privacy.basis.identification).into_any(),
        Some(Basis::Screening) => t!(i18n, privacy.basis.screening).into_any(),
        Some(Basis::CoordinatorPair) => t!(i18n, privacy.basis.coordinator_pair).into_any(),
        Some(Basis::Consent(id)) => t!(i18n, privacy.basis.consent, id = move || id).into_any(),
        Some(Basis::Legal(LegalBasis::UrgentCare)) => t!(i18n, privacy.basis.urgent_care).into_any(),
        Some(Basis::Legal(LegalBasis::ChildWelfare)) => t!(i18n, privacy.basis.child_welfare).into_any(),
        Some(Basis::Legal(LegalBasis::SocialWelfareDuty)) => t!(i18n, privacy.basis.social_welfare_duty).into_any(),
        Some(Basis::AuditReview) => t!(i18n, privacy.basis.audit_review).into_any(),
        None => t!(i18n, privacy.basis.unknown).into_any(),
    }
}
