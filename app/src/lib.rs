//! Polku: multidisciplinary collaboration for Finnish social- and health-care centres.
//!
//! This crate is shared by the server and the browser: the pure `domain` core, the `api` server
//! functions, the `pages` and `components`, and (server-only, behind the `ssr` feature) the
//! use cases in `service` over the database layer in `store`.

#![recursion_limit = "256"]

// The code `load_locales!` generates names items leptos_i18n itself marks deprecated; the
// warning is about the macro's output, not code of ours.
#[allow(deprecated)]
mod i18n_gen {
    leptos_i18n::load_locales!();
}
pub use i18n_gen::i18n;

pub mod api;
pub mod app;
pub mod auth;
pub mod components;
pub mod domain;
pub mod error;
#[cfg(feature = "ssr")]
pub mod events;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod response;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "hydrate")]
pub use app::mark_hydrated;
pub use app::{shell, App};
