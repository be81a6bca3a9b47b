//! Helpers for server actions shared by the pages.

use leptos::prelude::*;

/// Counts the successful runs of an action. A page keys its data on it so that it reloads after
/// a success only: a refused submit keeps what the person typed.
pub fn succeeded<S>(action: ServerAction<S>) -> ReadSignal<u32>
where
    S: leptos::server_fn::ServerFn + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    let count = RwSignal::new(0u32);
    Effect::new(move |_| {
        if action.value().with(|v| matches!(v, Some(Ok(_)))) {
            count.update(|n| *n += 1);
        }
    });
    count.read_only()
}
