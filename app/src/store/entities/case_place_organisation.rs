//! The `case_place_organisations` table: each case's place once for every organisation whose staff
//! hold a seat on it now, so that an organisation's map counts read one index. Kept in step with
//! `case_places` and the seats by `store::placement`.

use crate::domain::ids::CaseId;
use crate::domain::process::Step;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_place_organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub case_id: CaseId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: i32,
    pub step: Step,
    pub late_from: Option<Date>,
}

impl ActiveModelBehavior for ActiveModel {}
