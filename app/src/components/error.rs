//! Errors shown to people: every `AppError` in the reader's language, never a raw message.
//!
//! Each error is shown by its code alone: no text that came with it (a value that was not
//! understood, a name) is put on the page. An error can arrive through a link (`__err`, how a form
//! sent without JavaScript learns what went wrong), and anyone can write such a link.

use super::labels::{self, I18n};
use crate::domain::audit_search::AuditSearchError;
use crate::domain::board::BoardError;
use crate::domain::closure::ClosureError;
use crate::domain::consent::ConsentError;
use crate::domain::feedback::FeedbackError;
use crate::domain::meeting::MeetingError;
use crate::domain::paging::PageInvalid;
use crate::domain::plan::PlanError;
use crate::domain::process::MapError;
use crate::domain::record::RecordError;
use crate::domain::review::ReviewError;
use crate::domain::team::TeamError;
use crate::domain::{AccessDenied, AssessmentError, ConcernError, NameError, TransitionError};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

/// The message for an error, in the reader's language.
pub fn error_view(i18n: I18n, error: AppError) -> AnyView {
    match error {
        AppError::Unauthenticated => t!(i18n, errors.unauthenticated).into_any(),
        AppError::BadCredentials => t!(i18n, errors.bad_credentials).into_any(),
        AppError::TooManyAttempts { retry_in_minutes } => {
            t!(i18n, errors.too_many_attempts, minutes = move || retry_in_minutes).into_any()
        }
        AppError::NotFound => t!(i18n, errors.not_found).into_any(),
        AppError::Internal => t!(i18n, errors.internal).into_any(),
        AppError::BadRequest(_) => t!(i18n, errors.bad_request).into_any(),
        AppError::InvalidText => t!(i18n, errors.invalid_text).into_any(),
        AppError::TooLarge => t!(i18n, errors.too_large).into_any(),
        AppError::StaleStage { current } => {
            t!(i18n, errors.stale, stage = move || labels::stage(i18n, current)).into_any()
        }
        AppError::Forbidden(reason) => match reason {
            AccessDenied::AdministratorNoClientContent => {
                t!(i18n, errors.forbidden.administrator_no_client_content).into_any()
            }
            AccessDenied::NotOnTeam => t!(i18n, errors.forbidden.not_on_team).into_any(),
            AccessDenied::NotYourCase => t!(i18n, errors.forbidden.not_your_case).into_any(),
            AccessDenied::OutsideRelativeScope => t!(i18n, errors.forbidden.outside_relative_scope).into_any(),
            AccessDenied::NotCoordinatorOfCase => t!(i18n, errors.forbidden.not_coordinator_of_case).into_any(),
            AccessDenied::AdministratorsOnly => t!(i18n, errors.forbidden.administrators_only).into_any(),
            AccessDenied::ClientsAndRelativesOnly => t!(i18n, errors.forbidden.clients_and_relatives_only).into_any(),
            AccessDenied::CoordinatorsOnly => t!(i18n, errors.forbidden.coordinators_only).into_any(),
            AccessDenied::ClientOnly => t!(i18n, errors.forbidden.client_only).into_any(),
            AccessDenied::RelativeReadsPlan => t!(i18n, errors.forbidden.relative_reads_plan).into_any(),
            AccessDenied::FeedbackFromClientSide => t!(i18n, errors.forbidden.feedback_from_client_side).into_any(),
            AccessDenied::StaffOnly => t!(i18n, errors.forbidden.staff_only).into_any(),
            AccessDenied::CrossOrigin => t!(i18n, errors.forbidden.cross_origin).into_any(),
            AccessDenied::BoardsForStaff => t!(i18n, errors.forbidden.boards_for_staff).into_any(),
            AccessDenied::NotThisPair => t!(i18n, errors.forbidden.not_this_pair).into_any(),
            AccessDenied::NoConsent => t!(i18n, errors.forbidden.no_consent).into_any(),
            AccessDenied::RecordsByProfessionals => t!(i18n, errors.forbidden.records_by_professionals).into_any(),
            AccessDenied::RecordsNotForRelatives => t!(i18n, errors.forbidden.records_not_for_relatives).into_any(),
            AccessDenied::ClientsOwnPrivacy => t!(i18n, errors.forbidden.clients_own_privacy).into_any(),
            AccessDenied::AuditorSeesLogOnly => t!(i18n, errors.forbidden.auditor_sees_log_only).into_any(),
            AccessDenied::AuditorsOnly => t!(i18n, errors.forbidden.auditors_only).into_any(),
            AccessDenied::ConsentRecordedByTeam => t!(i18n, errors.forbidden.consent_recorded_by_team).into_any(),
            AccessDenied::CaseListForTeams => t!(i18n, errors.forbidden.case_list_for_teams).into_any(),
        },
        AppError::Concern(problem) => match problem {
            ConcernError::TextEmpty => t!(i18n, errors.concern.text_empty).into_any(),
            ConcernError::TextTooLong { max } => t!(i18n, errors.concern.text_too_long, max = move || max).into_any(),
            ConcernError::NameEmpty => t!(i18n, errors.concern.name_empty).into_any(),
            ConcernError::NameTooLong { max } => t!(i18n, errors.concern.name_too_long, max = move || max).into_any(),
            ConcernError::BirthDateInvalid => t!(i18n, errors.concern.birth_date_invalid).into_any(),
            ConcernError::BirthDateInFuture => t!(i18n, errors.concern.birth_date_in_future).into_any(),
            ConcernError::DateOutOfRange => t!(i18n, errors.date_out_of_range).into_any(),
            ConcernError::MunicipalityEmpty => t!(i18n, errors.concern.municipality_empty).into_any(),
            ConcernError::UnknownLifeArea { .. } => t!(i18n, errors.concern.unknown_life_area).into_any(),
            ConcernError::ReasonEmpty => t!(i18n, errors.concern.reason_empty).into_any(),
            ConcernError::ReasonTooLong { max } => {
                t!(i18n, errors.concern.reason_too_long, max = move || max).into_any()
            }
            ConcernError::InvalidChoice { .. } => t!(i18n, errors.concern.invalid_choice).into_any(),
            ConcernError::CountOutOfRange => t!(i18n, errors.concern.count_out_of_range).into_any(),
            ConcernError::NoAgreementToProceed => t!(i18n, errors.concern.no_agreement_to_proceed).into_any(),
            ConcernError::AlreadyDecided => t!(i18n, errors.concern.already_decided).into_any(),
            ConcernError::ClientHasOpenCase => t!(i18n, errors.concern.client_has_open_case).into_any(),
        },
        AppError::InvalidName(problem) => match problem {
            NameError::UsernameEmpty => t!(i18n, errors.name.username_empty).into_any(),
            NameError::UsernameTooLong => t!(i18n, errors.name.username_too_long).into_any(),
            NameError::UsernameCharacters => t!(i18n, errors.name.username_characters).into_any(),
            NameError::PasswordEmpty => t!(i18n, errors.name.password_empty).into_any(),
            NameError::PasswordTooLong => t!(i18n, errors.name.password_too_long).into_any(),
        },
        AppError::Transition(problem) => match problem {
            TransitionError::UnknownStage { .. } => t!(i18n, errors.transition.unknown_stage).into_any(),
            TransitionError::SameStage { stage } => {
                t!(i18n, errors.transition.same_stage, stage = move || labels::stage(i18n, stage)).into_any()
            }
            TransitionError::NotAllowed { from, to } => t!(
                i18n,
                errors.transition.not_allowed,
                from = move || labels::stage(i18n, from),
                to = move || labels::stage(i18n, to)
            )
            .into_any(),
            TransitionError::CoordinatorPairMissing { to } => {
                t!(i18n, errors.transition.coordinator_pair_missing, to = move || labels::stage(i18n, to)).into_any()
            }
            TransitionError::AssessmentNotCompleted => t!(i18n, errors.transition.assessment_not_completed).into_any(),
            TransitionError::ClosingNeedsSummary => t!(i18n, errors.transition.closing_needs_summary).into_any(),
        },
        AppError::Assessment(problem) => assessment_error(i18n, problem),
        AppError::Team(problem) => team_error(i18n, problem),
        AppError::Plan(problem) => plan_error(i18n, problem),
        AppError::Meeting(problem) => meeting_error(i18n, problem),
        AppError::Review(problem) => match problem {
            ReviewError::NoGoals => t!(i18n, errors.review.no_goals).into_any(),
            ReviewError::GoalNotScored { number } => {
                t!(i18n, errors.review.goal_not_scored, number = move || number).into_any()
            }
            ReviewError::NextReviewMissing => t!(i18n, errors.review.next_review_missing).into_any(),
            ReviewError::NextReview { problem } => {
                let detail = plan_error(i18n, problem);
                view! { {t!(i18n, errors.review.next_review)}" "{detail} }.into_any()
            }
            ReviewError::UnknownGoal => t!(i18n, errors.plan.unknown_goal).into_any(),
            ReviewError::InvalidChoice { .. } => t!(i18n, errors.plan.invalid_choice).into_any(),
            ReviewError::TextTooLong { max } => t!(i18n, errors.plan.text_too_long, max = move || max).into_any(),
        },
        AppError::Feedback(problem) => match problem {
            FeedbackError::ScoreMissing => t!(i18n, errors.feedback.score_missing).into_any(),
            FeedbackError::ScoreOutOfRange { .. } => t!(i18n, errors.feedback.score_out_of_range).into_any(),
            FeedbackError::TextTooLong { max } => t!(i18n, errors.feedback.text_too_long, max = move || max).into_any(),
            FeedbackError::UnknownOccasion { .. } => t!(i18n, errors.feedback.unknown_occasion).into_any(),
            FeedbackError::MeetingNotOver => t!(i18n, errors.feedback.meeting_not_over).into_any(),
            FeedbackError::NotInvited => t!(i18n, errors.feedback.not_invited).into_any(),
            FeedbackError::CaseNotClosed => t!(i18n, errors.feedback.case_not_closed).into_any(),
            FeedbackError::AlreadyGiven => t!(i18n, errors.feedback.already_given).into_any(),
        },
        AppError::Closure(problem) => match problem {
            ClosureError::SummaryEmpty => t!(i18n, errors.closure.summary_empty).into_any(),
            ClosureError::ContinuationEmpty => t!(i18n, errors.closure.continuation_empty).into_any(),
            ClosureError::TextTooLong { max } => t!(i18n, errors.closure.text_too_long, max = move || max).into_any(),
        },
        AppError::Map(problem) => match problem {
            MapError::UnknownStep { .. } => t!(i18n, errors.map.unknown_step).into_any(),
            MapError::UnknownScope { .. } => t!(i18n, errors.map.unknown_scope).into_any(),
            MapError::UnknownListing { .. } => t!(i18n, errors.map.unknown_listing).into_any(),
            MapError::PageInvalid { max, .. } => t!(i18n, errors.page_invalid, max = move || max).into_any(),
        },
        AppError::Page(PageInvalid { max, .. }) => t!(i18n, errors.page_invalid, max = move || max).into_any(),
        AppError::Board(problem) => board_error(i18n, problem),
        AppError::Consent(problem) => consent_error(i18n, problem),
        AppError::Record(problem) => match problem {
            RecordError::TextEmpty => t!(i18n, errors.record.text_empty).into_any(),
            RecordError::TextTooLong { max } => t!(i18n, errors.record.text_too_long, max = move || max).into_any(),
            RecordError::ReasonNeeded => t!(i18n, errors.record.reason_needed).into_any(),
            RecordError::ReasonTooLong { max } => t!(i18n, errors.record.reason_too_long, max = move || max).into_any(),
            RecordError::NoRegister => t!(i18n, errors.record.no_register).into_any(),
        },
        AppError::AuditSearch(problem) => match problem {
            AuditSearchError::TermTooLong { max } => t!(i18n, errors.audit.term_too_long, max = move || max).into_any(),
            AuditSearchError::DateInvalid { .. } => t!(i18n, errors.audit.date_invalid).into_any(),
            AuditSearchError::PeriodReversed => t!(i18n, errors.audit.period_reversed).into_any(),
            AuditSearchError::DateOutOfRange => t!(i18n, errors.date_out_of_range).into_any(),
            AuditSearchError::PeriodTooLong { max } => {
                t!(i18n, errors.audit.period_too_long, max = move || max).into_any()
            }
            AuditSearchError::UnknownBasis { .. } => t!(i18n, errors.audit.unknown_basis).into_any(),
            AuditSearchError::CursorInvalid { .. } => t!(i18n, errors.audit.cursor_invalid).into_any(),
        },
    }
}

