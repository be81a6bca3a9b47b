//! Live case boards. Every change a board shows is written as a numbered board event in the same
//! transaction as the change itself, so a board that was away catches up from the table and no
//! change is lost; comments on cards are kept as written. Both are append-only. Notifications
//! (assigned, mentioned, overdue) are the one thing a person changes afterwards: they mark them
//! read. An overdue notice is given once per action and due date (unique index; the other kinds
//! leave the due date empty, and empty values never collide).

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
enum BoardEvents {
    Table,
    Id,
    CaseId,
    Card,
    Kind,
    ActorUserId,
    Payload,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CardComments {
    Table,
    Id,
    CaseId,
    Card,
    AuthorUserId,
    Body,
    Sector,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    CaseId,
    Card,
    ActorUserId,
    CommentId,
    DueOn,
    CreatedAt,
    ReadAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(BoardEvents::Table)
                    .col(pk_auto(BoardEvents::Id))
                    .col(integer(BoardEvents::CaseId))
                    .col(string(BoardEvents::Card))
                    .col(string(BoardEvents::Kind))
                    .col(integer(BoardEvents::ActorUserId))
                    .col(text(BoardEvents::Payload))
                    .col(timestamp_with_time_zone(BoardEvents::CreatedAt))
                    .foreign_key(
                        ForeignKey::create().from(BoardEvents::Table, BoardEvents::CaseId).to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(BoardEvents::Table, BoardEvents::ActorUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_board_events_case")
                    .table(BoardEvents::Table)
                    .col(BoardEvents::CaseId)
                    .col(BoardEvents::Id)
                    .to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "board_events").await?;

        manager
            .create_table(
                Table::create()
                    .table(CardComments::Table)
                    .col(pk_auto(CardComments::Id))
                    .col(integer(CardComments::CaseId))
                    .col(string(CardComments::Card))
                    .col(integer(CardComments::AuthorUserId))
                    .col(text(CardComments::Body))
                    .col(string(CardComments::Sector))
                    .col(timestamp_with_time_zone(CardComments::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CardComments::Table, CardComments::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CardComments::Table, CardComments::AuthorUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_card_comments_card")
                    .table(CardComments::Table)
                    .col(CardComments::CaseId)
                    .col(CardComments::Card)
                    .to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "card_comments").await?;

        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(pk_auto(Notifications::Id))
                    .col(integer(Notifications::UserId))
                    .col(string(Notifications::Kind))
                    .col(integer(Notifications::CaseId))
                    .col(string(Notifications::Card))
                    .col(integer_null(Notifications::ActorUserId))
                    .col(integer_null(Notifications::CommentId))
                    .col(date_null(Notifications::DueOn))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .check((
                        "ck_notifications_kind",
                        Expr::cust(
                            "(kind = 'overdue' AND due_on IS NOT NULL) OR (kind = 'mentioned' AND comment_id IS NOT NULL AND due_on IS NULL) \
                             OR (kind = 'assigned' AND due_on IS NULL)",
                        ),
                    ))
                    .foreign_key(ForeignKey::create().from(Notifications::Table, Notifications::UserId).to(Users::Table, Users::Id))
                    .foreign_key(ForeignKey::create().from(Notifications::Table, Notifications::CaseId).to(Cases::Table, Cases::Id))
                    .foreign_key(
                        ForeignKey::create().from(Notifications::Table, Notifications::ActorUserId).to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create().from(Notifications::Table, Notifications::CommentId).to(CardComments::Table, CardComments::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_notifications_overdue")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::Kind)
                    .col(Notifications::Card)
                    .col(Notifications::DueOn)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_notifications_user")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::Id)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Notifications::Table).to_owned()).await?;
        crate::append_only::unprotect(manager, "card_comments").await?;
        manager.drop_table(Table::drop().table(CardComments::Table).to_owned()).await?;
        crate::append_only::unprotect(manager, "board_events").await?;
        manager.drop_table(Table::drop().table(BoardEvents::Table).to_owned()).await?;
        Ok(())
    }
}
