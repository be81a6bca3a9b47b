//! A wellbeing area's worth of fictional data, for measuring Polku at the size it is meant for
//! (`make bench-scale`). On top of the demo data, so the demo accounts sign in and find
//! themselves inside it: the demo pairs coordinate their share of the area's cases, Sanna owns
//! actions on hundreds of plans and Eino has been looked at two thousand times.
//!
//! Deterministic: the same size gives the same rows in the same order (a fixed-seed generator;
//! dates are counted back from the day it runs). Written through the real schema in multi-row
//! statements of at most `PARAMETERS` bound values, a transaction per table, with explicit ids
//! for the rows others point to (users, clients, cases, pairs), so it takes minutes, not hours.

use app::domain::assessment::AssessmentContent;
use app::domain::audit_search::search_key;
use app::domain::board::{CardRef, Column, NotificationKind};
use app::domain::concern::ConcernStatus;
use app::domain::ids::{CaseId, ClientId, UserId};
use app::domain::plan::{Goal, PlanAction, PlanContent, PlanRole, TaskStatus};
use app::domain::process::{current_step, StepFacts};
use app::domain::review::{GoalReview, GoalScore, ReviewContent};
use app::domain::team::SeatStatus;
use app::domain::{Basis, Role, Sector, Stage, TeamRole};
use app::model::board::{BoardCard, BoardChange, BoardEventBody};
use app::model::cases::HistoryEvent;
use app::store::audit::Action;
use app::store::entities::{
    assessment, audit_entry, board_event, case, case_closure, case_event, case_member, client, concern,
    coordinator_pair, meeting, notification, organisation, plan_review, plan_version, relative_link, staff_profile,
    user,
};
use app::store::write_txn;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityName, EntityTrait, Iterable,
    QueryFilter, QuerySelect, Set, TransactionSession, TransactionTrait,
};

/// Bound values per statement: inside SQLite's limit (32,766) and PostgreSQL's (65,535).
const PARAMETERS: usize = 30_000;

/// How much to generate. `Size::area(1.0)` is the wellbeing area of issue 21: 100,000 clients,
/// about 119,000 cases of which 12,000 open, 2,400 staff in 200 coordinator pairs.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub clients: usize,
    pub pairs: usize,
    pub professionals: usize,
    pub relatives: usize,
    pub open_concerns: usize,
    /// Audit rows about the demo client Eino Mäntylä, beside those of his case's own reads.
    pub eino_audit_rows: usize,
}

impl Size {
    /// The area at `factor` of its full size (at least a handful of everything).
    pub fn area(factor: f64) -> Size {
        let of = |n: f64, least: usize| ((n * factor).round() as usize).max(least);
        Size {
            clients: of(100_000.0, 10),
            pairs: of(200.0, 1),
            professionals: of(2_000.0, 4),
            relatives: of(3_900.0, 2),
            open_concerns: of(1_000.0, 1),
            eino_audit_rows: of(2_000.0, 10),
        }
    }
}

/// How many rows of each kind were written.
#[derive(Debug, Default, Clone)]
pub struct Written {
    pub rows: Vec<(&'static str, usize)>,
}

impl Written {
    fn add(&mut self, table: &'static str, n: usize) {
        match self.rows.iter_mut().find(|(t, _)| *t == table) {
            Some((_, total)) => *total += n,
            None => self.rows.push((table, n)),
        }
    }

    pub fn get(&self, table: &str) -> usize {
        self.rows.iter().find(|(t, _)| *t == table).map_or(0, |(_, n)| *n)
    }
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (table, n) in &self.rows {
            writeln!(f, "  {table:<16} {n:>10}")?;
        }
        Ok(())
    }
}

/// SplitMix64: small, fast and the same everywhere, which is all fictional data needs.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn days(&mut self, from: i64, to: i64) -> i64 {
        from + self.below((to - from).max(1) as usize) as i64
    }
}