fn board_error(i18n: I18n, problem: BoardError) -> AnyView {
    match problem {
        BoardError::UnknownBoard { .. } => t!(i18n, errors.board.unknown_board).into_any(),
        BoardError::UnknownColumn { .. } => t!(i18n, errors.board.unknown_column).into_any(),
        BoardError::UnknownCard { .. } => t!(i18n, errors.board.unknown_card).into_any(),
        BoardError::ColumnNotOnBoard => t!(i18n, errors.board.column_not_on_board).into_any(),
        BoardError::AlreadyThere => t!(i18n, errors.board.already_there).into_any(),
        BoardError::StepFollowsFromRecords { step } => {
            t!(i18n, errors.board.step_follows_from_records, step = move || labels::step(i18n, step)).into_any()
        }
        BoardError::Stale { .. } => t!(i18n, errors.board.stale).into_any(),
        BoardError::BadVersion => t!(i18n, errors.board.bad_version).into_any(),
        BoardError::EmptyComment => t!(i18n, errors.board.empty_comment).into_any(),
        BoardError::CommentTooLong { max } => t!(i18n, errors.board.comment_too_long, max = move || max).into_any(),
        BoardError::MentionOffTeam { .. } => t!(i18n, errors.board.mention_off_team).into_any(),
        BoardError::EmptyAction => t!(i18n, errors.board.empty_action).into_any(),
        BoardError::ActionTooLong { max } => t!(i18n, errors.board.action_too_long, max = move || max).into_any(),
        BoardError::NoSuchAction => t!(i18n, errors.board.no_such_action).into_any(),
    }
}

