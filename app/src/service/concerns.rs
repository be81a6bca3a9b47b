//! Identification: raising concerns and the coordinators' screening decisions. Accepting a
//! concern opens a case in the assessment stage with the least-loaded coordinator pair, in the same
//! transaction as the decision, its history and its audit rows. A client has one open case at a
//! time: a concern about someone whose case is open is not accepted (the database holds the same
//! rule). A professional who raised the concern is proposed to the new team, and the client
//! decides whether they join, as with anyone else.

use crate::domain::concern::{
    check_acceptance, least_loaded_pair, ConcernStatus, ConcernText, DecisionReason, PersonDetails,
};
use crate::domain::ids::{ClientId, UserId};
use crate::domain::paging::PageRequest;
use crate::domain::screening::{propose, Coping, Risk, Signals};
use crate::domain::{Access, AccessDenied, ConcernError, LifeArea, Relationship, Role, Sector, Stage, TeamRole};
use crate::error::AppError;
use crate::events::{self, DomainEvent, Events};
use crate::model::{
    cases::HistoryEvent,
    concerns::{ClientChoice, ConcernListQuery, ConcernPage, ConcernView, Decided, RaiseContext, CONCERNS_PER_PAGE},
};
use crate::store::audit::{self, Action};
use crate::store::case_set::CaseSet;
use crate::store::cases::{add_member, display_names, live_relative_link, live_relative_links, propose_member};
use crate::store::entities::{case, case_member, client, concern, coordinator_pair, relative_link, screening};
use crate::store::placement::record_change;
use crate::store::read_log::ReadLog;
use crate::store::session::CurrentUser;
use crate::store::write_txn;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set, TransactionSession, TransactionTrait,
};
use std::collections::{HashMap, HashSet};

/// Who a concern is about, as the form gave it.
pub enum About {
    /// A professional describing the person; an existing client with the same name and date of
    /// birth is used, otherwise a new client record is made.
    Person(PersonDetails),
    /// A relative choosing one of the clients they are linked to.
    Client(ClientId),
    /// A client raising a concern about themself.
    Myself,
}

pub struct NewConcern {
    pub about: About,
    pub text: ConcernText,
    pub life_areas: Vec<LifeArea>,
    pub urgent: bool,
    pub agrees_to_proceed: bool,
    pub agrees_to_involve: bool,
}

/// The clients a relative may raise a concern about (a live link with writing scope).
async fn writable_clients(db: &impl ConnectionTrait, relative_user_id: UserId) -> Result<Vec<ClientChoice>, AppError> {
    let links = live_relative_links(relative_user_id).filter(relative_link::Column::CanWrite.eq(true)).all(db).await?;
    let ids: Vec<ClientId> = links.iter().map(|l| l.client_id).collect();
    Ok(client::Entity::find()
        .filter(client::Column::Id.is_in(ids))
        .order_by_asc(client::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|c| ClientChoice { id: c.id, name: c.name })
        .collect())
}

