//! Password hashing with Argon2id. Each hash takes 19 MiB and a few milliseconds of a core, so it
//! runs on the blocking pool, and only as many at once as there are cores: a burst of sign-ins
//! queues instead of taking a thread and 19 MiB each.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;
use tokio::sync::Semaphore;

fn hashing_slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| Semaphore::new(std::thread::available_parallelism().map_or(2, usize::from)))
}

/// Runs `work` on the blocking pool once a hashing slot is free.
async fn in_a_slot<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let _slot = hashing_slots().acquire().await.ok()?;
    tokio::task::spawn_blocking(work).await.ok()
}

pub fn hash(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the operating system's random source works");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes make a valid salt");
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("Argon2 with default parameters hashes any password")
        .to_string()
}

pub async fn hash_async(password: String) -> String {
    in_a_slot(move || hash(&password)).await.expect("hashing task does not panic")
}

/// Checks a password against a stored hash. When there is no such user, a dummy hash is checked
/// so that the answer takes as long and reveals nothing about which usernames exist.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    in_a_slot(move || {
        static DUMMY: OnceLock<String> = OnceLock::new();
        let found = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY.get_or_init(|| hash("not a real password")).clone());
        let ok = PasswordHash::new(&stored)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false);
        found && ok
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let stored = hash("oikea salasana");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("oikea salasana".into(), Some(stored.clone())).await);
        assert!(!verify("väärä".into(), Some(stored)).await);
        assert!(!verify("oikea salasana".into(), None).await);
    }

    #[test]
    fn the_same_password_hashes_differently_each_time() {
        assert_ne!(hash("sama"), hash("sama"));
    }
}
