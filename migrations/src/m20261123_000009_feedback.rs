//! Client feedback after network meetings and at closure: a score from 1 to 5 and optional words,
//! from the client or a relative the client lets write. Each person gives it once per meeting and
//! once per closure (unique indexes). Kept as given (append-only).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CaseClosures {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Feedback {
    Table,
    Id,
    CaseId,
    Occasion,
    MeetingId,
    ClosureId,
    Score,
    Text,
    AuthorUserId,
    AuthorKind,
    Sector,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Feedback::Table)
                    .col(pk_auto(Feedback::Id))
                    .col(integer(Feedback::CaseId))
                    .col(string(Feedback::Occasion))
                    .col(integer_null(Feedback::MeetingId))
                    .col(integer_null(Feedback::ClosureId))
                    .col(integer(Feedback::Score))
                    .col(text(Feedback::Text))
                    .col(integer(Feedback::AuthorUserId))
                    .col(string(Feedback::AuthorKind))
                    .col(string(Feedback::Sector))
                    .col(timestamp_with_time_zone(Feedback::CreatedAt))
                    .check(("ck_feedback_score", Expr::cust("score BETWEEN 1 AND 5")))
                    .check((
                        "ck_feedback_occasion",
                        Expr::cust(
                            "(occasion = 'meeting' AND meeting_id IS NOT NULL AND closure_id IS NULL) \
                             OR (occasion = 'closure' AND closure_id IS NOT NULL AND meeting_id IS NULL)",
                        ),
                    ))
                    .foreign_key(
                        ForeignKey::create().from(Feedback::Table, Feedback::CaseId).to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Feedback::Table, Feedback::MeetingId)
                            .to(Meetings::Table, Meetings::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Feedback::Table, Feedback::ClosureId)
                            .to(CaseClosures::Table, CaseClosures::Id),
                    )
                    .foreign_key(
                        ForeignKey::create().from(Feedback::Table, Feedback::AuthorUserId).to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in
            [("ux_feedback_meeting_author", Feedback::MeetingId), ("ux_feedback_closure_author", Feedback::ClosureId)]
        {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Feedback::Table)
                        .col(column)
                        .col(Feedback::AuthorUserId)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create().name("ix_feedback_case").table(Feedback::Table).col(Feedback::CaseId).to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "feedback").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::append_only::unprotect(manager, "feedback").await?;
        manager.drop_table(Table::drop().table(Feedback::Table).to_owned()).await?;
        Ok(())
    }
}
