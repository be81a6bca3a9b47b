//! Network meetings and what each person said in them. A meeting can be rescheduled; the voices
//! are kept as spoken (append-only). `steps_plan_version` records the plan version the agreed
//! steps went into, so they go in once.

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
    CaseId,
    Title,
    StartsAt,
    Minutes,
    Place,
    VideoLink,
    Participants,
    CreatedByUserId,
    CreatedAt,
    StepsPlanVersion,
    Sector,
}

#[derive(DeriveIden)]
enum MeetingVoices {
    Table,
    Id,
    MeetingId,
    CaseId,
    SpeakerUserId,
    RecordedByUserId,
    Hopes,
    Worries,
    Support,
    Sector,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Meetings::Table)
                    .col(pk_auto(Meetings::Id))
                    .col(integer(Meetings::CaseId))
                    .col(string(Meetings::Title))
                    .col(timestamp_with_time_zone(Meetings::StartsAt))
                    .col(integer(Meetings::Minutes))
                    .col(string_null(Meetings::Place))
                    .col(string_null(Meetings::VideoLink))
                    .col(text(Meetings::Participants))
                    .col(integer(Meetings::CreatedByUserId))
                    .col(timestamp_with_time_zone(Meetings::CreatedAt))
                    .col(integer_null(Meetings::StepsPlanVersion))
                    .col(string(Meetings::Sector))
                    .foreign_key(
                        ForeignKey::create().from(Meetings::Table, Meetings::CaseId).to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Meetings::Table, Meetings::CreatedByUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_meetings_case").table(Meetings::Table).col(Meetings::CaseId).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeetingVoices::Table)
                    .col(pk_auto(MeetingVoices::Id))
                    .col(integer(MeetingVoices::MeetingId))
                    .col(integer(MeetingVoices::CaseId))
                    .col(integer(MeetingVoices::SpeakerUserId))
                    .col(integer(MeetingVoices::RecordedByUserId))
                    .col(text(MeetingVoices::Hopes))
                    .col(text(MeetingVoices::Worries))
                    .col(text(MeetingVoices::Support))
                    .col(string(MeetingVoices::Sector))
                    .col(timestamp_with_time_zone(MeetingVoices::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MeetingVoices::Table, MeetingVoices::MeetingId)
                            .to(Meetings::Table, Meetings::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MeetingVoices::Table, MeetingVoices::CaseId)
                            .to(Cases::Table, Cases::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MeetingVoices::Table, MeetingVoices::SpeakerUserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        crate::append_only::protect(manager, "meeting_voices").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::append_only::unprotect(manager, "meeting_voices").await?;
        manager.drop_table(Table::drop().table(MeetingVoices::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Meetings::Table).to_owned()).await?;
        Ok(())
    }
}
