//! `TestApp`: a running Polku with the demo data, and a signed-in HTTP client per person.

use app::domain::ids::{CaseId, UserId};
use app::domain::process::Step;
use app::events::DomainEvent;
use app::service::AppState;
use app::store::entities::{
    audit_entry, case, case_event, case_member, case_place, case_place_organisation, client, staff_profile, user,
};
use app::store::placement;
use leptos::config::LeptosOptions;
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;

pub const PASSWORD: &str = server::seed::DEMO_PASSWORD;

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    pub state: AppState,
    url: String,
    /// On PostgreSQL, the test's own schema, dropped with the test.
    schema: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

fn random_suffix() -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{}_{}_{nanos}", std::process::id(), rand_u32())
}

fn rand_u32() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u8(0);
    h.finish() as u32
}

/// Serves Polku on a random port with `db`; on PostgreSQL its live events go through a channel of
/// the test's own, so that tests running at once do not hear each other. A request body must
/// arrive within two seconds (ten in production), so that the test of a slow body is quick.
async fn serve(
    db: DatabaseConnection,
    schema: Option<&str>,
    configure: fn(&mut app::store::Config),
) -> (String, AppState) {
    let options = LeptosOptions::builder().output_name("polku").site_root("target/site").build();
    let mut config = app::store::Config {
        events_channel: schema.map_or_else(|| "polku_events".to_string(), |s| format!("polku_{s}")),
        body_timeout: std::time::Duration::from_secs(2),
        ..app::store::Config::default()
    };
    configure(&mut config);
    let (router, state) = server::router(options, db, config.clone());
    server::relay::start(&state.db, &state.events, &config.events_channel).await.expect("event relay starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>()).await.unwrap()
    });
    (address, state)
}

impl TestApp {
    /// Starts the server on a random port with a fresh database holding the demo data.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// `spawn`, with the configuration changed by `configure` first.
    pub async fn spawn_with(configure: fn(&mut app::store::Config)) -> TestApp {
        let (url, schema, dir, db) = seeded_database().await;
        let (address, state) = serve(db.clone(), schema.as_deref(), configure).await;
        TestApp { address, db, state, url, schema, _dir: dir }
    }

    /// `spawn`, with the server holding at most `pool` database connections (`POLKU_DB_POOL`). The
    /// test's own reads (`db`) go through a pool of their own.
    pub async fn spawn_on_pool(pool: u32) -> TestApp {
        let (url, schema, dir, db) = seeded_database().await;
        let served = server::connect_pooled(&url, schema.as_deref(), pool, None).await.expect("database connects");
        let (address, state) = serve(served, schema.as_deref(), |_| {}).await;
        TestApp { address, db, state, url, schema, _dir: dir }
    }

    /// Another server instance on this test's database, as a second machine behind a load
    /// balancer would run: its own port, connections and event bus.
    pub async fn another_instance(&self) -> (String, AppState) {
        let db = server::connect(&self.url, self.schema.as_deref()).await.expect("database connects");
        serve(db, self.schema.as_deref(), |_| {}).await
    }

    /// A browser-like client without a session.
    pub fn anonymous(&self) -> Client {
        browser()
    }

    /// A client signed in as a demo user.
    pub async fn signed_in(&self, username: &str) -> Client {
        signed_in_at(&self.address, username).await
    }

