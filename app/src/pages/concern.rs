//! `/concerns/new`: anyone raises a concern — a professional about someone, a client about
//! themself, a relative about a client who allowed it.

use crate::api::{concern_form, RaiseConcern};
use crate::components::labels;
use crate::components::{ErrorMessage, Loading, PageTitle};
use crate::domain::{LifeArea, Role};
use crate::i18n::*;
use crate::model::concerns::RaiseContext;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RaiseConcernPage() -> impl IntoView {
    let i18n = use_i18n();
    let context = Resource::new(|| (), |_| concern_form());
    let action = ServerAction::<RaiseConcern>::new();
    view! {
        <section class="card" aria-labelledby="concern-title">
            <PageTitle text=move || t_string!(i18n, concern.title)/>
            <h1 id="concern-title">{t!(i18n, concern.title)}</h1>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match context.await {
                        Ok(context) => view! { <ConcernForm context action/> }.into_any(),
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ConcernForm(context: RaiseContext, action: ServerAction<RaiseConcern>) -> impl IntoView {
    let i18n = use_i18n();
    let pending = action.pending();
    // Without JavaScript the confirmation comes as `?sent=1` after the redirect.
    let query = use_query_map();
    let sent = move || matches!(action.value().get(), Some(Ok(_))) || query.read().get("sent").is_some();
    let error = move || action.value().get().and_then(|r| r.err());
    let role = context.role;
    if role == Role::Relative && context.clients.is_empty() {
        return view! { <p>{t!(i18n, concern.no_clients)}</p> }.into_any();
    }
    let intro =
        if role == Role::Client { t!(i18n, concern.self_intro).into_any() } else { t!(i18n, concern.intro).into_any() };
    let about = match role {
        Role::Relative => view! {
            <label for="client_id">{t!(i18n, concern.client)}</label>
            <select id="client_id" name="client_id" required>
                {context.clients.into_iter().map(|c| view! { <option value=c.id>{c.name}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        Role::Professional | Role::Coordinator => view! {
            <fieldset>
                <legend>{t!(i18n, concern.person)}</legend>
                <label for="name">{t!(i18n, concern.name)}</label>
                <input id="name" name="name" type="text" autocomplete="off" required/>
                <label for="date_of_birth">{t!(i18n, concern.date_of_birth)}</label>
                <input id="date_of_birth" name="date_of_birth" type="date" required/>
                <label for="municipality">{t!(i18n, concern.municipality)}</label>
                <input id="municipality" name="municipality" type="text" required/>
            </fieldset>
        }
        .into_any(),
        Role::Client | Role::Administrator | Role::Auditor => ().into_any(),
    };
    view! {
        <p>{intro}</p>
        <Show when=sent>
            <p class="notice notice-ok" role="status">{t!(i18n, concern.sent)}</p>
        </Show>
        <ActionForm action attr:class="form">
            {about}
            <label for="text">{t!(i18n, concern.text)}</label>
            <textarea id="text" name="text" rows="5" required></textarea>
            <fieldset class="choices">
                <legend>{t!(i18n, concern.life_areas)}</legend>
                {LifeArea::ALL
                    .into_iter()
                    .map(|area| {
                        let id = format!("area-{}", area.as_str());
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name="life_areas[]" value=area.as_str()/>
                                <label for=id>{move || labels::life_area(i18n, area)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="choice">
                <input type="checkbox" id="urgent" name="urgent" aria-describedby="urgent-hint"/>
                <label for="urgent">{t!(i18n, concern.urgent)}</label>
            </div>
            <p id="urgent-hint" class="hint">{t!(i18n, concern.urgent_hint)}</p>
            <div class="choice">
                <input type="checkbox" id="agrees_to_proceed" name="agrees_to_proceed"/>
                <label for="agrees_to_proceed">{t!(i18n, concern.agrees_to_proceed)}</label>
            </div>
            <div class="choice">
                <input type="checkbox" id="agrees_to_involve" name="agrees_to_involve"/>
                <label for="agrees_to_involve">{t!(i18n, concern.agrees_to_involve)}</label>
            </div>
            {move || error().map(|error| view! { <ErrorMessage error/> })}
            <button type="submit" class="button-primary" disabled=move || pending.get()>
                {move || {
                    if pending.get() { t!(i18n, concern.pending).into_any() } else { t!(i18n, concern.submit).into_any() }
                }}
            </button>
        </ActionForm>
    }
    .into_any()
}
