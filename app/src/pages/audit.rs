//! `/audit`: the audit reviewer's search of the access log. The search is a plain GET form, so
//! a search is a link a reviewer can keep or send on, and works without JavaScript; the results
//! name who accessed which client's information, when, what and on what basis, newest first, a
//! page at a time.

use crate::api::{audit_search, AUDIT_PATH};
use crate::components::labels::{self, action_name, basis_view, kind_name, resource_name, I18n};
use crate::components::{ErrorMessage, Loading, PageTitle};
use crate::domain::audit_search::{AuditSearchForm, BasisKind};
use crate::domain::Basis;
use crate::i18n::*;
use crate::model::audit::{AuditResults, AuditRow};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

/// What was accessed, said of the client in the third person: the client's own log says "your".
fn reviewed_resource(i18n: I18n, resource: &str) -> String {
    let text = match resource {
        "case" => t_string!(i18n, audit.resource.case),
        "case_list" => t_string!(i18n, audit.resource.case_list),
        "case_stage" => t_string!(i18n, audit.resource.case_stage),
        "client" => t_string!(i18n, audit.resource.client),
        "pathway" => t_string!(i18n, audit.resource.pathway),
        "team" => t_string!(i18n, audit.resource.team),
        "access_log" => t_string!(i18n, audit.resource.access_log),
        _ => return resource_name(i18n, resource),
    };
    text.to_string()
}

/// The link that asks for a search again (the next page).
fn search_href(form: &AuditSearchForm) -> String {
    format!("{AUDIT_PATH}?{}", serde_urlencoded::to_string(form).unwrap_or_default())
}

