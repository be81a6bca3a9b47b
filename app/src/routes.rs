//! The pages whose code the browser loads only when it first needs them. Built with `cargo leptos
//! build --split`, each group below is a WebAssembly chunk of its own, fetched when one of its
//! pages is first visited (on a page opened directly, before it hydrates); so a page costs the
//! shared core and its group, not the whole application. Sign-in, the home redirect and "not
//! found" stay in the core.
//!
//! Pages are grouped by the work they belong to, not split one by one: the splitter puts the code
//! that several chunks share into a further chunk for each set of chunks that share it, and with
//! one chunk per page that came to 100–300 files a page, each a round trip on a phone's network
//! (measured in the README).

use crate::pages::{
    AdminPage, AssessmentPage, AuditPage, BoardsPage, CasePage, CaseRecordsPage, FeedbackPage, MeetingDetailPage,
    MeetingsListPage, MyCasesPage, NotificationsPage, OwnInformationPage, PathwayPage, PlanPage, ProcessPage,
    RaiseConcernPage, ScreeningPage,
};
use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A group of pages drawn by one chunk: the function that draws them (`#[lazy]`, the chunk's
/// entry), the enum that names them, and a route type per page (`Name: Route => Page`).
macro_rules! page_group {
    ($(#[$doc:meta])* $draw:ident, $preload:ident, $pages:ident {
        $($(#[$page_doc:meta])* $name:ident: $route:ident => $page:ident,)*
    }) => {
        $(#[$doc])*
        enum $pages {
            $($name,)*
        }

        #[lazy]
        fn $draw(page: $pages) -> AnyView {
            match page {
                $($pages::$name => view! { <$page/> }.into_any(),)*
            }
        }

        $(
            $(#[$page_doc])*
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    $draw($pages::$name).await
                }

                async fn preload() {
                    #[cfg(target_arch = "wasm32")]
                    $preload().await;
                }
            }
        )*
    };
}

page_group! {
    /// The pages of one case: a coordinator moves between them all day.
    case_work, __preload_case_work, CaseWork {
        /// `/cases/:id`.
        Case: CaseRoute => CasePage,
        /// `/cases/:id/assessment`.
        Assessment: AssessmentRoute => AssessmentPage,
        /// `/cases/:id/plan`.
        Plan: PlanRoute => PlanPage,
        /// `/cases/:id/meetings`.
        MeetingsList: MeetingsListRoute => MeetingsListPage,
        /// `/cases/:id/meetings/:meeting`.
        MeetingDetail: MeetingDetailRoute => MeetingDetailPage,
        /// `/cases/:id/records`.
        CaseRecords: CaseRecordsRoute => CaseRecordsPage,
    }
}

page_group! {
    /// The lists a member of staff starts from: their cases and the concerns.
    work_lists, __preload_work_lists, WorkLists {
        /// `/cases`.
        MyCases: MyCasesRoute => MyCasesPage,
        /// `/concerns`.
        Screening: ScreeningRoute => ScreeningPage,
        /// `/concerns/new`.
        RaiseConcern: RaiseConcernRoute => RaiseConcernPage,
    }
}

page_group! {
    /// The live boards and the notifications.
    live_work, __preload_live_work, LiveWork {
        /// `/boards` and `/boards/:board`.
        Boards: BoardsRoute => BoardsPage,
        /// `/notifications`.
        Notifications: NotificationsRoute => NotificationsPage,
    }
}

page_group! {
    /// The process map.
    process_map, __preload_process_map, ProcessMapPages {
        /// `/process`.
        Process: ProcessRoute => ProcessPage,
    }
}

page_group! {
    /// The client's and the relative's own pages.
    client_pages, __preload_client_pages, ClientPages {
        /// `/pathway` (plain HTML when opened directly).
        Pathway: PathwayRoute => PathwayPage,
        /// `/pathway/privacy`.
        OwnInformation: OwnInformationRoute => OwnInformationPage,
    }
}

page_group! {
    /// Oversight: feedback, the access log's review, administration.
    oversight, __preload_oversight, Oversight {
        /// `/feedback`.
        Feedback: FeedbackRoute => FeedbackPage,
        /// `/audit`.
        Audit: AuditRoute => AuditPage,
        /// `/admin`.
        Admin: AdminRoute => AdminPage,
    }
}
