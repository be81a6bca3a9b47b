//! Pages of the lists that grow with time (cases, concerns, …): one rule for reading the page a
//! person asks for, so every list refuses the same wrong numbers with the same message and no
//! list is ever read whole.

use super::shortened;
use serde::{Deserialize, Serialize};

/// The highest page number a list is asked for: far past any caseload, low enough that its
/// offset is always a plain number.
pub const LAST_PAGE: u32 = 100_000;

/// A page number or page size that is not a whole number in its range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("\"{value}\" is not a page number from 1 to {max}")]
pub struct PageInvalid {
    pub value: String,
    pub max: u32,
}

/// One page of a list, as asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// From 1.
    pub page: u32,
    pub per_page: u32,
}

impl PageRequest {
    /// Reads a list's `page` (from 1; empty for the first) and `per_page` (at most
    /// `max_per_page`; empty for `max_per_page`).
    pub fn parse(page: &str, per_page: &str, max_per_page: u32) -> Result<PageRequest, PageInvalid> {
        Ok(PageRequest { page: number(page, LAST_PAGE, 1)?, per_page: number(per_page, max_per_page, max_per_page)? })
    }

    /// How many rows come before this page.
    pub fn offset(&self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }
}

fn number(raw: &str, max: u32, default: u32) -> Result<u32, PageInvalid> {
    if raw.is_empty() {
        return Ok(default);
    }
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| PageInvalid { value: shortened(raw), max })
}

/// How many pages `total` rows fill at `per_page` a page: at least one, perhaps empty.
pub fn page_count(total: u64, per_page: u32) -> u32 {
    u32::try_from(total.div_ceil(u64::from(per_page.max(1))).max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_request_is_the_first_full_page() {
        let first = PageRequest::parse("", "", 20).unwrap();
        assert_eq!(first, PageRequest { page: 1, per_page: 20 });
        assert_eq!(first.offset(), 0);
        let third = PageRequest::parse(" 3 ", "5", 20).unwrap();
        assert_eq!((third.page, third.per_page, third.offset()), (3, 5, 10));
        assert_eq!(PageRequest::parse("100000", "", 50).unwrap().offset(), 99_999 * 50);
    }

    #[test]
    fn a_page_out_of_range_or_not_a_number_is_named_with_the_range() {
        for page in ["0", "-1", "x", "1.5", "100001", "99999999999999999999"] {
            assert_eq!(
                PageRequest::parse(page, "", 20).unwrap_err(),
                PageInvalid { value: page.into(), max: LAST_PAGE },
                "{page}"
            );
        }
        assert_eq!(PageRequest::parse("", "21", 20).unwrap_err(), PageInvalid { value: "21".into(), max: 20 });
        assert_eq!(PageRequest::parse("", "0", 20).unwrap_err(), PageInvalid { value: "0".into(), max: 20 });
        let long = "9".repeat(100);
        assert_eq!(PageRequest::parse(&long, "", 20).unwrap_err().value.len(), 40, "the echo is shortened");
    }

    #[test]
    fn pages_are_counted_up_and_an_empty_list_has_one() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(1_000, 20), 50);
        assert_eq!(page_count(5, 0), 5, "a page size of nought is read as one");
    }
}
