//! `/process`: the process map. Everyone sees the stages and steps of the service process, what
//! happens in each, who takes part, what is recorded and the deadlines that run there. Staff also
//! see how many cases stand in each step — their own, their organisation's or all — and the
//! numbers follow the changes others make, without a reload. The open step and the filter live in
//! the address (`?step=…&scope=…`), so links work without JavaScript.

use crate::api::process_counts;
use crate::auth::use_auth;
use crate::components::live::{use_live, LiveStatus};
use crate::components::process_map::{count_text, ProcessMap, StepDetails};
use crate::components::{ErrorMessage, PageTitle};
use crate::domain::process::{MapScope, Step, StepCounts};
use crate::domain::Role;
use crate::i18n::*;
use crate::model::live::LiveNotice;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use std::time::Duration;

/// The map's key: the ids of its parts start with it.
const KEY: &str = "process-map";

fn address(step: Option<Step>, scope: MapScope) -> String {
    let mut query = Vec::new();
    if scope != MapScope::default() {
        query.push(format!("scope={}", scope.as_str()));
    }
    if let Some(step) = step {
        query.push(format!("step={}", step.as_str()));
    }
    let fragment = if step.is_some() { format!("#{KEY}-details") } else { String::new() };
    if query.is_empty() {
        "/process".to_string()
    } else {
        format!("/process?{}{fragment}", query.join("&"))
    }
}

#[component]
pub fn ProcessPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let query = use_query_map();
    let open = Signal::derive(move || query.read().get("step").and_then(|s| s.parse::<Step>().ok()));
    let scope =
        Signal::derive(move || query.read().get("scope").and_then(|s| s.parse::<MapScope>().ok()).unwrap_or_default());
    let role = Signal::derive(move || auth.user.get().and_then(Result::ok).flatten().map(|user| user.role));
    let staff = Signal::derive(move || role.get().is_some_and(Role::is_staff));

    let reloads = RwSignal::new(0u32);
    let counts = Resource::new(
        move || (scope.get(), reloads.get()),
        move |(scope, _)| async move {
            match auth.user.await {
                Ok(Some(user)) if user.role.is_staff() => process_counts(scope.as_str().to_string()).await.map(Some),
                _ => Ok(None),
            }
        },
    );
    // Record entries, consent and notifications change no number on the map.
    let live = use_live(staff, move |notice| {
        if matches!(notice, LiveNotice::Cases | LiveNotice::Concerns | LiveNotice::Resync) {
            reloads.update(|n| *n += 1)
        }
    });
    let current = Signal::derive(move || counts.get().and_then(Result::ok).flatten());
    let changed = changed_steps(current);
    let href = Callback::new(move |step: Step| address(Some(step), scope.get_untracked()));

    view! {
        <section class="process-page" aria-labelledby="process-title">
            <PageTitle text=move || t_string!(i18n, process.title)/>
            <h1 id="process-title">{t!(i18n, process.title)}</h1>
            <p class="lead">
                {move || if staff.get() { t_string!(i18n, process.intro_staff).to_string() } else { t_string!(i18n, process.intro).to_string() }}
            </p>
            <Transition fallback=|| ()>
                {move || counts.get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
                {move || staff.get().then(|| view! { <ScopeChoice open scope/> <LiveStatus live/> })}
                <ProcessMap key=KEY href open counts=current changed/>
                {move || match open.get() {
                    Some(step) => {
                        let extra = staff.get().then(|| staff_extra(step, current, role.get())).map(IntoAny::into_any);
                        view! { <StepDetails key=KEY step extra=extra.unwrap_or_else(|| ().into_any())/> }.into_any()
                    }
                    None => view! { <p class="card step-details-none">{t!(i18n, process.details.choose)}</p> }.into_any(),
                }}
            </Transition>
        </section>
    }
}

/// The steps whose numbers changed with the last update, for a moment.
fn changed_steps(current: Signal<Option<StepCounts>>) -> Signal<Vec<Step>> {
    let changed = RwSignal::new(Vec::new());
    let previous = StoredValue::new(None::<StepCounts>);
    Effect::new(move |_| {
        let now = current.get();
        if let (Some(now), Some(before)) = (now.as_ref(), previous.get_value()) {
            let steps = now.changed_since(&before);
            if !steps.is_empty() {
                changed.set(steps);
                set_timeout(move || changed.set(Vec::new()), Duration::from_secs(4));
            }
        }
        previous.set_value(now);
    });
    changed.into()
}

/// The numbers of the open step and where its cases are listed.
fn staff_extra(step: Step, counts: Signal<Option<StepCounts>>, role: Option<Role>) -> impl IntoView {
    let i18n = use_i18n();
    let now = move || counts.get().map(|c| count_text(i18n, c.get(step)));
    let links = if step == Step::Concern {
        let screening = (role == Some(Role::Coordinator))
            .then(|| view! { <li><A href="/concerns">{t!(i18n, process.details.screening)}</A></li> });
        view! {
            <ul class="step-links">
                {screening}
                <li><A href="/concerns/new">{t!(i18n, process.details.raise)}</A></li>
            </ul>
        }
        .into_any()
    } else {
        view! {
            <p><A href=format!("/cases?step={}", step.as_str())>{t!(i18n, process.details.list)}</A></p>
            <p class="muted">{t!(i18n, process.details.list_note)}</p>
        }
        .into_any()
    };
    view! {
        <p class="step-now" data-testid="step-now">
            <strong>{t!(i18n, process.details.now)}": "</strong>
            {now}
        </p>
        {links}
    }
}

/// Mine, my organisation's or all: links, so the choice is in the address.
#[component]
fn ScopeChoice(open: Signal<Option<Step>>, scope: Signal<MapScope>) -> impl IntoView {
    let i18n = use_i18n();
    let choice = move |choice: MapScope| {
        let label = move || match choice {
            MapScope::Mine => t_string!(i18n, process.scope.mine).to_string(),
            MapScope::Organisation => t_string!(i18n, process.scope.organisation).to_string(),
            MapScope::All => t_string!(i18n, process.scope.all).to_string(),
        };
        view! {
            <li>
                <a
                    href=move || address(open.get(), choice)
                    aria-current=move || (scope.get() == choice).then_some("true")
                >
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <nav class="scope-choice" aria-label=move || t_string!(i18n, process.scope_label).to_string()>
            <span class="scope-label" aria-hidden="true">{t!(i18n, process.scope_label)}":"</span>
            <ul>{MapScope::ALL.into_iter().map(choice).collect_view()}</ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_keeps_the_step_and_a_filter_other_than_mine() {
        assert_eq!(address(None, MapScope::Mine), "/process");
        assert_eq!(address(Some(Step::Team), MapScope::Mine), "/process?step=team#process-map-details");
        assert_eq!(address(Some(Step::Team), MapScope::All), "/process?scope=all&step=team#process-map-details");
        assert_eq!(address(None, MapScope::Organisation), "/process?scope=organisation");
    }
}
