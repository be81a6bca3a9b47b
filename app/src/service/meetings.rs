//! Network meetings on the server: the pair schedules one with the people the client has on
//! their team; everyone invited can download the invitation; each person is heard in turn (their
//! own words, or recorded by the pair during the meeting); the agreed steps go into the client
//! plan as actions in one transaction, once.

use crate::domain::calendar::finnish_date;
use crate::domain::ids::{CaseId, UserId};
use crate::domain::meeting::{parse_steps, Invitation, MeetingError, MeetingPlan, RawMeeting, Voice};
use crate::domain::paging::PageRequest;
use crate::domain::plan::{check_edit, PlanChange, PlanError, PlanRole};
use crate::domain::{Access, Sector};
use crate::error::AppError;
use crate::events::{self, DomainEvent, Events};
use crate::model::meetings::{Invitee, MeetingPage, MeetingsPage, VoiceView};
use crate::store::access::authorise;
use crate::store::audit::Action;
use crate::store::cases::{current_seats, display_names, participant_choices};
use crate::store::entities::{case, case_member, client, meeting, meeting_voice};
use crate::store::meetings::{find_meeting, invited, page_of_case, summaries};
use crate::store::plan_versions::{self, NextVersion};
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::write_txn;
use crate::store::{audit, plans};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionSession,
    TransactionTrait,
};

