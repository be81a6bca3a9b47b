//! The `case_places` table: each case's step on the process map and the first day it is late,
//! kept in step with the facts they follow from by `store::placement` (one row per case).

use crate::domain::ids::CaseId;
use crate::domain::process::Step;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_places")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub case_id: CaseId,
    pub step: Step,
    /// `domain::process::late_from`: the case is late from this day on.
    pub late_from: Option<Date>,
    /// `domain::process::card_due`: the date the case's card shows.
    pub due_on: Option<Date>,
}

impl ActiveModelBehavior for ActiveModel {}
