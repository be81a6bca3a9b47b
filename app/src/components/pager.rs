//! Where the reader is in a long list and plain links to the pages beside it, so a list that
//! grows with time is read a page at a time with or without JavaScript.

use crate::i18n::*;
use leptos::prelude::*;

/// "Page 2 of 7" with links to the previous and next pages (`href` gives a page's address),
/// labelled `label` for screen readers; `children` say how many the whole list holds.
#[component]
pub fn Pager<F>(
    page: u32,
    pages: u32,
    href: F,
    #[prop(into)] label: Signal<String>,
    children: Children,
) -> impl IntoView
where
    F: Fn(u32) -> String + 'static,
{
    let i18n = use_i18n();
    let previous = (page > 1).then(|| href(page - 1));
    let next = (page < pages).then(|| href(page + 1));
    view! {
        <nav class="pager" aria-label=label data-testid="pager">
            {previous.map(|href| view! { <a href=href rel="prev">{t!(i18n, pager.previous)}</a> })}
            <span data-testid="page-of">{t!(i18n, pager.page, page = move || page, pages = move || pages)}</span>
            <span class="muted">{children()}</span>
            {next.map(|href| view! { <a href=href rel="next">{t!(i18n, pager.next)}</a> })}
        </nav>
    }
}
