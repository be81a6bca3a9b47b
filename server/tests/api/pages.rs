//! Server-rendered pages: status codes, sign-in redirects, and the right language.

use crate::helpers::*;
use reqwest::StatusCode;

async fn browse(http: &reqwest::Client, url: String) -> reqwest::Response {
    http.get(url).header("accept", "text/html").send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_front_page_sends_each_person_home() {
    let app = TestApp::spawn().await;
    let res = browse(&app.anonymous(), format!("{}/", app.address)).await;
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()["location"], "/login");
    for (who, home) in [("sanna.virtanen", "/cases"), ("aino.korhonen", "/pathway"), ("admin", "/admin")] {
        let res = browse(&app.signed_in(who).await, format!("{}/", app.address)).await;
        assert_eq!(res.status(), StatusCode::FOUND, "{who}");
        assert_eq!(res.headers()["location"], home, "{who}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sign_in_page_speaks_finnish_by_default_and_the_chosen_language_after() {
    let app = TestApp::spawn().await;
    let http = app.anonymous();
    let page = app.get(&http, "/login").await.text().await.unwrap();
    assert!(page.contains("Kirjaudu Polkuun"), "{page}");
    let swedish = http
        .get(format!("{}/login", app.address))
        .header("cookie", "i18n_pref_locale=sv")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(swedish.contains("Logga in i Polku"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_clients_case_page_is_forbidden() {
    let app = TestApp::spawn().await;
    let other = app.case_of("eino.mantyla").await;
    let res = app.get(&app.signed_in("aino.korhonen").await, &format!("/cases/{}", other.id)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let page = res.text().await.unwrap();
    assert!(page.contains("Tämä ei ole sinun asiakkuutesi."), "the reason is shown");
    assert!(!page.contains("Eino"), "nothing of the other client is shown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_page_shows_the_team_and_stage_and_logs_the_view() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let res = app.get(&app.signed_in("sanna.virtanen").await, &format!("/cases/{}", case.id)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    assert!(page.contains("Eino Mäntylä") && page.contains("Monialainen yhteistyö") && page.contains("Mikko Salonen"));
    assert_eq!(app.audit_rows(case.id, "case", "view").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_address_is_404() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get(&app.anonymous(), "/no-such-page").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_form_post_is_answered_with_a_redirect_carrying_the_result() {
    let app = TestApp::spawn().await;
    let http = app.anonymous();
    let post = |password: &'static str| {
        http.post(format!("{}/api/login", app.address))
            .header("accept", "text/html")
            .header("referer", format!("{}/login", app.address))
            .form(&[("username", "sanna.virtanen"), ("password", password)])
            .send()
    };
    let failed = post("väärä").await.unwrap();
    assert_eq!(failed.status(), StatusCode::FOUND, "a 4xx would stop the browser from following");
    let location = failed.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(&format!("{}/login?", app.address)), "{location}");
    assert!(location.contains("__path=%2Fapi%2Flogin") && location.contains("__err="), "{location}");

    let signed_in = post(PASSWORD).await.unwrap();
    assert_eq!(signed_in.status(), StatusCode::FOUND);
    assert_eq!(signed_in.headers()["location"], "/cases");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pathway_is_sent_as_plain_html_and_the_other_pages_with_the_application() {
    let app = TestApp::spawn().await;
    let client = app.signed_in("elina.hakala").await;
    let pathway = app.get(&client, "/pathway").await.text().await.unwrap();
    assert!(
        pathway.contains(r#"data-testid="pathway-step""#) && pathway.contains("Tiimin kokoaminen"),
        "the page is all there, map included"
    );
    assert!(pathway.contains(r#"action="/api/write_view""#), "its forms post to the server");
    assert!(pathway.contains(r#"action="/language""#), "and so does the language choice");
    assert!(!pathway.contains("polku.wasm") && !pathway.contains("/pkg/polku.js"), "no WebAssembly, no script");
    let map = app.get(&app.signed_in("sanna.virtanen").await, "/process").await.text().await.unwrap();
    assert!(map.contains("polku.wasm") && map.contains("/pkg/polku.js"), "the live map runs the application");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_is_chosen_with_a_plain_form_from_the_sites_own_pages() {
    let app = TestApp::spawn().await;
    let http = app.signed_in("elina.hakala").await;
    let choose = |lang: &'static str, back: &'static str, origin: String| {
        http.post(format!("{}/language", app.address))
            .header("origin", origin)
            .form(&[("lang", lang), ("back", back)])
            .send()
    };
    let chosen = choose("sv", "/pathway?case=1&step=team", app.address.clone()).await.unwrap();
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    assert_eq!(chosen.headers()["location"], "/pathway?case=1&step=team");
    let page = app.get(&http, "/pathway").await.text().await.unwrap();
    assert!(page.contains("Min stig"), "the next page is in Swedish");

    let elsewhere = choose("en", "https://evil.example/", app.address.clone()).await.unwrap();
    assert_eq!(elsewhere.headers()["location"], "/", "never back to another site");
    assert_eq!(choose("de", "/", app.address.clone()).await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY);
    let forged = choose("fi", "/", "https://evil.example".to_string()).await.unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert!(
        app.get(&http, "/pathway").await.text().await.unwrap().contains("My pathway"),
        "the English choice held; the forged one did not"
    );
}

/// The text of a page's `<title>`.
fn title_of(html: &str) -> &str {
    let start = html.find("<title>").expect("the page has a <title>") + "<title>".len();
    let end = start + html[start..].find("</title>").expect("the <title> is closed");
    &html[start..end]
}

/// WCAG 2.4.2: every page names itself in its `<title>`, before "Polku", in the reader's language,
/// and a page about one client names them there too. Pages of one person never share a title.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_names_itself_in_its_title() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let id = case.id.to_string();
    let mut problems = Vec::new();
    for (who, pages) in every_page(&app, &id).await {
        let http = if who.is_empty() { app.anonymous() } else { app.signed_in(who).await };
        let mut seen = std::collections::HashMap::new();
        for page in pages {
            let html = app.get(&http, &page).await.text().await.unwrap();
            let title = title_of(&html).to_string();
            if !title.ends_with(" – Polku") {
                problems.push(format!("{who} {page}: \"{title}\" does not name the page"));
            }
            if page.starts_with("/cases/") && !title.contains("Eino Mäntylä") {
                problems.push(format!("{who} {page}: \"{title}\" does not name the client"));
            }
            if let Some(other) = seen.insert(title.clone(), page.clone()) {
                problems.push(format!("{who}: {page} and {other} share the title \"{title}\""));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let coordinator = app.signed_in("heikki.laine").await;
    let plan = app.get(&coordinator, &format!("/cases/{id}/plan")).await.text().await.unwrap();
    assert_eq!(title_of(&plan), "Asiakassuunnitelma – Eino Mäntylä – Polku");
    let relative = app.get(&app.signed_in("pirjo.korhonen").await, "/pathway").await.text().await.unwrap();
    assert_eq!(title_of(&relative), "Asiakkaan polku – Aino Korhonen – Polku");
    for (language, expected) in
        [("sv", "Klientplan – Eino Mäntylä – Polku"), ("en", "Client plan – Eino Mäntylä – Polku")]
    {
        let cookie = app.session_cookie("heikki.laine").await;
        let html = app
            .anonymous()
            .get(format!("{}/cases/{id}/plan", app.address))
            .header("cookie", format!("{cookie}; i18n_pref_locale={language}"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(title_of(&html), expected, "{language}");
    }
}

/// A page the reader may not open keeps the client's name out of its title as out of its body.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_case_page_names_no_client_in_its_title() {
    let app = TestApp::spawn().await;
    let other = app.case_of("eino.mantyla").await;
    let page = app.get(&app.signed_in("aino.korhonen").await, &format!("/cases/{}/plan", other.id)).await;
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    let html = page.text().await.unwrap();
    assert!(!title_of(&html).contains("Eino"), "{}", title_of(&html));
}

/// Pages answered many at once all arrive whole: the server writes a page's `<head>` (its title
/// among it) after drawing the page, and a title that read a signal then panicked now and again
/// under load (an empty answer instead of the page) once the request's signals were gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_answered_at_once_by_the_dozen_all_arrive_whole() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let http = app.signed_in("sanna.virtanen").await;
    let pages = ["/process".to_string(), "/cases".to_string(), format!("/cases/{}", case.id)];
    let tasks: Vec<_> = (0..16)
        .map(|task| {
            let (http, address, pages) = (http.clone(), app.address.clone(), pages.clone());
            tokio::spawn(async move {
                let mut broken = Vec::new();
                for round in 0..40 {
                    let page = &pages[(task + round) % pages.len()];
                    let answer = http.get(format!("{address}{page}")).send().await;
                    let whole = match answer {
                        Ok(res) if res.status() == StatusCode::OK => {
                            res.text().await.is_ok_and(|html| html.contains("<title>") && html.contains("</html>"))
                        }
                        _ => false,
                    };
                    if !whole {
                        broken.push(page.clone());
                    }
                }
                broken
            })
        })
        .collect();
    let mut broken = Vec::new();
    for task in tasks {
        broken.extend(task.await.unwrap());
    }
    assert!(broken.is_empty(), "{} of 640 pages did not arrive whole: {broken:?}", broken.len());
}
