//! Who is signed in, shared by every page and the header: the user, signing out, and the counts
//! the header shows (urgent concerns, unread notifications, the latter live on every staff page).
//! Provided once by `AuthProvider` around the routes, with the tab's live socket.

use crate::api::{current_user, unread_notifications, urgent_concerns, Logout};
use crate::components::live::{open_live, use_live};
use crate::error::AppError;
use crate::model::auth::SessionUser;
use crate::model::live::LiveNotice;
use leptos::prelude::*;

/// Sign-in state: the signed-in user, and signing out. (Signing in belongs to the sign-in page,
/// which reloads `user` when it succeeds.)
#[derive(Clone, Copy)]
pub struct Auth {
    pub logout: ServerAction<Logout>,
    pub user: Resource<Result<Option<SessionUser>, AppError>>,
    /// Open urgent concerns, for the coordinators' header link (`None` for everyone else).
    pub urgent: Resource<Result<Option<u64>, AppError>>,
    /// Unread notifications, for the staff's header link (`None` for everyone else).
    pub unread: Resource<Result<Option<u32>, AppError>>,
    /// Bumped when the reader is told of new notifications or reads them: `unread` reloads.
    pub notified: RwSignal<u32>,
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// Provides `Auth` to everything inside it.
#[component]
pub fn AuthProvider(children: Children) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    let user = Resource::new(move || logout.version().get(), |_| current_user());
    // Created here, before any page, so that server and browser number their resources alike:
    // a resource created inside the header once the user is known would be numbered after the
    // page's on the server but before it in the browser, and hydration would fail.
    let urgent = Resource::new(
        move || logout.version().get(),
        |_| async move {
            match current_user().await? {
                Some(user) if user.role == crate::domain::Role::Coordinator => urgent_concerns().await.map(Some),
                _ => Ok(None),
            }
        },
    );
    let notified = RwSignal::new(0u32);
    let unread = Resource::new(
        move || (logout.version().get(), notified.get()),
        |_| async move {
            match current_user().await? {
                Some(user) if user.role.is_staff() => unread_notifications().await.map(Some),
                _ => Ok(None),
            }
        },
    );
    provide_context(Auth { logout, user, urgent, unread, notified });
    // The tab's live socket, for staff: the unread count follows it on every page.
    let staff = Signal::derive(move || user.get().and_then(Result::ok).flatten().is_some_and(|u| u.role.is_staff()));
    open_live(staff);
    use_live(staff, move |notice| {
        if matches!(notice, LiveNotice::Notified | LiveNotice::Resync) {
            notified.update(|n| *n += 1);
        }
    });
    children()
}
