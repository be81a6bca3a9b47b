//! What server functions send to the pages: plain serialisable views, shaped per reader so that
//! nothing the reader may not see ever leaves the server.

use crate::domain::assessment::{AssessmentContent, Missing, ViewAuthor};
use crate::domain::feedback::{Feedback, FeedbackSummary, Occasion, Score};
use crate::domain::plan::{PlanContent, PlanDiff, PlanRole};
use crate::domain::{AssessmentClock, Role, Sector, Stage, TeamRole};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The signed-in person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i32,
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// What a live view is told over `/live` when something changes: only which kind of thing
/// changed, never whose, so that the view reloads what its reader may see through the ordinary
/// server functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LiveNotice {
    /// A case opened or moved, or its team or plan changed.
    Cases,
    /// A concern was raised or decided.
    Concerns,
    /// A record entry was written, or a client's consent changed: who may read which entries.
    Records,
    /// The connection dropped and is back: anything may have changed meanwhile.
    Resync,
}

/// One case in a staff member's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: i32,
    pub client_name: String,
    pub stage: Stage,
    /// The step of the process map the case stands in.
    pub step: crate::domain::process::Step,
    /// Late with something that has a date: the assessment's start, the review, a task.
    pub overdue: bool,
    pub my_role: TeamRole,
    pub coordinators: Vec<String>,
    pub updated_at: DateTime<Utc>,
    /// The assessment's legal clock, while the case is in assessment.
    pub clock: Option<AssessmentClock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientSummary {
    pub name: String,
    pub date_of_birth: NaiveDate,
    /// `None` when the client has a non-disclosure order and the reader is outside the pair.
    pub municipality: Option<String>,
    pub preferred_language: String,
    pub non_disclosure: bool,
    pub highest_care_allowance: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamMember {
    pub seat_id: i32,
    /// Proposed by the pair and waiting for the client's answer, or accepted.
    pub status: crate::domain::team::SeatStatus,
    pub name: String,
    pub team_role: TeamRole,
    pub profession: Option<String>,
    pub organisation: Option<String>,
    pub sector: Option<Sector>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_hours: Option<String>,
}

/// One line of a case's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub event: HistoryEvent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum HistoryEvent {
    CaseOpened,
    StageChanged { from: Stage, to: Stage },
    MemberJoined { name: String, team_role: TeamRole },
    AssessmentStarted { version: i32 },
    AssessmentCompleted { version: i32 },
    ViewWritten { author: ViewAuthor },
    MemberProposed { name: String, team_role: TeamRole },
    MemberDeclined { name: String },
    MemberLeft { name: String, team_role: TeamRole },
    CareAllowanceRecorded { highest: bool },
    PlanSaved { version: i32 },
    PlanReviewed { next_review: NaiveDate },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseDetail {
    pub id: i32,
    pub client: ClientSummary,
    pub stage: Stage,
    pub opened_at: DateTime<Utc>,
    pub team: Vec<TeamMember>,
    pub history: Vec<HistoryEntry>,
    /// The stages the reader may move the case to now (empty unless they are its coordinator).
    pub moves: Vec<StageMove>,
    /// The assessment's legal clock, from the first contact until (and after) the start.
    pub clock: Option<AssessmentClock>,
    /// Whether the reader may change the client's facts that run the clock (the pair).
    pub can_edit: bool,
    /// How the case was closed, each time, newest first.
    pub closures: Vec<ClosureView>,
}

/// A closure: what was done and who carries on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosureView {
    pub id: i32,
    pub summary: String,
    pub continuation: String,
    pub closed_by: String,
    pub closed_at: DateTime<Utc>,
}

/// A move the domain offers, with the reason when it is not possible yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageMove {
    pub to: Stage,
    pub blocked: Option<crate::domain::TransitionError>,
}

