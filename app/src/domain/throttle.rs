//! Sign-in throttling: after too many failed sign-ins within a window, further tries are refused
//! until enough of those failures have aged out of it. The server counts the attempts (each one
//! before its password is checked, so that tries sent at once are counted as they come); this
//! decides, so the rule is the same on every instance.
//!
//! What is locked is the source of the failures, not the account alone: a person who mistypes
//! their password, or someone else trying theirs from elsewhere, does not lock the account for
//! everyone. Three counts, each with its own limit:
//! - one account from one address (`PER_SOURCE` in `WINDOW_MINUTES`): guessing from one place;
//! - one address, any account (`PER_ADDRESS` in `WINDOW_MINUTES`): trying many accounts;
//! - one account from anywhere (`PER_ACCOUNT` in `LONG_WINDOW_HOURS`): guessing spread over many
//!   addresses, which only a far larger count locks.
//!
//! An account's failures before its latest successful sign-in do not count against it.

use chrono::{DateTime, Duration, Utc};

/// How long a failed sign-in counts against its source and its address.
pub const WINDOW_MINUTES: i64 = 15;
/// Failed sign-ins one account may have from one address in the window.
pub const PER_SOURCE: usize = 5;
/// Failed sign-ins one address may have in the window, whichever accounts they named.
pub const PER_ADDRESS: usize = 20;
/// How long a failed sign-in counts against its account wherever it came from.
pub const LONG_WINDOW_HOURS: i64 = 24;
/// Failed sign-ins one account may have from all addresses in the long window.
pub const PER_ACCOUNT: usize = 50;

pub fn window() -> Duration {
    Duration::minutes(WINDOW_MINUTES)
}

pub fn long_window() -> Duration {
    Duration::hours(LONG_WINDOW_HOURS)
}

/// One earlier sign-in attempt, as the server recorded it. An attempt whose password is still
/// being checked counts as failed until it succeeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub at: DateTime<Utc>,
    pub succeeded: bool,
    /// Whether it came from the address of the sign-in being decided.
    pub same_address: bool,
}

/// Refused: try again in this many minutes (at least one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttled {
    pub retry_in_minutes: u32,
}

/// When a count of failures falls below `limit` again: `None` while it is below already.
fn blocked_until(mut times: Vec<DateTime<Utc>>, limit: usize, window: Duration) -> Option<DateTime<Utc>> {
    times.sort();
    // The try is allowed again once enough failures have left the window to fall below the limit.
    (times.len() >= limit).then(|| times[times.len() - limit] + window)
}

/// May a sign-in be tried now? `account` holds the account's attempts within the long window
/// (from any address), `address` the address's failed attempts within the window (any account).
pub fn check(now: DateTime<Utc>, account: &[Attempt], address: &[Attempt]) -> Result<(), Throttled> {
    let last_success = account.iter().filter(|a| a.succeeded).map(|a| a.at).max();
    let failed_since =
        |attempts: &[Attempt], since: DateTime<Utc>, after: Option<DateTime<Utc>>, same_address_only: bool| {
            attempts
                .iter()
                .filter(|a| !a.succeeded && a.at > since && after.is_none_or(|after| a.at > after))
                .filter(|a| !same_address_only || a.same_address)
                .map(|a| a.at)
                .collect::<Vec<_>>()
        };
    let until = [
        blocked_until(failed_since(account, now - window(), last_success, true), PER_SOURCE, window()),
        blocked_until(failed_since(account, now - long_window(), last_success, false), PER_ACCOUNT, long_window()),
        blocked_until(failed_since(address, now - window(), None, false), PER_ADDRESS, window()),
    ]
    .into_iter()
    .flatten()
    .max();
    match until {
        Some(until) => {
            let seconds = (until - now).num_seconds().max(1);
            Err(Throttled { retry_in_minutes: u32::try_from((seconds + 59) / 60).unwrap_or(u32::MAX) })
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-24T10:00:00Z".parse().unwrap()
    }

    fn failed(minutes_ago: i64) -> Attempt {
        Attempt { at: now() - Duration::minutes(minutes_ago), succeeded: false, same_address: true }
    }

    fn failed_elsewhere(minutes_ago: i64) -> Attempt {
        Attempt { same_address: false, ..failed(minutes_ago) }
    }

    fn succeeded(minutes_ago: i64) -> Attempt {
        Attempt { at: now() - Duration::minutes(minutes_ago), succeeded: true, same_address: true }
    }

    #[test]
    fn a_source_is_refused_at_its_fifth_failure_until_the_oldest_ages_out() {
        let four: Vec<_> = (1..=4).map(failed).collect();
        assert_eq!(check(now(), &four, &four), Ok(()));
        let five: Vec<_> = [10, 1, 4, 3, 2].into_iter().map(failed).collect();
        // The oldest failure (10 minutes ago) leaves the 15-minute window in 5 minutes.
        assert_eq!(check(now(), &five, &five), Err(Throttled { retry_in_minutes: 5 }));
    }

    #[test]
    fn failures_from_elsewhere_do_not_lock_the_account_for_this_address() {
        let elsewhere: Vec<_> = (1..=10).map(failed_elsewhere).collect();
        assert_eq!(check(now(), &elsewhere, &[]), Ok(()), "someone else's guessing does not lock the owner out");
        let many: Vec<_> = (0..PER_ACCOUNT as i64).map(|m| failed_elsewhere(m * 20 + 1)).collect();
        assert!(check(now(), &many, &[]).is_err(), "guessing spread over many addresses is stopped by the day's count");
    }

    #[test]
    fn failures_older_than_the_window_do_not_count() {
        let old: Vec<_> = [16, 20, 30, 40, 50, 1].into_iter().map(failed).collect();
        assert_eq!(check(now(), &old, &old), Ok(()));
    }

    #[test]
    fn a_success_clears_the_accounts_earlier_failures_but_not_the_addresss() {
        let mut account: Vec<_> = (2..=6).map(failed).collect();
        account.push(succeeded(1));
        assert_eq!(check(now(), &account, &[]), Ok(()));
        let address: Vec<_> = (1..=20).map(|m| failed(m % 14 + 1)).collect();
        assert!(check(now(), &account, &address).is_err());
    }

    #[test]
    fn an_address_is_refused_after_twenty_failures_across_accounts() {
        let nineteen: Vec<_> = (0..19).map(|_| failed(1)).collect();
        assert_eq!(check(now(), &[], &nineteen), Ok(()));
        let twenty: Vec<_> = (0..20).map(|_| failed(1)).collect();
        assert_eq!(check(now(), &[], &twenty), Err(Throttled { retry_in_minutes: 14 }));
    }

    #[test]
    fn the_wait_is_at_least_a_minute() {
        let five: Vec<_> =
            (0..5).map(|_| Attempt { at: now() - window() + Duration::seconds(1), ..failed(0) }).collect();
        assert_eq!(check(now(), &five, &[]), Err(Throttled { retry_in_minutes: 1 }));
    }
}
