//! Hardening: requests from other sites' pages are refused before they act, nothing changes
//! through GET, sign-in is throttled per account and per address, and every response carries the
//! security headers, pages a script policy with their own nonce.

use crate::helpers::*;
use app::store::entities::{session, sign_in_attempt};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use serde_json::json;

async fn sessions(app: &TestApp) -> u64 {
    session::Entity::find().count(&app.db).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_posted_from_another_sites_page_is_refused_before_it_acts() {
    let app = TestApp::spawn().await;
    let http = app.anonymous();
    let login = |origin: Option<&str>, site: Option<&str>| {
        let mut request = http
            .post(format!("{}/api/login", app.address))
            .form(&[("username", "sanna.virtanen"), ("password", PASSWORD)]);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        if let Some(site) = site {
            request = request.header("sec-fetch-site", site);
        }
        request.send()
    };
    assert_error(
        login(Some("https://evil.example"), None).await.unwrap(),
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("cross_origin")),
    )
    .await;
    assert_error(
        login(None, Some("cross-site")).await.unwrap(),
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("cross_origin")),
    )
    .await;
    assert_error(
        login(Some("null"), None).await.unwrap(),
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("cross_origin")),
    )
    .await;
    assert_eq!(sessions(&app).await, 0, "no refused sign-in started a session");
    assert_eq!(sign_in_attempt::Entity::find().count(&app.db).await.unwrap(), 0, "nor reached the sign-in at all");

    assert_eq!(login(Some(&app.address), Some("same-origin")).await.unwrap().status(), StatusCode::OK);
    assert_eq!(sessions(&app).await, 1);

    // Signed in, another site's page cannot sign the person out, nor change their language.
    let res =
        http.post(format!("{}/api/logout", app.address)).header("origin", "https://evil.example").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(sessions(&app).await, 1);
    let res = http
        .post(format!("{}/language", app.address))
        .header("origin", "https://evil.example")
        .form(&[("lang", "en"), ("back", "/cases")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().get("set-cookie").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_changes_through_get() {
    let app = TestApp::spawn().await;
    let http = app.signed_in("sanna.virtanen").await;
    let case_id = app.case_of("aino.korhonen").await.id.to_string();
    for path in [
        "/api/logout".to_owned(),
        format!("/api/move_stage?case_id={case_id}&from=assessment&to=collaboration"),
        "/language?lang=en&back=/cases".to_owned(),
    ] {
        let res = app.get(&http, &path).await;
        assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED, "GET {path}");
    }
    assert_eq!(sessions(&app).await, 1, "still signed in");
    let (_, me) = json(app.call(&http, "me", &[]).await).await;
    assert_eq!(me["username"], "sanna.virtanen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_is_locked_from_one_address_for_a_while_after_five_wrong_passwords() {
    let app = TestApp::spawn().await;
    let http = app.anonymous();
    for _ in 0..5 {
        assert_error(
            app.login(&http, "sanna.virtanen", "arvaus").await,
            StatusCode::UNAUTHORIZED,
            "bad_credentials",
            None,
        )
        .await;
    }
    // Now even the right password waits, and says for how long.
    assert_error(
        app.login(&http, "Sanna.Virtanen", PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
        Some(json!({ "retry_in_minutes": 15 })),
    )
    .await;
    assert_eq!(sessions(&app).await, 0);
    // Another account from the same address is not affected.
    assert_eq!(app.login(&http, "aino.korhonen", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_that_failed_twenty_times_waits_whichever_account_it_names() {
    let app = TestApp::spawn().await;
    let now = chrono::Utc::now();
    for n in 0..20 {
        sign_in_attempt::ActiveModel {
            username: Set(format!("guess.{n}")),
            address: Set("127.0.0.1".to_owned()),
            succeeded: Set(false),
            created_at: Set(now - chrono::Duration::minutes(5)),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let res = app.login(&app.anonymous(), "heikki.laine", PASSWORD).await;
    assert_error(res, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts", Some(json!({ "retry_in_minutes": 10 })))
        .await;
    assert_eq!(sessions(&app).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_allow_only_their_own_scripts_and_every_response_is_hardened() {
    let app = TestApp::spawn().await;
    let http = app.anonymous();
    let page = app.get(&http, "/login").await;
    assert_eq!(page.status(), StatusCode::OK);
    let headers = page.headers().clone();
    let header = |name: &str| headers.get(name).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("x-frame-options"), "DENY");
    assert_eq!(header("referrer-policy"), "same-origin");
    assert!(header("strict-transport-security").is_empty(), "not over plain HTTP");
    let policy = header("content-security-policy");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy")
        .to_owned();
    let html = page.text().await.unwrap();
    // Empty script elements (Leptos leaves one at the end of the body) run nothing.
    let scripts = html.matches("<script").count() - html.matches("<script></script>").count();
    assert!(scripts > 0);
    assert!(html.matches(&format!("nonce=\"{nonce}\"")).count() >= scripts, "every script carries the nonce");

    let again = app.get(&http, "/login").await;
    let other = again.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert_ne!(other, policy, "each response has its own nonce");

    // Pages behind a sign-in (the map, the boards, the case list): the same.
    let sanna = app.signed_in("sanna.virtanen").await;
    for path in ["/process", "/boards", "/cases"] {
        let page = app.get(&sanna, path).await;
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        let policy = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
        let nonce = policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).unwrap_or_default();
        assert!(!nonce.is_empty(), "{path}: {policy}");
        let html = page.text().await.unwrap();
        let scripts = html.matches("<script").count() - html.matches("<script></script>").count();
        assert!(
            html.matches(&format!("nonce=\"{nonce}\"")).count() >= scripts,
            "{path}: every script carries the nonce"
        );
    }

    let api = app.call(&http, "me", &[]).await;
    assert_eq!(api.headers()["x-content-type-options"], "nosniff");
    let policy = api.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';") && !policy.contains("nonce"), "{policy}");
}