const FIRST: &[&str] = &[
    "Aila", "Anneli", "Antti", "Arja", "Eero", "Elina", "Emma", "Erkki", "Hanna", "Harri", "Helena", "Ilkka", "Irma",
    "Jaana", "Janne", "Johanna", "Jouni", "Juha", "Kaarina", "Kari", "Katja", "Lasse", "Leena", "Marja", "Markku",
    "Matti", "Minna", "Niina", "Oskari", "Outi", "Pasi", "Petra", "Raija", "Reijo", "Riikka", "Sami", "Seppo", "Tarja",
    "Tuomas", "Ulla", "Vesa", "Viljo", "Åsa", "Björn",
];
const LAST: &[&str] = &[
    "Aho",
    "Alanen",
    "Eskola",
    "Haapala",
    "Hakala",
    "Hiltunen",
    "Huttunen",
    "Ikonen",
    "Jokela",
    "Kallio",
    "Karppinen",
    "Kettunen",
    "Kivelä",
    "Laaksonen",
    "Lehtonen",
    "Leinonen",
    "Lindqvist",
    "Manninen",
    "Mattila",
    "Miettinen",
    "Nurmi",
    "Ojala",
    "Pelkonen",
    "Pesonen",
    "Pitkänen",
    "Rautio",
    "Räsänen",
    "Saarinen",
    "Salmi",
    "Sirola",
    "Toivonen",
    "Tuominen",
    "Turunen",
    "Vainio",
    "Väisänen",
    "Wikström",
];
const MUNICIPALITIES: &[&str] = &["Järvelä", "Koivuranta", "Haapamäki", "Sälevä", "Kuusikko", "Lahdenpohja"];
const PROFESSIONS: &[(&str, Sector)] = &[
    ("sosiaaliohjaaja", Sector::Social),
    ("sosiaalityöntekijä", Sector::Social),
    ("perhetyöntekijä", Sector::Social),
    ("sairaanhoitaja", Sector::Health),
    ("yleislääkäri", Sector::Health),
    ("fysioterapeutti", Sector::Health),
    ("psykiatrinen sairaanhoitaja", Sector::Health),
    ("vertaistyöntekijä", Sector::Other),
    ("koulukuraattori", Sector::Other),
    ("työvalmentaja", Sector::Other),
];
const GOALS: &[&str] = &[
    "Haluan pärjätä kotona omin voimin.",
    "Haluan saada töitä tai opiskelupaikan.",
    "Haluan nukkua paremmin ja jaksaa päivät.",
    "Haluan, että raha-asiat ovat järjestyksessä.",
    "Jag vill klara mig hemma.",
];
const ACTIONS: &[&str] = &[
    "Kotikäynti ja toimintakyvyn arvio",
    "Toimeentulotuen hakemus yhdessä",
    "Lääkityksen tarkistus",
    "Työkokeilun järjestäminen",
    "Vertaistukiryhmään tutustuminen",
    "Apuvälineiden hankinta",
];

/// The highest id a table holds now (0 when it is empty).
async fn max_id<E: EntityTrait>(db: &impl ConnectionTrait, id: E::Column) -> Result<i32, DbErr> {
    let max: Option<Option<i32>> =
        E::find().select_only().expr(Func::max(Expr::col(id))).into_tuple::<Option<i32>>().one(db).await?;
    Ok(max.flatten().unwrap_or(0))
}

/// Writes `rows` in statements of at most `PARAMETERS` bound values (as many rows as the table's
/// columns allow), in one transaction, and counts them under the table's name.
async fn insert_all<A>(
    db: &(impl ConnectionTrait + TransactionTrait),
    written: &mut Written,
    rows: Vec<A>,
) -> Result<(), DbErr>
where
    A: ActiveModelTrait + Send,
{
    let n = rows.len();
    let table = A::Entity::default().table_name();
    let per_statement = (PARAMETERS / <A::Entity as EntityTrait>::Column::iter().count()).max(1);
    let txn = write_txn::begin(db).await?;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per_statement).collect();
        A::Entity::insert_many(chunk).exec_without_returning(&txn).await?;
    }
    txn.commit().await?;
    written.add(table, n);
    Ok(())
}

/// Puts PostgreSQL's id sequences past the ids written explicitly (SQLite's follow by themselves).
async fn advance_sequences(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    let tables = [
        user::Entity.table_name(),
        client::Entity.table_name(),
        case::Entity.table_name(),
        coordinator_pair::Entity.table_name(),
    ];
    for table in tables {
        db.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
        ))
        .await?;
    }
    Ok(())
}

/// A member of staff, as the generator hands out seats and actions.
#[derive(Clone, Copy)]
struct Person {
    id: UserId,
    role: Role,
    organisation: Option<i32>,
}

/// One generated case, as its children need it.
struct Made {
    id: CaseId,
    client: ClientId,
    client_name: String,
    stage: Stage,
    opened: DateTime<Utc>,
    closed: Option<DateTime<Utc>>,
    pair: i32,
    seats: Vec<(Person, TeamRole)>,
    reached_collaboration: bool,
}

