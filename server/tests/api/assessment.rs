//! The service-need assessment: the legal clock, who may read and write what, the draft, its
//! completion moving the case to collaboration, and read-only versions with amendments.

use crate::helpers::*;
use app::domain::calendar::finnish_date;
use app::domain::ids::CaseId;
use app::domain::{AssessmentClock, Sector, Stage};
use app::events::DomainEvent;
use app::store::entities::{assessment, assessment_view, client};
use reqwest::{Client, Response, StatusCode};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::{json, Value};

async fn load(app: &TestApp, http: &Client, case_id: CaseId) -> Response {
    app.call(http, "assessment", &[("case_id", &case_id.to_string())]).await
}

async fn start(app: &TestApp, http: &Client, case_id: CaseId) -> Response {
    app.call(http, "start_assessment", &[("case_id", &case_id.to_string())]).await
}

async fn write_view(app: &TestApp, http: &Client, case_id: CaseId, text: &str) -> Response {
    app.call(http, "write_view", &[("case_id", &case_id.to_string()), ("text", text)]).await
}

/// A complete assessment form, as the browser sends it, with `extra` fields added.
async fn save(
    app: &TestApp,
    http: &Client,
    case_id: CaseId,
    revision: i64,
    intent: &str,
    extra: &[(&str, &str)],
) -> Response {
    let case_id = case_id.to_string();
    let revision = revision.to_string();
    let mut form: Vec<(&str, &str)> = vec![
        ("case_id", &case_id),
        ("revision", &revision),
        ("intent", intent),
        ("weights[housing]", "major"),
        ("needs[housing]", "Kotona on jyrkät portaat, eikä Aino pääse enää ulos."),
        ("weights[illness]", "moderate"),
        ("needs[illness]", "Diabeteksen hoito tarvitsee tukea."),
        ("weights[finances]", ""),
        ("needs[finances]", ""),
        ("strengths", "Tytär Pirjo käy viikoittain."),
        ("mode", "home_visit"),
        ("client_took_part", "on"),
        ("others", "Pirjo Korhonen, tytär"),
        ("shared_understanding", "Ensin turvallinen asuminen, sitten säännöllinen diabeteksen seuranta."),
        ("own_worker_needed", "yes"),
    ];
    form.extend_from_slice(extra);
    app.call(http, "save_assessment", &form).await
}

