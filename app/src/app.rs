//! The application shell and its routes.

use crate::auth::AuthProvider;
use crate::components::header::SiteHeader;
use crate::i18n::*;
use crate::pages::{HomePage, LoginPage, NotFound};
use crate::routes::{
    AdminRoute, AssessmentRoute, AuditRoute, BoardsRoute, CaseRecordsRoute, CaseRoute, FeedbackRoute,
    MeetingDetailRoute, MeetingsListRoute, MyCasesRoute, NotificationsRoute, OwnInformationRoute, PathwayRoute,
    PlanRoute, ProcessRoute, RaiseConcernRoute, ScreeningRoute,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{path, Lazy, SsrMode};

/// Pages sent as plain HTML when they are opened directly: everything on them works as links and
/// form posts, and a phone opening one does not download the application's WebAssembly (about a
/// megabyte). The client's pathway is one: it is what a client opens from a text message on a
/// phone. Reached by a link inside the running application, they are drawn by it as usual.
pub const PLAIN_HTML_PAGES: [&str; 1] = ["/pathway"];

/// Whether this response is one of `PLAIN_HTML_PAGES`.
fn plain_html() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().is_some_and(|parts| PLAIN_HTML_PAGES.contains(&parts.uri.path()))
    }
    #[cfg(not(feature = "ssr"))]
    false
}

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let scripts = (!plain_html()).then(|| view! { <HydrationScripts options=options.clone()/> });
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                <AutoReload options=options.clone()/>
                {scripts}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Marks the page interactive (`data-hydrated` on `<html>`) once all of it has hydrated, the part
/// drawn by a lazily loaded chunk included; browser tests and the bench wait for it before they click.
#[cfg(feature = "hydrate")]
pub fn mark_hydrated() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Stylesheet id="leptos" href="/pkg/polku.css"/>
        <I18nContextProvider>
            <Title text="Polku"/>
            <Router>
                <FocusOnNavigation/>
                <AuthProvider>
                <SiteHeader/>
                <main id="main" tabindex="-1">
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/login") view=LoginPage/>
                        <Route path=path!("/cases") view={Lazy::<MyCasesRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id") view={Lazy::<CaseRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/assessment") view={Lazy::<AssessmentRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/plan") view={Lazy::<PlanRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/meetings") view={Lazy::<MeetingsListRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/meetings/:meeting") view={Lazy::<MeetingDetailRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/records") view={Lazy::<CaseRecordsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/pathway") view={Lazy::<PathwayRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/pathway/privacy") view={Lazy::<OwnInformationRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/process") view={Lazy::<ProcessRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/boards") view={Lazy::<BoardsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/boards/:board") view={Lazy::<BoardsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/notifications") view={Lazy::<NotificationsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/feedback") view={Lazy::<FeedbackRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin") view={Lazy::<AdminRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/audit") view={Lazy::<AuditRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/concerns") view={Lazy::<ScreeningRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/concerns/new") view={Lazy::<RaiseConcernRoute>::new()} ssr=SsrMode::Async/>
                    </Routes>
                </main>
                </AuthProvider>
            </Router>
        </I18nContextProvider>
    }
}

/// After the reader moves to another page inside the application (a link, or a form such as
/// sign-in that leads to a page), focus goes to the page's content, as on a page loaded afresh: a
/// screen reader starts reading the new page, and a keyboard user tabs on from its top rather than
/// from the body. A change of the query alone (a step opened on the map, the next page of a list)
/// leaves focus where the page puts it.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            focus_main();
        }
        path
    });
}

#[cfg(feature = "hydrate")]
fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) =
        document().get_element_by_id("main").and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Effects run only in the browser.
#[cfg(not(feature = "hydrate"))]
fn focus_main() {}