fn assessment_error(i18n: I18n, problem: AssessmentError) -> AnyView {
    match problem {
        AssessmentError::NeedWithoutText { area } => {
            t!(i18n, errors.assessment.need_without_text, area = move || labels::life_area(i18n, area)).into_any()
        }
        AssessmentError::NeedWithoutWeight { area } => {
            t!(i18n, errors.assessment.need_without_weight, area = move || labels::life_area(i18n, area)).into_any()
        }
        AssessmentError::TextTooLong { max } => t!(i18n, errors.assessment.text_too_long, max = move || max).into_any(),
        AssessmentError::InvalidChoice { .. } => t!(i18n, errors.assessment.invalid_choice).into_any(),
        AssessmentError::UnknownParticipant => t!(i18n, errors.assessment.unknown_participant).into_any(),
        AssessmentError::Incomplete { missing } => {
            let list = move || missing.iter().map(|m| labels::missing(i18n, *m)).collect::<Vec<_>>().join(", ");
            t!(i18n, errors.assessment.incomplete, missing = list).into_any()
        }
        AssessmentError::ViewEmpty => t!(i18n, errors.assessment.view_empty).into_any(),
        AssessmentError::StaleDraft => t!(i18n, errors.assessment.stale_draft).into_any(),
        AssessmentError::NotStarted => t!(i18n, errors.assessment.not_started).into_any(),
        AssessmentError::CannotStart => t!(i18n, errors.assessment.cannot_start).into_any(),
    }
}

