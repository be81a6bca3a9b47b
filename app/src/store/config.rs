//! The server's configuration, read from the environment by the binary.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Config {
    /// Mark the session cookie `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// A session ends after this long without activity.
    pub session_idle: Duration,
    /// A session ends this long after sign-in however active it is; the browser keeps the
    /// cookie as long.
    pub session_max: Duration,
    /// The PostgreSQL channel on which instances sharing a database pass live events.
    pub events_channel: String,
    /// Behind a reverse proxy: take the client's address for sign-in throttling from the last
    /// entry of `X-Forwarded-For` (which the proxy appends) instead of the connection's peer.
    pub trust_forwarded_for: bool,
    /// How long a request's body may take to arrive.
    pub body_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            session_idle: Duration::from_secs(60 * 60),
            session_max: Duration::from_secs(12 * 60 * 60),
            events_channel: "polku_events".to_string(),
            trust_forwarded_for: false,
            body_timeout: Duration::from_secs(10),
        }
    }
}
