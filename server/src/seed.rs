//! Demo data for a first start: fictional clients of a Finnish wellbeing services county in every
//! stage, two coordinator pairs, professionals from social care, health care, an NGO, a school
//! and employment services, relatives, an administrator and an audit reviewer. All names are invented.

use app::domain::calendar::{finnish_date, from_finnish_time};
use app::domain::ids::{CaseId, ClientId, UserId};
use app::domain::plan::{Goal, PlanAction, PlanContent, PlanRole, Service, TaskStatus};
use app::domain::{Role, Sector, Stage, TeamRole};
use app::error::AppError;
use app::model::cases::HistoryEvent;
use app::store::cases::{add_member, append_history};
use app::store::entities::{
    case, client, coordinator_pair, meeting, organisation, plan_version, record_entry, relative_link, staff_profile,
    user,
};
use app::store::password;
use app::store::write_txn;
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, EntityTrait, PaginatorTrait, Set, TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

/// Every demo account signs in with this password.
pub const DEMO_PASSWORD: &str = "polku-demo";

/// One demo sign-in, for the start-up banner and the README.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub role: Role,
    pub username: &'static str,
    pub who: &'static str,
}

struct Org {
    key: &'static str,
    name: &'static str,
    sector: Sector,
}

const ORGS: &[Org] = &[
    Org { key: "social", name: "Järvelän hyvinvointialue, sosiaalipalvelut", sector: Sector::Social },
    Org { key: "health", name: "Järvelän hyvinvointialue, terveyspalvelut", sector: Sector::Health },
    Org { key: "ngo", name: "Mielenterveysyhdistys Tukiverkko ry", sector: Sector::Other },
    Org { key: "school", name: "Koivurinteen yhtenäiskoulu", sector: Sector::Other },
    Org { key: "employment", name: "Järvelän työllisyyspalvelut", sector: Sector::Other },
];

struct Staff {
    username: &'static str,
    name: &'static str,
    role: Role,
    profession: &'static str,
    org: &'static str,
    phone: &'static str,
    hours: &'static str,
}