async fn page(app: &TestApp, http: &Client, case_id: CaseId) -> Value {
    let (status, body) = json(load(app, http, case_id).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn rows(app: &TestApp, case_id: CaseId) -> (u64, u64) {
    let versions =
        assessment::Entity::find().filter(assessment::Column::CaseId.eq(case_id)).count(&app.db).await.unwrap();
    let views = assessment_view::Entity::find()
        .filter(assessment_view::Column::CaseId.eq(case_id))
        .count(&app.db)
        .await
        .unwrap();
    (versions, views)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_assessment_runs_from_its_start_to_collaboration() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let case = app.case_of("aino.korhonen").await;
    let id = case.id;

    // Aino is 79: the 7-working-day clock runs, and collaboration waits for the assessment.
    let (_, detail) = json(app.call(&sanna, "case", &[("case_id", &id.to_string())]).await).await;
    assert_eq!(detail["clock"]["clock"], "running", "{detail}");
    assert_eq!(detail["moves"][0]["blocked"], json!({"kind": "assessment_not_completed"}));
    assert_error(
        app.call(
            &sanna,
            "move_stage",
            &[("case_id", &id.to_string()), ("from", "assessment"), ("to", "collaboration")],
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "transition",
        Some(json!({"kind": "assessment_not_completed"})),
    )
    .await;

    let (status, version) = json(start(&app, &sanna, id).await).await;
    assert_eq!((status, version), (StatusCode::OK, json!(1)));
    assert_eq!(json(start(&app, &sanna, id).await).await.1, json!(1), "starting twice opens one draft");
    assert_eq!(rows(&app, id).await.0, 1);
    let body = page(&app, &sanna, id).await;
    assert_eq!(body["clock"]["clock"], "started", "the clock stops at the start: {}", body["clock"]);
    assert_eq!(body["clock"]["in_time"], true);
    let revision = body["draft"]["revision"].as_i64().unwrap();

    let (status, saved) = json(save(&app, &sanna, id, revision, "save", &[]).await).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved, json!({"version": 1, "completed": false, "stage": "assessment"}));
    let body = page(&app, &sanna, id).await;
    assert_eq!(body["draft"]["content"]["needs"][0]["area"], "housing");
    assert_eq!(body["draft"]["missing"], json!(["client_view"]));
    let revision = body["draft"]["revision"].as_i64().unwrap();

    assert_error(
        save(&app, &sanna, id, revision, "complete", &[]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "assessment",
        Some(json!({"kind": "incomplete", "missing": ["client_view"]})),
    )
    .await;

    // The client and her daughter write their own views from the pathway.
    let aino = app.signed_in("aino.korhonen").await;
    assert_eq!(
        write_view(&app, &aino, id, "Haluan asua kotona, mutta portaat pelottavat.").await.status(),
        StatusCode::OK
    );
    let pirjo = app.signed_in("pirjo.korhonen").await;
    assert_eq!(write_view(&app, &pirjo, id, "Äiti tarvitsee apua kauppaan.").await.status(), StatusCode::OK);
    let liisa = app.signed_in("liisa.makinen").await;
    assert_eq!(write_view(&app, &liisa, id, "Sokeriarvot vaihtelevat.").await.status(), StatusCode::OK);

    // Heikki saves meanwhile; Sanna's revision is stale now and her completion is refused.
    let heikki = app.signed_in("heikki.laine").await;
    assert_eq!(save(&app, &heikki, id, revision, "save", &[]).await.status(), StatusCode::OK);
    assert_error(
        save(&app, &sanna, id, revision, "complete", &[]).await,
        StatusCode::CONFLICT,
        "assessment",
        Some(json!({"kind": "stale_draft"})),
    )
    .await;
    assert_eq!(app.case_by_id(id).await.stage, Stage::Assessment);

    let revision = page(&app, &sanna, id).await["draft"]["revision"].as_i64().unwrap();
    let mut events = app.state.events.subscribe();
    let (status, saved) = json(save(&app, &sanna, id, revision, "complete", &[]).await).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved, json!({"version": 1, "completed": true, "stage": "collaboration"}));
    assert_eq!(app.case_by_id(id).await.stage, Stage::Collaboration);
    let published = published(&mut events);
    assert!(
        matches!(published.first(), Some(DomainEvent::StageChanged { from: Stage::Assessment, to: Stage::Collaboration, case_id, .. }) if *case_id == id),
        "{published:?}"
    );
    let (_, detail) = json(app.call(&sanna, "case", &[("case_id", &id.to_string())]).await).await;
    let kinds: Vec<Value> = detail["history"].as_array().unwrap().iter().map(|h| h["event"]["kind"].clone()).collect();
    assert!(kinds.ends_with(&[json!("assessment_completed"), json!("stage_changed")]), "{kinds:?}");
    assert_eq!(app.audit_rows(id, "assessment", "update").await.len(), 3);

    // The completed version keeps the views it was completed with, and the database keeps it as it is.
    let body = page(&app, &aino, id).await;
    assert!(body["draft"].is_null(), "clients see completed versions, not drafts");
    assert_eq!(body["versions"][0]["views"].as_array().unwrap().len(), 3);
    assert_eq!(body["versions"][0]["views"][0]["author"], "client");
    assert_eq!(body["versions"][0]["completed_by"], "Sanna Virtanen");
    assert!(app
        .db
        .execute_unprepared("UPDATE assessments SET content = '{}' WHERE status = 'completed'")
        .await
        .is_err());
    assert!(app.db.execute_unprepared("DELETE FROM assessments").await.is_err());
    assert!(app.db.execute_unprepared("UPDATE assessment_views SET text = 'forged'").await.is_err());

    // An amendment is a new version that starts from the last one; the case stays where it is.
    assert_eq!(json(start(&app, &heikki, id).await).await.1, json!(2));
    let body = page(&app, &heikki, id).await;
    assert_eq!(
        body["draft"]["content"]["shared_understanding"],
        body["versions"][0]["content"]["shared_understanding"]
    );
    let revision = body["draft"]["revision"].as_i64().unwrap();
    let (status, saved) = json(
        save(
            &app,
            &heikki,
            id,
            revision,
            "complete",
            &[("weights[mental_health]", "minor"), ("needs[mental_health]", "Yksinäisyys")],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved, json!({"version": 2, "completed": true, "stage": "collaboration"}));
    let body = page(&app, &sanna, id).await;
    assert_eq!(body["versions"].as_array().unwrap().len(), 2);
    assert_eq!(body["versions"][0]["version"], 2);
    assert_eq!(body["versions"][0]["content"]["needs"].as_array().unwrap().len(), 3);
    assert_eq!(body["versions"][1]["content"]["needs"].as_array().unwrap().len(), 2, "version 1 is unchanged");
    app.assert_places_are_current().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_team_the_client_and_allowed_relatives_read_and_write_it() {
    let app = TestApp::spawn().await;
    let aino_case = app.case_of("aino.korhonen").await.id;
    let eino_case = app.case_of("eino.mantyla").await.id;
    let helmi_case = app.case_of("helmi.lahtinen").await.id;
    let before = (rows(&app, aino_case).await, rows(&app, eino_case).await, rows(&app, helmi_case).await);

    for (who, case_id, reason) in [
        ("rauni.ojala", aino_case, "not_on_team"),
        ("maria.nieminen", aino_case, "not_on_team"),
        ("eino.mantyla", aino_case, "not_your_case"),
        ("kari.mantyla", eino_case, "outside_relative_scope"),
        ("admin", aino_case, "administrator_no_client_content"),
    ] {
        let http = app.signed_in(who).await;
        assert_error(load(&app, &http, case_id).await, StatusCode::FORBIDDEN, "forbidden", Some(json!(reason))).await;
        assert_error(
            write_view(&app, &http, case_id, "näkemys").await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!(reason)),
        )
        .await;
    }

    // Markku may see his mother's pathway, but she has not let him write.
    let markku = app.signed_in("markku.lahtinen").await;
    assert_eq!(load(&app, &markku, helmi_case).await.status(), StatusCode::OK);
    assert_error(
        write_view(&app, &markku, helmi_case, "Äiti pärjää hyvin.").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("outside_relative_scope")),
    )
    .await;
    let (_, pathways) = json(app.call(&markku, "my_pathway", &[]).await).await;
    assert_eq!(pathways[0]["can_write_view"], false);

    // Team members and the client read it; only the pair starts and saves it.
    for who in ["liisa.makinen", "aino.korhonen", "pirjo.korhonen"] {
        let http = app.signed_in(who).await;
        let body = page(&app, &http, aino_case).await;
        assert_eq!(body["can_edit"], false, "{who}");
        assert_eq!(body["can_write_view"], true, "{who}");
        assert_error(
            start(&app, &http, aino_case).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("not_coordinator_of_case")),
        )
        .await;
        assert_error(
            save(&app, &http, aino_case, 1, "save", &[]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("not_coordinator_of_case")),
        )
        .await;
        assert_error(
            app.call(&http, "care_allowance", &[("case_id", &aino_case.to_string()), ("highest", "on")]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("not_coordinator_of_case")),
        )
        .await;
    }
    assert_eq!((rows(&app, aino_case).await, rows(&app, eino_case).await, rows(&app, helmi_case).await), before);
    let views = app.audit_rows(aino_case, "assessment", "view").await;
    assert!(views.iter().any(|row| row.basis == "relative_link"), "every read is logged with its basis");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_a_specific_answer_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let id = app.case_of("aino.korhonen").await.id;

    assert_error(
        save(&app, &sanna, id, 1, "save", &[]).await,
        StatusCode::CONFLICT,
        "assessment",
        Some(json!({"kind": "not_started"})),
    )
    .await;
    assert_eq!(start(&app, &sanna, id).await.status(), StatusCode::OK);
    let revision = page(&app, &sanna, id).await["draft"]["revision"].as_i64().unwrap();
    let stored = || async {
        assessment::Entity::find().filter(assessment::Column::CaseId.eq(id)).one(&app.db).await.unwrap().unwrap()
    };
    let before = stored().await;

    for (extra, detail) in [
        (vec![("weights[daily_living]", "major")], json!({"kind": "need_without_text", "area": "daily_living"})),
        (
            vec![("needs[daily_living]", "Ruoanlaitto ei onnistu")],
            json!({"kind": "need_without_weight", "area": "daily_living"}),
        ),
        (
            vec![("weights[daily_living]", "huge"), ("needs[daily_living]", "x")],
            json!({"kind": "invalid_choice", "value": "huge"}),
        ),
        (vec![("participants[]", "999999")], json!({"kind": "unknown_participant"})),
    ] {
        assert_error(
            save(&app, &sanna, id, revision, "save", &extra).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "assessment",
            Some(detail),
        )
        .await;
    }
    let long = "x".repeat(2001);
    assert_error(
        save(
            &app,
            &sanna,
            id,
            revision,
            "save",
            &[("weights[substance_use]", "minor"), ("needs[substance_use]", &long)],
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "assessment",
        Some(json!({"kind": "text_too_long", "max": 2000})),
    )
    .await;
    assert_error(
        save(&app, &sanna, id, revision, "publish", &[]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "assessment",
        Some(json!({"kind": "invalid_choice", "value": "publish"})),
    )
    .await;
    assert_error(
        save(&app, &sanna, id, revision, "save", &[("participants[]", "abc")]).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
        None,
    )
    .await;
    assert_error(
        write_view(&app, &app.signed_in("aino.korhonen").await, id, "   ").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "assessment",
        Some(json!({"kind": "view_empty"})),
    )
    .await;
    assert_eq!(stored().await, before, "a refused save writes nothing");
    assert_eq!(rows(&app, id).await, (1, 0));

    // Identification cases cannot start an assessment; closing comes through the stage moves.
    let jussi = app.case_of("jussi.turunen").await.id;
    let maria = app.signed_in("maria.nieminen").await;
    assert_error(
        start(&app, &maria, jussi).await,
        StatusCode::CONFLICT,
        "assessment",
        Some(json!({"kind": "cannot_start"})),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_clock_follows_age_and_the_highest_care_allowance() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let elina = app.case_of("elina.hakala").await;

    let (_, detail) = json(app.call(&sanna, "case", &[("case_id", &elina.id.to_string())]).await).await;
    assert_eq!(detail["clock"]["clock"], "without_delay", "Elina is 30: no fixed day: {}", detail["clock"]);
    assert_eq!(detail["can_edit"], true);

    let anna = app.signed_in("anna.lehtonen").await;
    assert_error(
        app.call(&anna, "care_allowance", &[("case_id", &elina.id.to_string()), ("highest", "on")]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_coordinator_of_case")),
    )
    .await;

    let (status, body) =
        json(app.call(&sanna, "care_allowance", &[("case_id", &elina.id.to_string()), ("highest", "on")]).await).await;
    assert_eq!((status, body), (StatusCode::OK, json!(true)));
    let (_, detail) = json(app.call(&sanna, "case", &[("case_id", &elina.id.to_string())]).await).await;
    assert_eq!(detail["client"]["highest_care_allowance"], true);
    // The 7-working-day clock now runs from the first contact, counted in Finnish days.
    let person = client::Entity::find_by_id(elina.client_id).one(&app.db).await.unwrap().unwrap();
    let expected = AssessmentClock::at(
        finnish_date(elina.first_contact_at.expect("seeded")),
        person.date_of_birth,
        true,
        None,
        finnish_date(chrono::Utc::now()),
    );
    assert!(matches!(expected, AssessmentClock::Running { .. }));
    assert_eq!(detail["clock"], serde_json::to_value(expected).unwrap());
    let last = detail["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["event"], json!({"kind": "care_allowance_recorded", "highest": true}));

    // The staff list shows the clock for cases in assessment only.
    let (_, page) = json(app.call(&sanna, "my_cases", &[]).await).await;
    let list = &page["cases"];
    for case in list.as_array().unwrap() {
        assert_eq!(case["clock"].is_null(), case["stage"] != "assessment", "{case}");
    }
    let elina_row = list.as_array().unwrap().iter().find(|c| c["id"] == elina.id.0).unwrap();
    assert_eq!(elina_row["clock"], serde_json::to_value(expected).unwrap());

    // Unticking records the change back.
    let (status, body) = json(app.call(&sanna, "care_allowance", &[("case_id", &elina.id.to_string())]).await).await;
    assert_eq!((status, body), (StatusCode::OK, json!(false)));
    let person = client::Entity::find_by_id(elina.client_id).one(&app.db).await.unwrap().unwrap();
    assert!(!person.highest_care_allowance);
    app.assert_places_are_current().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_sees_their_views_and_the_finished_assessment_on_the_pathway() {
    let app = TestApp::spawn().await;
    let aino = app.signed_in("aino.korhonen").await;
    let id = app.case_of("aino.korhonen").await.id;
    let (_, pathways) = json(app.call(&aino, "my_pathway", &[]).await).await;
    assert_eq!(pathways[0]["can_write_view"], true);
    assert!(pathways[0]["assessment"].is_null());
    assert_eq!(write_view(&app, &aino, id, "Haluan asua kotona.").await.status(), StatusCode::OK);

    // Finish it directly in the database, as the coordinator would, to see what the client sees.
    let now = chrono::Utc::now();
    let sanna_id = app.user_id("sanna.virtanen").await;
    assessment::ActiveModel {
        case_id: Set(id),
        version: Set(1),
        status: Set("completed".into()),
        content: Set(json!({"content": {"needs": [], "strengths": "", "mode": "phone", "participants": [], "client_took_part": true,
            "others": "", "shared_understanding": "Kotiin tukea", "own_worker_needed": false}}).to_string()),
        revision: Set(2),
        started_at: Set(now),
        started_by_user_id: Set(sanna_id),
        updated_at: Set(now),
        updated_by_user_id: Set(sanna_id),
        completed_at: Set(Some(now)),
        completed_by_user_id: Set(Some(sanna_id)),
        sector: Set(Sector::Shared),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let (_, pathways) = json(app.call(&aino, "my_pathway", &[]).await).await;
    assert_eq!(pathways[0]["views"][0]["text"], "Haluan asua kotona.");
    assert_eq!(pathways[0]["views"][0]["name"], "Aino Korhonen");
    assert_eq!(pathways[0]["assessment"]["content"]["shared_understanding"], "Kotiin tukea");
}
