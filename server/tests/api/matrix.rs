//! The authorisation matrix: every server function the application registers, and both live
//! sockets, called by every kind of person in every relationship to a client, each answer checked
//! against who may pass. The list of functions comes from the server-function registry, so a new
//! function without a row here fails the test. The relationships include the ones that end or
//! narrow: a close one who may only view, one whose leave expired and one whose leave was revoked,
//! a member removed from the team, a coordinator of the other pair seated on it, and a client with
//! a non-disclosure order.
//!
//! What is checked is the gate: a person refused gets 401 (no session), 403 `forbidden` or 404
//! (not theirs); anyone else got past it, whatever the function then said of the input (a stale
//! version, a plan change outside their part). Those finer rules have their own tests. Within one
//! function the refused are called first, so that a change made by someone allowed cannot hide a
//! refusal; the order of functions keeps everyone's relationships as they were (removing a
//! member, withdrawing consent and signing out come last, and touch no one in the matrix).

use crate::helpers::*;
use app::domain::team::SeatStatus;
use app::domain::{Role, Sector, TeamRole};
use app::store::entities::relative_link;
use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A person and their relationship to the client whose case they call about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Anonymous,
    /// Eino, about his own case.
    OwnClient,
    /// Aino, about Eino's case.
    OtherClient,
    /// Sanna, social-care coordinator of Eino's pair.
    Pair,
    /// Liisa, a health-care doctor on Eino's team (the other sector from his social-care records).
    Member,
    /// Mikko, Eino's own worker in social care.
    OwnWorker,
    /// Rauni, a social worker on no team of Eino's.
    OffTeam,
    /// Maria, a coordinator of the other pair.
    OtherCoordinator,
    /// Minna, Laura's mother, whom Laura lets see and write, about Laura's case.
    RelativeWithScope,
    /// Kari, Eino's brother, whom Eino has not let see anything.
    RelativeWithoutScope,
    Administrator,
    /// Paula, the audit reviewer: the log, never the content.
    Auditor,
    /// Markku, Helmi's son, whom Helmi lets see but not write, about Helmi's case.
    RelativeViewOnly,
    /// A close one of Eino's whose leave ended yesterday.
    RelativeExpired,
    /// A close one of Eino's whose leave Eino revoked.
    RelativeRevoked,
    /// Pekka, a physiotherapist who was on Eino's team and was removed.
    RemovedMember,
    /// Jari, a coordinator of the other pair, seated on Eino's team as a member.
    SeatedOtherCoordinator,
    /// Riikka, under a non-disclosure order, about her own case.
    NonDisclosureClient,
}

use Who::*;

const EVERYONE: [Who; 18] = [
    Anonymous,
    OwnClient,
    OtherClient,
    Pair,
    Member,
    OwnWorker,
    OffTeam,
    OtherCoordinator,
    RelativeWithScope,
    RelativeWithoutScope,
    Administrator,
    Auditor,
    RelativeViewOnly,
    RelativeExpired,
    RelativeRevoked,
    RemovedMember,
    SeatedOtherCoordinator,
    NonDisclosureClient,
];

impl Who {
    fn username(self) -> Option<&'static str> {
        Some(match self {
            Anonymous => return None,
            OwnClient => "eino.mantyla",
            OtherClient => "aino.korhonen",
            Pair => "sanna.virtanen",
            Member => "liisa.makinen",
            OwnWorker => "mikko.salonen",
            OffTeam => "rauni.ojala",
            OtherCoordinator => "maria.nieminen",
            RelativeWithScope => "minna.kallio",
            RelativeWithoutScope => "kari.mantyla",
            Administrator => "admin",
            Auditor => "paula.rinne",
            RelativeViewOnly => "markku.lahtinen",
            RelativeExpired => "expired.relative",
            RelativeRevoked => "revoked.relative",
            RemovedMember => "pekka.heikkinen",
            SeatedOtherCoordinator => "jari.koskinen",
            NonDisclosureClient => "riikka.lehto",
        })
    }

    /// Whose case this person calls about.
    fn client(self) -> &'static str {
        match self {
            RelativeWithScope => "laura.kallio",
            RelativeViewOnly => "helmi.lahtinen",
            NonDisclosureClient => "riikka.lehto",
            _ => "eino.mantyla",
        }
    }
}

