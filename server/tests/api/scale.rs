//! The scale data set (`server::scale`, behind `make bench-scale`): what it writes is data every
//! page reads without failing, the demo people find themselves inside it, and the map's numbers
//! add up to what was written.

use crate::helpers::*;
use app::store::entities::{audit_entry, case, concern};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, Statement};
use server::scale::{generate, Size};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_generated_area_is_served_page_by_page_to_the_demo_people() {
    let app = TestApp::spawn().await;
    let cases_before = case::Entity::find().count(&app.db).await.unwrap();
    let concerns_before = concern::Entity::find().count(&app.db).await.unwrap();
    let size = Size::area(0.004);
    let written = generate(&app.db, size, chrono::Utc::now()).await.unwrap();
    assert_eq!(written.get("clients"), 400);
    assert!(written.get("cases") > 400, "some clients have an earlier case: {written}");
    assert_eq!(case::Entity::find().count(&app.db).await.unwrap(), cases_before + written.get("cases") as u64);
    assert!(written.get("plan_versions") > 0 && written.get("board_events") > 0 && written.get("notifications") > 0);
    let logged = audit_entry::Entity::find().count(&app.db).await.unwrap();
    assert!(logged >= size.eino_audit_rows as u64);
    if app.db.get_database_backend() == DbBackend::Postgres {
        // The planner has statistics for every table of the schema, not guesses after a bulk load.
        let unanalysed = app
            .db
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = current_schema() \
                 AND last_analyze IS NULL AND last_autoanalyze IS NULL",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<i64>(0)
            .unwrap();
        assert_eq!(unanalysed, 0, "every table is analysed after the generation");
    }

    // Every case there is, open or closed, and every open concern stands somewhere on the map.
    let sanna = app.signed_in("sanna.virtanen").await;
    let (status, body) = json(app.call(&sanna, "process_counts", &[("scope", "all")]).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let on_map: u64 = body.as_array().unwrap().iter().map(|c| c["count"].as_u64().unwrap()).sum();
    let concerns = concern::Entity::find().count(&app.db).await.unwrap();
    assert!(concerns >= concerns_before + size.open_concerns as u64);
    let open_concerns = body.as_array().unwrap()[0]["count"].as_u64().unwrap();
    assert_eq!(on_map - open_concerns, case::Entity::find().count(&app.db).await.unwrap());

    // The demo pair coordinates its share of the generated cases, in pages.
    let (status, body) = json(app.call(&sanna, "my_cases", &[("show", "closed")]).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["total"].as_u64().unwrap() > 1, "Sanna has generated closed cases: {body}");
    let (_, pairs) = json(app.call(&sanna, "my_boards", &[]).await).await;
    let pair = pairs[0][0].as_i64().unwrap();
    let case_id = app.case_of("eino.mantyla").await.id.to_string();
    let pages = [
        "/process".to_string(),
        "/cases".into(),
        "/cases?show=closed".into(),
        "/boards".into(),
        format!("/boards/pair-{pair}"),
        "/notifications".into(),
        "/concerns".into(),
        format!("/cases/{case_id}"),
        format!("/cases/{case_id}/plan"),
        format!("/cases/{case_id}/meetings"),
    ];
    for path in &pages {
        assert_eq!(app.get(&sanna, path).await.status(), StatusCode::OK, "{path}");
    }
    for scope in ["mine", "organisation"] {
        assert_eq!(app.call(&sanna, "process_counts", &[("scope", scope)]).await.status(), StatusCode::OK, "{scope}");
    }
    let eino = app.signed_in("eino.mantyla").await;
    assert_eq!(app.get(&eino, "/pathway").await.status(), StatusCode::OK);
    let paula = app.signed_in("paula.rinne").await;
    let (status, body) = json(app.call(&paula, "audit_search", &[("client", "Mäntylä")]).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = body["rows"].as_array().unwrap();
    assert!(rows.len() >= size.eino_audit_rows, "Eino's generated reads are found: {body}");
    assert!(rows.iter().all(|r| r["client"] == "Eino Mäntylä"), "{body}");
}