pub async fn raise_context(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<RaiseContext, AppError> {
    let clients = match user.role {
        Role::Administrator => return Err(AccessDenied::AdministratorNoClientContent.into()),
        Role::Auditor => return Err(AccessDenied::AuditorSeesLogOnly.into()),
        Role::Relative => writable_clients(db, user.id).await?,
        Role::Client | Role::Professional | Role::Coordinator => Vec::new(),
    };
    Ok(RaiseContext { role: user.role, clients })
}

/// The client a concern is about, checked against who is raising it.
async fn resolve_client(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    about: About,
) -> Result<(ClientId, crate::domain::Basis), AppError> {
    match (user.role, about) {
        (Role::Administrator, _) => Err(AccessDenied::AdministratorNoClientContent.into()),
        (Role::Auditor, _) => Err(AccessDenied::AuditorSeesLogOnly.into()),
        (Role::Client, _) => {
            let own = client::Entity::find().filter(client::Column::UserId.eq(user.id)).one(db).await?;
            let own = own.ok_or(AppError::forbidden(AccessDenied::NotYourCase))?;
            Ok((own.id, Access::raise_concern(user.role, Relationship::OwnClient)?))
        }
        (Role::Relative, About::Client(client_id)) => {
            let link = live_relative_link(db, user.id, client_id).await?;
            let rel = link.map_or(Relationship::Unrelated, |l| Relationship::Relative {
                can_view: l.can_view,
                can_write: l.can_write,
            });
            Ok((client_id, Access::raise_concern(user.role, rel)?))
        }
        (Role::Relative, _) => Err(AccessDenied::NotYourCase.into()),
        (Role::Professional | Role::Coordinator, About::Person(person)) => {
            let basis = Access::raise_concern(user.role, Relationship::Unrelated)?;
            let existing = client::Entity::find()
                .filter(client::Column::Name.eq(person.name.as_str()))
                .filter(client::Column::DateOfBirth.eq(person.date_of_birth))
                .one(db)
                .await?;
            let id = match existing {
                Some(found) => found.id,
                None => {
                    client::ActiveModel {
                        user_id: Set(None),
                        name: Set(person.name),
                        date_of_birth: Set(person.date_of_birth),
                        municipality: Set(person.municipality),
                        address: Set(None),
                        preferred_language: Set("fi".to_string()),
                        non_disclosure: Set(false),
                        highest_care_allowance: Set(false),
                        sector: Set(Sector::Shared),
                        created_at: Set(Utc::now()),
                        ..Default::default()
                    }
                    .insert(db)
                    .await?
                    .id
                }
            };
            Ok((id, basis))
        }
        (Role::Professional | Role::Coordinator, _) => Err(ConcernError::NameEmpty.into()),
    }
}

/// Records a concern; returns its id.
pub async fn raise(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    new: NewConcern,
) -> Result<i32, AppError> {
    let txn = write_txn::begin(db).await?;
    let (client_id, basis) = resolve_client(&txn, user, new.about).await?;
    let row = concern::ActiveModel {
        client_id: Set(client_id),
        raised_by_user_id: Set(user.id),
        raised_as: Set(user.role),
        text: Set(new.text.as_str().to_string()),
        life_areas: Set(new.life_areas.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(",")),
        urgent: Set(new.urgent),
        agrees_to_proceed: Set(new.agrees_to_proceed),
        agrees_to_involve: Set(new.agrees_to_involve),
        status: Set(ConcernStatus::Open),
        sector: Set(Sector::Shared),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, audit::Entry::on_client(user, client_id, "concern", Action::Create, basis)).await?;
    txn.commit().await?;
    events::publish(bus, DomainEvent::ConcernRaised { concern_id: row.id, urgent: new.urgent });
    Ok(row.id)
}

/// How many open concerns are urgent: the flag coordinators see on every page. A count only, so
/// no client data is read.
pub async fn urgent_count(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<u64, AppError> {
    Access::screen(user.role)?;
    Ok(concern::Entity::find()
        .filter(concern::Column::Status.eq(ConcernStatus::Open))
        .filter(concern::Column::Urgent.eq(true))
        .count(db)
        .await?)
}

/// One page of the open concerns for screening, urgent ones first, then oldest first; each
/// concern shown is logged as read, in one statement for the page.
pub async fn open_concerns(
    db: &impl ConnectionTrait,
    reads: &ReadLog,
    user: &CurrentUser,
    query: &ConcernListQuery,
) -> Result<ConcernPage, AppError> {
    let basis = Access::screen(user.role)?;
    let asked = PageRequest::parse(&query.page, "", CONCERNS_PER_PAGE)?;
    let open = concern::Entity::find().filter(concern::Column::Status.eq(ConcernStatus::Open));
    let total = open.clone().count(db).await?;
    let rows = open
        .order_by_desc(concern::Column::Urgent)
        .order_by_asc(concern::Column::CreatedAt)
        .order_by_asc(concern::Column::Id)
        .offset(asked.offset())
        .limit(u64::from(asked.per_page))
        .all(db)
        .await?;
    let clients: HashMap<ClientId, client::Model> = client::Entity::find()
        .filter(client::Column::Id.is_in(rows.iter().map(|r| r.client_id).collect::<HashSet<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let raisers = display_names(db, rows.iter().map(|r| r.raised_by_user_id).collect()).await?;
    let with_open_case: HashSet<ClientId> = case::Entity::find()
        .filter(case::Column::ClientId.is_in(clients.keys().copied().collect::<Vec<_>>()))
        .filter(case::Column::Stage.ne(Stage::Closed))
        .select_only()
        .column(case::Column::ClientId)
        .into_tuple::<ClientId>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    reads
        .record(
            rows.iter()
                .map(|row| audit::Entry::on_client(user, row.client_id, "concern", Action::View, basis))
                .collect(),
        )
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let person = clients.get(&row.client_id).ok_or(AppError::Internal)?;
        out.push(ConcernView {
            id: row.id,
            client_name: person.name.clone(),
            date_of_birth: person.date_of_birth,
            raised_by: raisers.get(&row.raised_by_user_id).cloned().unwrap_or_default(),
            raised_as: row.raised_as,
            life_areas: row.life_areas.split(',').filter(|a| !a.is_empty()).filter_map(|a| a.parse().ok()).collect(),
            text: row.text,
            urgent: row.urgent,
            agrees_to_proceed: row.agrees_to_proceed,
            agrees_to_involve: row.agrees_to_involve,
            created_at: row.created_at,
            has_open_case: with_open_case.contains(&row.client_id),
        });
    }
    Ok(ConcernPage { concerns: out, page: asked.page, per_page: asked.per_page, total })
}

/// The screening a coordinator fills in.
pub struct ScreeningInput {
    pub coping: Coping,
    pub risk: Risk,
    pub signals: Signals,
}

/// Whether the client has a case that is not closed.
async fn has_open_case(db: &impl ConnectionTrait, client_id: ClientId) -> Result<bool, AppError> {
    Ok(case::Entity::find()
        .filter(case::Column::ClientId.eq(client_id))
        .filter(case::Column::Stage.ne(Stage::Closed))
        .count(db)
        .await?
        > 0)
}

/// The pair with the fewest cases that are not closed.
async fn propose_pair(db: &impl ConnectionTrait) -> Result<coordinator_pair::Model, AppError> {
    let pairs = coordinator_pair::Entity::find().order_by_asc(coordinator_pair::Column::Id).all(db).await?;
    // Each social coordinator's open cases, counted in one grouped query.
    let open = CaseSet::All.open();
    let load: HashMap<UserId, i64> = crate::store::cases::current_seats()
        .filter(case_member::Column::TeamRole.eq(TeamRole::SocialCoordinator))
        .filter(open.contains((case_member::Entity, case_member::Column::CaseId)))
        .select_only()
        .column(case_member::Column::UserId)
        .column_as(case_member::Column::Id.count(), "load")
        .group_by(case_member::Column::UserId)
        .into_tuple::<(UserId, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let loads: Vec<(i32, usize)> = pairs
        .iter()
        .map(|pair| (pair.id, load.get(&pair.social_user_id).map_or(0, |n| usize::try_from(*n).unwrap_or(usize::MAX))))
        .collect();
    let chosen = least_loaded_pair(&loads).ok_or_else(|| {
        tracing::error!("no coordinator pairs configured");
        AppError::Internal
    })?;
    pairs.into_iter().find(|p| p.id == chosen).ok_or(AppError::Internal)
}

/// Records the screening and the coordinator's decision; accepting opens a case.
pub async fn decide(
    db: &(impl ConnectionTrait + TransactionTrait),
    bus: &Events,
    user: &CurrentUser,
    concern_id: i32,
    input: ScreeningInput,
    accept: bool,
    reason: DecisionReason,
) -> Result<Decided, AppError> {
    let basis = Access::screen(user.role)?;
    let txn = write_txn::begin(db).await?;
    let found = concern::Entity::find_by_id(concern_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    // Decided first, and only if still open: of two coordinators deciding at once, the one whose
    // update finds the concern open goes on, and the other waits for it and is told (409).
    let decided = concern::Entity::update_many()
        .col_expr(concern::Column::Status, Expr::value(ConcernStatus::decided(accept)))
        .filter(concern::Column::Id.eq(concern_id))
        .filter(concern::Column::Status.eq(ConcernStatus::Open))
        .exec(&txn)
        .await?;
    if decided.rows_affected != 1 {
        return Err(ConcernError::AlreadyDecided.into());
    }
    let proposal = propose(input.coping, input.risk, input.signals);
    let now = Utc::now();

    let mut coordinators = Vec::new();
    let case_id = if accept {
        check_acceptance(found.agrees_to_proceed)?;
        if has_open_case(&txn, found.client_id).await? {
            return Err(ConcernError::ClientHasOpenCase.into());
        }
        let pair = propose_pair(&txn).await?;
        let opened = case::ActiveModel {
            client_id: Set(found.client_id),
            stage: Set(Stage::Assessment),
            sector: Set(Sector::Shared),
            opened_at: Set(now),
            updated_at: Set(now),
            closed_at: Set(None),
            first_contact_at: Set(Some(found.created_at)),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        // Another coordinator opened a case for the same client a moment ago.
        let opened = crate::store::unless_duplicate(opened, ConcernError::ClientHasOpenCase)?;
        record_change(&txn, opened.id, Some(user.id), &HistoryEvent::CaseOpened, now).await?;
        let seats =
            [(pair.social_user_id, TeamRole::SocialCoordinator), (pair.health_user_id, TeamRole::HealthCoordinator)];
        let raised_by_staff = found.raised_as.is_staff();
        let raiser = (raised_by_staff && !seats.iter().any(|(id, _)| *id == found.raised_by_user_id))
            .then_some(found.raised_by_user_id);
        let names = display_names(&txn, seats.iter().map(|(id, _)| *id).chain(raiser).collect()).await?;
        coordinators =
            [pair.social_user_id, pair.health_user_id].iter().filter_map(|id| names.get(id).cloned()).collect();
        for (member_id, team_role) in seats {
            add_member(&txn, opened.id, member_id, team_role, now).await?;
            let name = names.get(&member_id).cloned().unwrap_or_default();
            record_change(&txn, opened.id, Some(user.id), &HistoryEvent::MemberJoined { name, team_role }, now).await?;
        }
        if let Some(raiser) = raiser {
            propose_member(&txn, opened.id, raiser, TeamRole::Member, user.id, now).await?;
            let name = names.get(&raiser).cloned().unwrap_or_default();
            record_change(
                &txn,
                opened.id,
                Some(user.id),
                &HistoryEvent::MemberProposed { name, team_role: TeamRole::Member },
                now,
            )
            .await?;
        }
        Some(opened.id)
    } else {
        None
    };

    screening::ActiveModel {
        concern_id: Set(concern_id),
        coordinator_user_id: Set(user.id),
        coping: Set(input.coping.as_str().to_string()),
        risk: Set(input.risk.as_str().to_string()),
        services_in_use: Set(input.signals.services_in_use as i32),
        recent_contacts: Set(input.signals.recent_contacts as i32),
        life_areas_with_needs: Set(input.signals.life_areas_with_needs as i32),
        proposed_target_group: Set(proposal.target_group),
        accepted: Set(accept),
        reason: Set(reason.as_str().to_string()),
        case_id: Set(case_id),
        sector: Set(Sector::Shared),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        audit::Entry::on_client(user, found.client_id, "screening", Action::Create, basis).in_case(case_id),
    )
    .await?;
    let board = match case_id {
        Some(case_id) => Some(
            crate::store::board_events::record_case(&txn, user, case_id, crate::model::board::BoardChange::Added)
                .await?,
        ),
        None => None,
    };
    txn.commit().await?;

    events::publish(bus, DomainEvent::ConcernDecided { concern_id, accepted: accept });
    if let Some(case_id) = case_id {
        events::publish(bus, DomainEvent::CaseOpened { case_id, stage: Stage::Assessment, actor_user_id: user.id });
    }
    events::publish_all(bus, board);
    Ok(Decided { accepted: accept, case_id, coordinators })
}
