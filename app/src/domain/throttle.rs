//! Sign-in throttling: after too many failed sign-ins for one account, or from one address, within
//! a window, further tries are refused until enough of those failures have aged out of it. The
//! server counts the attempts; this decides, so the rule is the same on every instance.

use chrono::{DateTime, Duration, Utc};

/// How long a failed sign-in counts against its account and its address.
pub const WINDOW_MINUTES: i64 = 15;
/// Failed sign-ins one account may have in the window (since its last successful sign-in).
pub const PER_ACCOUNT: usize = 5;
/// Failed sign-ins one address may have in the window, whichever accounts they named.
pub const PER_ADDRESS: usize = 20;

pub fn window() -> Duration {
    Duration::minutes(WINDOW_MINUTES)
}

/// One earlier sign-in attempt, as the server recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub at: DateTime<Utc>,
    pub succeeded: bool,
}

/// Refused: try again in this many minutes (at least one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttled {
    pub retry_in_minutes: u32,
}

/// May a sign-in be tried now, given the account's attempts and the address's attempts within the
/// window (in any order)? An account's failures before its latest success do not count.
pub fn check(now: DateTime<Utc>, account: &[Attempt], address: &[Attempt]) -> Result<(), Throttled> {
    let since = now - window();
    let last_success = account.iter().filter(|a| a.succeeded).map(|a| a.at).max();
    let failures = |attempts: &[Attempt], after: Option<DateTime<Utc>>| {
        let mut times: Vec<DateTime<Utc>> = attempts
            .iter()
            .filter(|a| !a.succeeded && a.at > since && after.is_none_or(|after| a.at > after))
            .map(|a| a.at)
            .collect();
        times.sort();
        times
    };
    let until = [(failures(account, last_success), PER_ACCOUNT), (failures(address, None), PER_ADDRESS)]
        .into_iter()
        .filter(|(times, limit)| times.len() >= *limit)
        // The try is allowed again once enough failures have left the window to fall below the limit.
        .map(|(times, limit)| times[times.len() - limit] + window())
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
        Attempt { at: now() - Duration::minutes(minutes_ago), succeeded: false }
    }

    fn succeeded(minutes_ago: i64) -> Attempt {
        Attempt { at: now() - Duration::minutes(minutes_ago), succeeded: true }
    }

    #[test]
    fn an_account_is_refused_at_its_fifth_failure_until_the_oldest_ages_out() {
        let four: Vec<_> = (1..=4).map(failed).collect();
        assert_eq!(check(now(), &four, &four), Ok(()));
        let five: Vec<_> = [10, 1, 4, 3, 2].into_iter().map(failed).collect();
        // The oldest failure (10 minutes ago) leaves the 15-minute window in 5 minutes.
        assert_eq!(check(now(), &five, &five), Err(Throttled { retry_in_minutes: 5 }));
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
        let five: Vec<_> = (0..5).map(|_| Attempt { at: now() - window() + Duration::seconds(1), succeeded: false }).collect();
        assert_eq!(check(now(), &five, &[]), Err(Throttled { retry_in_minutes: 1 }));
    }
}