/// The page's title names what was searched for, so the browser's history and tabs tell searches
/// apart.
fn searched_title(i18n: I18n, form: &AuditSearchForm) -> String {
    let words: Vec<&str> =
        [&form.client, &form.actor].into_iter().map(|w| w.trim()).filter(|w| !w.is_empty()).collect();
    let title = t_string!(i18n, audit.title);
    if words.is_empty() {
        title.to_string()
    } else {
        format!("{title}: {}", words.join(", "))
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let search = move || {
        let q = query.read();
        let field = |name: &str| q.get(name).unwrap_or_default();
        AuditSearchForm {
            client: field("client"),
            actor: field("actor"),
            from: field("from"),
            until: field("until"),
            basis: field("basis"),
            before: field("before"),
        }
    };
    let results = Resource::new(search, |f| {
        audit_search(Some(f.client), Some(f.actor), Some(f.from), Some(f.until), Some(f.basis), Some(f.before))
    });
    let typed = search();
    view! {
        <section aria-labelledby="audit-title">
            <PageTitle text=move || searched_title(i18n, &search())/>
            <h1 id="audit-title">{t!(i18n, audit.title)}</h1>
            <p class="lead">{t!(i18n, audit.intro)}</p>
            <section class="card" aria-labelledby="audit-search-h">
                <h2 id="audit-search-h">{t!(i18n, audit.search_title)}</h2>
                <Form method="GET" action=AUDIT_PATH attr:class="form audit-form">
                    <div class="audit-fields">
                        <div>
                            <label for="audit-client">{t!(i18n, audit.client)}</label>
                            <input type="search" id="audit-client" name="client" value=typed.client autocomplete="off"/>
                        </div>
                        <div>
                            <label for="audit-actor">{t!(i18n, audit.actor)}</label>
                            <input type="search" id="audit-actor" name="actor" value=typed.actor autocomplete="off"/>
                        </div>
                        <div>
                            <label for="audit-from">{t!(i18n, audit.from)}</label>
                            <input type="date" id="audit-from" name="from" value=typed.from/>
                        </div>
                        <div>
                            <label for="audit-until">{t!(i18n, audit.until)}</label>
                            <input type="date" id="audit-until" name="until" value=typed.until/>
                        </div>
                        <div>
                            <label for="audit-basis">{t!(i18n, audit.basis)}</label>
                            <select id="audit-basis" name="basis">
                                <option value="" selected=typed.basis.is_empty()>{t!(i18n, audit.any_basis)}</option>
                                {BasisKind::ALL.into_iter().map(|kind| view! {
                                    <option value=kind.as_str() selected=typed.basis == kind.as_str()>{move || kind_name(i18n, kind)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <p class="form-actions">
                        <button type="submit" class="button-primary">{t!(i18n, audit.search)}</button>
                        " "
                        <a href=AUDIT_PATH>{t!(i18n, audit.clear)}</a>
                    </p>
                </Form>
            </section>
            <section aria-labelledby="audit-results-h">
                <h2 id="audit-results-h">{t!(i18n, audit.results_title)}</h2>
                <Suspense fallback=|| view! { <Loading/> }>
                    {move || Suspend::new(async move {
                        match results.await {
                            Ok(found) => view! { <Results found/> }.into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
        </section>
    }
}

#[component]
fn Results(found: AuditResults) -> impl IntoView {
    let i18n = use_i18n();
    let AuditResults { rows, next } = found;
    if rows.is_empty() {
        return view! { <p data-testid="audit-none">{t!(i18n, audit.none)}</p> }.into_any();
    }
    let count = rows.len();
    view! {
        <p data-testid="audit-count">{t!(i18n, audit.count, count = move || count)}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="audit-results-h">
            <table class="staff audit-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, audit.when)}</th>
                        <th scope="col">{t!(i18n, audit.who)}</th>
                        <th scope="col">{t!(i18n, audit.about)}</th>
                        <th scope="col">{t!(i18n, audit.what)}</th>
                        <th scope="col">{t!(i18n, audit.on_basis)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <Row row/> }).collect_view()}
                </tbody>
            </table>
        </div>
        {next.map(|form| view! { <p><a class="button-link" href=search_href(&form) rel="next">{t!(i18n, audit.more)}</a></p> })}
    }
    .into_any()
}

#[component]
fn Row(row: AuditRow) -> impl IntoView {
    let i18n = use_i18n();
    let AuditRow {
        id,
        at,
        actor,
        actor_username,
        role,
        organisation,
        client,
        case_id,
        resource,
        action,
        basis,
        stored_basis,
    } = row;
    let resource_key = resource.clone();
    let who = match organisation {
        Some(org) => format!("{} · {org}", actor_username),
        None => actor_username,
    };
    let basis_cell = match basis {
        Some(Basis::Legal(_)) => basis_view(i18n, basis),
        Some(Basis::Team(seat)) => {
            view! { {move || format!("{}: {}", kind_name(i18n, BasisKind::Team), labels::team_role(i18n, seat))}}
                .into_any()
        }
        Some(Basis::Consent(number)) => {
            view! { {move || format!("{} #{number}", kind_name(i18n, BasisKind::Consent))}}.into_any()
        }
        Some(other) => view! { {move || kind_name(i18n, BasisKind::of(other))}}.into_any(),
        None => view! { <code>{stored_basis}</code> }.into_any(),
    };
    view! {
        <tr class="audit-row" data-id=id data-resource=resource_key data-basis=basis.map(|b| b.to_string())>
            <td><time datetime=at.to_rfc3339()>{move || labels::time(i18n, at)}</time></td>
            <td>
                <strong>{actor}</strong>
                <br/>
                <span class="hint">{move || labels::role(i18n, role)}" · "{who.clone()}</span>
            </td>
            <td>
                {match client {
                    Some(name) => view! { {name} }.into_any(),
                    None => view! { <span class="hint">{t!(i18n, audit.no_client)}</span> }.into_any(),
                }}
                {case_id.map(|id| view! { <br/><span class="hint">{t!(i18n, audit.case, id = id.to_string())}</span> })}
            </td>
            <td>{move || format!("{}: {}", action_name(i18n, &action), reviewed_resource(i18n, &resource))}</td>
            <td>{basis_cell}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_page_link_carries_the_search_and_leaves_out_empty_terms() {
        let form = AuditSearchForm {
            client: "Eino Mäntylä".into(),
            basis: "team".into(),
            before: "42".into(),
            ..Default::default()
        };
        assert_eq!(search_href(&form), "/audit?client=Eino+M%C3%A4ntyl%C3%A4&basis=team&before=42");
    }
}