fn name(dice: &mut Dice) -> String {
    format!("{} {}", dice.pick(FIRST), dice.pick(LAST))
}

fn username(name: &str, id: UserId) -> String {
    let plain: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ä' | 'å' => 'a',
            'ö' => 'o',
            ' ' => '.',
            c => c,
        })
        .collect();
    format!("{plain}.{id}")
}

fn json(value: &impl serde::Serialize) -> Result<String, DbErr> {
    serde_json::to_string(value).map_err(|e| DbErr::Custom(e.to_string()))
}

/// Adds `size` of fictional area to a database that holds the demo data (and nothing else
/// generated). Returns how many rows of each kind it wrote.
pub async fn generate(
    db: &(impl ConnectionTrait + TransactionTrait),
    size: Size,
    now: DateTime<Utc>,
) -> Result<Written, DbErr> {
    let mut dice = Dice(0x5EED_2026);
    let mut written = Written::default();
    let today = now.date_naive();
    let demo = |username: &'static str| async move {
        user::Entity::find()
            .filter(user::Column::Username.eq(username))
            .one(db)
            .await?
            .ok_or_else(|| DbErr::Custom(format!("the demo data has no {username}: seed it first")))
    };
    let password_hash = demo("sanna.virtanen").await?.password_hash;
    let eino_user = demo("eino.mantyla").await?;
    let liisa = demo("liisa.makinen").await?;
    let orgs = organisation::Entity::find().all(db).await?;
    let org_of = |sector: Sector, n: usize| -> Option<i32> {
        let of: Vec<i32> = orgs.iter().filter(|o| o.sector == sector).map(|o| o.id).collect();
        (!of.is_empty()).then(|| of[n % of.len()])
    };

    // Staff: the coordinator pairs, then professionals of every sector.
    let mut next_user = max_id::<user::Entity>(db, user::Column::Id).await? + 1;
    let mut users = Vec::new();
    let mut profiles = Vec::new();
    let mut new_user = |dice: &mut Dice, role: Role| {
        let name = name(dice);
        let id = UserId(next_user);
        next_user += 1;
        let username = username(&name, id);
        users.push(user::ActiveModel {
            id: Set(id),
            search_name: Set(search_key(&format!("{username}\n{name}"))),
            username: Set(username),
            password_hash: Set(password_hash.clone()),
            display_name: Set(name),
            role: Set(role),
            preferred_language: Set("fi".into()),
            created_at: Set(now - Duration::days(800)),
        });
        id
    };
    let profile = |id: UserId, profession: &str, sector: Sector, organisation: i32| staff_profile::ActiveModel {
        user_id: Set(id),
        profession: Set(profession.to_string()),
        sector: Set(sector),
        organisation_id: Set(organisation),
        phone: Set(Some(format!("+358 40 {:03} {:04}", id.0 % 1000, id.0 % 10_000))),
        email: Set(Some(format!("kayttaja{}@jarvela.example", id.0))),
        contact_hours: Set(Some("ma–pe 8–16".into())),
    };
    let demo_pairs = coordinator_pair::Entity::find().all(db).await?;
    let staff_of = |id: UserId, role: Role, organisation: Option<i32>| Person { id, role, organisation };
    let mut coordinator_org = std::collections::HashMap::new();
    for p in staff_profile::Entity::find().all(db).await? {
        coordinator_org.insert(p.user_id, p.organisation_id);
    }
    let mut pairs: Vec<(i32, Person, Person)> = demo_pairs
        .iter()
        .map(|p| {
            (
                p.id,
                staff_of(p.social_user_id, Role::Coordinator, coordinator_org.get(&p.social_user_id).copied()),
                staff_of(p.health_user_id, Role::Coordinator, coordinator_org.get(&p.health_user_id).copied()),
            )
        })
        .collect();
    let mut next_pair = max_id::<coordinator_pair::Entity>(db, coordinator_pair::Column::Id).await? + 1;
    let mut pair_rows = Vec::new();
    for n in 0..size.pairs {
        let social_org = org_of(Sector::Social, n).ok_or_else(|| DbErr::Custom("no social organisation".into()))?;
        let health_org = org_of(Sector::Health, n).ok_or_else(|| DbErr::Custom("no health organisation".into()))?;
        let social = new_user(&mut dice, Role::Coordinator);
        profiles.push(profile(social, "sosiaalityöntekijä", Sector::Social, social_org));
        let health = new_user(&mut dice, Role::Coordinator);
        profiles.push(profile(health, "sairaanhoitaja", Sector::Health, health_org));
        pair_rows.push(coordinator_pair::ActiveModel {
            id: Set(next_pair),
            name: Set(format!("Pari {next_pair}")),
            social_user_id: Set(social),
            health_user_id: Set(health),
        });
        pairs.push((
            next_pair,
            staff_of(social, Role::Coordinator, Some(social_org)),
            staff_of(health, Role::Coordinator, Some(health_org)),
        ));
        next_pair += 1;
    }
    let mut professionals = Vec::with_capacity(size.professionals);
    for n in 0..size.professionals {
        let (profession, sector) = *dice.pick(PROFESSIONS);
        let organisation = org_of(sector, n).ok_or_else(|| DbErr::Custom("an organisation per sector".into()))?;
        let id = new_user(&mut dice, Role::Professional);
        profiles.push(profile(id, profession, sector, organisation));
        professionals.push(staff_of(id, Role::Professional, Some(organisation)));
    }

    // Clients (three in ten with an account of their own) and their relatives.
    let mut next_client = max_id::<client::Entity>(db, client::Column::Id).await? + 1;
    let mut clients = Vec::with_capacity(size.clients);
    let mut people = Vec::with_capacity(size.clients);
    for _ in 0..size.clients {
        let name = name(&mut dice);
        let account = dice.chance(0.3).then(|| new_user(&mut dice, Role::Client));
        let id = ClientId(next_client);
        next_client += 1;
        let language = match dice.below(100) {
            0..=89 => "fi",
            90..=95 => "sv",
            _ => "en",
        };
        clients.push(client::ActiveModel {
            id: Set(id),
            user_id: Set(account),
            search_name: Set(search_key(&name)),
            name: Set(name.clone()),
            date_of_birth: Set(NaiveDate::from_ymd_opt(
                1930 + dice.below(78) as i32,
                1 + dice.below(12) as u32,
                1 + dice.below(28) as u32,
            )
            .unwrap_or_default()),
            municipality: Set(dice.pick(MUNICIPALITIES).to_string()),
            address: Set(None),
            preferred_language: Set(language.into()),
            non_disclosure: Set(dice.chance(0.01)),
            highest_care_allowance: Set(false),
            sector: Set(Sector::Shared),
            created_at: Set(now - Duration::days(dice.days(30, 1500))),
        });
        people.push((id, name));
    }
    let mut links = Vec::with_capacity(size.relatives);
    let mut relative_of = std::collections::HashMap::new();
    for n in 0..size.relatives {
        let id = new_user(&mut dice, Role::Relative);
        let (client_id, _) = people[(n * 25 + 7) % people.len()];
        relative_of.insert(client_id, id);
        links.push(relative_link::ActiveModel {
            relative_user_id: Set(id),
            client_id: Set(client_id),
            relationship: Set("omainen".into()),
            can_view: Set(true),
            can_write: Set(dice.chance(0.5)),
            granted_at: Set(now - Duration::days(dice.days(1, 400))),
            valid_until: Set(None),
            revoked_at: Set(None),
            sector: Set(Sector::Shared),
            ..Default::default()
        });
    }
    insert_all(db, &mut written, users).await?;
    insert_all(db, &mut written, profiles).await?;
    insert_all(db, &mut written, pair_rows).await?;
    insert_all(db, &mut written, clients).await?;
    insert_all(db, &mut written, links).await?;

    // Cases: one per client, and for one client in five an earlier, closed one; about one in
    // eight current cases open. Pairs take the cases in turn, the demo pairs among them.
    let mut next_case = max_id::<case::Entity>(db, case::Column::Id).await? + 1;
    let mut made = Vec::with_capacity(size.clients * 6 / 5);
    let mut turn = 0usize;
    for (client_id, client_name) in &people {
        let earlier = dice.chance(0.192);
        for current in [false, true] {
            if !current && !earlier {
                continue;
            }
            let open = current && dice.chance(0.119);
            let stage = if open {
                match dice.below(100) {
                    0..=9 => Stage::Identification,
                    10..=34 => Stage::Assessment,
                    35..=79 => Stage::Collaboration,
                    _ => Stage::FollowUp,
                }
            } else {
                Stage::Closed
            };
            let opened = match stage {
                Stage::Identification | Stage::Assessment => now - Duration::days(dice.days(1, 60)),
                Stage::Collaboration | Stage::FollowUp => now - Duration::days(dice.days(60, 400)),
                _ if current => now - Duration::days(dice.days(100, 900)),
                _ => now - Duration::days(dice.days(900, 1500)),
            };
            let closed = (stage == Stage::Closed).then(|| opened + Duration::days(dice.days(30, 90)));
            let reached_collaboration = match stage {
                Stage::Collaboration | Stage::FollowUp => true,
                Stage::Closed => dice.chance(0.7),
                _ => false,
            };
            let (pair, social, health) = pairs[turn % pairs.len()];
            turn += 1;
            let mut seats = vec![(social, TeamRole::SocialCoordinator), (health, TeamRole::HealthCoordinator)];
            if reached_collaboration {
                // Two different professionals (there are always at least four).
                let n = professionals.len();
                let first = dice.below(n);
                let second = (first + 1 + dice.below(n - 1)) % n;
                seats.push((professionals[first], TeamRole::OwnWorker));
                seats.push((professionals[second], TeamRole::Member));
                if let Some(relative) = relative_of.get(client_id).filter(|_| current) {
                    seats.push((staff_of(*relative, Role::Relative, None), TeamRole::Relative));
                }
            }
            made.push(Made {
                id: CaseId(next_case),
                client: *client_id,
                client_name: client_name.clone(),
                stage,
                opened,
                closed,
                pair,
                seats,
                reached_collaboration,
            });
            next_case += 1;
        }
    }

    let cases: Vec<case::ActiveModel> = made
        .iter()
        .map(|m| case::ActiveModel {
            id: Set(m.id),
            client_id: Set(m.client),
            stage: Set(m.stage),
            sector: Set(Sector::Shared),
            opened_at: Set(m.opened),
            updated_at: Set(m.closed.unwrap_or(m.opened)),
            closed_at: Set(m.closed),
            first_contact_at: Set(Some(m.opened - Duration::days(1))),
            version: Set(m.stage.position() as i32 + 1),
        })
        .collect();
    insert_all(db, &mut written, cases).await?;
    advance_sequences(db).await?;

    // Each case's team, history, assessment, plan, meetings, review, closure, board and audit trail.
    let mut seats = Vec::new();
    let mut history = Vec::new();
    let mut assessments = Vec::new();
    let mut plans = Vec::new();
    let mut reviews = Vec::new();
    let mut meetings = Vec::new();
    let mut closures = Vec::new();
    let mut board = Vec::new();
    let mut notices = Vec::new();
    let mut audit = Vec::new();
    let event = |case_id: CaseId,
                 actor: UserId,
                 detail: &HistoryEvent,
                 at: DateTime<Utc>|
     -> Result<case_event::ActiveModel, DbErr> {
        Ok(case_event::ActiveModel {
            case_id: Set(case_id),
            actor_user_id: Set(Some(actor)),
            detail: Set(json(detail)?),
            sector: Set(Sector::Shared),
            created_at: Set(at),
            ..Default::default()
        })
    };
    let assessment_content = json(&AssessmentContent::default())?;
    for m in &made {
        let end = m.closed.unwrap_or(now);
        let span = (end - m.opened).num_days().max(1);
        let at = |dice: &mut Dice| m.opened + Duration::days(dice.days(0, span));
        let coordinator = m.seats[0].0.id;
        history.push(event(m.id, coordinator, &HistoryEvent::CaseOpened, m.opened)?);
        for (person, team_role) in &m.seats {
            let joined = if team_role.is_coordinator() { m.opened } else { m.opened + Duration::days(span / 4) };
            seats.push(case_member::ActiveModel {
                case_id: Set(m.id),
                user_id: Set(person.id),
                team_role: Set(*team_role),
                joined_at: Set(joined),
                sector: Set(Sector::Shared),
                status: Set(SeatStatus::Accepted),
                proposed_by_user_id: Set(None),
                answered_at: Set(None),
                left_at: Set(None),
                ..Default::default()
            });
            let name = format!("Tiimin jäsen {}", person.id);
            history.push(event(
                m.id,
                coordinator,
                &HistoryEvent::MemberJoined { name, team_role: *team_role },
                joined,
            )?);
        }
        let path: Vec<Stage> = match m.stage {
            Stage::Closed if m.reached_collaboration => Stage::ALL.to_vec(),
            Stage::Closed => vec![Stage::Identification, Stage::Assessment, Stage::Closed],
            stage => Stage::ALL.iter().copied().take(stage.position() + 1).collect(),
        };
        let steps = path.len().max(1) as i64;
        for (i, w) in path.windows(2).enumerate() {
            let at = m.opened + Duration::days(span * (i as i64 + 1) / steps);
            history.push(event(m.id, coordinator, &HistoryEvent::StageChanged { from: w[0], to: w[1] }, at)?);
        }
        if m.stage != Stage::Identification {
            let started = m.opened + Duration::days(span / steps);
            let done = m.stage != Stage::Assessment;
            assessments.push(assessment::ActiveModel {
                case_id: Set(m.id),
                version: Set(1),
                status: Set(if done { "completed" } else { "draft" }.into()),
                content: Set(assessment_content.clone()),
                revision: Set(1),
                started_at: Set(started),
                started_by_user_id: Set(coordinator),
                updated_at: Set(started),
                updated_by_user_id: Set(coordinator),
                completed_at: Set(done.then_some(started + Duration::days(7))),
                completed_by_user_id: Set(done.then_some(coordinator)),
                sector: Set(Sector::Shared),
                ..Default::default()
            });
            history.push(event(m.id, coordinator, &HistoryEvent::AssessmentStarted { version: 1 }, started)?);
            if done {
                history.push(event(m.id, coordinator, &HistoryEvent::AssessmentCompleted { version: 1 }, started)?);
            }
        }
        let pair_id = m.pair;
        if m.reached_collaboration {
            let owners: Vec<UserId> = m.seats.iter().filter(|(p, _)| p.role.is_staff()).map(|(p, _)| p.id).collect();
            let goal = Goal {
                key: 1,
                client_words: dice.pick(GOALS).to_string(),
                suggested_wording: None,
                client_actions: "Teen oman osuuteni.".into(),
            };
            let mut content = PlanContent { goals: vec![goal.clone()], ..Default::default() };
            let versions = 2 + dice.below(3);
            let planned = m.opened + Duration::days(span / 2);
            for version in 1..=versions {
                if version == 2 {
                    content.actions = (0..2 + dice.below(3))
                        .map(|k| PlanAction {
                            key: k as u32 + 1,
                            what: dice.pick(ACTIONS).to_string(),
                            owner_user_id: owners[dice.below(owners.len())],
                            due: if m.closed.is_some() {
                                planned.date_naive() + Duration::days(30)
                            } else {
                                today + Duration::days(dice.days(-20, 60))
                            },
                            status: if m.closed.is_some() { TaskStatus::Done } else { TaskStatus::Open },
                            goal_key: Some(1),
                            revision: 0,
                        })
                        .collect();
                    content.review_date = Some(if m.closed.is_some() {
                        planned.date_naive()
                    } else {
                        today + Duration::days(dice.days(-10, 90))
                    });
                } else if version > 2 {
                    for action in content.actions.iter_mut().filter(|a| a.status == TaskStatus::Open) {
                        if dice.chance(0.4) {
                            action.status = TaskStatus::InProgress;
                            action.revision += 1;
                        }
                    }
                }
                let saved = planned + Duration::days(version as i64);
                let (by, editor) =
                    if version == 1 { (coordinator, PlanRole::Client) } else { (coordinator, PlanRole::Coordinator) };
                plans.push(plan_version::ActiveModel {
                    case_id: Set(m.id),
                    version: Set(version as i32),
                    content: Set(json(&content)?),
                    editor: Set(editor.as_str().to_string()),
                    created_by_user_id: Set(by),
                    sector: Set(Sector::Shared),
                    created_at: Set(saved),
                    ..Default::default()
                });
                history.push(event(m.id, by, &HistoryEvent::PlanSaved { version: version as i32 }, saved)?);
            }
            let reviewed = matches!(m.stage, Stage::FollowUp | Stage::Closed);
            let step = current_step(m.stage, StepFacts { team_formed: true, plan_has_goals: true, reviewed });
            for action in &content.actions {
                let card = CardRef::Action { case_id: m.id, key: action.key };
                let drawn = BoardCard {
                    card,
                    version: action.revision as i32,
                    column: Column::Status(action.status),
                    client_name: m.client_name.clone(),
                    what: action.what.clone(),
                    stage: m.stage,
                    step,
                    due: Some(action.due),
                    overdue: false,
                    owners: vec![format!("Tiimin jäsen {}", action.owner_user_id)],
                    owner_ids: vec![action.owner_user_id],
                    owner_user_id: Some(action.owner_user_id),
                    comments: 0,
                };
                let body = json(&BoardEventBody {
                    card: Some(drawn),
                    comment: None,
                    previous_owner: None,
                    pair_id: Some(pair_id),
                })?;
                for change in [BoardChange::Added, BoardChange::Assigned, BoardChange::Moved] {
                    board.push(board_event::ActiveModel {
                        case_id: Set(m.id),
                        card: Set(card.key()),
                        kind: Set(change.as_str().to_owned()),
                        actor_user_id: Set(coordinator),
                        payload: Set(body.clone()),
                        created_at: Set(planned),
                        ..Default::default()
                    });
                }
                if action.owner_user_id != coordinator {
                    notices.push(notification::ActiveModel {
                        user_id: Set(action.owner_user_id),
                        kind: Set(NotificationKind::Assigned),
                        case_id: Set(m.id),
                        card: Set(card.key()),
                        actor_user_id: Set(Some(coordinator)),
                        comment_id: Set(None),
                        due_on: Set(None),
                        created_at: Set(planned),
                        read_at: Set((m.closed.is_some() || dice.chance(0.7)).then_some(planned + Duration::days(1))),
                        legal_access_id: Set(None),
                        ..Default::default()
                    });
                }
            }
            let case_card = CardRef::Case { case_id: m.id };
            for _ in 0..2 {
                board.push(board_event::ActiveModel {
                    case_id: Set(m.id),
                    card: Set(case_card.key()),
                    kind: Set(BoardChange::Moved.as_str().to_owned()),
                    actor_user_id: Set(coordinator),
                    payload: Set(json(&BoardEventBody {
                        card: None,
                        comment: None,
                        previous_owner: None,
                        pair_id: Some(pair_id),
                    })?),
                    created_at: Set(at(&mut dice)),
                    ..Default::default()
                });
            }
            let invited: Vec<UserId> = m.seats.iter().map(|(p, _)| p.id).collect();
            for n in 0..2 {
                let starts_at = m.opened + Duration::days(span * (n + 1) / 3);
                meetings.push(meeting::ActiveModel {
                    case_id: Set(m.id),
                    title: Set("Verkostokokous".into()),
                    starts_at: Set(starts_at),
                    minutes: Set(60),
                    place: Set(Some("Sote-keskus".into())),
                    video_link: Set(None),
                    participants: Set(json(&invited)?),
                    created_by_user_id: Set(coordinator),
                    created_at: Set(starts_at - Duration::days(7)),
                    steps_plan_version: Set(None),
                    sector: Set(Sector::Shared),
                    ..Default::default()
                });
            }
            if reviewed {
                let review = ReviewContent {
                    goals: vec![GoalReview {
                        goal_key: 1,
                        goal_words: goal.client_words,
                        client: None,
                        team: GoalScore::Progressing,
                    }],
                    summary: "Tavoitteet etenevät.".into(),
                    next_review: today + Duration::days(90),
                };
                reviews.push(plan_review::ActiveModel {
                    case_id: Set(m.id),
                    plan_version: Set(versions as i32),
                    content: Set(json(&review)?),
                    reviewed_by_user_id: Set(coordinator),
                    sector: Set(Sector::Shared),
                    created_at: Set(m.opened + Duration::days(span * 3 / 4)),
                    ..Default::default()
                });
            }
        }
        if let Some(closed_at) = m.closed {
            closures.push(case_closure::ActiveModel {
                case_id: Set(m.id),
                summary: Set("Tavoitteet saavutettu, yhteistyö päättyy.".into()),
                continuation: Set("Asiakas ottaa yhteyttä sosiaalipalveluihin tarvittaessa.".into()),
                closed_by_user_id: Set(coordinator),
                sector: Set(Sector::Shared),
                closed_at: Set(closed_at),
                ..Default::default()
            });
        }
        // Every read of the case by its team, as the access rule logs it.
        let readers: Vec<&(Person, TeamRole)> = m.seats.iter().filter(|(p, _)| p.role.is_staff()).collect();
        for _ in 0..4 + dice.below(44) {
            let (person, team_role) = *readers[dice.below(readers.len())];
            audit.push(read(person, m.client, Some(m.id), Basis::Team(team_role), at(&mut dice)));
        }
    }
    // Eino's case, looked at many times by his general practitioner.
    let eino = client::Entity::find()
        .filter(client::Column::UserId.eq(eino_user.id))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::Custom("the demo data has no client Eino".into()))?;
    let eino_case = case::Entity::find().filter(case::Column::ClientId.eq(eino.id)).one(db).await?;
    let gp = staff_of(liisa.id, liisa.role, coordinator_org.get(&liisa.id).copied());
    for n in 0..size.eino_audit_rows {
        let when = now - Duration::minutes(n as i64 * 37);
        audit.push(read(gp, eino.id, eino_case.as_ref().map(|c| c.id), Basis::Team(TeamRole::Member), when));
    }
    let mut concerns = Vec::with_capacity(size.open_concerns);
    for n in 0..size.open_concerns {
        let (client_id, _) = people[(n * 97 + 13) % people.len()];
        let by = professionals[dice.below(professionals.len())];
        concerns.push(concern::ActiveModel {
            client_id: Set(client_id),
            raised_by_user_id: Set(by.id),
            raised_as: Set(Role::Professional),
            text: Set("Asiakas tarvitsee useita palveluja yhtä aikaa.".into()),
            life_areas: Set("housing,finances".into()),
            urgent: Set(dice.chance(0.1)),
            agrees_to_proceed: Set(true),
            agrees_to_involve: Set(true),
            status: Set(ConcernStatus::Open),
            sector: Set(Sector::Shared),
            created_at: Set(now - Duration::days(dice.days(0, 14))),
            ..Default::default()
        });
    }
    insert_all(db, &mut written, seats).await?;
    insert_all(db, &mut written, history).await?;
    insert_all(db, &mut written, assessments).await?;
    insert_all(db, &mut written, plans).await?;
    insert_all(db, &mut written, reviews).await?;
    insert_all(db, &mut written, meetings).await?;
    insert_all(db, &mut written, closures).await?;
    insert_all(db, &mut written, board).await?;
    insert_all(db, &mut written, notices).await?;
    insert_all(db, &mut written, audit).await?;
    insert_all(db, &mut written, concerns).await?;
    // Written in bulk beside the rules that store each case's place: place every case now.
    app::store::placement::place_all(db, now).await.map_err(|e| DbErr::Custom(format!("placing the cases: {e}")))?;
    // Fresh statistics for the planner, as an area that grew over a year would have: without them
    // PostgreSQL plans the first queries after a bulk load on guesses until autovacuum analyses.
    // Only this schema's tables: a database-wide ANALYZE would also lock other schemas' tables.
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_unprepared(
            "DO $$ DECLARE t text; BEGIN \
             FOR t IN SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() LOOP \
             EXECUTE 'ANALYZE ' || t; END LOOP; END $$",
        )
        .await?;
    }
    Ok(written)
}