/// What a client or relative sees of one case on "My pathway".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pathway {
    pub case_id: i32,
    pub client_name: String,
    /// True when the reader is a relative viewing someone else's pathway.
    pub as_relative: bool,
    pub stage: Stage,
    pub team: Vec<TeamMember>,
    pub history: Vec<HistoryEntry>,
    /// Everyone's views written into the assessment, oldest first.
    pub views: Vec<ViewEntry>,
    /// Whether the reader may write their own view (the client; a relative allowed to write).
    pub can_write_view: bool,
    /// The latest completed assessment, if any.
    pub assessment: Option<AssessmentVersion>,
    pub closures: Vec<ClosureView>,
    /// Whether there is a plan to open (being made now, or made before).
    pub has_plan: bool,
    /// The goals of the latest plan, in the client's words, with how each was last scored.
    pub goals: Vec<GoalProgress>,
    /// The step of the process map the case stands in.
    pub step: crate::domain::process::Step,
    /// The soonest dated thing to come: a meeting, the review, the assessment's legal start.
    pub next_date: Option<crate::domain::process::NextDate>,
    /// Meetings still to come, soonest first.
    pub meetings: Vec<MeetingSummary>,
    /// Ended meetings the reader was invited to and the closure, each with the feedback the
    /// reader gave; empty unless the reader may give feedback.
    pub feedback: Vec<FeedbackPrompt>,
}

/// One of the client's goals and how it was scored at the latest review that scored it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalProgress {
    #[serde(flatten)]
    pub goal: crate::domain::plan::Goal,
    pub reviewed: Option<GoalReviewed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalReviewed {
    pub at: DateTime<Utc>,
    /// The professionals' score.
    pub team: crate::domain::review::GoalScore,
    /// The client's own score, when they gave one.
    pub client: Option<crate::domain::review::GoalScore>,
}

/// Something the reader may give feedback on, and what they gave if they did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackPrompt {
    pub occasion: Occasion,
    /// The meeting or the closure the feedback is about.
    pub target_id: i32,
    /// The meeting's title; empty for a closure.
    pub title: String,
    pub at: DateTime<Utc>,
    pub given: Option<Feedback>,
}

/// Feedback on the cases a coordinator leads, in aggregate: no names, no cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackOverview {
    /// How many of the coordinator's cases the feedback comes from.
    pub cases: u32,
    pub after_meetings: FeedbackSummary,
    pub at_closure: FeedbackSummary,
    /// The words people wrote, newest first, without who or which case.
    pub comments: Vec<FeedbackComment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackComment {
    pub occasion: Occasion,
    pub score: Score,
    pub text: String,
    pub at: DateTime<Utc>,
}

/// A view written into the assessment in the author's own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewEntry {
    pub author: ViewAuthor,
    pub name: String,
    pub text: String,
    pub at: DateTime<Utc>,
}

/// A completed, read-only version of the assessment, with the views it was completed with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentVersion {
    pub version: i32,
    pub content: AssessmentContent,
    pub views: Vec<ViewEntry>,
    pub started_at: DateTime<Utc>,
    pub completed_at: DateTime<Utc>,
    pub completed_by: String,
}

/// The open draft the coordinator pair is writing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentDraft {
    pub version: i32,
    /// Sent back with a save; a save against an older revision is refused.
    pub revision: i32,
    pub content: AssessmentContent,
    pub started_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    /// What is still needed before it can be completed.
    pub missing: Vec<Missing>,
}

/// Someone on the team who can be recorded as having taken part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantChoice {
    pub user_id: i32,
    pub name: String,
    pub team_role: TeamRole,
}

/// Everything the assessment page shows, shaped for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentPage {
    pub case_id: i32,
    pub client_name: String,
    pub stage: Stage,
    pub clock: Option<AssessmentClock>,
    pub draft: Option<AssessmentDraft>,
    /// Completed versions, newest first.
    pub versions: Vec<AssessmentVersion>,
    /// Every view written so far, oldest first.
    pub views: Vec<ViewEntry>,
    pub team: Vec<ParticipantChoice>,
    /// The coordinator pair records, completes and amends.
    pub can_edit: bool,
    pub can_write_view: bool,
}

/// What happened when the coordinator saved the assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentSaved {
    pub version: i32,
    pub completed: bool,
    /// The stage the case is in afterwards (collaboration when completing moved it).
    pub stage: Stage,
}

/// A concern waiting for screening, as a coordinator sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConcernView {
    pub id: i32,
    pub client_name: String,
    pub date_of_birth: NaiveDate,
    pub raised_by: String,
    pub raised_as: Role,
    pub text: String,
    pub life_areas: Vec<crate::domain::LifeArea>,
    pub urgent: bool,
    pub agrees_to_proceed: bool,
    pub agrees_to_involve: bool,
    pub created_at: DateTime<Utc>,
    /// The person already has a case that is not closed: accepting would open a second one, which
    /// Polku refuses.
    pub has_open_case: bool,
}

