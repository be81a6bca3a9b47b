//! The application shell and its routes.

use crate::auth::AuthProvider;
use crate::components::header::SiteHeader;
use crate::i18n::*;
use crate::pages::{
    AdminPage, AssessmentPage, AuditPage, BoardsPage, CasePage, CaseRecordsPage, FeedbackPage, HomePage, LoginPage,
    MeetingDetailPage, MeetingsListPage, MyCasesPage, NotFound, NotificationsPage, OwnInformationPage, PathwayPage,
    PlanPage, ProcessPage, RaiseConcernPage, ScreeningPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

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

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    // Marks the page as interactive, so that browser tests click only after hydration.
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Stylesheet id="leptos" href="/pkg/polku.css"/>
        <I18nContextProvider>
            <Title text="Polku"/>
            <Router>
                <AuthProvider>
                <SiteHeader/>
                <main id="main" tabindex="-1">
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/login") view=LoginPage/>
                        <Route path=path!("/cases") view=MyCasesPage ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id") view=CasePage ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/assessment") view=AssessmentPage ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/plan") view=PlanPage ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/meetings") view=MeetingsListPage ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/meetings/:meeting") view=MeetingDetailPage ssr=SsrMode::Async/>
                        <Route path=path!("/cases/:id/records") view=CaseRecordsPage ssr=SsrMode::Async/>
                        <Route path=path!("/pathway") view=PathwayPage ssr=SsrMode::Async/>
                        <Route path=path!("/pathway/privacy") view=OwnInformationPage ssr=SsrMode::Async/>
                        <Route path=path!("/process") view=ProcessPage ssr=SsrMode::Async/>
                        <Route path=path!("/boards") view=BoardsPage ssr=SsrMode::Async/>
                        <Route path=path!("/boards/:board") view=BoardsPage ssr=SsrMode::Async/>
                        <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                        <Route path=path!("/feedback") view=FeedbackPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async/>
                        <Route path=path!("/audit") view=AuditPage ssr=SsrMode::Async/>
                        <Route path=path!("/concerns") view=ScreeningPage ssr=SsrMode::Async/>
                        <Route path=path!("/concerns/new") view=RaiseConcernPage ssr=SsrMode::Async/>
                    </Routes>
                </main>
                </AuthProvider>
            </Router>
        </I18nContextProvider>
    }
}