/// One logged read of a client's case by `person`.
fn read(
    person: Person,
    client_id: ClientId,
    case_id: Option<CaseId>,
    basis: Basis,
    at: DateTime<Utc>,
) -> audit_entry::ActiveModel {
    audit_entry::ActiveModel {
        actor_user_id: Set(person.id),
        actor_role: Set(person.role),
        actor_organisation_id: Set(person.organisation),
        client_id: Set(Some(client_id)),
        case_id: Set(case_id),
        resource: Set("case".into()),
        action: Set(Action::View.as_str().into()),
        basis: Set(basis.to_string()),
        created_at: Set(at),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dice_fall_the_same_way_every_time() {
        let (mut a, mut b) = (Dice(7), Dice(7));
        let first: Vec<u64> = (0..5).map(|_| a.next()).collect();
        assert_eq!(first, (0..5).map(|_| b.next()).collect::<Vec<_>>());
        assert!((0..1000).all(|_| a.below(6) < 6));
        assert!((0..1000).all(|_| (3..9).contains(&a.days(3, 9))));
    }

    #[test]
    fn usernames_are_plain_ascii_and_numbered() {
        assert_eq!(username("Åsa Räsänen", UserId(3)), "asa.rasanen.3");
    }

    #[test]
    fn the_full_area_is_the_size_of_issue_21() {
        let area = Size::area(1.0);
        assert_eq!((area.clients, area.pairs, area.professionals), (100_000, 200, 2_000));
        let tiny = Size::area(0.0);
        assert!(tiny.clients >= 10 && tiny.pairs >= 1 && tiny.professionals >= 4);
    }
}
