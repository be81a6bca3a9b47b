//! `/concerns`: coordinators screen open concerns, urgent first. The proposal is worked out in the
//! browser by the same domain code the server uses, as the coordinator fills in the form.

use crate::api::{open_concerns, DecideConcern};
use crate::components::labels;
use crate::components::{ErrorMessage, Loading, PageTitle, Pager};
use crate::domain::concern::parse_count;
use crate::domain::ids::CaseId;
use crate::domain::screening::{propose, Coping, Reason, Risk, Signals};
use crate::i18n::*;
use crate::model::concerns::{ConcernListQuery, ConcernView, Decided};
use leptos::prelude::*;

/// The address of one page of the list (the first has none).
fn list_href(page: u32) -> String {
    if page > 1 {
        format!("/concerns?page={page}")
    } else {
        "/concerns".to_string()
    }
}

/// `/concerns?page=2`: one page of the open concerns, urgent first, each with its screening form.
#[component]
pub fn ScreeningPage() -> impl IntoView {
    let i18n = use_i18n();
    let decide = ServerAction::<DecideConcern>::new();
    let query = leptos_router::hooks::use_query_map();
    let asked = move || ConcernListQuery { page: query.read().get("page").unwrap_or_default() };
    let concerns = Resource::new(move || (decide.version().get(), asked()), |(_, asked)| open_concerns(asked));
    let outcome = move || {
        let from_address = || {
            let query = query.read();
            match (query.get("opened").and_then(|id| id.parse::<CaseId>().ok()), query.get("declined")) {
                (Some(case_id), _) => {
                    Some(Ok(Decided { accepted: true, case_id: Some(case_id), coordinators: Vec::new() }))
                }
                (None, Some(_)) => Some(Ok(Decided { accepted: false, case_id: None, coordinators: Vec::new() })),
                _ => None,
            }
        };
        decide.value().get().or_else(from_address).map(|result| match result {
            Ok(Decided { accepted: true, case_id, coordinators }) => view! {
                <div class="notice notice-ok" role="status">
                    <p>{t!(i18n, screening.accepted)}</p>
                    {(!coordinators.is_empty()).then(|| {
                        let names = coordinators.join(", ");
                        view! { <p data-testid="assigned-pair">{t!(i18n, screening.assigned_pair, names = move || names.clone())}</p> }
                    })}
                    {case_id.map(|id| view! { <p><a href=format!("/cases/{id}")>{t!(i18n, screening.open_case)}</a></p> })}
                </div>
            }
            .into_any(),
            Ok(Decided { accepted: false, .. }) => {
                view! { <p class="notice notice-ok" role="status">{t!(i18n, screening.declined)}</p> }.into_any()
            }
            Err(error) => view! { <ErrorMessage error/> }.into_any(),
        })
    };
    view! {
        <section aria-labelledby="screening-title">
            <PageTitle text=move || t_string!(i18n, screening.title)/>
            <h1 id="screening-title">{t!(i18n, screening.title)}</h1>
            <p class="lead">{t!(i18n, screening.intro)}</p>
            {outcome}
            <Transition fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match concerns.await {
                        Ok(found) if found.total == 0 => view! { <p>{t!(i18n, screening.empty)}</p> }.into_any(),
                        Ok(found) if found.concerns.is_empty() => {
                            view! { <p><a href=list_href(1)>{t!(i18n, screening.empty_page)}</a></p> }.into_any()
                        }
                        Ok(found) => {
                            let (total, page, pages) = (found.total, found.page, found.pages());
                            view! {
                                <ul class="concern-list">
                                    {found.concerns.into_iter().map(|concern| view! { <ConcernCard concern decide/> }).collect_view()}
                                </ul>
                                <Pager
                                    page
                                    pages
                                    href=list_href
                                    label=move || t_string!(i18n, screening.pages).to_string()
                                >
                                    {t!(i18n, screening.total, total = move || total)}
                                </Pager>
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn reason_view(i18n: labels::I18n, reason: Reason) -> AnyView {
    match reason {
        Reason::Quadrant { segment } => {
            t!(i18n, reason.quadrant, segment = move || labels::segment(i18n, segment)).into_any()
        }
        Reason::ManyServices { count } => t!(i18n, reason.many_services, count = move || count).into_any(),
        Reason::FrequentContacts { count } => t!(i18n, reason.frequent_contacts, count = move || count).into_any(),
        Reason::SeveralLifeAreas { count } => t!(i18n, reason.several_life_areas, count = move || count).into_any(),
        Reason::FewSignals => t!(i18n, reason.few_signals).into_any(),
    }
}

#[component]
fn ConcernCard(concern: ConcernView, decide: ServerAction<DecideConcern>) -> impl IntoView {
    let i18n = use_i18n();
    let pending = decide.pending();
    let ConcernView {
        id,
        client_name,
        date_of_birth,
        raised_by,
        text,
        life_areas,
        urgent,
        agrees_to_proceed,
        agrees_to_involve,
        has_open_case,
        ..
    } = concern;
    let coping = RwSignal::new(None::<Coping>);
    let risk = RwSignal::new(None::<Risk>);
    let services = RwSignal::new(String::from("0"));
    let contacts = RwSignal::new(String::from("0"));
    let areas = RwSignal::new(life_areas.len().to_string());
    let proposal = move || {
        let (coping, risk) = (coping.get()?, risk.get()?);
        let signals = Signals {
            services_in_use: parse_count(&services.get()).ok()?,
            recent_contacts: parse_count(&contacts.get()).ok()?,
            life_areas_with_needs: parse_count(&areas.get()).ok()?,
        };
        Some(propose(coping, risk, signals))
    };
    let field = move |name: &'static str| format!("{name}-{id}");
    let radio = move |group: &'static str,
                      value: &'static str,
                      label: AnyView,
                      on_pick: Box<dyn Fn() + Send + Sync>| {
        let input_id = format!("{group}-{value}-{id}");
        view! {
            <div class="choice">
                <input type="radio" id=input_id.clone() name=group value=value required on:change=move |_| on_pick()/>
                <label for=input_id>{label}</label>
            </div>
        }
    };
    view! {
        <li class="concern-card" class:urgent=urgent>
            <h2>
                {client_name}
                {urgent.then(|| view! { " " <span class="badge-urgent">{t!(i18n, screening.urgent)}</span> })}
            </h2>
            <p class="meta">
                {t!(i18n, screening.born)} " " {move || labels::date(i18n, date_of_birth)} " · "
                {t!(i18n, screening.raised_by, name = move || raised_by.clone())}
            </p>
            <blockquote class="own-words">{text}</blockquote>
            <ul class="tags">
                {life_areas.into_iter().map(|area| view! { <li>{move || labels::life_area(i18n, area)}</li> }).collect_view()}
            </ul>
            <p class="hint">
                {if agrees_to_proceed { t!(i18n, screening.agreement_yes).into_any() } else { t!(i18n, screening.agreement_no).into_any() }}
                " "
                {if agrees_to_involve { t!(i18n, screening.involve_yes).into_any() } else { t!(i18n, screening.involve_no).into_any() }}
            </p>
            {has_open_case.then(|| view! { <p class="notice notice-info" data-testid="has-open-case">{t!(i18n, screening.has_open_case)}</p> })}
            <ActionForm action=decide attr:class="form screening-form">
                <input type="hidden" name="concern_id" value=id/>
                <fieldset class="choices">
                    <legend>{t!(i18n, screening.coping)}</legend>
                    {radio("coping", "good", t!(i18n, screening.coping_good).into_any(), Box::new(move || coping.set(Some(Coping::Good))))}
                    {radio("coping", "reduced", t!(i18n, screening.coping_reduced).into_any(), Box::new(move || coping.set(Some(Coping::Reduced))))}
                </fieldset>
                <fieldset class="choices">
                    <legend>{t!(i18n, screening.risk)}</legend>
                    {radio("risk", "low", t!(i18n, screening.risk_low).into_any(), Box::new(move || risk.set(Some(Risk::Low))))}
                    {radio("risk", "high", t!(i18n, screening.risk_high).into_any(), Box::new(move || risk.set(Some(Risk::High))))}
                </fieldset>
                <label for=field("services")>{t!(i18n, screening.services_in_use)}</label>
                <input id=field("services") name="services_in_use" type="number" min="0" max="999" inputmode="numeric" required value=services.get_untracked() on:input=move |ev| services.set(event_target_value(&ev))/>
                <label for=field("contacts")>{t!(i18n, screening.recent_contacts)}</label>
                <input id=field("contacts") name="recent_contacts" type="number" min="0" max="999" inputmode="numeric" required value=contacts.get_untracked() on:input=move |ev| contacts.set(event_target_value(&ev))/>
                <label for=field("areas")>{t!(i18n, screening.life_areas_with_needs)}</label>
                <input id=field("areas") name="life_areas_with_needs" type="number" min="0" max="999" inputmode="numeric" required value=areas.get_untracked() on:input=move |ev| areas.set(event_target_value(&ev))/>
                <div class="proposal" aria-live="polite">
                    {move || proposal().map(|p| view! {
                        <h3>{t!(i18n, screening.proposal)}</h3>
                        <p class="proposal-verdict">
                            {if p.target_group { t!(i18n, screening.proposal_in).into_any() } else { t!(i18n, screening.proposal_out).into_any() }}
                        </p>
                        <ul>{p.reasons.into_iter().map(|r| view! { <li>{reason_view(i18n, r)}</li> }).collect_view()}</ul>
                    })}
                </div>
                <label for=field("reason")>{t!(i18n, screening.reason)}</label>
                <textarea id=field("reason") name="reason" rows="3" required></textarea>
                <fieldset class="choices">
                    <legend>{t!(i18n, screening.decision)}</legend>
                    {radio("decision", "accept", t!(i18n, screening.accept).into_any(), Box::new(|| ()))}
                    {radio("decision", "decline", t!(i18n, screening.decline).into_any(), Box::new(|| ()))}
                </fieldset>
                <button type="submit" class="button-primary" disabled=move || pending.get()>
                    {move || if pending.get() { t!(i18n, screening.deciding).into_any() } else { t!(i18n, screening.save).into_any() }}
                </button>
            </ActionForm>
        </li>
    }
}