/// Everyone who may be invited to a case's meetings: the client and the people on their team
/// now (relatives on the team included). The client first.
async fn invitable(db: &impl ConnectionTrait, found: &case::Model) -> Result<Vec<Invitee>, AppError> {
    let person = client::Entity::find_by_id(found.client_id).one(db).await?.ok_or(AppError::NotFound)?;
    let seats = current_seats().filter(case_member::Column::CaseId.eq(found.id)).all(db).await?;
    let names = display_names(db, seats.iter().map(|s| s.user_id).collect()).await?;
    let mut out: Vec<Invitee> = person
        .user_id
        .map(|id| Invitee { user_id: id, name: person.name.clone(), team_role: None })
        .into_iter()
        .collect();
    let mut team = seats
        .into_iter()
        .map(|s| {
            Ok(Invitee {
                user_id: s.user_id,
                name: names.get(&s.user_id).cloned().unwrap_or_default(),
                team_role: Some(s.team_role),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    team.sort_by(|a, b| (a.team_role, &a.name).cmp(&(b.team_role, &b.name)));
    out.extend(team);
    Ok(out)
}

/// How many ended meetings a page of a case's meetings lists.
pub const PAST_PER_PAGE: u32 = 20;

/// The meetings of one case as `user` may see them: all to come, and page `past_asked` (from 1;
/// empty for the first) of those that have ended. Logged.
pub async fn list(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    case_id: CaseId,
    past_asked: &str,
) -> Result<MeetingsPage, AppError> {
    let (found, rel, basis) = authorise(db, user, case_id, Access::view_case).await?;
    let asked = PageRequest::parse(past_asked, "", PAST_PER_PAGE)?;
    reads.record_one(audit::Entry::on_case(user, &found, "meeting", Action::List, basis)).await?;
    let person = client::Entity::find_by_id(found.client_id).one(db).await?.ok_or(AppError::NotFound)?;
    let can_schedule = Access::run_meeting(user.role, rel).is_ok() && plans::is_open(found.stage);
    let (upcoming, past, past_total) = page_of_case(db, case_id, Utc::now(), asked.offset(), asked.per_page).await?;
    Ok(MeetingsPage {
        case_id,
        client_name: person.name,
        upcoming: summaries(db, upcoming).await?,
        past: summaries(db, past).await?,
        past_page: asked.page,
        past_per_page: asked.per_page,
        past_total,
        invitable: if can_schedule { invitable(db, &found).await? } else { Vec::new() },
        can_schedule,
    })
}

/// Schedules a meeting. The pair only, while the team works with the client.
pub async fn schedule(
    db: &(impl ConnectionTrait + TransactionTrait),
    user: &CurrentUser,
    case_id: CaseId,
    raw: &RawMeeting,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::run_meeting).await?;
    if !plans::is_open(found.stage) {
        return Err(PlanError::NotInCollaboration.into());
    }
    let people: Vec<UserId> = invitable(&txn, &found).await?.into_iter().map(|i| i.user_id).collect();
    let now = Utc::now();
    let parsed = MeetingPlan::parse(raw, &people, now)?;
    let row = meeting::ActiveModel {
        case_id: Set(case_id),
        title: Set(parsed.title),
        starts_at: Set(parsed.starts_at),
        minutes: Set(parsed.minutes as i32),
        place: Set(parsed.place),
        video_link: Set(parsed.video_link),
        participants: Set(serde_json::to_string(&parsed.participants).map_err(|_| AppError::Internal)?),
        created_by_user_id: Set(user.id),
        created_at: Set(now),
        steps_plan_version: Set(None),
        sector: Set(Sector::Shared),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "meeting", Action::Create, basis)).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// One meeting: who was heard and what they said, and what the reader may add. Logged.
pub async fn load(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    case_id: CaseId,
    meeting_id: i32,
) -> Result<MeetingPage, AppError> {
    let (found, rel, basis) = authorise(db, user, case_id, Access::view_case).await?;
    let row = find_meeting(db, case_id, meeting_id).await?;
    reads.record_one(audit::Entry::on_case(user, &found, "meeting", Action::View, basis)).await?;
    let person = client::Entity::find_by_id(found.client_id).one(db).await?.ok_or(AppError::NotFound)?;
    let participants = invited(&row)?;
    let pair = Access::run_meeting(user.role, rel).is_ok();
    let rows = meeting_voice::Entity::find()
        .filter(meeting_voice::Column::MeetingId.eq(meeting_id))
        .order_by_asc(meeting_voice::Column::CreatedAt)
        .order_by_asc(meeting_voice::Column::Id)
        .all(db)
        .await?;
    let mut people: Vec<UserId> = participants.clone();
    people.extend(rows.iter().flat_map(|v| [v.speaker_user_id, v.recorded_by_user_id]));
    let names = display_names(db, people).await?;
    let name = |id: UserId| names.get(&id).cloned().unwrap_or_default();
    let voices = rows
        .into_iter()
        .map(|v| VoiceView {
            speaker: name(v.speaker_user_id),
            recorded_by: (v.recorded_by_user_id != v.speaker_user_id).then(|| name(v.recorded_by_user_id)),
            hopes: v.hopes,
            worries: v.worries,
            support: v.support,
            at: v.created_at,
        })
        .collect();
    let speakers = if pair {
        participants.iter().map(|id| (*id, name(*id))).collect()
    } else if participants.contains(&user.id) && Access::contribute(user.role, rel).is_ok() {
        vec![(user.id, name(user.id))]
    } else {
        Vec::new()
    };
    let open = plans::is_open(found.stage);
    let can_agree_steps = pair && open && row.steps_plan_version.is_none();
    let (plan_version, _) = plans::latest(db, case_id).await?;
    let summary = summaries(db, vec![row]).await?.pop().ok_or(AppError::Internal)?;
    Ok(MeetingPage {
        case_id,
        client_name: person.name,
        meeting: summary,
        voices,
        speakers,
        owners: if can_agree_steps { participant_choices(db, case_id).await? } else { Vec::new() },
        plan_version,
        can_agree_steps,
        today: finnish_date(Utc::now()),
    })
}

/// Records what `speaker` said. People invited speak for themselves if they may write in the
/// client's matters at all (`Access::contribute`: a relative who may only view does not); the
/// pair may write down what anyone invited said.
pub async fn record_voice(
    db: &(impl ConnectionTrait + TransactionTrait),
    user: &CurrentUser,
    case_id: CaseId,
    meeting_id: i32,
    speaker: UserId,
    voice: (&str, &str, &str),
) -> Result<(), AppError> {
    let txn = write_txn::begin(db).await?;
    let rule = |role, rel| {
        if speaker == user.id {
            Access::contribute(role, rel).map(|(basis, _)| basis)
        } else {
            Access::run_meeting(role, rel)
        }
    };
    let (found, _, basis) = authorise(&txn, user, case_id, rule).await?;
    let row = find_meeting(&txn, case_id, meeting_id).await?;
    let participants = invited(&row)?;
    if !participants.contains(&speaker) {
        return Err(MeetingError::NotParticipant.into());
    }
    let (hopes, worries, support) = voice;
    let voice = Voice::parse(hopes, worries, support)?;
    meeting_voice::ActiveModel {
        meeting_id: Set(meeting_id),
        case_id: Set(case_id),
        speaker_user_id: Set(speaker),
        recorded_by_user_id: Set(user.id),
        hopes: Set(voice.hopes),
        worries: Set(voice.worries),
        support: Set(voice.support),
        sector: Set(Sector::Shared),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, audit::Entry::on_case(user, &found, "meeting_voice", Action::Create, basis)).await?;
    txn.commit().await?;
    Ok(())
}

/// The steps agreed in a meeting as its form sends them: the plan version seen, and the rows of
/// what is to be done, by whom and by when.
pub struct AgreedSteps<'a> {
    pub case_id: CaseId,
    pub meeting_id: i32,
    pub seen: i32,
    pub what: &'a [String],
    pub owner: &'a [String],
    pub due: &'a [String],
}

/// The steps agreed in a meeting become actions of the plan seen at version `seen`, as one new
/// version, in the same transaction that marks the meeting's steps as agreed. Returns the version.
pub async fn agree_steps(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    agreed: AgreedSteps<'_>,
) -> Result<i32, AppError> {
    let AgreedSteps { case_id, meeting_id, seen, what, owner, due } = agreed;
    let txn = write_txn::begin(db).await?;
    let (found, _, basis) = authorise(&txn, user, case_id, Access::run_meeting).await?;
    let (current, old) = plans::latest_for_change(&txn, &found, seen).await?;
    let row = find_meeting(&txn, case_id, meeting_id).await?;
    if row.steps_plan_version.is_some() {
        return Err(MeetingError::StepsAlreadyAgreed.into());
    }
    let team: Vec<UserId> = participant_choices(&txn, case_id).await?.into_iter().map(|p| p.user_id).collect();
    let now = Utc::now();
    let steps = parse_steps(what, owner, due, &team, finnish_date(now))?;
    let new = PlanChange::AddActions(steps).apply(&old)?;
    check_edit(PlanRole::Coordinator.editor(user.id), &old, &new)?;
    let (version, board) = plan_versions::save_version(
        &txn,
        user,
        NextVersion { case_id, after: current, role: PlanRole::Coordinator, old: &old, new: &new },
        now,
    )
    .await?;
    let marked = meeting::Entity::update_many()
        .col_expr(meeting::Column::StepsPlanVersion, Expr::value(Some(version)))
        .filter(meeting::Column::Id.eq(meeting_id))
        .filter(meeting::Column::StepsPlanVersion.is_null())
        .exec(&txn)
        .await?;
    if marked.rows_affected != 1 {
        return Err(MeetingError::StepsAlreadyAgreed.into());
    }
    audit::record(&txn, audit::Entry::on_case(user, &found, "plan", Action::Update, basis)).await?;
    txn.commit().await?;
    events::publish_all(bus, [board, DomainEvent::PlanChanged { case_id, version, actor_user_id: user.id }]);
    Ok(version)
}

/// The invitation of one meeting as an iCalendar file, for someone who may see the case. Logged.
pub async fn invitation(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    meeting_id: i32,
) -> Result<String, AppError> {
    let row = meeting::Entity::find_by_id(meeting_id).one(db).await?.ok_or(AppError::NotFound)?;
    let (found, _, basis) = authorise(db, user, row.case_id, Access::view_case).await?;
    reads.record_one(audit::Entry::on_case(user, &found, "meeting", Action::View, basis)).await?;
    let participants = invited(&row)?;
    let mut ids = participants.clone();
    ids.push(row.created_by_user_id);
    let names = display_names(db, ids).await?;
    let organiser = names.get(&row.created_by_user_id).cloned().unwrap_or_default();
    let invitation = Invitation {
        uid: format!("meeting-{}-case-{}@polku", row.id, row.case_id),
        stamp: row.created_at,
        participant_names: participants.iter().filter_map(|id| names.get(id).cloned()).collect(),
        organiser,
        meeting: MeetingPlan {
            title: row.title,
            starts_at: row.starts_at,
            minutes: u32::try_from(row.minutes).map_err(|_| AppError::Internal)?,
            place: row.place,
            video_link: row.video_link,
            participants,
        },
    };
    Ok(invitation.to_ics())
}
