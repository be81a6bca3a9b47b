//! "My pathway" for clients and relatives within the scope the client granted.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_sees_their_stage_and_how_to_reach_their_team() {
    let app = TestApp::spawn().await;
    let (status, list) = json(app.call(&app.signed_in("aino.korhonen").await, "my_pathway", &[]).await).await;
    assert_eq!(status, StatusCode::OK);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["stage"], "assessment");
    assert_eq!(list[0]["as_relative"], false);
    let team = list[0]["team"].as_array().unwrap();
    let sanna = team.iter().find(|m| m["name"] == "Sanna Virtanen").expect("coordinator in the team");
    assert_eq!(sanna["team_role"], "social_coordinator");
    assert!(sanna["phone"].as_str().unwrap().starts_with("+358"));
    assert!(sanna["contact_hours"].is_string());
    assert!(team.iter().any(|m| m["team_role"] == "relative" && m["name"] == "Pirjo Korhonen"));

    let case = app.case_of("aino.korhonen").await;
    let rows = app.audit_rows(case.id, "pathway", "view").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].basis, "own_client");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relative_sees_the_pathway_only_with_the_clients_permission() {
    let app = TestApp::spawn().await;
    let (status, list) = json(app.call(&app.signed_in("pirjo.korhonen").await, "my_pathway", &[]).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list[0]["client_name"], "Aino Korhonen");
    assert_eq!(list[0]["as_relative"], true);
    let case = app.case_of("aino.korhonen").await;
    assert_eq!(app.audit_rows(case.id, "pathway", "view").await[0].basis, "relative_link");

    // Kari is Eino's brother, but Eino has not allowed him to see anything.
    let kari = app.signed_in("kari.mantyla").await;
    let (status, list) = json(app.call(&kari, "my_pathway", &[]).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list, json!([]));
    let eino_case = app.case_of("eino.mantyla").await;
    assert_error(
        app.call(&kari, "case", &[("case_id", &eino_case.id.to_string())]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("outside_relative_scope")),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_use_their_own_case_pages_not_the_pathway() {
    let app = TestApp::spawn().await;
    assert_error(
        app.call(&app.signed_in("sanna.virtanen").await, "my_pathway", &[]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("clients_and_relatives_only")),
    )
    .await;
}
