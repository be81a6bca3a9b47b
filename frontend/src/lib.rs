//! The browser entry point: hydrates the server-rendered page into the live application. The page's
//! own code may be a chunk loaded on demand (app/src/routes.rs), so hydration waits for it, and the
//! page is marked interactive only when all of it has hydrated.

#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else { return };
        leptos::mount::hydrate_from_async(body, app::App).await.forget();
        app::mark_hydrated();
    });
}
