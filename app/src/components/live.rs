//! Following the server's live sockets from the browser. A tab has one `/live` socket, opened by
//! `AuthProvider` for staff (`open_live`) and kept across navigation; the header's unread count and
//! every view that calls `use_live` (the process map, records) hear it. A board follows its own
//! feed (`use_board_feed`). A socket opens after hydration and reconnects by itself after a drop
//! (waiting 1 s, then twice as long each time up to 15 s). Once back, `/live` tells its listeners
//! to reload everything, and a board asks the server for what it missed since the last change it
//! applied, so that a change made while it was away is not missed. On the server nothing is
//! followed: the page is rendered from fresh data.

use crate::i18n::*;
use crate::model::{board::BoardFeed, live::LiveNotice};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the connection stands, for the view to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveState {
    Connecting,
    Open,
    Reconnecting,
    /// The session ended; signing in again is needed before anything is heard.
    SignedOut,
    /// The reader may no longer see what the socket followed (they left the team).
    NoLongerAllowed,
}

/// Close code the server sends when the session behind the socket has ended.
pub const CLOSE_SIGNED_OUT: u16 = 4401;

/// Close code the server sends when the reader may no longer follow a board.
pub const CLOSE_NO_LONGER_ALLOWED: u16 = 4403;

/// Something told of each live notice.
type Listener = Arc<dyn Fn(LiveNotice) + Send + Sync>;

/// The tab's `/live` socket: where it stands, and who listens to it.
#[derive(Clone, Copy)]
pub struct LiveFeed {
    state: ReadSignal<LiveState>,
    listeners: StoredValue<Vec<(u64, Listener)>>,
    next: StoredValue<u64>,
}

/// Opens the tab's one `/live` socket while `enabled` holds (the reader is staff: a socket the
/// server would refuse is never opened) and provides it to the views inside. One socket serves
/// every view of the tab, however many follow it and however often the reader moves between pages.
pub fn open_live(enabled: Signal<bool>) -> LiveFeed {
    let listeners: StoredValue<Vec<(u64, Listener)>> = StoredValue::new(Vec::new());
    let tell = move |notice: LiveNotice| {
        let now: Vec<Listener> = listeners.with_value(|all| all.iter().map(|(_, l)| Arc::clone(l)).collect());
        for listener in now {
            listener(notice);
        }
    };
    let on_text = move |text: &str| {
        if let Ok(notice) = serde_json::from_str::<LiveNotice>(text) {
            tell(notice);
        }
    };
    let state = follow(enabled, || "/live".to_string(), on_text, move || tell(LiveNotice::Resync));
    let feed = LiveFeed { state, listeners, next: StoredValue::new(0) };
    provide_context(feed);
    feed
}

/// Hears the tab's live notices while the calling component lives and `enabled` holds.
pub fn use_live(
    enabled: Signal<bool>,
    on_notice: impl Fn(LiveNotice) + Send + Sync + 'static,
) -> ReadSignal<LiveState> {
    let feed = expect_context::<LiveFeed>();
    let listener: Listener = Arc::new(move |notice| {
        if enabled.get_untracked() {
            on_notice(notice);
        }
    });
    let id = feed.next.try_update_value(|next| {
        *next += 1;
        *next
    });
    if let Some(id) = id {
        feed.listeners.update_value(|all| all.push((id, listener)));
        on_cleanup(move || {
            feed.listeners.try_update_value(|all| all.retain(|(each, _)| *each != id));
        });
    }
    feed.state
}

/// Follows one board's feed (`/live/board/{board}`). `after` gives the newest board event the
/// board has applied, read again at every (re)connect, so that the server sends what was missed.
pub fn use_board_feed(
    enabled: Signal<bool>,
    board: String,
    after: impl Fn() -> i32 + 'static,
    on_feed: impl Fn(BoardFeed) + 'static,
) -> ReadSignal<LiveState> {
    let path = move || format!("/live/board/{board}?after={}", after());
    let on_text = move |text: &str| {
        if let Ok(feed) = serde_json::from_str::<BoardFeed>(text) {
            on_feed(feed);
        }
    };
    follow(enabled, path, on_text, || {})
}

/// Whether a live view is following the changes now, said in words.
#[component]
pub fn LiveStatus(
    live: ReadSignal<LiveState>,
    /// A board's words ("changes appear as they happen") rather than the map's.
    #[prop(optional)]
    board: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match live.get() {
        LiveState::Connecting => t_string!(i18n, process.live.connecting).to_string(),
        LiveState::Open if board => t_string!(i18n, board.live_open).to_string(),
        LiveState::Open => t_string!(i18n, process.live.open).to_string(),
        LiveState::Reconnecting => t_string!(i18n, process.live.reconnecting).to_string(),
        LiveState::SignedOut => t_string!(i18n, process.live.signed_out).to_string(),
        LiveState::NoLongerAllowed => t_string!(i18n, process.live.no_longer_allowed).to_string(),
    };
    let class = move || match live.get() {
        LiveState::Open => "live-status live-open",
        LiveState::Connecting => "live-status",
        LiveState::Reconnecting | LiveState::SignedOut | LiveState::NoLongerAllowed => "live-status live-down",
    };
    view! { <p class=class role="status" data-live=move || format!("{:?}", live.get()).to_lowercase()>{text}</p> }
}

