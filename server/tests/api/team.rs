//! The client's team: the pair proposes, the client alone accepts or declines, and a case run by
//! the pair never loses a coordinator without a replacement.

use crate::helpers::*;
use app::domain::ids::CaseId;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn propose(app: &TestApp, http: &Client, case_id: CaseId, username: &str, role: &str) -> reqwest::Response {
    let user_id = app.user_id(username).await.to_string();
    app.call(http, "propose_member", &[("case_id", &case_id.to_string()), ("user_id", &user_id), ("team_role", role)])
        .await
}

async fn team(app: &TestApp, http: &Client, case_id: CaseId) -> Vec<Value> {
    let (status, detail) = json(app.call(http, "case", &[("case_id", &case_id.to_string())]).await).await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    detail["team"].as_array().unwrap().clone()
}

async fn seat_of(app: &TestApp, http: &Client, case_id: CaseId, name: &str) -> i64 {
    team(app, http, case_id).await.iter().find(|m| m["name"] == name).unwrap_or_else(|| panic!("{name} on the team"))
        ["seat_id"]
        .as_i64()
        .unwrap()
}

async fn answer(app: &TestApp, http: &Client, seat: i64, answer: &str) -> reqwest::Response {
    app.call(http, "answer_member", &[("seat_id", &seat.to_string()), ("answer", answer)]).await
}

async fn remove(app: &TestApp, http: &Client, seat: i64, replacement: Option<i64>) -> reqwest::Response {
    let seat = seat.to_string();
    let replacement = replacement.map(|r| r.to_string());
    let mut form = vec![("seat_id", seat.as_str())];
    if let Some(r) = replacement.as_deref() {
        form.push(("replacement", r));
    }
    app.call(http, "remove_member", &form).await
}