fn consent_error(i18n: I18n, problem: ConsentError) -> AnyView {
    match problem {
        ConsentError::NoParties => t!(i18n, errors.consent.no_parties).into_any(),
        ConsentError::NoRegisters => t!(i18n, errors.consent.no_registers).into_any(),
        ConsentError::PurposeEmpty => t!(i18n, errors.consent.purpose_empty).into_any(),
        ConsentError::PurposeTooLong => t!(i18n, errors.consent.purpose_too_long).into_any(),
        ConsentError::EndsBeforeItBegins => t!(i18n, errors.consent.ends_before_it_begins).into_any(),
        ConsentError::DateOutOfRange => t!(i18n, errors.date_out_of_range).into_any(),
        ConsentError::TooLong => t!(i18n, errors.consent.too_long).into_any(),
        ConsentError::WiderThanBefore => t!(i18n, errors.consent.wider_than_before).into_any(),
        ConsentError::Withdrawn => t!(i18n, errors.consent.withdrawn).into_any(),
        ConsentError::UnknownChoice => t!(i18n, errors.consent.unknown_choice).into_any(),
        ConsentError::DateInvalid => t!(i18n, errors.consent.date_invalid).into_any(),
        ConsentError::ReasonEmpty => t!(i18n, errors.consent.reason_empty).into_any(),
        ConsentError::ReasonTooLong => t!(i18n, errors.consent.reason_too_long).into_any(),
        ConsentError::ReasonTooThin => t!(i18n, errors.consent.reason_too_thin).into_any(),
        ConsentError::BasisNotYours => t!(i18n, errors.consent.basis_not_yours).into_any(),
        ConsentError::OwnRegister => t!(i18n, errors.consent.own_register).into_any(),
        ConsentError::WriteNeedsView => t!(i18n, errors.consent.write_needs_view).into_any(),
        ConsentError::ProxyNameMissing => t!(i18n, errors.consent.proxy_name_missing).into_any(),
        ConsentError::ProxyNameTooLong => t!(i18n, errors.consent.proxy_name_too_long).into_any(),
        ConsentError::ProxyNameWithoutProxy => t!(i18n, errors.consent.proxy_name_without_proxy).into_any(),
    }
}

