//! The pathway read: what a client or a relative sees of their own path (stage, next steps,
//! team, plan, meetings, feedback asked for).

use crate::domain::plan::PlanContent;
use crate::domain::process::NextDate;
use crate::domain::review::latest_score;
use crate::domain::{Access, AssessmentClock, Role, Stage};
use crate::error::AppError;
use crate::model::pathway::{GoalProgress, GoalReviewed, Pathway};
use crate::store::access::relationship;
use crate::store::audit::Action;
use crate::store::cases::{closures, history, live_relative_links, team};
use crate::store::entities::{case, client, meeting, relative_link};
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::{assessments, audit, placement};
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The pathways a client or relative may see: a client's own cases, or those of the clients a
/// relative is linked to with a viewing scope. Newest case first.
pub async fn pathways(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
) -> Result<Vec<Pathway>, AppError> {
    let clients: Vec<client::Model> = match user.role {
        Role::Client => client::Entity::find().filter(client::Column::UserId.eq(user.id)).all(db).await?,
        Role::Relative => {
            let links = live_relative_links(user.id).filter(relative_link::Column::CanView.eq(true)).all(db).await?;
            client::Entity::find()
                .filter(client::Column::Id.is_in(links.iter().map(|l| l.client_id).collect::<Vec<_>>()))
                .all(db)
                .await?
        }
        Role::Professional | Role::Coordinator => {
            return Err(crate::domain::AccessDenied::ClientsAndRelativesOnly.into())
        }
        Role::Administrator => return Err(crate::domain::AccessDenied::AdministratorNoClientContent.into()),
        Role::Auditor => return Err(crate::domain::AccessDenied::AuditorSeesLogOnly.into()),
    };
    let now = Utc::now();
    let mut out = Vec::new();
    let mut logged = Vec::new();
    for person in clients {
        let cases = case::Entity::find()
            .filter(case::Column::ClientId.eq(person.id))
            .order_by_desc(case::Column::OpenedAt)
            .all(db)
            .await?;
        let placed = placement::place(db, &cases, &HashMap::from([(person.id, person.clone())]), now).await?;
        for c in cases {
            let rel = relationship(db, user, &c).await?;
            let basis = Access::view_case(user.role, rel)?;
            logged.push(audit::Entry::on_case(user, &c, "pathway", Action::View, basis));
            let stage = c.stage;
            let place = placed[&c.id];
            let (plan_version, plan) = crate::store::plans::latest(db, c.id).await?;
            let reviews = crate::store::plans::reviews_of(db, c.id).await?;
            let (upcoming, past) = crate::store::meetings::of_case(db, c.id).await?;
            let next_date =
                (stage != Stage::Closed).then(|| next_date(stage, place.clock, &plan, upcoming.first())).flatten();
            let feedback = match Access::give_feedback(user.role, rel) {
                Ok(_) => crate::store::feedback::prompts(db, user, &c, past).await?,
                Err(_) => Vec::new(),
            };
            let goals = plan
                .goals
                .into_iter()
                .map(|goal| {
                    let scored = reviews
                        .iter()
                        .find_map(|(row, review)| latest_score(goal.key, [review]).map(|g| (row.created_at, g)));
                    let reviewed = scored.map(|(at, g)| GoalReviewed { at, team: g.team, client: g.client });
                    GoalProgress { goal, reviewed }
                })
                .collect();
            out.push(Pathway {
                case_id: c.id,
                client_name: person.name.clone(),
                as_relative: user.role == Role::Relative,
                stage,
                team: team(db, c.id).await?,
                history: history(db, c.id).await?,
                views: assessments::view_entries(db, c.id).await?,
                can_write_view: Access::contribute(user.role, rel).is_ok(),
                assessment: assessments::latest_completed(db, c.id).await?,
                closures: closures(db, c.id).await?,
                has_plan: plan_version > 0 || crate::store::plans::is_open(stage),
                goals,
                step: place.step,
                next_date,
                meetings: crate::store::meetings::summaries(db, upcoming).await?,
                feedback,
            });
        }
    }
    // Every case shown is logged before the pathway leaves, in one group commit.
    reads.record(logged).await?;
    Ok(out)
}

/// The soonest dated thing on an open case's path: its coming meeting, the plan's review while
/// the team works, the assessment's legal start day before it has started.
fn next_date(
    stage: Stage,
    clock: Option<AssessmentClock>,
    plan: &PlanContent,
    meeting: Option<&meeting::Model>,
) -> Option<NextDate> {
    let meeting = meeting.map(|m| NextDate::Meeting { title: m.title.clone(), at: m.starts_at });
    let review = plan.review_date.filter(|_| crate::store::plans::is_open(stage)).map(|on| NextDate::Review { on });
    let start = match clock {
        Some(AssessmentClock::Running { state }) => Some(NextDate::AssessmentStart { by: state.due() }),
        _ => None,
    };
    NextDate::soonest(meeting.into_iter().chain(review).chain(start))
}
