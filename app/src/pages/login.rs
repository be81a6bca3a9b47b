//! `/login`: username and password.

use crate::api::Login;
use crate::auth::use_auth;
use crate::components::{ErrorMessage, PageTitle};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    // Created here, inside the routes, so that the error of a plain (no-JavaScript) form post,
    // carried back in the URL, reaches it.
    let action = ServerAction::<Login>::new();
    let auth = use_auth();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            auth.user.refetch();
            auth.urgent.refetch();
        }
    });
    let pending = action.pending();
    let error = move || action.value().get().and_then(|result| result.err());
    view! {
        <section class="card narrow" aria-labelledby="login-title">
            <PageTitle text=move || t_string!(i18n, login.title)/>
            <h1 id="login-title">{t!(i18n, login.title)}</h1>
            <p>{t!(i18n, login.intro)}</p>
            <ActionForm action attr:class="form">
                <label for="username">{t!(i18n, login.username)}</label>
                <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required/>
                <label for="password">{t!(i18n, login.password)}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
                {move || error().map(|error| view! { <ErrorMessage error/> })}
                <button type="submit" class="button-primary" disabled=move || pending.get()>
                    {move || {
                        if pending.get() {
                            t_string!(i18n, login.pending).to_string()
                        } else {
                            t_string!(i18n, login.submit).to_string()
                        }
                    }}
                </button>
            </ActionForm>
        </section>
    }
}
