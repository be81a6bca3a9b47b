//! Finding people by part of a name in the database: every search matches the folded
//! `search_name` a client's and an account's row keeps (`domain::audit_search::search_key`), with
//! `%`, `_` and `\` in the typed text meaning only themselves.

use crate::domain::audit_search::contains_pattern;
use sea_orm::sea_query::{Expr, IntoColumnRef, LikeExpr, SimpleExpr};
use sea_orm::ExprTrait;

/// `search_name` holds `term` anywhere, without regard to case.
pub fn name_holds(search_name: impl IntoColumnRef, term: &str) -> SimpleExpr {
    Expr::col(search_name).like(LikeExpr::new(contains_pattern(term)).escape('\\'))
}
