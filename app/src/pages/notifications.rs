//! `/notifications`: what the reader has been told — an action given to them, a mention in a
//! comment, an action of theirs overdue, a register of a client they coordinate opened by law —
//! newest first, each linking to its card on the board (or to the client's records).

use crate::api::{get_notifications, MarkNotificationsRead};
use crate::auth::use_auth;
use crate::components::{labels, succeeded, ErrorMessage, Loading, PageTitle, Pager};
use crate::domain::board::NotificationKind;
use crate::i18n::*;
use crate::model::board::{NotificationQuery, NotificationView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The address of one page of the list (the first has none).
fn list_href(page: u32) -> String {
    if page > 1 {
        format!("/notifications?page={page}")
    } else {
        "/notifications".to_owned()
    }
}

/// `/notifications?page=2`: one page of the reader's notifications, newest first.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let marked = succeeded(mark);
    Effect::new(move |previous: Option<u32>| {
        let now = marked.get();
        if previous.is_some_and(|p| p != now) {
            auth.notified.update(|n| *n += 1);
        }
        now
    });
    let query = use_query_map();
    let asked = move || NotificationQuery { page: query.read().get("page").unwrap_or_default(), ..Default::default() };
    let list =
        Resource::new(move || (marked.get(), auth.notified.get(), asked()), |(_, _, asked)| get_notifications(asked));
    view! {
        <section aria-labelledby="notifications-title">
            <PageTitle text=move || t_string!(i18n, notifications.title)/>
            <h1 id="notifications-title">{t!(i18n, notifications.title)}</h1>
            <p class="lead">{t!(i18n, notifications.intro)}</p>
            <Transition fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(found) if found.total == 0 => view! { <p>{t!(i18n, notifications.empty)}</p> }.into_any(),
                        Ok(found) if found.items.is_empty() => {
                            view! { <p><a href=list_href(1)>{t!(i18n, notifications.empty_page)}</a></p> }.into_any()
                        }
                        Ok(found) => {
                            let (total, page, pages) = (found.total, found.page, found.pages());
                            let all = (found.unread > 0).then(|| view! {
                                <ActionForm action=mark attr:class="inline-form">
                                    <button type="submit" class="button-quiet">{t!(i18n, notifications.mark_all_read)}</button>
                                </ActionForm>
                            });
                            view! {
                                {all}
                                <ul class="notification-list">
                                    {found.items.into_iter().map(|item| view! { <Notification item mark/> }).collect_view()}
                                </ul>
                                <Pager
                                    page
                                    pages
                                    href=list_href
                                    label=move || t_string!(i18n, notifications.pages).to_string()
                                >
                                    {t!(i18n, notifications.total, total = move || total)}
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

#[component]
fn Notification(item: NotificationView, mark: ServerAction<MarkNotificationsRead>) -> impl IntoView {
    let i18n = use_i18n();
    let NotificationView { id, kind, case_id, card, client_name, what, actor, excerpt, due_on, at, read, legal } = item;
    let actor = actor.unwrap_or_default();
    let actor = move || actor.clone();
    let headline = match kind {
        NotificationKind::Assigned => t!(i18n, notifications.kind.assigned, actor).into_any(),
        NotificationKind::Mentioned => t!(i18n, notifications.kind.mentioned, actor).into_any(),
        NotificationKind::Overdue => {
            let due = move || due_on.map(|d| labels::date(i18n, d)).unwrap_or_default();
            t!(i18n, notifications.kind.overdue, due).into_any()
        }
        NotificationKind::LegalBasis => {
            let register = legal.as_ref().map(|l| l.register);
            let register = move || register.map(|r| labels::register_name(i18n, r)).unwrap_or_default();
            t!(i18n, notifications.kind.legal_basis, actor, register).into_any()
        }
    };
    let subject = if what.is_empty() { client_name.clone() } else { format!("{what} · {client_name}") };
    let (href, open) = match kind {
        NotificationKind::LegalBasis => {
            (crate::api::records_path(case_id), t!(i18n, notifications.open_records).into_any())
        }
        _ => (format!("/boards/team-{case_id}#{}", card.key()), t!(i18n, notifications.open).into_any()),
    };
    let legal = legal.map(|legal| {
        let basis = labels::basis_view(i18n, Some(crate::domain::Basis::Legal(legal.basis)));
        view! { <p class="legal-basis">{basis}</p> <blockquote>{legal.reason}</blockquote> }
    });
    view! {
        <li class="notification" class:unread=!read data-kind=kind.as_str()>
            <p class="notification-head">
                {(!read).then(|| view! { <span class="badge-new">{t!(i18n, notifications.new)}</span>" " })}
                <strong>{headline}</strong>
                " · "
                <span class="notification-time">{move || labels::time(i18n, at)}</span>
            </p>
            <p>{subject}</p>
            {excerpt.map(|text| view! { <blockquote>{text}</blockquote> })}
            {legal}
            // A `div`, not a `p`: a browser closes a paragraph at a `<form>`, and the page would no
            // longer have the shape it hydrates.
            <div class="notification-actions">
                <a href=href>{open}</a>
                {(!read).then(|| view! {
                    <ActionForm action=mark attr:class="inline-form">
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="button-quiet">{t!(i18n, notifications.mark_read)}</button>
                    </ActionForm>
                })}
            </div>
        </li>
    }
}
