//! The page for addresses that lead nowhere (HTTP 404).

use crate::components::PageTitle;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::response::set_status(http::StatusCode::NOT_FOUND);
    let i18n = use_i18n();
    view! {
        <section class="card narrow">
            <PageTitle text=move || t_string!(i18n, not_found.title)/>
            <h1>{t!(i18n, not_found.title)}</h1>
            <p>{t!(i18n, not_found.text)}</p>
            <p><a href="/">{t!(i18n, not_found.home)}</a></p>
        </section>
    }
}
