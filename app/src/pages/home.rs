//! `/`: sends each person to their own home page, or to sign-in.

use crate::auth::use_auth;
use crate::components::Loading;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn HomePage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                let path = match auth.user.await {
                    Ok(Some(user)) => user.role.home_path(),
                    _ => "/login",
                };
                view! { <Redirect path=path/> }
            })}
        </Suspense>
    }
}
