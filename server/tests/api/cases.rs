//! Who may open and move which case, what each access leaves in the audit log, and that a refused
//! or malformed change writes nothing.

use crate::helpers::*;
use app::domain::ids::CaseId;
use app::domain::{Role, Stage, TeamRole};
use app::events::DomainEvent;
use app::store::entities::{audit_entry, case_member};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement};
use serde_json::{json, Value};

async fn open_case(app: &TestApp, http: &reqwest::Client, case_id: CaseId) -> reqwest::Response {
    app.call(http, "case", &[("case_id", &case_id.to_string())]).await
}

async fn move_case(app: &TestApp, http: &reqwest::Client, case_id: CaseId, from: &str, to: &str) -> reqwest::Response {
    app.call(http, "move_stage", &[("case_id", &case_id.to_string()), ("from", from), ("to", to)]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_see_only_the_cases_whose_team_they_are_on() {
    let app = TestApp::spawn().await;
    let (status, page) = json(app.call(&app.signed_in("olli.rantanen").await, "my_cases", &[]).await).await;
    assert_eq!(status, StatusCode::OK);
    let list = &page["cases"];
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["client_name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Laura Kallio"], "the school social worker is on one team only");
    assert_eq!(list[0]["stage"], "collaboration");
    assert_eq!(list[0]["my_role"], "own_worker");

    let (_, none) = json(app.call(&app.signed_in("rauni.ojala").await, "my_cases", &[]).await).await;
    assert_eq!(none["cases"], json!([]));
    assert_eq!(none["total"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_opens_their_own_case_but_not_anothers() {
    let app = TestApp::spawn().await;
    let aino = app.signed_in("aino.korhonen").await;
    let own = app.case_of("aino.korhonen").await;
    let other = app.case_of("eino.mantyla").await;

    let (status, body) = json(open_case(&app, &aino, own.id).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["client"]["name"], "Aino Korhonen");
    assert_eq!(body["moves"], json!([]), "a client cannot move their case");

    assert_error(
        open_case(&app, &aino, other.id).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_your_case")),
    )
    .await;
    assert!(app.audit_rows(other.id, "case", "view").await.is_empty(), "a refused read shows nothing and logs no view");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_professional_off_the_team_cannot_open_the_case() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    assert_error(
        open_case(&app, &app.signed_in("rauni.ojala").await, case.id).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
    // Another coordinator pair's coordinator is off this team too.
    assert_error(
        open_case(&app, &app.signed_in("maria.nieminen").await, case.id).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_on_team")),
    )
    .await;
    let (status, _) = json(open_case(&app, &app.signed_in("liisa.makinen").await, case.id).await).await;
    assert_eq!(status, StatusCode::OK, "a team member opens it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_case_view_writes_an_audit_row_with_its_basis() {
    let app = TestApp::spawn().await;
    let case = app.case_of("eino.mantyla").await;
    let liisa = app.signed_in("liisa.makinen").await;
    let eino = app.signed_in("eino.mantyla").await;
    assert!(app.audit_rows(case.id, "case", "view").await.is_empty());

    for http in [&liisa, &liisa, &eino] {
        assert_eq!(open_case(&app, http, case.id).await.status(), StatusCode::OK);
    }
    let rows = app.audit_rows(case.id, "case", "view").await;
    assert_eq!(rows.len(), 3);
    let liisa_id = app.user_id("liisa.makinen").await;
    assert_eq!(rows[0].actor_user_id, liisa_id);
    assert_eq!(rows[0].actor_role, Role::Professional);
    assert_eq!(rows[0].basis, "team:member");
    assert_eq!(rows[0].client_id, Some(case.client_id));
    assert!(rows[0].actor_organisation_id.is_some());
    assert_eq!(rows[2].basis, "own_client");
    assert_eq!(rows[2].actor_role, Role::Client);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_administrator_sees_no_client_content() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("admin").await;
    let case = app.case_of("aino.korhonen").await;
    assert_error(
        open_case(&app, &admin, case.id).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("administrator_no_client_content")),
    )
    .await;
    assert_error(
        app.call(&admin, "my_pathway", &[]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("administrator_no_client_content")),
    )
    .await;
    assert_error(
        app.call(&admin, "my_cases", &[]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("administrator_no_client_content")),
    )
    .await;
    let eino = app.signed_in("eino.mantyla").await;
    assert_error(
        app.call(&eino, "my_cases", &[]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("case_list_for_teams")),
    )
    .await;

    let (status, staff) = json(app.call(&admin, "staff_directory", &[]).await).await;
    assert_eq!(status, StatusCode::OK);
    let text = staff.to_string();
    assert!(text.contains("Sanna Virtanen") && text.contains("Koivurinteen yhtenäiskoulu"));
    assert!(!text.contains("Aino Korhonen"), "no client in the staff directory");
    assert!(staff.as_array().unwrap().len() >= 17);

    let sanna = app.signed_in("sanna.virtanen").await;
    assert_error(
        app.call(&sanna, "staff_directory", &[]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("administrators_only")),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_moves_a_case_and_it_is_recorded() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let case = app.case_of("eino.mantyla").await;
    assert_eq!(case.stage, Stage::Collaboration);
    let history_before = app.history_len(case.id).await;
    let mut events = app.state.events.subscribe();

    let (_, detail) = json(open_case(&app, &sanna, case.id).await).await;
    assert_eq!(detail["moves"][0], json!({"to": "follow_up", "blocked": null}), "the next stage is offered");

    let (status, body) = json(move_case(&app, &sanna, case.id, "collaboration", "follow_up").await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, json!("follow_up"));

    let after = app.case_by_id(case.id).await;
    assert_eq!(after.stage, Stage::FollowUp);
    assert_eq!(after.version, case.version + 1);
    assert_eq!(app.history_len(case.id).await, history_before + 1);
    let (_, detail) = json(open_case(&app, &sanna, case.id).await).await;
    let last = detail["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["event"], json!({"kind": "stage_changed", "from": "collaboration", "to": "follow_up"}));
    assert_eq!(last["actor"], "Sanna Virtanen");

    let updates = app.audit_rows(case.id, "case_stage", "update").await;
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].basis, "team:social_coordinator");

    let published = published(&mut events);
    assert!(
        matches!(published.first(), Some(DomainEvent::StageChanged { case_id, from: Stage::Collaboration, to: Stage::FollowUp, .. }) if *case_id == case.id),
        "the move is published after commit: {published:?}"
    );
    app.assert_places_are_current().await;
}

/// Everything a refused move could have touched.
async fn snapshot(app: &TestApp, case_id: CaseId) -> (Stage, i32, u64, usize) {
    let case = app.case_by_id(case_id).await;
    (
        case.stage,
        case.version,
        app.history_len(case_id).await,
        app.audit_rows(case_id, "case_stage", "update").await.len(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_transitions_get_clear_errors_and_change_nothing() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let case = app.case_of("aino.korhonen").await;
    let before = snapshot(&app, case.id).await;

    assert_error(
        move_case(&app, &sanna, case.id, "assessment", "follow_up").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "transition",
        Some(json!({"kind": "not_allowed", "from": "assessment", "to": "follow_up"})),
    )
    .await;
    assert_error(
        move_case(&app, &sanna, case.id, "assessment", "assessment").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "transition",
        Some(json!({"kind": "same_stage", "stage": "assessment"})),
    )
    .await;
    assert_error(
        move_case(&app, &sanna, case.id, "assessment", "done").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "transition",
        Some(json!({"kind": "unknown_stage", "stage": "done"})),
    )
    .await;
    assert_eq!(snapshot(&app, case.id).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_input_is_a_bad_request_not_a_server_error() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let case = app.case_of("aino.korhonen").await;
    let before = snapshot(&app, case.id).await;

    for form in [
        vec![("case_id", "abc"), ("from", "assessment"), ("to", "collaboration")],
        vec![("case_id", "99999999999"), ("from", "assessment"), ("to", "collaboration")],
        vec![("from", "assessment"), ("to", "collaboration")],
    ] {
        assert_error(app.call(&sanna, "move_stage", &form).await, StatusCode::BAD_REQUEST, "bad_request", None).await;
    }
    assert_error(
        app.call(&sanna, "case", &[("case_id", "1; DROP TABLE cases")]).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
        None,
    )
    .await;
    assert_error(
        move_case(&app, &sanna, CaseId(424242), "assessment", "collaboration").await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    )
    .await;
    assert_eq!(snapshot(&app, case.id).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_move_from_a_stale_stage_is_refused_with_the_current_one() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let heikki = app.signed_in("heikki.laine").await;
    let case = app.case_of("eino.mantyla").await;

    assert_eq!(move_case(&app, &heikki, case.id, "collaboration", "follow_up").await.status(), StatusCode::OK);
    let before = snapshot(&app, case.id).await;
    // Sanna still sees the case in collaboration and tries the same move.
    assert_error(
        move_case(&app, &sanna, case.id, "collaboration", "follow_up").await,
        StatusCode::CONFLICT,
        "stale_stage",
        Some(json!({"current": "follow_up"})),
    )
    .await;
    assert_eq!(snapshot(&app, case.id).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_coordinator_pair_of_the_case_moves_it() {
    let app = TestApp::spawn().await;
    let case = app.case_of("aino.korhonen").await;
    let before = snapshot(&app, case.id).await;
    for (who, reason) in [
        ("liisa.makinen", "not_coordinator_of_case"),
        ("aino.korhonen", "not_coordinator_of_case"),
        ("maria.nieminen", "not_on_team"),
        ("pirjo.korhonen", "not_coordinator_of_case"),
        ("kari.mantyla", "not_your_case"),
    ] {
        let http = app.signed_in(who).await;
        assert_error(
            move_case(&app, &http, case.id, "assessment", "collaboration").await,
            StatusCode::FORBIDDEN,
            "forbidden",
            Some(json!(reason)),
        )
        .await;
    }
    assert_eq!(snapshot(&app, case.id).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collaboration_needs_the_whole_coordinator_pair() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let case = app.case_of("aino.korhonen").await;
    case_member::Entity::delete_many()
        .filter(case_member::Column::CaseId.eq(case.id))
        .filter(case_member::Column::TeamRole.eq(TeamRole::HealthCoordinator.as_str()))
        .exec(&app.db)
        .await
        .unwrap();
    let before = snapshot(&app, case.id).await;

    let (_, detail) = json(open_case(&app, &sanna, case.id).await).await;
    assert_eq!(detail["moves"][0]["blocked"], json!({"kind": "coordinator_pair_missing", "to": "collaboration"}));
    assert_error(
        move_case(&app, &sanna, case.id, "assessment", "collaboration").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "transition",
        Some(json!({"kind": "coordinator_pair_missing", "to": "collaboration"})),
    )
    .await;
    assert_eq!(snapshot(&app, case.id).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_non_disclosure_clients_location_is_only_for_the_coordinator_pair() {
    let app = TestApp::spawn().await;
    let case = app.case_of("riikka.lehto").await;
    let (_, by_coordinator) = json(open_case(&app, &app.signed_in("sanna.virtanen").await, case.id).await).await;
    assert_eq!(by_coordinator["client"]["municipality"], "Järvelä");
    let (_, by_member) = json(open_case(&app, &app.signed_in("anna.lehtonen").await, case.id).await).await;
    assert_eq!(by_member["client"]["non_disclosure"], true);
    assert!(by_member["client"]["municipality"].is_null(), "{by_member}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_and_case_history_are_append_only() {
    let app = TestApp::spawn().await;
    let case = app.case_of("aino.korhonen").await;
    assert_eq!(open_case(&app, &app.signed_in("sanna.virtanen").await, case.id).await.status(), StatusCode::OK);
    for statement in [
        "UPDATE audit_log SET basis = 'forged'",
        "DELETE FROM audit_log",
        "UPDATE case_events SET detail = '{}'",
        "DELETE FROM case_events",
    ] {
        assert!(app.db.execute_unprepared(statement).await.is_err(), "the database refuses: {statement}");
    }
    let rows = audit_entry::Entity::find().filter(audit_entry::Column::Basis.eq("forged")).all(&app.db).await.unwrap();
    assert!(rows.is_empty());
    assert!(app.history_len(case.id).await > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_commit_is_on_disk_when_it_returns() {
    if std::env::var("POLKU_TEST_DB").as_deref() == Ok("postgres") {
        eprintln!("skipped: PostgreSQL's own settings decide its durability");
        return;
    }
    let app = TestApp::spawn().await;
    let pragma = |name: &str| Statement::from_string(DbBackend::Sqlite, format!("PRAGMA {name}"));
    let journal = app.db.query_one_raw(pragma("journal_mode")).await.unwrap().unwrap();
    assert_eq!(journal.try_get_by_index::<String>(0).unwrap(), "wal", "one log append per commit");
    let synchronous = app.db.query_one_raw(pragma("synchronous")).await.unwrap().unwrap();
    // 2 is FULL: the log is synced on every commit, so a commit survives a power cut.
    assert_eq!(synchronous.try_get_by_index::<i32>(0).unwrap(), 2);
}

async fn close(
    app: &TestApp,
    http: &reqwest::Client,
    case_id: CaseId,
    summary: &str,
    continuation: &str,
) -> reqwest::Response {
    let id = case_id.to_string();
    app.call(
        http,
        "close_case",
        &[("case_id", id.as_str()), ("from", "follow_up"), ("summary", summary), ("continuation", continuation)],
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_needs_a_summary_and_who_carries_on_and_a_reopened_case_keeps_both() {
    let app = TestApp::spawn().await;
    let maria = app.signed_in("maria.nieminen").await;
    let case = app.case_of("helmi.lahtinen").await;
    assert_eq!(case.stage, Stage::FollowUp);
    let before = snapshot(&app, case.id).await;

    assert_error(
        move_case(&app, &maria, case.id, "follow_up", "closed").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "transition",
        Some(json!({"kind": "closing_needs_summary"})),
    )
    .await;
    let pekka = app.signed_in("pekka.heikkinen").await;
    assert_error(
        close(&app, &pekka, case.id, "", "").await,
        StatusCode::FORBIDDEN,
        "forbidden",
        Some(json!("not_coordinator_of_case")),
    )
    .await;
    assert_error(
        close(&app, &maria, case.id, " ", "Kotihoito jatkaa.").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "closure",
        Some(json!({"kind": "summary_empty"})),
    )
    .await;
    assert_error(
        close(&app, &maria, case.id, "Tavoitteet saavutettiin.", "").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "closure",
        Some(json!({"kind": "continuation_empty"})),
    )
    .await;
    assert_eq!(snapshot(&app, case.id).await, before, "refused closures change nothing");

    let (status, body) = json(
        close(
            &app,
            &maria,
            case.id,
            "Tavoitteet saavutettiin: Helmi liikkuu taas ulkona.",
            "Kotihoito jatkaa; uusi arvio, jos kunto heikkenee.",
        )
        .await,
    )
    .await;
    assert_eq!((status, body), (StatusCode::OK, json!("closed")));
    let closed = app.case_by_id(case.id).await;
    assert_eq!(closed.stage, Stage::Closed);
    assert!(closed.closed_at.is_some());
    assert!(
        app.db.execute_unprepared("UPDATE case_closures SET summary = 'forged'").await.is_err(),
        "closures are kept as written"
    );

    // Needs came back: the case reopens through a new assessment, and its history shows both.
    assert_eq!(move_case(&app, &maria, case.id, "closed", "assessment").await.status(), StatusCode::OK);
    let (_, detail) = json(open_case(&app, &maria, case.id).await).await;
    assert_eq!(detail["stage"], "assessment");
    assert_eq!(detail["closures"][0]["continuation"], "Kotihoito jatkaa; uusi arvio, jos kunto heikkenee.");
    assert_eq!(detail["closures"][0]["closed_by"], "Maria Nieminen");
    let moves: Vec<Value> = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["event"]["kind"] == "stage_changed")
        .map(|h| h["event"].clone())
        .collect();
    assert!(moves.ends_with(&[
        json!({"kind": "stage_changed", "from": "follow_up", "to": "closed"}),
        json!({"kind": "stage_changed", "from": "closed", "to": "assessment"}),
    ]));
    let (_, pathways) = json(app.call(&app.signed_in("markku.lahtinen").await, "my_pathway", &[]).await).await;
    assert_eq!(pathways[0]["closures"].as_array().unwrap().len(), 1, "the family sees how it closed");
}

/// One listing of `my_cases`, as JSON.
async fn case_page(app: &TestApp, http: &reqwest::Client, form: &[(&str, &str)]) -> Value {
    let (status, body) = json(app.call(http, "my_cases", form).await).await;
    assert_eq!(status, StatusCode::OK, "{form:?}: {body}");
    body
}

fn ids(page: &Value) -> Vec<i64> {
    page["cases"].as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_case_list_comes_in_pages_of_open_cases_with_the_closed_on_request() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let whole = case_page(&app, &sanna, &[]).await;
    let open = ids(&whole);
    let total = whole["total"].as_u64().unwrap();
    assert_eq!(open.len() as u64, total, "the demo's open cases fit the first page");
    assert!(total >= 3, "enough open cases to page through: {whole}");
    assert_eq!(
        (whole["page"].clone(), whole["per_page"].clone(), whole["closed"].clone()),
        (json!(1), json!(50), json!(false))
    );

    // Two at a time, page by page: the same cases in the same order, none twice, none missed.
    let pages = total.div_ceil(2);
    let mut paged = Vec::new();
    for page in 1..=pages {
        let body = case_page(&app, &sanna, &[("per_page", "2"), ("page", &page.to_string())]).await;
        assert_eq!(body["total"], total);
        let expected = if page < pages { 2 } else { total - 2 * (pages - 1) };
        assert_eq!(ids(&body).len() as u64, expected, "page {page}");
        paged.extend(ids(&body));
    }
    assert_eq!(paged, open);
    let past = case_page(&app, &sanna, &[("per_page", "2"), ("page", &(pages + 1).to_string())]).await;
    assert_eq!(
        (past["cases"].clone(), past["total"].clone()),
        (json!([]), json!(total)),
        "past the last page: none, and how many there are"
    );

    // Only the page's cases are read and logged.
    let third = CaseId(open[2] as i32);
    let before = app.audit_rows(third, "case_list", "list").await.len();
    case_page(&app, &sanna, &[("per_page", "2")]).await;
    assert_eq!(app.audit_rows(third, "case_list", "list").await.len(), before, "a case on no page shown is not logged");
    let first = CaseId(open[0] as i32);
    let logged = app.audit_rows(first, "case_list", "list").await.len();
    case_page(&app, &sanna, &[("per_page", "2")]).await;
    assert_eq!(app.audit_rows(first, "case_list", "list").await.len(), logged + 1);

    // The closed ones are a list of their own, paged the same way; the closure step is that list.
    let closed = case_page(&app, &sanna, &[("show", "closed"), ("per_page", "1")]).await;
    assert_eq!(closed["closed"], true);
    let closed_total = closed["total"].as_u64().unwrap();
    assert!(closed_total >= 1);
    let mut all_closed = Vec::new();
    for page in 1..=closed_total {
        let body = case_page(&app, &sanna, &[("show", "closed"), ("per_page", "1"), ("page", &page.to_string())]).await;
        assert!(body["cases"].as_array().unwrap().iter().all(|c| c["stage"] == "closed"));
        all_closed.extend(ids(&body));
    }
    assert!(all_closed.iter().all(|id| !open.contains(id)), "an open list holds no closed case");
    assert_eq!(
        ids(&case_page(&app, &sanna, &[("step", "closure")]).await),
        ids(&case_page(&app, &sanna, &[("show", "closed")]).await)
    );

    // A step's list is paged too.
    let in_meetings = whole["cases"].as_array().unwrap().iter().filter(|c| c["step"] == "meetings").count() as u64;
    let first_of_step = case_page(&app, &sanna, &[("step", "meetings"), ("per_page", "1")]).await;
    assert_eq!(first_of_step["total"], in_meetings);
    assert_eq!(ids(&first_of_step).len() as u64, in_meetings.min(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_list_asked_for_wrongly_is_refused_by_name() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    for (form, problem) in [
        (vec![("page", "0")], json!({"kind": "page_invalid", "value": "0", "max": 100000})),
        (vec![("page", "two")], json!({"kind": "page_invalid", "value": "two", "max": 100000})),
        (vec![("per_page", "51")], json!({"kind": "page_invalid", "value": "51", "max": 50})),
        (vec![("show", "archived")], json!({"kind": "unknown_listing", "value": "archived"})),
    ] {
        assert_error(app.call(&sanna, "my_cases", &form).await, StatusCode::UNPROCESSABLE_ENTITY, "map", Some(problem))
            .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_history_is_read_a_page_at_a_time_newest_page_first() {
    let app = TestApp::spawn().await;
    let sanna = app.signed_in("sanna.virtanen").await;
    let id = app.case_of("eino.mantyla").await.id.to_string();
    // Sixty plan saves: sixty more history events than the seed left.
    let mut seen = 2;
    for n in 0..60 {
        let (seen_now, date) = (seen.to_string(), day(200 + n));
        let form = [("case_id", id.as_str()), ("seen", &seen_now), ("op", "set_review_date"), ("review_date", &date)];
        let (status, body) = json(app.call(&sanna, "change_plan", &form).await).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        seen = body.as_i64().unwrap();
    }
    let total = app.history_len(app.case_of("eino.mantyla").await.id).await;
    assert!(total > 60, "{total}");
    let page_of = |history: &'static str| {
        let (app, sanna, id) = (&app, &sanna, id.clone());
        async move { json(app.call(sanna, "case", &[("case_id", id.as_str()), ("history", history)]).await).await }
    };
    let versions = |page: &Value| -> Vec<i64> {
        page["history"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["event"]["kind"] == "plan_saved")
            .filter_map(|e| e["event"]["version"].as_i64())
            .collect()
    };

    let (status, first) = page_of("").await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["history"].as_array().unwrap().len(), 50, "fifty a page");
    assert_eq!(first["history_total"].as_u64(), Some(total));
    assert_eq!(versions(&first), (13..=62).collect::<Vec<_>>(), "the newest fifty, oldest first within the page");
    let (_, second) = page_of("2").await;
    assert_eq!(second["history"].as_array().unwrap().len() as u64, total - 50);
    assert_eq!(versions(&second).last(), Some(&12), "the page before the first page's oldest");
    assert_error(
        app.call(&sanna, "case", &[("case_id", id.as_str()), ("history", "0")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "page",
        None,
    )
    .await;

    // Without JavaScript: the page shows fifty and links to the older ones.
    let html = app.get(&sanna, &format!("/cases/{id}")).await.text().await.unwrap();
    assert!(html.contains("?history=2#history-h"), "a link to the older events");
    let older = app.get(&sanna, &format!("/cases/{id}?history=2")).await.text().await.unwrap();
    assert!(older.contains("rel=\"prev\""));
}