/// What the concern form offers the signed-in person: a relative chooses among the clients who
/// let them write; a client raises a concern about themself; staff describe the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RaiseContext {
    pub role: Role,
    pub clients: Vec<ClientChoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientChoice {
    pub id: i32,
    pub name: String,
}

/// The outcome of a screening decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decided {
    pub accepted: bool,
    pub case_id: Option<i32>,
    /// The coordinator pair the new case went to (social first), when it is known.
    pub coordinators: Vec<String>,
}

/// Someone the coordinator pair may propose to a client's team: any professional, or a relative
/// linked to the client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub user_id: i32,
    pub name: String,
    pub role: Role,
    pub profession: Option<String>,
    pub organisation: Option<String>,
    pub sector: Option<Sector>,
}

/// A row of the administrator's staff directory (no client content).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffRow {
    pub username: String,
    pub name: String,
    pub role: Role,
    pub profession: String,
    pub sector: Sector,
    pub organisation: String,
}

/// One saved version of the client plan: who saved it and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanVersionMeta {
    pub version: i32,
    pub saved_by: String,
    pub editor: PlanRole,
    pub at: DateTime<Utc>,
}

/// What changed between two chosen versions of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanCompare {
    pub from: i32,
    pub to: i32,
    pub changes: Vec<PlanDiff>,
}

/// Everything the plan page shows, shaped for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    pub case_id: i32,
    pub client_name: String,
    pub stage: Stage,
    /// The version shown (0 before the first save) and its content.
    pub version: i32,
    pub content: PlanContent,
    /// Every saved version, newest first.
    pub versions: Vec<PlanVersionMeta>,
    pub compare: Option<PlanCompare>,
    /// The people who may own actions: everyone on the team now.
    pub owners: Vec<ParticipantChoice>,
    /// Names of everyone an action names as its owner, also of people who have left the team.
    pub owner_names: Vec<(i32, String)>,
    /// What the reader may change, if anything; None for relatives and outside collaboration.
    pub role: Option<PlanRole>,
    pub reader_user_id: i32,
    /// Today in Finland, for overdue actions.
    pub today: NaiveDate,
    /// Follow-up reviews, newest first.
    pub reviews: Vec<ReviewView>,
}

/// A follow-up review as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    pub at: DateTime<Utc>,
    pub by: String,
    pub content: crate::domain::review::ReviewContent,
}

impl PlanPage {
    pub fn owner_name(&self, user_id: i32) -> String {
        self.owner_names.iter().find(|(id, _)| *id == user_id).map(|(_, n)| n.clone()).unwrap_or_default()
    }
}

/// Someone who may be invited to a meeting: the client (no seat) or a person on the team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invitee {
    pub user_id: i32,
    pub name: String,
    pub team_role: Option<TeamRole>,
}

/// A network meeting as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: i32,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: i32,
    pub place: Option<String>,
    pub video_link: Option<String>,
    /// The names of everyone invited.
    pub participants: Vec<String>,
    /// The plan version the agreed steps went into, once they have.
    pub steps_plan_version: Option<i32>,
}

/// The meetings of a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingsPage {
    pub case_id: i32,
    pub client_name: String,
    /// Soonest first.
    pub upcoming: Vec<MeetingSummary>,
    /// Newest first.
    pub past: Vec<MeetingSummary>,
    /// Who the pair may invite (empty for everyone else).
    pub invitable: Vec<Invitee>,
    pub can_schedule: bool,
}

/// What one person said in a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceView {
    pub speaker: String,
    /// Who wrote it down, when not the speaker.
    pub recorded_by: Option<String>,
    pub hopes: String,
    pub worries: String,
    pub support: String,
    pub at: DateTime<Utc>,
}

/// One meeting for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingPage {
    pub case_id: i32,
    pub client_name: String,
    pub meeting: MeetingSummary,
    pub voices: Vec<VoiceView>,
    /// Whose words the reader may record: themself when invited; anyone invited for the pair.
    pub speakers: Vec<(i32, String)>,
    /// Who may own an agreed step (for the pair).
    pub owners: Vec<ParticipantChoice>,
    /// The plan version the agreed steps are added to.
    pub plan_version: i32,
    pub can_agree_steps: bool,
    pub today: NaiveDate,
}

