//! Reads and writes at once: the audit rows of reads are committed in groups, and a read is
//! answered only once its rows are stored, so no answered read goes unlogged, not even when the
//! server is killed mid-load; concurrent changes queue for the database's write lock instead of
//! failing.

use crate::helpers::*;
use app::store::entities::{audit_entry, card_comment};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The audit rows of `username`'s views of case `case_id`.
async fn case_views(
    db: &DatabaseConnection,
    user_id: app::domain::ids::UserId,
    case_id: app::domain::ids::CaseId,
) -> u64 {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::ActorUserId.eq(user_id))
        .filter(audit_entry::Column::CaseId.eq(case_id))
        .filter(audit_entry::Column::Resource.eq("case"))
        .filter(audit_entry::Column::Action.eq("view"))
        .count(db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_at_once_are_each_logged_once_before_they_are_answered() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let liisa_id = app.user_id("liisa.makinen").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let id = eino.id.to_string();
    let before = case_views(&app.db, liisa_id, eino.id).await;

    // Sixty reads at once, so that the committer finds many waiting and stores them together.
    let reads = (0..60).map(|_| {
        let (app_address, http, id) = (app.address.clone(), liisa.clone(), id.clone());
        async move {
            let res = http.post(format!("{app_address}/api/case")).form(&[("case_id", id.as_str())]).send().await;
            res.map(|r| r.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        }
    });
    let answers = futures_util::future::join_all(reads).await;
    assert!(answers.iter().all(|status| *status == StatusCode::OK), "{answers:?}");
    assert_eq!(case_views(&app.db, liisa_id, eino.id).await - before, 60, "one row per read, no more");

    // Someone the rule refuses is logged nothing and shown nothing.
    let outsider = app.signed_in("rauni.ojala").await;
    let res = app.call(&outsider, "case", &[("case_id", id.as_str())]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let rauni = app.user_id("rauni.ojala").await;
    assert_eq!(case_views(&app.db, rauni, eino.id).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_at_once_wait_for_the_write_lock_instead_of_failing() {
    let app = TestApp::spawn().await;
    let eino = app.case_of("eino.mantyla").await;
    let key = format!("action-{}-1", eino.id);
    let (sanna, liisa) = (app.signed_in("sanna.virtanen").await, app.signed_in("liisa.makinen").await);
    let before = card_comment::Entity::find().count(&app.db).await.unwrap();

    // Comments and reads of the same card at once, from two people: every one is answered.
    let work = (0..24).map(|n| {
        let http = if n % 2 == 0 { sanna.clone() } else { liisa.clone() };
        let (address, key) = (app.address.clone(), key.clone());
        async move {
            let res = if n % 3 == 0 {
                http.post(format!("{address}/api/card_comments")).form(&[("card", key.as_str())]).send().await
            } else {
                let body = format!("Kommentti {n}");
                http.post(format!("{address}/api/comment_card"))
                    .form(&[("card", key.as_str()), ("body", body.as_str())])
                    .send()
                    .await
            };
            let res = res.expect("answered");
            (n, res.status(), res.text().await.unwrap_or_default())
        }
    });
    let answers = futures_util::future::join_all(work).await;
    let failed: Vec<_> = answers.iter().filter(|(_, status, _)| *status != StatusCode::OK).collect();
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(card_comment::Entity::find().count(&app.db).await.unwrap() - before, 16, "every comment stored");
    app.assert_places_are_current().await;
}

/// A server process, killed (SIGKILL: no shutdown, nothing flushed) when dropped at the latest.
struct ServerProcess(std::process::Child);

impl ServerProcess {
    fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The server binary on `database_url` at a free port, and its address once it answers.
async fn start_server(database_url: &str) -> (ServerProcess, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_OUTPUT_NAME", "polku")
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the server binary starts");
    let server = ServerProcess(child);
    let address = format!("http://127.0.0.1:{port}");
    for _ in 0..600 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return (server, address);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not start listening within a minute");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_load_has_logged_every_read_it_answered() {
    let (url, schema, _dir) = fresh_database().await;
    let process_url = match &schema {
        Some(schema) => format!("{url}?options=-c%20search_path%3D{schema}"),
        None => url.clone(),
    };
    let (mut server, address) = start_server(&process_url).await;
    let liisa = signed_in_at(&address, "liisa.makinen").await;
    let db = server::connect(&url, schema.as_deref()).await.expect("database connects");
    let eino = case_of(&db, "eino.mantyla").await;
    let liisa_id = user_id(&db, "liisa.makinen").await;
    let before = case_views(&db, liisa_id, eino.id).await;

    // Sixteen readers read the case as fast as they are answered, counting the answers.
    let answered = Arc::new(AtomicU64::new(0));
    let readers: Vec<_> = (0..16)
        .map(|_| {
            let (http, address, answered) = (liisa.clone(), address.clone(), answered.clone());
            let id = eino.id.to_string();
            tokio::spawn(async move {
                loop {
                    let sent = http.post(format!("{address}/api/case")).form(&[("case_id", id.as_str())]).send().await;
                    match sent {
                        Ok(res) if res.status() == StatusCode::OK => {
                            answered.fetch_add(1, Ordering::SeqCst);
                        }
                        Ok(res) => panic!("a read was refused: {}", res.status()),
                        Err(_) => return,
                    }
                }
            })
        })
        .collect();
    // Killed (SIGKILL: no shutdown, no flushing) while the reads flow.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill();
    for reader in readers {
        reader.await.expect("a reader ends when the server is gone");
    }
    let answered = answered.load(Ordering::SeqCst);
    assert!(answered > 16, "the load ran: {answered} reads answered");
    let stored = case_views(&db, liisa_id, eino.id).await - before;
    assert!(stored >= answered, "{answered} reads were answered but only {stored} logged");
    if let Some(schema) = schema {
        drop_schema(&url, &schema);
    }
}

/// A server holding a single database connection answers every read that logs itself: a read
/// that kept its connection (a board's snapshot) while its audit rows wait for the committer,
/// which needs a connection too, would never be answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_on_one_connection_answers_the_reads_it_logs() {
    use app::store::entities::coordinator_pair;
    let app = TestApp::spawn_on_pool(1).await;
    let eino = app.case_of("eino.mantyla").await;
    let sanna_id = app.user_id("sanna.virtanen").await;
    let pair = coordinator_pair::Entity::find()
        .filter(coordinator_pair::Column::SocialUserId.eq(sanna_id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("Sanna's pair");
    let sanna = app.signed_in("sanna.virtanen").await;
    let client = app.signed_in("eino.mantyla").await;
    // Each page, and what it shows when its reads were answered.
    let reads = [
        (&sanna, format!("/boards/pair-{}", pair.id), "Eino Mäntylä"),
        (&sanna, "/cases".to_string(), "Eino Mäntylä"),
        (&sanna, format!("/cases/{}", eino.id), "Eino Mäntylä"),
        (&sanna, "/process".to_string(), "process-map"),
        (&client, "/pathway".to_string(), "Eino"),
    ];
    for (http, path, shown) in reads {
        let boards_before = app.audit_rows(eino.id, "board", "list").await.len();
        let sent = http.get(format!("{}{path}", app.address)).header("accept", "text/html").send();
        let res = tokio::time::timeout(Duration::from_secs(20), sent)
            .await
            .unwrap_or_else(|_| panic!("{path} is not answered: a read waits for the connection it holds"))
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains(shown) && !html.contains("Palvelussa tapahtui virhe"), "{path}: {html}");
        if path.starts_with("/boards") {
            assert_eq!(app.audit_rows(eino.id, "board", "list").await.len(), boards_before + 1, "the board is logged");
        }
    }
}
