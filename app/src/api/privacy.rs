//! Records, consent and the client's access log: the professionals' register entries of a case,
//! and the client's own page where they give, narrow and withdraw consent and see who has
//! accessed their information.

use crate::domain::ids::CaseId;
use crate::error::AppError;
use crate::model::privacy::{PrivacyPage, RecordsPage};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    api::respond, service::consents, service::records, service::state::app_state, service::state::require_user,
};

/// Where a case's record entries are read and written.
pub fn records_path(case_id: CaseId) -> String {
    format!("/cases/{case_id}/records")
}

/// The client's own page about their information.
pub const PRIVACY_PATH: &str = "/pathway/privacy";

/// The record entries of a case that the reader may read now.
#[server(prefix = "/api", endpoint = "records")]
pub async fn get_records(case_id: CaseId) -> Result<RecordsPage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        records::load(&state.db, &state.reads, &user, case_id).await
    })
    .await
}

/// Writes an entry into the writer's own register. `hide` is a checkbox ("on"); hiding needs
/// `reason`.
#[server(prefix = "/api", endpoint = "write_record")]
pub async fn write_record(
    case_id: CaseId,
    text: String,
    hide: Option<String>,
    reason: Option<String>,
) -> Result<i32, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let id = records::write(
            &state.db,
            &state.events,
            &user,
            case_id,
            &text,
            hide.is_some(),
            reason.as_deref().unwrap_or_default(),
        )
        .await?;
        leptos_axum::redirect(&format!("{}?written={id}", records_path(case_id)));
        Ok(id)
    })
    .await
}

/// Records a legal basis (`urgent_care`, `child_welfare`, `social_welfare_duty`) with the reason,
/// to read the other `register` of the case for a day.
#[server(prefix = "/api", endpoint = "open_by_law")]
pub async fn open_by_law(case_id: CaseId, register: String, basis: String, reason: String) -> Result<i32, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let id = records::open_by_law(&state.db, &state.events, &user, case_id, &register, &basis, &reason).await?;
        leptos_axum::redirect(&format!("{}?opened={register}", records_path(case_id)));
        Ok(id)
    })
    .await
}

/// A professional on the client's team records a consent given to them: `given_by` (`client`,
/// `legal_proxy`), the representative's `proxy_name` when one gave it, `method` (`oral`,
/// `written`), then the terms as in `give_consent`.
#[server(prefix = "/api", endpoint = "record_consent")]
pub async fn record_consent(
    case_id: CaseId,
    #[server(flatten)] through: crate::domain::consent::RawGivenThrough,
    parties: Option<Vec<String>>,
    registers: Option<Vec<String>>,
    purpose: String,
    valid_until: String,
) -> Result<i32, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let raw = consents::RawTerms::from_form(parties, registers, purpose, valid_until);
        let id = consents::record_given(&state.db, &state.events, &user, case_id, through, raw).await?;
        leptos_axum::redirect(&format!("{}?consent_recorded={id}#consent-{id}", records_path(case_id)));
        Ok(id)
    })
    .await
}

/// A professional on the client's team records that the client or their representative
/// withdrew a consent; it opens nothing from now on.
#[server(prefix = "/api", endpoint = "record_withdrawal")]
pub async fn record_withdrawal(case_id: CaseId, consent_id: i32) -> Result<(), AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        consents::record_withdrawal(&state.db, &state.events, &user, case_id, consent_id).await?;
        leptos_axum::redirect(&format!(
            "{}?consent_withdrawn={consent_id}#consent-{consent_id}",
            records_path(case_id)
        ));
        Ok(())
    })
    .await
}

/// The signed-in client's consents and a page of their access log: `log_basis` a kind of basis
/// (`legal`, `consent`, `team`…) or empty for all, `log_before` where the page starts (the `next`
/// of the page before) or empty for the newest.
#[server(prefix = "/api", endpoint = "privacy")]
pub async fn get_privacy(
    #[server(default)] log_basis: String,
    #[server(default)] log_before: String,
) -> Result<PrivacyPage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        consents::privacy(&state.db, &state.reads, &user, &log_basis, &log_before).await
    })
    .await
}

/// The client gives a consent from today: `parties[]` (`org:<id>`, `seat:<role>`),
/// `registers[]` (`social`, `health`), the purpose and the last day (YYYY-MM-DD).
#[server(prefix = "/api", endpoint = "give_consent")]
pub async fn give_consent(
    parties: Option<Vec<String>>,
    registers: Option<Vec<String>>,
    purpose: String,
    valid_until: String,
) -> Result<i32, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let raw = consents::RawTerms::from_form(parties, registers, purpose, valid_until);
        let id = consents::give(&state.db, &state.events, &user, raw).await?;
        leptos_axum::redirect(&format!("{PRIVACY_PATH}?given={id}#consent-{id}"));
        Ok(id)
    })
    .await
}

/// The client narrows a consent to fewer parties or registers, or an earlier last day.
#[server(prefix = "/api", endpoint = "narrow_consent")]
pub async fn narrow_consent(
    consent_id: i32,
    parties: Option<Vec<String>>,
    registers: Option<Vec<String>>,
    valid_until: String,
) -> Result<(), AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        let raw = consents::RawTerms::from_form(parties, registers, String::new(), valid_until);
        consents::narrow(&state.db, &state.events, &user, consent_id, raw).await?;
        leptos_axum::redirect(&format!("{PRIVACY_PATH}?narrowed={consent_id}#consent-{consent_id}"));
        Ok(())
    })
    .await
}

/// The client sets what a close one may do: `can_view` and `can_write` are checkboxes ("on"),
/// `valid_until` a last day (YYYY-MM-DD) or empty for until further notice.
#[server(prefix = "/api", endpoint = "set_relative_scope")]
pub async fn set_relative_scope(
    link_id: i32,
    can_view: Option<String>,
    can_write: Option<String>,
    #[server(default)] valid_until: String,
) -> Result<(), AppError> {
    respond::run(async move {
        let user = require_user().await?;
        consents::set_relative_scope(
            &app_state()?.db,
            &user,
            link_id,
            can_view.is_some(),
            can_write.is_some(),
            &valid_until,
        )
        .await?;
        leptos_axum::redirect(&format!("{PRIVACY_PATH}?scoped={link_id}#relative-{link_id}"));
        Ok(())
    })
    .await
}

/// The client ends a close one's part in their pathway.
#[server(prefix = "/api", endpoint = "revoke_relative")]
pub async fn revoke_relative(link_id: i32) -> Result<(), AppError> {
    respond::run(async move {
        let user = require_user().await?;
        consents::revoke_relative(&app_state()?.db, &user, link_id).await?;
        leptos_axum::redirect(&format!("{PRIVACY_PATH}?revoked={link_id}#relative-{link_id}"));
        Ok(())
    })
    .await
}

/// The client withdraws a consent; it opens nothing from now on.
#[server(prefix = "/api", endpoint = "withdraw_consent")]
pub async fn withdraw_consent(consent_id: i32) -> Result<(), AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        consents::withdraw(&state.db, &state.events, &user, consent_id).await?;
        leptos_axum::redirect(&format!("{PRIVACY_PATH}?withdrawn={consent_id}#consent-{consent_id}"));
        Ok(())
    })
    .await
}