/// A card on a live board, as everyone who may open the board sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardCard {
    pub card: crate::domain::board::CardRef,
    /// Raised by every change of the card; a change names the version it was made against.
    pub version: i32,
    pub column: crate::domain::board::Column,
    pub client_name: String,
    /// An action: what is to be done. A case: empty (the client's name is the title).
    pub what: String,
    pub stage: Stage,
    pub step: crate::domain::process::Step,
    /// An action's due date; a case's nearest legal or planned date (assessment start, review).
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    /// A case: its coordinator pair; an action: its owner.
    pub owners: Vec<String>,
    /// An action's owner.
    pub owner_user_id: Option<i32>,
    pub comments: u32,
}

/// A board as its reader sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardPage {
    pub board: crate::domain::board::Board,
    /// The pair's or the client's name; empty for the reader's own board.
    pub title: String,
    pub cards: Vec<BoardCard>,
    /// The newest board event when the board was read: live changes and catching up start after it.
    pub last_event: i32,
    pub reader_user_id: i32,
    /// Cases whose coordinator pair the reader is in: they move any card, edit and assign.
    pub coordinated: Vec<i32>,
    /// Who may own an action, per case on the board.
    pub owners: Vec<(i32, Vec<ParticipantChoice>)>,
    pub today: NaiveDate,
}

/// What happened to a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoardChange {
    Added,
    Moved,
    Edited,
    Assigned,
    Commented,
    Removed,
}

impl BoardChange {
    pub fn as_str(self) -> &'static str {
        match self {
            BoardChange::Added => "added",
            BoardChange::Moved => "moved",
            BoardChange::Edited => "edited",
            BoardChange::Assigned => "assigned",
            BoardChange::Commented => "commented",
            BoardChange::Removed => "removed",
        }
    }
}

/// A comment on a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardCommentView {
    pub id: i32,
    pub author: String,
    pub body: String,
    pub at: DateTime<Utc>,
}

/// What a board event holds besides who did what: the card after the change (none once removed),
/// the comment written, and an action's owner before an assignment (whose own board loses it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEventBody {
    pub card: Option<BoardCard>,
    pub comment: Option<CardCommentView>,
    pub previous_owner: Option<i32>,
    /// The pair whose board shows the case.
    pub pair_id: Option<i32>,
}

/// One change as a live board receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEvent {
    pub id: i32,
    pub case_id: i32,
    pub card: crate::domain::board::CardRef,
    pub change: BoardChange,
    pub actor: String,
    pub actor_user_id: i32,
    pub at: DateTime<Utc>,
    pub body: BoardEventBody,
}

/// A notification for its recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i32,
    pub kind: crate::domain::board::NotificationKind,
    pub case_id: i32,
    pub card: crate::domain::board::CardRef,
    pub client_name: String,
    /// The action's description, for actions.
    pub what: String,
    pub actor: Option<String>,
    /// The comment's beginning, for mentions.
    pub excerpt: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub at: DateTime<Utc>,
    pub read: bool,
    /// For a legal-basis notice: which register was opened, on which ground, and why.
    pub legal: Option<LegalNotice>,
}

/// A register of the client opened by law, as the coordinator pair is told of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalNotice {
    pub register: crate::domain::consent::Register,
    pub basis: crate::domain::consent::LegalBasis,
    pub reason: String,
}

/// The reader's notifications, newest first, and how many are unread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notifications {
    pub items: Vec<NotificationView>,
    pub unread: u32,
}

/// What a live board hears over `/live/board/{board}`.
// A message is built to be sent or matched once; boxing the event would cost an allocation for
// each of the many events and save nothing that lives long.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum BoardFeed {
    /// A change of a card on this board.
    Event { event: BoardEvent },
    /// Who is viewing this board now.
    Presence { viewers: Vec<String> },
    /// Everything missed since the board was read has been sent; live changes follow.
    CaughtUp { last_event: i32 },
    /// Too much was missed to send one by one: read the whole board again.
    Resync,
    /// The reader has new notifications.
    Notified,
}

