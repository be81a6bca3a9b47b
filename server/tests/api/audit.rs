//! The audit reviewer: searches the access log by client, accessor, period and basis, a page at a
//! time; sees no client content; and their own searching is logged about each client it showed,
//! so the client sees it in their access log.

use crate::helpers::*;
use app::store::entities::{audit_entry, case};
use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

const REVIEWER: &str = "paula.rinne";

async fn search(app: &TestApp, http: &Client, terms: &[(&str, &str)]) -> reqwest::Response {
    app.call(http, "audit_search", terms).await
}

async fn found(app: &TestApp, http: &Client, terms: &[(&str, &str)]) -> Value {
    let (status, body) = json(search(app, http, terms).await).await;
    assert_eq!(status, StatusCode::OK, "{terms:?}: {body}");
    body
}

fn rows(body: &Value) -> &Vec<Value> {
    body["rows"].as_array().unwrap()
}

async fn reviews_logged(app: &TestApp) -> u64 {
    let reviewer = app.user_id(REVIEWER).await;
    audit_entry::Entity::find()
        .filter(audit_entry::Column::ActorUserId.eq(reviewer))
        .filter(audit_entry::Column::Basis.eq("audit_review"))
        .count(&app.db)
        .await
        .unwrap()
}

/// A fresh app where Liisa (a member of Eino's team) has opened Eino's case once, and the audit
/// reviewer signed in to look for it.
async fn liisa_has_opened_einos_case() -> (TestApp, case::Model, Client) {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let (status, _) = json(app.call(&liisa, "case", &[("case_id", case.id.to_string().as_str())]).await).await;
    assert_eq!(status, StatusCode::OK);
    let paula = app.signed_in(REVIEWER).await;
    (app, case, paula)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_audit_reviewer_finds_who_opened_a_clients_case_and_the_search_is_logged_for_the_client() {
    let (app, case, paula) = liisa_has_opened_einos_case().await;

    // By part of the client's name, in any case, letters beyond ASCII included.
    let body = found(&app, &paula, &[("client", "MÄNTYLÄ")]).await;
    assert!(!rows(&body).is_empty());
    assert!(rows(&body).iter().all(|r| r["client"] == "Eino Mäntylä"), "{body}");
    let opened = rows(&body)
        .iter()
        .find(|r| r["actor_username"] == "liisa.makinen" && r["resource"] == "case")
        .unwrap_or_else(|| panic!("Liisa's opening of the case is found: {body}"));
    assert_eq!(opened["actor"], "Liisa Mäkinen");
    assert_eq!(opened["role"], "professional");
    assert_eq!(opened["action"], "view");
    assert_eq!(opened["case_id"], case.id.0);
    assert_eq!(opened["basis"], json!({ "team": "member" }));
    assert_eq!(opened["organisation"], "Järvelän hyvinvointialue, terveyspalvelut");
    assert!(body["next"].is_null(), "one page holds it all");

    // Narrowed by who, by the kind of basis and by the period.
    let by_liisa = found(&app, &paula, &[("client", "eino"), ("actor", "Liisa")]).await;
    assert!(
        !rows(&by_liisa).is_empty() && rows(&by_liisa).iter().all(|r| r["actor_username"] == "liisa.makinen"),
        "{by_liisa}"
    );
    let by_username = found(&app, &paula, &[("client", "eino"), ("actor", "liisa.mak")]).await;
    assert_eq!(rows(&by_username).len(), rows(&by_liisa).len());
    let by_team = found(&app, &paula, &[("client", "eino"), ("basis", "team")]).await;
    assert!(rows(&by_team).iter().all(|r| r["basis"].get("team").is_some()), "{by_team}");
    assert!(rows(&by_team).iter().any(|r| r["actor_username"] == "liisa.makinen"));
    let by_consent = found(&app, &paula, &[("client", "eino"), ("basis", "consent")]).await;
    assert!(rows(&by_consent).is_empty(), "Eino has given no consent: {by_consent}");
    let today = found(&app, &paula, &[("client", "eino"), ("from", &day(0)), ("until", &day(0))]).await;
    assert!(rows(&today).iter().any(|r| r["actor_username"] == "liisa.makinen"));
    let tomorrow = found(&app, &paula, &[("client", "eino"), ("from", &day(1)), ("until", &day(1))]).await;
    assert!(rows(&tomorrow).is_empty(), "{tomorrow}");
    let nobody = found(&app, &paula, &[("client", "Ei Ketään Tällaista")]).await;
    assert!(rows(&nobody).is_empty());

    // Every search that showed Eino's entries is in the log about Eino, and Eino sees it.
    let reviewer = app.user_id(REVIEWER).await;
    let about_eino = audit_entry::Entity::find()
        .filter(audit_entry::Column::ActorUserId.eq(reviewer))
        .filter(audit_entry::Column::ClientId.eq(case.client_id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        about_eino.len(),
        5,
        "five searches showed Eino's entries; the three that found nothing are not about him"
    );
    assert!(about_eino
        .iter()
        .all(|r| r.resource == "access_log" && r.action == "list" && r.basis == "audit_review" && r.case_id.is_none()));
    let eino = app.signed_in("eino.mantyla").await;
    let (_, privacy) = json(app.call(&eino, "privacy", &[]).await).await;
    let seen = privacy["log"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["basis"] == "audit_review")
        .expect("Eino sees the review");
    assert_eq!(seen["actor"], "Paula Rinne");
    assert_eq!(seen["role"], "auditor");

    // The search itself is found by the next search, with its basis.
    let reviews = found(&app, &paula, &[("client", "eino"), ("basis", "audit_review")]).await;
    assert!(rows(&reviews).iter().all(|r| r["actor_username"] == REVIEWER && r["basis"] == "audit_review"));
    assert_eq!(rows(&reviews).len(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_come_a_page_at_a_time_newest_first_without_gaps_or_repeats() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let liisa = app.signed_in("liisa.makinen").await;
    for _ in 0..105 {
        assert_eq!(
            app.call(&liisa, "case", &[("case_id", case.id.to_string().as_str())]).await.status(),
            StatusCode::OK
        );
    }
    let paula = app.signed_in(REVIEWER).await;
    let terms = [("client", "Eino"), ("actor", "liisa.makinen")];
    let first = found(&app, &paula, &terms).await;
    assert_eq!(rows(&first).len(), 100);
    let next = &first["next"];
    assert_eq!(next["client"], "Eino");
    assert_eq!(next["actor"], "liisa.makinen");
    let before = next["before"].as_str().unwrap().to_string();
    let second = found(&app, &paula, &[("client", "Eino"), ("actor", "liisa.makinen"), ("before", &before)]).await;
    assert!(second["next"].is_null());

    let ids: Vec<i64> = rows(&first).iter().chain(rows(&second)).map(|r| r["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first, no repeats");
    let all = audit_entry::Entity::find()
        .filter(audit_entry::Column::ActorUserId.eq(app.user_id("liisa.makinen").await))
        .filter(audit_entry::Column::ClientId.eq(case.client_id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(ids.len() as u64, all, "the two pages hold every entry");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_audit_reviewers_search_they_see_no_client_content_and_bad_terms_are_named() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let case_id = case.id.to_string();

    assert_error(search(&app, &app.anonymous(), &[]).await, StatusCode::UNAUTHORIZED, "unauthenticated", None).await;
    for username in ["liisa.makinen", "sanna.virtanen", "eino.mantyla", "pirjo.korhonen", "admin"] {
        let http = app.signed_in(username).await;
        assert_error(
            search(&app, &http, &[("client", "Eino")]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("auditors_only")),
        )
        .await;
    }

    let paula = app.signed_in(REVIEWER).await;
    for endpoint in ["case", "plan", "records", "assessment"] {
        assert_error(
            app.call(&paula, endpoint, &[("case_id", case_id.as_str())]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("auditor_sees_log_only")),
        )
        .await;
    }
    for endpoint in ["my_cases", "process_counts", "my_boards"] {
        assert_error(
            app.call(&paula, endpoint, &[]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("auditor_sees_log_only")),
        )
        .await;
    }

    let cases: Vec<(Vec<(&str, String)>, Value)> = vec![
        (vec![("from", "24.11.2026".into())], json!({ "kind": "date_invalid", "value": "24.11.2026" })),
        (vec![("from", day(0)), ("until", day(-1))], json!({ "kind": "period_reversed" })),
        (vec![("from", day(-400)), ("until", day(0))], json!({ "kind": "period_too_long", "max": 366 })),
        (vec![("basis", "whim".into())], json!({ "kind": "unknown_basis", "value": "whim" })),
        (vec![("before", "next".into())], json!({ "kind": "cursor_invalid", "value": "next" })),
        (vec![("client", "x".repeat(101))], json!({ "kind": "term_too_long", "max": 100 })),
    ];
    for (terms, reason) in cases {
        let terms: Vec<(&str, &str)> = terms.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_error(
            search(&app, &paula, &terms).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "audit_search",
            Some(reason),
        )
        .await;
    }
    assert_eq!(reviews_logged(&app).await, 0, "no refused search was logged as a review");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_list_is_logged_row_for_row_over_several_statements() {
    use app::domain::{Basis, TeamRole};
    use app::store::audit::{self, Action};
    let app = TestApp::spawn().await;
    let reader = app::store::session::load_user(&app.db, app.user_id("sanna.virtanen").await).await.unwrap().unwrap();
    let case = app.case_of("eino.mantyla").await;
    let logged = || audit_entry::Entity::find().filter(audit_entry::Column::Resource.eq("long_list")).count(&app.db);
    // More rows than one statement takes (1,000), so the list is written in three.
    let entries = (0..2_001)
        .map(|_| {
            audit::Entry::on_case(&reader, &case, "long_list", Action::List, Basis::Team(TeamRole::SocialCoordinator))
        })
        .collect();
    let reads = app::store::read_log::ReadLog::start(app.db.clone());
    reads.record(entries).await.unwrap();
    assert_eq!(logged().await.unwrap(), 2_001);
    reads.record(Vec::new()).await.unwrap();
    assert_eq!(logged().await.unwrap(), 2_001, "an empty list writes nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wildcard_in_a_name_matches_only_itself() {
    let (app, _, paula) = liisa_has_opened_einos_case().await;
    assert!(
        !rows(&found(&app, &paula, &[("client", "e")]).await).is_empty(),
        "a letter many names share finds their entries"
    );
    for term in ["%", "_", "\\", "E%o"] {
        assert!(rows(&found(&app, &paula, &[("client", term)]).await).is_empty(), "{term} is no pattern");
        assert!(rows(&found(&app, &paula, &[("actor", term)]).await).is_empty(), "{term} is no pattern");
    }
    assert!(rows(&found(&app, &paula, &[("client", "mantyla")]).await).is_empty(), "a is not ä");
    let by_name = found(&app, &paula, &[("actor", "LIISA MÄK")]).await;
    assert!(!rows(&by_name).is_empty());
    assert!(rows(&by_name).iter().all(|r| r["actor_username"] == "liisa.makinen"), "{by_name}");
}
