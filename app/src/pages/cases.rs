//! `/cases`: a professional's or coordinator's own cases, each with its stage.

use crate::api::my_cases;
use crate::components::labels;
use crate::components::{Clock, ErrorMessage, Loading};
use crate::domain::process::Step;
use crate::i18n::*;
use crate::model::cases::CaseSummary;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// `/cases?step=…` lists only the cases in that step of the process map (the map links here).
#[component]
pub fn MyCasesPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let step = move || query.read().get("step").filter(|s| !s.is_empty());
    let cases = Resource::new(step, my_cases);
    let filter = move || {
        step().and_then(|raw| raw.parse::<Step>().ok()).map(|step| {
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
    view! {
        <section aria-labelledby="cases-title">
            <h1 id="cases-title">{t!(i18n, cases.title)}</h1>
            <p class="lead">{t!(i18n, cases.intro)}</p>
            {filter}
            <Suspense fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match cases.await {
                        Ok(list) if list.is_empty() && step().is_some() => view! { <p>{t!(i18n, cases.empty_step)}</p> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p>{t!(i18n, cases.empty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="case-list">
                                {list.into_iter().map(|case| view! { <CaseCard case/> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
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