const STAFF: &[Staff] = &[
    Staff {
        username: "sanna.virtanen",
        name: "Sanna Virtanen",
        role: Role::Coordinator,
        profession: "sosiaalityöntekijä",
        org: "social",
        phone: "+358 40 100 2001",
        hours: "ma–pe 8–16",
    },
    Staff {
        username: "heikki.laine",
        name: "Heikki Laine",
        role: Role::Coordinator,
        profession: "sairaanhoitaja",
        org: "health",
        phone: "+358 40 100 2002",
        hours: "ma–pe 8–15",
    },
    Staff {
        username: "maria.nieminen",
        name: "Maria Nieminen",
        role: Role::Coordinator,
        profession: "sosiaaliohjaaja",
        org: "social",
        phone: "+358 40 100 2003",
        hours: "ma–to 9–16",
    },
    Staff {
        username: "jari.koskinen",
        name: "Jari Koskinen",
        role: Role::Coordinator,
        profession: "terveydenhoitaja",
        org: "health",
        phone: "+358 40 100 2004",
        hours: "ma–pe 8–16",
    },
    Staff {
        username: "liisa.makinen",
        name: "Liisa Mäkinen",
        role: Role::Professional,
        profession: "yleislääkäri",
        org: "health",
        phone: "+358 40 100 2011",
        hours: "ti ja to 12–13 (puhelinaika)",
    },
    Staff {
        username: "pekka.heikkinen",
        name: "Pekka Heikkinen",
        role: Role::Professional,
        profession: "fysioterapeutti",
        org: "health",
        phone: "+358 40 100 2012",
        hours: "ma–pe 8–15",
    },
    Staff {
        username: "anna.lehtonen",
        name: "Anna Lehtonen",
        role: Role::Professional,
        profession: "psykiatrinen sairaanhoitaja",
        org: "health",
        phone: "+358 40 100 2013",
        hours: "ma–pe 9–15",
    },
    Staff {
        username: "kaisa.jarvinen",
        name: "Kaisa Järvinen",
        role: Role::Professional,
        profession: "kotihoidon ohjaaja",
        org: "health",
        phone: "+358 40 100 2014",
        hours: "ma–pe 7–15",
    },
    Staff {
        username: "tiina.hamalainen",
        name: "Tiina Hämäläinen",
        role: Role::Professional,
        profession: "sosiaaliohjaaja",
        org: "social",
        phone: "+358 40 100 2015",
        hours: "ma–pe 9–15",
    },
    Staff {
        username: "mikko.salonen",
        name: "Mikko Salonen",
        role: Role::Professional,
        profession: "päihdetyöntekijä",
        org: "social",
        phone: "+358 40 100 2016",
        hours: "ma–pe 9–16",
    },
    Staff {
        username: "rauni.ojala",
        name: "Rauni Ojala",
        role: Role::Professional,
        profession: "sosiaalityöntekijä",
        org: "social",
        phone: "+358 40 100 2017",
        hours: "ma–pe 8–16",
    },
    Staff {
        username: "ville.aaltonen",
        name: "Ville Aaltonen",
        role: Role::Professional,
        profession: "vertaistukityöntekijä",
        org: "ngo",
        phone: "+358 40 100 2021",
        hours: "ma, ke ja pe 10–17",
    },
    Staff {
        username: "noora.lindholm",
        name: "Noora Lindholm",
        role: Role::Professional,
        profession: "järjestötyöntekijä",
        org: "ngo",
        phone: "+358 40 100 2022",
        hours: "ti–to 10–16",
    },
    Staff {
        username: "olli.rantanen",
        name: "Olli Rantanen",
        role: Role::Professional,
        profession: "koulukuraattori",
        org: "school",
        phone: "+358 40 100 2031",
        hours: "koulupäivinä 8–15",
    },
    Staff {
        username: "eeva.koivisto",
        name: "Eeva Koivisto",
        role: Role::Professional,
        profession: "erityisopettaja",
        org: "school",
        phone: "+358 40 100 2032",
        hours: "koulupäivinä 8–14",
    },
    Staff {
        username: "timo.peltonen",
        name: "Timo Peltonen",
        role: Role::Professional,
        profession: "työllisyysasiantuntija",
        org: "employment",
        phone: "+358 40 100 2041",
        hours: "ma–pe 9–15",
    },
    Staff {
        username: "admin",
        name: "Ylläpitäjä Polku",
        role: Role::Administrator,
        profession: "järjestelmän pääkäyttäjä",
        org: "social",
        phone: "+358 40 100 2099",
        hours: "ma–pe 8–16",
    },
    Staff {
        username: "paula.rinne",
        name: "Paula Rinne",
        role: Role::Auditor,
        profession: "tietosuojavastaava",
        org: "social",
        phone: "+358 40 100 2098",
        hours: "ma–pe 9–15",
    },
];

/// The two coordinator pairs: (name, social coordinator, health coordinator).
const PAIRS: &[(&str, &str, &str)] = &[
    ("Koordinaattoripari Pohjoinen", "sanna.virtanen", "heikki.laine"),
    ("Koordinaattoripari Etelä", "maria.nieminen", "jari.koskinen"),
];

struct DemoClient {
    username: &'static str,
    name: &'static str,
    born: (i32, u32, u32),
    municipality: &'static str,
    language: &'static str,
    non_disclosure: bool,
    stage: Stage,
    pair: usize,
    opened_days_ago: i64,
    members: &'static [(&'static str, TeamRole)],
}

