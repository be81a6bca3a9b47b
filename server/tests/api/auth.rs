//! Signing in and out: hashes, cookies, rotation, expiry, and specific errors for bad input.

use crate::helpers::*;
use app::store::entities::session;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use serde_json::json;

async fn session_count(app: &TestApp) -> u64 {
    session::Entity::find().count(&app.db).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demo_user_signs_in_with_a_safe_cookie() {
    let app = TestApp::spawn().await;
    let http = app.anonymous();
    let res = app.login(&http, "sanna.virtanen", PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
    assert!(cookie.starts_with("polku_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let (_, body) = json(res).await;
    assert_eq!(body["role"], "coordinator");

    let (status, me) = json(app.call(&http, "me", &[]).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["username"], "sanna.virtanen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_keeps_only_a_hash_of_the_session_token() {
    let app = TestApp::spawn().await;
    let res = app.login(&app.anonymous(), "aino.korhonen", PASSWORD).await;
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
    let token = cookie.trim_start_matches("polku_session=").split(';').next().unwrap().to_string();
    let stored = session::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].id, token);
    assert_eq!(stored[0].id, app::store::session::token_id(&token));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_again_rotates_the_session() {
    let app = TestApp::spawn().await;
    let http = app.signed_in("aino.korhonen").await;
    let first = session::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(app.login(&http, "aino.korhonen", PASSWORD).await.status(), StatusCode::OK);
    let second = session::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(second.len(), 1, "the old session is gone");
    assert_ne!(first[0].id, second[0].id, "a new session id is issued");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_is_refused_and_starts_no_session() {
    let app = TestApp::spawn().await;
    let http = app.anonymous();
    assert_error(app.login(&http, "sanna.virtanen", "arvaus").await, StatusCode::UNAUTHORIZED, "bad_credentials", None)
        .await;
    assert_error(app.login(&http, "nobody.here", PASSWORD).await, StatusCode::UNAUTHORIZED, "bad_credentials", None)
        .await;
    assert_eq!(session_count(&app).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_sign_in_input_gets_a_specific_error() {
    let app = TestApp::spawn().await;
    let http = app.anonymous();
    for (username, password, detail) in [
        ("", PASSWORD, "username_empty"),
        ("aino korhonen", PASSWORD, "username_characters"),
        ("aino.korhonen", "", "password_empty"),
    ] {
        assert_error(
            app.login(&http, username, password).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_name",
            Some(json!(detail)),
        )
        .await;
    }
    // A missing field is a malformed request, not a server error.
    assert_error(
        app.call(&http, "login", &[("username", "aino.korhonen")]).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
        None,
    )
    .await;
    assert_eq!(session_count(&app).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_ends_the_session() {
    let app = TestApp::spawn().await;
    let http = app.signed_in("heikki.laine").await;
    let res = app.call(&http, "logout", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("set-cookie").unwrap().to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(session_count(&app).await, 0);
    let (_, me) = json(app.call(&http, "me", &[]).await).await;
    assert!(me.is_null(), "signed out: {me}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_session_signs_nobody_in() {
    let app = TestApp::spawn().await;
    let http = app.signed_in("heikki.laine").await;
    let found = session::Entity::find().one(&app.db).await.unwrap().unwrap();
    let mut expired: session::ActiveModel = found.into();
    expired.expires_at = Set(chrono::Utc::now() - chrono::Duration::minutes(1));
    expired.update(&app.db).await.unwrap();
    let (_, me) = json(app.call(&http, "me", &[]).await).await;
    assert!(me.is_null());
    assert_error(app.call(&http, "my_cases", &[]).await, StatusCode::UNAUTHORIZED, "unauthenticated", None).await;
    assert_eq!(session_count(&app).await, 0, "the expired session was removed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_needs_a_session() {
    let app = TestApp::spawn().await;
    let http = app.anonymous();
    let case_id = app.case_of("aino.korhonen").await.id.to_string();
    for (name, form) in [
        ("my_cases", vec![]),
        ("case", vec![("case_id", case_id.as_str())]),
        ("move_stage", vec![("case_id", case_id.as_str()), ("from", "assessment"), ("to", "collaboration")]),
        ("my_pathway", vec![]),
        ("staff_directory", vec![]),
        ("concern_form", vec![]),
        ("raise_concern", vec![("text", "huoli")]),
        ("open_concerns", vec![]),
        ("urgent_concerns", vec![]),
        (
            "decide_concern",
            vec![
                ("concern_id", "1"),
                ("coping", "reduced"),
                ("risk", "high"),
                ("services_in_use", "1"),
                ("recent_contacts", "1"),
                ("life_areas_with_needs", "1"),
                ("decision", "accept"),
                ("reason", "x"),
            ],
        ),
    ] {
        assert_error(app.call(&http, name, &form).await, StatusCode::UNAUTHORIZED, "unauthenticated", None).await;
    }
}