fn meeting_error(i18n: I18n, problem: MeetingError) -> AnyView {
    match problem {
        MeetingError::TitleEmpty => t!(i18n, errors.meeting.title_empty).into_any(),
        MeetingError::StartInvalid => t!(i18n, errors.meeting.start_invalid).into_any(),
        MeetingError::StartInPast => t!(i18n, errors.meeting.start_in_past).into_any(),
        MeetingError::StartTooFar => t!(i18n, errors.meeting.start_too_far).into_any(),
        MeetingError::DurationOutOfRange => t!(i18n, errors.meeting.duration_out_of_range).into_any(),
        MeetingError::NoPlace => t!(i18n, errors.meeting.no_place).into_any(),
        MeetingError::LinkInvalid => t!(i18n, errors.meeting.link_invalid).into_any(),
        MeetingError::NoParticipants => t!(i18n, errors.meeting.no_participants).into_any(),
        MeetingError::UnknownParticipant => t!(i18n, errors.meeting.unknown_participant).into_any(),
        MeetingError::TextTooLong { max } => t!(i18n, errors.meeting.text_too_long, max = move || max).into_any(),
        MeetingError::VoiceEmpty => t!(i18n, errors.meeting.voice_empty).into_any(),
        MeetingError::NotParticipant => t!(i18n, errors.meeting.not_participant).into_any(),
        MeetingError::NoSteps => t!(i18n, errors.meeting.no_steps).into_any(),
        MeetingError::StepsAlreadyAgreed => t!(i18n, errors.meeting.steps_already_agreed).into_any(),
        MeetingError::Step { row, problem } => {
            let detail = plan_error(i18n, problem);
            view! { {t!(i18n, errors.meeting.step, row = move || row)}" "{detail} }.into_any()
        }
    }
}

