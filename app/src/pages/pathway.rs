//! `/pathway` ("Minun polkuni"): where the client is on their path, what comes next, who is in
//! their team and how to reach them, and what has happened, in plain language.

use super::assessment::{ContentView, ViewForm, ViewList};
use super::case::{ClosureList, HistoryList};
use super::feedback::FeedbackSection;
use super::meetings::MeetingFacts;
use super::team::{Proposals, TeamList};
use crate::api::{meeting_path, my_pathway, plan_path, records_path, AnswerMember, WriteAssessmentView, PRIVACY_PATH};
use crate::components::labels;
use crate::components::process_map::{ProcessMap, StepDetails};
use crate::components::{succeeded, ErrorMessage, Loading, PageTitle};
use crate::domain::ids::CaseId;
use crate::domain::process::{NextDate, Step, StepState};
use crate::domain::team::SeatStatus;
use crate::domain::Stage;
use crate::i18n::*;
use crate::model::pathway::{GoalProgress, GoalReviewed, Pathway};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PathwayPage() -> impl IntoView {
    let i18n = use_i18n();
    let write = ServerAction::<WriteAssessmentView>::new();
    let answer = ServerAction::<AnswerMember>::new();
    let written = succeeded(write);
    let answered = succeeded(answer);
    let given = RwSignal::new(0u32);
    let pathways = Resource::new(move || (written.get(), answered.get(), given.get()), |_| my_pathway());
    let answer_error = move || answer.value().get().and_then(|r| r.err()).map(|error| view! { <ErrorMessage error/> });
    view! {
        {answer_error}
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match pathways.await {
                    Ok(list) if list.is_empty() => view! {
                        <PageTitle text=move || t_string!(i18n, pathway.title)/>
                        <h1>{t!(i18n, pathway.title)}</h1>
                        <p>{t!(i18n, pathway.none)}</p>
                    }
                    .into_any(),
                    Ok(list) => view! {
                        {pathway_title(i18n, &list)}
                        {list.into_iter().map(|pathway| view! { <PathwayView pathway write answer given/> }).collect_view()}
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The title of a person's pathway page: their own ("My pathway") when they are the client of one of
/// the cases shown, otherwise the pathway of the one client whose relative they are, by name.
fn pathway_title(i18n: labels::I18n, list: &[Pathway]) -> impl IntoView {
    match list {
        [only] if only.as_relative => {
            view! { <PageTitle text=move || t_string!(i18n, page_title.pathway) about=only.client_name.clone()/> }
        }
        _ => view! { <PageTitle text=move || t_string!(i18n, pathway.title)/> },
    }
}

fn next_text(i18n: labels::I18n, stage: Stage) -> String {
    match stage {
        Stage::Identification => t_string!(i18n, pathway.after.identification).to_string(),
        Stage::Assessment => t_string!(i18n, pathway.after.assessment).to_string(),
        Stage::Collaboration => t_string!(i18n, pathway.after.collaboration).to_string(),
        Stage::FollowUp => t_string!(i18n, pathway.after.follow_up).to_string(),
        Stage::Closed => t_string!(i18n, pathway.after.closed).to_string(),
    }
}

#[component]
fn PathwayView(
    pathway: Pathway,
    write: ServerAction<WriteAssessmentView>,
    answer: ServerAction<AnswerMember>,
    given: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Pathway {
        case_id,
        client_name,
        as_relative,
        stage,
        step,
        next_date,
        team,
        history,
        views,
        can_write_view,
        assessment,
        closures,
        has_plan,
        goals,
        meetings,
        feedback,
    } = pathway;
    let relative_of = client_name.clone();
    let heading_id = format!("pathway-{case_id}");
    let labelled_by = heading_id.clone();
    let title = if as_relative {
        t!(i18n, pathway.relative_title, name = move || client_name.clone()).into_any()
    } else {
        t!(i18n, pathway.title).into_any()
    };
    view! {
        <article class="pathway" aria-labelledby=labelled_by data-stage=stage.as_str() data-step=step.as_str()>
            <h1 id=heading_id>{title}</h1>
            <section class="card" aria-labelledby=format!("now-{case_id}")>
                <h2 id=format!("now-{case_id}")>{t!(i18n, pathway.where_now)}</h2>
                <p class=format!("stage-badge stage-{}", stage.as_str()) data-testid="pathway-stage">{move || labels::stage(i18n, stage)}</p>
                <p data-testid="pathway-step">{t!(i18n, pathway.step_now, step = move || labels::step(i18n, step))}</p>
                <p>{move || labels::step_plain(i18n, step)}</p>
                <h3>{t!(i18n, pathway.next)}</h3>
                <p>{move || next_text(i18n, stage)}</p>
                {next_date.map(|next| view! { <p class="next-date" data-testid="next-date">{next_date_text(next)}</p> })}
                <PathwayMap case_id step as_relative/>
            </section>
            {(!meetings.is_empty()).then(|| view! {
                <section class="card" aria-labelledby=format!("meetings-{case_id}")>
                    <h2 id=format!("meetings-{case_id}")>{t!(i18n, pathway.meetings_title)}</h2>
                    <ul class="meeting-list">
                        {meetings
                            .into_iter()
                            .map(|m| {
                                let href = meeting_path(case_id, m.id);
                                let title = m.title.clone();
                                view! { <li class="meeting"><h3><a href=href>{title}</a></h3><MeetingFacts meeting=m/></li> }
                            })
                            .collect_view()}
                    </ul>
                </section>
            })}
            {(!feedback.is_empty()).then(|| view! { <FeedbackSection case_id prompts=feedback given/> })}
            {has_plan.then(|| view! {
                <section class="card" aria-labelledby=format!("plan-{case_id}")>
                    <h2 id=format!("plan-{case_id}")>{t!(i18n, pathway.plan_title)}</h2>
                    <p>{t!(i18n, pathway.plan_intro)}</p>
                    {if goals.is_empty() {
                        view! { <p>{t!(i18n, pathway.no_goals)}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="goals">
                                {goals.into_iter().map(|g| view! { <GoalWithProgress goal=g as_relative/> }).collect_view()}
                            </ol>
                        }
                        .into_any()
                    }}
                    <p><a class="button-link" href=plan_path(case_id)>{t!(i18n, pathway.plan_link)}</a></p>
                </section>
            })}
            {(stage == Stage::Closed && !closures.is_empty()).then(|| view! {
                <section class="card" aria-labelledby=format!("closure-{case_id}")>
                    <h2 id=format!("closure-{case_id}")>{t!(i18n, pathway.closure)}</h2>
                    <ClosureList closures/>
                </section>
            })}
            {assessment.map(|done| view! {
                <section class="card" aria-labelledby=format!("assessment-{case_id}")>
                    <h2 id=format!("assessment-{case_id}")>{t!(i18n, pathway.assessment_title)}</h2>
                    <ContentView content=done.content/>
                </section>
            })}
            {(can_write_view || !views.is_empty()).then(|| {
                let intro = if as_relative {
                    t!(i18n, pathway.view_intro_relative, name = move || relative_of.clone()).into_any()
                } else {
                    t!(i18n, pathway.view_intro).into_any()
                };
                view! {
                    <section class="card" aria-labelledby=format!("views-{case_id}")>
                        <h2 id=format!("views-{case_id}")>{t!(i18n, pathway.view_title)}</h2>
                        {can_write_view.then(|| view! { <p>{intro}</p> <ViewForm case_id action=write/> })}
                        <h3>{t!(i18n, pathway.views_title)}</h3>
                        <ViewList views/>
                    </section>
                }
            })}
            <section class="card" aria-labelledby=format!("team-{case_id}")>
                <h2 id=format!("team-{case_id}")>{t!(i18n, pathway.team)}</h2>
                <p>{t!(i18n, pathway.team_intro)}</p>
                {(!as_relative).then(|| view! { <Proposals team=team.clone() action=answer/> })}
                <TeamList team=team.into_iter().filter(|m| m.status == SeatStatus::Accepted).collect()/>
            </section>
            {(!as_relative).then(|| view! {
                <section class="card" aria-labelledby=format!("privacy-{case_id}")>
                    <h2 id=format!("privacy-{case_id}")>{t!(i18n, privacy.title)}</h2>
                    <p>
                        <a class="button-link" href=PRIVACY_PATH>{t!(i18n, privacy.link)}</a>
                        " "
                        <a class="button-link" href=records_path(case_id)>{t!(i18n, privacy.records_link)}</a>
                    </p>
                </section>
            })}
            <section class="card" aria-labelledby=format!("history-{case_id}")>
                <h2 id=format!("history-{case_id}")>{t!(i18n, pathway.history)}</h2>
                <HistoryList history/>
            </section>
        </article>
    }
}

/// The client's own place on the process map, and the step opened from it (`?case=…&step=…`).
#[component]
fn PathwayMap(case_id: CaseId, step: Step, as_relative: bool) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let key = format!("pathway-{case_id}-map");
    let open = Signal::derive(move || {
        let query = query.read();
        (query.get("case").and_then(|c| c.parse::<CaseId>().ok()) == Some(case_id))
            .then(|| query.get("step").and_then(|s| s.parse::<Step>().ok()))
            .flatten()
    });
    let details_key = key.clone();
    let href = Callback::new(move |target: Step| {
        format!("/pathway?case={case_id}&step={}#pathway-{case_id}-map-details", target.as_str())
    });
    let heading = if as_relative {
        t_string!(i18n, pathway.map_title_relative).to_string()
    } else {
        t_string!(i18n, pathway.map_title).to_string()
    };
    view! {
        <h3>{heading}</h3>
        <ProcessMap key=key href open position=step/>
        {move || open.get().map(|opened| view! {
            <StepDetails key=details_key.clone() step=opened plain=true state=StepState::of(opened, step)/>
        })}
    }
}

/// When the next dated thing happens, in plain words.
fn next_date_text(next: NextDate) -> impl IntoView {
    let i18n = use_i18n();
    match next {
        NextDate::Meeting { title, at } => {
            t!(i18n, pathway.when.meeting, title = move || title.clone(), time = move || labels::time(i18n, at))
                .into_any()
        }
        NextDate::Review { on } => t!(i18n, pathway.when.review, day = move || labels::date(i18n, on)).into_any(),
        NextDate::AssessmentStart { by } => {
            t!(i18n, pathway.when.assessment_start, day = move || labels::date(i18n, by)).into_any()
        }
    }
}

/// A goal in the client's words, and how it went at the latest review that scored it.
#[component]
fn GoalWithProgress(goal: GoalProgress, as_relative: bool) -> impl IntoView {
    let i18n = use_i18n();
    let GoalProgress { goal, reviewed } = goal;
    let progress = match reviewed {
        None => view! { <p class="goal-progress">{t!(i18n, pathway.goal_not_reviewed)}</p> }.into_any(),
        Some(GoalReviewed { at, team, client }) => {
            let own = if as_relative {
                t!(i18n, pathway.goal_client_score, score = move || labels::goal_score(i18n, client)).into_any()
            } else {
                t!(i18n, pathway.goal_own_score, score = move || labels::goal_score(i18n, client)).into_any()
            };
            view! {
                <p class="goal-progress" data-score=team.as_str()>
                    {t!(i18n, pathway.goal_reviewed, day = move || labels::day(i18n, at), score = move || labels::goal_score(i18n, Some(team)))}
                    " "
                    {own}
                </p>
            }
            .into_any()
        }
    };
    view! {
        <li>
            <blockquote class="client-words">{goal.client_words}</blockquote>
            {progress}
        </li>
    }
}
