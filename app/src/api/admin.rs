//! Administration: the staff directory. Administrators see no client content.

use crate::error::AppError;
use crate::model::admin::StaffRow;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{api::respond, service::state::app_state, service::state::require_user};

/// Every staff account with its profession, sector and organisation.
#[server(prefix = "/api", endpoint = "staff_directory")]
pub async fn staff_directory() -> Result<Vec<StaffRow>, AppError> {
    use crate::domain::{AccessDenied, Role};
    use crate::store::entities::organisation;
    use crate::store::entities::staff_profile;
    use crate::store::entities::user;
    use sea_orm::{EntityTrait, QueryOrder};
    use std::collections::HashMap;

    respond::run(async move {
        let me = require_user().await?;
        if me.role != Role::Administrator {
            return Err(AppError::forbidden(AccessDenied::AdministratorsOnly));
        }
        let db = &app_state()?.db;
        let orgs: HashMap<i32, String> =
            organisation::Entity::find().all(db).await?.into_iter().map(|o| (o.id, o.name)).collect();
        let profiles: HashMap<crate::domain::UserId, staff_profile::Model> =
            staff_profile::Entity::find().all(db).await?.into_iter().map(|p| (p.user_id, p)).collect();
        let mut rows = Vec::new();
        for account in user::Entity::find().order_by_asc(user::Column::DisplayName).all(db).await? {
            let Some(profile) = profiles.get(&account.id) else { continue };
            rows.push(StaffRow {
                username: account.username,
                name: account.display_name,
                role: account.role,
                profession: profile.profession.clone(),
                sector: profile.sector,
                organisation: orgs.get(&profile.organisation_id).cloned().unwrap_or_default(),
            });
        }
        Ok(rows)
    })
    .await
}
