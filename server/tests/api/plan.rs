//! The client plan: the client owns the words of their goals, the pair writes the rest, members
//! mark their own tasks; every change is a new version, and any two versions compare.

use crate::helpers::*;
use app::domain::ids::CaseId;
use reqwest::{Client, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};

async fn plan(app: &TestApp, http: &Client, case_id: CaseId) -> Value {
    let (status, page) = json(app.call(http, "plan", &[("case_id", &case_id.to_string())]).await).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page
}

async fn change(
    app: &TestApp,
    http: &Client,
    case_id: CaseId,
    seen: i64,
    op: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let (case_id, seen) = (case_id.to_string(), seen.to_string());
    let mut form = vec![("case_id", case_id.as_str()), ("seen", seen.as_str()), ("op", op)];
    form.extend_from_slice(fields);
    app.call(http, "change_plan", &form).await
}

async fn saved(res: reqwest::Response) -> i64 {
    let (status, body) = json(res).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_i64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_owns_the_words_of_their_goals_and_each_member_their_own_tasks() {
    let app = TestApp::spawn().await;
    let (eino, sanna, liisa) = (
        app.signed_in("eino.mantyla").await,
        app.signed_in("sanna.virtanen").await,
        app.signed_in("liisa.makinen").await,
    );
    let id = app.case_of("eino.mantyla").await.id;

    let page = plan(&app, &eino, id).await;
    assert_eq!(page["version"], 2, "the demo plan has two versions");
    assert_eq!(page["role"], "client");
    assert_eq!(page["content"]["goals"][0]["client_words"], "Haluan pärjätä kotona ja käydä itse kaupassa.");
    assert_eq!(plan(&app, &sanna, id).await["role"], "coordinator");
    assert_eq!(plan(&app, &liisa, id).await["role"], "member");

    // The pair cannot reword the client's goal; a suggestion goes beside it.
    let reword = [("key", "1"), ("words", "Asiakas asioi kaupassa itsenäisesti.")];
    assert_error(
        change(&app, &sanna, id, 2, "reword_goal", &reword).await,
        StatusCode::FORBIDDEN,
        "plan",
        Some(json!({"kind": "client_owns_goal_wording"})),
    )
    .await;
    assert_eq!(plan(&app, &sanna, id).await["version"], 2, "a refused change writes nothing");
    let v3 = saved(
        change(
            &app,
            &sanna,
            id,
            2,
            "suggest_wording",
            &[("key", "1"), ("suggestion", "Asioi kaupassa itsenäisesti kolmen kuukauden kuluttua.")],
        )
        .await,
    )
    .await;
    assert_eq!(v3, 3);

    // The client changes their words; a change against an older version is refused.
    let mine = [
        ("key", "1"),
        ("words", "Haluan käydä itse kaupassa ja apteekissa."),
        ("client_actions", "Kävelen joka päivä."),
    ];
    assert_error(
        change(&app, &eino, id, 2, "reword_goal", &mine).await,
        StatusCode::CONFLICT,
        "plan",
        Some(json!({"kind": "stale"})),
    )
    .await;
    assert_eq!(saved(change(&app, &eino, id, 3, "reword_goal", &mine).await).await, 4);
    let goal = plan(&app, &eino, id).await["content"]["goals"][0].clone();
    assert_eq!(goal["client_words"], "Haluan käydä itse kaupassa ja apteekissa.");
    assert_eq!(
        goal["suggested_wording"], "Asioi kaupassa itsenäisesti kolmen kuukauden kuluttua.",
        "the suggestion stays beside"
    );
    assert_eq!(saved(change(&app, &eino, id, 4, "add_goal", &[("words", "Haluan tavata ystäviäni.")]).await).await, 5);

    // The client writes goals only; the rest is the pair's.
    let mikko = app.user_id("mikko.salonen").await.to_string();
    let task = |what: &'static str, owner: &str, due: &str| -> Vec<(&'static str, String)> {
        vec![
            ("what", what.to_string()),
            ("owner", owner.to_string()),
            ("due", due.to_string()),
            ("goal", "2".to_string()),
        ]
    };
    let friends = task("Vertaisryhmä torstaisin", &mikko, &day(14));
    let fields: Vec<(&str, &str)> = friends.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_error(
        change(&app, &eino, id, 5, "add_action", &fields).await,
        StatusCode::FORBIDDEN,
        "plan",
        Some(json!({"kind": "client_changes_goals_only"})),
    )
    .await;

    // Each bad input has its own answer.
    let noora = app.user_id("noora.lindholm").await.to_string();
    for (fields, kind) in [
        (task("Vertaisryhmä", &noora, &day(14)), "owner_not_on_team"),
        (task("Vertaisryhmä", &mikko, &day(-2)), "date_in_past"),
        (task("Vertaisryhmä", &mikko, "14.12.2026"), "date_invalid"),
        (task("   ", &mikko, &day(14)), "action_empty"),
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_error(
            change(&app, &sanna, id, 5, "add_action", &fields).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "plan",
            Some(json!({"kind": kind})),
        )
        .await;
    }
    assert_error(
        change(&app, &sanna, id, 5, "add_disagreement", &[("topic", "Asuminen"), ("client_view", "Kotona")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "plan",
        Some(json!({"kind": "disagreement_incomplete"})),
    )
    .await;
    assert_error(
        change(&app, &sanna, id, 5, "set_status", &[("key", "9"), ("status", "done")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "plan",
        Some(json!({"kind": "unknown_action"})),
    )
    .await;
    assert_error(
        change(&app, &sanna, id, 5, "publish", &[]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "plan",
        Some(json!({"kind": "invalid_choice", "value": "publish"})),
    )
    .await;
    assert_eq!(plan(&app, &sanna, id).await["version"], 5, "nothing refused was written");
    assert_eq!(saved(change(&app, &sanna, id, 5, "add_action", &fields).await).await, 6);
    let disagreement = [
        ("topic", "Asuminen"),
        ("client_view", "Haluan asua kotona."),
        ("professional_view", "Palvelutalo olisi turvallisempi."),
        ("reasons", "Kaatumisia kahdesti kuukaudessa."),
    ];
    assert_eq!(saved(change(&app, &sanna, id, 6, "add_disagreement", &disagreement).await).await, 7);

    // A member marks their own task only, and nothing else.
    assert_error(
        change(&app, &liisa, id, 7, "set_status", &[("key", "1"), ("status", "done")]).await,
        StatusCode::FORBIDDEN,
        "plan",
        Some(json!({"kind": "only_own_tasks"})),
    )
    .await;
    assert_error(
        change(&app, &liisa, id, 7, "set_review_date", &[("review_date", &day(40))]).await,
        StatusCode::FORBIDDEN,
        "plan",
        Some(json!({"kind": "only_own_tasks"})),
    )
    .await;
    assert_eq!(saved(change(&app, &liisa, id, 7, "set_status", &[("key", "2"), ("status", "done")]).await).await, 8);
    let page = plan(&app, &liisa, id).await;
    assert_eq!(page["content"]["actions"][1]["status"], "done");
    assert_eq!(
        page["versions"][0],
        json!({"version": 8, "saved_by": "Liisa Mäkinen", "editor": "member", "at": page["versions"][0]["at"]})
    );

    // Outside the team, and relatives, do not write; an administrator does not even read.
    let noora = app.signed_in("noora.lindholm").await;
    assert_error(
        change(&app, &noora, id, 8, "set_status", &[("key", "2"), ("status", "open")]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
    assert_error(
        app.call(&noora, "plan", &[("case_id", &id.to_string())]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
    let admin = app.signed_in("admin").await;
    assert_error(
        app.call(&admin, "plan", &[("case_id", &id.to_string())]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("administrator_no_client_content")),
    )
    .await;
    let laura = app.case_of("laura.kallio").await.id;
    let minna = app.signed_in("minna.kallio").await;
    assert_eq!(plan(&app, &minna, laura).await["role"], Value::Null, "a relative reads");
    assert_error(
        change(&app, &minna, laura, 0, "add_goal", &[("words", "Laura haluaa kouluun.")]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("relative_reads_plan")),
    )
    .await;

    // Every read and change is in the audit log, and the history names each version.
    assert!(app.audit_rows(id, "plan", "view").await.len() >= 6);
    assert_eq!(app.audit_rows(id, "plan", "update").await.len(), 6);
    let (_, detail) = json(app.call(&sanna, "case", &[("case_id", &id.to_string())]).await).await;
    let saves = detail["history"].as_array().unwrap().iter().filter(|h| h["event"]["kind"] == "plan_saved").count();
    assert_eq!(saves, 8);
    app.assert_places_are_current().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_change_is_a_version_and_any_two_versions_compare() {
    let app = TestApp::spawn().await;
    let (eino, sanna) = (app.signed_in("eino.mantyla").await, app.signed_in("sanna.virtanen").await);
    let id = app.case_of("eino.mantyla").await.id;
    let mine = [("key", "1"), ("words", "Haluan käydä itse kaupassa ja apteekissa.")];
    assert_eq!(saved(change(&app, &eino, id, 2, "reword_goal", &mine).await).await, 3);
    assert_eq!(saved(change(&app, &sanna, id, 3, "set_status", &[("key", "1"), ("status", "done")]).await).await, 4);
    assert_eq!(saved(change(&app, &sanna, id, 4, "set_review_date", &[("review_date", &day(60))]).await).await, 5);
    assert_eq!(
        saved(change(&app, &sanna, id, 5, "set_review_date", &[("review_date", &day(60))]).await).await,
        5,
        "no change, no version"
    );

    let compare = |from: &'static str, to: &'static str| {
        let (app, sanna) = (&app, &sanna);
        async move { json(app.call(sanna, "plan", &[("case_id", &id.to_string()), ("from", from), ("to", to)]).await).await }
    };
    let (status, page) = compare("2", "5").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let kinds: Vec<&str> =
        page["compare"]["changes"].as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["goal_reworded", "action_status", "review_date"]);
    assert_eq!(page["compare"]["changes"][0]["from"], "Haluan pärjätä kotona ja käydä itse kaupassa.");
    let (_, reversed) = compare("5", "2").await;
    assert_eq!(reversed["compare"], page["compare"], "the older version is always the base");
    let (_, from_nothing) = compare("0", "1").await;
    assert_eq!(from_nothing["compare"]["changes"][0]["kind"], "goal_added");
    assert_error(
        app.call(&sanna, "plan", &[("case_id", &id.to_string()), ("from", "1"), ("to", "9")]).await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    )
    .await;

    let versions: Vec<(i64, &str, &str)> = page["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["version"].as_i64().unwrap(), v["saved_by"].as_str().unwrap(), v["editor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        versions,
        [
            (5, "Sanna Virtanen", "coordinator"),
            (4, "Sanna Virtanen", "coordinator"),
            (3, "Eino Mäntylä", "client"),
            (2, "Sanna Virtanen", "coordinator"),
            (1, "Eino Mäntylä", "client")
        ]
    );

    // Versions are kept as written: the database refuses to change or delete one.
    assert!(app.db.execute_unprepared("UPDATE plan_versions SET content = '{}'").await.is_err());
    assert!(app.db.execute_unprepared("DELETE FROM plan_versions").await.is_err());

    // The pathway shows the goals in the client's words and where the plan is.
    let (_, pathways) = json(app.call(&eino, "my_pathway", &[]).await).await;
    assert_eq!(pathways[0]["has_plan"], true);
    assert_eq!(pathways[0]["goals"][0]["client_words"], "Haluan käydä itse kaupassa ja apteekissa.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_is_written_during_collaboration_and_follow_up_only() {
    let app = TestApp::spawn().await;
    let aino = app.signed_in("aino.korhonen").await;
    let id = app.case_of("aino.korhonen").await.id;
    let page = plan(&app, &aino, id).await;
    assert_eq!(
        (page["version"].clone(), page["role"].clone()),
        (json!(0), Value::Null),
        "in assessment there is nothing to write yet"
    );
    assert_error(
        change(&app, &aino, id, 0, "add_goal", &[("words", "Haluan asua kotona.")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "plan",
        Some(json!({"kind": "not_in_collaboration"})),
    )
    .await;
    let helmi = app.signed_in("helmi.lahtinen").await;
    let follow_up = app.case_of("helmi.lahtinen").await.id;
    assert_eq!(
        saved(change(&app, &helmi, follow_up, 0, "add_goal", &[("words", "Haluan asua kotona.")]).await).await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_review_scores_every_goal_beside_the_clients_own_view_and_sets_the_next_review() {
    let app = TestApp::spawn().await;
    let (eino, sanna, mikko) = (
        app.signed_in("eino.mantyla").await,
        app.signed_in("sanna.virtanen").await,
        app.signed_in("mikko.salonen").await,
    );
    let id = app.case_of("eino.mantyla").await.id;
    assert_eq!(saved(change(&app, &eino, id, 2, "add_goal", &[("words", "Haluan tavata ystäviäni.")]).await).await, 3);
    let next = day(45);
    let review = |http: &Client, seen: &'static str, fields: Vec<(&'static str, String)>| {
        let (app, http) = (&app, http.clone());
        async move {
            let c = id.to_string();
            let mut form: Vec<(&str, String)> = vec![("case_id", c), ("seen", seen.to_string())];
            form.extend(fields);
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call(&http, "review_plan", &form).await
        }
    };
    let full = || {
        vec![
            ("client[1]", "achieved".to_string()),
            ("team[1]", "progressing".to_string()),
            ("client[2]", String::new()),
            ("team[2]", "not_progressing".to_string()),
            ("summary", "Kauppa sujuu, ystäviä ei ole vielä tavattu.".to_string()),
            ("next_review", next.clone()),
        ]
    };

    let mut unscored = full();
    unscored[3].1 = String::new();
    assert_error(
        review(&sanna, "3", unscored).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "review",
        Some(json!({"kind": "goal_not_scored", "number": 2})),
    )
    .await;
    let mut no_date = full();
    no_date[5].1 = String::new();
    assert_error(
        review(&sanna, "3", no_date).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "review",
        Some(json!({"kind": "next_review_missing"})),
    )
    .await;
    let mut past = full();
    past[5].1 = day(-1);
    assert_error(
        review(&sanna, "3", past).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "review",
        Some(json!({"kind": "next_review", "problem": {"kind": "date_in_past"}})),
    )
    .await;
    assert_error(
        review(&mikko, "3", full()).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_coordinator_of_case")),
    )
    .await;
    assert_error(review(&sanna, "2", full()).await, StatusCode::CONFLICT, "plan", Some(json!({"kind": "stale"}))).await;
    assert_eq!(plan(&app, &sanna, id).await["reviews"], json!([]), "nothing refused was written");

    assert_eq!(saved(review(&sanna, "3", full()).await).await, 4, "the next review date is a new plan version");
    let page = plan(&app, &eino, id).await;
    assert_eq!(page["content"]["review_date"], next.as_str());
    let recorded = &page["reviews"][0];
    assert_eq!(recorded["by"], "Sanna Virtanen");
    assert_eq!(
        recorded["content"]["goals"],
        json!([
            {"goal_key": 1, "goal_words": "Haluan pärjätä kotona ja käydä itse kaupassa.", "client": "achieved", "team": "progressing"},
            {"goal_key": 2, "goal_words": "Haluan tavata ystäviäni.", "client": null, "team": "not_progressing"}
        ])
    );
    assert!(
        app.db.execute_unprepared("UPDATE plan_reviews SET content = '{}'").await.is_err(),
        "reviews are kept as recorded"
    );
    assert_eq!(app.audit_rows(id, "plan_review", "create").await.len(), 1);

    // The pathway tells Eino how each goal went, his own score beside, and when the next review is.
    let (_, pathway) = json(app.call(&eino, "my_pathway", &[]).await).await;
    let goals = &pathway[0]["goals"];
    assert_eq!(
        (goals[0]["reviewed"]["team"].clone(), goals[0]["reviewed"]["client"].clone()),
        (json!("progressing"), json!("achieved"))
    );
    assert_eq!(
        (goals[1]["reviewed"]["team"].clone(), goals[1]["reviewed"]["client"].clone()),
        (json!("not_progressing"), Value::Null)
    );
    assert_eq!(pathway[0]["next_date"], json!({"kind": "review", "on": next}));
    app.assert_places_are_current().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_versions_of_a_busy_plan_are_listed_a_page_at_a_time_and_still_compare() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let id = app.case_of("eino.mantyla").await.id;
    // Two seeded versions, then 43 saves: 45 in all, three pages of 20.
    let mut seen = 2;
    for n in 0..43 {
        let date = day(200 + n);
        seen = saved(change(&app, &sanna, id, seen, "set_review_date", &[("review_date", &date)]).await).await;
    }
    assert_eq!(seen, 45);
    let page_of = |versions: &'static str| {
        let (app, sanna) = (&app, &sanna);
        async move { json(app.call(sanna, "plan", &[("case_id", &id.to_string()), ("versions", versions)]).await).await }
    };
    let numbers = |page: &Value| -> Vec<i64> {
        page["versions"].as_array().unwrap().iter().map(|v| v["version"].as_i64().unwrap()).collect()
    };

    let (status, first) = page_of("").await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(numbers(&first), (26..=45).rev().collect::<Vec<_>>(), "the newest twenty");
    assert_eq!((first["version"].as_i64(), first["versions_page"].as_u64()), (Some(45), Some(1)));
    let (_, second) = page_of("2").await;
    assert_eq!(numbers(&second), (6..=25).rev().collect::<Vec<_>>());
    let (_, third) = page_of("3").await;
    assert_eq!(numbers(&third), [5, 4, 3, 2, 1]);
    assert_eq!(third["last_saved"]["version"], 45, "the status line names the latest on every page");
    assert_eq!(third["content"], first["content"], "the plan shown is the latest on every page");
    let (_, past_the_end) = page_of("4").await;
    assert_eq!(numbers(&past_the_end), Vec::<i64>::new());

    // Any two versions still compare, also two that no page lists together.
    let (status, compared) =
        json(app.call(&sanna, "plan", &[("case_id", &id.to_string()), ("from", "1"), ("to", "45")]).await).await;
    assert_eq!(status, StatusCode::OK, "{compared}");
    assert_eq!(compared["compare"]["to"], 45);
    assert!(!compared["compare"]["changes"].as_array().unwrap().is_empty());

    for wrong in ["0", "x", "-1", "1000001"] {
        assert_error(
            app.call(&sanna, "plan", &[("case_id", &id.to_string()), ("versions", wrong)]).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "page",
            None,
        )
        .await;
    }

    // The page itself: twenty versions and a link to the older ones, without JavaScript.
    let html = app.get(&sanna, &format!("/cases/{id}/plan")).await.text().await.unwrap();
    let list = html.split("class=\"versions\"").nth(1).and_then(|rest| rest.split("</ol>").next()).unwrap();
    assert_eq!(list.matches("<li").count(), 20, "{list}");
    assert!(html.contains("?versions=2#versions-h"), "a link to the older versions");
    let older = app.get(&sanna, &format!("/cases/{id}/plan?versions=2")).await.text().await.unwrap();
    assert!(older.contains("rel=\"prev\""), "and back");
    // Past forty versions, the two to compare are given by number, not chosen from a list of all.
    assert!(!html.contains("<select id=\"from\""), "no list of every version");
    let from = html.split("id=\"from\"").nth(1).and_then(|rest| rest.split('>').next()).unwrap();
    assert!(from.contains("type=\"number\"") && from.contains("max=\"45\"") && from.contains("value=\"44\""), "{from}");
}