fn plan_error(i18n: I18n, problem: PlanError) -> AnyView {
    match problem {
        PlanError::ClientOwnsGoalWording => t!(i18n, errors.plan.client_owns_goal_wording).into_any(),
        PlanError::OnlyOwnTasks => t!(i18n, errors.plan.only_own_tasks).into_any(),
        PlanError::ClientChangesGoalsOnly => t!(i18n, errors.plan.client_changes_goals_only).into_any(),
        PlanError::NotInCollaboration => t!(i18n, errors.plan.not_in_collaboration).into_any(),
        PlanError::Stale => t!(i18n, errors.plan.stale).into_any(),
        PlanError::GoalWordsEmpty => t!(i18n, errors.plan.goal_words_empty).into_any(),
        PlanError::ActionEmpty => t!(i18n, errors.plan.action_empty).into_any(),
        PlanError::OwnerNotOnTeam => t!(i18n, errors.plan.owner_not_on_team).into_any(),
        PlanError::DateInvalid => t!(i18n, errors.plan.date_invalid).into_any(),
        PlanError::DateInPast => t!(i18n, errors.plan.date_in_past).into_any(),
        PlanError::DateOutOfRange => t!(i18n, errors.date_out_of_range).into_any(),
        PlanError::ServiceIncomplete => t!(i18n, errors.plan.service_incomplete).into_any(),
        PlanError::DisagreementIncomplete => t!(i18n, errors.plan.disagreement_incomplete).into_any(),
        PlanError::TextTooLong { max } => t!(i18n, errors.plan.text_too_long, max = move || max).into_any(),
        PlanError::UnknownGoal => t!(i18n, errors.plan.unknown_goal).into_any(),
        PlanError::UnknownAction => t!(i18n, errors.plan.unknown_action).into_any(),
        PlanError::UnknownService => t!(i18n, errors.plan.unknown_service).into_any(),
        PlanError::InvalidChoice { .. } => t!(i18n, errors.plan.invalid_choice).into_any(),
    }
}

fn team_error(i18n: I18n, problem: TeamError) -> AnyView {
    match problem {
        TeamError::CoordinatorWithoutReplacement { role, stage } => t!(
            i18n,
            errors.team.coordinator_without_replacement,
            role = move || labels::team_role(i18n, role),
            stage = move || labels::stage(i18n, stage)
        )
        .into_any(),
        TeamError::WrongSectorForSeat { sector, .. } => {
            t!(i18n, errors.team.wrong_sector_for_seat, sector = move || labels::sector(i18n, sector)).into_any()
        }
        TeamError::WrongPersonForSeat { role } => {
            t!(i18n, errors.team.wrong_person_for_seat, role = move || labels::team_role(i18n, role)).into_any()
        }
        TeamError::AlreadyOnTeam => t!(i18n, errors.team.already_on_team).into_any(),
        TeamError::OwnWorkerTaken => t!(i18n, errors.team.own_worker_taken).into_any(),
        TeamError::NotOnTeam => t!(i18n, errors.team.not_on_team).into_any(),
        TeamError::AlreadyAnswered => t!(i18n, errors.team.already_answered).into_any(),
        TeamError::InvalidChoice { .. } => t!(i18n, errors.plan.invalid_choice).into_any(),
        TeamError::SearchTooLong { max } => t!(i18n, errors.team.search_too_long, max = move || max).into_any(),
    }
}

/// An error in a live region, with a sign-in link when signing in is the way forward.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let needs_sign_in = matches!(error, AppError::Unauthenticated);
    let text = error_view(i18n, error);
    view! {
        <div class="notice notice-error" role="alert">
            <p>{text}</p>
            {needs_sign_in.then(|| view! { <p><a href="/login">{t!(i18n, nav.sign_in)}</a></p> })}
        </div>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }
}