/// The ids a call about one client's case needs.
#[derive(Debug, Clone)]
struct Target {
    case_id: String,
    client_id: String,
    client_user_id: String,
    meeting_id: String,
    seat_id: String,
    consent_id: String,
    action_card: String,
    relative_link: String,
}

const STAFF: &[Who] = &[Pair, Member, OwnWorker, OffTeam, OtherCoordinator, RemovedMember, SeatedOtherCoordinator];
const COORDINATORS: &[Who] = &[Pair, OtherCoordinator, SeatedOtherCoordinator];
const CASE_READERS: &[Who] = &[
    OwnClient,
    Pair,
    Member,
    OwnWorker,
    RelativeWithScope,
    RelativeViewOnly,
    SeatedOtherCoordinator,
    NonDisclosureClient,
];
const TEAM_STAFF: &[Who] = &[Pair, Member, OwnWorker, SeatedOtherCoordinator];
const THE_PAIR: &[Who] = &[Pair];
const CLIENTS: &[Who] = &[OwnClient, OtherClient, NonDisclosureClient];
const OWN_CLIENT: &[Who] = &[OwnClient, NonDisclosureClient];
/// Who writes in the client's matters: the client, a close one allowed to write, the team.
const WRITERS: &[Who] =
    &[OwnClient, Pair, Member, OwnWorker, RelativeWithScope, SeatedOtherCoordinator, NonDisclosureClient];

