//! Which cases a read covers. A page of a list names its few cases by id; the process map's
//! organisation and "all" scopes cover tens of thousands, which no statement can list as
//! parameters (SQLite and PostgreSQL both refuse past their limits), so those are given as the
//! query that selects them and every read filters by that query in the database.

use crate::domain::ids::{CaseId, UserId};
use crate::domain::Stage;
use crate::store::entities::{case, case_member, staff_profile};
use sea_orm::sea_query::{Expr, IntoColumnRef, Query, SelectStatement, SimpleExpr};
use sea_orm::{ColumnTrait, EntityTrait, ExprTrait, QueryFilter, QuerySelect, QueryTrait};

#[derive(Debug, Clone)]
pub enum CaseSet {
    /// These cases: a page's worth, written into the statement.
    Listed(Vec<CaseId>),
    /// Every case this statement selects (one column, the case id).
    Selected(Box<SelectStatement>),
    /// Every case there is.
    All,
}

impl CaseSet {
    pub fn of(cases: &[case::Model]) -> CaseSet {
        CaseSet::Listed(cases.iter().map(|c| c.id).collect())
    }

    /// The cases where one of `people` holds a seat now.
    pub fn seated(people: SelectStatement) -> CaseSet {
        CaseSet::Selected(Box::new(
            super::cases::current_seats()
                .filter(case_member::Column::UserId.in_subquery(people))
                .select_only()
                .column(case_member::Column::CaseId)
                .into_query(),
        ))
    }

    /// Those of these cases that are not closed.
    pub fn open(self) -> CaseSet {
        let open =
            case::Entity::find().select_only().column(case::Column::Id).filter(case::Column::Stage.ne(Stage::Closed));
        CaseSet::Selected(Box::new(match self {
            CaseSet::All => open.into_query(),
            set => open.filter(set.contains((case::Entity, case::Column::Id))).into_query(),
        }))
    }

    /// `column` names one of these cases.
    pub fn contains(&self, column: impl IntoColumnRef) -> SimpleExpr {
        match self {
            CaseSet::Listed(ids) => Expr::col(column).is_in(ids.iter().copied()),
            CaseSet::Selected(query) => Expr::col(column).in_subquery(query.as_ref().clone()),
            CaseSet::All => Expr::cust("TRUE"),
        }
    }
}

/// One person, as a query for `CaseSet::seated`.
pub fn person(user: UserId) -> SelectStatement {
    Query::select().expr(Expr::val(user)).to_owned()
}

/// The staff of one organisation, as a query for `CaseSet::seated`.
pub fn staff_of(organisation: i32) -> SelectStatement {
    staff_profile::Entity::find()
        .select_only()
        .column(staff_profile::Column::UserId)
        .filter(staff_profile::Column::OrganisationId.eq(organisation))
        .into_query()
}
