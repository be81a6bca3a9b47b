//! The site header: skip link, brand, the signed-in person's navigation, sign-out and the
//! language switch.

use super::labels;
use crate::auth::use_auth;
use crate::domain::Role;
use crate::i18n::*;
use crate::model::auth::SessionUser;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <a class="brand" href="/">{t!(i18n, app_name)}</a>
            <Transition fallback=|| ()>
                {move || {
                    // Both resources are read in this one transition, so the server and the
                    // browser render the header from the same resolved values.
                    let urgent = auth.urgent.get().and_then(Result::ok).flatten().unwrap_or(0);
                    let unread = auth.unread.get().and_then(Result::ok).flatten().unwrap_or(0);
                    auth.user.get().map(|found| match found {
                        Ok(Some(user)) => view! { <UserNav user urgent unread/> }.into_any(),
                        _ => ().into_any(),
                    })
                }}
            </Transition>
            <LanguageSwitch/>
        </header>
    }
}

#[component]
fn UserNav(user: SessionUser, urgent: u64, unread: u32) -> impl IntoView {
    let i18n = use_i18n();
    let logout = use_auth().logout;
    let home = match user.role {
        Role::Client | Role::Relative => view! { <A href="/pathway">{t!(i18n, nav.pathway)}</A> }.into_any(),
        Role::Professional | Role::Coordinator => view! { <A href="/cases">{t!(i18n, nav.my_cases)}</A> }.into_any(),
        Role::Administrator => view! { <A href="/admin">{t!(i18n, nav.admin)}</A> }.into_any(),
        Role::Auditor => view! { <A href="/audit">{t!(i18n, nav.audit)}</A> }.into_any(),
    };
    let screening = (user.role == Role::Coordinator).then(|| view! { <ScreeningLink urgent/> });
    let feedback = (user.role == Role::Coordinator).then(|| view! { <A href="/feedback">{t!(i18n, nav.feedback)}</A> });
    let process = (user.role != Role::Auditor).then(|| view! { <A href="/process">{t!(i18n, nav.process)}</A> });
    let boards = user.role.is_staff().then(|| view! {
        <A href="/boards">{t!(i18n, nav.boards)}</A>
        <A href="/notifications">
            {t!(i18n, nav.notifications)}
            {(unread > 0).then(|| view! {
                " " <span class="badge-count" data-testid="unread-count">{t!(i18n, nav.unread_count, count = move || unread)}</span>
            })}
        </A>
    });
    let raise = (!matches!(user.role, Role::Administrator | Role::Auditor))
        .then(|| view! { <A href="/concerns/new">{t!(i18n, nav.raise_concern)}</A> });
    let name = user.display_name.clone();
    let role = user.role;
    view! {
        <nav class="user-nav" aria-label=move || t_string!(i18n, nav.label).to_string()>
            {home}
            {process}
            {boards}
            {screening}
            {feedback}
            {raise}
            <span class="who">
                {t!(i18n, nav.signed_in_as, name = move || name.clone())}
                " ("
                {move || labels::role(i18n, role)}
                ")"
            </span>
            <ActionForm action=logout attr:class="sign-out">
                <button type="submit" class="button-quiet" disabled=move || logout.pending().get()>
                    {move || {
                        if logout.pending().get() {
                            t_string!(i18n, nav.signing_out).to_string()
                        } else {
                            t_string!(i18n, nav.sign_out).to_string()
                        }
                    }}
                </button>
            </ActionForm>
        </nav>
    }
}

/// The coordinators' link to screening, flagged with the number of open urgent concerns.
#[component]
fn ScreeningLink(urgent: u64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <A href="/concerns">
            {t!(i18n, nav.concerns)}
            {(urgent > 0).then(|| view! {
                " " <span class="badge-urgent" data-testid="urgent-count">{t!(i18n, nav.urgent_count, count = move || urgent)}</span>
            })}
        </A>
    }
}

/// The language choice: a form posting to `/language`, so it works on a page without its
/// WebAssembly too; once the application runs, the switch happens in place.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // Where `/language` sends the browser back to: this page, with its query.
    let back = move || {
        let search = location.search.get();
        let query = search.trim_start_matches('?');
        if query.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{query}", location.pathname.get())
        }
    };
    let choice = move |locale: Locale, lang: &'static str, label: String| {
        view! {
            <button
                type="submit"
                name="lang"
                value=lang
                lang=lang
                aria-pressed=move || (i18n.get_locale() == locale).to_string()
                on:click=move |ev| {
                    ev.prevent_default();
                    i18n.set_locale(locale)
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <form class="lang-switch" method="post" action="/language" role="group" aria-label=move || t_string!(i18n, languages.label).to_string()>
            <input type="hidden" name="back" value=back/>
            {choice(Locale::fi, "fi", t_string!(i18n, languages.fi).to_string())}
            {choice(Locale::sv, "sv", t_string!(i18n, languages.sv).to_string())}
            {choice(Locale::en, "en", t_string!(i18n, languages.en).to_string())}
        </form>
    }
}