/// One record entry as its reader may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordEntryView {
    pub id: i32,
    /// The register it was written into (`Other` for a professional outside both).
    pub sector: Sector,
    pub author: String,
    pub text: String,
    pub at: DateTime<Utc>,
    /// Why it is hidden from the client; shown to the team only.
    pub hidden_reason: Option<String>,
}

/// The record entries of one case, as the reader may see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordsPage {
    pub case_id: i32,
    pub client_name: String,
    pub entries: Vec<RecordEntryView>,
    /// The registers the reader may not read now (no consent, no legal basis): their entries are
    /// left out, and the page says so.
    pub closed_registers: Vec<crate::domain::consent::Register>,
    /// The register a new entry of the reader goes into; `None` when they may not write.
    pub writes_into: Option<Sector>,
    /// For the client: how many entries a professional has hidden from them, with a reason.
    pub withheld: usize,
    /// The reader is the client.
    pub own: bool,
    /// For a professional on the team: the client's consents, newest first, and whom a consent
    /// the professional records may name. Empty for the client, who has their own page.
    pub consents: Vec<ConsentView>,
    pub consent_choices: Vec<PartyChoice>,
    pub today: NaiveDate,
}

/// A party a consent may name, with its name for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyChoice {
    pub party: crate::domain::consent::Party,
    /// The organisation's name; empty for a seat (its label comes from the seat).
    pub name: String,
}

/// One consent of the client, for their privacy page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsentView {
    pub id: i32,
    pub parties: Vec<PartyChoice>,
    pub registers: Vec<crate::domain::consent::Register>,
    pub purpose: String,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub given_by: crate::domain::consent::GivenBy,
    pub method: crate::domain::consent::Method,
    /// The legal representative who gave it, if one did.
    pub proxy_name: Option<String>,
    /// The professional who recorded it, when the client did not give it on their own page.
    pub recorded_by: Option<String>,
    pub given_at: DateTime<Utc>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// The professional who recorded the withdrawal, when the client did not withdraw it themself.
    pub withdrawn_by: Option<String>,
    pub in_force: bool,
}

/// One read or change of the client's information, in the client's access log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessLogEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub role: Role,
    pub organisation: Option<String>,
    /// What was accessed (`audit_log.resource`: case, plan, record_entry…).
    pub resource: String,
    /// view / list / create / update
    pub action: String,
    /// On what basis; `None` when the stored basis is not one Polku knows.
    pub basis: Option<crate::domain::Basis>,
}

/// One page of the client's own access log, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessLogPage {
    pub entries: Vec<AccessLogEntry>,
    /// The kind of basis the page is filtered by, if any.
    pub basis: Option<crate::domain::audit_search::BasisKind>,
    /// Where the next (older) page starts, when there is one.
    pub next: Option<i32>,
}

/// The client's own page about their information: consents and who has accessed what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrivacyPage {
    pub client_name: String,
    pub consents: Vec<ConsentView>,
    /// Whom a new consent may name: the organisations of the client's team and the team's seats.
    pub choices: Vec<PartyChoice>,
    /// The cases whose record entries the client may read.
    pub cases: Vec<i32>,
    pub log: AccessLogPage,
    /// The client's close ones and what each may do.
    pub relatives: Vec<RelativeView>,
    /// Today in Finland: a new consent starts today.
    pub today: NaiveDate,
}

/// A close one of the client, with the scope the client gave them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelativeView {
    pub link_id: i32,
    pub name: String,
    /// How they are related, in words ("tytär").
    pub relationship: String,
    pub can_view: bool,
    pub can_write: bool,
    /// The last day, Finnish time; `None` until further notice.
    pub until: Option<NaiveDate>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Their scope has ended by its day.
    pub lapsed: bool,
}

/// One entry of the access log as an audit reviewer sees it: everything the log holds, with names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i32,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub actor_username: String,
    pub role: Role,
    pub organisation: Option<String>,
    /// The client the access was about, by name; `None` for an access about no one client.
    pub client: Option<String>,
    pub case_id: Option<i32>,
    pub resource: String,
    pub action: String,
    pub basis: Option<crate::domain::Basis>,
    /// The basis as stored, for one Polku no longer knows.
    pub stored_basis: String,
}

/// One page of an audit reviewer's search, newest first, and the form for the next page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditResults {
    pub rows: Vec<AuditRow>,
    pub next: Option<crate::domain::audit_search::AuditSearchForm>,
}
