//! An index for every foreign key that had none. Following a key (a case's reviews and closures, a
//! meeting's voices, what one person wrote or decided) scanned the whole table, which at a wellbeing
//! area's size (a year of plans, reviews and board events) is the difference between a page in
//! milliseconds and one in seconds; the schema test in the server's integration suite keeps every
//! new key indexed.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(table, column)`: each gets `ix_<table>_<column>`.
const KEYS: [(&str, &str); 29] = [
    ("assessment_views", "author_user_id"),
    ("assessments", "started_by_user_id"),
    ("board_events", "actor_user_id"),
    ("card_comments", "author_user_id"),
    ("case_closures", "case_id"),
    ("case_closures", "closed_by_user_id"),
    ("concerns", "client_id"),
    ("concerns", "raised_by_user_id"),
    ("consent_events", "actor_user_id"),
    ("consents", "recorded_by_user_id"),
    ("coordinator_pairs", "health_user_id"),
    ("coordinator_pairs", "social_user_id"),
    ("feedback", "author_user_id"),
    ("legal_accesses", "user_id"),
    ("meeting_voices", "case_id"),
    ("meeting_voices", "meeting_id"),
    ("meeting_voices", "speaker_user_id"),
    ("meetings", "created_by_user_id"),
    ("notifications", "actor_user_id"),
    ("notifications", "comment_id"),
    ("notifications", "legal_access_id"),
    ("plan_reviews", "case_id"),
    ("plan_reviews", "reviewed_by_user_id"),
    ("plan_versions", "created_by_user_id"),
    ("record_entries", "author_user_id"),
    ("relative_links", "client_id"),
    ("screenings", "case_id"),
    ("screenings", "coordinator_user_id"),
    ("staff_profiles", "organisation_id"),
];

fn name(table: &str, column: &str) -> String {
    format!("ix_{table}_{column}")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in KEYS {
            manager
                .create_index(
                    Index::create()
                        .name(name(table, column))
                        .table(Alias::new(table))
                        .col(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in KEYS {
            manager.drop_index(Index::drop().name(name(table, column)).table(Alias::new(table)).to_owned()).await?;
        }
        Ok(())
    }
}
