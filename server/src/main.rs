//! `polku` server: reads its configuration from the environment and serves the application.

#![recursion_limit = "256"]

use app::store::Config;
use axum::serve::ListenerExt;
use leptos::config::get_configuration;
use server::seed;
use std::time::Duration;
use tracing_subscriber::EnvFilter;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A whole number from the environment, or `default` when it is not set or not a number.
fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).map(|v| matches!(v.as_str(), "1" | "true" | "yes")).unwrap_or(false)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .init();

    let conf = get_configuration(None)?;
    let leptos_options = conf.leptos_options;
    let addr = leptos_options.site_addr;
    let database_url = std::env::var("DATABASE_URL").unwrap_or_else(|_| server::DEFAULT_DATABASE_URL.to_string());
    let config = Config {
        secure_cookies: env_flag("POLKU_SECURE_COOKIES"),
        session_idle: Duration::from_secs(env_number("POLKU_SESSION_IDLE_MINUTES", 60) * 60),
        session_max: Duration::from_secs(env_number("POLKU_SESSION_MAX_HOURS", 12) * 60 * 60),
        trust_forwarded_for: env_flag("POLKU_TRUST_PROXY"),
        ..Config::default()
    };

    let pool = server::pool_size(std::env::var("POLKU_DB_POOL").ok().as_deref())?;
    let slow = match env_number("POLKU_SLOW_SQL_MS", 0) {
        0 => None,
        ms => Some(Duration::from_millis(ms)),
    };
    let db = server::connect_pooled(&database_url, None, pool, slow).await?;
    let seeded = server::prepare(&db, !env_flag("POLKU_NO_DEMO_DATA")).await?;
    let channel = config.events_channel.clone();
    let (router, state) = server::router(leptos_options, db, config);
    server::relay::start(&state.db, &state.events, &channel).await?;

    // Each answer goes out as soon as it is written: without TCP_NODELAY the kernel held a page's
    // last small segment until the browser acknowledged the one before, which a browser on a kept-
    // alive connection delays by 40 ms (one request in twenty of a case page in the bench).
    let listener = tokio::net::TcpListener::bind(&addr).await?.tap_io(|connection| {
        if let Err(error) = connection.set_nodelay(true) {
            tracing::debug!(%error, "TCP_NODELAY could not be set on a connection");
        }
    });
    tracing::info!("Polku listening on http://{addr} (database: {})", redacted(&database_url));
    if seeded {
        println!("\nDemo data added. Every demo account's password is: {}\n", seed::DEMO_PASSWORD);
    }
    println!("Polku is running at http://{addr}\nDemo sign-ins (password \"{}\"):", seed::DEMO_PASSWORD);
    for login in seed::demo_logins() {
        println!("  {:<14} {:<18} {}", login.role.as_str(), login.username, login.who);
    }
    let stopping = state.stopping.clone();
    axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(async move {
            shutdown().await;
            stopping.stop();
        })
        .await?;
    Ok(())
}

/// The database URL without its password, for the log.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…@{}", &url[..scheme], &url[at + 1..]),
        _ => url.to_string(),
    }
}

/// Resolves on Ctrl-C or, where there is one, SIGTERM (how service managers stop a server).
async fn shutdown() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(term) => term,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
