//! `/cases/:id/assessment`: the service-need assessment. The coordinator pair starts it, records
//! it in dialogue and completes it; everyone on the team, the client and a relative the client
//! allows add their own view in their own words; completed versions are read-only.

use crate::api::{get_assessment, SaveAssessment, StartAssessment, WriteAssessmentView};
use crate::components::labels;
use crate::components::{succeeded, Clock, ErrorMessage, Loading, PageTitle};
use crate::domain::assessment::{AssessmentContent, ContactMode, Weight};
use crate::domain::ids::CaseId;
use crate::domain::{LifeArea, Stage};
use crate::error::AppError;
use crate::i18n::*;
use crate::model::{
    assessment::{AssessmentDraft, AssessmentPage as Page, AssessmentVersion, ViewEntry},
    team::ParticipantChoice,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let start = ServerAction::<StartAssessment>::new();
    let save = ServerAction::<SaveAssessment>::new();
    let write = ServerAction::<WriteAssessmentView>::new();
    let case_id = move || params.read().get("id").and_then(|raw| raw.parse::<CaseId>().ok());
    // Reload only after a successful save or view: a refused one keeps what the person typed.
    let saved_count = succeeded(save);
    let written_count = succeeded(write);
    let page = Resource::new(
        move || (case_id(), start.version().get(), saved_count.get(), written_count.get()),
        |(id, ..)| async move {
            match id {
                Some(id) => get_assessment(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let query = use_query_map();
    let saved =
        move || query.read().get("saved").is_some() || matches!(save.value().get(), Some(Ok(ref s)) if !s.completed);
    let errors = move || {
        [start.value().get().and_then(|r| r.err()), save.value().get().and_then(|r| r.err())]
            .into_iter()
            .flatten()
            .map(|error| view! { <ErrorMessage error/> })
            .collect_view()
    };
    view! {
        <p class="back">
            {move || case_id().map(|id| view! { <a href=format!("/cases/{id}")>{t!(i18n, assessment.back)}</a> })}
        </p>
        <Show when=saved>
            <p class="notice notice-ok" role="status">{t!(i18n, assessment.saved)}</p>
        </Show>
        {errors}
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <AssessmentView page start save write/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn AssessmentView(
    page: Page,
    start: ServerAction<StartAssessment>,
    save: ServerAction<SaveAssessment>,
    write: ServerAction<WriteAssessmentView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Page { case_id, client_name, stage, clock, draft, versions, views, team, can_edit, can_write_view } = page;
    let name = client_name.clone();
    let startable = can_edit
        && draft.is_none()
        && (if versions.is_empty() { stage == Stage::Assessment } else { stage != Stage::Closed });
    let start_label =
        if versions.is_empty() { t!(i18n, assessment.start).into_any() } else { t!(i18n, assessment.amend).into_any() };
    let nothing_yet = draft.is_none() && versions.is_empty() && !startable;
    let draft_view = draft.map(|draft| {
        if can_edit {
            view! { <DraftForm case_id draft team save/> }.into_any()
        } else {
            view! {
                <section class="card" aria-labelledby="draft-h">
                    <h2 id="draft-h">{t!(i18n, assessment.draft, version = move || draft.version)}</h2>
                    <p>{t!(i18n, assessment.draft_others)}</p>
                    <ContentView content=draft.content.clone()/>
                </section>
            }
            .into_any()
        }
    });
    view! {
        <article class="assessment" data-stage=stage.as_str()>
            <PageTitle text=move || t_string!(i18n, page_title.assessment) about=client_name.clone()/>
            <h1>{t!(i18n, assessment.title, name = move || name.clone())}</h1>
            <p class="lead">{t!(i18n, assessment.intro)}</p>
            {clock.map(|clock| view! { <p><strong>{t!(i18n, case.clock)}": "</strong><Clock clock/></p> })}
            {nothing_yet.then(|| view! { <p>{t!(i18n, assessment.none)}</p> })}
            {startable.then(|| view! {
                <ActionForm action=start>
                    <input type="hidden" name="case_id" value=case_id/>
                    <button type="submit" class="button-primary">{start_label}</button>
                </ActionForm>
            })}
            {draft_view}
            <section class="card" aria-labelledby="views-h">
                <h2 id="views-h">{t!(i18n, assessment.views)}</h2>
                <ViewList views/>
                {can_write_view.then(|| view! { <ViewForm case_id action=write/> })}
            </section>
            {(!versions.is_empty()).then(|| view! { <VersionList versions/> })}
        </article>
    }
}

/// The coordinator pair's form. Two submit buttons: save the draft, or complete it.
#[component]
fn DraftForm(
    case_id: CaseId,
    draft: AssessmentDraft,
    team: Vec<ParticipantChoice>,
    save: ServerAction<SaveAssessment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let AssessmentDraft { version, revision, content, updated_at, updated_by, missing, .. } = draft;
    let pending = save.pending();
    let areas: Vec<_> = LifeArea::ALL.into_iter().map(|area| {
        let current = content.needs.iter().find(|n| n.area == area).cloned();
        let weight_now = current.as_ref().map(|n| n.weight);
        let need_now = current.map(|n| n.need).unwrap_or_default();
        let key = area.as_str();
        let weight_id = format!("weight-{key}");
        let need_id = format!("need-{key}");
        view! {
            <fieldset class="area">
                <legend>{move || labels::life_area(i18n, area)}</legend>
                <label for=weight_id.clone()>{t!(i18n, assessment.weight)}</label>
                <select id=weight_id name=format!("weights[{key}]")>
                    <option value="" selected=weight_now.is_none()>{t!(i18n, weight.none)}</option>
                    {Weight::ALL
                        .into_iter()
                        .map(|w| view! { <option value=w.as_str() selected=weight_now == Some(w)>{move || labels::weight(i18n, w)}</option> })
                        .collect_view()}
                </select>
                <label for=need_id.clone()>{t!(i18n, assessment.need)}</label>
                <textarea id=need_id name=format!("needs[{key}]") rows="2">{need_now}</textarea>
            </fieldset>
        }
    }).collect();
    let participants: Vec<_> = team
        .into_iter()
        .map(|person| {
            let id = format!("participant-{}", person.user_id);
            let checked = content.participants.iter().any(|p| p.user_id == person.user_id);
            let role = person.team_role;
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name="participants[]" value=person.user_id checked=checked/>
                    <label for=id>{person.name.clone()}" ("{move || labels::team_role(i18n, role)}")"</label>
                </div>
            }
        })
        .collect();
    let mode_now = content.mode;
    let own_worker = content.own_worker_needed;
    let missing_list = (!missing.is_empty()).then(|| {
        view! {
            <div class="notice notice-info" data-testid="missing">
                <p>{t!(i18n, assessment.missing)}</p>
                <ul>{missing.into_iter().map(|m| view! { <li>{move || labels::missing(i18n, m)}</li> }).collect_view()}</ul>
            </div>
        }
    });
    view! {
        <section class="card" aria-labelledby="draft-h">
            <h2 id="draft-h">{t!(i18n, assessment.draft, version = move || version)}</h2>
            <p class="hint">
                {t!(i18n, assessment.draft_meta, at = move || labels::day(i18n, updated_at), name = move || updated_by.clone())}
            </p>
            <ActionForm action=save attr:class="form assessment-form">
                <input type="hidden" name="case_id" value=case_id/>
                <input type="hidden" name="revision" value=revision/>
                <h3>{t!(i18n, assessment.life_areas)}</h3>
                <p class="hint">{t!(i18n, assessment.life_areas_hint)}</p>
                <div class="areas">{areas}</div>
                <label for="strengths">{t!(i18n, assessment.strengths)}</label>
                <textarea id="strengths" name="strengths" rows="3">{content.strengths.clone()}</textarea>
                <label for="mode">{t!(i18n, assessment.how)}</label>
                <select id="mode" name="mode">
                    <option value="" selected=mode_now.is_none()>"–"</option>
                    {ContactMode::ALL
                        .into_iter()
                        .map(|m| view! { <option value=m.as_str() selected=mode_now == Some(m)>{move || labels::contact_mode(i18n, m)}</option> })
                        .collect_view()}
                </select>
                <fieldset class="choices">
                    <legend>{t!(i18n, assessment.participants)}</legend>
                    <div class="choice">
                        <input type="checkbox" id="client_took_part" name="client_took_part" checked=content.client_took_part/>
                        <label for="client_took_part">{t!(i18n, assessment.client_took_part)}</label>
                    </div>
                    {participants}
                </fieldset>
                <label for="others">{t!(i18n, assessment.others)}</label>
                <input type="text" id="others" name="others" value=content.others.clone()/>
                <label for="shared_understanding">{t!(i18n, assessment.shared_understanding)}</label>
                <textarea id="shared_understanding" name="shared_understanding" rows="4">{content.shared_understanding.clone()}</textarea>
                <fieldset class="choices">
                    <legend>{t!(i18n, assessment.own_worker)}</legend>
                    <div class="choice">
                        <input type="radio" id="own_worker_yes" name="own_worker_needed" value="yes" checked=own_worker == Some(true)/>
                        <label for="own_worker_yes">{t!(i18n, assessment.yes)}</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id="own_worker_no" name="own_worker_needed" value="no" checked=own_worker == Some(false)/>
                        <label for="own_worker_no">{t!(i18n, assessment.no)}</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id="own_worker_open" name="own_worker_needed" value="" checked=own_worker.is_none()/>
                        <label for="own_worker_open">{t!(i18n, assessment.undecided)}</label>
                    </div>
                </fieldset>
                {missing_list}
                <div class="buttons">
                    <button type="submit" name="intent" value="save" class="button-quiet" disabled=move || pending.get()>
                        {t!(i18n, assessment.save)}
                    </button>
                    <button type="submit" name="intent" value="complete" class="button-primary" disabled=move || pending.get()>
                        {move || if pending.get() { t!(i18n, assessment.saving).into_any() } else { t!(i18n, assessment.complete).into_any() }}
                    </button>
                </div>
            </ActionForm>
        </section>
    }
}

/// What an assessment records, read-only.
#[component]
pub fn ContentView(content: AssessmentContent) -> impl IntoView {
    let i18n = use_i18n();
    let AssessmentContent {
        needs,
        strengths,
        mode,
        participants,
        client_took_part,
        others,
        shared_understanding,
        own_worker_needed,
    } = content;
    let mut who: Vec<String> = participants.into_iter().map(|p| p.name).collect();
    if !others.is_empty() {
        who.push(others);
    }
    let who = who.join(", ");
    view! {
        <ul class="needs">
            {needs
                .into_iter()
                .map(|n| {
                    let (area, weight) = (n.area, n.weight);
                    view! {
                        <li class=format!("need need-{}", weight.as_str())>
                            <strong>{move || labels::life_area(i18n, area)}</strong>
                            " · "
                            <span class="need-weight">{move || labels::weight(i18n, weight)}</span>
                            <p>{n.need}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <dl class="facts">
            {(!strengths.is_empty()).then(|| view! { <div><dt>{t!(i18n, assessment.strengths)}</dt><dd>{strengths}</dd></div> })}
            {mode.map(|m| view! { <div><dt>{t!(i18n, assessment.how)}</dt><dd>{move || labels::contact_mode(i18n, m)}</dd></div> })}
            <div>
                <dt>{t!(i18n, assessment.participants)}</dt>
                <dd>
                    {client_took_part.then(|| view! { <span>{t!(i18n, assessment.with_client)}</span> })}
                    {(client_took_part && !who.is_empty()).then_some("; ")}
                    {who}
                </dd>
            </div>
            {(!shared_understanding.is_empty()).then(|| view! {
                <div><dt>{t!(i18n, assessment.shared_understanding)}</dt><dd>{shared_understanding}</dd></div>
            })}
        </dl>
        {own_worker_needed.map(|needed| {
            if needed { view! { <p>{t!(i18n, assessment.own_worker_yes)}</p> }.into_any() } else {
                view! { <p>{t!(i18n, assessment.own_worker_no)}</p> }.into_any()
            }
        })}
    }
}

/// Views in people's own words, oldest first, each with who wrote it and when.
#[component]
pub fn ViewList(views: Vec<ViewEntry>) -> impl IntoView {
    let i18n = use_i18n();
    if views.is_empty() {
        return view! { <p>{t!(i18n, assessment.views_none)}</p> }.into_any();
    }
    view! {
        <ul class="views">
            {views
                .into_iter()
                .map(|v| {
                    let (author, at) = (v.author, v.at);
                    view! {
                        <li class="view">
                            <p class="view-by">
                                <strong>{v.name}</strong>
                                " ("{move || labels::view_author(i18n, author)}") "
                                <time datetime=at.to_rfc3339()>{move || labels::day(i18n, at)}</time>
                            </p>
                            <blockquote>{v.text}</blockquote>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// Adding one's own view. Works without JavaScript: the server redirects back.
#[component]
pub fn ViewForm(case_id: CaseId, action: ServerAction<WriteAssessmentView>) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    let query = use_query_map();
    let sent = move || query.read().get("view").is_some() || matches!(action.value().get(), Some(Ok(_)));
    let error = move || action.value().get().and_then(|r| r.err()).map(|error| view! { <ErrorMessage error/> });
    let id = format!("view-text-{case_id}");
    view! {
        <ActionForm action attr:class="form" attr:id=format!("view-{case_id}")>
            <input type="hidden" name="case_id" value=case_id/>
            <label for=id.clone()>{t!(i18n, assessment.view_label)}</label>
            <textarea id=id name="text" rows="4"></textarea>
            <Show when=sent>
                <p class="notice notice-ok" role="status">{t!(i18n, assessment.view_sent)}</p>
            </Show>
            {error}
            <button type="submit" class="button-primary" disabled=move || pending.get()>{t!(i18n, assessment.view_submit)}</button>
        </ActionForm>
    }
}

/// Completed versions, newest first; older ones folded away.
#[component]
fn VersionList(versions: Vec<AssessmentVersion>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="versions-h">
            <h2 id="versions-h">{t!(i18n, assessment.versions)}</h2>
            <p class="hint">{t!(i18n, assessment.read_only)}</p>
            {versions
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let AssessmentVersion { version, content, views, completed_at, completed_by, .. } = v;
                    view! {
                        <details class="version" open=i == 0 data-version=version>
                            <summary>
                                {t!(
                                    i18n,
                                    assessment.version,
                                    version = move || version,
                                    at = move || labels::day(i18n, completed_at),
                                    name = move || completed_by.clone()
                                )}
                            </summary>
                            <ContentView content/>
                            <h3>{t!(i18n, assessment.views)}</h3>
                            <ViewList views/>
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}
