//! `/cases`: a professional's or coordinator's own cases, each with its stage.

use crate::api::my_cases;
use crate::components::labels;
use crate::components::{Clock, ErrorMessage, Loading, PageTitle, Pager};
use crate::domain::process::Step;
use crate::i18n::*;
use crate::model::cases::{CaseListQuery, CaseSummary};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The address of one view of the list: `step` and `show` kept when set, `page` when past the first.
fn list_href(query: &CaseListQuery, page: u32) -> String {
    let page = if page > 1 { page.to_string() } else { String::new() };
    let fields = [("step", query.step.as_str()), ("show", query.show.as_str()), ("page", page.as_str())];
    let kept: Vec<(&str, &str)> = fields.into_iter().filter(|(_, value)| !value.is_empty()).collect();
    match serde_urlencoded::to_string(kept) {
        Ok(encoded) if !encoded.is_empty() => format!("/cases?{encoded}"),
        _ => "/cases".to_string(),
    }
}

/// `/cases?step=…&show=closed&page=2`: one page of the list, open cases unless `show=closed`,
/// only those in one step of the process map with `step` (the map links here).
#[component]
pub fn MyCasesPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let asked = move || {
        let q = query.read();
        let field = |name: &str| q.get(name).unwrap_or_default();
        CaseListQuery { step: field("step"), show: field("show"), page: field("page"), per_page: String::new() }
    };
    let step = move || asked().step.parse::<Step>().ok();
    let cases = Resource::new(asked, my_cases);
    let filter = move || {
        step().map(|step| {
            view! {
                <p class="step-filter" data-testid="step-filter">
                    {t!(i18n, cases.in_step, step = move || labels::step(i18n, step))}
                    " "
                    <A href="/cases">{t!(i18n, cases.all_steps)}</A>
                    " · "
                    <A href=format!("/process?step={}", step.as_str())>{t!(i18n, cases.on_map)}</A>
                </p>
            }
        })
    };
    let choice = move |closed: bool| {
        let current = move || (asked().show == "closed" || step() == Some(Step::Closure)) == closed;
        let href = if closed { "/cases?show=closed" } else { "/cases" };
        view! {
            <li>
                <a href=href aria-current=move || current().then_some("true") data-testid=if closed { "show-closed" } else { "show-open" }>
                    {move || if closed { t_string!(i18n, cases.closed) } else { t_string!(i18n, cases.open) }}
                </a>
            </li>
        }
    };
    view! {
        <section aria-labelledby="cases-title">
            <PageTitle text=move || t_string!(i18n, cases.title)/>
            <h1 id="cases-title">{t!(i18n, cases.title)}</h1>
            <p class="lead">{t!(i18n, cases.intro)}</p>
            <nav class="scope-choice" aria-label=move || t_string!(i18n, cases.title).to_string()>
                <ul>{choice(false)}{choice(true)}</ul>
            </nav>
            {filter}
            <Suspense fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match cases.await {
                        Ok(found) if found.total == 0 && step().is_some() => view! { <p>{t!(i18n, cases.empty_step)}</p> }.into_any(),
                        Ok(found) if found.total == 0 && found.closed => view! { <p>{t!(i18n, cases.empty_closed)}</p> }.into_any(),
                        Ok(found) if found.total == 0 => view! { <p>{t!(i18n, cases.empty)}</p> }.into_any(),
                        Ok(found) if found.cases.is_empty() => {
                            let first = list_href(&asked(), 1);
                            view! { <p><a href=first>{t!(i18n, cases.empty_page)}</a></p> }.into_any()
                        }
                        Ok(found) => {
                            let listed = asked();
                            let (total, page, pages) = (found.total, found.page, found.pages());
                            view! {
                                <ul class="case-list">
                                    {found.cases.into_iter().map(|case| view! { <CaseCard case/> }).collect_view()}
                                </ul>
                                <Pager
                                    page
                                    pages
                                    href=move |page| list_href(&listed, page)
                                    label=move || t_string!(i18n, cases.pages).to_string()
                                >
                                    {t!(i18n, cases.total, total = move || total)}
                                </Pager>
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn CaseCard(case: CaseSummary) -> impl IntoView {
    let i18n = use_i18n();
    let CaseSummary { id, client_name, stage, step, overdue, my_role, coordinators, updated_at, clock } = case;
    view! {
        <li class="case-card" data-stage=stage.as_str() data-step=step.as_str()>
            <h2><a href=format!("/cases/{id}")>{client_name}</a></h2>
            {overdue.then(|| view! { <p class="badge-late">{t!(i18n, cases.overdue)}</p> })}
            <dl class="facts">
                <div><dt>{t!(i18n, cases.stage)}</dt><dd><span class=format!("stage-badge stage-{}", stage.as_str())>{move || labels::stage(i18n, stage)}</span></dd></div>
                <div><dt>{t!(i18n, cases.step)}</dt><dd>{move || labels::step(i18n, step)}</dd></div>
                <div><dt>{t!(i18n, cases.my_role)}</dt><dd>{move || labels::team_role(i18n, my_role)}</dd></div>
                <div><dt>{t!(i18n, cases.coordinators)}</dt><dd>{coordinators.join(", ")}</dd></div>
                <div><dt>{t!(i18n, cases.updated)}</dt><dd>{move || labels::day(i18n, updated_at)}</dd></div>
                {clock.map(|clock| view! { <div><dt>{t!(i18n, cases.deadline)}</dt><dd><Clock clock/></dd></div> })}
            </dl>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_address_keeps_the_filters_and_leaves_out_the_first_page() {
        let query =
            CaseListQuery { step: "plan".into(), show: String::new(), page: "3".into(), per_page: String::new() };
        assert_eq!(list_href(&query, 2), "/cases?step=plan&page=2");
        assert_eq!(list_href(&query, 1), "/cases?step=plan");
        let closed = CaseListQuery { show: "closed".into(), ..CaseListQuery::default() };
        assert_eq!(list_href(&closed, 4), "/cases?show=closed&page=4");
        assert_eq!(list_href(&CaseListQuery::default(), 1), "/cases");
    }
}
