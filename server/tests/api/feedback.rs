//! Client feedback: the client and writing relatives score an ended meeting they were invited to
//! and the closure, once each; the coordinator pair reads it in aggregate only.

use crate::helpers::*;
use app::domain::ids::CaseId;
use app::store::entities::{feedback, meeting};
use reqwest::{Client, StatusCode};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

async fn give(
    app: &TestApp,
    http: &Client,
    case_id: CaseId,
    occasion: &str,
    target: i64,
    score: &str,
    text: &str,
) -> reqwest::Response {
    let (case_id, target) = (case_id.to_string(), target.to_string());
    let form = [
        ("case_id", case_id.as_str()),
        ("occasion", occasion),
        ("target_id", target.as_str()),
        ("score", score),
        ("text", text),
    ];
    app.call(http, "give_feedback", &form).await
}

async fn rows(app: &TestApp) -> u64 {
    feedback::Entity::find().count(&app.db).await.unwrap()
}

async fn overview(app: &TestApp, http: &Client) -> Value {
    let (status, body) = json(app.call(http, "feedback_overview", &[]).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// Schedules a meeting with `invited` on `case_id` and moves it a day into the past.
async fn past_meeting(app: &TestApp, http: &Client, case_id: CaseId, title: &str, invited: &[&str]) -> i64 {
    let mut ids = Vec::new();
    for username in invited {
        ids.push(app.user_id(username).await.to_string());
    }
    let start = at_one(5);
    let mut form =
        vec![("title", title), ("starts", start.as_str()), ("minutes", "60"), ("place", "Järvelän sote-keskus")];
    form.extend(ids.iter().map(|id| ("participants[]", id.as_str())));
    let (status, id) = json(schedule(app, http, case_id, &form).await).await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let id = id.as_i64().unwrap();
    let (status, _) = json(give(app, &app.signed_in(invited[0]).await, case_id, "meeting", id, "4", "").await).await;
    assert_eq!(status, StatusCode::CONFLICT, "no feedback on a meeting still to come");
    meeting::Entity::update_many()
        .col_expr(meeting::Column::StartsAt, Expr::value(chrono::Utc::now() - chrono::Duration::days(1)))
        .filter(meeting::Column::Id.eq(id as i32))
        .exec(&app.db)
        .await
        .unwrap();
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_on_a_meeting_comes_once_from_those_invited_and_the_pair_sees_only_the_aggregate() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let (laura, minna) = (app.signed_in("laura.kallio").await, app.signed_in("minna.kallio").await);
    let id = app.case_of("laura.kallio").await.id;
    let first =
        past_meeting(&app, &sanna, id, "Verkostokokous", &["laura.kallio", "minna.kallio", "olli.rantanen"]).await;
    let second = past_meeting(&app, &sanna, id, "Koulupalaveri", &["laura.kallio", "olli.rantanen"]).await;
    let coming = {
        let start = at_one(8);
        let laura_id = app.user_id("laura.kallio").await.to_string();
        let form = [
            ("title", "Seuraava"),
            ("starts", start.as_str()),
            ("minutes", "60"),
            ("place", "Koulu"),
            ("participants[]", laura_id.as_str()),
        ];
        json(schedule(&app, &sanna, id, &form).await).await.1.as_i64().unwrap()
    };

    // Each mistake has its own answer, and nothing is written.
    for (score, text, kind) in [
        ("", "Hyvä", json!({"kind": "score_missing"})),
        ("6", "", json!({"kind": "score_out_of_range", "value": "6"})),
        ("kolme", "", json!({"kind": "score_out_of_range", "value": "kolme"})),
        ("4", &"ä".repeat(2001), json!({"kind": "text_too_long", "max": 2000})),
    ] {
        assert_error(
            give(&app, &laura, id, "meeting", first, score, text).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "feedback",
            Some(kind),
        )
        .await;
    }
    assert_error(
        give(&app, &laura, id, "review", first, "4", "").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "feedback",
        Some(json!({"kind": "unknown_occasion", "value": "review"})),
    )
    .await;
    assert_error(
        give(&app, &laura, id, "meeting", coming, "4", "").await,
        StatusCode::CONFLICT,
        "feedback",
        Some(json!({"kind": "meeting_not_over"})),
    )
    .await;
    assert_error(give(&app, &laura, id, "meeting", 9999, "4", "").await, StatusCode::NOT_FOUND, "not_found", None)
        .await;
    let eino_case = app.case_of("eino.mantyla").await.id;
    assert_error(
        give(&app, &laura, eino_case, "meeting", first, "4", "").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_your_case")),
    )
    .await;
    assert_error(
        give(&app, &minna, id, "meeting", second, "4", "").await,
        StatusCode::FORBIDDEN,
        "feedback",
        Some(json!({"kind": "not_invited"})),
    )
    .await;
    let olli = app.signed_in("olli.rantanen").await;
    assert_error(
        give(&app, &olli, id, "meeting", first, "4", "").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("feedback_from_client_side")),
    )
    .await;
    assert_error(
        give(&app, &sanna, id, "meeting", first, "4", "").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("feedback_from_client_side")),
    )
    .await;
    let markku = app.signed_in("markku.lahtinen").await;
    let helmi_case = app.case_of("helmi.lahtinen").await.id;
    assert_error(
        give(&app, &markku, helmi_case, "meeting", first, "4", "").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("outside_relative_scope")),
    )
    .await;
    assert_eq!(rows(&app).await, 0, "nothing refused was written");

    // The client's pathway asks about the ended meetings they were invited to, newest first.
    let (_, pathway) = json(app.call(&laura, "my_pathway", &[]).await).await;
    let prompts = pathway[0]["feedback"].as_array().unwrap();
    assert_eq!(prompts.iter().map(|p| p["target_id"].as_i64().unwrap()).collect::<Vec<_>>(), vec![second, first]);
    assert!(prompts.iter().all(|p| p["occasion"] == "meeting" && p["given"].is_null()));
    let (_, minnas) = json(app.call(&minna, "my_pathway", &[]).await).await;
    assert_eq!(minnas[0]["feedback"].as_array().unwrap().len(), 1, "the relative was invited to one of them");

    assert_eq!(give(&app, &laura, id, "meeting", first, " 4 ", " Minua kuunneltiin. ").await.status(), StatusCode::OK);
    assert_error(
        give(&app, &laura, id, "meeting", first, "1", "").await,
        StatusCode::CONFLICT,
        "feedback",
        Some(json!({"kind": "already_given"})),
    )
    .await;
    assert_eq!(give(&app, &laura, id, "meeting", second, "2", "").await.status(), StatusCode::OK);
    assert_eq!(
        give(&app, &minna, id, "meeting", first, "5", "Hyvä, että äitikin sai sanoa.").await.status(),
        StatusCode::OK
    );
    assert_eq!(rows(&app).await, 3);
    let (_, pathway) = json(app.call(&laura, "my_pathway", &[]).await).await;
    assert_eq!(
        pathway[0]["feedback"][1]["given"],
        json!({"score": 4, "text": "Minua kuunneltiin."}),
        "the client sees what they gave"
    );
    let stored = feedback::Entity::find()
        .filter(feedback::Column::AuthorUserId.eq(app.user_id("minna.kallio").await))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.author_kind.as_str(), stored.occasion.as_str(), stored.meeting_id),
        ("relative", "meeting", Some(first as i32))
    );
    assert_eq!(app.audit_rows(id, "feedback", "create").await.len(), 3);

    // The pair sees the scores together: how many, the average and the spread, and the words
    // without who wrote them.
    let seen = overview(&app, &sanna).await;
    assert_eq!(seen["cases"], 1);
    assert_eq!(seen["after_meetings"]["spread"], json!([0, 1, 0, 1, 1]));
    assert_eq!(seen["at_closure"]["spread"], json!([0, 0, 0, 0, 0]));
    let words: Vec<&str> = seen["comments"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(words, vec!["Hyvä, että äitikin sai sanoa.", "Minua kuunneltiin."], "newest first");
    let text = seen.to_string();
    assert!(
        !text.contains("Laura") && !text.contains("Minna") && !text.contains("relative"),
        "no one is named: {text}"
    );
    assert_eq!(app.audit_rows(id, "feedback", "list").await.len(), 1, "reading it is logged on the case");
    assert_eq!(
        overview(&app, &app.signed_in("heikki.laine").await).await["after_meetings"]["spread"],
        json!([0, 1, 0, 1, 1])
    );

    // Other coordinators see none of it; other staff cannot ask.
    let maria = overview(&app, &app.signed_in("maria.nieminen").await).await;
    assert_eq!((maria["cases"].clone(), maria["after_meetings"]["spread"].clone()), (json!(0), json!([0, 0, 0, 0, 0])));
    assert_error(
        app.call(&olli, "feedback_overview", &[]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("coordinators_only")),
    )
    .await;
    assert_error(
        app.call(&laura, "feedback_overview", &[]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("coordinators_only")),
    )
    .await;
    assert_error(
        app.call(&app.anonymous(), "feedback_overview", &[]).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
        None,
    )
    .await;

    assert!(app.db.execute_unprepared("UPDATE feedback SET score = 5").await.is_err(), "feedback is kept as given");
    assert!(app.db.execute_unprepared("DELETE FROM feedback").await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_at_closure_comes_once_the_case_has_closed_and_once_per_closure() {
    let app = TestApp::spawn().await;
    let (maria, helmi) = (app.signed_in("maria.nieminen").await, app.signed_in("helmi.lahtinen").await);
    let id = app.case_of("helmi.lahtinen").await.id;
    let (_, pathway) = json(app.call(&helmi, "my_pathway", &[]).await).await;
    assert_eq!(pathway[0]["feedback"], json!([]), "nothing to give feedback on yet");

    let form = [
        ("case_id", id.to_string()),
        ("from", "follow_up".into()),
        ("summary", "Helmi liikkuu taas ulkona.".into()),
        ("continuation", "Kotihoito jatkaa.".into()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.call(&maria, "close_case", &form).await.status(), StatusCode::OK);
    let (_, pathway) = json(app.call(&helmi, "my_pathway", &[]).await).await;
    let prompt = &pathway[0]["feedback"][0];
    assert_eq!((prompt["occasion"].as_str(), prompt["given"].is_null()), (Some("closure"), true));
    let closure = prompt["target_id"].as_i64().unwrap();
    assert_eq!(pathway[0]["closures"][0]["id"].as_i64(), Some(closure));

    let markku = app.signed_in("markku.lahtinen").await;
    assert_error(
        give(&app, &markku, id, "closure", closure, "5", "").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("outside_relative_scope")),
    )
    .await;
    let (_, markkus) = json(app.call(&markku, "my_pathway", &[]).await).await;
    assert_eq!(markkus[0]["feedback"], json!([]), "a relative who may only read is not asked");
    assert_error(
        give(&app, &helmi, id, "closure", closure + 1000, "5", "").await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    )
    .await;
    assert_error(
        give(&app, &helmi, id, "closure", closure, "", "").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "feedback",
        Some(json!({"kind": "score_missing"})),
    )
    .await;
    assert_eq!(give(&app, &helmi, id, "closure", closure, "5", "Kiitos kaikille.").await.status(), StatusCode::OK);
    assert_error(
        give(&app, &helmi, id, "closure", closure, "5", "").await,
        StatusCode::CONFLICT,
        "feedback",
        Some(json!({"kind": "already_given"})),
    )
    .await;

    let seen = overview(&app, &maria).await;
    assert_eq!(
        (seen["at_closure"]["spread"].clone(), seen["after_meetings"]["spread"].clone()),
        (json!([0, 0, 0, 0, 1]), json!([0, 0, 0, 0, 0]))
    );
    assert_eq!(seen["comments"][0]["occasion"], "closure");

    // Reopened, the old closure no longer takes feedback.
    let reopen = [("case_id", id.to_string()), ("from", "closed".into()), ("to", "assessment".into())];
    let reopen: Vec<(&str, &str)> = reopen.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = json(app.call(&maria, "move_stage", &reopen).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_error(
        give(&app, &helmi, id, "closure", closure, "3", "").await,
        StatusCode::CONFLICT,
        "feedback",
        Some(json!({"kind": "case_not_closed"})),
    )
    .await;
    let aino_case = app.case_of("aino.korhonen").await.id;
    assert_error(
        give(&app, &helmi, aino_case, "closure", closure, "5", "").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_your_case")),
    )
    .await;
    let (_, pathway) = json(app.call(&helmi, "my_pathway", &[]).await).await;
    assert_eq!(pathway[0]["feedback"], json!([]));
    assert_eq!(rows(&app).await, 1);
}
