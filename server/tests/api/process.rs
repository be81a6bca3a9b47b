//! The process map: how many cases stand in each step for whom, the case list behind a step, the
//! client's own step on the pathway, and the live notices over `/live`.

use crate::helpers::*;
use app::store::entities::{case_member, concern, staff_profile};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};
use std::collections::HashMap;

const STEPS: [&str; 9] =
    ["concern", "screening", "assessment", "team", "plan", "meetings", "review", "feedback", "closure"];

/// `step → (count, overdue)` from a `process_counts` answer.
async fn counts(app: &TestApp, http: &reqwest::Client, scope: &str) -> HashMap<String, (u64, u64)> {
    let (status, body) = json(app.call(http, "process_counts", &[("scope", scope)]).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let list = body.as_array().expect("one entry per step");
    assert_eq!(list.iter().map(|c| c["step"].as_str().unwrap()).collect::<Vec<_>>(), STEPS, "every step, in map order");
    list.iter()
        .map(|c| {
            (c["step"].as_str().unwrap().to_string(), (c["count"].as_u64().unwrap(), c["overdue"].as_u64().unwrap()))
        })
        .collect()
}

async fn my_cases(app: &TestApp, http: &reqwest::Client, step: &str) -> Vec<Value> {
    list(app, http, &[("step", step)]).await
}

/// Every case of one listing of `my_cases`, open or closed.
async fn list(app: &TestApp, http: &reqwest::Client, form: &[(&str, &str)]) -> Vec<Value> {
    let (status, body) = json(app.call(http, "my_cases", form).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["total"].as_u64().unwrap() <= 50, "the demo fits one page: {body}");
    body["cases"].as_array().unwrap().clone()
}

fn names(cases: &[Value]) -> Vec<&str> {
    let mut names: Vec<&str> = cases.iter().map(|c| c["client_name"].as_str().unwrap()).collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_see_how_many_of_their_cases_stand_in_each_step_and_the_list_behind_it() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let mine = counts(&app, &sanna, "mine").await;

    // The numbers are the case list, step by step.
    let mut all_mine = my_cases(&app, &sanna, "").await;
    assert!(all_mine.iter().all(|c| c["stage"] != "closed"), "the list is of open cases unless asked");
    let closed = list(&app, &sanna, &[("show", "closed")]).await;
    assert!(!closed.is_empty() && closed.iter().all(|c| c["stage"] == "closed" && c["step"] == "closure"));
    all_mine.extend(closed);
    for step in &STEPS[1..] {
        let listed = all_mine.iter().filter(|c| c["step"] == *step).count() as u64;
        assert_eq!(mine[*step].0, listed, "{step}");
        assert_eq!(my_cases(&app, &sanna, step).await.len() as u64, listed, "the list behind {step}");
    }
    let late = all_mine.iter().filter(|c| c["overdue"] == true).count() as u64;
    assert_eq!(STEPS.iter().map(|s| mine[*s].1).sum::<u64>() - mine["concern"].1, late);

    // Where the facts put them: a team still to be formed, a team with a plan and goals.
    assert_eq!(names(&my_cases(&app, &sanna, "team").await), vec!["Tuomas Leino"]);
    let meetings = my_cases(&app, &sanna, "meetings").await;
    assert!(names(&meetings).contains(&"Eino Mäntylä"));
    let eino = meetings.iter().find(|c| c["client_name"] == "Eino Mäntylä").unwrap();
    assert_eq!(eino["overdue"], true, "Eino's plan has a task past its due date");
    assert!(mine["meetings"].1 >= 1);
    let assessment = my_cases(&app, &sanna, "assessment").await;
    assert!(assessment.iter().all(|c| c["stage"] == "assessment"));
    assert!(names(&assessment).contains(&"Aino Korhonen"));
    assert_eq!(mine["closure"].0, all_mine.iter().filter(|c| c["stage"] == "closed").count() as u64);

    // Wider scopes hold at least as much; "all" holds every open concern.
    let organisation = counts(&app, &sanna, "organisation").await;
    let all = counts(&app, &sanna, "all").await;
    for step in STEPS {
        assert!(
            all[step].0 >= organisation[step].0 && organisation[step].0 >= mine[step].0,
            "{step}: all ⊇ organisation ⊇ mine"
        );
    }
    // The organisation's cases are those where any of its staff sits now, whatever the step.
    let sannas = app.user_id("sanna.virtanen").await;
    let profile = staff_profile::Entity::find_by_id(sannas).one(&app.db).await.unwrap().unwrap();
    let colleagues: Vec<_> = staff_profile::Entity::find()
        .filter(staff_profile::Column::OrganisationId.eq(profile.organisation_id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.user_id)
        .collect();
    let mut seated: Vec<_> = case_member::Entity::find()
        .filter(case_member::Column::UserId.is_in(colleagues))
        .filter(case_member::Column::Status.eq("accepted"))
        .filter(case_member::Column::LeftAt.is_null())
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.case_id)
        .collect();
    seated.sort();
    seated.dedup();
    assert_eq!(STEPS[1..].iter().map(|s| organisation[*s].0).sum::<u64>(), seated.len() as u64);
    assert!(organisation["closure"].0 > mine["closure"].0, "a colleague's closed cases count");
    let open = concern::Entity::find().filter(concern::Column::Status.eq("open")).count(&app.db).await.unwrap();
    assert_eq!(all["concern"].0, open);
    assert!(all["assessment"].0 > mine["assessment"].0, "the other pair's assessments count in all");
    assert_eq!(counts(&app, &sanna, "").await, mine, "no scope means mine");
    app.assert_places_are_current().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_numbers_follow_a_move_and_a_raised_concern() {
    let app = TestApp::spawn().await;
    let maria = app.signed_in("maria.nieminen").await;
    let jari = app.signed_in("jari.koskinen").await;
    let before = counts(&app, &jari, "mine").await;

    let kalevi = app.case_of("kalevi.nurmi").await;
    let id = kalevi.id.to_string();
    let closed = app
        .call(
            &maria,
            "close_case",
            &[
                ("case_id", id.as_str()),
                ("from", "follow_up"),
                ("summary", "Kalevi pärjää."),
                ("continuation", "Kotihoito jatkaa."),
            ],
        )
        .await;
    assert_eq!(closed.status(), StatusCode::OK);
    let after = counts(&app, &jari, "mine").await;
    let follow_up_before = before["review"].0 + before["feedback"].0;
    assert_eq!(after["review"].0 + after["feedback"].0, follow_up_before - 1, "one case fewer in follow-up");
    assert_eq!(after["closure"].0, before["closure"].0 + 1);

    // Liisa raises an urgent concern: it stands in her concern step, counted as urgent.
    let liisa = app.signed_in("liisa.makinen").await;
    let liisas = counts(&app, &liisa, "mine").await;
    let raised = app
        .call(
            &liisa,
            "raise_concern",
            &[
                ("name", "Tuula Saarinen"),
                ("date_of_birth", "1944-05-02"),
                ("municipality", "Järvelä"),
                ("text", "Tuula ei ole syönyt kunnolla viikkoon."),
                ("urgent", "on"),
                ("agrees_to_proceed", "on"),
            ],
        )
        .await;
    assert_eq!(raised.status(), StatusCode::OK);
    let now = counts(&app, &liisa, "mine").await;
    assert_eq!(now["concern"], (liisas["concern"].0 + 1, liisas["concern"].1 + 1));
    assert_eq!(counts(&app, &maria, "mine").await["concern"], (0, 0), "Maria raised none");
    app.assert_places_are_current().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_staff_see_the_numbers_and_a_wrong_choice_is_named() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    assert_error(
        app.call(&sanna, "process_counts", &[("scope", "everyone")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "map",
        Some(json!({"kind": "unknown_scope", "value": "everyone"})),
    )
    .await;
    assert_error(
        app.call(&sanna, "my_cases", &[("step", "lunch")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "map",
        Some(json!({"kind": "unknown_step", "value": "lunch"})),
    )
    .await;
    let eino = app.signed_in("eino.mantyla").await;
    for scope in ["mine", "everyone"] {
        assert_error(
            app.call(&eino, "process_counts", &[("scope", scope)]).await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!("staff_only")),
        )
        .await;
    }
    assert_error(
        app.call(&eino, "my_cases", &[("step", "lunch")]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("case_list_for_teams")),
    )
    .await;
    assert_error(
        app.call(&app.signed_in("admin").await, "process_counts", &[("scope", "all")]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("administrator_no_client_content")),
    )
    .await;
    assert_error(
        app.call(&app.anonymous(), "process_counts", &[("scope", "all")]).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
        None,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_sees_their_step_what_comes_next_and_how_their_goals_are_going() {
    let app = TestApp::spawn().await;
    let (_, eino) = json(app.call(&app.signed_in("eino.mantyla").await, "my_pathway", &[]).await).await;
    assert_eq!(eino[0]["step"], "meetings");
    assert_eq!(eino[0]["next_date"]["kind"], "review", "no meeting is coming; the plan's review is");
    let review_day = app::domain::calendar::finnish_date(chrono::Utc::now()) + chrono::Duration::days(30);
    assert_eq!(eino[0]["next_date"]["on"], review_day.to_string(), "the demo plan's review date");
    let goal = &eino[0]["goals"][0];
    assert!(goal["client_words"].is_string(), "the goal in the client's words");
    assert!(goal["reviewed"].is_null(), "not reviewed yet");

    let (_, tuomas) = json(app.call(&app.signed_in("tuomas.leino").await, "my_pathway", &[]).await).await;
    assert_eq!(tuomas[0]["step"], "team");

    let (_, aino) = json(app.call(&app.signed_in("aino.korhonen").await, "my_pathway", &[]).await).await;
    assert_eq!(aino[0]["step"], "assessment");
    assert_eq!(
        aino[0]["next_date"]["kind"], "assessment_start",
        "Aino is 79: the law sets the day the assessment starts"
    );

    let (_, veikko) = json(app.call(&app.signed_in("veikko.heinonen").await, "my_pathway", &[]).await).await;
    assert_eq!(veikko[0]["step"], "closure");
    assert!(veikko[0]["next_date"].is_null(), "nothing comes after a closed case");
}

/// Opens `/live` as a page of `origin` would, with the session `cookie`.
async fn connect_live(app: &TestApp, cookie: Option<String>, origin: &str) -> Result<Socket, StatusCode> {
    open_socket(&app.address, "/live", cookie.as_deref(), origin).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_views_hear_what_kind_of_thing_changed_and_only_from_the_sites_own_pages() {
    let app = TestApp::spawn().await;
    let origin = app.address.clone();
    let heikki = app.session_cookie("heikki.laine").await;
    let mut socket = connect_live(&app, Some(heikki.clone()), &origin).await.expect("staff may follow");

    let maria = app.signed_in("maria.nieminen").await;
    let helmi = app.case_of("helmi.lahtinen").await.id.to_string();
    let closed = app
        .call(
            &maria,
            "close_case",
            &[
                ("case_id", helmi.as_str()),
                ("from", "follow_up"),
                ("summary", "Valmis."),
                ("continuation", "Kotihoito jatkaa."),
            ],
        )
        .await;
    assert_eq!(closed.status(), StatusCode::OK);
    assert_eq!(next_text(&mut socket).await, r#""cases""#, "no case, client or person in what goes out");

    let raised = app
        .call(
            &app.signed_in("eino.mantyla").await,
            "raise_concern",
            &[("text", "Olen yksinäinen."), ("agrees_to_proceed", "on")],
        )
        .await;
    assert_eq!(raised.status(), StatusCode::OK);
    assert_eq!(next_text(&mut socket).await, r#""concerns""#);

    assert_eq!(
        connect_live(&app, Some(heikki.clone()), "https://evil.example").await.err(),
        Some(StatusCode::FORBIDDEN)
    );
    assert_eq!(connect_live(&app, None, &origin).await.err(), Some(StatusCode::UNAUTHORIZED));
    let client = app.session_cookie("eino.mantyla").await;
    assert_eq!(
        connect_live(&app, Some(client), &origin).await.err(),
        Some(StatusCode::FORBIDDEN),
        "live views are staff views"
    );
}