fn follow(
    enabled: Signal<bool>,
    path: impl Fn() -> String + 'static,
    on_text: impl Fn(&str) + 'static,
    on_reopen: impl Fn() + 'static,
) -> ReadSignal<LiveState> {
    let state = RwSignal::new(LiveState::Connecting);
    #[cfg(feature = "hydrate")]
    socket::follow(state, enabled, Box::new(path), Box::new(on_text), Box::new(on_reopen));
    #[cfg(not(feature = "hydrate"))]
    let _ = (enabled, path, on_text, on_reopen);
    state.read_only()
}

#[cfg(feature = "hydrate")]
mod socket {
    use super::{LiveState, CLOSE_NO_LONGER_ALLOWED, CLOSE_SIGNED_OUT};
    use leptos::prelude::*;
    use send_wrapper::SendWrapper;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;
    use wasm_bindgen::prelude::*;
    use web_sys::{CloseEvent, Event, MessageEvent, WebSocket};

    const FIRST_WAIT_MS: u64 = 1_000;
    const LONGEST_WAIT_MS: u64 = 15_000;

    /// The handlers of the socket now open, owned here only so that they live as long as it does.
    #[derive(Default)]
    struct Handlers {
        _open: Option<Closure<dyn FnMut(Event)>>,
        _message: Option<Closure<dyn FnMut(MessageEvent)>>,
        _close: Option<Closure<dyn FnMut(CloseEvent)>>,
    }

    struct Live {
        state: RwSignal<LiveState>,
        path: Box<dyn Fn() -> String>,
        on_text: Box<dyn Fn(&str)>,
        on_reopen: Box<dyn Fn()>,
        socket: RefCell<Option<WebSocket>>,
        handlers: RefCell<Handlers>,
        wait_ms: Cell<u64>,
        /// The connection dropped since it was last open: reload everything once it is back.
        dropped: Cell<bool>,
        stopped: Cell<bool>,
    }

    pub fn follow(
        state: RwSignal<LiveState>,
        enabled: Signal<bool>,
        path: Box<dyn Fn() -> String>,
        on_text: Box<dyn Fn(&str)>,
        on_reopen: Box<dyn Fn()>,
    ) {
        let live = Rc::new(Live {
            state,
            path,
            on_text,
            on_reopen,
            socket: RefCell::new(None),
            handlers: RefCell::new(Handlers::default()),
            wait_ms: Cell::new(FIRST_WAIT_MS),
            dropped: Cell::new(false),
            stopped: Cell::new(false),
        });
        // After hydration, in the browser only; again whenever the reader may follow or not.
        let switching = SendWrapper::new(Rc::clone(&live));
        Effect::new(move |_| {
            if enabled.get() {
                switching.stopped.set(false);
                connect(&switching);
            } else {
                stop(&switching);
            }
        });
        let stopping = SendWrapper::new(live);
        on_cleanup(move || stop(&stopping));
    }

    fn address(path: &str) -> Option<String> {
        let location = window().location();
        let scheme = if location.protocol().ok()? == "https:" { "wss" } else { "ws" };
        Some(format!("{scheme}://{}{path}", location.host().ok()?))
    }

    fn connect(live: &Rc<Live>) {
        if live.stopped.get() || live.socket.borrow().is_some() {
            return;
        }
        let Some(socket) = address(&(live.path)()).and_then(|url| WebSocket::new(&url).ok()) else {
            retry(live);
            return;
        };
        let on_open = {
            let live = Rc::clone(live);
            Closure::<dyn FnMut(Event)>::new(move |_| {
                live.wait_ms.set(FIRST_WAIT_MS);
                live.state.set(LiveState::Open);
                if live.dropped.replace(false) {
                    (live.on_reopen)();
                }
            })
        };
        let on_message = {
            let live = Rc::clone(live);
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(text) = event.data().as_string() {
                    (live.on_text)(&text);
                }
            })
        };
        let on_close = {
            let live = Rc::clone(live);
            Closure::<dyn FnMut(CloseEvent)>::new(move |event: CloseEvent| {
                live.socket.borrow_mut().take();
                if live.stopped.get() {
                    return;
                }
                if event.code() == CLOSE_SIGNED_OUT {
                    live.state.set(LiveState::SignedOut);
                    return;
                }
                if event.code() == CLOSE_NO_LONGER_ALLOWED {
                    live.state.set(LiveState::NoLongerAllowed);
                    return;
                }
                live.dropped.set(true);
                live.state.set(LiveState::Reconnecting);
                retry(&live);
            })
        };
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        // The previous socket's handlers are dropped here; that socket has closed for good.
        *live.handlers.borrow_mut() =
            Handlers { _open: Some(on_open), _message: Some(on_message), _close: Some(on_close) };
        *live.socket.borrow_mut() = Some(socket);
    }

    fn retry(live: &Rc<Live>) {
        let wait = live.wait_ms.get();
        live.wait_ms.set((wait * 2).min(LONGEST_WAIT_MS));
        let live = Rc::clone(live);
        set_timeout(move || connect(&live), Duration::from_millis(wait));
    }

    /// Closes the socket without reconnecting (the view went away, or its reader may no longer
    /// follow), and lets go of its handlers, which hold the view's callback.
    fn stop(live: &Rc<Live>) {
        live.stopped.set(true);
        if let Some(socket) = live.socket.borrow_mut().take() {
            socket.set_onopen(None);
            socket.set_onmessage(None);
            socket.set_onclose(None);
            let _ = socket.close();
        }
        *live.handlers.borrow_mut() = Handlers::default();
    }
}
