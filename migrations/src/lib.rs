//! Database migrations for Polku. The same migrations run on SQLite (the embedded default) and on
//! PostgreSQL (production and multi-instance), so every column type here works on both.

pub use sea_orm_migration::prelude::*;

mod append_only;
mod m20261123_000001_foundation;
mod m20261123_000002_identification;
mod m20261123_000003_assessment;
mod m20261123_000004_team;
mod m20261123_000005_closure;
mod m20261123_000006_plan;
mod m20261123_000007_meetings;
mod m20261123_000008_reviews;
mod m20261123_000009_feedback;
mod m20261123_000010_boards;
mod m20261124_000011_sign_in_attempts;
mod m20261124_000012_consent;
mod m20261124_000013_legal_access;
mod m20261201_000014_consent_proxy;
mod m20261202_000015_access_at_every_exit;
mod m20261203_000016_foreign_key_indexes;
mod m20261203_000017_name_search;
mod m20261203_000018_case_places;
mod m20261204_000019_case_members_by_case;
mod m20261204_000020_live_seats_by_person;
mod m20261204_000021_case_places_by_organisation;
mod m20261204_000022_seats_by_person_and_role;
mod m20261204_000023_case_places_due_on;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_foundation::Migration),
            Box::new(m20261123_000002_identification::Migration),
            Box::new(m20261123_000003_assessment::Migration),
            Box::new(m20261123_000004_team::Migration),
            Box::new(m20261123_000005_closure::Migration),
            Box::new(m20261123_000006_plan::Migration),
            Box::new(m20261123_000007_meetings::Migration),
            Box::new(m20261123_000008_reviews::Migration),
            Box::new(m20261123_000009_feedback::Migration),
            Box::new(m20261123_000010_boards::Migration),
            Box::new(m20261124_000011_sign_in_attempts::Migration),
            Box::new(m20261124_000012_consent::Migration),
            Box::new(m20261124_000013_legal_access::Migration),
            Box::new(m20261201_000014_consent_proxy::Migration),
            Box::new(m20261202_000015_access_at_every_exit::Migration),
            Box::new(m20261203_000016_foreign_key_indexes::Migration),
            Box::new(m20261203_000017_name_search::Migration),
            Box::new(m20261203_000018_case_places::Migration),
            Box::new(m20261204_000019_case_members_by_case::Migration),
            Box::new(m20261204_000020_live_seats_by_person::Migration),
            Box::new(m20261204_000021_case_places_by_organisation::Migration),
            Box::new(m20261204_000022_seats_by_person_and_role::Migration),
            Box::new(m20261204_000023_case_places_due_on::Migration),
        ]
    }
}