    /// The `Cookie` header a browser signed in as `username` sends, for clients other than reqwest.
    pub async fn session_cookie(&self, username: &str) -> String {
        let res = self.login(&self.anonymous(), username, PASSWORD).await;
        let cookie = res
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(app::store::session::COOKIE))
            .expect("sign-in sets the session cookie");
        cookie.split(';').next().unwrap().to_string()
    }

    pub async fn login(&self, http: &Client, username: &str, password: &str) -> Response {
        self.call(http, "login", &[("username", username), ("password", password)]).await
    }

    /// Calls a server function the way a browser form does.
    pub async fn call(&self, http: &Client, name: &str, form: &[(&str, &str)]) -> Response {
        http.post(format!("{}/api/{name}", self.address)).form(form).send().await.unwrap()
    }

    pub async fn get(&self, http: &Client, path: &str) -> Response {
        http.get(format!("{}{path}", self.address)).send().await.unwrap()
    }

    pub async fn user_id(&self, username: &str) -> UserId {
        user_id(&self.db, username).await
    }

    /// The case of a demo client, by the client's username.
    pub async fn case_of(&self, client_username: &str) -> case::Model {
        case_of(&self.db, client_username).await
    }

    pub async fn case_by_id(&self, id: CaseId) -> case::Model {
        case::Entity::find_by_id(id).one(&self.db).await.unwrap().unwrap()
    }

    /// Every case's stored place on the map is the place its facts give now: no change the test
    /// made left a stored place behind.
    pub async fn assert_places_are_current(&self) {
        let cases = case::Entity::find().all(&self.db).await.unwrap();
        let clients = placement::clients_of(&self.db, &cases).await.unwrap();
        let computed = placement::place(&self.db, &cases, &clients, chrono::Utc::now()).await.unwrap();
        let stored: std::collections::HashMap<CaseId, _> =
            case_place::Entity::find().all(&self.db).await.unwrap().into_iter().map(|p| (p.case_id, p)).collect();
        assert_eq!(stored.len(), cases.len(), "every case has a stored place");
        for c in &cases {
            let (now, kept) = (&computed[&c.id], &stored[&c.id]);
            assert_eq!(
                (kept.step, kept.late_from, kept.due_on),
                (now.step, now.late_from, now.due),
                "the stored place of case {}",
                c.id
            );
        }
        // And once for every organisation seated on the case now, with the same place.
        let organisations: std::collections::HashMap<UserId, i32> = staff_profile::Entity::find()
            .all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.user_id, p.organisation_id))
            .collect();
        let mut seated: Vec<(CaseId, i32, Step, Option<chrono::NaiveDate>)> = case_member::Entity::find()
            .filter(case_member::Column::Status.eq("accepted"))
            .filter(case_member::Column::LeftAt.is_null())
            .all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|m| {
                let place = &stored[&m.case_id];
                organisations.get(&m.user_id).map(|org| (m.case_id, *org, place.step, place.late_from))
            })
            .collect();
        seated.sort_by_key(|row| (row.0, row.1));
        seated.dedup();
        let mut kept: Vec<_> = case_place_organisation::Entity::find()
            .all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.case_id, p.organisation_id, p.step, p.late_from))
            .collect();
        kept.sort_by_key(|row| (row.0, row.1));
        assert_eq!(kept, seated, "each case's place per seated organisation");
    }

    pub async fn audit_rows(&self, case_id: CaseId, resource: &str, action: &str) -> Vec<audit_entry::Model> {
        audit_entry::Entity::find()
            .filter(audit_entry::Column::CaseId.eq(case_id))
            .filter(audit_entry::Column::Resource.eq(resource))
            .filter(audit_entry::Column::Action.eq(action))
            .all(&self.db)
            .await
            .unwrap()
    }

    pub async fn history_len(&self, case_id: CaseId) -> u64 {
        case_event::Entity::find().filter(case_event::Column::CaseId.eq(case_id)).count(&self.db).await.unwrap()
    }
}

impl Drop for TestApp {
    /// Removes a test's PostgreSQL schema, also when the test failed.
    fn drop(&mut self) {
        if let Some(schema) = self.schema.take() {
            drop_schema(&self.url, &schema);
        }
    }
}

/// An empty database of the test's own: a SQLite file in a temporary folder (kept while the
/// folder is), or with `POLKU_TEST_DB=postgres` a fresh schema (dropped by `drop_schema`). Its URL,
/// the schema, the folder.
/// A fresh database with the demo data, and a connection to it with the default pool.
async fn seeded_database() -> (String, Option<String>, Option<tempfile::TempDir>, DatabaseConnection) {
    let (url, schema, dir) = fresh_database().await;
    let db = server::connect(&url, schema.as_deref()).await.expect("database connects");
    assert!(server::prepare(&db, true).await.expect("migrations and demo data"), "demo data seeded");
    (url, schema, dir, db)
}

pub async fn fresh_database() -> (String, Option<String>, Option<tempfile::TempDir>) {
    match std::env::var("POLKU_TEST_DB").as_deref() {
        Ok("postgres") => {
            let base = std::env::var("POLKU_TEST_POSTGRES_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string());
            let schema = format!("polku_t_{}", random_suffix());
            let admin = server::connect(&base, None).await.expect("PostgreSQL reachable");
            admin.execute_unprepared(&format!("CREATE SCHEMA {schema}")).await.expect("create schema");
            (base, Some(schema), None)
        }
        _ => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}/polku.db?mode=rwc", dir.path().display());
            (url, None, Some(dir))
        }
    }
}

/// Drops a test's PostgreSQL schema (on a thread of its own, so that it also works from `Drop`).
pub fn drop_schema(url: &str, schema: &str) {
    let (url, schema) = (url.to_string(), schema.to_string());
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            if let Ok(db) = server::connect(&url, None).await {
                let _ = db.execute_unprepared(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE")).await;
            }
        });
    })
    .join()
    .ok();
}

pub async fn user_id(db: &DatabaseConnection, username: &str) -> UserId {
    user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await.unwrap().unwrap().id
}

/// The case of a demo client, by the client's username.
pub async fn case_of(db: &DatabaseConnection, client_username: &str) -> case::Model {
    let user_id = user_id(db, client_username).await;
    let person = client::Entity::find().filter(client::Column::UserId.eq(user_id)).one(db).await.unwrap().unwrap();
    case::Entity::find().filter(case::Column::ClientId.eq(person.id)).one(db).await.unwrap().unwrap()
}

/// A browser-like client without a session. Requests time out, so that a request the server
/// never answers fails its test instead of stalling the whole run.
pub fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap()
}

