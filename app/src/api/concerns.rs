//! Identification: raising a concern, and screening concerns for coordinators.

use crate::domain::ids::ClientId;
use crate::error::AppError;
use crate::model::concerns::{ConcernListQuery, ConcernPage, Decided, RaiseContext};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::concerns, service::state::app_state, service::state::require_user};

/// Where the browser goes after a concern is received (the form with its confirmation).
pub const SENT_PATH: &str = "/concerns/new?sent=1";

/// What the concern form should offer the signed-in person.
#[server(prefix = "/api", endpoint = "concern_form")]
pub async fn concern_form() -> Result<RaiseContext, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        concerns::raise_context(&app_state()?.db, &user).await
    })
    .await
}

/// Raises a concern. Staff describe the person (`name`, `date_of_birth`, `municipality`); a
/// relative chooses `client_id`; a client raises it about themself. Checkboxes arrive as "on".
#[server(prefix = "/api", endpoint = "raise_concern")]
pub async fn raise_concern(
    text: String,
    life_areas: Option<Vec<String>>,
    urgent: Option<String>,
    agrees_to_proceed: Option<String>,
    agrees_to_involve: Option<String>,
    #[server(flatten)] person: crate::domain::concern::RawPerson,
    client_id: Option<ClientId>,
) -> Result<i32, AppError> {
    use crate::domain::concern::{parse_life_areas, ConcernText, PersonDetails};
    use crate::domain::Role;
    use concerns::{About, NewConcern};

    respond::run(async move {
        let user = require_user().await?;
        let about = match (user.role, client_id) {
            (Role::Client, _) => About::Myself,
            (Role::Relative, Some(id)) => About::Client(id),
            (Role::Relative, None) => return Err(crate::domain::AccessDenied::NotYourCase.into()),
            _ => About::Person(PersonDetails::parse(
                &person.name,
                &person.date_of_birth,
                &person.municipality,
                crate::domain::calendar::finnish_date(chrono::Utc::now()),
            )?),
        };
        let new = NewConcern {
            about,
            text: ConcernText::parse(&text)?,
            life_areas: parse_life_areas(&life_areas.unwrap_or_default())?,
            urgent: urgent.is_some(),
            agrees_to_proceed: agrees_to_proceed.is_some(),
            agrees_to_involve: agrees_to_involve.is_some(),
        };
        let state = app_state()?;
        let id = concerns::raise(&state.db, &state.events, &user, new).await?;
        leptos_axum::redirect(SENT_PATH);
        Ok(id)
    })
    .await
}

/// One page of the open concerns for the coordinators to screen, urgent first.
#[server(prefix = "/api", endpoint = "open_concerns")]
pub async fn open_concerns(#[server(flatten)] query: ConcernListQuery) -> Result<ConcernPage, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        let state = app_state()?;
        concerns::open_concerns(&state.db, &state.reads, &user, &query).await
    })
    .await
}

/// How many open concerns are urgent (coordinators only).
#[server(prefix = "/api", endpoint = "urgent_concerns")]
pub async fn urgent_concerns() -> Result<u64, AppError> {
    respond::run(async move {
        let user = require_user().await?;
        concerns::urgent_count(&app_state()?.db, &user).await
    })
    .await
}

/// Records the screening of a concern and the decision: `decision` is "accept" or "decline".
#[server(prefix = "/api", endpoint = "decide_concern")]
pub async fn decide_concern(
    concern_id: i32,
    #[server(flatten)] screening: crate::domain::screening::RawScreening,
    decision: String,
    reason: String,
) -> Result<Decided, AppError> {
    use crate::domain::concern::{parse_choice, parse_count, DecisionReason};
    use crate::domain::screening::Signals;
    use crate::domain::ConcernError;

    respond::run(async move {
        let user = require_user().await?;
        // Authorise before parsing, so that only coordinators learn what the form expects.
        crate::domain::Access::screen(user.role)?;
        let input = concerns::ScreeningInput {
            coping: parse_choice(&screening.coping)?,
            risk: parse_choice(&screening.risk)?,
            signals: Signals {
                services_in_use: parse_count(&screening.services_in_use)?,
                recent_contacts: parse_count(&screening.recent_contacts)?,
                life_areas_with_needs: parse_count(&screening.life_areas_with_needs)?,
            },
        };
        let accept = match decision.as_str() {
            "accept" => true,
            "decline" => false,
            other => return Err(ConcernError::InvalidChoice { value: other.chars().take(40).collect() }.into()),
        };
        let reason = DecisionReason::parse(&reason)?;
        let state = app_state()?;
        let decided = concerns::decide(&state.db, &state.events, &user, concern_id, input, accept, reason).await?;
        // Without JavaScript the page learns the outcome from the address it returns to.
        leptos_axum::redirect(&match decided.case_id {
            Some(case_id) => format!("/concerns?opened={case_id}"),
            None => "/concerns?declined=1".to_string(),
        });
        Ok(decided)
    })
    .await
}