/// The names a search for someone to propose finds.
async fn candidate_names(app: &TestApp, http: &Client, case: CaseId, who: &str) -> Vec<String> {
    let (status, found) =
        json(app.call(http, "team_candidates", &[("case_id", &case.to_string()), ("who", who)]).await).await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found["more"], false, "{found}");
    found["people"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pair_finds_people_to_propose_by_name_not_from_a_list_of_every_professional() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let id = app.case_of("eino.mantyla").await.id;

    // Nothing typed: only the relatives the client has named.
    assert_eq!(candidate_names(&app, &sanna, id, "").await, ["Kari Mäntylä"]);
    assert_eq!(candidate_names(&app, &sanna, id, "  ").await, ["Kari Mäntylä"]);
    // A fragment of a name or username, in any case, Å/Ä/Ö as themselves.
    assert_eq!(candidate_names(&app, &sanna, id, "OJALA").await, ["Rauni Ojala"]);
    assert_eq!(candidate_names(&app, &sanna, id, "rauni.oj").await, ["Rauni Ojala"]);
    assert_eq!(candidate_names(&app, &sanna, id, "mäntylä").await, ["Kari Mäntylä"]);
    assert_eq!(candidate_names(&app, &sanna, id, "kari.mantyla").await, ["Kari Mäntylä"]);
    // Those already on the team are not offered again; a wildcard means itself.
    assert!(candidate_names(&app, &sanna, id, "mikko salonen").await.is_empty(), "already on the team");
    assert!(candidate_names(&app, &sanna, id, "%").await.is_empty());
    assert!(candidate_names(&app, &sanna, id, "_").await.is_empty());

    let long = "a".repeat(101);
    assert_error(
        app.call(&sanna, "team_candidates", &[("case_id", &id.to_string()), ("who", &long)]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({ "kind": "search_too_long", "max": 100 })),
    )
    .await;
    // Only the pair searches; a professional outside the team is refused.
    let rauni = app.signed_in("rauni.ojala").await;
    assert_eq!(
        app.call(&rauni, "team_candidates", &[("case_id", &id.to_string()), ("who", "a")]).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_decides_who_joins_their_team() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let eino = app.signed_in("eino.mantyla").await;
    let id = app.case_of("eino.mantyla").await.id;

    let names = candidate_names(&app, &sanna, id, "rauni").await;
    assert_eq!(names, ["Rauni Ojala"]);

    assert_eq!(propose(&app, &sanna, id, "rauni.ojala", "member").await.status(), StatusCode::OK);
    let rauni = app.signed_in("rauni.ojala").await;
    assert_error(
        app.call(&rauni, "case", &[("case_id", &id.to_string())]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
    let (_, pathways) = json(app.call(&eino, "my_pathway", &[]).await).await;
    let proposed: Vec<&Value> =
        pathways[0]["team"].as_array().unwrap().iter().filter(|m| m["status"] == "proposed").collect();
    assert_eq!(proposed.len(), 1);
    assert_eq!(proposed[0]["name"], "Rauni Ojala");
    let seat = proposed[0]["seat_id"].as_i64().unwrap();

    assert_error(
        answer(&app, &sanna, seat, "accept").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("client_only")),
    )
    .await;
    let kari = app.signed_in("kari.mantyla").await;
    assert_error(
        answer(&app, &kari, seat, "accept").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("outside_relative_scope")),
    )
    .await;
    let aino = app.signed_in("aino.korhonen").await;
    assert_error(
        answer(&app, &aino, seat, "accept").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_your_case")),
    )
    .await;
    assert_error(
        answer(&app, &eino, seat, "maybe").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({"kind": "invalid_choice", "value": "maybe"})),
    )
    .await;

    let (status, body) = json(answer(&app, &eino, seat, "accept").await).await;
    assert_eq!((status, body), (StatusCode::OK, json!(true)));
    assert_eq!(
        app.call(&rauni, "case", &[("case_id", &id.to_string())]).await.status(),
        StatusCode::OK,
        "accepted members see the case"
    );
    assert_error(
        answer(&app, &eino, seat, "decline").await,
        StatusCode::CONFLICT,
        "team",
        Some(json!({"kind": "already_answered"})),
    )
    .await;
    let (_, detail) = json(app.call(&sanna, "case", &[("case_id", &id.to_string())]).await).await;
    let kinds: Vec<Value> = detail["history"].as_array().unwrap().iter().map(|h| h["event"]["kind"].clone()).collect();
    assert!(kinds.ends_with(&[json!("member_proposed"), json!("member_joined")]), "{kinds:?}");

    // The rules of the seats, each with its own answer.
    assert_error(
        propose(&app, &sanna, id, "rauni.ojala", "member").await,
        StatusCode::CONFLICT,
        "team",
        Some(json!({"kind": "already_on_team"})),
    )
    .await;
    assert_error(
        propose(&app, &sanna, id, "timo.peltonen", "social_coordinator").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({"kind": "wrong_person_for_seat", "role": "social_coordinator"})),
    )
    .await;
    assert_error(
        propose(&app, &sanna, id, "jari.koskinen", "social_coordinator").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({"kind": "wrong_sector_for_seat", "role": "social_coordinator", "sector": "social"})),
    )
    .await;
    assert_error(
        propose(&app, &sanna, id, "noora.lindholm", "own_worker").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({"kind": "own_worker_taken"})),
    )
    .await;
    assert_error(
        propose(&app, &sanna, id, "pirjo.korhonen", "relative").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({"kind": "wrong_person_for_seat", "role": "relative"})),
    )
    .await;
    assert_error(
        propose(&app, &sanna, id, "rauni.ojala", "captain").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({"kind": "invalid_choice", "value": "captain"})),
    )
    .await;

    // A declined proposal gives no access and leaves the team as it was.
    assert_eq!(propose(&app, &sanna, id, "noora.lindholm", "member").await.status(), StatusCode::OK);
    let seat = seat_of(&app, &sanna, id, "Noora Lindholm").await;
    assert_eq!(json(answer(&app, &eino, seat, "decline").await).await.1, json!(false));
    let noora = app.signed_in("noora.lindholm").await;
    assert_error(
        app.call(&noora, "case", &[("case_id", &id.to_string())]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
    assert!(!team(&app, &sanna, id).await.iter().any(|m| m["name"] == "Noora Lindholm"));

    // Only the pair proposes.
    let liisa = app.signed_in("liisa.makinen").await;
    assert_error(
        propose(&app, &liisa, id, "noora.lindholm", "member").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_coordinator_of_case")),
    )
    .await;
    assert_error(
        propose(&app, &eino, id, "noora.lindholm", "member").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_coordinator_of_case")),
    )
    .await;
    app.assert_places_are_current().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_in_collaboration_keeps_its_coordinator_pair() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let eino = app.signed_in("eino.mantyla").await;
    let id = app.case_of("eino.mantyla").await.id;
    let heikki_seat = seat_of(&app, &sanna, id, "Heikki Laine").await;

    assert_error(
        remove(&app, &sanna, heikki_seat, None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(
            json!({"kind": "coordinator_without_replacement", "role": "health_coordinator", "stage": "collaboration"}),
        ),
    )
    .await;

    // A replacement first: proposed, accepted by the client, then named when Heikki leaves.
    assert_eq!(propose(&app, &sanna, id, "jari.koskinen", "health_coordinator").await.status(), StatusCode::OK);
    let jari_seat = seat_of(&app, &sanna, id, "Jari Koskinen").await;
    assert!(
        remove(&app, &sanna, heikki_seat, Some(jari_seat)).await.status().is_client_error(),
        "a proposal is not yet a replacement"
    );
    assert_eq!(answer(&app, &eino, jari_seat, "accept").await.status(), StatusCode::OK);
    let liisa = app.signed_in("liisa.makinen").await;
    assert_error(
        remove(&app, &liisa, heikki_seat, Some(jari_seat)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_coordinator_of_case")),
    )
    .await;
    assert_eq!(remove(&app, &sanna, heikki_seat, Some(jari_seat)).await.status(), StatusCode::OK);

    let heikki = app.signed_in("heikki.laine").await;
    assert_error(
        app.call(&heikki, "case", &[("case_id", &id.to_string())]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
    let jari = app.signed_in("jari.koskinen").await;
    let (_, detail) = json(app.call(&jari, "case", &[("case_id", &id.to_string())]).await).await;
    assert_eq!(detail["moves"][0], json!({"to": "follow_up", "blocked": null}), "the new pair runs the case");
    let last = detail["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        last["event"],
        json!({"kind": "member_left", "name": "Heikki Laine", "team_role": "health_coordinator"})
    );

    // Members leave freely; a proposal can be withdrawn before the client answers.
    let ville_seat = seat_of(&app, &sanna, id, "Ville Aaltonen").await;
    assert_eq!(remove(&app, &sanna, ville_seat, None).await.status(), StatusCode::OK);
    assert_error(
        remove(&app, &sanna, ville_seat, None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "team",
        Some(json!({"kind": "not_on_team"})),
    )
    .await;
    assert_eq!(propose(&app, &sanna, id, "maria.nieminen", "social_coordinator").await.status(), StatusCode::OK);
    let maria_seat = seat_of(&app, &sanna, id, "Maria Nieminen").await;
    assert_eq!(remove(&app, &sanna, maria_seat, None).await.status(), StatusCode::OK);
    let (_, pathways) = json(app.call(&eino, "my_pathway", &[]).await).await;
    assert!(!pathways[0]["team"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["name"] == "Maria Nieminen" || m["name"] == "Ville Aaltonen"));
    app.assert_places_are_current().await;
}