/// One server function: who passes its gate, and its form for a call about `target`.
struct Rule {
    endpoint: &'static str,
    allowed: &'static [Who],
    form: fn(&Target, &Fixture) -> Vec<(&'static str, String)>,
}

/// What the calls share besides the target: a concern to decide, a valid sign-in.
struct Fixture {
    concern_id: String,
}

fn case(t: &Target) -> Vec<(&'static str, String)> {
    vec![("case_id", t.case_id.clone())]
}

fn none(_: &Target, _: &Fixture) -> Vec<(&'static str, String)> {
    Vec::new()
}

fn rules() -> Vec<Rule> {
    vec![
        Rule { endpoint: "me", allowed: &EVERYONE, form: none },
        Rule {
            endpoint: "login",
            allowed: &EVERYONE,
            form: |_, _| vec![("username", "heikki.laine".into()), ("password", PASSWORD.into())],
        },
        Rule { endpoint: "staff_directory", allowed: &[Administrator], form: none },
        Rule { endpoint: "audit_search", allowed: &[Auditor], form: |_, _| vec![("client", "Mäntylä".into())] },
        Rule { endpoint: "my_cases", allowed: STAFF, form: none },
        Rule { endpoint: "process_counts", allowed: STAFF, form: none },
        Rule {
            endpoint: "my_pathway",
            allowed: &[
                OwnClient,
                OtherClient,
                RelativeWithScope,
                RelativeWithoutScope,
                RelativeViewOnly,
                RelativeExpired,
                RelativeRevoked,
                NonDisclosureClient,
            ],
            form: none,
        },
        Rule { endpoint: "case", allowed: CASE_READERS, form: |t, _| case(t) },
        Rule { endpoint: "assessment", allowed: CASE_READERS, form: |t, _| case(t) },
        Rule { endpoint: "plan", allowed: CASE_READERS, form: |t, _| case(t) },
        Rule { endpoint: "meetings", allowed: CASE_READERS, form: |t, _| case(t) },
        Rule {
            endpoint: "meeting",
            allowed: CASE_READERS,
            form: |t, _| vec![("case_id", t.case_id.clone()), ("meeting_id", t.meeting_id.clone())],
        },
        Rule {
            endpoint: "records",
            allowed: &[OwnClient, Pair, Member, OwnWorker, SeatedOtherCoordinator, NonDisclosureClient],
            form: |t, _| case(t),
        },
        Rule { endpoint: "team_candidates", allowed: THE_PAIR, form: |t, _| case(t) },
        Rule { endpoint: "board", allowed: TEAM_STAFF, form: |t, _| vec![("board", format!("team-{}", t.case_id))] },
        Rule { endpoint: "my_boards", allowed: STAFF, form: none },
        Rule { endpoint: "card", allowed: TEAM_STAFF, form: |t, _| vec![("card", t.action_card.clone())] },
        Rule { endpoint: "card_comments", allowed: TEAM_STAFF, form: |t, _| vec![("card", t.action_card.clone())] },
        Rule { endpoint: "notifications", allowed: STAFF, form: none },
        Rule { endpoint: "unread_notifications", allowed: STAFF, form: none },
        Rule { endpoint: "mark_notifications_read", allowed: STAFF, form: none },
        Rule {
            endpoint: "concern_form",
            allowed: &[
                OwnClient,
                OtherClient,
                Pair,
                Member,
                OwnWorker,
                OffTeam,
                OtherCoordinator,
                RelativeWithScope,
                RelativeWithoutScope,
                RelativeViewOnly,
                RelativeExpired,
                RelativeRevoked,
                RemovedMember,
                SeatedOtherCoordinator,
                NonDisclosureClient,
            ],
            form: none,
        },
        Rule { endpoint: "open_concerns", allowed: COORDINATORS, form: none },
        Rule { endpoint: "urgent_concerns", allowed: COORDINATORS, form: none },
        Rule { endpoint: "feedback_overview", allowed: COORDINATORS, form: none },
        Rule { endpoint: "privacy", allowed: CLIENTS, form: none },
        Rule {
            endpoint: "raise_concern",
            // Anyone may raise a concern, a relative only about someone who lets them write.
            allowed: &[
                OwnClient,
                OtherClient,
                Pair,
                Member,
                OwnWorker,
                OffTeam,
                OtherCoordinator,
                RelativeWithScope,
                RemovedMember,
                SeatedOtherCoordinator,
                NonDisclosureClient,
            ],
            form: |t, _| {
                vec![
                    ("text", "Huoli jaksamisesta.".into()),
                    ("agrees_to_proceed", "on".into()),
                    ("name", "Testi Henkilö".into()),
                    ("date_of_birth", "1980-01-01".into()),
                    ("municipality", "Järvelä".into()),
                    ("client_id", t.client_id.clone()),
                ]
            },
        },
        Rule {
            endpoint: "decide_concern",
            allowed: COORDINATORS,
            form: |_, f| {
                vec![
                    ("concern_id", f.concern_id.clone()),
                    ("coping", "x".into()),
                    ("risk", "x".into()),
                    ("services_in_use", "x".into()),
                    ("recent_contacts", "x".into()),
                    ("life_areas_with_needs", "x".into()),
                    ("decision", "x".into()),
                    ("reason", "x".into()),
                ]
            },
        },
        Rule {
            endpoint: "write_view",
            allowed: WRITERS,
            form: |t, _| vec![("case_id", t.case_id.clone()), ("text", "Näkemykseni.".into())],
        },
        Rule {
            endpoint: "open_by_law",
            allowed: TEAM_STAFF,
            // Social care: only Liisa, of health care, opens anything (for herself), so that Mikko's
            // view of health care below stays a matter of consent alone.
            form: |t, _| {
                vec![
                    ("case_id", t.case_id.clone()),
                    ("register", "social".into()),
                    ("basis", "urgent_care".into()),
                    ("reason", "Kiireellinen hoito, asiakas tajuton.".into()),
                ]
            },
        },
        Rule {
            endpoint: "write_record",
            allowed: TEAM_STAFF,
            form: |t, _| vec![("case_id", t.case_id.clone()), ("text", "Kirjaus.".into())],
        },
        Rule {
            endpoint: "change_plan",
            allowed: &[OwnClient, Pair, Member, OwnWorker, SeatedOtherCoordinator, NonDisclosureClient],
            form: |t, _| {
                vec![
                    ("case_id", t.case_id.clone()),
                    ("seen", "0".into()),
                    ("op", "add_goal".into()),
                    ("words", "Tavoite".into()),
                ]
            },
        },
        Rule {
            endpoint: "give_feedback",
            allowed: &[OwnClient, RelativeWithScope, NonDisclosureClient],
            form: |t, _| {
                vec![
                    ("case_id", t.case_id.clone()),
                    ("occasion", "meeting".into()),
                    ("target_id", t.meeting_id.clone()),
                    ("score", "4".into()),
                ]
            },
        },
        Rule {
            endpoint: "record_voice",
            // The client speaks for themself; the pair records anyone's words.
            allowed: &[OwnClient, Pair, NonDisclosureClient],
            form: |t, _| {
                vec![
                    ("case_id", t.case_id.clone()),
                    ("meeting_id", t.meeting_id.clone()),
                    ("speaker", t.client_user_id.clone()),
                    ("hopes", "Toive.".into()),
                ]
            },
        },
        Rule {
            endpoint: "answer_member",
            allowed: OWN_CLIENT,
            form: |t, _| vec![("seat_id", t.seat_id.clone()), ("answer", "accept".into())],
        },
        Rule {
            endpoint: "comment_card",
            allowed: TEAM_STAFF,
            form: |t, _| vec![("card", t.action_card.clone()), ("body", "Kommentti.".into())],
        },
        Rule {
            endpoint: "edit_card",
            allowed: TEAM_STAFF,
            form: |t, _| {
                vec![
                    ("card", t.action_card.clone()),
                    ("version", "0".into()),
                    ("what", "Tehtävä".into()),
                    ("due", day(7)),
                ]
            },
        },
        Rule {
            endpoint: "move_card",
            allowed: TEAM_STAFF,
            form: |t, _| {
                vec![("card", t.action_card.clone()), ("column", "status:done".into()), ("version", "0".into())]
            },
        },
        Rule { endpoint: "care_allowance", allowed: THE_PAIR, form: |t, _| case(t) },
        Rule { endpoint: "start_assessment", allowed: THE_PAIR, form: |t, _| case(t) },
        Rule {
            endpoint: "save_assessment",
            allowed: THE_PAIR,
            form: |t, _| vec![("case_id", t.case_id.clone()), ("revision", "0".into()), ("intent", "save".into())],
        },
        Rule {
            endpoint: "schedule_meeting",
            allowed: THE_PAIR,
            form: |t, _| {
                vec![
                    ("case_id", t.case_id.clone()),
                    ("title", "Kokous".into()),
                    ("starts", at_one(5)),
                    ("minutes", "60".into()),
                    ("place", "Sote-keskus".into()),
                ]
            },
        },
        Rule {
            endpoint: "agree_steps",
            allowed: THE_PAIR,
            form: |t, _| {
                vec![("case_id", t.case_id.clone()), ("meeting_id", t.meeting_id.clone()), ("seen", "0".into())]
            },
        },
        Rule {
            endpoint: "review_plan",
            allowed: THE_PAIR,
            form: |t, _| vec![("case_id", t.case_id.clone()), ("seen", "0".into())],
        },
        Rule {
            endpoint: "propose_member",
            allowed: THE_PAIR,
            form: |t, _| vec![("case_id", t.case_id.clone()), ("user_id", "1".into()), ("team_role", "member".into())],
        },
        Rule {
            endpoint: "move_stage",
            allowed: THE_PAIR,
            // From a stage the case is not in: refused as stale for the pair, nothing moves.
            form: |t, _| {
                vec![("case_id", t.case_id.clone()), ("from", "identification".into()), ("to", "assessment".into())]
            },
        },
        Rule {
            endpoint: "close_case",
            allowed: THE_PAIR,
            form: |t, _| {
                vec![
                    ("case_id", t.case_id.clone()),
                    ("from", "identification".into()),
                    ("summary", String::new()),
                    ("continuation", String::new()),
                ]
            },
        },
        Rule {
            endpoint: "give_consent",
            allowed: CLIENTS,
            form: |_, _| {
                vec![
                    ("parties[]", "seat:own_worker".into()),
                    ("registers[]", "health".into()),
                    ("purpose", "Yhteistyö".into()),
                    ("valid_until", day(30)),
                ]
            },
        },
        Rule {
            endpoint: "record_consent",
            allowed: TEAM_STAFF,
            // Like the client's own consent, so that no one's view of the registers changes.
            form: |t, _| {
                vec![
                    ("case_id", t.case_id.clone()),
                    ("given_by", "client".into()),
                    ("method", "oral".into()),
                    ("parties[]", "seat:own_worker".into()),
                    ("registers[]", "health".into()),
                    ("purpose", "Yhteistyö".into()),
                    ("valid_until", day(30)),
                ]
            },
        },
        Rule {
            endpoint: "narrow_consent",
            allowed: OWN_CLIENT,
            form: |t, _| {
                vec![
                    ("consent_id", t.consent_id.clone()),
                    ("parties[]", "seat:own_worker".into()),
                    ("registers[]", "health".into()),
                    ("valid_until", day(20)),
                ]
            },
        },
        Rule { endpoint: "remove_member", allowed: THE_PAIR, form: |t, _| vec![("seat_id", t.seat_id.clone())] },
        Rule {
            endpoint: "withdraw_consent",
            allowed: OWN_CLIENT,
            form: |t, _| vec![("consent_id", t.consent_id.clone())],
        },
        Rule {
            endpoint: "record_withdrawal",
            // The consent the client withdrew just before: the team gets past the gate and is told so.
            allowed: TEAM_STAFF,
            form: |t, _| vec![("case_id", t.case_id.clone()), ("consent_id", t.consent_id.clone())],
        },
        Rule {
            endpoint: "set_relative_scope",
            allowed: OWN_CLIENT,
            // The scope as it is (Kari: nothing), so that no one's relationship changes.
            form: |t, _| vec![("link_id", t.relative_link.clone()), ("valid_until", String::new())],
        },
        Rule {
            endpoint: "revoke_relative",
            allowed: OWN_CLIENT,
            form: |t, _| vec![("link_id", t.relative_link.clone())],
        },
        Rule { endpoint: "logout", allowed: &EVERYONE, form: none },
    ]
}

/// Gets the id a JSON answer carries, or fails with what came instead.
fn id_of(status: StatusCode, body: &Value, what: &str) -> String {
    assert_eq!(status, StatusCode::OK, "{what}: {body}");
    body.as_i64().unwrap_or_else(|| panic!("{what}: {body}")).to_string()
}

/// The ids for calls about the case of `client`: a meeting, a seat of someone outside the matrix,
/// a consent of the client's, and an action card of the plan.
async fn target(app: &TestApp, client: &str, outsider: &str, coordinator: &str) -> Target {
    let case = app.case_of(client).await;
    let case_id = case.id.to_string();
    let sanna = app.signed_in(coordinator).await;
    let client_user_id = app.user_id(client).await.to_string();
    let (status, meeting) = json(
        schedule(
            app,
            &sanna,
            case.id,
            &[
                ("title", "Verkostokokous"),
                ("starts", &at_one(3)),
                ("minutes", "60"),
                ("place", "Sote-keskus"),
                ("participants[]", &client_user_id),
            ],
        )
        .await,
    )
    .await;
    let meeting_id = id_of(status, &meeting, "a meeting");
    let (_, detail) = json(app.call(&sanna, "case", &[("case_id", &case_id)]).await).await;
    let seat_id = detail["team"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == outsider)
        .unwrap_or_else(|| panic!("{outsider} on the team: {detail}"))["seat_id"]
        .to_string();
    let own = app.signed_in(client).await;
    let (status, consent) = json(
        app.call(
            &own,
            "give_consent",
            &[
                ("parties[]", "seat:own_worker"),
                ("registers[]", "health"),
                ("purpose", "Yhteistyö"),
                ("valid_until", &day(60)),
            ],
        )
        .await,
    )
    .await;
    let consent_id = id_of(status, &consent, "a consent");
    let (_, plan) = json(app.call(&sanna, "plan", &[("case_id", &case_id)]).await).await;
    let sanna_id = app.user_id(coordinator).await.to_string();
    let added = app
        .call(
            &sanna,
            "change_plan",
            &[
                ("case_id", &case_id),
                ("seen", &plan["version"].to_string()),
                ("op", "add_action"),
                ("what", "Matriisin tehtävä"),
                ("owner", &sanna_id),
                ("due", &day(14)),
            ],
        )
        .await;
    assert_eq!(added.status(), StatusCode::OK, "an action of the pair's: {}", added.text().await.unwrap());
    let (_, plan) = json(app.call(&sanna, "plan", &[("case_id", &case_id)]).await).await;
    let key = plan["content"]["actions"].as_array().unwrap().iter().find(|a| a["what"] == "Matriisin tehtävä").unwrap()
        ["key"]
        .to_string();
    let link = relative_link::Entity::find()
        .filter(relative_link::Column::ClientId.eq(case.client_id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{client} has a close one"));
    Target {
        relative_link: link.id.to_string(),
        action_card: format!("action-{case_id}-{key}"),
        case_id,
        client_id: case.client_id.to_string(),
        client_user_id,
        meeting_id,
        seat_id,
        consent_id,
    }
}

/// The relationships that end or narrow, set up in the database as time and earlier decisions
/// would leave them: two close ones of Eino's (leave expired, leave revoked), a member removed
/// from his team, a coordinator of the other pair seated on it, and a close one of Riikka's.
async fn relationships(app: &TestApp) {
    use app::store::entities::case_member;
    use app::store::entities::relative_link;
    use app::store::entities::user;
    use sea_orm::{ActiveModelTrait, Set};
    let now = chrono::Utc::now();
    let hash = user::Entity::find()
        .filter(user::Column::Username.eq("kari.mantyla"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .password_hash;
    let eino = app.case_of("eino.mantyla").await;
    let riikka = app.case_of("riikka.lehto").await;
    for (username, client_id, can, until, revoked) in [
        ("expired.relative", eino.client_id, true, Some(now - chrono::Duration::days(1)), None),
        ("revoked.relative", eino.client_id, true, None, Some(now - chrono::Duration::hours(1))),
        ("riikka.close", riikka.client_id, false, None, None),
    ] {
        let person = user::ActiveModel {
            username: Set(username.into()),
            password_hash: Set(hash.clone()),
            display_name: Set(username.into()),
            role: Set(Role::Relative),
            preferred_language: Set("fi".into()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        relative_link::ActiveModel {
            relative_user_id: Set(person.id),
            client_id: Set(client_id),
            relationship: Set("sisar".into()),
            can_view: Set(can),
            can_write: Set(can),
            granted_at: Set(now - chrono::Duration::days(30)),
            valid_until: Set(until),
            revoked_at: Set(revoked),
            sector: Set(Sector::Shared),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    for (username, left_at) in [("pekka.heikkinen", Some(now - chrono::Duration::days(2))), ("jari.koskinen", None)] {
        case_member::ActiveModel {
            case_id: Set(eino.id),
            user_id: Set(app.user_id(username).await),
            team_role: Set(TeamRole::Member),
            joined_at: Set(now - chrono::Duration::days(10)),
            sector: Set(Sector::Shared),
            status: Set(SeatStatus::Accepted),
            proposed_by_user_id: Set(None),
            answered_at: Set(Some(now - chrono::Duration::days(9))),
            left_at: Set(left_at),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
}

/// Whether an answer means the person got past the gate.
async fn passed(res: reqwest::Response) -> (bool, String) {
    let status = res.status();
    let body = res.text().await.unwrap_or_default();
    let refused = status == StatusCode::UNAUTHORIZED
        || status == StatusCode::NOT_FOUND
        || (status == StatusCode::FORBIDDEN
            && serde_json::from_str::<Value>(&body).is_ok_and(|b| b["error"] == "forbidden"));
    (!refused, format!("{status} {}", body.chars().take(160).collect::<String>()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_lets_in_exactly_who_its_rule_says() {
    let app = TestApp::spawn().await;
    let rules = rules();

    // The registry and the rules name the same functions.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    let ruled: BTreeSet<String> = rules.iter().map(|r| r.endpoint.to_string()).collect();
    assert_eq!(ruled.len(), rules.len(), "one rule per function");
    let without_rule: Vec<_> = registered.difference(&ruled).collect();
    assert!(without_rule.is_empty(), "server functions without a rule in the matrix: {without_rule:?}");
    let without_function: Vec<_> = ruled.difference(&registered).collect();
    assert!(without_function.is_empty(), "rules for functions that do not exist: {without_function:?}");

    relationships(&app).await;
    let targets: BTreeMap<&str, Target> = BTreeMap::from([
        ("eino.mantyla", target(&app, "eino.mantyla", "Ville Aaltonen", "sanna.virtanen").await),
        ("laura.kallio", target(&app, "laura.kallio", "Eeva Koivisto", "sanna.virtanen").await),
        ("helmi.lahtinen", target(&app, "helmi.lahtinen", "Pekka Heikkinen", "maria.nieminen").await),
        ("riikka.lehto", target(&app, "riikka.lehto", "Anna Lehtonen", "sanna.virtanen").await),
    ]);
    let eino = &targets["eino.mantyla"];
    let (status, concern) = json(
        app.call(
            &app.signed_in("heikki.laine").await,
            "raise_concern",
            &[
                ("text", "Huoli."),
                ("agrees_to_proceed", "on"),
                ("name", "Matti Meikäläinen"),
                ("date_of_birth", "1970-05-05"),
                ("municipality", "Järvelä"),
            ],
        )
        .await,
    )
    .await;
    let fixture = Fixture { concern_id: id_of(status, &concern, "a concern") };

    let mut sessions: BTreeMap<Who, Client> = BTreeMap::new();
    for who in EVERYONE {
        let http = match who.username() {
            Some(username) => app.signed_in(username).await,
            None => browser(),
        };
        sessions.insert(who, http);
    }

    // Past the gate, records are read by register: Liisa (health care) sees no social-care entry;
    // Mikko (social care) sees the health-care ones while Eino's consent names his seat.
    let sectors = |page: Value| -> BTreeSet<String> {
        page["entries"].as_array().unwrap().iter().map(|e| e["sector"].as_str().unwrap().to_string()).collect()
    };
    let (_, by_doctor) = json(app.call(&sessions[&Member], "records", &[("case_id", &eino.case_id)]).await).await;
    assert_eq!(sectors(by_doctor), BTreeSet::from(["health".to_string(), "other".to_string()]));
    let (_, by_own_worker) =
        json(app.call(&sessions[&OwnWorker], "records", &[("case_id", &eino.case_id)]).await).await;
    assert!(sectors(by_own_worker).contains("health"), "the consent names the own worker's seat");

    let mut wrong = Vec::new();
    for rule in &rules {
        assert!(rule.allowed.iter().all(|w| EVERYONE.contains(w)));
        // The refused first, so that nothing an allowed call changes can hide a refusal.
        let mut order: Vec<Who> = EVERYONE.iter().copied().filter(|w| !rule.allowed.contains(w)).collect();
        order.extend(EVERYONE.iter().copied().filter(|w| rule.allowed.contains(w)));
        for who in order {
            let target = &targets[who.client()];
            let form = (rule.form)(target, &fixture);
            // Signing in replaces the session a client holds; it is tried on a fresh one.
            let http = if rule.endpoint == "login" { browser() } else { sessions[&who].clone() };
            let res = http.post(format!("{}/api/{}", app.address, rule.endpoint)).form(&form).send().await.unwrap();
            let (got_in, answer) = passed(res).await;
            let expected = rule.allowed.contains(&who);
            if got_in != expected {
                wrong.push(format!(
                    "{} as {who:?}: expected {}, got {answer}",
                    rule.endpoint,
                    if expected { "in" } else { "refused" }
                ));
            }
        }
    }

    // Both live sockets: `/live` (notices that name no one) for staff, and a client's team board
    // for the professionals on the team now. Refused before the upgrade, or let in.
    for who in EVERYONE {
        let cookie = match who.username() {
            Some(username) => Some(app.session_cookie(username).await),
            None => None,
        };
        let team_board = format!("/live/board/team-{}", targets[who.client()].case_id);
        for (path, allowed) in [("/live", STAFF), (team_board.as_str(), TEAM_STAFF)] {
            let got_in = match open_socket(&app.address, path, cookie.as_deref(), &app.address).await {
                Ok(_) => true,
                Err(status) => {
                    assert!(
                        [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&status),
                        "{path} as {who:?}: {status}"
                    );
                    false
                }
            };
            if got_in != allowed.contains(&who) {
                wrong.push(format!(
                    "{path} as {who:?}: expected {}",
                    if allowed.contains(&who) { "in" } else { "refused" }
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} answers broke the matrix:\n{}", wrong.len(), wrong.join("\n"));

    // The matrix withdrew the first consent, and Eino and his team gave or recorded others like
    // it; once Eino withdraws those too, the health-care register is closed to Mikko again.
    let eino_again = app.signed_in("eino.mantyla").await;
    let (_, page) = json(app.call(&eino_again, "privacy", &[]).await).await;
    let standing: Vec<String> = page["consents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["in_force"] == true)
        .map(|c| c["id"].to_string())
        .collect();
    assert_eq!(standing.len(), 1 + TEAM_STAFF.len(), "Eino's own and one recorded by each of his team: {page}");
    for id in &standing {
        assert_eq!(app.call(&eino_again, "withdraw_consent", &[("consent_id", id)]).await.status(), StatusCode::OK);
    }
    let mikko = app.signed_in("mikko.salonen").await;
    let (_, by_own_worker) = json(app.call(&mikko, "records", &[("case_id", &eino.case_id)]).await).await;
    assert!(!sectors(by_own_worker).contains("health"), "a withdrawn consent opens nothing");
}