const CLIENTS: &[DemoClient] = &[
    DemoClient {
        username: "aino.korhonen",
        name: "Aino Korhonen",
        born: (1947, 3, 14),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Assessment,
        pair: 0,
        opened_days_ago: 4,
        members: &[("kaisa.jarvinen", TeamRole::Member), ("liisa.makinen", TeamRole::Member)],
    },
    DemoClient {
        username: "eino.mantyla",
        name: "Eino Mäntylä",
        born: (1961, 11, 2),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Collaboration,
        pair: 0,
        opened_days_ago: 60,
        members: &[
            ("mikko.salonen", TeamRole::OwnWorker),
            ("liisa.makinen", TeamRole::Member),
            ("ville.aaltonen", TeamRole::Member),
        ],
    },
    DemoClient {
        username: "helmi.lahtinen",
        name: "Helmi Lahtinen",
        born: (1938, 6, 30),
        municipality: "Kuusela",
        language: "fi",
        non_disclosure: false,
        stage: Stage::FollowUp,
        pair: 1,
        opened_days_ago: 150,
        members: &[("kaisa.jarvinen", TeamRole::OwnWorker), ("pekka.heikkinen", TeamRole::Member)],
    },
    DemoClient {
        username: "jussi.turunen",
        name: "Jussi Turunen",
        born: (1990, 1, 22),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Identification,
        pair: 1,
        opened_days_ago: 2,
        members: &[("timo.peltonen", TeamRole::Member)],
    },
    DemoClient {
        username: "sofia.berg",
        name: "Sofia Berg",
        born: (1985, 9, 9),
        municipality: "Kuusela",
        language: "sv",
        non_disclosure: false,
        stage: Stage::Collaboration,
        pair: 1,
        opened_days_ago: 45,
        members: &[
            ("anna.lehtonen", TeamRole::OwnWorker),
            ("noora.lindholm", TeamRole::Member),
            ("tiina.hamalainen", TeamRole::Member),
        ],
    },
    DemoClient {
        username: "veikko.heinonen",
        name: "Veikko Heinonen",
        born: (1952, 4, 18),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Closed,
        pair: 0,
        opened_days_ago: 300,
        members: &[("pekka.heikkinen", TeamRole::Member)],
    },
    DemoClient {
        username: "laura.kallio",
        name: "Laura Kallio",
        born: (2009, 2, 5),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Collaboration,
        pair: 0,
        opened_days_ago: 30,
        members: &[
            ("olli.rantanen", TeamRole::OwnWorker),
            ("eeva.koivisto", TeamRole::Member),
            ("anna.lehtonen", TeamRole::Member),
        ],
    },
    DemoClient {
        username: "ahmed.hassan",
        name: "Ahmed Hassan",
        born: (1979, 12, 1),
        municipality: "Kuusela",
        language: "en",
        non_disclosure: false,
        stage: Stage::Assessment,
        pair: 1,
        opened_days_ago: 6,
        members: &[("timo.peltonen", TeamRole::Member), ("tiina.hamalainen", TeamRole::Member)],
    },
    DemoClient {
        username: "riikka.lehto",
        name: "Riikka Lehto",
        born: (1988, 7, 27),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: true,
        stage: Stage::Collaboration,
        pair: 0,
        opened_days_ago: 20,
        members: &[("tiina.hamalainen", TeamRole::OwnWorker), ("anna.lehtonen", TeamRole::Member)],
    },
    DemoClient {
        username: "kalevi.nurmi",
        name: "Kalevi Nurmi",
        born: (1957, 10, 12),
        municipality: "Kuusela",
        language: "fi",
        non_disclosure: false,
        stage: Stage::FollowUp,
        pair: 1,
        opened_days_ago: 120,
        members: &[("mikko.salonen", TeamRole::Member), ("liisa.makinen", TeamRole::OwnWorker)],
    },
    DemoClient {
        username: "elina.hakala",
        name: "Elina Hakala",
        born: (1996, 5, 3),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Assessment,
        pair: 0,
        opened_days_ago: 9,
        members: &[("anna.lehtonen", TeamRole::Member), ("ville.aaltonen", TeamRole::Member)],
    },
    DemoClient {
        username: "oskari.vainio",
        name: "Oskari Vainio",
        born: (1970, 8, 19),
        municipality: "Kuusela",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Collaboration,
        pair: 1,
        opened_days_ago: 75,
        members: &[("timo.peltonen", TeamRole::OwnWorker), ("mikko.salonen", TeamRole::Member)],
    },
    DemoClient {
        username: "marjatta.koski",
        name: "Marjatta Koski",
        born: (1941, 1, 8),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Identification,
        pair: 0,
        opened_days_ago: 1,
        members: &[("kaisa.jarvinen", TeamRole::Member)],
    },
    // Clients whose own team is still to be formed: only the coordinator pair is on it.
    DemoClient {
        username: "tuomas.leino",
        name: "Tuomas Leino",
        born: (1974, 10, 3),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Collaboration,
        pair: 0,
        opened_days_ago: 14,
        members: &[],
    },
    DemoClient {
        username: "aila.saarinen",
        name: "Aila Saarinen",
        born: (1949, 4, 11),
        municipality: "Kuusela",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Collaboration,
        pair: 1,
        opened_days_ago: 18,
        members: &[],
    },
    // Past clients whose cases are closed; they can come back through a new concern.
    DemoClient {
        username: "irma.salmi",
        name: "Irma Salmi",
        born: (1946, 9, 12),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Closed,
        pair: 1,
        opened_days_ago: 400,
        members: &[],
    },
    DemoClient {
        username: "raimo.lindqvist",
        name: "Raimo Lindqvist",
        born: (1950, 2, 20),
        municipality: "Kuusela",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Closed,
        pair: 0,
        opened_days_ago: 380,
        members: &[],
    },
    DemoClient {
        username: "petteri.aho",
        name: "Petteri Aho",
        born: (1983, 6, 7),
        municipality: "Järvelä",
        language: "fi",
        non_disclosure: false,
        stage: Stage::Closed,
        pair: 1,
        opened_days_ago: 250,
        members: &[],
    },
];

