//! Following `/live` from the browser. A view calls `use_live` with what to do on each notice;
//! the socket opens after hydration, reconnects by itself after a drop (waiting 1 s, then twice as
//! long each time up to 15 s) and, once back, tells the view to reload everything, so that a
//! change made while it was away is not missed. On the server it does nothing: the page is
//! rendered from fresh data.

use crate::model::LiveNotice;
use leptos::prelude::*;

/// Where the connection stands, for the view to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveState {
    Connecting,
    Open,
    Reconnecting,
    /// The session ended; signing in again is needed before anything is heard.
    SignedOut,
}

/// Close code the server sends when the session behind the socket has ended.
pub const CLOSE_SIGNED_OUT: u16 = 4401;

/// Follows live notices while the calling component lives and `enabled` holds (the reader may
/// follow them: a socket the server would refuse is never opened).
pub fn use_live(enabled: Signal<bool>, on_notice: impl Fn(LiveNotice) + 'static) -> ReadSignal<LiveState> {
    let state = RwSignal::new(LiveState::Connecting);
    #[cfg(feature = "hydrate")]
    socket::follow(state, enabled, on_notice);
    #[cfg(not(feature = "hydrate"))]
    let _ = (enabled, on_notice);
    state.read_only()
}

#[cfg(feature = "hydrate")]
mod socket {
    use super::{LiveState, CLOSE_SIGNED_OUT};
    use crate::model::LiveNotice;
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
        on_notice: Box<dyn Fn(LiveNotice)>,
        socket: RefCell<Option<WebSocket>>,
        handlers: RefCell<Handlers>,
        wait_ms: Cell<u64>,
        /// The connection dropped since it was last open: reload everything once it is back.
        dropped: Cell<bool>,
        stopped: Cell<bool>,
    }

    pub fn follow(state: RwSignal<LiveState>, enabled: Signal<bool>, on_notice: impl Fn(LiveNotice) + 'static) {
        let live = Rc::new(Live {
            state,
            on_notice: Box::new(on_notice),
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

    fn address() -> Option<String> {
        let location = window().location();
        let scheme = if location.protocol().ok()? == "https:" { "wss" } else { "ws" };
        Some(format!("{scheme}://{}/live", location.host().ok()?))
    }

    fn connect(live: &Rc<Live>) {
        if live.stopped.get() || live.socket.borrow().is_some() {
            return;
        }
        let Some(socket) = address().and_then(|url| WebSocket::new(&url).ok()) else {
            retry(live);
            return;
        };
        let on_open = {
            let live = Rc::clone(live);
            Closure::<dyn FnMut(Event)>::new(move |_| {
                live.wait_ms.set(FIRST_WAIT_MS);
                live.state.set(LiveState::Open);
                if live.dropped.replace(false) {
                    (live.on_notice)(LiveNotice::Resync);
                }
            })
        };
        let on_message = {
            let live = Rc::clone(live);
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(notice) = event.data().as_string().and_then(|text| serde_json::from_str::<LiveNotice>(&text).ok()) {
                    (live.on_notice)(notice);
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
                live.dropped.set(true);
                live.state.set(LiveState::Reconnecting);
                retry(&live);
            })
        };
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        // The previous socket's handlers are dropped here; that socket has closed for good.
        *live.handlers.borrow_mut() = Handlers { _open: Some(on_open), _message: Some(on_message), _close: Some(on_close) };
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
