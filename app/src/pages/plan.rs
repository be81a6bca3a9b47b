//! `/cases/:id/plan`: the client plan (asiakassuunnitelma). The client writes their goals in their
//! own words; the coordinator pair adds actions, services, disagreements and the review date; a
//! member marks their own tasks. Every change is a version; any two can be compared; the page
//! prints cleanly on A4 for the client.

use crate::api::{get_plan, ChangePlan, ReviewPlan};
use crate::components::labels::{self, I18n};
use crate::components::{succeeded, ErrorMessage, Loading, PageTitle, Pager};
use crate::domain::ids::{CaseId, UserId};
use crate::domain::plan::{Goal, PlanAction, PlanDiff, PlanRole, TaskStatus};
use crate::domain::review::GoalScore;
use crate::error::AppError;
use crate::i18n::*;
use crate::model::{
    plan::{PlanCompare, PlanPage as Page, PlanVersionMeta, ReviewView},
    team::ParticipantChoice,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let change = ServerAction::<ChangePlan>::new();
    let review = ServerAction::<ReviewPlan>::new();
    let changed = succeeded(change);
    let reviewed = succeeded(review);
    let case_id = move || params.read().get("id").and_then(|raw| raw.parse::<CaseId>().ok());
    let compare = move || {
        let q = query.read();
        (q.get("from").and_then(|v| v.parse::<i32>().ok()), q.get("to").and_then(|v| v.parse::<i32>().ok()))
    };
    let versions_page = move || query.read().get("versions").unwrap_or_default();
    let page = Resource::new(
        move || (case_id(), compare(), versions_page(), changed.get() + reviewed.get()),
        |(id, (from, to), versions, _)| async move {
            match id {
                Some(id) => get_plan(id, from, to, versions).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let refused =
        move || change.value().get().and_then(|r| r.err()).or_else(|| review.value().get().and_then(|r| r.err()));
    let saved =
        move || refused().is_none() && (query.read().get("saved").is_some() || changed.get() + reviewed.get() > 0);
    view! {
        <Show when=saved>
            <p class="notice notice-ok no-print" role="status">{t!(i18n, plan.saved)}</p>
        </Show>
        {move || refused().map(|error| view! { <ErrorMessage error/> })}
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <PlanView page change review/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The hidden fields every change carries: which case, the version it was made against, the
/// kind of change and what it is about.
#[component]
fn Target(case_id: CaseId, seen: i32, op: &'static str, #[prop(optional)] key: Option<u32>) -> impl IntoView {
    view! {
        <input type="hidden" name="case_id" value=case_id/>
        <input type="hidden" name="seen" value=seen/>
        <input type="hidden" name="op" value=op/>
        {key.map(|key| view! { <input type="hidden" name="key" value=key/> })}
    }
}

#[component]
fn PlanView(page: Page, change: ServerAction<ChangePlan>, review: ServerAction<ReviewPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let name = page.client_name.clone();
    let (case_id, seen, role) = (page.case_id, page.version, page.role);
    let back = if page.role == Some(PlanRole::Client) || page.owners.iter().all(|o| o.user_id != page.reader_user_id) {
        "/pathway".to_string()
    } else {
        format!("/cases/{case_id}")
    };
    let status_line = page.last_saved.clone().map(|v| {
        let PlanVersionMeta { version, saved_by, at, .. } = v;
        view! {
            <p class="plan-version">
                {t!(i18n, plan.version_line, version = move || version, name = move || saved_by.clone(), day = move || labels::day(i18n, at))}
            </p>
        }
    });
    let read_only = role.is_none().then(|| view! { <p class="hint no-print">{t!(i18n, plan.read_only)}</p> });
    let review_date = page.content.review_date;
    view! {
        <p class="back no-print"><a href=back>{t!(i18n, plan.back)}</a></p>
        <article class="plan" data-version=seen>
            <PageTitle text=move || t_string!(i18n, page_title.plan) about=page.client_name.clone()/>
            <h1>{t!(i18n, plan.title, name = move || name.clone())}</h1>
            {status_line}
            {(seen == 0).then(|| view! { <p>{t!(i18n, plan.empty)}</p> })}
            {read_only}
            <p class="no-print">
                <button type="button" class="button-quiet" on:click=move |_| print_page()>{t!(i18n, plan.print)}</button>
            </p>
            <Goals page=page.clone() change/>
            <Actions page=page.clone() change/>
            <Services page=page.clone() change/>
            <Disagreements page=page.clone() change/>
            <section class="card" aria-labelledby="review-h">
                <h2 id="review-h">{t!(i18n, plan.review)}</h2>
                <p data-testid="review-date">
                    {match review_date {
                        Some(date) => labels::date(i18n, date).into_any(),
                        None => t!(i18n, plan.no_review).into_any(),
                    }}
                </p>
                {(role == Some(PlanRole::Coordinator)).then(|| view! {
                    <ActionForm action=change attr:class="no-print inline-form">
                        <Target case_id seen op="set_review_date"/>
                        <label for="review-date-input">{t!(i18n, plan.set_review)}</label>
                        <input id="review-date-input" type="date" name="review_date" required
                            value=review_date.map(|d| d.to_string()).unwrap_or_default()/>
                        <button type="submit">{t!(i18n, plan.save)}</button>
                    </ActionForm>
                })}
            </section>
            <Reviews page=page.clone() review/>
            <Versions page/>
        </article>
    }
}

fn print_page() {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().print();
    }
}

#[component]
fn Goals(page: Page, change: ServerAction<ChangePlan>) -> impl IntoView {
    let i18n = use_i18n();
    let (case_id, seen, role) = (page.case_id, page.version, page.role);
    let goals = page.content.goals.clone();
    let none = goals.is_empty().then(|| view! { <p>{t!(i18n, plan.no_goals)}</p> });
    let items = goals
        .into_iter()
        .map(|goal| {
            let Goal { key, client_words, suggested_wording, client_actions } = goal;
            let (words_now, own_now) = (client_words.clone(), client_actions.clone());
            let suggested = suggested_wording.clone().map(|s| {
                view! { <p class="suggested"><strong>{t!(i18n, plan.suggested)}": "</strong>{s}</p> }
            });
            let own = (!client_actions.is_empty()).then(|| {
                let text = client_actions.clone();
                view! { <p><strong>{t!(i18n, plan.client_actions)}": "</strong>{text}</p> }
            });
            let edit = match role {
                Some(PlanRole::Client) => Some(view! {
                    <details class="no-print">
                        <summary>{t!(i18n, plan.reword)}</summary>
                        <ActionForm action=change>
                            <Target case_id seen op="reword_goal" key/>
                            <label for=format!("words-{key}")>{t!(i18n, plan.goal_words)}</label>
                            <textarea id=format!("words-{key}") name="words" rows="2" required>{words_now}</textarea>
                            <label for=format!("own-{key}")>{t!(i18n, plan.client_actions)}</label>
                            <textarea id=format!("own-{key}") name="client_actions" rows="2">{own_now}</textarea>
                            <button type="submit">{t!(i18n, plan.save)}</button>
                        </ActionForm>
                        <ActionForm action=change>
                            <Target case_id seen op="remove_goal" key/>
                            <button type="submit" class="button-danger">{t!(i18n, plan.remove_goal)}</button>
                        </ActionForm>
                    </details>
                }
                .into_any()),
                Some(PlanRole::Coordinator) => Some(view! {
                    <details class="no-print">
                        <summary>{t!(i18n, plan.suggest)}</summary>
                        <p class="hint">{t!(i18n, plan.suggest_hint)}</p>
                        <ActionForm action=change>
                            <Target case_id seen op="suggest_wording" key/>
                            <label for=format!("suggest-{key}")>{t!(i18n, plan.suggested)}</label>
                            <textarea id=format!("suggest-{key}") name="suggestion" rows="2">{suggested_wording.unwrap_or_default()}</textarea>
                            <button type="submit">{t!(i18n, plan.save)}</button>
                        </ActionForm>
                    </details>
                }
                .into_any()),
                _ => None,
            };
            view! {
                <li class="goal" data-goal=key>
                    <blockquote class="client-words">{client_words}</blockquote>
                    {suggested}
                    {own}
                    {edit}
                </li>
            }
        })
        .collect_view();
    let add = (role == Some(PlanRole::Client)).then(|| {
        view! {
            <ActionForm action=change attr:class="no-print">
                <h3>{t!(i18n, plan.add_goal)}</h3>
                <Target case_id seen op="add_goal"/>
                <label for="new-goal">{t!(i18n, plan.goal_words)}</label>
                <textarea id="new-goal" name="words" rows="2" required></textarea>
                <label for="new-goal-own">{t!(i18n, plan.client_actions)}</label>
                <textarea id="new-goal-own" name="client_actions" rows="2"></textarea>
                <button type="submit" class="button-primary">{t!(i18n, plan.add_goal_button)}</button>
            </ActionForm>
        }
    });
    view! {
        <section class="card" aria-labelledby="goals-h">
            <h2 id="goals-h">{t!(i18n, plan.goals)}</h2>
            <p class="hint">{t!(i18n, plan.goals_intro)}</p>
            {none}
            <ol class="goals">{items}</ol>
            {add}
        </section>
    }
}

/// A choice of a task's owner among the team, `current` selected.
#[component]
pub fn OwnerSelect(
    id: String,
    owners: Vec<ParticipantChoice>,
    current: Option<UserId>,
    #[prop(default = "owner")] name: &'static str,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select id=id name=name required=required>
            <option value="" selected=current.is_none()>{t!(i18n, plan.choose_owner)}</option>
            {owners
                .into_iter()
                .map(|o| {
                    let label = format!("{} ({})", o.name, labels::team_role(i18n, o.team_role));
                    view! { <option value=o.user_id selected=current == Some(o.user_id)>{label}</option> }
                })
                .collect_view()}
        </select>
    }
}

#[component]
fn Actions(page: Page, change: ServerAction<ChangePlan>) -> impl IntoView {
    let i18n = use_i18n();
    let (case_id, seen, role, today) = (page.case_id, page.version, page.role, page.today);
    let coordinator = role == Some(PlanRole::Coordinator);
    let none = page.content.actions.is_empty().then(|| view! { <p>{t!(i18n, plan.no_actions)}</p> });
    let items = page
        .content
        .actions
        .clone()
        .into_iter()
        .map(|action| {
            let page = page.clone();
            let overdue = action.is_overdue(today);
            let PlanAction { key, what, owner_user_id, due, status, goal_key, .. } = action;
            let owner = page.owner_name(owner_user_id);
            let goal = goal_key.and_then(|k| page.content.goals.iter().position(|g| g.key == k)).map(|at| {
                view! { <span class="task-goal">{t!(i18n, plan.for_goal, number = move || at + 1)}</span> }
            });
            let may_mark = coordinator || (role == Some(PlanRole::Member) && owner_user_id == page.reader_user_id);
            let mark = may_mark.then(|| view! {
                <ActionForm action=change attr:class="no-print inline-form">
                    <Target case_id seen op="set_status" key/>
                    <label for=format!("status-{key}")>{t!(i18n, plan.status)}</label>
                    <select id=format!("status-{key}") name="status">
                        {TaskStatus::ALL
                            .into_iter()
                            .map(|s| {
                                view! { <option value=s.as_str() selected=s == status>{labels::task_status(i18n, s)}</option> }
                            })
                            .collect_view()}
                    </select>
                    <button type="submit">{t!(i18n, plan.update)}</button>
                </ActionForm>
            });
            let manage = coordinator.then(|| view! {
                <details class="no-print">
                    <summary>{t!(i18n, plan.reschedule)}</summary>
                    <ActionForm action=change>
                        <Target case_id seen op="reschedule_action" key/>
                        <label for=format!("owner-{key}")>{t!(i18n, plan.owner)}</label>
                        <OwnerSelect id=format!("owner-{key}") owners=page.owners.clone() current=Some(owner_user_id)/>
                        <label for=format!("due-{key}")>{t!(i18n, plan.due)}</label>
                        <input id=format!("due-{key}") type="date" name="due" required value=due.to_string()/>
                        <button type="submit">{t!(i18n, plan.save)}</button>
                    </ActionForm>
                    <ActionForm action=change>
                        <Target case_id seen op="remove_action" key/>
                        <button type="submit" class="button-danger">{t!(i18n, plan.remove_action)}</button>
                    </ActionForm>
                </details>
            });
            view! {
                <li class="task" class:overdue=overdue data-action=key data-status=status.as_str()>
                    <p class="task-what">{what}</p>
                    <p class="task-meta">
                        <span>{t!(i18n, plan.owner)}": "{owner}</span>
                        " · "
                        <span>{t!(i18n, plan.due)}": "<time datetime=due.to_string()>{labels::date(i18n, due)}</time></span>
                        " · "
                        <span class="task-status">{labels::task_status(i18n, status)}</span>
                        {overdue.then(|| view! { " " <strong class="badge badge-overdue">{t!(i18n, plan.overdue)}</strong> })}
                        " "
                        {goal}
                    </p>
                    {mark}
                    {manage}
                </li>
            }
        })
        .collect_view();
    let goals = page.content.goals.clone();
    let add = coordinator.then(|| view! {
        <ActionForm action=change attr:class="no-print">
            <h3>{t!(i18n, plan.add_action)}</h3>
            <Target case_id seen op="add_action"/>
            <label for="new-action">{t!(i18n, plan.what)}</label>
            <textarea id="new-action" name="what" rows="2" required></textarea>
            <label for="new-action-owner">{t!(i18n, plan.owner)}</label>
            <OwnerSelect id="new-action-owner".to_string() owners=page.owners.clone() current=None/>
            <label for="new-action-due">{t!(i18n, plan.due)}</label>
            <input id="new-action-due" type="date" name="due" required/>
            <label for="new-action-goal">{t!(i18n, plan.goal)}</label>
            <select id="new-action-goal" name="goal">
                <option value="">{t!(i18n, plan.no_goal)}</option>
                {goals
                    .into_iter()
                    .enumerate()
                    .map(|(at, g)| view! { <option value=g.key>{format!("{}. {}", at + 1, g.client_words)}</option> })
                    .collect_view()}
            </select>
            <button type="submit" class="button-primary">{t!(i18n, plan.add_action_button)}</button>
        </ActionForm>
    });
    view! {
        <section class="card" aria-labelledby="actions-h">
            <h2 id="actions-h">{t!(i18n, plan.actions)}</h2>
            {none}
            <ul class="tasks">{items}</ul>
            {add}
        </section>
    }
}

#[component]
fn Services(page: Page, change: ServerAction<ChangePlan>) -> impl IntoView {
    let i18n = use_i18n();
    let (case_id, seen) = (page.case_id, page.version);
    let coordinator = page.role == Some(PlanRole::Coordinator);
    let none = page.content.services.is_empty().then(|| view! { <p>{t!(i18n, plan.no_services)}</p> });
    let items = page
        .content
        .services
        .into_iter()
        .enumerate()
        .map(|(at, s)| {
            let until = s.until.map(|d| view! { " · " {t!(i18n, plan.until, day = move || labels::date(i18n, d))} });
            let remove = coordinator.then(|| {
                view! {
                    <ActionForm action=change attr:class="no-print inline-form">
                        <Target case_id seen op="remove_service" key={at as u32}/>
                        <button type="submit" class="button-quiet">{t!(i18n, plan.remove_service)}</button>
                    </ActionForm>
                }
            });
            view! { <li><strong>{s.name}</strong>" · "{s.provider}{until}{remove}</li> }
        })
        .collect_view();
    let add = coordinator.then(|| {
        view! {
            <ActionForm action=change attr:class="no-print">
                <h3>{t!(i18n, plan.add_service)}</h3>
                <Target case_id seen op="add_service"/>
                <label for="service-name">{t!(i18n, plan.service_name)}</label>
                <input id="service-name" name="name" required/>
                <label for="service-provider">{t!(i18n, plan.provider)}</label>
                <input id="service-provider" name="provider" required/>
                <label for="service-until">{t!(i18n, plan.expected_until)}</label>
                <input id="service-until" type="date" name="until"/>
                <button type="submit">{t!(i18n, plan.add_service_button)}</button>
            </ActionForm>
        }
    });
    view! {
        <section class="card" aria-labelledby="services-h">
            <h2 id="services-h">{t!(i18n, plan.services)}</h2>
            {none}
            <ul class="services">{items}</ul>
            {add}
        </section>
    }
}

#[component]
fn Disagreements(page: Page, change: ServerAction<ChangePlan>) -> impl IntoView {
    let i18n = use_i18n();
    let (case_id, seen) = (page.case_id, page.version);
    let coordinator = page.role == Some(PlanRole::Coordinator);
    let none = page.content.disagreements.is_empty().then(|| view! { <p>{t!(i18n, plan.no_disagreements)}</p> });
    let items = page
        .content
        .disagreements
        .into_iter()
        .map(|d| {
            view! {
                <li class="disagreement">
                    <h3>{d.topic}</h3>
                    <dl>
                        <dt>{t!(i18n, plan.client_view)}</dt><dd>{d.client_view}</dd>
                        <dt>{t!(i18n, plan.professional_view)}</dt><dd>{d.professional_view}</dd>
                        <dt>{t!(i18n, plan.reasons)}</dt><dd>{d.reasons}</dd>
                    </dl>
                </li>
            }
        })
        .collect_view();
    let add = coordinator.then(|| {
        view! {
            <details class="no-print">
                <summary>{t!(i18n, plan.add_disagreement)}</summary>
                <ActionForm action=change>
                    <Target case_id seen op="add_disagreement"/>
                    <label for="d-topic">{t!(i18n, plan.topic)}</label>
                    <input id="d-topic" name="topic" required/>
                    <label for="d-client">{t!(i18n, plan.client_view)}</label>
                    <textarea id="d-client" name="client_view" rows="2" required></textarea>
                    <label for="d-professional">{t!(i18n, plan.professional_view)}</label>
                    <textarea id="d-professional" name="professional_view" rows="2" required></textarea>
                    <label for="d-reasons">{t!(i18n, plan.reasons)}</label>
                    <textarea id="d-reasons" name="reasons" rows="2" required></textarea>
                    <button type="submit">{t!(i18n, plan.save)}</button>
                </ActionForm>
            </details>
        }
    });
    view! {
        <section class="card" aria-labelledby="disagreements-h">
            <h2 id="disagreements-h">{t!(i18n, plan.disagreements)}</h2>
            {none}
            <ul class="disagreements">{items}</ul>
            {add}
        </section>
    }
}

/// Up to how many versions a plan's comparison offers as a list to choose from.
const COMPARE_CHOICES: i32 = 40;

/// The saved versions, newest first, and a comparison of any two.
#[component]
fn Versions(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let latest = page.version;
    if latest == 0 {
        return ().into_any();
    }
    let compare = page.compare.clone();
    let (from, to) = compare.as_ref().map_or((latest - 1, latest), |c| (c.from, c.to));
    // A version to compare is chosen from a list while the list is short; a plan of years has
    // hundreds, so its versions are given by number (the list above says which is which).
    let choice = move |id: &'static str, selected: i32| {
        if latest <= COMPARE_CHOICES {
            let options = (1..=latest)
                .rev()
                .map(|version| view! { <option value=version selected=version == selected>{version}</option> })
                .collect_view();
            view! { <select id=id name=id>{options}</select> }.into_any()
        } else {
            view! { <input id=id name=id type="number" inputmode="numeric" min="1" max=latest value=selected required/> }
                .into_any()
        }
    };
    let list = page
        .versions
        .iter()
        .cloned()
        .map(|v| {
            let PlanVersionMeta { version, saved_by, editor, at } = v;
            let as_whom = match editor {
                PlanRole::Client => t_string!(i18n, plan.by_client).to_string(),
                PlanRole::Coordinator => t_string!(i18n, plan.by_coordinator).to_string(),
                PlanRole::Member => t_string!(i18n, plan.by_member).to_string(),
            };
            view! {
                <li>
                    {t!(i18n, plan.version_line, version = move || version, name = move || saved_by.clone(), day = move || labels::day(i18n, at))}
                    " ("{as_whom}")"
                </li>
            }
        })
        .collect_view();
    let result = compare.clone().map(|c| view! { <CompareResult compare=c page=page.clone()/> });
    let start = page.versions.first().map_or(latest, |v| v.version);
    let pages = page.version_pages();
    let versions_page = page.versions_page;
    // A page of the list keeps the comparison shown.
    let versions_href = move |number: u32| match &compare {
        Some(c) => format!("?from={}&to={}&versions={number}#versions-h", c.from, c.to),
        None => format!("?versions={number}#versions-h"),
    };
    view! {
        <section class="card no-print" aria-labelledby="versions-h">
            <h2 id="versions-h">{t!(i18n, plan.versions)}</h2>
            <ol class="versions" reversed start=start>{list}</ol>
            {(pages > 1).then(|| view! {
                <Pager page=versions_page pages href=versions_href label=move || t_string!(i18n, plan.versions_pages).to_string()>
                    {t!(i18n, plan.versions_total, total = move || latest)}
                </Pager>
            })}
            {(latest > 1).then(|| view! {
                <form method="get" class="inline-form">
                    <label for="from">{t!(i18n, plan.compare_from)}</label>
                    {choice("from", from)}
                    <label for="to">{t!(i18n, plan.compare_to)}</label>
                    {choice("to", to)}
                    <button type="submit">{t!(i18n, plan.compare)}</button>
                </form>
            })}
            {result}
        </section>
    }
    .into_any()
}

#[component]
fn CompareResult(compare: PlanCompare, page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let PlanCompare { from, to, changes } = compare;
    let nothing = changes.is_empty().then(|| view! { <p>{t!(i18n, plan.no_changes)}</p> });
    let items = changes
        .into_iter()
        .map(|change| {
            let page = page.clone();
            let text = match change {
                PlanDiff::GoalAdded { words, .. } => {
                    t!(i18n, plan.diff.goal_added, words = move || words.clone()).into_any()
                }
                PlanDiff::GoalRemoved { words, .. } => {
                    t!(i18n, plan.diff.goal_removed, words = move || words.clone()).into_any()
                }
                PlanDiff::GoalReworded { from, to, .. } => {
                    t!(i18n, plan.diff.goal_reworded, from = move || from.clone(), to = move || to.clone()).into_any()
                }
                PlanDiff::ActionAdded { what, .. } => {
                    t!(i18n, plan.diff.action_added, what = move || what.clone()).into_any()
                }
                PlanDiff::ActionRemoved { what, .. } => {
                    t!(i18n, plan.diff.action_removed, what = move || what.clone()).into_any()
                }
                PlanDiff::ActionRenamed { from, to, .. } => {
                    t!(i18n, plan.diff.action_renamed, from = move || from.clone(), to = move || to.clone()).into_any()
                }
                PlanDiff::ActionStatus { key, from, to } => t!(
                    i18n,
                    plan.diff.action_status,
                    what = move || action_name(&page, key),
                    from = move || labels::task_status(i18n, from),
                    to = move || labels::task_status(i18n, to)
                )
                .into_any(),
                PlanDiff::ActionDue { key, from, to } => t!(
                    i18n,
                    plan.diff.action_due,
                    what = move || action_name(&page, key),
                    from = move || labels::date(i18n, from),
                    to = move || labels::date(i18n, to)
                )
                .into_any(),
                PlanDiff::ActionOwner { key, from, to } => {
                    let (from, to) = (page.owner_name(from), page.owner_name(to));
                    t!(
                        i18n,
                        plan.diff.action_owner,
                        what = move || action_name(&page, key),
                        from = move || from.clone(),
                        to = move || to.clone()
                    )
                    .into_any()
                }
                PlanDiff::ServicesChanged => t!(i18n, plan.diff.services).into_any(),
                PlanDiff::DisagreementsChanged => t!(i18n, plan.diff.disagreements).into_any(),
                PlanDiff::ReviewDate { to, .. } => t!(
                    i18n,
                    plan.diff.review_date,
                    day = move || to
                        .map(|d| labels::date(i18n, d))
                        .unwrap_or_else(|| t_string!(i18n, plan.no_review).to_string())
                )
                .into_any(),
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <div class="compare" aria-live="polite">
            <h3>{t!(i18n, plan.compared, from = move || from, to = move || to)}</h3>
            {nothing}
            <ul>{items}</ul>
        </div>
    }
}

/// What an action is called in the current plan (an action removed since shows its number).
fn action_name(page: &Page, key: u32) -> String {
    page.content.actions.iter().find(|a| a.key == key).map_or_else(|| format!("#{key}"), |a| a.what.clone())
}

/// A choice of score for one goal; `optional` adds "not given".
fn score_select(i18n: I18n, id: String, name: String, optional: bool) -> impl IntoView {
    view! {
        <select id=id name=name required=!optional>
            <option value="">{if optional { labels::goal_score(i18n, None) } else { t_string!(i18n, review.choose).to_string() }}</option>
            {GoalScore::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{labels::goal_score(i18n, Some(s))}</option> }).collect_view()}
        </select>
    }
}

/// Follow-up reviews: each goal scored by the client and by the professionals, newest first;
/// the pair records a new one with the next review date.
#[component]
fn Reviews(page: Page, review: ServerAction<ReviewPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let (case_id, seen) = (page.case_id, page.version);
    let coordinator = page.role == Some(PlanRole::Coordinator);
    let past = page
        .reviews
        .into_iter()
        .map(|r| {
            let ReviewView { at, by, content } = r;
            let next = content.next_review;
            let rows = content
                .goals
                .into_iter()
                .map(|g| {
                    view! {
                        <tr>
                            <th scope="row">{g.goal_words}</th>
                            <td data-score="client">{labels::goal_score(i18n, g.client)}</td>
                            <td data-score="team">{labels::goal_score(i18n, Some(g.team))}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <li class="review">
                    <p class="view-by">{t!(i18n, review.done, day = move || labels::day(i18n, at), name = move || by.clone())}</p>
                    <div class="table-wrap">
                        <table class="scores">
                            <thead><tr><th scope="col">{t!(i18n, review.goal)}</th><th scope="col">{t!(i18n, review.client_score)}</th><th scope="col">{t!(i18n, review.team_score)}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {(!content.summary.is_empty()).then(|| view! { <p>{content.summary.clone()}</p> })}
                    <p>{t!(i18n, review.next, day = move || labels::date(i18n, next))}</p>
                </li>
            }
        })
        .collect_view();
    let goals = page.content.goals.clone();
    let form = (coordinator && !goals.is_empty()).then(|| {
        let fields = goals
            .into_iter()
            .enumerate()
            .map(|(at, g)| {
                let key = g.key;
                view! {
                    <fieldset class="area">
                        <legend>{format!("{}. {}", at + 1, g.client_words)}</legend>
                        <label for=format!("client-score-{key}")>{t!(i18n, review.client_score)}</label>
                        {score_select(i18n, format!("client-score-{key}"), format!("client[{key}]"), true)}
                        <label for=format!("team-score-{key}")>{t!(i18n, review.team_score)}</label>
                        {score_select(i18n, format!("team-score-{key}"), format!("team[{key}]"), false)}
                    </fieldset>
                }
            })
            .collect_view();
        view! {
            <details class="no-print">
                <summary>{t!(i18n, review.record)}</summary>
                <ActionForm action=review>
                    <input type="hidden" name="case_id" value=case_id/>
                    <input type="hidden" name="seen" value=seen/>
                    {fields}
                    <label for="review-summary">{t!(i18n, review.summary)}</label>
                    <textarea id="review-summary" name="summary" rows="3"></textarea>
                    <label for="next-review">{t!(i18n, review.next_label)}</label>
                    <input id="next-review" type="date" name="next_review" required min=page.today.to_string()/>
                    <button type="submit" class="button-primary">{t!(i18n, review.save)}</button>
                </ActionForm>
            </details>
        }
    });
    view! {
        <section class="card" aria-labelledby="reviews-h">
            <h2 id="reviews-h">{t!(i18n, review.title)}</h2>
            <ol class="reviews">{past}</ol>
            {form}
        </section>
    }
}
