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

/// Which of a page's actions succeeded last, for the page to say so once: from each action's count
/// of successes (`succeeded`), or, for a form sent without JavaScript, from the query key the
/// server redirected back with. Each outcome is `(count, query key, what was done)`.
pub fn last_outcome<T, const N: usize>(outcomes: [(ReadSignal<u32>, &'static str, T); N]) -> Signal<Option<T>>
where
    T: Copy + Send + Sync + 'static,
{
    let last = RwSignal::new(None::<T>);
    for (count, _, done) in outcomes {
        Effect::new(move |previous: Option<u32>| {
            let now = count.get();
            if previous.is_some_and(|p| p != now) {
                last.set(Some(done));
            }
            now
        });
    }
    let query = leptos_router::hooks::use_query_map();
    Signal::derive(move || {
        last.get().or_else(|| {
            let query = query.read();
            outcomes.iter().find_map(|&(_, key, done)| query.get(key).map(|_| done))
        })
    })
}