struct DemoRelative {
    username: &'static str,
    name: &'static str,
    client: &'static str,
    relationship: &'static str,
    can_view: bool,
    can_write: bool,
    on_team: bool,
}

const RELATIVES: &[DemoRelative] = &[
    DemoRelative {
        username: "pirjo.korhonen",
        name: "Pirjo Korhonen",
        client: "aino.korhonen",
        relationship: "tytär",
        can_view: true,
        can_write: true,
        on_team: true,
    },
    DemoRelative {
        username: "markku.lahtinen",
        name: "Markku Lahtinen",
        client: "helmi.lahtinen",
        relationship: "poika",
        can_view: true,
        can_write: false,
        on_team: true,
    },
    DemoRelative {
        username: "minna.kallio",
        name: "Minna Kallio",
        client: "laura.kallio",
        relationship: "äiti",
        can_view: true,
        can_write: true,
        on_team: true,
    },
    DemoRelative {
        username: "kari.mantyla",
        name: "Kari Mäntylä",
        client: "eino.mantyla",
        relationship: "veli",
        can_view: false,
        can_write: false,
        on_team: false,
    },
];

/// Record entries, each in its writer's register: (client, [(days ago, writer, text, reason for
/// hiding it from the client)]). No consent is seeded: the client gives it on their own page.
type DemoEntry = (i64, &'static str, &'static str, Option<&'static str>);
const RECORDS: &[(&str, &[DemoEntry])] = &[
    (
        "eino.mantyla",
        &[
            (
                40,
                "mikko.salonen",
                "Toimeentulotukihakemus tehty yhdessä Einon kanssa; vuokrarästit selvitetty vuokranantajan kanssa.",
                None,
            ),
            (
                30,
                "liisa.makinen",
                "Verenpaine koholla (152/95). Lääkitys tarkistettu, kontrolli kolmen kuukauden päästä.",
                None,
            ),
            (10, "ville.aaltonen", "Eino on käynyt vertaisryhmässä kahdesti ja haluaa jatkaa.", None),
        ],
    ),
    (
        "laura.kallio",
        &[
            (25, "sanna.virtanen", "Perheen kanssa sovittu tukihenkilöstä; haku käynnistetty.", None),
            (20, "anna.lehtonen", "Nukkuu huonosti. Uniohjaus aloitettu, seuranta kahden viikon välein.", None),
            (
                15,
                "olli.rantanen",
                "Poissaoloja syyslukukaudella 40 tuntia; läsnäolosuunnitelma tehty Lauran kanssa.",
                None,
            ),
            (
                5,
                "sanna.virtanen",
                "Lastensuojeluilmoitus vastaanotettu, selvitys käynnissä.",
                Some("Lastensuojelun selvitys on kesken; Lauralle kerrotaan, kun se valmistuu."),
            ),
        ],
    ),
];

fn staff_sector(username: &str) -> Sector {
    STAFF
        .iter()
        .find(|s| s.username == username)
        .and_then(|s| ORGS.iter().find(|o| o.key == s.org))
        .map_or(Sector::Other, |o| o.sector)
}

/// The sign-ins worth showing: one or more of each role.
pub fn demo_logins() -> Vec<DemoLogin> {
    vec![
        DemoLogin {
            role: Role::Coordinator,
            username: "sanna.virtanen",
            who: "Sanna Virtanen, social-care coordinator (pair North)",
        },
        DemoLogin {
            role: Role::Coordinator,
            username: "heikki.laine",
            who: "Heikki Laine, health-care coordinator (pair North)",
        },
        DemoLogin {
            role: Role::Coordinator,
            username: "maria.nieminen",
            who: "Maria Nieminen, social-care coordinator (pair South)",
        },
        DemoLogin {
            role: Role::Coordinator,
            username: "jari.koskinen",
            who: "Jari Koskinen, health-care coordinator (pair South)",
        },
        DemoLogin { role: Role::Professional, username: "liisa.makinen", who: "Liisa Mäkinen, general practitioner" },
        DemoLogin { role: Role::Professional, username: "olli.rantanen", who: "Olli Rantanen, school social worker" },
        DemoLogin { role: Role::Professional, username: "ville.aaltonen", who: "Ville Aaltonen, peer worker (NGO)" },
        DemoLogin { role: Role::Client, username: "aino.korhonen", who: "Aino Korhonen, 79, in assessment" },
        DemoLogin { role: Role::Client, username: "eino.mantyla", who: "Eino Mäntylä, in collaboration" },
        DemoLogin { role: Role::Client, username: "sofia.berg", who: "Sofia Berg, Swedish-speaking" },
        DemoLogin { role: Role::Relative, username: "pirjo.korhonen", who: "Pirjo Korhonen, Aino's daughter" },
        DemoLogin { role: Role::Administrator, username: "admin", who: "Administrator (no client content)" },
        DemoLogin {
            role: Role::Auditor,
            username: "paula.rinne",
            who: "Paula Rinne, data protection officer: searches the access log",
        },
    ]
}

/// Seeds the demo data if the database has no users yet. Returns whether it seeded.
pub async fn seed_if_empty(db: &(impl ConnectionTrait + TransactionTrait)) -> Result<bool, AppError> {
    if user::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    seed(db).await?;
    Ok(true)
}

/// A demo user with the demo password, whose hash `password_hash` is.
async fn add_user(
    db: &impl ConnectionTrait,
    password_hash: &str,
    username: &str,
    name: &str,
    role: Role,
    language: &str,
) -> Result<UserId, AppError> {
    let row = user::ActiveModel {
        username: Set(username.to_string()),
        password_hash: Set(password_hash.to_string()),
        display_name: Set(name.to_string()),
        role: Set(role),
        preferred_language: Set(language.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

async fn seed(db: &(impl ConnectionTrait + TransactionTrait)) -> Result<(), AppError> {
    // Every demo user has the one published demo password, so one hash (one salt) serves them
    // all: it tells nothing the printed password does not, and spares some forty Argon2 runs per
    // seeding (each test seeds its own database, and many run at once).
    let password_hash = password::hash_async(DEMO_PASSWORD.to_string()).await;
    let txn = write_txn::begin(db).await?;
    let now = Utc::now();

    let mut orgs = HashMap::new();
    for org in ORGS {
        let row = organisation::ActiveModel {
            name: Set(org.name.to_string()),
            sector: Set(org.sector),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        orgs.insert(org.key, (row.id, org.sector));
    }

    let mut users: HashMap<&str, UserId> = HashMap::new();
    for s in STAFF {
        let id = add_user(&txn, &password_hash, s.username, s.name, s.role, "fi").await?;
        let (org_id, sector) = orgs[s.org];
        staff_profile::ActiveModel {
            user_id: Set(id),
            profession: Set(s.profession.to_string()),
            sector: Set(sector),
            organisation_id: Set(org_id),
            phone: Set(Some(s.phone.to_string())),
            email: Set(Some(format!("{}@jarvela.example", s.username))),
            contact_hours: Set(Some(s.hours.to_string())),
        }
        .insert(&txn)
        .await?;
        users.insert(s.username, id);
    }

    for (name, social, health) in PAIRS {
        coordinator_pair::ActiveModel {
            name: Set(name.to_string()),
            social_user_id: Set(users[social]),
            health_user_id: Set(users[health]),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }

    let mut client_ids: HashMap<&str, (ClientId, CaseId)> = HashMap::new();
    for c in CLIENTS {
        let user_id = add_user(&txn, &password_hash, c.username, c.name, Role::Client, c.language).await?;
        users.insert(c.username, user_id);
        let (y, m, d) = c.born;
        let person = client::ActiveModel {
            user_id: Set(Some(user_id)),
            name: Set(c.name.to_string()),
            date_of_birth: Set(NaiveDate::from_ymd_opt(y, m, d).ok_or(AppError::Internal)?),
            municipality: Set(c.municipality.to_string()),
            address: Set(None),
            preferred_language: Set(c.language.to_string()),
            non_disclosure: Set(c.non_disclosure),
            highest_care_allowance: Set(false),
            sector: Set(Sector::Shared),
            created_at: Set(now - Duration::days(c.opened_days_ago)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;

        let opened = now - Duration::days(c.opened_days_ago);
        let path: Vec<Stage> = Stage::ALL.iter().copied().take(c.stage.position() + 1).collect();
        let row = case::ActiveModel {
            client_id: Set(person.id),
            stage: Set(c.stage),
            sector: Set(Sector::Shared),
            opened_at: Set(opened),
            updated_at: Set(opened),
            closed_at: Set((c.stage == Stage::Closed).then(|| now - Duration::days(3))),
            first_contact_at: Set(Some(opened - Duration::days(1))),
            version: Set(path.len() as i32),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        client_ids.insert(c.username, (person.id, row.id));

        let (_, social, health) = PAIRS[c.pair];
        let coordinator = users[social];
        append_history(&txn, row.id, Some(coordinator), &HistoryEvent::CaseOpened, opened).await?;
        let seats = [(social, TeamRole::SocialCoordinator), (health, TeamRole::HealthCoordinator)];
        for (username, team_role) in seats.iter().chain(c.members.iter()) {
            add_member(&txn, row.id, users[username], *team_role, opened).await?;
            let name = STAFF.iter().find(|s| s.username == *username).map(|s| s.name).unwrap_or_default();
            append_history(
                &txn,
                row.id,
                Some(coordinator),
                &HistoryEvent::MemberJoined { name: name.to_string(), team_role: *team_role },
                opened,
            )
            .await?;
        }
        let steps = path.len().max(1) as i64;
        for (i, pair) in path.windows(2).enumerate() {
            let at = opened + Duration::days(c.opened_days_ago * (i as i64 + 1) / steps);
            append_history(
                &txn,
                row.id,
                Some(coordinator),
                &HistoryEvent::StageChanged { from: pair[0], to: pair[1] },
                at,
            )
            .await?;
        }
    }

    for r in RELATIVES {
        let id = add_user(&txn, &password_hash, r.username, r.name, Role::Relative, "fi").await?;
        let (client_id, case_id) = client_ids[r.client];
        relative_link::ActiveModel {
            relative_user_id: Set(id),
            client_id: Set(client_id),
            relationship: Set(r.relationship.to_string()),
            can_view: Set(r.can_view),
            can_write: Set(r.can_write),
            granted_at: Set(now - Duration::days(1)),
            valid_until: Set(None),
            revoked_at: Set(None),
            sector: Set(Sector::Shared),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        if r.on_team {
            add_member(&txn, case_id, id, TeamRole::Relative, now - Duration::days(1)).await?;
            append_history(
                &txn,
                case_id,
                Some(id),
                &HistoryEvent::MemberJoined { name: r.name.to_string(), team_role: TeamRole::Relative },
                now - Duration::days(1),
            )
            .await?;
        }
    }

    seed_plan(&txn, &users, client_ids["eino.mantyla"].1, now).await?;
    let past = [("eino.mantyla", 0, 12, "mikko.salonen"), ("kalevi.nurmi", 1, 20, "liisa.makinen")];
    for (client, pair, days_ago, worker) in past {
        let (_, social, health) = PAIRS[pair];
        let invited = [client, social, health, worker].map(|username| users[username]);
        seed_past_meeting(&txn, client_ids[client].1, &invited, days_ago, now).await?;
    }
    for (client, entries) in RECORDS {
        for (days_ago, author, text, hidden_reason) in *entries {
            record_entry::ActiveModel {
                case_id: Set(client_ids[client].1),
                sector: Set(staff_sector(author)),
                author_user_id: Set(users[author]),
                text: Set(text.to_string()),
                hidden_reason: Set(hidden_reason.map(str::to_string)),
                created_at: Set(now - Duration::days(*days_ago)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }

    // The demo is written beside the rules that store each case's place: place them all now.
    app::store::placement::place_all(&txn, now).await?;
    txn.commit().await?;
    Ok(())
}

/// A network meeting held `days_ago` at 13.00 Finnish time, for the client to give feedback on.
async fn seed_past_meeting(
    db: &impl ConnectionTrait,
    case_id: CaseId,
    invited: &[UserId],
    days_ago: i64,
    now: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    let day = finnish_date(now) - Duration::days(days_ago);
    let starts_at = day.and_hms_opt(13, 0, 0).and_then(from_finnish_time).ok_or(AppError::Internal)?;
    meeting::ActiveModel {
        case_id: Set(case_id),
        title: Set("Verkostokokous".into()),
        starts_at: Set(starts_at),
        minutes: Set(90),
        place: Set(Some("Sote-keskus, neuvotteluhuone 2".into())),
        video_link: Set(None),
        participants: Set(serde_json::to_string(invited).map_err(|_| AppError::Internal)?),
        created_by_user_id: Set(invited[1]),
        created_at: Set(starts_at - Duration::days(7)),
        steps_plan_version: Set(None),
        sector: Set(Sector::Shared),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Eino's plan: his goal in his own words (version 1, his), then the pair's tasks, a service and
/// a review date (version 2), with one task overdue.
async fn seed_plan(
    db: &impl ConnectionTrait,
    users: &HashMap<&str, UserId>,
    case_id: CaseId,
    now: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    let today = finnish_date(now);
    let goal = PlanContent {
        goals: vec![Goal {
            key: 1,
            client_words: "Haluan pärjätä kotona ja käydä itse kaupassa.".into(),
            suggested_wording: None,
            client_actions: "Kävelen joka päivä pihalla.".into(),
        }],
        ..Default::default()
    };
    let full = PlanContent {
        actions: vec![
            PlanAction {
                key: 1,
                what: "Tukikaiteet eteiseen ja kylpyhuoneeseen".into(),
                owner_user_id: users["mikko.salonen"],
                due: today - Duration::days(3),
                status: TaskStatus::Open,
                goal_key: Some(1),
                revision: 0,
            },
            PlanAction {
                key: 2,
                what: "Fysioterapeutin arvio liikkumisesta".into(),
                owner_user_id: users["liisa.makinen"],
                due: today + Duration::days(10),
                status: TaskStatus::InProgress,
                goal_key: Some(1),
                revision: 0,
            },
        ],
        services: vec![Service {
            name: "Kotihoidon tukikäynnit".into(),
            provider: "Järvelän hyvinvointialue".into(),
            until: Some(today + Duration::days(90)),
        }],
        review_date: Some(today + Duration::days(30)),
        ..goal.clone()
    };
    let versions = [
        (1, &goal, "eino.mantyla", PlanRole::Client, now - Duration::days(14)),
        (2, &full, "sanna.virtanen", PlanRole::Coordinator, now - Duration::days(7)),
    ];
    for (version, content, by, role, at) in versions {
        plan_version::ActiveModel {
            case_id: Set(case_id),
            version: Set(version),
            content: Set(serde_json::to_string(content).map_err(|_| AppError::Internal)?),
            editor: Set(role.as_str().to_string()),
            created_by_user_id: Set(users[by]),
            sector: Set(Sector::Shared),
            created_at: Set(at),
            ..Default::default()
        }
        .insert(db)
        .await?;
        append_history(db, case_id, Some(users[by]), &HistoryEvent::PlanSaved { version }, at).await?;
    }
    Ok(())
}