/// A client signed in as a demo user on the instance at `address`.
pub async fn signed_in_at(address: &str, username: &str) -> Client {
    let http = browser();
    let res = http
        .post(format!("{address}/api/login"))
        .form(&[("username", username), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK, "demo sign-in for {username}");
    http
}

pub type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens a websocket at `path` of the instance at `address` as a page of `origin` would, with the
/// session `cookie`; a refused upgrade gives its status.
pub async fn open_socket(address: &str, path: &str, cookie: Option<&str>, origin: &str) -> Result<Socket, StatusCode> {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let mut request = format!("{}{path}", address.replacen("http", "ws", 1)).into_client_request().unwrap();
    request.headers_mut().insert("origin", origin.parse().unwrap());
    if let Some(cookie) = cookie {
        request.headers_mut().insert("cookie", cookie.parse().unwrap());
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(socket),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            Err(StatusCode::from_u16(response.status().as_u16()).unwrap())
        }
        Err(other) => panic!("websocket failed: {other}"),
    }
}

/// The next text message on a socket, waiting at most 10 s.
pub async fn next_text(socket: &mut Socket) -> String {
    use futures_util::StreamExt;
    loop {
        let message = tokio::time::timeout(std::time::Duration::from_secs(10), socket.next())
            .await
            .expect("a message within 10 s")
            .unwrap()
            .unwrap();
        if let tokio_tungstenite::tungstenite::Message::Text(text) = message {
            return text.to_string();
        }
    }
}

/// The Finnish calendar day `offset` days from today, as a date field sends it (the application's
/// days are Finnish days: from 22:00 or 21:00 UTC, today in Finland is tomorrow in UTC).
pub fn day(offset: i64) -> String {
    (app::domain::calendar::finnish_date(chrono::Utc::now()) + chrono::Duration::days(offset)).to_string()
}

/// Finnish wall-clock time `days` from now at 13:00, as a datetime-local field sends it.
pub fn at_one(days: i64) -> String {
    format!("{}T13:00", chrono::Utc::now().date_naive() + chrono::Duration::days(days))
}

/// Schedules a meeting on `case_id` with the form `fields`.
pub async fn schedule(app: &TestApp, http: &Client, case_id: CaseId, fields: &[(&str, &str)]) -> Response {
    let case_id = case_id.to_string();
    let mut form = vec![("case_id", case_id.as_str())];
    form.extend_from_slice(fields);
    app.call(http, "schedule_meeting", &form).await
}

/// The events published since `events` subscribed, in order, without the notices of new
/// notifications: the server's overdue sweep publishes those at start-up, at any moment of a test.
pub fn published(events: &mut tokio::sync::broadcast::Receiver<DomainEvent>) -> Vec<DomainEvent> {
    std::iter::from_fn(|| events.try_recv().ok())
        .filter(|event| !matches!(event, DomainEvent::Notified { .. }))
        .collect()
}

/// `bytes` in URL-safe base64 with padding, as server functions put an error into a link.
pub fn base64_url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// Status and JSON body of a response.
pub async fn json(res: Response) -> (StatusCode, Value) {
    let status = res.status();
    let text = res.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

/// Asserts an `AppError` answer: its status, its variant and (if given) its detail.
pub async fn assert_error(res: Response, status: StatusCode, error: &str, detail: Option<Value>) {
    let (got_status, body) = json(res).await;
    assert_eq!(got_status, status, "status; body: {body}");
    assert_eq!(body["error"], error, "error kind; body: {body}");
    if let Some(detail) = detail {
        assert_eq!(body["detail"], detail, "error detail; body: {body}");
    }
}

/// Every page each kind of person opens in the demo, by username ("" for no one signed in): a
/// coordinator's staff and case pages (with a meeting of Eino's case, `case_id`), a colleague's,
/// a client's, a relative's, the administrator's and the auditor's.
pub async fn every_page(app: &TestApp, case_id: &str) -> Vec<(&'static str, Vec<String>)> {
    let id = case_id;
    let coordinator = app.signed_in("heikki.laine").await;
    let meetings = app.get(&coordinator, &format!("/cases/{id}/meetings")).await.text().await.unwrap();
    let meeting = meetings
        .split(&format!("/cases/{id}/meetings/"))
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect::<String>())
        .filter(|m| !m.is_empty())
        .expect("Eino's case has a meeting");
    let case_pages: Vec<String> = ["", "/assessment", "/plan", "/meetings", "/records"]
        .iter()
        .map(|page| format!("/cases/{id}{page}"))
        .chain([format!("/cases/{id}/meetings/{meeting}"), format!("/boards/team-{id}")])
        .collect();
    let staff_pages = ["/cases", "/process", "/boards", "/notifications", "/concerns", "/concerns/new", "/feedback"];
    vec![
        ("", vec!["/login".into()]),
        ("heikki.laine", staff_pages.iter().map(|p| p.to_string()).chain(case_pages).collect()),
        ("sanna.virtanen", staff_pages.iter().map(|p| p.to_string()).collect()),
        ("eino.mantyla", vec!["/pathway".into(), "/pathway/privacy".into(), "/process".into()]),
        ("pirjo.korhonen", vec!["/pathway".into()]),
        ("admin", vec!["/admin".into()]),
        ("paula.rinne", vec!["/audit".into(), "/audit?client=Eino".into()]),
    ]
}
