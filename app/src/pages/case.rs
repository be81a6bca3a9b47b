//! `/cases/:id`: one case for its team: client summary, stage, team, history, and for the
//! coordinator pair the moves the process allows.

use super::team::{InviteForm, TeamList};
use crate::api::{
    assessment_path, get_case, meetings_path, plan_path, records_path, CloseCase, MoveStage, ProposeMember,
    RecordCareAllowance, RemoveMember,
};
use crate::components::labels;
use crate::components::{succeeded, Clock, ErrorMessage, Loading, PageTitle, Pager};
use crate::domain::assessment::ViewAuthor;
use crate::domain::ids::CaseId;
use crate::error::AppError;
use crate::i18n::*;
use crate::model::cases::{CaseDetail, ClosureView, HistoryEntry, HistoryEvent, StageMove};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CasePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let move_stage = ServerAction::<MoveStage>::new();
    let close = ServerAction::<CloseCase>::new();
    let closed = succeeded(close);
    let care_allowance = ServerAction::<RecordCareAllowance>::new();
    let propose = ServerAction::<ProposeMember>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let proposed = succeeded(propose);
    let removed = succeeded(remove);
    let case_id = move || params.read().get("id").and_then(|raw| raw.parse::<CaseId>().ok());
    let history_query = use_query_map();
    let history_page = move || history_query.read().get("history").unwrap_or_default();
    let detail = Resource::new(
        move || {
            (
                case_id(),
                history_page(),
                move_stage.version().get(),
                closed.get(),
                care_allowance.version().get(),
                proposed.get(),
                removed.get(),
            )
        },
        |(id, history, ..)| async move {
            match id {
                Some(id) => get_case(id, history).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let outcome = move || {
        move_stage.value().get().map(|result| match result {
            Ok(stage) => view! {
                <div class="notice notice-ok" role="status">
                    {t!(i18n, case.moved, stage = move || labels::stage(i18n, stage))}
                </div>
            }
            .into_any(),
            Err(error) => view! { <ErrorMessage error/> }.into_any(),
        })
    };
    let action_errors = move || {
        [
            close.value().get().and_then(|r| r.err()),
            care_allowance.value().get().and_then(|r| r.err()),
            propose.value().get().and_then(|r| r.err()),
            remove.value().get().and_then(|r| r.err()),
        ]
        .into_iter()
        .flatten()
        .map(|error| view! { <ErrorMessage error/> })
        .collect_view()
    };
    // Completing the assessment redirects here with `?completed=<version>`.
    let query = use_query_map();
    let completed = move || {
        query.read().get("completed").and_then(|v| v.parse::<i32>().ok()).map(|version| {
            view! { <div class="notice notice-ok" role="status">{t!(i18n, case.completed, version = move || version)}</div> }
        })
    };
    view! {
        <p class="back"><a href="/cases">{t!(i18n, case.back)}</a></p>
        {completed}
        {outcome}
        {action_errors}
        // A transition keeps the case on screen while it reloads after a move.
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <CaseView detail move_stage close care_allowance propose remove/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CaseView(
    detail: CaseDetail,
    move_stage: ServerAction<MoveStage>,
    close: ServerAction<CloseCase>,
    care_allowance: ServerAction<RecordCareAllowance>,
    propose: ServerAction<ProposeMember>,
    remove: ServerAction<RemoveMember>,
) -> impl IntoView {
    let i18n = use_i18n();
    let history_pages = detail.history_pages();
    let newest = detail.history_newest();
    let CaseDetail {
        id,
        client,
        stage,
        opened_at,
        team,
        history,
        history_page,
        history_total,
        moves,
        clock,
        can_edit,
        closures,
        ..
    } = detail;
    let highest = client.highest_care_allowance;
    let name = client.name.clone();
    let born = client.date_of_birth;
    view! {
        <article class="case" data-stage=stage.as_str()>
            <PageTitle text=move || t_string!(i18n, page_title.case) about=client.name.clone()/>
            <h1>{t!(i18n, case.title, name = move || name.clone())}</h1>
            <div class="case-grid">
                <section class="card" aria-labelledby="client-h">
                    <h2 id="client-h">{t!(i18n, case.client)}</h2>
                    <dl class="facts">
                        <div><dt>{t!(i18n, case.born)}</dt><dd>{move || labels::date(i18n, born)}</dd></div>
                        {client.municipality.clone().map(|m| view! {
                            <div><dt>{t!(i18n, case.municipality)}</dt><dd>{m}</dd></div>
                        })}
                        <div><dt>{t!(i18n, case.language)}</dt><dd>{labels::language(i18n, &client.preferred_language)}</dd></div>
                        <div><dt>{t!(i18n, case.opened)}</dt><dd>{move || labels::day(i18n, opened_at)}</dd></div>
                    </dl>
                    {client.non_disclosure.then(|| view! { <p class="notice notice-info">{t!(i18n, case.protected)}</p> })}
                </section>
                <section class="card" aria-labelledby="stage-h">
                    <h2 id="stage-h">{t!(i18n, case.stage)}</h2>
                    <p class=format!("stage-badge stage-{}", stage.as_str()) data-testid="case-stage">
                        {move || labels::stage(i18n, stage)}
                    </p>
                    <h3>{t!(i18n, case.moves)}</h3>
                    <StageMoves case_id=id current=stage moves move_stage close/>
                </section>
            </div>
            <section class="card" aria-labelledby="assessment-h">
                <h2 id="assessment-h">{t!(i18n, case.assessment)}</h2>
                {clock.map(|clock| view! {
                    <p><strong>{t!(i18n, case.clock)}": "</strong><Clock clock/></p>
                })}
                <p class="hint">{t!(i18n, case.clock_rule)}</p>
                {can_edit.then(|| view! {
                    <ActionForm action=care_allowance attr:class="inline-form">
                        <input type="hidden" name="case_id" value=id/>
                        <div class="choice">
                            <input type="checkbox" id="highest" name="highest" checked=highest/>
                            <label for="highest">{t!(i18n, case.care_allowance)}</label>
                        </div>
                        <button type="submit" class="button-quiet">{t!(i18n, case.care_allowance_save)}</button>
                    </ActionForm>
                })}
                <p>
                    <a class="button-link" href=assessment_path(id)>{t!(i18n, case.assessment_link)}</a>
                    " "
                    <a class="button-link" href=plan_path(id)>{t!(i18n, case.plan_link)}</a>
                    " "
                    <a class="button-link" href=meetings_path(id)>{t!(i18n, case.meetings_link)}</a>
                    " "
                    <a class="button-link" href=format!("/boards/team-{id}")>{t!(i18n, case.board_link)}</a>
                    " "
                    <a class="button-link" href=records_path(id)>{t!(i18n, records.link)}</a>
                </p>
            </section>
            <section class="card" aria-labelledby="team-h">
                <h2 id="team-h">{t!(i18n, case.team)}</h2>
                {if can_edit {
                    view! { <TeamList team remove/> <InviteForm case_id=id action=propose/> }.into_any()
                } else {
                    view! { <TeamList team/> }.into_any()
                }}
            </section>
            {(!closures.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="closures-h">
                    <h2 id="closures-h">{t!(i18n, case.closures)}</h2>
                    <ClosureList closures/>
                </section>
            })}
            <section class="card" aria-labelledby="history-h">
                <h2 id="history-h">{t!(i18n, case.history)}</h2>
                <HistoryList history start=newest/>
                {(history_pages > 1).then(|| view! {
                    <Pager
                        page=history_page
                        pages=history_pages
                        href=|number: u32| format!("?history={number}#history-h")
                        label=move || t_string!(i18n, case.history_pages).to_string()
                    >
                        {t!(i18n, case.history_total, total = move || history_total)}
                    </Pager>
                })}
            </section>
        </article>
    }
}

#[component]
fn StageMoves(
    case_id: CaseId,
    current: crate::domain::Stage,
    moves: Vec<StageMove>,
    move_stage: ServerAction<MoveStage>,
    close: ServerAction<CloseCase>,
) -> impl IntoView {
    let i18n = use_i18n();
    if moves.is_empty() {
        return view! { <p>{t!(i18n, case.no_moves)}</p> }.into_any();
    }
    let pending = move_stage.pending();
    view! {
        <ul class="moves">
            {moves
                .into_iter()
                .enumerate()
                .map(|(i, StageMove { to, blocked })| {
                    // The ordinary next step stands out; the other moves are quieter.
                    let class = if i == 0 { "button-primary" } else { "button-quiet" };
                    let is_blocked = blocked.is_some();
                    let reason = blocked.map(|problem| {
                        view! {
                            <p class="hint">
                                <span>{t!(i18n, case.blocked)}</span>
                                " "
                                {crate::components::error::error_view(i18n, AppError::Transition(problem))}
                            </p>
                        }
                    });
                    if to == crate::domain::Stage::Closed && !is_blocked {
                        // Closing asks for the summary and who carries on.
                        return view! {
                            <li>
                                <ActionForm action=close attr:class="form closing-form">
                                    <input type="hidden" name="case_id" value=case_id/>
                                    <input type="hidden" name="from" value=current.as_str()/>
                                    <label for="closure-summary">{t!(i18n, case.close_summary)}</label>
                                    <textarea id="closure-summary" name="summary" rows="3"></textarea>
                                    <label for="closure-continuation">{t!(i18n, case.close_continuation)}</label>
                                    <textarea id="closure-continuation" name="continuation" rows="3"></textarea>
                                    <button type="submit" class=class>
                                        {t!(i18n, case.move_to, stage = move || labels::stage(i18n, to))}
                                    </button>
                                </ActionForm>
                            </li>
                        }
                        .into_any();
                    }
                    view! {
                        <li>
                            <ActionForm action=move_stage>
                                <input type="hidden" name="case_id" value=case_id/>
                                <input type="hidden" name="from" value=current.as_str()/>
                                <input type="hidden" name="to" value=to.as_str()/>
                                <button type="submit" class=class disabled=move || is_blocked || pending.get()>
                                    {move || {
                                        if pending.get() {
                                            t!(i18n, case.moving).into_any()
                                        } else {
                                            t!(i18n, case.move_to, stage = move || labels::stage(i18n, to)).into_any()
                                        }
                                    }}
                                </button>
                            </ActionForm>
                            {reason}
                        </li>
                    }
                    .into_any()
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// How a case was closed, each time, with who carries on.
#[component]
pub fn ClosureList(closures: Vec<ClosureView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="closures">
            {closures
                .into_iter()
                .map(|c| {
                    let at = c.closed_at;
                    let by = c.closed_by.clone();
                    view! {
                        <li class="closure">
                            <p class="hint">{t!(i18n, case.closed_by, at = move || labels::day(i18n, at), name = move || by.clone())}</p>
                            <p>{c.summary}</p>
                            <p><strong>{t!(i18n, case.close_continuation)}": "</strong>{c.continuation}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// A case's history, newest first, in words.
#[component]
pub fn HistoryList(
    history: Vec<HistoryEntry>,
    /// The number of the newest event shown, when the list is one page of a longer history.
    #[prop(optional)]
    start: Option<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="history" reversed start=start>
            {history
                .into_iter()
                .rev()
                .map(|entry| {
                    let at = entry.at;
                    let actor = entry.actor.clone();
                    let event = entry.event.clone();
                    let text = match event {
                        HistoryEvent::CaseOpened => t!(i18n, history.case_opened).into_any(),
                        HistoryEvent::StageChanged { from, to } => t!(
                            i18n,
                            history.stage_changed,
                            from = move || labels::stage(i18n, from),
                            to = move || labels::stage(i18n, to)
                        )
                        .into_any(),
                        HistoryEvent::MemberJoined { name, team_role } => t!(
                            i18n,
                            history.member_joined,
                            name = move || name.clone(),
                            role = move || labels::team_role(i18n, team_role)
                        )
                        .into_any(),
                        HistoryEvent::AssessmentStarted { version } => {
                            t!(i18n, history.assessment_started, version = move || version).into_any()
                        }
                        HistoryEvent::AssessmentCompleted { version } => {
                            t!(i18n, history.assessment_completed, version = move || version).into_any()
                        }
                        HistoryEvent::ViewWritten { author: ViewAuthor::Client } => t!(i18n, history.view_client).into_any(),
                        HistoryEvent::ViewWritten { author: ViewAuthor::Relative } => t!(i18n, history.view_relative).into_any(),
                        HistoryEvent::ViewWritten { author: ViewAuthor::Professional } => {
                            t!(i18n, history.view_professional).into_any()
                        }
                        HistoryEvent::MemberProposed { name, team_role } => t!(
                            i18n,
                            history.member_proposed,
                            name = move || name.clone(),
                            role = move || labels::team_role(i18n, team_role)
                        )
                        .into_any(),
                        HistoryEvent::MemberDeclined { name } => {
                            t!(i18n, history.member_declined, name = move || name.clone()).into_any()
                        }
                        HistoryEvent::MemberLeft { name, team_role } => t!(
                            i18n,
                            history.member_left,
                            name = move || name.clone(),
                            role = move || labels::team_role(i18n, team_role)
                        )
                        .into_any(),
                        HistoryEvent::CareAllowanceRecorded { highest: true } => t!(i18n, history.care_allowance_yes).into_any(),
                        HistoryEvent::CareAllowanceRecorded { highest: false } => t!(i18n, history.care_allowance_no).into_any(),
                        HistoryEvent::PlanSaved { version } => t!(i18n, history.plan_saved, version = move || version).into_any(),
                        HistoryEvent::PlanReviewed { next_review } => {
                            t!(i18n, history.plan_reviewed, day = move || labels::date(i18n, next_review)).into_any()
                        }
                    };
                    let by = (!actor.is_empty()).then(|| {
                        view! { <span class="by">{t!(i18n, history.by, name = move || actor.clone())}</span> }
                    });
                    view! {
                        <li>
                            <time datetime=at.to_rfc3339()>{move || labels::day(i18n, at)}</time>
                            " "
                            <span>{text}</span>
                            " "
                            {by}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
