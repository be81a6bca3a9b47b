//! `/pathway` ("Minun polkuni"): where the client is on their path, what comes next, who is in
//! their team and how to reach them, and what has happened, in plain language.

use super::assessment::{ContentView, ViewForm, ViewList};
use super::case::{ClosureList, HistoryList};
use super::team::{Proposals, TeamList};
use super::feedback::FeedbackSection;
use super::meetings::MeetingFacts;
use crate::api::{meeting_path, my_pathway, plan_path, AnswerMember, WriteAssessmentView};
use crate::components::labels;
use crate::components::{succeeded, ErrorMessage, Loading};
use crate::domain::team::SeatStatus;
use crate::domain::Stage;
use crate::i18n::*;
use crate::model::Pathway;
use leptos::prelude::*;

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
                        <h1>{t!(i18n, pathway.title)}</h1>
                        <p>{t!(i18n, pathway.none)}</p>
                    }
                    .into_any(),
                    Ok(list) => list.into_iter().map(|pathway| view! { <PathwayView pathway write answer given/> }).collect_view().into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn now_text(i18n: labels::I18n, stage: Stage) -> String {
    match stage {
        Stage::Identification => t_string!(i18n, pathway.now.identification).to_string(),
        Stage::Assessment => t_string!(i18n, pathway.now.assessment).to_string(),
        Stage::Collaboration => t_string!(i18n, pathway.now.collaboration).to_string(),
        Stage::FollowUp => t_string!(i18n, pathway.now.follow_up).to_string(),
        Stage::Closed => t_string!(i18n, pathway.now.closed).to_string(),
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
    let Pathway { case_id, client_name, as_relative, stage, team, history, views, can_write_view, assessment, closures, has_plan, goals, meetings, feedback } =
        pathway;
    let relative_of = client_name.clone();
    let heading_id = format!("pathway-{case_id}");
    let labelled_by = heading_id.clone();
    let title = if as_relative {
        t!(i18n, pathway.relative_title, name = move || client_name.clone()).into_any()
    } else {
        t!(i18n, pathway.title).into_any()
    };
    let steps = Stage::ALL.into_iter().map(|step| {
        let state = if step == stage {
            "current"
        } else if step.position() < stage.position() {
            "done"
        } else {
            "upcoming"
        };
        let note = move || match state {
            "current" => t_string!(i18n, pathway.current).to_string(),
            "done" => t_string!(i18n, pathway.done).to_string(),
            _ => t_string!(i18n, pathway.upcoming).to_string(),
        };
        view! {
            <li class=format!("step step-{state}") aria-current=(state == "current").then_some("step")>
                <span class="step-name">{move || labels::stage(i18n, step)}</span>
                <span class="step-note">" – "{note}</span>
            </li>
        }
    });
    view! {
        <article class="pathway" aria-labelledby=labelled_by data-stage=stage.as_str()>
            <h1 id=heading_id>{title}</h1>
            <section class="card" aria-labelledby=format!("now-{case_id}")>
                <h2 id=format!("now-{case_id}")>{t!(i18n, pathway.where_now)}</h2>
                <p class=format!("stage-badge stage-{}", stage.as_str()) data-testid="pathway-stage">{move || labels::stage(i18n, stage)}</p>
                <p>{move || now_text(i18n, stage)}</p>
                <ol class="steps" aria-label=move || t_string!(i18n, pathway.steps_label).to_string()>{steps.collect_view()}</ol>
                <h3>{t!(i18n, pathway.next)}</h3>
                <p>{move || next_text(i18n, stage)}</p>
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
                                {goals.into_iter().map(|g| view! { <li><blockquote class="client-words">{g.client_words}</blockquote></li> }).collect_view()}
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
            <section class="card" aria-labelledby=format!("history-{case_id}")>
                <h2 id=format!("history-{case_id}")>{t!(i18n, pathway.history)}</h2>
                <HistoryList history/>
            </section>
        </article>
    }
}
